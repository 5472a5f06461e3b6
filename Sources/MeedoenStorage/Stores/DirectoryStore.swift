import Fluent
import Foundation
import MeedoenCore

/// Organisations, municipalities, teams and users: who works where.
public struct DirectoryStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public enum Problem: Error, Equatable {
        case usernameInUse
        case unknownOrganisation
        case unknownTeam
        case notFound
    }

    public func organisation(_ id: UUID) async throws -> OrganisationModel? {
        try await OrganisationModel.find(id, on: db)
    }

    public func organisation(code: String) async throws -> OrganisationModel? {
        try await OrganisationModel.query(on: db).filter(\.$code == code).first()
    }

    public func organisations() async throws -> [OrganisationModel] {
        try await OrganisationModel.query(on: db).sort(\.$name).all()
    }

    public func municipalities(of organisationID: UUID) async throws -> [MunicipalityModel] {
        try await MunicipalityModel.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
    }

    /// Whether a team belongs to the organisation (a form's team id is checked before it is stored).
    public func team(_ id: UUID, belongsTo organisationID: UUID) async throws -> Bool {
        try await TeamModel.find(id, on: db)?.$organisation.id == organisationID
    }

    public func municipalityCode(_ id: UUID) async throws -> String? {
        try await MunicipalityModel.find(id, on: db)?.code
    }

    public func teams(of organisationID: UUID) async throws -> [TeamModel] {
        try await TeamModel.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
    }

    public func teamsLed(by userID: UUID) async throws -> [UUID] {
        try await TeamModel.query(on: db).filter(\.$leaderID == userID).all().compactMap(\.id)
    }

    public func user(_ id: UUID) async throws -> UserModel? {
        try await UserModel.find(id, on: db)
    }

    public func user(username: String) async throws -> UserModel? {
        try await UserModel.query(on: db).filter(\.$username == username.lowercased()).first()
    }

    public func users(of organisationID: UUID) async throws -> [UserModel] {
        try await UserModel.query(on: db).filter(\.$organisation.$id == organisationID)
            .sort(\.$role).sort(\.$displayName).all()
    }

    /// Active users who can be a household's regisseur.
    public func directors(of organisationID: UUID) async throws -> [UserModel] {
        try await users(of: organisationID).filter { $0.active && $0.role.canBeDirector }
    }

    public func createUser(_ user: UserModel) async throws {
        if try await self.user(username: user.username) != nil { throw Problem.usernameInUse }
        user.username = user.username.lowercased()
        if let teamID = user.$team.id {
            guard let team = try await TeamModel.find(teamID, on: db), team.$organisation.id == user.$organisation.id
            else { throw Problem.unknownTeam }
        }
        try await user.create(on: db)
    }

    // MARK: API tokens

    public func token(hash: String, now: Date) async throws -> (APITokenModel, UserModel)? {
        guard let token = try await APITokenModel.query(on: db).filter(\.$tokenHash == hash).filter(\.$revokedAt == nil).first(),
            let user = try await UserModel.find(token.$user.id, on: db), token.isUsable(now: now, owner: user)
        else { return nil }
        return (token, user)
    }

    /// Ends every key of a user: their credentials were reset, the account was locked or
    /// deactivated. A key that ended never works again, also not after reactivation.
    public func revokeTokens(of userID: UUID, at now: Date) async throws {
        try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }
}
