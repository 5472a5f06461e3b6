import MeedoenCore

/// The six residents of seed 002 (lines 810–876) as households in Steenwijkerland. The seed gives
/// age, situation and group; it gives no household composition, so each lives alone here, and
/// the facts below are those the seed states (quoted beside them).
struct DemoPersona {
    var givenName: String
    var familyName: String
    var age: Int
    var bsn: String  // VNG Haal Centraal test persons (reference/domain.md "Identity")
    var benefit: BenefitFacts
    var supportStartYearsAgo: Int
    /// Groups with the years since they started and, for a finished one, since they ended.
    var specialGroups: [(SpecialGroup, yearsAgo: Int, endedYearsAgo: Int?)]
    var street: String
}

enum DemoPersonas {
    static let all: [DemoPersona] = [
        // "Na een WW uitkering meldt ze zich bij de gemeente voor een uitkering" — Direct Werk.
        DemoPersona(
            givenName: "Yvonne", familyName: "de Vries", age: 35, bsn: "999993653",
            benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false),
            supportStartYearsAgo: 0, specialGroups: [], street: "Kerkstraat"),
        // "in 2016 als vluchteling in Nederland gekomen … taalcursus succesvol afgerond" — Werken & Ervaren.
        DemoPersona(
            givenName: "Farah", familyName: "Haddad", age: 30, bsn: "999990019",
            benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false),
            supportStartYearsAgo: 8, specialGroups: [(.statusHolder, 10, nil)], street: "Lindelaan"),
        // "zit nu al lange tijd zonder werk", vrijwilligerswerk — Leren & Ontwikkelen.
        DemoPersona(
            givenName: "Anne", familyName: "Bakker", age: 60, bsn: "999994669",
            benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false),
            supportStartYearsAgo: 9, specialGroups: [], street: "Molenweg"),
        // "woont in een woonzorgcentrum … zit al lange tijd in de uitkering" — Zorg.
        DemoPersona(
            givenName: "Pieter", familyName: "Mulder", age: 45, bsn: "999993240",
            benefit: BenefitFacts(receivesBijstand: true, normCategory: .institution, partialBenefit: false),
            supportStartYearsAgo: 12, specialGroups: [], street: "Parkweg"),
        // "doelgroep van de Wet Sociale Werkvoorziening … al 20 jaar werkzaam bij de NoordWestGroep" — Werkvoorzienend.
        DemoPersona(
            givenName: "Johan", familyName: "Visser", age: 47, bsn: "999993872",
            benefit: BenefitFacts(receivesBijstand: false, normCategory: nil, partialBenefit: false),
            supportStartYearsAgo: 20, specialGroups: [(.wswIndication, 20, nil), (.nonBenefitClient, 20, nil)], street: "Esdoornstraat"),
        // "deels afhankelijk van een uitkering … jobcoaching vanuit de gemeente", praktijkonderwijs — Geplaatst.
        DemoPersona(
            givenName: "Selena", familyName: "Smit", age: 25, bsn: "999990901",
            benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: true),
            supportStartYearsAgo: 5, specialGroups: [(.targetGroupRegister, 6, nil), (.schoolLeaverPrOVSO, 8, 7)], street: "Vaart"),
    ]

    static var bsns: Set<String> { Set(all.map(\.bsn)) }
}

/// What an intake with each persona records, taken from seed 002 §3.2; their group follows from
/// these facts through the Steenwijkerland profile (age is no criterion there).
struct PersonaIntake {
    var answers: [Fact: String]
    var zrmLowest: ZRMScore
    var education: EducationLevel
    var language: LanguageLevel
    var workExperience: String
    var wishes: String
    var readyForWork: Bool
}

extension DemoPersonas {
    static let intakes: [String: PersonaIntake] = [
        "999993653": PersonaIntake(  // Yvonne
            answers: [
                .workCapacity: "yes", .distanceToWork: "upTo6Months", .broadParticipation: "yes", .wswOrBeschutIndication: "no",
                .employmentContract: "no", .supportNeed: "sporadic", .schoolTransition: "no",
            ],
            zrmLowest: .sufficient, education: .startkwalificatie, language: .meetsRequirement,
            workExperience: "Altijd in de industrie gewerkt; na de WW nog geen nieuwe baan", wishes: "Zo snel mogelijk weer aan het werk",
            readyForWork: true),
        "999990019": PersonaIntake(  // Farah
            answers: [
                .workCapacity: "yes", .distanceToWork: "sixTo24Months", .broadParticipation: "yes", .wswOrBeschutIndication: "no",
                .employmentContract: "no", .supportNeed: "regular", .schoolTransition: "no",
            ],
            zrmLowest: .limited, education: .foreignNotRecognised, language: .meetsRequirement,
            workExperience: "Opleiding in het land van herkomst sluit niet aan; werkgerichte training gestart",
            wishes: "Werken in de financiële administratie",
            readyForWork: false),
        "999994669": PersonaIntake(  // Anne
            answers: [
                .workCapacity: "limited", .distanceToWork: "moreThan24Months", .broadParticipation: "yes", .wswOrBeschutIndication: "no",
                .employmentContract: "no", .supportNeed: "regular", .schoolTransition: "no",
            ],
            zrmLowest: .limited, education: .vmboOrEntree, language: .meetsRequirement,
            workExperience: "40 jaar zwaar fysiek werk; nu vrijwilliger bij het haak- en breicafé en de klaverjasclub",
            wishes: "Blijven meedoen in de buurt",
            readyForWork: false),
        "999993240": PersonaIntake(  // Pieter
            answers: [
                .workCapacity: "none", .distanceToWork: "moreThan24Months", .broadParticipation: "no", .wswOrBeschutIndication: "no",
                .employmentContract: "no", .supportNeed: "intensive", .schoolTransition: "no",
            ],
            zrmLowest: .notSelfSufficient, education: .startkwalificatie, language: .meetsRequirement,
            workExperience: "Lang geleden gewerkt; woont in een woonzorgcentrum", wishes: "Rust en zekerheid", readyForWork: false),
        "999993872": PersonaIntake(  // Johan
            answers: [
                .workCapacity: "limited", .distanceToWork: "moreThan24Months", .broadParticipation: "yes", .wswOrBeschutIndication: "yes",
                .employmentContract: "yes", .supportNeed: "regular", .schoolTransition: "no",
            ],
            zrmLowest: .limited, education: .praktijkonderwijs, language: .meetsRequirement,
            workExperience: "20 jaar groenmedewerker bij de NoordWestGroep, een middag per week keuken Perron 3",
            wishes: "Blijven werken op zijn eigen niveau",
            readyForWork: false),
        "999990901": PersonaIntake(  // Selena
            answers: [
                .workCapacity: "limited", .distanceToWork: "upTo6Months", .broadParticipation: "yes", .wswOrBeschutIndication: "no",
                .employmentContract: "yes", .supportNeed: "sporadic", .schoolTransition: "no",
            ],
            zrmLowest: .limited, education: .vmboOrEntree, language: .meetsRequirement,
            workExperience: "Parttime schoonmaakster; praktijkonderwijs en entree-opleiding Drenthe College", wishes: "Meer uren werken",
            readyForWork: true),
    ]
}
