import MeedoenCore

/// The latest intake as the reader may see it (R2): every section of the intake's field table for the
/// parts they may read — the extra level only with `sensitive`, the work profile only when loaded (also
/// without an intake) — and the dates of the earlier intakes.
struct IntakeShowPage: Encodable {
    var heading: String
    var client: String
    var clientHref: String
    var heldOn: String?
    var sections: [ShownSection]
    var earlier: [String]
    var canWrite: Bool
    var newHref: String
    var sensitiveHidden: Bool

    /// `intakes` newest first; `work` nil when there is none or the reader may not see it.
    init(resident: Resident, intakes: [StoredIntake], work: WorkProfile?, profile: PolicyProfile?, sensitive: Bool, canWrite: Bool) {
        (heading, client) = ("Intake van \(resident.fullName)", resident.fullName)
        clientHref = SitePath.client(.id(resident.id)).path
        newHref = SitePath.client(.id(resident.id), .intakeNew).path
        let intake = intakes.first?.intake
        heldOn = intake.map { Dutch.date($0.heldOn) }
        earlier = intakes.dropFirst().map { Dutch.date($0.heldOn) }
        (self.canWrite, sensitiveHidden) = (canWrite, !sensitive)
        sections = []
        guard intake != nil || work != nil else { return }
        var parts: Set<FilePart> = intake == nil ? [] : sensitive ? [.intake, .sensitive] : [.intake]
        if work != nil { parts.insert(.workProfile) }
        // Without an intake the record holds only the work profile (the empty intake's date is not shown:
        // the conversation section is left out).
        let record = IntakeRecord(intake: intake ?? Intake(heldOn: Day(year: 2000, month: 1, day: 1)!), work: work)
        sections = IntakeFields.table(asking: Fact.allCases, profile: profile, statusHolder: true).shown(record, parts: parts)
            .filter { $0.heading != IntakeFields.conversation.legend }
    }
}
