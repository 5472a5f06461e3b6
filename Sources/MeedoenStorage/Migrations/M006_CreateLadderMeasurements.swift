import Fluent
import Foundation
import MeedoenCore

public struct M006_CreateLadderMeasurements: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("ladder_measurements").id()
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("measured_on", .date, .required).field("rung", .int, .required).field("expected_end_rung", .int)
            .field("kind", .string, .required).field("measured_by", .uuid).field("recorded_at", .datetime, .required).create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("ladder_measurements").delete() }
}
