import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// Reads and writes households, residents and their dated facts. Every method takes the
/// organisation it acts for, so a record of another organisation is simply not found.
public struct HouseholdStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public enum Problem: Error, Equatable {
        case notFound
        case bsnInUse
        case unknownMunicipality
        case unknownDirector
        case supportAlreadyRunning
        case alreadyUndone
        case timeline(Timeline.Problem)
    }

    // MARK: Reading

    public func household(_ id: UUID, organisationID: UUID) async throws -> HouseholdModel? {
        try await HouseholdModel.query(on: db).filter(\.$id == id).filter(\.$organisation.$id == organisationID).first()
    }

    public func resident(_ id: UUID, organisationID: UUID) async throws -> Resident? {
        try await residentModel(id, organisationID: organisationID)?.resident
    }

    func residentModel(_ id: UUID, organisationID: UUID) async throws -> ResidentModel? {
        try await ResidentModel.query(on: db).filter(\.$id == id).filter(\.$organisation.$id == organisationID).first()
    }

    public func file(_ id: UUID, organisationID: UUID) async throws -> HouseholdFile? {
        guard let household = try await household(id, organisationID: organisationID) else { return nil }
        let members = try await ResidentModel.query(on: db).filter(\.$household.$id == id).all()
            .sorted { ($0.relation.sortOrder, $0.dateOfBirth) < ($1.relation.sortOrder, $1.dateOfBirth) }
        let memberIDs = members.compactMap(\.id)
        let municipalities = try await HouseholdMunicipalityModel.query(on: db).filter(\.$household.$id == id)
            .sort(\.$validFrom).sort(\.$recordedAt).all()
        let directors = try await HouseholdDirectorModel.query(on: db).filter(\.$household.$id == id)
            .sort(\.$validFrom).sort(\.$recordedAt).all()
        let benefits = try await BenefitFactsModel.query(on: db).filter(\.$household.$id == id)
            .sort(\.$validFrom).sort(\.$recordedAt).all()
        let groups = try await SpecialGroupModel.query(on: db).filter(\.$resident.$id ~~ memberIDs)
            .sort(\.$validFrom).sort(\.$recordedAt).all()
        let support = try await SupportPeriodModel.query(on: db).filter(\.$resident.$id ~~ memberIDs)
            .sort(\.$validFrom).sort(\.$recordedAt).all()

        var userIDs = Set(directors.map(\.directorID))
        for recorder in [
            municipalities.compactMap(\.recordedBy), directors.compactMap(\.recordedBy), benefits.compactMap(\.recordedBy),
            groups.compactMap(\.recordedBy), support.compactMap(\.recordedBy),
        ] {
            userIDs.formUnion(recorder)
        }
        var names: [UUID: String] = [:]
        for user in try await UserModel.query(on: db).filter(\.$id ~~ Array(userIDs)).all() {
            names[user.id!] = user.displayName
        }
        for municipality in try await MunicipalityModel.query(on: db).filter(\.$organisation.$id == organisationID).all() {
            names[municipality.id!] = municipality.name
        }
        return HouseholdFile(
            household: household.household, members: members.map(\.resident), municipalities: municipalities.map(\.dated),
            directors: directors.map(\.dated), benefits: benefits.map(\.dated),
            specialGroups: groups.map {
                $0.dated { MemberGroup(residentID: $0.$resident.id, kind: $0.kind, integrationStart: $0.integrationStart.map(Day.init)) }
            },
            supportPeriods: support.map { $0.dated { MemberSupport(residentID: $0.$resident.id, endReason: $0.endReason) } },
            names: names)
    }

    /// How the viewer stands to a household, for the access decision.
    /// With a `resident`, a hand-over links the viewer only to that resident; without, to the household
    /// when it links them to any member (the household page).
    public func relationship(of viewer: Viewer, to householdID: UUID, resident: UUID? = nil, on day: Day) async throws -> Relationship? {
        guard let household = try await household(householdID, organisationID: viewer.organisationID) else { return nil }
        let municipality = try await current(HouseholdMunicipalityModel.query(on: db).filter(\.$household.$id == household.id!), on: day)
        let director = try await current(HouseholdDirectorModel.query(on: db).filter(\.$household.$id == household.id!), on: day)
        var directorInLedTeam = false
        if let directorID = director?.directorID, !viewer.ledTeamIDs.isEmpty,
            let directorUser = try await UserModel.find(directorID, on: db), let team = directorUser.$team.id
        {
            directorInLedTeam = viewer.ledTeamIDs.contains(team)
        }
        var members: [UUID]
        if let resident {
            members = [resident]
        } else {
            members = try await ResidentModel.query(on: db).filter(\.$household.$id == household.id!).all().compactMap(\.id)
        }
        let linked =
            try await HandoverModel.query(on: db).filter(\.$resident.$id ~~ members).filter(\.$toUserID == viewer.userID)
            .filter(\.$status ~~ HandoverStatus.linking).count() > 0
        let inScope = viewer.municipalityScope.isEmpty || municipality.map { viewer.municipalityScope.contains($0.municipalityID) } ?? false
        return Relationship(
            sameOrganisation: true, withinMunicipalityScope: inScope, isDirector: director?.directorID == viewer.userID,
            directorInLedTeam: directorInLedTeam, isLinked: linked, hasNoDirector: director == nil)
    }

    /// The applicants of these households.
    public func applicants(of households: [UUID]) async throws -> [Resident] {
        guard !households.isEmpty else { return [] }
        return try await ResidentModel.query(on: db).filter(\.$household.$id ~~ households).filter(\.$relation == .applicant).all()
            .map(\.resident)
    }

    /// Every member of these households: who a list or search of them may have shown or found.
    public func members(of households: [UUID]) async throws -> [UUID] {
        guard !households.isEmpty else { return [] }
        return try await ResidentModel.query(on: db).filter(\.$household.$id ~~ households).all().compactMap(\.id)
    }

    /// The members of a household a professional is linked to by a hand-over that links.
    public func linkedMembers(of userID: UUID, in householdID: UUID) async throws -> Set<UUID> {
        let members = try await ResidentModel.query(on: db).filter(\.$household.$id == householdID).all().compactMap(\.id)
        guard !members.isEmpty else { return [] }
        return Set(
            try await HandoverModel.query(on: db).filter(\.$resident.$id ~~ members).filter(\.$toUserID == userID)
                .filter(\.$status ~~ HandoverStatus.linking).all().map(\.$resident.id))
    }

    private func current<R: DatedRecord>(_ query: QueryBuilder<R>, on day: Day) async throws -> R? {
        try await query.all().first { $0.holds(on: day) }
    }

    public func residentWithBSN(_ bsn: BSN, organisationID: UUID) async throws -> Resident? {
        try await ResidentModel.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$bsn == bsn.digits).first()?.resident
    }
}

extension MemberRelation {
    var sortOrder: Int { MemberRelation.allCases.firstIndex(of: self)! }
}
