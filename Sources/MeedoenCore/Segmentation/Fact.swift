/// The recorded facts a segmentation decides on (issue 5, "the facts the segmentations decide on").
/// Each has a closed list of values, so a profile rule can be checked against it when it is loaded.
public enum Fact: String, CaseIterable, Codable, Sendable {
    case workCapacity  // arbeidsvermogen: yes / limited / none
    case distanceToWork  // geschatte afstand tot werk
    case broadParticipation  // kan in brede zin participeren
    case wswOrBeschutIndication  // Wsw-indicatie of doelgroep beschut werk
    case employmentContract  // heeft een arbeidsovereenkomst
    case startkwalificatie  // havo, vwo or mbo level 2 diploma
    case entrepreneurWish  // wil zich voorbereiden op ondernemerschap (WPDA Route Ondernemer)
    case proVsoSchoolLeaver  // komt van praktijkonderwijs of voortgezet speciaal onderwijs
    /// Derived: a school leaver from voortgezet speciaal onderwijs, not praktijkonderwijs (WPDA's Route
    /// dagbesteding is for VSO leavers only, seed 003 r. 2030-2031).
    case vsoSchoolLeaver
    /// Goes from school to work or prepares to return to school (WPDA Route Onderwijs, seed 003 r. 2036-2037).
    case schoolTransition
    /// Ondersteuningsbehoefte: sporadic, regular or intensive (seed 001 r. 245 and 302; seed 000 r. 256).
    case supportNeed
    case selfSufficient  // derived from the whole ZRM against the profile's threshold
    case placeability  // plaatsbaarheid (Wijchen)
    case competences  // competenties (Wijchen)
    case attitude  // houding (Wijchen)
    case youth  // 18 up to 27 on the day the facts are evaluated: derived from the date of birth
    case currentRung  // trede nu on the participatieladder
    case expectedEndRung  // verwachte eindtrede

    /// The values a rule may compare with; `nil` for the ladder facts, which are rungs 1–6.
    public var values: [String]? {
        switch self {
        case .workCapacity: ["yes", "limited", "none"]
        case .distanceToWork: ["upTo6Months", "sixTo24Months", "moreThan24Months"]
        case .placeability: ["yes", "difficult", "not"]
        case .competences: ["sufficient", "insufficient"]
        case .attitude: ["positive", "hesitant", "negative"]
        case .supportNeed: ["sporadic", "regular", "intensive"]
        case .currentRung, .expectedEndRung: nil
        case .broadParticipation, .wswOrBeschutIndication, .employmentContract, .selfSufficient, .youth, .startkwalificatie,
            .entrepreneurWish, .proVsoSchoolLeaver, .vsoSchoolLeaver, .schoolTransition:
            ["yes", "no"]
        }
    }

    /// Facts worked out from other data rather than answered in the intake.
    public var isDerived: Bool {
        [.selfSufficient, .youth, .startkwalificatie, .currentRung, .expectedEndRung, .vsoSchoolLeaver].contains(self)
    }

    /// Facts about age: refused in a profile that says age is no criterion (Steenwijkerland, seed 002).
    public var isAboutAge: Bool { self == .youth }

    public func accepts(_ value: String) -> Bool {
        guard let values else { return Int(value).map { (1...6).contains($0) } ?? false }
        return values.contains(value)
    }
}

/// The facts known about one client, by fact.
public struct Facts: Sendable, Equatable, Codable {
    public var values: [Fact: String]

    public init(_ values: [Fact: String] = [:]) { self.values = values }

    public subscript(_ fact: Fact) -> String? {
        get { values[fact] }
        set { values[fact] = newValue }
    }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: String](from: decoder)
        values = Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in Fact(rawValue: key).map { ($0, value) } })
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }).encode(to: encoder)
    }
}
