import MeedoenCore
import MeedoenStorage
import Vapor

/// The functioneel beheerder's user management: create, (de)activate, unlock, reset password, team.
enum UserAdminController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminUsers, use: list).require(.capability(.manageUsers))
        routes.get(.adminUsersNew, use: newForm).require(.capability(.manageUsers))
        routes.post(.adminUsers, use: create).require(.capability(.manageUsers))
        routes.post(.adminUser(.key, .key), use: act).require(.capability(.manageUsers))
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await listPage(req, newPassword: nil)
    }

    private static func listPage(_ req: Request, newPassword: String?) async throws -> Response {
        let viewer = try req.requireViewer()
        let directory = DirectoryStore(db: req.db)
        let page = UsersPage(
            staff: try await directory.staff(of: viewer.organisationID), teams: try await directory.teamList(of: viewer.organisationID),
            roleName: await req.roleNamer(), now: req.services.clock.now(), newPassword: newPassword)
        return try await req.renderPage("users", title: "Gebruikers", page)
    }

    private static func form(_ req: Request, values: [String: String] = [:], issues: FieldIssues = FieldIssues()) async throws -> Response {
        let viewer = try req.requireViewer()
        let teams = try await DirectoryStore(db: req.db).teamList(of: viewer.organisationID)
        let roles = Role.allCases.filter { $0 != .applicationAdmin }
        let roleName = await req.roleNamer()
        let fields = [
            FormField("username", "Gebruikersnaam", .text, maxLength: 60, autocomplete: "off"),
            FormField("displayName", "Naam", .text, maxLength: 100),
            FormField(
                "role", "Rol", .select,
                options: roles.map {
                    Choice(
                        value: $0.rawValue,
                        label: roleName($0) + (roleName($0) == Dutch.role($0) ? "" : " (\(Dutch.role($0).lowercased()))"), selected: false)
                }),
            FormField(
                "teamId", "Team", .select, optional: true,
                options: [Choice(value: "", label: "Geen team", selected: false)]
                    + teams.map { Choice(value: $0.id.uuidString, label: $0.name, selected: false) }),
        ]
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: "Nieuwe gebruiker",
                intro:
                    "U kiest geen wachtwoord: na het aanmaken ziet u één keer een activeringscode, die u persoonlijk doorgeeft. Daarmee kiest de nieuwe collega zelf een wachtwoord en stelt de tweede factor in.",
                action: SitePath.adminUsers.path, cancel: SitePath.adminUsers.path, submit: "Gebruiker aanmaken",
                sections: [FormSection(fields: fields)], values: values, issues: issues))
    }

    @Sendable static func newForm(req: Request) async throws -> Response { try await form(req) }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let username = reader.requiredUsername("username")
        let name = reader.requiredName("displayName")
        let role = reader.requiredOption("role", as: Role.self)
        if role == .applicationAdmin { reader.fail("role", .unknownOption) }
        if role == .functionalAdmin {
            // A beheerder who could make another beheerder could be their own second pair of eyes.
            reader.fail("role", .custom("Een functioneel beheerder wordt door de applicatiebeheerder aangemaakt (meedoen user add)."))
        }
        let team = reader.raw("teamId").flatMap(UUID.init(uuidString:))
        guard reader.issues.isEmpty, let role else {
            return try await form(req, values: fields, issues: reader.issues)
        }
        let user = UserModel(
            id: req.services.ids.next(), organisationID: viewer.organisationID, username: username, displayName: name, role: role,
            teamID: team, passwordHash: "", createdAt: req.services.clock.now())
        // No password of the beheerder's choosing: the new colleague chooses one with this code.
        let code = try await Activation.issue(for: user, on: req)
        do {
            try await req.recordChange(
                part: "gebruikers", action: "aanmaken", purpose: "gebruiker \(username) aangemaakt, rol \(Dutch.role(role).lowercased())",
                change: ChangeSummary(new: ["gebruiker": username, "rol": role.rawValue])
            ) { db in try await DirectoryStore(db: db).createUser(user) }
        } catch DirectoryStore.Problem.usernameInUse {
            var issues = FieldIssues()
            issues.add("username", .custom("Deze gebruikersnaam is al in gebruik."))
            return try await form(req, values: fields, issues: issues)
        } catch DirectoryStore.Problem.unknownTeam {
            var issues = FieldIssues()
            issues.add("teamId", .unknownOption)
            return try await form(req, values: fields, issues: issues)
        }
        req.session.data["flash"] = "Gebruiker \(username) is aangemaakt."
        return try await listPage(req, newPassword: Self.codeNotice(username, code))
    }

    static func codeNotice(_ username: String, _ code: String) -> String {
        "Activeringscode voor \(username): \(code) — geef die persoonlijk door. Daarmee kiest \(username) op /activate zelf een wachtwoord; de code werkt één keer en zeven dagen en wordt niet opnieuw getoond."
    }

    /// One beheerder resets the password or the second factor of an account, not both within
    /// a week: with both, they could sign in as that colleague. A second beheerder does the other.
    static func fourEyes(_ user: UserModel, _ action: String, by admin: UUID, now: Date) throws {
        guard let by = user.lastResetBy, by == admin, let kind = user.lastResetKind, kind != action,
            let at = user.lastResetAt, now.timeIntervalSince(at) < 7 * 24 * 3600
        else { return }
        throw AppError.conflict(
            "U heeft deze week al \(kind == "reset-2fa" ? "de tweede factor" : "het wachtwoord") van \(user.username) opnieuw ingesteld. Het andere laat u door een tweede functioneel beheerder doen (vier ogen); er is niets gewijzigd."
        )
    }

    /// The small actions on one user, each a button on the list.
    @Sendable static func act(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let user = try await DirectoryStore(db: req.db).user(try req.idParameter()), user.$organisation.id == viewer.organisationID
        else { throw AppError.notFound }
        let action = req.parameters.get("action") ?? ""
        var message: String
        var newPassword: String?
        switch action {
        case "deactivate":
            guard user.id != viewer.userID else { throw AppError.badRequest("U kunt uw eigen account niet uitschakelen.") }
            user.active = false
            message = "\(user.username) is uitgeschakeld. Draag de caseload over als die er is."
        case "activate":
            user.active = true
            message = "\(user.username) is weer actief."
        case "unlock":
            (user.failedLogins, user.lockedUntil) = (0, nil)
            message = "\(user.username) is vrijgegeven."
        case "reset-password":
            try fourEyes(user, action, by: viewer.userID, now: req.services.clock.now())
            // The old password stops working and sessions end; the colleague chooses a new one.
            newPassword = Self.codeNotice(user.username, try await Activation.issue(for: user, on: req))
            message = "Het wachtwoord van \(user.username) werkt niet meer."
        case "reset-2fa":
            try fourEyes(user, action, by: viewer.userID, now: req.services.clock.now())
            (user.totpSecret, user.totpLastStep, user.recoveryCodes) = (nil, nil, nil)
            user.credentialsChangedAt = req.services.clock.now()
            message = "De tweede factor van \(user.username) is gewist; bij de volgende keer inloggen stelt hij of zij een nieuwe in."
        case "team":
            let teamText = try? req.content.get(String.self, at: "teamId")
            let team = teamText.flatMap(UUID.init(uuidString:))
            if let team {
                guard try await DirectoryStore(db: req.db).team(team, belongsTo: viewer.organisationID) else {
                    throw AppError.badRequest("Onbekend team.")
                }
            }
            user.$team.id = team
            message = "Het team van \(user.username) is gewijzigd."
        default:
            throw AppError.notFound
        }
        let now = req.services.clock.now()
        if ["reset-password", "reset-2fa"].contains(action) {
            (user.lastResetBy, user.lastResetKind, user.lastResetAt) = (viewer.userID, action, now)
        }
        try await req.recordChange(
            part: "gebruikers", action: action, purpose: "gebruiker \(user.username), rol \(Dutch.role(user.role).lowercased())",
            change: ChangeSummary(new: ["gebruiker": user.username])
        ) { db in
            try await user.update(on: db)
            if ["deactivate", "reset-password", "reset-2fa"].contains(action) {
                // API keys end with the credentials or the account they belong to, for good.
                try await DirectoryStore(db: db).revokeTokens(of: user.id!, at: now)
            }
        }
        if let newPassword {
            req.session.data["flash"] = message
            return try await listPage(req, newPassword: newPassword)
        }
        return req.redirect(to: .adminUsers, flash: message)
    }
}

/// Passwords: long enough to resist guessing (BIO / NCSC guidance favours length over symbols).
enum PasswordPolicy {
    static let minimumLength = 12

    static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "Kies een wachtwoord van minstens \(minimumLength) tekens." }
        if password.count > 200 { return "Kies een wachtwoord van hoogstens 200 tekens." }
        if Set(password).count < 5 { return "Dit wachtwoord is te eenvoudig; gebruik meer verschillende tekens." }
        return nil
    }
}
