import MeedoenCore
import MeedoenStorage
import Vapor

/// The caseload, household search, the household page and its edit forms.
enum HouseholdController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.caseload, use: caseload).require(.file(.identity, .read))
        routes.post(.caseload, use: searchFor).require(.file(.identity, .read))
        routes.get(.households, use: search).require(.file(.identity, .read))
        routes.post(.householdsSearch, use: searchFor).require(.file(.identity, .read))
        routes.get(.householdsNew, use: newForm).require(.capability(.createHousehold))
        routes.post(.households, use: create).require(.capability(.createHousehold))
        routes.get(.household(.key), use: show).require(.file(.household, .read))
        HouseholdEditController.register(routes)
    }

    @Sendable static func caseload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await list(req, heading: "Mijn caseload", path: SitePath.caseload.path, directorID: user.id)
    }

    @Sendable static func search(req: Request) async throws -> Response {
        try await list(req, heading: "Huishoudens zoeken", path: SitePath.households.path, directorID: nil)
    }

    private static func list(_ req: Request, heading: String, path: String, directorID: UUID?) async throws -> Response {
        let viewer = try req.requireViewer()
        var search = HouseholdSearch(query: req.query, directorID: directorID)
        search.text = req.session.data[searchKey(path)].flatMap(req.services.sessionSealer.open)
        var result = try await req.households.search(search, for: viewer, on: req.today)
        // A page past the end (the list shrank since the link was made) shows the last page instead.
        if result.pageCount > 0 && result.page > result.pageCount {
            search.page = result.pageCount
            result = try await req.households.search(search, for: viewer, on: req.today)
        }
        var municipalities = try await DirectoryStore(db: req.db).municipalities(of: viewer.organisationID)
        if !viewer.municipalityScope.isEmpty { municipalities = municipalities.filter { viewer.municipalityScope.contains($0.id!) } }
        // One entry for the list, with the search text and every resident shown.
        try await req.auditList(purpose: heading.lowercased(), searchText: search.text, shown: try await req.shown(result.rows, by: search))
        let page = HouseholdListPage(
            heading: heading, path: path, search: search, result: result, municipalities: municipalities, today: req.today,
            canCreate: Capability.createHousehold.isGranted(to: viewer.role), role: viewer.role)
        return try await req.renderPage("households", title: heading, page)
    }

    /// Search text is personal data (a name, a BSN), so it travels in a POST and stays in the
    /// session, sealed, never in a URL, the browser history or a proxy log.
    static func searchKey(_ path: String) -> String { "zoek:" + path }

    struct SearchForm: Content {
        var q: String?
        var municipality: String?
        var bijstand: String?
    }

    @Sendable static func searchFor(req: Request) async throws -> Response {
        let form = try req.content.decode(SearchForm.self)
        let path = req.url.path.hasPrefix(SitePath.caseload.path) ? SitePath.caseload.path : SitePath.households.path
        let text = (form.q ?? "").trimmingCharacters(in: .whitespaces)
        req.session.data[searchKey(path)] = text.isEmpty ? nil : req.services.sessionSealer.seal(String(text.prefix(100)))
        var filters: [String] = []
        if let municipality = form.municipality.flatMap(UUID.init(uuidString:)) {
            filters.append("municipality=\(municipality.uuidString)")
        }
        if form.bijstand == "1" { filters.append("bijstand=1") }
        return req.redirect(to: path + (filters.isEmpty ? "" : "?" + filters.joined(separator: "&")))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let opened = try await req.openFileWithAccess(id, .household, .read, purpose: "dossier bekijken")
        var page = HouseholdShowPage(
            file: opened.file, today: req.today,
            canEditHousehold: opened.may(.household, .write), canEditDirector: opened.may(.director, .write),
            canEditBenefit: opened.may(.benefit, .write), canSeeBenefit: opened.may(.benefit, .read))
        if opened.may(.contacts, .read) {
            let file = opened.file
            let start = file.runningSupportStart(on: req.today)
            let staff = try await DirectoryStore(db: req.db).users(of: file.household.organisationID)
            let (clients, policy) = try await req.contactNorms(for: file)
            page.contacts = ContactsView(
                try await req.households.contacts(of: file.id), participants: try await req.households.contactParticipants(of: file.id),
                clients: clients, policy: policy, supportStart: start,
                names: Dictionary(uniqueKeysWithValues: staff.map { ($0.id!, $0.displayName) }), showSummaries: opened.may(.notes, .read),
                today: req.today)
            page.canAddContact = opened.may(.contacts, .write)
            // The page shows the contacts, and what was said when the viewer may read notes: both logged.
            let parts = [FilePart.contacts] + (opened.may(.notes, .read) ? [.notes] : [])
            try await req.audit(
                householdID: id, part: parts.map(\.rawValue).joined(separator: ","), action: "inzien", purpose: opened.purpose)
        }
        return try await req.renderPage("household", title: page.title, page)
    }

    // MARK: New household

    static func newHouseholdForm(_ req: Request, values: [String: String] = [:], issues: FieldIssues = FieldIssues()) async throws
        -> Response
    {
        let viewer = try req.requireViewer()
        var values = values
        if values.isEmpty { values = ["supportStart": req.today.iso, "receivesBijstand": "ja"] }
        let municipalities = try await DirectoryStore(db: req.db).municipalities(of: viewer.organisationID)
        let municipality = FormField(
            "municipalityId", "Gemeente", .select,
            options: municipalities.map { Choice(value: $0.id!.uuidString, label: $0.name, selected: municipalities.count == 1) })
        let benefit = HouseholdInput.benefitFields(
            normHint: "Zoals de inkomensadministratie die vastlegt; ‘geen’ als het huishouden geen bijstand ontvangt.",
            none: Choice(value: "", label: "— kies —", selected: true),
            Choice(value: "geen", label: "Geen (geen bijstand)", selected: false))
        let sections = [
            FormSection(legend: "Aanvrager", fields: HouseholdInput.personFields + HouseholdInput.contactFields),
            FormSection(legend: "Adres", fields: HouseholdInput.addressFields + [municipality]),
            FormSection(
                legend: "Ondersteuning en uitkering",
                fields: [FormField("supportStart", "Start ondersteuning", .date, hint: "Bijvoorbeeld 28-11-2026.")] + benefit),
        ]
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: "Nieuw huishouden", intro: "U wordt de regisseur (vaste contactpersoon) van dit huishouden.",
                action: SitePath.households.path, cancel: SitePath.caseload.path, submit: "Huishouden aanmaken", sections: sections,
                values: values, issues: issues))
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try await newHouseholdForm(req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try req.formFields()
        do {
            let new = try HouseholdInput.newHousehold(fields, today: req.today, directorID: viewer.userID)
            let recorder = req.recorder
            let created = try await req.recordChange { tx in
                let created = try await req.households.createHousehold(new, organisationID: viewer.organisationID, by: recorder)
                try await tx.append(
                    req.auditRecord(
                        householdID: created.household, residentID: created.applicant, part: FilePart.household.rawValue,
                        action: "aanmaken", purpose: "nieuw huishouden",
                        change: ChangeSummary(new: ["aanvrager": new.applicant.givenName + " " + new.applicant.familyName])))
                return created
            }
            return req.redirect(
                to: .household(.id(created.household)), flash: "Het huishouden is aangemaakt. U bent de regisseur.")
        } catch let issues as FieldIssues {
            return try await newHouseholdForm(req, values: fields, issues: issues)
        } catch let problem as HouseholdStore.Problem {
            return try await newHouseholdForm(req, values: fields, issues: problem.fieldIssues)
        }
    }
}
