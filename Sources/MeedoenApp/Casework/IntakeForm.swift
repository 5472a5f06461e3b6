import MeedoenCore
import MeedoenStorage
import Vapor

/// The intake form (R2, R14, R15): its sections, and reading it back into an Intake and a WorkProfile.
enum IntakeForm {
    /// Facts every intake asks (issue 5), plus those the organisation's rules decide on.
    static func askedFacts(_ profile: PolicyProfile) -> [Fact] {
        let used = Set(profile.segmentation.groups.flatMap { $0.rules.compactMap(\.fact) })
        let base: [Fact] = [.workCapacity, .distanceToWork, .broadParticipation, .wswOrBeschutIndication, .employmentContract]
        return base + Fact.allCases.filter { used.contains($0) && !base.contains($0) && !$0.isDerived }
    }

    /// The file parts the intake writes for a user: the extra-level domains and health text only for
    /// whom may write them.
    static func parts(withSensitive: Bool) -> Set<FilePart> {
        withSensitive ? [.intake, .sensitive, .workProfile] : [.intake, .workProfile]
    }

    /// The form's fieldsets; the kind of conversation (recorded as a contact) goes with the date.
    static func sections(_ profile: PolicyProfile, withSensitive: Bool, statusHolder: Bool) -> [FormSection] {
        var sections = IntakeFields.table(asking: askedFacts(profile), profile: profile, statusHolder: statusHolder)
            .formSections(parts: parts(withSensitive: withSensitive))
        sections[0].fields.append(Conversation.formField)
        return sections
    }

    /// The form's values for an earlier intake, so a new intake starts from what was known.
    static func values(_ intake: Intake?, _ work: WorkProfile?, today: Day, postcode: String) -> [String: String] {
        var values: [String: String] = ["heldOn": today.iso, "wp_postcodeArea": String(postcode.prefix(4))]
        guard let intake else { return values }
        values.merge(
            IntakeFields.everyField.values(of: IntakeRecord(intake: intake, work: work), parts: [.intake, .sensitive, .workProfile])
        ) { $1 }
        // A new intake is held today, not on the day of the one it starts from.
        values["heldOn"] = today.iso
        return values
    }

    /// An intake as read: the intake, the work profile it writes, and the conversation it was.
    struct Read: Sendable {
        var intake: Intake
        var work: WorkProfile
        var conversation: ContactKind
    }

    /// Reads the form or an API body (the same keys); every problem is reported on its field.
    static func read(_ fields: [String: String], profile: PolicyProfile, withSensitive: Bool, statusHolder: Bool, today: Day)
        -> Result<Read, FieldIssues>
    {
        var reader = FormReader(fields, today: today)
        var record = IntakeRecord(intake: Intake(heldOn: today), work: WorkProfile())
        IntakeFields.table(asking: askedFacts(profile), profile: profile, statusHolder: statusHolder)
            .read(&reader, into: &record, parts: parts(withSensitive: withSensitive))
        if record.intake.integration?.isEmpty == true { record.intake.integration = nil }
        // The employer services read the language level from the work profile: the intake's, once.
        record.work?.language = record.intake.language
        let conversation = reader.requiredOption(Conversation.field, as: ContactKind.self)
        guard reader.issues.isEmpty, let work = record.work, let conversation else { return .failure(reader.issues) }
        return .success(Read(intake: record.intake, work: work, conversation: conversation))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Dutch {
    static func obstacle(_ kind: Obstacle.Kind) -> String {
        switch kind {
        case .work: "Werk"
        case .income: "Inkomen"
        case .debt: "Schulden"
        case .housingUrgency: "Woonurgentie"
        case .minimumIncomeSchemes: "Minimaregelingen"
        }
    }

    static func language(_ level: LanguageLevel) -> String {
        switch level {
        case .unknown: "Nog niet vastgesteld"
        case .meetsRequirement: "Voldoet aan de taaleis (1F of hoger)"
        case .belowRequirement: "Voldoet niet aan de taaleis (onder 1F)"
        case .exempt: "Vrijgesteld van de taaleis"
        }
    }

    static func integrationRoute(_ route: Integration.Route) -> String {
        switch route {
        case .b1: "B1-route"
        case .education: "Onderwijsroute"
        case .zRoute: "Zelfredzaamheidsroute (Z-route)"
        }
    }

    static func education(_ level: EducationLevel) -> String {
        switch level {
        case .unknown: "Nog niet vastgesteld"
        case .none: "Geen of alleen basisonderwijs"
        case .praktijkonderwijs: "Praktijkonderwijs"
        case .vso: "Voortgezet speciaal onderwijs"
        case .vmboOrEntree: "Vmbo of mbo-entree (niveau 1)"
        case .startkwalificatie: "Startkwalificatie (havo, vwo of mbo 2 of hoger)"
        case .higher: "Hbo of wo"
        case .foreignNotRecognised: "Buitenlands diploma, niet gewaardeerd"
        }
    }
}
