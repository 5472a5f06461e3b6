import MeedoenCore
import MeedoenStorage
import Vapor

extension Request {
    var households: HouseholdStore { HouseholdStore(db: db) }

    /// Opens one household's file for one part and action, or refuses: another organisation's
    /// household is "not found" (its existence is not revealed), one outside the user's task is
    /// "forbidden". A read is logged here, so no page can show a file without a log entry.
    func openFile(_ householdID: UUID, _ part: FilePart, _ action: AccessAction, purpose: String) async throws -> HouseholdFile {
        let viewer = try requireViewer()
        guard let relationship = try await households.relationship(of: viewer, to: householdID, on: today),
            relationship.reach != nil
        else { throw AppError.notFound }
        guard Access.allows(viewer.role, part, action, given: relationship) else { throw AppError.forbidden }
        guard let file = try await households.file(householdID, organisationID: viewer.organisationID) else { throw AppError.notFound }
        if action == .read {
            try await audit(householdID: householdID, part: part.rawValue, action: "inzien", purpose: purpose)
        }
        return file
    }

    /// The household a resident belongs to, within the user's organisation.
    func householdOf(resident residentID: UUID) async throws -> UUID {
        let viewer = try requireViewer()
        guard let resident = try await households.resident(residentID, organisationID: viewer.organisationID) else {
            throw AppError.notFound
        }
        return resident.$household.id
    }

    func idParameter(_ name: String = "id") throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

    /// The access decision for a part, without reading the file (to show or hide edit links).
    func may(_ part: FilePart, _ action: AccessAction, on householdID: UUID) async throws -> Bool {
        let viewer = try requireViewer()
        guard let relationship = try await households.relationship(of: viewer, to: householdID, on: today) else { return false }
        return Access.allows(viewer.role, part, action, given: relationship)
    }
}
