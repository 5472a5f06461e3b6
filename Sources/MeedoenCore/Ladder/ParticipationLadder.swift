/// The participatieladder (VNG/Divosa; reference/domain.md "Participatieladder"): six rungs, the
/// lowest first. A measurement records the rung now and the expected end rung of the trajectory
/// (seed 001); moving up a rung is a result in its own right (seed 000).
public enum Rung: Int, CaseIterable, Codable, Sendable, Comparable {
    case isolated = 1  // Geïsoleerd
    case socialContacts = 2  // Sociale contacten buiten de deur
    case organisedActivities = 3  // Deelname georganiseerde activiteiten
    case unpaidWork = 4  // Onbetaald werk
    case paidWorkWithSupport = 5  // Betaald werk met ondersteuning
    case paidWork = 6  // Betaald werk zonder ondersteuning (seed 001)

    public static func < (a: Rung, b: Rung) -> Bool { a.rawValue < b.rawValue }
}

public enum MeasurementKind: String, CaseIterable, Codable, Sendable {
    case start  // bij de intake of de start van een traject
    case interim  // tussentijds
    case end  // aan het einde van een traject
}

public struct LadderMeasurement: Equatable, Sendable {
    public var measuredOn: Day
    public var rung: Rung
    public var expectedEnd: Rung?
    public var kind: MeasurementKind

    public init(measuredOn: Day, rung: Rung, expectedEnd: Rung?, kind: MeasurementKind) {
        (self.measuredOn, self.rung, self.expectedEnd, self.kind) = (measuredOn, rung, expectedEnd, kind)
    }
}

public enum Ladder {
    /// Rungs moved between the first and the latest measurement (negative: down).
    public static func movement(_ measurements: [LadderMeasurement]) -> Int {
        let ordered = measurements.sorted { $0.measuredOn < $1.measuredOn }
        guard let first = ordered.first, let last = ordered.last else { return 0 }
        return last.rung.rawValue - first.rung.rawValue
    }

    /// No measurement, or the latest older than a year: the client belongs on a worklist (issue 5).
    public static func needsMeasurement(_ measurements: [LadderMeasurement], today: Day, months: Int = 12) -> Bool {
        needsMeasurement(latest: measurements.map(\.measuredOn).max(), today: today, months: months)
    }

    public static func needsMeasurement(latest: Day?, today: Day, months: Int = 12) -> Bool {
        guard let latest else { return true }
        return latest.adding(months: months) < today
    }
}

/// The questions of a ladder measurement, one per rung from 2 up (reference/domain.md: the rung
/// meanings). The rung follows from the answers: the highest rung whose question is answered yes,
/// so the measurement shows how it was reached and two case managers measure alike.
public enum LadderQuestion: String, CaseIterable, Codable, Sendable {
    case socialContacts  // sociale contacten buiten de deur
    case organisedActivities  // deelname aan georganiseerde activiteiten (vereniging, dagbesteding, cursus)
    case unpaidWork  // onbetaald werk (vrijwilligerswerk, werkervaringsplek zonder loon)
    case paidWorkWithSupport  // betaald werk met ondersteuning (loonkostensubsidie, jobcoach, Wsw, beschut werk)
    case paidWork  // betaald werk zonder ondersteuning

    public var rung: Rung {
        switch self {
        case .socialContacts: .socialContacts
        case .organisedActivities: .organisedActivities
        case .unpaidWork: .unpaidWork
        case .paidWorkWithSupport: .paidWorkWithSupport
        case .paidWork: .paidWork
        }
    }

    /// The rung the answers put someone on: the highest answered yes, or 1 (geïsoleerd) when none is.
    public static func rung(yes answers: Set<LadderQuestion>) -> Rung {
        answers.map(\.rung).max() ?? .isolated
    }
}
