import Fluent
import Foundation
import MeedoenCore

extension CaseworkStore {
    /// Plans of a client, newest first, with goals and reviews (and each review's progress).
    public func plans(of residentID: UUID) async throws -> [StoredPlan] {
        try await PlanModel.query(on: db).filter(\.$resident.$id == residentID)
            .with(\.$goals).with(\.$reviews) { $0.with(\.$progress) }
            .sort(\.$startedOn, .descending).sort(\.$recordedAt, .descending).all().map(\.stored)
    }

    public func plan(_ id: UUID) async throws -> StoredPlan? {
        try await planModel(id)?.stored
    }

    func planModel(_ id: UUID) async throws -> PlanModel? {
        try await PlanModel.query(on: db).filter(\.$id == id).with(\.$goals).with(\.$reviews) { $0.with(\.$progress) }.first()
    }

    public struct NewPlan: Sendable {
        public var startedOn: Day
        public var agreements: String?
        public var obligations: String?
        public var nextReviewOn: Day
        public var goals: [PlanGoal]

        public init(startedOn: Day, agreements: String?, obligations: String?, nextReviewOn: Day, goals: [PlanGoal]) {
            (self.startedOn, self.agreements, self.obligations, self.nextReviewOn, self.goals) = (
                startedOn, agreements, obligations, nextReviewOn, goals
            )
        }
    }

    /// A new plan; a running plan of the client is closed on the new plan's start, so there is one at a time.
    public func addPlan(_ new: NewPlan, for residentID: UUID, by recorder: Recorder) async throws -> UUID {
        let id = recorder.ids.next()
        try await db.transaction { db in
            for running in try await PlanModel.query(on: db).filter(\.$resident.$id == residentID).filter(\.$closedOn == nil).all() {
                running.closedOn = new.startedOn.date
                try await running.update(on: db)
            }
            let plan = PlanModel()
            plan.id = id
            plan.$resident.id = residentID
            (plan.startedOn, plan.agreements, plan.obligations, plan.nextReviewOn) = (
                new.startedOn.date, new.agreements, new.obligations, new.nextReviewOn.date
            )
            (plan.recordedBy, plan.recordedAt) = (recorder.userID, recorder.clock.now())
            try await plan.create(on: db)
            for (position, goal) in new.goals.enumerated() {
                let model = PlanGoalModel()
                model.id = recorder.ids.next()
                model.$plan.id = id
                (model.position, model.description, model.actions, model.targetOn, model.status) = (
                    position + 1, goal.description, goal.actions, goal.targetOn.date, .open
                )
                try await model.create(on: db)
            }
        }
        return id
    }

    public struct Review: Sendable {
        public var reviewedOn: Day
        public var summary: String?
        /// Nil closes the plan: nothing left to review.
        public var nextReviewOn: Day?
        public var progress: [UUID: (status: GoalStatus, note: String?)]

        public init(reviewedOn: Day, summary: String?, nextReviewOn: Day?, progress: [UUID: (status: GoalStatus, note: String?)]) {
            (self.reviewedOn, self.summary, self.nextReviewOn, self.progress) = (reviewedOn, summary, nextReviewOn, progress)
        }
    }

    /// Records a review: progress per goal, the goals' new standing, and the next review date.
    @discardableResult
    public func addReview(_ review: Review, to planID: UUID, by recorder: Recorder) async throws -> UUID {
        guard let plan = try await planModel(planID) else { throw HouseholdStore.Problem.notFound }
        return try await db.transaction { db in
            let model = PlanReviewModel()
            let reviewID = recorder.ids.next()
            model.id = reviewID
            model.$plan.id = plan.id!
            (model.reviewedOn, model.summary, model.nextReviewOn) = (review.reviewedOn.date, review.summary, review.nextReviewOn?.date)
            (model.recordedBy, model.recordedAt) = (recorder.userID, recorder.clock.now())
            try await model.create(on: db)
            for goal in plan.goals {
                guard let progress = review.progress[goal.id!] else { continue }
                let entry = GoalProgressModel()
                entry.id = recorder.ids.next()
                entry.$review.id = reviewID
                entry.$goal.id = goal.id!
                (entry.status, entry.note) = (progress.status, progress.note)
                try await entry.create(on: db)
                goal.status = progress.status
                try await goal.update(on: db)
            }
            if let next = review.nextReviewOn {
                plan.nextReviewOn = next.date
            } else {
                plan.closedOn = review.reviewedOn.date
            }
            try await plan.update(on: db)
            return reviewID
        }
    }
}
