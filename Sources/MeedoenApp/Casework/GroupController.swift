import MeedoenCore
import MeedoenStorage
import Vapor

/// The client group (route, dimensions, trajectory kind) — R4: Meedoen proposes from the recorded
/// facts with the rule that fired; the case manager confirms, or chooses another with a reason.
enum GroupController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .group), use: form).require(.file(.intake, .write))
        routes.post(.client(.key, .group), use: decide).require(.file(.intake, .write))
    }

    private static func page(
        _ req: Request, _ resident: Resident, _ opened: OpenedFile, proposal: (Proposal?, Day?), profile: PolicyProfile,
        values: [String: String] = [:], issues: FieldIssues = FieldIssues()
    ) async throws -> Response {
        let current = try await CaseworkStore(db: req.db).currentAssignment(of: resident.id, on: req.today)
        let page = GroupDecisionPage(
            resident: resident, segmentation: profile.segmentation, proposal: proposal.0, intakeDay: proposal.1,
            currentCode: current?.groupCode, today: req.today, values: values, issues: issues)
        return try await req.renderPage("group", title: page.heading, page, status: issues.isEmpty ? .ok : .badRequest)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "klantgroep vaststellen")
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let proposal = try await req.groupProposal(for: resident, in: opened.file, profile: profile)
        return try await page(req, resident, opened, proposal: proposal, profile: profile)
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "klantgroep vaststellen")
        let fields = try req.formFields()
        let inForce = try await req.profile(of: opened.file.household.organisationID)
        let proposal = try await req.groupProposal(for: resident, in: opened.file, profile: inForce.profile)
        let (decision, issues) = GroupDecisionInput.read(
            fields, proposal: proposal.0, profile: inForce.profile, version: inForce.version, today: req.today)
        guard let decision else {
            return try await page(req, resident, opened, proposal: proposal, profile: inForce.profile, values: fields, issues: issues)
        }
        try await req.recordGroupDecision(decision, for: resident, in: opened.file, purpose: "klantgroep vaststellen")
        let name = inForce.profile.segmentation.group(decision.groupCode)?.name ?? decision.groupCode
        return req.redirect(
            to: .client(.id(resident.id)),
            flash: decision.isOverride ? "\(name) is vastgelegd, met uw reden om af te wijken." : "\(name) is bevestigd.")
    }
}
