import Foundation

/// One entry of the access log as the privacy officer and the resident's inzage read it.
public struct AccessLogEntry: Sendable, Equatable {
    public var seq: Int
    public var at: Date
    public var actorName: String
    public var actorRole: String
    public var action: String
    public var part: String
    public var purpose: String
    public var residentID: UUID?

    public init(
        seq: Int, at: Date, actorName: String, actorRole: String, action: String, part: String, purpose: String, residentID: UUID?
    ) {
        (self.seq, self.at, self.actorName, self.actorRole) = (seq, at, actorName, actorRole)
        (self.action, self.part, self.purpose, self.residentID) = (action, part, purpose, residentID)
    }

    init(_ model: AuditEventModel) {
        (seq, at, actorName, actorRole) = (model.seq, model.at, model.actorName, model.actorRole)
        (action, part, purpose, residentID) = (model.action, model.part, model.purpose, model.residentID)
    }
}

/// The last full verification of the log: shown instead of verifying on every view.
public struct LogVerification: Sendable, Equatable {
    public var finishedAt: Date
    public var entriesChecked: Int
    public var firstBrokenSeq: Int?
    public var problem: String?
    public var unanchored: Int

    public init(finishedAt: Date, entriesChecked: Int, firstBrokenSeq: Int?, problem: String?, unanchored: Int) {
        (self.finishedAt, self.entriesChecked, self.firstBrokenSeq, self.problem, self.unanchored) = (
            finishedAt, entriesChecked, firstBrokenSeq, problem, unanchored
        )
    }
}

extension AuditQueries {
    /// Keeps the result of a full verification for the privacy officer's page.
    public func record(_ result: AuditVerification, id: UUID, finishedAt: Date) async throws {
        try await AuditVerificationModel(id: id, result, finishedAt: finishedAt).create(on: db)
    }

    public func latestVerification() async throws -> LogVerification? {
        try await AuditVerificationModel.latest(on: db).map {
            LogVerification(
                finishedAt: $0.finishedAt, entriesChecked: $0.entriesChecked, firstBrokenSeq: $0.firstBrokenSeq, problem: $0.problem,
                unanchored: $0.unanchored)
        }
    }
}
