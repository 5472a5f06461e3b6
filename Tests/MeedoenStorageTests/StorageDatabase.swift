import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import MeedoenCore
import MeedoenStorage
import SQLKit
import Vapor

/// A migrated database for one test: a SQLite file, and the PostgreSQL server of `TEST_POSTGRES_URL`
/// when it is set (`scripts/test` starts one), with a clean schema each time.
enum StorageBackend: CustomStringConvertible {
    case sqlite, postgres(String)

    static var available: [StorageBackend] {
        var backends: [StorageBackend] = [.sqlite]
        if let url = ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"], !url.isEmpty { backends.append(.postgres(url)) }
        return backends
    }

    var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

func withStorage(_ backend: StorageBackend, _ test: (any Database) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let path = NSTemporaryDirectory() + "meedoen-storage-\(UUID().uuidString).sqlite"
    switch backend {
    case .sqlite: app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url): app.databases.use(try .postgres(url: url), as: .psql)
    }
    do {
        if case .postgres = backend {
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        app.migrations.add(Migrations.all)
        try await app.autoMigrate()
        try await test(app.db)
    } catch {
        try? await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: path)
        throw error
    }
    try await app.asyncShutdown()
    try? FileManager.default.removeItem(atPath: path)
}
