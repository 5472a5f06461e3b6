import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 15's "done when": an integration does an intake and reads the proposed group, records a
/// contact and a plan, and pages through a worklist through the API alone — on both backends, with
/// the web app's validation (named as the API spells each field), access rules and log entries.
final class CaseworkAPITests: XCTestCase {
    struct Sent {
        var status: HTTPStatus
        var json: [String: Any]
        var fields: [String] { (json["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    }

    private func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, _ body: [String: Any]? = nil)
        async throws -> Sent
    {
        let json = try body.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let response = try await apiRequest(app, method, "/api/v1" + path, token: token, json: json)
        let decoded = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        return Sent(status: response.status, json: decoded)
    }

    func testAnIntegrationDoesTheCaseworkThroughTheAPIAlone() async throws {
        try await withEachBackend { app, fixture, backend in
            let token = try await APITests.token(for: "km", app: app)
            let client = "/clients/\(fixture.ownApplicant.uuidString)"
            let before = try await send(app, .GET, "\(client)/group", token)
            XCTAssertEqual(before.status, .ok, "\(backend)")
            XCTAssertEqual((before.json["proposal"] as? [String: Any])?["outcome"] as? String, "noIntake", "\(backend)")

            // The worklists: supported since 2025 and never seen, the client is out of view; page through that list.
            let overview = try await send(app, .GET, "/worklists", token)
            let counts = (overview.json["lists"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) {
                $0[$1["list"] as? String ?? ""] = $1["count"] as? Int
            }
            XCTAssertEqual(counts["contacts"], 1, "\(backend): \(overview.json)")
            XCTAssertNil(counts["noDirector"], "\(backend): a case manager has no list of files without a regisseur")
            let page = try await send(app, .GET, "/worklists/contacts?per=1&page=1", token)
            XCTAssertEqual(page.json["total"] as? Int, 1, "\(backend)")
            XCTAssertEqual(page.json["per"] as? Int, 1, "\(backend)")
            let entry = try XCTUnwrap((page.json["items"] as? [[String: Any]])?.first, "\(backend)")
            XCTAssertEqual(entry["clientId"] as? String, fixture.ownApplicant.uuidString, "\(backend)")
            XCTAssertTrue((entry["reason"] as? String ?? "").hasSuffix("; nog nooit contact"), "\(backend): \(entry)")
            XCTAssertEqual(entry["late"] as? Bool, true, "\(backend)")
            let beyond = try await send(app, .GET, "/worklists/contacts?per=1&page=2", token)
            XCTAssertEqual((beyond.json["items"] as? [Any])?.count, 0, "\(backend): past the end a page is empty, so paging stops")
            let unknown = try await send(app, .GET, "/worklists/noDirector", token)
            XCTAssertEqual(unknown.status, .notFound, "\(backend)")

            // The intake: the facts Steenwijkerland's rules decide on are required, each named by its key.
            var intake: [String: Any] = [
                "heldOn": "2026-11-27", "contactKind": "conversation", "language": "meetsRequirement", "education": "startkwalificatie",
                "zrm_finances": "3", "wp_readyForWork": "no", "wp_postcodeArea": "8331", "wp_hoursPerWeek": 24, "wp_drivingLicence": true,
            ]
            let incomplete = try await send(app, .POST, "\(client)/intakes", token, intake)
            XCTAssertEqual(incomplete.status, .badRequest, "\(backend)")
            XCTAssertTrue(incomplete.fields.contains("fact_workCapacity"), "\(backend): \(incomplete.fields)")
            let typo = try await send(app, .POST, "\(client)/intakes", token, intake.merging(["fact_workCapacty": "yes"]) { $1 })
            XCTAssertEqual(typo.fields, ["fact_workCapacty"], "\(backend): an unknown field is refused by name")
            for (fact, value) in [
                "workCapacity": "yes", "distanceToWork": "sixTo24Months", "broadParticipation": "yes", "wswOrBeschutIndication": "no",
                "employmentContract": "no",
            ] {
                intake["fact_\(fact)"] = value
            }
            let created = try await send(app, .POST, "\(client)/intakes", token, intake)
            XCTAssertEqual(created.status, .created, "\(backend): \(created.json)")
            let proposal = try XCTUnwrap(created.json["proposal"] as? [String: Any], "\(backend)")
            XCTAssertEqual(proposal["outcome"] as? String, "group", "\(backend)")
            XCTAssertEqual(proposal["groupCode"] as? String, "werkenErvaren", "\(backend)")
            XCTAssertTrue(
                (proposal["reasons"] as? [String] ?? []).contains("Geschatte afstand tot werk: 6 tot 24 maanden"), "\(backend): \(proposal)"
            )
            XCTAssertNotNil(proposal["explanation"] as? String, "\(backend)")
            let stored = try XCTUnwrap(created.json["fields"] as? [String: Any], "\(backend)")
            XCTAssertEqual(stored["wp_hoursPerWeek"] as? Int, 24, "\(backend): a number comes back as a number")
            XCTAssertEqual(stored["wp_drivingLicence"] as? Bool, true, "\(backend)")
            let listed = try await send(app, .GET, "\(client)/intakes", token)
            XCTAssertEqual(listed.json["total"] as? Int, 1, "\(backend)")

            // The group: another one than proposed needs its reason; confirming does not.
            let otherGroup = try await send(
                app, .POST, "\(client)/group-decisions", token, ["groupCode": "zorg", "validFrom": "2026-11-27"])
            XCTAssertEqual(otherGroup.status, .badRequest, "\(backend)")
            XCTAssertEqual(otherGroup.fields, ["overrideReason"], "\(backend)")
            let decided = try await send(
                app, .POST, "\(client)/group-decisions", token, ["groupCode": "werkenErvaren", "validFrom": "2026-11-27"])
            XCTAssertEqual(decided.status, .created, "\(backend): \(decided.json)")
            XCTAssertEqual(decided.json["decision"] as? String, "confirmed", "\(backend)")
            let group = try await send(app, .GET, "\(client)/group", token)
            XCTAssertEqual((group.json["current"] as? [String: Any])?["groupCode"] as? String, "werkenErvaren", "\(backend)")

            // A contact names who took part: only the household's clients.
            let household = "/households/\(fixture.ownHousehold.uuidString)"
            let stranger = try await send(
                app, .POST, "\(household)/contacts", token,
                ["contactOn": "2026-11-27", "kind": "phone", "participants": [fixture.ownApplicant.uuidString, UUID().uuidString]])
            XCTAssertEqual(stranger.fields, ["participants[1]"], "\(backend)")
            let contact = try await send(
                app, .POST, "\(household)/contacts", token,
                ["contactOn": "2026-11-27", "kind": "phone", "participants": [fixture.ownApplicant.uuidString], "summary": "Gebeld"])
            XCTAssertEqual(contact.status, .created, "\(backend): \(contact.json)")
            let contacts = try await send(app, .GET, "\(household)/contacts", token)
            XCTAssertEqual(contacts.json["total"] as? Int, 2, "\(backend): the phone call and the intake's conversation")
            let inView = try await send(app, .GET, "/worklists/contacts", token)
            XCTAssertEqual(inView.json["total"] as? Int, 0, "\(backend): seen, the client is off the list")

            // A plan with goals: a goal's date before the start is refused on that goal.
            var plan: [String: Any] = [
                "startedOn": "2026-11-27", "nextReviewOn": "2027-02-27", "contactKind": "conversation",
                "goals": [
                    ["description": "Werkervaringsplek in de zorg", "targetOn": "2027-05-01"],
                    ["description": "Rijbewijs halen", "actions": "Aanmelden bij de rijschool", "targetOn": "2026-10-01"],
                ],
            ]
            let early = try await send(app, .POST, "\(client)/plans", token, plan)
            XCTAssertEqual(early.fields, ["goals[1].targetOn"], "\(backend): \(early.json)")
            plan["goals"] = [["description": "Werkervaringsplek in de zorg", "targetOn": "2027-05-01"]]
            let made = try await send(app, .POST, "\(client)/plans", token, plan)
            XCTAssertEqual(made.status, .created, "\(backend): \(made.json)")
            let planID = try XCTUnwrap(made.json["id"] as? String)
            let goalID = try XCTUnwrap((made.json["goals"] as? [[String: Any]])?.first?["id"] as? String)
            let reviewed = try await send(
                app, .POST, "\(client)/plans/\(planID)/reviews", token,
                [
                    "reviewedOn": "2026-11-28", "nextReviewOn": "2027-03-01", "contactKind": "phone",
                    "progress": [["goalId": goalID, "status": "onTrack"]],
                ])
            XCTAssertEqual(reviewed.status, .created, "\(backend): \(reviewed.json)")
            XCTAssertEqual((reviewed.json["goals"] as? [[String: Any]])?.first?["status"] as? String, "onTrack", "\(backend)")

            // The ladder: the answers decide the rung; then the client is off the list.
            let measured = try await send(
                app, .POST, "\(client)/ladder-measurements", token,
                ["measuredOn": "2026-11-28", "kind": "start", "answers": ["socialContacts", "organisedActivities"]])
            XCTAssertEqual(measured.status, .created, "\(backend): \(measured.json)")
            XCTAssertEqual(measured.json["rung"] as? Int, 3, "\(backend)")

            // Every change and read is in the log under the API's purpose.
            let purposes = Set(try await AuditEventModel.query(on: app.db).all().map(\.purpose))
            for purpose in ["api intake houden", "api klantgroep vaststellen", "api contact vastleggen", "api plan van aanpak opstellen"] {
                XCTAssertTrue(purposes.contains { $0.hasPrefix(purpose) }, "\(backend): \(purpose)")
            }
        }
    }

    func testAMeasureIsRefusedAsOnTheWebAndOthersMayNotWrite() async throws {
        try await withApp { app, fixture in
            let token = try await APITests.token(for: "km", app: app)
            let client = "/clients/\(fixture.ownApplicant.uuidString)"
            let measure: [String: Any] = [
                "ground": "workObligation", "breachKind": "acceptOrKeepWork", "breachOn": "2026-11-20", "breach": "Niet verschenen",
                "proportionalityCheck": "", "blame": "full", "percentage": 100, "months": 1, "startsOn": "2026-12-01",
                "decidedOn": "2026-11-28",
            ]
            let refused = try await send(app, .POST, "\(client)/measures", token, measure)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.fields.contains("proportionalityCheck"), "\(refused.json)")
            let wrongType = try await send(app, .POST, "\(client)/measures", token, measure.merging(["percentage": "honderd"]) { $1 })
            XCTAssertEqual(wrongType.fields, ["percentage"], "a number field takes a number")
            let none = try await send(app, .GET, "\(client)/measures", token)
            XCTAssertEqual(none.json["total"] as? Int, 0, "nothing was stored")

            let policy = try await APITests.token(for: "bm", app: app)
            let forbidden = try await send(app, .POST, "\(client)/intakes", policy, ["heldOn": "2026-11-27"])
            XCTAssertEqual(forbidden.status, .forbidden, "policy staff see counts, not people")
            let colleague = try await APITests.token(for: "km2", app: app)
            let other = try await send(app, .GET, "\(client)/plans", colleague)
            XCTAssertEqual(other.status, .forbidden, "a colleague outside the caseload states a reason first")
        }
    }

    /// Issue 15: a refused calculation names the field as the API spells it, not as the web form does.
    func testTheIncomeAPINamesItsOwnFields() async throws {
        try await withApp { app, _ in
            let token = try await APITests.token(for: "km", app: app)
            let body: [String: Any] = [
                "startMonth": "2027-01", "claimantBirth": "1990-01-01", "netMonthlyEarningsCents": 80000, "hoursPerWeek": 20,
                "premiums": [["month": "2027-03", "amountCents": -100]],
            ]
            let refused = try await send(app, .POST, "/calculations/income", token, body)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertEqual(refused.fields, ["premiums[0].amountCents"], "\(refused.json)")
            let month = try await send(
                app, .POST, "/calculations/income", token, body.merging(["premiums": [["month": "maart", "amountCents": 100]]]) { $1 })
            XCTAssertEqual(month.fields, ["premiums[0].month"], "\(month.json)")
        }
    }

    /// Hand-overs (R10) and signals (R26): the receiving professional answers their own; the Core
    /// rule refuses a decline without reason and an answer to a settled hand-over.
    func testHandOversAndSignalsThroughTheAPI() async throws {
        try await withEachBackend { app, fixture, backend in
            let token = try await APITests.token(for: "km", app: app)
            let client = "/clients/\(fixture.ownApplicant.uuidString)"
            let coach = try await DirectoryStore(db: app.db).user(username: "pc")!
            let both = try await send(
                app, .POST, "\(client)/handovers", token,
                [
                    "toUserId": coach.id!.uuidString, "toOrganisation": "WerkBedrijf", "goal": "Begeleiding", "reason": "Afstand",
                    "handedOverOn": "2026-11-27",
                ])
            XCTAssertEqual(both.fields, ["toOrganisation"], "\(backend): a colleague or an organisation, not both")
            let created = try await send(
                app, .POST, "\(client)/handovers", token,
                [
                    "toUserId": coach.id!.uuidString, "goal": "Begeleiding naar werk", "reason": "Afstand tot werk",
                    "handedOverOn": "2026-11-27",
                ])
            XCTAssertEqual(created.status, .created, "\(backend): \(created.json)")
            let id = try XCTUnwrap(created.json["id"] as? String)

            let coachToken = try await APITests.token(for: "pc", app: app)
            let inbox = try await send(app, .GET, "/handovers", coachToken)
            XCTAssertEqual(inbox.json["total"] as? Int, 1, "\(backend)")
            let noReason = try await send(app, .POST, "/handovers/\(id)/answer", coachToken, ["status": "declined"])
            XCTAssertEqual(noReason.fields, ["note"], "\(backend)")
            let accepted = try await send(app, .POST, "/handovers/\(id)/answer", coachToken, ["status": "accepted"])
            XCTAssertEqual(accepted.json["status"] as? String, "accepted", "\(backend): \(accepted.json)")
            let again = try await send(app, .POST, "/handovers/\(id)/answer", coachToken, ["status": "accepted"])
            XCTAssertEqual(again.status, .conflict, "\(backend)")
            let notTheirs = try await send(app, .POST, "/handovers/\(id)/answer", token, ["status": "ended"])
            XCTAssertEqual(notTheirs.status, .notFound, "\(backend): only the receiver answers in the inbox")

            let signal = try await send(
                app, .POST, "\(client)/signals", token,
                ["domain": "debtHelp", "direction": "outgoing", "signalledOn": "2026-11-27", "subject": "Betalingsachterstand huur"])
            XCTAssertEqual(signal.status, .created, "\(backend): \(signal.json)")
            let signalID = try XCTUnwrap(signal.json["id"] as? String)
            let empty = try await send(app, .POST, "\(client)/signals/\(signalID)/outcome", token, ["outcome": " "])
            XCTAssertEqual(empty.fields, ["outcome"], "\(backend)")
            let outcome = try await send(
                app, .POST, "\(client)/signals/\(signalID)/outcome", token, ["outcome": "Aangemeld bij de Kredietbank"])
            XCTAssertEqual(outcome.json["outcome"] as? String, "Aangemeld bij de Kredietbank", "\(backend)")
            let twice = try await send(app, .POST, "\(client)/signals/\(signalID)/outcome", token, ["outcome": "Nog eens"])
            XCTAssertEqual(twice.status, .conflict, "\(backend)")
            let listed = try await send(app, .GET, "\(client)/signals", token)
            XCTAssertEqual(listed.json["total"] as? Int, 1, "\(backend)")
        }
    }

    /// What a review of the API found: each is refused on its field, or logged, as the web would.
    func testTheEdgesAnIntegrationMeets() async throws {
        try await withApp { app, fixture in
            let token = try await APITests.token(for: "km", app: app)
            let client = "/clients/\(fixture.ownApplicant.uuidString)"
            let toSelf = try await send(
                app, .POST, "\(client)/handovers", token,
                ["toUserId": fixture.caseManager.uuidString, "goal": "x", "reason": "y", "handedOverOn": "2026-11-27"])
            XCTAssertEqual(toSelf.fields, ["toUserId"], "a hand-over to oneself would link oneself and skip the stated reason")

            let neither = try await send(app, .POST, "\(client)/ladder-measurements", token, ["measuredOn": "2026-11-27", "kind": "start"])
            XCTAssertEqual(neither.fields, ["rung"], "without answers the rung is required")
            let none = try await send(
                app, .POST, "\(client)/ladder-measurements", token, ["measuredOn": "2026-11-27", "kind": "start", "answers": [String]()])
            XCTAssertEqual(none.json["rung"] as? Int, 1, "nothing answered yes is rung 1")

            let taaleis: [String: Any] = [
                "ground": "taaleis", "breach": "Geen inspanning", "proportionalityCheck": "Kan lessen volgen", "blame": "full",
                "percentage": 20, "months": 1, "startsOn": "2026-12-01", "decidedOn": "2026-11-28", "testOn": "2026-10-01",
                "testOutcome": "Mastered", "willing": "yes",
            ]
            let loose = try await send(app, .POST, "\(client)/measures", token, taaleis)
            XCTAssertEqual(Set(loose.fields), ["willing"], "a yes/no field takes true or false: \(loose.json)")
            let unknown = try await send(app, .POST, "\(client)/measures", token, taaleis.merging(["willing": false]) { $1 })
            XCTAssertTrue(unknown.fields.contains("testOutcome"), "\(unknown.json)")

            let household = "/households/\(fixture.ownHousehold.uuidString)"
            let scalar = try await send(
                app, .POST, "\(household)/contacts", token,
                ["contactOn": "2026-11-27", "kind": "phone", "participants": fixture.ownApplicant.uuidString])
            XCTAssertEqual(scalar.fields, ["participants"])
            XCTAssertTrue("\(scalar.json)".contains("Verwacht een lijst."), "\(scalar.json)")

            _ = try await send(app, .GET, "\(household)/contacts", token)
            let notesRead = try await AuditEventModel.query(on: app.db).filter(\.$part == FilePart.notes.rawValue)
                .filter(\.$action == "inzien").count()
            XCTAssertEqual(notesRead, 1, "reading the contacts' reports is logged as a read of notes")

            let leader = try await APITests.token(for: "tl", app: app)
            let group = try await send(app, .GET, "\(client)/group", leader)
            XCTAssertEqual(group.status, .ok, "the group is read with the intake, as on the client page")
        }
    }
}
