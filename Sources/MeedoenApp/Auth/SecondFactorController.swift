import MeedoenCore
import MeedoenStorage
import Vapor

/// The second factor after the password (BIO): a code from an authenticator app, or one of the
/// one-time recovery codes. Set up on first log-in; the functioneel beheerder can reset it.
enum SecondFactorController {
    static let pendingLimit: TimeInterval = 5 * 60

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.loginSecondFactor, use: form).require(.open)
        routes.post(.loginSecondFactor, use: verify).require(.open)
        routes.get(.loginEnroll, use: enrollForm).require(.open)
        routes.post(.loginEnroll, use: enroll).require(.open)
    }

    /// The user who gave the right password a moment ago, in this session.
    private static func pendingUser(_ req: Request) async throws -> UserModel? {
        guard let id = req.session.data["pending"].flatMap(UUID.init(uuidString:)),
            let since = req.session.data["pendingSince"].flatMap(Double.init),
            req.services.clock.now().timeIntervalSince1970 - since < pendingLimit,
            let user = try await DirectoryStore(db: req.db).user(id), user.active,
            (user.lockedUntil ?? .distantPast) <= req.services.clock.now()
        else { return nil }
        return user
    }

    struct CodePage: Encodable {
        var error: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        guard let user = try await pendingUser(req), user.totpSecret != nil else { return req.redirect(to: .login) }
        return try await req.renderPage("second-factor", title: "Tweede stap van inloggen", CodePage(error: nil))
    }

    @Sendable static func verify(req: Request) async throws -> Response {
        guard let user = try await pendingUser(req), let secretText = user.totpSecret, let secret = Base32.decode(secretText) else {
            return req.redirect(to: .login)
        }
        guard let attempt = try await req.reserveLoginAttempt() else {
            return try await req.renderPage(
                "second-factor", title: "Tweede stap van inloggen", CodePage(error: LoginController.tooManyAttempts),
                status: .tooManyRequests)
        }
        let directory = DirectoryStore(db: req.db)
        let now = req.services.clock.now()
        // Claimed before the code is checked: parallel guesses cannot pass the lock.
        guard
            let count = try await req.claimAttempt(on: user)
        else {
            try await LoginAttemptStore(db: req.db).failed(attempt)
            return try await refuse(req)
        }
        let code = ((try? req.content.get(String.self, at: "code")) ?? "").filter { !$0.isWhitespace }
        // A code counts once, also when sent from several sessions at the same moment.
        if code.count == TOTP.digits, code.allSatisfy(\.isNumber),
            let step = TOTP.matchingStep(code, secret: secret, at: now, after: user.totpLastStep),
            try await directory.claimTOTPStep(user.id!, step: step)
        {
            try await LoginAttemptStore(db: req.db).succeeded(attempt)
            return try await LoginController.signIn(req, user)
        }
        if let stored = user.recoveryCodes, let remaining = RecoveryCodes.use(code, from: stored),
            try await directory.claimRecoveryCode(user.id!, from: stored, to: remaining)
        {
            try await LoginAttemptStore(db: req.db).succeeded(attempt)
            try await req.audit(as: user, part: "sessie", action: "herstelcode", purpose: "inloggen met herstelcode")
            return try await LoginController.signIn(req, user)
        }
        try await LoginAttemptStore(db: req.db).failed(attempt)
        if count >= LoginController.maxFailures { try await LoginController.locked(req, user) }
        return try await refuse(req)
    }

    private static func refuse(_ req: Request) async throws -> Response {
        try await Task.sleep(for: .milliseconds(400))
        return try await req.renderPage(
            "second-factor", title: "Tweede stap van inloggen",
            CodePage(error: "Deze code klopt niet of is al gebruikt. Neem de nieuwste code uit uw app, of een herstelcode."),
            status: .unauthorized)
    }

    struct EnrollPage: Encodable {
        var secret: String
        var grouped: String
        var uri: String
        var error: String?
        var recoveryCodes: [String]?
    }

    private static func enrollPage(_ req: Request, _ user: UserModel, error: String? = nil, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        // The secret waits in the session while the user scans it: sealed, like everything personal there.
        let sealer = req.services.sessionSealer
        let secret = req.session.data["enrollSecret"].flatMap(sealer.open) ?? Base32.encode(TOTP.newSecret())
        req.session.data["enrollSecret"] = sealer.seal(secret)
        let grouped = stride(from: 0, to: secret.count, by: 4).map { String(Array(secret)[$0..<min($0 + 4, secret.count)]) }.joined(
            separator: " ")
        let issuer = "Meedoen"
        let uri = "otpauth://totp/\(issuer):\(user.username)?secret=\(secret)&issuer=\(issuer)&digits=6&period=30"
        return try await req.renderPage(
            "enroll", title: "Tweede factor instellen", EnrollPage(secret: secret, grouped: grouped, uri: uri, error: error), status: status
        )
    }

    @Sendable static func enrollForm(req: Request) async throws -> Response {
        guard let user = try await pendingUser(req), user.totpSecret == nil else { return req.redirect(to: .login) }
        return try await enrollPage(req, user)
    }

    @Sendable static func enroll(req: Request) async throws -> Response {
        guard let user = try await pendingUser(req), user.totpSecret == nil,
            let secretText = req.session.data["enrollSecret"].flatMap(req.services.sessionSealer.open),
            let secret = Base32.decode(secretText)
        else { return req.redirect(to: .login) }
        guard let attempt = try await req.reserveLoginAttempt() else {
            return try await enrollPage(req, user, error: LoginController.tooManyAttempts, status: .tooManyRequests)
        }
        let code = ((try? req.content.get(String.self, at: "code")) ?? "").filter { !$0.isWhitespace }
        guard let step = TOTP.matchingStep(code, secret: secret, at: req.services.clock.now(), after: nil) else {
            try await LoginAttemptStore(db: req.db).failed(attempt)
            return try await enrollPage(
                req, user, error: "Deze code klopt niet. Controleer of de tijd op uw telefoon juist staat en neem de nieuwste code.",
                status: .badRequest)
        }
        try await LoginAttemptStore(db: req.db).succeeded(attempt)
        let codes = RecoveryCodes.generate()
        (user.totpSecret, user.totpLastStep, user.recoveryCodes) = (secretText, step, RecoveryCodes.store(codes))
        try await req.recordChange { tx in
            try await user.update(on: tx.db)
            try await tx.append(req.auditRecord(as: user, part: "gebruikers", action: "tweede factor", purpose: "tweede factor ingesteld"))
        }
        req.session.data["enrollSecret"] = nil
        _ = try await LoginController.signIn(req, user)
        let page = EnrollPage(secret: "", grouped: "", uri: "", error: nil, recoveryCodes: codes)
        return try await req.renderPage("enroll", title: "Herstelcodes", page)
    }
}

/// Ten one-time codes for when the phone is lost; only their SHA-256 is stored.
enum RecoveryCodes {
    static func generate() -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<10).map { _ in
            let raw = String((0..<8).map { _ in alphabet.randomElement()! })
            return raw.prefix(4) + "-" + raw.suffix(4)
        }
    }

    static func store(_ codes: [String]) -> String { codes.map { AuditLog.sha256($0) }.joined(separator: " ") }

    /// The stored codes without the one used, or nil when the code is not one of them.
    static func use(_ code: String, from stored: String?) -> String? {
        let normalised = code.lowercased()
        guard normalised.count == 9, let stored else { return nil }
        var hashes = stored.split(separator: " ").map(String.init)
        guard let index = hashes.firstIndex(of: AuditLog.sha256(normalised)) else { return nil }
        hashes.remove(at: index)
        return hashes.joined(separator: " ")
    }
}
