import Fluent
import SQLKit

/// Organisations, users, households, residents, their dated facts and the audit log.
/// Landed migrations are never edited; a change is a new M00x.
public struct M001_CreateFoundation: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("organisations").id()
            .field("code", .string, .required).field("name", .string, .required)
            .field("colour", .string, .required)
            .unique(on: "code").create()
        try await db.schema("municipalities").id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("code", .string, .required).field("name", .string, .required)
            .unique(on: "code").create()
        try await db.schema("teams").id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required).field("leader_id", .uuid).create()
        try await db.schema("users").id()
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("username", .string, .required).field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("team_id", .uuid, .references("teams", "id"))
            .field("password_hash", .string, .required).field("active", .bool, .required)
            .field("failed_logins", .int, .required).field("locked_until", .datetime)
            .field("municipality_scope", .array(of: .uuid), .required)
            .field("created_at", .datetime, .required)
            .unique(on: "username").create()
        try await db.schema("api_tokens").id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("name", .string, .required).field("token_hash", .string, .required)
            .field("created_at", .datetime, .required).field("revoked_at", .datetime)
            .unique(on: "token_hash").create()
        try await db.schema("households").id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("street", .string, .required).field("house_number", .string, .required)
            .field("postcode", .string, .required).field("city", .string, .required)
            .field("created_at", .datetime, .required).create()
        try await db.schema("residents").id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("bsn", .string, .required)
            .field("given_name", .string, .required).field("family_name", .string, .required)
            .field("date_of_birth", .date, .required).field("relation", .string, .required)
            .field("co_resident_exception", .string)
            .field("email", .string).field("phone", .string)
            .field("created_at", .datetime, .required)
            // A BSN is unique within an organisation; another organisation may know the same person.
            .unique(on: "organisation_id", "bsn").create()
        try await db.schema("household_municipalities").id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .datedColumns().create()
        try await db.schema("household_directors").id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("director_id", .uuid, .required, .references("users", "id"))
            .datedColumns().create()
        try await db.schema("benefit_facts").id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("receives_bijstand", .bool, .required).field("norm_category", .string)
            .field("partial_benefit", .bool, .required)
            .datedColumns().create()
        try await db.schema("special_groups").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("kind", .string, .required).field("integration_start", .date)
            .datedColumns().create()
        try await db.schema("support_periods").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("end_reason", .string)
            .datedColumns().create()
        try await db.schema("audit_events").id()
            .field("seq", .int, .required).field("at", .datetime, .required)
            .field("actor_id", .uuid).field("actor_name", .string, .required)
            .field("actor_role", .string, .required).field("organisation_id", .uuid)
            .field("household_id", .uuid).field("resident_id", .uuid)
            .field("part", .string, .required).field("action", .string, .required)
            .field("purpose", .string, .required).field("remote", .string)
            .field("payload_hash", .string).field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq").create()
        try await db.schema("audit_payloads").id().field("data", .string, .required).create()

        // The caseload and worklist queries filter on these.
        guard let sql = db as? any SQLDatabase else { return }
        let indexes: [(String, String, [String])] = [
            ("idx_residents_household", "residents", ["household_id"]),
            ("idx_households_org", "households", ["organisation_id"]),
            ("idx_hm_household", "household_municipalities", ["household_id"]),
            ("idx_hd_household", "household_directors", ["household_id"]),
            ("idx_hd_director", "household_directors", ["director_id"]),
            ("idx_bf_household", "benefit_facts", ["household_id"]),
            ("idx_sg_resident", "special_groups", ["resident_id"]),
            ("idx_sp_resident", "support_periods", ["resident_id"]),
            ("idx_audit_household", "audit_events", ["household_id"]),
        ]
        for (name, table, columns) in indexes {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    public func revert(on db: any Database) async throws {
        for table in [
            "audit_payloads", "audit_events", "support_periods", "special_groups", "benefit_facts",
            "household_directors", "household_municipalities", "residents", "households", "api_tokens", "users",
            "teams", "municipalities", "organisations",
        ] {
            try await db.schema(table).delete()
        }
    }
}
