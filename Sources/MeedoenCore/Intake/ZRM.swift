/// The zelfredzaamheidsmatrix (ZRM 2017, GGD Amsterdam; reference/domain.md): 13 life domains and
/// parenting as a supplement where there are children. Only names and scores are stored; the
/// criterion texts per score are © GGD Amsterdam and are not in the code.
public enum ZRMDomain: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case finances, workAndEducation, timeUse, housing, domesticRelations, mentalHealth, physicalHealth
    case substanceUse, basicADL, instrumentalADL, socialNetwork, socialParticipation, justice
    case parenting

    /// Domains at the extra privacy level (health, addiction, justice): shown only with `sensitive` access.
    public var isSensitive: Bool { [.mentalHealth, .physicalHealth, .substanceUse, .justice].contains(self) }

    public var dutchName: String {
        switch self {
        case .finances: "Financiën"
        case .workAndEducation: "Werk & opleiding"
        case .timeUse: "Tijdsbesteding"
        case .housing: "Huisvesting"
        case .domesticRelations: "Huiselijke relaties"
        case .mentalHealth: "Geestelijke gezondheid"
        case .physicalHealth: "Lichamelijke gezondheid"
        case .substanceUse: "Middelengebruik"
        case .basicADL: "Basale ADL"
        case .instrumentalADL: "Instrumentele ADL"
        case .socialNetwork: "Sociaal netwerk"
        case .socialParticipation: "Maatschappelijke participatie"
        case .justice: "Justitie"
        case .parenting: "Ouderschap (aanvulling)"
        }
    }
}

/// Scale per domain: 1 acute problematiek … 5 volledig zelfredzaam.
public enum ZRMScore: Int, CaseIterable, Codable, Sendable, Comparable {
    case acute = 1, notSelfSufficient, limited, sufficient, fully

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var dutchName: String {
        switch self {
        case .acute: "1 – acute problematiek"
        case .notSelfSufficient: "2 – niet zelfredzaam"
        case .limited: "3 – beperkt zelfredzaam"
        case .sufficient: "4 – voldoende zelfredzaam"
        case .fully: "5 – volledig zelfredzaam"
        }
    }
}
