import Fluent
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
    public func events(household: UUID, resident: UUID?) async throws -> [AuditEventModel] {
        try await AuditEventModel.query(on: db).group(.or) { group in
            group.filter(\.$householdID == household)
            if let resident { group.filter(\.$residentID == resident) }
        }.sort(\.$seq, .descending).limit(1000).all()
    }

    public func users(inTeams teams: [UUID]) async throws -> [UserModel] {
        guard !teams.isEmpty else { return [] }
        return try await UserModel.query(on: db).filter(\.$team.$id ~~ teams).all()
    }
}
