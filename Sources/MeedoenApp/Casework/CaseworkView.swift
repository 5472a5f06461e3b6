import MeedoenCore
import MeedoenStorage
import Vapor

/// The casework block of the client page: the group decision, the intake, the plan and the
/// scheduled reviews, each shown only with the right to see that part.
struct CaseworkView: Encodable {
    var label: String
    var group: String?
    var decision: String?
    var intakeDate: String?
    var intakeHref: String
    var canIntake: Bool
    var plan: String?
    var planHref: String?
    var canPlan: Bool
    var reviews: [String]
    var due: [String]

    static func load(_ req: Request, _ resident: ResidentModel, _ opened: OpenedFile) async throws -> CaseworkView? {
        guard opened.may(.intake, .read) || opened.may(.plan, .read) else { return nil }
        let profile = try await req.profile(of: opened.file.household.$organisation.id).profile
        let store = CaseworkStore(db: req.db)
        let id = resident.id!
        var view = CaseworkView(
            label: profile.segmentation.label, intakeHref: "/clients/\(id.uuidString)/intake", canIntake: opened.may(.intake, .write),
            canPlan: opened.may(.plan, .write), reviews: [], due: [])
        let assignment = try await store.currentAssignment(of: id, on: req.today)
        if opened.may(.intake, .read) {
            if let assignment {
                view.group = profile.segmentation.group(assignment.groupCode)?.name ?? assignment.groupCode
                let since = "sinds \(Dutch.date(Day(assignment.validFrom)))"
                view.decision =
                    assignment.decision == "overridden"
                    ? "Afgeweken van het voorstel (\(assignment.proposedCode.flatMap { profile.segmentation.group($0)?.name } ?? "geen voorstel")), \(since): \(assignment.overrideReason ?? "")"
                    : "Voorstel bevestigd, \(since)"
            }
            view.intakeDate = try await store.intakes(of: id).first.map { Dutch.date(Day($0.heldOn)) }
        }
        if opened.may(.plan, .read) {
            if let plan = try await store.plans(of: id).first {
                let achieved = plan.goals.filter { $0.status == .achieved }.count
                view.plan =
                    plan.closedOn == nil
                    ? "Loopt sinds \(Dutch.date(Day(plan.startedOn))); volgende evaluatie \(Dutch.date(Day(plan.nextReviewOn))); \(achieved) van \(plan.goals.count) doelen behaald"
                    : "Afgesloten op \(Dutch.date(Day(plan.closedOn!))); \(achieved) van \(plan.goals.count) doelen behaald"
                view.planHref = "/clients/\(id.uuidString)/plans/\(plan.id!.uuidString)"
            }
            let held = try await store.caseReviews(of: id)
            view.reviews = held.map { "\(Dutch.reviewKind($0.kind)) op \(Dutch.date(Day($0.heldOn))): \($0.outcome)" }
            for review in assignment.flatMap({ profile.segmentation.group($0.groupCode)?.service.reviews }) ?? [] {
                let from = held.first { $0.kind == review.kind }.map { Day($0.heldOn) } ?? assignment.map { Day($0.validFrom) }
                if let from { view.due.append("\(review.description): volgende uiterlijk \(Dutch.date(from.adding(months: review.everyMonths)))") }
            }
        }
        return view
    }
}
