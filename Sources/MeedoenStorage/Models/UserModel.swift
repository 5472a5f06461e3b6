import Fluent
import Foundation
import MeedoenCore

public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"
    @ID public var id: UUID?
    /// Nil only for the installation's applicatiebeheerder, who serves every organisation.
    @OptionalParent(key: "organisation_id") public var organisation: OrganisationModel?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Enum(key: "role") public var role: Role
    @OptionalParent(key: "team_id") public var team: TeamModel?
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "active") public var active: Bool
    @Field(key: "failed_logins") public var failedLogins: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    /// Empty means every municipality of the organisation.
    @Field(key: "municipality_scope") public var municipalityScope: [UUID]
    @Field(key: "created_at") public var createdAt: Date
    /// Base32 TOTP secret once the second factor is set up; nil until then.
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    @OptionalField(key: "totp_last_step") public var totpLastStep: Int?
    /// SHA-256 hashes of unused recovery codes, separated by spaces.
    @OptionalField(key: "recovery_codes") public var recoveryCodes: String?
    /// Sessions started before this moment end (password or second factor reset).
    @OptionalField(key: "credentials_changed_at") public var credentialsChangedAt: Date?
    @OptionalField(key: "must_change_password") public var mustChangePassword: Bool?
    /// SHA-256 of a one-time activation code: the account then chooses its own password.
    @OptionalField(key: "activation_hash") public var activationHash: String?
    @OptionalField(key: "activation_expires_at") public var activationExpiresAt: Date?
    /// The last credential reset: by whom, which kind ("reset-password", "reset-2fa"), when.
    @OptionalField(key: "last_reset_by") public var lastResetBy: UUID?
    @OptionalField(key: "last_reset_kind") public var lastResetKind: String?
    @OptionalField(key: "last_reset_at") public var lastResetAt: Date?

    public init() {}

    public init(
        id: UUID, organisationID: UUID?, username: String, displayName: String, role: Role, teamID: UUID?,
        passwordHash: String, municipalityScope: [UUID] = [], createdAt: Date
    ) {
        self.id = id
        self.$organisation.id = organisationID
        (self.username, self.displayName, self.role) = (username, displayName, role)
        self.$team.id = teamID
        self.passwordHash = passwordHash
        (self.active, self.failedLogins, self.lockedUntil) = (true, 0, nil)
        self.municipalityScope = municipalityScope
        self.createdAt = createdAt
    }
}

/// A bearer token for the API; only its SHA-256 is stored, so a database leak yields no token.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"
    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// Chosen at creation; nil only while migrating older keys.
    @OptionalField(key: "expires_at") public var expiresAt: Date?

    /// A key runs 90 days unless chosen otherwise, and never longer than a year.
    public static let defaultDays = 90
    public static let maximumDays = 365

    public init() {}

    public init(id: UUID, userID: UUID, name: String, tokenHash: String, createdAt: Date, days: Int = defaultDays) {
        self.id = id
        self.$user.id = userID
        (self.name, self.tokenHash, self.createdAt) = (name, tokenHash, createdAt)
        self.expiresAt = createdAt.addingTimeInterval(Double(days) * 86_400)
    }

    /// A key works only while it is not revoked, not expired, and younger than the owner's last
    /// credential change (a password or second-factor reset ends every key made before it).
    public func isUsable(now: Date, owner: UserModel) -> Bool {
        guard revokedAt == nil, let expiresAt, expiresAt > now, owner.active else { return false }
        if let lockedUntil = owner.lockedUntil, lockedUntil > now { return false }
        if let changed = owner.credentialsChangedAt, createdAt <= changed { return false }
        return true
    }
}
