import Foundation

/// A household's address and the organisation whose file it is.
public struct Household: Sendable, Equatable {
    public var id: UUID
    public var organisationID: UUID
    public var street: String
    public var houseNumber: String
    public var postcode: String
    public var city: String

    public init(id: UUID, organisationID: UUID, street: String, houseNumber: String, postcode: String, city: String) {
        (self.id, self.organisationID) = (id, organisationID)
        (self.street, self.houseNumber, self.postcode, self.city) = (street, houseNumber, postcode, city)
    }
}

/// A resident (inwoner), member of one household.
public struct Resident: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var householdID: UUID
    public var organisationID: UUID
    public var bsn: String
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: Day
    public var relation: MemberRelation
    public var coResidentException: CoResidentException?
    public var email: String?
    public var phone: String?
    /// When the resident was first recorded.
    public var recordedAt: Date

    public init(
        id: UUID, householdID: UUID, organisationID: UUID, bsn: String, givenName: String, familyName: String, dateOfBirth: Day,
        relation: MemberRelation, coResidentException: CoResidentException? = nil, email: String? = nil, phone: String? = nil,
        recordedAt: Date
    ) {
        self.recordedAt = recordedAt
        (self.id, self.householdID, self.organisationID, self.bsn) = (id, householdID, organisationID, bsn)
        (self.givenName, self.familyName, self.dateOfBirth, self.relation) = (givenName, familyName, dateOfBirth, relation)
        (self.coResidentException, self.email, self.phone) = (coResidentException, email, phone)
    }

    public var fullName: String { "\(givenName) \(familyName)" }
}

/// A fact that holds for a period (effective time), as recorded and possibly superseded (knowledge time).
public struct Dated<Value: Sendable & Equatable>: Sendable, Equatable {
    public var id: UUID
    public var value: Value
    public var validFrom: Day
    public var validTo: Day?
    public var recordedAt: Date
    public var recordedBy: UUID?
    public var supersededAt: Date?
    public var supersededBy: UUID?

    public init(
        id: UUID, value: Value, validFrom: Day, validTo: Day?, recordedAt: Date, recordedBy: UUID?, supersededAt: Date?,
        supersededBy: UUID?
    ) {
        (self.id, self.value, self.validFrom, self.validTo) = (id, value, validFrom, validTo)
        (self.recordedAt, self.recordedBy, self.supersededAt, self.supersededBy) = (recordedAt, recordedBy, supersededAt, supersededBy)
    }

    /// Not superseded: what is known now.
    public var isCurrent: Bool { supersededAt == nil }

    public var period: Period<Value> { Period(id: id.uuidString, validFrom: validFrom, validTo: validTo, value: value) }

    /// Valid on `day` and, as known at `knownAt` (nil: now), recorded and not yet superseded — the
    /// same rule as the SQL of `AsOf` in the store, for a file already loaded.
    public func holds(on day: Day, knownAt: Date? = nil) -> Bool {
        guard period.contains(day) else { return false }
        guard let knownAt else { return isCurrent }
        return recordedAt <= knownAt && (supersededAt.map { $0 > knownAt } ?? true)
    }
}

/// A member's special group (R1, R14–R16).
public struct MemberGroup: Sendable, Equatable {
    public var residentID: UUID
    public var kind: SpecialGroup
    public var integrationStart: Day?

    public init(residentID: UUID, kind: SpecialGroup, integrationStart: Day? = nil) {
        (self.residentID, self.kind, self.integrationStart) = (residentID, kind, integrationStart)
    }
}

/// A member's period of support; its end carries the outflow reason (R17).
public struct MemberSupport: Sendable, Equatable {
    public var residentID: UUID
    public var endReason: SupportEndReason?

    public init(residentID: UUID, endReason: SupportEndReason? = nil) { (self.residentID, self.endReason) = (residentID, endReason) }
}

/// A household's file as values: the members and every dated fact with its history (R1).
public struct HouseholdFile: Sendable {
    public var household: Household
    public var members: [Resident]
    /// The municipality's id per period.
    public var municipalities: [Dated<UUID>]
    /// The regisseur's user id per period.
    public var directors: [Dated<UUID>]
    public var benefits: [Dated<BenefitFacts>]
    public var specialGroups: [Dated<MemberGroup>]
    public var supportPeriods: [Dated<MemberSupport>]
    /// Display names of users and municipalities mentioned in the histories.
    public var names: [UUID: String]

    public init(
        household: Household, members: [Resident], municipalities: [Dated<UUID>], directors: [Dated<UUID>], benefits: [Dated<BenefitFacts>],
        specialGroups: [Dated<MemberGroup>], supportPeriods: [Dated<MemberSupport>], names: [UUID: String]
    ) {
        (self.household, self.members, self.municipalities, self.directors) = (household, members, municipalities, directors)
        (self.benefits, self.specialGroups, self.supportPeriods, self.names) = (benefits, specialGroups, supportPeriods, names)
    }

    public var id: UUID { household.id }
    public var applicant: Resident? { members.first { $0.relation == .applicant } }

    public func current<Value>(_ records: [Dated<Value>], on day: Day) -> Dated<Value>? {
        records.first { $0.holds(on: day) }
    }

    /// The start of the support that runs on `day`, the earliest of any member's; nil when none runs.
    /// (The worklist's SQL asks the same: the earliest start among the periods that hold on the day.)
    public func runningSupportStart(on day: Day) -> Day? {
        supportPeriods.filter { $0.holds(on: day) }.map(\.validFrom).min()
    }

    /// The display name of a user or municipality in the histories.
    public func knownName(of id: UUID?) -> String? { id.flatMap { names[$0] } }

    /// The special groups one member belongs to on `day`.
    public func specialGroups(of residentID: UUID, on day: Day) -> Set<SpecialGroup> {
        Set(specialGroups.filter { $0.value.residentID == residentID && $0.holds(on: day) }.map(\.value.kind))
    }
}
