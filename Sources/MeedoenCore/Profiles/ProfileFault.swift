/// What is wrong with a profile document, as a value: the app words it for the functioneel
/// beheerder (Dutch copy stays out of the domain), tests compare it exactly.
public enum ProfileFault: Equatable, Sendable {
    // Reading the document
    case invalidJSON(detail: String)
    case unsupportedVersion(Int, supported: Int)
    case unknownField
    case missingField
    case wrongType(expected: String)
    case missingValue(expected: String)
    case unknownValue
    case unreadable(detail: String)
    case otherOrganisation(document: String, expected: String)
    /// A newer shipped file that was not applied because the profile was edited since.
    case editedSinceShipped

    // Organisation-wide settings
    case organisationMissing
    case exemptionNMonths
    case exemptionRMonths
    case noCountingContactKinds
    case firstContactDueMonths
    case unknownRole
    case roleNameLength
    case selfSufficientScore
    case outreachAges
    case firstMeasurePeriod
    case repeatMeasurePeriod
    /// A term in months (ladder re-measurement, plan review, a review) outside 1…60.
    case termMonths(Int)

    // Contact norms
    case normMonthsMissing
    case normMonths(Int)
    case unknownNormKind(String)

    // Client groups and their rules
    case noGroups
    case groupCodeMissing
    case duplicateGroupCode(String, firstIndex: Int)
    case groupNameMissing
    case noCriteria
    case unknownMunicipality(String)
    case neverProposed(shadowedBy: String)
    case cycle([String])
    case notGroupNotAlone
    case notGroupSelf
    case unknownGroup(String)
    case ruleWithoutSubject
    case ageIsNoCriterion
    case oneOfAndBounds
    case notAValue(String, fact: Fact)
    case contradictoryValues(Fact)
    case boundsOnlyForRungs(Fact)
    case contradictoryRungs
    case ruleWithoutValues
}
