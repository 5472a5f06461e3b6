import Fluent

/// Accounts choose their own password (issue 12): a one-time activation code instead of a
/// password set by the beheerder, and who last reset an account's credentials, so one beheerder
/// cannot reset both the password and the second factor of the same account (four eyes).
public struct M012_AddActivation: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("users").field("activation_hash", .string).update()
        try await db.schema("users").field("activation_expires_at", .datetime).update()
        try await db.schema("users").field("last_reset_by", .uuid).update()
        try await db.schema("users").field("last_reset_kind", .string).update()
        try await db.schema("users").field("last_reset_at", .datetime).update()
    }

    public func revert(on db: any Database) async throws {
        for field in ["activation_hash", "activation_expires_at", "last_reset_by", "last_reset_kind", "last_reset_at"] {
            try await db.schema("users").deleteField(.string(field)).update()
        }
    }
}
