import MeedoenCore
import MeedoenStorage
import Vapor

/// Warm hand-overs (R10): to a colleague or partner professional in Meedoen (who is then linked to
/// the client and answers the hand-over) or to an organisation outside (the WerkBedrijf, the
/// sociaal wijkteam), whose answer the case manager records. The regisseur stays: both tracks run.
enum HandoverController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.handovers, use: inbox).require(.file(.handovers, .read))
        routes.get(.client(.key, .handoversNew), use: form).require(.file(.handovers, .write))
        routes.post(.client(.key, .handovers), use: save).require(.file(.handovers, .write))
        routes.post(.client(.key, .handoverDecision(.key)), use: recordAnswer).require(.file(.handovers, .write))
        routes.post(.handoverDecision(.key), use: answer).require(.file(.handovers, .read))
    }

    // Employer services read only the work profile; their matching arrives with the employer-services issue.
    static let receivingRoles: [Role] = [.participationCoach, .careProfessional, .jobCoach, .caseManager]

    private static func page(_ req: Request, _ resident: Resident, values: [String: String], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        let viewer = try req.requireViewer()
        let roleName = await req.roleNamer()
        let colleagues = try await DirectoryStore(db: req.db).users(of: viewer.organisationID)
            .filter { receivingRoles.contains($0.role) && $0.id != viewer.userID && $0.active }
            .map { Choice(value: $0.id!.uuidString, label: "\($0.displayName) (\(roleName($0.role).lowercased()))", selected: false) }
        let form = SectionedFormPage(
            heading: "Warme overdracht voor \(resident.fullName)",
            intro:
                "U blijft regisseur; de overdracht loopt ernaast. Kies een collega of partner in Meedoen, of noem de organisatie buiten Meedoen.",
            action: SitePath.client(.id(resident.id), .handovers).path, cancel: SitePath.client(.id(resident.id)).path,
            submit: "Overdracht aanmelden",
            sections: [
                FormSection(
                    legend: "Naar wie", hint: "Vul één van beide in.",
                    fields: [
                        FormField(
                            "toUser", "Collega of partner in Meedoen", .select, optional: true,
                            options: [Choice.empty("Niemand in Meedoen")] + colleagues),
                        FormField(
                            "toOrganisation", "Organisatie buiten Meedoen", .text,
                            hint: "Bijvoorbeeld: WerkBedrijf Rijk van Nijmegen, sociaal wijkteam.", optional: true),
                    ]),
                FormSection(
                    legend: "Waarom", hint: nil,
                    fields: [
                        FormField("goal", "Doel van de overdracht", .textarea),
                        FormField("reason", "Reden", .textarea),
                        FormField("handedOverOn", "Datum", .date),
                    ]),
            ], values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.handovers, .write, purpose: "warme overdracht")
        return try await page(req, resident, values: ["handedOverOn": req.today.iso])
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let (resident, opened) = try await req.openClient(.handovers, .write, purpose: "warme overdracht")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        guard let handover = try await HandoverInput.read(&reader, toUserKey: "toUser", viewer: viewer, on: req.db) else {
            return try await page(req, resident, values: fields, issues: reader.issues)
        }
        try await req.recordHandover(handover, for: resident, in: opened.file, purpose: "warme overdracht")
        return req.redirect(to: .client(.id(resident.id)), flash: "De overdracht is aangemeld.")
    }

    struct DecisionForm: Content {
        var status: String?
        var note: String?
    }

    /// The answer in the form; refused with the Core rule's problem (HandoverAnswer).
    private static func decision(_ req: Request, current: HandoverStatus, checkTransition: Bool = true) throws -> (HandoverStatus, String?)
    {
        let input = try req.content.decode(DecisionForm.self)
        switch HandoverInput.answer(status: input.status, note: input.note, current: current, checkTransition: checkTransition) {
        case .success(let answer): return answer
        case .failure(.invalid(_, let message)): throw AppError.badRequest("\(message) Er is niets gewijzigd.")
        case .failure(.conflict(let message)): throw AppError.conflict(message)
        }
    }

    /// The receiving professional answers their own hand-over from the inbox, before being linked.
    @Sendable static func answer(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get("handover").flatMap(UUID.init(uuidString:)),
            let handover = try await CaseworkStore(db: req.db).handover(id), handover.toUserID == viewer.userID,
            let resident = try await req.households.resident(handover.residentID, organisationID: viewer.organisationID)
        else { throw AppError.notFound }
        let (status, note) = try decision(req, current: handover.status)
        try await req.recordHandoverAnswer(
            status, note: note, to: handover, householdID: resident.householdID, purpose: "overdracht beantwoorden")
        return req.redirect(to: .handovers, flash: "De overdracht is \(Dutch.handoverStatus(status).lowercased()).")
    }

    /// For an organisation outside Meedoen the regisseur records its answer.
    @Sendable static func recordAnswer(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.handovers, .write, purpose: "antwoord op overdracht vastleggen")
        guard let id = req.parameters.get("handover").flatMap(UUID.init(uuidString:)),
            let handover = try await CaseworkStore(db: req.db).handover(id), handover.residentID == resident.id
        else { throw AppError.notFound }
        // A colleague or partner answers for themselves; the regisseur can only end the link, also a
        // proposal not yet answered (issue 12, point 10). For an organisation outside Meedoen the
        // regisseur records its answer, which moves forward only.
        let forColleague = handover.toUserID != nil
        let (status, note) = try decision(req, current: handover.status, checkTransition: !forColleague)
        if forColleague {
            guard status == .ended, [.proposed, .accepted].contains(handover.status) else { throw AppError.forbidden }
        }
        try await req.recordHandoverAnswer(
            status, note: note, to: handover, householdID: opened.file.id, purpose: "antwoord op overdracht vastleggen")
        return req.redirect(
            to: .client(.id(resident.id)), flash: "Het antwoord is vastgelegd: \(Dutch.handoverStatus(status).lowercased()).")
    }

    @Sendable static func inbox(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let handovers = try await CaseworkStore(db: req.db).handovers(to: viewer.userID)
        try await req.auditList(
            part: .handovers, purpose: "mijn aanmeldingen", searchText: nil,
            shown: handovers.map(\.residentID))
        return try await req.renderPage("handovers", title: "Mijn aanmeldingen", HandoverInboxPage(handovers))
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension Dutch {
    static func handoverStatus(_ status: HandoverStatus) -> String {
        switch status {
        case .proposed: "Aangemeld"
        case .accepted: "Geaccepteerd"
        case .declined: "Afgewezen"
        case .ended: "Afgerond"
        }
    }

    static func signalDomain(_ domain: SignalDomain) -> String {
        switch domain {
        case .debtHelp: "Schuldhulpverlening"
        case .wmo: "Wmo / sociaal wijkteam"
        case .youthCare: "Jeugdhulp"
        }
    }

    static func signalDirection(_ direction: SignalDirection) -> String {
        switch direction {
        case .outgoing: "Wij signaleren"
        case .incoming: "Signaal aan ons"
        }
    }
}
