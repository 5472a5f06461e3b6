/// The AOW age of someone born on a given day (Algemene Ouderdomswet art. 7a). The law fixes it per
/// birth date, five years ahead, so the dated parameter `pensionAgeMonths` is keyed by birth date:
/// each entry holds for those born on or after its date. A value of 0 marks births the law has not
/// yet reached: the last known age applies, shown as "nog niet vastgesteld".
/// At this age the municipality's bijstand ends and the SVB takes over (AOW, and the aanvullende
/// inkomensvoorziening ouderen (AIO) where the AOW falls short): the income does not stop.
public struct PensionAge: Sendable, Equatable {
    public var years: Int
    public var months: Int
    /// Born past the table: the law has not fixed this age yet.
    public var provisional: Bool

    public init(totalMonths: Int, provisional: Bool = false) {
        (years, months, self.provisional) = (totalMonths / 12, totalMonths % 12, provisional)
    }

    /// The day the AOW age is reached (the day bijstand stops and the SVB takes over).
    public func reached(bornOn birth: Day) -> Day { birth.adding(months: years * 12 + months) }
}

extension LegalParameters {
    /// Nil when no entry covers this birth date at all.
    public func pensionAge(bornOn birth: Day) -> PensionAge? {
        let table = entries.filter { $0.key == .pensionAgeMonths }
        guard let entry = table.last(where: { $0.validFrom <= birth }) ?? table.first else { return nil }
        if entry.value > 0 { return PensionAge(totalMonths: entry.value) }
        guard let known = table.last(where: { $0.validFrom < entry.validFrom && $0.value > 0 }) else { return nil }
        return PensionAge(totalMonths: known.value, provisional: true)
    }
}
