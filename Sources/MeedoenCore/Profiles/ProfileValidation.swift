/// The checks a profile must pass before it is used. A profile that fails is refused whole, so
/// the running system keeps its last valid one (issue 5, "Tests and bad input").
public enum ProfileValidation {
    public struct Problem: Equatable, Sendable {
        public var key: String
        public var message: String
    }

    public static func firstProblem(in profile: PolicyProfile) -> Problem? { problems(in: profile).first }

    public static func problems(in profile: PolicyProfile) -> [Problem] {
        var found: [Problem] = []
        func fail(_ key: String, _ message: String) { found.append(Problem(key: key, message: message)) }

        if profile.organisation.isEmpty { fail("organisation", "de code van de organisatie ontbreekt") }
        if !(0...6).contains(profile.income.exemptionNMonths) {
            fail("income.exemptionNMonths", "moet 0 tot en met 6 zijn (art. 31 lid 2 onder n)")
        }
        if !(0...30).contains(profile.income.exemptionRMonths) {
            fail("income.exemptionRMonths", "moet 0 tot en met 30 zijn (art. 31 lid 2 onder r)")
        }
        checkNorm(profile.contacts, at: "contacts", fail)
        if profile.contacts.countingKinds?.isEmpty == true {
            fail("contacts.countingKinds", "geen enkele soort contact telt mee: dan is niemand ooit in beeld")
        }
        if let months = profile.contacts.firstDueAfterMonths, !(0...12).contains(months) {
            fail("contacts.firstDueAfterMonths", "kies 0 tot en met 12 maanden na de start van de ondersteuning")
        }
        for (key, name) in (profile.roleNames?.names ?? [:]).sorted(by: { $0.key < $1.key }) {
            if Role(rawValue: key) == nil { fail("roleNames.names.\(key)", "onbekende rol") }
            if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 60 {
                fail("roleNames.names.\(key)", "een naam van 1 tot 60 tekens")
            }
        }
        if let score = profile.segmentation.selfSufficientMinimumScore, !(1...5).contains(score) {
            fail("segmentation.selfSufficientMinimumScore", "een ZRM-score van 1 tot en met 5")
        }
        if let outreach = profile.outreach,
            !(16...30).contains(outreach.fromAge) || !(outreach.fromAge + 1...30).contains(outreach.untilAge)
        {
            fail("outreach", "een leeftijd van 16 tot 30 jaar, de bovengrens boven de ondergrens")
        }
        if let ordinance = profile.measures {
            if let first = ordinance.firstPeriodMonths, !(1...3).contains(first) {
                fail("measures.firstPeriodMonths", "art. 18 lid 5: ten minste een en ten hoogste drie maanden")
            }
            if let second = ordinance.repeatPeriodMonths,
                !(1...3).contains(second) || second <= (ordinance.firstPeriodMonths ?? 0)
            {
                fail("measures.repeatPeriodMonths", "art. 18 lid 6: langer dan de periode van lid 5 en ten hoogste drie maanden")
            }
        }
        if let ladder = profile.ladder, !(1...60).contains(ladder.remeasureMonths) {
            fail("ladder.remeasureMonths", "een termijn van \(ladder.remeasureMonths) maanden kan niet; kies 1 tot en met 60")
        }
        for (code, deviation) in (profile.municipalities ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let contacts = deviation.contacts { checkNorm(contacts, at: "municipalities.\(code).contacts", fail) }
        }

        let segmentation = profile.segmentation
        if segmentation.groups.isEmpty { fail("segmentation.groups", "er is geen enkele groep") }
        var seen: [String: Int] = [:]
        for (index, group) in segmentation.groups.enumerated() {
            let at = "segmentation.groups[\(index)]"
            if group.code.isEmpty { fail("\(at).code", "de code ontbreekt") }
            if let first = seen[group.code] { fail("\(at).code", "de code '\(group.code)' komt al voor bij groep \(first)") }
            seen[group.code] = seen[group.code] ?? index
            if group.name.isEmpty { fail("\(at).name", "de naam ontbreekt") }
            if group.criteria.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).isEmpty {
                fail("\(at).criteria", "een groep zonder criteria: schrijf de criteria uit zoals het beleid ze noemt")
            }
            if let contacts = group.service.contacts { checkNorm(contacts, at: "\(at).service.contacts", fail) }
            if let months = group.service.planReviewMonths, !(1...60).contains(months) {
                fail("\(at).service.planReviewMonths", "een termijn van \(months) maanden kan niet; kies 1 tot en met 60")
            }
            for (number, review) in group.service.reviews.enumerated() where !(1...60).contains(review.everyMonths) {
                fail(
                    "\(at).service.reviews[\(number)].everyMonths",
                    "een termijn van \(review.everyMonths) maanden kan niet; kies 1 tot en met 60")
            }
            for municipality in group.onlyIn ?? [] where profile.municipalities?[municipality] == nil {
                fail("\(at).onlyIn", "gemeente '\(municipality)' staat niet onder municipalities")
            }
            checkRules(group, at: at, in: segmentation, fail)
            if index > 0, !group.rules.isEmpty, let earlier = segmentation.groups[..<index].first(where: { $0.rules == group.rules }) {
                fail("\(at).rules", "dezelfde regels als '\(earlier.code)', dat eerder staat: deze groep wordt nooit voorgesteld")
            }
        }
        if let cycle = firstCycle(segmentation) {
            fail("segmentation.groups", "kringverwijzing in de regels: \(cycle.joined(separator: " → "))")
        }
        return found
    }

    private static func checkNorm(_ policy: ContactPolicy, at key: String, _ fail: (String, String) -> Void) {
        switch policy.kind {
        case "perCalendarYear": break
        case "everyMonths":
            guard let months = policy.months else { return fail("\(key).months", "het aantal maanden ontbreekt") }
            if !(1...60).contains(months) { fail("\(key).months", "een norm van \(months) maanden kan niet; kies 1 tot en met 60") }
        default: fail("\(key).kind", "onbekende soort norm '\(policy.kind)'; kies perCalendarYear of everyMonths")
        }
    }

    private static func checkRules(_ group: ClientGroup, at at: String, in segmentation: Segmentation, _ fail: (String, String) -> Void) {
        var allowed: [Fact: Set<String>] = [:]
        var bounds: [Fact: ClosedRange<Int>] = [:]
        for (index, rule) in group.rules.enumerated() {
            let key = "\(at).rules[\(index)]"
            if let other = rule.notGroup {
                if rule.fact != nil || rule.oneOf != nil || rule.atLeast != nil || rule.atMost != nil {
                    fail(key, "notGroup staat altijd alleen")
                } else if other == group.code {
                    fail("\(key).notGroup", "een groep kan niet naar zichzelf verwijzen")
                } else if segmentation.group(other) == nil {
                    fail("\(key).notGroup", "onbekende groep '\(other)'")
                }
                continue
            }
            guard let fact = rule.fact else {
                fail(key, "een regel noemt een feit (fact) of een andere groep (notGroup)")
                continue
            }
            if fact.isAboutAge && !segmentation.ageIsCriterion {
                fail("\(key).fact", "leeftijd is volgens dit profiel geen criterium (ageIsCriterion is false)")
            }
            if let values = rule.oneOf {
                if rule.atLeast != nil || rule.atMost != nil { fail(key, "kies oneOf of atLeast/atMost, niet beide") }
                if let wrong = values.first(where: { !fact.accepts($0) }) {
                    fail(
                        "\(key).oneOf",
                        "'\(wrong)' is geen waarde van \(fact.rawValue); kies uit \(fact.values?.joined(separator: ", ") ?? "1 tot en met 6")"
                    )
                }
                let set = Set(values)
                let combined = allowed[fact].map { $0.intersection(set) } ?? set
                if combined.isEmpty { fail(key, "tegenstrijdig: geen waarde van \(fact.rawValue) voldoet aan alle regels van deze groep") }
                allowed[fact] = combined
            } else if rule.atLeast != nil || rule.atMost != nil {
                guard fact.values == nil else {
                    fail(key, "atLeast/atMost gaan alleen over treden; gebruik oneOf voor \(fact.rawValue)")
                    continue
                }
                let low = max(rule.atLeast ?? 1, bounds[fact]?.lowerBound ?? 1)
                let high = min(rule.atMost ?? 6, bounds[fact]?.upperBound ?? 6)
                if low > high {
                    fail(key, "tegenstrijdig: geen trede voldoet aan alle regels van deze groep")
                } else {
                    bounds[fact] = low...high
                }
            } else {
                fail(key, "de regel zegt niet welke waarden gelden (oneOf, atLeast of atMost)")
            }
        }
    }

    /// A group whose rules refer (through notGroup) back to itself cannot be evaluated.
    static func firstCycle(_ segmentation: Segmentation) -> [String]? {
        let edges = Dictionary(
            segmentation.groups.map { ($0.code, $0.rules.compactMap(\.notGroup)) }, uniquingKeysWith: { first, _ in first })
        func walk(_ code: String, _ path: [String]) -> [String]? {
            if let start = path.firstIndex(of: code) { return Array(path[start...]) + [code] }
            for next in edges[code] ?? [] where next != code {
                if let cycle = walk(next, path + [code]) { return cycle }
            }
            return nil
        }
        for group in segmentation.groups {
            if let cycle = walk(group.code, []) { return cycle }
        }
        return nil
    }
}
