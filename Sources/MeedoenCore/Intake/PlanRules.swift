/// The date rules of a plan van aanpak and its reviews (R5), as problems per field.
public enum PlanRules {
    public enum Problem: Equatable, Sendable {
        /// The first review comes after the start.
        case reviewNotAfterStart
        /// A goal's target date is on or after the start (goal number, from 1).
        case targetBeforeStart(goal: Int)
        /// The next review comes after this one.
        case nextReviewNotAfterReview
        /// A plan that is closed has no next review.
        case nextReviewWhileClosing
        /// Closing is a choice made on purpose, never the side effect of an empty field.
        case nextReviewMissing
    }

    /// A new plan: its first review after its start, each goal's target on or after the start.
    public static func problems(startedOn: Day, nextReviewOn: Day?, targets: [Int: Day]) -> [Problem] {
        var problems: [Problem] = []
        if let next = nextReviewOn, next <= startedOn { problems.append(.reviewNotAfterStart) }
        for (goal, target) in targets.sorted(by: { $0.key < $1.key }) where target < startedOn {
            problems.append(.targetBeforeStart(goal: goal))
        }
        return problems
    }

    /// A review: either a next review after this one, or the plan closes — not both, not neither.
    public static func reviewProblems(reviewedOn: Day?, nextReviewOn: Day?, nextReviewGiven: Bool, closing: Bool) -> [Problem] {
        if let day = reviewedOn, let next = nextReviewOn, next <= day { return [.nextReviewNotAfterReview] }
        if closing && nextReviewGiven { return [.nextReviewWhileClosing] }
        if !closing && !nextReviewGiven { return [.nextReviewMissing] }
        return []
    }
}

extension ScheduledReview {
    /// When this review is due next: its rhythm from the last review of its kind, or else from the
    /// day the client entered the group (R7). One rule for the worklist and the client page.
    public func dueOn(lastHeld: Day?, groupSince: Day?) -> Day? {
        (lastHeld ?? groupSince)?.adding(months: everyMonths)
    }
}
