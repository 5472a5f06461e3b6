/// The parts of a person's file, so access can be granted per part (need to know, AVG art. 5).
public enum FilePart: String, CaseIterable, Codable, Sendable {
    case identity  // name, BSN, date of birth, contact details
    case household  // address, members, municipality
    case benefit  // benefit facts from the income administration
    case specialGroups
    case supportPeriods
    case director  // the regisseur
    case ladder  // participatieladder measurements (R3)
    case contacts  // date and kind of contacts (R6); what was said is in `notes`
    case intake  // intake answers, ZRM (except the sensitive domains), obstacles, the group decision (R2, R4)
    case plan  // plan van aanpak, goals, reviews, rechtmatigheid and evaluations (R5, R7)
    case workProfile  // the work profile written by the intake
    case measures  // maatregelen with their proportionality check (R7)
    case handovers  // warm hand-overs to colleagues, partners and organisations (R10)
    case signals  // signals to and from debt help, Wmo and youth care (R26)
    /// The extra level: ZRM domains on mental and physical health, addiction and justice.
    case sensitive
    /// Free-text notes, which can hold anything a resident said.
    case notes
}

public enum AccessAction: String, CaseIterable, Codable, Sendable {
    case read
    case write
}

/// How far a role's access to a part reaches, from nothing to the whole organisation.
/// Ordered: a wider scope includes the narrower ones.
public enum AccessScope: Int, Comparable, Sendable {
    case none
    case linked  // clients the professional is linked to (partners; links arrive with hand-overs)
    case caseload  // households whose regisseur is the user
    case team  // households whose regisseur is in a team the user leads
    case organisation  // every household of the user's organisation (and municipality scope)

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How the user stands to one household, worked out by storage for the decision below.
public struct Relationship: Sendable, Equatable {
    public var sameOrganisation: Bool
    public var withinMunicipalityScope: Bool
    public var isDirector: Bool
    public var directorInLedTeam: Bool
    public var isLinked: Bool
    /// No regisseur holds today: the file falls to the team leaders until one is assigned.
    public var hasNoDirector: Bool

    public init(
        sameOrganisation: Bool, withinMunicipalityScope: Bool = true, isDirector: Bool = false,
        directorInLedTeam: Bool = false, isLinked: Bool = false, hasNoDirector: Bool = false
    ) {
        self.hasNoDirector = hasNoDirector
        self.sameOrganisation = sameOrganisation
        self.withinMunicipalityScope = withinMunicipalityScope
        self.isDirector = isDirector
        self.directorInLedTeam = directorInLedTeam
        self.isLinked = isLinked
    }

    /// The narrowest scope that covers this household for this user.
    public var reach: AccessScope? {
        guard sameOrganisation, withinMunicipalityScope else { return nil }
        if isDirector { return .caseload }
        if directorInLedTeam { return .team }
        if isLinked { return .linked }
        return .organisation
    }
}

/// The access matrix (role × part × action → scope). ACCESS.md is this table in words.
/// Everything not listed is `.none`: a new role or part starts closed.
public enum Access {
    public static func scope(_ role: Role, _ part: FilePart, _ action: AccessAction) -> AccessScope {
        // The extra level: only the regisseur's own caseload, the zorgprofessional linked to the
        // client for health matters, and the teamleider reading notes of the team. Never by
        // breaking the glass.
        switch (part, role, action) {
        case (.sensitive, .caseManager, _), (.notes, .caseManager, _): return .caseload
        case (.sensitive, .careProfessional, .read): return .linked
        case (.notes, .teamLeader, .read): return .team
        case (.sensitive, _, _), (.notes, _, _): return .none
        default: break
        }
        switch (role, action) {
        case (.caseManager, .read): return .organisation
        case (.caseManager, .write): return .caseload
        case (.teamLeader, .read): return .team
        case (.teamLeader, .write): return part == .director ? .team : .none
        case (.participationCoach, .read), (.careProfessional, .read):
            return [.identity, .household, .specialGroups, .director, .ladder, .plan, .workProfile, .handovers, .signals].contains(part)
                ? .linked : .none
        case (.jobCoach, .read):
            // A jobcoach supports at work and has no business with benefit amounts or the household.
            return [.identity, .specialGroups, .director, .plan, .workProfile, .handovers].contains(part) ? .linked : .none
        default:
            return .none
        }
    }

    /// Whether the role may ever do this to some file: used to refuse a whole page before any lookup.
    public static func mayEver(_ role: Role, _ part: FilePart, _ action: AccessAction) -> Bool {
        scope(role, part, action) > .none
    }

    /// "Break the glass": a file the user may open only because of the organisation-wide reach
    /// (not their caseload, team or a link) needs a stated reason first, which the log keeps.
    public static func requiresStatedReason(_ role: Role, given relationship: Relationship) -> Bool {
        relationship.reach == .organisation && scope(role, .identity, .read) == .organisation
    }

    public static func allows(
        _ role: Role, _ part: FilePart, _ action: AccessAction, given relationship: Relationship
    ) -> Bool {
        guard let reach = relationship.reach else { return false }
        let granted = scope(role, part, action)
        switch granted {
        case .none: return false
        case .linked: return relationship.isLinked || relationship.isDirector
        case .caseload: return relationship.isDirector
        case .team:
            // A file without a regisseur is in no team; the team leaders see it (not its notes) to assign one.
            return relationship.isDirector || relationship.directorInLedTeam || (relationship.hasNoDirector && part != .notes)
        case .organisation: return reach <= .organisation
        }
    }
}

/// Capabilities that are not about one person's file.
public enum Capability: String, CaseIterable, Sendable {
    case manageUsers  // functioneel beheerder: users, teams, unlock, reset
    case moveCaseload  // bulk change of regisseur
    case createHousehold
    case viewAggregates  // counts only, never a person
    case reviewAccessReasons  // teamleider: the stated reasons for opening files outside a caseload
    case viewAccessLog  // privacyfunctionaris: access logs and inzage exports, no ordinary file access
    case manageLegalParameters  // applicatiebeheerder
    case managePolicyProfile  // functioneel beheerder: the organisation's policy profile (R22)

    public func isGranted(to role: Role) -> Bool {
        switch self {
        case .manageUsers: return role == .functionalAdmin
        case .moveCaseload: return role == .functionalAdmin || role == .teamLeader
        case .createHousehold: return role == .caseManager
        case .viewAggregates: return [.policyOfficer, .teamLeader, .functionalAdmin].contains(role)
        case .manageLegalParameters: return role == .applicationAdmin
        case .managePolicyProfile: return role == .functionalAdmin
        case .reviewAccessReasons: return role == .teamLeader
        case .viewAccessLog: return role == .privacyOfficer
        }
    }
}
