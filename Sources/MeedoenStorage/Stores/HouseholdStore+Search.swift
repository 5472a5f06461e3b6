import Fluent
import Foundation
import MeedoenCore
import SQLKit

extension HouseholdStore {
    /// The caseload list and search: one row per household with its applicant and the facts that
    /// hold today. Plain SQL, because four "current dated record" joins read clearer that way.
    public func search(_ search: HouseholdSearch, for viewer: Viewer, on day: Day) async throws -> ResultPage<HouseholdRow> {
        let sql = try sqlDatabase()
        let from = scopedHouseholds(search, for: viewer, on: day)
        let countRow = try await sql.raw("SELECT COUNT(*) AS total " + from).first()
        let total = try countRow?.decode(column: "total", as: Int.self) ?? 0

        let direction = search.descending ? "DESC" : "ASC"
        let order: String
        switch search.sort {
        case .name: order = "LOWER(r.family_name) \(direction), LOWER(r.given_name) \(direction)"
        case .municipality: order = "m.name \(direction), LOWER(r.family_name)"
        case .director: order = "u.display_name \(direction), LOWER(r.family_name)"
        case .postcode: order = "h.postcode \(direction), h.house_number"
        }
        let select: SQLQueryString = """
            SELECT h.id AS household_id, r.id AS applicant_id, r.given_name, r.family_name, r.bsn, r.date_of_birth,
              h.street, h.house_number, h.postcode, h.city, m.name AS municipality, hd.director_id,
              u.display_name AS director_name, bf.receives_bijstand,
              (SELECT COUNT(*) FROM residents c WHERE c.household_id = h.id) AS members 
            """
        let rows = try await sql.raw(
            select + from
                + "ORDER BY \(unsafeRaw: order), h.id LIMIT \(literal: search.per) OFFSET \(literal: (search.page - 1) * search.per)"
        ).all(decoding: HouseholdRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return ResultPage(rows: rows, page: search.page, per: search.per, total: total)
    }

    /// Residents (every member, not only applicants) of the households the viewer may see.
    public func searchResidents(_ search: HouseholdSearch, for viewer: Viewer, on day: Day) async throws -> ResultPage<Resident> {
        let sql = try sqlDatabase()
        let visible: SQLQueryString = "(SELECT h.id " + scopedHouseholds(search, for: viewer, on: day) + ")"
        let total =
            try await sql.raw("SELECT COUNT(*) AS total FROM residents p WHERE p.household_id IN " + visible).first()?
            .decode(column: "total", as: Int.self) ?? 0
        let ids = try await sql.raw(
            "SELECT p.id FROM residents p WHERE p.household_id IN " + visible
                + " ORDER BY LOWER(p.family_name), LOWER(p.given_name), p.id LIMIT \(literal: search.per) OFFSET \(literal: (search.page - 1) * search.per)"
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let residents = try await ResidentModel.query(on: db).filter(\.$id ~~ ids).all()
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return ResultPage(
            rows: residents.sorted { order[$0.id!]! < order[$1.id!]! }.map(\.resident), page: search.page, per: search.per, total: total)
    }

    private func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Problem.notFound }
        return sql
    }

    /// FROM … WHERE for the households a viewer may list, with the facts that hold on `day`.
    func scopedHouseholds(_ search: HouseholdSearch, for viewer: Viewer, on day: Day) -> SQLQueryString {
        let asOf = AsOf(day)
        func currentJoin(_ table: String, _ alias: String) -> SQLQueryString { asOf.householdJoin(table, alias) }
        // A partner reaches linked residents, not households: their rows are those residents (the
        // applicant's name, BSN or age would tell about someone they are not linked to), and a
        // search matches those residents only (issue 12, point 1).
        let linkedOnly = Access.scope(viewer.role, .identity, .read) == .linked
        var from: SQLQueryString =
            linkedOnly
            ? "FROM households h JOIN residents r ON r.household_id = h.id AND r.id IN (SELECT ho.resident_id FROM handovers ho WHERE ho.to_user_id = \(bind: viewer.userID) AND ho.status = 'accepted') "
            : "FROM households h JOIN residents r ON r.household_id = h.id AND r.relation = 'applicant' "
        let searched: SQLQueryString = linkedOnly ? "s.id = r.id" : "s.household_id = h.id"
        from += currentJoin("household_municipalities", "hm")
        from += "LEFT JOIN municipalities m ON m.id = hm.municipality_id "
        from += currentJoin("household_directors", "hd")
        from += "LEFT JOIN users u ON u.id = hd.director_id "
        from += currentJoin("benefit_facts", "bf")
        from += "WHERE h.organisation_id = \(bind: viewer.organisationID) "
        if !viewer.municipalityScope.isEmpty {
            from += "AND hm.municipality_id IN (\(binds: viewer.municipalityScope)) "
        }
        // Which households a list may show follows the access matrix, like opening one file does.
        switch Access.scope(viewer.role, .identity, .read) {
        case .organisation: break
        case .team:
            from +=
                "AND (u.team_id IN (\(binds: viewer.ledTeamIDs.isEmpty ? [UUID()] : viewer.ledTeamIDs)) OR hd.director_id = \(bind: viewer.userID) OR hd.director_id IS NULL) "
        case .caseload: from += "AND hd.director_id = \(bind: viewer.userID) "
        case .linked: break  // the join above keeps the linked residents only (HandoverStatus.linking)
        case .none: from += "AND 1 = 0 "
        }
        if let municipalityID = search.municipalityID { from += "AND hm.municipality_id = \(bind: municipalityID) " }
        if let directorID = search.directorID { from += "AND hd.director_id = \(bind: directorID) " }
        if search.onlyWithBijstand { from += "AND bf.receives_bijstand = \(true) " }
        if let text = search.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let digits = text.filter(\.isNumber)
            if digits.count == 9, (try? BSN(text)) != nil {
                from += "AND EXISTS (SELECT 1 FROM residents s WHERE \(searched) AND s.bsn = \(bind: digits)) "
            } else {
                // The search text is matched literally: % and _ are no wildcards here.
                let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                let pattern = "%" + escaped + "%"
                from +=
                    "AND EXISTS (SELECT 1 FROM residents s WHERE \(searched) AND (LOWER(s.family_name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(s.given_name || ' ' || s.family_name) LIKE \(bind: pattern) ESCAPE '\\')) "
            }
        }
        return from
    }
}
