/// How long records are kept (AVG art. 5 lid 1 sub e; Archiefwet: Selectielijst gemeenten en
/// intergemeentelijke organen 2020). The terms are configuration, confirmed by the organisation's
/// archivist; the code only applies them.
public struct RetentionTerms: Codable, Sendable, Equatable {
    /// Years after the last support period of a household ended before its file is anonymised.
    public var clientFileYears: Int
    /// Years after which the old/new values of the access log are destroyed (the chain stays).
    public var auditPayloadYears: Int
    public var source: String

    public init(clientFileYears: Int, auditPayloadYears: Int, source: String) {
        (self.clientFileYears, self.auditPayloadYears, self.source) = (clientFileYears, auditPayloadYears, source)
    }
}

public enum Retention {
    /// A household's file is due when no support runs and the last one ended more than the term ago.
    public static func isDue(lastSupportEnd: Day?, anySupportOpen: Bool, today: Day, years: Int) -> Bool {
        guard !anySupportOpen, let end = lastSupportEnd else { return false }
        return end.adding(months: 12 * years) < today
    }

    /// What is kept of a birth date after anonymisation: the year, so counts by age stay right.
    public static func anonymisedBirth(_ day: Day) -> Day { Day(year: day.year, month: 1, day: 1)! }
}
