import MeedoenCore
import MeedoenStorage
import Vapor

/// Contacts with a household (R6); who has not been seen within the norm is on the worklist.
enum ContactController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.household(.key, .contactsNew), use: form).require(.file(.contacts, .write))
        routes.post(.household(.key, .contacts), use: add).require(.file(.contacts, .write))
    }

    /// The clients of the household the viewer may see (applicant and partner): the contact norm is per person.
    static func clients(of file: HouseholdFile) -> [Resident] {
        file.members.filter { $0.relation.isInBenefitUnit }.sorted { $0.relation == .applicant && $1.relation != .applicant }
    }

    private static func page(_ req: Request, _ file: HouseholdFile, values: [String: String] = [:], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        var values = values
        if values.isEmpty {
            values = ["contactOn": req.today.iso, "kind": ContactKind.conversation.rawValue]
            if let applicant = file.applicant { values["participant-" + applicant.id.uuidString] = "ja" }
        }
        let policy = (try? await req.profile(of: file.household.organisationID).profile.contacts)
        var summary = FormField(
            "summary", "Kort verslag", .textarea,
            hint: "Alleen wat nodig is voor de begeleiding; het verslag is alleen zichtbaar binnen uw caseload.", optional: true)
        summary.rows = 4
        let fields = [
            FormField("contactOn", "Datum", .date),
            FormField(
                "kind", "Soort contact", .select, hint: policy.map(Dutch.countingKinds),
                options: Choice.list(ContactKind.self, selected: nil, label: Dutch.contactKind)),
            FormField(
                "participants", "Wie waren erbij", .checkboxes, hint: "De contactnorm geldt per cliënt: aanvrager en partner.",
                options: clients(of: file).map {
                    Choice(
                        value: "participant-" + $0.id.uuidString, label: "\($0.fullName) (\(Dutch.relation($0.relation)))", selected: false
                    )
                }),
            summary,
        ]
        let page = SectionedFormPage(
            heading: "Contact vastleggen", intro: "Huishouden van \(file.applicant?.fullName ?? "–").",
            action: SitePath.household(.id(file.id), .contacts).path, cancel: SitePath.household(.id(file.id)).path,
            submit: "Contact vastleggen", sections: [FormSection(fields: fields)], values: values, issues: issues)
        return try await req.renderSectionedForm(page)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        try await page(req, try await req.openFile(try req.idParameter(), .contacts, .write, purpose: "contact vastleggen"))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let opened = try await req.openFileWithAccess(id, .contacts, .write, purpose: "contact vastleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        // Only the household's own clients can be named; anything else in the form is ignored.
        let participants = clients(of: opened.file).filter { fields["participant-" + $0.id.uuidString] != nil }.map(\.id)
        guard let contact = ContactInput.read(&reader, participants: participants, participantsField: "participants") else {
            return try await page(req, opened.file, values: fields, issues: reader.issues)
        }
        try await req.recordContact(contact, in: opened, purpose: "contact vastleggen")
        let day = contact.day
        return req.redirect(to: .household(.id(id)), flash: "Het contact van \(Dutch.date(day)) is vastgelegd.")
    }
}

extension Dutch {
    static func contactKind(_ kind: ContactKind) -> String {
        switch kind {
        case .conversation: "Gesprek"
        case .homeVisit: "Huisbezoek"
        case .phone: "Telefoon"
        case .groupMeeting: "Groepsbijeenkomst"
        case .digital: "Digitaal (e-mail, chat)"
        case .video: "Beeldbellen"
        }
    }

    /// Which kinds count for the norm, as the organisation's profile sets them.
    static func countingKinds(_ policy: ContactPolicy) -> String {
        let kinds = ContactKind.allCases.filter(policy.counts).map { contactKind($0).lowercased() }
        return "Telt mee voor de contactnorm: " + kinds.joined(separator: ", ")
            + (policy.countingKindsSource.map { " (\($0))" } ?? " (alle soorten)") + "."
    }

    static func contactNorm(_ norm: ContactNorm) -> String {
        switch norm {
        case .perCalendarYear: "minstens één contact per kalenderjaar"
        case .everyMonths(let months):
            months == 1
                ? "minstens eens per maand" : months == 12 ? "minstens eens per twaalf maanden" : "minstens eens per \(months) maanden"
        }
    }

    static func contactReason(_ norm: ContactNorm, status: ContactNorm.Status, deadline: Day, today: Day) -> String {
        switch (norm, status) {
        case (_, .overdue): "Geen contact binnen de termijn; uiterlijk \(date(deadline)) had het gemoeten"
        case (.perCalendarYear, _): "Nog geen contact in \(today.year); uiterlijk \(date(deadline))"
        case (.everyMonths, _): "De termijn verloopt op \(date(deadline))"
        }
    }
}
