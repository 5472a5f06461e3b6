import Crypto
import Fluent
import Foundation
import MeedoenCore

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
    /// Old and new values of a change as JSON; nil for a read.
    public var payload: String?

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

/// Appends to the hash chain one entry at a time. Within one process the actor serialises
/// appends; across processes the unique `seq` makes a racing append fail and retry.
public actor AuditLog {
    private let database: @Sendable () -> any Database
    private let clock: Clock
    private let ids: IDGenerator
    private var head: (seq: Int, hash: String)?

    public static let genesisHash = String(repeating: "0", count: 64)

    public init(database: @escaping @Sendable () -> any Database, clock: Clock, ids: IDGenerator) {
        (self.database, self.clock, self.ids) = (database, clock, ids)
    }

    public func append(_ record: AuditRecord) async throws {
        for attempt in 1...3 {
            do {
                try await appendOnce(record)
                return
            } catch  where attempt < 3 {
                head = nil  // another writer moved the head; read it again
            }
        }
    }

    private func appendOnce(_ record: AuditRecord) async throws {
        let db = database()
        let current = try await currentHead(on: db)
        let event = AuditEventModel()
        event.id = ids.next()
        event.seq = current.seq + 1
        event.at = clock.now()
        (event.actorID, event.actorName, event.actorRole) = (record.actorID, record.actorName, record.actorRole)
        (event.organisationID, event.householdID, event.residentID) = (record.organisationID, record.householdID, record.residentID)
        (event.part, event.action, event.purpose, event.remote) = (record.part, record.action, record.purpose, record.remote)
        event.payloadHash = record.payload.map(Self.sha256)
        event.prevHash = current.hash
        event.hash = Self.chainHash(of: event)
        try await db.transaction { tx in
            try await event.create(on: tx)
            if let payload = record.payload {
                try await AuditPayloadModel(id: event.id!, data: payload).create(on: tx)
            }
        }
        head = (event.seq, event.hash)
    }

    private func currentHead(on db: any Database) async throws -> (seq: Int, hash: String) {
        if let head { return head }
        let last = try await AuditEventModel.query(on: db).sort(\.$seq, .descending).first()
        return last.map { ($0.seq, $0.hash) } ?? (0, Self.genesisHash)
    }

    /// Every field that matters is in the hash; the time is in whole milliseconds because both
    /// backends keep at least that precision.
    static func chainHash(of event: AuditEventModel) -> String {
        let fields: [String] = [
            String(event.seq), String(Int64((event.at.timeIntervalSince1970 * 1000).rounded())),
            event.actorID?.uuidString ?? "", event.actorName, event.actorRole,
            event.organisationID?.uuidString ?? "", event.householdID?.uuidString ?? "",
            event.residentID?.uuidString ?? "", event.part, event.action, event.purpose, event.remote ?? "",
            event.payloadHash ?? "", event.prevHash,
        ]
        return sha256(fields.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "|"))
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The outcome of checking the chain: nil when intact, else the first entry that breaks it.
public struct AuditVerification: Sendable, Equatable {
    public var entriesChecked: Int
    public var firstBrokenSeq: Int?
    public var problem: String?
    /// The last entry's hash: recorded outside the database (by the archivist, say), it shows later
    /// whether entries were cut off the end, which no chain can show by itself.
    public var headHash: String = AuditLog.genesisHash
}

extension AuditLog {
    /// Walks the whole chain in order; a changed, removed or inserted entry breaks it.
    public static func verify(on db: any Database) async throws -> AuditVerification {
        var previous = genesisHash
        var expectedSeq = 1
        var checked = 0
        let events = try await AuditEventModel.query(on: db).sort(\.$seq).all()
        let payloads = try await AuditPayloadModel.query(on: db).all()
        let payloadByID = Dictionary(uniqueKeysWithValues: payloads.map { ($0.id!, $0.data) })
        for event in events {
            func broken(_ problem: String) -> AuditVerification {
                AuditVerification(entriesChecked: checked, firstBrokenSeq: event.seq, problem: problem)
            }
            if event.seq != expectedSeq { return broken("volgnummer \(expectedSeq) ontbreekt") }
            if event.prevHash != previous { return broken("verwijzing naar vorige regel klopt niet") }
            if chainHash(of: event) != event.hash { return broken("inhoud van de regel is gewijzigd") }
            // A destroyed payload (retention) is allowed; a changed one is not.
            if let data = payloadByID[event.id!], sha256(data) != event.payloadHash {
                return broken("oude/nieuwe waarden zijn gewijzigd")
            }
            previous = event.hash
            expectedSeq += 1
            checked += 1
        }
        return AuditVerification(entriesChecked: checked, firstBrokenSeq: nil, problem: nil, headHash: previous)
    }
}
