import Foundation
import Vapor

/// Everything Meedoen reads from the environment, read in one place.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: DatabaseChoice
    /// Secure cookies and HSTS; on when served behind TLS.
    public var tls: Bool
    public var demoSeed: UInt64
    /// The second factor at log-in; on for an installation unless switched off (demos).
    public var secondFactor: Bool

    public init(database: DatabaseChoice, tls: Bool = false, demoSeed: UInt64 = 2026, secondFactor: Bool = false) {
        (self.database, self.tls, self.demoSeed, self.secondFactor) = (database, tls, demoSeed, secondFactor)
    }

    /// `DATABASE_URL` absent → the embedded SQLite file under ./data; `postgres://…` → PostgreSQL.
    public static func fromEnvironment(workingDirectory: String) -> Settings {
        let environment = ProcessInfo.processInfo.environment
        let database: DatabaseChoice
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            database = .postgres(url: url)
        } else {
            // MEEDOEN_SQLITE_PATH lets a test run use its own throwaway file.
            database = .sqlite(path: environment["MEEDOEN_SQLITE_PATH"] ?? workingDirectory + "data/meedoen.sqlite")
        }
        return Settings(
            database: database,
            tls: environment["MEEDOEN_TLS"] == "1",
            demoSeed: environment["MEEDOEN_DEMO_SEED"].flatMap(UInt64.init) ?? 2026,
            secondFactor: environment["MEEDOEN_2FA"] != "off")
    }
}
