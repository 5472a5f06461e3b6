import MeedoenCore
import MeedoenStorage

/// The client group page: the proposal with the rule that fired and the policy's criteria, and
/// the form to confirm it or choose another.
struct GroupDecisionPage: Encodable {
    var heading: String
    var label: String
    var action: String
    var cancel: String
    var intakeDate: String?
    var proposed: ClientGroupView?
    var reasons: [String] = []
    var explanation: String?
    var noProposal: String?
    var current: String?
    var groups: [ClientGroupView]
    var values: [String: String]
    var errors: [String: String]
    var errorList: [FormPage.Message]
    var source: String

    /// Without typed values the form starts on the proposal (else the current group) from today.
    init(
        resident: Resident, segmentation: Segmentation, proposal: Proposal?, intakeDay: Day?, currentCode: String?, today: Day,
        values: [String: String] = [:], issues: FieldIssues = FieldIssues()
    ) {
        let values = values.isEmpty ? ["groupCode": proposal?.code ?? currentCode ?? "", "validFrom": today.iso] : values
        let form = FormPage(heading: "", action: "", cancel: "", values: values, issues: issues)
        heading = "\(segmentation.label) van \(resident.fullName)"
        label = segmentation.label
        action = SitePath.client(.id(resident.id), .group).path
        cancel = SitePath.client(.id(resident.id)).path
        intakeDate = intakeDay.map(Dutch.date)
        current = currentCode.map { segmentation.group($0)?.name ?? $0 }
        groups = segmentation.groups.map(ClientGroupView.init)
        (self.values, errors, errorList, source) = (form.values, form.errors, form.errorList, segmentation.source)
        switch proposal {
        case .group(let code, let fired, let explanation):
            proposed = segmentation.group(code).map(ClientGroupView.init)
            (reasons, self.explanation) = (fired.map(Dutch.proposalReason), explanation)
        default:
            noProposal = Dutch.noProposal(proposal, in: segmentation)
        }
    }
}

extension Dutch {
    /// Why there is no proposal, and what to do about it.
    static func noProposal(_ proposal: Proposal?, in segmentation: Segmentation) -> String? {
        switch proposal {
        case .group: nil
        case .needsFacts(let group, let missing):
            "Nog geen voorstel: voor \(segmentation.group(group)?.name ?? group) ontbreekt "
                + "\(missing.map { FactLabels.name($0).lowercased() }.joined(separator: ", "))."
                + (missing.contains { $0 == .currentRung || $0 == .expectedEndRung }
                    ? " Leg eerst een meting op de participatieladder vast." : "")
        case .noGroupFits:
            "Geen enkele \(segmentation.label.lowercased()) past op de vastgelegde feiten. Kies zelf en leg uit waarom."
        case nil:
            "Er is nog geen intake. Houd eerst een intake; dan stelt Meedoen een \(segmentation.label.lowercased()) voor."
        }
    }
}

/// A client group as the policy describes it: shown on the group page and the profile page.
struct ClientGroupView: Encodable, Equatable {
    var code: String
    var name: String
    var criteria: [String]
    var services: [String]
    var reviews: [String]
    var tegenprestatie: String?
    var professional: String?
    var admissionNeedsReason: Bool
    /// The rules in words, on the profile page.
    var rules: [String] = []

    init(_ group: ClientGroup) {
        (code, name, criteria, services) = (group.code, group.name, group.criteria, group.service.services)
        reviews = group.service.reviews.map { "\($0.description) (elke \($0.everyMonths) maanden)" }
        // No tegenprestatie: say why, with its source (wage earners, Wijchen's zorgprofessional).
        (tegenprestatie, professional, admissionNeedsReason) = (
            group.tegenprestatie ?? group.tegenprestatieNote, group.professional, group.admissionNeedsReason ?? false
        )
    }
}
