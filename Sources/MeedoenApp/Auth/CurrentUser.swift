import MeedoenCore
import MeedoenStorage
import Fluent
import Vapor

/// The signed-in user of a request, from the session cookie (web) or a bearer token (API).
struct CurrentUser: Authenticatable {
    var id: UUID
    var username: String
    var displayName: String
    var role: Role
    var organisationID: UUID?
    var municipalityScope: [UUID]
    var ledTeamIDs: [UUID]
    var organisationName: String = "Meedoen"
    var organisationColour: String = "#154273"
    var organisationCode: String?

    init(_ user: UserModel, ledTeamIDs: [UUID], organisation: OrganisationModel? = nil) {
        if let organisation {
            (organisationName, organisationColour, organisationCode) = (organisation.name, organisation.colour, organisation.code)
        }
        (id, username, displayName, role) = (user.id!, user.username, user.displayName, user.role)
        (organisationID, municipalityScope, self.ledTeamIDs) = (user.$organisation.id, user.municipalityScope, ledTeamIDs)
    }

    /// The scope for file queries; nil for a user without an organisation (applicatiebeheerder).
    var viewer: Viewer? {
        organisationID.map {
            Viewer(userID: id, organisationID: $0, role: role, municipalityScope: municipalityScope, ledTeamIDs: ledTeamIDs)
        }
    }
}

extension CurrentUser {
    static func load(_ user: UserModel, on db: any Database) async throws -> CurrentUser {
        let directory = DirectoryStore(db: db)
        let organisation = try await user.$organisation.id.asyncMap { try await directory.organisation($0) } ?? nil
        return CurrentUser(user, ledTeamIDs: try await directory.teamsLed(by: user.id!), organisation: organisation)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension Request {
    /// Decided by the matched route (the router ignores empty path segments like "//api").
    var isAPI: Bool {
        if let route { return route.path.first?.description == "api" }
        return url.path.split(separator: "/").first == "api"
    }

    var currentUser: CurrentUser? { auth.get(CurrentUser.self) }

    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw AppError.notSignedIn }
        return user
    }

    /// The organisation the user acts for; users without one have no business with files.
    func requireViewer() throws -> Viewer {
        guard let viewer = try requireUser().viewer else { throw AppError.forbidden }
        return viewer
    }
}

/// Restores the user from the session, and ends sessions that were idle too long.
struct SessionUserMiddleware: AsyncMiddleware {
    static let idleLimit: TimeInterval = 30 * 60
    static let absoluteLimit: TimeInterval = 10 * 60 * 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.sessionAvailable = true
        // The API never takes a session cookie: it has no CSRF protection, so a cookie there would
        // let any web page act as the signed-in user.
        if !request.isAPI, let idText = request.session.data["uid"], let id = UUID(uuidString: idText) {
            let now = request.services.clock.now().timeIntervalSince1970
            let seen = request.session.data["seen"].flatMap(Double.init) ?? 0
            let started = request.session.data["started"].flatMap(Double.init) ?? 0
            if now - seen > Self.idleLimit || now - started > Self.absoluteLimit {
                request.session.data["uid"] = nil
            } else if let user = try await DirectoryStore(db: request.db).user(id), user.active,
                (user.credentialsChangedAt?.timeIntervalSince1970 ?? -1) < started
            {
                request.auth.login(try await CurrentUser.load(user, on: request.db))
                // Once a minute is precise enough for a 30-minute idle limit, and spares a session write per request.
                if now - seen >= 60 { request.session.data["seen"] = String(now) }
                // A temporary password is changed before anything else.
                if user.mustChangePassword == true, request.route != nil,
                    ![SitePath.accountPassword.path, SitePath.logout.path].contains(request.url.path)
                {
                    return request.redirect(to: .accountPassword)
                }
            } else {
                request.session.data["uid"] = nil  // deactivated, or the credentials were reset since
            }
        }
        return try await next.respond(to: request)
    }
}

/// API requests carry `Authorization: Bearer <token>`; only the token's SHA-256 is stored.
struct BearerTokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI, let bearer = request.headers.bearerAuthorization,
            let (_, user) = try await DirectoryStore(db: request.db).token(
                hash: APITokens.hash(bearer.token), now: request.services.clock.now())
        {
            request.auth.login(try await CurrentUser.load(user, on: request.db))
        }
        return try await next.respond(to: request)
    }
}

enum APITokens {
    static func hash(_ token: String) -> String {
        AuditLog.sha256(token)
    }

    /// 32 random bytes, URL-safe; shown once to the user, never stored.
    static func generate() -> String {
        let bytes = [UInt8].random(count: 32)
        return "mdn_"
            + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
