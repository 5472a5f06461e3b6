import MeedoenCore
import MeedoenStorage
import Vapor

/// Changing one's own password; required after a reset by the functioneel beheerder.
enum PasswordController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.accountPassword, use: form).require(.signedIn)
        routes.post(.accountPassword, use: change).require(.signedIn)
    }

    private static func page(_ req: Request, issues: FieldIssues = FieldIssues()) async throws -> Response {
        let user = try req.requireUser()
        let mustChange = try await DirectoryStore(db: req.db).user(user.id)?.mustChangePassword == true
        let form = FormPage(
            heading: mustChange ? "Kies een nieuw wachtwoord" : "Wachtwoord wijzigen", action: SitePath.accountPassword.path,
            cancel: SitePath.home.path,
            issues: issues,
            facts: mustChange ? ["note": "U bent ingelogd met een tijdelijk wachtwoord. Kies eerst een eigen wachtwoord."] : [:])
        return try await req.renderForm("password", form)
    }

    @Sendable static func form(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func change(req: Request) async throws -> Response {
        let current = try req.requireUser()
        guard let user = try await DirectoryStore(db: req.db).user(current.id) else { throw AppError.notSignedIn }
        let fields = try req.content.decode([String: String].self)
        var issues = FieldIssues()
        if !(try await req.password.async.verify(String((fields["current"] ?? "").prefix(200)), created: user.passwordHash)) {
            issues.add("current", .custom("Dit is niet uw huidige wachtwoord."))
        }
        let new = fields["new"] ?? ""
        if let problem = PasswordPolicy.problem(with: new) { issues.add("new", .custom(problem)) }
        if new != (fields["repeat"] ?? "") { issues.add("repeat", .custom("De twee nieuwe wachtwoorden zijn niet gelijk.")) }
        if new == fields["current"] { issues.add("new", .custom("Kies een ander wachtwoord dan het huidige.")) }
        guard issues.isEmpty else {
            if issues["current"] != nil {
                let count = try await req.claimAttempt(on: user)
                if (count ?? LoginController.maxFailures) >= LoginController.maxFailures { try await LoginController.locked(req, user) }
            }
            return try await page(req, issues: issues)
        }
        let now = req.services.clock.now()
        user.passwordHash = try await req.password.async.hash(new)
        (user.mustChangePassword, user.credentialsChangedAt) = (false, now)
        try await req.recordChange(part: "gebruikers", action: "wachtwoord", purpose: "eigen wachtwoord gewijzigd") { db in
            try await user.update(on: db)
            // API keys end with the credentials they were made under.
            try await DirectoryStore(db: db).revokeTokens(of: user.id!, at: now)
        }
        // Other sessions of this user end; this one goes on.
        req.session.data["started"] = String(now.timeIntervalSince1970 + 0.001)
        return req.redirect(to: .home, flash: "Uw wachtwoord is gewijzigd.")
    }
}
