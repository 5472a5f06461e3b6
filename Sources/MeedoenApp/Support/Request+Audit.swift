import MeedoenStorage
import Vapor

extension Request {
    /// Writes one access-log entry for this request's user. Every read and change of a person's
    /// file goes through here (R27); the purpose says why.
    func audit(
        householdID: UUID? = nil, residentID: UUID? = nil, part: String, action: String, purpose: String,
        change: ChangeSummary? = nil
    ) async throws {
        let user = currentUser
        try await services.auditLog.append(
            AuditRecord(
                actorID: user?.id, actorName: user?.username ?? "onbekend", actorRole: user?.role.rawValue ?? "",
                organisationID: user?.organisationID, householdID: householdID, residentID: residentID, part: part,
                action: action, purpose: purpose, remote: remoteAddress?.ipAddress, payload: change?.json))
    }
}
