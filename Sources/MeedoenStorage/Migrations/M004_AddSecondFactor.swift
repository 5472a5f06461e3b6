import Fluent

/// The second factor per user: the TOTP secret, the last step used (against replay) and the
/// hashes of the one-time recovery codes.
public struct M004_AddSecondFactor: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("users").field("totp_secret", .string).update()
        try await db.schema("users").field("totp_last_step", .int64).update()
        try await db.schema("users").field("recovery_codes", .string).update()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("totp_secret").update()
        try await db.schema("users").deleteField("totp_last_step").update()
        try await db.schema("users").deleteField("recovery_codes").update()
    }
}
