import MeedoenCore
import MeedoenStorage
import Vapor

/// The caseload, household search, the household page and its edit forms.
enum HouseholdController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("caseload", use: caseload).require(.file(.identity, .read))
        routes.get("households", use: search).require(.file(.identity, .read))
        routes.get("households", "new", use: newForm).require(.capability(.createHousehold))
        routes.post("households", use: create).require(.capability(.createHousehold))
        routes.get("households", ":id", use: show).require(.file(.household, .read))
        HouseholdEditController.register(routes)
    }

    @Sendable static func caseload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await list(req, heading: "Mijn caseload", path: "/caseload", directorID: user.id)
    }

    @Sendable static func search(req: Request) async throws -> Response {
        try await list(req, heading: "Huishoudens zoeken", path: "/households", directorID: nil)
    }

    private static func list(_ req: Request, heading: String, path: String, directorID: UUID?) async throws -> Response {
        let viewer = try req.requireViewer()
        let search = HouseholdSearch(query: req.query, directorID: directorID)
        let result = try await req.households.search(search, for: viewer, on: req.today)
        var municipalities = try await DirectoryStore(db: req.db).municipalities(of: viewer.organisationID)
        if !viewer.municipalityScope.isEmpty { municipalities = municipalities.filter { viewer.municipalityScope.contains($0.id!) } }
        // A list shows names of many people at once: log the search itself, not each row.
        try await req.audit(part: FilePart.identity.rawValue, action: "lijst", purpose: heading.lowercased())
        let page = HouseholdListPage(
            heading: heading, path: path, search: search, result: result, municipalities: municipalities, today: req.today,
            canCreate: Capability.createHousehold.isGranted(to: viewer.role))
        return try await req.renderPage("households", title: heading, page)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let file = try await req.openFile(id, .household, .read, purpose: "dossier bekijken")
        let role = try req.requireUser().role
        let page = HouseholdShowPage(
            file: file, today: req.today,
            canEditHousehold: try await req.may(.household, .write, on: id),
            canEditDirector: try await req.may(.director, .write, on: id),
            canEditBenefit: try await req.may(.benefit, .write, on: id),
            canSeeBenefit: Access.mayEver(role, .benefit, .read))
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
        let form = FormPage(
            heading: "Nieuw huishouden", action: "/households", cancel: "/caseload", values: values, issues: issues,
            choices: [
                "municipalityId": municipalities.map {
                    Choice(
                        value: $0.id!.uuidString, label: $0.name,
                        selected: $0.id!.uuidString == values["municipalityId"] || municipalities.count == 1)
                },
                "normCategory": [Choice(value: "", label: "Geen (geen bijstand)", selected: values["normCategory"] == nil)]
                    + Choice.list(NormCategory.self, selected: values["normCategory"], label: Dutch.norm),
            ])
        return try await req.renderForm("household-new", form)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try await newHouseholdForm(req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try req.formFields()
        do {
            let new = try HouseholdInput.newHousehold(fields, today: req.today, directorID: viewer.userID)
            let created = try await req.households.createHousehold(new, organisationID: viewer.organisationID, by: req.recorder)
            try await req.audit(
                householdID: created.household, residentID: created.applicant, part: FilePart.household.rawValue, action: "aanmaken",
                purpose: "nieuw huishouden",
                change: ChangeSummary(new: ["aanvrager": new.applicant.givenName + " " + new.applicant.familyName]))
            return req.redirect(
                to: "/households/\(created.household.uuidString)", flash: "Het huishouden is aangemaakt. U bent de regisseur.")
        } catch let issues as FieldIssues {
            return try await newHouseholdForm(req, values: fields, issues: issues)
        } catch let problem as HouseholdStore.Problem {
            return try await newHouseholdForm(req, values: fields, issues: problem.fieldIssues)
        }
    }
}
