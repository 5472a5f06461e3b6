import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// The casework tables of issue 5: profiles, intakes, work profiles, client-group decisions,
/// plans with goals and reviews, and the scheduled reviews (rechtmatigheid, evaluatie).
public struct M008_CreateCasework: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("policy_profiles").id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("version", .int, .required).field("valid_from", .date, .required).field("document", .string, .required)
            .field("origin", .string, .required).field("note", .string).field("recorded_by", .uuid)
            .field("recorded_at", .datetime, .required).unique(on: "organisation_id", "version").create()
        try await db.schema("intakes").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("held_on", .date, .required).field("document", .string, .required).field("sensitive_document", .string)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("work_profiles").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("qualifications", .string).field("competences", .string).field("language", .string, .required)
            .field("driving_licence", .bool, .required).field("hours_per_week", .int).field("available_from", .date)
            .field("postcode_area", .string).field("ready_for_work", .bool, .required)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("group_assignments").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("group_code", .string, .required).field("proposed_code", .string).field("reasons", .string, .required)
            .field("decision", .string, .required).field("override_reason", .string).field("profile_version", .int)
            .field("valid_from", .date, .required).field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("plans").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("started_on", .date, .required).field("agreements", .string).field("obligations", .string)
            .field("next_review_on", .date, .required).field("closed_on", .date)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("plan_goals").id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("position", .int, .required).field("description", .string, .required).field("actions", .string)
            .field("target_on", .date, .required).field("status", .string, .required).create()
        try await db.schema("plan_reviews").id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("reviewed_on", .date, .required).field("summary", .string).field("next_review_on", .date)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("plan_goal_progress").id()
            .field("review_id", .uuid, .required, .references("plan_reviews", "id"))
            .field("goal_id", .uuid, .required, .references("plan_goals", "id"))
            .field("status", .string, .required).field("note", .string).create()
        try await db.schema("case_reviews").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("kind", .string, .required).field("held_on", .date, .required).field("outcome", .string, .required)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        if let sql = db as? any SQLDatabase {
            for (table, column) in [
                ("intakes", "resident_id"), ("work_profiles", "resident_id"), ("group_assignments", "resident_id"),
                ("plans", "resident_id"), ("plan_goals", "plan_id"), ("plan_reviews", "plan_id"), ("case_reviews", "resident_id"),
                // M006 left the ladder without one; the worklist reads the latest measurement per client.
                ("ladder_measurements", "resident_id"),
            ] {
                try await sql.create(index: "idx_\(table)_\(column)").on(table).column(column).run()
            }
        }
    }

    public func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.drop(index: "idx_ladder_measurements_resident_id").run() }
        for table in [
            "case_reviews", "plan_goal_progress", "plan_reviews", "plan_goals", "plans", "group_assignments", "work_profiles", "intakes",
            "policy_profiles",
        ] {
            try await db.schema(table).delete()
        }
    }
}
