import Fluent
import Foundation
import MeedoenCore

/// An effective-dated fact: valid from/to (what was true when) kept apart from recorded at/by and
/// superseded at/by (when we learned it, and when a correction replaced it). Rows are never
/// updated in their meaning and never deleted, so any figure can be recomputed as known on any date.
public protocol DatedRecord: Model where IDValue == UUID {
    associatedtype Value: Equatable & Sendable
    var validFrom: Date { get set }
    var validTo: Date? { get set }
    var recordedAt: Date { get set }
    var recordedBy: UUID? { get set }
    var supersededAt: Date? { get set }
    var supersededBy: UUID? { get set }
    var value: Value { get set }
    init()
}

extension DatedRecord {
    public var period: Period<Value> {
        Period(id: id!.uuidString, validFrom: Day(validFrom), validTo: validTo.map(Day.init), value: value)
    }

    public var isCurrent: Bool { supersededAt == nil }

    /// Known now (not superseded) and valid on `day`: the rule of `Dated.holds`, for a stored row.
    public func holds(on day: Day) -> Bool { dated.holds(on: day) }
}

/// The columns every dated table shares; used by the migration.
extension SchemaBuilder {
    func datedColumns() -> SchemaBuilder {
        self.field("valid_from", .date, .required)
            .field("valid_to", .date)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid)
            .field("superseded_at", .datetime)
            .field("superseded_by", .uuid)
    }
}
