import MeedoenCore
import MeedoenStorage
import Vapor

/// "Break the glass": before a case manager opens a household outside their caseload, they say
/// why. The reason goes into the access log, which the teamleider reviews.
enum StatedReasonController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.household(.key, .access), use: form).require(.file(.identity, .read))
        routes.post(.household(.key, .access), use: state).require(.file(.identity, .read))
        routes.get(.teamAccessReasons, use: review).require(.capability(.reviewAccessReasons))
    }

    /// The reasons offered; "anders" needs a typed explanation.
    static let reasons = [
        ("vervanging", "Vervanging van de regisseur (ziekte, verlof)"),
        ("contact", "De inwoner neemt contact op en de regisseur is niet bereikbaar"),
        ("consultatie", "Collegiale consultatie op verzoek van de regisseur"),
        ("overdracht", "Overdracht aan mij in voorbereiding"),
        ("anders", "Anders, namelijk…"),
    ]

    struct Page: Encodable {
        var form: FormPage
        var household: String
    }

    /// Only a path into Meedoen's own files may follow — letters, digits and `/-._` — so the form
    /// is no open redirect and nothing can be smuggled into the Location header (CR/LF).
    static func safeReturn(_ text: String?, household: UUID) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._")
        guard let text, text.hasPrefix("/households/") || text.hasPrefix("/clients/"), text.count < 200,
            text.allSatisfy(allowed.contains), !text.contains("//"), !text.contains("..")
        else {
            return SitePath.household(.id(household)).path
        }
        return text
    }

    private static func page(_ req: Request, _ id: UUID, values: [String: String], issues: FieldIssues = FieldIssues()) async throws
        -> Response
    {
        let viewer = try req.requireViewer()
        guard try await req.households.household(id, organisationID: viewer.organisationID) != nil else { throw AppError.notFound }
        let form = FormPage(
            heading: "Dossier buiten uw caseload openen", action: SitePath.household(.id(id), .access).path, cancel: SitePath.caseload.path,
            values: values,
            issues: issues, choices: ["reason": reasons.map { Choice(value: $0.0, label: $0.1, selected: false) }])
        return try await req.renderPage(
            "stated-reason", title: form.heading, Page(form: form, household: id.uuidString), status: issues.isEmpty ? .ok : .badRequest)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let id = try req.idParameter()
        return try await page(req, id, values: ["terug": safeReturn(try? req.query.get(String.self, at: "terug"), household: id)])
    }

    @Sendable static func state(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let viewer = try req.requireViewer()
        guard try await req.households.household(id, organisationID: viewer.organisationID) != nil else { throw AppError.notFound }
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let choice = reader.raw("reason")
        let explanation = reader.text("explanation", max: 200)
        var reason: String?
        if let choice, let known = reasons.first(where: { $0.0 == choice }) {
            if choice == "anders" {
                if (explanation?.count ?? 0) < 5 { reader.fail("explanation", .custom("Licht de reden toe (minstens 5 tekens).")) }
                reason = explanation
            } else {
                reason = known.1 + (explanation.map { ": " + $0 } ?? "")
            }
        } else {
            reader.fail("reason", .custom("Kies waarom u dit dossier opent."))
        }
        guard reader.issues.isEmpty, let reason else { return try await page(req, id, values: fields, issues: reader.issues) }
        req.session.data[Request.reasonKey(id)] = req.services.sessionSealer.seal(
            "\(req.services.clock.now().timeIntervalSince1970)|\(reason)")
        try await req.audit(householdID: id, part: "dossier", action: "doorbreken", purpose: reason)
        return req.redirect(to: safeReturn(fields["terug"], household: id))
    }

    // MARK: The teamleider's review

    struct ReviewRow: Encodable {
        var when: String
        var who: String
        var household: String
        var reason: String
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let queries = AuditQueries(db: req.db)
        let members = try await queries.users(inTeams: viewer.ledTeamIDs)
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0.displayName) })
        let events = try await queries.statedReasons(
            by: Array(names.keys), since: req.services.clock.now().addingTimeInterval(-90 * 24 * 3600))
        let rows = events.map {
            ReviewRow(
                when: Dutch.moment($0.at), who: names[$0.actorID ?? UUID()] ?? $0.actorName,
                household: $0.householdID.map { SitePath.household(.id($0)).path } ?? "", reason: $0.purpose)
        }
        try await req.audit(part: "toegangslog", action: "lijst", purpose: "redenen van het team beoordelen")
        return try await req.renderPage("access-reasons", title: "Geopende dossiers buiten de caseload", rows)
    }
}
