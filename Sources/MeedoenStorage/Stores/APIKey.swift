import FluentKit
import Foundation

/// An API key as its owner sees it in the list: never the key itself, only whether it still works.
public struct APIKey: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    /// Not revoked, not expired, and made after the owner's last credential change.
    public var usable: Bool

    public init(id: UUID, name: String, createdAt: Date, expiresAt: Date?, revokedAt: Date?, usable: Bool) {
        (self.id, self.name, self.createdAt, self.expiresAt, self.revokedAt, self.usable) = (
            id, name, createdAt, expiresAt, revokedAt, usable
        )
    }
}

extension DirectoryStore {
    /// A new key for a user, stored as its hash; returns when it expires.
    public func addKey(id: UUID, userID: UUID, name: String, hash: String, at now: Date, days: Int = APITokenModel.defaultDays)
        async throws -> Date
    {
        let model = APITokenModel(id: id, userID: userID, name: name, tokenHash: hash, createdAt: now, days: days)
        try await model.create(on: db)
        return model.expiresAt!
    }

    /// The user's keys, newest first.
    public func keys(of owner: UserModel, now: Date) async throws -> [APIKey] {
        try await APITokenModel.query(on: db).filter(\.$user.$id == owner.id!).sort(\.$createdAt, .descending).all().map {
            APIKey(
                id: $0.id!, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revokedAt: $0.revokedAt,
                usable: $0.isUsable(now: now, owner: owner))
        }
    }

    /// The name of one of the user's own keys; nil when the user has no such key.
    public func keyName(_ id: UUID, of userID: UUID) async throws -> String? {
        guard let token = try await APITokenModel.find(id, on: db), token.$user.id == userID else { return nil }
        return token.name
    }

    /// Revokes one of the user's own keys; returns its name, nil when the user has no such key.
    public func revokeKey(_ id: UUID, of userID: UUID, at now: Date) async throws -> String? {
        guard let token = try await APITokenModel.find(id, on: db), token.$user.id == userID else { return nil }
        token.revokedAt = now
        try await token.update(on: db)
        return token.name
    }
}
