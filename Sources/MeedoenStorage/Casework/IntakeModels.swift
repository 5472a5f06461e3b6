import Fluent
import Foundation
import MeedoenCore

/// One intake, kept whole. The health-related ZRM domains and the health limitations sit in a
/// separate column so a page without `sensitive` access never even decodes them.
public final class IntakeModel: Model, @unchecked Sendable {
    public static let schema = "intakes"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Field(key: "held_on") public var heldOn: Date
    @Field(key: "document") public var document: String
    @OptionalField(key: "sensitive_document") public var sensitiveDocument: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    /// Writes the intake into the two columns, as the current `IntakeDocument` version.
    func hold(_ intake: Intake) throws {
        heldOn = intake.heldOn.date
        (document, sensitiveDocument) = try IntakeDocument.encode(intake)
    }
}

/// The work profile written by the intake: the only client data employer services read.
public final class WorkProfileModel: Model, @unchecked Sendable {
    public static let schema = "work_profiles"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @OptionalField(key: "qualifications") public var qualifications: String?
    @OptionalField(key: "competences") public var competences: String?
    @Enum(key: "language") public var language: LanguageLevel
    @Field(key: "driving_licence") public var drivingLicence: Bool
    @OptionalField(key: "hours_per_week") public var hoursPerWeek: Int?
    @OptionalField(key: "available_from") public var availableFrom: Date?
    @OptionalField(key: "postcode_area") public var postcodeArea: String?
    @Field(key: "ready_for_work") public var readyForWork: Bool
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public var profile: WorkProfile {
        WorkProfile(
            qualifications: qualifications, competences: competences, language: language, drivingLicence: drivingLicence,
            hoursPerWeek: hoursPerWeek, availableFrom: availableFrom.map(Day.init), postcodeArea: postcodeArea, readyForWork: readyForWork)
    }
}

/// The client group (route, dimension, trajectory kind) the case manager decided on, with what
/// was proposed and why, and the reason when the proposal was overridden (R4).
public final class GroupAssignmentModel: Model, @unchecked Sendable {
    public static let schema = "group_assignments"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Field(key: "group_code") public var groupCode: String
    @OptionalField(key: "proposed_code") public var proposedCode: String?
    /// The conditions that fired, one per line.
    @Field(key: "reasons") public var reasons: String
    /// "confirmed" or "overridden".
    @Field(key: "decision") public var decision: String
    @OptionalField(key: "override_reason") public var overrideReason: String?
    @OptionalField(key: "profile_version") public var profileVersion: Int?
    @Field(key: "valid_from") public var validFrom: Date
    /// Dated like every other fact (M017): the day before the next decision, or open.
    @OptionalField(key: "valid_to") public var validTo: Date?
    /// Who decided: kept when a later decision ends this one.
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date
    /// A decision for the same day made later, or this one rewritten with its new end.
    @OptionalField(key: "superseded_at") public var supersededAt: Date?
    @OptionalField(key: "superseded_by") public var supersededBy: UUID?
    /// Set on the ended copy of a decision that a later one interrupted: not a decision of its own.
    @OptionalField(key: "copy_of") public var copyOf: UUID?

    public init() {}

    /// This decision, ending on `validTo`, as known from `recordedAt`.
    func endedCopy(validTo: Day, recordedAt: Date, id: UUID) -> GroupAssignmentModel {
        let copy = GroupAssignmentModel()
        copy.id = id
        copy.$resident.id = $resident.id
        (copy.groupCode, copy.proposedCode, copy.reasons, copy.decision) = (groupCode, proposedCode, reasons, decision)
        (copy.overrideReason, copy.profileVersion, copy.validFrom) = (overrideReason, profileVersion, validFrom)
        (copy.validTo, copy.recordedBy, copy.recordedAt, copy.copyOf) = (validTo.date, recordedBy, recordedAt, copyOf ?? self.id)
        return copy
    }
}

/// A group decision is a dated record like the others (M017): `holds(on:)` is the one rule of `Dated`.
extension GroupAssignmentModel: DatedRecord {
    public var value: String {
        get { groupCode }
        set { groupCode = newValue }
    }
}

/// A rechtmatigheidsonderzoek or an evaluation that was held (the group's service package says how often).
public final class CaseReviewModel: Model, @unchecked Sendable {
    public static let schema = "case_reviews"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Enum(key: "kind") public var kind: ScheduledReview.Kind
    @Field(key: "held_on") public var heldOn: Date
    @Field(key: "outcome") public var outcome: String
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}
}

extension GroupAssignmentModel {
    var assignment: GroupAssignment {
        GroupAssignment(
            id: id!, groupCode: groupCode, proposedCode: proposedCode, reasons: reasons.split(separator: "\n").map(String.init),
            overrideReason: overrideReason, profileVersion: profileVersion, validFrom: Day(validFrom), validTo: validTo.map(Day.init),
            recordedAt: recordedAt, recordedBy: recordedBy, copyOf: copyOf)
    }
}
