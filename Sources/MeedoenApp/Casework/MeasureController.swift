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

    private static func page(
        _ req: Request, _ resident: Resident, weighing: MeasureWeighing, values: [String: String], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        try await req.renderSectionedForm(
            MeasureForm.page(for: resident, weighing: weighing, values: values, issues: issues, today: req.today))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.measures, .write, purpose: "maatregel afwegen")
        let weighing = try await req.measureWeighing(for: resident, organisation: opened.file.household.organisationID)
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
        let read = MeasureInput.read(&reader)
        let weighing = try await req.measureWeighing(
            for: resident, organisation: opened.file.household.organisationID,
            decidedOn: read?.decidedOn ?? typedDay(fields, "decidedOn", today: req.today))
        let context = weighing.context
        if var measure = read {
            MeasureInput.check(&measure, context: context, &reader)
            if reader.issues.isEmpty, let ruleSet = context.ruleSet {
                try await req.recordMeasure(measure, ruleSet: ruleSet, context: context, for: resident, in: opened.file)
                return req.redirect(
                    to: .client(.id(resident.id)),
                    flash: measure.ground == .otherObligation
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

    /// A day as typed, read apart so a refused form is still weighed on its decision day.
    private static func typedDay(_ fields: [String: String], _ name: String, today: Day) -> Day? {
        var probe = FormReader(fields, today: today)
        return probe.day(name)
    }
}
