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

    public init() {}
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

/// One household on the contact worklist: its last contact and since when it is supported.
public struct ContactWorklistRow: Decodable, Sendable {
    public var householdId: UUID
    public var givenName: String
    public var familyName: String
    public var directorName: String?
    public var lastContact: Date?
    public var supportStart: Date?
}

extension HouseholdStore {
    public func contacts(of householdID: UUID) async throws -> [ContactModel] {
        try await ContactModel.query(on: db).filter(\.$household.$id == householdID).sort(\.$contactOn, .descending).sort(
            \.$recordedAt, .descending
        ).all()
    }

    public func addContact(_ day: Day, kind: ContactKind, summary: String?, to householdID: UUID, by recorder: Recorder) async throws {
        let model = ContactModel()
        model.id = recorder.ids.next()
        model.$household.id = householdID
        (model.contactOn, model.kind, model.summary) = (day.date, kind, summary)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
    }

    /// Supported households directed by these users, with their last contact: the worklist's input.
    public func contactWorklist(directors: [UUID], organisationID: UUID, on day: Day) async throws -> [ContactWorklistRow] {
        guard !directors.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let today = day.date
        return try await sql.raw(
            """
            SELECT h.id AS household_id, r.given_name, r.family_name, u.display_name AS director_name,
              (SELECT MAX(c.contact_on) FROM contacts c WHERE c.household_id = h.id) AS last_contact,
              (SELECT MIN(sp.valid_from) FROM support_periods sp JOIN residents m ON m.id = sp.resident_id
                 WHERE m.household_id = h.id AND sp.superseded_at IS NULL AND (sp.valid_to IS NULL OR sp.valid_to >= \(bind: today))) AS support_start
            FROM households h
            JOIN residents r ON r.household_id = h.id AND r.relation = 'applicant'
            JOIN household_directors hd ON hd.household_id = h.id AND hd.superseded_at IS NULL AND hd.valid_from <= \(bind: today)
              AND (hd.valid_to IS NULL OR hd.valid_to >= \(bind: today))
            JOIN users u ON u.id = hd.director_id
            WHERE h.organisation_id = \(bind: organisationID) AND hd.director_id IN (\(binds: directors))
            ORDER BY LOWER(r.family_name), h.id
            """
        ).all(decoding: ContactWorklistRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
