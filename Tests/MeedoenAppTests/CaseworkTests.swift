import Fluent
import MeedoenCore
import MeedoenStorage
import SQLKit
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 5's "done when": in each of the four demo organisations a case manager takes in a new
/// resident, sees the proposed group with its reason, records a ladder measurement and a plan,
/// and finds the resident on the right worklist once a contact is overdue.
final class CaseworkTests: XCTestCase {
    /// What each organisation's intake answers, and the group its own rules then propose.
    static let cases: [(org: String, facts: [String: String], expected: String, reason: String)] = [
        (
            "steenwijkerland", ["workCapacity": "yes", "distanceToWork": "sixTo24Months", "broadParticipation": "yes"],
            "Werken &amp; Ervaren",
            "Geschatte afstand tot werk: 6 tot 24 maanden"
        ),
        (
            "wpda",
            [
                "workCapacity": "limited", "distanceToWork": "sixTo24Months", "broadParticipation": "yes", "entrepreneurWish": "no",
                "proVsoSchoolLeaver": "no", "schoolTransition": "no",
            ], "Route Werknemer", "Arbeidsvermogen: beperkt"
        ),
        (
            "wijchen",
            [
                "workCapacity": "yes", "distanceToWork": "sixTo24Months", "broadParticipation": "yes", "placeability": "difficult",
                "competences": "sufficient", "attitude": "positive",
            ], "Bedrijfsdienstverlener (Scharnierpunt)", "Houding: positief"
        ),
        (
            "nijkerk", ["workCapacity": "yes", "distanceToWork": "upTo6Months", "broadParticipation": "yes", "supportNeed": "regular"],
            "Traject naar werk (regionaal)",
            "Verwachte eindtrede: trede 6"
        ),
    ]

    func testAFullIntakeInEachDemoOrganisation() async throws {
        for backend in Backend.available {
            let clock = MovableClock()
            try await withDemo(backend, clock: clock.clock) { app in
                for (index, example) in Self.cases.enumerated() {
                    try await self.intake(example, number: index, app: app, backend: backend)
                }
                // Nijkerk reaches out to 23-to-27-year-olds without income and startkwalificatie (seed 001 r. 435); the others do not.
                let nijkerk = Browser(app)
                try await nijkerk.logIn("km1.nijkerk", password: DemoLoader.password)
                let outreach = try await nijkerk.get("/worklists/outreach")
                XCTAssertEqual(outreach.status, .ok, "\(backend)")
                XCTAssertTrue(outreach.body.string.contains("geen lopende uitkering en geen startkwalificatie vastgelegd"), "\(backend)")
                let wijchen = Browser(app)
                try await wijchen.logIn("km1.wijchen", password: DemoLoader.password)
                let none = try await wijchen.get("/worklists/outreach").status
                XCTAssertEqual(none, .notFound, "\(backend)")
                // Seen never, supported since November 2026: a year on, overdue and on the list with its reason.
                clock.advance(400 * 86400)  // January 2028: 2027 passed without contact
                for (index, example) in Self.cases.enumerated() {
                    let label = "\(backend) \(example.org)"
                    let browser = Browser(app)
                    try await browser.logIn("km1.\(example.org)", password: DemoLoader.password)
                    let later = try await browser.get("/worklists/contacts").body.string
                    XCTAssertTrue(later.contains("Inwoner\(index), Nieuw"), label)
                    XCTAssertTrue(later.contains("Geen contact binnen de termijn"), label)
                    let reviews = try await browser.get("/worklists/planReviews").body.string
                    XCTAssertTrue(
                        reviews.contains("Inwoner\(index), Nieuw") && reviews.contains("20 februari 2027"), "\(label): plan review overdue")
                }
            }
        }
    }

    private func intake(
        _ example: (org: String, facts: [String: String], expected: String, reason: String), number: Int, app: Application,
        backend: Backend
    ) async throws {
        let label = "\(backend) \(example.org)"
        let browser = Browser(app)
        try await browser.logIn("km1.\(example.org)", password: DemoLoader.password)
        let organisation = try await DirectoryStore(db: app.db).organisation(code: example.org)!
        let municipality = try await DirectoryStore(db: app.db).municipalities(of: organisation.id!).first!
        let bsn = try await unusedBSN(app.db)
        try await browser.get("/households/new")
        let created = try await browser.post(
            "/households",
            [
                "bsn": bsn, "givenName": "Nieuw", "familyName": "Inwoner\(number)", "dateOfBirth": "1988-05-17", "street": "Stationsweg",
                "houseNumber": "3", "postcode": "1234 AB", "city": "Plaats", "supportStart": "2026-11-02", "receivesBijstand": "ja",
                "normCategory": "single", "municipalityId": municipality.id!.uuidString,
            ])
        XCTAssertEqual(created.status, .seeOther, "\(label): \(created.body.string.prefix(300))")
        let resident = try await ResidentModel.query(on: app.db).filter(\.$bsn == bsn).first()!
        let client = SitePath.client(.id(resident.id!)).path

        // Nijkerk proposes from the ladder: measure first.
        if example.org == "nijkerk" {
            let measured = try await browser.post(
                "\(client)/ladder", ["measuredOn": "2026-11-20", "rung": "4", "expectedEnd": "6", "kind": "start"])
            XCTAssertEqual(measured.status, .seeOther, label)
        }
        let form = try await browser.get("\(client)/intake/new")
        XCTAssertEqual(form.status, .ok, label)
        var fields: [String: String] = [
            "heldOn": "2026-11-20", "contactKind": "conversation", "language": "meetsRequirement", "education": "startkwalificatie",
            "zrm_finances": "3",
            "zrm_housing": "4", "zrm_mentalHealth": "4", "obstacle_debt": "Aanmelden bij schuldhulpverlening",
            "wp_readyForWork": "no", "wp_postcodeArea": "1234", "wishes": "Werken in de zorg",
        ]
        let incomplete = try await browser.post("\(client)/intake", fields)
        XCTAssertEqual(incomplete.status, .badRequest, "\(label): the facts the rules decide on are required")
        XCTAssertTrue(incomplete.body.string.contains("Vul dit veld in."), label)
        for (fact, value) in example.facts { fields["fact_\(fact)"] = value }
        fields["fact_wswOrBeschutIndication"] = "no"
        fields["fact_employmentContract"] = "no"
        let saved = try await browser.post("\(client)/intake", fields)
        XCTAssertEqual(saved.status, .seeOther, "\(label): \(saved.body.string.prefix(1500))")
        let proposal = try await browser.get("\(client)/group").body.string
        XCTAssertTrue(proposal.contains("<strong>\(example.expected)</strong>"), "\(label): proposed \(example.expected)")
        XCTAssertTrue(proposal.contains(example.reason), "\(label): the rule that fired is shown")
        let code = try XCTUnwrap(
            proposal.range(of: #"value="([A-Za-z]+)" checked"#, options: .regularExpression).map { String(proposal[$0]) }
                .flatMap { $0.split(separator: "\"").dropFirst().first.map(String.init) }, label)
        let confirmed = try await browser.post("\(client)/group", ["groupCode": code, "validFrom": "2026-11-20"])
        XCTAssertEqual(confirmed.status, .seeOther, label)

        let plan = try await browser.post(
            "\(client)/plans",
            [
                "startedOn": "2026-11-20", "contactKind": "conversation", "nextReviewOn": "2027-02-20",
                "goal1_description": "Werkervaringsplek in de zorg",
                "goal1_target": "2027-05-01",
            ])
        XCTAssertEqual(plan.status, .seeOther, "\(label): \(plan.body.string.prefix(500))")
        let page = try await browser.get("\(client)").body.string
        XCTAssertTrue(page.contains("Voorstel bevestigd"), label)
        XCTAssertTrue(page.contains("volgende evaluatie 20 februari 2027"), label)
        let workProfile = try await WorkProfileModel.query(on: app.db).filter(\.$resident.$id == resident.id!).first()
        XCTAssertEqual(workProfile?.postcodeArea, "1234", label)

        // The intake and the plan were conversations: each recorded one contact, linked to it (issue 12).
        let contacts = try await ContactModel.query(on: app.db).filter(\.$household.$id == resident.$household.id).all()
        XCTAssertEqual(Set(contacts.compactMap(\.sourceKind)), ["intake", "plan"], label)
        XCTAssertEqual(contacts.count, 2, label)
        let now = try await browser.get("/worklists/contacts").body.string
        XCTAssertFalse(now.contains("Inwoner\(number), Nieuw"), "\(label): right after the intake the client is in view")
    }

    private func unusedBSN(_ db: any Database) async throws -> String {
        let used = Set(try await ResidentModel.query(on: db).all().map(\.bsn))
        var candidate = 999_000_000
        while true {
            candidate += 7
            let text = String(candidate)
            if (try? BSN(text)) != nil && !used.contains(text) { return text }
        }
    }
}

/// The real app with the demo data of seed 2026 on a fresh database, 2FA off.
func withDemo(_ backend: Backend, clock: Clock, _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.directory = DirectoryConfiguration(workingDirectory: packageRoot)
    let path = NSTemporaryDirectory() + "meedoen-demo-\(UUID().uuidString).sqlite"
    do {
        switch backend {
        case .sqlite: try await configure(app, settings: Settings(database: .sqlite(path: path)), clock: clock)
        case .postgres(let url):
            try await configure(app, settings: Settings(database: .postgres(url: url)), clock: clock)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.autoMigrate()
        try await Meedoen.syncShippedParameters(app)
        _ = try await DemoCommand.load(app, seed: 2026)
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: path)
        throw error
    }
    try await app.asyncShutdown()
    try? FileManager.default.removeItem(atPath: path)
}

/// The worklists on a small dataset counted by hand, through the real SQL on both backends.
final class WorklistCountTests: XCTestCase {
    func counts(_ html: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for list in Worklist.List.allCases {
            guard let range = html.range(of: "href=\"/worklists/\(list.rawValue)\"") else { continue }
            let rest = html[range.upperBound...]
            if let cell = rest.range(of: #"<td class="number">(\d+)</td>"#, options: .regularExpression) {
                result[list.rawValue] = Int(rest[cell].filter(\.isNumber))
            }
        }
        return result
    }

    func testHandCountedWorklists() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            // Yvonne, supported since 1 January 2025 and never seen: overdue; nothing else yet.
            var seen = counts(try await browser.get("/worklists").body.string)
            XCTAssertEqual(seen, ["contacts": 1, "planReviews": 0, "scheduledReviews": 0, "ladder": 0, "youth": 0], "\(backend)")

            let client = SitePath.client(.id(fixture.ownApplicant)).path
            try await browser.get("\(client)/plans/new")
            let plan = try await browser.post(
                "\(client)/plans",
                [
                    "startedOn": "2026-10-01", "contactKind": "conversation", "nextReviewOn": "2026-11-27",
                    "goal1_description": "Sollicitatietraining",
                    "goal1_target": "2027-01-01",
                ])
            XCTAssertEqual(plan.status, .seeOther, "\(backend)")
            try await browser.get("\(client)/group")
            let group = try await browser.post(
                "\(client)/group",
                ["groupCode": "werkenErvaren", "validFrom": "2025-11-01", "overrideReason": "Nog geen intake; bekend uit het dossier"])
            XCTAssertEqual(group.status, .seeOther, "\(backend)")
            seen = counts(try await browser.get("/worklists").body.string)
            XCTAssertEqual(seen["planReviews"], 1, "\(backend): review date 27 November has passed")
            XCTAssertEqual(seen["scheduledReviews"], 1, "\(backend): a year in Werken & Ervaren without a rechtmatigheidstoets")
            let reviews = try await browser.get("/worklists/scheduledReviews").body.string
            XCTAssertTrue(reviews.contains("1x per jaar rechtmatigheidstoets: aan de beurt sinds 1 november 2026"), "\(backend)")

            try await browser.get("\(client)/reviews/new")
            let held = try await browser.post(
                "\(client)/reviews",
                ["kind": "lawfulness", "heldOn": "2026-11-20", "contactKind": "conversation", "outcome": "Geen wijzigingen"])
            XCTAssertEqual(held.status, .seeOther, "\(backend)")
            // A young client who started in December 2025: due for contact within Steenwijkerland's twelve
            // months (seed 002 §4), not yet overdue, and without a plan.
            try await browser.get("/households/new")
            let young = try await browser.post(
                "/households",
                [
                    "bsn": "999993872", "givenName": "Jamal", "familyName": "Jong", "dateOfBirth": "2004-02-02", "street": "Parkweg",
                    "houseNumber": "2", "postcode": "8332 AB", "city": "Steenwijk", "supportStart": "2025-12-15", "receivesBijstand": "ja",
                    "normCategory": "single", "municipalityId": fixture.municipality.uuidString,
                ])
            XCTAssertEqual(young.status, .seeOther, "\(backend)")
            seen = counts(try await browser.get("/worklists").body.string)
            // Yvonne's plan and review were conversations, so she is in view now (issue 12); Jamal is due.
            XCTAssertEqual(seen, ["contacts": 1, "planReviews": 1, "scheduledReviews": 0, "ladder": 0, "youth": 1], "\(backend)")
            let contacts = try await browser.get("/worklists/contacts").body.string
            XCTAssertTrue(contacts.contains("Nog te doen") && !contacts.contains("Te laat"), "\(backend)")
            XCTAssertTrue(contacts.contains("De termijn verloopt op 15 december 2026"), "\(backend)")
            XCTAssertTrue(contacts.contains("1–1 van 1") && !contacts.contains("Volgende pagina"), "\(backend)")
            for wrong in ["9", "-1", "x"] {
                let clamped = try await browser.get("/worklists/contacts?page=\(wrong)")
                XCTAssertEqual(clamped.status, .ok, "\(backend): page \(wrong)")
                XCTAssertTrue(clamped.body.string.contains("1–1 van 1"), "\(backend): page \(wrong) shows the first page")
            }

            // Farah's regisseur leaves: the team leader sees her on "Zonder regisseur" and may open the file.
            let director = try await HouseholdDirectorModel.query(on: app.db).filter(\.$household.$id == fixture.colleagueHousehold)
                .first()!
            director.validTo = Day(year: 2026, month: 11, day: 1)!.date
            try await director.update(on: app.db)
            // Written past the app (as an import would): the daily refresh of the stored due dates brings it in.
            try await WorklistDueMaintenance.refreshAll(app)
            let leader = Browser(app)
            try await leader.logIn("tl")
            let team = counts(try await leader.get("/worklists").body.string)
            XCTAssertEqual(team["noDirector"], 1, "\(backend)")
            let orphan = try await leader.get("/worklists/noDirector").body.string
            XCTAssertTrue(orphan.contains("Test, Farah"), "\(backend)")
            let opened = try await leader.get(SitePath.household(.id(fixture.colleagueHousehold)).path).status
            XCTAssertEqual(opened, .ok, "\(backend): the team leader opens a file without a regisseur to assign one")
            let caseManager = counts(try await browser.get("/worklists").body.string)
            XCTAssertNil(caseManager["noDirector"], "\(backend): that list is the team leader's")
        }
    }
}
