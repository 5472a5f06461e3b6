import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class HouseholdTests: XCTestCase {
    let validHousehold: [String: String] = [
        "bsn": "999993240", "givenName": "Pieter", "familyName": "Mulder", "dateOfBirth": "1981-03-14",
        "street": "Parkweg", "houseNumber": "12a", "postcode": "8332 ab", "city": "Steenwijk", "supportStart": "2026-11-01",
        "receivesBijstand": "ja", "normCategory": "institution",
    ]

    func testCaseloadShowsOwnHouseholdsAndSearchShowsTheOrganisationOnly() async throws {
        try await withEachBackend { app, _, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let caseload = try await browser.get("/caseload").body.string
            XCTAssertTrue(caseload.contains("Test, Yvonne"), "\(backend)")
            XCTAssertFalse(caseload.contains("Farah"), "\(backend): a colleague's household is not in my caseload")
            try await browser.get("/households")
            try await browser.post("/households/search", ["q": "test"])
            let search = try await browser.get("/households").body.string
            XCTAssertTrue(search.contains("Test, Farah"), "\(backend)")
            XCTAssertFalse(search.contains("Anne"), "\(backend): another organisation's household never shows")
            let redirect = try await browser.post("/households/search", ["q": "999990019"])
            XCTAssertEqual(redirect.headers.first(name: .location), "/households", "the BSN stays out of the URL")
            let byBSN = try await browser.get("/households").body.string
            XCTAssertTrue(byBSN.contains("1–1 van 1 huishoudens"), "\(backend)")
        }
    }

    func testAnotherOrganisationsHouseholdIsNotFound() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let value1 = try await browser.get(SitePath.household(.id(fixture.foreignHousehold)).path).status
            XCTAssertEqual(value1, .notFound, "\(backend)")
            let value2 = try await browser.get("/households/\(UUID())").status
            XCTAssertEqual(value2, .notFound)
            let value3 = try await browser.get("/households/not-an-id").status
            XCTAssertEqual(value3, .notFound)
        }
    }

    func testCreatingAHouseholdValidatesEverythingAndStoresNothingWhenWrong() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("/households/new")
            let before = try await HouseholdModel.query(on: app.db).count()

            var bad = validHousehold
            (bad["bsn"], bad["dateOfBirth"], bad["postcode"], bad["givenName"]) = ("999993241", "2031-01-01", "12345", "")
            bad["city"] = String(repeating: "x", count: 81)
            let refused = try await browser.post("/households", bad)
            XCTAssertEqual(refused.status, .badRequest, "\(backend)")
            let html = refused.body.string
            for message in [
                "elfproef", "Deze datum ligt in de toekomst", "geldige postcode", "Vul dit veld in.", "niet meer dan 80 tekens",
            ] {
                XCTAssertTrue(html.contains(message), "\(backend): missing '\(message)'")
            }
            XCTAssertTrue(html.contains("aria-describedby=\"bsn-error"), "errors are tied to their fields")
            XCTAssertTrue(html.contains("value=\"Mulder\""), "what the user typed is kept")

            var valid = validHousehold
            valid["municipalityId"] = fixture.municipality.uuidString
            var duplicate = valid
            duplicate["bsn"] = "999993653"  // Yvonne's
            let duplicateResponse = try await browser.post("/households", duplicate)
            XCTAssertEqual(duplicateResponse.status, .badRequest)
            XCTAssertTrue(duplicateResponse.body.string.contains("al een inwoner met dit BSN"))
            let value4 = try await HouseholdModel.query(on: app.db).count()
            XCTAssertEqual(value4, before, "\(backend): nothing stored")

            let created = try await browser.post("/households", valid)
            XCTAssertEqual(created.status, .seeOther, "\(backend): \(created.body.string.prefix(300))")
            let location = created.headers.first(name: .location) ?? ""
            let page = try await browser.get(location).body.string
            XCTAssertTrue(page.contains("Huishouden Pieter Mulder"))
            XCTAssertTrue(page.contains("Parkweg 12a, 8332 AB Steenwijk"))
            XCTAssertTrue(page.contains("Bijstand, verblijf in een inrichting"))
            XCTAssertTrue(page.contains("Het huishouden is aangemaakt"))
            let value5 = try await HouseholdModel.query(on: app.db).count()
            XCTAssertEqual(value5, before + 1)

            let events = try await AuditEventModel.query(on: app.db).filter(\.$actorID == fixture.caseManager).all()
            XCTAssertTrue(events.contains { $0.action == "aanmaken" }, "the creation is logged")
            XCTAssertTrue(events.contains { $0.action == "inzien" }, "opening the file is logged")
            let value6 = try await verifyChain(app).firstBrokenSeq
            XCTAssertNil(value6)
        }
    }

    func testAFormWithoutTheCSRFTokenChangesNothing() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let response = try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .edit("address")).path,
                ["street": "Nieuwe straat", "houseNumber": "1", "postcode": "8331 AB", "city": "Steenwijk"], csrf: false)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertTrue(response.body.string.contains("formulier is verlopen"))
            let household = try await HouseholdModel.find(fixture.ownHousehold, on: app.db)
            XCTAssertEqual(household?.street, "Kerkstraat")
        }
    }

    func testABackdatedBenefitCorrectionKeepsWhatWasKnownBefore() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.household(.id(fixture.ownHousehold), .edit("benefit")).path)
            let saved = try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .edit("benefit")).path,
                ["receivesBijstand": "ja", "normCategory": "costSharer", "validFrom": "2025-06-01"])
            XCTAssertEqual(saved.status, .seeOther, "\(backend)")
            let rows = try await BenefitFactsModel.query(on: app.db).filter(\.$household.$id == fixture.ownHousehold).all()
            XCTAssertEqual(rows.count, 3, "\(backend): the original row stays, superseded; two new rows")
            XCTAssertEqual(rows.filter { $0.supersededAt != nil }.count, 1)
            let current = rows.filter { $0.supersededAt == nil }.sorted { $0.validFrom < $1.validFrom }
            XCTAssertEqual(current.map { Day($0.validFrom) }, [Day(year: 2025, month: 1, day: 1)!, Day(year: 2025, month: 6, day: 1)!])
            XCTAssertEqual(current.first.flatMap { $0.validTo.map(Day.init) }, Day(year: 2025, month: 5, day: 31))
            XCTAssertEqual(current.last?.normCategory, .costSharer)
            let page = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path).body.string
            XCTAssertTrue(page.contains("Bijstand, kostendeler"))
            XCTAssertTrue(page.contains("class=\"superseded\""), "history shows the replaced row")
        }
    }

    func testACaseManagerCannotEditAColleaguesHousehold() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.household(.id(fixture.colleagueHousehold), .access).path)
            try await browser.post(SitePath.household(.id(fixture.colleagueHousehold), .access).path, ["reason": "consultatie"])
            let readable = try await browser.get(SitePath.household(.id(fixture.colleagueHousehold)).path).status
            XCTAssertEqual(readable, .ok, "reading is allowed once a reason is stated")
            let value8 = try await browser.get(SitePath.household(.id(fixture.colleagueHousehold), .edit("address")).path).status
            XCTAssertEqual(value8, .forbidden)
            let post = try await browser.post(
                SitePath.household(.id(fixture.colleagueHousehold), .edit("address")).path,
                ["street": "X", "houseNumber": "1", "postcode": "8331 AB", "city": "S"])
            XCTAssertEqual(post.status, .forbidden)
        }
    }

    func testAddingAMemberAndEndingASpecialGroup() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.household(.id(fixture.ownHousehold), .edit("members")).path)
            let added = try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .edit("members")).path,
                [
                    "bsn": "999993872", "givenName": "Johan", "familyName": "Visser", "dateOfBirth": "1979-02-02", "relation": "coResident",
                    "coResidentException": "commercialRenter",
                ])
            XCTAssertEqual(added.status, .seeOther, "\(backend): \(added.body.string.prefix(400))")
            let page = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path).body.string
            XCTAssertTrue(page.contains("Johan Visser"))
            XCTAssertTrue(page.contains("1 persoon in de kostendelersnorm"), "a commercial renter does not count")

            try await browser.get(SitePath.client(.id(fixture.ownApplicant), .groupsNew).path)
            let group = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .groups).path, ["kind": "statusHolder", "validFrom": "2024-03-01"])
            XCTAssertEqual(group.status, .seeOther)
            try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path)
            let tooEarly = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .groupsEnd).path, ["kind": "statusHolder", "validTo": "2023-01-01"])
            XCTAssertEqual(tooEarly.status, .badRequest)
            let ended = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .groupsEnd).path, ["kind": "statusHolder", "validTo": "2026-10-31"])
            XCTAssertEqual(ended.status, .seeOther)
            let groups = try await SpecialGroupModel.query(on: app.db).filter(\.$resident.$id == fixture.ownApplicant).filter(
                \.$supersededAt == nil
            ).all()
            XCTAssertEqual(groups.count, 1)
            XCTAssertEqual(groups.first?.validTo.map(Day.init), Day(year: 2026, month: 10, day: 31))
            XCTAssertEqual(groups.first?.integrationStart.map(Day.init), Day(year: 2024, month: 3, day: 1))
        }
    }
}

final class LadderPageTests: XCTestCase {
    func testRecordingMeasurementsShowsHistoryMovementAndChart() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let empty = try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path).body.string
            XCTAssertTrue(empty.contains("Nog geen meting op de participatieladder."))
            try await browser.get(SitePath.client(.id(fixture.ownApplicant), .ladderNew).path)
            let wrong = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .ladder).path, ["measuredOn": "2027-01-01", "rung": "7", "kind": "start"])
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.body.string.contains("Deze datum ligt in de toekomst"))
            XCTAssertTrue(wrong.body.string.contains("Kies een van de mogelijkheden"))
            let first = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .ladder).path,
                ["measuredOn": "2025-02-01", "rung": "2", "expectedEnd": "4", "kind": "start"])
            XCTAssertEqual(first.status, .seeOther, "\(backend)")
            try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .ladder).path,
                ["measuredOn": "2026-10-01", "rung": "4", "expectedEnd": "5", "kind": "interim"])
            let page = try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path).body.string
            XCTAssertTrue(
                page.contains("Nu op trede 4 – Onbetaald werk; verwachte eindtrede 5 – Betaald werk met ondersteuning"), "\(backend)")
            XCTAssertTrue(page.contains("2 treden gestegen"))
            XCTAssertTrue(page.contains("aria-labelledby=\"ladder-titel ladder-uitleg\""))
            // The form's way: the ladder questions, from which the rung follows.
            let asked = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .ladder).path,
                ["measuredOn": "2026-11-20", "questions": "1", "q_socialContacts": "ja", "q_organisedActivities": "ja", "kind": "interim"])
            XCTAssertEqual(asked.status, .seeOther, "\(backend)")
            let after = try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path).body.string
            XCTAssertTrue(
                after.contains("Nu op trede 3 – Deelname georganiseerde activiteiten"), "\(backend): the rung follows from the answers")
            XCTAssertTrue(
                after.contains("heeft sociale contacten buiten de deur; neemt deel aan georganiseerde activiteiten"), "\(backend)")
            let count = try await LadderMeasurementModel.query(on: app.db).count()
            XCTAssertEqual(count, 3)

            let colleague = Browser(app)
            try await colleague.logIn("km2")
            let value1 = try await colleague.get(SitePath.client(.id(fixture.ownApplicant), .ladderNew).path).status
            XCTAssertEqual(value1, .forbidden, "another case manager may not measure in a caseload not theirs")
        }
    }
}

final class ContactWorklistTests: XCTestCase {
    func testAHouseholdOutOfViewIsListedWithItsReasonUntilAContactIsRecorded() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            // Yvonne's support started on 1 January 2025 and there has been no contact since: Steenwijkerland's
            // "min. 1x per jaar" (twelve months, seed 002 §4) ran out on 1 January 2026.
            let before = try await browser.get("/worklists/contacts").body.string
            XCTAssertTrue(before.contains("Test, Yvonne"), "\(backend)")
            XCTAssertTrue(
                before.contains("Geen contact binnen de termijn; uiterlijk 1 januari 2026 had het gemoeten"),
                "\(backend): the reason is given")
            XCTAssertFalse(before.contains("Farah"), "a colleague's household is on the colleague's list")

            try await browser.get(SitePath.household(.id(fixture.ownHousehold), .contactsNew).path)
            let future = try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                ["contactOn": "2026-12-01", "participant-\(fixture.ownApplicant)": "ja", "kind": "phone"])
            XCTAssertEqual(future.status, .badRequest)
            let saved = try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                [
                    "contactOn": "2026-11-20", "participant-\(fixture.ownApplicant)": "ja", "kind": "homeVisit",
                    "summary": "Besproken: vrijwilligerswerk bij de bibliotheek",
                ])
            XCTAssertEqual(saved.status, .seeOther, "\(backend)")
            let household = try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path).body.string
            XCTAssertTrue(household.contains("Yvonne Test: binnen de norm (minstens eens per twaalf maanden)"), "\(backend)")
            XCTAssertTrue(household.contains("vrijwilligerswerk bij de bibliotheek"))
            let after = try await browser.get("/worklists/contacts").body.string
            XCTAssertFalse(after.contains("Test, Yvonne"), "\(backend): back in view")

            // The teamleider sees the team's list; another case manager sees the contact but not what was said.
            let leader = Browser(app)
            try await leader.logIn("tl")
            let value1 = try await leader.get("/worklists/contacts").status
            XCTAssertEqual(value1, .ok)
            let colleague = Browser(app)
            try await colleague.logIn("km2")
            try await colleague.post(SitePath.household(.id(fixture.ownHousehold), .access).path, ["reason": "consultatie"])
            let seen = try await colleague.get(SitePath.household(.id(fixture.ownHousehold)).path).body.string
            XCTAssertTrue(seen.contains("Huisbezoek"))
            XCTAssertFalse(seen.contains("bibliotheek"), "\(backend): the summary is at the notes level")
        }
    }
}
