import Crypto
import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// What happened, as the caller knows it; the log adds the sequence number and hashes.
public struct AuditRecord: Sendable {
    public var actorID: UUID?
    public var actorName: String
    public var actorRole: String
    public var organisationID: UUID?
    public var householdID: UUID?
    public var residentID: UUID?
    public var part: String
    public var action: String
    public var purpose: String
    public var remote: String?
    /// Old and new values of a change as JSON; for a list or search, the search text and the
    /// residents shown. nil for a plain read.
    public var payload: String?
    /// The residents a list or search showed, indexed in `audit_subjects` so "who looked at me"
    /// finds every time a person was shown or found (their ids are in the payload too, under the chain).
    public var subjects: [UUID] = []

    public init(
        actorID: UUID?, actorName: String, actorRole: String, organisationID: UUID?, householdID: UUID? = nil,
        residentID: UUID? = nil, part: String, action: String, purpose: String, remote: String? = nil,
        payload: String? = nil
    ) {
        (self.actorID, self.actorName, self.actorRole, self.organisationID) = (actorID, actorName, actorRole, organisationID)
        (self.householdID, self.residentID, self.part, self.action) = (householdID, residentID, part, action)
        (self.purpose, self.remote, self.payload) = (purpose, remote, payload)
    }
}

/// The append-only, hash-chained access log (R27).
///
/// Appends are serialised by a lock on the one-row `audit_head`, taken as the first statement of
/// the transaction that also holds the change being recorded, so a change and its entry commit
/// or fail together and two writers — in one process or in several on one PostgreSQL — can
/// never build on the same head. On SQLite the process also queues its own writers, because an
/// SQLite connection that waits for the database's write lock blocks a thread.
public final class AuditLog: Sendable {
    private let key: AuditKey
    private let clock: Clock
    private let ids: IDGenerator
    private let localWriters = AsyncLock()

    public static let genesisHash = String(repeating: "0", count: 64)

    public init(key: AuditKey, clock: Clock, ids: IDGenerator) {
        (self.key, self.clock, self.ids) = (key, clock, ids)
    }

    /// The writer of the transaction this task runs in, so nested calls join it instead of waiting for themselves.
    @TaskLocal static var current: AuditWriter?

    /// The open change transaction of this task, if any: stores reached from inside
    /// `transaction` write on it, so the change and its log entry commit together.
    public static var currentTransaction: (any Database)? { current?.db }

    /// Runs `body` in one transaction that holds the chain's lock from its first statement.
    public func transaction<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (AuditWriter) async throws -> T) async throws
        -> T
    {
        if let writer = Self.current { return try await body(writer) }
        let run: @Sendable () async throws -> T = {
            try await db.transaction { tx in
                let writer = AuditWriter(db: tx, log: self, head: try await Self.lockHead(on: tx))
                return try await Self.$current.withValue(writer) { try await body(writer) }
            }
        }
        return Self.isSQLite(db) ? try await localWriters.withLock(run) : try await run()
    }

    /// Seals a log written before the key existed, at start-up, so a verification right after an
    /// upgrade does not find an unsealed chain.
    public func sealIfNeeded(on db: any Database) async throws {
        try await transaction(on: db) { try await $0.sealIfNeeded() }
    }

    /// One entry in a transaction of its own: for reads, which commit before the response is sent.
    public func append(_ record: AuditRecord, on db: any Database) async throws {
        try await transaction(on: db) { try await $0.append(record) }
    }

    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }

    /// An UPDATE rather than a SELECT: on SQLite it takes the database's write lock at once (a
    /// read lock upgraded later can deadlock), on PostgreSQL it locks the row like FOR UPDATE.
    private static func lockHead(on db: any Database) async throws -> AuditHead {
        let sql = db as! any SQLDatabase
        guard
            let row = try await sql.raw("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash, keyed").first()
        else { throw AuditProblem.headMissing }
        return AuditHead(
            seq: try row.decode(column: "seq", as: Int.self), hash: try row.decode(column: "hash", as: String.self),
            keyed: try row.decode(column: "keyed", as: Bool.self))
    }

    fileprivate func entry(for record: AuditRecord, after head: AuditHead) -> AuditEventModel {
        let event = AuditEventModel()
        event.id = ids.next()
        event.seq = head.seq + 1
        event.at = clock.now().wholeMilliseconds
        (event.actorID, event.actorName, event.actorRole) = (record.actorID, record.actorName, record.actorRole)
        (event.organisationID, event.householdID, event.residentID) = (record.organisationID, record.householdID, record.residentID)
        (event.part, event.action, event.purpose, event.remote) = (record.part, record.action, record.purpose, record.remote)
        event.payloadHash = record.payload.map(Self.sha256)
        event.prevHash = head.hash
        event.keyed = true
        event.hash = AuditChain.hash(of: AuditChain.Fields(event), key: key)
        return event
    }

    var chainKey: AuditKey { key }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

public enum AuditProblem: Error {
    case headMissing
}

struct AuditHead: Sendable {
    var seq: Int
    var hash: String
    var keyed: Bool
}

/// The open transaction of one change (or one read) and the chain head it holds locked.
public final class AuditWriter: @unchecked Sendable {
    /// The transaction: the change being recorded is written on this.
    public let db: any Database
    private let log: AuditLog
    // Only touched by the task that runs the transaction.
    private var head: AuditHead
    /// The households whose files this transaction changed, from its entries: what depends on a
    /// file (the worklists' due dates) is brought up to date before the change commits.
    public private(set) var changedHouseholds: Set<UUID> = []

    init(db: any Database, log: AuditLog, head: AuditHead) {
        (self.db, self.log, self.head) = (db, log, head)
    }

    public func append(_ record: AuditRecord) async throws {
        try await sealIfNeeded()
        try await write(record)
        if let household = record.householdID, record.action != "inzien", record.action != "lijst" { changedHouseholds.insert(household) }
    }

    func sealIfNeeded() async throws {
        if !head.keyed && head.seq > 0 {
            // The first keyed entry seals the part written before the key existed and names its head.
            try await write(
                AuditRecord(
                    actorID: nil, actorName: "systeem", actorRole: "systeem", organisationID: nil, part: "toegangslog",
                    action: "verzegelen",
                    purpose: "sleutel ingevoerd; ongesleutelde keten tot volgnummer \(head.seq), hash \(head.hash)"))
        }
    }

    private func write(_ record: AuditRecord) async throws {
        let event = log.entry(for: record, after: head)
        try await event.create(on: db)
        if let payload = record.payload {
            try await AuditPayloadModel(id: event.id!, data: payload).create(on: db)
        }
        let sql = db as! any SQLDatabase
        for chunk in stride(from: 0, to: record.subjects.count, by: 200) {
            var insert = sql.insert(into: "audit_subjects").columns("seq", "resident_id")
            for resident in record.subjects[chunk..<min(chunk + 200, record.subjects.count)] {
                insert = insert.values(SQLBind(event.seq), SQLBind(resident))
            }
            try await insert.run()
        }
        try await sql.update("audit_head")
            .set("seq", to: event.seq).set("hash", to: event.hash).set("keyed", to: true)
            .where("id", .equal, 1).run()
        head = AuditHead(seq: event.seq, hash: event.hash, keyed: true)
    }
}

/// The hash of one entry over every field that matters.
public enum AuditChain {
    public struct Fields {
        var seq: Int
        var at: Date
        var actorID: UUID?, actorName: String, actorRole: String
        var organisationID: UUID?, householdID: UUID?, residentID: UUID?
        var part: String, action: String, purpose: String, remote: String?
        var payloadHash: String?, prevHash: String
        var keyed: Bool

        public init(_ event: AuditEventModel) {
            (seq, at, actorID, actorName, actorRole) = (event.seq, event.at, event.actorID, event.actorName, event.actorRole)
            (organisationID, householdID, residentID) = (event.organisationID, event.householdID, event.residentID)
            (part, action, purpose, remote) = (event.part, event.action, event.purpose, event.remote)
            (payloadHash, prevHash, keyed) = (event.payloadHash, event.prevHash, event.keyed)
        }
    }

    /// The time in whole milliseconds, because both backends keep at least that precision.
    /// Unkeyed entries (before the key existed) keep their plain SHA-256.
    public static func hash(of event: Fields, key: AuditKey) -> String {
        let fields: [String] = [
            String(event.seq), String(event.at.millisecondsSince1970),
            event.actorID?.uuidString ?? "", event.actorName, event.actorRole,
            event.organisationID?.uuidString ?? "", event.householdID?.uuidString ?? "",
            event.residentID?.uuidString ?? "", event.part, event.action, event.purpose, event.remote ?? "",
            event.payloadHash ?? "", event.prevHash,
        ]
        guard event.keyed else {
            // The encoding of the entries written before the key existed, kept so they still verify.
            return AuditLog.sha256(fields.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "|"))
        }
        // Backslash escaped first, so no two field lists give the same text.
        let escaped = fields.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }
        return key.mac(escaped.joined(separator: "|"))
    }
}
