import Foundation

/// The national, dated legal parameters of the installation (norms, caps, minimum wage,
/// percentages, durations). Each has a unit, a valid-from date and its source; a calculation for a
/// month uses the value valid on the first day of that month.
public enum ParameterKey: String, CaseIterable, Codable, Sendable {
    case normSingle  // art. 21 onder a, per month incl. holiday allowance
    case normMarried  // art. 21 onder b
    case exemptionNPercent, exemptionNCap, exemptionNMonths  // art. 31 lid 2 sub n
    case exemptionRPercent, exemptionRCap, exemptionRMonths  // sub r
    case exemptionYZPercent, exemptionYCap, exemptionZCap, exemptionZMonths  // sub y, z, aa
    case exemptionMinimumAge  // art. 31 lid 5: n, r and j not below this age
    case premiumJCap  // sub j, per calendar year
    /// AOW age in months, keyed by birth date ("valid from" = born on or after; 0 = not yet fixed): PensionAge
    case pensionAgeMonths
    case holidayAllowanceInNormPercent  // art. 19 lid 3
    case wmlHour  // statutory minimum wage per hour, 21+
    case wmlHolidayAllowancePercent
    /// The youth minimum wage as a share of the adult one, by age (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2): wage-cost subsidy under 21.
    case wmlAge20Percent, wmlAge19Percent, wmlAge18Percent, wmlAge17Percent, wmlAge16Percent, wmlAge15Percent
    case lksMaxPercent, lksEmployerAllowancePercent, lksFlatPercent, lksFlatMonths, fullTimeHours  // art. 10d
    case balansActive, balansPercent, balansMonths  // art. 34a (Wet Participatiewet in balans), off until dated

    public enum Unit: String, Codable, Sendable {
        case cents, basisPoints, months, years, hours, flag
        /// An age in months, keyed by birth date rather than by day of effect.
        case ageByBirthDate
    }

    public var unit: Unit {
        switch self {
        case .normSingle, .normMarried, .exemptionNCap, .exemptionRCap, .exemptionYCap, .exemptionZCap, .premiumJCap, .wmlHour: .cents
        case .exemptionNPercent, .exemptionRPercent, .exemptionYZPercent, .holidayAllowanceInNormPercent, .wmlHolidayAllowancePercent,
            .lksMaxPercent, .lksEmployerAllowancePercent, .lksFlatPercent, .balansPercent, .wmlAge20Percent, .wmlAge19Percent,
            .wmlAge18Percent, .wmlAge17Percent, .wmlAge16Percent, .wmlAge15Percent:
            .basisPoints
        case .exemptionNMonths, .exemptionRMonths, .exemptionZMonths, .lksFlatMonths, .balansMonths: .months
        case .exemptionMinimumAge: .years
        case .pensionAgeMonths: .ageByBirthDate
        case .fullTimeHours: .hours
        case .balansActive: .flag
        }
    }
}

public struct ParameterEntry: Codable, Sendable, Equatable {
    public var key: ParameterKey
    public var validFrom: Day
    public var value: Int
    public var source: String

    public init(key: ParameterKey, validFrom: Day, value: Int, source: String) {
        (self.key, self.validFrom, self.value, self.source) = (key, validFrom, value, source)
    }
}

public struct LegalParameters: Sendable {
    private let series: [ParameterKey: [ParameterEntry]]

    public init(_ entries: [ParameterEntry]) {
        series = Dictionary(grouping: entries, by: \.key).mapValues { $0.sorted { $0.validFrom < $1.validFrom } }
    }

    public enum Problem: Error, Equatable, Sendable {
        case missing(ParameterKey, Day)
    }

    /// The value valid on `day`: the latest entry from that day or before.
    public func value(_ key: ParameterKey, on day: Day) throws(Problem) -> Int {
        guard let entry = series[key]?.last(where: { $0.validFrom <= day }) else { throw .missing(key, day) }
        return entry.value
    }

    public func money(_ key: ParameterKey, on day: Day) throws(Problem) -> Money { Money(cents: try value(key, on: day)) }

    /// An optional switch (a rule set with a date of effect): off when no entry holds yet.
    public func isOn(_ key: ParameterKey, on day: Day) -> Bool {
        (series[key]?.last(where: { $0.validFrom <= day })?.value ?? 0) != 0
    }

    /// The newest date from which this parameter was set.
    public func newestValidFrom(_ key: ParameterKey) -> Day? { series[key]?.last?.validFrom }

    /// The youth minimum wage share (basis points of the adult hourly minimum wage) for an age;
    /// 10,000 from 21 (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2). Nil below 15, where the law sets no minimum wage.
    public func minimumWageShare(age: Int, on day: Day) throws(Problem) -> Int? {
        let keys: [Int: ParameterKey] = [
            20: .wmlAge20Percent, 19: .wmlAge19Percent, 18: .wmlAge18Percent, 17: .wmlAge17Percent, 16: .wmlAge16Percent,
            15: .wmlAge15Percent,
        ]
        if age >= 21 { return 10_000 }
        guard let key = keys[age] else { return nil }
        return try value(key, on: day)
    }

    public var entries: [ParameterEntry] {
        series.values.flatMap { $0 }.sorted { ($0.key.rawValue, $0.validFrom) < ($1.key.rawValue, $1.validFrom) }
    }

    /// The shipped data file: `{"entries": [{"key", "validFrom", "value", "source"}]}`.
    public static func decode(_ data: Data) throws -> [ParameterEntry] {
        struct File: Decodable { var entries: [ParameterEntry] }
        return try JSONDecoder().decode(File.self, from: data).entries
    }
}
