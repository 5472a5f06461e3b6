import MeedoenCore
import MeedoenStorage
import Vapor

/// What the casework operations answer. Field names are the API's own; every value a Core type
/// holds is shown as its raw value (the OpenAPI document lists them), every text in Dutch.
enum CaseworkDTO {
    /// The group Meedoen proposes from the latest intake and ladder measurement (R4), with the rule that fired.
    struct Proposal: Content, DescribedSchema {
        static let schemaName = "GroupProposal"
        static var notes: [String: JSONValue] {
            [
                "outcome": ["type": "string", "enum": ["group", "needsFacts", "noGroupFits", "noIntake"]],
                "reasons": SchemaNote.described("De voorwaarden van de regel die het voorstel deed, in woorden"),
                "message": SchemaNote.described("Waarom er (nog) geen voorstel is en wat te doen"),
            ]
        }

        var outcome: String
        var groupCode: String?
        var groupName: String?
        var reasons: [String]
        var explanation: String?
        var missingFacts: [String]?
        var message: String?

        init(_ proposal: MeedoenCore.Proposal?, in segmentation: Segmentation) {
            (reasons, message) = ([], Dutch.noProposal(proposal, in: segmentation))
            switch proposal {
            case .group(let code, let fired, let explanation):
                (outcome, groupCode, groupName) = ("group", code, segmentation.group(code)?.name)
                (reasons, self.explanation) = (fired.map(Dutch.proposalReason), explanation)
            case .needsFacts(let group, let missing):
                (outcome, groupCode, groupName, missingFacts) = (
                    "needsFacts", group, segmentation.group(group)?.name, missing.map(\.rawValue)
                )
            case .noGroupFits: outcome = "noGroupFits"
            case nil: outcome = "noIntake"
            }
        }
    }

    struct GroupAssignment: Content, DescribedSchema {
        static let schemaName = "GroupDecision"
        static var notes: [String: JSONValue] { ["decision": ["type": "string", "enum": ["confirmed", "override"]]] }

        var id: UUID
        var groupCode: String
        var groupName: String?
        var proposedCode: String?
        var decision: String
        var reasons: [String]
        var overrideReason: String?
        var validFrom: Day
        var validTo: Day?
        var profileVersion: Int?

        init(_ assignment: MeedoenCore.GroupAssignment, in segmentation: Segmentation) {
            (id, groupCode, groupName) = (assignment.id, assignment.groupCode, segmentation.group(assignment.groupCode)?.name)
            (proposedCode, decision, reasons) = (
                assignment.proposedCode, assignment.proposedCode == assignment.groupCode ? "confirmed" : "override", assignment.reasons
            )
            (overrideReason, validFrom, validTo, profileVersion) = (
                assignment.overrideReason, assignment.validFrom, assignment.validTo, assignment.profileVersion
            )
        }
    }

    /// The client's group today, what Meedoen proposes now, and every decision taken (newest first).
    struct GroupStatus: Content, DescribedSchema {
        static let schemaName = "ClientGroupStatus"

        var current: GroupAssignment?
        var decisions: [GroupAssignment]
        var proposal: Proposal
        var intakeHeldOn: Day?
    }

    struct Intake: Content, DescribedSchema {
        static let schemaName = "Intake"

        var id: UUID
        var heldOn: Day
        /// The fields the caller may read: the extra level and the work profile only for whom may see them.
        var fields: StoredIntakeValues
        /// Only in the answer to a new intake: the group proposed on it.
        var proposal: Proposal?
    }

    struct LadderMeasurement: Content, DescribedSchema {
        static let schemaName = "LadderMeasurement"
        static var notes: [String: JSONValue] {
            [
                "rung": SchemaNote.range(1, 6, description: "Trede 1 (geïsoleerd) tot 6 (betaald werk)"),
                "expectedEnd": SchemaNote.range(1, 6),
                "answeredYes": SchemaNote.described("De laddervragen die met ja zijn beantwoord; de trede volgt eruit"),
            ]
        }

        var measuredOn: Day
        var rung: Int
        var expectedEnd: Int?
        var kind: MeasurementKind
        var answeredYes: [LadderQuestion]?

        init(_ stored: StoredLadderMeasurement) {
            let measurement = stored.measurement
            (measuredOn, rung, expectedEnd, kind) = (
                measurement.measuredOn, measurement.rung.rawValue, measurement.expectedEnd?.rawValue, measurement.kind
            )
            answeredYes = stored.answeredYes.map { yes in LadderQuestion.allCases.filter(yes.contains) }
        }
    }

    struct Contact: Content, DescribedSchema {
        static let schemaName = "Contact"

        var id: UUID
        var contactOn: Day
        var kind: ContactKind
        var participants: [UUID]
        /// Only for whom may read notes (the caseload).
        var summary: String?
    }

    struct Plan: Content, DescribedSchema {
        static let schemaName = "Plan"

        struct Goal: Content, DescribedSchema {
            static let schemaName = "PlanGoal"
            var id: UUID
            var position: Int
            var description: String
            var actions: String?
            var targetOn: Day
            var status: GoalStatus
        }

        struct Review: Content, DescribedSchema {
            static let schemaName = "PlanReview"
            struct Progress: Content, DescribedSchema {
                static let schemaName = "GoalProgress"
                var goalId: UUID
                var status: GoalStatus
                var note: String?
            }
            var id: UUID
            var reviewedOn: Day
            var summary: String?
            var nextReviewOn: Day?
            var progress: [Progress]
        }

        var id: UUID
        var startedOn: Day
        var nextReviewOn: Day
        var closedOn: Day?
        var agreements: String?
        var obligations: String?
        var goals: [Goal]
        var reviews: [Review]

        init(_ plan: StoredPlan) {
            (id, startedOn, nextReviewOn, closedOn) = (plan.id, plan.startedOn, plan.nextReviewOn, plan.closedOn)
            (agreements, obligations) = (plan.agreements, plan.obligations)
            goals = plan.goals.sorted { $0.position < $1.position }.map {
                Goal(
                    id: $0.id, position: $0.position, description: $0.description, actions: $0.actions, targetOn: $0.targetOn,
                    status: $0.status)
            }
            reviews = plan.reviews.map { review in
                Review(
                    id: review.id, reviewedOn: review.reviewedOn, summary: review.summary, nextReviewOn: review.nextReviewOn,
                    progress: review.progress.map { Review.Progress(goalId: $0.goalID, status: $0.status, note: $0.note) })
            }
        }
    }

    struct CaseReview: Content, DescribedSchema {
        static let schemaName = "CaseReview"
        var id: UUID
        var kind: ScheduledReview.Kind
        var heldOn: Day
        var outcome: String
    }

    struct Measure: Content, DescribedSchema {
        static let schemaName = "Measure"
        var id: UUID
        var ground: MeedoenCore.Measure.Ground
        var breach: String
        var proportionalityCheck: String
        var percentage: Int
        /// Absent: until the obligation is met (the taaleis' third step).
        var months: Int?
        var startsOn: Day
        var decidedOn: Day?
        var breachOn: Day?
        var ruleSet: String?
        var urgentReasons: String?
        var revisedOn: Day?

        init(_ stored: StoredMeasure) {
            (id, ground, breach, proportionalityCheck) = (stored.id, stored.ground, stored.breach, stored.proportionalityCheck)
            (percentage, months, startsOn, decidedOn, breachOn) = (
                stored.percentage, stored.months, stored.startsOn, stored.decidedOn, stored.breachOn
            )
            (ruleSet, urgentReasons, revisedOn) = (stored.ruleSet, stored.urgentReasons, stored.revisedOn)
        }
    }

    struct WorklistCount: Content, DescribedSchema {
        static let schemaName = "WorklistCount"
        var list: MeedoenCore.Worklist.List
        var title: String
        var description: String
        var count: Int
    }

    struct WorklistOverview: Content, DescribedSchema {
        static let schemaName = "WorklistOverview"
        var lists: [WorklistCount]
    }

    /// One client on a worklist and why (R6, R7).
    struct WorklistEntry: Content, DescribedSchema {
        static let schemaName = "WorklistEntry"
        static var notes: [String: JSONValue] {
            ["late": SchemaNote.described("Een termijn is verstreken (te laat); anders is het werk dat nu te doen is")]
        }
        var clientId: UUID
        var householdId: UUID
        var name: String
        var director: String?
        var status: String
        var reason: String
        var late: Bool
        var dueOn: Day?

        init(_ item: WorklistItem, today: Day) {
            (clientId, householdId, name, director) = (item.residentID, item.householdID, item.sortName, item.director)
            (status, reason, late) = (
                Dutch.worklistStatus(item.reason), Dutch.worklistReason(item.reason, today: today, lastContact: item.lastContact),
                item.reason.isLate
            )
            dueOn = item.reason.dueOn
        }
    }

    struct Worklist: Content, DescribedSchema {
        static let schemaName = "Worklist"
        var list: MeedoenCore.Worklist.List
        var title: String
        var items: [WorklistEntry]
        var page: Int
        var per: Int
        var total: Int
    }
}
