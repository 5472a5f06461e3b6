import MeedoenCore
import MeedoenStorage
import Vapor

/// A contact with a household as read from the form or an API body (R6): the day, the kind, who
/// took part (the norm is per person: at least one of the household's clients), a short report.
enum ContactInput {
    struct Read: Sendable {
        var day: Day
        var kind: ContactKind
        var participants: [UUID]
        var summary: String?
    }

    /// `participants` are the household's clients named in the body; `participantsField` where to say none were.
    static func read(_ reader: inout FormReader, participants: [UUID], participantsField: String) -> Read? {
        let day = reader.requiredDay("contactOn", notInFuture: true)
        let kind = reader.requiredOption("kind", as: ContactKind.self)
        let summary = reader.text("summary", max: 2000)
        if participants.isEmpty {
            reader.fail(participantsField, .custom("Kies wie er bij het contact waren: de contactnorm geldt per persoon."))
        }
        guard reader.issues.isEmpty, let day, let kind else { return nil }
        var seen = Set<UUID>()
        return Read(day: day, kind: kind, participants: participants.filter { seen.insert($0).inserted }, summary: summary)
    }
}

extension Request {
    /// Stores the contact and its log entry; what was said only for whom may write notes.
    @discardableResult
    func recordContact(_ contact: ContactInput.Read, in opened: OpenedFile, purpose: String) async throws -> UUID {
        // What was said is at the notes level; without that right only date and kind are kept.
        let kept = opened.may(.notes, .write) ? contact.summary : nil
        let householdID = opened.file.id
        let entry = auditRecord(
            householdID: householdID, part: FilePart.contacts.rawValue, action: "aanmaken", purpose: purpose,
            change: ChangeSummary(new: [
                "datum": contact.day.iso, "soort": contact.kind.rawValue,
                "met": contact.participants.map(\.uuidString).joined(separator: ","),
            ]))
        let recorder = recorder
        return try await recordChange { tx in
            let id = try await HouseholdStore(db: tx.db).addContact(
                contact.day, kind: contact.kind, summary: kept, to: householdID, participants: contact.participants, by: recorder)
            try await tx.append(entry)
            return id
        }
    }
}
