import Fluent
import SQLKit

/// Who took part in a contact (issue 13): contacts stay on the household, but the contact norm is
/// checked per adult client (seed 000 "met elke inwoner", seed 001 "iedere inwoner", seed 002
/// counts partners). Existing contacts get the client of their conversation, else applicant and partner.
/// Also drops the old AOW-age parameter, now keyed by birth date (`pensionAgeMonths`).
public struct M015_AddContactParticipants: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("contact_participants")
            .field("contact_id", .uuid, .required, .references("contacts", "id"))
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .unique(on: "contact_id", "resident_id").create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "idx_contact_participants_resident").on("contact_participants").column("resident_id").run()
        try await Self.addMissing(on: db)
        try await sql.delete(from: "legal_parameters").where("key", .equal, "pensionAge").run()
    }

    /// Gives every contact without participants its people: the client of its conversation (intake,
    /// plan, review); a contact recorded before participants were (a household contact) counts for
    /// the applicant and the partner, as it did. Run again after the demo data is loaded.
    public static func addMissing(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let withoutParticipants = "NOT EXISTS (SELECT 1 FROM contact_participants cp WHERE cp.contact_id = c.id)"
        try await sql.raw(
            """
            INSERT INTO contact_participants (contact_id, resident_id)
            SELECT c.id, src.resident_id FROM contacts c
            JOIN (SELECT id, resident_id FROM intakes UNION ALL SELECT id, resident_id FROM plans
              UNION ALL SELECT v.id, p.resident_id FROM plan_reviews v JOIN plans p ON p.id = v.plan_id
              UNION ALL SELECT id, resident_id FROM case_reviews) src ON src.id = c.source_id
            WHERE \(unsafeRaw: withoutParticipants)
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO contact_participants (contact_id, resident_id)
            SELECT c.id, r.id FROM contacts c JOIN residents r ON r.household_id = c.household_id AND r.relation IN ('applicant', 'partner')
            WHERE \(unsafeRaw: withoutParticipants)
            """
        ).run()
    }

    public func revert(on db: any Database) async throws { try await db.schema("contact_participants").delete() }
}
