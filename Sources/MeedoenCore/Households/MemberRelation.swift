/// A member's place in the household; stored by raw value.
public enum MemberRelation: String, CaseIterable, Codable, Sendable {
    case applicant  // aanvrager
    case partner
    case child  // kind
    case coResident  // medebewoner

    /// Claimant and partner share one benefit (the benefit unit).
    public var isInBenefitUnit: Bool { self == .applicant || self == .partner }
}

/// Why a co-resident aged 27 or over still does not count as a cost-sharer.
/// Participatiewet art. 19a lid 1 (kostendelende medebewoner), as summarised in reference/domain.md.
public enum CoResidentException: String, CaseIterable, Codable, Sendable {
    case studentWithStudyFinance
    case bblPupil
    case commercialRenter
}
