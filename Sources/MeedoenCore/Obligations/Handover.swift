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
