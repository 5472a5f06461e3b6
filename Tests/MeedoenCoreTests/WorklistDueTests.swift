import Foundation
import XCTest

@testable import MeedoenCore

/// The stored due dates (issue 16) say what `Worklist.reasons` says, for every client and day:
/// random clients of the four shipped profiles, every day around each boundary and a year of weeks.
final class WorklistDueTests: XCTestCase {
    /// A fixed sequence, so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    private func profile(_ name: String) throws -> PolicyProfile {
        try PolicyProfile.load(Data(contentsOf: SegmentationTests.profiles.appendingPathComponent("\(name).json")), file: name)
    }

    private func snapshot(_ profile: PolicyProfile, _ random: inout Generator) -> CaseSnapshot {
        let base = Day(year: 2024, month: 1, day: 1)!
        func day(within days: Int) -> Day { base.adding(days: Int.random(in: 0..<days, using: &random)) }
        func maybe(_ value: @autoclosure () -> Day) -> Day? { Bool.random(using: &random) ? value() : nil }
        let start = day(within: 700)
        let group = Bool.random(using: &random) ? profile.segmentation.groups.randomElement(using: &random)?.code : nil
        var reviews: [ScheduledReview.Kind: Day] = [:]
        for kind in ScheduledReview.Kind.allCases where Bool.random(using: &random) {
            reviews[kind] = start.adding(days: Int.random(in: 0..<400, using: &random))
        }
        let municipality = profile.municipalities.flatMap { Array($0.keys).randomElement(using: &random) }
        return CaseSnapshot(
            supportStart: start,
            // Born 1990-2010, with 29 February among them: the youth list runs from 18 to 27.
            dateOfBirth: Bool.random(using: &random)
                ? Day(year: 2004, month: 2, day: 29)!
                : Day(year: 1990, month: 1, day: 1)!
                    .adding(days: Int.random(in: 0..<7300, using: &random)),
            isApplicant: Bool.random(using: &random), hasDirector: Int.random(in: 0..<4, using: &random) > 0,
            lastContact: maybe(start.adding(days: Int.random(in: -200..<500, using: &random))), groupCode: group,
            groupSince: group == nil ? nil : maybe(start.adding(days: Int.random(in: 0..<300, using: &random))),
            municipality: municipality, lastLadderMeasurement: maybe(day(within: 900)), planNextReview: maybe(day(within: 1000)),
            lastReviews: reviews)
    }

    private func keys(_ reasons: [WorklistReason]) -> [String] {
        reasons.map { reason in
            if case .reviewDue(let review, _) = reason { return "scheduledReviews.\(review.kind.rawValue)" }
            return reason.list.rawValue
        }.sorted()
    }

    func testTheDueDatesSayWhatTheRulesSayOnEveryDay() throws {
        var random = Generator(state: 2026)
        var checked = 0
        for name in ["nijkerk", "steenwijkerland", "wpda", "wijchen"] {
            let profile = try profile(name)
            for _ in 0..<150 {
                let client = snapshot(profile, &random)
                let due = Worklist.dueDates(client, profile: profile)
                // From the last recorded day on: what happened is never after today.
                let recorded =
                    [client.supportStart, client.lastContact, client.lastLadderMeasurement, client.groupSince]
                    .compactMap { $0 } + client.lastReviews.values
                let first = recorded.max()!
                var days = Set((0..<80).map { first.adding(days: 7 * $0) })
                for row in due {
                    for edge in [row.from, row.until].compactMap({ $0 }) { for offset in -1...1 { days.insert(edge.adding(days: offset)) } }
                }
                if let next = client.planNextReview { days.formUnion([next, next.adding(days: 1)]) }
                for day in days where day >= first {
                    let expected = keys(Worklist.reasons(client, profile: profile, today: day))
                    let stored = due.filter { $0.applies(on: day) }.map { row in
                        row.review.map { "scheduledReviews.\($0.rawValue)" } ?? row.list.rawValue
                    }.sorted()
                    XCTAssertEqual(stored, expected, "\(name) on \(day): \(client)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 40_000)
        print("Worklist due dates: \(checked) client-days compared with Worklist.reasons")
    }

    func testTheFirstDayOfAnAgeCountsLikeAge() {
        let leap = Day(year: 2004, month: 2, day: 29)!
        let eighteen = Worklist.firstDay(of: 18, bornOn: leap)
        XCTAssertEqual(leap.age(on: eighteen), 18)
        XCTAssertEqual(leap.age(on: eighteen.adding(days: -1)), 17)
        let plain = Day(year: 1999, month: 6, day: 15)!
        XCTAssertEqual(Worklist.firstDay(of: 27, bornOn: plain), Day(year: 2026, month: 6, day: 15)!)
    }
}
