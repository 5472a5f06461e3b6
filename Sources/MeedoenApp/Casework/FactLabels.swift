import MeedoenCore

/// Dutch names of the facts and their values, for the explanation of a proposal and for the forms.
enum FactLabels {
    static func name(_ fact: Fact) -> String {
        switch fact {
        case .workCapacity: "Arbeidsvermogen"
        case .distanceToWork: "Geschatte afstand tot werk"
        case .broadParticipation: "Kan in brede zin participeren"
        case .wswOrBeschutIndication: "Wsw-indicatie of doelgroep beschut werk"
        case .employmentContract: "Arbeidsovereenkomst"
        case .startkwalificatie: "Startkwalificatie"
        case .entrepreneurWish: "Wil ondernemer worden"
        case .proVsoSchoolLeaver: "Schoolverlater praktijkonderwijs of VSO"
        case .vsoSchoolLeaver: "Schoolverlater voortgezet speciaal onderwijs"
        case .schoolTransition: "Gaat van school naar werk of terug naar school"
        case .supportNeed: "Ondersteuningsbehoefte"
        case .selfSufficient: "Zelfredzaam (alle ZRM-domeinen gescoord, geen onder de drempel van het profiel)"
        case .placeability: "Plaatsbaarheid"
        case .competences: "Competenties"
        case .attitude: "Houding"
        case .youth: "Jongere (18 tot 27 jaar, op de dag zelf)"
        case .currentRung: "Trede nu"
        case .expectedEndRung: "Verwachte eindtrede"
        }
    }

    static func value(_ value: String, of fact: Fact) -> String {
        switch (fact, value) {
        case (.workCapacity, "limited"): "beperkt"
        case (.workCapacity, "none"): "geen"
        case (.placeability, "not"): "(tijdelijk) niet"
        case (.distanceToWork, "upTo6Months"): "hooguit 6 maanden"
        case (.distanceToWork, "sixTo24Months"): "6 tot 24 maanden"
        case (.distanceToWork, "moreThan24Months"): "meer dan 24 maanden"
        case (.placeability, "difficult"): "moeilijk"
        case (.competences, "sufficient"): "voldoende"
        case (.competences, "insufficient"): "onvoldoende"
        case (.attitude, "positive"): "positief"
        case (.attitude, "hesitant"): "afwachtend"
        case (.attitude, "negative"): "negatief"
        case (.supportNeed, "sporadic"): "sporadisch (kleine zetjes)"
        case (.supportNeed, "regular"): "regelmatig"
        case (.supportNeed, "intensive"): "intensief (langdurige begeleiding)"
        case (_, "yes"): "ja"
        case (_, "no"): "nee"
        default: fact.values == nil ? "trede \(value)" : value
        }
    }
}

extension Dutch {
    /// A condition that decided a group proposal, as the case manager reads it (and the decision stores).
    static func proposalReason(_ reason: ProposalReason) -> String {
        switch reason {
        case .fact(let fact, let value): "\(FactLabels.name(fact)): \(FactLabels.value(value, of: fact))"
        case .notIn(let groupName): "Valt niet onder \(groupName)"
        }
    }
}
