import FluentKit
import Foundation
import MeedoenCore

/// A member of staff as the pages that choose one show them: never a password, code or key.
public struct StaffMember: Sendable, Equatable {
    public var id: UUID
    public var displayName: String
    public var username: String
    public var role: Role
    public var teamID: UUID?
    public var active: Bool
    public var lockedUntil: Date?
    public var failedLogins: Int

    public init(
        id: UUID, displayName: String, username: String, role: Role, teamID: UUID?, active: Bool, lockedUntil: Date? = nil,
        failedLogins: Int = 0
    ) {
        (self.id, self.displayName, self.username, self.role, self.teamID, self.active) = (id, displayName, username, role, teamID, active)
        (self.lockedUntil, self.failedLogins) = (lockedUntil, failedLogins)
    }
}

/// A team of the organisation, by name.
public struct Team: Sendable, Equatable {
    public var id: UUID
    public var name: String

    public init(id: UUID, name: String) { (self.id, self.name) = (id, name) }
}

extension DirectoryStore {
    /// The organisation's staff, by role and name.
    public func staff(of organisationID: UUID) async throws -> [StaffMember] {
        try await users(of: organisationID).map {
            StaffMember(
                id: $0.id!, displayName: $0.displayName, username: $0.username, role: $0.role, teamID: $0.$team.id, active: $0.active,
                lockedUntil: $0.lockedUntil, failedLogins: $0.failedLogins)
        }
    }

    /// The organisation's teams, by name.
    public func teamList(of organisationID: UUID) async throws -> [Team] {
        try await teams(of: organisationID).map { Team(id: $0.id!, name: $0.name) }
    }
}
