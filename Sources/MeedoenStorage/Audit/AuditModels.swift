import Fluent
import Foundation

/// One entry of the append-only, hash-chained access log (R27): who did what to whose file, why.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"
    @ID public var id: UUID?
    @Field(key: "seq") public var seq: Int
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_name") public var actorName: String
    @Field(key: "actor_role") public var actorRole: String
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @OptionalField(key: "household_id") public var householdID: UUID?
    @OptionalField(key: "resident_id") public var residentID: UUID?
    @Field(key: "part") public var part: String
    @Field(key: "action") public var action: String
    @Field(key: "purpose") public var purpose: String
    @OptionalField(key: "remote") public var remote: String?
    @OptionalField(key: "payload_hash") public var payloadHash: String?
    @Field(key: "prev_hash") public var prevHash: String
    @Field(key: "hash") public var hash: String
    /// Chained with the installation's key (HMAC-SHA-256); false only for entries written before
    /// the key existed, which a keyed seal entry closes off.
    @Field(key: "keyed") public var keyed: Bool

    public init() {}
}

/// Old and new values of a change, kept apart from the chain so retention can destroy the
/// personal data while the chain (which holds only this payload's hash) still verifies.
public final class AuditPayloadModel: Model, @unchecked Sendable {
    public static let schema = "audit_payloads"
    @ID public var id: UUID?
    @Field(key: "data") public var data: String
    /// Set when retention destroyed the data (which also leaves a destruction record); a payload
    /// that is simply missing breaks the verification.
    @OptionalField(key: "destroyed_at") public var destroyedAt: Date?

    public init() {}

    public init(id: UUID, data: String) { (self.id, self.data) = (id, data) }
}
