import Fluent
import Foundation
import MeedoenCore
import SQLKit

public struct M009_CreateObligationsAndHandovers: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("measures").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("ground", .string, .required).field("breach", .string, .required).field("proportionality_check", .string, .required)
            .field("blame", .string, .required).field("percentage", .int, .required).field("months", .int)
            .field("starts_on", .date, .required).field("ordinance_reference", .string)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("handovers").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("to_user_id", .uuid, .references("users", "id")).field("to_organisation", .string)
            .field("goal", .string, .required).field("reason", .string, .required).field("handed_over_on", .date, .required)
            .field("status", .string, .required).field("decided_on", .date).field("decision_note", .string)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("signals").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("domain", .string, .required).field("direction", .string, .required).field("signalled_on", .date, .required)
            .field("subject", .string, .required).field("outcome", .string).field("outcome_on", .date)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        try await db.schema("youth_checklists").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("checked_on", .date, .required).field("housing", .bool, .required).field("school_or_work", .bool, .required)
            .field("stable_income", .bool, .required).field("fallback_person", .bool, .required).field("note", .string)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        if let sql = db as? any SQLDatabase {
            for table in ["measures", "handovers", "signals", "youth_checklists"] {
                try await sql.create(index: "idx_\(table)_resident_id").on(table).column("resident_id").run()
            }
            try await sql.create(index: "idx_handovers_to_user").on("handovers").column("to_user_id").run()
        }
    }

    public func revert(on db: any Database) async throws {
        for table in ["youth_checklists", "signals", "handovers", "measures"] { try await db.schema(table).delete() }
    }
}
