/// A member's place in the household; stored by raw value.
public enum MemberRelation: String, CaseIterable, Codable, Sendable {
    case applicant  // aanvrager
    case partner
    case child  // kind
    case coResident  // medebewoner

    /// Claimant and partner share one benefit (the benefit unit).
    public var isInBenefitUnit: Bool { self == .applicant || self == .partner }
}

/// Why a co-resident aged 27 or over still does not count as a cost-sharer: Participatiewet
/// art. 19a lid 1 (text of 2026-07-01, MinBZK/regelrecht-corpus). The spouse (sub a) is in the
/// benefit unit and never a co-resident.
public enum CoResidentException: String, CaseIterable, Codable, Sendable {
    /// Sub d 1°: education with a right to study finance (Wet studiefinanciering 2000).
    case studentWithStudyFinance
    /// Sub d 2°: education with a right to a WTOS allowance (Wet tegemoetkoming onderwijsbijdrage en schoolkosten, ch. 4).
    case wtosStudent
    /// Sub d 3°: a vocational course in the beroepsbegeleidende leerweg.
    case bblPupil
    /// Sub d 4°: comparable education abroad (for 1° and 2°: under 30 at some point during it).
    case educationAbroad
    /// Sub b: a written agreement at a commercial price with the claimant, as landlord, tenant,
    /// lodger or boarder — not for a blood relative or in-law in the first or second degree.
    case commercialRenter
    /// Sub c: a written agreement at a commercial price with the same third party as the claimant
    /// (tenants of the same landlord).
    case sameLandlordTenant
    /// Recorded so the choice is explicit: a blood relative or in-law in the first or second degree
    /// who pays commercial rent is not excepted by sub b, and counts.
    case relativePayingCommercialRent

    /// Sub b excludes relatives in the first or second degree: an adult child of the claimant who
    /// pays commercial rent still counts.
    public func applies(to relation: MemberRelation) -> Bool {
        self != .relativePayingCommercialRent && !(self == .commercialRenter && relation == .child)
    }
}
