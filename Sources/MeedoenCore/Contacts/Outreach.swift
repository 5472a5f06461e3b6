/// Reaching out to young people without income (seed 001 r. 435: "jongeren tussen 23 en 27 jaar
/// zonder inkomen en startkwalificatie benaderen we actief"): for organisations whose profile turns
/// it on, residents recorded in Meedoen of that age on the day, without a running benefit and
/// without a startkwalificatie recorded. No population lists are imported for it.
public struct OutreachPolicy: Codable, Sendable, Equatable {
    public var fromAge: Int
    /// The first age no longer reached out to (27: "jongeren tot 27 jaar", as the Participatiewet counts youth).
    public var untilAge: Int
    public var source: String

    public init(fromAge: Int, untilAge: Int, source: String) { (self.fromAge, self.untilAge, self.source) = (fromAge, untilAge, source) }

    /// Born on or before this day: old enough on `day`.
    public func bornOnOrBefore(on day: Day) -> Day { day.adding(months: -12 * fromAge) }
    /// Born after this day: still young enough on `day`.
    public func bornAfter(on day: Day) -> Day { day.adding(months: -12 * untilAge) }

    public func qualifies(dateOfBirth: Day, on day: Day, hasRunningBenefit: Bool, hasStartkwalificatie: Bool) -> Bool {
        (fromAge..<untilAge).contains(dateOfBirth.age(on: day)) && !hasRunningBenefit && !hasStartkwalificatie
    }
}
