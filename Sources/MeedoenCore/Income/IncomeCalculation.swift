/// "Werken loont": what a household has each month when the claimant (or partner) takes a job,
/// against staying on bijstand without work. Participatiewet art. 19–22a (norms), art. 31 lid 2
/// sub j, n, r, y, z, aa and lid 5 (exemptions, premium), art. 34a (Participatiewet in balans,
/// when dated). Amounts: the dated LegalParameters; sources in Resources/Parameters.
public struct IncomeInput: Sendable, Equatable {
    public var startMonth: Day
    public var months: Int
    public var claimantBirth: Day
    public var partnerBirth: Day?
    /// Whose earnings these are; the exemptions depend on the earner's age.
    public var earnerIsPartner: Bool
    public var childrenBirths: [Day]
    public var coResidents: [CostSharingMember]
    public var netMonthlyEarnings: Money
    public var hoursPerWeek: Int
    public var medicallyLimitedHours: Bool  // sub y
    public var wageCostSubsidyTargetGroup: Bool  // sub z, aa; and sub j under 27
    public var hoursCannotIncrease: Bool  // sub aa after z
    public var premiums: [Premium]
    public var policy: MunicipalIncomePolicy

    public struct Premium: Sendable, Equatable {
        public var month: Day
        public var amount: Money
        public init(month: Day, amount: Money) { (self.month, self.amount) = (month, amount) }
    }

    public init(
        startMonth: Day, months: Int = 36, claimantBirth: Day, partnerBirth: Day? = nil, earnerIsPartner: Bool = false,
        childrenBirths: [Day] = [], coResidents: [CostSharingMember] = [], netMonthlyEarnings: Money, hoursPerWeek: Int,
        medicallyLimitedHours: Bool = false, wageCostSubsidyTargetGroup: Bool = false, hoursCannotIncrease: Bool = false,
        premiums: [Premium] = [], policy: MunicipalIncomePolicy = .legalMaximum
    ) {
        self.startMonth = Day(year: startMonth.year, month: startMonth.month, day: 1)!
        (self.months, self.claimantBirth, self.partnerBirth, self.earnerIsPartner) = (months, claimantBirth, partnerBirth, earnerIsPartner)
        (self.childrenBirths, self.coResidents, self.netMonthlyEarnings, self.hoursPerWeek) = (
            childrenBirths, coResidents, netMonthlyEarnings, hoursPerWeek
        )
        (self.medicallyLimitedHours, self.wageCostSubsidyTargetGroup, self.hoursCannotIncrease) = (
            medicallyLimitedHours, wageCostSubsidyTargetGroup, hoursCannotIncrease
        )
        (self.premiums, self.policy) = (premiums, policy)
    }
}

/// Which rule exempted earnings in a month.
public enum ExemptionRule: String, CaseIterable, Codable, Sendable {
    case n, r, y, z, aa, balans
}

public struct IncomeMonth: Sendable, Equatable {
    public var month: Day
    public var norm: Money
    public var costSharers: Int
    public var earnings: Money
    public var exempted: Money
    public var rule: ExemptionRule?
    public var benefit: Money
    public var premium: Money
    public var exitPremium: Money
    public var total: Money
    /// Total income against the norm alone (staying on bijstand without work).
    public var gainFromWork: Money
    public var usesLatestKnownAmounts: Bool
}

public struct IncomeResult: Sendable, Equatable {
    public var months: [IncomeMonth]
    /// Months in which income falls because an exemption ended or shrank (the "cliff").
    public var cliffs: [(month: Day, drop: Money, ended: ExemptionRule?)]
    /// First month of full exit from bijstand (no benefit left), if any.
    public var fullExit: Day?
    /// The exit premium applies on full exit but its amount is not set in the profile.
    public var exitPremiumWithoutAmount: Bool

    public static func == (a: Self, b: Self) -> Bool {
        a.months == b.months && a.fullExit == b.fullExit && a.cliffs.map(\.month) == b.cliffs.map(\.month)
            && a.cliffs.map(\.drop) == b.cliffs.map(\.drop)
    }
}

public enum IncomeProblem: Error, Equatable, Sendable {
    case negativeEarnings
    case hoursOutOfRange  // 0…60
    case monthsOutOfRange  // 1…60
    case claimantUnder21  // youth norms are not in the reference: refuse rather than guess
    case partnerUnder21
    case pensionAgeReached  // bijstand ends at AOW age
    case childBornAfterStart
    case policyBeyondLegalMaximum
    case missingParameter(ParameterKey, Day)
    case premiumNotAllowedUnder27(Day)
    case tooManyPremiums(year: Int)  // "een- of tweemalige premie"
    case premiumsOverCap(year: Int, cap: Money)
    case premiumOutsidePeriod(Day)
}

public enum IncomeCalculator {
    public static func calculate(_ input: IncomeInput, parameters: LegalParameters) throws(IncomeProblem) -> IncomeResult {
        try validate(input, parameters)
        var months: [IncomeMonth] = []
        var rMonthsUsed = 0
        var rEnded = false
        var balansMonthsUsed = 0
        var fullExit: Day?
        let newest = parameters.newestValidFrom
        for index in 0..<input.months {
            let month = input.startMonth.adding(months: index)
            let p = Lookup(parameters: parameters, day: month)
            let members = costSharingMembers(input)
            let sharers = CostSharing.numberOfCostSharers(members, on: month)
            let norm = try self.norm(couple: input.partnerBirth != nil, sharers: sharers, p)
            let earnerAge = (input.earnerIsPartner ? input.partnerBirth! : input.claimantBirth).age(on: month)
            let earnings = input.netMonthlyEarnings

            // Which exemption applies this month (art. 31 lid 2, in the order the law gives precedence).
            var rule: ExemptionRule?
            var exempted = Money.zero
            if parameters.isOn(.balansActive, on: month) {
                // Art. 34a lid 1: 15% without a maximum, 12 consecutive months; medically limited: no time limit.
                let balansMonths = try p.int(.balansMonths)
                if input.medicallyLimitedHours || balansMonthsUsed < balansMonths {
                    rule = .balans
                    exempted = earnings.percent(try p.int(.balansPercent))
                    balansMonthsUsed += 1
                }
            } else {
                let minimumAge = try p.int(.exemptionMinimumAge)
                let adult = earnerAge >= minimumAge
                let legalNMonths = try p.int(.exemptionNMonths)
                let legalRMonths = try p.int(.exemptionRMonths)
                let nMonths = min(input.policy.exemptionNMonths, legalNMonths)
                let inNPeriod = index < nMonths  // the six months run from the start of the work
                let zMonths = try p.int(.exemptionZMonths)
                if inNPeriod && adult {
                    rule = .n
                    exempted = Money.min(earnings.percent(try p.int(.exemptionNPercent)), try p.money(.exemptionNCap))
                } else if input.medicallyLimitedHours {
                    rule = .y
                    exempted = Money.min(earnings.percent(try p.int(.exemptionYZPercent)), try p.money(.exemptionYCap))
                } else if input.wageCostSubsidyTargetGroup && !inNPeriod && (index < nMonths + zMonths || input.hoursCannotIncrease) {
                    rule = index < nMonths + zMonths ? .z : .aa
                    exempted = Money.min(earnings.percent(try p.int(.exemptionYZPercent)), try p.money(.exemptionZCap))
                } else if !inNPeriod && adult && !rEnded && input.partnerBirth == nil
                    && input.childrenBirths.contains(where: { $0.age(on: month) < 12 })
                    && rMonthsUsed < min(input.policy.exemptionRMonths, legalRMonths)
                {
                    rule = .r
                    exempted = Money.min(earnings.percent(try p.int(.exemptionRPercent)), try p.money(.exemptionRCap))
                    rMonthsUsed += 1
                } else if rMonthsUsed > 0 {
                    rEnded = true  // sub r runs for one consecutive period only
                }
            }

            let counted = earnings - exempted
            let benefit = Money.max(.zero, norm - counted)
            if benefit == .zero && fullExit == nil && earnings > .zero { fullExit = month }
            let premium = input.premiums.filter { $0.month.year == month.year && $0.month.month == month.month }.reduce(Money.zero) {
                $0 + $1.amount
            }
            let exitPremium = fullExit == month ? (input.policy.exitPremium?.amount ?? .zero) : .zero
            // Earnings count in full once no benefit is left; the exemption only matters beside bijstand.
            let total = (benefit == .zero ? earnings : earnings + benefit) + premium + exitPremium
            months.append(
                IncomeMonth(
                    month: month, norm: norm, costSharers: sharers, earnings: earnings, exempted: benefit == .zero ? .zero : exempted,
                    rule: benefit == .zero ? nil : rule, benefit: benefit, premium: premium, exitPremium: exitPremium, total: total,
                    gainFromWork: total - norm, usesLatestKnownAmounts: newest.map { month > $0.adding(months: 5) } ?? false))
        }
        var cliffs: [(Day, Money, ExemptionRule?)] = []
        for (previous, current) in zip(months, months.dropFirst()) {
            let recurringPrevious = previous.total - previous.premium - previous.exitPremium
            let recurringCurrent = current.total - current.premium - current.exitPremium
            if recurringCurrent < recurringPrevious, previous.rule != current.rule {
                cliffs.append((current.month, recurringPrevious - recurringCurrent, previous.rule))
            }
        }
        return IncomeResult(
            months: months, cliffs: cliffs, fullExit: fullExit,
            exitPremiumWithoutAmount: fullExit != nil && input.policy.exitPremium != nil && input.policy.exitPremium?.amount == nil)
    }

    /// Art. 21 and 22a: the single or married norm, or the cost-sharers' norm when others count.
    /// Rounding choice: the per-person cost-sharer norm is rounded to the cent, then doubled for a
    /// couple, as the law sets the couple's norm as the sum of the two personal norms (art. 22a lid 2).
    static func norm(couple: Bool, sharers: Int, _ p: Lookup) throws(IncomeProblem) -> Money {
        let benefitUnit = couple ? 2 : 1
        if sharers <= benefitUnit { return try p.money(couple ? .normMarried : .normSingle) }
        let perPerson = try p.money(.normMarried).scaled(by: 40 + 30 * sharers, over: 100 * sharers)
        return couple ? perPerson + perPerson : perPerson
    }

    static func costSharingMembers(_ input: IncomeInput) -> [CostSharingMember] {
        var members = [CostSharingMember(relation: .applicant, dateOfBirth: input.claimantBirth)]
        if let partner = input.partnerBirth { members.append(CostSharingMember(relation: .partner, dateOfBirth: partner)) }
        members += input.childrenBirths.map { CostSharingMember(relation: .child, dateOfBirth: $0) }
        return members + input.coResidents
    }

    static func validate(_ input: IncomeInput, _ parameters: LegalParameters) throws(IncomeProblem) {
        if input.netMonthlyEarnings < .zero || input.premiums.contains(where: { $0.amount < .zero }) { throw .negativeEarnings }
        if !(0...60).contains(input.hoursPerWeek) { throw .hoursOutOfRange }
        if !(1...60).contains(input.months) { throw .monthsOutOfRange }
        let start = input.startMonth
        let p = Lookup(parameters: parameters, day: start)
        _ = try p.int(.normSingle)  // a start month before the first loaded amounts
        if input.claimantBirth.age(on: start) < 21 { throw .claimantUnder21 }
        if let partner = input.partnerBirth, partner.age(on: start) < 21 { throw .partnerUnder21 }
        let pensionAge = try p.int(.pensionAge)
        if input.claimantBirth.age(on: start) >= pensionAge || (input.partnerBirth?.age(on: start) ?? 0) >= pensionAge {
            throw .pensionAgeReached
        }
        if input.childrenBirths.contains(where: { $0 > start }) { throw .childBornAfterStart }
        let (legalN, legalR) = (try p.int(.exemptionNMonths), try p.int(.exemptionRMonths))
        if input.policy.exemptionNMonths > legalN || input.policy.exemptionRMonths > legalR {
            throw .policyBeyondLegalMaximum
        }
        // Sub j: one or two payments per calendar year within the cap; under 27 only in the LKS target group (lid 5).
        let end = start.adding(months: input.months)
        for premium in input.premiums {
            if premium.month < start || premium.month >= end { throw .premiumOutsidePeriod(premium.month) }
            let earner = input.earnerIsPartner ? input.partnerBirth! : input.claimantBirth
            let minimumAge = try Lookup(parameters: parameters, day: premium.month).int(.exemptionMinimumAge)
            if earner.age(on: premium.month) < minimumAge && !input.wageCostSubsidyTargetGroup {
                throw .premiumNotAllowedUnder27(premium.month)
            }
        }
        for (year, inYear) in Dictionary(grouping: input.premiums, by: \.month.year) {
            if inYear.count > 2 { throw .tooManyPremiums(year: year) }
            let cap = try Lookup(parameters: parameters, day: inYear.map(\.month).max()!).money(.premiumJCap)
            let sum = inYear.reduce(Money.zero) { $0 + $1.amount }
            if sum > cap { throw .premiumsOverCap(year: year, cap: cap) }
        }
    }
}

/// Parameter look-ups for one day, turning a missing value into the calculator's own problem.
struct Lookup {
    let parameters: LegalParameters
    let day: Day

    func int(_ key: ParameterKey) throws(IncomeProblem) -> Int {
        do { return try parameters.value(key, on: day) } catch { throw .missingParameter(key, day) }
    }

    func money(_ key: ParameterKey) throws(IncomeProblem) -> Money { Money(cents: try int(key)) }
}
