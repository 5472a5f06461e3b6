import Fluent
import Foundation
import MeedoenCore

extension CaseworkStore {
    // MARK: Measures

    public func measures(of residentID: UUID) async throws -> [StoredMeasure] {
        try await MeasureModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$startsOn, .descending).all().map(\.stored)
    }

    /// Stores a measure with the rule set and repeat step it was weighed under.
    @discardableResult
    public func addMeasure(
        _ measure: Measure, ruleSet: MeasureRuleSet, step: RepeatStep?, for residentID: UUID, by recorder: Recorder
    ) async throws -> UUID {
        let model = MeasureModel()
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.ground, model.breach, model.proportionalityCheck, model.blame) = (
            measure.ground, measure.breach, measure.proportionalityCheck, measure.blame
        )
        (model.percentage, model.months, model.startsOn, model.ordinanceReference) = (
            measure.percentage, measure.months, measure.startsOn.date, measure.ordinanceReference
        )
        (model.ruleSet, model.breachKind, model.breachOn, model.decidedOn) = (
            ruleSet.id, measure.breachKind, measure.breachOn?.date, measure.decidedOn.date
        )
        (model.repeatStep, model.urgentReasons, model.spread) = (step, measure.urgentReasons, measure.spread)
        (model.testOn, model.testMastered) = (measure.taaleis?.testOn?.date, measure.taaleis?.mastered)
        (model.noticeOn, model.newTestOn) = (measure.taaleis?.noticeOn?.date, measure.taaleis?.newTestOn?.date)
        model.newTestNoProgress = measure.taaleis?.newTestOn == nil ? nil : measure.taaleis?.newTestShowsNoProgress
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
        return model.id!
    }

    public enum RevisionProblem: Error, Equatable { case notFound, notAWorkObligationMeasure, alreadyRevised, beforeTheMeasure }

    /// Art. 18 lid 11: a lid 5–8 measure revised on the person's request.
    public func reviseMeasure(_ id: UUID, of residentID: UUID, on day: Day, note: String, by recorder: Recorder) async throws {
        guard let model = try await MeasureModel.query(on: db).filter(\.$id == id).filter(\.$resident.$id == residentID).first() else {
            throw RevisionProblem.notFound
        }
        guard model.ground == .workObligation else { throw RevisionProblem.notAWorkObligationMeasure }
        guard model.revisedOn == nil else { throw RevisionProblem.alreadyRevised }
        guard day >= Day(model.startsOn) else { throw RevisionProblem.beforeTheMeasure }
        (model.revisedOn, model.revisionNote, model.revisedBy) = (day.date, note, recorder.userID)
        try await model.update(on: db)
    }

    // MARK: Hand-overs

    public func handovers(of residentID: UUID) async throws -> [Handover] {
        try await HandoverModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$handedOverOn, .descending).all()
            .map { $0.handover(residentName: nil) }
    }

    /// The open hand-overs to a professional, with each client's name for the inbox.
    public func handovers(to userID: UUID) async throws -> [Handover] {
        try await HandoverModel.query(on: db).filter(\.$toUserID == userID).filter(\.$status ~~ [.proposed, .accepted])
            .with(\.$resident).sort(\.$handedOverOn, .descending).all().map { $0.handover(residentName: $0.resident.fullName) }
    }

    public func handover(_ id: UUID) async throws -> Handover? {
        try await HandoverModel.find(id, on: db)?.handover(residentName: nil)
    }

    public struct NewHandover: Sendable {
        public var toUserID: UUID?
        public var toOrganisation: String?
        public var goal: String
        public var reason: String
        public var on: Day

        public init(toUserID: UUID?, toOrganisation: String?, goal: String, reason: String, on: Day) {
            (self.toUserID, self.toOrganisation, self.goal, self.reason, self.on) = (toUserID, toOrganisation, goal, reason, on)
        }
    }

    @discardableResult
    public func addHandover(_ new: NewHandover, for residentID: UUID, by recorder: Recorder) async throws -> UUID {
        let model = HandoverModel()
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.toUserID, model.toOrganisation, model.goal, model.reason) = (new.toUserID, new.toOrganisation, new.goal, new.reason)
        (model.handedOverOn, model.status) = (new.on.date, .proposed)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
        return model.id!
    }

    public func decide(_ handoverID: UUID, _ status: HandoverStatus, on day: Day, note: String?) async throws {
        guard let handover = try await HandoverModel.find(handoverID, on: db) else { throw HouseholdStore.Problem.notFound }
        (handover.status, handover.decidedOn, handover.decisionNote) = (status, day.date, note)
        try await handover.update(on: db)
    }

    // MARK: Signals

    public func signals(of residentID: UUID) async throws -> [Signal] {
        try await SignalModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$signalledOn, .descending).all().map(\.signal)
    }

    public func signal(_ id: UUID) async throws -> Signal? {
        try await SignalModel.find(id, on: db)?.signal
    }

    @discardableResult
    public func addSignal(
        _ domain: SignalDomain, _ direction: SignalDirection, on day: Day, subject: String, for residentID: UUID, by recorder: Recorder
    ) async throws -> UUID {
        let model = SignalModel()
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.domain, model.direction, model.signalledOn, model.subject) = (domain, direction, day.date, subject)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
        return model.id!
    }

    public func recordOutcome(of signalID: UUID, _ outcome: String, on day: Day) async throws {
        guard let signal = try await SignalModel.find(signalID, on: db) else { throw HouseholdStore.Problem.notFound }
        (signal.outcome, signal.outcomeOn) = (outcome, day.date)
        try await signal.update(on: db)
    }

    // MARK: Youth checklist

    public func youthChecklists(of residentID: UUID) async throws -> [StoredYouthChecklist] {
        try await YouthChecklistModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$checkedOn, .descending)
            .sort(\.$recordedAt, .descending).all().map {
                StoredYouthChecklist(
                    id: $0.id!, checkedOn: Day($0.checkedOn), checklist: $0.checklist, note: $0.note, recordedAt: $0.recordedAt)
            }
    }

    public func addYouthChecklist(_ checklist: YouthChecklist, on day: Day, note: String?, for residentID: UUID, by recorder: Recorder)
        async throws
    {
        let model = YouthChecklistModel()
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.checkedOn, model.housing, model.schoolOrWork) = (day.date, checklist.housing, checklist.schoolOrWork)
        (model.stableIncome, model.fallbackPerson, model.note) = (checklist.stableIncome, checklist.fallbackPerson, note)
        (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
        try await model.create(on: db)
    }
}
