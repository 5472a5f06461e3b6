import Foundation
import MeedoenStorage

/// A user's own API keys: each with why it no longer works, and a new key shown once.
struct TokensPage: Encodable {
    struct Row: Encodable, Equatable {
        var id: String
        var revoke: String
        var name: String
        var created: String
        var expires: String
        /// Why the key no longer works; nil while it does (then it can be revoked).
        var status: String?
    }

    var tokens: [Row]
    var newToken: String?
    var error: String?

    init(keys: [APIKey], now: Date, newToken: String? = nil, error: String? = nil) {
        tokens = keys.map { key in
            let status: String? =
                if let revoked = key.revokedAt {
                    "ingetrokken \(Dutch.moment(revoked))"
                } else if (key.expiresAt ?? now) <= now {
                    "verlopen"
                } else if !key.usable { "werkt niet meer (inloggegevens gewijzigd)" } else { nil }
            return Row(
                id: key.id.uuidString, revoke: SitePath.accountTokenRevoke(.id(key.id)).path, name: key.name,
                created: Dutch.moment(key.createdAt), expires: key.expiresAt.map(Dutch.moment) ?? "–", status: status)
        }
        (self.newToken, self.error) = (newToken, error)
    }
}
