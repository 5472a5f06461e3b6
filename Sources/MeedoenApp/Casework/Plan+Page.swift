import MeedoenCore

/// The plan van aanpak as a document to read and sign (R5): goals in the order agreed, each review's
/// progress per goal, and the review link while the plan runs and the reader may write it.
struct PlanDocumentPage: Encodable {
    struct Goal: Encodable {
        var number: Int
        var description: String
        var actions: String?
        var target: String
        var status: String
    }

    struct Review: Encodable {
        var date: String
        var summary: String?
        var progress: [String]
    }

    var heading = "Plan van aanpak"
    var client: String
    var clientHref: String
    var organisation: String
    var director: String
    var started: String
    var nextReview: String?
    var closed: String?
    var agreements: String?
    var obligations: String?
    var goals: [Goal]
    var reviews: [Review]
    var reviewHref: String?

    init(plan: StoredPlan, resident: Resident, file: HouseholdFile, organisation: String, canReview: Bool, today: Day) {
        (client, clientHref, self.organisation) = (resident.fullName, SitePath.client(.id(resident.id)).path, organisation)
        director = file.name(of: file.current(file.directors, on: today)?.value)
        started = Dutch.date(plan.startedOn)
        nextReview = plan.closedOn == nil ? Dutch.date(plan.nextReviewOn) : nil
        closed = plan.closedOn.map { Dutch.date($0) }
        (agreements, obligations) = (plan.agreements, plan.obligations)
        goals = plan.goals.map {
            Goal(
                number: $0.position, description: $0.description, actions: $0.actions, target: Dutch.date($0.targetOn),
                status: Dutch.goalStatus($0.status))
        }
        let number = Dictionary(uniqueKeysWithValues: plan.goals.map { ($0.id, $0.position) })
        reviews = plan.reviews.map { review in
            Review(
                date: Dutch.date(review.reviewedOn), summary: review.summary,
                progress: review.progress.sorted { (number[$0.goalID] ?? 0) < (number[$1.goalID] ?? 0) }.map { progress in
                    let note = progress.note.map { " — \($0)" } ?? ""
                    return "Doel \(number[progress.goalID] ?? 0): \(Dutch.goalStatus(progress.status))" + note
                })
        }
        reviewHref = plan.closedOn == nil && canReview ? SitePath.client(.id(resident.id), .planReview(.id(plan.id))).path : nil
    }
}
