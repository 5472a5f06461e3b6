import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The pilot blockers (issue 11): a one-row chain head that serialises appends, keyed entries,
/// payloads marked destroyed instead of deleted, the last full verification, log-in failures
/// counted in the database, and API keys that expire.
public struct M011_HardenAuditAndLogin: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        // Entries before this migration were chained with plain SHA-256; from here on with HMAC.
        try await db.schema("audit_events").field("keyed", .bool, .required, .sql(.default(false))).update()
        try await db.schema("audit_payloads").field("destroyed_at", .datetime).update()

        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required).field("hash", .string, .required)
            .field("keyed", .bool, .required)
            .create()
        let last = try await AuditEventModel.query(on: db).sort(\.$seq, .descending).first()
        let sql = db as! any SQLDatabase
        try await sql.insert(into: "audit_head").columns("id", "seq", "hash", "keyed")
            .values(SQLBind(1), SQLBind(last?.seq ?? 0), SQLBind(last?.hash ?? AuditLog.genesisHash), SQLBind(false))
            .run()

        try await db.schema("audit_verifications").id()
            .field("finished_at", .datetime, .required).field("entries_checked", .int, .required)
            .field("first_broken_seq", .int).field("problem", .string)
            .field("head_seq", .int, .required).field("head_hash", .string, .required)
            .field("unanchored", .int, .required)
            .create()

        try await db.schema("login_attempts").id()
            .field("address", .string, .required).field("at", .datetime, .required).field("failed", .bool, .required)
            .create()

        try await db.schema("api_tokens").field("expires_at", .datetime).update()
        // Keys made before expiry existed run for the default term from their creation.
        // Keys made before expiry existed get the default term from today, so none stops at the upgrade.
        let now = Date()
        for token in try await APITokenModel.query(on: db).all() {
            token.expiresAt = now.addingTimeInterval(Double(APITokenModel.defaultDays) * 86_400)
            try await token.update(on: db)
        }

        // Before this migration retention deleted payloads outright; they get the mark and one
        // destruction record, so the verification tells them from payloads wiped by others.
        let orphans = try await sql.raw(
            "SELECT e.id FROM audit_events e LEFT JOIN audit_payloads p ON p.id = e.id WHERE e.payload_hash IS NOT NULL AND p.id IS NULL"
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        if !orphans.isEmpty {
            let marked = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
            for id in orphans {
                let payload = AuditPayloadModel(id: id, data: "")
                payload.destroyedAt = marked
                try await payload.create(on: db)
            }
            let record = DestructionRecordModel()
            (record.id, record.at, record.kind, record.householdID) = (UUID(), marked, "oude/nieuwe waarden toegangslog", nil)
            (record.count, record.rule) = (orphans.count, "eerder vernietigd, gemarkeerd bij de overgang naar een sleutel (M011)")
            try await record.create(on: db)
        }

        try await sql.create(index: "idx_audit_resident").on("audit_events").column("resident_id").run()
        // Every resident a list or search showed, by entry (issue 12): "who looked at me".
        try await db.schema("audit_subjects").field("seq", .int, .required).field("resident_id", .uuid, .required).create()
        try await sql.create(index: "idx_audit_subjects_resident").on("audit_subjects").column("resident_id").run()
        try await sql.create(index: "idx_login_attempts").on("login_attempts").column("address").column("at").run()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("audit_subjects").delete()
        try await db.schema("login_attempts").delete()
        try await db.schema("audit_verifications").delete()
        try await db.schema("audit_head").delete()
        try await db.schema("api_tokens").deleteField("expires_at").update()
        try await db.schema("audit_payloads").deleteField("destroyed_at").update()
        try await db.schema("audit_events").deleteField("keyed").update()
    }
}
