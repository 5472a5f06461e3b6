import XCTest

@testable import MeedoenCore

final class TimelineTests: XCTestCase {
    let jan1 = Day(year: 2026, month: 1, day: 1)!
    let mar1 = Day(year: 2026, month: 3, day: 1)!
    let jun1 = Day(year: 2026, month: 6, day: 1)!

    func testSettingAValueOnAnEmptyTimelineInsertsOneOpenPeriod() throws {
        let change = try Timeline.set("A", from: jan1, on: [Period<String>]())
        XCTAssertEqual(change.supersede, [])
        XCTAssertEqual(change.insert.map(\.value), ["A"])
        XCTAssertNil(change.insert[0].validTo)
    }

    func testANewValueClosesTheOpenPeriodTheDayBefore() throws {
        let current = [Period(id: "p1", validFrom: jan1, validTo: nil, value: "A")]
        let change = try Timeline.set("B", from: jun1, on: current)
        XCTAssertEqual(change.supersede, ["p1"])
        XCTAssertEqual(change.insert.map(\.value), ["A", "B"])
        XCTAssertEqual(change.insert[0].validTo, Day(year: 2026, month: 5, day: 31))
        XCTAssertEqual(change.insert[1].validFrom, jun1)
    }

    func testABackdatedCorrectionReplacesLaterPeriodsAndKeepsEarlierParts() throws {
        let current = [
            Period(id: "p1", validFrom: jan1, validTo: Day(year: 2026, month: 5, day: 31), value: "A"),
            Period(id: "p2", validFrom: jun1, validTo: nil, value: "B"),
        ]
        let change = try Timeline.set("C", from: mar1, on: current)
        XCTAssertEqual(change.supersede, ["p1", "p2"])
        XCTAssertEqual(change.insert.map(\.value), ["A", "C"])
        XCTAssertEqual(change.insert[0].validTo, Day(year: 2026, month: 2, day: 28))
    }

    func testABoundedPeriodInTheMiddleSplitsTheOpenOne() throws {
        let current = [Period(id: "p1", validFrom: jan1, validTo: nil, value: "A")]
        let change = try Timeline.set("X", from: mar1, to: Day(year: 2026, month: 3, day: 31), on: current)
        XCTAssertEqual(change.insert.map(\.value), ["A", "X", "A"])
        XCTAssertEqual(change.insert[2].validFrom, Day(year: 2026, month: 4, day: 1))
        XCTAssertNil(change.insert[2].validTo)
    }

    func testEndBeforeStartIsRefused() {
        XCTAssertThrowsError(try Timeline.set("A", from: jun1, to: mar1, on: [Period<String>]())) {
            XCTAssertEqual($0 as? Timeline.Problem, .endBeforeStart)
        }
    }

    func testEndingClosesThePeriodThatHolds() throws {
        let current = [Period(id: "p1", validFrom: jan1, validTo: nil, value: "A")]
        let change = try Timeline.end(on: jun1, in: current)
        XCTAssertEqual(change.supersede, ["p1"])
        XCTAssertEqual(change.insert.first?.validTo, jun1)
        XCTAssertThrowsError(try Timeline.end(on: Day(year: 2025, month: 1, day: 1)!, in: current)) {
            XCTAssertEqual($0 as? Timeline.Problem, .endBeforeStart, "the period starts after that day")
        }
        let ended = [Period(id: "p1", validFrom: jan1, validTo: mar1, value: "A")]
        XCTAssertThrowsError(try Timeline.end(on: jun1, in: ended)) { XCTAssertEqual($0 as? Timeline.Problem, .nothingHolds) }
    }

    func testValueOnADay() {
        let periods = [
            Period(id: "1", validFrom: jan1, validTo: Day(year: 2026, month: 5, day: 31), value: "A"),
            Period(id: "2", validFrom: jun1, validTo: nil, value: "B"),
        ]
        XCTAssertEqual(Timeline.value(on: Day(year: 2026, month: 5, day: 31)!, in: periods), "A")
        XCTAssertEqual(Timeline.value(on: jun1, in: periods), "B")
        XCTAssertNil(Timeline.value(on: Day(year: 2025, month: 12, day: 31)!, in: periods))
    }
}
