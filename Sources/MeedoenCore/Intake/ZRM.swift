/// The zelfredzaamheidsmatrix (ZRM 2017, GGD Amsterdam; reference/domain.md): 13 life domains and
/// parenting as a supplement where there are children. Only names and scores are stored; the
/// criterion texts per score are © GGD Amsterdam and are not in the code.
public enum ZRMDomain: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case finances, workAndEducation, timeUse, housing, domesticRelations, mentalHealth, physicalHealth
    case substanceUse, basicADL, instrumentalADL, socialNetwork, socialParticipation, justice
    case parenting

    /// Domains at the extra privacy level (health, addiction, justice): shown only with `sensitive` access.
    public var isSensitive: Bool { [.mentalHealth, .physicalHealth, .substanceUse, .justice].contains(self) }
}

/// Scale per domain: 1 acute problematiek … 5 volledig zelfredzaam.
public enum ZRMScore: Int, CaseIterable, Codable, Sendable, Comparable {
    case acute = 1, notSelfSufficient, limited, sufficient, fully

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
