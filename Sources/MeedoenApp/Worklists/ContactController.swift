import MeedoenCore
import MeedoenStorage
import Vapor

/// Contacts with a household (R6); who has not been seen within the norm is on the worklist.
enum ContactController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("households", ":id", "contacts", "new", use: form).require(.file(.contacts, .write))
        routes.post("households", ":id", "contacts", use: add).require(.file(.contacts, .write))
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
        let entry = req.auditRecord(
            householdID: id, part: FilePart.contacts.rawValue, action: "aanmaken", purpose: "contact vastleggen",
            change: ChangeSummary(new: ["datum": day.iso, "soort": kind.rawValue]))
        let recorder = req.recorder
        try await req.recordChange { tx in
            try await HouseholdStore(db: tx.db).addContact(day, kind: kind, summary: kept, to: id, by: recorder)
            try await tx.append(entry)
        }
        return req.redirect(to: "/households/\(id.uuidString)", flash: "Het contact van \(Dutch.date(day)) is vastgelegd.")
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
        case .everyMonths(let months): months == 1 ? "minstens eens per maand" : "minstens eens per \(months) maanden"
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
