import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// A resident of the outreach age without a running benefit, in the viewer's reach.
public struct OutreachRow: Decodable, Sendable {
    public var householdId: UUID
    public var residentId: UUID
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: Date
    public var directorName: String?
}

extension HouseholdStore {
    /// Residents recorded in Meedoen aged within the policy on `day` without a benefit of their own
    /// that day — an adult child living with parents on bijstand has none — in the households the
    /// viewer's worklists cover. Whether a
    /// startkwalificatie is recorded is read from the intake by the caller.
    public func outreachCandidates(for viewer: Viewer, onlyOwnCaseload: Bool, policy: OutreachPolicy, on day: Day) async throws
        -> [OutreachRow]
    {
        guard let sql = db as? any SQLDatabase else { return [] }
        var search = HouseholdSearch()
        if onlyOwnCaseload { search.directorID = viewer.userID }
        let scoped: SQLQueryString =
            "(SELECT h.id AS household_id, u.display_name AS director_name, bf.receives_bijstand AS bijstand "
            + scopedHouseholds(search, for: viewer, on: day) + ") s"
        let query: SQLQueryString =
            "SELECT s.household_id, r.id AS resident_id, r.given_name, r.family_name, r.date_of_birth, s.director_name FROM residents r JOIN "
            + scoped
            + " ON s.household_id = r.household_id WHERE r.date_of_birth <= \(bind: policy.bornOnOrBefore(on: day).date) AND r.date_of_birth > \(bind: policy.bornAfter(on: day).date) AND NOT (s.bijstand = \(bind: true) AND r.relation IN ('applicant', 'partner')) ORDER BY LOWER(r.family_name), r.given_name"
        return try await sql.raw(query).all(decoding: OutreachRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
