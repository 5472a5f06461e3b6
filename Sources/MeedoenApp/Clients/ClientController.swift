import MeedoenCore
import MeedoenStorage
import Vapor

/// The client page and its edits: personal data, special groups, support periods.
enum ClientController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key), use: show).require(.file(.identity, .read))
        routes.get(.client(.key, .edit), use: editForm).require(.file(.identity, .write))
        routes.get(.client(.key, .ladderNew), use: ladderForm).require(.file(.ladder, .write))
        routes.post(.client(.key, .ladder), use: addMeasurement).require(.file(.ladder, .write))
        routes.post(.client(.key, .edit), use: edit).require(.file(.identity, .write))
        routes.get(.client(.key, .groupsNew), use: groupForm).require(.file(.specialGroups, .write))
        routes.post(.client(.key, .groups), use: addGroup).require(.file(.specialGroups, .write))
        routes.post(.client(.key, .groupsEnd), use: endGroup).require(.file(.specialGroups, .write))
        routes.post(.client(.key, .supportStart), use: startSupport).require(.file(.supportPeriods, .write))
        routes.get(.client(.key, .supportEnd), use: endSupportForm).require(.file(.supportPeriods, .write))
        routes.post(.client(.key, .supportEnd), use: endSupport).require(.file(.supportPeriods, .write))
    }

    private static func open(_ req: Request, _ part: FilePart, _ action: AccessAction, purpose: String) async throws -> (
        Resident, HouseholdFile
    ) {
        let (resident, opened) = try await req.openClient(part, action, purpose: purpose)
        return (resident, opened.file)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.identity, .read, purpose: "cliënt bekijken")
        var ladder: LadderView?
        if opened.may(.ladder, .read) {
            let records = try await req.households.ladder(of: resident.id)
            let measurers = try await DirectoryStore(db: req.db).users(of: opened.file.household.organisationID)
            ladder = LadderView(
                records, names: Dictionary(uniqueKeysWithValues: measurers.map { ($0.id!, $0.displayName) }), today: req.today)
        }
        var page = ClientShowPage(resident: resident, opened: opened, today: req.today, ladder: ladder)
        page.casework = try await CaseworkView.load(req, resident, opened)
        return try await req.renderPage("client", title: resident.fullName, page)
    }

    // MARK: Personal data

    private static func editPage(
        _ req: Request, _ resident: Resident, values: [String: String]? = nil, issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let values =
            values ?? [
                "bsn": resident.bsn, "givenName": resident.givenName, "familyName": resident.familyName,
                "dateOfBirth": resident.dateOfBirth.iso, "relation": resident.relation.rawValue,
                "coResidentException": resident.coResidentException?.rawValue ?? "", "email": resident.email ?? "",
                "phone": resident.phone ?? "",
            ]
        let fields =
            HouseholdInput.personFields + HouseholdInput.relationFields(includingApplicant: true) + HouseholdInput.contactFields
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: "Gegevens van \(resident.fullName) wijzigen",
                intro: "Een correctie wordt met de oude en nieuwe waarde vastgelegd in het toegangslog.",
                action: SitePath.client(.id(resident.id), .edit).path, cancel: SitePath.client(.id(resident.id)).path,
                submit: "Gegevens opslaan", sections: [FormSection(fields: fields)], values: values, issues: issues))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let (resident, _) = try await open(req, .identity, .write, purpose: "gegevens wijzigen")
        return try await editPage(req, resident)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (resident, file) = try await open(req, .identity, .write, purpose: "gegevens wijzigen")
        let fields = try req.formFields()
        do {
            var reader = FormReader(fields, today: req.today)
            let updated = HouseholdInput.resident(&reader)
            HouseholdInput.checkComposition(&reader, updated, member: resident, in: file)
            try reader.issues.throwIfAny()
            let (residentID, organisationID, fields) = (resident.id, file.household.organisationID, updated!)
            try await req.recordDescribedChange(
                householdID: file.id, residentID: resident.id, part: FilePart.identity.rawValue, purpose: "correctie persoonsgegevens"
            ) { db in try await HouseholdStore(db: db).updateResident(residentID, with: fields, organisationID: organisationID) }
            return req.redirect(to: .client(.id(resident.id)), flash: "De gegevens zijn opgeslagen.")
        } catch let issues as FieldIssues {
            return try await editPage(req, resident, values: fields, issues: issues)
        } catch let problem as HouseholdStore.Problem {
            return try await editPage(req, resident, values: fields, issues: problem.fieldIssues)
        }
    }

    // MARK: Special groups

    private static func groupPage(
        _ req: Request, _ resident: Resident, values: [String: String] = [:], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        var values = values
        if values.isEmpty { values["validFrom"] = req.today.iso }
        let fields = [
            FormField("kind", "Groep", .select, options: Choice.list(SpecialGroup.self, selected: nil, label: Dutch.specialGroup)),
            FormField("validFrom", "Vanaf", .date, hint: "Bijvoorbeeld 28-11-2026."),
            FormField("validTo", "Tot en met", .date, hint: "Leeg laten als het einde nog niet bekend is.", optional: true),
            FormField("integrationStart", "Start inburgering (alleen statushouder)", .date, optional: true),
        ]
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: "Bijzondere groep toevoegen voor \(resident.fullName)", action: SitePath.client(.id(resident.id), .groups).path,
                cancel: SitePath.client(.id(resident.id)).path, submit: "Groep vastleggen", sections: [FormSection(fields: fields)],
                values: values, issues: issues))
    }

    @Sendable static func groupForm(req: Request) async throws -> Response {
        let (resident, _) = try await open(req, .specialGroups, .write, purpose: "bijzondere groep vastleggen")
        return try await groupPage(req, resident)
    }

    @Sendable static func addGroup(req: Request) async throws -> Response {
        let (resident, file) = try await open(req, .specialGroups, .write, purpose: "bijzondere groep vastleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let kind = reader.requiredOption("kind", as: SpecialGroup.self)
        let from = HouseholdInput.validFrom(&reader)
        let to = reader.day("validTo")
        let integrationStart = reader.day("integrationStart")
        if let from, let to, to < from { reader.fail("validTo", .endBeforeStart) }
        guard reader.issues.isEmpty, let kind, let from else {
            return try await groupPage(req, resident, values: fields, issues: reader.issues)
        }
        let membership = SpecialGroupModel.Membership(
            kind: kind, integrationStart: kind.recordsIntegrationStart ? (integrationStart ?? from) : nil)
        let (residentID, recorder) = (resident.id, req.recorder)
        try await req.recordChange(
            householdID: file.id, residentID: resident.id, part: FilePart.specialGroups.rawValue, purpose: "bijzondere groep vastleggen",
            change: ChangeSummary(new: ["groep": kind.rawValue, "vanaf": from.iso, "tot": to?.iso ?? ""])
        ) { db in try await HouseholdStore(db: db).startSpecialGroup(residentID, membership, from: from, to: to, by: recorder) }
        return req.redirect(
            to: .client(.id(resident.id)), flash: "\(Dutch.specialGroup(kind)) is vastgelegd vanaf \(Dutch.date(from)).")
    }

    struct EndGroupForm: Content {
        var kind: String?
        var validTo: String?
    }

    @Sendable static func endGroup(req: Request) async throws -> Response {
        let (resident, file) = try await open(req, .specialGroups, .write, purpose: "bijzondere groep beëindigen")
        let input = try req.content.decode(EndGroupForm.self)
        guard let kind = input.kind.flatMap(SpecialGroup.init(rawValue:)) else { throw AppError.badRequest("Onbekende groep.") }
        guard let day = input.validTo.flatMap({ Day(iso: $0) ?? Day(dutch: $0) }) else {
            throw AppError.badRequest("Vul een geldige einddatum in, bijvoorbeeld 28-11-2026. Er is niets gewijzigd.")
        }
        let (residentID, recorder) = (resident.id, req.recorder)
        do {
            try await req.recordChange(
                householdID: file.id, residentID: resident.id, part: FilePart.specialGroups.rawValue,
                purpose: "bijzondere groep beëindigen",
                change: ChangeSummary(new: ["groep": kind.rawValue, "tot": day.iso])
            ) { db in try await HouseholdStore(db: db).endSpecialGroup(residentID, kind, on: day, by: recorder) }
        } catch HouseholdStore.Problem.timeline(.endBeforeStart) {
            throw AppError.badRequest("De einddatum ligt vóór de begindatum van deze groep. Er is niets gewijzigd.")
        } catch HouseholdStore.Problem.timeline(.nothingHolds) {
            throw AppError.badRequest("Op die datum hoort \(resident.fullName) niet bij deze groep. Er is niets gewijzigd.")
        }
        return req.redirect(
            to: .client(.id(resident.id)), flash: "\(Dutch.specialGroup(kind)) is beëindigd per \(Dutch.date(day)).")
    }

    // MARK: Support periods

    @Sendable static func startSupport(req: Request) async throws -> Response {
        let (resident, file) = try await open(req, .supportPeriods, .write, purpose: "ondersteuning starten")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        guard let from = HouseholdInput.validFrom(&reader), reader.issues.isEmpty else {
            throw AppError.badRequest("Vul een geldige startdatum in. Er is niets gewijzigd.")
        }
        let (residentID, recorder) = (resident.id, req.recorder)
        do {
            try await req.recordChange(
                householdID: file.id, residentID: resident.id, part: FilePart.supportPeriods.rawValue, purpose: "ondersteuning starten",
                change: ChangeSummary(new: ["start": from.iso])
            ) { db in try await HouseholdStore(db: db).startSupport(residentID, from: from, by: recorder) }
        } catch HouseholdStore.Problem.supportAlreadyRunning {
            throw AppError.conflict("Er loopt al ondersteuning op of na deze datum. Beëindig die eerst; er is niets gewijzigd.")
        }
        return req.redirect(to: .client(.id(resident.id)), flash: "De ondersteuning is gestart per \(Dutch.date(from)).")
    }

    private static func endSupportPage(
        _ req: Request, _ resident: Resident, values: [String: String] = [:], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        var values = values
        if values.isEmpty { values["validTo"] = req.today.iso }
        var fields = [
            FormField("validTo", "Laatste dag van de ondersteuning", .date, hint: "Bijvoorbeeld 28-11-2026."),
            FormField(
                "endReason", "Reden van beëindiging", .select,
                options: Choice.list(SupportEndReason.self, selected: nil, label: Dutch.endReason)),
        ]
        if resident.dateOfBirth.age(on: req.today) < 27 {
            let latest = try await CaseworkStore(db: req.db).youthChecklists(of: resident.id).first?.checklist
            var youth = FormField("youthReason", "Jongere: waarom nu loslaten", .textarea, optional: true, maxLength: 1000)
            youth.optionalNote = "alleen als niet alles geregeld is"
            youth.hint =
                latest?.isComplete == true
                ? "De checklist 'pas loslaten als' is compleet."
                : "Pas loslaten als woonplek, school of werk, stabiel inkomen en iemand om op terug te vallen geregeld zijn. Dat is nog niet vastgelegd; vul de checklist in of leg hier uit waarom u toch beëindigt (niet nodig bij verhuizing, overlijden of detentie)."
            fields.append(youth)
        }
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: "Ondersteuning van \(resident.fullName) beëindigen",
                action: SitePath.client(.id(resident.id), .supportEnd).path, cancel: SitePath.client(.id(resident.id)).path,
                submit: "Ondersteuning beëindigen", sections: [FormSection(fields: fields)], values: values, issues: issues))
    }

    @Sendable static func endSupportForm(req: Request) async throws -> Response {
        let (resident, _) = try await open(req, .supportPeriods, .write, purpose: "ondersteuning beëindigen")
        return try await endSupportPage(req, resident)
    }

    @Sendable static func endSupport(req: Request) async throws -> Response {
        let (resident, file) = try await open(req, .supportPeriods, .write, purpose: "ondersteuning beëindigen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let day = reader.requiredDay("validTo")
        let reason = reader.requiredOption("endReason", as: SupportEndReason.self)
        // R14: a young person is let go only when everything on the checklist is arranged, or with a reason.
        let latest = try await CaseworkStore(db: req.db).youthChecklists(of: resident.id).first?.checklist
        if let day, let reason {
            let age = resident.dateOfBirth.age(on: day)
            // The reason is read (and checked) only where the rule asks for one.
            let needed = YouthChecklist.applies(age: age, reason: reason) && latest?.isComplete != true
            let stated = needed ? reader.text("youthReason", max: 1000) : nil
            if !YouthChecklist.mayEnd(age: age, reason: reason, latest: latest, statedReason: stated) {
                reader.fail(
                    "youthReason",
                    .custom("Nog niet alles is geregeld voor deze jongere: vul de checklist in of leg uit waarom u toch beëindigt."))
            }
        }
        guard reader.issues.isEmpty, let day, let reason else {
            return try await endSupportPage(req, resident, values: fields, issues: reader.issues)
        }
        let (residentID, recorder) = (resident.id, req.recorder)
        do {
            try await req.recordChange(
                householdID: file.id, residentID: resident.id, part: FilePart.supportPeriods.rawValue, purpose: "ondersteuning beëindigen",
                change: ChangeSummary(new: ["einde": day.iso, "reden": reason.rawValue, "jongere, toch los": fields["youthReason"] ?? ""])
            ) { db in try await HouseholdStore(db: db).endSupport(residentID, on: day, reason: reason, by: recorder) }
        } catch let problem as HouseholdStore.Problem {
            return try await endSupportPage(req, resident, values: fields, issues: problem.fieldIssues)
        }
        return req.redirect(to: .client(.id(resident.id)), flash: "De ondersteuning is beëindigd per \(Dutch.date(day)).")
    }

    // MARK: Participation ladder

    private static func ladderPage(
        _ req: Request, _ resident: Resident, values: [String: String] = [:], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        var values = values
        if values.isEmpty { values = ["measuredOn": req.today.iso, "kind": MeasurementKind.interim.rawValue] }
        let rungs = Rung.allCases.map { Choice(value: String($0.rawValue), label: Dutch.rung($0), selected: false) }
        values["questions"] = "1"
        let sections = [
            FormSection(fields: [FormField("measuredOn", "Datum van de meting", .date), FormField("questions", "", .hidden)]),
            FormSection(
                legend: "Wat doet de cliënt nu?",
                hint:
                    "Vink aan wat klopt. De trede volgt uit de antwoorden: de hoogste die met ja is beantwoord; niets aangevinkt is trede 1 (geïsoleerd).",
                fields: LadderQuestion.allCases.map {
                    FormField("q_\($0.rawValue)", Dutch.ladderQuestion($0), .checkbox)
                }),
            FormSection(fields: [
                FormField(
                    "expectedEnd", "Verwachte eindtrede van het traject", .select, optional: true,
                    options: [Choice(value: "", label: "Nog niet bepaald", selected: false)] + rungs),
                FormField(
                    "kind", "Soort meting", .select, options: Choice.list(MeasurementKind.self, selected: nil, label: Dutch.measurementKind)
                ),
            ]),
        ]
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: "Meting op de participatieladder voor \(resident.fullName)",
                intro: "Elke meting blijft bewaard; een stap omhoog is een resultaat op zich.",
                action: SitePath.client(.id(resident.id), .ladder).path, cancel: SitePath.client(.id(resident.id)).path,
                submit: "Meting vastleggen", sections: sections, values: values, issues: issues))
    }

    @Sendable static func ladderForm(req: Request) async throws -> Response {
        let (resident, _) = try await open(req, .ladder, .write, purpose: "ladder meten")
        return try await ladderPage(req, resident)
    }

    @Sendable static func addMeasurement(req: Request) async throws -> Response {
        let (resident, file) = try await open(req, .ladder, .write, purpose: "ladder meten")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        // The form asks the ladder questions and the rung follows; a bare rung (older clients, tests) still reads.
        let answers = reader.raw("questions") == "1" ? Set(LadderQuestion.allCases.filter { reader.flag("q_\($0.rawValue)") }) : nil
        guard let (measurement, answered) = LadderInput.read(&reader, answers: answers) else {
            return try await ladderPage(req, resident, values: fields, issues: reader.issues)
        }
        try await req.recordLadderMeasurement(measurement, answers: answered, for: resident, in: file)
        let rung = measurement.rung
        return req.redirect(to: .client(.id(resident.id)), flash: "De meting (trede \(rung.rawValue)) is vastgelegd.")
    }
}
