import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// Intakes, group decisions, plans and reviews for the demo clients, after the profiles are stored.
/// Every group comes from the organisation's own rules applied to generated facts, so the demo
/// shows the proposal logic at work; the shares follow seed 002's file analysis (lines 897–911).
public struct DemoCasework {
    private var random: SeededRandom
    private let recordedAt: Date
    private let today = DemoLoader.referenceDay
    /// The words a group decision stores for each condition that decided it (the app's `Dutch`).
    private let describe: @Sendable (ProposalReason) -> String

    public init(seed: UInt64, recordedAt: Date, describe: @escaping @Sendable (ProposalReason) -> String) {
        random = SeededRandom(seed: seed &+ 5)
        self.recordedAt = recordedAt
        self.describe = describe
    }

    /// Seed 002: of those neither in Wsw nor working, Direct Werk 38, Werken & Ervaren 62,
    /// Leren & Ontwikkelen 554, Zorg 73.
    enum Target: CaseIterable { case direct, experience, learning, care }
    static let weights: [(Target, Double)] = [(.direct, 38), (.experience, 62), (.learning, 554), (.care, 73)]

    struct Client: Decodable {
        var residentId: UUID
        var organisationId: UUID
        var bsn: String
        var dateOfBirth: Date
        var supportStart: Date
        var directorId: UUID?
        var municipalityCode: String?
        var postcode: String
        var partialBenefit: Bool?
    }

    public mutating func load(on db: any Database, profiles: [UUID: (version: Int, profile: PolicyProfile)]) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let asOf = AsOf(today)
        let clients = try await sql.raw(
            "SELECT r.id AS resident_id, r.organisation_id, r.bsn, r.date_of_birth, sp.valid_from AS support_start, hd.director_id, "
                + "m.code AS municipality_code, h.postcode, bf.partial_benefit "
                + "FROM residents r JOIN households h ON h.id = r.household_id "
                + "JOIN support_periods sp ON sp.resident_id = r.id AND \(asOf.holds("sp")) "
                + asOf.householdJoin("household_directors", "hd") + asOf.householdJoin("household_municipalities", "hm")
                + "LEFT JOIN municipalities m ON m.id = hm.municipality_id " + asOf.householdJoin("benefit_facts", "bf")
                + "WHERE r.relation = 'applicant' ORDER BY r.bsn"
        ).all(decoding: Client.self, keyDecodingStrategy: .convertFromSnakeCase)
        let special = try await SpecialGroupModel.query(on: db).filter(\.$supersededAt == nil).all()
        var groupsOf: [UUID: Set<SpecialGroup>] = [:]
        for record in special where record.holds(on: today) { groupsOf[record.$resident.id, default: []].insert(record.value.kind) }
        var ladders: [UUID: LadderMeasurement] = [:]
        for model in try await LadderMeasurementModel.query(on: db).sort(\.$measuredOn).all() {
            ladders[model.$resident.id] = model.measurement
        }

        var batch = CaseworkBatch()
        for client in clients {
            guard let (version, profile) = profiles[client.organisationId] else { continue }
            let groups = groupsOf[client.residentId] ?? []
            let intake = makeIntake(client, groups: groups, profile: profile)
            let facts = intake.facts(
                dateOfBirth: Day(client.dateOfBirth), ladder: ladders[client.residentId], specialGroups: groups, on: today,
                selfSufficientFrom: profile.segmentation.selfSufficientThreshold)
            let proposal = profile.segmentation.propose(for: facts, municipality: client.municipalityCode)
            batch.add(intake: intake, for: client, ready: facts[.distanceToWork] == "upTo6Months", recordedAt: recordedAt, random: &random)
            guard case .group(let code, let reasons, _) = proposal else { continue }
            let since = max(Day(client.supportStart), intake.heldOn)
            batch.add(
                group: code, reasons: reasons.map(describe), version: version, from: since, for: client, recordedAt: recordedAt,
                random: &random)
            if let reviews = profile.segmentation.group(code)?.service.reviews, random.chance(0.7) {
                for review in reviews {
                    let held = today.adding(months: -Int.random(in: 0...(review.everyMonths + 6), using: &random))
                    if held > since { batch.add(review: review, on: held, for: client, recordedAt: recordedAt) }
                }
            }
            let age = Day(client.dateOfBirth).age(on: today)
            if DemoPersonas.bsns.contains(client.bsn) || random.chance((18..<27).contains(age) ? 0.6 : 0.45) {
                batch.addPlan(for: client, group: code, from: since, today: today, recordedAt: recordedAt, random: &random)
            }
        }
        try await batch.write(on: db)
        return batch.assignments.count
    }

    private mutating func makeIntake(_ client: Client, groups: Set<SpecialGroup>, profile: PolicyProfile) -> Intake {
        let persona = DemoPersonas.intakes[client.bsn]
        let heldOn = min(today, Day(client.supportStart).adding(days: Int.random(in: 7...28, using: &random)))
        let wsw = groups.contains(.wswIndication) || groups.contains(.shelteredWorkIndication)
        let working = client.partialBenefit == true
        let target = Self.pick(Self.weights, &random)
        var answers: [Fact: String] =
            persona?.answers ?? [
                .wswOrBeschutIndication: wsw ? "yes" : "no", .employmentContract: wsw || working ? "yes" : "no",
            ]
        if persona == nil {
            switch target {
            case .direct: answers.merge([.workCapacity: "yes", .distanceToWork: "upTo6Months", .broadParticipation: "yes"]) { $1 }
            case .experience:
                answers.merge([
                    .workCapacity: random.pick(["yes", "limited"]), .distanceToWork: "sixTo24Months", .broadParticipation: "yes",
                ]) { $1 }
            case .learning:
                answers.merge([
                    .workCapacity: random.pick(["limited", "none"]), .distanceToWork: "moreThan24Months", .broadParticipation: "yes",
                ]) { $1 }
            case .care: answers.merge([.workCapacity: "none", .distanceToWork: "moreThan24Months", .broadParticipation: "no"]) { $1 }
            }
            if wsw || working { answers[.workCapacity] = "limited" }
            // WPDA and Wijchen decide on facts of their own.
            answers[.proVsoSchoolLeaver] = groups.contains(.schoolLeaverPrOVSO) ? "yes" : "no"
            answers[.entrepreneurWish] = random.chance(0.04) ? "yes" : "no"
            answers[.placeability] =
                target == .direct || working ? "yes" : target == .care ? "not" : random.pick(["difficult", "difficult", "not"])
            answers[.competences] = random.chance(0.5) ? "sufficient" : "insufficient"
            answers[.attitude] = random.pick(["positive", "positive", "hesitant", "negative"])
            answers[.supportNeed] = target == .direct ? "sporadic" : target == .care ? "intensive" : random.pick(["regular", "intensive"])
            answers[.schoolTransition] = groups.contains(.schoolLeaverPrOVSO) || random.chance(0.3) ? "yes" : "no"
        }
        let asked = Set(profile.segmentation.groups.flatMap { $0.rules.compactMap(\.fact) })
            .union([.workCapacity, .distanceToWork, .broadParticipation, .wswOrBeschutIndication, .employmentContract])
        let lowest = persona?.zrmLowest ?? (target == .direct ? .sufficient : random.pick([.notSelfSufficient, .limited, .limited]))
        var zrm: [ZRMDomain: ZRMScore] = [:]
        for domain in ZRMDomain.allCases where domain != .parenting {
            zrm[domain] = ZRMScore(rawValue: Int.random(in: lowest.rawValue...5, using: &random))!
        }
        zrm[.finances] = lowest
        let education: EducationLevel =
            persona?.education
            ?? (groups.contains(.schoolLeaverPrOVSO)
                ? random.pick([.praktijkonderwijs, .vso])
                : random.pick([.none, .vmboOrEntree, .vmboOrEntree, .startkwalificatie, .startkwalificatie, .higher]))
        return Intake(
            heldOn: heldOn, zrm: zrm,
            obstacles: random.chance(0.2) ? [Obstacle(kind: .debt, action: "Aanmelding schuldhulpverlening besproken")] : [],
            language: persona?.language ?? (groups.contains(.statusHolder) && random.chance(0.5) ? .belowRequirement : .meetsRequirement),
            education: education, workExperience: persona?.workExperience, wishes: persona?.wishes,
            answers: Facts(answers.filter { asked.contains($0.key) }))
    }

    private static func pick<T>(_ weighted: [(T, Double)], _ random: inout SeededRandom) -> T {
        var roll = Double.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &random)
        for (item, weight) in weighted {
            if roll < weight { return item }
            roll -= weight
        }
        return weighted.last!.0
    }
}
