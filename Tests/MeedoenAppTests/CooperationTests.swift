import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Measures, hand-overs, signals, the youth checklist and the profile page, through real HTTP.
final class CooperationTests: XCTestCase {
    /// Art. 18 lid 5–8 on the form: a second breach within twelve months of the first measure gets the
    /// ordinance's longer lid-6 period (the demo profiles' example: one month, then two); anything
    /// else is refused with the article; a revision on request is recorded (lid 11).
    func testARepeatWithinTwelveMonthsGetsTheLongerPeriod() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let client = SitePath.client(.id(fixture.ownApplicant)).path
            let blank = try await browser.get("\(client)/measures/new").body.string
            XCTAssertTrue(blank.contains("art. 18 lid 5: 100% voor 1 maand (periode uit de verordening)"), "\(backend)")
            XCTAssertTrue(blank.contains("voorbeeld, geen bron"), "\(backend): the example ordinance says so")
            var form = [
                "ground": "workObligation", "breachKind": "acceptOrKeepWork", "breachOn": "2026-02-10", "decidedOn": "2026-02-20",
                "startsOn": "2026-03-01", "breach": "Aangeboden baan in de groenvoorziening geweigerd", "blame": "full",
                "proportionalityCheck": "Kan vier dagen per week fysiek werk doen; de baan paste en is zonder reden geweigerd.",
                "percentage": "100", "months": "1",
            ]
            let first = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(first.status, .seeOther, "\(backend)")

            let again = try await browser.get("\(client)/measures/new").body.string
            XCTAssertTrue(
                again.contains("art. 18 lid 6 (herhaling binnen twaalf maanden na het besluit van 20 februari 2026): 100% voor 2 maanden"),
                "\(backend): the form proposes the ordinance's longer period")
            XCTAssertTrue(again.contains("Eerdere maatregelen") && again.contains("lid 5: 100% voor 1 maand"), "\(backend)")
            (form["breachOn"], form["decidedOn"], form["startsOn"]) = ("2026-11-20", "2026-11-27", "2026-12-01")
            let short = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(short.status, .badRequest, "\(backend)")
            XCTAssertTrue(short.body.string.contains("Art. 18 lid 6 geeft 100% voor 2 maanden"), "\(backend)")
            form["months"] = "2"
            let second = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(second.status, .seeOther, "\(backend)")
            let stored = try await MeasureModel.query(on: app.db).sort(\.$startsOn).all()
            XCTAssertEqual(stored.map(\.repeatStep), [.lid5, .lid6], "\(backend)")
            XCTAssertEqual(stored.map(\.ruleSet), Array(repeating: MeasureRuleSet.participatiewet2015.id, count: 2), "\(backend)")

            let third = try await browser.get("\(client)/measures/new").body.string
            XCTAssertTrue(third.contains("art. 18 lid 7"), "\(backend)")
            XCTAssertTrue(third.contains("100% voor 3 maanden (periode uit de wet)"), "\(backend)")

            // Lid 11: revised on request, once.
            let revision = "\(client)/measures/\(stored[0].id!.uuidString)/revision"
            let revised = try await browser.post(
                revision,
                ["revisedOn": "2026-11-27", "revisionNote": "Werkt sinds twee weken vier dagen per week bij de groenvoorziening."])
            XCTAssertEqual(revised.status, .seeOther, "\(backend)")
            let page = try await browser.get(client).body.string
            XCTAssertTrue(page.contains("herzien op verzoek per 27 november 2026"), "\(backend)")
            try await browser.post(revision, ["revisedOn": "2026-11-27", "revisionNote": "nogmaals"])
            let coach = Browser(app)
            try await coach.logIn("pc")
            let forbidden = try await coach.post(
                "\(client)/measures/\(stored[1].id!.uuidString)/revision", ["revisedOn": "2026-11-27", "revisionNote": "poging"])
            XCTAssertEqual(forbidden.status, .forbidden, "\(backend): only who may impose measures may revise them")
            let revisedCount = try await MeasureModel.query(on: app.db).filter(\.$revisedOn != nil).count()
            XCTAssertEqual(revisedCount, 1, "\(backend)")
        }
    }

    func testAMeasureNeedsTheOmgekeerdeToetsAndFollowsTheTaaleisSteps() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let client = SitePath.client(.id(fixture.ownApplicant)).path
            try await browser.get("\(client)/measures/new")
            var form = [
                "ground": "taaleis", "breach": "Taaltoets niet gehaald en geen voortgang", "blame": "full", "percentage": "40",
                "months": "6", "startsOn": "2026-10-01", "decidedOn": "2026-11-02", "proportionalityCheck": "kort",
            ]
            // Art. 18b lid 2 and 3: an unknown level is no ground; the test comes first.
            let refused = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(refused.status, .badRequest, "\(backend)")
            XCTAssertTrue(refused.body.string.contains("Leg de omgekeerde toets vast"), "\(backend)")
            XCTAssertTrue(refused.body.string.contains("een onbekend taalniveau is geen grond (art. 18b lid 2 en 3)"), "\(backend)")
            // Lid 4: the notice within eight weeks of the test.
            form["proportionalityCheck"] =
                "Volgt de taalles twee ochtenden per week; meer kan nu niet, maar de toets is zonder reden overgeslagen."
            (form["testOn"], form["testOutcome"], form["noticeOn"]) = ("2026-08-01", "notMastered", "2026-10-01")
            let late = try await browser.post("\(client)/measures", form)
            XCTAssertTrue(late.body.string.contains("uiterlijk 26 september 2026 (art. 18b lid 4)"), "\(backend)")
            form["testOn"] = "2026-09-15"
            let skipped = try await browser.post("\(client)/measures", form)
            XCTAssertTrue(skipped.body.string.contains("stap 1 20% voor 6 maanden"), "\(backend): no skipping a step")
            // Lid 6 sub a: not decided within the month in which the client may declare willingness.
            (form["percentage"], form["decidedOn"]) = ("20", "2026-10-20")
            let early = try await browser.post("\(client)/measures", form)
            XCTAssertTrue(early.body.string.contains("besluit over de eerste stap op of na 1 november 2026"), "\(backend)")
            let none = try await MeasureModel.query(on: app.db).count()
            XCTAssertEqual(none, 0)

            form["decidedOn"] = "2026-11-02"
            let imposed = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(imposed.status, .seeOther, "\(backend)")
            // The second step: six months after the notice, after a new test without progress (lid 10).
            (form["percentage"], form["startsOn"], form["decidedOn"]) = ("40", "2027-03-01", "2026-11-27")
            let tooSoon = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(tooSoon.status, .badRequest, "\(backend): the second step only after six months")
            XCTAssertTrue(tooSoon.body.string.contains("gaat deze stap in op 1 april 2027 of later"), "\(backend)")
            XCTAssertTrue(tooSoon.body.string.contains("alleen op een nieuwe toets"), "\(backend)")
            (form["startsOn"], form["newTestOn"], form["newTestNoProgress"]) = ("2027-04-01", "2026-11-27", "ja")
            let second = try await browser.post("\(client)/measures", form)
            XCTAssertEqual(
                second.status, .seeOther,
                "\(backend): the second step is 40%: \(second.body.string.components(separatedBy: "field-error").dropFirst().map { $0.prefix(200) })"
            )
            let page = try await browser.get(client).body.string
            XCTAssertTrue(page.contains("Taaleis (art. 18b): 40% voor 6 maanden"), "\(backend)")
            XCTAssertTrue(page.contains("Omgekeerde toets: Volgt de taalles"), "\(backend)")

            let coach = Browser(app)
            try await coach.logIn("pc")
            let forbidden = try await coach.get("\(client)/measures/new").status
            XCTAssertEqual(forbidden, .forbidden)
        }
    }

    /// A hand-over links the receiving professional to the client: before it they cannot open the
    /// file, while it is open or accepted they can, and they answer it themselves.
    func testAHandOverLinksTheReceivingProfessional() async throws {
        try await withEachBackend { app, fixture, backend in
            let client = SitePath.client(.id(fixture.ownApplicant)).path
            let coach = Browser(app)
            try await coach.logIn("pc")
            let before = try await coach.get(client).status
            XCTAssertEqual(before, .forbidden, "\(backend)")

            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("\(client)/handovers/new")
            let coachID = try await DirectoryStore(db: app.db).user(username: "pc")!.id!.uuidString
            let both = try await browser.post(
                "\(client)/handovers",
                [
                    "toUser": coachID, "toOrganisation": "WerkBedrijf", "goal": "Vrijwilligerswerk vinden", "reason": "Moeilijk plaatsbaar",
                    "handedOverOn": "2026-11-27",
                ])
            XCTAssertEqual(both.status, .badRequest, "\(backend): one receiver at a time")
            let handed = try await browser.post(
                "\(client)/handovers",
                ["toUser": coachID, "goal": "Vrijwilligerswerk vinden", "reason": "Moeilijk plaatsbaar", "handedOverOn": "2026-11-27"])
            XCTAssertEqual(handed.status, .seeOther, "\(backend)")
            // Both tracks at once: also the regional WerkBedrijf.
            let external = try await browser.post(
                "\(client)/handovers",
                [
                    "toOrganisation": "WerkBedrijf Rijk van Nijmegen", "goal": "Werkervaringsplek", "reason": "Dicht bij werk",
                    "handedOverOn": "2026-11-27",
                ])
            XCTAssertEqual(external.status, .seeOther, "\(backend)")

            let inbox = try await coach.get("/handovers").body.string
            XCTAssertTrue(inbox.contains("Vrijwilligerswerk vinden"), "\(backend)")
            let proposed = try await coach.get(client).status
            XCTAssertEqual(proposed, .forbidden, "\(backend): a proposed hand-over shows in the inbox, not the file")
            let handover = try await HandoverModel.query(on: app.db).filter(\.$toUserID != nil).first()!
            let answered = try await coach.post(
                "/handovers/\(handover.id!.uuidString)/decision", ["status": "accepted", "note": "Start maandag"])
            XCTAssertEqual(answered.status, .seeOther, "\(backend)")
            let again = try await coach.post("/handovers/\(handover.id!.uuidString)/decision", ["status": "declined", "note": "toch niet"])
            XCTAssertEqual(again.status, .conflict, "\(backend): an accepted hand-over is not declined afterwards")
            let opened = try await coach.get(client)
            XCTAssertEqual(opened.status, .ok, "\(backend): linked by the accepted hand-over")
            XCTAssertFalse(opened.body.string.contains("Maatregelen"), "\(backend): a coach does not see measures")
            let stranger = Browser(app)
            try await stranger.logIn("zp")
            let notForThem = try await stranger.post("/handovers/\(handover.id!.uuidString)/decision", ["status": "ended"])
            XCTAssertEqual(notForThem.status, .notFound, "\(backend): only the receiver answers")
            let externalHandover = try await HandoverModel.query(on: app.db).filter(\.$toUserID == nil).first()!
            let notTheirs = try await coach.post("\(client)/handovers/\(externalHandover.id!.uuidString)/decision", ["status": "accepted"])
            XCTAssertEqual(notTheirs.status, .forbidden, "\(backend): the coach does not answer for the WerkBedrijf")
            let declined = try await browser.post("\(client)/handovers/\(externalHandover.id!.uuidString)/decision", ["status": "declined"])
            XCTAssertEqual(declined.status, .badRequest, "\(backend): declining needs the reason")
            let recorded = try await browser.post(
                "\(client)/handovers/\(externalHandover.id!.uuidString)/decision", ["status": "declined", "note": "Geen plek dit kwartaal"])
            XCTAssertEqual(recorded.status, .seeOther)
            let page = try await browser.get(client).body.string
            XCTAssertTrue(page.contains("geaccepteerd") && page.contains("Geen plek dit kwartaal"), "\(backend)")

            // The regisseur ends the colleague's link from the client page (issue 12, point 10).
            XCTAssertTrue(page.contains("Koppeling beëindigen"), "\(backend)")
            let notAccepting = try await browser.post(
                "\(client)/handovers/\(handover.id!.uuidString)/decision", ["status": "declined", "note": "x"])
            XCTAssertEqual(notAccepting.status, .forbidden, "\(backend): the regisseur does not answer for the colleague")
            let ended = try await browser.post("\(client)/handovers/\(handover.id!.uuidString)/decision", ["status": "ended"])
            XCTAssertEqual(ended.status, .seeOther, "\(backend)")
            let after = try await coach.get(client).status
            XCTAssertEqual(after, .forbidden, "\(backend): the link ends with the hand-over")
        }
    }

    func testSignalsWithTheirOutcome() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let client = SitePath.client(.id(fixture.ownApplicant)).path
            try await browser.get("\(client)/signals/new")
            let empty = try await browser.post("\(client)/signals", ["signalledOn": "2026-11-20"])
            XCTAssertEqual(empty.status, .badRequest, "\(backend)")
            let saved = try await browser.post(
                "\(client)/signals",
                ["domain": "debtHelp", "direction": "outgoing", "signalledOn": "2026-11-20", "subject": "Huurachterstand"])
            XCTAssertEqual(saved.status, .seeOther, "\(backend)")
            let signal = try await SignalModel.query(on: app.db).first()!
            let outcome = try await browser.post(
                "\(client)/signals/\(signal.id!.uuidString)/outcome", ["outcome": "Aangemeld bij de Kredietbank"])
            XCTAssertEqual(outcome.status, .seeOther)
            let page = try await browser.get(client).body.string
            XCTAssertTrue(
                page.contains("Schuldhulpverlening: Huurachterstand") && page.contains("Aangemeld bij de Kredietbank"), "\(backend)")
        }
    }

    func testAYoungClientIsLetGoOnlyWhenEverythingIsArranged() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("/households/new")
            let created = try await browser.post(
                "/households",
                [
                    "bsn": "999993872", "givenName": "Jamal", "familyName": "Jong", "dateOfBirth": "2004-02-02", "street": "Parkweg",
                    "houseNumber": "2", "postcode": "8332 AB", "city": "Steenwijk", "supportStart": "2026-01-05", "receivesBijstand": "ja",
                    "normCategory": "single", "municipalityId": fixture.municipality.uuidString,
                ])
            XCTAssertEqual(
                created.status, .seeOther,
                String(
                    created.body.string.replacingOccurrences(of: "\n", with: " ").components(separatedBy: "fouten-titel").last?.prefix(500)
                        ?? ""))
            let young = try await ResidentModel.query(on: app.db).filter(\.$bsn == "999993872").first()!
            let client = SitePath.client(.id(young.id!)).path
            try await browser.get("\(client)/support/end")
            let refused = try await browser.post("\(client)/support/end", ["validTo": "2026-11-27", "endReason": "work"])
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.body.string.contains("Nog niet alles is geregeld voor deze jongere"))
            let moved = try await browser.post(
                "\(client)/youth-checklist",
                [
                    "checkedOn": "2026-11-27", "housing": "ja", "schoolOrWork": "ja",
                    "stableIncome": "ja", "fallbackPerson": "ja",
                ])
            XCTAssertEqual(moved.status, .seeOther)
            let ended = try await browser.post("\(client)/support/end", ["validTo": "2026-11-27", "endReason": "work"])
            XCTAssertEqual(ended.status, .seeOther, "with the checklist complete")
        }
    }

    /// The functioneel beheerder changes the profile; a refused document changes nothing.
    func testTheProfileIsEditedWithItsDateOfEffectAndABadOneIsRefused() async throws {
        try await withEachBackend { app, fixture, backend in
            let admin = Browser(app)
            try await admin.logIn("fb")
            let page = try await admin.get("/admin/profile")
            XCTAssertEqual(page.status, .ok, "\(backend)")
            XCTAssertTrue(page.body.string.contains("Werken &amp; Ervaren"), "\(backend)")
            let shipped = try String(contentsOfFile: packageRoot + "Resources/Profiles/steenwijkerland.json", encoding: .utf8)
            let bad = shipped.replacingOccurrences(of: "\"criteria\"", with: "\"critera\"")
            let refused = try await admin.post("/admin/profile", ["document": bad, "validFrom": "2026-12-01", "note": "typfout"])
            XCTAssertEqual(refused.status, .badRequest, "\(backend)")
            XCTAssertTrue(refused.body.string.contains("Bij segmentation.groups[0].criteria: verplicht veld ontbreekt"), "\(backend)")
            let count = try await PolicyProfileModel.query(on: app.db).count()
            XCTAssertEqual(count, 0, "\(backend): nothing stored; the shipped profile stays in force")

            let changed = shipped.replacingOccurrences(
                of: "\"kind\": \"everyMonths\",\n    \"months\": 12,", with: "\"kind\": \"everyMonths\",\n    \"months\": 6,")
            XCTAssertNotEqual(changed, shipped)
            let saved = try await admin.post(
                "/admin/profile", ["document": changed, "validFrom": "2026-11-28", "note": "Contact elk halfjaar"])
            XCTAssertEqual(saved.status, .seeOther, "\(backend): \(saved.body.string.prefix(400))")
            let versions = try await admin.get("/admin/profile").body.string
            XCTAssertTrue(
                versions.contains("Contact elk halfjaar"),
                "\(backend): \(versions.components(separatedBy: "<h2>Versies").last!.prefix(900))")
            XCTAssertTrue(
                versions.contains("minstens eens per 6 maanden"),
                "\(backend): \(versions.components(separatedBy: "Contactnorm").last!.prefix(200))")
            let logged = try await AuditEventModel.query(on: app.db).filter(\.$purpose == "beleidsprofiel wijzigen").count()
            XCTAssertEqual(logged, 1, "\(backend)")

            let caseManager = Browser(app)
            try await caseManager.logIn("km")
            let forbidden = try await caseManager.get("/admin/profile").status
            XCTAssertEqual(forbidden, .forbidden)
        }
    }

    /// A shipped file that is refused at start-up leaves the stored version in force.
    func testARefusedShippedProfileKeepsTheLastValidVersion() async throws {
        try await withApp { app, fixture in
            try await Meedoen.installShippedProfiles(app)
            let organisation = try await DirectoryStore(db: app.db).organisation(code: "steenwijkerland")!
            let first = try await PolicyProfileStore(db: app.db).versions(organisation.id!)
            XCTAssertEqual(first.count, 1)
            var files = app.meedoen.shipped.profiles.mapValues { (file: $0.file, document: $0.document) }
            files["steenwijkerland"]!.document = files["steenwijkerland"]!.document.replacingOccurrences(
                of: "\"everyMonths\": 12", with: "\"everyMonths\": 0")
            let refused = try await PolicyProfileStore(db: app.db).installShipped(
                files, recorder: Recorder(userID: nil, clock: .fixed(testNow), ids: .random), on: Day(testNow))
            XCTAssertEqual(refused.count, 1)
            XCTAssertTrue(refused[0].description.contains("steenwijkerland.json"), refused[0].description)
            XCTAssertEqual(refused[0].fault, .termMonths(0))
            XCTAssertTrue(Dutch.profileProblem(refused[0]).contains("0 maanden"), Dutch.profileProblem(refused[0]))
            let after = try await PolicyProfileStore(db: app.db).versions(organisation.id!)
            XCTAssertEqual(after.count, 1, "the last valid profile stays")
        }
    }
}

final class CaseworkPrivacyTests: XCTestCase {
    /// The intake's health part is at the extra level: a colleague outside the caseload never sees
    /// it; the resident's own inzage export holds all of it, with the group decision.
    func testTheIntakesExtraLevelAndTheInzage() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let client = SitePath.client(.id(fixture.ownApplicant)).path
            try await browser.get("\(client)/intake/new")
            let saved = try await browser.post(
                "\(client)/intake",
                [
                    "heldOn": "2026-11-20", "contactKind": "conversation", "language": "belowRequirement",
                    "education": "foreignNotRecognised", "zrm_finances": "4",
                    "zrm_mentalHealth": "2", "healthLimitations": "Rugklachten, kan niet tillen", "fact_workCapacity": "limited",
                    "fact_distanceToWork": "sixTo24Months", "fact_broadParticipation": "yes", "fact_wswOrBeschutIndication": "no",
                    "fact_employmentContract": "no", "wp_readyForWork": "no",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let decided = try await browser.post("\(client)/group", ["groupCode": "zorg", "validFrom": "2026-11-20"])
            XCTAssertEqual(decided.status, .badRequest, "overriding the proposal needs a reason")
            let overridden = try await browser.post(
                "\(client)/group", ["groupCode": "zorg", "validFrom": "2026-11-20", "overrideReason": "Opname gepland, nu geen traject"])
            XCTAssertEqual(overridden.status, .seeOther)
            let own = try await browser.get("\(client)/intake").body.string
            XCTAssertTrue(own.contains("Rugklachten") && own.contains("Geestelijke gezondheid"))

            let colleague = Browser(app)
            try await colleague.logIn("km2")
            try await colleague.post(SitePath.household(.id(fixture.ownHousehold), .access).path, ["reason": "consultatie"])
            let seen = try await colleague.get("\(client)/intake")
            XCTAssertEqual(seen.status, .ok)
            XCTAssertFalse(seen.body.string.contains("Rugklachten"), "health limitations are at the extra level")
            XCTAssertFalse(seen.body.string.contains("Geestelijke gezondheid"), "so are the health domains of the ZRM")
            XCTAssertTrue(seen.body.string.contains("Financiën"))
            let page = try await colleague.get(client).body.string
            XCTAssertTrue(page.contains("Afgeweken van het voorstel (Werken &amp; Ervaren)"), "the decision and what was proposed")

            let officer = Browser(app)
            try await officer.logIn("pf")
            let export = try await officer.get("/privacy/residents/\(fixture.ownApplicant)/inzage.json")
            let inzage = try export.content.decode(Inzage.self)
            XCTAssertTrue(
                inzage.casework.contains {
                    $0.what == "Intake" && $0.text.contains("Rugklachten")
                        && $0.text.contains("Geestelijke gezondheid: 2 – niet zelfredzaam")
                })
            XCTAssertTrue(inzage.casework.contains { $0.what == "Klantgroep" && $0.text.contains("Opname gepland") })
        }
    }
}

final class StatusHolderIntakeTests: XCTestCase {
    /// R15: for a status holder the intake also records the integration route and the PIP.
    func testAStatusHoldersIntakeRecordsTheIntegrationRoute() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let client = SitePath.client(.id(fixture.ownApplicant)).path
            let before = try await browser.get("\(client)/intake/new").body.string
            XCTAssertFalse(before.contains("Inburgering (statushouder)"))
            try await browser.get("\(client)/groups/new")
            let added = try await browser.post("\(client)/groups", ["kind": "statusHolder", "validFrom": "2025-06-01"])
            XCTAssertEqual(added.status, .seeOther)
            let form = try await browser.get("\(client)/intake/new").body.string
            XCTAssertTrue(form.contains("Inburgering (statushouder)") && form.contains("B1-route"))
            let saved = try await browser.post(
                "\(client)/intake",
                [
                    "heldOn": "2026-11-20", "contactKind": "conversation", "language": "belowRequirement",
                    "education": "foreignNotRecognised", "fact_workCapacity": "yes",
                    "fact_distanceToWork": "sixTo24Months", "fact_broadParticipation": "yes", "fact_wswOrBeschutIndication": "no",
                    "fact_employmentContract": "no", "wp_readyForWork": "no", "int_route": "b1", "int_planOn": "2025-07-01",
                    "int_alongside": "Taalmaatje en vrijwilligerswerk bij de voedselbank",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let shown = try await browser.get("\(client)/intake").body.string
            XCTAssertTrue(shown.contains("B1-route") && shown.contains("1 juli 2025") && shown.contains("voedselbank"))
        }
    }
}

final class ProfileTermsTests: XCTestCase {
    /// The norms and terms form makes a new, checked version; a term of zero is refused on its field.
    func testNormsAndTermsAreChangedThroughTheForm() async throws {
        try await withApp { app, fixture in
            let admin = Browser(app)
            try await admin.logIn("fb")
            let form = try await admin.get("/admin/profile/terms")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains("1x per jaar rechtmatigheidstoets: elke … maanden"))
            var fields = [
                "validFrom": "2026-11-28", "note": "Rechtmatigheid W&E elk halfjaar", "contacts_kind": "perCalendarYear",
                "zorg_contacts_kind": "perCalendarYear", "werkenErvaren_review0": "6", "lerenOntwikkelen_review0": "24",
                "zorg_review0": "12",
                "geplaatst_review0": "12", "directWerk_contacts_kind": "everyMonths", "directWerk_contacts_months": "0",
                "counts_conversation": "ja", "counts_homeVisit": "ja", "counts_video": "ja", "contacts_firstDue": "3",
                "measures_first": "1", "measures_repeat": "2",
            ]
            let refused = try await admin.post("/admin/profile/terms", fields)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.body.string.contains("een norm van 0 maanden kan niet"), String(refused.body.string.prefix(0)))
            XCTAssertTrue(refused.body.string.contains("id=\"directWerk_contacts_months-error\""), "the refusal sits on its field")
            let none = try await PolicyProfileModel.query(on: app.db).count()
            XCTAssertEqual(none, 0)

            fields["directWerk_contacts_months"] = "1"
            let saved = try await admin.post("/admin/profile/terms", fields)
            XCTAssertEqual(saved.status, .seeOther)
            let page = try await admin.get("/admin/profile").body.string
            XCTAssertTrue(page.contains("1x per jaar rechtmatigheidstoets (elke 6 maanden)"))
            let profile = try await PolicyProfileStore(db: app.db).current(fixture.steenwijkerland, on: Day(testNow))!.profile
            XCTAssertEqual(profile.contactNorm(group: "directWerk", municipality: nil), .everyMonths(1))
            XCTAssertEqual(profile.segmentation.group("zorg")?.service.contacts?.norm, .perCalendarYear)
            XCTAssertEqual(profile.segmentation.group("werkvoorzienend")?.explanation.contains("NoordWestGroep"), true, "the rest is kept")
            // Issue 13: the kinds that count and the ordinance are the beheerder's choice, kept through the form.
            XCTAssertEqual(profile.contacts.countingKinds, [.conversation, .homeVisit, .video], "phone unchecked: no longer counts")
            XCTAssertEqual(profile.contacts.firstDueAfterMonths, 3)
            XCTAssertEqual(profile.measures?.firstPeriodMonths, 1)
            XCTAssertEqual(profile.measures?.isExample, true, "unchanged periods keep their example mark")

            fields["measures_first"] = "3"
            fields["validFrom"] = "2026-11-29"
            let invalid = try await admin.post("/admin/profile/terms", fields)
            XCTAssertEqual(invalid.status, .badRequest)
            XCTAssertTrue(invalid.body.string.contains("id=\"measures_repeat-error\""), "lid 6 must be longer than lid 5")
            (fields["measures_first"], fields["measures_repeat"]) = ("2", "3")
            let ordinance = try await admin.post("/admin/profile/terms", fields)
            XCTAssertEqual(ordinance.status, .seeOther)
            let later = try await PolicyProfileStore(db: app.db).current(fixture.steenwijkerland, on: Day(year: 2026, month: 11, day: 29)!)!
                .profile
            XCTAssertEqual(later.measures?.repeatPeriodMonths, 3)
            XCTAssertEqual(later.measures?.isExample, false, "the organisation's own ordinance, no longer an example")
        }
    }
}

final class ProfileVersionTests: XCTestCase {
    /// A new shipped file does not override the functioneel beheerder's later edit, and a stored
    /// version that no longer reads is passed over for the one before it.
    func testShippedUpdatesRespectEditsAndUnreadableVersionsArePassedOver() async throws {
        try await withApp { app, fixture in
            try await Meedoen.installShippedProfiles(app)
            let store = PolicyProfileStore(db: app.db)
            let organisation = try await DirectoryStore(db: app.db).organisation(code: "steenwijkerland")!
            let recorder = Recorder(userID: nil, clock: .fixed(testNow), ids: .random)
            let shipped = app.meedoen.shipped.profiles["steenwijkerland"]!.document
            let edited = shipped.replacingOccurrences(of: "\"label\": \"Klantgroep\"", with: "\"label\": \"Doelgroep\"")
            XCTAssertNotEqual(edited, shipped)
            try await store.add(
                edited, file: "bewerkt", for: organisation, validFrom: Day(testNow), origin: .edited, note: "eigen naam", by: recorder)

            var files = app.meedoen.shipped.profiles.mapValues { (file: $0.file, document: $0.document) }
            files["steenwijkerland"]!.document = shipped.replacingOccurrences(
                of: "\"label\": \"Klantgroep\"", with: "\"label\": \"Klantprofiel\"")
            let notApplied = try await store.installShipped(files, recorder: recorder, on: Day(testNow))
            XCTAssertEqual(notApplied.count, 1)
            XCTAssertEqual(notApplied[0].fault, .editedSinceShipped)
            let current = try await store.current(organisation.id!, on: Day(testNow))!
            XCTAssertEqual(current.profile.segmentation.label, "Doelgroep", "the edit stays in force")

            // A stored document that no longer reads (say, written by a later Meedoen) is passed over.
            let unreadable = PolicyProfileModel()
            unreadable.id = UUID()
            unreadable.$organisation.id = organisation.id!
            (unreadable.version, unreadable.validFrom, unreadable.document) = (99, Day(testNow).date, "{\"schemaVersion\": 3}")
            (unreadable.origin, unreadable.recordedAt) = ("edited", testNow)
            try await unreadable.create(on: app.db)
            let after = try await store.current(organisation.id!, on: Day(testNow))
            XCTAssertEqual(after?.version, current.version)
            let browser = Browser(app)
            try await browser.logIn("km")
            let page = try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path)
            XCTAssertEqual(page.status, .ok, "no 500 when the newest version does not read")
        }
    }
}
