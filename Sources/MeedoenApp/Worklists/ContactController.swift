import MeedoenCore
import MeedoenStorage
import Vapor

/// Contacts with a household and the "uit beeld" worklist (R6): who has not been seen within the
/// organisation's contact norm, and why they are on the list.
enum ContactController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("households", ":id", "contacts", "new", use: form).require(.file(.contacts, .write))
        routes.post("households", ":id", "contacts", use: add).require(.file(.contacts, .write))
        routes.get("worklists", "contacts", use: worklist).require(.file(.contacts, .read))
    }

    static func norm(_ req: Request) async throws -> ContactNorm {
        let viewer = try req.requireViewer()
        let code = try await DirectoryStore(db: req.db).organisation(viewer.organisationID)?.code ?? ""
        return req.services.shipped.contactNorms[code] ?? .perCalendarYear
    }

    private static func page(_ req: Request, _ file: HouseholdFile, values: [String: String] = [:], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        var values = values
        if values.isEmpty { values = ["contactOn": req.today.iso, "kind": ContactKind.conversation.rawValue] }
        let form = FormPage(
            heading: "Contact vastleggen", action: "/households/\(file.id.uuidString)/contacts",
            cancel: "/households/\(file.id.uuidString)",
            values: values, issues: issues, choices: ["kind": Choice.list(ContactKind.self, selected: nil, label: Dutch.contactKind)],
            facts: ["household": file.applicant?.fullName ?? ""])
        return try await req.renderForm("contact-new", form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        try await page(req, try await req.openFile(try req.idParameter(), .contacts, .write, purpose: "contact vastleggen"))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let opened = try await req.openFileWithAccess(id, .contacts, .write, purpose: "contact vastleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let day = reader.requiredDay("contactOn", notInFuture: true)
        let kind = reader.requiredOption("kind", as: ContactKind.self)
        let summary = reader.text("summary", max: 2000)
        guard reader.issues.isEmpty, let day, let kind else {
            return try await page(req, opened.file, values: fields, issues: reader.issues)
        }
        // What was said is at the notes level; without that right only date and kind are kept.
        let kept = opened.may(.notes, .write) ? summary : nil
        try await req.households.addContact(day, kind: kind, summary: kept, to: id, by: req.recorder)
        try await req.audit(
            householdID: id, part: FilePart.contacts.rawValue, action: "aanmaken", purpose: "contact vastleggen",
            change: ChangeSummary(new: ["datum": day.iso, "soort": kind.rawValue]))
        return req.redirect(to: "/households/\(id.uuidString)", flash: "Het contact van \(Dutch.date(day)) is vastgelegd.")
    }

    struct WorklistPage: Encodable {
        struct Row: Encodable {
            var href: String
            var name: String
            var director: String
            var status: String
            var reason: String
            var overdue: Bool
        }

        var heading: String
        var norm: String
        var rows: [Row]
        var summary: String
    }

    @Sendable static func worklist(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let norm = try await norm(req)
        // Whose households: the own caseload, or for a teamleider the teams they lead.
        var directors = [viewer.userID]
        if viewer.role == .teamLeader { directors += try await AuditQueries(db: req.db).users(inTeams: viewer.ledTeamIDs).compactMap(\.id) }
        let today = req.today
        let rows = try await req.households.contactWorklist(directors: directors, organisationID: viewer.organisationID, on: today)
            .compactMap { row -> (ContactWorklistRow, ContactNorm.Status)? in
                guard let start = row.supportStart.map(Day.init) else { return nil }  // no support running: not on the list
                let status = norm.status(lastContact: row.lastContact.map(Day.init), supportStart: start, today: today)
                return status == .withinNorm ? nil : (row, status)
            }
            .sorted { ($0.1 == .overdue ? 0 : 1, $0.0.familyName) < ($1.1 == .overdue ? 0 : 1, $1.0.familyName) }
        let page = WorklistPage(
            heading: viewer.role == .teamLeader ? "Uit beeld: het team" : "Uit beeld: mijn caseload", norm: Dutch.contactNorm(norm),
            rows: rows.map { row, status in
                let last =
                    row.lastContact.map { "laatste contact \(Dutch.date($0))" }
                    ?? "nog geen contact sinds de start op \(Dutch.date(row.supportStart))"
                return WorklistPage.Row(
                    href: "/households/\(row.householdId.uuidString)", name: "\(row.familyName), \(row.givenName)",
                    director: row.directorName ?? "",
                    status: status == .overdue ? "Te laat" : "Dit jaar nog doen",
                    reason: Dutch.contactReason(norm, status: status, today: today) + "; " + last,
                    overdue: status == .overdue)
            },
            summary: "\(rows.filter { $0.1 == .overdue }.count) te laat, \(rows.filter { $0.1 == .due }.count) nog te doen")
        try await req.audit(part: FilePart.contacts.rawValue, action: "lijst", purpose: "werklijst uit beeld")
        return try await req.renderPage("worklist-contacts", title: page.heading, page)
    }
}

extension Dutch {
    static func contactKind(_ kind: ContactKind) -> String {
        switch kind {
        case .conversation: "Gesprek"
        case .homeVisit: "Huisbezoek"
        case .phone: "Telefoon"
        case .groupMeeting: "Groepsbijeenkomst"
        case .digital: "Digitaal"
        }
    }

    static func contactNorm(_ norm: ContactNorm) -> String {
        switch norm {
        case .perCalendarYear: "minstens één contact per kalenderjaar"
        case .everyMonths(let months): "minstens eens per \(months) maanden"
        }
    }

    static func contactReason(_ norm: ContactNorm, status: ContactNorm.Status, today: Day) -> String {
        switch (norm, status) {
        case (.perCalendarYear, .overdue): "Het hele vorige kalenderjaar geen contact"
        case (.perCalendarYear, _): "Nog geen contact in \(today.year)"
        case (.everyMonths(let months), .overdue): "Langer dan \(months) maanden geen contact"
        case (.everyMonths, _): "Binnen een maand verloopt de termijn"
        }
    }
}
