/// The shape every household keeps: exactly one applicant, at most one partner.
public enum HouseholdComposition {
    public enum Problem: Error, Equatable, Sendable {
        case secondApplicant
        case secondPartner
        case applicantChangesRelation
    }

    /// Checks giving a member `relation` (new, or changed from `previous`) among the other members.
    public static func check(relation: MemberRelation, previous: MemberRelation? = nil, others: [MemberRelation]) throws(Problem) {
        if let previous, previous != relation, previous == .applicant || relation == .applicant {
            throw .applicantChangesRelation
        }
        if relation == .applicant && previous != .applicant && others.contains(.applicant) { throw .secondApplicant }
        if relation == .partner && others.contains(.partner) { throw .secondPartner }
    }
}
