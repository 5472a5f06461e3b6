import MeedoenCore
import MeedoenStorage
import Vapor

extension Request {
    /// The group proposal for a client from the latest intake and ladder measurement, evaluated
    /// today (a client who turned 27 since the intake is no longer youth), with the intake's day.
    /// The whole ZRM decides self-sufficiency; callers show the derived yes/no, never the scores.
    func groupProposal(for resident: Resident, in file: HouseholdFile, profile: PolicyProfile) async throws -> (Proposal?, Day?) {
        guard let intake = try await CaseworkStore(db: db).latestIntake(of: resident.id, withSensitive: true)?.intake else {
            return (nil, nil)
        }
        let ladder = try await households.ladder(of: resident.id).last?.measurement
        let facts = intake.facts(
            dateOfBirth: resident.dateOfBirth, ladder: ladder, specialGroups: file.specialGroups(of: resident.id, on: today),
            on: today, selfSufficientFrom: profile.segmentation.selfSufficientThreshold)
        return (profile.segmentation.propose(for: facts, municipality: try await municipalityCode(of: file)), intake.heldOn)
    }
}

/// The group decision as read from a form or an API body (the same keys): groupCode, validFrom,
/// overrideReason. The web and the API check and store it the same way.
enum GroupDecisionInput {
    static func read(_ fields: [String: String], proposal: Proposal?, profile: PolicyProfile, version: Int?, today: Day) -> (
        CaseworkStore.GroupDecision?, FieldIssues
    ) {
        var reader = FormReader(fields, today: today)
        let segmentation = profile.segmentation
        let code = reader.raw("groupCode")
        if code == nil {
            reader.fail("groupCode", .required)
        } else if segmentation.group(code!) == nil {
            reader.fail("groupCode", .unknownOption)
        }
        let validFrom = reader.requiredDay("validFrom")
        let reason = reader.text("overrideReason", max: 1000)
        for problem in code.map({ GroupChoice.problems(chosen: $0, proposed: proposal?.code, reason: reason, in: segmentation) }) ?? [] {
            switch problem {
            case .unknownGroup: break  // said on the field as it was read
            case .reasonForOtherGroup: reader.fail("overrideReason", .custom("Leg uit waarom u afwijkt van het voorstel."))
            case .reasonForGuardedGroup:
                reader.fail(
                    "overrideReason", .custom("Toetreding tot deze groep wordt streng getoetst: leg uit waarom deze cliënt erin hoort."))
            }
        }
        guard reader.issues.isEmpty, let code, let validFrom else { return (nil, reader.issues) }
        var reasons: [String] = []
        if case .group(_, let fired, _) = proposal { reasons = fired.map(Dutch.proposalReason) }
        let decision = CaseworkStore.GroupDecision(
            groupCode: code, proposedCode: proposal?.code, reasons: reasons,
            overrideReason: GroupChoice.keptReason(chosen: code, proposed: proposal?.code, reason: reason, in: segmentation),
            profileVersion: version, validFrom: validFrom)
        return (decision, reader.issues)
    }
}

extension Request {
    /// Stores a checked group decision with its audit entry, in one transaction.
    func recordGroupDecision(_ decision: CaseworkStore.GroupDecision, for resident: Resident, in file: HouseholdFile, purpose: String)
        async throws
    {
        try await recordChange(
            householdID: file.id, residentID: resident.id, part: FilePart.intake.rawValue, purpose: purpose,
            change: ChangeSummary(new: [
                "groep": decision.groupCode, "voorstel": decision.proposedCode ?? "",
                "besluit": decision.isOverride ? "afgeweken" : "bevestigd", "vanaf": decision.validFrom.iso,
            ])
        ) { db in
            try await CaseworkStore(db: db).assign(decision, to: resident.id, by: self.recorder)
        }
    }
}
