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
    public var needsSecondFactor: Bool {
        Access.mayEver(self, .identity, .read) || Capability.viewAccessLog.isGranted(to: self) || self == .functionalAdmin
    }

    /// Roles that can be the one fixed contact (regisseur) of a household.
    public var canBeDirector: Bool { self == .caseManager || self == .teamLeader }
}
