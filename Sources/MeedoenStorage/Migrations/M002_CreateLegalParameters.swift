import Fluent
import Foundation
import MeedoenCore

public struct M002_CreateLegalParameters: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("legal_parameters").id()
            .field("key", .string, .required).field("valid_from", .date, .required)
            .field("value", .int64, .required).field("source", .string, .required)
            .field("recorded_at", .datetime, .required).field("recorded_by", .uuid)
            .unique(on: "key", "valid_from").create()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("legal_parameters").delete()
    }
}
