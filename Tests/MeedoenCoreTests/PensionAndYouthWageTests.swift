import XCTest

@testable import MeedoenCore

/// The AOW age per birth date (AOW art. 7a) and the youth minimum wage (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2), from the
/// shipped parameter file.
final class PensionAgeTests: XCTestCase {
    func testTheAgeFollowsTheBirthDateTable() {
        let cases: [(born: String, years: Int, months: Int, provisional: Bool, reached: String)] = [
            // AOW art. 7a (svb.nl): 67 for those born 1 March 1957 – 31 December 1960.
            ("1957-03-01", 67, 0, false, "2024-03-01"),
            ("1960-12-31", 67, 0, false, "2027-12-31"),
            // 67 and 3 months for those born 1 January 1961 – 30 September 1964.
            ("1961-01-01", 67, 3, false, "2028-04-01"),
            ("1964-09-30", 67, 3, false, "2031-12-30"),
            // Past the table: the last known age, marked "nog niet vastgesteld".
            ("1964-10-01", 67, 3, true, "2032-01-01"),
            ("1990-05-20", 67, 3, true, "2057-08-20"),
        ]
        for c in cases {
            let age = shippedParameters.pensionAge(bornOn: day(c.born))
            XCTAssertEqual(age?.years, c.years, c.born)
            XCTAssertEqual(age?.months, c.months, c.born)
            XCTAssertEqual(age?.provisional, c.provisional, c.born)
            XCTAssertEqual(age?.reached(bornOn: day(c.born)), day(c.reached), c.born)
        }
    }

    func testTheIncomeCalculationStopsAtTheBirthDatesAOWAge() throws {
        // Born 10 February 1961: 67 and 3 months on 10 May 2028; May still counts, June does not.
        let input = IncomeInput(
            startMonth: day("2026-01-01"), claimantBirth: day("1961-02-10"), netMonthlyEarnings: euros("500"), hoursPerWeek: 10)
        let result = try IncomeCalculator.calculate(input, parameters: shippedParameters)
        XCTAssertEqual(result.stopsAtPensionAge, day("2028-06-01"))
        XCTAssertEqual(result.months.last?.month, day("2028-05-01"))
        XCTAssertFalse(result.pensionAgeProvisional)

        // The partner's AOW age ends the couple's bijstand too; born after the table, it is marked provisional.
        var couple = input
        (couple.claimantBirth, couple.partnerBirth, couple.months) = (day("1980-01-01"), day("1964-11-15"), 60)
        couple.startMonth = day("2028-01-01")
        let later = try IncomeCalculator.calculate(couple, parameters: shippedParameters)
        XCTAssertEqual(later.stopsAtPensionAge, day("2032-03-01"), "67 and 3 months on 15 February 2032")
        XCTAssertTrue(later.pensionAgeProvisional)
    }
}

final class YouthMinimumWageTests: XCTestCase {
    /// The staffel since 2019-07-01 (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2): 21+ 100%, 20 80%, 19 60%, 18 50%, 17 39.5%,
    /// 16 34.5%, 15 30% of the adult minimum wage; nothing below 15.
    func testTheShares() throws {
        let cases: [(age: Int, share: Int?)] = [
            (30, 10_000), (21, 10_000), (20, 8_000), (19, 6_000), (18, 5_000), (17, 3_950), (16, 3_450), (15, 3_000), (14, nil),
        ]
        for c in cases {
            XCTAssertEqual(try shippedParameters.minimumWageShare(age: c.age, on: day("2026-01-01")), c.share, "age \(c.age)")
        }
        XCTAssertThrowsError(try shippedParameters.minimumWageShare(age: 20, on: day("2019-06-01")), "no staffel loaded before July 2019")
    }

    /// A 20-year-old in January 2026: WML 14.71 × 80% = 11.77 an hour; × 156 = 1,836.12 a month; + 8%
    /// (146.89) = 1,983.01; wage value 50% → 1,983.01 − 991.51 = 991.50; 23.5% = 233.00; total 1,224.50.
    func testTheSubsidyForATwentyYearOldUsesTheYouthMinimumWage() throws {
        let input = WageCostSubsidyInput(
            startMonth: day("2026-01-01"), months: 13, wageValue: 5000, hoursPerWeek: 36, employeeBirth: day("2005-06-15"))
        let result = try WageCostSubsidyCalculator.calculate(input, parameters: shippedParameters)
        let january = result.months[0]
        XCTAssertEqual(january.minimumWageShare, 8000)
        XCTAssertEqual(january.fullTimeWage, euros("1983,01"))
        XCTAssertEqual(january.subsidy, euros("991,50"))
        XCTAssertEqual(january.total, euros("1224,50"))
        XCTAssertEqual(
            result.months[6].minimumWageShare, 8000, "turning 21 in June: the subsidy is set again on 1 January (art. 10d lid 7)")
        XCTAssertEqual(result.months[12].minimumWageShare, 10_000, "January 2027: 21, the adult minimum wage")
        XCTAssertEqual(result.months[12].subsidy, euros("1239,17"))
    }

    func testAWageBelowTheYouthMinimumIsRefusedAndAChildHasNone() {
        let ok = WageCostSubsidyInput(
            startMonth: day("2026-01-01"), wageValue: 5000, hoursPerWeek: 36, hourlyWage: euros("12"), employeeBirth: day("2005-06-15"))
        XCTAssertNoThrow(
            try WageCostSubsidyCalculator.calculate(ok, parameters: shippedParameters), "€ 12 is above the 20-year-old's € 11,77")
        var adult = ok
        adult.employeeBirth = nil
        XCTAssertThrowsError(try WageCostSubsidyCalculator.calculate(adult, parameters: shippedParameters)) {
            XCTAssertEqual($0 as? WageCostSubsidyProblem, .wageBelowMinimum)
        }
        var child = ok
        child.employeeBirth = day("2012-01-01")
        XCTAssertThrowsError(try WageCostSubsidyCalculator.calculate(child, parameters: shippedParameters)) {
            XCTAssertEqual($0 as? WageCostSubsidyProblem, .employeeTooYoung)
        }
    }
}
