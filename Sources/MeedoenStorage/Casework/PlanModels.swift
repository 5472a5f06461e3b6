import Fluent
import Foundation
import MeedoenCore

/// A plan van aanpak (R5): goals agreed with the client, agreements and obligations, reviewed
/// on the rhythm of the client's group.
public final class PlanModel: Model, @unchecked Sendable {
    public static let schema = "plans"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Field(key: "started_on") public var startedOn: Date
    @OptionalField(key: "agreements") public var agreements: String?
    @OptionalField(key: "obligations") public var obligations: String?
    @Field(key: "next_review_on") public var nextReviewOn: Date
    @OptionalField(key: "closed_on") public var closedOn: Date?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date
    @Children(for: \.$plan) public var goals: [PlanGoalModel]
    @Children(for: \.$plan) public var reviews: [PlanReviewModel]

    public init() {}
}

public final class PlanGoalModel: Model, @unchecked Sendable {
    public static let schema = "plan_goals"
    @ID public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanModel
    @Field(key: "position") public var position: Int
    @Field(key: "description") public var description: String
    @OptionalField(key: "actions") public var actions: String?
    @Field(key: "target_on") public var targetOn: Date
    @Enum(key: "status") public var status: GoalStatus

    public init() {}
}

public final class PlanReviewModel: Model, @unchecked Sendable {
    public static let schema = "plan_reviews"
    @ID public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanModel
    @Field(key: "reviewed_on") public var reviewedOn: Date
    @OptionalField(key: "summary") public var summary: String?
    @OptionalField(key: "next_review_on") public var nextReviewOn: Date?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Field(key: "recorded_at") public var recordedAt: Date
    @Children(for: \.$review) public var progress: [GoalProgressModel]

    public init() {}
}

public final class GoalProgressModel: Model, @unchecked Sendable {
    public static let schema = "plan_goal_progress"
    @ID public var id: UUID?
    @Parent(key: "review_id") public var review: PlanReviewModel
    @Parent(key: "goal_id") public var goal: PlanGoalModel
    @Enum(key: "status") public var status: GoalStatus
    @OptionalField(key: "note") public var note: String?

    public init() {}
}

extension PlanModel {
    /// The plan as a Core value (goals and reviews must be loaded).
    var stored: StoredPlan {
        StoredPlan(
            id: id!, residentID: $resident.id, startedOn: Day(startedOn), agreements: agreements, obligations: obligations,
            nextReviewOn: Day(nextReviewOn), closedOn: closedOn.map(Day.init), recordedAt: recordedAt,
            goals: goals.sorted { $0.position < $1.position }.map {
                StoredPlan.Goal(
                    id: $0.id!, position: $0.position, description: $0.description, actions: $0.actions, targetOn: Day($0.targetOn),
                    status: $0.status)
            },
            reviews: reviews.sorted { $0.reviewedOn > $1.reviewedOn }.map { review in
                StoredPlan.Review(
                    id: review.id!, reviewedOn: Day(review.reviewedOn), summary: review.summary,
                    nextReviewOn: review.nextReviewOn.map(Day.init),
                    progress: review.progress.map { StoredPlan.Progress(goalID: $0.$goal.id, status: $0.status, note: $0.note) })
            })
    }
}
