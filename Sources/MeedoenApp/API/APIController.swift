import MeedoenCore
import MeedoenStorage
import Vapor

/// /api/v1: households and clients for other systems (the income administration, a data warehouse).
/// Bearer tokens only, no cookies, so no CSRF; every read and write is logged like in the web app.
enum APIController {
    static let paging: [APIOperation.Parameter] = [
        .init(name: "page", type: "integer", description: "Paginanummer, vanaf 1"),
        .init(name: "per", type: "integer", description: "Aantal per pagina, 1–200 (standaard 25)"),
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "households", operationID: "listHouseholds",
            summary: "Huishoudens in de eigen caseload bladeren (anderen: zoeken)",
            rule: .file(.identity, .read),
            query: paging + [
                .init(name: "municipality", type: "string", format: "uuid", description: "Alleen deze gemeente"),
                .init(name: "director", type: "string", format: "uuid", description: "Alleen deze regisseur"),
            ],
            response: ListDTO<HouseholdSummaryDTO>.self, handler: listHouseholds),
        APIOperation(
            method: .POST, path: "households/search", operationID: "searchHouseholds",
            summary: "Huishoudens zoeken op naam of BSN; de zoektekst staat in de body, nooit in de URL",
            rule: .file(.identity, .read), request: APIRequestBody.Search.self, response: ListDTO<HouseholdSummaryDTO>.self,
            handler: searchHouseholds),
        APIOperation(
            method: .POST, path: "households", operationID: "createHousehold",
            summary: "Nieuw huishouden met aanvrager; de aanroeper wordt regisseur",
            rule: .capability(.createHousehold), request: APIRequestBody.NewHousehold.self, response: HouseholdDTO.self, successStatus: 201,
            handler: createHousehold),
        APIOperation(
            method: .GET, path: "households/{id}", operationID: "getHousehold", summary: "Eén huishouden met leden",
            rule: .file(.household, .read), response: HouseholdDTO.self, handler: getHousehold),
        APIOperation(
            method: .PATCH, path: "households/{id}", operationID: "updateHouseholdAddress", summary: "Adres van een huishouden wijzigen",
            rule: .file(.household, .write), request: APIRequestBody.Address.self, response: HouseholdDTO.self, handler: updateAddress),
        APIOperation(
            method: .POST, path: "households/{id}/benefit-facts", operationID: "setBenefitFacts",
            summary: "Uitkeringsgegevens vanuit de inkomensadministratie, geldig vanaf een datum",
            rule: .file(.benefit, .write), request: APIRequestBody.BenefitFacts.self, response: HouseholdDTO.self, handler: setBenefit),
        APIOperation(
            method: .POST, path: "households/{id}/members", operationID: "addMember", summary: "Gezinslid toevoegen",
            rule: .file(.household, .write), request: APIRequestBody.NewMember.self, response: ClientDTO.self, successStatus: 201,
            handler: addMember),
        APIOperation(
            method: .GET, path: "clients", operationID: "listClients",
            summary: "Cliënten: alle leden van de huishoudens in de eigen caseload (anderen: zoeken)",
            rule: .file(.identity, .read), query: paging, response: ListDTO<ClientDTO>.self, handler: listClients),
        APIOperation(
            method: .POST, path: "clients/search", operationID: "searchClients",
            summary: "Cliënten in de eigen caseload zoeken op naam of BSN (zoektekst in de body)",
            rule: .file(.identity, .read), request: APIRequestBody.Search.self, response: ListDTO<ClientDTO>.self, handler: searchClients),
        APIOperation(
            method: .GET, path: "clients/{id}", operationID: "getClient", summary: "Eén cliënt",
            rule: .file(.identity, .read), response: ClientDTO.self, handler: getClient),
        APIOperation(
            method: .PATCH, path: "clients/{id}", operationID: "updateClient", summary: "Persoonsgegevens van een cliënt wijzigen",
            rule: .file(.identity, .write), request: APIRequestBody.ClientUpdate.self, response: ClientDTO.self, handler: updateClient),
        APIOperation(
            method: .POST, path: "calculations/income", operationID: "calculateIncome",
            summary: "Werken loont: inkomen per maand met werk tegenover bijstand zonder werk (art. 31 lid 2, art. 21–22a)",
            rule: .signedIn, request: IncomeAPI.IncomeRequest.self, response: IncomeAPI.IncomeResponse.self, handler: IncomeAPI.income),
        APIOperation(
            method: .POST, path: "calculations/wage-cost-subsidy", operationID: "calculateWageCostSubsidy",
            summary: "Loonkostensubsidie per maand en per jaar (art. 10d)",
            rule: .signedIn, request: IncomeAPI.SubsidyRequest.self, response: IncomeAPI.SubsidyResponse.self,
            handler: IncomeAPI.subsidy),
    ]

    /// Every operation of /api/v1: households and clients, casework, hand-overs and signals.
    static var allOperations: [APIOperation] { operations + CaseworkAPI.operations + HandoverAPI.operations }

    /// Throws when a DTO cannot be described (a type the schema recorder does not know): found at start, not by a client.
    static func register(_ routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let all = allOperations
        let document = try OpenAPIDocument.build(all)
        api.get("openapi.json") { _ in try Response.json(document) }.require(.open)
        for operation in all {
            api.on(operation.method, operation.vaporPath, body: .collect(maxSize: "64kb"), use: operation.handler).require(operation.rule)
        }
    }

    // MARK: Households

    /// A search with text in the body, the other filters as for the lists.
    static func search(_ req: Request) throws -> HouseholdSearch {
        let body = try req.content.decode(APIRequestBody.Search.self)
        if let q = body.q, q.count > 100 {
            var issues = FieldIssues()
            issues.add("q", .tooLong(max: 100))
            throw AppError.invalid(issues)
        }
        // A search finds a person, it does not page through everyone: a full BSN, or at least
        // three letters of a name (issue 12: no bulk export through a one-letter search).
        if let q = body.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty, (try? BSN(q)) == nil, q.filter(\.isLetter).count < 3 {
            var issues = FieldIssues()
            issues.add("q", .custom("Zoek op een volledig BSN of op minstens drie letters van een naam."))
            throw AppError.invalid(issues)
        }
        var search = HouseholdSearch(query: req.query, directorID: nil, text: body.q)
        if let page = body.page { search.page = min(max(1, page), 100_000) }
        if let per = body.per { search.per = min(max(1, per), 200) }
        return search
    }

    /// A list URL with search text would put personal data in logs and histories: refused.
    static func refuseTextInURL(_ req: Request) throws {
        if (try? req.query.get(String.self, at: "q")) != nil {
            throw AppError.badRequest("Zoektekst hoort niet in de URL; gebruik POST …/search met {\"q\": …} in de body.")
        }
    }

    @Sendable static func searchHouseholds(req: Request) async throws -> Response {
        try await households(req, try search(req))
    }

    @Sendable static func listHouseholds(req: Request) async throws -> Response {
        try refuseTextInURL(req)
        return try await households(req, HouseholdSearch(query: req.query, directorID: nil))
    }

    static func households(_ req: Request, _ search: HouseholdSearch) async throws -> Response {
        let viewer = try req.requireViewer()
        var search = search
        search.directorID = (try? req.query.get(String.self, at: "director")).flatMap(UUID.init(uuidString:))
        search.restrictBulkToCaseload(of: viewer)
        let result = try await req.households.search(search, for: viewer, on: req.today)
        try await req.auditList(purpose: "api huishoudens", searchText: search.text, shown: try await req.shown(result.rows, by: search))
        return try .json(
            ListDTO(
                items: result.rows.map { HouseholdSummaryDTO($0, role: viewer.role) }, page: result.page, per: result.per,
                total: result.total))
    }

    @Sendable static func getHousehold(req: Request) async throws -> Response {
        let opened = try await req.openFileWithAccess(try req.idParameter(), .household, .read, purpose: "api dossier")
        return try .json(HouseholdDTO(opened, today: req.today))
    }

    @Sendable static func createHousehold(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try JSONFields.read(req, as: APIRequestBody.NewHousehold.self)
        let new = try HouseholdInput.newHousehold(fields, today: req.today, directorID: viewer.userID)
        let created = try await req.recordChange { tx in
            let created = try await HouseholdStore(db: tx.db).createHousehold(new, organisationID: viewer.organisationID, by: req.recorder)
            try await tx.append(
                req.auditRecord(
                    householdID: created.household, residentID: created.applicant, part: FilePart.household.rawValue, action: "aanmaken",
                    purpose: "api nieuw huishouden", change: ChangeSummary(new: new.applicant.auditSummary)))
            return created
        }
        let opened = try await req.openFileWithAccess(created.household, .household, .read, purpose: "api dossier")
        return try .json(HouseholdDTO(opened, today: req.today), status: .created)
    }

    @Sendable static func updateAddress(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let file = try await req.openFile(id, .household, .write, purpose: "api adres wijzigen")
        var reader = FormReader(try JSONFields.read(req, as: APIRequestBody.Address.self), today: req.today)
        let address = HouseholdInput.address(&reader)
        try reader.issues.throwIfAny()
        let organisationID = file.household.organisationID
        try await req.recordDescribedChange(householdID: id, part: FilePart.household.rawValue, purpose: "api adres wijzigen") { db in
            try await HouseholdStore(db: db).updateAddress(id, to: address, organisationID: organisationID)
        }
        return try await getHousehold(req: req)
    }

    @Sendable static func setBenefit(req: Request) async throws -> Response {
        let id = try req.idParameter()
        _ = try await req.openFile(id, .benefit, .write, purpose: "api uitkeringsgegevens")
        var reader = FormReader(
            try JSONFields.read(req, as: APIRequestBody.BenefitFacts.self), today: req.today)
        let facts = HouseholdInput.benefit(&reader)
        let from = HouseholdInput.validFrom(&reader)
        try reader.issues.throwIfAny()
        try await req.recordChange(
            householdID: id, part: FilePart.benefit.rawValue, purpose: "api uitkeringsgegevens",
            change: ChangeSummary(new: ["uitkering": Dutch.benefit(facts!), "vanaf": from!.iso])
        ) { db in
            try await HouseholdStore(db: db).setBenefitFacts(id, to: facts!, from: from!, by: req.recorder)
        }
        return try await getHousehold(req: req)
    }

    @Sendable static func addMember(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let file = try await req.openFile(id, .household, .write, purpose: "api gezinslid toevoegen")
        var reader = FormReader(try JSONFields.read(req, as: APIRequestBody.NewMember.self), today: req.today)
        let fields = HouseholdInput.resident(&reader)
        HouseholdInput.checkComposition(&reader, fields, in: file)
        try reader.issues.throwIfAny()
        let (newMember, organisationID) = (fields!, file.household.organisationID)
        let memberID = try await req.recordChange { tx in
            let memberID = try await HouseholdStore(db: tx.db).addMember(
                newMember, to: id, organisationID: organisationID, by: req.recorder)
            try await tx.append(
                req.auditRecord(
                    householdID: id, residentID: memberID, part: FilePart.household.rawValue, action: "aanmaken",
                    purpose: "api gezinslid toevoegen", change: ChangeSummary(new: newMember.auditSummary)))
            return memberID
        }
        let member = try await req.households.resident(memberID, organisationID: file.household.organisationID)!
        return try .json(ClientDTO(member), status: .created)
    }

    // MARK: Clients

    @Sendable static func searchClients(req: Request) async throws -> Response {
        try await clients(req, try search(req))
    }

    @Sendable static func listClients(req: Request) async throws -> Response {
        try refuseTextInURL(req)
        return try await clients(req, HouseholdSearch(query: req.query, directorID: nil))
    }

    static func clients(_ req: Request, _ search: HouseholdSearch) async throws -> Response {
        let viewer = try req.requireViewer()
        // Full client records (BSN, contact details) only from one's own caseload, also when
        // searching; other files are opened one at a time, with a stated reason.
        var search = search
        search.directorID = viewer.userID
        let result = try await req.households.searchResidents(search, for: viewer, on: req.today)
        try await req.auditList(purpose: "api cliënten", searchText: search.text, shown: result.rows.compactMap(\.id))
        return try .json(ListDTO(items: result.rows.map { ClientDTO($0) }, page: result.page, per: result.per, total: result.total))
    }

    @Sendable static func getClient(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.identity, .read, purpose: "api cliënt")
        return try .json(ClientDTO(resident, opened: opened))
    }

    @Sendable static func updateClient(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.identity, .write, purpose: "api correctie persoonsgegevens")
        let file = opened.file
        // PATCH: fields left out keep their stored value.
        var fields = [
            "bsn": resident.bsn, "givenName": resident.givenName, "familyName": resident.familyName,
            "dateOfBirth": resident.dateOfBirth.iso, "relation": resident.relation.rawValue,
        ]
        fields["coResidentException"] = resident.coResidentException?.rawValue
        fields["email"] = resident.email
        fields["phone"] = resident.phone
        fields.merge(try JSONFields.read(req, as: APIRequestBody.ClientUpdate.self)) { $1 }
        var reader = FormReader(fields, today: req.today)
        let updated = HouseholdInput.resident(&reader)
        HouseholdInput.checkComposition(&reader, updated, member: resident, in: file)
        try reader.issues.throwIfAny()
        let (residentID, changed, organisationID) = (resident.id, updated!, file.household.organisationID)
        try await req.recordDescribedChange(
            householdID: file.id, residentID: resident.id, part: FilePart.identity.rawValue, purpose: "api correctie persoonsgegevens"
        ) { db in try await HouseholdStore(db: db).updateResident(residentID, with: changed, organisationID: organisationID) }
        let saved = try await req.households.resident(resident.id, organisationID: file.household.organisationID)!
        return try .json(ClientDTO(saved))
    }
}

extension HouseholdSearch {
    /// Records (BSN, contact details) in bulk only for one's own caseload, whatever the role's
    /// reach: a teamleider or colleague finds other files by searching for a name or BSN, one
    /// search at a time, each logged (issue 12, point 2).
    mutating func restrictBulkToCaseload(of viewer: Viewer) {
        if (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty { directorID = viewer.userID }
    }
}
