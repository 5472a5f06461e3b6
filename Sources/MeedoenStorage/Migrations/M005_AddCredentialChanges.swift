import Fluent

/// When a user's credentials were last changed (older sessions end) and whether the password is
/// a temporary one that must be changed at the next log-in.
public struct M005_AddCredentialChanges: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("users").field("credentials_changed_at", .datetime).update()
        try await db.schema("users").field("must_change_password", .bool).update()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("credentials_changed_at").update()
        try await db.schema("users").deleteField("must_change_password").update()
    }
}
