import XCTest

@testable import MeedoenCore

final class MeasureTests: XCTestCase {
    let start = Day(year: 2026, month: 12, day: 1)!
    let check = "Kan twee dagen per week werken; de afspraak was haalbaar en is zonder reden niet nagekomen."

    func measure(
        _ ground: Measure.Ground, _ percentage: Int, _ months: Int?, blame: Measure.Blame = .full, check: String? = nil,
        ordinance: String? = nil
    )
        -> Measure
    {
        Measure(
            ground: ground, breach: "Niet verschenen", proportionalityCheck: check ?? self.check, blame: blame, percentage: percentage,
            months: months, startsOn: start, ordinanceReference: ordinance)
    }

    /// Art. 18b lid 9–11: 20% for six months, then 40% for six months, then 100%.
    func testTheTaaleisSteps() {
        let cases: [(Int, Int, Int?)] = [(0, 20, 6), (1, 40, 6), (2, 100, nil), (5, 100, nil)]
        for (previous, percentage, months) in cases {
            let step = Measure.taaleisStep(previous: previous)
            XCTAssertEqual(step.percentage, percentage, "after \(previous)")
            XCTAssertEqual(step.months, months, "after \(previous)")
            // Earlier steps each six months apart, the last one six months before this start.
            let starts = (0..<previous).map { start.adding(months: -6 * ($0 + 1)) }
            XCTAssertEqual(measure(.taaleis, percentage, months).problems(taaleis: .init(starts: starts)), [], "after \(previous)")
        }
        XCTAssertEqual(measure(.taaleis, 40, 6).problems(), [.taaleisStep(expected: 20, months: 6)], "no skipping a step")
        XCTAssertEqual(
            measure(.taaleis, 40, 6).problems(taaleis: .init(starts: [start.adding(months: -5)])),
            [.taaleisTooEarly(earliest: start.adding(months: 1))], "the second step only after the six months of the first")
        XCTAssertEqual(
            measure(.taaleis, 20, 6).problems(taaleis: .init(language: .meetsRequirement)), [.taaleisMet], "meets 1F: no taaleis measure")
        XCTAssertEqual(measure(.taaleis, 20, 6).problems(taaleis: .init(language: .exempt)), [.taaleisMet])
    }

    func testTheCases() {
        let cases: [(String, Measure, [Measure.Problem])] = [
            ("work obligation: 100% for one month", measure(.workObligation, 100, 1), []),
            ("work obligation: three months is the maximum", measure(.workObligation, 100, 3), []),
            ("work obligation: four months is too long", measure(.workObligation, 100, 4), [.workObligationMonths]),
            ("work obligation: the law fixes 100%", measure(.workObligation, 50, 1), [.workObligationPercentage]),
            ("reduced blame may tailor the percentage (lid 10)", measure(.workObligation, 50, 1, blame: .reduced), []),
            ("no blame: no measure (lid 9)", measure(.workObligation, 100, 1, blame: .none), [.noBlame]),
            ("never without the omgekeerde toets", measure(.workObligation, 100, 1, check: "  "), [.proportionalityCheckMissing]),
            ("other obligation needs the ordinance article", measure(.otherObligation, 10, 1), [.ordinanceReferenceMissing]),
            ("other obligation from the ordinance", measure(.otherObligation, 10, 1, ordinance: "Maatregelenverordening art. 9"), []),
            ("other obligation needs a duration", measure(.otherObligation, 10, nil, ordinance: "art. 9"), [.monthsMissing]),
            ("other obligation: zero months", measure(.otherObligation, 10, 0, ordinance: "art. 9"), [.monthsOutOfRange]),
            ("other obligation: negative months", measure(.otherObligation, 10, -3, ordinance: "art. 9"), [.monthsOutOfRange]),
            ("other obligation: zero months", measure(.otherObligation, 10, 0, ordinance: "art. 9"), [.monthsOutOfRange]),
            ("other obligation: negative months", measure(.otherObligation, 10, -3, ordinance: "art. 9"), [.monthsOutOfRange]),
            ("a percentage above 100", measure(.otherObligation, 120, 1, ordinance: "art. 9"), [.percentageOutOfRange]),
        ]
        for (name, measure, problems) in cases {
            XCTAssertEqual(measure.problems(), problems, name)
        }
        XCTAssertEqual(measure(.workObligation, 100, 1).reviewBy, Day(year: 2027, month: 3, day: 1), "lid 3: reviewed within three months")
    }

    /// R14: "pas loslaten als" applies to under-27s leaving in a way the municipality decides on.
    func testTheYouthChecklistApplies() {
        XCTAssertTrue(YouthChecklist.applies(age: 26, reason: .work))
        XCTAssertFalse(YouthChecklist.applies(age: 27, reason: .work))
        XCTAssertFalse(YouthChecklist.applies(age: 20, reason: .movedAway))
        XCTAssertFalse(YouthChecklist(housing: true, schoolOrWork: true, stableIncome: true, fallbackPerson: false).isComplete)
    }
}
