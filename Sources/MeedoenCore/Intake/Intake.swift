/// What the intake records about one client (R2, R14, R15), and the facts it yields for the
/// segmentation. An intake is kept whole: a later intake is a new record, the earlier stays.
public struct Intake: Sendable, Equatable, Codable {
    public var heldOn: Day
    public var zrm: [ZRMDomain: ZRMScore]
    /// Urgent obstacles (seed 001: werk, inkomen, schulden, woonurgentie, minimaregelingen), each with its action.
    public var obstacles: [Obstacle]
    public var language: LanguageLevel
    public var education: EducationLevel
    public var workExperience: String?
    public var competences: String?
    public var attitude: String?
    /// As the client states them; at the extra privacy level.
    public var healthLimitations: String?
    public var childcare: String?
    public var wishes: String?
    /// The answers the segmentation decides on (work capacity, distance to work, …).
    public var answers: Facts
    /// For status holders: integration alongside participation (R15).
    public var integration: Integration?

    public init(
        heldOn: Day, zrm: [ZRMDomain: ZRMScore] = [:], obstacles: [Obstacle] = [], language: LanguageLevel = .unknown,
        education: EducationLevel = .unknown, workExperience: String? = nil, competences: String? = nil, attitude: String? = nil,
        healthLimitations: String? = nil, childcare: String? = nil, wishes: String? = nil, answers: Facts = Facts()
    ) {
        (self.heldOn, self.zrm, self.obstacles, self.language, self.education) = (heldOn, zrm, obstacles, language, education)
        (self.workExperience, self.competences, self.attitude) = (workExperience, competences, attitude)
        (self.healthLimitations, self.childcare, self.wishes, self.answers) = (healthLimitations, childcare, wishes, answers)
    }

    /// The answers plus what follows from other data, evaluated on `day` (ages change after the
    /// intake): self-sufficiency from the whole ZRM against the profile's threshold — "yes" only when
    /// every life domain is scored and none is below it (the parenting supplement counts when scored),
    /// "no" as soon as one is below, unknown otherwise; youth (18 up to 27) on that day; the
    /// startkwalificatie and a VSO (not PrO) school leaver from the education level; the latest
    /// ladder measurement; an indication recorded as a special group, which outweighs an intake
    /// answer that says otherwise.
    public func facts(
        dateOfBirth: Day, ladder: LadderMeasurement?, specialGroups: Set<SpecialGroup> = [], on day: Day? = nil,
        selfSufficientFrom threshold: ZRMScore = .limited
    ) -> Facts {
        var facts = answers
        if !specialGroups.isDisjoint(with: [.wswIndication, .shelteredWorkIndication]) { facts[.wswOrBeschutIndication] = "yes" }
        if specialGroups.contains(.schoolLeaverPrOVSO) { facts[.proVsoSchoolLeaver] = "yes" }
        if zrm.values.contains(where: { $0 < threshold }) {
            facts[.selfSufficient] = "no"
        } else if ZRMDomain.allCases.filter({ $0 != .parenting }).allSatisfy({ zrm[$0] != nil }) {
            facts[.selfSufficient] = "yes"
        }
        let age = dateOfBirth.age(on: day ?? heldOn)
        facts[.youth] = (18..<27).contains(age) ? "yes" : "no"
        if let qualified = education.isStartkwalificatie { facts[.startkwalificatie] = qualified ? "yes" : "no" }
        if facts[.proVsoSchoolLeaver] == "no" || education == .praktijkonderwijs {
            facts[.vsoSchoolLeaver] = "no"
        } else if facts[.proVsoSchoolLeaver] == "yes" && education == .vso {
            facts[.vsoSchoolLeaver] = "yes"
        } else if facts[.proVsoSchoolLeaver] == "yes" && education != .unknown {
            facts[.vsoSchoolLeaver] = "no"
        }
        if let ladder {
            facts[.currentRung] = String(ladder.rung.rawValue)
            if let end = ladder.expectedEnd { facts[.expectedEndRung] = String(end.rawValue) }
        }
        return facts
    }
}

/// Integration of a status holder under the Wet inburgering 2021, running alongside participation
/// (R15; seeds 000, 001, 003): the route, the plan inburgering en participatie (PIP), the language
/// provider and what the person does alongside.
public struct Integration: Sendable, Equatable, Codable {
    public enum Route: String, CaseIterable, Codable, Sendable {
        case b1  // B1-route
        case education  // onderwijsroute
        case zRoute  // zelfredzaamheidsroute
    }

    public var route: Route?
    public var planOn: Day?
    public var languageProvider: String?
    public var participationAlongside: String?

    public init(route: Route? = nil, planOn: Day? = nil, languageProvider: String? = nil, participationAlongside: String? = nil) {
        (self.route, self.planOn, self.languageProvider, self.participationAlongside) = (
            route, planOn, languageProvider, participationAlongside
        )
    }

    public var isEmpty: Bool { route == nil && planOn == nil && languageProvider == nil && participationAlongside == nil }
}

public struct Obstacle: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case work, income, debt, housingUrgency, minimumIncomeSchemes
    }

    public var kind: Kind
    public var action: String

    public init(kind: Kind, action: String) { (self.kind, self.action) = (kind, action) }
}

/// Language against the taaleis (art. 18b: level 1F).
public enum LanguageLevel: String, CaseIterable, Codable, Sendable {
    case unknown
    case meetsRequirement  // beheerst Nederlands op 1F of hoger
    case belowRequirement  // onder 1F
    case exempt  // vrijgesteld (bijvoorbeeld inburgeringsplichtig of aantoonbaar niet in staat)
}

public enum EducationLevel: String, CaseIterable, Codable, Sendable {
    case unknown
    case none  // geen of alleen basisonderwijs
    case praktijkonderwijs
    case vso  // voortgezet speciaal onderwijs
    case vmboOrEntree  // vmbo of mbo niveau 1 (entree)
    case startkwalificatie  // havo, vwo of mbo niveau 2 of hoger
    case higher  // hbo of wo
    case foreignNotRecognised  // diploma uit het buitenland, niet gewaardeerd

    /// Startkwalificatie: a havo or vwo diploma, or mbo level 2 or higher (Leerplichtwet art. 4b).
    public var isStartkwalificatie: Bool? {
        switch self {
        case .unknown: nil
        case .startkwalificatie, .higher: true
        default: false
        }
    }
}

/// The work profile: the only client data employer services read (issue 5). Written by the intake.
public struct WorkProfile: Sendable, Equatable, Codable {
    public var qualifications: String?
    public var competences: String?
    public var language: LanguageLevel
    public var drivingLicence: Bool
    public var hoursPerWeek: Int?
    public var availableFrom: Day?
    /// Four postcode digits: near enough for matching, not an address.
    public var postcodeArea: String?
    public var readyForWork: Bool

    public init(
        qualifications: String? = nil, competences: String? = nil, language: LanguageLevel = .unknown, drivingLicence: Bool = false,
        hoursPerWeek: Int? = nil, availableFrom: Day? = nil, postcodeArea: String? = nil, readyForWork: Bool = false
    ) {
        (self.qualifications, self.competences, self.language, self.drivingLicence) = (
            qualifications, competences, language, drivingLicence
        )
        (self.hoursPerWeek, self.availableFrom, self.postcodeArea, self.readyForWork) = (
            hoursPerWeek, availableFrom, postcodeArea, readyForWork
        )
    }
}
