import Foundation
import MeedoenCore

/// Everything stored about one household, histories included, as the file page and API read it.
public struct HouseholdFile: Sendable {
    public var household: HouseholdModel
    public var members: [ResidentModel]
    public var municipalities: [HouseholdMunicipalityModel]
    public var directors: [HouseholdDirectorModel]
    public var benefits: [BenefitFactsModel]
    public var specialGroups: [SpecialGroupModel]
    public var supportPeriods: [SupportPeriodModel]
    /// Display names of users and municipalities mentioned in the histories.
    public var names: [UUID: String]

    public var id: UUID { household.id! }
    public var applicant: ResidentModel? { members.first { $0.relation == .applicant } }

    public func current<R: DatedRecord>(_ records: [R], on day: Day) -> R? {
        records.first { $0.holds(on: day) }
    }

    /// The start of the support that runs on `day` or later, for any member; nil when none runs.
    public func runningSupportStart(on day: Day) -> Day? {
        supportPeriods.filter { $0.isCurrent && ($0.validTo.map { Day($0) >= day } ?? true) }.map(\.validFrom).min().map(Day.init)
    }

    public func name(of id: UUID?) -> String { id.flatMap { names[$0] } ?? "onbekend" }

    /// The special groups one member belongs to on `day`.
    public func specialGroups(of residentID: UUID, on day: Day) -> Set<SpecialGroup> {
        Set(specialGroups.filter { $0.$resident.id == residentID && $0.holds(on: day) }.map(\.value.kind))
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
