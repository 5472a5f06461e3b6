import MeedoenCore
import MeedoenStorage
import Vapor

/// A measure as read from the form or an API body (the same keys), checked by the domain
/// (Measure.problems) against the rule set, the ordinance and the earlier measures.
enum MeasureInput {
    /// The typed measure, or nil when a required part is missing (the reader says which).
    static func read(_ reader: inout FormReader) -> Measure? {
        let ground = reader.requiredOption("ground", as: Measure.Ground.self)
        let breachKind = reader.option("breachKind", as: WorkObligationBreach.self)
        let breachOn = reader.day("breachOn", notInFuture: true)
        let breach = reader.requiredText("breach", max: 2000)
        let check = reader.requiredText("proportionalityCheck", max: 4000)
        let blame = reader.requiredOption("blame", as: Measure.Blame.self)
        let percentage = reader.raw("percentage").flatMap { Int($0) }
        if percentage == nil { reader.fail("percentage", reader.raw("percentage") == nil ? .required : .outOfRange) }
        let months = reader.raw("months").flatMap { Int($0) }
        if reader.raw("months") != nil && months == nil { reader.fail("months", .outOfRange) }
        let startsOn = reader.requiredDay("startsOn")
        let decidedOn = reader.requiredDay("decidedOn")
        let ordinance = reader.text("ordinanceReference", max: 200)
        let urgent = reader.text("urgentReasons", max: 4000)
        let outcome = reader.raw("testOutcome")
        if let outcome, !["mastered", "notMastered"].contains(outcome) { reader.fail("testOutcome", .unknownOption) }
        let taaleis = Measure.Taaleis(
            testOn: reader.day("testOn", notInFuture: true), mastered: outcome.map { $0 == "mastered" },
            noticeOn: reader.day("noticeOn"), willingAndProgressing: reader.flag("willing"),
            newTestOn: reader.day("newTestOn", notInFuture: true), newTestShowsNoProgress: reader.flag("newTestNoProgress"))
        guard let ground, let blame, let percentage, let startsOn, let decidedOn else { return nil }
        return Measure(
            ground: ground, breach: breach, proportionalityCheck: check, blame: blame, percentage: percentage, months: months,
            startsOn: startsOn, ordinanceReference: ordinance, breachKind: breachKind, breachOn: breachOn, decidedOn: decidedOn,
            urgentReasons: urgent, spread: reader.flag("spread"), taaleis: ground == .taaleis ? taaleis : nil)
    }

    /// The domain's refusals, each on its field (one per field); dringende redenen belong to a
    /// measure only when they lowered or shortened it.
    static func check(_ measure: inout Measure, context: Measure.Context, _ reader: inout FormReader) {
        for problem in measure.problems(context) {
            let (field, text) = Dutch.measureProblem(problem, ordinance: context.ordinance)
            if reader.issues.items.first(where: { $0.field == field }) == nil { reader.fail(field, .custom(text)) }
        }
        if !measure.isTailored(context) { measure.urgentReasons = nil }
    }
}

/// What a measure is weighed against: the rule set in force on the decision day, the profile's
/// ordinance (none when the organisation has no valid profile: a lid-5 measure is then refused,
/// naming the setting), the earlier measures and the intake's language level — with the earlier
/// measures in words for the form, read once.
struct MeasureWeighing {
    var context: Measure.Context
    var earlierLines: [String]
}

extension Request {
    func measureWeighing(for resident: Resident, organisation: UUID, decidedOn: Day? = nil) async throws -> MeasureWeighing {
        let store = CaseworkStore(db: db)
        let measures = try await store.measures(of: resident.id)
        let language = try await store.latestIntake(of: resident.id, withSensitive: false)?.intake.language
        let parameters = try await LegalParameterStore(db: db).all()
        let context = Measure.Context(
            ruleSet: MeasureRuleSet.current(on: decidedOn ?? today, parameters: parameters),
            ordinance: (try? await profile(of: organisation).profile.measures) ?? nil, earlier: measures.map(\.earlier),
            language: language ?? .unknown, today: today)
        return MeasureWeighing(context: context, earlierLines: measures.map(Dutch.measureLine))
    }
}

extension Request {
    /// Stores a checked measure with the step of art. 18 it is, and its audit entry, in one transaction.
    @discardableResult
    func recordMeasure(
        _ measure: Measure, ruleSet: MeasureRuleSet, context: Measure.Context, for resident: Resident, in file: HouseholdFile,
        purpose: String = "maatregel opleggen"
    )
        async throws -> UUID
    {
        let step =
            measure.ground == .workObligation
            ? measure.breachOn.map { Measure.workObligationProposal(breachOn: $0, context: context).step } ?? nil : nil
        let entry = auditRecord(
            householdID: file.id, residentID: resident.id, part: FilePart.measures.rawValue, action: "aanmaken",
            purpose: purpose,
            change: ChangeSummary(new: [
                "grond": measure.ground.rawValue, "procent": String(measure.percentage),
                "maanden": measure.months.map(String.init) ?? "tot voldaan", "ingang": measure.startsOn.iso,
                "besluit": measure.decidedOn.iso, "lid": step.map { String($0.lid) } ?? "", "regels": ruleSet.id,
                "dringende redenen": measure.urgentReasons == nil ? "nee" : "ja",
            ]))
        let (residentID, recorder) = (resident.id, self.recorder)
        return try await recordChange { tx in
            let id = try await CaseworkStore(db: tx.db).addMeasure(measure, ruleSet: ruleSet, step: step, for: residentID, by: recorder)
            try await tx.append(entry)
            return id
        }
    }
}
