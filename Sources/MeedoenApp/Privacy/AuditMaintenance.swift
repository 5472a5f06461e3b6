import MeedoenStorage
import Vapor

/// Keeps the access log checkable from outside: writes its head to the anchor file at least
/// every minute and at shutdown, and (when serving) verifies the whole chain once a day, so the
/// privacy officer's page can show the last verification without walking the log on each view.
final class AuditMaintenance: LifecycleHandler, @unchecked Sendable {
    static let anchorInterval: Duration = .seconds(60)
    static let verifyInterval: Duration = .seconds(24 * 3600)
    static let firstVerification: Duration = .seconds(10 * 60)

    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []
    private var lastAnchored: Int?

    /// Started by `serve` only: a command that runs once anchors at its shutdown.
    func startSchedule(_ app: Application) {
        let anchoring = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.anchorInterval)
                await self?.anchor(app)
            }
        }
        let verifying = Task {
            try? await Task.sleep(for: Self.firstVerification)
            while !Task.isCancelled {
                do { _ = try await Self.verifyAndRecord(app) } catch {
                    app.logger.error("Controle van het toegangslog mislukt: \(String(reflecting: type(of: error)))")
                }
                try? await Task.sleep(for: Self.verifyInterval)
            }
        }
        lock.withLock { tasks += [anchoring, verifying] }
    }

    func shutdownAsync(_ app: Application) async {
        for task in lock.withLock({ tasks }) { task.cancel() }
        await anchor(app)
    }

    /// Writes the head when it moved since the last anchor of this process.
    func anchor(_ app: Application) async {
        guard let anchors = app.meedoen.auditAnchors else { return }
        do {
            let head = try await AuditLog.head(on: app.db)
            guard head.seq > 0, lock.withLock({ lastAnchored }) != head.seq else { return }
            try anchors.append(seq: head.seq, hash: head.hash, at: app.meedoen.clock.now())
            lock.withLock { lastAnchored = head.seq }
        } catch {
            app.logger.error("Anker van het toegangslog niet geschreven: \(String(reflecting: type(of: error)))")
        }
    }

    /// Walks the whole chain and keeps the outcome for the privacy officer's page.
    static func verifyAndRecord(_ app: Application) async throws -> AuditVerification {
        let services = app.meedoen
        let result = try await services.auditLog.verify(on: app.db, anchors: services.auditAnchors)
        try await AuditQueries(db: app.db).record(result, id: services.ids.next(), finishedAt: services.clock.now())
        return result
    }
}

extension Application {
    private struct AuditMaintenanceKey: StorageKey { typealias Value = AuditMaintenance }

    /// Set up by `configure` when an anchor file is configured.
    var auditMaintenance: AuditMaintenance? {
        get { storage[AuditMaintenanceKey.self] }
        set { storage[AuditMaintenanceKey.self] = newValue }
    }
}
