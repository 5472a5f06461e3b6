import XCTest

@testable import MeedoenCore

final class ContactNormTests: XCTestCase {
    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }

    /// Nijkerk's norm across a calendar-year boundary (seed 001: "minimaal éénmaal per kalenderjaar"),
    /// with the first due date at least three months after support started (issue 13).
    func testOncePerCalendarYear() {
        let norm = ContactNorm.perCalendarYear
        let cases: [(String, Day?, Day, Day, ContactNorm.Status)] = [
            ("seen this year", d(2026, 3, 1), d(2020, 1, 1), d(2026, 11, 28), .withinNorm),
            ("seen last year, not yet this year: due, not overdue", d(2025, 6, 1), d(2020, 1, 1), d(2026, 11, 28), .due),
            ("31 December: still only due", d(2025, 6, 1), d(2020, 1, 1), d(2026, 12, 31), .due),
            ("1 January: the year without contact has passed", d(2025, 6, 1), d(2020, 1, 1), d(2027, 1, 1), .overdue),
            ("seen on 31 December last year", d(2025, 12, 31), d(2020, 1, 1), d(2026, 1, 1), .due),
            ("never seen, support started this year", nil, d(2026, 2, 1), d(2026, 11, 28), .due),
            ("never seen, started in December: not overdue on 2 January", nil, d(2025, 12, 1), d(2026, 1, 2), .due),
            ("never seen, started in December: overdue three months after the start", nil, d(2025, 12, 1), d(2026, 3, 2), .overdue),
            ("never seen, started in March: overdue after that year", nil, d(2025, 3, 1), d(2026, 1, 1), .overdue),
        ]
        for (name, last, start, today, status) in cases {
            XCTAssertEqual(norm.status(lastContact: last, supportStart: start, today: today).status, status, name)
        }
    }

    /// The first due date under a calendar-year norm: never earlier than N months after the start.
    func testTheFirstDueDate() {
        let norm = ContactNorm.perCalendarYear
        XCTAssertEqual(norm.deadline(lastContact: nil, supportStart: d(2026, 11, 15)), d(2027, 2, 15))
        XCTAssertEqual(norm.deadline(lastContact: nil, supportStart: d(2026, 11, 15), firstDueAfterMonths: 0), d(2026, 12, 31))
        XCTAssertEqual(norm.deadline(lastContact: nil, supportStart: d(2026, 2, 1)), d(2026, 12, 31))
        XCTAssertEqual(norm.deadline(lastContact: d(2026, 1, 5), supportStart: d(2020, 1, 1)), d(2027, 12, 31))
    }

    /// A client who returns to support is not overdue at once because of a contact from an earlier period.
    func testARestartGetsTheFirstDueMonths() {
        XCTAssertEqual(
            ContactNorm.perCalendarYear.status(lastContact: d(2023, 5, 1), supportStart: d(2026, 11, 1), today: d(2026, 12, 1)).status, .due
        )
        XCTAssertEqual(ContactNorm.perCalendarYear.deadline(lastContact: d(2023, 5, 1), supportStart: d(2026, 11, 1)), d(2027, 2, 1))
        XCTAssertEqual(ContactNorm.everyMonths(12).deadline(lastContact: d(2023, 5, 1), supportStart: d(2026, 11, 1)), d(2027, 2, 1))
    }

    /// Steenwijkerland (seed 002 §4, r. 1077-1081): "min. 1x per jaar" is twelve months after the
    /// previous conversation, not a calendar year: seen in February 2026, overdue from February 2027.
    func testSteenwijkerlandsOnceAYearIsTwelveMonths() {
        let norm = ContactNorm.everyMonths(12)
        let cases: [(Day, ContactNorm.Status)] = [
            (d(2026, 12, 31), .withinNorm), (d(2027, 1, 11), .due), (d(2027, 2, 10), .due), (d(2027, 2, 11), .overdue),
        ]
        for (today, status) in cases {
            XCTAssertEqual(norm.status(lastContact: d(2026, 2, 10), supportStart: d(2020, 1, 1), today: today).status, status, today.iso)
        }
        XCTAssertEqual(
            ContactNorm.perCalendarYear.status(lastContact: d(2026, 2, 10), supportStart: d(2020, 1, 1), today: d(2027, 1, 11)).status,
            .due,
            "the calendar-year reading would differ only at the turn of 2028")
    }

    func testEveryNMonths() {
        let norm = ContactNorm.everyMonths(6)
        XCTAssertEqual(norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 11, 1)).status, .withinNorm)
        XCTAssertEqual(norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 11, 28)).status, .due)
        XCTAssertEqual(norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 12, 2)).status, .overdue)
        XCTAssertEqual(
            norm.status(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1), today: d(2026, 12, 2)).deadline,
            norm.deadline(lastContact: d(2026, 6, 1), supportStart: d(2020, 1, 1)), "the status comes with its deadline")
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
