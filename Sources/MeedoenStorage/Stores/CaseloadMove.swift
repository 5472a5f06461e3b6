import FluentKit
import Foundation
import MeedoenCore

/// A caseload transfer as kept for its undo: who to whom, which households, from which day.
public struct CaseloadMove: Sendable, Equatable {
    public var id: UUID
    public var organisationID: UUID
    public var fromDirector: UUID
    public var toDirector: UUID
    public var householdIDs: [UUID]
    public var validFrom: Day
    public var movedAt: Date
    public var undoneAt: Date?
    /// How many households the undo left alone because their regisseur changed since.
    public var undoSkippedCount: Int

    init(_ model: CaseloadMoveModel) {
        (id, organisationID, fromDirector, toDirector) = (model.id!, model.organisationID, model.fromDirector, model.toDirector)
        (householdIDs, validFrom, movedAt, undoneAt) = (model.householdIDs, Day(model.validFrom), model.movedAt, model.undoneAt)
        undoSkippedCount = model.undoSkipped.map { $0.split(separator: ",").count } ?? 0
    }
}

extension HouseholdStore {
    public func caseloadMove(_ id: UUID, organisationID: UUID) async throws -> CaseloadMove? {
        guard let model = try await CaseloadMoveModel.find(id, on: db), model.organisationID == organisationID else { return nil }
        return CaseloadMove(model)
    }

    /// The organisation's transfers since a moment, newest first.
    public func caseloadMoves(organisationID: UUID, since: Date, limit: Int = 20) async throws -> [CaseloadMove] {
        try await CaseloadMoveModel.query(on: db).filter(\.$organisationID == organisationID).filter(\.$movedAt >= since)
            .sort(\.$movedAt, .descending).limit(limit).all().map(CaseloadMove.init)
    }
}
