import Foundation
import MeedoenStorage
import NIOCore
import Vapor

/// Everything Meedoen reads from the environment, read in one place.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    /// Where the access log's key comes from.
    public enum AuditKeySource: Sendable {
        /// A file kept outside the database; created only for the demo.
        case file(path: String, createIfMissing: Bool)
        /// Given directly (tests).
        case inline(AuditKey)
        /// Not configured: the server refuses to start, naming the variable.
        case missing
    }

    public var database: DatabaseChoice
    /// Secure cookies and HSTS; on when served behind TLS.
    public var tls: Bool
    public var demoSeed: UInt64
    /// The second factor at log-in; on for an installation unless switched off (demos).
    public var secondFactor: Bool
    /// Demo data and a demo audit key are made only when asked for (`MEEDOEN_DEMO=1`, `meedoen demo`).
    public var demo: Bool
    public var auditKey: AuditKeySource
    /// The append-only file that receives the chain's head; nil: no anchoring (tests).
    public var auditAnchorPath: String?
    /// Proxies whose `X-Forwarded-For` is believed (`MEEDOEN_TRUSTED_PROXIES`).
    public var trustedProxies: [IPRange]
    public var connectionLimits = ConnectionLimits()

    /// How long the server waits for a client (see `MeedoenServer`).
    public struct ConnectionLimits: Sendable {
        /// From a request's first byte to its last header line.
        public var headerDeadline: TimeAmount = .seconds(10)
        /// No traffic at all on a connection.
        public var idleTimeout: TimeAmount = .seconds(60)

        public init(headerDeadline: TimeAmount = .seconds(10), idleTimeout: TimeAmount = .seconds(60)) {
            (self.headerDeadline, self.idleTimeout) = (headerDeadline, idleTimeout)
        }
    }

    public init(
        database: DatabaseChoice, tls: Bool = false, demoSeed: UInt64 = 2026, secondFactor: Bool = false, demo: Bool = false,
        auditKey: AuditKeySource = .inline(.random()), auditAnchorPath: String? = nil, trustedProxies: [IPRange] = []
    ) {
        (self.database, self.tls, self.demoSeed, self.secondFactor) = (database, tls, demoSeed, secondFactor)
        (self.demo, self.auditKey, self.auditAnchorPath, self.trustedProxies) = (demo, auditKey, auditAnchorPath, trustedProxies)
    }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// `DATABASE_URL` absent → the embedded SQLite file under ./data; `postgres://…` → PostgreSQL.
    public static func fromEnvironment(workingDirectory: String, command: String?) throws -> Settings {
        let environment = ProcessInfo.processInfo.environment
        let database: DatabaseChoice
        var dataDirectory = workingDirectory + "data"
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            database = .postgres(url: url)
        } else {
            // MEEDOEN_SQLITE_PATH lets a test run use its own throwaway file.
            let path = environment["MEEDOEN_SQLITE_PATH"] ?? workingDirectory + "data/meedoen.sqlite"
            database = .sqlite(path: path)
            dataDirectory = (path as NSString).deletingLastPathComponent
        }
        let demo = ["1", "on", "ja"].contains(environment["MEEDOEN_DEMO"] ?? "") || command == "demo"
        let keySource: AuditKeySource
        if let path = environment["MEEDOEN_AUDIT_KEY_FILE"], !path.isEmpty {
            keySource = .file(path: path, createIfMissing: false)
        } else if demo {
            keySource = .file(path: dataDirectory + "/audit.key", createIfMissing: true)
        } else {
            keySource = .missing
        }
        var anchor = environment["MEEDOEN_AUDIT_ANCHOR_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if anchor == nil, case .file(let path, _) = keySource {
            anchor = (path as NSString).deletingLastPathComponent + "/audit-anchors.log"
        }
        let proxies = try (environment["MEEDOEN_TRUSTED_PROXIES"] ?? "").split(separator: ",").map {
            let text = $0.trimmingCharacters(in: .whitespaces)
            guard let range = IPRange(text) else {
                throw Problem(description: "MEEDOEN_TRUSTED_PROXIES: '\(text)' is geen adres of CIDR-bereik.")
            }
            return range
        }
        return Settings(
            database: database,
            tls: environment["MEEDOEN_TLS"] == "1",
            demoSeed: environment["MEEDOEN_DEMO_SEED"].flatMap(UInt64.init) ?? 2026,
            secondFactor: environment["MEEDOEN_2FA"] != "off",
            demo: demo, auditKey: keySource, auditAnchorPath: anchor, trustedProxies: proxies)
    }

    /// The key itself; refuses to start without one, except the demo, which makes its own.
    func loadAuditKey(logger: Logger) throws -> AuditKey {
        switch auditKey {
        case .inline(let key): return key
        case .missing:
            throw Problem(
                description:
                    "MEEDOEN_AUDIT_KEY_FILE is niet gezet: zonder sleutel start Meedoen niet, want dan kan het toegangslog onopgemerkt worden herschreven. Maak een sleutel (openssl rand -hex 32 > /pad/audit.key), bewaar hem buiten de database en haar back-ups, en zet MEEDOEN_AUDIT_KEY_FILE=/pad/audit.key. Voor de demo: MEEDOEN_DEMO=1."
            )
        case .file(let path, let create):
            let (key, created) = try AuditKey.load(path: path, createIfMissing: create)
            if created {
                logger.warning(
                    "Demo: nieuwe sleutel voor het toegangslog gemaakt in \(path). Alleen voor de demo; een installatie zet MEEDOEN_AUDIT_KEY_FILE."
                )
            }
            return key
        }
    }
}
