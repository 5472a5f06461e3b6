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
    var cooperation: Cooperation?

    /// Measures, hand-overs, signals and the youth checklist, each with its own part of the file.
    struct Cooperation: Encodable {
        struct Item: Encodable {
            var key: String
            var text: String
            var detail: String?
            /// Where an answer or outcome is posted, when this viewer may give it here.
            var action: String?
            /// Where the regisseur ends a colleague's link to this client.
            var endAction: String? = nil
        }

        var measures: [Item]?
        var canMeasure: Bool
        var handovers: [Item]?
        var canHandOver: Bool
        var signals: [Item]?
        var canSignal: Bool
        var youth: String?
        var canCheckYouth: Bool
    }

    static func load(_ req: Request, _ resident: Resident, _ opened: OpenedFile) async throws -> CaseworkView? {
        guard opened.may(.intake, .read) || opened.may(.plan, .read) else { return nil }
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let store = CaseworkStore(db: req.db)
        let id = resident.id
        var view = CaseworkView(
            label: profile.segmentation.label, intakeHref: SitePath.client(.id(id), .intake).path, canIntake: opened.may(.intake, .write),
            canPlan: opened.may(.plan, .write), reviews: [], due: [])
        let assignment = try await store.currentAssignment(of: id, on: req.today)
        if opened.may(.intake, .read) {
            if let assignment {
                view.group = profile.segmentation.group(assignment.groupCode)?.name ?? assignment.groupCode
                let since = "sinds \(Dutch.date(assignment.validFrom))"
                view.decision =
                    assignment.isOverride
                    ? "Afgeweken van het voorstel (\(assignment.proposedCode.flatMap { profile.segmentation.group($0)?.name } ?? "geen voorstel")), \(since): \(assignment.overrideReason ?? "")"
                    : "Voorstel bevestigd, \(since)"
            }
            view.intakeDate = try await store.intakes(of: id, withSensitive: false).first.map { Dutch.date($0.heldOn) }
        }
        if opened.may(.plan, .read) {
            if let plan = try await store.plans(of: id).first {
                let achieved = plan.goals.filter { $0.status == .achieved }.count
                view.plan =
                    plan.closedOn == nil
                    ? "Loopt sinds \(Dutch.date(plan.startedOn)); volgende evaluatie \(Dutch.date(plan.nextReviewOn)); \(achieved) van \(plan.goals.count) doelen behaald"
                    : "Afgesloten op \(Dutch.date(plan.closedOn!)); \(achieved) van \(plan.goals.count) doelen behaald"
                view.planHref = SitePath.client(.id(id), .plan(.id(plan.id))).path
            }
            let held = try await store.caseReviews(of: id)
            view.reviews = held.map { "\(Dutch.reviewKind($0.kind)) op \(Dutch.date($0.heldOn)): \($0.outcome)" }
            for review in assignment.flatMap({ profile.segmentation.group($0.groupCode)?.service.reviews }) ?? [] {
                let last = held.first { $0.kind == review.kind }.map(\.heldOn)
                if let due = review.dueOn(lastHeld: last, groupSince: assignment?.validFrom) {
                    view.due.append("\(review.description): volgende uiterlijk \(Dutch.date(due))")
                }
            }
        }
        view.cooperation = try await cooperation(req, resident, opened)
        // The client page opened the file for identity; what else it shows is logged by part.
        let shown: [FilePart] = [.intake, .plan, .measures, .handovers, .signals].filter { opened.may($0, .read) }
        try await req.audit(
            householdID: opened.file.id, residentID: id, part: shown.map(\.rawValue).joined(separator: ","), action: "inzien",
            purpose: "cliënt bekijken")
        return view
    }

    static func cooperation(_ req: Request, _ resident: Resident, _ opened: OpenedFile) async throws -> Cooperation {
        let store = CaseworkStore(db: req.db)
        let id = resident.id
        var result = Cooperation(
            canMeasure: opened.may(.measures, .write), canHandOver: opened.may(.handovers, .write), canSignal: opened.may(.signals, .write),
            canCheckYouth: false)
        if opened.may(.measures, .read) {
            let canRevise = opened.may(.measures, .write)
            result.measures = try await store.measures(of: id).map { measure in
                Cooperation.Item(
                    key: measure.id.uuidString, text: Dutch.measureLine(measure),
                    detail: "Omgekeerde toets: \(measure.proportionalityCheck)"
                        + (measure.revisionNote.map { ". Herziening (art. 18 lid 11): \($0)" } ?? ""),
                    // Art. 18 lid 11: a lid 5–8 measure can be revised on request, once.
                    action: canRevise && measure.ground == .workObligation && measure.revisedOn == nil
                        ? SitePath.client(.id(id), .measureRevision(.id(measure.id))).path : nil)
            }
        }
        if opened.may(.handovers, .read) {
            let names = Dictionary(
                uniqueKeysWithValues: try await DirectoryStore(db: req.db).users(of: opened.file.household.organisationID).map {
                    ($0.id!, $0.displayName)
                })
            let external = opened.may(.handovers, .write)
            result.handovers = try await store.handovers(of: id).map { handover in
                let to = handover.toUserID.flatMap { names[$0] } ?? handover.toOrganisation ?? "onbekend"
                let open = external && [.proposed, .accepted].contains(handover.status)
                let answerable = handover.toUserID == nil && open
                // The regisseur can end a colleague's or partner's link (issue 12, point 10).
                let endable = handover.toUserID != nil && open
                return Cooperation.Item(
                    key: handover.id.uuidString,
                    text:
                        "\(Dutch.date(handover.handedOverOn)) naar \(to): \(handover.goal) — \(Dutch.handoverStatus(handover.status).lowercased())",
                    detail: "Reden: \(handover.reason)" + (handover.decisionNote.map { ". Antwoord: \($0)" } ?? ""),
                    action: answerable ? SitePath.client(.id(id), .handoverDecision(.id(handover.id))).path : nil,
                    endAction: endable ? SitePath.client(.id(id), .handoverDecision(.id(handover.id))).path : nil)
            }
        }
        if opened.may(.signals, .read) {
            result.signals = try await store.signals(of: id).map { signal in
                Cooperation.Item(
                    key: signal.id.uuidString,
                    text:
                        "\(Dutch.date(signal.signalledOn)) \(Dutch.signalDirection(signal.direction).lowercased()) — \(Dutch.signalDomain(signal.domain)): \(signal.subject)",
                    detail: signal.outcome.map { "Uitkomst (\(signal.outcomeOn.map(Dutch.date) ?? "")): \($0)" },
                    action: signal.outcome == nil && opened.may(.signals, .write)
                        ? SitePath.client(.id(id), .signalOutcome(.id(signal.id))).path : nil
                )
            }
        }
        if resident.dateOfBirth.age(on: req.today) < 27, opened.may(.plan, .read) {
            result.canCheckYouth = opened.may(.plan, .write)
            if let latest = try await store.youthChecklists(of: id).first {
                let open = latest.checklist.missing.map(Dutch.youthItem)
                result.youth =
                    open.isEmpty
                    ? "Alles geregeld (\(Dutch.date(latest.checkedOn)))"
                    : "Nog niet geregeld (\(Dutch.date(latest.checkedOn))): \(open.joined(separator: ", "))"
            } else {
                result.youth = "Nog niet ingevuld"
            }
        }
        return result
    }
}
