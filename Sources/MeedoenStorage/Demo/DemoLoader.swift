import Fluent
import Foundation
import MeedoenCore

/// A log-in printed after loading, one per role that has something to see.
public struct DemoLogin: Sendable {
    public var username: String
    public var role: Role
    public var organisation: String
}

public struct DemoSummary: Sendable {
    public var organisations: Int
    public var households: Int
    public var residents: Int
    public var users: Int
    public var logins: [DemoLogin]
}

/// Builds the demo data in memory from a seed and writes it in bulk, so a load takes seconds.
public struct DemoLoader {
    /// Demo data is dated relative to this day, not to the clock, so the same seed gives the same data.
    public static let referenceDay = Day(year: 2026, month: 11, day: 1)!
    public static let password = "Meedoen-demo-2026!"

    private var random: SeededRandom
    private let passwordHash: String
    private let recordedAt: Date
    private var bsnCounter = 0
    private var batch = Batch()

    public init(seed: UInt64, passwordHash: String, recordedAt: Date) {
        random = SeededRandom(seed: seed)
        (self.passwordHash, self.recordedAt) = (passwordHash, recordedAt)
    }

    public mutating func load(on db: any Database) async throws -> DemoSummary {
        var logins: [DemoLogin] = []
        for organisation in DemoCatalogue.organisations {
            logins += build(organisation)
        }
        let admin = UserModel(
            id: nextID(), organisationID: nil, username: "beheer.installatie", displayName: "Applicatiebeheer",
            role: .applicationAdmin, teamID: nil, passwordHash: passwordHash, createdAt: recordedAt)
        batch.users.append(admin)
        logins.append(DemoLogin(username: admin.username, role: .applicationAdmin, organisation: "installatie"))
        try await batch.write(on: db)
        return DemoSummary(
            organisations: batch.organisations.count, households: batch.households.count,
            residents: batch.residents.count, users: batch.users.count, logins: logins)
    }

    // MARK: Building

    private mutating func build(_ spec: DemoOrganisation) -> [DemoLogin] {
        let organisation = OrganisationModel(id: nextID(), code: spec.code, name: spec.name, colour: spec.colour)
        batch.organisations.append(organisation)
        let orgID = organisation.id!
        let municipalities = spec.municipalities.map {
            MunicipalityModel(id: nextID(), organisationID: orgID, code: $0.code, name: $0.name)
        }
        batch.municipalities += municipalities

        var logins: [DemoLogin] = []
        func user(_ prefix: String, _ name: String, _ role: Role, team: UUID? = nil, scope: [UUID] = []) -> UserModel {
            let user = UserModel(
                id: nextID(), organisationID: orgID, username: "\(prefix).\(spec.code)", displayName: name, role: role,
                teamID: team, passwordHash: passwordHash, municipalityScope: scope, createdAt: recordedAt)
            batch.users.append(user)
            return user
        }

        let teamCount = max(1, (spec.caseManagers + 7) / 8)
        var caseManagers: [UserModel] = []
        for teamNumber in 1...teamCount {
            let team = TeamModel(id: nextID(), organisationID: orgID, name: "Team \(teamNumber)", leaderID: nil)
            batch.teams.append(team)
            let leader = user("tl\(teamNumber)", personName(), .teamLeader, team: team.id)
            team.leaderID = leader.id
            if teamNumber == 1 { logins.append(DemoLogin(username: leader.username, role: .teamLeader, organisation: spec.name)) }
            let members = (0..<spec.caseManagers).filter { $0 % teamCount == teamNumber - 1 }
            for number in members {
                caseManagers.append(user("km\(number + 1)", personName(), .caseManager, team: team.id))
            }
        }
        caseManagers.sort { $0.username.localizedStandardCompare($1.username) == .orderedAscending }
        logins.insert(DemoLogin(username: caseManagers[0].username, role: .caseManager, organisation: spec.name), at: 0)
        let others: [(String, Role)] = [
            ("wgd", .employerServices), ("pc", .participationCoach), ("jc", .jobCoach), ("zp", .careProfessional),
            ("bm", .policyOfficer), ("fb", .functionalAdmin), ("pf", .privacyOfficer),
        ]
        for (prefix, role) in others {
            let created = user(prefix, personName(), role)
            if spec.code == "steenwijkerland" || role == .functionalAdmin {
                logins.append(DemoLogin(username: created.username, role: role, organisation: spec.name))
            }
        }
        if municipalities.count > 1, let tynaarlo = municipalities.first(where: { $0.name == "Tynaarlo" }) {
            // A policy officer who works for one municipality of the shared body only.
            let scoped = user("bm-tynaarlo", personName(), .policyOfficer, scope: [tynaarlo.id!])
            logins.append(DemoLogin(username: scoped.username, role: .policyOfficer, organisation: spec.name + " (alleen Tynaarlo)"))
        }

        var persons = 0
        if spec.code == "steenwijkerland" {
            for persona in DemoPersonas.all {
                persons += addPersona(
                    persona, orgID: orgID, municipality: municipalities[0], place: spec.municipalities[0].places[0],
                    director: caseManagers[0])
            }
        }
        var index = 0
        while persons < spec.persons {
            let municipalityIndex = pickMunicipality(spec.municipalities)
            persons += addGeneratedHousehold(
                orgID: orgID, municipality: municipalities[municipalityIndex], spec: spec.municipalities[municipalityIndex],
                director: caseManagers[index % caseManagers.count], organisationCode: spec.code)
            index += 1
        }
        return logins
    }

    private mutating func addPersona(
        _ persona: DemoPersona, orgID: UUID, municipality: MunicipalityModel, place: (city: String, postcodePrefix: Int),
        director: UserModel
    ) -> Int {
        let day = Self.referenceDay
        let household = newHousehold(orgID: orgID, street: persona.street, place: place)
        let start = day.adding(months: persona.supportStartYearsAgo == 0 ? -2 : -12 * persona.supportStartYearsAgo)
        let born = day.adding(months: -12 * persona.age - Int.random(in: 1...11, using: &random))
        let resident = newResident(
            orgID: orgID, household: household, bsn: persona.bsn, given: persona.givenName, family: persona.familyName, born: born,
            relation: .applicant)
        datedFacts(household: household, municipality: municipality, director: director, benefit: persona.benefit, from: start)
        batch.support.append(
            dated(SupportPeriodModel(), from: start, to: nil) {
                $0.$resident.id = resident.id!; $0.endReason = nil
            })
        for (group, yearsAgo, endedYearsAgo) in persona.specialGroups {
            let from = day.adding(months: -12 * yearsAgo)
            batch.groups.append(
                dated(SpecialGroupModel(), from: from, to: endedYearsAgo.map { day.adding(months: -12 * $0) }) {
                    $0.$resident.id = resident.id!
                    $0.value = .init(kind: group, integrationStart: group.recordsIntegrationStart ? from : nil)
                })
        }
        return 1
    }

    /// One generated household; returns the persons in its benefit unit (claimant and partner).
    private mutating func addGeneratedHousehold(
        orgID: UUID, municipality: MunicipalityModel, spec: DemoMunicipality, director: UserModel, organisationCode: String
    ) -> Int {
        let day = Self.referenceDay
        let household = newHousehold(orgID: orgID, street: random.pick(DemoCatalogue.streets), place: random.pick(spec.places))
        let family = random.pick(DemoCatalogue.familyNames)
        let applicantAge = weightedAge()
        let female = random.chance(0.55)
        let applicant = newResident(
            orgID: orgID, household: household, bsn: nextBSN(), given: givenName(female: female), family: family,
            born: birthDay(age: applicantAge), relation: .applicant)

        let composition = Double.random(in: 0..<1, using: &random)
        var category: NormCategory = applicantAge < 21 ? .under21 : .single
        var persons = 1
        var partner: ResidentModel?
        if composition < 0.16 && applicantAge >= 21 {
            category = .singleParent
            addChildren(1...3, orgID: orgID, household: household, family: family, parentAge: applicantAge)
        } else if composition < 0.34 && applicantAge >= 21 {
            category = .married
            persons = 2
            partner = newResident(
                orgID: orgID, household: household, bsn: nextBSN(), given: givenName(female: !female), family: family,
                born: birthDay(age: max(21, applicantAge + Int.random(in: -5...5, using: &random))), relation: .partner)
            if random.chance(0.5) { addChildren(1...3, orgID: orgID, household: household, family: family, parentAge: applicantAge) }
        } else if composition < 0.40 && applicantAge >= 21 {
            var members = [CostSharingMember(relation: .applicant, dateOfBirth: applicant.day)]
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let coResident = newResident(
                    orgID: orgID, household: household, bsn: nextBSN(), given: givenName(female: random.chance(0.5)),
                    family: random.pick(DemoCatalogue.familyNames), born: birthDay(age: Int.random(in: 19...62, using: &random)),
                    relation: .coResident)
                if random.chance(0.15) { coResident.coResidentException = random.pick(CoResidentException.allCases) }
                members.append(
                    CostSharingMember(relation: .coResident, dateOfBirth: coResident.day, exception: coResident.coResidentException))
            }
            // The kostendelersnorm only applies when someone besides the claimant counts.
            if CostSharing.numberOfCostSharers(members, on: day) > 1 { category = .costSharer }
        }

        // Steenwijkerland's Werkvoorzienend (308 of 1,249) are mostly Wsw employees without
        // bijstand; its Geplaatst (214) work with a partial benefit (seed 002 lines 781–806, 909–911).
        let profile = Double.random(in: 0..<1, using: &random)
        let sheltered = organisationCode == "steenwijkerland" ? 0.247 : 0.12
        let placed = sheltered + (organisationCode == "steenwijkerland" ? 0.171 : 0.10)
        var benefit = BenefitFacts(receivesBijstand: true, normCategory: category, partialBenefit: false)
        var groups: [SpecialGroup] = []
        if profile < sheltered {
            groups.append(random.chance(0.8) ? .wswIndication : .shelteredWorkIndication)
            if random.chance(0.85) {
                benefit = BenefitFacts(receivesBijstand: false, normCategory: nil, partialBenefit: false)
                groups.append(.nonBenefitClient)
            }
        } else if profile < placed {
            benefit.partialBenefit = true
            if random.chance(0.4) { groups.append(.targetGroupRegister) }
        }
        if random.chance(0.08) { groups.append(.statusHolder) }
        if applicantAge < 23 && random.chance(0.4) { groups.append(.schoolLeaverPrOVSO) }

        let start = day.adding(days: -Int.random(in: 20...(365 * 12), using: &random))
        let ended = random.chance(0.08)
        let end = ended ? min(day.adding(days: -1), start.adding(days: Int.random(in: 60...900, using: &random))) : nil
        datedFacts(household: household, municipality: municipality, director: director, benefit: benefit, from: start, to: end)
        let reason =
            ended ? random.pick([SupportEndReason.work, .work, .work, .movedAway, .otherIncome, .education, .noLongerEntitled]) : nil
        batch.support.append(
            dated(SupportPeriodModel(), from: start, to: end) {
                $0.$resident.id = applicant.id!; $0.endReason = reason
            })
        if !ended {
            addContacts(for: household, clients: [applicant.id!] + (partner.map { [$0.id!] } ?? []), since: start, director: director)
        }
        // Nijkerk and Wijchen place every client on the participatieladder (seeds 000/001, 004).
        if ["nijkerk", "wijchen"].contains(organisationCode) {
            addLadder(for: applicant, from: start, sheltered: groups.contains(.wswIndication))
        }
        for group in groups {
            let from = group == .statusHolder ? start.adding(days: -Int.random(in: 30...1500, using: &random)) : start
            batch.groups.append(
                dated(SpecialGroupModel(), from: from, to: nil) {
                    $0.$resident.id = applicant.id!
                    $0.value = .init(kind: group, integrationStart: group.recordsIntegrationStart ? from : nil)
                })
        }
        return persons
    }

    /// Zero to three contacts; about one household in six has had none this year or last. With a
    /// couple, most contacts are with both, some with one of them (the norm is per person).
    private mutating func addContacts(for household: HouseholdModel, clients: [UUID], since start: Day, director: UserModel) {
        let count = [0, 1, 1, 2, 2, 3].randomElement(using: &random)!
        for _ in 0..<count {
            let daysAgo = Int.random(in: 1...620, using: &random)
            let day = Self.referenceDay.adding(days: -daysAgo)
            guard day >= start else { continue }
            let contact = ContactModel()
            contact.id = nextID()
            contact.$household.id = household.id!
            (contact.contactOn, contact.kind, contact.summary) = (day.date, random.pick(ContactKind.allCases), nil)
            (contact.recordedBy, contact.recordedAt) = (director.id, recordedAt)
            batch.contacts.append(contact)
            let who =
                clients.count < 2 ? clients : random.pick([clients, clients, clients, clients, [clients[0]], [clients[0]], [clients[1]]])
            batch.participants += who.map { (contact.id!, $0) }
        }
    }

    /// A start measurement and, for some, a later one: mostly the same rung or one up.
    private mutating func addLadder(for resident: ResidentModel, from start: Day, sheltered: Bool) {
        let rung = sheltered ? 5 : [1, 2, 2, 3, 3, 3, 4, 4, 5].randomElement(using: &random)!
        let expected = min(6, rung + Int.random(in: 0...2, using: &random))
        func measurement(_ day: Day, _ rung: Int, _ kind: MeasurementKind) {
            let model = LadderMeasurementModel()
            model.id = nextID()
            model.$resident.id = resident.id!
            (model.measuredOn, model.rung, model.expectedEndRung, model.kind) = (day.date, rung, expected, kind)
            (model.measuredBy, model.recordedAt) = (nil, recordedAt)
            // Everyone on a rung also does what the rungs below it ask, except paid work without support.
            model.answers = LadderQuestion.allCases.filter { $0.rung.rawValue <= rung && !($0 == .paidWorkWithSupport && rung == 6) }
                .map(\.rawValue).joined(separator: ",")
            batch.ladder.append(model)
        }
        measurement(start, rung, .start)
        let later = start.adding(months: Int.random(in: 6...18, using: &random))
        if later < Self.referenceDay, random.chance(0.6) {
            measurement(later, min(6, rung + [0, 0, 1, 1, 2, -1].randomElement(using: &random)!).clamped(), .interim)
        }
    }

    private mutating func datedFacts(
        household: HouseholdModel, municipality: MunicipalityModel, director: UserModel, benefit: BenefitFacts, from: Day, to: Day? = nil
    ) {
        let householdID = household.id!
        batch.municipalityFacts.append(
            dated(HouseholdMunicipalityModel(), from: from, to: nil) {
                $0.$household.id = householdID; $0.municipalityID = municipality.id!
            })
        batch.directors.append(
            dated(HouseholdDirectorModel(), from: from, to: nil) {
                $0.$household.id = householdID; $0.directorID = director.id!
            })
        batch.benefits.append(
            dated(BenefitFactsModel(), from: from, to: to) {
                $0.$household.id = householdID; $0.value = benefit
            })
    }

    private mutating func dated<R: DatedRecord>(_ record: R, from: Day, to: Day?, _ configure: (R) -> Void) -> R {
        record.id = nextID()
        record.validFrom = from.date
        record.validTo = to?.date
        record.recordedAt = recordedAt
        record.recordedBy = nil
        configure(record)
        return record
    }

    private mutating func addChildren(_ count: ClosedRange<Int>, orgID: UUID, household: HouseholdModel, family: String, parentAge: Int) {
        for _ in 0..<Int.random(in: count, using: &random) {
            let age = Int.random(in: 0...min(17, max(0, parentAge - 19)), using: &random)
            _ = newResident(
                orgID: orgID, household: household, bsn: nextBSN(), given: givenName(female: random.chance(0.5)), family: family,
                born: birthDay(age: age), relation: .child)
        }
    }

    private mutating func newHousehold(orgID: UUID, street: String, place: (city: String, postcodePrefix: Int)) -> HouseholdModel {
        let letters = Array("ABCDEGHJKLMNPRSTVWXZ")
        let postcode = "\(place.postcodePrefix + Int.random(in: 0...3, using: &random)) \(random.pick(letters))\(random.pick(letters))"
        let household = HouseholdModel(
            id: nextID(), organisationID: orgID, street: street, houseNumber: String(Int.random(in: 1...180, using: &random)),
            postcode: postcode, city: place.city, createdAt: recordedAt)
        batch.households.append(household)
        return household
    }

    private mutating func newResident(
        orgID: UUID, household: HouseholdModel, bsn: String, given: String, family: String, born: Day, relation: MemberRelation
    ) -> ResidentModel {
        let resident = ResidentModel(
            id: nextID(), organisationID: orgID, householdID: household.id!, bsn: try! BSN(bsn), givenName: given,
            familyName: family, dateOfBirth: born, relation: relation,
            email: relation == .applicant && random.chance(0.6)
                ? "\(given.lowercased().folding(options: .diacriticInsensitive, locale: nil)).\(Int.random(in: 10...99, using: &random))@example.nl"
                : nil,
            phone: relation == .applicant ? "06-\(Int.random(in: 10_000_000...99_999_999, using: &random))" : nil,
            createdAt: recordedAt)
        batch.residents.append(resident)
        return resident
    }

    // MARK: Small pieces

    /// Test BSNs in the 999 range that pass the 11-proef (reference/domain.md), skipping the personas'.
    private mutating func nextBSN() -> String {
        while true {
            bsnCounter += 1
            let body = "999" + String(format: "%05d", bsnCounter)
            // Of the ten possible last digits at most one passes the 11-proef.
            guard let bsn = (0...9).map({ body + String($0) }).first(where: BSN.passesElevenTest) else { continue }
            if !DemoPersonas.bsns.contains(bsn) { return bsn }
        }
    }

    private mutating func nextID() -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<16 { bytes[i] = UInt8.random(in: 0...255, using: &random) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// Seed 002 (lines 913–919): the largest share of the caseload is 56–66.
    private mutating func weightedAge() -> Int {
        let bands: [(ClosedRange<Int>, Double)] = [(18...26, 0.12), (27...35, 0.17), (36...45, 0.18), (46...55, 0.21), (56...66, 0.32)]
        var roll = Double.random(in: 0..<1, using: &random)
        for (band, weight) in bands {
            if roll < weight { return Int.random(in: band, using: &random) }
            roll -= weight
        }
        return 60
    }

    private mutating func birthDay(age: Int) -> Day {
        Self.referenceDay.adding(days: -(age * 365 + age / 4) - Int.random(in: 1...364, using: &random))
    }

    private mutating func givenName(female: Bool) -> String {
        random.pick(female ? DemoCatalogue.givenNamesFemale : DemoCatalogue.givenNamesMale)
    }

    private mutating func personName() -> String {
        "\(givenName(female: random.chance(0.6))) \(random.pick(DemoCatalogue.familyNames))"
    }

    private mutating func pickMunicipality(_ municipalities: [DemoMunicipality]) -> Int {
        var roll = Double.random(in: 0..<1, using: &random)
        for (index, municipality) in municipalities.enumerated() {
            if roll < municipality.share { return index }
            roll -= municipality.share
        }
        return municipalities.count - 1
    }
}

/// Everything built, written table by table in chunks inside one transaction.
private struct Batch {
    var organisations: [OrganisationModel] = []
    var municipalities: [MunicipalityModel] = []
    var teams: [TeamModel] = []
    var users: [UserModel] = []
    var households: [HouseholdModel] = []
    var residents: [ResidentModel] = []
    var municipalityFacts: [HouseholdMunicipalityModel] = []
    var directors: [HouseholdDirectorModel] = []
    var benefits: [BenefitFactsModel] = []
    var groups: [SpecialGroupModel] = []
    var support: [SupportPeriodModel] = []
    var ladder: [LadderMeasurementModel] = []
    var contacts: [ContactModel] = []
    var participants: [(contact: UUID, resident: UUID)] = []

    func write(on db: any Database) async throws {
        try await db.transaction { tx in
            try await Self.insert(organisations, tx)
            try await Self.insert(municipalities, tx)
            try await Self.insert(teams, tx)
            try await Self.insert(users, tx)
            try await Self.insert(households, tx)
            try await Self.insert(residents, tx)
            try await Self.insert(municipalityFacts, tx)
            try await Self.insert(directors, tx)
            try await Self.insert(benefits, tx)
            try await Self.insert(groups, tx)
            try await Self.insert(support, tx)
            try await Self.insert(ladder, tx)
            try await Self.insert(contacts, tx)
            try await HouseholdStore(db: tx).addParticipants(participants)
        }
    }

    private static func insert<M: Model>(_ models: [M], _ db: any Database) async throws { try await insertInChunks(models, db) }
}

/// Multi-row inserts that stay under SQLite's limit on bound parameters.
func insertInChunks<M: Model>(_ models: [M], _ db: any Database) async throws {
    var start = 0
    while start < models.count {
        try await Array(models[start..<min(start + 300, models.count)]).create(on: db)
        start += 300
    }
}

extension ResidentModel {
    fileprivate var day: Day { Day(dateOfBirth) }
}

extension Int {
    fileprivate func clamped() -> Int { Swift.min(6, Swift.max(1, self)) }
}
