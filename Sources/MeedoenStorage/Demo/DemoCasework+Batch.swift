import Fluent
import Foundation
import MeedoenCore

/// The demo casework rows, built in memory and written in bulk like the rest of the demo.
struct CaseworkBatch {
    var intakes: [IntakeModel] = []
    var workProfiles: [WorkProfileModel] = []
    var assignments: [GroupAssignmentModel] = []
    var reviews: [CaseReviewModel] = []
    var plans: [PlanModel] = []
    var goals: [PlanGoalModel] = []

    /// Goals as case managers write them, by how far someone is from work.
    static let goalTexts: [String: [String]] = [
        "work": [
            "Binnen drie maanden een betaalde baan van minstens 24 uur per week", "Cv bijwerken en vijf gerichte sollicitaties per maand",
            "Werkervaringsplek in de zorg of logistiek afronden", "Vakcertificaat heftruck halen",
        ],
        "participation": [
            "Twee dagdelen per week vrijwilligerswerk", "Deelnemen aan de taalcafé-bijeenkomsten",
            "Schulden in beeld en aanmelding bij schuldhulpverlening", "Vaste dagstructuur opbouwen met dagbesteding",
        ],
    ]

    mutating func add(intake: Intake, for client: DemoCasework.Client, ready: Bool, recordedAt: Date, random: inout SeededRandom) {
        let model = IntakeModel()
        model.id = UUID()
        model.$resident.id = client.residentId
        try! model.hold(intake)  // encoding plain values cannot fail
        (model.recordedBy, model.recordedAt) = (client.directorId, recordedAt)
        intakes.append(model)
        let work = WorkProfileModel()
        work.id = UUID()
        work.$resident.id = client.residentId
        (work.language, work.drivingLicence, work.readyForWork) = (intake.language, random.chance(0.6), ready)
        (work.hoursPerWeek, work.postcodeArea) = (ready ? random.pick([16, 24, 32, 36]) : nil, String(client.postcode.prefix(4)))
        (work.recordedBy, work.recordedAt) = (client.directorId, recordedAt)
        workProfiles.append(work)
    }

    mutating func add(
        group code: String, reasons: [String], version: Int, from day: Day, for client: DemoCasework.Client, recordedAt: Date,
        random: inout SeededRandom
    ) {
        let model = GroupAssignmentModel()
        model.id = UUID()
        model.$resident.id = client.residentId
        (model.groupCode, model.proposedCode, model.reasons, model.decision) = (code, code, reasons.joined(separator: "\n"), "confirmed")
        (model.profileVersion, model.validFrom, model.recordedBy, model.recordedAt) = (version, day.date, client.directorId, recordedAt)
        assignments.append(model)
    }

    mutating func add(review: ScheduledReview, on day: Day, for client: DemoCasework.Client, recordedAt: Date) {
        let model = CaseReviewModel()
        model.id = UUID()
        model.$resident.id = client.residentId
        (model.kind, model.heldOn, model.outcome) = (review.kind, day.date, "Geen wijzigingen in de situatie")
        (model.recordedBy, model.recordedAt) = (client.directorId, recordedAt)
        reviews.append(model)
    }

    /// A running plan; about one in five is past its review date, so the worklist has work on it.
    mutating func addPlan(
        for client: DemoCasework.Client, group: String, from since: Day, today: Day, recordedAt: Date, random: inout SeededRandom
    ) {
        let started = max(since, today.adding(days: -Int.random(in: 30...400, using: &random)))
        let next =
            random.chance(0.2)
            ? today.adding(days: -Int.random(in: 1...90, using: &random)) : today.adding(days: Int.random(in: 5...180, using: &random))
        let plan = PlanModel()
        plan.id = UUID()
        plan.$resident.id = client.residentId
        (plan.startedOn, plan.nextReviewOn, plan.agreements) = (
            started.date, max(next, started.adding(days: 1)).date, "Maandelijks een gesprek met de klantmanager"
        )
        plan.obligations = "Wijzigingen in inkomen of woonsituatie direct doorgeven"
        (plan.recordedBy, plan.recordedAt) = (client.directorId, recordedAt)
        plans.append(plan)
        let kind =
            [
                "directWerk", "werkenErvaren", "geplaatst", "werknemer", "ondernemer", "routeArbeid", "bedrijfsdienstverlener",
                "scharnierpunt", "trajectWerk",
            ]
            .contains(group) ? "work" : "participation"
        for position in 1...Int.random(in: 1...3, using: &random) {
            let goal = PlanGoalModel()
            goal.id = UUID()
            goal.$plan.id = plan.id!
            (goal.position, goal.description) = (position, random.pick(Self.goalTexts[kind]!))
            (goal.targetOn, goal.status) = (
                started.adding(months: Int.random(in: 3...12, using: &random)).date, random.pick([.open, .onTrack, .behind])
            )
            goals.append(goal)
        }
    }

    func write(on db: any Database) async throws {
        try await db.transaction { tx in
            try await Self.insert(intakes, tx)
            try await Self.insert(workProfiles, tx)
            try await Self.insert(assignments, tx)
            try await Self.insert(reviews, tx)
            try await Self.insert(plans, tx)
            try await Self.insert(goals, tx)
        }
    }

    private static func insert<M: Model>(_ models: [M], _ db: any Database) async throws { try await insertInChunks(models, db) }
}
