/// Contact with a household, and the norm for how often (R6, "iedereen in beeld").
public enum ContactKind: String, CaseIterable, Codable, Sendable {
    case conversation  // gesprek
    case homeVisit  // huisbezoek
    case phone  // telefoon
    case groupMeeting  // groepsbijeenkomst
    case digital  // digitaal (e-mail, chat)
    case video  // beeldbellen
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

    /// The last day by which the client must have been seen. Per calendar year: the end of the year
    /// after the last contact's year; without any contact the end of the year support started, but
    /// never earlier than `firstDueAfterMonths` after that start (a client who enters in November is
    /// not overdue on 1 January). Every N months: N months after the last contact, or the start.
    public func deadline(lastContact: Day?, supportStart: Day, firstDueAfterMonths: Int = 3) -> Day {
        // A contact from before this period of support still counts, but never makes a client who
        // just (re)started overdue before the first due date.
        if let last = lastContact, last < supportStart {
            return max(Self.deadline(self, last), supportStart.adding(months: firstDueAfterMonths))
        }
        switch self {
        case .perCalendarYear:
            guard let last = lastContact else {
                return max(Day(year: supportStart.year, month: 12, day: 31)!, supportStart.adding(months: firstDueAfterMonths))
            }
            return Self.deadline(self, last)
        case .everyMonths(let months):
            return lastContact.map { Self.deadline(self, $0) } ?? supportStart.adding(months: months)
        }
    }

    private static func deadline(_ norm: ContactNorm, _ last: Day) -> Day {
        switch norm {
        case .perCalendarYear: Day(year: last.year + 1, month: 12, day: 31)!
        case .everyMonths(let months): last.adding(months: months)
        }
    }

    /// Overdue after the deadline. Per calendar year: due while not yet seen this calendar year;
    /// every N months: due in the month before the deadline. The deadline comes with the status, so
    /// a caller that words it does not work it out again.
    public func status(lastContact: Day?, supportStart: Day, today: Day, firstDueAfterMonths: Int = 3) -> (
        status: Status, deadline: Day
    ) {
        let deadline = deadline(lastContact: lastContact, supportStart: supportStart, firstDueAfterMonths: firstDueAfterMonths)
        if deadline < today { return (.overdue, deadline) }
        switch self {
        case .perCalendarYear:
            if let last = lastContact, last.year == today.year { return (.withinNorm, deadline) }
            return (.due, deadline)
        case .everyMonths:
            return (deadline.adding(months: -1) < today ? .due : .withinNorm, deadline)
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
    /// Which kinds of contact count for the norm (organisation level; seed 000 speaks of "persoonlijk
    /// contact"). Nil: every kind.
    public var countingKinds: [ContactKind]?
    /// Why these kinds: the seed line, or the beheerder's choice where the seeds are silent.
    public var countingKindsSource: String?
    /// Under a calendar-year norm, the first due date is at least this many months after support
    /// started (nil: 3).
    public var firstDueAfterMonths: Int?

    public init(
        kind: String, months: Int? = nil, source: String, countingKinds: [ContactKind]? = nil, countingKindsSource: String? = nil,
        firstDueAfterMonths: Int? = nil
    ) {
        (self.kind, self.months, self.source) = (kind, months, source)
        (self.countingKinds, self.countingKindsSource, self.firstDueAfterMonths) = (countingKinds, countingKindsSource, firstDueAfterMonths)
    }

    public var norm: ContactNorm? {
        switch kind {
        case "perCalendarYear": return .perCalendarYear
        case "everyMonths": return months.map(ContactNorm.everyMonths).flatMap { $0.isValid ? $0 : nil }
        default: return nil
        }
    }

    /// Whether a contact of this kind counts for the norm.
    public func counts(_ kind: ContactKind) -> Bool { countingKinds?.contains(kind) ?? true }

    public var firstDueMonths: Int { firstDueAfterMonths ?? 3 }
}
