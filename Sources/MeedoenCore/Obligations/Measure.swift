/// A measure (maatregel): a reduction of the benefit for a breach of an obligation (R7). Never
/// without the proportionality check recorded — seed 002's "omgekeerde toets": first ask what this
/// person can do — and never where blame is lacking (art. 18 lid 9).
public struct Measure: Sendable, Equatable {
    public enum Ground: String, CaseIterable, Codable, Sendable {
        /// Art. 18 lid 4: the work obligations; the law prescribes 100% for 1 to 3 months.
        case workObligation
        /// Art. 18 lid 2: other obligations; percentage and duration from the maatregelenverordening.
        case otherObligation
        /// Art. 18b: the taaleis (language level 1F); 20%, then 40%, then 100% (lid 9–11).
        case taaleis
    }

    /// Verwijtbaarheid: how far the breach can be held against the person.
    public enum Blame: String, CaseIterable, Codable, Sendable {
        case full  // volledig verwijtbaar
        case reduced  // verminderd verwijtbaar: afstemmen op de omstandigheden (lid 10)
        case none  // elke vorm van verwijtbaarheid ontbreekt: geen maatregel (lid 9)
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

    public init(
        ground: Ground, breach: String, proportionalityCheck: String, blame: Blame, percentage: Int, months: Int?, startsOn: Day,
        ordinanceReference: String? = nil
    ) {
        (self.ground, self.breach, self.proportionalityCheck, self.blame) = (ground, breach, proportionalityCheck, blame)
        (self.percentage, self.months, self.startsOn, self.ordinanceReference) = (percentage, months, startsOn, ordinanceReference)
    }

    /// Art. 18 lid 3: a measure is reviewed within three months.
    public var reviewBy: Day { startsOn.adding(months: 3) }

    public enum Problem: Equatable, Sendable {
        case proportionalityCheckMissing
        case noBlame
        case workObligationPercentage  // must be 100
        case workObligationMonths  // 1 to 3
        case taaleisStep(expected: Int, months: Int?)
        /// The next step comes only after the previous six months (art. 18b lid 10 and 11).
        case taaleisTooEarly(earliest: Day)
        /// No taaleis measure for someone who meets the requirement or is exempt.
        case taaleisMet
        case percentageOutOfRange
        case monthsMissing
        case monthsOutOfRange
        case ordinanceReferenceMissing
    }

    /// The taaleis steps (art. 18b lid 9–11): the first measure 20% for six months, the second 40% for
    /// six months, from the third 100% until the level is reached. `previous` counts earlier taaleis measures.
    public static func taaleisStep(previous: Int) -> (percentage: Int, months: Int?) {
        switch previous {
        case 0: (20, 6)
        case 1: (40, 6)
        default: (100, nil)
        }
    }

    /// What earlier taaleis measures and the language level allow now.
    public struct TaaleisHistory: Sendable, Equatable {
        /// Start dates of the earlier taaleis measures (since the requirement was last met).
        public var starts: [Day]
        public var language: LanguageLevel

        public init(starts: [Day] = [], language: LanguageLevel = .belowRequirement) { (self.starts, self.language) = (starts, language) }
    }

    /// Everything that stops this measure from being imposed; empty when it may be.
    public func problems(taaleis history: TaaleisHistory = TaaleisHistory()) -> [Problem] {
        var problems: [Problem] = []
        if proportionalityCheck.trimmingCharacters(in: .whitespacesAndNewlines).count < 20 { problems.append(.proportionalityCheckMissing) }
        if blame == .none { problems.append(.noBlame) }
        switch ground {
        case .workObligation:
            // Lid 10 lets the measure be tailored where blame is reduced; otherwise the law fixes it.
            if blame == .full && percentage != 100 { problems.append(.workObligationPercentage) }
            if !(1...3).contains(months ?? 0) { problems.append(.workObligationMonths) }
        case .taaleis:
            if [.meetsRequirement, .exempt].contains(history.language) { problems.append(.taaleisMet) }
            let step = Self.taaleisStep(previous: history.starts.count)
            if percentage != step.percentage || months != step.months {
                problems.append(.taaleisStep(expected: step.percentage, months: step.months))
            }
            // Each next step follows six months of the one before.
            if let last = history.starts.max(), startsOn < last.adding(months: 6) {
                problems.append(.taaleisTooEarly(earliest: last.adding(months: 6)))
            }
        case .otherObligation:
            if let months, !(1...36).contains(months) { problems.append(.monthsOutOfRange) }
            if months == nil { problems.append(.monthsMissing) }
            if (ordinanceReference ?? "").isEmpty { problems.append(.ordinanceReferenceMissing) }
        }
        if !(1...100).contains(percentage) { problems.append(.percentageOutOfRange) }
        return problems
    }
}
