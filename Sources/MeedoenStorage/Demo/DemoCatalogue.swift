import MeedoenCore

/// The organisations of the seeds and the material generated households are made from.
struct DemoOrganisation {
    var code: String
    var name: String
    var colour: String
    var municipalities: [DemoMunicipality]
    /// Persons in benefit units (claimants and partners) to generate.
    var persons: Int
    var caseManagers: Int
}

struct DemoMunicipality {
    var code: String  // CBS municipality code
    var name: String
    var places: [(city: String, postcodePrefix: Int)]
    var share: Double
}

enum DemoCatalogue {
    /// Sizes: Steenwijkerland 1,249 persons incl. partners (seed 002, the six group counts);
    /// WPDA about 3,200 persons (seed 003 line 425); Wijchen 741 households in 2016 (seed 004);
    /// Nijkerk gives no count (seeds 000/001), so a few hundred.
    static let organisations: [DemoOrganisation] = [
        DemoOrganisation(
            code: "steenwijkerland", name: "Gemeente Steenwijkerland", colour: "#00528a",
            municipalities: [
                DemoMunicipality(
                    code: "GM1708", name: "Steenwijkerland",
                    places: [("Steenwijk", 8331), ("Giethoorn", 8355), ("Vollenhove", 8325), ("Oldemarkt", 8375)], share: 1)
            ], persons: 1249, caseManagers: 8),
        DemoOrganisation(
            code: "wpda", name: "Werkplein Drentsche Aa", colour: "#7a3e00",
            municipalities: [
                DemoMunicipality(code: "GM0106", name: "Assen", places: [("Assen", 9401)], share: 0.62),
                DemoMunicipality(
                    code: "GM1680", name: "Aa en Hunze", places: [("Gieten", 9461), ("Rolde", 9451), ("Annen", 9468)], share: 0.14),
                DemoMunicipality(
                    code: "GM1730", name: "Tynaarlo", places: [("Zuidlaren", 9471), ("Eelde", 9761), ("Vries", 9481)], share: 0.24),
            ], persons: 3200, caseManagers: 20),
        DemoOrganisation(
            code: "nijkerk", name: "Gemeente Nijkerk", colour: "#1f6e43",
            municipalities: [
                DemoMunicipality(code: "GM0267", name: "Nijkerk", places: [("Nijkerk", 3861), ("Hoevelaken", 3871)], share: 1)
            ],
            persons: 520, caseManagers: 4),
        DemoOrganisation(
            code: "wijchen", name: "Gemeente Wijchen", colour: "#6b2c7a",
            municipalities: [
                DemoMunicipality(
                    code: "GM0296", name: "Wijchen", places: [("Wijchen", 6601), ("Batenburg", 6634), ("Bergharen", 6617)], share: 1)
            ],
            persons: 900, caseManagers: 6),
    ]

    static let givenNamesFemale = [
        "Anna", "Emma", "Sophie", "Julia", "Lotte", "Sanne", "Fleur", "Eva", "Lisa", "Noa", "Fatima", "Yasmina",
        "Ingrid", "Marieke", "Wilma", "Gerda", "Petra", "Linda", "Saskia", "Nicole", "Aisha", "Hanna", "Daniëlle",
        "Ilse", "Kim", "Mirjam", "Esther", "Romy", "Nadia", "Samira", "Tamara", "Bianca", "Joyce", "Monique",
    ]
    static let givenNamesMale = [
        "Jan", "Pieter", "Kees", "Johan", "Willem", "Henk", "Gerrit", "Bas", "Tim", "Daan", "Mohamed", "Ahmed",
        "Sem", "Luuk", "Thomas", "Mark", "Erik", "Rob", "Dennis", "Jeroen", "Youssef", "Omar", "Bram", "Ruben",
        "Martijn", "Sander", "Arjen", "Hendrik", "Klaas", "Wouter", "Ricardo", "Dirk", "Frank", "Mehmet",
    ]
    static let familyNames = [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
        "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Haddad",
        "Yilmaz", "El Amrani", "Kaya", "Postma", "Hoekstra", "Kuipers", "Veenstra", "Schouten", "Prins",
        "Huisman", "Boersma", "Koster", "Wolters", "Nijland", "Scholten", "Tahiri", "Bulut", "Gerritsen",
    ]
    static let streets = [
        "Kerkstraat", "Dorpsstraat", "Molenweg", "Schoolstraat", "Stationsweg", "Beatrixlaan", "Julianastraat",
        "Oranjestraat", "Wilhelminastraat", "Lindelaan", "Eikenlaan", "Berkenweg", "Esdoornstraat", "Marktplein",
        "Burgemeester Visserlaan", "Vaart", "Singel", "Parkweg", "Meidoornstraat", "Populierenlaan",
    ]
}
