import XCTest

@testable import MeedoenCore

final class DayTests: XCTestCase {
    func testParsingIsoAndDutchDates() {
        XCTAssertEqual(Day(iso: "2026-11-28"), Day(year: 2026, month: 11, day: 28))
        XCTAssertEqual(Day(dutch: "28-11-2026"), Day(year: 2026, month: 11, day: 28))
        XCTAssertNil(Day(iso: "2026-02-30"))
        XCTAssertNil(Day(iso: "2026-13-01"))
        XCTAssertNil(Day(iso: "26-11-28"))
        XCTAssertNil(Day(iso: "2026-1-1"))
    }

    func testAgeCountsFromTheBirthdayItself() {
        let born = Day(year: 1999, month: 11, day: 28)!
        XCTAssertEqual(born.age(on: Day(year: 2026, month: 11, day: 27)!), 26)
        XCTAssertEqual(born.age(on: Day(year: 2026, month: 11, day: 28)!), 27)
        let leap = Day(year: 2000, month: 2, day: 29)!
        XCTAssertEqual(leap.age(on: Day(year: 2027, month: 2, day: 28)!), 26)
        XCTAssertEqual(leap.age(on: Day(year: 2027, month: 3, day: 1)!), 27)
    }

    func testStoredAsMidnightUTCAndBack() {
        let day = Day(year: 2026, month: 7, day: 1)!
        XCTAssertEqual(Day(day.date), day)
        XCTAssertEqual(day.adding(days: -1), Day(year: 2026, month: 6, day: 30))
        XCTAssertEqual(Day(year: 2026, month: 1, day: 31)!.adding(months: 1), Day(year: 2026, month: 2, day: 28))
    }

    func testTodayIsTheDutchCalendarDay() {
        // 23:30 UTC on 30 June is already 1 July in the Netherlands (summer time, UTC+2).
        let clock = Clock.fixed(Day(year: 2026, month: 6, day: 30)!.date.addingTimeInterval(23.5 * 3600))
        XCTAssertEqual(clock.today, Day(year: 2026, month: 7, day: 1))
    }
}
