/// How an organisation divides its clients (R4): client groups (Steenwijkerland), routes (WPDA),
/// dimensions that decide which professional supports (Wijchen), or the kind of trajectory that
/// follows from the ladder (Nijkerk). All four are the same shape: an ordered list of groups, each
/// with its criteria as the policy states them and the rules that can be evaluated on facts.
public struct Segmentation: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case clientGroups, routes, dimensions, ladder
    }

    public var kind: Kind
    /// The Dutch noun the organisation uses: "Klantgroep", "Route", "Ondersteuning", "Trajectsoort".
    public var label: String
    /// Steenwijkerland: "kiest de gemeente ervoor om leeftijd geen onderdeel te laten zijn van de
    /// klantprofiel criteria" — a profile with `false` may not use an age fact in any rule.
    public var ageIsCriterion: Bool
    public var source: String
    /// In order of precedence: the first group whose rules all hold is proposed.
    public var groups: [ClientGroup]
    /// "Zelfredzaam": the lowest ZRM score every domain must reach (nil: 3, "beperkt zelfredzaam").
    public var selfSufficientMinimumScore: Int?
    public var selfSufficientSource: String?

    public var selfSufficientThreshold: ZRMScore { selfSufficientMinimumScore.flatMap(ZRMScore.init(rawValue:)) ?? .limited }

    public init(kind: Kind, label: String, ageIsCriterion: Bool, source: String, groups: [ClientGroup]) {
        (self.kind, self.label, self.ageIsCriterion, self.source, self.groups) = (kind, label, ageIsCriterion, source, groups)
    }

    public func group(_ code: String) -> ClientGroup? { groups.first { $0.code == code } }
}

public struct ClientGroup: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    /// The criteria as the policy document writes them, shown to the case manager.
    public var criteria: [String]
    /// All must hold; evaluated on recorded facts.
    public var rules: [RuleCondition]
    /// Why this group, in a sentence the case manager can repeat to the client.
    public var explanation: String
    public var service: ServicePackage
    /// Whether and how a tegenprestatie applies, in the policy's words; nil where it does not.
    public var tegenprestatie: String?
    /// Why there is none, with its source (wage earners, art. 9 lid 1 sub c; Wijchen's zorgprofessional).
    public var tegenprestatieNote: String?
    /// Zorg in Steenwijkerland: "sterke handhaving op toetreding" — confirming needs a reason too.
    public var admissionNeedsReason: Bool?
    /// Which professional supports this group (Wijchen's dimensions), if the profile says so.
    public var professional: String?
    /// Inside a shared body: the municipalities where this group exists (WPDA's Route
    /// dagbesteding is Assen's own approach); nil means everywhere.
    public var onlyIn: [String]?

    public init(
        code: String, name: String, criteria: [String], rules: [RuleCondition], explanation: String,
        service: ServicePackage = ServicePackage(), tegenprestatie: String? = nil, professional: String? = nil,
        onlyIn: [String]? = nil, admissionNeedsReason: Bool? = nil
    ) {
        self.admissionNeedsReason = admissionNeedsReason
        (self.code, self.name, self.criteria, self.rules, self.explanation) = (code, name, criteria, rules, explanation)
        (self.service, self.tegenprestatie, self.professional, self.onlyIn) = (service, tegenprestatie, professional, onlyIn)
    }

    public func exists(in municipality: String?) -> Bool {
        guard let onlyIn, let municipality else { return true }
        return onlyIn.contains(municipality)
    }
}

/// What a group gets: the norms the worklists check, and the services in words.
public struct ServicePackage: Codable, Sendable, Equatable {
    /// Overrides the organisation's contact norm for this group.
    public var contacts: ContactPolicy?
    /// Months between reviews of the plan van aanpak.
    public var planReviewMonths: Int?
    /// Reviews on a fixed rhythm: the rechtmatigheidstoets (Werken & Ervaren once a year, Leren &
    /// Ontwikkelen once per two years) or an evaluation (Geplaatst: wage-cost subsidy and job coaching).
    public var reviews: [ScheduledReview]
    public var services: [String]

    public init(contacts: ContactPolicy? = nil, planReviewMonths: Int? = nil, reviews: [ScheduledReview] = [], services: [String] = []) {
        (self.contacts, self.planReviewMonths, self.reviews, self.services) = (contacts, planReviewMonths, reviews, services)
    }
}

public struct ScheduledReview: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case lawfulness  // rechtmatigheidsonderzoek
        case evaluation  // evaluatie van een voorziening
    }

    public var kind: Kind
    public var everyMonths: Int
    public var description: String

    public init(kind: Kind, everyMonths: Int, description: String) {
        (self.kind, self.everyMonths, self.description) = (kind, everyMonths, description)
    }
}

/// One condition of a rule, written in the profile as `{"fact": …, "oneOf": […]}`,
/// `{"fact": …, "atLeast": n}`, `{"fact": …, "atMost": n}` or `{"notGroup": code}`.
public struct RuleCondition: Codable, Sendable, Equatable {
    public var fact: Fact?
    public var oneOf: [String]?
    public var atLeast: Int?
    public var atMost: Int?
    /// Holds when the client does not meet the rules of that group.
    public var notGroup: String?

    public init(fact: Fact? = nil, oneOf: [String]? = nil, atLeast: Int? = nil, atMost: Int? = nil, notGroup: String? = nil) {
        (self.fact, self.oneOf, self.atLeast, self.atMost, self.notGroup) = (fact, oneOf, atLeast, atMost, notGroup)
    }

    public static func fact(_ fact: Fact, is values: String...) -> RuleCondition { RuleCondition(fact: fact, oneOf: values) }
    public static func not(_ group: String) -> RuleCondition { RuleCondition(notGroup: group) }
}
