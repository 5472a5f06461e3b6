import MeedoenCore

/// The result of a "werken loont" calculation as the page, the chart and the letter show it.
struct IncomeResultView: Encodable {
    struct Row: Encodable {
        var month: String
        var norm: String
        var earnings: String
        var exempted: String
        var rule: String
        var benefit: String
        var premium: String
        var total: String
        var gain: String
        var estimated: Bool
    }

    var rows: [Row]
    var summary: [String]
    var cliffs: [String]
    var chart: Chart
    var letter: [String]
    var leftOut: [String]
    var anyEstimated: Bool

    init(_ result: IncomeResult, input: IncomeInput, organisation: String) {
        rows = result.months.map { month in
            Row(
                month: Dutch.month(month.month), norm: Dutch.money(month.norm), earnings: Dutch.money(month.earnings),
                exempted: Dutch.money(month.exempted), rule: month.rule.map(Dutch.exemptionRule) ?? "–",
                benefit: Dutch.money(month.benefit), premium: Dutch.money(month.premium + month.exitPremium),
                total: Dutch.money(month.total), gain: Dutch.money(month.gainFromWork), estimated: month.usesLatestKnownAmounts)
        }
        anyEstimated = result.months.contains(where: \.usesLatestKnownAmounts)
        let first = result.months[0]
        var summary = [
            "In \(Dutch.month(first.month)) heeft het huishouden met dit werk \(Dutch.money(first.total)) per maand; zonder werk is dat de bijstandsnorm van \(Dutch.money(first.norm)). Dat is \(Dutch.money(first.gainFromWork)) meer."
        ]
        if let exit = result.fullExit {
            summary.append("Vanaf \(Dutch.month(exit)) is er geen bijstand meer nodig: het inkomen uit werk is hoger dan de norm.")
        }
        if result.exitPremiumWithoutAmount {
            summary.append(
                "Bij volledige uitstroom kent \(organisation) een uitstroompremie; het bedrag volgt uit de beleidsregels en is hier niet meegerekend."
            )
        }
        if let stop = result.stopsAtPensionAge {
            summary.append(
                "De berekening stopt in \(Dutch.month(stop)): dan is de AOW-leeftijd bereikt\(result.pensionAgeProvisional ? " (AOW-leeftijd nog niet vastgesteld: de laatst bekende leeftijd is gebruikt)" : ""). De bijstand van de gemeente eindigt; de SVB neemt het over met de AOW en zo nodig de aanvullende inkomensvoorziening ouderen (AIO) (AOW art. 7a)."
            )
        }
        self.summary = summary
        cliffs = result.cliffs.map { cliff in
            guard let ended = cliff.ended else {
                return
                    "Vanaf \(Dutch.month(cliff.month)) daalt de bijstandsnorm (bijvoorbeeld doordat een medebewoner 27 jaar wordt). Het inkomen daalt dan met \(Dutch.money(cliff.drop)) per maand."
            }
            return
                "Vanaf \(Dutch.month(cliff.month)) stopt de \(Dutch.exemptionRule(ended)). Het inkomen daalt dan met \(Dutch.money(cliff.drop)) per maand."
        }
        chart = Self.chart(result)

        let last = result.months[result.months.count - 1]
        var letter = [
            "U heeft met ons besproken wat er met uw inkomen gebeurt als u gaat werken voor \(Dutch.money(input.netMonthlyEarnings)) netto per maand, vanaf \(Dutch.month(input.startMonth)).",
            "In de eerste maand heeft u dan \(Dutch.money(first.total)) per maand. Zonder werk krijgt u \(Dutch.money(first.norm)) bijstand. U houdt dus \(Dutch.money(first.gainFromWork)) per maand meer over.",
        ]
        letter += cliffs
        letter.append(
            "In \(Dutch.month(last.month)) heeft u volgens deze berekening \(Dutch.money(last.total)) per maand, \(Dutch.money(last.gainFromWork)) meer dan zonder werk."
        )
        letter.append(
            "Dit is een berekening om samen over te praten, geen besluit. Het echte bedrag hangt af van uw loonstroken en van wat u doorgeeft."
        )
        self.letter = letter
        leftOut = [
            "Toeslagen (huurtoeslag, zorgtoeslag, kindgebonden budget) en kinderbijslag: die kunnen veranderen als uw inkomen stijgt.",
            "Gemeentelijke regelingen voor een laag inkomen (zoals bijzondere bijstand, kwijtschelding en de collectieve zorgverzekering).",
            "Belasting en loonheffingskorting: Meedoen rekent met het nettoloon dat u opgeeft.",
            "Reiskosten, kinderopvang en andere kosten van het werk.",
            "De bijstandsnorm is inclusief 4,8% vakantiegeld (art. 19 lid 3), dat de gemeente eens per jaar uitbetaalt.",
        ]
    }

    /// A bar per month (total income) against the norm line.
    static func chart(_ result: IncomeResult) -> Chart {
        let width = 720, height = 240, left = 60, bottom = 30, top = 10
        let maxValue = max(1, result.months.map(\.total.cents).max() ?? 1, result.months.map(\.norm.cents).max() ?? 1)
        let scale = Double(height - bottom - top) / Double(maxValue)
        let barWidth = Double(width - left - 10) / Double(result.months.count)
        let first = result.months[0], last = result.months[result.months.count - 1]
        var chart = Chart(
            id: "grafiek", title: "Inkomen per maand met werk, tegenover de bijstandsnorm",
            description:
                "Blauwe staven: inkomen met werk per maand, van \(Dutch.money(first.total)) in \(Dutch.month(first.month)) tot \(Dutch.money(last.total)) in \(Dutch.month(last.month)). Rode lijn: de bijstandsnorm zonder werk, van \(Dutch.money(first.norm)) tot \(Dutch.money(last.norm)). De tabel hieronder geeft alle bedragen.",
            width: width, height: height, cssClass: "chart")
        for (index, month) in result.months.enumerated() {
            let barHeight = Double(month.total.cents) * scale
            let x = Double(left) + Double(index) * barWidth
            chart.shapes.append(
                .rect(
                    x: Int(x + 1), y: Int(Double(height - bottom) - barHeight), width: max(1, Int(barWidth - 2)), height: Int(barHeight),
                    fill: "#154273"))
            let normY = Int(Double(height - bottom) - Double(month.norm.cents) * scale)
            chart.shapes.append(.line(Int(x), normY, Int(x + barWidth), normY, stroke: "#b00020", width: 3))
            if index % 6 == 0 {
                chart.shapes.append(
                    .label(x: Int(x), y: height - 10, "\(Dutch.months[month.month.month - 1].prefix(3)) \(month.month.year)"))
            }
        }
        chart.shapes.append(.label(x: 0, y: top + 10, Dutch.money(Money(cents: maxValue))))
        chart.shapes.append(.line(left, height - bottom, width - 10, height - bottom, stroke: "#555"))
        return chart
    }
}

/// The wage-cost subsidy result as the page shows it.
struct WageCostSubsidyView: Encodable {
    struct Row: Encodable {
        var month: String
        var fullTime: String
        var subsidy: String
        var allowance: String
        var total: String
        var wageCost: String
        var flat: Bool
    }

    struct Year: Encodable {
        var year: Int
        var total: String
    }

    var rows: [Row]
    var years: [Year]
    var review: String?
    var summary: String

    init(_ result: WageCostSubsidyResult, input: WageCostSubsidyInput) {
        rows = result.months.map {
            Row(
                month: Dutch.month($0.month), fullTime: Dutch.money($0.fullTimeWage), subsidy: Dutch.money($0.subsidy),
                allowance: Dutch.money($0.employerAllowance), total: Dutch.money($0.total), wageCost: Dutch.money($0.wageCost),
                flat: $0.flatRate)
        }
        years = result.perYear.map { Year(year: $0.year, total: Dutch.money($0.total)) }
        review = input.reviewDate.map { "De loonwaarde wordt opnieuw vastgesteld op \(Dutch.date($0))." }
        let first = result.months[0]
        let basis =
            input.wageValue.map { "een loonwaarde van \(Dutch.percent(basisPoints: $0))" }
            ?? "het forfaitaire percentage van 50% (loonwaarde nog niet vastgesteld)"
        summary =
            "Bij \(basis) en \(input.hoursPerWeek) uur per week ontvangt de werkgever in \(Dutch.month(first.month)) \(Dutch.money(first.total)): \(Dutch.money(first.subsidy)) loonkostensubsidie plus \(Dutch.money(first.employerAllowance)) tegemoetkoming in de werkgeverslasten (23,5%)."
    }
}
