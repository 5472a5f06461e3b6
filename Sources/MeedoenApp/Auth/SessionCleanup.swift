import Fluent
import Vapor

/// Deletes sessions that can no longer be used — idle past the limit, older than the absolute
/// limit, or never signed in and abandoned — at start-up and every hour, so the sessions table
/// does not keep who worked when, or what they searched for, longer than a working day.
enum SessionCleanup {
    static let interval: Duration = .seconds(3600)

    /// The number of sessions deleted.
    @discardableResult
    static func run(_ app: Application) async throws -> Int {
        let now = app.meedoen.clock.now().timeIntervalSince1970
        var expired: [UUID] = []
        for record in try await SessionRecord.query(on: app.db).all() {
            let data = record.data
            func moment(_ key: String) -> Double? { data[key].flatMap(Double.init) }
            let lastUse = [moment("seen"), moment("started"), moment("created")].compactMap { $0 }.max()
            let idle = lastUse.map { now - $0 > SessionUserMiddleware.idleLimit } ?? true
            let tooOld = moment("started").map { now - $0 > SessionUserMiddleware.absoluteLimit } ?? false
            if idle || tooOld, let id = record.id { expired.append(id) }
        }
        for chunk in stride(from: 0, to: expired.count, by: 500) {
            try await SessionRecord.query(on: app.db).filter(\.$id ~~ Array(expired[chunk..<min(chunk + 500, expired.count)])).delete()
        }
        return expired.count
    }

    static func schedule(_ app: Application) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await run(app) } catch {
                    app.logger.error("Opruimen van verlopen sessies mislukt: \(String(reflecting: type(of: error)))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
