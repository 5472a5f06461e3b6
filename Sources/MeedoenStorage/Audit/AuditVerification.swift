import Fluent
import Foundation
import SQLKit

/// The outcome of checking the chain: no problem when intact, else the first entry that breaks it.
public struct AuditVerification: Sendable, Equatable {
    public var entriesChecked: Int
    public var firstBrokenSeq: Int?
    public var problem: String?
    public var headSeq: Int = 0
    public var headHash: String = AuditLog.genesisHash
    /// The last anchor outside the database, if one was read.
    public var anchoredSeq: Int?
    /// Entries written after the last anchor: not broken, not yet anchored either.
    public var unanchored: Int = 0

    public var intact: Bool { firstBrokenSeq == nil && problem == nil }
}

extension AuditLog {
    /// Walks the whole chain in pages, so memory stays flat at any length. A changed, removed,
    /// inserted or renumbered entry breaks it, as does a missing payload (unless retention
    /// destroyed it), an unkeyed entry after the seal, or a tail shorter than the last anchor.
    public func verify(on db: any Database, anchors: AuditAnchorFile?, pageSize: Int = 5_000) async throws -> AuditVerification {
        let anchorReading = try anchors?.read()
        let anchor = anchorReading?.latest
        var result = AuditVerification(entriesChecked: 0, anchoredSeq: anchor?.seq)
        var previous = Self.genesisHash
        var expectedSeq = 1
        var sealed = false
        var firstUnkeyed: Int?
        let sql = db as! any SQLDatabase

        func broken(_ seq: Int, _ problem: String) -> AuditVerification {
            var failed = result
            (failed.firstBrokenSeq, failed.problem) = (seq, problem)
            return failed
        }
        if let bad = anchorReading?.badLines.first {
            result.problem = "regel \(bad) van het ankerbestand klopt niet met de sleutel"
        }

        // Retention marks a destroyed payload and writes a destruction record at the same moment;
        // a payload marked destroyed without such a record was wiped by someone else.
        let destructions = Set(
            try await sql.raw("SELECT at FROM destruction_records").all().map {
                try Self.milliseconds($0.decode(column: "at", as: Date.self))
            })

        while true {
            let rows = try await sql.raw(
                """
                SELECT e.id, e.seq, e.at, e.actor_id, e.actor_name, e.actor_role, e.organisation_id, e.household_id,
                       e.resident_id, e.part, e.action, e.purpose, e.remote, e.payload_hash, e.prev_hash, e.hash, e.keyed,
                       p.data AS payload, p.destroyed_at AS destroyed_at, p.id AS payload_id
                FROM audit_events e LEFT JOIN audit_payloads p ON p.id = e.id
                WHERE e.seq >= \(bind: expectedSeq) ORDER BY e.seq LIMIT \(unsafeRaw: String(pageSize))
                """
            ).all()
            if rows.isEmpty { break }
            for row in rows {
                let fields = try AuditChain.Fields(row)
                let storedHash = try row.decode(column: "hash", as: String.self)
                if fields.seq != expectedSeq { return broken(fields.seq, "volgnummer \(expectedSeq) ontbreekt") }
                if fields.prevHash != previous { return broken(fields.seq, "verwijzing naar vorige regel klopt niet") }
                if sealed && !fields.keyed { return broken(fields.seq, "ongesleutelde regel na de verzegeling") }
                if AuditChain.hash(of: fields, key: chainKey) != storedHash {
                    return broken(fields.seq, "inhoud van de regel is gewijzigd")
                }
                if let payloadHash = fields.payloadHash {
                    let hasPayload = try row.decodeNil(column: "payload_id") == false
                    let destroyed = try row.decodeNil(column: "destroyed_at") == false
                    if !hasPayload { return broken(fields.seq, "oude/nieuwe waarden ontbreken (niet door de bewaartermijn vernietigd)") }
                    if destroyed, !destructions.contains(Self.milliseconds(try row.decode(column: "destroyed_at", as: Date.self))) {
                        return broken(fields.seq, "oude/nieuwe waarden gewist zonder vernietigingsregistratie")
                    }
                    if !destroyed, Self.sha256(try row.decode(column: "payload", as: String.self)) != payloadHash {
                        return broken(fields.seq, "oude/nieuwe waarden zijn gewijzigd")
                    }
                }
                if let anchor, anchor.seq == fields.seq, anchor.hash != storedHash {
                    return broken(fields.seq, "regel wijkt af van het anker buiten de database")
                }
                if !fields.keyed && firstUnkeyed == nil { firstUnkeyed = fields.seq }
                sealed = sealed || fields.keyed
                previous = storedHash
                expectedSeq += 1
                result.entriesChecked += 1
            }
        }
        result.headSeq = expectedSeq - 1
        result.headHash = previous
        if result.headSeq > 0 && !sealed {
            // Not one entry carries the key: every unkeyed entry may have been made up.
            return broken(firstUnkeyed ?? 1, "geen enkele regel is met de sleutel van deze installatie geschreven")
        }
        if let anchor {
            if anchor.seq > result.headSeq {
                return broken(
                    result.headSeq + 1, "het einde is afgeknipt: volgnummer \(anchor.seq) is buiten de database verankerd maar ontbreekt")
            }
            result.unanchored = result.headSeq - anchor.seq
        } else {
            result.unanchored = result.headSeq
        }
        return result
    }

    static func milliseconds(_ date: Date) -> Int64 { date.millisecondsSince1970 }

    /// The head as it stands now, for writing an anchor.
    public static func head(on db: any Database) async throws -> (seq: Int, hash: String) {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() else { throw AuditProblem.headMissing }
        return (try row.decode(column: "seq", as: Int.self), try row.decode(column: "hash", as: String.self))
    }
}

extension AuditChain.Fields {
    init(_ row: any SQLRow) throws {
        seq = try row.decode(column: "seq", as: Int.self)
        at = try row.decode(column: "at", as: Date.self)
        actorID = try row.decode(column: "actor_id", as: UUID?.self)
        actorName = try row.decode(column: "actor_name", as: String.self)
        actorRole = try row.decode(column: "actor_role", as: String.self)
        organisationID = try row.decode(column: "organisation_id", as: UUID?.self)
        householdID = try row.decode(column: "household_id", as: UUID?.self)
        residentID = try row.decode(column: "resident_id", as: UUID?.self)
        part = try row.decode(column: "part", as: String.self)
        action = try row.decode(column: "action", as: String.self)
        purpose = try row.decode(column: "purpose", as: String.self)
        remote = try row.decode(column: "remote", as: String?.self)
        payloadHash = try row.decode(column: "payload_hash", as: String?.self)
        prevHash = try row.decode(column: "prev_hash", as: String.self)
        keyed = try row.decode(column: "keyed", as: Bool.self)
    }
}

/// The result of the last full verification, shown on the privacy officer's page instead of
/// verifying the whole log on every view.
public final class AuditVerificationModel: Model, @unchecked Sendable {
    public static let schema = "audit_verifications"
    @ID public var id: UUID?
    @Field(key: "finished_at") public var finishedAt: Date
    @Field(key: "entries_checked") public var entriesChecked: Int
    @OptionalField(key: "first_broken_seq") public var firstBrokenSeq: Int?
    @OptionalField(key: "problem") public var problem: String?
    @Field(key: "head_seq") public var headSeq: Int
    @Field(key: "head_hash") public var headHash: String
    @Field(key: "unanchored") public var unanchored: Int

    public init() {}

    public init(id: UUID, _ result: AuditVerification, finishedAt: Date) {
        self.id = id
        self.finishedAt = finishedAt
        (entriesChecked, firstBrokenSeq, problem) = (result.entriesChecked, result.firstBrokenSeq, result.problem)
        (headSeq, headHash, unanchored) = (result.headSeq, result.headHash, result.unanchored)
    }

    public static func latest(on db: any Database) async throws -> AuditVerificationModel? {
        try await query(on: db).sort(\.$finishedAt, .descending).first()
    }
}
