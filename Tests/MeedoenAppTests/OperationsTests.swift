import Fluent
import SQLKit
import XCTVapor
import XCTest
import MeedoenCore
import MeedoenStorage

@testable import MeedoenApp

/// What an operator relies on (issue 16): the request histogram can show a 50 ms p95, and the
/// embedded database is set up as a server database.
final class OperationsTests: XCTestCase {
    func testTheRequestHistogramHasTenAndFiftyMillisecondBuckets() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            let text = try await browser.get("/metrics").body.string
            let login = text.split(separator: "\n").filter {
                $0.hasPrefix("meedoen_http_request_duration_seconds_bucket") && $0.contains("/login")
            }
            XCTAssertTrue(login.contains { $0.contains("le=\"0.01\"") }, login.joined(separator: "\n"))
            XCTAssertTrue(login.contains { $0.contains("le=\"0.05\"") }, login.joined(separator: "\n"))
        }
    }

    /// Write-ahead logging so reads never wait for the writer (every request logs), and
    /// synchronous FULL: an acknowledged change, audit entry included, survives a power cut.
    func testSQLiteRunsInWALWithFullSync() async throws {
        try await withApp(.sqlite) { app, _ in
            let sql = app.db as! any SQLDatabase
            let journal = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            XCTAssertEqual(journal, "wal")
            let synchronous = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            XCTAssertEqual(synchronous, 2, "FULL")
        }
    }

    /// Issue 16: the stored due dates follow every change in the change's own transaction — after
    /// a contact through the API the client is off the stored contacts list without any refresh —
    /// and what is stored is what a full refresh would write.
    func testTheStoredDueDatesFollowEveryChange() async throws {
        try await withEachBackend { app, fixture, backend in
            try await WorklistDueMaintenance.refreshAll(app)
            let store = WorklistDueStore(db: app.db)
            let today = Day(testNow)
            let before = try await store.residents(on: .contacts, organisationID: fixture.steenwijkerland, on: today)
            XCTAssertTrue(before.contains(fixture.ownApplicant), "\(backend): never seen, out of view")

            let token = try await APITests.token(for: "km", app: app)
            let body = #"{"contactOn": "2026-11-27", "kind": "conversation", "participants": ["\#(fixture.ownApplicant.uuidString)"]}"#
            let response = try await apiRequest(
                app, .POST, "/api/v1/households/\(fixture.ownHousehold.uuidString)/contacts", token: token, json: body)
            XCTAssertEqual(response.status, .created, "\(backend)")
            let after = try await store.residents(on: .contacts, organisationID: fixture.steenwijkerland, on: today)
            XCTAssertFalse(after.contains(fixture.ownApplicant), "\(backend): seen yesterday, in view, at once")
            XCTAssertEqual(after, before.subtracting([fixture.ownApplicant]), "\(backend): the other files are untouched")

            try await WorklistDueMaintenance.refreshAll(app)
            let refreshed = try await store.residents(on: .contacts, organisationID: fixture.steenwijkerland, on: today)
            XCTAssertEqual(refreshed, after, "\(backend): what a change wrote is what a full refresh writes")
        }
    }

    /// The nightly refresh runs just after midnight in the Netherlands (winter and summer time).
    func testTheNightlyRefreshRunsJustAfterDutchMidnight() {
        let winter = Date(timeIntervalSince1970: 1_764_788_400)  // 2025-12-03 19:00 UTC = 20:00 in Amsterdam
        XCTAssertEqual(WorklistDueMaintenance.untilTonight(from: winter), .seconds(4 * 3600 + 5 * 60))
        let summer = Date(timeIntervalSince1970: 1_751_569_200)  // 2025-07-03 19:00 UTC = 21:00 in Amsterdam
        XCTAssertEqual(WorklistDueMaintenance.untilTonight(from: summer), .seconds(3 * 3600 + 5 * 60))
    }
}
