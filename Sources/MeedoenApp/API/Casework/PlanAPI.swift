import MeedoenCore
import MeedoenStorage
import Vapor

/// Plans van aanpak with goals and their reviews through the API (R5).
enum PlanAPI {
    @Sendable static func list(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.plan, .read, purpose: "api plannen")
        return try .json(ListDTO(all: try await CaseworkStore(db: req.db).plans(of: resident.id).map(CaseworkDTO.Plan.init)))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "api plan van aanpak opstellen")
        let fields = try JSONFields.read(req, as: CaseworkBody.Plan.self)
        var reader = FormReader(fields, today: req.today)
        guard let new = PlanInput.read(&reader, slots: (JSONFields.indices(of: "goals", in: fields).last ?? -1) + 1, keys: .api) else {
            throw reader.issues
        }
        let id = try await req.recordPlan(new, for: resident, in: opened.file, purpose: "api plan van aanpak opstellen")
        guard let plan = try await CaseworkStore(db: req.db).plan(id) else { throw AppError.notFound }
        return try .json(CaseworkDTO.Plan(plan), status: .created)
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "api plan evalueren")
        guard let plan = try await CaseworkStore(db: req.db).plan(try req.idParameter("planId")), plan.residentID == resident.id else {
            throw AppError.notFound
        }
        guard plan.closedOn == nil else { throw AppError.conflict("Dit plan is afgesloten; er is niets gewijzigd.") }
        let fields = try JSONFields.read(req, as: CaseworkBody.PlanReview.self)
        var reader = FormReader(fields, today: req.today)
        // Each progress entry names its goal; a goal of another plan, or one already finished, is refused on its entry.
        let open = Set(plan.goals.filter { !$0.status.isFinished }.map(\.id))
        var keys: [UUID: (status: String, note: String)] = [:]
        for index in JSONFields.indices(of: "progress", in: fields) {
            let goalKey = "progress[\(index)].goalId"
            guard let goal = fields[goalKey].flatMap(UUID.init(uuidString:)), open.contains(goal), keys[goal] == nil else {
                reader.fail(goalKey, .custom("Geen open doel van dit plan (of twee keer genoemd)."))
                continue
            }
            keys[goal] = ("progress[\(index)].status", "progress[\(index)].note")
        }
        guard let read = PlanInput.readReview(&reader, plan: plan, progress: keys), reader.issues.isEmpty else { throw reader.issues }
        try await req.recordPlanReview(read, of: plan, for: resident, in: opened.file, purpose: "api plan evalueren")
        guard let reviewed = try await CaseworkStore(db: req.db).plan(plan.id) else { throw AppError.notFound }
        // The answer holds the plan with its earlier reviews: a read of the plan, logged as one.
        try await req.audit(
            householdID: opened.file.id, residentID: resident.id, part: FilePart.plan.rawValue, action: "inzien",
            purpose: "api plan evalueren")
        return try .json(CaseworkDTO.Plan(reviewed), status: .created)
    }

}
