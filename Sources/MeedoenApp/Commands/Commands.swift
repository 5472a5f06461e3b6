import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(TokenCommands(), as: "token")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(RetentionCommands(), as: "retention")
}

/// Starts Meedoen from the command line: `serve` (the default) migrates, loads the demo data into
/// an empty database and prints where to log in; other commands run as they are.
public enum Meedoen {
    public static func run(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        let settings = try Settings.fromEnvironment(workingDirectory: app.directory.workingDirectory, command: command)
        try await configure(app, settings: settings)
        if command == nil || command == "serve" {
            try await prepareForServing(app)
            app.auditMaintenance?.startSchedule(app)
            app.lifecycle.use(TaskCanceller(task: WorklistDueMaintenance.startSchedule(app)))
            let cleanup = SessionCleanup.schedule(app)
            app.lifecycle.use(TaskCanceller(task: cleanup))
        }
        try await app.execute()
    }

    static func prepareForServing(_ app: Application) async throws {
        try await app.autoMigrate()
        try await app.meedoen.auditLog.sealIfNeeded(on: app.db)
        try await syncShippedParameters(app)
        // Demo accounts share a published password: they are loaded only when asked for
        // (MEEDOEN_DEMO=1), into an empty database.
        if app.meedoen.settings.demo, try await OrganisationModel.query(on: app.db).count() == 0 {
            let summary = try await DemoCommand.load(app)
            try await DemoCommand.anchorFreshStart(app)
            app.logger.notice(
                "Demodata geladen: \(summary.households) huishoudens, \(summary.residents) inwoners, \(summary.users) gebruikers.")
        }
        try await installShippedProfiles(app)
        let rows = try await WorklistDueMaintenance.refreshAll(app)
        app.logger.info("Werklijsten bijgewerkt: \(rows) termijnen.")
        if try await DirectoryStore(db: app.db).user(username: "km1.steenwijkerland") != nil {
            let (host, port) = servingAddress(app)
            print(DemoCommand.loginText(host: host, port: port))
        }
        print(
            app.meedoen.settings.secondFactor
                ? "Tweede factor staat AAN: wie persoonsgegevens kan zien, koppelt bij de eerste keer inloggen een authenticator-app. Voor een demo zonder tweede factor: MEEDOEN_2FA=off."
                : "Tweede factor staat UIT (MEEDOEN_2FA=off): alleen voor een demo, nooit met echte gegevens.")
    }
}

extension Meedoen {
    /// Where `serve` will listen: its `--hostname`/`-H` and `--port`/`-p` options, read ahead of
    /// the command so the start banner names the real address.
    static func servingAddress(_ app: Application) -> (host: String, port: Int) {
        let arguments = app.environment.arguments
        func value(_ names: [String]) -> String? {
            guard let index = arguments.firstIndex(where: names.contains), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        let configuration = app.http.server.configuration
        return (value(["--hostname", "-H"]) ?? configuration.hostname, value(["--port", "-p"]).flatMap(Int.init) ?? configuration.port)
    }

    /// Adds shipped legal parameters the database does not have yet (a new installation, or a
    /// Meedoen version with a newer period); values the applicatiebeheerder set are kept.
    static func syncShippedParameters(_ app: Application) async throws {
        let added = try await LegalParameterStore(db: app.db).addMissing(
            app.meedoen.shipped.parameters, recordedAt: app.meedoen.clock.now())
        if added > 0 { app.logger.notice("\(added) wettelijke parameters toegevoegd uit Resources/Parameters.") }
    }
}

/// `meedoen demo [--seed N]`: empties the database and loads the demo data.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "Startgetal voor de gegenereerde data (dezelfde seed geeft dezelfde data)")
        var seed: UInt64?
    }

    var help: String { "Leegt de database en laadt de demodata: vier organisaties, de zes persona's en duizenden huishoudens." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoRevert()
        try await app.autoMigrate()
        try await Meedoen.syncShippedParameters(app)
        let start = ContinuousClock.now
        let summary = try await Self.load(app, seed: signature.seed)
        try await Self.anchorFreshStart(app)
        context.console.print(
            "Geladen in \(ContinuousClock.now - start): \(summary.organisations) organisaties, \(summary.households) huishoudens, \(summary.residents) inwoners, \(summary.users) gebruikers."
        )
        context.console.print(Self.loginText(host: app.http.server.configuration.hostname, port: app.http.server.configuration.port))
    }

    /// The demo database was (re)made on purpose: the anchor file starts over from its head, so
    /// the old anchors do not read as a cut-off log.
    static func anchorFreshStart(_ app: Application) async throws {
        guard let anchors = app.meedoen.auditAnchors else { return }
        let head = try await AuditLog.head(on: app.db)
        try anchors.append(seq: head.seq, hash: head.hash, at: app.meedoen.clock.now(), kind: "hersteld")
    }

    static func load(_ app: Application, seed: UInt64? = nil) async throws -> DemoSummary {
        // One hash for every demo account: bcrypt is slow on purpose, and they share the password.
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(DemoLoader.password).get()
        let seed = seed ?? app.meedoen.settings.demoSeed
        var loader = DemoLoader(seed: seed, passwordHash: hash, recordedAt: app.meedoen.clock.now())
        let summary = try await loader.load(on: app.db)
        // The casework is decided by each organisation's own profile, so the profiles go in first.
        try await Meedoen.installShippedProfiles(app)
        var profiles: [UUID: (version: Int, profile: PolicyProfile)] = [:]
        for organisation in try await OrganisationModel.query(on: app.db).all() {
            if let stored = try await PolicyProfileStore(db: app.db).current(organisation.id!, on: DemoLoader.referenceDay) {
                profiles[organisation.id!] = (stored.version, stored.profile)
            }
        }
        var casework = DemoCasework(seed: seed, recordedAt: app.meedoen.clock.now(), describe: Dutch.proposalReason)
        _ = try await casework.load(on: app.db, profiles: profiles)
        // Each demo intake, plan and review was a conversation: it is a contact too.
        try await M013_LinkConversationsToContacts.linkMissing(on: app.db)
        try await M015_AddContactParticipants.addMissing(on: app.db)
        // The worklists read the stored due dates: the loaded files get theirs.
        try await WorklistDueMaintenance.refreshAll(app)
        return summary
    }

    static func loginText(host: String, port: Int) -> String {
        """

        Meedoen draait op http://\(host):\(port)
        Demo-inlog (wachtwoord voor alle demo-accounts: \(DemoLoader.password)):
          km1.steenwijkerland  klantmanager, regisseur van de zes persona's (Yvonne, Farah, Anne, Pieter, Johan, Selena)
          tl1.steenwijkerland  teamleider
          fb.steenwijkerland   functioneel beheerder
          km1.wpda             klantmanager bij Werkplein Drentsche Aa (Assen, Aa en Hunze, Tynaarlo)
          km1.nijkerk          klantmanager Nijkerk
          km1.wijchen          klantmanager Wijchen
          bm.steenwijkerland   beleidsmedewerker (ziet geen dossiers)

        """
    }
}

/// `meedoen user add …`
struct UserCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["add": UserAddCommand()] }
    var help: String { "Gebruikers beheren." }
}

struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Gebruikersnaam (letters, cijfers, punt)") var username: String?
        @Option(name: "name", help: "Naam zoals collega's die zien") var name: String?
        @Option(name: "role", help: "Rol: \(Role.allCases.map(\.rawValue).joined(separator: ", "))") var role: String?
        @Option(name: "organisation", help: "Code van de organisatie, bv. steenwijkerland (niet voor applicationAdmin)") var organisation:
            String?
        @Option(name: "team", help: "Naam van het team (optioneel)") var team: String?
    }

    var help: String { "Maakt een gebruiker aan en toont een activeringscode; de gebruiker kiest zelf een wachtwoord." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let username = signature.username, let name = signature.name, let roleText = signature.role else {
            throw CommandError("Geef --username, --name en --role op (zie --help).")
        }
        var reader = FormReader(["username": username, "name": name], today: app.meedoen.clock.today)
        let checkedUsername = reader.requiredUsername("username")
        let checkedName = reader.requiredName("name")
        if let problem = reader.issues.items.first {
            throw CommandError("--\(problem.field): \(Dutch.issue(problem.issue))")
        }
        guard let role = Role(rawValue: roleText) else {
            throw CommandError("Onbekende rol '\(roleText)'. Kies uit: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let directory = DirectoryStore(db: app.db)
        var organisationID: UUID?
        if role != .applicationAdmin {
            guard let code = signature.organisation, let organisation = try await directory.organisation(code: code) else {
                throw CommandError(
                    "Onbekende of ontbrekende --organisation. Bekend: \(try await directory.organisations().map(\.code).joined(separator: ", "))."
                )
            }
            organisationID = organisation.id
        }
        var teamID: UUID?
        if let teamName = signature.team, let organisationID {
            guard let team = try await directory.teams(of: organisationID).first(where: { $0.name == teamName }) else {
                throw CommandError("Onbekend team '\(teamName)'.")
            }
            teamID = team.id
        }
        // No password is set here either: the colleague chooses one with the activation code.
        let now = app.meedoen.clock.now()
        let user = UserModel(
            id: UUID(), organisationID: organisationID, username: checkedUsername, displayName: checkedName, role: role, teamID: teamID,
            passwordHash: "", createdAt: now)
        let code = Activation.issue(for: user, now: now, passwordHash: try app.password.hash(Activation.unguessablePassword()))
        let entry = AuditRecord(
            actorID: nil, actorName: "beheer (opdrachtregel)", actorRole: "systeem", organisationID: organisationID, part: "gebruikers",
            action: "aanmaken", purpose: "gebruiker \(checkedUsername) aangemaakt, rol \(Dutch.role(role).lowercased())")
        // The account and its log entry in one transaction, as every write of the app.
        do {
            try await app.meedoen.auditLog.transaction(on: app.db) { tx in
                try await DirectoryStore(db: tx.db).createUser(user)
                try await tx.append(entry)
            }
        } catch DirectoryStore.Problem.usernameInUse {
            throw CommandError("De gebruikersnaam '\(username)' bestaat al.")
        }
        context.console.print("Gebruiker \(checkedUsername) (\(role.rawValue)) is aangemaakt.")
        context.console.print(
            "Activeringscode (één keer, zeven dagen; geef hem persoonlijk door, de gebruiker kiest op /activate een wachtwoord):")
        context.console.print(code)
    }
}

/// `meedoen token add --username X --name Y`: an API key for a koppeling, printed once.
struct TokenCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["add": TokenAddCommand()] }
    var help: String { "API-sleutels beheren." }
}

struct TokenAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Gebruiker namens wie de koppeling werkt") var username: String?
        @Option(name: "name", help: "Naam van de sleutel, bv. de koppeling") var name: String?
        @Option(name: "days", help: "Geldig voor zoveel dagen (standaard 90, hoogstens 365)") var days: Int?
    }

    var help: String { "Maakt een API-sleutel en toont die één keer." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let username = signature.username, let user = try await DirectoryStore(db: app.db).user(username: username) else {
            throw CommandError("Onbekende of ontbrekende --username.")
        }
        let days = signature.days ?? APITokenModel.defaultDays
        guard (1...APITokenModel.maximumDays).contains(days) else {
            throw CommandError("--days moet tussen 1 en \(APITokenModel.maximumDays) liggen.")
        }
        let token = APITokens.generate()
        let expires = try await DirectoryStore(db: app.db).addKey(
            id: app.meedoen.ids.next(), userID: user.id!, name: signature.name ?? "koppeling", hash: APITokens.hash(token),
            at: app.meedoen.clock.now(), days: days)
        context.console.print("Geldig tot \(Dutch.moment(expires)). De sleutel (wordt niet opnieuw getoond):")
        context.console.print(token)
    }
}

/// `meedoen audit verify`: checks the hash chain of the access log.
struct AuditCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
    var help: String { "Het toegangslog controleren." }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Controleert de hashketen van het toegangslog en meldt de eerste gebroken schakel." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.meedoen.auditLog.sealIfNeeded(on: app.db)
        let result = try await AuditMaintenance.verifyAndRecord(app)
        if !result.intact {
            let at = result.firstBrokenSeq.map { "regel \($0): " } ?? ""
            throw CommandError(
                "Toegangslog NIET intact: \(at)\(result.problem ?? ""). \(result.entriesChecked) regels daarvoor zijn in orde.")
        }
        context.console.print("Toegangslog intact: \(result.entriesChecked) regels gecontroleerd.")
        if app.meedoen.auditAnchors == nil {
            context.console.print("Geen ankerbestand ingesteld (MEEDOEN_AUDIT_ANCHOR_FILE): een afgeknipt einde is zo niet te zien.")
        } else if let anchored = result.anchoredSeq {
            context.console.print(
                "Verankerd tot volgnummer \(anchored); \(result.unanchored) regel(s) daarna nog niet verankerd (niet gebroken).")
        } else {
            context.console.print("Nog geen anker buiten de database; \(result.unanchored) regel(s) nog niet verankerd.")
        }
        context.console.print("Laatste regel \(result.headSeq), hash \(result.headHash).")
    }
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `meedoen retention run [--dry-run]`: anonymises files past their term and destroys old log values.
struct RetentionCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["run": RetentionRunCommand()] }
    var help: String { "Bewaartermijnen toepassen." }
}

struct RetentionRunCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "Alleen tonen wat er zou gebeuren; niets wijzigen") var dryRun: Bool
    }

    var help: String {
        "Anonimiseert dossiers waarvan de ondersteuning langer dan de bewaartermijn geleden eindigde en vernietigt oude/nieuwe waarden in het toegangslog; schrijft een vernietigingsregistratie."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let summary = try await Self.run(app, dryRun: signature.dryRun) { context.console.print($0) }
        context.console.print(
            (signature.dryRun ? "Proefdraai, niets gewijzigd: " : "Klaar: ")
                + "\(summary.households) huishoudens (\(summary.residents) inwoners), \(summary.auditPayloads) oude/nieuwe waarden.")
    }

    static func run(_ app: Application, dryRun: Bool, report: (String) -> Void) async throws -> RetentionStore.Summary {
        let services = app.meedoen
        let terms = services.shipped.retention
        let store = RetentionStore(db: app.db)
        let files = try await store.dueFiles(today: services.clock.today, terms: terms)
        let payloads = try await store.duePayloads(now: services.clock.now(), terms: terms)
        report(
            "Bewaartermijnen: dossiers \(terms.clientFileYears) jaar na einde ondersteuning, logwaarden \(terms.auditPayloadYears) jaar. Bron: \(terms.source)"
        )
        for file in files {
            report(
                "  huishouden \(file.household.uuidString): ondersteuning beëindigd \(file.lastSupportEnd.iso), \(file.residents) inwoner(s)"
            )
        }
        if dryRun {
            return RetentionStore.Summary(
                households: files.count, residents: files.reduce(0) { $0 + $1.residents }, auditPayloads: payloads.count)
        }
        let summary = try await store.run(files: files, payloads: payloads, terms: terms, now: services.clock.now())
        try await services.auditLog.append(
            AuditRecord(
                actorID: nil, actorName: "retentie", actorRole: "systeem", organisationID: nil, part: "bewaartermijn",
                action: "vernietigen",
                purpose: "bewaartermijn verstreken: \(summary.households) huishoudens, \(summary.auditPayloads) logwaarden"),
            on: app.db)
        return summary
    }
}

/// Cancels a background task when the app shuts down.
struct TaskCanceller: LifecycleHandler {
    let task: Task<Void, Never>
    func shutdownAsync(_ app: Application) async { task.cancel() }
}
