import Fluent
import Foundation
import MeedoenCore
import SQLKit

public struct M007_CreateContacts: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("contacts").id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("contact_on", .date, .required).field("kind", .string, .required).field("summary", .string)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "idx_contacts_household").on("contacts").column("household_id").run()
        }
    }

    public func revert(on db: any Database) async throws { try await db.schema("contacts").delete() }
}
