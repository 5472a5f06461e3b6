import Fluent
import Foundation
import MeedoenCore

/// The answers to the ladder questions with each measurement (issue 5, R3).
public struct M010_AddLadderAnswers: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("ladder_measurements").field("answers", .string).update()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("ladder_measurements").deleteField("answers").update()
    }
}
