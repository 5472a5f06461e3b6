import Foundation
import MeedoenCore
import MeedoenStorage
import XCTest

@testable import MeedoenApp

/// The worklist as a value: items in, rows out, in work order and paged, without a database.
final class WorklistPageTests: XCTestCase {
    private let today = Day(year: 2026, month: 12, day: 3)!

    private func item(_ family: String, _ reason: WorklistReason, lastContact: Day? = nil) -> WorklistItem {
        WorklistItem(
            residentID: UUID(), householdID: UUID(), familyName: family, givenName: "A",
            director: family == "Zonder" ? nil : "Julia Nijland",
            reason: reason, lastContact: lastContact)
    }

    func testLateComesFirstThenByName() {
        let norm = ContactNorm.everyMonths(3)
        let items = [
            item("Bakker", .contact(.due, norm: norm, deadline: Day(year: 2026, month: 12, day: 20)!)),
            item("Zonder", .contact(.overdue, norm: norm, deadline: Day(year: 2026, month: 11, day: 1)!)),
            item("Akkerman", .contact(.due, norm: norm, deadline: Day(year: 2026, month: 12, day: 10)!)),
        ].sorted(by: WorklistItem.inWorkOrder)
        XCTAssertEqual(items.map(\.familyName), ["Zonder", "Akkerman", "Bakker"])

        let page = WorklistPage(
            list: .contacts, role: .caseManager, all: items, shown: ResultPage(slicing: items, page: 1, per: 100),
            otherLists: [.ladder], organisationNorm: .perCalendarYear, today: today)
        XCTAssertEqual(page.rows.map(\.urgent), [true, false, false])
        XCTAssertEqual(page.rows[0].director, "geen regisseur")
        XCTAssertEqual(page.rows[0].href, SitePath.household(.id(items[0].householdID)).path, "the contact norm is the household's")
        XCTAssertTrue(page.rows[0].reason.hasSuffix("; nog nooit contact"), page.rows[0].reason)
        XCTAssertEqual(page.summary, "1 te laat, 2 nu te doen")
        XCTAssertEqual(page.heading, "Uit beeld: mijn caseload")
        XCTAssertNotNil(page.norm)
        XCTAssertEqual(page.others.map(\.href), [SitePath.worklist(.id(Worklist.List.ladder)).path])
    }

    func testAPageOfALongListLinksItsNeighbours() {
        let all = (1...250).map { item(String(format: "N%03d", $0), .ladderMissing) }
        let second = WorklistPage(
            list: .ladder, role: .teamLeader, all: all, shown: ResultPage(slicing: all, page: 2, per: 100), otherLists: [],
            organisationNorm: .perCalendarYear, today: today)
        XCTAssertEqual(second.range, "101–200 van 250")
        XCTAssertEqual(second.rows.first?.name, "N101, A")
        XCTAssertEqual(second.rows.first?.href, SitePath.client(.id(all[100].residentID)).path, "a measurement is one client's")
        XCTAssertEqual(second.previous, "/worklists/ladder?page=1")
        XCTAssertEqual(second.next, "/worklists/ladder?page=3")
        XCTAssertEqual(second.heading, "Laddermeting nodig: het team")
        XCTAssertNil(second.norm)

        let beyond = ResultPage(slicing: all, page: 9, per: 100)
        XCTAssertEqual(beyond.page, 3, "a page past the end shows the last")
        XCTAssertEqual(beyond.rows.count, 50)
        let empty = WorklistPage(
            list: .ladder, role: .caseManager, all: [], shown: ResultPage(slicing: [WorklistItem](), page: 1, per: 100), otherLists: [],
            organisationNorm: .perCalendarYear, today: today)
        XCTAssertEqual(empty.range, "")
        XCTAssertNil(empty.next)
    }

    func testTheOverviewHasOnlyTheViewersListsWithCounts() {
        let page = WorklistOverviewPage(role: .teamLeader, lists: [.contacts, .noDirector], counts: [.contacts: 4, .ladder: 9])
        XCTAssertEqual(page.items.map(\.count), [4, 0])
        XCTAssertEqual(page.heading, "Werklijsten van het team")
    }

    func testOutreachIsAboutTheHouseholdAndNamesSortAsShown() {
        let items = [item("Berg", .outreach(age: 24)), item("Berg Ab", .outreach(age: 25))].sorted(by: WorklistItem.inWorkOrder)
        XCTAssertEqual(items.map(\.familyName), ["Berg Ab", "Berg"], "\"Berg Ab, A\" sorts before \"Berg, A\" as the list shows them")
        let page = WorklistPage(
            list: .outreach, role: .caseManager, all: items, shown: ResultPage(slicing: items, page: 1, per: 100), otherLists: [],
            organisationNorm: .perCalendarYear, today: today)
        XCTAssertEqual(page.rows[0].href, SitePath.household(.id(items[0].householdID)).path)
    }
}
