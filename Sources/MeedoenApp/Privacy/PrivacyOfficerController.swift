import MeedoenCore
import MeedoenStorage
import Vapor

/// The privacyfunctionaris: finds a resident by BSN, sees who accessed their file, and makes the
/// inzage export. No ordinary file access: these pages show the log and the export only.
enum PrivacyOfficerController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.privacy, use: searchForm).require(.capability(.viewAccessLog))
        routes.post(.privacy, use: search).require(.capability(.viewAccessLog))
        routes.get(.privacyAccounts, use: accounts).require(.capability(.viewAccessLog))
        routes.get(.privacyResident(.key), use: log).require(.capability(.viewAccessLog))
        routes.get(.privacyResident(.key, .inzage), use: inzage).require(.capability(.viewAccessLog))
        routes.get(.privacyResident(.key, .inzageJSON), use: inzageJSON).require(.capability(.viewAccessLog))
    }

    @Sendable static func searchForm(req: Request) async throws -> Response {
        try await req.renderForm(
            "privacy-search", FormPage(heading: "Toegangslog en inzage", action: SitePath.privacy.path, cancel: SitePath.home.path))
    }

    /// The BSN comes in a POST and the page that follows carries only an internal id.
    @Sendable static func search(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        guard let bsn = reader.bsn("bsn") else {
            return try await req.renderForm(
                "privacy-search",
                FormPage(
                    heading: "Toegangslog en inzage", action: SitePath.privacy.path, cancel: SitePath.home.path, values: fields,
                    issues: reader.issues))
        }
        guard let resident = try await req.households.residentWithBSN(bsn, organisationID: viewer.organisationID) else {
            var issues = FieldIssues()
            issues.add("bsn", .custom("Geen inwoner met dit BSN in uw organisatie."))
            return try await req.renderForm(
                "privacy-search",
                FormPage(
                    heading: "Toegangslog en inzage", action: SitePath.privacy.path, cancel: SitePath.home.path, values: fields,
                    issues: issues))
        }
        return req.redirect(to: .privacyResident(.id(resident.id)))
    }

    private static func load(_ req: Request, purpose: String) async throws -> (Resident, HouseholdFile, [AccessLogEntry]) {
        let viewer = try req.requireViewer()
        guard let resident = try await req.households.resident(try req.idParameter(), organisationID: viewer.organisationID),
            let file = try await req.households.file(resident.householdID, organisationID: viewer.organisationID)
        else { throw AppError.notFound }
        let events = try await AuditQueries(db: req.db).events(household: file.id, resident: resident.id)
        try await req.audit(householdID: file.id, residentID: resident.id, part: "toegangslog", action: "inzien", purpose: purpose)
        return (resident, file, events)
    }

    /// Every account created, activated or whose credentials were reset, with who did it: the
    /// beheerder sees no file, and this is where an account made to reach files would show.
    @Sendable static func accounts(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let events = try await AuditQueries(db: req.db).accountEvents(of: viewer.organisationID)
        try await req.audit(part: "gebruikers", action: "inzien", purpose: "aangemaakte en herstelde accounts bekijken")
        return try await req.renderPage("privacy-accounts", title: "Accounts en inloggegevens", AccountsPage(events))
    }

    @Sendable static func log(req: Request) async throws -> Response {
        let (resident, _, events) = try await load(req, purpose: "toegangslog van een inwoner bekijken")
        // The whole log is verified once a day and by `meedoen audit verify`, never on a view:
        // at a million entries that would take the server down with it.
        let page = AccessLogPage(resident: resident, events: events, verification: try await AuditQueries(db: req.db).latestVerification())
        return try await req.renderPage("privacy-log", title: "Toegangslog", page)
    }

    private static func export(_ req: Request) async throws -> Inzage {
        let (resident, file, events) = try await load(req, purpose: "inzageverzoek (AVG art. 15)")
        let organisation = try await DirectoryStore(db: req.db).organisation(file.household.organisationID)?.name ?? ""
        var inzage = Inzage(resident: resident, file: file, events: events, organisation: organisation, madeAt: req.services.clock.now())
        let profile = try? await req.profile(of: file.household.organisationID).profile
        inzage.casework = try await Inzage.caseworkRecords(of: resident, profile: profile, on: req.db)
        return inzage
    }

    struct InzagePage: Encodable {
        var inzage: Inzage
        var dateOfBirth: String
        var made: String
        var history: [[String: String]]
        var casework: [[String: String]]
        var access: [[String: String]]
    }

    @Sendable static func inzage(req: Request) async throws -> Response {
        let inzage = try await export(req)
        let page = InzagePage(
            inzage: inzage, dateOfBirth: Dutch.date(inzage.person.dateOfBirth), made: Dutch.moment(inzage.madeAt),
            history: inzage.history.map {
                [
                    "what": $0.what, "value": $0.value, "from": Dutch.date($0.validFrom),
                    "to": $0.validTo.map { Dutch.date($0) } ?? "heden",
                    "recorded": Dutch.moment($0.recordedAt), "replaced": $0.replacedAt.map(Dutch.moment) ?? "",
                ]
            },
            casework: inzage.casework.map { ["what": $0.what, "on": Dutch.date($0.on), "text": $0.text] },
            access: inzage.accessLog.map {
                ["at": Dutch.moment($0.at), "by": "\($0.by) (\($0.role))", "action": $0.action, "purpose": $0.purpose]
            })
        return try await req.renderPage("inzage", title: "Inzage \(inzage.person.givenName) \(inzage.person.familyName)", page)
    }

    @Sendable static func inzageJSON(req: Request) async throws -> Response {
        let inzage = try await export(req)
        let response = try Response.json(inzage)
        response.headers.contentDisposition = .init(.attachment, filename: "inzage.json")
        return response
    }
}
