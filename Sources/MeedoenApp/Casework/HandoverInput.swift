import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

/// A warm hand-over and its answer as read from a form or an API body (R10), with what they store.
enum HandoverInput {
    /// `toUserKey` is the form's "toUser", the API's "toUserId": a colleague or partner of the
    /// organisation in a role that receives hand-overs, or else an organisation outside Meedoen.
    static func read(_ reader: inout FormReader, toUserKey: String, viewer: Viewer, on db: any Database) async throws
        -> CaseworkStore.NewHandover?
    {
        var toUser: UUID?
        if let raw = reader.raw(toUserKey) {
            let user = try await UUID(uuidString: raw).asyncFlatMap { try await DirectoryStore(db: db).user($0) }
            // Never to oneself: an accepted hand-over links its receiver, which would skip the stated reason.
            if let user, user.id != viewer.userID, user.$organisation.id == viewer.organisationID,
                HandoverController.receivingRoles.contains(user.role), user.active
            {
                toUser = user.id
            } else {
                reader.fail(toUserKey, .unknownOption)
            }
        }
        let toOrganisation = reader.text("toOrganisation", max: 200)
        if reader.raw(toUserKey) == nil && reader.raw("toOrganisation") == nil {
            reader.fail(toUserKey, .custom("Kies een collega of vul een organisatie in."))
        }
        if reader.raw(toUserKey) != nil && toOrganisation != nil {
            reader.fail("toOrganisation", .custom("Kies óf een collega óf een organisatie."))
        }
        let goal = reader.requiredText("goal", max: 2000)
        let reason = reader.requiredText("reason", max: 2000)
        let day = reader.requiredDay("handedOverOn", notInFuture: true)
        guard reader.issues.isEmpty, let day else { return nil }
        return CaseworkStore.NewHandover(toUserID: toUser, toOrganisation: toOrganisation, goal: goal, reason: reason, on: day)
    }

    /// Why an answer is refused: a field to fix (400), or a hand-over already past that point (409).
    enum Refusal: Error {
        case invalid(field: String, message: String)
        case conflict(String)
    }

    /// The answer (accept, decline with a reason, end), checked by the Core rule (HandoverAnswer).
    static func answer(status raw: String?, note rawNote: String?, current: HandoverStatus, checkTransition: Bool = true)
        -> Result<(HandoverStatus, String?), Refusal>
    {
        guard let status = raw.flatMap(HandoverStatus.init(rawValue:)) else {
            return .failure(.invalid(field: "status", message: "Kies accepteren, afwijzen of afronden."))
        }
        let note = rawNote?.trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000).description
        let problems = HandoverAnswer.problems(current: current, answer: status, note: note)
            .filter { checkTransition || !($0 == .alreadyDecided(current)) }
        switch problems.first {
        case .notAnAnswer: return .failure(.invalid(field: "status", message: "Kies accepteren, afwijzen of afronden."))
        case .reasonRequired: return .failure(.invalid(field: "note", message: "Geef bij afwijzen de reden."))
        case .alreadyDecided(let status):
            return .failure(.conflict("Deze overdracht is al \(Dutch.handoverStatus(status).lowercased()); er is niets gewijzigd."))
        case nil: return .success((status, note.flatMap { $0.isEmpty ? nil : $0 }))
        }
    }
}

extension Request {
    @discardableResult
    func recordHandover(_ handover: CaseworkStore.NewHandover, for resident: Resident, in file: HouseholdFile, purpose: String) async throws
        -> UUID
    {
        let (residentID, recorder) = (resident.id, recorder)
        return try await recordChange(
            householdID: file.id, residentID: resident.id, part: FilePart.handovers.rawValue, action: "aanmaken", purpose: purpose,
            change: ChangeSummary(new: [
                "aan": handover.toUserID?.uuidString ?? handover.toOrganisation ?? "", "datum": handover.on.iso,
            ])
        ) { db in
            try await CaseworkStore(db: db).addHandover(handover, for: residentID, by: recorder)
        }
    }

    func recordHandoverAnswer(_ status: HandoverStatus, note: String?, to handover: Handover, householdID: UUID, purpose: String)
        async throws
    {
        let today = today
        try await recordChange(
            householdID: householdID, residentID: handover.residentID, part: FilePart.handovers.rawValue, purpose: purpose,
            change: ChangeSummary(new: ["status": status.rawValue])
        ) { db in
            try await CaseworkStore(db: db).decide(handover.id, status, on: today, note: note)
        }
    }
}

/// A signal to or from debt help, Wmo or youth care (R26), as read from a form or an API body.
enum SignalInput {
    struct Read: Sendable {
        var domain: SignalDomain
        var direction: SignalDirection
        var day: Day
        var subject: String
    }

    static func read(_ reader: inout FormReader) -> Read? {
        let domain = reader.requiredOption("domain", as: SignalDomain.self)
        let direction = reader.requiredOption("direction", as: SignalDirection.self)
        let day = reader.requiredDay("signalledOn", notInFuture: true)
        let subject = reader.requiredText("subject", max: 2000)
        guard reader.issues.isEmpty, let domain, let direction, let day else { return nil }
        return Read(domain: domain, direction: direction, day: day, subject: subject)
    }
}

extension Request {
    @discardableResult
    func recordSignal(_ signal: SignalInput.Read, for resident: Resident, in file: HouseholdFile, purpose: String) async throws -> UUID {
        let (residentID, recorder) = (resident.id, recorder)
        return try await recordChange(
            householdID: file.id, residentID: resident.id, part: FilePart.signals.rawValue, action: "aanmaken", purpose: purpose,
            change: ChangeSummary(new: ["domein": signal.domain.rawValue, "richting": signal.direction.rawValue, "datum": signal.day.iso])
        ) { db in
            try await CaseworkStore(db: db).addSignal(
                signal.domain, signal.direction, on: signal.day, subject: signal.subject, for: residentID, by: recorder)
        }
    }

    /// The outcome of a signal, once: a second one is a conflict, nothing changes.
    func recordSignalOutcome(_ text: String?, of signal: Signal, householdID: UUID, purpose: String) async throws {
        guard signal.outcome == nil else { throw AppError.conflict("De uitkomst van dit signaal is al vastgelegd; er is niets gewijzigd.") }
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= 2000 else {
            var issues = FieldIssues()
            issues.add("outcome", .custom("Vul de uitkomst in (hooguit 2000 tekens). Er is niets gewijzigd."))
            throw issues
        }
        let today = today
        try await recordChange(
            householdID: householdID, residentID: signal.residentID, part: FilePart.signals.rawValue, purpose: purpose,
            change: ChangeSummary(new: ["uitkomst op": today.iso])
        ) { db in
            try await CaseworkStore(db: db).recordOutcome(of: signal.id, text, on: today)
        }
    }
}
