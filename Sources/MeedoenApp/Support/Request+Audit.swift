import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import Vapor

extension Request {
    /// Writes one access-log entry for this request's user, in a transaction of its own that
    /// commits before the response is sent. Every read of a person's file goes through here
    /// (R27); the purpose says why. A change is logged in its own transaction: `recordChange`.
    func audit(
        householdID: UUID? = nil, residentID: UUID? = nil, part: String, action: String, purpose: String,
        change: ChangeSummary? = nil
    ) async throws {
        try await services.auditLog.append(
            auditRecord(householdID: householdID, residentID: residentID, part: part, action: action, purpose: purpose, change: change),
            on: db)
    }

    /// Stores a change and its log entry in one transaction, which holds the log's lock from its
    /// first statement: both commit or neither does.
    func recordChange<T: Sendable>(_ body: @escaping @Sendable (AuditWriter) async throws -> T) async throws -> T {
        let outermost = AuditLog.currentTransaction == nil
        let (organisationID, services, today) = (currentUser?.organisationID, services, today)
        return try await services.auditLog.transaction(on: db) { writer in
            let result = try await body(writer)
            // The worklists' due dates of every file this change touched, in the same transaction (issue 16);
            // the profile is read only then, so a change to no file costs nothing extra.
            if outermost, let organisationID, !writer.changedHouseholds.isEmpty,
                let profile = try? await services.profile(of: organisationID, on: today, db: writer.db)?.profile
            {
                try await WorklistDueStore(db: writer.db).refresh(
                    organisationID: organisationID, households: Array(writer.changedHouseholds), profile: profile, on: today)
            }
            return result
        }
    }

    /// The one way a handler writes (issue 14): `store` runs inside the transaction (`req.households`,
    /// `req.casework` and `req.writeDB` use it), then the entry saying who changed what and why is
    /// appended; both commit or neither does, and an error thrown by `store` changes nothing.
    @discardableResult
    func recordChange<T: Sendable>(
        householdID: UUID? = nil, residentID: UUID? = nil, part: String, action: String = "wijzigen", purpose: String,
        change: ChangeSummary? = nil, _ store: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let entry = auditRecord(
            householdID: householdID, residentID: residentID, part: part, action: action, purpose: purpose, change: change)
        return try await recordChange { tx in
            let result = try await store(tx.db)
            try await tx.append(entry)
            return result
        }
    }

    /// The same, for a change whose description comes from the store (the old values it replaced).
    func recordDescribedChange(
        householdID: UUID? = nil, residentID: UUID? = nil, part: String, action: String = "wijzigen", purpose: String,
        _ store: @escaping @Sendable (any Database) async throws -> ChangeSummary?
    ) async throws {
        try await recordChange { tx in
            let change = try await store(tx.db)
            try await tx.append(
                self.auditRecord(
                    householdID: householdID, residentID: residentID, part: part, action: action, purpose: purpose, change: change))
        }
    }

    /// The database a write uses: the open change's transaction, else the request's connection.
    var writeDB: any Database { AuditLog.currentTransaction ?? db }

    var casework: CaseworkStore { CaseworkStore(db: writeDB) }

    /// One entry for a list or search page: the search text and the residents shown go into the
    /// payload, and the residents into `audit_subjects`.
    func auditList(part: FilePart = .identity, purpose: String, searchText: String?, shown residents: [UUID]) async throws {
        var record = auditRecord(part: part.rawValue, action: "lijst", purpose: purpose)
        let payload: [String: Any] = ["zoektekst": searchText ?? "", "getoond": residents.map(\.uuidString)]
        let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        record.payload = String(decoding: data, as: UTF8.self)
        record.subjects = residents
        try await services.auditLog.append(record, on: db)
    }

    /// Who a list of households showed or found: the residents on the rows; after a search, every
    /// member of the households it found (a search by a child's BSN found the child, not only the
    /// applicant on the row). A partner's rows are their linked residents already.
    func shown(_ rows: [HouseholdRow], by search: HouseholdSearch) async throws -> [UUID] {
        let searched = !(search.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        guard searched, let viewer = currentUser?.viewer, Access.scope(viewer.role, .identity, .read) != .linked else {
            return rows.map(\.applicantId)
        }
        return try await households.members(of: rows.map(\.householdId))
    }

    /// The entry as this request's user writes it.
    func auditRecord(
        householdID: UUID? = nil, residentID: UUID? = nil, part: String, action: String, purpose: String,
        change: ChangeSummary? = nil
    ) -> AuditRecord {
        let user = currentUser
        return AuditRecord(
            actorID: user?.id, actorName: user?.username ?? "onbekend", actorRole: user?.role.rawValue ?? "",
            organisationID: user?.organisationID, householdID: householdID, residentID: residentID, part: part,
            action: action, purpose: purpose, remote: clientAddress, payload: change?.json)
    }
}
