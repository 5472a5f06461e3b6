import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import XCTest

/// A list and an opened file must agree (issue 14): for every role and a set of households that
/// covers every kind of reach — own caseload, the team, another team, no regisseur, another
/// municipality, a hand-over link, another organisation — a household is listed exactly when the
/// viewer may open it. On both backends.
final class ListAndOpenAgreeTests: XCTestCase {
    let today = Day(year: 2026, month: 11, day: 28)!

    func testListedIfAndOnlyIfItMayBeOpened() async throws {
        for backend in StorageBackend.available {
            try await withStorage(backend) { db in
                let world = try await AccessWorld.build(on: db, today: today)
                let store = HouseholdStore(db: db)
                for viewer in world.viewers {
                    let listed = Set(
                        try await store.search(HouseholdSearch(per: 200), for: viewer.viewer, on: today).rows.map(\.householdId))
                    var openable: Set<UUID> = []
                    for household in world.households {
                        guard let relationship = try await store.relationship(of: viewer.viewer, to: household, on: today),
                            relationship.reach != nil, Access.allows(viewer.viewer.role, .identity, .read, given: relationship)
                        else { continue }
                        openable.insert(household)
                    }
                    XCTAssertEqual(
                        listed, openable,
                        "\(backend) \(viewer.name): listed \(world.names(listed)), may open \(world.names(openable))")
                    XCTAssertEqual(listed, viewer.expected, "\(backend) \(viewer.name): \(world.names(listed))")
                }
            }
        }
    }
}

/// The households and viewers of the agreement test, written through the real stores.
struct AccessWorld {
    struct NamedViewer {
        var name: String
        var viewer: Viewer
        var expected: Set<UUID>
    }

    var households: [UUID]
    var viewers: [NamedViewer]
    var householdNames: [UUID: String]

    func names(_ ids: Set<UUID>) -> [String] { ids.compactMap { householdNames[$0] }.sorted() }

    static func build(on db: any Database, today: Day) async throws -> AccessWorld {
        let now = today.date.addingTimeInterval(10 * 3600)
        let organisation = UUID()
        let other = UUID()
        try await OrganisationModel(id: organisation, code: "steenwijkerland", name: "Steenwijkerland", colour: "#00528a").create(on: db)
        try await OrganisationModel(id: other, code: "wijchen", name: "Wijchen", colour: "#00528a").create(on: db)
        let (north, south, elsewhere) = (UUID(), UUID(), UUID())
        try await MunicipalityModel(id: north, organisationID: organisation, code: "GM-N", name: "Noord").create(on: db)
        try await MunicipalityModel(id: south, organisationID: organisation, code: "GM-Z", name: "Zuid").create(on: db)
        try await MunicipalityModel(id: elsewhere, organisationID: other, code: "GM-W", name: "Wijchen").create(on: db)
        let (teamA, teamB) = (UUID(), UUID())
        var users: [String: UUID] = [:]
        func user(_ name: String, _ role: Role, org: UUID = organisation, scope: [UUID] = []) async throws {
            let id = UUID()
            try await UserModel(
                id: id, organisationID: org, username: name, displayName: name, role: role, teamID: nil, passwordHash: "x",
                municipalityScope: scope, createdAt: now
            ).create(on: db)
            users[name] = id
        }
        try await user("tl", .teamLeader)
        try await TeamModel(id: teamA, organisationID: organisation, name: "A", leaderID: users["tl"]).create(on: db)
        try await TeamModel(id: teamB, organisationID: organisation, name: "B", leaderID: nil).create(on: db)
        for (name, role) in [
            ("km", Role.caseManager), ("km2", .caseManager), ("pc", .participationCoach), ("zp", .careProfessional), ("jc", .jobCoach),
            ("bm", .policyOfficer), ("fb", .functionalAdmin), ("pf", .privacyOfficer), ("wg", .employerServices),
        ] {
            try await user(name, role)
        }
        try await user("kmZuid", .caseManager, scope: [south])
        try await user("km.wijchen", .caseManager, org: other)
        // Teams: km and kmZuid in A (led by tl), km2 in B.
        for (name, team) in [("km", teamA), ("km2", teamB), ("kmZuid", teamA)] {
            let model = try await UserModel.find(users[name]!, on: db)!
            model.$team.id = team
            try await model.update(on: db)
        }

        let store = HouseholdStore(db: db)
        var households: [String: UUID] = [:]
        var applicants: [String: UUID] = [:]
        var bsn = 100_000_009
        func nextBSN() -> String {
            // The 11-proef, stepping until it holds.
            while true {
                bsn += 1
                let digits = String(bsn).compactMap(\.wholeNumberValue)
                let sum = (0..<8).reduce(0) { $0 + digits[$1] * (9 - $1) } - digits[8]
                if sum % 11 == 0 { return String(bsn) }
            }
        }
        func household(_ name: String, municipality: UUID, director: String, org: UUID = organisation) async throws {
            let recorder = Recorder(userID: users[director], clock: .fixed(now), ids: .random)
            let created = try await store.createHousehold(
                NewHousehold(
                    address: AddressFields(street: "Kerkstraat", houseNumber: "1", postcode: "8331 AB", city: "Steenwijk"),
                    municipalityID: municipality, directorID: users[director]!,
                    applicant: ResidentFields(
                        bsn: try BSN(nextBSN()), givenName: name, familyName: "Test", dateOfBirth: Day(year: 1990, month: 1, day: 1)!,
                        relation: .applicant),
                    benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false),
                    supportStart: Day(year: 2025, month: 1, day: 1)!),
                organisationID: org, by: recorder)
            (households[name], applicants[name]) = (created.household, created.applicant)
        }
        try await household("eigen", municipality: north, director: "km")
        try await household("collega", municipality: north, director: "km2")
        try await household("zuid", municipality: south, director: "km")
        try await household("zonder", municipality: north, director: "km2")
        // No regisseur: the one recorded is corrected away (superseded).
        for row in try await HouseholdDirectorModel.query(on: db).filter(\.$household.$id == households["zonder"]!).all() {
            row.supersededAt = now
            try await row.update(on: db)
        }
        try await household("gekoppeld", municipality: north, director: "km2")
        try await household("voorgesteld", municipality: north, director: "km2")
        try await household("elders", municipality: elsewhere, director: "km.wijchen", org: other)

        // A hand-over accepted by pc (a link) and one only proposed to zp (no link yet).
        let casework = CaseworkStore(db: db)
        let recorder = Recorder(userID: users["km2"], clock: .fixed(now), ids: .random)
        for (resident, to) in [(applicants["gekoppeld"]!, users["pc"]!), (applicants["voorgesteld"]!, users["zp"]!)] {
            try await casework.addHandover(
                .init(toUserID: to, toOrganisation: nil, goal: "Werkfit", reason: "Begeleiding", on: today), for: resident, by: recorder)
        }
        let accepted = try await casework.handovers(to: users["pc"]!).first!
        try await casework.decide(accepted.id, .accepted, on: today, note: nil)

        func viewer(_ name: String, _ role: Role, org: UUID = organisation, scope: [UUID] = [], led: [UUID] = []) -> Viewer {
            Viewer(userID: users[name]!, organisationID: org, role: role, municipalityScope: scope, ledTeamIDs: led)
        }
        let h = households
        let all = Set(h.values.filter { $0 != h["elders"] })
        let viewers: [NamedViewer] = [
            NamedViewer(name: "klantmanager", viewer: viewer("km", .caseManager), expected: all),
            NamedViewer(name: "klantmanager Zuid", viewer: viewer("kmZuid", .caseManager, scope: [south]), expected: [h["zuid"]!]),
            NamedViewer(
                name: "teamleider", viewer: viewer("tl", .teamLeader, led: [teamA]),
                expected: [h["eigen"]!, h["zuid"]!, h["zonder"]!]),
            NamedViewer(name: "participatiecoach", viewer: viewer("pc", .participationCoach), expected: [h["gekoppeld"]!]),
            NamedViewer(name: "zorgprofessional", viewer: viewer("zp", .careProfessional), expected: []),
            NamedViewer(name: "jobcoach", viewer: viewer("jc", .jobCoach), expected: []),
            NamedViewer(name: "beleidsmedewerker", viewer: viewer("bm", .policyOfficer), expected: []),
            NamedViewer(name: "functioneel beheerder", viewer: viewer("fb", .functionalAdmin), expected: []),
            NamedViewer(name: "privacyfunctionaris", viewer: viewer("pf", .privacyOfficer), expected: []),
            NamedViewer(name: "werkgeversdienstverlener", viewer: viewer("wg", .employerServices), expected: []),
            NamedViewer(name: "klantmanager Wijchen", viewer: viewer("km.wijchen", .caseManager, org: other), expected: [h["elders"]!]),
        ]
        return AccessWorld(
            households: Array(h.values), viewers: viewers, householdNames: Dictionary(uniqueKeysWithValues: h.map { ($1, $0) }))
    }
}
