import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

/// The policy profile in force for an organisation: the stored version that holds today, or,
/// before any is stored (a new organisation), the valid shipped file for its code.
struct ProfileInForce: Sendable {
    var profile: PolicyProfile
    var version: Int?
}

extension MeedoenServices {
    /// The profile in force on a day, read on `db` (a request's connection, or a change's transaction);
    /// nil when the organisation has neither a stored nor a valid shipped one.
    func profile(of organisationID: UUID, on day: Day, db: any Database) async throws -> ProfileInForce? {
        if let stored = try await PolicyProfileStore(db: db).current(organisationID, on: day) {
            return ProfileInForce(profile: stored.profile, version: stored.version)
        }
        let code = try await DirectoryStore(db: db).organisation(organisationID)?.code ?? ""
        return shipped.profiles[code]?.profile.map { ProfileInForce(profile: $0, version: nil) }
    }
}

extension Request {
    func profile(of organisationID: UUID? = nil) async throws -> ProfileInForce {
        let id = try organisationID ?? requireViewer().organisationID
        guard let inForce = try await services.profile(of: id, on: today, db: db) else {
            let code = try await DirectoryStore(db: db).organisation(id)?.code ?? ""
            throw Abort(.internalServerError, reason: "Er is geen geldig beleidsprofiel voor organisatie \(code).")
        }
        return inForce
    }
}

extension Meedoen {
    /// Stores shipped profiles that are new or changed; a refused file is logged and changes nothing.
    static func installShippedProfiles(_ app: Application) async throws {
        let files = app.meedoen.shipped.profiles.mapValues { (file: $0.file, document: $0.document) }
        let recorder = Recorder(userID: nil, clock: app.meedoen.clock, ids: app.meedoen.ids)
        let refused = try await PolicyProfileStore(db: app.db).installShipped(files, recorder: recorder, on: app.meedoen.clock.today)
        for problem in refused {
            app.logger.error("Beleidsprofiel geweigerd, de vorige geldige versie blijft gelden: \(Dutch.profileProblem(problem))")
        }
    }
}

extension Request {
    /// The contact norm per client of a household (applicant and partner, as far as the viewer sees
    /// them): each person's group, else the municipality, else the organisation; and the
    /// organisation's contact policy (which kinds count, the first due date).
    func contactNorms(for file: HouseholdFile) async throws -> (clients: [ContactsView.Client], policy: ContactPolicy) {
        let clients = ContactController.clients(of: file)
        // An organisation without any profile still shows its households, with the minimum norm.
        guard let profile = try? await profile(of: file.household.organisationID).profile else {
            return (
                clients.map { ContactsView.Client(resident: $0, norm: .perCalendarYear) },
                ContactPolicy(kind: "perCalendarYear", source: "")
            )
        }
        let municipality = try await municipalityCode(of: file)
        var result: [ContactsView.Client] = []
        for client in clients {
            let group = try await CaseworkStore(db: db).currentAssignment(of: client.id, on: today)?.groupCode
            result.append(ContactsView.Client(resident: client, norm: profile.contactNorm(group: group, municipality: municipality)))
        }
        return (result, profile.contacts)
    }

    /// The code of the municipality the household belongs to today, for a profile's deviations.
    func municipalityCode(of file: HouseholdFile) async throws -> String? {
        guard let current = file.current(file.municipalities, on: today) else { return nil }
        return try await DirectoryStore(db: db).municipalityCode(current.value)
    }
}

extension Request {
    private struct RoleNamesKey: StorageKey { typealias Value = RoleNames? }

    /// A role as the viewer's organisation names it (profile `roleNames`; Nijkerk's arbeidsconsulent,
    /// WPDA's coach, Wijchen's bedrijfsdienstverlener), else the name of the brief. Display only:
    /// the rights are the role's. The profile is read once per request.
    func roleName(_ role: Role) async -> String { await roleNamer()(role) }

    /// The same, for naming many users in one go.
    func roleNamer() async -> @Sendable (Role) -> String {
        if storage[RoleNamesKey.self] == nil, currentUser != nil {
            storage[RoleNamesKey.self] = .some((try? await profile().profile.roleNames) ?? nil)
        }
        let names = storage[RoleNamesKey.self] ?? nil
        return { role in names?.name(of: role) ?? Dutch.role(role) }
    }
}
