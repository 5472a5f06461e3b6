import MeedoenCore
import MeedoenStorage

/// A resident's access log for the privacy officer: who read or changed what, and why, with the
/// state of the log's last full verification.
struct AccessLogPage: Encodable {
    struct Row: Encodable, Equatable {
        var when: String
        var who: String
        var action: String
        var part: String
        var purpose: String
    }

    var id: String
    var inzage: String
    var inzageJSON: String
    var name: String
    var rows: [Row]
    var verified: String

    /// The household's entries about the household as a whole or about this resident; a member's own entries stay theirs.
    init(resident: Resident, events: [AccessLogEntry], verification: LogVerification?) {
        (id, name) = (resident.id.uuidString, resident.fullName)
        inzage = SitePath.privacyResident(.id(resident.id), .inzage).path
        inzageJSON = SitePath.privacyResident(.id(resident.id), .inzageJSON).path
        rows = events.filter { $0.residentID == nil || $0.residentID == resident.id }.map {
            Row(when: Dutch.moment($0.at), who: Dutch.actor($0), action: $0.action, part: Dutch.part($0.part), purpose: $0.purpose)
        }
        verified = Dutch.verification(verification)
    }
}

/// Every account created, activated or whose credentials were reset, with who did it: the
/// beheerder sees no file, and this is where an account made to reach files would show.
struct AccountsPage: Encodable {
    struct Row: Encodable, Equatable {
        var when: String
        var by: String
        var what: String
        var account: String
    }

    var rows: [Row]

    init(_ events: [AccessLogEntry]) {
        let what = [
            "aanmaken": "account aangemaakt", "reset-password": "wachtwoord opnieuw (activeringscode)", "reset-2fa": "tweede factor gewist",
            "activeren": "account geactiveerd, eigen wachtwoord gekozen",
        ]
        rows = events.map { Row(when: Dutch.moment($0.at), by: Dutch.actor($0), what: what[$0.action] ?? $0.action, account: $0.purpose) }
    }
}

extension Dutch {
    static func actor(_ entry: AccessLogEntry) -> String {
        "\(entry.actorName) (\(Role(rawValue: entry.actorRole).map(Dutch.role) ?? entry.actorRole))"
    }

    static func verification(_ last: LogVerification?) -> String {
        guard let last else {
            return "Het toegangslog is nog niet volledig gecontroleerd. De controle loopt dagelijks, of met 'meedoen audit verify'."
        }
        let when = moment(last.finishedAt)
        if let problem = last.problem {
            return "Let op: bij de laatste volledige controle (\(when)) was het toegangslog niet intact"
                + (last.firstBrokenSeq.map { " vanaf regel \($0)" } ?? "") + ": \(problem)."
        }
        return "Laatste volledige controle: \(when) — intact, \(last.entriesChecked) regels"
            + (last.unanchored > 0 ? ", waarvan \(last.unanchored) nog niet buiten de database verankerd." : ".")
    }
}
