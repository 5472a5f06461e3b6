/// A household member as far as the kostendelersnorm is concerned.
public struct CostSharingMember: Sendable, Equatable {
    public var relation: MemberRelation
    public var dateOfBirth: Day
    public var exception: CoResidentException?

    public init(relation: MemberRelation, dateOfBirth: Day, exception: CoResidentException? = nil) {
        (self.relation, self.dateOfBirth, self.exception) = (relation, dateOfBirth, exception)
    }
}

/// Participatiewet art. 19a and 22a (reference/domain.md "Kostendelersnorm"): A is the number of
/// co-residents who count as cost-sharers plus the claimant and their spouse aged 21 or older.
/// Since 2023-01-01 a co-resident counts only from age 27; the exceptions of art. 19a lid 1 sub b–d
/// (CoResidentException) never count. Art. 22a lid 4: the norm does not apply while the claimant
/// stays elsewhere to give intensive mantelzorg (IncomeInput.staysElsewhereForCare).
public enum CostSharing {
    public static let minimumAgeOfCountingCoResident = 27

    /// Anyone aged 27 or over who lives in the home outside the benefit unit counts: a co-resident,
    /// and an adult child too (art. 19a lid 1 names no relation, only the age and the exceptions).
    public static func countsAsCostSharer(_ member: CostSharingMember, on day: Day) -> Bool {
        !member.relation.isInBenefitUnit && !(member.exception?.applies(to: member.relation) ?? false)
            && member.dateOfBirth.age(on: day) >= minimumAgeOfCountingCoResident
    }

    /// The A of the norm formula; 1 for a single claimant without co-residents.
    public static func numberOfCostSharers(_ members: [CostSharingMember], on day: Day) -> Int {
        members.filter { member in
            member.relation.isInBenefitUnit ? member.dateOfBirth.age(on: day) >= 21 : countsAsCostSharer(member, on: day)
        }.count
    }
}
