import Fluent
import Foundation

/// Caseload transfers as records (issue 12): which households moved from whom to whom from which
/// day, so they can be undone — exactly those — within 30 days.
public struct M014_CreateCaseloadMoves: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("caseload_moves").id()
            .field("organisation_id", .uuid, .required).field("from_director", .uuid, .required).field("to_director", .uuid, .required)
            .field("valid_from", .date, .required).field("households", .string, .required)
            .field("moved_by", .uuid).field("moved_at", .datetime, .required)
            .field("undone_at", .datetime).field("undone_by", .uuid).field("undo_skipped", .string)
            .create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("caseload_moves").delete() }
}

/// One caseload transfer.
public final class CaseloadMoveModel: Model, @unchecked Sendable {
    public static let schema = "caseload_moves"
    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "from_director") public var fromDirector: UUID
    @Field(key: "to_director") public var toDirector: UUID
    @Field(key: "valid_from") public var validFrom: Date
    /// The households moved, as comma-separated ids.
    @Field(key: "households") public var households: String
    @OptionalField(key: "moved_by") public var movedBy: UUID?
    @Field(key: "moved_at") public var movedAt: Date
    @OptionalField(key: "undone_at") public var undoneAt: Date?
    @OptionalField(key: "undone_by") public var undoneBy: UUID?
    /// Households not moved back because their regisseur changed since, comma-separated.
    @OptionalField(key: "undo_skipped") public var undoSkipped: String?

    public init() {}

    public var householdIDs: [UUID] { households.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}
