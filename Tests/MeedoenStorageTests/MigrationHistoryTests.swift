import Fluent
import FluentSQLiteDriver
import Foundation
import MeedoenStorage
import SQLKit
import Vapor
import XCTest

/// Migrations keep their names and never run twice: a database made by an earlier commit
/// (`Fixtures/made-by-d3fe318.sqlite`, from `meedoen migrate` at d3fe318) is migrated by today's
/// list; what it had keeps its batch, only migrations it lacked are added.
final class MigrationHistoryTests: XCTestCase {
    struct Row: Decodable, Equatable {
        var name: String
        var batch: Int
    }

    func testAnEarlierDatabaseReRunsNothing() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/made-by-d3fe318.sqlite")
        let path = NSTemporaryDirectory() + "meedoen-history-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let app = try await Application.make(.testing)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        do {
            let sql = app.db as! any SQLDatabase
            let before = try await sql.raw("SELECT name, batch FROM _fluent_migrations").all(decoding: Row.self)
            app.migrations.add(Migrations.all)
            try await app.autoMigrate()
            let after = try await sql.raw("SELECT name, batch FROM _fluent_migrations").all(decoding: Row.self)
            for row in before {
                XCTAssertEqual(after.filter { $0.name == row.name }, [row], "\(row.name) keeps its one run")
            }
            let names = Set(after.map(\.name))
            for migration in Migrations.all {
                XCTAssertTrue(names.contains(migration.name), "\(migration.name) has run")
            }
            let added = after.filter { row in !before.contains { $0.name == row.name } }
            XCTAssertEqual(Set(added.map(\.batch)).count, added.isEmpty ? 0 : 1, "what is new runs in one batch")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
