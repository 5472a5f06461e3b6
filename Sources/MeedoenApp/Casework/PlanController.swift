import MeedoenCore
import MeedoenStorage
import Vapor

/// The plan van aanpak (R5): goals with target dates, agreements and obligations; reviews record
/// progress per goal and set the next review; the plan prints as a document to read and sign.
enum PlanController {
    static let goalSlots = 5

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .plans), use: list).require(.file(.plan, .read))
        routes.get(.client(.key, .plansNew), use: form).require(.file(.plan, .write))
        routes.post(.client(.key, .plans), use: create).require(.file(.plan, .write))
        routes.get(.client(.key, .plan(.key)), use: document).require(.file(.plan, .read))
        routes.get(.client(.key, .planReview(.key)), use: reviewForm).require(.file(.plan, .write))
        routes.post(.client(.key, .planReview(.key)), use: review).require(.file(.plan, .write))
    }

    // MARK: New plan

    private static func page(_ req: Request, _ resident: Resident, values: [String: String], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        let goals = (1...goalSlots).map { n in
            FormSection(
                legend: "Doel \(n)", hint: n == 1 ? "Concreet en haalbaar, in de woorden van de cliënt." : "Niet verplicht.",
                fields: [
                    FormField("goal\(n)_description", "Doel", .textarea, optional: n > 1),
                    FormField("goal\(n)_actions", "Acties: wie doet wat", .textarea, optional: true),
                    FormField("goal\(n)_target", "Streefdatum", .date, optional: n > 1),
                ])
        }
        let form = SectionedFormPage(
            heading: "Plan van aanpak voor \(resident.fullName)",
            intro: "Een nieuw plan vervangt het lopende plan; het oude blijft bewaard met zijn evaluaties.",
            action: SitePath.client(.id(resident.id), .plans).path, cancel: SitePath.client(.id(resident.id)).path,
            submit: "Plan vastleggen",
            sections: [
                FormSection(
                    legend: "Plan", hint: nil,
                    fields: [
                        FormField("startedOn", "Startdatum", .date),
                        Conversation.formField,
                        FormField(
                            "nextReviewOn", "Eerste evaluatie", .date,
                            hint: "Volgt het dienstverleningspakket van de klantgroep waar dat een termijn noemt."),
                        FormField("agreements", "Afspraken", .textarea, optional: true),
                        FormField(
                            "obligations", "Verplichtingen", .textarea,
                            hint: "Zoals de arbeidsverplichtingen en de taaleis, voor zover van toepassing.", optional: true),
                    ])
            ] + goals, values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "plan van aanpak opstellen")
        var values = ["startedOn": req.today.iso]
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        if let group = try await CaseworkStore(db: req.db).currentAssignment(of: resident.id, on: req.today)?.groupCode,
            let months = profile.segmentation.group(group)?.service.planReviewMonths
        {
            values["nextReviewOn"] = req.today.adding(months: months).iso
        }
        return try await page(req, resident, values: Conversation.defaults(values))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "plan van aanpak opstellen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        guard let new = PlanInput.read(&reader, slots: goalSlots, keys: .form) else {
            return try await page(req, resident, values: fields, issues: reader.issues)
        }
        let id = try await req.recordPlan(new, for: resident, in: opened.file)
        return req.redirect(
            to: .client(.id(resident.id), .plan(.id(id))),
            flash: "Het plan van aanpak is vastgelegd. Print het om samen te tekenen.")
    }

    // MARK: The document

    private static func openPlan(_ req: Request, _ resident: Resident) async throws -> StoredPlan {
        guard let id = req.parameters.get("plan").flatMap(UUID.init(uuidString:)),
            let plan = try await CaseworkStore(db: req.db).plan(id), plan.residentID == resident.id
        else { throw AppError.notFound }
        return plan
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .read, purpose: "plan van aanpak bekijken")
        let plan = try await openPlan(req, resident)
        let file = opened.file
        let organisation = try await DirectoryStore(db: req.db).organisation(file.household.organisationID)?.name ?? ""
        let page = PlanDocumentPage(
            plan: plan, resident: resident, file: file, organisation: organisation, canReview: opened.may(.plan, .write), today: req.today)
        return try await req.renderPage("plan", title: "Plan van aanpak \(resident.fullName)", page)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.plan, .read, purpose: "plannen bekijken")
        guard let latest = try await CaseworkStore(db: req.db).plans(of: resident.id).first else {
            return req.redirect(to: .client(.id(resident.id), .plansNew))
        }
        return req.redirect(to: SitePath.client(.id(resident.id), .plan(.id(latest.id))).path)
    }

    // MARK: Review

    private static func reviewPage(
        _ req: Request, _ resident: Resident, _ plan: StoredPlan, values: [String: String], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let statuses = Choice.list(GoalStatus.self, selected: nil, label: Dutch.goalStatus).filter { $0.value != GoalStatus.open.rawValue }
        let goals = plan.goals.sorted { $0.position < $1.position }.filter { !$0.status.isFinished }
        let form = SectionedFormPage(
            heading: "Plan van \(resident.fullName) evalueren",
            intro: "Leg per doel de voortgang vast en kies de volgende evaluatie, of sluit het plan af.",
            action: SitePath.client(.id(resident.id), .planReview(.id(plan.id))).path,
            cancel: SitePath.client(.id(resident.id), .plan(.id(plan.id))).path, submit: "Evaluatie vastleggen",
            sections: [
                FormSection(
                    legend: "Evaluatie", hint: nil,
                    fields: [
                        FormField("reviewedOn", "Datum van de evaluatie", .date),
                        Conversation.formField,
                        FormField("summary", "Samenvatting", .textarea, optional: true),
                        FormField(
                            "nextReviewOn", "Volgende evaluatie", .date, hint: "Leeg alleen als het plan wordt afgesloten.", optional: true),
                        FormField("closePlan", "Het plan wordt met deze evaluatie afgesloten", .checkbox),
                    ])
            ]
                + goals.map { goal in
                    FormSection(
                        legend: "Doel \(goal.position): \(goal.description)", hint: "Streefdatum \(Dutch.date(goal.targetOn)).",
                        fields: [
                            FormField("goal_\(goal.id.uuidString)", "Voortgang", .select, options: [Choice.empty()] + statuses),
                            FormField("note_\(goal.id.uuidString)", "Toelichting", .textarea, optional: true),
                        ])
                }, values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func reviewForm(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.plan, .write, purpose: "plan evalueren")
        let plan = try await openPlan(req, resident)
        guard plan.closedOn == nil else { throw AppError.conflict("Dit plan is afgesloten; stel een nieuw plan op.") }
        return try await reviewPage(req, resident, plan, values: Conversation.defaults(["reviewedOn": req.today.iso]))
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "plan evalueren")
        let plan = try await openPlan(req, resident)
        guard plan.closedOn == nil else { throw AppError.conflict("Dit plan is afgesloten; er is niets gewijzigd.") }
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let keys = Dictionary(
            uniqueKeysWithValues: plan.goals.map { ($0.id, (status: "goal_\($0.id.uuidString)", note: "note_\($0.id.uuidString)")) })
        guard let read = PlanInput.readReview(&reader, plan: plan, progress: keys) else {
            return try await reviewPage(req, resident, plan, values: fields, issues: reader.issues)
        }
        try await req.recordPlanReview(read, of: plan, for: resident, in: opened.file)
        let next = read.review.nextReviewOn
        return req.redirect(
            to: .client(.id(resident.id), .plan(.id(plan.id))),
            flash: next == nil
                ? "De evaluatie is vastgelegd en het plan is afgesloten."
                : "De evaluatie is vastgelegd; de volgende is op \(Dutch.date(next!)).")
    }
}

extension Dutch {
    static func goalStatus(_ status: GoalStatus) -> String {
        switch status {
        case .open: "Afgesproken"
        case .onTrack: "Op schema"
        case .behind: "Loopt achter"
        case .achieved: "Behaald"
        case .dropped: "Vervallen"
        }
    }
}

extension Dutch {
    static func planProblem(_ problem: PlanRules.Problem, keys: PlanInput.GoalKeys) -> (field: String, message: String) {
        switch problem {
        case .reviewNotAfterStart: ("nextReviewOn", "De evaluatie ligt na de startdatum.")
        case .targetBeforeStart(let goal): (keys.key(goal, .target), "De streefdatum ligt op of na de startdatum.")
        case .nextReviewNotAfterReview: ("nextReviewOn", "De volgende evaluatie ligt na deze evaluatie.")
        case .nextReviewWhileClosing: ("nextReviewOn", "Een plan dat wordt afgesloten heeft geen volgende evaluatie.")
        case .nextReviewMissing: ("nextReviewOn", "Vul de volgende evaluatie in, of vink aan dat het plan wordt afgesloten.")
        }
    }
}
