import MeedoenCore

/// The functioneel beheerder's words for what is wrong with a profile document: what the rule is
/// and where it comes from, so the fix is clear without reading the code.
extension Dutch {
    static func profileProblem(_ problem: ProfileProblem) -> String {
        let text = profileFault(problem.fault)
        return problem.key.isEmpty ? "\(problem.file): \(text)" : "\(problem.file), \(problem.key): \(text)"
    }

    static func profileFault(_ fault: ProfileFault) -> String {
        switch fault {
        case .invalidJSON(let detail): "geen geldige JSON (\(detail))"
        case .unsupportedVersion(let version, let supported):
            "versie \(version) wordt niet ondersteund; deze versie leest versie \(supported)"
        case .unknownField: "onbekend veld"
        case .missingField: "verplicht veld ontbreekt"
        case .wrongType(let expected): "verkeerd soort waarde, verwacht \(expected)"
        case .missingValue(let expected): "waarde ontbreekt, verwacht \(expected)"
        case .unknownValue: "onbekende waarde"
        case .unreadable(let detail): "niet te lezen (\(detail))"
        case .otherOrganisation(let document, let expected): "hoort bij '\(document)', niet bij '\(expected)'"
        case .editedSinceShipped:
            "nieuwe meegeleverde versie niet toegepast: de functioneel beheerder heeft het profiel sindsdien zelf aangepast"
        case .organisationMissing: "de code van de organisatie ontbreekt"
        case .exemptionNMonths: "moet 0 tot en met 6 zijn (art. 31 lid 2 onder n)"
        case .exemptionRMonths: "moet 0 tot en met 30 zijn (art. 31 lid 2 onder r)"
        case .noCountingContactKinds: "geen enkele soort contact telt mee: dan is niemand ooit in beeld"
        case .firstContactDueMonths: "kies 0 tot en met 12 maanden na de start van de ondersteuning"
        case .unknownRole: "onbekende rol"
        case .roleNameLength: "een naam van 1 tot 60 tekens"
        case .selfSufficientScore: "een ZRM-score van 1 tot en met 5"
        case .outreachAges: "een leeftijd van 16 tot 30 jaar, de bovengrens boven de ondergrens"
        case .firstMeasurePeriod: "art. 18 lid 5: ten minste een en ten hoogste drie maanden"
        case .repeatMeasurePeriod: "art. 18 lid 6: langer dan de periode van lid 5 en ten hoogste drie maanden"
        case .termMonths(let months): "een termijn van \(months) maanden kan niet; kies 1 tot en met 60"
        case .normMonthsMissing: "het aantal maanden ontbreekt"
        case .normMonths(let months): "een norm van \(months) maanden kan niet; kies 1 tot en met 60"
        case .unknownNormKind(let kind): "onbekende soort norm '\(kind)'; kies perCalendarYear of everyMonths"
        case .noGroups: "er is geen enkele groep"
        case .groupCodeMissing: "de code ontbreekt"
        case .duplicateGroupCode(let code, let first): "de code '\(code)' komt al voor bij groep \(first)"
        case .groupNameMissing: "de naam ontbreekt"
        case .noCriteria: "een groep zonder criteria: schrijf de criteria uit zoals het beleid ze noemt"
        case .unknownMunicipality(let code): "gemeente '\(code)' staat niet onder municipalities"
        case .neverProposed(let earlier): "dezelfde regels als '\(earlier)', dat eerder staat: deze groep wordt nooit voorgesteld"
        case .cycle(let codes): "kringverwijzing in de regels: \(codes.joined(separator: " → "))"
        case .notGroupNotAlone: "notGroup staat altijd alleen"
        case .notGroupSelf: "een groep kan niet naar zichzelf verwijzen"
        case .unknownGroup(let code): "onbekende groep '\(code)'"
        case .ruleWithoutSubject: "een regel noemt een feit (fact) of een andere groep (notGroup)"
        case .ageIsNoCriterion: "leeftijd is volgens dit profiel geen criterium (ageIsCriterion is false)"
        case .oneOfAndBounds: "kies oneOf of atLeast/atMost, niet beide"
        case .notAValue(let value, let fact):
            "'\(value)' is geen waarde van \(fact.rawValue); kies uit \(fact.values?.joined(separator: ", ") ?? "1 tot en met 6")"
        case .contradictoryValues(let fact): "tegenstrijdig: geen waarde van \(fact.rawValue) voldoet aan alle regels van deze groep"
        case .boundsOnlyForRungs(let fact): "atLeast/atMost gaan alleen over treden; gebruik oneOf voor \(fact.rawValue)"
        case .contradictoryRungs: "tegenstrijdig: geen trede voldoet aan alle regels van deze groep"
        case .ruleWithoutValues: "de regel zegt niet welke waarden gelden (oneOf, atLeast of atMost)"
        }
    }
}
