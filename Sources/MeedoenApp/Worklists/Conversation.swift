import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

/// An intake, a plan or a review is a conversation with the client, and so a contact with the
/// household (R6, issue 12): the form asks what kind of conversation it was, and saving records
/// exactly one contact linked to it, in the same transaction as the record and its log entry.
enum Conversation {
    static let field = "contactKind"

    static var formField: FormField {
        FormField(
            field, "Soort gesprek", .select,
            hint: "Het gesprek telt als contact met deze cliënt (iedereen in beeld), als de soort meetelt voor de contactnorm.",
            options: Choice.list(ContactKind.self, selected: nil, label: Dutch.contactKind))
    }

    /// The form's first values: a conversation, unless the case manager says otherwise.
    static func defaults(_ values: [String: String]) -> [String: String] {
        values.isEmpty || values[field] == nil ? values.merging([field: ContactKind.conversation.rawValue]) { old, _ in old } : values
    }
}

extension Request {
    /// Stores the conversation's record (returning its id), its contact and its log entry as one change.
    func recordConversation(
        _ kind: ContactKind, on day: Day, household: UUID, client: UUID, source: String, entry: AuditRecord,
        _ store: @escaping @Sendable (any Database) async throws -> UUID
    ) async throws -> UUID {
        let recorder = recorder
        return try await recordChange { tx in
            let id = try await store(tx.db)
            try await HouseholdStore(db: tx.db).addContact(
                day, kind: kind, summary: nil, to: household, participants: [client], source: ContactSource(source, id), by: recorder)
            try await tx.append(entry)
            return id
        }
    }
}
