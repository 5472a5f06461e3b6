import XCTest

@testable import MeedoenCore

/// Participatiewet art. 19a lid 1 (the kostendelende medebewoner and its exceptions) and art. 22a lid 4
/// (mantelzorg elsewhere), text of 2026-07-01.
final class CostSharingExceptionTests: XCTestCase {
    let day = Day(year: 2026, month: 12, day: 1)!
    let adult = Day(year: 1980, month: 1, day: 1)!

    func testEachExceptionOfArticle19a() {
        let cases: [(String, MemberRelation, CoResidentException?, Bool)] = [
            ("a co-resident of 27 or older counts", .coResident, nil, true),
            ("sub b: a tenant at a commercial price, no relative", .coResident, .commercialRenter, false),
            ("sub b: an adult child paying commercial rent still counts (first degree)", .child, .commercialRenter, true),
            ("sub b: a brother or parent paying commercial rent counts", .coResident, .relativePayingCommercialRent, true),
            ("sub c: a tenant of the same landlord", .coResident, .sameLandlordTenant, false),
            ("sub d 1°: study finance", .coResident, .studentWithStudyFinance, false),
            ("sub d 2°: WTOS", .coResident, .wtosStudent, false),
            ("sub d 3°: BBL", .coResident, .bblPupil, false),
            ("sub d 4°: education abroad", .coResident, .educationAbroad, false),
            ("sub d 1° applies to an adult child too", .child, .studentWithStudyFinance, false),
        ]
        for (name, relation, exception, counts) in cases {
            let member = CostSharingMember(relation: relation, dateOfBirth: adult, exception: exception)
            XCTAssertEqual(CostSharing.countsAsCostSharer(member, on: day), counts, name)
        }
    }

    /// Art. 22a lid 4: while the claimant gives intensive mantelzorg elsewhere, the single norm holds
    /// although a 40-year-old co-resident lives in the home.
    func testMantelzorgElsewhereSuspendsTheNorm() throws {
        var input = IncomeInput(
            startMonth: Day(year: 2026, month: 1, day: 1)!, months: 1, claimantBirth: adult,
            coResidents: [CostSharingMember(relation: .coResident, dateOfBirth: Day(year: 1986, month: 5, day: 1)!)],
            netMonthlyEarnings: .zero, hoursPerWeek: 0)
        let shared = try IncomeCalculator.calculate(input, parameters: shippedParameters).months[0]
        XCTAssertEqual(shared.costSharers, 2)
        input.staysElsewhereForCare = true
        let alone = try IncomeCalculator.calculate(input, parameters: shippedParameters).months[0]
        XCTAssertEqual(alone.costSharers, 1)
        XCTAssertEqual(alone.norm, try shippedParameters.money(.normSingle, on: input.startMonth))
        XCTAssertLessThan(shared.norm, alone.norm)
    }
}
