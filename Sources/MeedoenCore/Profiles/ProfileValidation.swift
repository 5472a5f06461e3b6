/// The checks a profile must pass before it is used. A profile that fails is refused whole, so
/// the running system keeps its last valid one (issue 5, "Tests and bad input").
public enum ProfileValidation {
    public struct Problem: Equatable, Sendable {
        public var key: String
        public var fault: ProfileFault
    }

    public static func firstProblem(in profile: PolicyProfile) -> Problem? { problems(in: profile).first }

    public static func problems(in profile: PolicyProfile) -> [Problem] {
        var found: [Problem] = []
        func fail(_ key: String, _ fault: ProfileFault) { found.append(Problem(key: key, fault: fault)) }

        if profile.organisation.isEmpty { fail("organisation", .organisationMissing) }
        if !(0...6).contains(profile.income.exemptionNMonths) {
            fail("income.exemptionNMonths", .exemptionNMonths)
        }
        if !(0...30).contains(profile.income.exemptionRMonths) {
            fail("income.exemptionRMonths", .exemptionRMonths)
        }
        checkNorm(profile.contacts, at: "contacts", fail)
        if profile.contacts.countingKinds?.isEmpty == true {
            fail("contacts.countingKinds", .noCountingContactKinds)
        }
        if let months = profile.contacts.firstDueAfterMonths, !(0...12).contains(months) {
            fail("contacts.firstDueAfterMonths", .firstContactDueMonths)
        }
        for (key, name) in (profile.roleNames?.names ?? [:]).sorted(by: { $0.key < $1.key }) {
            if Role(rawValue: key) == nil { fail("roleNames.names.\(key)", .unknownRole) }
            if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 60 {
                fail("roleNames.names.\(key)", .roleNameLength)
            }
        }
        if let score = profile.segmentation.selfSufficientMinimumScore, !(1...5).contains(score) {
            fail("segmentation.selfSufficientMinimumScore", .selfSufficientScore)
        }
        if let outreach = profile.outreach,
            !(16...30).contains(outreach.fromAge) || !(outreach.fromAge + 1...30).contains(outreach.untilAge)
        {
            fail("outreach", .outreachAges)
        }
        if let ordinance = profile.measures {
            if let first = ordinance.firstPeriodMonths, !(1...3).contains(first) {
                fail("measures.firstPeriodMonths", .firstMeasurePeriod)
            }
            if let second = ordinance.repeatPeriodMonths,
                !(1...3).contains(second) || second <= (ordinance.firstPeriodMonths ?? 0)
            {
                fail("measures.repeatPeriodMonths", .repeatMeasurePeriod)
            }
        }
        if let ladder = profile.ladder, !(1...60).contains(ladder.remeasureMonths) {
            fail("ladder.remeasureMonths", .termMonths(ladder.remeasureMonths))
        }
        for (code, deviation) in (profile.municipalities ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let contacts = deviation.contacts { checkNorm(contacts, at: "municipalities.\(code).contacts", fail) }
        }

        let segmentation = profile.segmentation
        if segmentation.groups.isEmpty { fail("segmentation.groups", .noGroups) }
        var seen: [String: Int] = [:]
        for (index, group) in segmentation.groups.enumerated() {
            let at = "segmentation.groups[\(index)]"
            if group.code.isEmpty { fail("\(at).code", .groupCodeMissing) }
            if let first = seen[group.code] { fail("\(at).code", .duplicateGroupCode(group.code, firstIndex: first)) }
            seen[group.code] = seen[group.code] ?? index
            if group.name.isEmpty { fail("\(at).name", .groupNameMissing) }
            if group.criteria.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).isEmpty {
                fail("\(at).criteria", .noCriteria)
            }
            if let contacts = group.service.contacts { checkNorm(contacts, at: "\(at).service.contacts", fail) }
            if let months = group.service.planReviewMonths, !(1...60).contains(months) {
                fail("\(at).service.planReviewMonths", .termMonths(months))
            }
            for (number, review) in group.service.reviews.enumerated() where !(1...60).contains(review.everyMonths) {
                fail("\(at).service.reviews[\(number)].everyMonths", .termMonths(review.everyMonths))
            }
            for municipality in group.onlyIn ?? [] where profile.municipalities?[municipality] == nil {
                fail("\(at).onlyIn", .unknownMunicipality(municipality))
            }
            checkRules(group, at: at, in: segmentation, fail)
            if index > 0, !group.rules.isEmpty, let earlier = segmentation.groups[..<index].first(where: { $0.rules == group.rules }) {
                fail("\(at).rules", .neverProposed(shadowedBy: earlier.code))
            }
        }
        if let cycle = firstCycle(segmentation) {
            fail("segmentation.groups", .cycle(cycle))
        }
        return found
    }

    private static func checkNorm(_ policy: ContactPolicy, at key: String, _ fail: (String, ProfileFault) -> Void) {
        switch policy.kind {
        case "perCalendarYear": break
        case "everyMonths":
            guard let months = policy.months else { return fail("\(key).months", .normMonthsMissing) }
            if !(1...60).contains(months) { fail("\(key).months", .normMonths(months)) }
        default: fail("\(key).kind", .unknownNormKind(policy.kind))
        }
    }

    private static func checkRules(
        _ group: ClientGroup, at at: String, in segmentation: Segmentation, _ fail: (String, ProfileFault) -> Void
    ) {
        var allowed: [Fact: Set<String>] = [:]
        var bounds: [Fact: ClosedRange<Int>] = [:]
        for (index, rule) in group.rules.enumerated() {
            let key = "\(at).rules[\(index)]"
            if let other = rule.notGroup {
                if rule.fact != nil || rule.oneOf != nil || rule.atLeast != nil || rule.atMost != nil {
                    fail(key, .notGroupNotAlone)
                } else if other == group.code {
                    fail("\(key).notGroup", .notGroupSelf)
                } else if segmentation.group(other) == nil {
                    fail("\(key).notGroup", .unknownGroup(other))
                }
                continue
            }
            guard let fact = rule.fact else {
                fail(key, .ruleWithoutSubject)
                continue
            }
            if fact.isAboutAge && !segmentation.ageIsCriterion {
                fail("\(key).fact", .ageIsNoCriterion)
            }
            if let values = rule.oneOf {
                if rule.atLeast != nil || rule.atMost != nil { fail(key, .oneOfAndBounds) }
                if let wrong = values.first(where: { !fact.accepts($0) }) {
                    fail("\(key).oneOf", .notAValue(wrong, fact: fact))
                }
                let set = Set(values)
                let combined = allowed[fact].map { $0.intersection(set) } ?? set
                if combined.isEmpty { fail(key, .contradictoryValues(fact)) }
                allowed[fact] = combined
            } else if rule.atLeast != nil || rule.atMost != nil {
                guard fact.values == nil else {
                    fail(key, .boundsOnlyForRungs(fact))
                    continue
                }
                let low = max(rule.atLeast ?? 1, bounds[fact]?.lowerBound ?? 1)
                let high = min(rule.atMost ?? 6, bounds[fact]?.upperBound ?? 6)
                if low > high {
                    fail(key, .contradictoryRungs)
                } else {
                    bounds[fact] = low...high
                }
            } else {
                fail(key, .ruleWithoutValues)
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
