import MeedoenCore
import MeedoenStorage
import Vapor

/// Imposing a measure (R7): the form asks the omgekeerde toets first, and the domain refuses a
/// measure without it, without blame, or off the legal steps (art. 18 lid 4, art. 18b).
enum MeasureController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("clients", ":id", "measures", "new", use: form).require(.file(.measures, .write))
        routes.post("clients", ":id", "measures", use: save).require(.file(.measures, .write))
    }

    private static func page(_ req: Request, _ resident: ResidentModel, values: [String: String], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        let step = Measure.taaleisStep(previous: try await taaleisHistory(req, resident).starts.count)
        let form = SectionedFormPage(
            heading: "Maatregel voor \(resident.fullName)",
            intro:
                "Eerst de omgekeerde toets: wat kan deze persoon wel, en past een maatregel dan? Zonder die afweging legt Meedoen geen maatregel vast.",
            action: "/clients/\(resident.id!.uuidString)/measures", cancel: "/clients/\(resident.id!.uuidString)",
            submit: "Maatregel vastleggen",
            sections: [
                FormSection(
                    legend: "Afweging", hint: nil,
                    fields: [
                        FormField(
                            "ground", "Welke verplichting", .select,
                            options: [Choice.empty()] + Choice.list(Measure.Ground.self, selected: nil, label: Dutch.measureGround)),
                        FormField("breach", "Wat is er niet nagekomen", .textarea),
                        FormField(
                            "proportionalityCheck", "Omgekeerde toets: wat kan deze persoon wel, en waarom past deze maatregel", .textarea,
                            hint: "Minstens een paar zinnen; de afweging blijft bij de maatregel bewaard."),
                        FormField(
                            "blame", "Verwijtbaarheid", .select,
                            hint: "Ontbreekt elke verwijtbaarheid, dan volgt geen maatregel (art. 18 lid 9).",
                            options: [Choice.empty()] + Choice.list(Measure.Blame.self, selected: nil, label: Dutch.blame)),
                    ]),
                FormSection(
                    legend: "Maatregel",
                    hint:
                        "Arbeidsverplichtingen: 100% voor 1 tot 3 maanden (art. 18 lid 4). Taaleis: de volgende stap voor deze cliënt is \(step.percentage)%\(step.months.map { " voor " + Dutch.count($0, "maand", "maanden") } ?? " tot aan de taaleis is voldaan") (art. 18b). Andere verplichtingen: volgens de maatregelenverordening.",
                    fields: [
                        FormField("percentage", "Verlaging in procenten", .number),
                        FormField(
                            "months", "Duur in maanden", .number,
                            hint: "Leeg bij de derde stap van de taaleis: tot aan de taaleis is voldaan.", optional: true),
                        FormField("startsOn", "Ingangsdatum", .date),
                        FormField(
                            "ordinanceReference", "Artikel van de maatregelenverordening", .text,
                            hint: "Verplicht bij andere verplichtingen.", optional: true),
                    ]),
            ], values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    /// Earlier taaleis measures and the language level of the latest intake (unknown counts as below 1F:
    /// the case manager records the test result in the intake first).
    static func taaleisHistory(_ req: Request, _ resident: ResidentModel) async throws -> Measure.TaaleisHistory {
        let store = CaseworkStore(db: req.db)
        let starts = try await store.measures(of: resident.id!).filter { $0.ground == .taaleis }.map { Day($0.startsOn) }
        let language = try await store.intakes(of: resident.id!).first.map { try store.intake($0, withSensitive: false).language }
        return Measure.TaaleisHistory(starts: starts, language: language ?? .belowRequirement)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.measures, .write, purpose: "maatregel afwegen")
        return try await page(req, resident, values: ["startsOn": req.today.iso])
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.measures, .write, purpose: "maatregel opleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let ground = reader.requiredOption("ground", as: Measure.Ground.self)
        let breach = reader.requiredText("breach", max: 2000)
        let check = reader.requiredText("proportionalityCheck", max: 4000)
        let blame = reader.requiredOption("blame", as: Measure.Blame.self)
        let percentage = reader.raw("percentage").flatMap { Int($0) }
        if percentage == nil { reader.fail("percentage", reader.raw("percentage") == nil ? .required : .outOfRange) }
        let months = reader.raw("months").flatMap { Int($0) }
        if reader.raw("months") != nil && months == nil { reader.fail("months", .outOfRange) }
        let startsOn = reader.requiredDay("startsOn")
        let ordinance = reader.text("ordinanceReference", max: 200)
        if let ground, let blame, let percentage, let startsOn {
            let measure = Measure(
                ground: ground, breach: breach, proportionalityCheck: check, blame: blame, percentage: percentage, months: months,
                startsOn: startsOn, ordinanceReference: ordinance)
            for problem in measure.problems(taaleis: try await taaleisHistory(req, resident)) {
                let (field, text) = Dutch.measureProblem(problem)
                if reader.issues.items.first(where: { $0.field == field }) == nil { reader.fail(field, .custom(text)) }
            }
            if reader.issues.isEmpty {
                try await CaseworkStore(db: req.db).addMeasure(measure, for: resident.id!, by: req.recorder)
                try await req.audit(
                    householdID: opened.file.id, residentID: resident.id, part: FilePart.measures.rawValue, action: "aanmaken",
                    purpose: "maatregel opleggen",
                    change: ChangeSummary(new: [
                        "grond": ground.rawValue, "procent": String(percentage), "maanden": months.map(String.init) ?? "tot voldaan",
                        "ingang": startsOn.iso,
                    ]))
                return req.redirect(
                    to: "/clients/\(resident.id!.uuidString)",
                    flash: "De maatregel is vastgelegd; heroverweeg hem uiterlijk \(Dutch.date(measure.reviewBy)) (art. 18 lid 3).")
            }
        }
        return try await page(req, resident, values: fields, issues: reader.issues)
    }
}

extension Dutch {
    static func measureGround(_ ground: Measure.Ground) -> String {
        switch ground {
        case .workObligation: "Arbeidsverplichting (art. 18 lid 4)"
        case .otherObligation: "Andere verplichting (maatregelenverordening)"
        case .taaleis: "Taaleis (art. 18b)"
        }
    }

    static func blame(_ blame: Measure.Blame) -> String {
        switch blame {
        case .full: "Verwijtbaar"
        case .reduced: "Verminderd verwijtbaar"
        case .none: "Niet verwijtbaar"
        }
    }

    static func measureProblem(_ problem: Measure.Problem) -> (field: String, message: String) {
        switch problem {
        case .proportionalityCheckMissing:
            ("proportionalityCheck", "Leg de omgekeerde toets vast: wat kan deze persoon wel? Zonder die afweging geen maatregel.")
        case .noBlame: ("blame", "Zonder verwijtbaarheid wordt geen maatregel opgelegd (art. 18 lid 9).")
        case .workObligationPercentage:
            ("percentage", "Bij een verwijtbare schending van de arbeidsverplichtingen is de verlaging 100% (art. 18 lid 4).")
        case .workObligationMonths: ("months", "Bij de arbeidsverplichtingen duurt de maatregel 1 tot en met 3 maanden.")
        case .taaleisStep(let percentage, let months):
            (
                "percentage",
                "Bij de taaleis is de volgende stap \(percentage)%\(months.map { " voor " + Dutch.count($0, "maand", "maanden") } ?? " tot aan de taaleis is voldaan (duur leeg laten)") (art. 18b)."
            )
        case .percentageOutOfRange: ("percentage", "Vul een percentage van 1 tot en met 100 in.")
        case .taaleisTooEarly(let day):
            ("startsOn", "De volgende stap van de taaleis kan pas na zes maanden, op zijn vroegst per \(date(day)).")
        case .taaleisMet:
            ("ground", "Volgens de laatste intake voldoet deze cliënt aan de taaleis of is vrijgesteld: geen maatregel op de taaleis.")
        case .monthsOutOfRange: ("months", "Vul een duur van 1 tot en met 36 maanden in, zoals de verordening die noemt.")
        case .monthsMissing: ("months", "Vul de duur in maanden in, zoals de verordening die noemt.")
        case .ordinanceReferenceMissing: ("ordinanceReference", "Noem het artikel van de maatregelenverordening.")
        }
    }
}
