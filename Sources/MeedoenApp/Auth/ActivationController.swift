import MeedoenCore
import MeedoenStorage
import Vapor

/// A new or reset account chooses its own password (and then sets up its second factor): the
/// functioneel beheerder hands over a one-time activation code, never a password, so the
/// beheerder — who sees no file — cannot sign in as someone who does (issue 12, point 3).
enum Activation {
    static let validity: TimeInterval = 7 * 24 * 3600

    /// A fresh code (about 100 bits), shown once; only its SHA-256 is kept. The account's old
    /// password stops working at once.
    static func issue(for user: UserModel, on req: Request) async throws -> String {
        issue(for: user, now: req.services.clock.now(), passwordHash: try await req.password.async.hash(unguessablePassword()))
    }

    /// The same outside a request (`meedoen user add`): `passwordHash` is the hash of `unguessablePassword()`.
    static func issue(for user: UserModel, now: Date, passwordHash: String) -> String {
        let code = newCode()
        user.passwordHash = passwordHash
        (user.activationHash, user.activationExpiresAt) = (AuditLog.sha256(code), now.addingTimeInterval(validity))
        (user.mustChangePassword, user.credentialsChangedAt, user.failedLogins, user.lockedUntil) = (false, now, 0, nil)
        return code
    }

    /// A random password nobody knows: until the code is used, the account cannot be signed in to.
    static func unguessablePassword() -> String { [UInt8].random(count: 32).map { String(format: "%02x", $0) }.joined() }

    /// Four groups of five from an alphabet without look-alikes (no 0/o, 1/l/i).
    static func newCode() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement()! }) }.joined(separator: "-")
    }

    static func normalised(_ code: String) -> String {
        code.lowercased().filter { !$0.isWhitespace }
    }
}

enum ActivationController {
    static let pendingLimit: TimeInterval = 15 * 60

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.activate, use: form).require(.open)
        routes.post(.activate, use: check).require(.open)
        routes.get(.activatePassword, use: passwordForm).require(.open)
        routes.post(.activatePassword, use: choosePassword).require(.open)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        try await req.renderForm(
            "activate", FormPage(heading: "Account activeren", action: SitePath.activate.path, cancel: SitePath.login.path))
    }

    @Sendable static func check(req: Request) async throws -> Response {
        let fields = try req.formFields()
        func refusal(_ message: String, _ status: HTTPResponseStatus) async throws -> Response {
            var issues = FieldIssues()
            issues.add("code", .custom(message))
            let page = FormPage(
                heading: "Account activeren", action: SitePath.activate.path, cancel: SitePath.login.path,
                values: ["username": fields["username"] ?? ""],
                issues: issues)
            return try await req.renderPage("activate", title: page.heading, page, status: status)
        }
        guard let attempt = try await req.reserveLoginAttempt() else {
            return try await refusal(LoginController.tooManyAttempts, .tooManyRequests)
        }
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let code = Activation.normalised(fields["code"] ?? "")
        let now = req.services.clock.now()
        guard username.count <= 100, let user = try await DirectoryStore(db: req.db).user(username: username), user.active,
            let hash = user.activationHash, hash == AuditLog.sha256(code), (user.activationExpiresAt ?? .distantPast) > now
        else {
            try await LoginAttemptStore(db: req.db).failed(attempt)
            try await Task.sleep(for: .milliseconds(400))
            return try await refusal(
                "Deze combinatie van gebruikersnaam en activeringscode kennen wij niet, of de code is verlopen of al gebruikt. Vraag uw functioneel beheerder om een nieuwe.",
                .unauthorized)
        }
        try await LoginAttemptStore(db: req.db).succeeded(attempt)
        try await LoginController.freshSession(req)
        req.session.data["activating"] = user.id!.uuidString
        req.session.data["activatingSince"] = String(now.timeIntervalSince1970)
        return req.redirect(to: .activatePassword)
    }

    /// The account whose code was given a moment ago, in this session.
    private static func activating(_ req: Request) async throws -> UserModel? {
        guard let id = req.session.data["activating"].flatMap(UUID.init(uuidString:)),
            let since = req.session.data["activatingSince"].flatMap(Double.init),
            req.services.clock.now().timeIntervalSince1970 - since < pendingLimit,
            let user = try await DirectoryStore(db: req.db).user(id), user.active, user.activationHash != nil
        else { return nil }
        return user
    }

    private static func passwordPage(_ req: Request, issues: FieldIssues = FieldIssues()) async throws -> Response {
        try await req.renderForm(
            "activate-password",
            FormPage(heading: "Kies uw wachtwoord", action: SitePath.activatePassword.path, cancel: SitePath.login.path, issues: issues))
    }

    @Sendable static func passwordForm(req: Request) async throws -> Response {
        guard try await activating(req) != nil else { return req.redirect(to: .activate) }
        return try await passwordPage(req)
    }

    @Sendable static func choosePassword(req: Request) async throws -> Response {
        guard let user = try await activating(req) else { return req.redirect(to: .activate) }
        let fields = try req.formFields()
        let new = fields["new"] ?? ""
        var issues = FieldIssues()
        if let problem = PasswordPolicy.problem(with: new) { issues.add("new", .custom(problem)) }
        if new != (fields["repeat"] ?? "") { issues.add("repeat", .custom("De twee wachtwoorden zijn niet gelijk.")) }
        guard issues.isEmpty else { return try await passwordPage(req, issues: issues) }
        let now = req.services.clock.now()
        user.passwordHash = try await req.password.async.hash(new)
        (user.activationHash, user.activationExpiresAt, user.credentialsChangedAt) = (nil, nil, now)
        try await req.recordChange { tx in
            try await user.update(on: tx.db)
            try await tx.append(
                req.auditRecord(as: user, part: "gebruikers", action: "activeren", purpose: "eigen wachtwoord gekozen met activeringscode"))
        }
        req.session.data["activating"] = nil
        req.session.data["activatingSince"] = nil
        if req.services.settings.secondFactor && user.role.needsSecondFactor {
            guard user.totpSecret == nil else {
                return req.redirect(to: .login, flash: "Uw wachtwoord is ingesteld. Log in met uw wachtwoord en de code uit uw app.")
            }
            req.session.data["pending"] = user.id!.uuidString
            req.session.data["pendingSince"] = String(now.timeIntervalSince1970)
            return req.redirect(to: .loginEnroll)
        }
        return try await LoginController.signIn(req, user)
    }
}
