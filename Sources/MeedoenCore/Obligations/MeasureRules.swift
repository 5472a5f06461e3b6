/// The rules a measure is imposed under, as a dated rule set: Participatiewet art. 18 lid 4–11 and
/// art. 18b (consolidated text of 2026-07-01, MinBZK/regelrecht-corpus). The *Wet Participatiewet in
/// balans* replaces this regime; the day it takes effect is the dated switch `balansActive` (as
/// art. 34a), and from then this rule set refuses new measures. A measure stores the id of the rule
/// set it was imposed under and keeps it.
public struct MeasureRuleSet: Sendable, Equatable {
    public var id: String
    public var source: String

    public static let participatiewet2015 = MeasureRuleSet(
        id: "participatiewet-art18-2015",
        source:
            "Participatiewet art. 18 lid 4–11 en art. 18b, geconsolideerde tekst geldig vanaf 2026-07-01 (wetten.overheid.nl BWBR0015703)")

    /// The rule set for a measure decided on `day`; nil once the Wet Participatiewet in balans applies
    /// (the dated switch the applicatiebeheerder sets at /admin/parameters when its date is known).
    public static func current(on day: Day, parameters: LegalParameters) -> MeasureRuleSet? {
        parameters.isOn(.balansActive, on: day) ? nil : .participatiewet2015
    }
}

/// What the organisation's maatregelenverordening sets for art. 18 lid 5 and 6 (art. 8 lid 1
/// sub a). Profile data: none of the five seeds has such an ordinance, so the demo profiles carry
/// example values marked as such.
public struct MeasureOrdinance: Codable, Sendable, Equatable {
    /// Lid 5: the first breach, 1 to 3 months.
    public var firstPeriodMonths: Int?
    /// Lid 6: a breach within twelve months of a lid-5 measure; longer than lid 5, at most 3 months.
    public var repeatPeriodMonths: Int?
    /// Lid 5, second sentence: the reduction may be spread over the month it is imposed and at most
    /// the two next, at least a third in the first month.
    public var spreadAllowed: Bool
    public var source: String
    /// True for the demo profiles' made-up values ("voorbeeld, geen bron").
    public var isExample: Bool

    public init(firstPeriodMonths: Int?, repeatPeriodMonths: Int?, spreadAllowed: Bool = false, source: String, isExample: Bool = false) {
        (self.firstPeriodMonths, self.repeatPeriodMonths, self.spreadAllowed) = (firstPeriodMonths, repeatPeriodMonths, spreadAllowed)
        (self.source, self.isExample) = (source, isExample)
    }
}

/// The obligations of art. 18 lid 4 whose breach always leads to a measure (sub a–h).
public enum WorkObligationBreach: String, CaseIterable, Codable, Sendable {
    case acceptOrKeepWork  // a. algemeen geaccepteerde arbeid aanvaarden of behouden
    case temporaryAgency  // b. ingeschreven staan bij een uitzendbureau
    case workBeforeMoving  // c. werk zoeken in de nieuwe gemeente vóór verhuizing
    case travelThreeHours  // d. reisduur tot 3 uur per dag
    case moveForWork  // e. bereid zijn te verhuizen
    case knowledgeAndSkills  // f. kennis en vaardigheden verwerven en behouden
    case clothingCareBehaviour  // g. werk niet belemmeren door kleding, verzorging of gedrag
    case provisionsAndResearch  // h. aangeboden voorzieningen gebruiken, meewerken aan onderzoek

    public var sub: String {
        switch self {
        case .acceptOrKeepWork: "a"
        case .temporaryAgency: "b"
        case .workBeforeMoving: "c"
        case .travelThreeHours: "d"
        case .moveForWork: "e"
        case .knowledgeAndSkills: "f"
        case .clothingCareBehaviour: "g"
        case .provisionsAndResearch: "h"
        }
    }
}

/// Which lid of art. 18 sets a work-obligation measure's period: the repeat ladder of lid 5–8.
public enum RepeatStep: String, CaseIterable, Codable, Sendable {
    case lid5, lid6, lid7, lid8

    public var lid: Int {
        switch self {
        case .lid5: 5
        case .lid6: 6
        case .lid7: 7
        case .lid8: 8
        }
    }

    var next: RepeatStep {
        switch self {
        case .lid5: .lid6
        case .lid6: .lid7
        case .lid7, .lid8: .lid8
        }
    }
}

/// An earlier measure of the same person, as far as the repeat rules look at it.
public struct EarlierMeasure: Sendable, Equatable {
    public var ground: Measure.Ground
    public var step: RepeatStep?
    public var decidedOn: Day
    public var startsOn: Day
    /// Taaleis: the written notice the series runs from (art. 18b lid 4).
    public var noticeOn: Day?

    public init(ground: Measure.Ground, step: RepeatStep?, decidedOn: Day, startsOn: Day, noticeOn: Day? = nil) {
        (self.ground, self.step, self.decidedOn, self.startsOn, self.noticeOn) = (ground, step, decidedOn, startsOn, noticeOn)
    }
}

public enum MeasureRepeat {
    /// The lid that applies to a lid-4 breach on `breachOn`: lid 6 within twelve months of a lid-5
    /// measure decision, lid 7 within twelve months of a lid-6 one, lid 8 within twelve months of a
    /// lid-7 or lid-8 one; otherwise (a first breach, or after the twelve months) lid 5 again.
    public static func step(breachOn: Day, earlier: [EarlierMeasure]) -> (step: RepeatStep, after: EarlierMeasure?) {
        let previous = earlier.filter { $0.ground == .workObligation && $0.decidedOn <= breachOn }
            .max { $0.decidedOn < $1.decidedOn }
        guard let previous, breachOn <= previous.decidedOn.adding(months: 12) else { return (.lid5, nil) }
        // A lid-4 measure stored before the steps were (M016) was a first one: lid 5.
        return ((previous.step ?? .lid5).next, previous)
    }

    /// The period in months the law and the ordinance give for a step; nil when the ordinance does
    /// not set it (lid 5 and 6 are the ordinance's, lid 7 and 8 the law's three months).
    public static func months(for step: RepeatStep, ordinance: MeasureOrdinance?) -> Int? {
        switch step {
        case .lid5: ordinance?.firstPeriodMonths
        case .lid6: ordinance?.repeatPeriodMonths
        case .lid7, .lid8: 3
        }
    }
}
