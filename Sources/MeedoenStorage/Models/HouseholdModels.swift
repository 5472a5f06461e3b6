import Fluent
import Foundation
import MeedoenCore

public final class HouseholdModel: Model, @unchecked Sendable {
    public static let schema = "households"
    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "street") public var street: String
    @Field(key: "house_number") public var houseNumber: String
    @Field(key: "postcode") public var postcode: String
    @Field(key: "city") public var city: String
    @Field(key: "created_at") public var createdAt: Date
    @Children(for: \.$household) public var members: [ResidentModel]

    public init() {}

    public init(
        id: UUID, organisationID: UUID, street: String, houseNumber: String, postcode: String, city: String,
        createdAt: Date
    ) {
        self.id = id
        self.$organisation.id = organisationID
        (self.street, self.houseNumber, self.postcode, self.city) = (street, houseNumber, postcode, city)
        self.createdAt = createdAt
    }
}

/// A resident (inwoner) and member of one household.
public final class ResidentModel: Model, @unchecked Sendable {
    public static let schema = "residents"
    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Parent(key: "household_id") public var household: HouseholdModel
    @Field(key: "bsn") public var bsn: String
    @Field(key: "given_name") public var givenName: String
    @Field(key: "family_name") public var familyName: String
    @Field(key: "date_of_birth") public var dateOfBirth: Date
    @Enum(key: "relation") public var relation: MemberRelation
    @OptionalEnum(key: "co_resident_exception") public var coResidentException: CoResidentException?
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        id: UUID, organisationID: UUID, householdID: UUID, bsn: BSN, givenName: String, familyName: String,
        dateOfBirth: Day, relation: MemberRelation, coResidentException: CoResidentException? = nil,
        email: String? = nil, phone: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.$organisation.id = organisationID
        self.$household.id = householdID
        (self.bsn, self.givenName, self.familyName) = (bsn.digits, givenName, familyName)
        self.dateOfBirth = dateOfBirth.date
        (self.relation, self.coResidentException) = (relation, coResidentException)
        (self.email, self.phone, self.createdAt) = (email, phone, createdAt)
    }

    public var fullName: String { "\(givenName) \(familyName)" }
}
