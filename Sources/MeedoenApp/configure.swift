import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import MeedoenCore
import MeedoenStorage
import Vapor

/// Sets up the app; reads like a table of contents.
public func configure(_ app: Application, settings: Settings, clock: Clock = .system, ids: IDGenerator = .random) async throws {
    try configureDatabase(app, settings.database)
    app.migrations.add(Migrations.all)
    app.migrations.add(SessionRecord.migration)

    app.meedoen = MeedoenServices(
        clock: clock, ids: ids,
        auditLog: AuditLog(database: { [unowned app] in app.db }, clock: clock, ids: ids),
        settings: settings, shipped: try ShippedData.load(from: app.directory.resourcesDirectory),
        loginLimiter: LoginRateLimiter(clock: clock))
    app.metrics = AppMetrics()

    app.views.use(.leaf)
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.passwords.use(.bcrypt(cost: 11))

    app.sessions.use(.fluent)
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

func configureDatabase(_ app: Application, _ choice: Settings.DatabaseChoice) throws {
    switch choice {
    case .sqlite(let path):
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // No SQL logging at any level: bound values can hold a BSN.
        app.databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        // Days are stored as dates; a fixed session time zone keeps them the same day on every server.
        configuration.coreConfiguration.options.additionalStartupParameters = [("TimeZone", "UTC")]
        // The PostgreSQL driver always logs SQL at some level: at trace, never shown unless LOG_LEVEL=trace.
        app.databases.use(.postgres(configuration: configuration, sqlLogLevel: .trace), as: .psql)
    }
}
