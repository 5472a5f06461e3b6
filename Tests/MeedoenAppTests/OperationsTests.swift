import Fluent
import SQLKit
import XCTVapor
import XCTest

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
}
