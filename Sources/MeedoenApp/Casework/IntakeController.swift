import MeedoenCore
import MeedoenStorage
import Vapor

/// The intake (R2, R14, R15): a new intake starts from the previous one, is kept whole, writes the
/// work profile and leads straight to the proposed group.
enum IntakeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("clients", ":id", "intake", use: show).require(.file(.intake, .read))
        routes.get("clients", ":id", "intake", "new", use: form).require(.file(.intake, .write))
        routes.post("clients", ":id", "intake", use: save).require(.file(.intake, .write))
    }

    private static func page(
        _ req: Request, _ resident: ResidentModel, _ opened: OpenedFile, values: [String: String], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let profile = try await req.profile(of: opened.file.household.$organisation.id).profile
        let form = SectionedFormPage(
            heading: "Intake met \(resident.fullName)",
            intro:
                "Alles wat u invult blijft bewaard; een latere intake wordt een nieuwe versie. Na het opslaan ziet u de voorgestelde \(profile.segmentation.label.lowercased()) met de reden.",
            action: "/clients/\(resident.id!.uuidString)/intake", cancel: "/clients/\(resident.id!.uuidString)", submit: "Intake opslaan",
            sections: IntakeForm.sections(
                profile, withSensitive: opened.may(.sensitive, .write), statusHolder: isStatusHolder(resident, opened, req.today)),
            values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    static func isStatusHolder(_ resident: ResidentModel, _ opened: OpenedFile, _ today: Day) -> Bool {
        opened.file.specialGroups(of: resident.id!, on: today).contains(.statusHolder)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "intake houden")
        if opened.may(.sensitive, .read) {
            // The form is filled from the previous intake, extra level included: that is a read of it.
            try await req.audit(
                householdID: opened.file.id, residentID: resident.id, part: FilePart.sensitive.rawValue, action: "inzien",
                purpose: opened.purpose)
        }
        let store = CaseworkStore(db: req.db)
        let latest = try await store.intakes(of: resident.id!).first
        let intake = try latest.map { try store.intake($0, withSensitive: opened.may(.sensitive, .read)) }
        let work = try await store.workProfile(of: resident.id!)?.profile
        // A conversation by default: the previous intake's kind of conversation says nothing about this one.
        var values = IntakeForm.values(intake, work, today: req.today, postcode: opened.file.household.postcode)
        values[Conversation.field] = ContactKind.conversation.rawValue
        return try await page(req, resident, opened, values: values)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "intake houden")
        let fields = try req.formFields()
        let profile = try await req.profile(of: opened.file.household.$organisation.id).profile
        switch IntakeForm.read(
            fields, profile: profile, withSensitive: opened.may(.sensitive, .write),
            statusHolder: isStatusHolder(resident, opened, req.today),
            today: req.today)
        {
        case .failure(let issues):
            return try await page(req, resident, opened, values: fields, issues: issues)
        case .success(let (intake, work)):
            var reader = FormReader(fields, today: req.today)
            guard let conversation = reader.requiredOption(Conversation.field, as: ContactKind.self) else {
                return try await page(req, resident, opened, values: fields, issues: reader.issues)
            }
            let entry = req.auditRecord(
                householdID: opened.file.id, residentID: resident.id, part: FilePart.intake.rawValue, action: "aanmaken",
                purpose: "intake houden",
                change: ChangeSummary(
                    new: ["datum": intake.heldOn.iso, "gesprek": conversation.rawValue]
                        + intake.answers.values.map { ("feit." + $0.key.rawValue, $0.value) }))
            let (residentID, recorder) = (resident.id!, req.recorder)
            _ = try await req.recordConversation(
                conversation, on: intake.heldOn, household: opened.file.id, client: resident.id!, source: "intake", entry: entry
            ) {
                db in try await CaseworkStore(db: db).addIntake(intake, workProfile: work, for: residentID, by: recorder)
            }
            return req.redirect(
                to: "/clients/\(resident.id!.uuidString)/group",
                flash:
                    "De intake van \(Dutch.date(intake.heldOn)) is opgeslagen. Bekijk hieronder de voorgestelde \(profile.segmentation.label.lowercased())."
            )
        }
    }

    struct ShowPage: Encodable {
        struct Line: Encodable {
            var label: String
            var value: String

            /// The pairs that have a value, as lines.
            static func present(_ pairs: [(String, String?)]) -> [Line] {
                pairs.compactMap { label, value in value.map { Line(label: label, value: $0) } }
            }
        }

        var heading: String
        var client: String
        var clientHref: String
        var heldOn: String?
        var zrm: [Line]
        var obstacles: [Line]
        var about: [Line]
        var facts: [Line]
        var work: [Line]
        var earlier: [String]
        var canWrite: Bool
        var newHref: String
        var sensitiveHidden: Bool
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .read, purpose: "intake bekijken")
        let store = CaseworkStore(db: req.db)
        let models = try await store.intakes(of: resident.id!)
        let sensitive = opened.may(.sensitive, .read)
        let intake = try models.first.map { try store.intake($0, withSensitive: sensitive) }
        let work = opened.may(.workProfile, .read) ? try await store.workProfile(of: resident.id!)?.profile : nil
        let extra = [sensitive ? FilePart.sensitive : nil, work != nil ? .workProfile : nil].compactMap { $0 }
        if !extra.isEmpty {
            try await req.audit(
                householdID: opened.file.id, residentID: resident.id, part: extra.map(\.rawValue).joined(separator: ","), action: "inzien",
                purpose: "intake bekijken")
        }
        let id = resident.id!.uuidString
        var page = ShowPage(
            heading: "Intake van \(resident.fullName)", client: resident.fullName, clientHref: "/clients/\(id)",
            heldOn: intake.map { Dutch.date($0.heldOn) }, zrm: [], obstacles: [], about: [], facts: [], work: [],
            earlier: models.dropFirst().map { Dutch.date(Day($0.heldOn)) }, canWrite: opened.may(.intake, .write),
            newHref: "/clients/\(id)/intake/new", sensitiveHidden: !sensitive)
        if let intake {
            page.zrm = ZRMDomain.allCases.compactMap { domain in
                intake.zrm[domain].map { ShowPage.Line(label: domain.dutchName, value: $0.dutchName) }
            }
            page.obstacles = intake.obstacles.map { ShowPage.Line(label: Dutch.obstacle($0.kind), value: $0.action) }
            page.about = ShowPage.Line.present([
                ("Taal", Dutch.language(intake.language)), ("Opleiding", Dutch.education(intake.education)),
                ("Werkervaring", intake.workExperience), ("Competenties", intake.competences), ("Houding", intake.attitude),
                ("Kinderopvang", intake.childcare), ("Wensen", intake.wishes),
                ("Gezondheid (zoals de cliënt het zegt)", intake.healthLimitations),
            ])
            if let integration = intake.integration {
                page.about += ShowPage.Line.present([
                    ("Inburgering: leerroute", integration.route.map(Dutch.integrationRoute)),
                    ("Plan inburgering en participatie", integration.planOn.map(Dutch.date)),
                    ("Taalaanbieder", integration.languageProvider),
                    ("Participatie naast de inburgering", integration.participationAlongside),
                ])
            }
            page.facts = Fact.allCases.compactMap { fact in
                intake.answers[fact].map {
                    ShowPage.Line(label: FactLabels.name(fact), value: FactLabels.value($0, of: fact).capitalizedFirst)
                }
            }
        }
        if let work {
            page.work = ShowPage.Line.present([
                ("Klaar voor werk", work.readyForWork ? "Ja" : "Nee"), ("Diploma's", work.qualifications),
                ("Competenties", work.competences),
                ("Taal", Dutch.language(work.language)), ("Rijbewijs", work.drivingLicence ? "Ja" : "Nee"),
                ("Uren per week", work.hoursPerWeek.map(String.init)), ("Beschikbaar vanaf", work.availableFrom.map(Dutch.date)),
                ("Postcodegebied", work.postcodeArea),
            ])
        }
        return try await req.renderPage("intake", title: page.heading, page)
    }
}

extension Dictionary where Key == String, Value == String {
    static func + (lhs: Self, rhs: [(String, String)]) -> Self { lhs.merging(rhs) { $1 } }
}
