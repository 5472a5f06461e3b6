import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// A measure as imposed, with the proportionality check that allowed it (R7).
public final class MeasureModel: Model, @unchecked Sendable {
    public static let schema = "measures"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Enum(key: "ground") public var ground: Measure.Ground
    @Field(key: "breach") public var breach: String
    @Field(key: "proportionality_check") public var proportionalityCheck: String
    @Enum(key: "blame") public var blame: Measure.Blame
    @Field(key: "percentage") public var percentage: Int
    @OptionalField(key: "months") public var months: Int?
    @Field(key: "starts_on") public var startsOn: Date
    @OptionalField(key: "ordinance_reference") public var ordinanceReference: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date
    /// The rule set it was imposed under (MeasureRuleSet.id); it keeps that rule.
    @OptionalField(key: "rule_set") public var ruleSet: String?
    @OptionalEnum(key: "breach_kind") public var breachKind: WorkObligationBreach?
    @OptionalField(key: "breach_on") public var breachOn: Date?
    @OptionalField(key: "decided_on") public var decidedOn: Date?
    @OptionalEnum(key: "repeat_step") public var repeatStep: RepeatStep?
    @OptionalField(key: "urgent_reasons") public var urgentReasons: String?
    @OptionalField(key: "spread") public var spread: Bool?
    @OptionalField(key: "test_on") public var testOn: Date?
    @OptionalField(key: "test_mastered") public var testMastered: Bool?
    @OptionalField(key: "notice_on") public var noticeOn: Date?
    @OptionalField(key: "new_test_on") public var newTestOn: Date?
    @OptionalField(key: "new_test_no_progress") public var newTestNoProgress: Bool?
    /// Art. 18 lid 11: revised on request once conduct shows the obligations are met.
    @OptionalField(key: "revised_on") public var revisedOn: Date?
    @OptionalField(key: "revision_note") public var revisionNote: String?
    @OptionalField(key: "revised_by") public var revisedBy: UUID?

    public init() {}

    /// The measure as a Core value.
    var stored: StoredMeasure {
        StoredMeasure(
            id: id!, ground: ground, breach: breach, proportionalityCheck: proportionalityCheck, percentage: percentage, months: months,
            startsOn: Day(startsOn), decidedOn: decidedOn.map(Day.init), breachOn: breachOn.map(Day.init), repeatStep: repeatStep,
            ruleSet: ruleSet, urgentReasons: urgentReasons, noticeOn: noticeOn.map(Day.init), revisedOn: revisedOn.map(Day.init),
            revisionNote: revisionNote, recordedAt: recordedAt)
    }
}

/// A warm hand-over to a colleague, partner professional or organisation (R10). A hand-over to a
/// user of Meedoen links that user to the client while it is accepted (access scope `linked`).
public final class HandoverModel: Model, @unchecked Sendable {
    public static let schema = "handovers"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @OptionalField(key: "to_user_id") public var toUserID: UUID?
    @OptionalField(key: "to_organisation") public var toOrganisation: String?
    @Field(key: "goal") public var goal: String
    @Field(key: "reason") public var reason: String
    @Field(key: "handed_over_on") public var handedOverOn: Date
    @Enum(key: "status") public var status: HandoverStatus
    @OptionalField(key: "decided_on") public var decidedOn: Date?
    @OptionalField(key: "decision_note") public var decisionNote: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}
}

/// A signal to or from debt help, Wmo or youth care (R26).
public final class SignalModel: Model, @unchecked Sendable {
    public static let schema = "signals"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Enum(key: "domain") public var domain: SignalDomain
    @Enum(key: "direction") public var direction: SignalDirection
    @Field(key: "signalled_on") public var signalledOn: Date
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "outcome") public var outcome: String?
    @OptionalField(key: "outcome_on") public var outcomeOn: Date?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}
}

/// The "pas loslaten als" checklist of a young client as checked on a day (R14).
public final class YouthChecklistModel: Model, @unchecked Sendable {
    public static let schema = "youth_checklists"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Field(key: "checked_on") public var checkedOn: Date
    @Field(key: "housing") public var housing: Bool
    @Field(key: "school_or_work") public var schoolOrWork: Bool
    @Field(key: "stable_income") public var stableIncome: Bool
    @Field(key: "fallback_person") public var fallbackPerson: Bool
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public var checklist: YouthChecklist {
        YouthChecklist(housing: housing, schoolOrWork: schoolOrWork, stableIncome: stableIncome, fallbackPerson: fallbackPerson)
    }
}

extension HandoverModel {
    func handover(residentName: String?) -> Handover {
        Handover(
            id: id!, residentID: $resident.id, residentName: residentName, toUserID: toUserID, toOrganisation: toOrganisation, goal: goal,
            reason: reason, handedOverOn: Day(handedOverOn), status: status, decidedOn: decidedOn.map(Day.init),
            decisionNote: decisionNote, recordedAt: recordedAt)
    }
}

extension SignalModel {
    var signal: Signal {
        Signal(
            id: id!, residentID: $resident.id, domain: domain, direction: direction, signalledOn: Day(signalledOn), subject: subject,
            outcome: outcome, outcomeOn: outcomeOn.map(Day.init), recordedAt: recordedAt)
    }
}
