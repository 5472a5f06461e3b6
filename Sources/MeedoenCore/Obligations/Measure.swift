/// A measure (maatregel): a reduction of the benefit for a breach of an obligation (R7). Never
/// without the proportionality check recorded — seed 002's "omgekeerde toets": first ask what this
/// person can do — and never where all blame is lacking (art. 18 lid 9, art. 18b lid 6 sub b).
/// The rules are those of `MeasureRuleSet.participatiewet2015` (art. 18 lid 4–11, art. 18b).
public struct Measure: Sendable, Equatable {
    public enum Ground: String, CaseIterable, Codable, Sendable {
        /// Art. 18 lid 4 sub a–h: 100% for the period of lid 5–8.
        case workObligation
        /// Art. 18 lid 2: other obligations; percentage and duration from the maatregelenverordening.
        case otherObligation
        /// Art. 18b: the taaleis (language level 1F); 20%, then 40%, then 100% (lid 9–11).
        case taaleis
    }

    /// Verwijtbaarheid. "Reduced" lets an ordinance tailor a lid-2 measure; for lid 4 and the taaleis
    /// only dringende redenen tailor the measure (art. 18 lid 10, art. 18b lid 7).
    public enum Blame: String, CaseIterable, Codable, Sendable {
        case full  // volledig verwijtbaar
        case reduced  // verminderd verwijtbaar (maatregelenverordening, art. 18 lid 2)
        case none  // elke vorm van verwijtbaarheid ontbreekt: geen maatregel (lid 9)
    }

    /// The taaleis facts (art. 18b): the test, its outcome, the written notice, and for a later step
    /// the new test.
    public struct Taaleis: Sendable, Equatable {
        public var testOn: Day?
        /// The test shows the skills of lid 8 are mastered at 1F: no ground.
        public var mastered: Bool?
        /// The written notice of the reasonable suspicion (lid 4): within eight weeks of the test; the cut runs from it.
        public var noticeOn: Day?
        /// Within a month of the notice the person declared themselves willing to learn and makes the expected progress (lid 6 sub a).
        public var willingAndProgressing: Bool
        /// Step two and three (lid 10, 11): a new test, before the step (lid 13)...
        public var newTestOn: Day?
        /// ...showing no mastery and not the progress that may be expected (lid 10 and 11, sub a and b).
        public var newTestShowsNoProgress: Bool

        public init(
            testOn: Day?, mastered: Bool?, noticeOn: Day?, willingAndProgressing: Bool = false, newTestOn: Day? = nil,
            newTestShowsNoProgress: Bool = false
        ) {
            (self.testOn, self.mastered, self.noticeOn) = (testOn, mastered, noticeOn)
            (self.willingAndProgressing, self.newTestOn, self.newTestShowsNoProgress) = (
                willingAndProgressing, newTestOn, newTestShowsNoProgress
            )
        }
    }

    public var ground: Ground
    public var breach: String
    /// The omgekeerde toets: what the person can do, and why this measure fits.
    public var proportionalityCheck: String
    public var blame: Blame
    public var percentage: Int
    /// Nil: until the obligation is met (the taaleis from its third step).
    public var months: Int?
    public var startsOn: Day
    /// The article of the organisation's ordinance, for other obligations.
    public var ordinanceReference: String?
    /// Art. 18 lid 4: which obligation (sub a–h).
    public var breachKind: WorkObligationBreach?
    /// The day of the breach: the repeat rules count twelve months from the earlier decision to it.
    public var breachOn: Day?
    /// The day of the measure decision.
    public var decidedOn: Day
    /// Dringende redenen, in writing: the only ground for less than the law's 100% or a shorter
    /// period (art. 18 lid 10, art. 18b lid 7).
    public var urgentReasons: String?
    /// Spread over three months, at least a third in the first (art. 18 lid 5, second sentence).
    public var spread: Bool
    public var taaleis: Taaleis?

    public init(
        ground: Ground, breach: String, proportionalityCheck: String, blame: Blame, percentage: Int, months: Int?, startsOn: Day,
        ordinanceReference: String? = nil, breachKind: WorkObligationBreach? = nil, breachOn: Day? = nil, decidedOn: Day? = nil,
        urgentReasons: String? = nil, spread: Bool = false, taaleis: Taaleis? = nil
    ) {
        (self.ground, self.breach, self.proportionalityCheck, self.blame) = (ground, breach, proportionalityCheck, blame)
        (self.percentage, self.months, self.startsOn, self.ordinanceReference) = (percentage, months, startsOn, ordinanceReference)
        (self.breachKind, self.breachOn, self.decidedOn) = (breachKind, breachOn, decidedOn ?? startsOn)
        (self.urgentReasons, self.spread, self.taaleis) = (urgentReasons, spread, taaleis)
    }

    /// Art. 18 lid 3: a measure is reviewed within three months.
    public var reviewBy: Day { startsOn.adding(months: 3) }

    /// What is known when a measure is weighed: the rule set in force, the ordinance, earlier measures.
    public struct Context: Sendable {
        public var ruleSet: MeasureRuleSet?
        public var ordinance: MeasureOrdinance?
        public var earlier: [EarlierMeasure]
        /// The language level of the latest intake.
        public var language: LanguageLevel
        public var today: Day

        public init(
            ruleSet: MeasureRuleSet? = .participatiewet2015, ordinance: MeasureOrdinance?, earlier: [EarlierMeasure] = [],
            language: LanguageLevel = .unknown, today: Day
        ) {
            (self.ruleSet, self.ordinance, self.earlier, self.language, self.today) = (ruleSet, ordinance, earlier, language, today)
        }
    }

    /// What the law and the ordinance give for a measure, shown on the form before it is filled in.
    public struct Proposal: Sendable, Equatable {
        public var percentage: Int
        /// Nil: until the obligation is met; also nil when the ordinance does not set the period.
        public var months: Int?
        public var step: RepeatStep?
        /// The earlier measure the repeat counts from.
        public var after: EarlierMeasure?
        /// Taaleis: the step (1, 2, 3) and the first day it may start.
        public var taaleisStep: Int?
        public var earliestStart: Day?
    }

    /// A work-obligation measure for a breach on `breachOn`: lid 5–8.
    public static func workObligationProposal(breachOn: Day, context: Context) -> Proposal {
        let (step, after) = MeasureRepeat.step(breachOn: breachOn, earlier: context.earlier)
        return Proposal(percentage: 100, months: MeasureRepeat.months(for: step, ordinance: context.ordinance), step: step, after: after)
    }

    /// The next taaleis step (art. 18b lid 9–11): 20% for six months from the notice, then 40% for
    /// six months from six months after it, then 100% from twelve months after it until the level is reached.
    public static func taaleisProposal(context: Context, noticeOn: Day?) -> Proposal {
        let series = taaleisSeries(context.earlier, noticeOn: noticeOn)
        let notice = noticeOn ?? series.first?.noticeOn
        let (percentage, months): (Int, Int?) =
            switch series.count {
            case 0: (20, 6)
            case 1: (40, 6)
            default: (100, nil)
            }
        return Proposal(
            percentage: percentage, months: months, taaleisStep: min(series.count + 1, 3),
            earliestStart: notice.map { $0.adding(months: 6 * min(series.count, 2)) })
    }

    /// The earlier measures of one taaleis series: those under the same written notice (a new
    /// suspicion, tested and notified anew, starts again at step one). Without a notice given, the
    /// latest series.
    static func taaleisSeries(_ earlier: [EarlierMeasure], noticeOn: Day?) -> [EarlierMeasure] {
        let taaleis = earlier.filter { $0.ground == .taaleis }.sorted { $0.startsOn < $1.startsOn }
        guard let notice = noticeOn ?? taaleis.compactMap(\.noticeOn).max() else { return [] }
        return taaleis.filter { ($0.noticeOn ?? $0.startsOn) == notice }
    }

    public enum Problem: Equatable, Sendable {
        case proportionalityCheckMissing
        case noBlame
        /// The Wet Participatiewet in balans applies: this rule set takes no new measures.
        case ruleSetEnded
        case decidedInFuture
        case breachKindMissing  // lid 4 sub a–h
        /// A lid-4 obligation was named under another ground: lid 4 always takes the lid 5–8 measure.
        case breachKindNeedsWorkObligation
        case breachDateMissing
        case breachDateAfterDecision
        /// The ordinance does not set the period of this lid (a profile setting is missing).
        case ordinancePeriodMissing(RepeatStep)
        /// Not 100% for the period of the lid, and no dringende redenen stated.
        case workObligationPeriod(step: RepeatStep, months: Int)
        /// Dringende redenen may lower or shorten a measure, never raise or lengthen it.
        case tailoringBeyondTheLaw
        case spreadNotInOrdinance
        case taaleisTestMissing
        /// The test shows mastery (or the intake records 1F or an exemption): no ground.
        case taaleisMet
        case taaleisNoticeMissing
        /// Lid 4: the notice follows the test within eight weeks.
        case taaleisNoticeLate(latest: Day)
        /// Lid 6 sub a: willing within a month and making progress: no measure.
        case taaleisWilling
        /// Lid 6 sub a: the first step is decided only after the month for declaring willingness.
        case taaleisDecidedWithinTheMonth(earliest: Day)
        case taaleisStep(step: Int, expected: Int, months: Int?)
        /// The first step runs from the notice, each next one from six months after the one before.
        case taaleisStart(expected: Day)
        /// Steps two and three only after a new test showing no mastery and no progress (lid 10, 11).
        case taaleisNewTestMissing
        case percentageOutOfRange
        case monthsMissing
        case monthsOutOfRange
        case ordinanceReferenceMissing
    }

    /// Whether the measure is lower or shorter than the law gives: only then do the stated dringende
    /// redenen belong to it.
    public func isTailored(_ context: Context) -> Bool {
        switch ground {
        case .workObligation:
            guard let breachOn else { return false }
            let proposal = Self.workObligationProposal(breachOn: breachOn, context: context)
            return percentage != 100 || months != proposal.months
        case .taaleis:
            let proposal = Self.taaleisProposal(context: context, noticeOn: taaleis?.noticeOn)
            return percentage != proposal.percentage || months != proposal.months
        case .otherObligation: return false
        }
    }

    private var hasUrgentReasons: Bool { (urgentReasons?.trimmingCharacters(in: .whitespacesAndNewlines).count ?? 0) >= 20 }

    /// Everything that stops this measure from being imposed; empty when it may be.
    public func problems(_ context: Context) -> [Problem] {
        var problems: [Problem] = []
        if context.ruleSet == nil { problems.append(.ruleSetEnded) }
        if proportionalityCheck.trimmingCharacters(in: .whitespacesAndNewlines).count < 20 { problems.append(.proportionalityCheckMissing) }
        if blame == .none { problems.append(.noBlame) }
        if decidedOn > context.today { problems.append(.decidedInFuture) }
        if !(1...100).contains(percentage) { problems.append(.percentageOutOfRange) }
        switch ground {
        case .workObligation: problems += workObligationProblems(context)
        case .taaleis: problems += taaleisProblems(context)
        case .otherObligation:
            if breachKind != nil { problems.append(.breachKindNeedsWorkObligation) }
            if let months, !(1...36).contains(months) { problems.append(.monthsOutOfRange) }
            if months == nil { problems.append(.monthsMissing) }
            if (ordinanceReference ?? "").isEmpty { problems.append(.ordinanceReferenceMissing) }
        }
        return problems
    }

    private func workObligationProblems(_ context: Context) -> [Problem] {
        var problems: [Problem] = []
        if breachKind == nil { problems.append(.breachKindMissing) }
        guard let breachOn else { return problems + [.breachDateMissing] }
        if breachOn > decidedOn { problems.append(.breachDateAfterDecision) }
        let proposal = Self.workObligationProposal(breachOn: breachOn, context: context)
        guard let step = proposal.step, let expected = proposal.months else {
            return problems + [.ordinancePeriodMissing(proposal.step ?? .lid5)]
        }
        if percentage == 100 && months == expected {
            // As the law gives it.
        } else if hasUrgentReasons {
            if percentage > 100 || (months ?? 0) > expected || (months ?? 0) < 1 { problems.append(.tailoringBeyondTheLaw) }
        } else {
            problems.append(.workObligationPeriod(step: step, months: expected))
        }
        if spread && context.ordinance?.spreadAllowed != true { problems.append(.spreadNotInOrdinance) }
        return problems
    }

    private func taaleisProblems(_ context: Context) -> [Problem] {
        var problems: [Problem] = []
        if [.meetsRequirement, .exempt].contains(context.language) { problems.append(.taaleisMet) }
        guard let facts = taaleis, let testOn = facts.testOn, let mastered = facts.mastered else { return problems + [.taaleisTestMissing] }
        if mastered { problems.append(.taaleisMet) }
        guard let noticeOn = facts.noticeOn else { return problems + [.taaleisNoticeMissing] }
        let latest = testOn.adding(days: 56)
        let proposal = Self.taaleisProposal(context: context, noticeOn: noticeOn)
        let step = proposal.taaleisStep ?? 1
        if facts.willingAndProgressing { problems.append(.taaleisWilling) }
        if step == 1 {
            if noticeOn > latest || noticeOn < testOn { problems.append(.taaleisNoticeLate(latest: latest)) }
            let month = noticeOn.adding(months: 1)
            if decidedOn < month { problems.append(.taaleisDecidedWithinTheMonth(earliest: month)) }
        } else {
            let lastStart = Self.taaleisSeries(context.earlier, noticeOn: noticeOn).map(\.startsOn).max()
            // A new test after the previous step and before this one (lid 13), without mastery or progress.
            let tested = facts.newTestOn.map { $0 > (lastStart ?? $0) && $0 <= startsOn } ?? false
            if !tested || !facts.newTestShowsNoProgress { problems.append(.taaleisNewTestMissing) }
        }
        if let earliest = proposal.earliestStart, step == 1 ? startsOn != earliest : startsOn < earliest {
            problems.append(.taaleisStart(expected: earliest))
        }
        let withinProposal = percentage <= proposal.percentage && (proposal.months.map { months != nil && months! <= $0 } ?? true)
        let tailored = hasUrgentReasons && withinProposal
        if !tailored && (percentage != proposal.percentage || months != proposal.months) {
            problems.append(.taaleisStep(step: step, expected: proposal.percentage, months: proposal.months))
        }
        return problems
    }
}
