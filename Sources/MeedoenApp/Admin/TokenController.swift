import MeedoenStorage
import Vapor

/// A user's own API keys: create (shown once), list, revoke.
enum TokenController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.accountTokens, use: list).require(.signedIn)
        routes.post(.accountTokens, use: create).require(.signedIn)
        routes.post(.accountTokenRevoke(.key), use: revoke).require(.signedIn)
    }

    private static func page(_ req: Request, newToken: String? = nil, error: String? = nil) async throws -> Response {
        let user = try req.requireUser()
        let directory = DirectoryStore(db: req.db)
        guard let owner = try await directory.user(user.id) else { throw AppError.notSignedIn }
        let now = req.services.clock.now()
        let page = TokensPage(keys: try await directory.keys(of: owner, now: now), now: now, newToken: newToken, error: error)
        return try await req.renderPage("tokens", title: "API-sleutels", page, status: error == nil ? .ok : .badRequest)
    }

    @Sendable static func list(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 80 else {
            return try await page(req, error: "Geef de sleutel een naam van 1 tot 80 tekens, bijvoorbeeld de naam van de koppeling.")
        }
        let daysText = ((try? req.content.get(String.self, at: "days")) ?? "").trimmingCharacters(in: .whitespaces)
        let days = daysText.isEmpty ? APITokenModel.defaultDays : Int(daysText) ?? 0
        guard (1...APITokenModel.maximumDays).contains(days) else {
            return try await page(req, error: "Kies een geldigheid van 1 tot \(APITokenModel.maximumDays) dagen.")
        }
        let token = APITokens.generate()
        let (id, hash, now) = (req.services.ids.next(), APITokens.hash(token), req.services.clock.now())
        try await req.recordChange(
            part: "api-sleutels", action: "aanmaken", purpose: "koppeling", change: ChangeSummary(new: ["naam": name, "dagen": "\(days)"])
        ) { db in _ = try await DirectoryStore(db: db).addKey(id: id, userID: user.id, name: name, hash: hash, at: now, days: days) }
        return try await page(req, newToken: token)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (id, now) = (try req.idParameter(), req.services.clock.now())
        guard let name = try await DirectoryStore(db: req.db).keyName(id, of: user.id) else { throw AppError.notFound }
        try await req.recordChange(
            part: "api-sleutels", action: "intrekken", purpose: "koppeling", change: ChangeSummary(new: ["naam": name])
        ) { db in _ = try await DirectoryStore(db: db).revokeKey(id, of: user.id, at: now) }
        return req.redirect(to: .accountTokens, flash: "De sleutel ‘\(name)’ is ingetrokken.")
    }
}
