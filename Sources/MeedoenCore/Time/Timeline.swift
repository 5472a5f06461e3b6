/// One effective-dated fact as it is known now: what held from `validFrom` up to and including
/// `validTo` (open-ended when nil).
public struct Period<Value: Equatable & Sendable>: Equatable, Sendable {
    public var id: UUIDString
    public var validFrom: Day
    public var validTo: Day?
    public var value: Value

    public init(id: UUIDString, validFrom: Day, validTo: Day?, value: Value) {
        (self.id, self.validFrom, self.validTo, self.value) = (id, validFrom, validTo, value)
    }

    public func contains(_ day: Day) -> Bool {
        validFrom <= day && (validTo.map { day <= $0 } ?? true)
    }

    func overlaps(from: Day, to: Day?) -> Bool {
        let startsBeforeOtherEnds = to.map { validFrom <= $0 } ?? true
        let endsAfterOtherStarts = validTo.map { $0 >= from } ?? true
        return startsBeforeOtherEnds && endsAfterOtherStarts
    }
}

public typealias UUIDString = String

/// How to record "from `from` (to `to`) the value is X" on a timeline without losing what was
/// known before: periods it overlaps are superseded (kept, marked as replaced) and the parts of
/// them outside the new period are written again, followed by the new period itself.
///
/// Storage applies the plan in one transaction; the old rows stay for the history and audit.
public struct TimelineChange<Value: Equatable & Sendable>: Equatable, Sendable {
    public var supersede: [UUIDString]
    public var insert: [(validFrom: Day, validTo: Day?, value: Value)]

    public init(supersede: [UUIDString], insert: [(validFrom: Day, validTo: Day?, value: Value)]) {
        (self.supersede, self.insert) = (supersede, insert)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.supersede == rhs.supersede
            && lhs.insert.map { "\($0.validFrom)|\(String(describing: $0.validTo))" }
                == rhs.insert.map { "\($0.validFrom)|\(String(describing: $0.validTo))" }
            && lhs.insert.map(\.value) == rhs.insert.map(\.value)
    }
}

public enum Timeline {
    public enum Problem: Error, Equatable, Sendable {
        case endBeforeStart
        /// Ending on a day on which nothing holds.
        case nothingHolds
    }

    /// Plans the change; `current` are the periods not yet superseded.
    public static func set<Value>(
        _ value: Value, from: Day, to: Day? = nil, on current: [Period<Value>]
    ) throws(Problem) -> TimelineChange<Value> {
        if let to, to < from { throw .endBeforeStart }
        var change = TimelineChange<Value>(supersede: [], insert: [])
        for period in current.sorted(by: { $0.validFrom < $1.validFrom }) where period.overlaps(from: from, to: to) {
            change.supersede.append(period.id)
            if period.validFrom < from {
                change.insert.append((period.validFrom, from.adding(days: -1), period.value))
            }
            if let to, period.validTo.map({ $0 > to }) ?? true {
                change.insert.append((to.adding(days: 1), period.validTo, period.value))
            }
        }
        change.insert.append((from, to, value))
        change.insert.sort { $0.validFrom < $1.validFrom }
        return change
    }

    /// The value that holds on `day`, if any.
    public static func value<Value>(on day: Day, in periods: [Period<Value>]) -> Value? {
        periods.first { $0.contains(day) }?.value
    }
}

extension Timeline {
    /// Plans ending the period that holds on `day`: it is superseded and written again ending on `day`.
    public static func end<Value>(on day: Day, in current: [Period<Value>]) throws(Problem) -> TimelineChange<Value> {
        guard let period = current.first(where: { $0.contains(day) }) else {
            throw current.contains { day < $0.validFrom } ? .endBeforeStart : .nothingHolds
        }
        return TimelineChange(supersede: [period.id], insert: [(period.validFrom, day, period.value)])
    }
}
