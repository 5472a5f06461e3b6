import Foundation

/// The current moment, injected so rules and tests never read the system clock themselves.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock(now: { Date() })

    public static func fixed(_ date: Date) -> Clock { Clock(now: { date }) }

    /// The calendar day in the Netherlands, which is what "today" means to a case manager.
    public var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// New identifiers, injected for the same reason as the clock.
public struct IDGenerator: Sendable {
    public var next: @Sendable () -> UUID

    public init(next: @escaping @Sendable () -> UUID) { self.next = next }

    public static let random = IDGenerator(next: { UUID() })
}
