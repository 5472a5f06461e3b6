import MeedoenCore

/// A professional's open hand-overs (R10): each with its client, goal and reason, and the answer form
/// while it is only proposed.
struct HandoverInboxPage: Encodable {
    struct Row: Encodable {
        var key: String
        var href: String
        var client: String
        var goal: String
        var reason: String
        var date: String
        var status: String
        var decisionAction: String
        var open: Bool
    }

    var rows: [Row]

    init(_ handovers: [Handover]) {
        rows = handovers.map { handover in
            Row(
                key: handover.id.uuidString, href: SitePath.client(.id(handover.residentID)).path, client: handover.residentName ?? "",
                goal: handover.goal, reason: handover.reason, date: Dutch.date(handover.handedOverOn),
                status: Dutch.handoverStatus(handover.status), decisionAction: SitePath.handoverDecision(.id(handover.id)).path,
                open: handover.status == .proposed)
        }
    }
}
