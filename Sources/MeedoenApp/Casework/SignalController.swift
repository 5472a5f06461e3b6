import MeedoenCore
import MeedoenStorage
import Vapor

/// Signals to and from debt help, Wmo and youth care (R26), and the young client's "pas loslaten
/// als" checklist (R14).
enum SignalController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .signalsNew), use: form).require(.file(.signals, .write))
        routes.post(.client(.key, .signals), use: save).require(.file(.signals, .write))
        routes.post(.client(.key, .signalOutcome(.key)), use: outcome).require(.file(.signals, .write))
        routes.get(.client(.key, .youthChecklist), use: checklistForm).require(.file(.plan, .write))
        routes.post(.client(.key, .youthChecklist), use: saveChecklist).require(.file(.plan, .write))
    }

    private static func page(_ req: Request, _ resident: Resident, values: [String: String], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        let form = SectionedFormPage(
            heading: "Signaal vastleggen voor \(resident.fullName)", action: SitePath.client(.id(resident.id), .signals).path,
            cancel: SitePath.client(.id(resident.id)).path, submit: "Signaal vastleggen",
            sections: [
                FormSection(
                    legend: "Signaal", hint: "Alleen wat het andere domein nodig heeft om te helpen.",
                    fields: [
                        FormField(
                            "domain", "Domein", .select,
                            options: [Choice.empty()] + Choice.list(SignalDomain.self, selected: nil, label: Dutch.signalDomain)),
                        FormField(
                            "direction", "Richting", .select,
                            options: [Choice.empty()] + Choice.list(SignalDirection.self, selected: nil, label: Dutch.signalDirection)),
                        FormField("signalledOn", "Datum", .date),
                        FormField("subject", "Waar gaat het over", .textarea),
                    ])
            ], values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.signals, .write, purpose: "signaal vastleggen")
        return try await page(req, resident, values: ["signalledOn": req.today.iso])
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.signals, .write, purpose: "signaal vastleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        guard let signal = SignalInput.read(&reader) else { return try await page(req, resident, values: fields, issues: reader.issues) }
        try await req.recordSignal(signal, for: resident, in: opened.file, purpose: "signaal vastleggen")
        let domain = signal.domain
        return req.redirect(
            to: .client(.id(resident.id)),
            flash: "Het signaal aan of van \(Dutch.signalDomain(domain).lowercased()) is vastgelegd.")
    }

    struct OutcomeForm: Content {
        var outcome: String?
    }

    @Sendable static func outcome(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.signals, .write, purpose: "uitkomst signaal")
        guard let id = req.parameters.get("signal").flatMap(UUID.init(uuidString:)),
            let signal = try await CaseworkStore(db: req.db).signal(id),
            signal.residentID == resident.id
        else { throw AppError.notFound }
        do {
            try await req.recordSignalOutcome(
                try req.content.decode(OutcomeForm.self).outcome, of: signal, householdID: opened.file.id, purpose: "uitkomst signaal")
        } catch let issues as FieldIssues {
            throw AppError.badRequest(issues.items.first.map { Dutch.issue($0.issue) } ?? "")
        }
        return req.redirect(to: .client(.id(resident.id)), flash: "De uitkomst is vastgelegd.")
    }

    // MARK: Youth checklist

    private static func checklistPage(
        _ req: Request, _ resident: Resident, values: [String: String], issues: FieldIssues = FieldIssues()
    )
        async throws -> Response
    {
        let form = SectionedFormPage(
            heading: "Pas loslaten als… — \(resident.fullName)",
            intro:
                "Een jongere laten we pas los als woonplek, school of werk, een stabiel inkomen en iemand om op terug te vallen geregeld zijn.",
            action: SitePath.client(.id(resident.id), .youthChecklist).path, cancel: SitePath.client(.id(resident.id)).path,
            submit: "Checklist vastleggen",
            sections: [
                FormSection(
                    legend: "Wat is geregeld", hint: nil,
                    fields: YouthChecklist.Item.allCases.map { FormField($0.rawValue, "Er is \(Dutch.youthItem($0))", .checkbox) } + [
                        FormField("checkedOn", "Datum", .date), FormField("note", "Toelichting", .textarea, optional: true),
                    ])
            ], values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func checklistForm(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.plan, .write, purpose: "jongerenchecklist")
        var values = ["checkedOn": req.today.iso]
        if let latest = try await CaseworkStore(db: req.db).youthChecklists(of: resident.id).first?.checklist {
            for item in YouthChecklist.Item.allCases where latest.isArranged(item) { values[item.rawValue] = "ja" }
        }
        return try await checklistPage(req, resident, values: values)
    }

    @Sendable static func saveChecklist(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "jongerenchecklist")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let day = reader.requiredDay("checkedOn", notInFuture: true)
        let note = reader.text("note", max: 2000)
        guard reader.issues.isEmpty, let day else { return try await checklistPage(req, resident, values: fields, issues: reader.issues) }
        let checklist = YouthChecklist(
            housing: reader.flag("housing"), schoolOrWork: reader.flag("schoolOrWork"), stableIncome: reader.flag("stableIncome"),
            fallbackPerson: reader.flag("fallbackPerson"))
        try await req.recordChange(
            householdID: opened.file.id, residentID: resident.id, part: FilePart.plan.rawValue, action: "aanmaken",
            purpose: "jongerenchecklist",
            change: ChangeSummary(new: ["datum": day.iso, "compleet": checklist.isComplete ? "ja" : "nee"])
        ) { db in
            try await CaseworkStore(db: db).addYouthChecklist(checklist, on: day, note: note, for: resident.id, by: req.recorder)
        }
        return req.redirect(
            to: .client(.id(resident.id)),
            flash: checklist.isComplete ? "Alles is geregeld: loslaten kan." : "De checklist is vastgelegd; nog niet alles is geregeld.")
    }
}

extension Dutch {
    static func youthItem(_ item: YouthChecklist.Item) -> String {
        switch item {
        case .housing: "een woonplek"
        case .schoolOrWork: "school of werk"
        case .stableIncome: "een stabiel inkomen"
        case .fallbackPerson: "iemand om op terug te vallen"
        }
    }
}
