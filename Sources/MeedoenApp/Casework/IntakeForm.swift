import MeedoenCore
import MeedoenStorage
import Vapor

/// The intake form (R2, R14, R15): its sections, and reading it back into an Intake and a WorkProfile.
enum IntakeForm {
    /// Facts every intake asks (issue 5), plus those the organisation's rules decide on.
    static func askedFacts(_ profile: PolicyProfile) -> [Fact] {
        let used = Set(profile.segmentation.groups.flatMap { $0.rules.compactMap(\.fact) })
        let base: [Fact] = [.workCapacity, .distanceToWork, .broadParticipation, .wswOrBeschutIndication, .employmentContract]
        return base + Fact.allCases.filter { used.contains($0) && !base.contains($0) && !$0.isDerived }
    }

    static func sections(_ profile: PolicyProfile, withSensitive: Bool, statusHolder: Bool) -> [FormSection] {
        let scores =
            [Choice.empty("Niet gescoord")]
            + ZRMScore.allCases.map { Choice(value: String($0.rawValue), label: $0.dutchName, selected: false) }
        let domains = ZRMDomain.allCases.filter { withSensitive || !$0.isSensitive }
        return [
            FormSection(
                legend: "Intakegesprek", hint: nil, fields: [FormField("heldOn", "Datum van de intake", .date), Conversation.formField]),
            FormSection(
                legend: "Zelfredzaamheid (ZRM)",
                hint:
                    "Score per leefgebied, 1 is acute problematiek en 5 volledig zelfredzaam. Ouderschap alleen bij kinderen. Gezondheid, middelengebruik en justitie zijn alleen zichtbaar binnen de eigen caseload.",
                fields: domains.map { FormField("zrm_\($0.rawValue)", $0.dutchName, .select, optional: true, options: scores) }),
            FormSection(
                legend: "Urgente belemmeringen",
                hint: "Vul per belemmering de actie in die nu nodig is; leeg betekent: geen urgente belemmering op dit gebied.",
                fields: Obstacle.Kind.allCases.map {
                    FormField("obstacle_\($0.rawValue)", "\(Dutch.obstacle($0)): actie", .textarea, optional: true)
                }),
            FormSection(
                legend: "Taal, opleiding en werk", hint: nil,
                fields: [
                    FormField(
                        "language", "Nederlandse taal (taaleis)", .select, hint: "De taaleis is niveau 1F (art. 18b Participatiewet).",
                        options: Choice.list(LanguageLevel.self, selected: nil, label: Dutch.language)),
                    FormField(
                        "education", "Hoogste opleiding", .select,
                        hint: "Een startkwalificatie is een havo- of vwo-diploma, of mbo niveau 2 of hoger.",
                        options: Choice.list(EducationLevel.self, selected: nil, label: Dutch.education)),
                    FormField("workExperience", "Werkervaring", .textarea, optional: true),
                    FormField("competences", "Competenties", .textarea, optional: true),
                    FormField("attitude", "Houding en motivatie", .textarea, optional: true),
                    FormField("childcare", "Kinderopvang", .textarea, optional: true),
                    FormField("wishes", "Eigen wensen van de cliënt", .textarea, optional: true),
                ]
                    + (withSensitive
                        ? [
                            FormField(
                                "healthLimitations", "Beperkingen in gezondheid, zoals de cliënt ze noemt", .textarea,
                                hint: "Alleen zichtbaar binnen de eigen caseload.", optional: true)
                        ]
                        : [])),
            FormSection(
                legend: "Feiten voor de indeling (\(profile.segmentation.label.lowercased()))",
                hint:
                    "Op deze antwoorden stelt Meedoen een \(profile.segmentation.label.lowercased()) voor; u bevestigt of kiest zelf met een reden.",
                fields: askedFacts(profile).map { fact in
                    FormField(
                        "fact_\(fact.rawValue)", FactLabels.name(fact), .select,
                        options: [Choice.empty()]
                            + (fact.values ?? []).map {
                                Choice(value: $0, label: FactLabels.value($0, of: fact).capitalizedFirst, selected: false)
                            })
                }),
        ] + (statusHolder ? [integrationSection] : []) + [
            FormSection(
                legend: "Werkprofiel",
                hint: "Het werkprofiel is het enige dat de werkgeversdienstverlening van de cliënt te zien krijgt. Geen namen of adressen.",
                fields: [
                    FormField("wp_readyForWork", "Klaar voor werk", .select, options: Choice.yesNo),
                    FormField("wp_qualifications", "Diploma's en certificaten", .textarea, optional: true),
                    FormField("wp_competences", "Competenties voor werkgevers", .textarea, optional: true),
                    FormField("wp_drivingLicence", "Heeft een rijbewijs", .checkbox),
                    FormField("wp_hoursPerWeek", "Beschikbaar, uren per week", .number, optional: true),
                    FormField("wp_availableFrom", "Beschikbaar vanaf", .date, optional: true),
                    FormField(
                        "wp_postcodeArea", "Postcodegebied (4 cijfers)", .text, hint: "Alleen de cijfers, bijvoorbeeld 8331.",
                        optional: true),
                ])
        ]
    }

    static let integrationSection = FormSection(
        legend: "Inburgering (statushouder)",
        hint:
            "Inburgering en participatie lopen naast elkaar (Wet inburgering 2021): leg de route en het plan inburgering en participatie vast.",
        fields: [
            FormField(
                "int_route", "Leerroute", .select, optional: true,
                options: [Choice.empty("Nog niet bepaald")]
                    + Choice.list(Integration.Route.self, selected: nil, label: Dutch.integrationRoute)),
            FormField("int_planOn", "Datum plan inburgering en participatie (PIP)", .date, optional: true),
            FormField("int_provider", "Taalaanbieder", .text, optional: true),
            FormField(
                "int_alongside", "Participatie naast de inburgering", .textarea,
                hint: "Bijvoorbeeld vrijwilligerswerk, een werkervaringsplek of een taalmaatje.", optional: true),
        ])

    /// The form's values for an earlier intake, so a new intake starts from what was known.
    static func values(_ intake: Intake?, _ work: WorkProfile?, today: Day, postcode: String) -> [String: String] {
        var values: [String: String] = ["heldOn": today.iso, "wp_postcodeArea": String(postcode.prefix(4))]
        guard let intake else { return values }
        for (domain, score) in intake.zrm { values["zrm_\(domain.rawValue)"] = String(score.rawValue) }
        for obstacle in intake.obstacles { values["obstacle_\(obstacle.kind.rawValue)"] = obstacle.action }
        values["language"] = intake.language.rawValue
        values["education"] = intake.education.rawValue
        for (key, text) in [
            ("workExperience", intake.workExperience), ("competences", intake.competences), ("attitude", intake.attitude),
            ("childcare", intake.childcare), ("wishes", intake.wishes), ("healthLimitations", intake.healthLimitations),
        ] { values[key] = text }
        for (fact, value) in intake.answers.values { values["fact_\(fact.rawValue)"] = value }
        if let integration = intake.integration {
            values["int_route"] = integration.route?.rawValue
            values["int_planOn"] = integration.planOn?.iso
            values["int_provider"] = integration.languageProvider
            values["int_alongside"] = integration.participationAlongside
        }
        if let work {
            values["wp_readyForWork"] = work.readyForWork ? "yes" : "no"
            values["wp_qualifications"] = work.qualifications
            values["wp_competences"] = work.competences
            values["wp_drivingLicence"] = work.drivingLicence ? "ja" : ""
            values["wp_hoursPerWeek"] = work.hoursPerWeek.map(String.init)
            values["wp_availableFrom"] = work.availableFrom?.iso
            values["wp_postcodeArea"] = work.postcodeArea ?? values["wp_postcodeArea"]
        }
        return values
    }

    static func read(_ fields: [String: String], profile: PolicyProfile, withSensitive: Bool, statusHolder: Bool, today: Day)
        -> Result<(Intake, WorkProfile), FieldIssues>
    {
        var reader = FormReader(fields, today: today)
        let heldOn = reader.requiredDay("heldOn", notInFuture: true)
        var zrm: [ZRMDomain: ZRMScore] = [:]
        for domain in ZRMDomain.allCases where withSensitive || !domain.isSensitive {
            guard let raw = reader.raw("zrm_\(domain.rawValue)") else { continue }
            guard let score = Int(raw).flatMap(ZRMScore.init) else {
                reader.fail("zrm_\(domain.rawValue)", .unknownOption)
                continue
            }
            zrm[domain] = score
        }
        let obstacles = Obstacle.Kind.allCases.compactMap { kind in
            reader.text("obstacle_\(kind.rawValue)", max: 1000).map { Obstacle(kind: kind, action: $0) }
        }
        let language = reader.requiredOption("language", as: LanguageLevel.self)
        let education = reader.requiredOption("education", as: EducationLevel.self)
        var answers = Facts()
        for fact in askedFacts(profile) {
            let name = "fact_\(fact.rawValue)"
            guard let value = reader.raw(name) else {
                reader.fail(name, .required)
                continue
            }
            if fact.accepts(value) { answers[fact] = value } else { reader.fail(name, .unknownOption) }
        }
        var integration: Integration?
        if statusHolder {
            let read = Integration(
                route: reader.option("int_route", as: Integration.Route.self), planOn: reader.day("int_planOn"),
                languageProvider: reader.text("int_provider", max: 200), participationAlongside: reader.text("int_alongside", max: 2000))
            integration = read.isEmpty ? nil : read
        }
        var intake = Intake(
            heldOn: heldOn ?? today, zrm: zrm, obstacles: obstacles, language: language ?? .unknown, education: education ?? .unknown,
            workExperience: reader.text("workExperience", max: 2000), competences: reader.text("competences", max: 2000),
            attitude: reader.text("attitude", max: 2000),
            healthLimitations: withSensitive ? reader.text("healthLimitations", max: 2000) : nil,
            childcare: reader.text("childcare", max: 2000), wishes: reader.text("wishes", max: 2000), answers: answers)
        intake.integration = integration

        let ready = reader.raw("wp_readyForWork")
        if ready == nil {
            reader.fail("wp_readyForWork", .required)
        } else if ready != "yes" && ready != "no" {
            reader.fail("wp_readyForWork", .unknownOption)
        }
        var hours: Int?
        if let raw = reader.raw("wp_hoursPerWeek") {
            hours = Int(raw)
            if hours == nil || !(0...60).contains(hours!) {
                reader.fail("wp_hoursPerWeek", .custom("Vul een aantal uren van 0 tot en met 60 in."))
            }
        }
        let area = reader.raw("wp_postcodeArea")
        if let area, area.count != 4 || !area.allSatisfy(\.isNumber) || area.hasPrefix("0") {
            reader.fail("wp_postcodeArea", .custom("Vul de vier cijfers van de postcode in, bijvoorbeeld 8331."))
        }
        let work = WorkProfile(
            qualifications: reader.text("wp_qualifications", max: 2000), competences: reader.text("wp_competences", max: 2000),
            language: language ?? .unknown, drivingLicence: reader.flag("wp_drivingLicence"), hoursPerWeek: hours,
            availableFrom: reader.day("wp_availableFrom"), postcodeArea: area, readyForWork: ready == "yes")
        guard reader.issues.isEmpty else { return .failure(reader.issues) }
        return .success((intake, work))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Dutch {
    static func obstacle(_ kind: Obstacle.Kind) -> String {
        switch kind {
        case .work: "Werk"
        case .income: "Inkomen"
        case .debt: "Schulden"
        case .housingUrgency: "Woonurgentie"
        case .minimumIncomeSchemes: "Minimaregelingen"
        }
    }

    static func language(_ level: LanguageLevel) -> String {
        switch level {
        case .unknown: "Nog niet vastgesteld"
        case .meetsRequirement: "Voldoet aan de taaleis (1F of hoger)"
        case .belowRequirement: "Voldoet niet aan de taaleis (onder 1F)"
        case .exempt: "Vrijgesteld van de taaleis"
        }
    }

    static func integrationRoute(_ route: Integration.Route) -> String {
        switch route {
        case .b1: "B1-route"
        case .education: "Onderwijsroute"
        case .zRoute: "Zelfredzaamheidsroute (Z-route)"
        }
    }

    static func education(_ level: EducationLevel) -> String {
        switch level {
        case .unknown: "Nog niet vastgesteld"
        case .none: "Geen of alleen basisonderwijs"
        case .praktijkonderwijs: "Praktijkonderwijs"
        case .vso: "Voortgezet speciaal onderwijs"
        case .vmboOrEntree: "Vmbo of mbo-entree (niveau 1)"
        case .startkwalificatie: "Startkwalificatie (havo, vwo of mbo 2 of hoger)"
        case .higher: "Hbo of wo"
        case .foreignNotRecognised: "Buitenlands diploma, niet gewaardeerd"
        }
    }
}
