import Foundation

/// What the casework stores hand out: each record as a value, with who recorded it and when, so
/// controllers, pages and the inzage never read a database model (issue 14).

/// An intake as stored: its day, the intake (the extra level only when asked for) and when it was recorded.
public struct StoredIntake: Sendable, Equatable {
    public var id: UUID
    public var heldOn: Day
    public var intake: Intake
    public var recordedAt: Date

    public init(id: UUID, heldOn: Day, intake: Intake, recordedAt: Date) {
        (self.id, self.heldOn, self.intake, self.recordedAt) = (id, heldOn, intake, recordedAt)
    }
}

/// The latest work profile and when it was written.
public struct StoredWorkProfile: Sendable, Equatable {
    public var profile: WorkProfile
    public var recordedAt: Date

    public init(profile: WorkProfile, recordedAt: Date) { (self.profile, self.recordedAt) = (profile, recordedAt) }
}

/// A decision on the client group (route, dimension), dated like every other fact; `copyOf` marks the
/// ended copy the dated shape writes when a later decision takes over.
public struct GroupAssignment: Sendable, Equatable {
    public var id: UUID
    public var groupCode: String
    public var proposedCode: String?
    /// The conditions that fired, as shown when the decision was taken.
    public var reasons: [String]
    public var overrideReason: String?
    public var profileVersion: Int?
    public var validFrom: Day
    public var validTo: Day?
    public var recordedAt: Date
    public var recordedBy: UUID?
    public var copyOf: UUID?

    public init(
        id: UUID, groupCode: String, proposedCode: String?, reasons: [String], overrideReason: String?, profileVersion: Int?,
        validFrom: Day, validTo: Day?, recordedAt: Date, recordedBy: UUID?, copyOf: UUID?
    ) {
        (self.id, self.groupCode, self.proposedCode, self.reasons) = (id, groupCode, proposedCode, reasons)
        (self.overrideReason, self.profileVersion, self.validFrom, self.validTo) = (overrideReason, profileVersion, validFrom, validTo)
        (self.recordedAt, self.recordedBy, self.copyOf) = (recordedAt, recordedBy, copyOf)
    }

    public var isOverride: Bool { proposedCode != groupCode }
}

/// A scheduled review held (lawfulness, re-assessment…), with its outcome.
public struct CaseReview: Sendable, Equatable {
    public var id: UUID
    public var kind: ScheduledReview.Kind
    public var heldOn: Day
    public var outcome: String
    public var recordedAt: Date

    public init(id: UUID, kind: ScheduledReview.Kind, heldOn: Day, outcome: String, recordedAt: Date) {
        (self.id, self.kind, self.heldOn, self.outcome, self.recordedAt) = (id, kind, heldOn, outcome, recordedAt)
    }
}

/// A warm hand-over (R10) as recorded, with its answer.
public struct Handover: Sendable, Equatable {
    public var id: UUID
    public var residentID: UUID
    /// The client's name, for the receiving professional's inbox.
    public var residentName: String?
    public var toUserID: UUID?
    public var toOrganisation: String?
    public var goal: String
    public var reason: String
    public var handedOverOn: Day
    public var status: HandoverStatus
    public var decidedOn: Day?
    public var decisionNote: String?
    public var recordedAt: Date

    public init(
        id: UUID, residentID: UUID, residentName: String?, toUserID: UUID?, toOrganisation: String?, goal: String, reason: String,
        handedOverOn: Day, status: HandoverStatus, decidedOn: Day?, decisionNote: String?, recordedAt: Date
    ) {
        (self.id, self.residentID, self.residentName, self.toUserID, self.toOrganisation) = (
            id, residentID, residentName, toUserID, toOrganisation
        )
        (self.goal, self.reason, self.handedOverOn, self.status) = (goal, reason, handedOverOn, status)
        (self.decidedOn, self.decisionNote, self.recordedAt) = (decidedOn, decisionNote, recordedAt)
    }
}

/// A signal to or from another domain (R26) and its outcome.
public struct Signal: Sendable, Equatable {
    public var id: UUID
    public var residentID: UUID
    public var domain: SignalDomain
    public var direction: SignalDirection
    public var signalledOn: Day
    public var subject: String
    public var outcome: String?
    public var outcomeOn: Day?
    public var recordedAt: Date

    public init(
        id: UUID, residentID: UUID, domain: SignalDomain, direction: SignalDirection, signalledOn: Day, subject: String, outcome: String?,
        outcomeOn: Day?, recordedAt: Date
    ) {
        (self.id, self.residentID, self.domain, self.direction, self.signalledOn) = (id, residentID, domain, direction, signalledOn)
        (self.subject, self.outcome, self.outcomeOn, self.recordedAt) = (subject, outcome, outcomeOn, recordedAt)
    }
}

/// The youth checklist "pas loslaten als" (R14) as filled in on a day.
public struct StoredYouthChecklist: Sendable, Equatable {
    public var id: UUID
    public var checkedOn: Day
    public var checklist: YouthChecklist
    public var note: String?
    public var recordedAt: Date

    public init(id: UUID, checkedOn: Day, checklist: YouthChecklist, note: String?, recordedAt: Date) {
        (self.id, self.checkedOn, self.checklist, self.note, self.recordedAt) = (id, checkedOn, checklist, note, recordedAt)
    }
}

/// A measure as decided and stored (art. 18, 18b), with the repeat step it was weighed under and a
/// revision on request (lid 11).
public struct StoredMeasure: Sendable, Equatable {
    public var id: UUID
    public var ground: Measure.Ground
    public var breach: String
    public var proportionalityCheck: String
    public var percentage: Int
    public var months: Int?
    public var startsOn: Day
    public var decidedOn: Day?
    public var breachOn: Day?
    public var repeatStep: RepeatStep?
    /// The id of the rule set it was decided under (`MeasureRuleSet.id`).
    public var ruleSet: String?
    public var urgentReasons: String?
    public var noticeOn: Day?
    public var revisedOn: Day?
    public var revisionNote: String?
    public var recordedAt: Date

    public init(
        id: UUID, ground: Measure.Ground, breach: String, proportionalityCheck: String, percentage: Int, months: Int?, startsOn: Day,
        decidedOn: Day?, breachOn: Day?, repeatStep: RepeatStep?, ruleSet: String?, urgentReasons: String?, noticeOn: Day?,
        revisedOn: Day?, revisionNote: String?, recordedAt: Date
    ) {
        self.ruleSet = ruleSet
        (self.id, self.ground, self.breach, self.proportionalityCheck) = (id, ground, breach, proportionalityCheck)
        (self.percentage, self.months, self.startsOn, self.decidedOn, self.breachOn) = (percentage, months, startsOn, decidedOn, breachOn)
        (self.repeatStep, self.urgentReasons, self.noticeOn) = (repeatStep, urgentReasons, noticeOn)
        (self.revisedOn, self.revisionNote, self.recordedAt) = (revisedOn, revisionNote, recordedAt)
    }

    /// As the repeat and taaleis rules look at it.
    public var earlier: EarlierMeasure {
        EarlierMeasure(ground: ground, step: repeatStep, decidedOn: decidedOn ?? startsOn, startsOn: startsOn, noticeOn: noticeOn)
    }
}

/// A plan van aanpak (R5) as stored: its goals with their standing, and each review's progress.
public struct StoredPlan: Sendable, Equatable {
    public struct Goal: Sendable, Equatable {
        public var id: UUID
        public var position: Int
        public var description: String
        public var actions: String?
        public var targetOn: Day
        public var status: GoalStatus

        public init(id: UUID, position: Int, description: String, actions: String?, targetOn: Day, status: GoalStatus) {
            (self.id, self.position, self.description, self.actions, self.targetOn, self.status) = (
                id, position, description, actions, targetOn, status
            )
        }
    }

    public struct Progress: Sendable, Equatable {
        public var goalID: UUID
        public var status: GoalStatus
        public var note: String?

        public init(goalID: UUID, status: GoalStatus, note: String?) { (self.goalID, self.status, self.note) = (goalID, status, note) }
    }

    public struct Review: Sendable, Equatable {
        public var id: UUID
        public var reviewedOn: Day
        public var summary: String?
        public var nextReviewOn: Day?
        public var progress: [Progress]

        public init(id: UUID, reviewedOn: Day, summary: String?, nextReviewOn: Day?, progress: [Progress]) {
            (self.id, self.reviewedOn, self.summary, self.nextReviewOn, self.progress) = (id, reviewedOn, summary, nextReviewOn, progress)
        }
    }

    public var id: UUID
    public var residentID: UUID
    public var startedOn: Day
    public var agreements: String?
    public var obligations: String?
    public var nextReviewOn: Day
    public var closedOn: Day?
    public var recordedAt: Date
    /// In the order agreed (by position).
    public var goals: [Goal]
    /// Newest first.
    public var reviews: [Review]

    public init(
        id: UUID, residentID: UUID, startedOn: Day, agreements: String?, obligations: String?, nextReviewOn: Day, closedOn: Day?,
        recordedAt: Date, goals: [Goal], reviews: [Review]
    ) {
        (self.id, self.residentID, self.startedOn, self.agreements, self.obligations) = (id, residentID, startedOn, agreements, obligations)
        (self.nextReviewOn, self.closedOn, self.recordedAt, self.goals, self.reviews) = (nextReviewOn, closedOn, recordedAt, goals, reviews)
    }
}

/// A ladder measurement (R3) as stored, with who measured and the questions answered yes (nil:
/// only the rung was recorded).
public struct StoredLadderMeasurement: Sendable, Equatable {
    public var measurement: LadderMeasurement
    public var measuredBy: UUID?
    public var answeredYes: Set<LadderQuestion>?

    public init(measurement: LadderMeasurement, measuredBy: UUID?, answeredYes: Set<LadderQuestion>?) {
        (self.measurement, self.measuredBy, self.answeredYes) = (measurement, measuredBy, answeredYes)
    }
}

/// A contact with a household (R6).
public struct Contact: Sendable, Equatable {
    public var id: UUID
    public var contactOn: Day
    public var kind: ContactKind
    public var summary: String?
    public var recordedBy: UUID?
    public var recordedAt: Date

    public init(id: UUID, contactOn: Day, kind: ContactKind, summary: String?, recordedBy: UUID?, recordedAt: Date) {
        (self.id, self.contactOn, self.kind, self.summary, self.recordedBy, self.recordedAt) = (
            id, contactOn, kind, summary, recordedBy, recordedAt
        )
    }
}
