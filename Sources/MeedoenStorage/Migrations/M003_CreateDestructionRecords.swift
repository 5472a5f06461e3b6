import Fluent
import Foundation
import MeedoenCore

public struct M003_CreateDestructionRecords: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("destruction_records").id()
            .field("at", .datetime, .required).field("kind", .string, .required).field("household_id", .uuid)
            .field("count", .int, .required).field("rule", .string, .required).create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("destruction_records").delete() }
}
