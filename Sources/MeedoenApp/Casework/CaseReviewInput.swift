import MeedoenCore
import MeedoenStorage
import Vapor

/// A held rechtmatigheidsonderzoek or evaluation as read from the form or an API body, with the
/// conversation it was (recorded as a contact with the client).
enum CaseReviewInput {
    struct Read: Sendable {
        var kind: ScheduledReview.Kind
        var heldOn: Day
        var outcome: String
        var conversation: ContactKind
    }

    static func read(_ reader: inout FormReader) -> Read? {
        let kind = reader.requiredOption("kind", as: ScheduledReview.Kind.self)
        let day = reader.requiredDay("heldOn", notInFuture: true)
        let outcome = reader.requiredText("outcome", max: 4000)
        let conversation = reader.requiredOption(Conversation.field, as: ContactKind.self)
        guard reader.issues.isEmpty, let kind, let day, let conversation else { return nil }
        return Read(kind: kind, heldOn: day, outcome: outcome, conversation: conversation)
    }
}

extension Request {
    @discardableResult
    func recordCaseReview(
        _ review: CaseReviewInput.Read, for resident: Resident, in file: HouseholdFile, purpose: String = "onderzoek vastleggen"
    ) async throws -> UUID {
        let entry = auditRecord(
            householdID: file.id, residentID: resident.id, part: FilePart.plan.rawValue, action: "aanmaken",
            purpose: purpose,
            change: ChangeSummary(new: ["soort": review.kind.rawValue, "datum": review.heldOn.iso, "gesprek": review.conversation.rawValue])
        )
        let (residentID, recorder) = (resident.id, recorder)
        return try await recordConversation(
            review.conversation, on: review.heldOn, household: file.id, client: resident.id, source: "caseReview", entry: entry
        ) { db in
            try await CaseworkStore(db: db).addCaseReview(
                review.kind, heldOn: review.heldOn, outcome: review.outcome, for: residentID, by: recorder)
        }
    }
}
