import Fluent
import SQLKit
import Foundation

/// Reading the access log: for a teamleider's review and for a person's own inzage.
public struct AuditQueries: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// Files opened outside a caseload ("break the glass") by these users since a moment.
    public func statedReasons(by users: [UUID], since: Date) async throws -> [AuditEventModel] {
        guard !users.isEmpty else { return [] }
        return try await AuditEventModel.query(on: db).filter(\.$action == "doorbreken").filter(\.$actorID ~~ users)
            .filter(\.$at >= since).sort(\.$at, .descending).limit(500).all()
    }

    /// Everything logged about a household and, within it, one resident, newest first.
    /// …including every list and search that showed the resident.
    public func events(household: UUID, resident: UUID?) async throws -> [AccessLogEntry] {
        var shownIn: [Int] = []
        if let resident, let sql = db as? any SQLDatabase {
            shownIn = try await sql.raw(
                "SELECT seq FROM audit_subjects WHERE resident_id = \(bind: resident) ORDER BY seq DESC LIMIT 1000"
            ).all().map { try $0.decode(column: "seq", as: Int.self) }
        }
        return try await AuditEventModel.query(on: db).group(.or) { group in
            group.filter(\.$householdID == household)
            if let resident { group.filter(\.$residentID == resident) }
            if !shownIn.isEmpty { group.filter(\.$seq ~~ shownIn) }
        }.sort(\.$seq, .descending).limit(1000).all().map(AccessLogEntry.init)
    }

    /// Accounts created, activated or reset in an organisation, newest first.
    public func accountEvents(of organisation: UUID) async throws -> [AccessLogEntry] {
        try await AuditEventModel.query(on: db).filter(\.$organisationID == organisation).filter(\.$part == "gebruikers")
            .filter(\.$action ~~ ["aanmaken", "reset-password", "reset-2fa", "activeren"]).sort(\.$seq, .descending).limit(500).all()
            .map(AccessLogEntry.init)
    }

    public func users(inTeams teams: [UUID]) async throws -> [UserModel] {
        guard !teams.isEmpty else { return [] }
        return try await UserModel.query(on: db).filter(\.$team.$id ~~ teams).all()
    }
}
