import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import SQLKit
import Vapor
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 11: the access log under concurrency, and whether it can be rewritten unnoticed.
final class AuditChainTests: XCTestCase {
    /// 32 connections × 25 requests (household pages and contact posts) through the real server:
    /// no 409 or other non-2xx/3xx, every contact stored once, and the chain verifies.
    func testManyConnectionsAtOnceGetNoErrorsAndTheChainHolds() async throws {
        try await withEachBackend { app, fixture, backend in
            try await withRunningServer(app) { port in
                var session = HTTPSession(app: app, port: port)
                try await session.logIn("km")
                let signedIn = session
                let household = fixture.ownHousehold
                let started = ContinuousClock.now
                let statuses = try await withThrowingTaskGroup(of: [UInt].self) { group in
                    for connection in 0..<32 {
                        group.addTask {
                            var seen: [UInt] = []
                            for request in 0..<25 {
                                if (connection + request) % 5 == 0 {
                                    let posted = try await signedIn.post(
                                        SitePath.household(.id(household), .contacts).path,
                                        [
                                            "contactOn": "2026-11-27", "participant-\(fixture.ownApplicant)": "ja", "kind": "phone",
                                            "summary": "c\(connection)-\(request)",
                                        ])
                                    // Saved means a 303 back to the household, not to the log-in page.
                                    let back = posted.headers.first(name: .location) == SitePath.household(.id(household)).path
                                    seen.append(posted.status == .seeOther && back ? 200 : posted.status.code)
                                } else {
                                    seen.append(try await signedIn.get(SitePath.household(.id(household)).path).status.code)
                                }
                            }
                            return seen
                        }
                    }
                    return try await group.reduce(into: [UInt]()) { $0 += $1 }
                }
                XCTAssertEqual(statuses.count, 800, "\(backend)")
                XCTAssertLessThan(ContinuousClock.now - started, .seconds(60), "\(backend): under a minute")
                let failures = statuses.filter { $0 != 200 }
                XCTAssertEqual(failures.count, 0, "\(backend): \(Dictionary(grouping: failures, by: { $0 }).mapValues(\.count))")
                let contacts = try await ContactModel.query(on: app.db).filter(\.$household.$id == household).count()
                XCTAssertEqual(contacts, 160, "\(backend): every posted contact once")
                let chain = try await verifyChain(app)
                XCTAssertTrue(chain.intact, "\(backend): \(chain.problem ?? "")")
                XCTAssertGreaterThanOrEqual(chain.entriesChecked, 800, "\(backend): every request logged")
            }
        }
    }

    /// Two app instances on one PostgreSQL append at once: no conflict, one unbroken chain.
    func testTwoInstancesOnOnePostgreSQLNeverForkTheChain() async throws {
        guard let postgres = Backend.available.first(where: { if case .postgres = $0 { true } else { false } }) else {
            throw XCTSkip("PostgreSQL is not available (TEST_POSTGRES_URL)")
        }
        try await withApp(postgres) { first, _ in
            let second = try await makeSecondApp(like: first)
            do {
                let before = try await AuditLog.head(on: first.db).seq
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<200 {
                        let app = index.isMultiple(of: 2) ? first : second
                        group.addTask {
                            try await app.meedoen.auditLog.append(
                                AuditRecord(
                                    actorID: nil, actorName: "instantie \(index % 2)", actorRole: "systeem", organisationID: nil,
                                    part: "test", action: "schrijven", purpose: "gelijktijdig \(index)", payload: "{\"i\":\(index)}"),
                                on: app.db)
                        }
                    }
                    try await group.waitForAll()
                }
                let after = try await AuditLog.head(on: first.db).seq
                XCTAssertEqual(after - before, 200)
                let chain = try await verifyChain(second)
                XCTAssertTrue(chain.intact, chain.problem ?? "")
                XCTAssertEqual(chain.headSeq, after)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    /// Delete a row, renumber, recompute plain SHA-256 (what passed before): refused now, as is
    /// a chain rebuilt with another key, a deleted payload and a cut-off tail.
    func testTheLogCannotBeRewrittenWithoutTheKey() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            for _ in 0..<3 { try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path) }
            try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                ["contactOn": "2026-11-27", "participant-\(fixture.ownApplicant)": "ja", "kind": "phone", "summary": "x"])
            let sql = app.db as! any SQLDatabase
            let intact = try await verifyChain(app)
            XCTAssertTrue(intact.intact, "\(backend)")

            // Rewrite: drop entry 2, renumber, rebuild every hash as a plain SHA-256 chain.
            try await Self.rewrite(app) { events in events.remove(at: 1) }
            let rewritten = try await verifyChain(app)
            XCTAssertFalse(rewritten.intact, "\(backend): a rewritten chain is caught")
            XCTAssertEqual(rewritten.firstBrokenSeq, 1, "\(backend): the first rewritten entry")

            // A payload deleted outright (not destroyed by retention) is reported.
            try await withApp(backend) { app, fixture in
                let browser = Browser(app)
                try await browser.logIn("km")
                try await browser.post(
                    SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                    ["contactOn": "2026-11-27", "participant-\(fixture.ownApplicant)": "ja", "kind": "phone", "summary": "y"])
                let sql = app.db as! any SQLDatabase
                try await sql.raw("DELETE FROM audit_payloads").run()
                let missing = try await verifyChain(app)
                XCTAssertEqual(missing.problem?.contains("ontbreken"), true, "\(backend): \(missing.problem ?? "")")
            }
            _ = sql
        }
    }

    /// Rewrites every entry after `edit`, renumbered and re-hashed with plain SHA-256, as someone
    /// with database access but without the key would.
    static func rewrite(_ app: Application, _ edit: (inout [AuditEventModel]) -> Void) async throws {
        var events = try await AuditEventModel.query(on: app.db).sort(\.$seq).all()
        edit(&events)
        try await AuditEventModel.query(on: app.db).delete()
        var previous = AuditLog.genesisHash
        for (index, event) in events.enumerated() {
            let copy = AuditEventModel()
            copy.id = event.id
            (copy.seq, copy.at, copy.actorID, copy.actorName, copy.actorRole) = (
                index + 1, event.at, event.actorID, event.actorName, event.actorRole
            )
            (copy.organisationID, copy.householdID, copy.residentID) = (event.organisationID, event.householdID, event.residentID)
            (copy.part, copy.action, copy.purpose, copy.remote, copy.payloadHash) = (
                event.part, event.action, event.purpose, event.remote, event.payloadHash
            )
            (copy.prevHash, copy.keyed) = (previous, false)
            copy.hash = AuditChain.hash(of: AuditChain.Fields(copy), key: .random())
            previous = copy.hash
            try await copy.create(on: app.db)
        }
    }

    func testAChainRebuiltWithAnotherKeyIsCaught() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path)
            let forger = AuditKey.random()
            var events = try await AuditEventModel.query(on: app.db).sort(\.$seq).all()
            events.removeFirst()
            try await AuditEventModel.query(on: app.db).delete()
            var previous = AuditLog.genesisHash
            for (index, event) in events.enumerated() {
                event.seq = index + 1
                event.prevHash = previous
                event.hash = AuditChain.hash(of: AuditChain.Fields(event), key: forger)
                previous = event.hash
                let copy = event
                copy.$id.exists = false
                try await copy.create(on: app.db)
            }
            let result = try await verifyChain(app)
            XCTAssertEqual(result.firstBrokenSeq, 1)
            XCTAssertEqual(result.problem, "inhoud van de regel is gewijzigd")
        }
    }

    /// The head goes to a file outside the database; a cut-off tail no longer passes, and
    /// entries after the last anchor are "not yet anchored", not broken.
    func testAnAnchorOutsideTheDatabaseCatchesACutTail() async throws {
        let anchorPath = NSTemporaryDirectory() + "meedoen-anchor-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: anchorPath) }
        for backend in Backend.available {
            try? FileManager.default.removeItem(atPath: anchorPath)
            try await withApp(backend, anchorPath: anchorPath) { app, fixture in
                let browser = Browser(app)
                try await browser.logIn("km")
                for _ in 0..<4 { try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path) }
                await app.auditMaintenance!.anchor(app)
                let anchored = try await AuditLog.head(on: app.db).seq
                try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path)
                let open = try await verifyChain(app)
                XCTAssertTrue(open.intact, "\(backend): \(open.problem ?? "")")
                XCTAssertEqual(open.anchoredSeq, anchored, "\(backend)")
                XCTAssertGreaterThan(open.unanchored, 0, "\(backend): entries after the anchor are only not yet anchored")

                // A line added to the anchor file by hand does not carry a valid MAC.
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: anchorPath))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("2026-11-28T10:00:00Z\tanker\t1\t\(AuditLog.genesisHash)\tnep\n".utf8))
                try handle.close()
                let reading = try app.meedoen.auditAnchors!.read()
                XCTAssertEqual(reading.badLines.count, 1, "\(backend)")
                let forged = try await verifyChain(app)
                XCTAssertEqual(forged.problem?.contains("ankerbestand"), true, "\(backend): \(forged.problem ?? "")")
                let lines = try String(contentsOfFile: anchorPath, encoding: .utf8).split(separator: "\n").dropLast()
                try (lines.joined(separator: "\n") + "\n").write(toFile: anchorPath, atomically: false, encoding: .utf8)

                // Cut the tail back to before the anchor: the chain alone still looks fine.
                let sql = app.db as! any SQLDatabase
                try await sql.raw("DELETE FROM audit_payloads WHERE id IN (SELECT id FROM audit_events WHERE seq > \(bind: anchored - 2))")
                    .run()
                try await sql.raw("DELETE FROM audit_events WHERE seq > \(bind: anchored - 2)").run()
                let cut = try await verifyChain(app)
                XCTAssertFalse(cut.intact, "\(backend)")
                XCTAssertEqual(cut.problem?.contains("afgeknipt"), true, "\(backend): \(cut.problem ?? "")")

            }
        }
    }

    /// Retention destroys a payload with a record; a payload marked destroyed without one is caught.
    func testOnlyRetentionMayDestroyOldAndNewValues() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                ["contactOn": "2026-11-27", "participant-\(fixture.ownApplicant)": "ja", "kind": "phone", "summary": "z"])
            let payload = try await AuditPayloadModel.query(on: app.db).first()!
            let destroyed = try await RetentionStore(db: app.db).run(
                files: [], payloads: [payload.id!], terms: app.meedoen.shipped.retention, now: testNow)
            XCTAssertEqual(destroyed.auditPayloads, 1)
            let lawful = try await verifyChain(app)
            XCTAssertTrue(lawful.intact, "\(backend): \(lawful.problem ?? "")")

            try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                ["contactOn": "2026-11-26", "participant-\(fixture.ownApplicant)": "ja", "kind": "phone", "summary": "w"])
            let other = try await AuditPayloadModel.query(on: app.db).filter(\.$destroyedAt == nil).first()!
            other.data = ""
            other.destroyedAt = testNow.addingTimeInterval(3600)
            try await other.update(on: app.db)
            let wiped = try await verifyChain(app)
            XCTAssertEqual(wiped.problem?.contains("zonder vernietigingsregistratie"), true, "\(backend): \(wiped.problem ?? "")")
        }
    }

    /// A log written before the key existed is sealed by the first keyed entry, which names its
    /// head; the old part is still checked with plain SHA-256, and tampering there is caught.
    func testAnUnkeyedChainIsSealedAndStillChecked() async throws {
        try await withEachBackend { app, fixture, backend in
            let sql = app.db as! any SQLDatabase
            try await AuditEventModel.query(on: app.db).delete()
            var previous = AuditLog.genesisHash
            for seq in 1...3 {
                let event = AuditEventModel()
                event.id = UUID()
                (event.seq, event.at, event.actorName, event.actorRole) = (seq, testNow, "km", "caseManager")
                (event.part, event.action, event.purpose, event.prevHash, event.keyed) = ("dossier", "inzien", "oud", previous, false)
                event.hash = AuditChain.hash(of: AuditChain.Fields(event), key: .random())
                previous = event.hash
                try await event.create(on: app.db)
            }
            try await sql.raw("UPDATE audit_head SET seq = 3, hash = \(bind: previous), keyed = \(bind: false) WHERE id = 1").run()

            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path)
            let seal = try await AuditEventModel.query(on: app.db).filter(\.$seq == 4).first()
            XCTAssertEqual(seal?.action, "verzegelen", "\(backend)")
            XCTAssertEqual(seal?.purpose.contains(previous), true, "\(backend): the seal names the old head")
            let sealed = try await verifyChain(app)
            XCTAssertTrue(sealed.intact, "\(backend): \(sealed.problem ?? "")")

            try await sql.raw("UPDATE audit_events SET purpose = 'anders' WHERE seq = 2").run()
            let tampered = try await verifyChain(app)
            XCTAssertEqual(tampered.firstBrokenSeq, 2, "\(backend)")
        }
    }

    /// A moment just below half a millisecond rounds one way in memory and the other way once
    /// SQLite has kept it to the microsecond: entries are written in whole milliseconds.
    func testMomentsNearAHalfMillisecondStillVerify() async throws {
        let tricky = Date(timeIntervalSince1970: 1_764_750_000.000_499_999_6)
        for backend in Backend.available {
            try await withApp(backend, clock: .fixed(tricky)) { app, _ in
                for index in 0..<3 {
                    try await app.meedoen.auditLog.append(
                        AuditRecord(
                            actorID: nil, actorName: "test", actorRole: "systeem", organisationID: nil, part: "test", action: "schrijven",
                            purpose: "\(index)"),
                        on: app.db)
                }
                let result = try await verifyChain(app)
                XCTAssertTrue(result.intact, "\(backend): \(result.problem ?? "")")
            }
        }
    }

    /// Without a key the server refuses to start and says which setting is missing.
    func testNoKeyNoStart() async throws {
        let settings = Settings(database: .sqlite(path: NSTemporaryDirectory() + "nokey-\(UUID()).sqlite"), auditKey: .missing)
        XCTAssertThrowsError(try settings.loadAuditKey(logger: Logger(label: "test"))) { error in
            XCTAssertTrue("\(error)".contains("MEEDOEN_AUDIT_KEY_FILE"))
        }
        let path = NSTemporaryDirectory() + "meedoen-key-\(UUID()).key"
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try AuditKey.load(path: path, createIfMissing: false))
        let (_, created) = try AuditKey.load(path: path, createIfMissing: true)
        XCTAssertTrue(created, "the demo makes its own key")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "readable by the owner alone")
        FileManager.default.createFile(atPath: path, contents: Data("kort".utf8))
        XCTAssertThrowsError(try AuditKey.load(path: path, createIfMissing: false), "a short key is refused")
    }

    /// The privacy officer's page shows the last full verification; it does not walk the log.
    func testThePrivacyPageShowsTheLastVerification() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("pf")
            let before = try await browser.get("/privacy/residents/\(fixture.ownApplicant)").body.string
            XCTAssertTrue(before.contains("nog niet volledig gecontroleerd"), before)
            let result = try await AuditMaintenance.verifyAndRecord(app)
            XCTAssertTrue(result.intact)
            let after = try await browser.get("/privacy/residents/\(fixture.ownApplicant)").body.string
            XCTAssertTrue(after.contains("Laatste volledige controle"), after)
            XCTAssertTrue(after.contains("intact, \(result.entriesChecked) regels"))
        }
    }
}
