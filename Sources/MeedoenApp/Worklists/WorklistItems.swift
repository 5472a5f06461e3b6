import MeedoenCore
import MeedoenStorage
import Vapor

/// One row of a worklist: a client and why they are on it. The page and the API list the same items.
struct WorklistItem: Sendable, Equatable {
    var residentID: UUID
    var householdID: UUID
    var familyName: String
    var givenName: String
    var director: String?
    var reason: WorklistReason
    var lastContact: Day?

    /// "Family, Given", as the list shows and sorts it.
    var sortName: String { "\(familyName), \(givenName)" }

    /// Late first, so page one is the day's work; then by name as shown.
    static func inWorkOrder(_ a: WorklistItem, _ b: WorklistItem) -> Bool {
        (a.reason.isLate ? 0 : 1, a.sortName) < (b.reason.isLate ? 0 : 1, b.sortName)
    }
}

extension Worklist {
    /// The lists a viewer has: "zonder regisseur" for the teamleider, outreach where the profile turns it on.
    static func lists(for role: Role, profile: PolicyProfile) -> [Worklist.List] {
        Worklist.List.allCases.filter { ($0 != .noDirector || role == .teamLeader) && ($0 != .outreach || profile.outreach != nil) }
    }
}

extension Request {
    /// Every client in the viewer's reach (their caseload; the teamleider's teams) on the list, in work order.
    func worklistItems(_ list: Worklist.List, profile: PolicyProfile) async throws -> [WorklistItem] {
        let items = list == .outreach ? try await outreachItems(profile: profile) : try await reasonItems(profile: profile, on: [list])
        return items.filter { $0.reason.list == list }.sorted(by: WorklistItem.inWorkOrder)
    }

    /// How many clients are on each list the viewer has (a client with two reviews due counts once).
    func worklistCounts(profile: PolicyProfile) async throws -> [Worklist.List: Int] {
        let viewer = try requireViewer()
        let lists = Worklist.lists(for: viewer.role, profile: profile).filter { $0 != .outreach }
        var counts = Dictionary(grouping: try await reasonItems(profile: profile, on: lists), by: \.reason.list).mapValues {
            Set($0.map(\.residentID)).count
        }
        if profile.outreach != nil { counts[.outreach] = try await outreachItems(profile: profile).count }
        return counts.filter { Worklist.lists(for: viewer.role, profile: profile).contains($0.key) }
    }

    /// Worklist.reasons for the clients in reach that the stored due dates put on these lists today:
    /// one item per reason. The stored rows narrow the query; the rules decide each client.
    private func reasonItems(profile: PolicyProfile, on lists: [Worklist.List]) async throws -> [WorklistItem] {
        let viewer = try requireViewer()
        let rows = try await households.worklist(
            for: viewer, onlyOwnCaseload: viewer.role != .teamLeader, on: today, countingKinds: profile.contacts.countingKinds,
            dueOn: lists)
        return rows.flatMap { row -> [WorklistItem] in
            guard let snapshot = row.snapshot else { return [] }
            return Worklist.reasons(snapshot, profile: profile, today: today).map { reason in
                WorklistItem(
                    residentID: row.residentId, householdID: row.householdId, familyName: row.familyName, givenName: row.givenName,
                    director: row.directorName, reason: reason, lastContact: row.lastContact.map(Day.init))
            }
        }
    }

    /// Seed 001 r. 435: residents of the outreach age without a running benefit and without a
    /// startkwalificatie recorded in their latest intake.
    private func outreachItems(profile: PolicyProfile) async throws -> [WorklistItem] {
        guard let policy = profile.outreach else { return [] }
        let viewer = try requireViewer()
        let candidates = try await households.outreachCandidates(
            for: viewer, onlyOwnCaseload: viewer.role != .teamLeader, policy: policy, on: today)
        let intakes = try await CaseworkStore(db: db).latestIntakes(of: candidates.map(\.residentId))
        return candidates.compactMap { candidate in
            let birth = Day(candidate.dateOfBirth)
            let education = intakes[candidate.residentId]?.education
            guard
                policy.qualifies(
                    dateOfBirth: birth, on: today, hasRunningBenefit: false, hasStartkwalificatie: education?.isStartkwalificatie == true)
            else { return nil }
            return WorklistItem(
                residentID: candidate.residentId, householdID: candidate.householdId, familyName: candidate.familyName,
                givenName: candidate.givenName, director: candidate.directorName, reason: .outreach(age: birth.age(on: today)),
                lastContact: nil)
        }
    }
}
