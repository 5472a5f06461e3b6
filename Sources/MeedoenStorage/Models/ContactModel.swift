import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// A contact with a household (R6). The summary is free text and so belongs to the notes level.
public final class ContactModel: Model, @unchecked Sendable {
    public static let schema = "contacts"
    @ID public var id: UUID?
    @Parent(key: "household_id") public var household: HouseholdModel
    @Field(key: "contact_on") public var contactOn: Date
    @Enum(key: "kind") public var kind: ContactKind
    @OptionalField(key: "summary") public var summary: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date
    /// The conversation this contact is: an intake, plan, plan review or lawfulness review.
    @OptionalField(key: "source_kind") public var sourceKind: String?
    @OptionalField(key: "source_id") public var sourceID: UUID?

    public init() {}
}

/// What a contact was part of, when it was recorded with an intake, a plan or a review.
public struct ContactSource: Sendable {
    public var kind: String
    public var id: UUID

    public init(_ kind: String, _ id: UUID) { (self.kind, self.id) = (kind, id) }
}
extension HouseholdStore {
    public func contacts(of householdID: UUID) async throws -> [Contact] {
        try await ContactModel.query(on: db).filter(\.$household.$id == householdID).sort(\.$contactOn, .descending).sort(
            \.$recordedAt, .descending
        ).all().map {
            Contact(
                id: $0.id!, contactOn: Day($0.contactOn), kind: $0.kind, summary: $0.summary, recordedBy: $0.recordedBy,
                recordedAt: $0.recordedAt)
        }
    }

    /// Records a contact with the residents who took part (at least one: the norm is per person); returns its id.
    @discardableResult
    public func addContact(
        _ day: Day, kind: ContactKind, summary: String?, to householdID: UUID, participants: [UUID], source: ContactSource? = nil,
        by recorder: Recorder
    ) async throws -> UUID {
        let model = ContactModel()
        model.id = recorder.ids.next()
        (model.sourceKind, model.sourceID) = (source?.kind, source?.id)
        model.$household.id = householdID
        (model.contactOn, model.kind, model.summary) = (day.date, kind, summary)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
        try await addParticipants(Set(participants).map { (model.id!, $0) })
        return model.id!
    }

    /// Inserts (contact, resident) pairs in chunks under SQLite's limit on bound parameters.
    public func addParticipants(_ pairs: [(contact: UUID, resident: UUID)]) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var start = 0
        while start < pairs.count {
            var insert = sql.insert(into: "contact_participants").columns("contact_id", "resident_id")
            for pair in pairs[start..<min(start + 400, pairs.count)] {
                insert = insert.values(SQLBind(pair.contact), SQLBind(pair.resident))
            }
            try await insert.run()
            start += 400
        }
    }

    /// Who took part in each of the household's contacts, by contact.
    public func contactParticipants(of householdID: UUID) async throws -> [UUID: Set<UUID>] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable { var contactId: UUID; var residentId: UUID }
        let rows = try await sql.raw(
            "SELECT cp.contact_id, cp.resident_id FROM contact_participants cp JOIN contacts c ON c.id = cp.contact_id WHERE c.household_id = \(bind: householdID)"
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(grouping: rows, by: \.contactId).mapValues { Set($0.map(\.residentId)) }
    }
}
