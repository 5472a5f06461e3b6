import MeedoenCore
import MeedoenStorage
import Vapor

/// A plan van aanpak and its reviews as read from the form or an API body (R5). The form numbers
/// its goal slots (`goal2_target`), the API lists them (`goals[1].targetOn`): `GoalKeys` says which,
/// so a refusal stands on the field as the sender named it.
enum PlanInput {
    enum GoalPart: Sendable { case description, actions, target }

    struct GoalKeys: Sendable {
        var key: @Sendable (_ number: Int, _ part: GoalPart) -> String

        static let form = GoalKeys { number, part in
            "goal\(number)_" + (part == .description ? "description" : part == .actions ? "actions" : "target")
        }
        static let api = GoalKeys { number, part in
            "goals[\(number - 1)]." + (part == .description ? "description" : part == .actions ? "actions" : "targetOn")
        }
    }

    struct NewPlan: Sendable {
        var plan: CaseworkStore.NewPlan
        var conversation: ContactKind
    }

    /// `slots` goals are read (the form's five; as many as the body lists); goal 1 is required.
    static func read(_ reader: inout FormReader, slots: Int, keys: GoalKeys) -> NewPlan? {
        let start = reader.requiredDay("startedOn")
        let next = reader.requiredDay("nextReviewOn")
        var goals: [PlanGoal] = []
        var targets: [Int: Day] = [:]
        for n in 1...max(1, slots) {
            let (descriptionKey, targetKey) = (keys.key(n, .description), keys.key(n, .target))
            let description = reader.text(descriptionKey, max: 1000)
            let actions = reader.text(keys.key(n, .actions), max: 2000)
            let target = reader.day(targetKey)
            if description == nil && (n == 1 || actions != nil || target != nil) { reader.fail(descriptionKey, .required) }
            if description != nil && target == nil && reader.raw(targetKey) == nil { reader.fail(targetKey, .required) }
            targets[n] = target
            if let description, let target { goals.append(PlanGoal(description: description, actions: actions, targetOn: target)) }
        }
        if let start {
            for problem in PlanRules.problems(startedOn: start, nextReviewOn: next, targets: targets) {
                let (field, text) = Dutch.planProblem(problem, keys: keys)
                reader.fail(field, .custom(text))
            }
        }
        let agreements = reader.text("agreements", max: 4000)
        let obligations = reader.text("obligations", max: 4000)
        let conversation = reader.requiredOption(Conversation.field, as: ContactKind.self)
        guard reader.issues.isEmpty, let start, let next, let conversation else { return nil }
        return NewPlan(
            plan: CaseworkStore.NewPlan(
                startedOn: start, agreements: agreements, obligations: obligations, nextReviewOn: next, goals: goals),
            conversation: conversation)
    }

    struct Review: Sendable {
        var review: CaseworkStore.Review
        var conversation: ContactKind
    }

    /// `progress` says per open goal where its status and note are; every open goal needs a status.
    static func readReview(_ reader: inout FormReader, plan: StoredPlan, progress keys: [UUID: (status: String, note: String)]) -> Review? {
        let day = reader.requiredDay("reviewedOn", notInFuture: true)
        let next = reader.day("nextReviewOn")
        let closing = reader.flag("closePlan")
        for problem in PlanRules.reviewProblems(
            reviewedOn: day, nextReviewOn: next, nextReviewGiven: reader.raw("nextReviewOn") != nil, closing: closing)
        {
            let (field, text) = Dutch.planProblem(problem, keys: .form)
            reader.fail(field, .custom(text))
        }
        var progress: [UUID: (status: GoalStatus, note: String?)] = [:]
        for goal in plan.goals where !goal.status.isFinished {
            guard let key = keys[goal.id] else {
                reader.fail("progress", .custom("Leg de voortgang vast van doel \(goal.position): \(goal.description)."))
                continue
            }
            let status = reader.requiredOption(key.status, as: GoalStatus.self)
            if status == .open { reader.fail(key.status, .unknownOption) }
            if let status { progress[goal.id] = (status, reader.text(key.note, max: 2000)) }
        }
        let summary = reader.text("summary", max: 4000)
        let conversation = reader.requiredOption(Conversation.field, as: ContactKind.self)
        guard reader.issues.isEmpty, let day, let conversation else { return nil }
        return Review(
            review: CaseworkStore.Review(reviewedOn: day, summary: summary, nextReviewOn: next, progress: progress),
            conversation: conversation)
    }
}

extension Request {
    /// Stores a new plan (closing the running one), the conversation as a contact and the log entry.
    func recordPlan(
        _ new: PlanInput.NewPlan, for resident: Resident, in file: HouseholdFile, purpose: String = "plan van aanpak opstellen"
    ) async throws -> UUID {
        let plan = new.plan
        let entry = auditRecord(
            householdID: file.id, residentID: resident.id, part: FilePart.plan.rawValue, action: "aanmaken",
            purpose: purpose,
            change: ChangeSummary(new: [
                "start": plan.startedOn.iso, "evaluatie": plan.nextReviewOn.iso, "doelen": String(plan.goals.count),
                "gesprek": new.conversation.rawValue,
            ]))
        let (residentID, recorder) = (resident.id, recorder)
        // The conversation in which the plan was made happened no later than today, whenever the plan starts.
        return try await recordConversation(
            new.conversation, on: min(plan.startedOn, today), household: file.id, client: resident.id, source: "plan", entry: entry
        ) { db in
            try await CaseworkStore(db: db).addPlan(plan, for: residentID, by: recorder)
        }
    }

    @discardableResult
    func recordPlanReview(
        _ read: PlanInput.Review, of plan: StoredPlan, for resident: Resident, in file: HouseholdFile, purpose: String = "plan evalueren"
    ) async throws
        -> UUID
    {
        let review = read.review
        let entry = auditRecord(
            householdID: file.id, residentID: resident.id, part: FilePart.plan.rawValue, action: "wijzigen", purpose: purpose,
            change: ChangeSummary(new: [
                "evaluatie": review.reviewedOn.iso, "volgende": review.nextReviewOn?.iso ?? "afgesloten",
                "gesprek": read.conversation.rawValue,
            ]))
        let recorder = recorder
        return try await recordConversation(
            read.conversation, on: review.reviewedOn, household: file.id, client: resident.id, source: "planReview", entry: entry
        ) { db in
            try await CaseworkStore(db: db).addReview(review, to: plan.id, by: recorder)
        }
    }
}
