import MeedoenCore
import MeedoenStorage
import Vapor

/// The intake (R2, R14, R15): a new intake starts from the previous one, is kept whole, writes the
/// work profile and leads straight to the proposed group.
enum IntakeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .intake), use: show).require(.file(.intake, .read))
        routes.get(.client(.key, .intakeNew), use: form).require(.file(.intake, .write))
        routes.post(.client(.key, .intake), use: save).require(.file(.intake, .write))
    }

    private static func page(
        _ req: Request, _ resident: Resident, _ opened: OpenedFile, values: [String: String], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let form = SectionedFormPage(
            heading: "Intake met \(resident.fullName)",
            intro:
                "Alles wat u invult blijft bewaard; een latere intake wordt een nieuwe versie. Na het opslaan ziet u de voorgestelde \(profile.segmentation.label.lowercased()) met de reden.",
            action: SitePath.client(.id(resident.id), .intake).path, cancel: SitePath.client(.id(resident.id)).path,
            submit: "Intake opslaan",
            sections: IntakeForm.sections(
                profile, withSensitive: opened.may(.sensitive, .write), statusHolder: isStatusHolder(resident, opened, req.today)),
            values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    static func isStatusHolder(_ resident: Resident, _ opened: OpenedFile, _ today: Day) -> Bool {
        opened.file.specialGroups(of: resident.id, on: today).contains(.statusHolder)
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
        let intake = try await store.latestIntake(of: resident.id, withSensitive: opened.may(.sensitive, .read))?.intake
        let work = try await store.workProfile(of: resident.id)?.profile
        // A conversation by default: the previous intake's kind of conversation says nothing about this one.
        var values = IntakeForm.values(intake, work, today: req.today, postcode: opened.file.household.postcode)
        values[Conversation.field] = ContactKind.conversation.rawValue
        return try await page(req, resident, opened, values: values)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "intake houden")
        let fields = try req.formFields()
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        switch IntakeForm.read(
            fields, profile: profile, withSensitive: opened.may(.sensitive, .write),
            statusHolder: isStatusHolder(resident, opened, req.today),
            today: req.today)
        {
        case .failure(let issues):
            return try await page(req, resident, opened, values: fields, issues: issues)
        case .success(let read):
            try await req.recordIntake(read, for: resident, in: opened.file)
            return req.redirect(
                to: .client(.id(resident.id), .group),
                flash:
                    "De intake van \(Dutch.date(read.intake.heldOn)) is opgeslagen. Bekijk hieronder de voorgestelde \(profile.segmentation.label.lowercased())."
            )
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .read, purpose: "intake bekijken")
        let read = try await req.readIntakes(of: resident, in: opened, purpose: "intake bekijken")
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let page = IntakeShowPage(
            resident: resident, intakes: read.intakes, work: read.work, profile: profile, sensitive: read.sensitive,
            canWrite: opened.may(.intake, .write))
        return try await req.renderPage("intake", title: page.heading, page)
    }
}

/// A client's intakes as far as the reader may see them: the extra level and the work profile only with that right.
struct ReadIntakes: Sendable {
    var intakes: [StoredIntake]
    var work: WorkProfile?
    var sensitive: Bool

    var parts: Set<FilePart> { Set([.intake] + (sensitive ? [.sensitive] : []) + (work != nil ? [.workProfile] : [])) }

    /// The intake's fields by key, as the field table gives them for these parts.
    func values(_ intake: Intake, work: WorkProfile?) -> [String: String] {
        IntakeFields.everyField.values(of: IntakeRecord(intake: intake, work: work), parts: parts)
    }
}

extension Request {
    /// Reads the intakes for a page or the API; reading the extra level or the work profile is logged as such.
    func readIntakes(of resident: Resident, in opened: OpenedFile, purpose: String) async throws -> ReadIntakes {
        let store = CaseworkStore(db: db)
        let sensitive = opened.may(.sensitive, .read)
        let intakes = try await store.intakes(of: resident.id, withSensitive: sensitive)
        let work = opened.may(.workProfile, .read) ? try await store.workProfile(of: resident.id)?.profile : nil
        let extra = [sensitive ? FilePart.sensitive : nil, work != nil ? .workProfile : nil].compactMap { $0 }
        if !extra.isEmpty {
            try await audit(
                householdID: opened.file.id, residentID: resident.id, part: extra.map(\.rawValue).joined(separator: ","), action: "inzien",
                purpose: purpose)
        }
        return ReadIntakes(intakes: intakes, work: work, sensitive: sensitive)
    }
}

extension Dictionary where Key == String, Value == String {
    static func + (lhs: Self, rhs: [(String, String)]) -> Self { lhs.merging(rhs) { $1 } }
}

extension Request {
    /// Stores the intake and its work profile, the conversation as a contact, and the log entry.
    @discardableResult
    func recordIntake(_ read: IntakeForm.Read, for resident: Resident, in file: HouseholdFile, purpose: String = "intake houden")
        async throws -> UUID
    {
        let (intake, work) = (read.intake, read.work)
        let entry = auditRecord(
            householdID: file.id, residentID: resident.id, part: FilePart.intake.rawValue, action: "aanmaken", purpose: purpose,
            change: ChangeSummary(
                new: ["datum": intake.heldOn.iso, "gesprek": read.conversation.rawValue]
                    + intake.answers.values.map { ("feit." + $0.key.rawValue, $0.value) }))
        let (residentID, recorder) = (resident.id, recorder)
        return try await recordConversation(
            read.conversation, on: intake.heldOn, household: file.id, client: resident.id, source: "intake", entry: entry
        ) { db in try await CaseworkStore(db: db).addIntake(intake, workProfile: work, for: residentID, by: recorder) }
    }
}
