import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import Vapor

/// Keeps the worklists' stored due dates (issue 16) current where no change event says so: at the
/// start, every night (a support period or regisseur that starts or ends, a profile version that
/// takes effect), and for a whole organisation when its profile changes. A change to one file
/// refreshes that file in its own transaction (`Request.recordChange`).
enum WorklistDueMaintenance {
    /// Every organisation with the profile in force today; returns the rows written.
    @discardableResult
    static func refreshAll(_ app: Application) async throws -> Int {
        var written = 0
        for organisation in try await DirectoryStore(db: app.db).organisations() {
            guard let profile = try await app.meedoen.profile(of: organisation.id!, on: app.meedoen.clock.today, db: app.db)?.profile
            else { continue }
            written += try await refresh(organisation.id!, profile: profile, db: app.db, services: app.meedoen)
        }
        return written
    }

    /// One organisation, under the access log's lock: a change to a file waits rather than being
    /// overwritten by an older snapshot, and a list never reads the organisation half written.
    @discardableResult
    static func refresh(_ organisationID: UUID, profile: PolicyProfile, db: any Database, services: MeedoenServices) async throws -> Int {
        let today = services.clock.today
        return try await services.auditLog.transaction(on: db) { writer in
            try await WorklistDueStore(db: writer.db).refresh(organisationID: organisationID, profile: profile, on: today)
        }
    }

    /// Just after midnight in the Netherlands, when a new day's dated facts take effect.
    static func untilTonight(from now: Date) -> Duration {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let next = calendar.nextDate(after: now, matching: DateComponents(hour: 0, minute: 5), matchingPolicy: .nextTime) ?? now
        return .seconds(max(60, next.timeIntervalSince(now)))
    }

    /// Started by `serve`; the task ends with the app (a cancelled sleep ends it, it never runs after).
    static func startSchedule(_ app: Application) -> Task<Void, Never> {
        Task {
            while true {
                do { try await Task.sleep(for: untilTonight(from: app.meedoen.clock.now())) } catch { return }
                do { try await refreshAll(app) } catch {
                    app.logger.error("Werklijsten niet bijgewerkt: \(String(reflecting: type(of: error)))")
                }
            }
        }
    }
}
