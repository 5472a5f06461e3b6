import Foundation
import MeedoenCore
import SQLKit

/// The one rule for "holds on day D, as known at moment K" (issue 14): a dated row holds when its
/// validity covers D, it was recorded by K and not yet superseded at K. Search, the worklists and
/// (next) every indicator ask it through here; `Dated.holds(on:knownAt:)` (MeedoenCore) is the same
/// rule in Swift for a file already loaded (`AsOfTests` checks that the two agree).
public struct AsOf: Sendable, Equatable {
    public var day: Day
    /// Nil: as known now (only rows not superseded).
    public var knownAt: Date?

    public init(_ day: Day, knownAt: Date? = nil) { (self.day, self.knownAt) = (day, knownAt) }

    /// The condition for a row of a dated table (`DatedRecord` columns) under `alias`.
    public func holds(_ alias: String) -> SQLQueryString {
        var condition: SQLQueryString =
            "\(ident: alias).valid_from <= \(bind: day.date) AND (\(ident: alias).valid_to IS NULL OR \(ident: alias).valid_to >= \(bind: day.date))"
        if let knownAt {
            condition +=
                " AND \(ident: alias).recorded_at <= \(bind: knownAt) AND (\(ident: alias).superseded_at IS NULL OR \(ident: alias).superseded_at > \(bind: knownAt))"
        } else {
            condition += " AND \(ident: alias).superseded_at IS NULL"
        }
        return condition
    }

    /// A LEFT JOIN of a household's dated table, holding on the day.
    public func householdJoin(_ table: String, _ alias: String) -> SQLQueryString {
        "LEFT JOIN \(ident: table) \(ident: alias) ON \(ident: alias).household_id = h.id AND " + holds(alias) + " "
    }
}
