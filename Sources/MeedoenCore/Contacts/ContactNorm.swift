/// Contact with a household, and the norm for how often (R6, "iedereen in beeld").
public enum ContactKind: String, CaseIterable, Codable, Sendable {
    case conversation  // gesprek
    case homeVisit  // huisbezoek
    case phone  // telefoon
    case groupMeeting  // groepsbijeenkomst
    case digital  // digitaal
}

/// How often a household must be seen: at least once per calendar year (Nijkerk, seed 001: "minimaal
/// éénmaal per kalenderjaar"), or at least every N months.
public enum ContactNorm: Codable, Sendable, Equatable {
    case perCalendarYear
    case everyMonths(Int)

    public enum Status: String, Sendable, Equatable {
        case withinNorm
        /// Not yet seen in this period, but the period has not ended (a calendar-year norm in its year).
        case due
        /// The norm was missed.
        case overdue
    }

    /// Per calendar year: a household without contact this year is "due"; overdue only when last year
    /// passed without contact too (that is, after 31 December of a year without contact). Every N
    /// months: overdue once the last contact is more than N months ago, due in the month before.
    /// A household without any contact counts from the start of support.
    public func status(lastContact: Day?, supportStart: Day, today: Day) -> Status {
        let reference = lastContact ?? supportStart
        switch self {
        case .perCalendarYear:
            if let last = lastContact, last.year == today.year { return .withinNorm }
            // Missed a whole calendar year in which the household was already supported.
            let lastYearMissed = reference.year < today.year - 1 || (lastContact == nil && supportStart.year < today.year)
            return lastYearMissed ? .overdue : .due
        case .everyMonths(let months):
            if reference.adding(months: months) < today { return .overdue }
            if reference.adding(months: months - 1) < today { return .due }
            return .withinNorm
        }
    }

    public var isValid: Bool {
        if case .everyMonths(let months) = self { return (1...60).contains(months) }
        return true
    }
}

/// The contact norm as an organisation's profile states it, with its source.
public struct ContactPolicy: Codable, Sendable, Equatable {
    public var kind: String  // "perCalendarYear" or "everyMonths"
    public var months: Int?
    public var source: String

    public init(kind: String, months: Int? = nil, source: String) { (self.kind, self.months, self.source) = (kind, months, source) }

    public var norm: ContactNorm? {
        switch kind {
        case "perCalendarYear": return .perCalendarYear
        case "everyMonths": return months.map(ContactNorm.everyMonths).flatMap { $0.isValid ? $0 : nil }
        default: return nil
        }
    }
}
