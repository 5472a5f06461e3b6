import XCTest

@testable import MeedoenCore

final class MeasureTests: XCTestCase {
    let start = Day(year: 2026, month: 12, day: 1)!
    let check = "Kan twee dagen per week werken; de afspraak was haalbaar en is zonder reden niet nagekomen."

    let today = Day(year: 2026, month: 12, day: 3)!
    /// The demo profiles' example ordinance (no seed has one): lid 5 one month, lid 6 two.
    let ordinance = MeasureOrdinance(firstPeriodMonths: 1, repeatPeriodMonths: 2, source: "voorbeeld", isExample: true)

    func context(_ earlier: [EarlierMeasure] = [], ordinance: MeasureOrdinance?? = .none, language: LanguageLevel = .unknown)
        -> Measure.Context
    {
        Measure.Context(ordinance: ordinance ?? self.ordinance, earlier: earlier, language: language, today: today)
    }

    func work(
        _ percentage: Int = 100, _ months: Int? = 1, breachOn: Day? = Day(year: 2026, month: 11, day: 20)!, blame: Measure.Blame = .full,
        urgent: String? = nil, spread: Bool = false, check: String? = nil
    ) -> Measure {
        Measure(
            ground: .workObligation, breach: "Niet verschenen bij de werkgever", proportionalityCheck: check ?? self.check, blame: blame,
            percentage: percentage, months: months, startsOn: start, breachKind: .acceptOrKeepWork, breachOn: breachOn, decidedOn: start,
            urgentReasons: urgent, spread: spread)
    }

    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }

    func earlierWork(_ step: RepeatStep, decided: Day) -> EarlierMeasure {
        EarlierMeasure(ground: .workObligation, step: step, decidedOn: decided, startsOn: decided)
    }

    /// Art. 18 lid 5–8: the first lid-4 breach the ordinance's lid-5 period; within twelve months of
    /// that decision lid 6 (longer, at most 3 months); within twelve months of a lid-6 decision lid 7
    /// (3 months); each later one within twelve months lid 8 (3 months); after twelve months lid 5 again.
    func testTheRepeatLadder() {
        let cases: [(String, [EarlierMeasure], Day, RepeatStep, Int?)] = [
            ("first breach: lid 5, the ordinance's period", [], d(2026, 11, 20), .lid5, 1),
            ("within twelve months of a lid-5 decision: lid 6", [earlierWork(.lid5, decided: d(2026, 1, 10))], d(2026, 11, 20), .lid6, 2),
            (
                "on the last day of the twelve months: still lid 6", [earlierWork(.lid5, decided: d(2025, 11, 20))], d(2026, 11, 20), .lid6,
                2
            ),
            ("a day after the twelve months: lid 5 again", [earlierWork(.lid5, decided: d(2025, 11, 19))], d(2026, 11, 20), .lid5, 1),
            (
                "within twelve months of a lid-6 decision: lid 7, three months",
                [earlierWork(.lid5, decided: d(2025, 6, 1)), earlierWork(.lid6, decided: d(2026, 2, 1))], d(2026, 11, 20), .lid7, 3
            ),
            ("after lid 7: lid 8, three months", [earlierWork(.lid7, decided: d(2026, 6, 1))], d(2026, 11, 20), .lid8, 3),
            ("after lid 8: lid 8 again", [earlierWork(.lid8, decided: d(2026, 6, 1))], d(2026, 11, 20), .lid8, 3),
            ("a later decision than the breach does not count", [earlierWork(.lid5, decided: d(2026, 11, 25))], d(2026, 11, 20), .lid5, 1),
            (
                "a taaleis measure is no lid-4 measure",
                [EarlierMeasure(ground: .taaleis, step: nil, decidedOn: d(2026, 6, 1), startsOn: d(2026, 6, 1))], d(2026, 11, 20), .lid5, 1
            ),
        ]
        for (name, earlier, breachOn, step, months) in cases {
            let proposal = Measure.workObligationProposal(breachOn: breachOn, context: context(earlier))
            XCTAssertEqual(proposal.step, step, name)
            XCTAssertEqual(proposal.months, months, name)
            XCTAssertEqual(proposal.percentage, 100, name)
            let measure = work(100, months, breachOn: breachOn)
            XCTAssertEqual(measure.problems(context(earlier)), [], name)
        }
        // The first measure's one month on a repeat within the twelve months is refused with the lid.
        XCTAssertEqual(
            work(100, 1).problems(context([earlierWork(.lid5, decided: d(2026, 1, 10))])), [.workObligationPeriod(step: .lid6, months: 2)])
    }

    /// A profile without the ordinance's periods refuses a lid-5 (or lid-6) measure, naming the setting.
    func testWithoutTheOrdinanceNoLidFiveMeasure() {
        XCTAssertEqual(work().problems(context(ordinance: .some(nil))), [.ordinancePeriodMissing(.lid5)])
        let firstOnly = MeasureOrdinance(firstPeriodMonths: 1, repeatPeriodMonths: nil, source: "x")
        XCTAssertEqual(
            work(100, 2).problems(context([earlierWork(.lid5, decided: d(2026, 6, 1))], ordinance: .some(firstOnly))),
            [.ordinancePeriodMissing(.lid6)])
        XCTAssertEqual(
            work(100, 3).problems(context([earlierWork(.lid6, decided: d(2026, 6, 1))], ordinance: .some(nil))), [],
            "lid 7 is the law's three months")
    }

    /// Art. 18 lid 10: less than 100% or shorter only with dringende redenen stated in writing; reduced
    /// blame is no ground for that under lid 4 (it belongs to the ordinance's lid-2 obligations).
    func testTailoringNeedsUrgentReasons() {
        let reasons = "Mantelzorg voor een ernstig ziek kind; een volledige verlaging brengt de huisvesting in gevaar."
        let cases: [(String, Measure, [Measure.Problem])] = [
            ("100% for the lid-5 period", work(100, 1), []),
            ("50% without urgent reasons", work(50, 1), [.workObligationPeriod(step: .lid5, months: 1)]),
            (
                "reduced blame does not tailor a lid-4 measure", work(50, 1, blame: .reduced),
                [.workObligationPeriod(step: .lid5, months: 1)]
            ),
            ("50% with urgent reasons in writing", work(50, 1, urgent: reasons), []),
            ("urgent reasons never lengthen", work(100, 2, urgent: reasons), [.tailoringBeyondTheLaw]),
            (
                "a reason of a few words is not stated in writing", work(50, 1, urgent: "ziek"),
                [.workObligationPeriod(step: .lid5, months: 1)]
            ),
            ("no blame at all: no measure (lid 9)", work(100, 1, blame: .none), [.noBlame]),
            ("never without the omgekeerde toets", work(100, 1, check: "  "), [.proportionalityCheckMissing]),
            (
                "the lid-4 obligation is named",
                {
                    var m = work(); m.breachKind = nil; return m
                }(), [.breachKindMissing]
            ),
            ("the breach has a date", work(100, 1, breachOn: nil), [.breachDateMissing]),
            ("spreading only where the ordinance provides it (lid 5)", work(100, 1, spread: true), [.spreadNotInOrdinance]),
        ]
        for (name, measure, problems) in cases {
            XCTAssertEqual(measure.problems(context()), problems, name)
        }
        var spreading = ordinance
        spreading.spreadAllowed = true
        XCTAssertEqual(work(100, 1, spread: true).problems(context(ordinance: .some(spreading))), [])
    }

    /// The rule set ends when the Wet Participatiewet in balans applies (the dated switch balansActive).
    func testTheRuleSetEndsWithTheWetInBalans() {
        XCTAssertEqual(MeasureRuleSet.current(on: today, parameters: shippedParameters), .participatiewet2015)
        let balans = LegalParameters(
            shippedParameters.entries + [ParameterEntry(key: .balansActive, validFrom: d(2027, 1, 1), value: 1, source: "test")])
        XCTAssertEqual(MeasureRuleSet.current(on: d(2026, 12, 31), parameters: balans), .participatiewet2015)
        XCTAssertNil(MeasureRuleSet.current(on: d(2027, 1, 1), parameters: balans))
        var ended = context()
        ended.ruleSet = nil
        XCTAssertEqual(work().problems(ended), [.ruleSetEnded])
    }

    func taal(
        _ percentage: Int, _ months: Int?, starts: Day, test: Day? = Day(year: 2026, month: 9, day: 15)!, mastered: Bool? = false,
        notice: Day? = Day(year: 2026, month: 10, day: 1)!, decided: Day = Day(year: 2026, month: 11, day: 2)!, willing: Bool = false,
        newTest: Day? = nil, noProgress: Bool = true, urgent: String? = nil
    ) -> Measure {
        Measure(
            ground: .taaleis, breach: "Geen taalles gevolgd", proportionalityCheck: check, blame: .full, percentage: percentage,
            months: months, startsOn: starts, decidedOn: decided, urgentReasons: urgent,
            taaleis: .init(
                testOn: test, mastered: mastered, noticeOn: notice, willingAndProgressing: willing, newTestOn: newTest,
                newTestShowsNoProgress: newTest != nil && noProgress))
    }

    /// Art. 18b: a test with date and outcome first; the notice within eight weeks (lid 4), the cut
    /// from the notice, decided after the month for declaring willingness (lid 6 sub a); 20% six
    /// months (lid 9), 40% six months from six months after the notice after a new test without
    /// mastery or progress, taken before the step (lid 10, 13), then 100% (lid 11).
    func testTheTaaleis() {
        let notice = d(2026, 10, 1)
        let first = EarlierMeasure(ground: .taaleis, step: nil, decidedOn: d(2026, 11, 2), startsOn: notice, noticeOn: notice)
        let second = EarlierMeasure(ground: .taaleis, step: nil, decidedOn: d(2027, 4, 1), startsOn: d(2027, 4, 1), noticeOn: notice)
        let cases: [(String, Measure, [EarlierMeasure], [Measure.Problem])] = [
            ("step 1: 20% for six months from the notice", taal(20, 6, starts: notice), [], []),
            ("an unknown level is no ground: a test first", taal(20, 6, starts: notice, test: nil), [], [.taaleisTestMissing]),
            ("the test shows 1F: no ground", taal(20, 6, starts: notice, mastered: true), [], [.taaleisMet]),
            ("no notice", taal(20, 6, starts: notice, notice: nil), [], [.taaleisNoticeMissing]),
            (
                "a notice more than eight weeks after the test", taal(20, 6, starts: notice, test: d(2026, 8, 1)), [],
                [.taaleisNoticeLate(latest: d(2026, 9, 26))]
            ),
            (
                "decided within the month for declaring willingness", taal(20, 6, starts: notice, decided: d(2026, 10, 20)), [],
                [.taaleisDecidedWithinTheMonth(earliest: d(2026, 11, 1))]
            ),
            ("the cut runs from the notice", taal(20, 6, starts: d(2026, 10, 15)), [], [.taaleisStart(expected: notice)]),
            ("willing and progressing: no measure", taal(20, 6, starts: notice, willing: true), [], [.taaleisWilling]),
            ("no skipping a step", taal(40, 6, starts: notice), [], [.taaleisStep(step: 1, expected: 20, months: 6)]),
            (
                "step 2 after a new test, six months after the notice", taal(40, 6, starts: d(2027, 4, 1), newTest: d(2027, 3, 20)),
                [first], []
            ),
            ("step 2 without a new test", taal(40, 6, starts: d(2027, 4, 1)), [first], [.taaleisNewTestMissing]),
            (
                "step 2 after a test that shows progress", taal(40, 6, starts: d(2027, 4, 1), newTest: d(2027, 3, 20), noProgress: false),
                [first], [.taaleisNewTestMissing]
            ),
            (
                "the new test comes before the step (lid 13)", taal(40, 6, starts: d(2027, 4, 1), newTest: d(2027, 4, 5)), [first],
                [.taaleisNewTestMissing]
            ),
            (
                "step 2 too early", taal(40, 6, starts: d(2027, 3, 1), newTest: d(2027, 2, 20)), [first],
                [.taaleisStart(expected: d(2027, 4, 1))]
            ),
            (
                "step 3: 100% until the level is reached", taal(100, nil, starts: d(2027, 10, 1), newTest: d(2027, 9, 20)),
                [first, second], []
            ),
            (
                "dringende redenen tailor a step (lid 7)",
                taal(10, 6, starts: notice, urgent: "Zorgt voltijds voor een ernstig zieke ouder; lessen zijn nu niet te combineren."), [],
                []
            ),
            (
                "dringende redenen never make a step open-ended",
                taal(10, nil, starts: notice, urgent: "Zorgt voltijds voor een ernstig zieke ouder; lessen zijn nu niet te combineren."),
                [],
                [.taaleisStep(step: 1, expected: 20, months: 6)]
            ),
        ]
        for (name, measure, earlier, problems) in cases {
            XCTAssertEqual(measure.problems(context(earlier)), problems, name)
        }
        XCTAssertEqual(
            taal(20, 6, starts: notice).problems(context(language: .exempt)), [.taaleisMet], "the intake records an exemption")
        // A new suspicion years later, tested and notified anew, starts again at step 1.
        var later = context([first, second])
        later.today = d(2029, 5, 1)
        let anew = taal(20, 6, starts: d(2029, 3, 1), test: d(2029, 2, 1), notice: d(2029, 3, 1), decided: d(2029, 4, 2))
        XCTAssertEqual(anew.problems(later), [])
    }

    func other(_ percentage: Int, _ months: Int?, ordinance: String? = nil, blame: Measure.Blame = .full) -> Measure {
        Measure(
            ground: .otherObligation, breach: "Wijziging niet doorgegeven", proportionalityCheck: check, blame: blame,
            percentage: percentage, months: months, startsOn: start, ordinanceReference: ordinance)
    }

    /// Art. 18 lid 2: the ordinance sets percentage and duration; reduced blame may tailor it there.
    func testOtherObligations() {
        let cases: [(String, Measure, [Measure.Problem])] = [
            ("from the ordinance", other(10, 1, ordinance: "Maatregelenverordening art. 9"), []),
            ("reduced blame tailors a lid-2 measure", other(5, 1, ordinance: "art. 9", blame: .reduced), []),
            ("the ordinance article is named", other(10, 1), [.ordinanceReferenceMissing]),
            ("a duration", other(10, nil, ordinance: "art. 9"), [.monthsMissing]),
            ("zero months", other(10, 0, ordinance: "art. 9"), [.monthsOutOfRange]),
            ("negative months", other(10, -3, ordinance: "art. 9"), [.monthsOutOfRange]),
            ("above 100%", other(120, 1, ordinance: "art. 9"), [.percentageOutOfRange]),
        ]
        for (name, measure, problems) in cases {
            XCTAssertEqual(measure.problems(context()), problems, name)
        }
        XCTAssertEqual(work().reviewBy, Day(year: 2027, month: 3, day: 1), "lid 3: reviewed within three months")
    }

    /// R14: "pas loslaten als" applies to under-27s leaving in a way the municipality decides on.
    func testTheYouthChecklistApplies() {
        XCTAssertTrue(YouthChecklist.applies(age: 26, reason: .work))
        XCTAssertFalse(YouthChecklist.applies(age: 27, reason: .work))
        XCTAssertFalse(YouthChecklist.applies(age: 20, reason: .movedAway))
        XCTAssertFalse(YouthChecklist(housing: true, schoolOrWork: true, stableIncome: true, fallbackPerson: false).isComplete)
    }
}
