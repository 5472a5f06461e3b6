import Fluent
import Foundation
import MeedoenCore

/// A resident's own fields, as entered.
public struct ResidentFields: Sendable {
    public var bsn: BSN
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: Day
    public var relation: MemberRelation
    public var coResidentException: CoResidentException?
    public var email: String?
    public var phone: String?

    public init(
        bsn: BSN, givenName: String, familyName: String, dateOfBirth: Day, relation: MemberRelation,
        coResidentException: CoResidentException? = nil, email: String? = nil, phone: String? = nil
    ) {
        (self.bsn, self.givenName, self.familyName, self.dateOfBirth) = (bsn, givenName, familyName, dateOfBirth)
        (self.relation, self.coResidentException, self.email, self.phone) = (relation, coResidentException, email, phone)
    }

    var audit: [String: String] {
        [
            "bsn": bsn.masked, "voornaam": givenName, "achternaam": familyName, "geboortedatum": dateOfBirth.iso,
            "relatie": relation.rawValue, "uitzondering": coResidentException?.rawValue ?? "",
            "email": email ?? "", "telefoon": phone ?? "",
        ]
    }
}

public struct AddressFields: Sendable, Equatable {
    public var street: String
    public var houseNumber: String
    public var postcode: String
    public var city: String

    public init(street: String, houseNumber: String, postcode: String, city: String) {
        (self.street, self.houseNumber, self.postcode, self.city) = (street, houseNumber, postcode, city)
    }
}

public struct NewHousehold: Sendable {
    public var address: AddressFields
    public var municipalityID: UUID
    public var directorID: UUID
    public var applicant: ResidentFields
    public var benefit: BenefitFacts
    /// Start of support, and the day from which municipality, regisseur and benefit facts hold.
    public var supportStart: Day

    public init(
        address: AddressFields, municipalityID: UUID, directorID: UUID, applicant: ResidentFields, benefit: BenefitFacts, supportStart: Day
    ) {
        (self.address, self.municipalityID, self.directorID) = (address, municipalityID, directorID)
        (self.applicant, self.benefit, self.supportStart) = (applicant, benefit, supportStart)
    }
}

/// Old and new values of a change, for the audit payload.
public struct ChangeSummary: Sendable, Equatable {
    public var old: [String: String]
    public var new: [String: String]

    public init(old: [String: String] = [:], new: [String: String]) { (self.old, self.new) = (old, new) }

    public var json: String {
        let object = ["oud": old, "nieuw": new]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

extension HouseholdStore {
    public func createHousehold(_ new: NewHousehold, organisationID: UUID, by recorder: Recorder) async throws -> (
        household: UUID, applicant: UUID
    ) {
        try await requireMunicipality(new.municipalityID, organisationID: organisationID)
        try await requireDirector(new.directorID, organisationID: organisationID)
        try await requireUnusedBSN(new.applicant.bsn, organisationID: organisationID)
        let householdID = recorder.ids.next()
        let applicantID = recorder.ids.next()
        try await db.transaction { tx in
            let store = HouseholdStore(db: tx)
            try await HouseholdModel(
                id: householdID, organisationID: organisationID, street: new.address.street, houseNumber: new.address.houseNumber,
                postcode: new.address.postcode, city: new.address.city, createdAt: recorder.clock.now()
            ).create(on: tx)
            try await store.insertResident(
                applicantID, new.applicant, householdID: householdID, organisationID: organisationID, by: recorder)
            // Municipality and regisseur hold from today at the latest, so a household whose support
            // starts next month is already in its regisseur's caseload.
            let from = min(new.supportStart, recorder.clock.today)
            try await store.setMunicipality(householdID, to: new.municipalityID, from: from, organisationID: organisationID, by: recorder)
            try await store.setDirector(householdID, to: new.directorID, from: from, organisationID: organisationID, by: recorder)
            try await store.setBenefitFacts(householdID, to: new.benefit, from: new.supportStart, by: recorder)
            try await store.startSupport(applicantID, from: new.supportStart, by: recorder)
        }
        return (householdID, applicantID)
    }

    public func addMember(_ fields: ResidentFields, to householdID: UUID, organisationID: UUID, by recorder: Recorder) async throws -> UUID
    {
        guard try await household(householdID, organisationID: organisationID) != nil else { throw Problem.notFound }
        try await requireUnusedBSN(fields.bsn, organisationID: organisationID)
        let id = recorder.ids.next()
        try await insertResident(id, fields, householdID: householdID, organisationID: organisationID, by: recorder)
        return id
    }

    private func insertResident(_ id: UUID, _ fields: ResidentFields, householdID: UUID, organisationID: UUID, by recorder: Recorder)
        async throws
    {
        try await ResidentModel(
            id: id, organisationID: organisationID, householdID: householdID, bsn: fields.bsn, givenName: fields.givenName,
            familyName: fields.familyName, dateOfBirth: fields.dateOfBirth, relation: fields.relation,
            coResidentException: fields.relation == .coResident ? fields.coResidentException : nil,
            email: fields.email, phone: fields.phone, createdAt: recorder.clock.now()
        ).create(on: db)
    }

    @discardableResult
    public func updateResident(_ id: UUID, with fields: ResidentFields, organisationID: UUID) async throws -> ChangeSummary {
        guard let resident = try await residentModel(id, organisationID: organisationID) else { throw Problem.notFound }
        if fields.bsn.digits != resident.bsn { try await requireUnusedBSN(fields.bsn, organisationID: organisationID) }
        let old = ResidentFields(
            bsn: try BSN(resident.bsn), givenName: resident.givenName, familyName: resident.familyName,
            dateOfBirth: Day(resident.dateOfBirth), relation: resident.relation,
            coResidentException: resident.coResidentException, email: resident.email, phone: resident.phone)
        resident.bsn = fields.bsn.digits
        (resident.givenName, resident.familyName) = (fields.givenName, fields.familyName)
        resident.dateOfBirth = fields.dateOfBirth.date
        resident.relation = fields.relation
        resident.coResidentException = fields.relation == .coResident ? fields.coResidentException : nil
        (resident.email, resident.phone) = (fields.email, fields.phone)
        try await resident.update(on: db)
        return ChangeSummary(old: old.audit, new: fields.audit)
    }

    @discardableResult
    public func updateAddress(_ householdID: UUID, to address: AddressFields, organisationID: UUID) async throws -> ChangeSummary {
        guard let household = try await household(householdID, organisationID: organisationID) else { throw Problem.notFound }
        let old = ["adres": "\(household.street) \(household.houseNumber), \(household.postcode) \(household.city)"]
        (household.street, household.houseNumber, household.postcode, household.city) = (
            address.street, address.houseNumber, address.postcode, address.city
        )
        try await household.update(on: db)
        return ChangeSummary(old: old, new: ["adres": "\(address.street) \(address.houseNumber), \(address.postcode) \(address.city)"])
    }

    // MARK: Dated facts

    public func setMunicipality(_ householdID: UUID, to municipalityID: UUID, from: Day, organisationID: UUID, by recorder: Recorder)
        async throws
    {
        try await requireMunicipality(municipalityID, organisationID: organisationID)
        let current = try await HouseholdMunicipalityModel.query(on: db).filter(\.$household.$id == householdID).filter(
            \.$supersededAt == nil
        ).all()
        try await write(Timeline.set(municipalityID, from: from, on: current.map(\.period)), current, recorder) {
            $0.$household.id = householdID
        }
    }

    public func setDirector(_ householdID: UUID, to directorID: UUID, from: Day, organisationID: UUID, by recorder: Recorder) async throws {
        try await requireDirector(directorID, organisationID: organisationID)
        let current = try await HouseholdDirectorModel.query(on: db).filter(\.$household.$id == householdID).filter(\.$supersededAt == nil)
            .all()
        try await write(Timeline.set(directorID, from: from, on: current.map(\.period)), current, recorder) {
            $0.$household.id = householdID
        }
    }

    public func setBenefitFacts(_ householdID: UUID, to facts: BenefitFacts, from: Day, by recorder: Recorder) async throws {
        let current = try await BenefitFactsModel.query(on: db).filter(\.$household.$id == householdID).filter(\.$supersededAt == nil).all()
        try await write(Timeline.set(facts, from: from, on: current.map(\.period)), current, recorder) { $0.$household.id = householdID }
    }

    public func startSpecialGroup(
        _ residentID: UUID, _ membership: SpecialGroupModel.Membership, from: Day, to: Day?, by recorder: Recorder
    ) async throws {
        let current = try await SpecialGroupModel.query(on: db).filter(\.$resident.$id == residentID)
            .filter(\.$kind == membership.kind).filter(\.$supersededAt == nil).all()
        try await write(Timeline.set(membership, from: from, to: to, on: current.map(\.period)), current, recorder) {
            $0.$resident.id = residentID
        }
    }

    public func endSpecialGroup(_ residentID: UUID, _ kind: SpecialGroup, on day: Day, by recorder: Recorder) async throws {
        let current = try await SpecialGroupModel.query(on: db).filter(\.$resident.$id == residentID)
            .filter(\.$kind == kind).filter(\.$supersededAt == nil).all()
        try await write(Timeline.end(on: day, in: current.map(\.period)), current, recorder) { $0.$resident.id = residentID }
    }

    /// Starts a support period; refused while another one still runs on or after `from`.
    public func startSupport(_ residentID: UUID, from: Day, by recorder: Recorder) async throws {
        let current = try await SupportPeriodModel.query(on: db).filter(\.$resident.$id == residentID).filter(\.$supersededAt == nil).all()
        if current.contains(where: { $0.period.validTo.map { $0 >= from } ?? true }) { throw Problem.supportAlreadyRunning }
        try await write(Timeline.set(nil, from: from, on: current.map(\.period)), current, recorder) { $0.$resident.id = residentID }
    }

    /// Ends the support period that holds on `day`, with the outflow reason.
    public func endSupport(_ residentID: UUID, on day: Day, reason: SupportEndReason, by recorder: Recorder) async throws {
        let current = try await SupportPeriodModel.query(on: db).filter(\.$resident.$id == residentID).filter(\.$supersededAt == nil).all()
        guard let holding = current.first(where: { $0.period.contains(day) }) else { throw Problem.timeline(.nothingHolds) }
        // The period is written again ending on `day`; nothing follows it until support starts anew.
        let change = TimelineChange<SupportEndReason?>(
            supersede: [holding.id!.uuidString], insert: [(holding.period.validFrom, day, reason)])
        try await SupportPeriodModel.apply(change, current: current, by: recorder, owner: { $0.$resident.id = residentID }, on: db)
    }

    /// Moves every household directed by `fromDirector` to `toDirector` from `day` (a case manager leaves).
    /// The households a regisseur directs on a day (the candidates for a transfer).
    public func caseload(of director: UUID, on day: Day) async throws -> [UUID] {
        let held = try await HouseholdDirectorModel.query(on: db).filter(\.$directorID == director)
            .filter(\.$supersededAt == nil).all().filter { $0.period.validTo.map { $0 >= day } ?? true }
        return Array(Set(held.map { $0.$household.id }))
    }

    /// Moves the chosen households of one regisseur to another from a day, and keeps the move so
    /// it can be undone. Households not (or no longer) directed by `fromDirector` are left alone.
    public func moveCaseload(
        _ chosen: [UUID], from fromDirector: UUID, to toDirector: UUID, from day: Day, organisationID: UUID, by recorder: Recorder
    ) async throws -> CaseloadMove {
        try await requireDirector(toDirector, organisationID: organisationID)
        let held = Set(try await caseload(of: fromDirector, on: day))
        let households = chosen.filter(held.contains)
        let move = CaseloadMoveModel()
        move.id = recorder.ids.next()
        (move.organisationID, move.fromDirector, move.toDirector, move.validFrom) = (organisationID, fromDirector, toDirector, day.date)
        (move.households, move.movedBy) = (households.map(\.uuidString).joined(separator: ","), recorder.userID)
        try await db.transaction { tx in
            for householdID in households {
                try await HouseholdStore(db: tx).setDirector(
                    householdID, to: toDirector, from: day, organisationID: organisationID, by: recorder)
            }
            // After the rows it wrote: a row recorded later than this is someone else's change.
            move.movedAt = recorder.clock.now()
            try await move.create(on: tx)
        }
        return CaseloadMove(move)
    }

    /// Moves back exactly the households of a transfer whose regisseur is still the one it set;
    /// returns those moved back and those skipped because their regisseur changed since.
    public func undo(_ move: CaseloadMove, today: Day, by recorder: Recorder) async throws -> (back: [UUID], skipped: [UUID]) {
        try await db.transaction { tx in
            // Read again inside the transaction: two undos at once must not both run.
            guard let fresh = try await CaseloadMoveModel.find(move.id, on: tx), fresh.undoneAt == nil else { throw Problem.alreadyUndone }
            var back: [UUID] = []
            var skipped: [UUID] = []
            let store = HouseholdStore(db: tx)
            // A move that starts later is checked on its own first day, not today.
            let day = max(today, move.validFrom)
            for householdID in move.householdIDs {
                let current = try await HouseholdDirectorModel.query(on: tx).filter(\.$household.$id == householdID)
                    .filter(\.$supersededAt == nil).all().first { $0.holds(on: day) }
                guard current?.directorID == move.toDirector, current.map({ $0.recordedAt <= move.movedAt }) ?? false else {
                    skipped.append(householdID)
                    continue
                }
                try await store.setDirector(
                    householdID, to: move.fromDirector, from: move.validFrom, organisationID: move.organisationID, by: recorder)
                back.append(householdID)
            }
            (fresh.undoneAt, fresh.undoneBy) = (recorder.clock.now(), recorder.userID)
            fresh.undoSkipped = skipped.map(\.uuidString).joined(separator: ",")
            try await fresh.update(on: tx)
            return (back, skipped)
        }
    }

    // MARK: Helpers

    private func write<R: DatedRecord>(
        _ plan: @autoclosure () throws(Timeline.Problem) -> TimelineChange<R.Value>, _ current: [R], _ recorder: Recorder,
        owner: (R) -> Void
    ) async throws {
        let change = try timeline(plan)
        try await R.apply(change, current: current, by: recorder, owner: owner, on: db)
    }

    private func timeline<T>(_ body: () throws(Timeline.Problem) -> T) throws(Problem) -> T {
        do { return try body() } catch { throw .timeline(error) }
    }

    private func requireMunicipality(_ id: UUID, organisationID: UUID) async throws {
        let found = try await MunicipalityModel.query(on: db).filter(\.$id == id).filter(\.$organisation.$id == organisationID).count()
        if found == 0 { throw Problem.unknownMunicipality }
    }

    private func requireDirector(_ id: UUID, organisationID: UUID) async throws {
        guard let user = try await UserModel.find(id, on: db), user.$organisation.id == organisationID, user.active, user.role.canBeDirector
        else { throw Problem.unknownDirector }
    }

    private func requireUnusedBSN(_ bsn: BSN, organisationID: UUID) async throws {
        if try await residentWithBSN(bsn, organisationID: organisationID) != nil { throw Problem.bsnInUse }
    }
}
