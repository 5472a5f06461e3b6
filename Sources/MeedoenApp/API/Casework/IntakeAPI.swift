import MeedoenCore
import MeedoenStorage
import Vapor

/// Intakes and the client group through the API (R2, R4).
enum IntakeAPI {
    /// The intakes the caller may read, newest first, as the show page reads them (and logs the extra parts).
    @Sendable static func list(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .read, purpose: "api intakes")
        let read = try await req.readIntakes(of: resident, in: opened, purpose: "api intakes")
        // The work profile is the client's current one: it goes with the newest intake only.
        let items = read.intakes.enumerated().map { index, stored in
            CaseworkDTO.Intake(
                id: stored.id, heldOn: stored.heldOn,
                fields: StoredIntakeValues(values: read.values(stored.intake, work: index == 0 ? read.work : nil)), proposal: nil)
        }
        return try .json(ListDTO(all: items))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "api intake houden")
        let fields = try JSONFields.read(req, as: IntakeValues.self)
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let read = try IntakeForm.read(
            fields, profile: profile, withSensitive: opened.may(.sensitive, .write),
            statusHolder: IntakeController.isStatusHolder(resident, opened, req.today), today: req.today
        ).get()
        let id = try await req.recordIntake(read, for: resident, in: opened.file, purpose: "api intake houden")
        let (proposal, _) = try await req.groupProposal(for: resident, in: opened.file, profile: profile)
        // The answer holds what the caller may read of what it sent: the extra level only with that right.
        let readable = ReadIntakes(
            intakes: [], work: opened.may(.workProfile, .read) ? read.work : nil, sensitive: opened.may(.sensitive, .read))
        let values = readable.values(read.intake, work: readable.work)
        return try .json(
            CaseworkDTO.Intake(
                id: id, heldOn: read.intake.heldOn, fields: StoredIntakeValues(values: values),
                proposal: CaseworkDTO.Proposal(proposal, in: profile.segmentation)),
            status: .created)
    }

    @Sendable static func group(req: Request) async throws -> Response {
        // Like the group on the client page: for whom may read the intake. The proposal weighs the
        // whole ZRM but shows only the derived facts, never the scores.
        let (resident, opened) = try await req.openClient(.intake, .read, purpose: "api klantgroep")
        let profile = try await req.profile(of: opened.file.household.organisationID).profile
        let (proposal, intakeDay) = try await req.groupProposal(for: resident, in: opened.file, profile: profile)
        let store = CaseworkStore(db: req.db)
        let current = try await store.currentAssignment(of: resident.id, on: req.today)
        return try .json(
            CaseworkDTO.GroupStatus(
                current: current.map { CaseworkDTO.GroupAssignment($0, in: profile.segmentation) },
                decisions: try await store.assignments(of: resident.id).map { CaseworkDTO.GroupAssignment($0, in: profile.segmentation) },
                proposal: CaseworkDTO.Proposal(proposal, in: profile.segmentation), intakeHeldOn: intakeDay))
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.intake, .write, purpose: "api klantgroep vaststellen")
        let fields = try JSONFields.read(req, as: CaseworkBody.GroupDecision.self)
        let inForce = try await req.profile(of: opened.file.household.organisationID)
        let (proposal, _) = try await req.groupProposal(for: resident, in: opened.file, profile: inForce.profile)
        let (decision, issues) = GroupDecisionInput.read(
            fields, proposal: proposal, profile: inForce.profile, version: inForce.version, today: req.today)
        guard let decision else { throw issues }
        try await req.recordGroupDecision(decision, for: resident, in: opened.file, purpose: "api klantgroep vaststellen")
        let stored = try await CaseworkStore(db: req.db).assignments(of: resident.id)
            .filter { $0.groupCode == decision.groupCode && $0.validFrom == decision.validFrom }.max { $0.recordedAt < $1.recordedAt }
        guard let stored else { throw AppError.notFound }
        return try .json(CaseworkDTO.GroupAssignment(stored, in: inForce.profile.segmentation), status: .created)
    }
}
