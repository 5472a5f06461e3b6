import XCTest

@testable import MeedoenCore

final class ContactNormTests: XCTestCase {
    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }

    /// Nijkerk's norm across a calendar-year boundary.
    func testOncePerCalendarYear() {
        let norm = ContactNorm.perCalendarYear
        let cases: [(String, Day?, Day, Day, ContactNorm.Status)] = [
            ("seen this year", d(2026, 3, 1), d(2020, 1, 1), d(2026, 11, 28), .withinNorm),
            ("seen last year, not yet this year: due, not overdue", d(2025, 6, 1), d(2020, 1, 1), d(2026, 11, 28), .due),
            ("31 December: still only due", d(2025, 6, 1), d(2020, 1, 1), d(2026, 12, 31), .due),
            ("1 January: the year without contact has passed", d(2025, 6, 1), d(2020, 1, 1), d(2027, 1, 1), .overdue),
            ("seen on 31 December last year", d(2025, 12, 31), d(2020, 1, 1), d(2026, 1, 1), .due),
            ("never seen, support started this year", nil, d(2026, 2, 1), d(2026, 11, 28), .due),
            ("never seen, support started last year", nil, d(2025, 12, 1), d(2026, 1, 2), .overdue),
        ]
        for (name, last, start, today, status) in cases {
            XCTAssertEqual(norm.status(lastContact: last, supportStart: start, today: today), status, name)
        }
    }

    func testEveryNMonths() {
        let norm = ContactNorm.everyMonths(6)
        XCTAssertEqual(norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 11, 1)), .withinNorm)
        XCTAssertEqual(norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 11, 28)), .due)
        XCTAssertEqual(norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 12, 2)), .overdue)
        XCTAssertFalse(ContactNorm.everyMonths(0).isValid, "a norm of zero is refused")
    }
}

final class LadderQuestionTests: XCTestCase {
    /// The rung is the highest rung whose question is answered yes.
    func testTheRungFollowsFromTheAnswers() {
        let cases: [(Set<LadderQuestion>, Rung)] = [
            ([], .isolated),
            ([.socialContacts], .socialContacts),
            ([.socialContacts, .organisedActivities, .unpaidWork], .unpaidWork),
            ([.paidWorkWithSupport], .paidWorkWithSupport),
            ([.unpaidWork, .paidWork], .paidWork),
        ]
        for (answers, rung) in cases { XCTAssertEqual(LadderQuestion.rung(yes: answers), rung, "\(answers)") }
    }
}
