import Fluent
import Foundation
import SQLKit

/// Failed log-in attempts per network address, in the database so the limit holds across
/// restarts and across every instance on one database. Only failures count: a town hall behind
/// one address logs in all morning without locking itself out.
///
/// An attempt is claimed before the password or code is checked (so a burst of parallel guesses
/// cannot all slip under the limit), then marked failed or released. A claim never settled (the
/// process died) counts as a failure after a minute.
public struct LoginAttemptStore: Sendable {
    public let db: any Database
    /// Failures per address within the window; attempts being checked count with them, so a
    /// burst of parallel guesses gets no more than this either.
    public var limit: Int
    public var window: TimeInterval

    public init(db: any Database, limit: Int = 20, window: TimeInterval = 5 * 60) {
        (self.db, self.limit, self.window) = (db, limit, window)
    }

    /// Claims an attempt for the address; nil when its failures and the attempts being checked
    /// right now reach the limit.
    public func reserve(address: String, now: Date) async throws -> UUID? {
        let sql = db as! any SQLDatabase
        let address = String(address.prefix(64))
        try await sql.delete(from: "login_attempts").where("at", .lessThan, SQLBind(now.addingTimeInterval(-window))).run()
        let id = UUID()
        try await sql.insert(into: "login_attempts").columns("id", "address", "at", "failed")
            .values(SQLBind(id), SQLBind(address), SQLBind(now), SQLBind(false)).run()
        let unsettledSince = now.addingTimeInterval(-60)
        guard
            let row = try await sql.raw(
                """
                SELECT COALESCE(SUM(CASE WHEN failed OR at < \(bind: unsettledSince) THEN 1 ELSE 0 END), 0) AS failures,
                       COUNT(*) AS claimed
                FROM login_attempts WHERE address = \(bind: address) AND at >= \(bind: now.addingTimeInterval(-window))
                """
            ).first()
        else { return id }
        let failures = try row.decode(column: "failures", as: Int.self)
        let claimed = try row.decode(column: "claimed", as: Int.self)
        if failures >= limit || claimed > limit {
            try await succeeded(id)
            return nil
        }
        return id
    }

    /// The attempt succeeded: it no longer counts against the address.
    public func succeeded(_ id: UUID) async throws {
        try await (db as! any SQLDatabase).delete(from: "login_attempts").where("id", .equal, SQLBind(id)).run()
    }

    /// The attempt failed: it counts for the rest of the window.
    public func failed(_ id: UUID) async throws {
        try await (db as! any SQLDatabase).update("login_attempts").set("failed", to: true).where("id", .equal, SQLBind(id)).run()
    }
}

extension DirectoryStore {
    /// Claims one attempt (password or second-factor code) on the account, atomically: nil when
    /// the account is locked, else the number of attempts counted now. Reaching `maxFailures`
    /// locks it; a correct answer gives the attempt back (`releaseAttempt`, `clearFailures`).
    public func claimAttempt(_ userID: UUID, now: Date, maxFailures: Int, lockUntil: Date) async throws -> Int? {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw(
            """
            UPDATE users SET
              failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN 1 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN 1 ELSE failed_logins + 1 END)
                >= \(bind: maxFailures) THEN \(bind: lockUntil) ELSE NULL END
            WHERE id = \(bind: userID) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            RETURNING failed_logins
            """
        ).first()
        return try row?.decode(column: "failed_logins", as: Int.self)
    }

    /// The password was right but the second factor is still to come: the attempt no longer
    /// counts, and nothing else is reset (that waits for the second factor).
    public func releaseAttempt(_ userID: UUID, maxFailures: Int) async throws {
        // A lock that a parallel wrong code set meanwhile stays.
        try await (db as! any SQLDatabase).raw(
            """
            UPDATE users SET failed_logins = failed_logins - 1,
              locked_until = CASE WHEN failed_logins - 1 >= \(bind: maxFailures) THEN locked_until ELSE NULL END
            WHERE id = \(bind: userID) AND failed_logins > 0
            """
        ).run()
    }

    /// Fully signed in: the count starts again.
    public func clearFailures(_ userID: UUID) async throws {
        try await (db as! any SQLDatabase).raw(
            "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = \(bind: userID)"
        ).run()
    }

    /// Uses a TOTP time step once: false when this or a later step was already used (a replay,
    /// or the same code sent twice at once).
    public func claimTOTPStep(_ userID: UUID, step: Int) async throws -> Bool {
        try await (db as! any SQLDatabase).raw(
            """
            UPDATE users SET totp_last_step = \(bind: step)
            WHERE id = \(bind: userID) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
            """
        ).first() != nil
    }

    /// Replaces the stored recovery codes only if nobody used one meanwhile, so one code works once.
    public func claimRecoveryCode(_ userID: UUID, from old: String, to new: String) async throws -> Bool {
        try await (db as! any SQLDatabase).raw(
            "UPDATE users SET recovery_codes = \(bind: new) WHERE id = \(bind: userID) AND recovery_codes = \(bind: old) RETURNING id"
        ).first() != nil
    }
}
