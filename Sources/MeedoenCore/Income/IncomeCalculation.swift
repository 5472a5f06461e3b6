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
    /// Art. 22a lid 4: the claimant stays elsewhere for a while to give intensive mantelzorg; the
    /// cost-sharers' norm does not apply meanwhile.
    public var staysElsewhereForCare: Bool = false
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
        (self.childrenBirths, self.coResidents) = (childrenBirths, coResidents)
        (self.netMonthlyEarnings, self.hoursPerWeek) = (netMonthlyEarnings, hoursPerWeek)
        (self.medicallyLimitedHours, self.wageCostSubsidyTargetGroup) = (medicallyLimitedHours, wageCostSubsidyTargetGroup)
        (self.hoursCannotIncrease, self.premiums, self.policy) = (hoursCannotIncrease, premiums, policy)
    }

    var earnerBirth: Day { earnerIsPartner ? (partnerBirth ?? claimantBirth) : claimantBirth }
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
    /// An amount used this month is older than the half-yearly indexation: the last known value.
    public var usesLatestKnownAmounts: Bool
}

/// A month in which income falls: an exemption ended, or the norm fell (a co-resident turned 27).
public struct IncomeCliff: Sendable, Equatable {
    public var month: Day
    public var drop: Money
    /// The exemption that ended; nil when the norm itself fell.
    public var ended: ExemptionRule?
}

public struct IncomeResult: Sendable, Equatable {
    public var months: [IncomeMonth]
    public var cliffs: [IncomeCliff]
    /// First month of full exit from bijstand (no benefit left), if any.
    public var fullExit: Day?
    /// The exit premium applies on full exit but its amount is not set in the profile.
    public var exitPremiumWithoutAmount: Bool
    /// The calculation stops here: the claimant or partner reaches the AOW age.
    public var stopsAtPensionAge: Day?
    /// That AOW age is the last one the law fixed, not yet the person's own (AOW art. 7a).
    public var pensionAgeProvisional: Bool = false
}

public enum IncomeProblem: Error, Equatable, Sendable {
    case negativeEarnings
    case amountTooLarge  // above € 100.000 a month: a typing error, not a wage
    case hoursOutOfRange  // 0…60
    case monthsOutOfRange  // 1…60
    case claimantUnder21  // youth norms are not in the reference: refuse rather than guess
    case partnerUnder21
    case earnerWithoutPartner
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
    /// Readings of the law where it leaves room, chosen here and kept in one place:
    /// - A month's amounts are those valid on its first day; ages too are taken on the first day.
    /// - Sub n's six months are the first six months with bijstand in which the earner is 27 or
    ///   older (lid 5); someone who turns 27 while working gets them from then on.
    /// - Sub z's twelve months follow sub n's six; for someone sub n cannot apply to (under 27),
    ///   they start with the work. Sub r follows sub n and applies only when y, z and aa do not.
    /// - Exemption months are used up only in months with bijstand ("voor zover hij algemene
    ///   bijstand ontvangt"); sub r's months are one consecutive period.
    public static func calculate(_ input: IncomeInput, parameters: LegalParameters) throws(IncomeProblem) -> IncomeResult {
        try validate(input, parameters)
        var months: [IncomeMonth] = []
        var (nUsed, rUsed, zUsed, balansUsed) = (0, 0, 0, 0)
        var rEnded = false
        var fullExit: Day?
        var stopsAtPensionAge: Day?
        let members = costSharingMembers(input)
        for index in 0..<input.months {
            let month = input.startMonth.adding(months: index)
            let p = Lookup(parameters: parameters, day: month)
            if let reached = try pensionAgeDay(input, parameters), reached <= month {
                stopsAtPensionAge = month
                break
            }
            let sharers =
                input.staysElsewhereForCare ? (input.partnerBirth == nil ? 1 : 2) : CostSharing.numberOfCostSharers(members, on: month)
            let norm = try self.norm(couple: input.partnerBirth != nil, sharers: sharers, p)
            let earnings = input.netMonthlyEarnings
            let minimumAge = try p.int(.exemptionMinimumAge)
            let adult = input.earnerBirth.age(on: month) >= minimumAge
            let nMonths = min(input.policy.exemptionNMonths, try p.int(.exemptionNMonths))
            let rMonths = min(input.policy.exemptionRMonths, try p.int(.exemptionRMonths))
            let zMonths = try p.int(.exemptionZMonths)
            let nPending = adult && nUsed < nMonths
            let afterN = !nPending && (nUsed >= nMonths || !adult)

            // Which exemption applies (art. 31 lid 2, with the precedence the law gives).
            var rule: ExemptionRule?
            var exempted = Money.zero
            if parameters.isOn(.balansActive, on: month) {
                // Art. 34a lid 1: 15% without a maximum for 12 consecutive months; medically limited: no limit.
                let balansMonths = try p.int(.balansMonths)
                if input.medicallyLimitedHours || balansUsed < balansMonths {
                    (rule, exempted) = (.balans, earnings.percent(try p.int(.balansPercent)))
                }
            } else if nPending {
                (rule, exempted) = (.n, Money.min(earnings.percent(try p.int(.exemptionNPercent)), try p.money(.exemptionNCap)))
            } else if input.medicallyLimitedHours {
                (rule, exempted) = (.y, Money.min(earnings.percent(try p.int(.exemptionYZPercent)), try p.money(.exemptionYCap)))
            } else if input.wageCostSubsidyTargetGroup && afterN && (zUsed < zMonths || input.hoursCannotIncrease) {
                let cap = try p.money(.exemptionZCap)
                (rule, exempted) = (zUsed < zMonths ? .z : .aa, Money.min(earnings.percent(try p.int(.exemptionYZPercent)), cap))
            } else if afterN && adult && !rEnded && input.partnerBirth == nil && rUsed < rMonths
                && input.childrenBirths.contains(where: { $0.age(on: month) < 12 })
            {
                (rule, exempted) = (.r, Money.min(earnings.percent(try p.int(.exemptionRPercent)), try p.money(.exemptionRCap)))
            } else if rUsed > 0 {
                rEnded = true
            }

            let benefit = Money.max(.zero, norm - (earnings - exempted))
            let onBijstand = benefit > .zero
            if onBijstand {
                switch rule {
                case .n: nUsed += 1
                case .r: rUsed += 1
                case .z: zUsed += 1
                case .balans: balansUsed += 1
                default: break
                }
            } else if rule == .r {
                rEnded = true  // a month without bijstand breaks sub r's consecutive period
            }
            if !onBijstand && fullExit == nil && earnings > .zero { fullExit = month }
            let premium = input.premiums.filter { $0.month.year == month.year && $0.month.month == month.month }.reduce(Money.zero) {
                $0 + $1.amount
            }
            let exitPremium = fullExit == month ? (input.policy.exitPremium?.amount ?? .zero) : .zero
            let total = earnings + benefit + premium + exitPremium
            months.append(
                IncomeMonth(
                    month: month, norm: norm, costSharers: sharers, earnings: earnings, exempted: onBijstand ? exempted : .zero,
                    rule: onBijstand ? rule : nil, benefit: benefit, premium: premium, exitPremium: exitPremium, total: total,
                    gainFromWork: total - norm, usesLatestKnownAmounts: estimated(month, parameters)))
        }
        var cliffs: [IncomeCliff] = []
        for (previous, current) in zip(months, months.dropFirst()) {
            let before = previous.total - previous.premium - previous.exitPremium
            let after = current.total - current.premium - current.exitPremium
            if after < before {
                cliffs.append(
                    IncomeCliff(month: current.month, drop: before - after, ended: previous.rule != current.rule ? previous.rule : nil))
            }
        }
        return IncomeResult(
            months: months, cliffs: cliffs, fullExit: fullExit,
            exitPremiumWithoutAmount: fullExit != nil && input.policy.exitPremium != nil && input.policy.exitPremium?.amount == nil,
            stopsAtPensionAge: stopsAtPensionAge,
            pensionAgeProvisional: stopsAtPensionAge != nil
                && [input.claimantBirth, input.partnerBirth].compactMap { $0 }.contains {
                    parameters.pensionAge(bornOn: $0)?.provisional == true
                })
    }

    /// Amounts are indexed each 1 January and 1 July: a month six or more months after an
    /// amount's newest date uses a value that is probably out of date.
    static func estimated(_ month: Day, _ parameters: LegalParameters) -> Bool {
        let indexed: [ParameterKey] = [
            .normSingle, .normMarried, .exemptionNCap, .exemptionRCap, .exemptionYCap, .exemptionZCap, .premiumJCap,
        ]
        return indexed.contains { key in parameters.newestValidFrom(key).map { month >= $0.adding(months: 6) } ?? false }
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
        let limit = Money(euros: 100_000)
        if input.netMonthlyEarnings < .zero || input.premiums.contains(where: { $0.amount < .zero }) { throw .negativeEarnings }
        if input.netMonthlyEarnings > limit || input.premiums.contains(where: { $0.amount > limit }) { throw .amountTooLarge }
        if !(0...60).contains(input.hoursPerWeek) { throw .hoursOutOfRange }
        if !(1...60).contains(input.months) { throw .monthsOutOfRange }
        if input.earnerIsPartner && input.partnerBirth == nil { throw .earnerWithoutPartner }
        let start = input.startMonth
        let p = Lookup(parameters: parameters, day: start)
        _ = try p.int(.normSingle)  // a start month before the first loaded amounts
        if input.claimantBirth.age(on: start) < 21 { throw .claimantUnder21 }
        if let partner = input.partnerBirth, partner.age(on: start) < 21 { throw .partnerUnder21 }
        if let reached = try pensionAgeDay(input, parameters), reached <= start { throw .pensionAgeReached }
        if input.childrenBirths.contains(where: { $0 > start }) { throw .childBornAfterStart }
        let (legalN, legalR) = (try p.int(.exemptionNMonths), try p.int(.exemptionRMonths))
        if input.policy.exemptionNMonths > legalN || input.policy.exemptionRMonths > legalR { throw .policyBeyondLegalMaximum }
        // Sub j: one or two payments per calendar year within the cap; under 27 only in the LKS target group (lid 5).
        let end = start.adding(months: input.months)
        for premium in input.premiums {
            if premium.month < start || premium.month >= end { throw .premiumOutsidePeriod(premium.month) }
            let minimumAge = try Lookup(parameters: parameters, day: premium.month).int(.exemptionMinimumAge)
            if input.earnerBirth.age(on: premium.month) < minimumAge && !input.wageCostSubsidyTargetGroup {
                throw .premiumNotAllowedUnder27(premium.month)
            }
        }
        for (year, inYear) in Dictionary(grouping: input.premiums, by: \.month.year) {
            if inYear.count > 2 { throw .tooManyPremiums(year: year) }
            // The cap of the year is the one in force at the year's last payment.
            let cap = try Lookup(parameters: parameters, day: inYear.map(\.month).max()!).money(.premiumJCap)
            if inYear.reduce(Money.zero, { $0 + $1.amount }) > cap { throw .premiumsOverCap(year: year, cap: cap) }
        }
    }
}

/// Parameter look-ups for one day, turning a missing value into the calculator's own problem.
extension IncomeCalculator {
    /// The first day on which the claimant or the partner has reached the AOW age (AOW art. 7a): from
    /// that month the municipality's bijstand ends and the SVB takes over. A month counts while the AOW
    /// age is reached after its first day, as the ages elsewhere in the calculation.
    static func pensionAgeDay(_ input: IncomeInput, _ parameters: LegalParameters) throws(IncomeProblem) -> Day? {
        let births = [input.claimantBirth] + (input.partnerBirth.map { [$0] } ?? [])
        var days: [Day] = []
        for birth in births {
            guard let age = parameters.pensionAge(bornOn: birth) else { throw .missingParameter(.pensionAgeMonths, birth) }
            days.append(age.reached(bornOn: birth))
        }
        return days.min()
    }
}

struct Lookup {
    let parameters: LegalParameters
    let day: Day

    func int(_ key: ParameterKey) throws(IncomeProblem) -> Int {
        do { return try parameters.value(key, on: day) } catch { throw .missingParameter(key, day) }
    }

    func money(_ key: ParameterKey) throws(IncomeProblem) -> Money { Money(cents: try int(key)) }
}
