import Foundation
import MeedoenCore
import MeedoenStorage
import Vapor
import XCTest

/// Seed 001 r. 435: young people of 23 up to 27 without income and startkwalificatie are reached
/// out to. The store finds residents of that age without a running benefit, in the viewer's reach,
/// on both backends; the web list is the profile's (Nijkerk), not every organisation's.
final class OutreachTests: XCTestCase {
    let policy = OutreachPolicy(fromAge: 23, untilAge: 27, source: "seed 001 r. 435")

    func testTheStoreFindsResidentsOfTheAgeWithoutABenefit() async throws {
        for backend in Backend.available {
            try await withApp(backend) { app, fixture in
                let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
                let store = HouseholdStore(db: app.db)
                func household(_ bsn: String, _ name: String, born: Day, bijstand: Bool) async throws {
                    _ = try await store.createHousehold(
                        NewHousehold(
                            address: AddressFields(street: "Kerkstraat", houseNumber: "3", postcode: "8331 AB", city: "Steenwijk"),
                            municipalityID: fixture.municipality, directorID: fixture.caseManager,
                            applicant: ResidentFields(
                                bsn: try BSN(bsn), givenName: name, familyName: "Jong", dateOfBirth: born, relation: .applicant),
                            benefit: BenefitFacts(
                                receivesBijstand: bijstand, normCategory: bijstand ? .single : nil, partialBenefit: false),
                            supportStart: Day(year: 2026, month: 1, day: 1)!),
                        organisationID: fixture.steenwijkerland, by: recorder)
                }
                // Today (28 November 2026): 23 on the day, 26, just 27, 22, and a 24-year-old on bijstand.
                try await household("111222333", "Ayoub", born: Day(year: 2003, month: 11, day: 28)!, bijstand: false)
                try await household("123456782", "Bo", born: Day(year: 2000, month: 11, day: 29)!, bijstand: false)
                try await household("111222345", "Cas", born: Day(year: 1999, month: 11, day: 28)!, bijstand: false)
                try await household("100000009", "Dewi", born: Day(year: 2004, month: 1, day: 1)!, bijstand: false)
                try await household("100000010", "Eva", born: Day(year: 2002, month: 1, day: 1)!, bijstand: true)
                let viewer = Viewer(
                    userID: fixture.caseManager, organisationID: fixture.steenwijkerland, role: .caseManager, municipalityScope: [],
                    ledTeamIDs: [])
                let found = try await store.outreachCandidates(for: viewer, onlyOwnCaseload: true, policy: policy, on: Day(testNow))
                XCTAssertEqual(found.map(\.givenName).sorted(), ["Ayoub", "Bo"], "\(backend)")
                let colleague = Viewer(
                    userID: fixture.otherCaseManager, organisationID: fixture.steenwijkerland, role: .caseManager, municipalityScope: [],
                    ledTeamIDs: [])
                let theirs = try await store.outreachCandidates(for: colleague, onlyOwnCaseload: true, policy: policy, on: Day(testNow))
                XCTAssertTrue(theirs.isEmpty, "\(backend): another caseload")

                // Steenwijkerland's profile has no outreach: no such list there.
                let browser = Browser(app)
                try await browser.logIn("km")
                let status = try await browser.get("/worklists/outreach").status
                XCTAssertEqual(status, .notFound, "\(backend)")
                let overview = try await browser.get("/worklists").body.string
                XCTAssertFalse(overview.contains("Jongeren actief benaderen"), "\(backend)")
            }
        }
    }

    /// The same rule in Core: the age on the day, no benefit, no startkwalificatie recorded.
    func testTheRule() {
        let today = Day(year: 2026, month: 11, day: 28)!
        let cases: [(String, Day, Bool, Bool, Bool)] = [
            ("23 today", Day(year: 2003, month: 11, day: 28)!, false, false, true),
            ("26", Day(year: 2000, month: 1, day: 1)!, false, false, true),
            ("27 today: no longer", Day(year: 1999, month: 11, day: 28)!, false, false, false),
            ("22", Day(year: 2004, month: 1, day: 1)!, false, false, false),
            ("with a benefit", Day(year: 2000, month: 1, day: 1)!, true, false, false),
            ("with a startkwalificatie", Day(year: 2000, month: 1, day: 1)!, false, true, false),
        ]
        for (name, birth, benefit, qualified, expected) in cases {
            XCTAssertEqual(
                policy.qualifies(dateOfBirth: birth, on: today, hasRunningBenefit: benefit, hasStartkwalificatie: qualified), expected, name
            )
        }
    }
}
