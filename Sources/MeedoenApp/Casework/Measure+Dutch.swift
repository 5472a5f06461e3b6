import MeedoenCore
import MeedoenStorage

/// The Dutch texts of measures, each with the article the user can look up.
extension Dutch {
    static func measureGround(_ ground: Measure.Ground) -> String {
        switch ground {
        case .workObligation: "Arbeidsverplichting (art. 18 lid 4)"
        case .otherObligation: "Andere verplichting (maatregelenverordening, art. 18 lid 2)"
        case .taaleis: "Taaleis (art. 18b)"
        }
    }

    static func blame(_ blame: Measure.Blame) -> String {
        switch blame {
        case .full: "Verwijtbaar"
        case .reduced: "Verminderd verwijtbaar (andere verplichtingen, volgens de verordening)"
        case .none: "Niet verwijtbaar"
        }
    }

    static func workObligationBreach(_ breach: WorkObligationBreach) -> String {
        let text =
            switch breach {
            case .acceptOrKeepWork: "algemeen geaccepteerde arbeid aanvaarden of behouden"
            case .temporaryAgency: "ingeschreven staan bij een uitzendbureau"
            case .workBeforeMoving: "werk zoeken in de andere gemeente vóór een verhuizing"
            case .travelThreeHours: "bereid zijn tot 3 uur per dag te reizen voor werk"
            case .moveForWork: "bereid zijn te verhuizen voor werk"
            case .knowledgeAndSkills: "kennis en vaardigheden voor werk verwerven en behouden"
            case .clothingCareBehaviour: "werk niet belemmeren door kleding, persoonlijke verzorging of gedrag"
            case .provisionsAndResearch: "aangeboden voorzieningen gebruiken en meewerken aan onderzoek naar arbeidsinschakeling"
            }
        return "Sub \(breach.sub): \(text)"
    }

    static func months(_ months: Int?) -> String {
        months.map { count($0, "maand", "maanden") } ?? "tot aan de taaleis is voldaan"
    }

    static func workProposal(_ proposal: Measure.Proposal, ordinance: MeasureOrdinance?) -> String {
        guard let step = proposal.step else { return "" }
        let repeatText = proposal.after.map { " (herhaling binnen twaalf maanden na het besluit van \(date($0.decidedOn)))" } ?? ""
        guard let months = proposal.months else {
            return
                "art. 18 lid \(step.lid)\(repeatText): de periode ontbreekt in het beleidsprofiel (maatregelenverordening, \(ordinanceSetting(step)))."
        }
        let basis = step.lid <= 6 ? "periode uit de verordening" : "periode uit de wet"
        return "art. 18 lid \(step.lid)\(repeatText): 100% voor \(count(months, "maand", "maanden")) (\(basis))."
    }

    static func taaleisProposal(_ proposal: Measure.Proposal) -> String {
        let lid = [1: 9, 2: 10, 3: 11][proposal.taaleisStep ?? 1] ?? 9
        let from = proposal.earliestStart.map { ", vanaf \(date($0))" } ?? ", vanaf de schriftelijke kennisgeving"
        return "stap \(proposal.taaleisStep ?? 1): \(proposal.percentage)% voor \(months(proposal.months))\(from) (art. 18b lid \(lid))."
    }

    static func ordinanceSetting(_ step: RepeatStep) -> String {
        step == .lid6 ? "instelling measures.repeatPeriodMonths" : "instelling measures.firstPeriodMonths"
    }

    /// One earlier measure, as the form and the client page list it.
    static func measureLine(_ measure: StoredMeasure) -> String {
        var line =
            "\(measureGround(measure.ground))\(measure.repeatStep.map { ", lid \($0.lid)" } ?? ""): \(measure.percentage)% voor \(months(measure.months)), vanaf \(date(measure.startsOn))"
        if let decided = measure.decidedOn { line += "; besluit \(date(decided))" }
        if let breach = measure.breachOn { line += "; schending \(date(breach))" }
        if measure.urgentReasons != nil { line += "; afgestemd om dringende redenen" }
        if let revised = measure.revisedOn { line += "; herzien op verzoek per \(date(revised))" }
        return line
    }

    static func measureProblem(_ problem: Measure.Problem, ordinance: MeasureOrdinance?) -> (field: String, message: String) {
        switch problem {
        case .proportionalityCheckMissing:
            ("proportionalityCheck", "Leg de omgekeerde toets vast: wat kan deze persoon wel? Zonder die afweging geen maatregel.")
        case .noBlame: ("blame", "Zonder verwijtbaarheid wordt geen maatregel opgelegd (art. 18 lid 9, art. 18b lid 6 sub b).")
        case .ruleSetEnded:
            (
                "ground",
                "Vanaf deze datum geldt de Wet Participatiewet in balans; de regels voor maatregelen daarvan zitten nog niet in Meedoen. Eerder opgelegde maatregelen houden hun regels."
            )
        case .decidedInFuture: ("decidedOn", "Het besluit kan niet in de toekomst liggen.")
        case .breachKindMissing: ("breachKind", "Kies welke arbeidsverplichting niet is nagekomen (art. 18 lid 4 sub a–h).")
        case .breachKindNeedsWorkObligation:
            (
                "ground",
                "Een arbeidsverplichting van art. 18 lid 4 leidt altijd tot een maatregel volgens lid 5 tot en met 8: kies 'Arbeidsverplichting', of laat de arbeidsverplichting leeg."
            )
        case .breachDateMissing:
            ("breachOn", "Vul de datum van de schending in: daarvan hangt af of het een herhaling is (art. 18 lid 6–8).")
        case .breachDateAfterDecision: ("breachOn", "De schending ligt na het besluit; controleer de datums.")
        case .ordinancePeriodMissing(let step):
            (
                "months",
                "Het beleidsprofiel noemt de periode van art. 18 lid \(step.lid) uit de maatregelenverordening niet (\(ordinanceSetting(step))). Zonder die periode legt Meedoen deze maatregel niet vast; de functioneel beheerder vult hem in."
            )
        case .workObligationPeriod(let step, let months):
            (
                "months",
                "Art. 18 lid \(step.lid) geeft 100% voor \(count(months, "maand", "maanden"))\(step.lid <= 6 ? " (periode uit de verordening)" : ""). Lager of korter alleen met dringende redenen, schriftelijk vastgelegd (art. 18 lid 10)."
            )
        case .tailoringBeyondTheLaw:
            ("months", "Dringende redenen maken een maatregel lager of korter, nooit hoger of langer dan de wet geeft (art. 18 lid 10).")
        case .spreadNotInOrdinance:
            ("spread", "Verrekenen over drie maanden kan alleen als de verordening dat bepaalt (art. 18 lid 5, tweede zin).")
        case .taaleisTestMissing:
            ("testOn", "Vul de datum en de uitkomst van de taaltoets in: een onbekend taalniveau is geen grond (art. 18b lid 2 en 3).")
        case .taaleisMet:
            (
                "testOutcome",
                "De toets of de laatste intake laat zien dat deze cliënt aan de taaleis voldoet of is vrijgesteld: geen maatregel op de taaleis (art. 18b lid 3 en 5)."
            )
        case .taaleisNoticeMissing:
            ("noticeOn", "Vul de datum van de schriftelijke kennisgeving in; de verlaging loopt vanaf die datum (art. 18b lid 4).")
        case .taaleisNoticeLate(let latest):
            ("noticeOn", "De schriftelijke kennisgeving volgt binnen acht weken na de toets, uiterlijk \(date(latest)) (art. 18b lid 4).")
        case .taaleisWilling:
            (
                "willing",
                "Wie zich binnen een maand bereid verklaart en de verwachte voortgang maakt, krijgt geen verlaging (art. 18b lid 6 sub a)."
            )
        case .taaleisDecidedWithinTheMonth(let earliest):
            (
                "decidedOn",
                "Binnen een maand na de kennisgeving kan de cliënt zich bereid verklaren (art. 18b lid 6 sub a): besluit over de eerste stap op of na \(date(earliest)); de verlaging loopt dan vanaf de kennisgeving."
            )
        case .taaleisStep(let step, let percentage, let months):
            (
                "percentage",
                "Bij de taaleis is stap \(step) \(percentage)% voor \(self.months(months))\(months == nil ? " (duur leeg laten)" : "") (art. 18b lid \([1: 9, 2: 10, 3: 11][step] ?? 9)). Lager of korter alleen met dringende redenen (lid 7)."
            )
        case .taaleisStart(let day):
            (
                "startsOn",
                "Bij de taaleis gaat deze stap in op \(date(day)) of later: de eerste op de dag van de kennisgeving, elke volgende zes maanden daarna (art. 18b lid 4, 9–11)."
            )
        case .taaleisNewTestMissing:
            (
                "newTestOn",
                "De volgende stap van de taaleis volgt alleen op een nieuwe toets, na de vorige stap en vóór deze (lid 13), waaruit blijkt dat de vaardigheden en de verwachte voortgang ontbreken (art. 18b lid 10 en 11)."
            )
        case .percentageOutOfRange: ("percentage", "Vul een percentage van 1 tot en met 100 in.")
        case .monthsOutOfRange: ("months", "Vul een duur van 1 tot en met 36 maanden in, zoals de verordening die noemt.")
        case .monthsMissing: ("months", "Vul de duur in maanden in, zoals de verordening die noemt.")
        case .ordinanceReferenceMissing: ("ordinanceReference", "Noem het artikel van de maatregelenverordening.")
        }
    }
}
