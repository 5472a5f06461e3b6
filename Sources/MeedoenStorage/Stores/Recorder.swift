import Fluent
import Foundation
import MeedoenCore

/// Who records a change and when; passed to every store write.
public struct Recorder: Sendable {
    public var userID: UUID?
    public var clock: Clock
    public var ids: IDGenerator

    public init(userID: UUID?, clock: Clock, ids: IDGenerator) {
        (self.userID, self.clock, self.ids) = (userID, clock, ids)
    }
}

extension DatedRecord {
    /// Writes a planned timeline change: supersedes the replaced rows, inserts the new ones.
    /// `owner` sets the parent (household or resident) on each new row.
    static func apply(
        _ change: TimelineChange<Value>, current: [Self], by recorder: Recorder, owner: (Self) -> Void,
        on db: any Database
    ) async throws {
        let now = recorder.clock.now()
        for record in current where change.supersede.contains(record.id!.uuidString) {
            record.supersededAt = now
            record.supersededBy = recorder.userID
            try await record.update(on: db)
        }
        for insert in change.insert {
            let record = Self()
            record.id = recorder.ids.next()
            owner(record)
            record.validFrom = insert.validFrom.date
            record.validTo = insert.validTo?.date
            record.value = insert.value
            record.recordedAt = now
            record.recordedBy = recorder.userID
            try await record.create(on: db)
        }
    }
}
