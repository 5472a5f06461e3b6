import MeedoenCore

/// An intake with the work profile it writes: the record the intake's field table reads and shows.
struct IntakeRecord: Sendable {
    var intake: Intake
    /// nil when none is stored (the show page then has no work profile).
    var work: WorkProfile?
}

/// The intake's fields, each once (R2, R14, R15): the form, its prefill from the previous intake, the
/// show page and the resident's inzage export are produced from this table. To add a field, add an
/// entry here (and the property to `Intake` or `WorkProfile` in MeedoenCore).
enum IntakeFields {
    typealias Field = TableField<IntakeRecord>

    /// The table for an organisation's profile: the facts its rules decide on, and the integration
    /// section for a status holder. (`profile` nil: show whatever an earlier intake recorded.)
    static func table(asking facts: [Fact], profile: PolicyProfile?, statusHolder: Bool) -> FieldTable<IntakeRecord> {
        let label = profile?.segmentation.label.lowercased() ?? "indeling"
        var sections = [conversation, zrm, obstacles, about]
        sections.append(
            TableSection(
                "Feiten voor de indeling (\(label))",
                hint: "Op deze antwoorden stelt Meedoen een \(label) voor; u bevestigt of kiest zelf met een reden.",
                fields: facts.map(fact)))
        if statusHolder { sections.append(integration) }
        sections.append(workProfile)
        return FieldTable(sections: sections)
    }

    /// Every field any intake may hold, without a profile's wording: for reading a stored intake back
    /// into values (prefill, the API). Built once; it does not change while the server runs.
    static let everyField = table(asking: Fact.allCases, profile: nil, statusHolder: true)

    static let conversation = TableSection<IntakeRecord>(
        "Intakegesprek",
        fields: [
            Field(
                FormField("heldOn", "Datum van de intake", .date), part: .intake, shownLabel: "Datum",
                read: { reader, record in record.intake.heldOn = reader.requiredDay("heldOn", notInFuture: true) ?? record.intake.heldOn },
                value: { $0.intake.heldOn.iso }, shown: { Dutch.date($0.intake.heldOn) })
        ])

    static let zrm = TableSection<IntakeRecord>(
        "Zelfredzaamheid (ZRM)",
        hint:
            "Score per leefgebied, 1 is acute problematiek en 5 volledig zelfredzaam. Ouderschap alleen bij kinderen. Gezondheid, middelengebruik en justitie zijn alleen zichtbaar binnen de eigen caseload.",
        whenEmpty: "Niet gescoord.",
        fields: ZRMDomain.allCases.map { domain in
            let name = "zrm_\(domain.rawValue)"
            let scores =
                [Choice.empty("Niet gescoord")]
                + ZRMScore.allCases.map { Choice(value: String($0.rawValue), label: $0.dutchName, selected: false) }
            return Field(
                FormField(name, domain.dutchName, .select, optional: true, options: scores),
                part: domain.isSensitive ? .sensitive : .intake,
                read: { reader, record in
                    guard let raw = reader.raw(name) else { return }
                    if let score = Int(raw).flatMap(ZRMScore.init) {
                        record.intake.zrm[domain] = score
                    } else {
                        reader.fail(name, .unknownOption)
                    }
                },
                value: { $0.intake.zrm[domain].map { String($0.rawValue) } }, shown: { $0.intake.zrm[domain]?.dutchName })
        })

    static let obstacles = TableSection<IntakeRecord>(
        "Urgente belemmeringen",
        hint: "Vul per belemmering de actie in die nu nodig is; leeg betekent: geen urgente belemmering op dit gebied.",
        whenEmpty: "Geen urgente belemmeringen vastgelegd.",
        fields: Obstacle.Kind.allCases.map { kind in
            let name = "obstacle_\(kind.rawValue)"
            return Field(
                FormField(name, "\(Dutch.obstacle(kind)): actie", .textarea, optional: true), part: .intake,
                shownLabel: Dutch.obstacle(kind),
                read: { reader, record in
                    if let action = reader.text(name, max: 1000) { record.intake.obstacles.append(Obstacle(kind: kind, action: action)) }
                },
                value: { record in record.intake.obstacles.first { $0.kind == kind }?.action },
                shown: { record in record.intake.obstacles.first { $0.kind == kind }?.action })
        })

    static let about = TableSection<IntakeRecord>(
        "Taal, opleiding en werk",
        fields: [
            Field(
                FormField(
                    "language", "Nederlandse taal (taaleis)", .select, hint: "De taaleis is niveau 1F (art. 18b Participatiewet).",
                    options: Choice.list(LanguageLevel.self, selected: nil, label: Dutch.language)),
                part: .intake, shownLabel: "Taal",
                read: { reader, record in record.intake.language = reader.requiredOption("language", as: LanguageLevel.self) ?? .unknown },
                value: { $0.intake.language.rawValue }, shown: { Dutch.language($0.intake.language) }),
            Field(
                FormField(
                    "education", "Hoogste opleiding", .select,
                    hint: "Een startkwalificatie is een havo- of vwo-diploma, of mbo niveau 2 of hoger.",
                    options: Choice.list(EducationLevel.self, selected: nil, label: Dutch.education)),
                part: .intake, shownLabel: "Opleiding",
                read: { reader, record in
                    record.intake.education = reader.requiredOption("education", as: EducationLevel.self) ?? .unknown
                },
                value: { $0.intake.education.rawValue }, shown: { Dutch.education($0.intake.education) }),
            text("workExperience", "Werkervaring", \.intake.workExperience),
            text("competences", "Competenties", \.intake.competences),
            text("attitude", "Houding en motivatie", \.intake.attitude, shownLabel: "Houding"),
            text("childcare", "Kinderopvang", \.intake.childcare),
            text("wishes", "Eigen wensen van de cliënt", \.intake.wishes, shownLabel: "Wensen"),
            text(
                "healthLimitations", "Beperkingen in gezondheid, zoals de cliënt ze noemt", \.intake.healthLimitations,
                part: .sensitive, hint: "Alleen zichtbaar binnen de eigen caseload.", shownLabel: "Gezondheid (zoals de cliënt het zegt)"),
        ])

    static func fact(_ fact: Fact) -> Field {
        let name = "fact_\(fact.rawValue)"
        return Field(
            FormField(
                name, FactLabels.name(fact), .select,
                options: [Choice.empty()]
                    + (fact.values ?? []).map { Choice(value: $0, label: FactLabels.value($0, of: fact).capitalizedFirst, selected: false) }
            ),
            part: .intake,
            read: { reader, record in
                guard let value = reader.raw(name) else { return reader.fail(name, .required) }
                if fact.accepts(value) { record.intake.answers[fact] = value } else { reader.fail(name, .unknownOption) }
            },
            value: { $0.intake.answers[fact] },
            shown: { record in record.intake.answers[fact].map { FactLabels.value($0, of: fact).capitalizedFirst } })
    }

    static let integration = TableSection<IntakeRecord>(
        "Inburgering (statushouder)",
        hint:
            "Inburgering en participatie lopen naast elkaar (Wet inburgering 2021): leg de route en het plan inburgering en participatie vast.",
        fields: [
            Field(
                FormField(
                    "int_route", "Leerroute", .select, optional: true,
                    options: [Choice.empty("Nog niet bepaald")]
                        + Choice.list(Integration.Route.self, selected: nil, label: Dutch.integrationRoute)),
                part: .intake, shownLabel: "Inburgering: leerroute",
                read: { reader, record in record.intake.integrationDraft.route = reader.option("int_route", as: Integration.Route.self) },
                value: { $0.intake.integration?.route?.rawValue }, shown: { $0.intake.integration?.route.map(Dutch.integrationRoute) }),
            Field(
                FormField("int_planOn", "Datum plan inburgering en participatie (PIP)", .date, optional: true), part: .intake,
                shownLabel: "Plan inburgering en participatie",
                read: { reader, record in record.intake.integrationDraft.planOn = reader.day("int_planOn") },
                value: { $0.intake.integration?.planOn?.iso }, shown: { $0.intake.integration?.planOn.map(Dutch.date) }),
            Field(
                FormField("int_provider", "Taalaanbieder", .text, optional: true), part: .intake,
                read: { reader, record in record.intake.integrationDraft.languageProvider = reader.text("int_provider", max: 200) },
                value: { $0.intake.integration?.languageProvider }, shown: { $0.intake.integration?.languageProvider }),
            Field(
                FormField(
                    "int_alongside", "Participatie naast de inburgering", .textarea,
                    hint: "Bijvoorbeeld vrijwilligerswerk, een werkervaringsplek of een taalmaatje.", optional: true),
                part: .intake,
                read: { reader, record in
                    record.intake.integrationDraft.participationAlongside = reader.text("int_alongside", max: 2000)
                },
                value: { $0.intake.integration?.participationAlongside },
                shown: { $0.intake.integration?.participationAlongside }),
        ])

    static let workProfile = TableSection<IntakeRecord>(
        "Werkprofiel",
        hint: "Het werkprofiel is het enige dat de werkgeversdienstverlening van de cliënt te zien krijgt. Geen namen of adressen.",
        shownHint: "Het enige dat de werkgeversdienstverlening ziet.",
        fields: [
            Field(
                FormField("wp_readyForWork", "Klaar voor werk", .select, options: Choice.yesNo), part: .workProfile,
                read: { reader, record in
                    switch reader.raw("wp_readyForWork") {
                    case nil: reader.fail("wp_readyForWork", .required)
                    case "yes": record.work?.readyForWork = true
                    case "no": record.work?.readyForWork = false
                    default: reader.fail("wp_readyForWork", .unknownOption)
                    }
                },
                value: { $0.work.map { $0.readyForWork ? "yes" : "no" } }, shown: { $0.work.map { $0.readyForWork ? "Ja" : "Nee" } }),
            text("wp_qualifications", "Diploma's en certificaten", \.workDraft.qualifications, part: .workProfile, shownLabel: "Diploma's"),
            text("wp_competences", "Competenties voor werkgevers", \.workDraft.competences, part: .workProfile, shownLabel: "Competenties"),
            // The language level is the intake's, copied into the work profile when it is read.
            .derived("Taal", part: .workProfile, shown: { $0.work.map { Dutch.language($0.language) } }),
            Field(
                FormField("wp_drivingLicence", "Heeft een rijbewijs", .checkbox), part: .workProfile, shownLabel: "Rijbewijs",
                read: { reader, record in record.work?.drivingLicence = reader.flag("wp_drivingLicence") },
                value: { $0.work.map { $0.drivingLicence ? "ja" : "" } }, shown: { $0.work.map { $0.drivingLicence ? "Ja" : "Nee" } }),
            Field(
                FormField("wp_hoursPerWeek", "Beschikbaar, uren per week", .number, optional: true), part: .workProfile,
                shownLabel: "Uren per week",
                read: { reader, record in
                    guard let raw = reader.raw("wp_hoursPerWeek") else { return }
                    if let hours = Int(raw), (0...60).contains(hours) {
                        record.work?.hoursPerWeek = hours
                    } else {
                        reader.fail("wp_hoursPerWeek", .custom("Vul een aantal uren van 0 tot en met 60 in."))
                    }
                },
                value: { $0.work?.hoursPerWeek.map(String.init) }, shown: { $0.work?.hoursPerWeek.map(String.init) }),
            Field(
                FormField("wp_availableFrom", "Beschikbaar vanaf", .date, optional: true), part: .workProfile,
                read: { reader, record in record.work?.availableFrom = reader.day("wp_availableFrom") },
                value: { $0.work?.availableFrom?.iso }, shown: { $0.work?.availableFrom.map(Dutch.date) }),
            Field(
                FormField(
                    "wp_postcodeArea", "Postcodegebied (4 cijfers)", .text, hint: "Alleen de cijfers, bijvoorbeeld 8331.", optional: true),
                part: .workProfile, shownLabel: "Postcodegebied",
                read: { reader, record in
                    guard let area = reader.raw("wp_postcodeArea") else { return }
                    if area.count == 4, area.allSatisfy(\.isNumber), !area.hasPrefix("0") {
                        record.work?.postcodeArea = area
                    } else {
                        reader.fail("wp_postcodeArea", .custom("Vul de vier cijfers van de postcode in, bijvoorbeeld 8331."))
                    }
                },
                value: { $0.work?.postcodeArea }, shown: { $0.work?.postcodeArea }),
        ])

    /// A free-text answer (at most 2,000 characters).
    private static func text(
        _ name: String, _ label: String, _ path: WritableKeyPath<IntakeRecord, String?> & Sendable, part: FilePart = .intake,
        hint: String? = nil, shownLabel: String? = nil
    ) -> Field {
        Field(
            FormField(name, label, .textarea, hint: hint, optional: true), part: part, shownLabel: shownLabel,
            read: { reader, record in record[keyPath: path] = reader.text(name, max: 2000) },
            value: { $0[keyPath: path] }, shown: { $0[keyPath: path] })
    }
}

extension IntakeRecord {
    /// The work profile being read from the form, or a blank one to show nothing from.
    fileprivate var workDraft: WorkProfile {
        get { work ?? WorkProfile() }
        set { work = newValue }
    }
}

extension Intake {
    /// The integration details being read from the form (kept only when one is filled in).
    fileprivate var integrationDraft: Integration {
        get { integration ?? Integration() }
        set { integration = newValue }
    }
}
