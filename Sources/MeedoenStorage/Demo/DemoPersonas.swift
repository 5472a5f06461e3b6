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
