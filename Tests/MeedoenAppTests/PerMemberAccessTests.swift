import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 12, point 1: a link gives the linked resident only — not the rest of the household —
/// on the page, in the API and in lists; and a role sees no column it may not read.
final class PerMemberAccessTests: XCTestCase {
    func testALinkToOneMemberShowsThatMemberOnly() async throws {
        try await withEachBackend { app, fixture, backend in
            let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
            let child = try await HouseholdStore(db: app.db).addMember(
                ResidentFields(
                    bsn: try BSN("999998286"), givenName: "Kees", familyName: "Test", dateOfBirth: Day(year: 2007, month: 3, day: 1)!,
                    relation: .child),
                to: fixture.ownHousehold, organisationID: fixture.steenwijkerland, by: recorder)
            for (username, partnerRole) in [("pc", "participatiecoach"), ("jc", "jobcoach")] {
                let partner = try await DirectoryStore(db: app.db).user(username: username)!
                try await CaseworkStore(db: app.db).addHandover(
                    .init(
                        toUserID: partner.id, toOrganisation: nil, goal: "Werk", reason: "Jongere", on: Day(year: 2026, month: 11, day: 1)!),
                    for: child, by: recorder)
                let handover = try await HandoverModel.query(on: app.db).filter(\.$toUserID == partner.id).first()!
                handover.status = .accepted
                try await handover.update(on: app.db)

                let browser = Browser(app)
                try await browser.logIn(username)
                let childPage = try await browser.get(SitePath.client(.id(child)).path).status
                XCTAssertEqual(childPage, .ok, "\(backend) \(partnerRole): the linked child's own page")
                if username == "jc" {
                    // The jobcoach reads no household part at all: the household page and its API are closed.
                    let closed = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path).status
                    XCTAssertEqual(closed, .forbidden, "\(backend)")
                    let token = try await APITests.token(for: username, app: app)
                    let found = try await apiRequest(app, .POST, "/api/v1/households/search", token: token, json: #"{"q":"Test"}"#)
                    let list = try found.content.decode(ListDTO<HouseholdSummaryDTO>.self)
                    XCTAssertTrue(
                        list.items.allSatisfy {
                            $0.address == nil && $0.receivesBijstand == nil && $0.municipality == nil && $0.members == nil
                        },
                        "\(backend): a jobcoach reads no address, benefit, municipality or household size")
                    XCTAssertFalse(list.items.isEmpty, "\(backend): the linked child is found")
                    try await browser.post("/households/search", ["q": "Test"])
                    let listed = try await browser.get("/households").body.string
                    XCTAssertFalse(listed.contains("Kerkstraat"), "\(backend): nor in the web list")
                    continue
                }
                let page = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path)
                XCTAssertEqual(page.status, .ok, "\(backend) \(partnerRole)")
                XCTAssertTrue(page.body.string.contains("Kees"), "\(backend) \(partnerRole): the linked child")
                XCTAssertFalse(page.body.string.contains("Yvonne"), "\(backend) \(partnerRole): not the parent")
                XCTAssertFalse(page.body.string.contains("999993653"), "\(backend) \(partnerRole): nor her BSN")
                // In lists and searches the partner finds the linked resident, not the household's applicant.
                try await browser.get("/households")
                try await browser.post("/households/search", ["q": "Test"])
                let listed = try await browser.get("/households").body.string
                XCTAssertTrue(listed.contains("Test, Kees") && !listed.contains("Yvonne"), "\(backend) \(partnerRole)")
                try await browser.post("/households/search", ["q": "999993653"])
                let byParent = try await browser.get("/households").body.string
                XCTAssertTrue(byParent.contains("0–0 van 0"), "\(backend) \(partnerRole): the parent's BSN finds nothing")
                let parentPage = try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path).status
                XCTAssertEqual(parentPage, .forbidden, "\(backend) \(partnerRole)")

                let token = try await APITests.token(for: username, app: app)
                let api = try await apiRequest(app, .GET, "/api/v1/households/\(fixture.ownHousehold)", token: token)
                XCTAssertEqual(api.status, .ok, "\(backend) \(partnerRole)")
                XCTAssertFalse(api.body.string.contains("999993653") || api.body.string.contains("Yvonne"), "\(backend) \(partnerRole)")
                XCTAssertTrue(api.body.string.contains("Kees"), "\(backend) \(partnerRole)")
            }
        }
    }
}
