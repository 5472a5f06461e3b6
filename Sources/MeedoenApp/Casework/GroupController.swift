import MeedoenCore
import MeedoenStorage
import Vapor

/// The client group (route, dimensions, trajectory kind) — R4: Meedoen proposes from the recorded
/// facts with the rule that fired; the case manager confirms, or chooses another with a reason.
enum GroupController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .group), use: form).require(.file(.intake, .write))
        routes.post(.client(.key, .group), use: decide).require(.file(.intake, .write))
    }

    struct GroupView: Encodable {
        var code: String
        var name: String
        var criteria: [String]
        var services: [String]
        var reviews: [String]
        var tegenprestatie: String?
        var professional: String?
        var admissionNeedsReason: Bool
        var rules: [String] = []

        init(_ group: ClientGroup) {
            (code, name, criteria, services) = (group.code, group.name, group.criteria, group.service.services)
            reviews = group.service.reviews.map { "\($0.description) (elke \($0.everyMonths) maanden)" }
            // No tegenprestatie: say why, with its source (wage earners, Wijchen's zorgprofessional).
            (tegenprestatie, professional, admissionNeedsReason) = (
                group.tegenprestatie ?? group.tegenprestatieNote, group.professional, group.admissionNeedsReason ?? false
            )
        }
    }

    struct Page: Encodable {
        var heading: String
        var label: String
        var action: String
        var cancel: String
        var intakeDate: String?
        var proposed: GroupView?
        var reasons: [String]
        var explanation: String?
        var noProposal: String?
        var current: String?
        var groups: [GroupView]
        var values: [String: String]
        var errors: [String: String]
        var errorList: [FormPage.Message]
        var source: String
    }

    /// The proposal for a client from the latest intake and ladder measurement.
    static func proposal(_ req: Request, _ resident: Resident, _ file: HouseholdFile, profile: PolicyProfile) async throws -> (
        Proposal?, Day?
    ) {
        let store = CaseworkStore(db: req.db)
        // The whole ZRM decides self-sufficiency; the page shows only the derived yes/no, never the scores.
        guard let intake = try await store.latestIntake(of: resident.id, withSensitive: true)?.intake else { return (nil, nil) }
        let ladder = try await req.households.ladder(of: resident.id).last?.measurement
        // Evaluated today: a client who turned 27 since the intake is no longer youth.
        let facts = intake.facts(
            dateOfBirth: resident.dateOfBirth, ladder: ladder, specialGroups: file.specialGroups(of: resident.id, on: req.today),
            on: req.today, selfSufficientFrom: profile.segmentation.selfSufficientThreshold)
        return (profile.segmentation.propose(for: facts, municipality: try await req.municipalityCode(of: file)), intake.heldOn)
    }

    private static func page(
        _ req: Request, _ resident: Resident, _ opened: OpenedFile, values: [String: String] = [:], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let segmentation = profile.segmentation
        let (proposal, intakeDay) = try await proposal(req, resident, opened.file, profile: profile)
        let current = try await CaseworkStore(db: req.db).currentAssignment(of: resident.id, on: req.today)
        var values = values
        if values.isEmpty { values = ["groupCode": proposal?.code ?? current?.groupCode ?? "", "validFrom": req.today.iso] }
        let form = FormPage(heading: "", action: "", cancel: "", values: values, issues: issues)
        var page = Page(
            heading: "\(segmentation.label) van \(resident.fullName)", label: segmentation.label,
            action: SitePath.client(.id(resident.id), .group).path, cancel: SitePath.client(.id(resident.id)).path,
            intakeDate: intakeDay.map(Dutch.date), proposed: nil, reasons: [], explanation: nil, noProposal: nil,
            current: current.flatMap { segmentation.group($0.groupCode)?.name ?? $0.groupCode },
            groups: segmentation.groups.map(GroupView.init),
            values: form.values, errors: form.errors, errorList: form.errorList, source: segmentation.source)
        switch proposal {
        case .group(let code, let reasons, let explanation):
            page.proposed = segmentation.group(code).map(GroupView.init)
            (page.reasons, page.explanation) = (reasons.map(Dutch.proposalReason), explanation)
        case .needsFacts(let group, let missing):
            page.noProposal =
                "Nog geen voorstel: voor \(segmentation.group(group)?.name ?? group) ontbreekt \(missing.map { FactLabels.name($0).lowercased() }.joined(separator: ", "))."
                + (missing.contains { $0 == .currentRung || $0 == .expectedEndRung }
                    ? " Leg eerst een meting op de participatieladder vast." : "")
        case .noGroupFits:
            page.noProposal = "Geen enkele \(segmentation.label.lowercased()) past op de vastgelegde feiten. Kies zelf en leg uit waarom."
        case nil:
            page.noProposal = "Er is nog geen intake. Houd eerst een intake; dan stelt Meedoen een \(segmentation.label.lowercased()) voor."
        }
        return try await req.renderPage("group", title: page.heading, page, status: issues.isEmpty ? .ok : .badRequest)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "klantgroep vaststellen")
        return try await page(req, resident, opened)
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "klantgroep vaststellen")
        let fields = try req.formFields()
        let inForce = try await req.profile(of: opened.file.household.organisationID)
        let (profile, version) = (inForce.profile, inForce.version)
        let (proposal, _) = try await proposal(req, resident, opened.file, profile: profile)
        var reader = FormReader(fields, today: req.today)
        let code = reader.raw("groupCode")
        if code == nil {
            reader.fail("groupCode", .required)
        } else if profile.segmentation.group(code!) == nil {
            reader.fail("groupCode", .unknownOption)
        }
        let validFrom = reader.requiredDay("validFrom")
        let reason = reader.text("overrideReason", max: 1000)
        // Another group than proposed (or none proposed) is a decision that needs its reason (R4);
        // so is entry into a group the policy guards (Steenwijkerland's Zorg).
        if let code, code != proposal?.code, reason == nil {
            reader.fail("overrideReason", .custom("Leg uit waarom u afwijkt van het voorstel."))
        } else if let code, profile.segmentation.group(code)?.admissionNeedsReason == true, reason == nil {
            reader.fail(
                "overrideReason", .custom("Toetreding tot deze groep wordt streng getoetst: leg uit waarom deze cliënt erin hoort."))
        }
        guard reader.issues.isEmpty, let code, let validFrom else {
            return try await page(req, resident, opened, values: fields, issues: reader.issues)
        }
        var reasons: [String] = []
        if case .group(_, let fired, _) = proposal { reasons = fired.map(Dutch.proposalReason) }
        let decision = CaseworkStore.GroupDecision(
            groupCode: code, proposedCode: proposal?.code, reasons: reasons,
            overrideReason: code == proposal?.code && profile.segmentation.group(code)?.admissionNeedsReason != true ? nil : reason,
            profileVersion: version, validFrom: validFrom)
        try await req.recordChange(
            householdID: opened.file.id, residentID: resident.id, part: FilePart.intake.rawValue,
            purpose: "klantgroep vaststellen",
            change: ChangeSummary(new: [
                "groep": code, "voorstel": proposal?.code ?? "", "besluit": decision.isOverride ? "afgeweken" : "bevestigd",
                "vanaf": validFrom.iso,
            ])
        ) { db in
            try await CaseworkStore(db: db).assign(decision, to: resident.id, by: req.recorder)
        }
        let name = profile.segmentation.group(code)?.name ?? code
        return req.redirect(
            to: .client(.id(resident.id)),
            flash: decision.isOverride ? "\(name) is vastgelegd, met uw reden om af te wijken." : "\(name) is bevestigd.")
    }
}
