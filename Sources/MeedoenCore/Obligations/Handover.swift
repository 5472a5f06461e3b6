/// A warm hand-over (R10): to a colleague, a partner professional or another organisation (the
/// regional WerkBedrijf, the sociaal wijkteam), with its goal and reason. Both tracks may run at
/// once: a hand-over does not end the regisseur's responsibility.
public enum HandoverStatus: String, CaseIterable, Codable, Sendable {
    case proposed  // aangemeld, nog geen antwoord
    case accepted  // geaccepteerd
    case declined  // afgewezen (met reden)
    case ended  // afgerond of teruggemeld

    /// Once accepted (and until ended), the receiving professional is linked to the client. A proposed
    /// hand-over shows its goal and reason in their inbox, not the file.
    public static let linking: [HandoverStatus] = [.accepted]
}

/// Signals to and from other domains (R26), with date and outcome.
public enum SignalDomain: String, CaseIterable, Codable, Sendable {
    case debtHelp  // schuldhulpverlening
    case wmo  // Wmo / sociaal wijkteam
    case youthCare  // jeugdhulp
}

public enum SignalDirection: String, CaseIterable, Codable, Sendable {
    case outgoing  // wij signaleren naar het andere domein
    case incoming  // het andere domein signaleert naar ons
}

/// "Pas loslaten als" (seed 000 lines 232–233): a young person is let go only when housing, school
/// or work, a stable income and someone to fall back on are arranged (R14).
public struct YouthChecklist: Sendable, Equatable, Codable {
    public var housing: Bool
    public var schoolOrWork: Bool
    public var stableIncome: Bool
    public var fallbackPerson: Bool

    public init(housing: Bool, schoolOrWork: Bool, stableIncome: Bool, fallbackPerson: Bool) {
        (self.housing, self.schoolOrWork, self.stableIncome, self.fallbackPerson) = (housing, schoolOrWork, stableIncome, fallbackPerson)
    }

    public enum Item: String, CaseIterable, Sendable {
        case housing, schoolOrWork, stableIncome, fallbackPerson
    }

    public func isArranged(_ item: Item) -> Bool {
        switch item {
        case .housing: housing
        case .schoolOrWork: schoolOrWork
        case .stableIncome: stableIncome
        case .fallbackPerson: fallbackPerson
        }
    }

    public var missing: [Item] { Item.allCases.filter { !isArranged($0) } }
    public var isComplete: Bool { missing.isEmpty }

    /// Whether ending support needs the checklist: clients under 27, unless they leave in a way the
    /// municipality does not decide (a move, death, detention).
    public static func applies(age: Int, reason: SupportEndReason) -> Bool {
        age < 27 && ![.movedAway, .deceased, .detention].contains(reason)
    }
}

/// Answering a hand-over (R10): an answer moves forward only — proposed → accepted or declined,
/// accepted → ended — and a refusal needs its reason.
public enum HandoverAnswer {
    public enum Problem: Equatable, Sendable {
        /// "Proposed" is where a hand-over starts, not an answer.
        case notAnAnswer
        case reasonRequired
        case alreadyDecided(HandoverStatus)
    }

    public static func problems(current: HandoverStatus, answer: HandoverStatus, note: String?) -> [Problem] {
        if answer == .proposed { return [.notAnAnswer] }
        var problems: [Problem] = []
        let allowed: [HandoverStatus] =
            switch current {
            case .proposed: [.accepted, .declined]
            case .accepted: [.ended]
            case .declined, .ended: []
            }
        if answer == .declined && (note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty {
            problems.append(.reasonRequired)
        }
        if !allowed.contains(answer) { problems.append(.alreadyDecided(current)) }
        return problems
    }
}

extension YouthChecklist {
    /// R14, seed 000 r. 232-233: a young client's support ends only with the checklist complete, or
    /// with a stated reason why they are let go all the same.
    public static func mayEnd(age: Int, reason: SupportEndReason, latest: YouthChecklist?, statedReason: String?) -> Bool {
        !applies(age: age, reason: reason) || latest?.isComplete == true
            || !(statedReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty
    }
}
