import Foundation
import MeedoenCore

/// Everything stored about one household, histories included, as the file page and API read it.
extension HouseholdModel {
    /// The household as a Core value.
    public var household: Household {
        Household(id: id!, organisationID: $organisation.id, street: street, houseNumber: houseNumber, postcode: postcode, city: city)
    }
}

extension ResidentModel {
    /// The resident as a Core value.
    public var resident: Resident {
        Resident(
            id: id!, householdID: $household.id, organisationID: $organisation.id, bsn: bsn, givenName: givenName,
            familyName: familyName, dateOfBirth: Day(dateOfBirth), relation: relation, coResidentException: coResidentException,
            email: email, phone: phone, recordedAt: createdAt)
    }
}

extension DatedRecord {
    /// The record as a Core value, with what it holds.
    public var dated: Dated<Value> { dated { $0.value } }

    /// The record as a Core value holding `value(self)` (for a fact of one member, the member too).
    public func dated<V>(_ value: (Self) -> V) -> Dated<V> {
        Dated(
            id: id!, value: value(self), validFrom: Day(validFrom), validTo: validTo.map(Day.init), recordedAt: recordedAt,
            recordedBy: recordedBy, supersededAt: supersededAt, supersededBy: supersededBy)
    }
}

/// One line of a caseload or search result.
public struct HouseholdRow: Decodable, Sendable {
    public var householdId: UUID
    public var applicantId: UUID
    public var givenName: String
    public var familyName: String
    public var bsn: String
    public var dateOfBirth: Date
    public var street: String
    public var houseNumber: String
    public var postcode: String
    public var city: String
    public var municipality: String?
    public var directorId: UUID?
    public var directorName: String?
    public var receivesBijstand: Bool?
    public var members: Int
}

public struct ResultPage<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var page: Int
    public var per: Int
    public var total: Int

    public var pageCount: Int { max(1, (total + per - 1) / per) }

    public init(rows: [Row], page: Int, per: Int, total: Int) { (self.rows, self.page, self.per, self.total) = (rows, page, per, total) }

    /// One page of a list already in memory; a page past the end shows the last one.
    public init(slicing all: [Row], page: Int, per: Int) {
        let count = max(1, (all.count + per - 1) / per)
        let number = min(max(1, page), count)
        self.init(rows: Array(all.dropFirst((number - 1) * per).prefix(per)), page: number, per: per, total: all.count)
    }
}

/// Who is looking, for scoping queries: their organisation and municipality scope.
public struct Viewer: Sendable {
    public var userID: UUID
    public var organisationID: UUID
    public var role: Role
    public var municipalityScope: [UUID]
    public var ledTeamIDs: [UUID]

    public init(userID: UUID, organisationID: UUID, role: Role, municipalityScope: [UUID], ledTeamIDs: [UUID]) {
        (self.userID, self.organisationID, self.role) = (userID, organisationID, role)
        (self.municipalityScope, self.ledTeamIDs) = (municipalityScope, ledTeamIDs)
    }
}

public struct HouseholdSearch: Sendable {
    public enum Sort: String, CaseIterable, Sendable {
        case name, municipality, director, postcode
    }

    public var text: String?
    public var municipalityID: UUID?
    public var directorID: UUID?
    public var onlyWithBijstand: Bool
    public var sort: Sort
    public var descending: Bool
    public var page: Int
    public var per: Int

    public init(
        text: String? = nil, municipalityID: UUID? = nil, directorID: UUID? = nil, onlyWithBijstand: Bool = false,
        sort: Sort = .name, descending: Bool = false, page: Int = 1, per: Int = 25
    ) {
        (self.text, self.municipalityID, self.directorID, self.onlyWithBijstand) = (text, municipalityID, directorID, onlyWithBijstand)
        (self.sort, self.descending) = (sort, descending)
        self.page = min(max(1, page), 100_000)  // bounded: the offset must not overflow
        self.per = min(max(1, per), 200)
    }
}
