import Foundation
import MeedoenCore
@testable import MeedoenApp
import MeedoenStorage
import Vapor
import XCTest

/// Contacts record who took part, and the contact norm is checked per adult client (issue 13;
/// seed 000 "met elke inwoner", seed 001 "iedere inwoner", seed 002 counts partners).
final class ContactsPerPersonTests: XCTestCase {
    func testThePartnerIsOnTheWorklistUntilSeenThemselves() async throws {
        for backend in Backend.available {
            try await withApp(backend) { app, fixture in
                let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
                let partner = try await HouseholdStore(db: app.db).addMember(
                    ResidentFields(
                        bsn: try BSN("111222333"), givenName: "Karim", familyName: "Test", dateOfBirth: Day(year: 1982, month: 4, day: 2)!,
                        relation: .partner), to: fixture.ownHousehold, organisationID: fixture.steenwijkerland, by: recorder)
                let browser = Browser(app)
                try await browser.logIn("km")
                let form = try await browser.get(SitePath.household(.id(fixture.ownHousehold), .contactsNew).path).body.string
                XCTAssertTrue(form.contains("Wie waren erbij"), "\(backend)")
                XCTAssertTrue(form.contains("Telt mee voor de contactnorm"), "\(backend): the form says which kinds count")

                let nobody = try await browser.post(
                    SitePath.household(.id(fixture.ownHousehold), .contacts).path, ["contactOn": "2026-11-20", "kind": "homeVisit"])
                XCTAssertEqual(nobody.status, .badRequest, "\(backend)")
                XCTAssertTrue(nobody.body.string.contains("Kies wie er bij het contact waren"), "\(backend)")

                // A home visit with the applicant only: the partner is still out of view.
                let applicantOnly = try await browser.post(
                    SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                    ["contactOn": "2026-11-20", "kind": "homeVisit", "participant-\(fixture.ownApplicant)": "ja"])
                XCTAssertEqual(applicantOnly.status, .seeOther, "\(backend)")
                var list = try await browser.get("/worklists/contacts").body.string
                XCTAssertTrue(list.contains("Test, Karim"), "\(backend): the partner is a client of their own")
                XCTAssertFalse(list.contains("Test, Yvonne"), "\(backend): the applicant was seen")
                let page = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path).body.string
                XCTAssertTrue(page.contains("Yvonne Test: binnen de norm"), "\(backend)")
                XCTAssertTrue(page.contains("Karim Test: te laat"), "\(backend): each client's own status")

                // A digital contact does not count in the shipped Steenwijkerland profile; a phone call does.
                try await browser.post(
                    SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                    ["contactOn": "2026-11-21", "kind": "digital", "participant-\(partner)": "ja"])
                list = try await browser.get("/worklists/contacts").body.string
                XCTAssertTrue(list.contains("Test, Karim"), "\(backend): an e-mail is not a contact for the norm here")
                try await browser.post(
                    SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                    ["contactOn": "2026-11-22", "kind": "phone", "participant-\(partner)": "ja"])
                list = try await browser.get("/worklists/contacts").body.string
                XCTAssertFalse(list.contains("Test, Karim"), "\(backend): seen by phone, which this profile counts")
                let history = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path).body.string
                XCTAssertTrue(history.contains("(telt niet mee voor de norm)"), "\(backend)")

                // A name not of this household is ignored, never stored.
                let foreign = try await browser.post(
                    SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                    ["contactOn": "2026-11-23", "kind": "phone", "participant-\(UUID())": "ja"])
                XCTAssertEqual(foreign.status, .badRequest, "\(backend)")
            }
        }
    }

    /// Which kinds count is the profile's: the store's worklist query applies the list it is given.
    func testTheWorklistQueryCountsOnlyTheKindsGiven() async throws {
        for backend in Backend.available {
            try await withApp(backend) { app, fixture in
                let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
                let store = HouseholdStore(db: app.db)
                try await store.addContact(
                    Day(year: 2026, month: 11, day: 2)!, kind: .phone, summary: nil, to: fixture.ownHousehold,
                    participants: [fixture.ownApplicant], by: recorder)
                let viewer = Viewer(
                    userID: fixture.caseManager, organisationID: fixture.steenwijkerland, role: .caseManager, municipalityScope: [],
                    ledTeamIDs: [])
                let today = Day(testNow)
                let all = try await store.worklist(for: viewer, onlyOwnCaseload: true, on: today)
                XCTAssertEqual(
                    all.first { $0.residentId == fixture.ownApplicant }?.lastContact.map(Day.init), Day(year: 2026, month: 11, day: 2))
                // Nijkerk's profile counts face to face, home visit and video only (seed 000 "persoonlijk contact").
                let personal = try await store.worklist(
                    for: viewer, onlyOwnCaseload: true, on: today, countingKinds: [.conversation, .homeVisit, .video])
                XCTAssertNil(personal.first { $0.residentId == fixture.ownApplicant }?.lastContact, "\(backend)")
                XCTAssertNotNil(personal.first { $0.residentId == fixture.ownApplicant }, "\(backend): still a client on the list")
            }
        }
    }
}
