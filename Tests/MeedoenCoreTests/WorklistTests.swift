import Foundation
import XCTest

@testable import MeedoenCore

/// The worklist rules on hand-counted cases (issue 5).
final class WorklistTests: XCTestCase {
    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }
    let today = Day(year: 2026, month: 11, day: 28)!

    func profile(_ name: String) throws -> PolicyProfile {
        try PolicyProfile.load(Data(contentsOf: SegmentationTests.profiles.appendingPathComponent("\(name).json")), file: name)
    }

    func testReasonsPerClient() throws {
        let steenwijkerland = try profile("steenwijkerland")
        let nijkerk = try profile("nijkerk")
        let seen = d(2026, 3, 1)
        let cases: [(String, CaseSnapshot, PolicyProfile, [Worklist.List])] = [
            (
                "all in order",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen, groupCode: "directWerk",
                    groupSince: d(2026, 1, 1), planNextReview: d(2027, 1, 1)), steenwijkerland, []
            ),
            (
                "plan review passed yesterday",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen,
                    planNextReview: d(2026, 11, 27)), steenwijkerland, [.planReviews]
            ),
            (
                "plan review today is not overdue",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen,
                    planNextReview: today), steenwijkerland, []
            ),
            (
                "Werken & Ervaren: a year since the group started",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1),
                    lastContact: seen, groupCode: "werkenErvaren", groupSince: d(2025, 11, 28)), steenwijkerland, [.scheduledReviews]
            ),
            (
                "Leren & Ontwikkelen: only every two years",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen,
                    groupCode: "lerenOntwikkelen", groupSince: d(2025, 1, 1)), steenwijkerland, []
            ),
            (
                "Leren & Ontwikkelen: last review 25 months ago",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1),
                    lastContact: seen, groupCode: "lerenOntwikkelen", groupSince: d(2020, 1, 1), lastReviews: [.lawfulness: d(2024, 10, 28)]
                ),
                steenwijkerland, [.scheduledReviews]
            ),
            (
                "no regisseur",
                CaseSnapshot(supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), hasDirector: false, lastContact: seen),
                steenwijkerland, [.noDirector]
            ),
            (
                "26 without a plan", CaseSnapshot(supportStart: d(2020, 1, 1), dateOfBirth: d(2000, 1, 1), lastContact: seen),
                steenwijkerland, [.youth]
            ),
            (
                "27 is no longer youth", CaseSnapshot(supportStart: d(2020, 1, 1), dateOfBirth: d(1999, 11, 28), lastContact: seen),
                steenwijkerland, []
            ),
            (
                "Steenwijkerland does not measure the ladder",
                CaseSnapshot(supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen),
                steenwijkerland, []
            ),
            (
                "Nijkerk: never measured", CaseSnapshot(supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen),
                nijkerk, [.ladder]
            ),
            (
                "Nijkerk: measured 13 months ago",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: seen,
                    lastLadderMeasurement: d(2025, 10, 27)), nijkerk, [.ladder]
            ),
            (
                "Nijkerk: not seen this year, so due",
                CaseSnapshot(
                    supportStart: d(2020, 1, 1), dateOfBirth: d(1980, 1, 1), lastContact: d(2025, 5, 1),
                    lastLadderMeasurement: d(2026, 1, 1)), nijkerk, [.contacts]
            ),
        ]
        let partner = CaseSnapshot(
            supportStart: d(2020, 1, 1), dateOfBirth: d(2001, 1, 1), isApplicant: false, hasDirector: false, lastContact: d(2024, 1, 1))
        XCTAssertEqual(
            Worklist.reasons(partner, profile: steenwijkerland, today: today).map(\.list), [.contacts, .youth],
            "a partner is a client of their own with their own contacts (seed 002 counts partners; issue 13); the regisseur is the household's"
        )
        for (name, client, profile, lists) in cases {
            XCTAssertEqual(Worklist.reasons(client, profile: profile, today: today).map(\.list), lists, name)
        }
    }

    /// Zorg has its own norm in the profile; the group's norm wins over the organisation's.
    func testTheGroupNormComesFirst() throws {
        var profile = try profile("steenwijkerland")
        profile.contacts = ContactPolicy(kind: "everyMonths", months: 3, source: "test")
        XCTAssertEqual(profile.contactNorm(group: "zorg", municipality: nil), .everyMonths(12), "seed 002 §4: 'min. 1x per jaar'")
        XCTAssertEqual(profile.contactNorm(group: "directWerk", municipality: nil), .everyMonths(3))
    }
}
