import XCTest

@testable import MeedoenCore

/// The casework rules that used to live in controllers (issue 14, item 2), as tables.
final class CaseworkRuleTests: XCTestCase {
    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }

    /// R10: an answer moves forward only, and a refusal needs its reason.
    func testHandoverAnswers() {
        let cases: [(HandoverStatus, HandoverStatus, String?, [HandoverAnswer.Problem])] = [
            (.proposed, .accepted, nil, []),
            (.proposed, .declined, "Geen plek in de groep tot maart", []),
            (.proposed, .declined, "  ", [.reasonRequired]),
            (.proposed, .ended, nil, [.alreadyDecided(.proposed)]),
            (.accepted, .ended, nil, []),
            (.accepted, .declined, "te laat", [.alreadyDecided(.accepted)]),
            (.declined, .accepted, nil, [.alreadyDecided(.declined)]),
            (.ended, .ended, nil, [.alreadyDecided(.ended)]),
            (.proposed, .proposed, nil, [.notAnAnswer]),
        ]
        for (current, answer, note, problems) in cases {
            XCTAssertEqual(HandoverAnswer.problems(current: current, answer: answer, note: note), problems, "\(current) → \(answer)")
        }
    }

    /// R5: the first review after the start, targets on or after the start; a review either plans
    /// the next one after it or closes the plan.
    func testPlanDates() {
        let start = d(2026, 11, 1)
        XCTAssertEqual(PlanRules.problems(startedOn: start, nextReviewOn: d(2027, 2, 1), targets: [1: d(2027, 5, 1)]), [])
        XCTAssertEqual(PlanRules.problems(startedOn: start, nextReviewOn: start, targets: [:]), [.reviewNotAfterStart])
        XCTAssertEqual(
            PlanRules.problems(startedOn: start, nextReviewOn: d(2027, 2, 1), targets: [1: start, 2: d(2026, 10, 31), 3: d(2026, 1, 1)]),
            [.targetBeforeStart(goal: 2), .targetBeforeStart(goal: 3)])
        let review = d(2026, 11, 20)
        let cases: [(Day?, Bool, Bool, [PlanRules.Problem])] = [
            (d(2027, 2, 1), true, false, []),
            (d(2026, 11, 20), true, false, [.nextReviewNotAfterReview]),
            (nil, false, true, []),
            (d(2027, 2, 1), true, true, [.nextReviewWhileClosing]),
            (nil, false, false, [.nextReviewMissing]),
        ]
        for (next, given, closing, problems) in cases {
            XCTAssertEqual(
                PlanRules.reviewProblems(reviewedOn: review, nextReviewOn: next, nextReviewGiven: given, closing: closing), problems,
                "next \(next?.iso ?? "-") closing \(closing)")
        }
    }

    /// R14, seed 000 r. 232-233: "pas loslaten als" — or with a reason.
    func testAYoungClientIsLetGoOnlyWhenArranged() {
        let complete = YouthChecklist(housing: true, schoolOrWork: true, stableIncome: true, fallbackPerson: true)
        let missing = YouthChecklist(housing: true, schoolOrWork: false, stableIncome: true, fallbackPerson: true)
        let cases: [(Int, SupportEndReason, YouthChecklist?, String?, Bool)] = [
            (26, .work, complete, nil, true),
            (26, .work, missing, nil, false),
            (26, .work, nil, nil, false),
            (26, .work, missing, "Gaat bij een oom wonen die hem opvangt; werk per 1 december.", true),
            (26, .movedAway, nil, nil, true),
            (27, .work, nil, nil, true),
        ]
        for (age, reason, latest, stated, may) in cases {
            XCTAssertEqual(YouthChecklist.mayEnd(age: age, reason: reason, latest: latest, statedReason: stated), may, "\(age) \(reason)")
        }
    }

    /// R7: one due-date rule for the worklist and the client page.
    func testTheReviewDueDate() {
        let review = ScheduledReview(kind: .lawfulness, everyMonths: 12, description: "Rechtmatigheidstoets")
        XCTAssertEqual(review.dueOn(lastHeld: d(2026, 3, 1), groupSince: d(2024, 1, 1)), d(2027, 3, 1))
        XCTAssertEqual(review.dueOn(lastHeld: nil, groupSince: d(2026, 1, 15)), d(2027, 1, 15))
        XCTAssertNil(review.dueOn(lastHeld: nil, groupSince: nil))
    }
}
