import MeedoenCore
import MeedoenStorage
import Vapor

/// The calculators as API operations: amounts in cents, months as "yyyy-MM", dates as "yyyy-MM-dd".
enum IncomeAPI {
    struct CoResidentDTO: Content {
        var dateOfBirth: Day
        var exception: CoResidentException?
    }

    struct PremiumDTO: Content, DescribedSchema {
        static let schemaName = "Premium"
        static var notes: [String: JSONValue] { ["month": SchemaNote.month, "amountCents": SchemaNote.range(0)] }

        var month: String
        var amountCents: Int
    }

    struct IncomeRequest: Content, DescribedSchema {
        static let schemaName = "IncomeCalculationRequest"
        static var example: JSONValue? {
            ["startMonth": "2027-01", "claimantBirth": "1990-01-01", "netMonthlyEarningsCents": 80000, "hoursPerWeek": 20]
        }
        static var notes: [String: JSONValue] {
            [
                "startMonth": SchemaNote.month, "months": SchemaNote.range(1, 60), "netMonthlyEarningsCents": SchemaNote.range(0),
                "hoursPerWeek": SchemaNote.range(0, 60), "premiums": ["maxItems": 6],
                "staysElsewhereForCare": SchemaNote.described(
                    "Verblijft tijdelijk elders om intensieve mantelzorg te geven: geen kostendelersnorm (art. 22a lid 4)"),
            ]
        }

        var startMonth: String
        var months: Int?
        var claimantBirth: Day
        var partnerBirth: Day?
        var earnerIsPartner: Bool?
        var childrenBirths: [Day]?
        var coResidents: [CoResidentDTO]?
        var netMonthlyEarningsCents: Int
        var hoursPerWeek: Int
        var medicallyLimitedHours: Bool?
        var wageCostSubsidyTargetGroup: Bool?
        var hoursCannotIncrease: Bool?
        /// Art. 22a lid 4: staying elsewhere to give intensive mantelzorg; no cost-sharers' norm.
        var staysElsewhereForCare: Bool?
        var premiums: [PremiumDTO]?
    }

    struct MonthDTO: Content, DescribedSchema {
        static let schemaName = "IncomeMonth"
        static var notes: [String: JSONValue] { ["month": SchemaNote.month] }

        var month: String
        var normCents: Int
        var costSharers: Int
        var earningsCents: Int
        var exemptedCents: Int
        var rule: ExemptionRule?
        var benefitCents: Int
        var premiumCents: Int
        var exitPremiumCents: Int
        var totalCents: Int
        var gainFromWorkCents: Int
        var usesLatestKnownAmounts: Bool
    }

    struct CliffDTO: Content, DescribedSchema {
        static let schemaName = "IncomeCliff"
        static var notes: [String: JSONValue] { ["month": SchemaNote.month] }

        var month: String
        var dropCents: Int
        var endedRule: ExemptionRule?
    }

    struct IncomeResponse: Content, DescribedSchema {
        static let schemaName = "IncomeCalculation"
        static var notes: [String: JSONValue] {
            [
                "fullExit": SchemaNote.month, "stopsAtPensionAge": SchemaNote.month,
                "pensionAgeProvisional": SchemaNote.described(
                    "De gebruikte AOW-leeftijd is nog niet vastgesteld (AOW art. 7a): de laatst bekende"),
            ]
        }

        var months: [MonthDTO]
        var cliffs: [CliffDTO]
        var fullExit: String?
        var exitPremiumWithoutAmount: Bool
        var stopsAtPensionAge: String?
        /// The AOW age used is the last one the law fixed, not yet the person's own (AOW art. 7a).
        var pensionAgeProvisional: Bool
    }

    static func monthText(_ day: Day) -> String { String(format: "%04d-%02d", day.year, day.month) }

    static func month(_ text: String, field: String) throws -> Day {
        var reader = FormReader([field: text], today: Day(year: 2000, month: 1, day: 1)!)
        guard let day = IncomeForm.month(&reader, field) else { throw reader.issues }
        return day
    }

    @Sendable static func income(req: Request) async throws -> Response {
        let body = try req.content.decode(IncomeRequest.self)
        let (policy, _) = try await IncomeController.policy(for: req)
        var input = IncomeInput(
            startMonth: try month(body.startMonth, field: "startMonth"), months: body.months ?? 36, claimantBirth: body.claimantBirth,
            partnerBirth: body.partnerBirth, earnerIsPartner: body.earnerIsPartner ?? false, childrenBirths: body.childrenBirths ?? [],
            coResidents: (body.coResidents ?? []).map {
                CostSharingMember(relation: .coResident, dateOfBirth: $0.dateOfBirth, exception: $0.exception)
            },
            netMonthlyEarnings: Money(cents: body.netMonthlyEarningsCents), hoursPerWeek: body.hoursPerWeek,
            medicallyLimitedHours: body.medicallyLimitedHours ?? false,
            wageCostSubsidyTargetGroup: body.wageCostSubsidyTargetGroup ?? false,
            hoursCannotIncrease: body.hoursCannotIncrease ?? false,
            premiums: try (body.premiums ?? []).enumerated().map { index, premium in
                .init(month: try month(premium.month, field: "premiums[\(index)].month"), amount: Money(cents: premium.amountCents))
            },
            policy: policy)
        input.staysElsewhereForCare = body.staysElsewhereForCare ?? false
        let parameters = try await LegalParameterStore(db: req.db).all()
        let result: IncomeResult
        do { result = try IncomeCalculator.calculate(input, parameters: parameters) } catch {
            // The same checks as the web form, each named as the API spells the field.
            let children = Dictionary(
                uniqueKeysWithValues: input.childrenBirths.enumerated().map { ("child\($0.offset + 1)", $0.element.iso) })
            throw IncomeForm.issues(for: error, input: input, fields: children).renamed(apiIncomeField)
        }
        return try .json(
            IncomeResponse(
                months: result.months.map {
                    MonthDTO(
                        month: monthText($0.month), normCents: $0.norm.cents, costSharers: $0.costSharers, earningsCents: $0.earnings.cents,
                        exemptedCents: $0.exempted.cents, rule: $0.rule, benefitCents: $0.benefit.cents, premiumCents: $0.premium.cents,
                        exitPremiumCents: $0.exitPremium.cents, totalCents: $0.total.cents, gainFromWorkCents: $0.gainFromWork.cents,
                        usesLatestKnownAmounts: $0.usesLatestKnownAmounts)
                },
                cliffs: result.cliffs.map { CliffDTO(month: monthText($0.month), dropCents: $0.drop.cents, endedRule: $0.ended) },
                fullExit: result.fullExit.map(monthText), exitPremiumWithoutAmount: result.exitPremiumWithoutAmount,
                stopsAtPensionAge: result.stopsAtPensionAge.map(monthText), pensionAgeProvisional: result.pensionAgeProvisional))
    }

    struct SubsidyRequest: Content, DescribedSchema {
        static let schemaName = "WageCostSubsidyRequest"
        static var example: JSONValue? { ["startMonth": "2027-01", "hoursPerWeek": 32, "wageValueBasisPoints": 5000] }
        static var notes: [String: JSONValue] {
            [
                "startMonth": SchemaNote.month, "months": SchemaNote.range(1, 60), "hoursPerWeek": SchemaNote.range(1, 60),
                "hourlyWageCents": SchemaNote.range(0),
                "wageValueBasisPoints": SchemaNote.range(
                    0, 10000, description: "Loonwaarde in basispunten van het WML (5000 = 50%); weglaten zolang niet vastgesteld"),
                "employeeBirth": SchemaNote.described(
                    "Geboortedatum werknemer; onder 21 geldt het minimumjeugdloon (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2). Weglaten: 21 of ouder"
                ),
            ]
        }

        var startMonth: String
        var months: Int?
        /// Basis points of WML (5000 = 50%); absent while not yet assessed.
        var wageValueBasisPoints: Int?
        var hoursPerWeek: Int
        var hourlyWageCents: Int?
        var reviewDate: Day?
        /// Absent: 21 or older (the adult minimum wage).
        var employeeBirth: Day?
    }

    struct SubsidyMonthDTO: Content, DescribedSchema {
        static let schemaName = "WageCostSubsidyMonth"
        static var notes: [String: JSONValue] { ["month": SchemaNote.month] }

        var month: String
        var fullTimeWageCents: Int
        var minimumWageShareBasisPoints: Int
        var flatRate: Bool
        var subsidyCents: Int
        var employerAllowanceCents: Int
        var totalCents: Int
        var wageCostCents: Int
    }

    struct SubsidyYearDTO: Content {
        var year: Int
        var totalCents: Int
    }

    struct SubsidyResponse: Content, DescribedSchema {
        static let schemaName = "WageCostSubsidyCalculation"

        var months: [SubsidyMonthDTO]
        var perYear: [SubsidyYearDTO]
        var reviewDate: Day?
    }

    @Sendable static func subsidy(req: Request) async throws -> Response {
        let body = try req.content.decode(SubsidyRequest.self)
        let input = WageCostSubsidyInput(
            startMonth: try month(body.startMonth, field: "startMonth"), months: body.months ?? 12, wageValue: body.wageValueBasisPoints,
            hoursPerWeek: body.hoursPerWeek, hourlyWage: body.hourlyWageCents.map(Money.init(cents:)), reviewDate: body.reviewDate,
            employeeBirth: body.employeeBirth)
        let parameters = try await LegalParameterStore(db: req.db).all()
        let result: WageCostSubsidyResult
        do { result = try WageCostSubsidyCalculator.calculate(input, parameters: parameters) } catch {
            throw IncomeController.subsidyIssues(error).renamed(apiSubsidyField)
        }
        return try .json(
            SubsidyResponse(
                months: result.months.map {
                    SubsidyMonthDTO(
                        month: monthText($0.month), fullTimeWageCents: $0.fullTimeWage.cents,
                        minimumWageShareBasisPoints: $0.minimumWageShare, flatRate: $0.flatRate,
                        subsidyCents: $0.subsidy.cents,
                        employerAllowanceCents: $0.employerAllowance.cents, totalCents: $0.total.cents, wageCostCents: $0.wageCost.cents)
                },
                perYear: result.perYear.map { SubsidyYearDTO(year: $0.year, totalCents: $0.total.cents) }, reviewDate: body.reviewDate))
    }

    /// The web form's field names (`premium2Amount`, `child1`) as the API's (`premiums[1].amountCents`, `childrenBirths[0]`).
    static func apiIncomeField(_ form: String) -> String {
        if form == "netMonthlyEarnings" { return "netMonthlyEarningsCents" }
        for (prefix, array, parts) in [
            ("premium", "premiums", [("Amount", ".amountCents"), ("Month", ".month")]), ("child", "childrenBirths", [("", "")]),
            ("coResident", "coResidents", [("Exception", ".exception"), ("", ".dateOfBirth")]),
        ] where form.hasPrefix(prefix) {
            let rest = form.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isNumber }
            guard let number = Int(digits), number > 0 else { continue }
            for (suffix, path) in parts where rest.dropFirst(digits.count) == suffix { return "\(array)[\(number - 1)]\(path)" }
        }
        return form
    }

    static func apiSubsidyField(_ form: String) -> String {
        ["wageValue": "wageValueBasisPoints", "hourlyWage": "hourlyWageCents"][form] ?? form
    }
}
