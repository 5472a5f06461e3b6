import MeedoenCore
import MeedoenStorage
import Vapor

extension Request {
    /// On the open change transaction when there is one (`recordChange`), else the request's database.
    var households: HouseholdStore { HouseholdStore(db: AuditLog.currentTransaction ?? db) }

    /// Opens one household's file for one part and action, or refuses: another organisation's
    /// household is "not found" (its existence is not revealed), one outside the user's task is
    /// "forbidden". Every GET is logged here, so no page can show a file without a log entry.
    func openFile(_ householdID: UUID, _ part: FilePart, _ action: AccessAction, purpose: String) async throws -> HouseholdFile {
        try await openFileWithAccess(householdID, part, action, purpose: purpose).file
    }

    /// As `openFile`, also returning what else the user may do with this file, worked out once.
    /// With a `resident`, a link through a hand-over counts only for that resident, not for the
    /// other members of the household.
    func openFileWithAccess(
        _ householdID: UUID, _ part: FilePart, _ action: AccessAction, purpose: String, resident: UUID? = nil
    ) async throws -> OpenedFile {
        let viewer = try requireViewer()
        guard let relationship = try await households.relationship(of: viewer, to: householdID, resident: resident, on: today),
            relationship.reach != nil
        else { throw AppError.notFound }
        guard Access.allows(viewer.role, part, action, given: relationship) else { throw AppError.forbidden }
        var purpose = purpose
        if Access.requiresStatedReason(viewer.role, given: relationship) {
            guard let reason = statedReason(for: householdID) else { throw AppError.reasonRequired(householdID) }
            purpose += "; reden: " + reason
        }
        guard var file = try await households.file(householdID, organisationID: viewer.organisationID) else { throw AppError.notFound }
        if Access.scope(viewer.role, .identity, .read) == .linked {
            // A link gives the linked resident only, not the rest of the household (issue 12, point 1):
            // the page, the API and everything built on the opened file see those members alone.
            let linked = try await households.linkedMembers(of: viewer.userID, in: householdID)
            file.members = file.members.filter { linked.contains($0.id) }
            file.specialGroups = file.specialGroups.filter { linked.contains($0.value.residentID) }
            file.supportPeriods = file.supportPeriods.filter { linked.contains($0.value.residentID) }
        }
        // A page that shows the file is a read, also when it is an edit form; the change itself
        // is logged by the handler that saves it.
        if method == .GET || method == .HEAD {
            try await audit(householdID: householdID, part: part.rawValue, action: "inzien", purpose: purpose)
        }
        return OpenedFile(file: file, role: viewer.role, relationship: relationship, purpose: purpose)
    }

    /// The reason stated for opening this household outside one's caseload: in the session for the
    /// web (valid for a working day), in the X-Meedoen-Reden header for the API.
    func statedReason(for householdID: UUID) -> String? {
        if isAPI {
            let reason = headers.first(name: "X-Meedoen-Reden")?.trimmingCharacters(in: .whitespaces) ?? ""
            return (3...200).contains(reason.count) ? reason : nil
        }
        guard let grant = session.data[Self.reasonKey(householdID)].flatMap(services.sessionSealer.open),
            let separator = grant.firstIndex(of: "|"),
            let since = Double(grant[..<separator]), services.clock.now().timeIntervalSince1970 - since < 8 * 3600
        else { return nil }
        return String(grant[grant.index(after: separator)...])
    }

    static func reasonKey(_ householdID: UUID) -> String { "reden:" + householdID.uuidString }

    /// One resident's file (the household's), for one part and action; `:id` is the resident.
    func openClient(_ part: FilePart, _ action: AccessAction, purpose: String) async throws -> (Resident, OpenedFile) {
        let residentID = try idParameter()
        let opened = try await openFileWithAccess(
            try await householdOf(resident: residentID), part, action, purpose: purpose, resident: residentID)
        guard let resident = opened.file.members.first(where: { $0.id == residentID }) else { throw AppError.notFound }
        return (resident, opened)
    }

    /// The household a resident belongs to, within the user's organisation.
    func householdOf(resident residentID: UUID) async throws -> UUID {
        let viewer = try requireViewer()
        guard let resident = try await households.resident(residentID, organisationID: viewer.organisationID) else {
            throw AppError.notFound
        }
        return resident.householdID
    }

    func idParameter(_ name: String = "id") throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

}

/// A file opened by a user, with their relationship to it, so a page asks "may I" without new queries.
struct OpenedFile {
    var file: HouseholdFile
    var role: Role
    var relationship: Relationship
    /// Why it was opened, with the stated reason outside the caseload: every further read logs it too.
    var purpose: String

    func may(_ part: FilePart, _ action: AccessAction) -> Bool {
        Access.allows(role, part, action, given: relationship)
    }
}
