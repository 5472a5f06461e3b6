import Fluent
import SQLKit
import Foundation
import MeedoenCore

/// One version of an organisation's policy profile. Versions are only added: the one that holds
/// on a day is the latest whose date of effect has come, so earlier decisions can be explained
/// with the profile of their time.
public final class PolicyProfileModel: Model, @unchecked Sendable {
    public static let schema = "policy_profiles"
    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "version") public var version: Int
    @Field(key: "valid_from") public var validFrom: Date
    @Field(key: "document") public var document: String
    /// "shipped" (from Resources/Profiles) or "edited" (by the functioneel beheerder).
    @Field(key: "origin") public var origin: String
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}
}
