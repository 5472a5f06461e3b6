import MeedoenCore
import MeedoenStorage

/// The measure form (R7): the omgekeerde toets first, then the taaleis steps, then the measure
/// with what the law and the ordinance propose for a breach on the day typed, and the person's
/// earlier measures beside it.
enum MeasureForm {
    static func page(
        for resident: Resident, weighing: MeasureWeighing, values: [String: String], issues: FieldIssues, today: Day
    ) -> SectionedFormPage {
        let (context, earlier) = (weighing.context, weighing.earlierLines)
        let breachOn = values["breachOn"].flatMap { Day(iso: $0) ?? Day(dutch: $0) } ?? today
        let work = Measure.workObligationProposal(breachOn: breachOn, context: context)
        let taal = Measure.taaleisProposal(context: context, noticeOn: values["noticeOn"].flatMap { Day(iso: $0) ?? Day(dutch: $0) })
        let ordinance = context.ordinance
        var form = SectionedFormPage(
            heading: "Maatregel voor \(resident.fullName)",
            intro:
                "Eerst de omgekeerde toets: wat kan deze persoon wel, en past een maatregel dan? Zonder die afweging legt Meedoen geen maatregel vast.",
            action: SitePath.client(.id(resident.id), .measures).path, cancel: SitePath.client(.id(resident.id)).path,
            submit: "Maatregel vastleggen",
            sections: [
                FormSection(
                    legend: "Afweging", hint: nil,
                    fields: [
                        FormField(
                            "ground", "Welke verplichting", .select,
                            options: [Choice.empty()] + Choice.list(Measure.Ground.self, selected: nil, label: Dutch.measureGround)),
                        FormField(
                            "breachKind", "Welke arbeidsverplichting (art. 18 lid 4)", .select,
                            hint: "Alleen bij de arbeidsverplichtingen.",
                            optional: true,
                            options: [Choice.empty()]
                                + Choice.list(WorkObligationBreach.self, selected: nil, label: Dutch.workObligationBreach)),
                        FormField(
                            "breachOn", "Datum van de schending", .date,
                            hint: "Een schending binnen twaalf maanden na een eerder besluit telt als herhaling (art. 18 lid 6–8).",
                            optional: true),
                        FormField("breach", "Wat is er niet nagekomen", .textarea),
                        FormField(
                            "proportionalityCheck", "Omgekeerde toets: wat kan deze persoon wel, en waarom past deze maatregel", .textarea,
                            hint: "Minstens een paar zinnen; de afweging blijft bij de maatregel bewaard."),
                        FormField(
                            "blame", "Verwijtbaarheid", .select,
                            hint:
                                "Ontbreekt elke verwijtbaarheid, dan volgt geen maatregel (art. 18 lid 9). Verminderde verwijtbaarheid telt bij andere verplichtingen volgens de verordening (art. 18 lid 2).",
                            options: [Choice.empty()] + Choice.list(Measure.Blame.self, selected: nil, label: Dutch.blame)),
                    ]),
                FormSection(
                    legend: "Taaleis (art. 18b)",
                    hint:
                        "Alleen bij de taaleis. Eerst een toets met datum en uitkomst; een onbekend taalniveau is geen grond. De schriftelijke kennisgeving volgt binnen acht weken na de toets en de verlaging loopt vanaf die kennisgeving (lid 4).",
                    fields: [
                        FormField("testOn", "Datum van de taaltoets", .date, optional: true),
                        FormField(
                            "testOutcome", "Uitkomst van de toets", .select, optional: true,
                            options: [
                                Choice.empty(), Choice(value: "notMastered", label: "Beheerst de vaardigheden niet op 1F", selected: false),
                                Choice(value: "mastered", label: "Beheerst de vaardigheden op 1F", selected: false),
                            ]),
                        FormField("noticeOn", "Datum van de schriftelijke kennisgeving", .date, optional: true),
                        FormField(
                            "newTestOn", "Datum van de nieuwe toets (tweede en derde stap)", .date,
                            hint:
                                "De tweede en derde stap volgen alleen op een nieuwe toets zonder beheersing en zonder de verwachte voortgang (lid 10, 11).",
                            optional: true),
                        FormField(
                            "newTestNoProgress", "De nieuwe toets toont geen beheersing en niet de voortgang die verwacht mag worden",
                            .checkbox,
                            optional: true),
                        FormField(
                            "willing", "Binnen een maand na de kennisgeving bereid verklaard en voldoet aan de verwachte voortgang",
                            .checkbox,
                            hint: "Dan volgt geen verlaging (art. 18b lid 6 sub a).", optional: true),
                    ]),
                FormSection(
                    legend: "Maatregel",
                    hint:
                        "Voorstel arbeidsverplichtingen bij een schending op \(Dutch.date(breachOn)): \(Dutch.workProposal(work, ordinance: ordinance)) Taaleis: \(Dutch.taaleisProposal(taal)) Andere verplichtingen: volgens de maatregelenverordening.",
                    fields: [
                        FormField("percentage", "Verlaging in procenten", .number),
                        FormField(
                            "months", "Duur in maanden", .number,
                            hint: "Leeg bij de derde stap van de taaleis: tot aan de taaleis is voldaan.", optional: true),
                        FormField("startsOn", "Ingangsdatum", .date),
                        FormField("decidedOn", "Datum van het besluit", .date),
                        FormField(
                            "urgentReasons", "Dringende redenen om af te wijken", .textarea,
                            hint:
                                "Alleen met dringende redenen, schriftelijk vastgelegd, mag de maatregel lager of korter dan de wet geeft (art. 18 lid 10, art. 18b lid 7).",
                            optional: true),
                        FormField(
                            "ordinanceReference", "Artikel van de maatregelenverordening", .text,
                            hint: "Verplicht bij andere verplichtingen.", optional: true),
                    ]
                        + (ordinance?.spreadAllowed == true
                            ? [
                                FormField(
                                    "spread", "Verrekenen over drie maanden, ten minste een derde in de eerste", .checkbox,
                                    hint: "De verordening staat dit toe (art. 18 lid 5, tweede zin).", optional: true)
                            ] : [])),
            ], values: values, issues: issues)
        form.background = .init(
            heading: "Eerdere maatregelen", items: earlier,
            note: ordinance.map {
                $0.isExample ? "De perioden van de verordening in het beleidsprofiel zijn een voorbeeld, geen bron: \($0.source)." : nil
            } ?? nil)
        return form
    }
}
