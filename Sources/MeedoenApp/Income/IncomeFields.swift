import MeedoenCore

/// The fields of the two calculators as the form draws them (form-body); IncomeForm reads the same
/// names, and IncomeTests posts every one of them.
extension IncomeForm {
    static let monthHint = "Als jjjj-mm, bijvoorbeeld 2026-12."

    static func field(_ name: String, _ label: String, _ kind: FormField.Kind, hint: String? = nil, optional: Bool = false) -> FormField {
        FormField(name, label, kind, hint: hint, optional: optional)
    }

    static func amount(_ name: String, _ label: String, hint: String? = nil, optional: Bool = false) -> FormField {
        var field = FormField(name, label, .text, hint: hint, optional: optional)
        field.decimal = true
        return field
    }

    static func whole(_ name: String, _ label: String, min: Int, max: Int, hint: String? = nil, optional: Bool = false) -> FormField {
        var field = FormField(name, label, .number, hint: hint, optional: optional)
        (field.min, field.max) = (String(min), String(max))
        return field
    }

    /// "Werken loont": the period, the household, the work and the premiums.
    static var sections: [FormSection] {
        let exceptions =
            [Choice(value: "", label: "Telt mee (geen uitzondering)", selected: false)]
            + Choice.list(CoResidentException.self, selected: nil, label: Dutch.exception)
        return [
            FormSection(
                legend: "Periode",
                fields: [
                    field("startMonth", "Eerste maand met werk", .month, hint: monthHint),
                    whole("months", "Aantal maanden", min: 1, max: 60),
                ]),
            FormSection(
                legend: "Huishouden",
                fields: [
                    field("claimantBirth", "Geboortedatum aanvrager", .date),
                    field("partnerBirth", "Geboortedatum partner", .date, optional: true),
                ]
                    + childFields.enumerated().map { field($1, "Geboortedatum kind \($0 + 1)", .date, optional: true) }
                    + coResidentFields.enumerated().flatMap { index, name in
                        [
                            field(name, "Geboortedatum medebewoner \(index + 1)", .date, optional: true),
                            FormField(
                                name + "Exception", "Uitzondering medebewoner \(index + 1)", .select, optional: true, options: exceptions),
                        ]
                    }),
            FormSection(
                legend: "Het werk",
                fields: [
                    amount(
                        "netMonthlyEarnings", "Nettoloon per maand",
                        hint: "Van het aanbod of de loonstrook, bijvoorbeeld 1.250,00. Meedoen rekent niet van bruto naar netto."),
                    whole("hoursPerWeek", "Uren per week", min: 0, max: 60),
                    field("earnerIsPartner", "De partner gaat werken (niet de aanvrager)", .checkbox),
                    field("medicallyLimitedHours", "Medisch urenbeperkt (art. 31 lid 2 onder y)", .checkbox),
                    field("wageCostSubsidyTargetGroup", "Doelgroep loonkostensubsidie (onder z en aa)", .checkbox),
                    field("hoursCannotIncrease", "Uitbreiding van de uren is niet mogelijk (onder aa)", .checkbox),
                    field(
                        "staysElsewhereForCare", "De aanvrager verblijft tijdelijk elders om intensieve mantelzorg te geven", .checkbox,
                        hint: "Dan geldt de kostendelersnorm niet (art. 22a lid 4)."),
                ]),
            FormSection(
                legend: "Premies (art. 31 lid 2 onder j), hoogstens twee per jaar",
                fields: (1...2).flatMap { n in
                    [
                        field("premium\(n)Month", "Maand premie \(n)", .month, hint: monthHint, optional: true),
                        amount("premium\(n)Amount", "Bedrag premie \(n)", optional: true),
                    ]
                }),
        ]
    }

    /// The wage-cost subsidy (art. 10d): one section without a legend.
    static var subsidySections: [FormSection] {
        [
            FormSection(fields: [
                field("startMonth", "Eerste maand", .month, hint: monthHint),
                whole("months", "Aantal maanden", min: 1, max: 60),
                amount(
                    "wageValue", "Loonwaarde (% van het minimumloon)",
                    hint:
                        "Leeg laten zolang de loonwaarde niet is vastgesteld: dan geldt hoogstens 6 maanden een forfaitaire 50% (art. 10d lid 5).",
                    optional: true),
                whole("hoursPerWeek", "Uren per week", min: 1, max: 60),
                whole(
                    "sectorFullTimeHours", "Voltijdsduur in de sector (uren per week)", min: 36, max: 48,
                    hint: "Boven 36 uur groeit de subsidie mee tot de normale voltijdsduur in de sector (art. 10d lid 4). Leeg is 36.",
                    optional: true),
                amount(
                    "hourlyWage", "Uurloon van de werkgever", hint: "Alleen om de loonkosten te tonen; leeg is het minimumloon.",
                    optional: true),
                field(
                    "employeeBirth", "Geboortedatum werknemer", .date,
                    hint:
                        "Onder de 21 geldt het minimumjeugdloon van die leeftijd (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2). Leeg is 21 jaar of ouder.",
                    optional: true),
                field("reviewDate", "Datum herbeoordeling loonwaarde", .date, optional: true),
            ])
        ]
    }
}
