import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// One supported client (applicant or partner) with what the worklists look at.
public struct WorklistRow: Decodable, Sendable {
    public var householdId: UUID
    public var residentId: UUID
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: Date
    public var relation: String
    public var directorId: UUID?
    public var directorName: String?
    public var municipalityCode: String?
    public var supportStart: Date?
    public var lastContact: Date?
    public var groupCode: String?
    public var groupSince: Date?
    public var lastLadder: Date?
    public var planNextReview: Date?
    public var lastLawfulness: Date?
    public var lastEvaluation: Date?

    public var snapshot: CaseSnapshot? {
        guard let start = supportStart else { return nil }
        var reviews: [ScheduledReview.Kind: Day] = [:]
        reviews[.lawfulness] = lastLawfulness.map(Day.init)
        reviews[.evaluation] = lastEvaluation.map(Day.init)
        return CaseSnapshot(
            supportStart: Day(start), dateOfBirth: Day(dateOfBirth), isApplicant: relation == MemberRelation.applicant.rawValue,
            hasDirector: directorId != nil, lastContact: lastContact.map(Day.init),
            groupCode: groupCode, groupSince: groupSince.map(Day.init), municipality: municipalityCode,
            lastLadderMeasurement: lastLadder.map(Day.init), planNextReview: planNextReview.map(Day.init), lastReviews: reviews)
    }
}

extension HouseholdStore {
    /// The clients a viewer's worklists cover (the own caseload; for a team leader the teams and
    /// the files without a regisseur), with support running today, and per person the dates the
    /// worklist rules need. One query: the subqueries each read an indexed table.
    /// `countingKinds`: the contact kinds that count for the norm (nil: every kind).
    /// `dueOn`: only the clients the stored due dates (M018) put on one of these lists on the day —
    /// an indexed narrowing; the caller's rules still decide each row, so the lists say what they did.
    public func worklist(
        for viewer: Viewer, onlyOwnCaseload: Bool, on day: Day, countingKinds: [ContactKind]? = nil, dueOn lists: [Worklist.List]? = nil
    ) async throws -> [WorklistRow] {
        var search = HouseholdSearch()
        if onlyOwnCaseload { search.directorID = viewer.userID }
        let scoped: SQLQueryString =
            "(SELECT h.id AS household_id, hd.director_id AS director_id, u.display_name AS director_name, m.code AS municipality_code "
            + scopedHouseholds(search, for: viewer, on: day) + ") s"
        var due: SQLQueryString = ""
        if let lists {
            due =
                " AND r.id IN (SELECT wd.resident_id FROM worklist_due wd WHERE wd.organisation_id = \(bind: viewer.organisationID)"
                + " AND wd.list IN (\(binds: lists.map(\.rawValue))) AND " + WorklistDueStore.applies("wd", on: day) + ")"
        }
        return try await worklistRows(scoped, on: day, countingKinds: countingKinds, residents: due)
    }

    /// Every client of an organisation's households (or of some of them), for the stored due dates:
    /// no viewer, since the rows are everyone's and each list scopes them when read.
    public func worklistRows(organisationID: UUID, households: [UUID]? = nil, on day: Day, countingKinds: [ContactKind]?) async throws
        -> [WorklistRow]
    {
        let asOf = AsOf(day)
        var scoped: SQLQueryString =
            "(SELECT h.id AS household_id, hd.director_id AS director_id, u.display_name AS director_name, m.code AS municipality_code "
            + "FROM households h " + asOf.householdJoin("household_municipalities", "hm")
            + "LEFT JOIN municipalities m ON m.id = hm.municipality_id " + asOf.householdJoin("household_directors", "hd")
            + "LEFT JOIN users u ON u.id = hd.director_id WHERE h.organisation_id = \(bind: organisationID) "
        if let households { scoped += households.isEmpty ? "AND 1 = 0 " : "AND h.id IN (\(binds: households)) " }
        return try await worklistRows(scoped + ") s", on: day, countingKinds: countingKinds, residents: "")
    }

    private func worklistRows(_ scoped: SQLQueryString, on day: Day, countingKinds: [ContactKind]?, residents: SQLQueryString) async throws
        -> [WorklistRow]
    {
        guard let sql = db as? any SQLDatabase else { return [] }
        let asOf = AsOf(day)
        let latestGroup: SQLQueryString =
            "FROM group_assignments ga WHERE ga.resident_id = r.id AND " + asOf.holds("ga")
            + " ORDER BY ga.valid_from DESC, ga.recorded_at DESC LIMIT 1"
        // Every person in the benefit unit is a client (applicant and partner); what belongs to the
        // household (support, contacts, regisseur) is read once per household.
        var kindFilter: SQLQueryString = ""
        if let kinds = countingKinds {
            kindFilter = " AND c.kind IN (\(unsafeRaw: kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
            if kinds.isEmpty { kindFilter = " AND 1 = 0" }
        }
        let select: SQLQueryString = """
            SELECT * FROM (SELECT s.household_id, r.id AS resident_id, r.given_name, r.family_name, r.date_of_birth, r.relation, s.director_id,
              s.director_name, s.municipality_code,
              (SELECT MIN(sp.valid_from) FROM support_periods sp JOIN residents sm ON sm.id = sp.resident_id
                 WHERE sm.household_id = s.household_id AND \(asOf.holds("sp"))) AS support_start,
              (SELECT MAX(c.contact_on) FROM contacts c JOIN contact_participants cp ON cp.contact_id = c.id
                 WHERE cp.resident_id = r.id\(kindFilter)) AS last_contact,
              (SELECT ga.group_code \(latestGroup)) AS group_code,
              (SELECT ga.valid_from \(latestGroup)) AS group_since,
              (SELECT MAX(lm.measured_on) FROM ladder_measurements lm WHERE lm.resident_id = r.id) AS last_ladder,
              (SELECT MIN(p.next_review_on) FROM plans p WHERE p.resident_id = r.id AND p.closed_on IS NULL) AS plan_next_review,
              (SELECT MAX(cr.held_on) FROM case_reviews cr WHERE cr.resident_id = r.id AND cr.kind = 'lawfulness') AS last_lawfulness,
              (SELECT MAX(cr.held_on) FROM case_reviews cr WHERE cr.resident_id = r.id AND cr.kind = 'evaluation') AS last_evaluation
            FROM residents r JOIN 
            """
        return try await sql.raw(
            select + scoped
                + " ON s.household_id = r.household_id WHERE r.relation IN ('applicant', 'partner')" + residents
                + ") w WHERE w.support_start IS NOT NULL ORDER BY LOWER(w.family_name), w.household_id, w.relation"
        ).all(decoding: WorklistRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
