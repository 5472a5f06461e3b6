import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import SQLKit
import MeedoenCore
import MeedoenStorage
import Vapor

/// Sets up the app; reads like a table of contents.
public func configure(_ app: Application, settings: Settings, clock: Clock = .system, ids: IDGenerator = .random) async throws {
    try await configureDatabase(app, settings.database)
    app.migrations.add(Migrations.all)
    app.migrations.add(SessionRecord.migration)

    let auditKey = try settings.loadAuditKey(logger: app.logger)
    app.meedoen = MeedoenServices(
        clock: clock, ids: ids, auditLog: AuditLog(key: auditKey, clock: clock, ids: ids),
        settings: settings, shipped: try ShippedData.load(from: app.directory.resourcesDirectory),
        auditAnchors: settings.auditAnchorPath.map { AuditAnchorFile(path: $0, key: auditKey) },
        sessionSealer: TextSealer(deriving: "sessie", from: auditKey))
    app.metrics = AppMetrics()
    if app.meedoen.auditAnchors != nil {
        let maintenance = AuditMaintenance()
        app.auditMaintenance = maintenance
        app.lifecycle.use(maintenance)
    }

    // Slow-header clients are cut off after 10 s and silent connections after 60 s (MeedoenServer).
    app.servers.use { app in app.meedoenServer(limits: settings.connectionLimits) }

    app.views.use(.leaf)
    app.leaf.tags["chart"] = ChartTag()
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.passwords.use(.bcrypt(cost: 11))

    app.sessions.use(.fluent)
    let fluentSessions = app.sessions.driver
    app.sessions.use { _ in ChangeAwareSessions(inner: fluentSessions) }
    app.sessions.configuration.cookieName = "meedoen_sessie"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, maxAge: nil, path: "/", isSecure: settings.tls, isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = "256kb"

    // Order matters: errors are caught outermost; static files need no session.
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(tls: settings.tls))
    app.middleware.use(ErrorPagesMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionUserMiddleware())
    app.middleware.use(BearerTokenMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(RouteRuleMiddleware())

    try routes(app)
    registerCommands(app)
}

func configureDatabase(_ app: Application, _ choice: Settings.DatabaseChoice) async throws {
    switch choice {
    case .sqlite(let path):
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // No SQL logging at any level: bound values can hold a BSN.
        app.databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        // Write-ahead logging: readers never wait for the writer (each request logs its reads,
        // so there is always a writer). The setting is kept in the file itself.
        try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode = WAL").run()
    // `synchronous` stays FULL, SQLite's default (OperationsTests checks it): in WAL mode NORMAL
    // could lose the last acknowledged changes on a power cut, audit entries included. A writer
    // that finds the database locked waits and retries (sqlite-nio's busy handler), never fails.
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        // Days are stored as dates; a fixed session time zone keeps them the same day on every server.
        configuration.coreConfiguration.options.additionalStartupParameters = [("TimeZone", "UTC")]
        // The PostgreSQL driver always logs SQL at some level: at trace, never shown unless LOG_LEVEL=trace.
        app.databases.use(.postgres(configuration: configuration, sqlLogLevel: .trace), as: .psql)
    }
}
