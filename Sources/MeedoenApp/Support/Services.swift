import MeedoenCore
import MeedoenStorage
import Vapor

/// The injected clock, ID generator and audit log of the running app.
public struct MeedoenServices: Sendable {
    public var clock: Clock
    public var ids: IDGenerator
    public var auditLog: AuditLog
    public var settings: Settings
    var shipped: ShippedData
    /// Where the chain's head is written outside the database; nil when not configured (tests).
    public var auditAnchors: AuditAnchorFile?
    /// Seals search texts and stated reasons before they go into the session.
    var sessionSealer: TextSealer
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = MeedoenServices }

    public var meedoen: MeedoenServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var services: MeedoenServices { application.meedoen }
    var today: Day { services.clock.today }

    /// Who records a change made in this request.
    var recorder: Recorder {
        Recorder(userID: currentUser?.id, clock: services.clock, ids: services.ids)
    }
}
