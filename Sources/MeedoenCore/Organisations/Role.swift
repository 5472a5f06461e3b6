/// The roles of the brief ("Who uses it"); a user has exactly one.
public enum Role: String, CaseIterable, Codable, Sendable {
    case caseManager  // klantmanager / arbeidsconsulent
    case employerServices  // werkgeversdienstverlener
    case participationCoach  // participatiecoach
    case jobCoach  // jobcoach
    case careProfessional  // zorgprofessional
    case teamLeader  // teamleider
    case policyOfficer  // beleidsmedewerker / controller
    case functionalAdmin  // functioneel beheerder
    case privacyOfficer  // privacyfunctionaris
    case applicationAdmin  // applicatiebeheerder of the installation

    /// Roles that reach personal data and so log in with a second factor (BIO).
    /// Every role: the applicatiebeheerder changes national amounts, the beleidsmedewerker sees
    /// counts of small groups, the werkgeversdienstverlener will see candidates (issue 12, point 8).
    public var needsSecondFactor: Bool { true }

    /// Roles that can be the one fixed contact (regisseur) of a household.
    public var canBeDirector: Bool { self == .caseManager || self == .teamLeader }
}
