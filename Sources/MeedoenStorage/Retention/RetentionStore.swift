import Fluent
import Foundation
import MeedoenCore

/// A record that personal data was destroyed, kept without the personal data itself.
public final class DestructionRecordModel: Model, @unchecked Sendable {
    public static let schema = "destruction_records"
    @ID public var id: UUID?
    @Field(key: "at") public var at: Date
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "household_id") public var householdID: UUID?
    @Field(key: "count") public var count: Int
    @Field(key: "rule") public var rule: String

    public init() {}
}
/// Finds what has passed its term and anonymises it: names, BSN, contact details and address go;
/// the household, its dated facts and the birth year stay, so every count stays correct.
public struct RetentionStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public struct Candidate: Sendable, Equatable {
        public var household: UUID
        public var lastSupportEnd: Day
        public var residents: Int
    }

    public struct Summary: Sendable, Equatable {
        public var households: Int
        public var residents: Int
        public var auditPayloads: Int

        public init(households: Int, residents: Int, auditPayloads: Int) {
            (self.households, self.residents, self.auditPayloads) = (households, residents, auditPayloads)
        }
    }

    public func dueFiles(today: Day, terms: RetentionTerms) async throws -> [Candidate] {
        let periods = try await SupportPeriodModel.query(on: db).filter(\.$supersededAt == nil).all()
        let residents = try await ResidentModel.query(on: db).filter(\.$givenName != "").all()
        let householdOf = Dictionary(uniqueKeysWithValues: residents.map { ($0.id!, $0.$household.id) })
        var byHousehold: [UUID: [SupportPeriodModel]] = [:]
        for period in periods { if let household = householdOf[period.$resident.id] { byHousehold[household, default: []].append(period) } }
        let counts = Dictionary(grouping: residents, by: { $0.$household.id }).mapValues(\.count)
        return byHousehold.compactMap { household, periods in
            let lastEnd = periods.compactMap(\.validTo).max().map(Day.init)
            let open = periods.contains { $0.validTo == nil }
            guard Retention.isDue(lastSupportEnd: lastEnd, anySupportOpen: open, today: today, years: terms.clientFileYears), let lastEnd
            else { return nil }
            return Candidate(household: household, lastSupportEnd: lastEnd, residents: counts[household] ?? 0)
        }.sorted { $0.lastSupportEnd < $1.lastSupportEnd }
    }

    /// Audit payloads (old and new values) older than their term.
    public func duePayloads(now: Date, terms: RetentionTerms) async throws -> [UUID] {
        let cutoff = Calendar(identifier: .gregorian).date(byAdding: .year, value: -terms.auditPayloadYears, to: now)!
        let old = try await AuditEventModel.query(on: db).filter(\.$at < cutoff).filter(\.$payloadHash != nil).all().compactMap(\.id)
        guard !old.isEmpty else { return [] }
        return try await AuditPayloadModel.query(on: db).filter(\.$id ~~ old).filter(\.$destroyedAt == nil).all().compactMap(\.id)
    }

    /// The values go; the row stays, marked, so `audit verify` can tell destroyed from missing.
    static func destroyPayloads(_ ids: [UUID], now: Date, on db: any Database) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let live = AuditPayloadModel.query(on: db).filter(\.$id ~~ ids).filter(\.$destroyedAt == nil)
        let count = try await live.count()
        try await AuditPayloadModel.query(on: db).filter(\.$id ~~ ids).filter(\.$destroyedAt == nil)
            .set(\.$data, to: "").set(\.$destroyedAt, to: now).update()
        return count
    }

    public func run(files: [Candidate], payloads: [UUID], terms: RetentionTerms, now: Date) async throws -> Summary {
        try await db.transaction { tx in
            var summary = Summary(households: 0, residents: 0, auditPayloads: 0)
            for candidate in files {
                let members = try await ResidentModel.query(on: tx).filter(\.$household.$id == candidate.household).all()
                for member in members {
                    member.bsn = "anon-" + member.id!.uuidString.prefix(12)
                    (member.givenName, member.familyName, member.email, member.phone) = ("", "Geanonimiseerd", nil, nil)
                    member.dateOfBirth = Retention.anonymisedBirth(Day(member.dateOfBirth)).date
                    try await member.update(on: tx)
                }
                try await Self.eraseCasework(of: members.compactMap(\.id), household: candidate.household, on: tx)
                if let household = try await HouseholdModel.find(candidate.household, on: tx) {
                    (household.street, household.houseNumber, household.postcode) = ("", "", String(household.postcode.prefix(4)))
                    try await household.update(on: tx)
                }
                // Old and new values in the access log hold personal data of this household too.
                let events = try await AuditEventModel.query(on: tx).filter(\.$householdID == candidate.household).all().compactMap(\.id)
                let destroyed = try await Self.destroyPayloads(events, now: now, on: tx)
                try await record(
                    kind: "cliëntdossier", household: candidate.household, count: members.count + destroyed,
                    rule: "\(terms.clientFileYears) jaar na einde ondersteuning (\(candidate.lastSupportEnd.iso))", now: now, on: tx)
                summary.households += 1
                summary.residents += members.count
                summary.auditPayloads += destroyed
            }
            if !payloads.isEmpty {
                let existing = try await Self.destroyPayloads(payloads, now: now, on: tx)
                try await record(
                    kind: "oude/nieuwe waarden toegangslog", household: nil, count: existing, rule: "\(terms.auditPayloadYears) jaar",
                    now: now, on: tx)
                summary.auditPayloads += existing
            }
            return summary
        }
    }

    /// Free text can hold anything a resident said: it goes. What stays is what statistics need
    /// (dates, kinds, group codes, goal standings), no longer linked to a name.
    static func eraseCasework(of residents: [UUID], household: UUID, on db: any Database) async throws {
        guard !residents.isEmpty else { return }
        try await IntakeModel.query(on: db).filter(\.$resident.$id ~~ residents).delete()
        try await WorkProfileModel.query(on: db).filter(\.$resident.$id ~~ residents).delete()
        try await GroupAssignmentModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$overrideReason, to: nil)
            .set(\.$reasons, to: "").update()
        try await CaseReviewModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$outcome, to: "").update()
        let plans = try await PlanModel.query(on: db).filter(\.$resident.$id ~~ residents).all().compactMap(\.id)
        try await PlanModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$agreements, to: nil).set(\.$obligations, to: nil)
            .update()
        if !plans.isEmpty {
            try await PlanGoalModel.query(on: db).filter(\.$plan.$id ~~ plans).set(\.$description, to: "").set(\.$actions, to: nil).update()
            try await PlanReviewModel.query(on: db).filter(\.$plan.$id ~~ plans).set(\.$summary, to: nil).update()
            let reviews = try await PlanReviewModel.query(on: db).filter(\.$plan.$id ~~ plans).all().compactMap(\.id)
            if !reviews.isEmpty {
                try await GoalProgressModel.query(on: db).filter(\.$review.$id ~~ reviews).set(\.$note, to: nil).update()
            }
        }
        try await ContactModel.query(on: db).filter(\.$household.$id == household).set(\.$summary, to: nil).update()
        try await MeasureModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$breach, to: "").set(
            \.$proportionalityCheck, to: ""
        )
        .update()
        try await HandoverModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$goal, to: "").set(\.$reason, to: "")
            .set(\.$decisionNote, to: nil).update()
        try await SignalModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$subject, to: "").set(\.$outcome, to: nil).update()
        try await YouthChecklistModel.query(on: db).filter(\.$resident.$id ~~ residents).set(\.$note, to: nil).update()
    }

    private func record(kind: String, household: UUID?, count: Int, rule: String, now: Date, on db: any Database) async throws {
        let record = DestructionRecordModel()
        (record.id, record.at, record.kind, record.householdID, record.count, record.rule) = (UUID(), now, kind, household, count, rule)
        try await record.create(on: db)
    }
}
