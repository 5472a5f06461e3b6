import Fluent
import Foundation
import MeedoenCore

/// Intakes, work profiles, group decisions, plans and scheduled reviews of one client.
public struct CaseworkStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    // MARK: Intake

    /// A resident's intakes, newest first; the extra level only when the reader may see it.
    public func intakes(of residentID: UUID, withSensitive: Bool) async throws -> [StoredIntake] {
        try await newestIntakesFirst(\.$resident.$id == residentID).all().map { try stored($0, withSensitive: withSensitive) }
    }

    /// A resident's latest intake; the extra level only when the reader may see it.
    public func latestIntake(of residentID: UUID, withSensitive: Bool) async throws -> StoredIntake? {
        try await newestIntakesFirst(\.$resident.$id == residentID).first().map { try stored($0, withSensitive: withSensitive) }
    }

    /// Intakes matching `filter`, the latest first (by day held, then by when recorded).
    private func newestIntakesFirst(_ filter: ModelValueFilter<IntakeModel>) -> QueryBuilder<IntakeModel> {
        IntakeModel.query(on: db).filter(filter).sort(\.$heldOn, .descending).sort(\.$recordedAt, .descending)
    }

    private func stored(_ model: IntakeModel, withSensitive: Bool) throws -> StoredIntake {
        StoredIntake(
            id: model.id!, heldOn: Day(model.heldOn), intake: try intake(model, withSensitive: withSensitive), recordedAt: model.recordedAt)
    }

    /// The latest intake of each of these residents (general part only), a query per 500 residents:
    /// for a list, not one read per row (and within SQLite's limit on bound values).
    public func latestIntakes(of residentIDs: [UUID]) async throws -> [UUID: Intake] {
        var latest: [UUID: Intake] = [:]
        for start in stride(from: 0, to: residentIDs.count, by: 500) {
            let chunk = Array(residentIDs[start..<min(start + 500, residentIDs.count)])
            let models = try await newestIntakesFirst(\.$resident.$id ~~ chunk).all()
            for model in models where latest[model.$resident.id] == nil {
                latest[model.$resident.id] = try intake(model, withSensitive: false)
            }
        }
        return latest
    }

    /// The intake as stored; the sensitive part only when the reader may see it.
    func intake(_ model: IntakeModel, withSensitive: Bool) throws -> Intake {
        var intake = try IntakeDocument.decodeGeneral(model.document)
        if withSensitive, let text = model.sensitiveDocument {
            let sensitive = try IntakeDocument.decodeSensitive(text)
            intake.zrm.merge(sensitive.zrm) { $1 }
            intake.healthLimitations = sensitive.healthLimitations
        }
        return intake
    }

    public func addIntake(_ intake: Intake, workProfile: WorkProfile, for residentID: UUID, by recorder: Recorder) async throws -> UUID {
        let model = IntakeModel()
        let id = recorder.ids.next()
        model.id = id
        model.$resident.id = residentID
        try model.hold(intake)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        let profile = WorkProfileModel()
        profile.id = recorder.ids.next()
        profile.$resident.id = residentID
        (profile.qualifications, profile.competences, profile.language) = (
            workProfile.qualifications, workProfile.competences, workProfile.language
        )
        (profile.drivingLicence, profile.hoursPerWeek, profile.availableFrom) = (
            workProfile.drivingLicence, workProfile.hoursPerWeek, workProfile.availableFrom?.date
        )
        (profile.postcodeArea, profile.readyForWork) = (workProfile.postcodeArea, workProfile.readyForWork)
        (profile.recordedBy, profile.recordedAt) = (recorder.userID, recorder.clock.now())
        try await db.transaction { db in
            try await model.create(on: db)
            try await profile.create(on: db)
        }
        return id
    }

    public func workProfile(of residentID: UUID) async throws -> StoredWorkProfile? {
        try await WorkProfileModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$recordedAt, .descending).first()
            .map { StoredWorkProfile(profile: $0.profile, recordedAt: $0.recordedAt) }
    }

    // MARK: Group

    /// Every decision taken (not the ended copies the dated shape writes), newest first.
    public func assignments(of residentID: UUID) async throws -> [GroupAssignment] {
        try await GroupAssignmentModel.query(on: db).filter(\.$resident.$id == residentID).filter(\.$copyOf == nil)
            .sort(\.$validFrom, .descending).sort(\.$recordedAt, .descending).all().map(\.assignment)
    }

    /// The decision that holds on a day.
    public func currentAssignment(of residentID: UUID, on day: Day) async throws -> GroupAssignment? {
        try await GroupAssignmentModel.query(on: db).filter(\.$resident.$id == residentID).filter(\.$supersededAt == nil)
            .filter(\.$validFrom <= day.date).sort(\.$validFrom, .descending).all().first { $0.holds(on: day) }?.assignment
    }

    public struct GroupDecision: Sendable {
        public var groupCode: String
        public var proposedCode: String?
        public var reasons: [String]
        public var overrideReason: String?
        public var profileVersion: Int?
        public var validFrom: Day

        public init(
            groupCode: String, proposedCode: String?, reasons: [String], overrideReason: String?, profileVersion: Int?, validFrom: Day
        ) {
            (self.groupCode, self.proposedCode, self.reasons, self.overrideReason) = (groupCode, proposedCode, reasons, overrideReason)
            (self.profileVersion, self.validFrom) = (profileVersion, validFrom)
        }

        public var isOverride: Bool { proposedCode != groupCode }
    }

    /// A decision from a day holds until the next later decision starts; one for the same day
    /// replaces it; the decision it interrupts ends the day before (written again with that end,
    /// the old row superseded, so the decision as known before stays readable).
    public func assign(_ decision: GroupDecision, to residentID: UUID, by recorder: Recorder) async throws {
        let now = recorder.clock.now()
        let from = decision.validFrom
        let current = try await GroupAssignmentModel.query(on: db).filter(\.$resident.$id == residentID).filter(\.$supersededAt == nil)
            .all()
        let nextStart = current.map { Day($0.validFrom) }.filter { $0 > from }.min()
        for row in current where Day(row.validFrom) == from || (Day(row.validFrom) < from && (row.validTo.map { Day($0) >= from } ?? true))
        {
            (row.supersededAt, row.supersededBy) = (now, recorder.userID)
            try await row.update(on: db)
            guard Day(row.validFrom) < from else { continue }
            try await row.endedCopy(validTo: from.adding(days: -1), recordedAt: now, id: recorder.ids.next()).create(on: db)
        }
        let model = GroupAssignmentModel()
        model.validTo = nextStart?.adding(days: -1).date
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.groupCode, model.proposedCode, model.reasons) = (
            decision.groupCode, decision.proposedCode, decision.reasons.joined(separator: "\n")
        )
        (model.decision, model.overrideReason) = (decision.isOverride ? "overridden" : "confirmed", decision.overrideReason)
        (model.profileVersion, model.validFrom) = (decision.profileVersion, decision.validFrom.date)
        (model.recordedBy, model.recordedAt) = (recorder.userID, now)
        try await model.create(on: db)
    }

    // MARK: Scheduled reviews

    public func caseReviews(of residentID: UUID) async throws -> [CaseReview] {
        try await CaseReviewModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$heldOn, .descending).all().map {
            CaseReview(id: $0.id!, kind: $0.kind, heldOn: Day($0.heldOn), outcome: $0.outcome, recordedAt: $0.recordedAt)
        }
    }

    @discardableResult
    public func addCaseReview(_ kind: ScheduledReview.Kind, heldOn: Day, outcome: String, for residentID: UUID, by recorder: Recorder)
        async throws -> UUID
    {
        let model = CaseReviewModel()
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.kind, model.heldOn, model.outcome) = (kind, heldOn.date, outcome)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
        return model.id!
    }
}
