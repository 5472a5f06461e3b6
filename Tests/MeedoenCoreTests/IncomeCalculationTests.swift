import Foundation
import XCTest

@testable import MeedoenCore

/// The shipped parameter file, read from the repository, so the tests check the real data.
let shippedParameters: LegalParameters = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/Parameters/legal-parameters.json")
    return LegalParameters(try! LegalParameters.decode(Data(contentsOf: url)))
}()

func day(_ text: String) -> Day { Day(iso: text)! }
func euros(_ text: String) -> Money { Money(parsing: text)! }

final class IncomeCalculationTests: XCTestCase {
    func month(_ result: IncomeResult, _ iso: String) -> IncomeMonth {
        result.months.first { $0.month == day(iso) }!
    }

    /// Single, 30, €1,000 net a month from January 2026.
    func testSingleThirtyYearOldWithSubN() throws {
        let input = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("1996-03-10"), netMonthlyEarnings: euros("1000"), hoursPerWeek: 20)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(result.months.count, 36)
        // 2026-01: norm 1,401.50; sub n 25% of 1,000 = 250.00 (cap 285.00); counted 750.00; benefit 651.50.
        let january = month(result, "2026-01-01")
        XCTAssertEqual(january.rule, .n)
        XCTAssertEqual(january.exempted, euros("250"))
        XCTAssertEqual(january.benefit, euros("651,50"))
        XCTAssertEqual(january.total, euros("1651,50"))
        XCTAssertEqual(january.gainFromWork, euros("250"))
        // 2026-06 is the sixth and last month of sub n.
        XCTAssertEqual(month(result, "2026-06-01").rule, .n)
        // 2026-07: the July norm 1,419.46, no exemption left: benefit 419.46, total = the norm (the cliff).
        let july = month(result, "2026-07-01")
        XCTAssertNil(july.rule)
        XCTAssertEqual(july.norm, euros("1419,46"))
        XCTAssertEqual(july.benefit, euros("419,46"))
        XCTAssertEqual(july.gainFromWork, .zero)
        XCTAssertEqual(result.cliffs.first?.month, day("2026-07-01"))
        XCTAssertEqual(result.cliffs.first?.drop, euros("232,04"))  // 1,651.50 − 1,419.46
        XCTAssertEqual(result.cliffs.first?.ended, .n)
        XCTAssertEqual(result.cliffs.count, 1)
    }

    /// Single parent, 35, child of 4, €1,200 net from January 2025: sub n, then sub r for 30 months.
    func testSingleParentWithAChildOfFour() throws {
        let input = IncomeInput(
            startMonth: day("2025-01-01"), claimantBirth: day("1989-08-01"), childrenBirths: [day("2020-09-15")],
            netMonthlyEarnings: euros("1200"), hoursPerWeek: 24)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        // 2025-01: sub n 25% of 1,200 = 300 > cap 273.00 → 273.00; norm 1,345.45; benefit 1,345.45 − 927 = 418.45.
        XCTAssertEqual(month(result, "2025-01-01").exempted, euros("273"))
        XCTAssertEqual(month(result, "2025-01-01").total, euros("1618,45"))
        // 2025-07: sub r 12.5% of 1,200 = 150.00 (cap 173.87); norm 1,369.06; benefit 1,369.06 − 1,050 = 319.06.
        let july = month(result, "2025-07-01")
        XCTAssertEqual(july.rule, .r)
        XCTAssertEqual(july.exempted, euros("150"))
        XCTAssertEqual(july.total, euros("1519,06"))
        // Thirty months of sub r: 2025-07 … 2027-12, the end of the 36 months.
        XCTAssertEqual(result.months.filter { $0.rule == .r }.count, 30)
    }

    /// A 25-year-old: art. 31 lid 5 — no sub n until 27; from the month they turn 27 it applies for six months.
    func testSubNWaitsUntilTheEarnerIsTwentySeven() throws {
        let input = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("2001-03-01"), netMonthlyEarnings: euros("1000"), hoursPerWeek: 20)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertTrue(result.months.filter { $0.month < day("2028-03-01") }.allSatisfy { $0.exempted == .zero && $0.gainFromWork == .zero })
        XCTAssertEqual(month(result, "2026-01-01").benefit, euros("401,50"))
        // Turns 27 on 1 March 2028: sub n for March–August 2028, 25% of 1,000 = 250.00.
        XCTAssertEqual(result.months.filter { $0.rule == .n }.map(\.month), (0..<6).map { day("2028-03-01").adding(months: $0) })
        XCTAssertEqual(month(result, "2028-03-01").exempted, euros("250"))
    }

    /// Each amount in each period of the reference, 2024-01 … 2026-07, through the calculator:
    /// a single claimant with earnings high enough that every cap binds but benefit remains.
    func testEveryPeriodUsesItsOwnAmounts() throws {
        let periods: [(start: String, single: String, married: String, n: String, r: String, y: String, z: String)] = [
            ("2024-01-01", "1283,83", "1834,04", "264", "164,73", "167,07", "157,96"),
            ("2024-07-01", "1308,45", "1869,21", "269", "167,79", "170,18", "170,18"),
            ("2025-01-01", "1345,45", "1922,07", "273", "170,61", "173,04", "170,18"),
            ("2025-07-01", "1369,06", "1955,80", "278", "173,87", "176,35", "176,35"),
            ("2026-01-01", "1401,50", "2002,13", "285", "177,66", "180,19", "180,19"),
        ]
        for period in periods {
            let start = day(period.start)
            // Sub n: 25% of 1,300 = 325 > cap.
            let single = try IncomeCalculator.calculate(
                IncomeInput(
                    startMonth: start, months: 1, claimantBirth: day("1980-01-01"), netMonthlyEarnings: euros("1300"), hoursPerWeek: 24),
                parameters: shippedParameters)
            XCTAssertEqual(single.months[0].norm, euros(period.single), period.start)
            XCTAssertEqual(single.months[0].exempted, euros(period.n), "sub n \(period.start)")
            let couple = try IncomeCalculator.calculate(
                IncomeInput(
                    startMonth: start, months: 1, claimantBirth: day("1980-01-01"), partnerBirth: day("1981-01-01"),
                    netMonthlyEarnings: euros("100"), hoursPerWeek: 4),
                parameters: shippedParameters)
            XCTAssertEqual(couple.months[0].norm, euros(period.married), period.start)
            // Sub r, y and z in the 7th month, which starts in this period when the run starts six months earlier.
            let earlier = start.adding(months: -6)
            guard earlier >= day("2024-01-01") else { continue }
            func seventh(_ input: IncomeInput) throws -> IncomeMonth {
                try IncomeCalculator.calculate(input, parameters: shippedParameters).months[6]
            }
            let r = try seventh(
                IncomeInput(
                    startMonth: earlier, months: 7, claimantBirth: day("1985-01-01"), childrenBirths: [day("2020-01-01")],
                    netMonthlyEarnings: euros("1450"), hoursPerWeek: 28))
            XCTAssertEqual(r.rule, .r, period.start)
            XCTAssertEqual(r.exempted, euros(period.r), "sub r \(period.start)")  // 12.5% of 1,450 = 181.25 > cap
            let y = try seventh(
                IncomeInput(
                    startMonth: earlier, months: 7, claimantBirth: day("1985-01-01"), netMonthlyEarnings: euros("1250"), hoursPerWeek: 20,
                    medicallyLimitedHours: true))
            XCTAssertEqual(y.exempted, euros(period.y), "sub y \(period.start)")  // 15% of 1,250 = 187.50 > cap
            let z = try seventh(
                IncomeInput(
                    startMonth: earlier, months: 7, claimantBirth: day("1985-01-01"), netMonthlyEarnings: euros("1250"), hoursPerWeek: 20,
                    wageCostSubsidyTargetGroup: true))
            XCTAssertEqual(z.exempted, euros(period.z), "sub z \(period.start)")
        }
        // The corrected z/aa amount of 4 February 2025 applies from the first month that starts after it.
        let march = try IncomeCalculator.calculate(
            IncomeInput(
                startMonth: day("2024-09-01"), months: 7, claimantBirth: day("1985-01-01"), netMonthlyEarnings: euros("1250"),
                hoursPerWeek: 20, wageCostSubsidyTargetGroup: true),
            parameters: shippedParameters)
        XCTAssertEqual(march.months[6].exempted, euros("173,04"))
        // Sub j caps per calendar year: 2024 first half 3,151, second half 3,209.
        XCTAssertNoThrow(
            try IncomeCalculator.calculate(
                IncomeInput(
                    startMonth: day("2024-01-01"), months: 12, claimantBirth: day("1980-01-01"), netMonthlyEarnings: euros("600"),
                    hoursPerWeek: 12,
                    premiums: [.init(month: day("2024-08-01"), amount: euros("3209"))]), parameters: shippedParameters))
        XCTAssertThrowsError(
            try IncomeCalculator.calculate(
                IncomeInput(
                    startMonth: day("2024-01-01"), months: 12, claimantBirth: day("1980-01-01"), netMonthlyEarnings: euros("600"),
                    hoursPerWeek: 12,
                    premiums: [.init(month: day("2024-03-01"), amount: euros("3151,01"))]), parameters: shippedParameters))
    }

    func testTheCalculationStopsAtTheAOWAge() throws {
        let input = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("1960-06-15"), netMonthlyEarnings: euros("500"), hoursPerWeek: 10)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        // 67 on 15 June 2027: June 2027 still counts (age on the 1st is 66); July does not.
        XCTAssertEqual(result.stopsAtPensionAge, day("2027-07-01"))
        XCTAssertEqual(result.months.last?.month, day("2027-06-01"))
    }

    func testAmountsOlderThanTheLastIndexationAreMarked() throws {
        let result = try IncomeCalculator.calculate(
            IncomeInput(
                startMonth: day("2026-05-01"), months: 3, claimantBirth: day("1980-01-01"), netMonthlyEarnings: euros("500"),
                hoursPerWeek: 10),
            parameters: shippedParameters)
        XCTAssertFalse(month(result, "2026-06-01").usesLatestKnownAmounts)
        XCTAssertTrue(month(result, "2026-07-01").usesLatestKnownAmounts, "the sub n cap of July 2026 is not in the reference yet")
    }

    /// A couple, one earner with €1,500 net: the married norm, sub n capped.
    func testCoupleWithOneEarner() throws {
        let input = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("1986-02-01"), partnerBirth: day("1988-05-01"),
            netMonthlyEarnings: euros("1500"),
            hoursPerWeek: 28)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        // 2026-01: norm 2,002.13; 25% of 1,500 = 375 > cap 285; benefit 2,002.13 − 1,215 = 787.13.
        XCTAssertEqual(month(result, "2026-01-01").benefit, euros("787,13"))
        XCTAssertEqual(month(result, "2026-01-01").total, euros("2287,13"))
        // 2026-07: norm 2,027.79, no exemption: benefit 527.79.
        XCTAssertEqual(month(result, "2026-07-01").benefit, euros("527,79"))
    }

    /// Cost-sharers: co-residents of 30 and 45 count, one of 24 does not (from 27) → A = 3.
    func testCostSharerHousehold() throws {
        let input = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("1975-04-01"),
            coResidents: [
                CostSharingMember(relation: .coResident, dateOfBirth: day("1995-02-01")),
                CostSharingMember(relation: .coResident, dateOfBirth: day("1980-02-01")),
                CostSharingMember(relation: .coResident, dateOfBirth: day("2001-06-15")),
            ], netMonthlyEarnings: euros("600"), hoursPerWeek: 12)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        // Norm = 2,002.13 × (40 + 30·3) / (3·100) = 867.5897 → 867.59; sub n 150.00; benefit 867.59 − 450 = 417.59.
        let january = month(result, "2026-01-01")
        XCTAssertEqual(january.costSharers, 3)
        XCTAssertEqual(january.norm, euros("867,59"))
        XCTAssertEqual(january.benefit, euros("417,59"))
        // 2026-07: 2,027.79 × 130 / 300 = 878.709 → 878.71.
        XCTAssertEqual(month(result, "2026-07-01").norm, euros("878,71"))
        // The 24-year-old turns 27 on 2028-06-15; from July 2028 A = 4: 2,027.79 × 160 / 400 = 811.116 → 811.12.
        let later = month(result, "2028-07-01")
        XCTAssertEqual(later.costSharers, 4)
        XCTAssertEqual(later.norm, euros("811,12"))
        XCTAssertTrue(later.usesLatestKnownAmounts, "2028 uses the last amounts known (2026-07)")
        XCTAssertTrue(result.cliffs.contains { $0.month == day("2028-07-01") && $0.ended == nil }, "the norm falls: a cliff too")
    }

    /// Starting in May 2025, the sub n cap rises in July (273 → 278) and the norm with it.
    func testACalculationCrossingAJulyChange() throws {
        let input = IncomeInput(
            startMonth: day("2025-05-01"), months: 6, claimantBirth: day("1990-01-01"), netMonthlyEarnings: euros("1200"), hoursPerWeek: 24)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(month(result, "2025-06-01").exempted, euros("273"))
        XCTAssertEqual(month(result, "2025-06-01").norm, euros("1345,45"))
        // 2025-07: cap 278.00; norm 1,369.06; benefit 1,369.06 − 922 = 447.06.
        XCTAssertEqual(month(result, "2025-07-01").exempted, euros("278"))
        XCTAssertEqual(month(result, "2025-07-01").benefit, euros("447,06"))
    }

    func testMedicallyLimitedHoursKeepFifteenPercentAfterSubN() throws {
        let input = IncomeInput(
            startMonth: day("2026-01-01"), months: 8, claimantBirth: day("1980-01-01"), netMonthlyEarnings: euros("1000"), hoursPerWeek: 16,
            medicallyLimitedHours: true)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(month(result, "2026-06-01").rule, .n, "sub y yields to sub n")
        // 2026-07: 15% of 1,000 = 150.00 (cap 180.19).
        XCTAssertEqual(month(result, "2026-07-01").rule, .y)
        XCTAssertEqual(month(result, "2026-07-01").exempted, euros("150"))
    }

    func testWageCostSubsidyTargetGroupGetsTwelveMonthsOfSubZThenAaOnlyWhenHoursCannotGrow() throws {
        var input = IncomeInput(
            startMonth: day("2026-01-01"), months: 24, claimantBirth: day("1980-01-01"), netMonthlyEarnings: euros("1300"),
            hoursPerWeek: 24,
            wageCostSubsidyTargetGroup: true)
        var result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(result.months.filter { $0.rule == .z }.count, 12)
        XCTAssertEqual(month(result, "2026-07-01").exempted, euros("180,19"))  // 15% of 1,300 = 195 > cap 180.19
        XCTAssertNil(month(result, "2027-07-01").rule)
        input.hoursCannotIncrease = true
        result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(month(result, "2027-07-01").rule, .aa)
    }

    func testPremiumsAndTheOrganisationsExitPremium() throws {
        // Two sub j payments that together reach the 2026 cap of 3,398.00 exactly.
        var input = IncomeInput(
            startMonth: day("2026-01-01"), months: 12, claimantBirth: day("1990-01-01"), netMonthlyEarnings: euros("600"), hoursPerWeek: 12,
            premiums: [.init(month: day("2026-03-01"), amount: euros("2000")), .init(month: day("2026-09-01"), amount: euros("1398"))])
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(month(result, "2026-03-01").premium, euros("2000"))
        input.premiums[1].amount = euros("1398,01")
        XCTAssertThrowsError(try IncomeCalculator.calculate(input, parameters: shippedParameters)) {
            XCTAssertEqual($0 as? IncomeProblem, .premiumsOverCap(year: 2026, cap: euros("3398")))
        }
        input.premiums = [
            .init(month: day("2026-02-01"), amount: euros("1")), .init(month: day("2026-03-01"), amount: euros("1")),
            .init(month: day("2026-04-01"), amount: euros("1")),
        ]
        XCTAssertThrowsError(try IncomeCalculator.calculate(input, parameters: shippedParameters)) {
            XCTAssertEqual($0 as? IncomeProblem, .tooManyPremiums(year: 2026))
        }

        // Full exit in the first month: 2,000 − 285 = 1,715 > norm 1,401.50, so no benefit; the exit premium is paid once.
        let exit = IncomeInput(
            startMonth: day("2026-01-01"), months: 3, claimantBirth: day("1990-01-01"), netMonthlyEarnings: euros("2000"), hoursPerWeek: 36,
            policy: MunicipalIncomePolicy(
                exemptionNMonths: 6, exemptionRMonths: 30, exitPremium: .init(amountCents: 50_000, source: "test")))
        let exited = try IncomeCalculator.calculate(exit, parameters: shippedParameters)
        XCTAssertEqual(exited.fullExit, day("2026-01-01"))
        XCTAssertEqual(month(exited, "2026-01-01").total, euros("2500"))
        XCTAssertEqual(month(exited, "2026-02-01").total, euros("2000"))
    }

    func testParticipatiewetInBalansAppliesOnlyFromItsConfiguredDate() throws {
        var entries = LegalParameters(
            try LegalParameters.decode(
                Data(
                    contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                        .deletingLastPathComponent().appendingPathComponent("Resources/Parameters/legal-parameters.json")))
        ).entries
        entries.append(ParameterEntry(key: .balansActive, validFrom: day("2027-01-01"), value: 1, source: "test"))
        let parameters = LegalParameters(entries)
        let input = IncomeInput(
            startMonth: day("2027-01-01"), months: 14, claimantBirth: day("1980-01-01"), partnerBirth: day("1982-01-01"),
            netMonthlyEarnings: euros("2000"), hoursPerWeek: 30)
        let result = try IncomeCalculator.calculate(input, parameters: parameters)
        // 15% of 2,000 = 300.00, no maximum (sub n's cap would be 285); married norm 2,027.79 → benefit 327.79.
        XCTAssertEqual(month(result, "2027-01-01").rule, .balans)
        XCTAssertEqual(month(result, "2027-01-01").exempted, euros("300"))
        XCTAssertEqual(month(result, "2027-01-01").benefit, euros("327,79"))
        XCTAssertEqual(result.months.filter { $0.rule == .balans }.count, 12)
        XCTAssertNil(month(result, "2028-01-01").rule)
        // Without the date configured, the same start uses sub n.
        XCTAssertEqual(month(try IncomeCalculator.calculate(input, parameters: shippedParameters), "2027-01-01").rule, .n)
    }

    func testBadInputIsRefusedWithTheReason() {
        let base = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("1990-01-01"), netMonthlyEarnings: euros("1000"), hoursPerWeek: 20)
        var cases: [(String, IncomeInput, IncomeProblem)] = []
        var input = base
        input.netMonthlyEarnings = euros("-1")
        cases.append(("negative earnings", input, .negativeEarnings))
        input = base
        input.hoursPerWeek = 61
        cases.append(("more than 60 hours", input, .hoursOutOfRange))
        input = base
        input.startMonth = day("2023-12-01")
        cases.append(("no parameters loaded", input, .missingParameter(.normSingle, day("2023-12-01"))))
        input = base
        input.childrenBirths = [day("2026-03-01")]
        cases.append(("child born after the start", input, .childBornAfterStart))
        input = base
        input.claimantBirth = day("2006-01-01")
        cases.append(("under 21: youth norms are not in the reference", input, .claimantUnder21))
        input = base
        input.claimantBirth = day("1958-01-01")
        cases.append(("AOW age", input, .pensionAgeReached))
        input = base
        input.policy.exemptionNMonths = 7
        cases.append(("policy beyond the legal maximum", input, .policyBeyondLegalMaximum))
        input = base
        input.claimantBirth = day("2001-01-01")
        input.premiums = [.init(month: day("2026-02-01"), amount: euros("100"))]
        cases.append(("sub j under 27 outside the LKS target group", input, .premiumNotAllowedUnder27(day("2026-02-01"))))
        for (name, input, problem) in cases {
            XCTAssertThrowsError(try IncomeCalculator.calculate(input, parameters: shippedParameters), name) {
                XCTAssertEqual($0 as? IncomeProblem, problem, name)
            }
        }
    }
}

final class WageCostSubsidyTests: XCTestCase {
    /// 2026-01: WML 14.71/h × 36 × 52 / 12 = 2,294.76 a month; + 8% = 183.58 → 2,478.34.
    /// Wage value 50%: 2,478.34 − 1,239.17 = 1,239.17 (cap 70% = 1,734.84).
    func testFiftyPercentWageValueFullTimeAndTwentyFourHours() throws {
        let fullTime = try WageCostSubsidyCalculator.calculate(
            WageCostSubsidyInput(startMonth: day("2026-01-01"), wageValue: 5000, hoursPerWeek: 36), parameters: shippedParameters)
        let first = fullTime.months[0]
        XCTAssertEqual(first.fullTimeWage, euros("2478,34"))
        XCTAssertEqual(first.subsidy, euros("1239,17"))
        XCTAssertEqual(first.employerAllowance, euros("291,20"))  // 23.5% of 1,239.17 = 291.20495 → 291.20
        XCTAssertEqual(first.total, euros("1530,37"))
        XCTAssertEqual(fullTime.perYear.map(\.total), [euros("18364,44")])  // 12 × 1,530.37

        // 24 h: 1,239.17 × 24 / 36 = 826.113 → 826.11; 23.5% = 194.136 → 194.14; total 1,020.25.
        let partTime = try WageCostSubsidyCalculator.calculate(
            WageCostSubsidyInput(startMonth: day("2026-01-01"), wageValue: 5000, hoursPerWeek: 24), parameters: shippedParameters)
        XCTAssertEqual(partTime.months[0].subsidy, euros("826,11"))
        XCTAssertEqual(partTime.months[0].total, euros("1020,25"))
    }

    func testTheSubsidyIsCappedAtSeventyPercentAndScalesWithHoursUpToTheSector() throws {
        // Wage value 20%: 2,478.34 × 80% = 1,982.67 > cap 1,734.84 → 1,734.84 for 36 hours.
        let low = try WageCostSubsidyCalculator.calculate(
            WageCostSubsidyInput(startMonth: day("2026-01-01"), months: 1, wageValue: 2000, hoursPerWeek: 40), parameters: shippedParameters
        )
        XCTAssertEqual(low.months[0].subsidy, euros("1734,84"), "in a 36-hour sector 40 hours count as 36")
        // In a 40-hour sector the subsidy grows with the hours (lid 4): 1,734.84 × 40 / 36 = 1,927.60.
        let sector = try WageCostSubsidyCalculator.calculate(
            WageCostSubsidyInput(startMonth: day("2026-01-01"), months: 1, wageValue: 2000, hoursPerWeek: 40, sectorFullTimeHours: 40),
            parameters: shippedParameters)
        XCTAssertEqual(sector.months[0].subsidy, euros("1927,60"))
    }

    /// Art. 10d lid 7: set at the start and each 1 January; a July minimum-wage change waits for January.
    func testTheSubsidyIsResetOnlyOnTheFirstOfJanuary() throws {
        let result = try WageCostSubsidyCalculator.calculate(
            WageCostSubsidyInput(startMonth: day("2025-05-01"), months: 9, wageValue: 5000, hoursPerWeek: 36), parameters: shippedParameters
        )
        // 2025-01 WML 14.06: × 156 = 2,193.36; + 8% (175.4688 → 175.47) = 2,368.83; wage value 50% =
        // 1,184.415 → 1,184.42; subsidy = 2,368.83 − 1,184.42 = 1,184.41.
        XCTAssertEqual(result.months[0].subsidy, euros("1184,41"))
        XCTAssertEqual(result.months[3].subsidy, euros("1184,41"), "August 2025 keeps the May amount though WML rose in July")
        // January 2026: WML 14.71 → 1,239.17.
        XCTAssertEqual(result.months[8].subsidy, euros("1239,17"))
    }

    func testFlatFiftyPercentOnlyWhileTheWageValueIsNotAssessed() throws {
        let flat = try WageCostSubsidyCalculator.calculate(
            WageCostSubsidyInput(startMonth: day("2026-01-01"), months: 6, wageValue: nil, hoursPerWeek: 36), parameters: shippedParameters)
        XCTAssertTrue(flat.months.allSatisfy(\.flatRate))
        XCTAssertEqual(flat.months[0].subsidy, euros("1239,17"))
        XCTAssertThrowsError(
            try WageCostSubsidyCalculator.calculate(
                WageCostSubsidyInput(startMonth: day("2026-01-01"), months: 7, wageValue: nil, hoursPerWeek: 36),
                parameters: shippedParameters)
        ) { XCTAssertEqual($0 as? WageCostSubsidyProblem, .wageValueNeededAfterFlatPeriod(months: 6)) }
    }

    func testBadInput() {
        let cases: [(WageCostSubsidyInput, WageCostSubsidyProblem)] = [
            (WageCostSubsidyInput(startMonth: day("2026-01-01"), wageValue: 10_001, hoursPerWeek: 36), .wageValueOutOfRange),
            (WageCostSubsidyInput(startMonth: day("2026-01-01"), wageValue: -1, hoursPerWeek: 36), .wageValueOutOfRange),
            (WageCostSubsidyInput(startMonth: day("2026-01-01"), wageValue: 5000, hoursPerWeek: 61), .hoursOutOfRange),
            (
                WageCostSubsidyInput(startMonth: day("2026-01-01"), wageValue: 5000, hoursPerWeek: 36, hourlyWage: euros("10")),
                .wageBelowMinimum
            ),
            (
                WageCostSubsidyInput(startMonth: day("2023-06-01"), wageValue: 5000, hoursPerWeek: 36),
                .missingParameter(.lksFlatMonths, day("2023-06-01"))
            ),
        ]
        for (input, problem) in cases {
            XCTAssertThrowsError(try WageCostSubsidyCalculator.calculate(input, parameters: shippedParameters)) {
                XCTAssertEqual($0 as? WageCostSubsidyProblem, problem)
            }
        }
    }
}

final class MoneyTests: XCTestCase {
    func testRoundingHalfUpAndParsing() {
        XCTAssertEqual(Money(cents: 123917).percent(2350), Money(cents: 29120))  // 29,120.495 → 29,120
        XCTAssertEqual(Money(cents: 1).percent(5000), Money(cents: 1))  // 0.5 → 1
        XCTAssertEqual(Money(cents: -1).percent(5000), Money(cents: -1))
        XCTAssertEqual(euros("1.234,56"), Money(cents: 123456))
        XCTAssertEqual(euros("1234.5"), Money(cents: 123450))
        XCTAssertEqual(euros("€ 12"), Money(cents: 1200))
        XCTAssertNil(Money(parsing: "12,345"))
        XCTAssertNil(Money(parsing: "abc"))
        XCTAssertNil(Money(parsing: "1e9"))
    }
}
