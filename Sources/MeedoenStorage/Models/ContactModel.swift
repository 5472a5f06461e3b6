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

public struct M007_CreateContacts: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("contacts").id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("contact_on", .date, .required).field("kind", .string, .required).field("summary", .string)
            .field("recorded_by", .uuid).field("recorded_at", .datetime, .required).create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "idx_contacts_household").on("contacts").column("household_id").run()
        }
    }

    public func revert(on db: any Database) async throws { try await db.schema("contacts").delete() }
}

extension HouseholdStore {
    public func contacts(of householdID: UUID) async throws -> [ContactModel] {
        try await ContactModel.query(on: db).filter(\.$household.$id == householdID).sort(\.$contactOn, .descending).sort(
            \.$recordedAt, .descending
        ).all()
    }

    public func addContact(
        _ day: Day, kind: ContactKind, summary: String?, to householdID: UUID, source: ContactSource? = nil, by recorder: Recorder
    ) async throws {
        let model = ContactModel()
        model.id = recorder.ids.next()
        (model.sourceKind, model.sourceID) = (source?.kind, source?.id)
        model.$household.id = householdID
        (model.contactOn, model.kind, model.summary) = (day.date, kind, summary)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
    }
}
