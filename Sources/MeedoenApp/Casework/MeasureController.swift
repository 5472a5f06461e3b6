import MeedoenCore
import MeedoenStorage
import Vapor

/// Imposing a measure (R7): the form shows the person's earlier measures and proposes what the law
/// and the ordinance give (art. 18 lid 5–8, art. 18b lid 9–11); the domain refuses anything else,
/// a measure without the omgekeerde toets, or without blame. A revision on request (lid 11) is
/// recorded on the measure.
enum MeasureController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .measuresNew), use: form).require(.file(.measures, .write))
        routes.post(.client(.key, .measures), use: save).require(.file(.measures, .write))
        routes.post(.client(.key, .measureRevision(.key)), use: revise).require(.file(.measures, .write))
    }

    /// What a measure is weighed against: the rule set in force on the decision day, the profile's
    /// ordinance (none when the organisation has no valid profile: a lid-5 measure is then refused,
    /// naming the setting), the earlier measures and the intake's language level — with the earlier
    /// measures in words for the form, read once.
    struct Weighing {
        var context: Measure.Context
        var earlierLines: [String]
    }

    static func weighing(_ req: Request, _ resident: Resident, organisation: UUID, decidedOn: Day? = nil) async throws -> Weighing {
        let store = CaseworkStore(db: req.db)
        let measures = try await store.measures(of: resident.id)
        let earlier = measures.map(\.earlier)
        let language = try await store.latestIntake(of: resident.id, withSensitive: false)?.intake.language
        let parameters = try await LegalParameterStore(db: req.db).all()
        let context = Measure.Context(
            ruleSet: MeasureRuleSet.current(on: decidedOn ?? req.today, parameters: parameters),
            ordinance: (try? await req.profile(of: organisation).profile.measures) ?? nil, earlier: earlier, language: language ?? .unknown,
            today: req.today)
        return Weighing(context: context, earlierLines: measures.map(Dutch.measureLine))
    }

    private static func page(
        _ req: Request, _ resident: Resident, weighing: Weighing, values: [String: String], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let (context, earlier) = (weighing.context, weighing.earlierLines)
        let breachOn = values["breachOn"].flatMap { Day(iso: $0) ?? Day(dutch: $0) } ?? req.today
        let work = Measure.workObligationProposal(breachOn: breachOn, context: context)
        let taal = Measure.taaleisProposal(context: context, noticeOn: values["noticeOn"].flatMap { Day(iso: $0) ?? Day(dutch: $0) })
        let ordinance = context.ordinance
        var form = SectionedFormPage(
            heading: "Maatregel voor \(resident.fullName)",
            intro:
                "Eerst de omgekeerde toets: wat kan deze persoon wel, en past een maatregel dan? Zonder die afweging legt Meedoen geen maatregel vast.",
            action: SitePath.client(.id(resident.id), .measures).path, cancel: SitePath.client(.id(resident.id)).path,
            submit: "Maatregel vastleggen",
            sections: [
                FormSection(
                    legend: "Afweging", hint: nil,
                    fields: [
                        FormField(
                            "ground", "Welke verplichting", .select,
                            options: [Choice.empty()] + Choice.list(Measure.Ground.self, selected: nil, label: Dutch.measureGround)),
                        FormField(
                            "breachKind", "Welke arbeidsverplichting (art. 18 lid 4)", .select,
                            hint: "Alleen bij de arbeidsverplichtingen.",
                            optional: true,
                            options: [Choice.empty()]
                                + Choice.list(WorkObligationBreach.self, selected: nil, label: Dutch.workObligationBreach)),
                        FormField(
                            "breachOn", "Datum van de schending", .date,
                            hint: "Een schending binnen twaalf maanden na een eerder besluit telt als herhaling (art. 18 lid 6–8).",
                            optional: true),
                        FormField("breach", "Wat is er niet nagekomen", .textarea),
                        FormField(
                            "proportionalityCheck", "Omgekeerde toets: wat kan deze persoon wel, en waarom past deze maatregel", .textarea,
                            hint: "Minstens een paar zinnen; de afweging blijft bij de maatregel bewaard."),
                        FormField(
                            "blame", "Verwijtbaarheid", .select,
                            hint:
                                "Ontbreekt elke verwijtbaarheid, dan volgt geen maatregel (art. 18 lid 9). Verminderde verwijtbaarheid telt bij andere verplichtingen volgens de verordening (art. 18 lid 2).",
                            options: [Choice.empty()] + Choice.list(Measure.Blame.self, selected: nil, label: Dutch.blame)),
                    ]),
                FormSection(
                    legend: "Taaleis (art. 18b)",
                    hint:
                        "Alleen bij de taaleis. Eerst een toets met datum en uitkomst; een onbekend taalniveau is geen grond. De schriftelijke kennisgeving volgt binnen acht weken na de toets en de verlaging loopt vanaf die kennisgeving (lid 4).",
                    fields: [
                        FormField("testOn", "Datum van de taaltoets", .date, optional: true),
                        FormField(
                            "testOutcome", "Uitkomst van de toets", .select, optional: true,
                            options: [
                                Choice.empty(), Choice(value: "notMastered", label: "Beheerst de vaardigheden niet op 1F", selected: false),
                                Choice(value: "mastered", label: "Beheerst de vaardigheden op 1F", selected: false),
                            ]),
                        FormField("noticeOn", "Datum van de schriftelijke kennisgeving", .date, optional: true),
                        FormField(
                            "newTestOn", "Datum van de nieuwe toets (tweede en derde stap)", .date,
                            hint:
                                "De tweede en derde stap volgen alleen op een nieuwe toets zonder beheersing en zonder de verwachte voortgang (lid 10, 11).",
                            optional: true),
                        FormField(
                            "newTestNoProgress", "De nieuwe toets toont geen beheersing en niet de voortgang die verwacht mag worden",
                            .checkbox,
                            optional: true),
                        FormField(
                            "willing", "Binnen een maand na de kennisgeving bereid verklaard en voldoet aan de verwachte voortgang",
                            .checkbox,
                            hint: "Dan volgt geen verlaging (art. 18b lid 6 sub a).", optional: true),
                    ]),
                FormSection(
                    legend: "Maatregel",
                    hint:
                        "Voorstel arbeidsverplichtingen bij een schending op \(Dutch.date(breachOn)): \(Dutch.workProposal(work, ordinance: ordinance)) Taaleis: \(Dutch.taaleisProposal(taal)) Andere verplichtingen: volgens de maatregelenverordening.",
                    fields: [
                        FormField("percentage", "Verlaging in procenten", .number),
                        FormField(
                            "months", "Duur in maanden", .number,
                            hint: "Leeg bij de derde stap van de taaleis: tot aan de taaleis is voldaan.", optional: true),
                        FormField("startsOn", "Ingangsdatum", .date),
                        FormField("decidedOn", "Datum van het besluit", .date),
                        FormField(
                            "urgentReasons", "Dringende redenen om af te wijken", .textarea,
                            hint:
                                "Alleen met dringende redenen, schriftelijk vastgelegd, mag de maatregel lager of korter dan de wet geeft (art. 18 lid 10, art. 18b lid 7).",
                            optional: true),
                        FormField(
                            "ordinanceReference", "Artikel van de maatregelenverordening", .text,
                            hint: "Verplicht bij andere verplichtingen.", optional: true),
                    ]
                        + (ordinance?.spreadAllowed == true
                            ? [
                                FormField(
                                    "spread", "Verrekenen over drie maanden, ten minste een derde in de eerste", .checkbox,
                                    hint: "De verordening staat dit toe (art. 18 lid 5, tweede zin).", optional: true)
                            ] : [])),
            ], values: values, issues: issues)
        form.background = .init(
            heading: "Eerdere maatregelen", items: earlier,
            note: ordinance.map {
                $0.isExample ? "De perioden van de verordening in het beleidsprofiel zijn een voorbeeld, geen bron: \($0.source)." : nil
            } ?? nil)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.measures, .write, purpose: "maatregel afwegen")
        let weighing = try await weighing(req, resident, organisation: opened.file.household.organisationID)
        var values = ["startsOn": req.today.iso, "decidedOn": req.today.iso, "breachOn": req.today.iso, "percentage": "100"]
        if let months = Measure.workObligationProposal(breachOn: req.today, context: weighing.context).months {
            values["months"] = String(months)
        }
        return try await page(req, resident, weighing: weighing, values: values)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.measures, .write, purpose: "maatregel opleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let ground = reader.requiredOption("ground", as: Measure.Ground.self)
        let breachKind = reader.option("breachKind", as: WorkObligationBreach.self)
        let breachOn = reader.day("breachOn", notInFuture: true)
        let breach = reader.requiredText("breach", max: 2000)
        let check = reader.requiredText("proportionalityCheck", max: 4000)
        let blame = reader.requiredOption("blame", as: Measure.Blame.self)
        let percentage = reader.raw("percentage").flatMap { Int($0) }
        if percentage == nil { reader.fail("percentage", reader.raw("percentage") == nil ? .required : .outOfRange) }
        let months = reader.raw("months").flatMap { Int($0) }
        if reader.raw("months") != nil && months == nil { reader.fail("months", .outOfRange) }
        let startsOn = reader.requiredDay("startsOn")
        let decidedOn = reader.requiredDay("decidedOn")
        let ordinance = reader.text("ordinanceReference", max: 200)
        let urgent = reader.text("urgentReasons", max: 4000)
        let taaleis = Measure.Taaleis(
            testOn: reader.day("testOn", notInFuture: true), mastered: reader.raw("testOutcome").map { $0 == "mastered" },
            noticeOn: reader.day("noticeOn"), willingAndProgressing: reader.flag("willing"),
            newTestOn: reader.day("newTestOn", notInFuture: true), newTestShowsNoProgress: reader.flag("newTestNoProgress"))
        let weighing = try await weighing(req, resident, organisation: opened.file.household.organisationID, decidedOn: decidedOn)
        let context = weighing.context
        if let ground, let blame, let percentage, let startsOn, let decidedOn {
            var measure = Measure(
                ground: ground, breach: breach, proportionalityCheck: check, blame: blame, percentage: percentage, months: months,
                startsOn: startsOn, ordinanceReference: ordinance, breachKind: breachKind, breachOn: breachOn, decidedOn: decidedOn,
                urgentReasons: urgent, spread: reader.flag("spread"), taaleis: ground == .taaleis ? taaleis : nil)
            for problem in measure.problems(context) {
                let (field, text) = Dutch.measureProblem(problem, ordinance: context.ordinance)
                if reader.issues.items.first(where: { $0.field == field }) == nil { reader.fail(field, .custom(text)) }
            }
            // Dringende redenen belong to a measure only when they lowered or shortened it.
            if !measure.isTailored(context) { measure.urgentReasons = nil }
            if reader.issues.isEmpty, let ruleSet = context.ruleSet {
                let step =
                    ground == .workObligation
                    ? breachOn.map { Measure.workObligationProposal(breachOn: $0, context: context).step } ?? nil : nil
                let entry = req.auditRecord(
                    householdID: opened.file.id, residentID: resident.id, part: FilePart.measures.rawValue, action: "aanmaken",
                    purpose: "maatregel opleggen",
                    change: ChangeSummary(new: [
                        "grond": ground.rawValue, "procent": String(percentage), "maanden": months.map(String.init) ?? "tot voldaan",
                        "ingang": startsOn.iso, "besluit": decidedOn.iso, "lid": step.map { String($0.lid) } ?? "",
                        "regels": ruleSet.id, "dringende redenen": measure.urgentReasons == nil ? "nee" : "ja",
                    ]))
                let (residentID, recorder, imposed) = (resident.id, req.recorder, measure)
                try await req.recordChange { tx in
                    try await CaseworkStore(db: tx.db).addMeasure(imposed, ruleSet: ruleSet, step: step, for: residentID, by: recorder)
                    try await tx.append(entry)
                }
                return req.redirect(
                    to: .client(.id(resident.id)),
                    flash: ground == .otherObligation
                        ? "De maatregel is vastgelegd; heroverweeg hem uiterlijk \(Dutch.date(measure.reviewBy)) (art. 18 lid 3)."
                        : "De maatregel is vastgelegd.")
            }
        }
        return try await page(req, resident, weighing: weighing, values: fields, issues: reader.issues)
    }

    /// Art. 18 lid 11: on the person's request, once their conduct shows unambiguously that they meet the obligations.
    @Sendable static func revise(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.measures, .write, purpose: "maatregel herzien")
        guard let measureID = req.parameters.get("measure").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let day = reader.requiredDay("revisedOn", notInFuture: true)
        let note = reader.requiredText("revisionNote", max: 2000)
        let back = SitePath.client(.id(resident.id))
        guard reader.issues.isEmpty, let day else {
            return req.redirect(
                to: back,
                flash: "De herziening is niet vastgelegd: vul de datum van het verzoek en wat uit de houding en gedragingen blijkt in.")
        }
        let entry = req.auditRecord(
            householdID: opened.file.id, residentID: resident.id, part: FilePart.measures.rawValue, action: "wijzigen",
            purpose: "maatregel herzien", change: ChangeSummary(new: ["herzien": day.iso, "maatregel": measureID.uuidString]))
        let (residentID, recorder) = (resident.id, req.recorder)
        do {
            try await req.recordChange { tx in
                try await CaseworkStore(db: tx.db).reviseMeasure(measureID, of: residentID, on: day, note: note, by: recorder)
                try await tx.append(entry)
            }
        } catch let problem as CaseworkStore.RevisionProblem {
            switch problem {
            case .notFound: throw Abort(.notFound)
            case .notAWorkObligationMeasure:
                return req.redirect(
                    to: back, flash: "Herziening op verzoek geldt voor maatregelen op de arbeidsverplichtingen (art. 18 lid 11).")
            case .alreadyRevised: return req.redirect(to: back, flash: "Deze maatregel is al herzien.")
            case .beforeTheMeasure: return req.redirect(to: back, flash: "Een herziening kan niet ingaan vóór de maatregel zelf.")
            }
        }
        return req.redirect(to: back, flash: "De herziening op verzoek is vastgelegd (art. 18 lid 11).")
    }
}
