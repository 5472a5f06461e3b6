import Fluent
import Foundation

/// An executing body: one municipality, or a shared body serving several (R22).
public final class OrganisationModel: Model, @unchecked Sendable {
    public static let schema = "organisations"
    @ID public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    /// The organisation's own colour (hex), shown in the header.
    @Field(key: "colour") public var colour: String
    @Children(for: \.$organisation) public var municipalities: [MunicipalityModel]

    public init() {}

    public init(id: UUID, code: String, name: String, colour: String) {
        (self.id, self.code, self.name, self.colour) = (id, code, name, colour)
    }
}

public final class MunicipalityModel: Model, @unchecked Sendable {
    public static let schema = "municipalities"
    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String

    public init() {}

    public init(id: UUID, organisationID: UUID, code: String, name: String) {
        self.id = id
        self.$organisation.id = organisationID
        (self.code, self.name) = (code, name)
    }
}

/// Case managers under one teamleider.
public final class TeamModel: Model, @unchecked Sendable {
    public static let schema = "teams"
    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "name") public var name: String
    /// Not a foreign key: users and teams refer to each other.
    @OptionalField(key: "leader_id") public var leaderID: UUID?

    public init() {}

    public init(id: UUID, organisationID: UUID, name: String, leaderID: UUID?) {
        self.id = id
        self.$organisation.id = organisationID
        (self.name, self.leaderID) = (name, leaderID)
    }
}
