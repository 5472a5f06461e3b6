import MeedoenCore
import MeedoenStorage
import Vapor

/// Log-in and log-out. Failures all get the same answer, so the page reveals nothing about which
/// usernames exist; repeated failures lock the account for a while.
enum LoginController {
    static let maxFailures = 5
    /// Verified against when the username is unknown; no password matches it.
    static let dummyHash = try! Bcrypt.hash(UUID().uuidString, cost: 11)
    static let lockDuration: TimeInterval = 15 * 60

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.login, use: form).require(.open)
        routes.post(.login, use: login).require(.open)
        routes.post(.logout, use: logout).require(.open)
        routes.get(.home, use: home).require(.signedIn)
    }

    struct LoginPage: Encodable {
        var username: String
        var error: String?
    }

    struct Credentials: Content {
        var username: String?
        var password: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: .home) }
        return try await req.renderPage("login", title: "Inloggen", LoginPage(username: "", error: nil))
    }

    @Sendable static func login(req: Request) async throws -> Response {
        guard let attempt = try await req.reserveLoginAttempt() else {
            let page = LoginPage(username: "", error: tooManyAttempts)
            return try await req.renderPage("login", title: "Inloggen", page, status: .tooManyRequests)
        }
        let credentials = try req.content.decode(Credentials.self)
        let username = (credentials.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = credentials.password ?? ""
        let now = req.services.clock.now()
        let directory = DirectoryStore(db: req.db)

        let found = username.count <= 100 ? try await directory.user(username: username) : nil
        // The account's attempt is claimed before the password is checked, so parallel guesses
        // cannot all pass the lock; a locked account gets the same answer as a wrong password.
        var claimed: Int?
        if let found, found.active, !password.isEmpty {
            claimed = try await req.claimAttempt(on: found)
        }
        // Always one bcrypt verification, also for an unknown or locked user, so the answer time
        // does not tell which usernames exist.
        let matches = try await req.password.async.verify(String(password.prefix(200)), created: found?.passwordHash ?? Self.dummyHash)
        guard let user = found, claimed != nil, matches else {
            try await LoginAttemptStore(db: req.db).failed(attempt)
            if let user = found, let count = claimed, count >= maxFailures { try await locked(req, user) }
            try await Task.sleep(for: .milliseconds(400))
            return try await refusalPage(req, username: username)
        }
        try await LoginAttemptStore(db: req.db).succeeded(attempt)

        try await freshSession(req)
        if req.services.settings.secondFactor && user.role.needsSecondFactor {
            // The password is right; the session is signed in only after the second factor, and
            // only then does the failure count start again.
            try await directory.releaseAttempt(user.id!, maxFailures: maxFailures)
            req.session.data["pending"] = user.id!.uuidString
            req.session.data["pendingSince"] = String(now.timeIntervalSince1970)
            return req.redirect(to: user.totpSecret == nil ? SitePath.loginEnroll.path : SitePath.loginSecondFactor.path)
        }
        return try await signIn(req, user)
    }

    static let tooManyAttempts =
        "Er is vanaf dit adres te vaak zonder succes geprobeerd in te loggen. Wacht vijf minuten en probeer het dan opnieuw."

    /// The account just reached its limit: its API keys end with it.
    static func locked(_ req: Request, _ user: UserModel) async throws {
        let now = req.services.clock.now()
        try await req.recordChange { tx in
            try await DirectoryStore(db: tx.db).revokeTokens(of: user.id!, at: now)
            try await tx.append(
                req.auditRecord(
                    as: user, part: "sessie", action: "blokkeren", purpose: "\(maxFailures) mislukte pogingen; API-sleutels ingetrokken"))
        }
    }

    /// A fresh session id at log-in, so a session fixed before log-in is worth nothing after it.
    static func freshSession(_ req: Request) async throws {
        if let old = req.session.id { try? await req.application.sessions.driver.deleteSession(old, for: req).get() }
        req.session.id = nil
        req.session.data = SessionData()
    }

    static func signIn(_ req: Request, _ user: UserModel) async throws -> Response {
        let now = req.services.clock.now()
        try await DirectoryStore(db: req.db).clearFailures(user.id!)
        req.session.data["pending"] = nil
        req.session.data["uid"] = user.id!.uuidString
        // A session counts from after the last credential change it knows of (see SessionUserMiddleware).
        let started = max(now.timeIntervalSince1970, (user.credentialsChangedAt?.timeIntervalSince1970 ?? 0) + 0.001)
        req.session.data["started"] = String(started)
        req.session.data["seen"] = String(now.timeIntervalSince1970)
        req.auth.login(try await CurrentUser.load(user, on: req.db))
        try await req.audit(part: "sessie", action: "inloggen", purpose: "inloggen")
        return req.redirect(to: .home)
    }

    private static func refusalPage(_ req: Request, username: String) async throws -> Response {
        let page = LoginPage(
            username: String(username.prefix(100)),
            error:
                "Deze combinatie van gebruikersnaam en wachtwoord kennen wij niet, of het account is tijdelijk geblokkeerd. Na \(maxFailures) mislukte pogingen wordt een account 15 minuten geblokkeerd; uw functioneel beheerder kan het eerder vrijgeven."
        )
        return try await req.renderPage("login", title: "Inloggen", page, status: .unauthorized)
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if req.currentUser != nil { try await req.audit(part: "sessie", action: "uitloggen", purpose: "uitloggen") }
        req.auth.logout(CurrentUser.self)
        req.session.destroy()
        return req.redirect(to: .login)
    }

    /// Each role starts where its daily work is.
    @Sendable static func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        switch user.role {
        case .caseManager: return req.redirect(to: .caseload)
        case .teamLeader: return req.redirect(to: .households)
        case .functionalAdmin: return req.redirect(to: .adminUsers)
        default:
            return try await req.renderPage("home", title: "Start", HomePage(role: await req.roleName(user.role)))
        }
    }

    struct HomePage: Encodable { var role: String }
}

extension Request {
    /// Claims one attempt (password or code) on the account under the log-in limits: nil when it
    /// is locked, else the attempts counted now.
    func claimAttempt(on user: UserModel) async throws -> Int? {
        let now = services.clock.now()
        return try await DirectoryStore(db: db).claimAttempt(
            user.id!, now: now, maxFailures: LoginController.maxFailures, lockUntil: now.addingTimeInterval(LoginController.lockDuration))
    }

    /// An entry for a user who is not (yet) signed in on this request: a lock, a recovery code, an activation.
    func audit(as user: UserModel, part: String, action: String, purpose: String) async throws {
        try await services.auditLog.append(auditRecord(as: user, part: part, action: action, purpose: purpose), on: db)
    }

    /// An entry on behalf of a user who is not signed in yet (log-in, activation).
    func auditRecord(as user: UserModel, part: String, action: String, purpose: String) -> AuditRecord {
        AuditRecord(
            actorID: user.id, actorName: user.username, actorRole: user.role.rawValue, organisationID: user.$organisation.id,
            part: part, action: action, purpose: purpose, remote: clientAddress)
    }

    /// Claims a log-in attempt for the client's address (20 failures per 5 minutes); nil when used up.
    func reserveLoginAttempt() async throws -> UUID? {
        try await LoginAttemptStore(db: db).reserve(address: clientAddress, now: services.clock.now())
    }
}
