import MeedoenCore
import MeedoenStorage
import Vapor

/// Keeps the worklists' stored due dates (issue 16) current where no change event says so: at the
/// start, once a day (a support period or regisseur that ends, a profile version that takes
/// effect), and for a whole organisation when its profile changes. A change to one file refreshes
/// that file in its own transaction (`Request.recordChange`).
enum WorklistDueMaintenance {
    static let interval: Duration = .seconds(24 * 3600)

    /// Every organisation with the profile in force today; returns the rows written.
    @discardableResult
    static func refreshAll(_ app: Application) async throws -> Int {
        let today = app.meedoen.clock.today
        var written = 0
        for organisation in try await DirectoryStore(db: app.db).organisations() {
            guard let profile = try await profile(of: organisation.id!, code: organisation.code, app) else { continue }
            written += try await WorklistDueStore(db: app.db).refresh(organisationID: organisation.id!, profile: profile, on: today)
        }
        return written
    }

    static func profile(of organisationID: UUID, code: String, _ app: Application) async throws -> PolicyProfile? {
        if let stored = try await PolicyProfileStore(db: app.db).current(organisationID, on: app.meedoen.clock.today) {
            return stored.profile
        }
        return app.meedoen.shipped.profiles[code]?.profile
    }

    /// Started by `serve`: once a day after the start; the task ends with the app.
    static func startSchedule(_ app: Application) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do { try await refreshAll(app) } catch {
                    app.logger.error("Werklijsten niet bijgewerkt: \(String(reflecting: type(of: error)))")
                }
            }
        }
    }
}
