import Fluent
import MeedoenCore
import MeedoenStorage
import SQLKit
import Vapor
import XCTVapor
import XCTest

@testable import MeedoenApp

/// The databases every storage-touching test runs on: a fresh SQLite file always, and PostgreSQL
/// when TEST_POSTGRES_URL is set (CI sets it; scripts/test starts a throwaway server).
enum Backend: CustomStringConvertible {
    case sqlite, postgres(String)

    static var available: [Backend] {
        var backends: [Backend] = [.sqlite]
        if let url = ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"], !url.isEmpty { backends.append(.postgres(url)) }
        return backends
    }

    var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

/// The fixed moment of every test: Saturday 28 November 2026, 10:00 UTC.
let testNow = Day(year: 2026, month: 11, day: 28)!.date.addingTimeInterval(10 * 3600)
let packageRoot =
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/"

/// Boots the real app on a fresh database of each backend, with the small fixture loaded.
func withEachBackend(_ test: (Application, Fixture, Backend) async throws -> Void) async throws {
    for backend in Backend.available {
        try await withApp(backend) { app, fixture in try await test(app, fixture, backend) }
    }
}

/// The database file and its write-ahead log.
func removeSQLite(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// Verifies the whole access log as `meedoen audit verify` does.
func verifyChain(_ app: Application) async throws -> AuditVerification {
    try await app.meedoen.auditLog.verify(on: app.db, anchors: app.meedoen.auditAnchors)
}

/// A clock a test can move forward.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = testNow

    var clock: Clock { Clock(now: { [self] in lock.withLock { current } }) }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

func withApp(
    _ backend: Backend = .sqlite, secondFactor: Bool = false, tls: Bool = false, clock: Clock = .fixed(testNow),
    connectionLimits: Settings.ConnectionLimits = .init(), trustedProxies: [IPRange] = [], auditKey: AuditKey = .random(),
    anchorPath: String? = nil, sqlitePath fixedPath: String? = nil, _ test: (Application, Fixture) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    app.directory = DirectoryConfiguration(workingDirectory: packageRoot)
    let sqlitePath = fixedPath ?? NSTemporaryDirectory() + "meedoen-test-\(UUID().uuidString).sqlite"
    var settings: Settings
    switch backend {
    case .sqlite: settings = Settings(database: .sqlite(path: sqlitePath), tls: tls, secondFactor: secondFactor)
    case .postgres(let url): settings = Settings(database: .postgres(url: url), tls: tls, secondFactor: secondFactor)
    }
    (settings.connectionLimits, settings.trustedProxies) = (connectionLimits, trustedProxies)
    (settings.auditKey, settings.auditAnchorPath) = (.inline(auditKey), anchorPath)
    do {
        try await configure(app, settings: settings, clock: clock, ids: .random)
        if case .postgres = backend {
            // A clean schema per test keeps tests independent.
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.autoMigrate()
        try await Meedoen.syncShippedParameters(app)
        let fixture = try await Fixture.load(on: app)
        // The fixture is written by the stores directly; its worklist due dates as the start would write them.
        try await WorklistDueMaintenance.refreshAll(app)
        try await test(app, fixture)
    } catch {
        try? await app.asyncShutdown()
        if fixedPath == nil { removeSQLite(sqlitePath) }
        throw error
    }
    try await app.asyncShutdown()
    if fixedPath == nil { removeSQLite(sqlitePath) }
}

/// Two organisations with a few users and households, written through the real stores.
struct Fixture {
    static let password = "Geheim-wachtwoord-1"

    var steenwijkerland: UUID
    var municipality: UUID
    var otherOrganisation: UUID
    var caseManager: UUID
    var otherCaseManager: UUID
    /// Directed by `caseManager`.
    var ownHousehold: UUID
    var ownApplicant: UUID
    /// Same organisation, directed by `otherCaseManager`.
    var colleagueHousehold: UUID
    /// In the other organisation.
    var foreignHousehold: UUID

    static func load(on app: Application) async throws -> Fixture {
        let db = app.db
        let hash = try app.password.hash(password)
        func organisation(_ code: String) async throws -> (UUID, UUID) {
            let id = UUID()
            try await OrganisationModel(id: id, code: code, name: "Gemeente \(code.capitalized)", colour: "#00528a").create(on: db)
            let municipality = UUID()
            try await MunicipalityModel(id: municipality, organisationID: id, code: "GM-\(code)", name: code.capitalized).create(on: db)
            return (id, municipality)
        }
        let (steenwijkerland, municipality) = try await organisation("steenwijkerland")
        let (other, otherMunicipality) = try await organisation("wijchen")
        let team = UUID()
        try await TeamModel(id: team, organisationID: steenwijkerland, name: "Team 1", leaderID: nil).create(on: db)

        var users: [String: UUID] = [:]
        func user(_ username: String, _ role: Role, organisation: UUID?, team: UUID? = nil) async throws {
            let id = UUID()
            try await UserModel(
                id: id, organisationID: organisation, username: username, displayName: username, role: role, teamID: team,
                passwordHash: hash, createdAt: testNow
            ).create(on: db)
            users[username] = id
        }
        try await user("km", .caseManager, organisation: steenwijkerland, team: team)
        try await user("km2", .caseManager, organisation: steenwijkerland)
        try await user("tl", .teamLeader, organisation: steenwijkerland)
        try await user("bm", .policyOfficer, organisation: steenwijkerland)
        try await user("fb", .functionalAdmin, organisation: steenwijkerland)
        try await user("pf", .privacyOfficer, organisation: steenwijkerland)
        try await user("jc", .jobCoach, organisation: steenwijkerland)
        try await user("wgd", .employerServices, organisation: steenwijkerland)
        try await user("pc", .participationCoach, organisation: steenwijkerland)
        try await user("zp", .careProfessional, organisation: steenwijkerland)
        try await user("beheer", .applicationAdmin, organisation: nil)
        try await user("km.wijchen", .caseManager, organisation: other)
        let leader = try await TeamModel.find(team, on: db)!
        leader.leaderID = users["tl"]
        try await leader.update(on: db)

        let store = HouseholdStore(db: db)
        func household(_ bsn: String, _ name: String, org: UUID, municipality: UUID, director: UUID) async throws -> (UUID, UUID) {
            let recorder = Recorder(userID: director, clock: .fixed(testNow), ids: .random)
            return try await store.createHousehold(
                NewHousehold(
                    address: AddressFields(street: "Kerkstraat", houseNumber: "1", postcode: "8331 AB", city: "Steenwijk"),
                    municipalityID: municipality, directorID: director,
                    applicant: ResidentFields(
                        bsn: try BSN(bsn), givenName: name, familyName: "Test", dateOfBirth: Day(year: 1991, month: 5, day: 1)!,
                        relation: .applicant),
                    benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false),
                    supportStart: Day(year: 2025, month: 1, day: 1)!),
                organisationID: org, by: recorder)
        }
        let own = try await household("999993653", "Yvonne", org: steenwijkerland, municipality: municipality, director: users["km"]!)
        let colleague = try await household("999990019", "Farah", org: steenwijkerland, municipality: municipality, director: users["km2"]!)
        let foreign = try await household("999994669", "Anne", org: other, municipality: otherMunicipality, director: users["km.wijchen"]!)
        return Fixture(
            steenwijkerland: steenwijkerland, municipality: municipality, otherOrganisation: other, caseManager: users["km"]!,
            otherCaseManager: users["km2"]!, ownHousehold: own.0, ownApplicant: own.1, colleagueHousehold: colleague.0,
            foreignHousehold: foreign.0)
    }
}

/// A browser session against the test app: keeps the session cookie and the CSRF token.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookie: String?
    var csrf: String = ""

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> XCTHTTPResponse {
        try await send(.GET, path)
    }

    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf useToken: Bool = true) async throws -> XCTHTTPResponse {
        var form = form
        if useToken { form["_csrf"] = csrf }
        return try await send(.POST, path, form: form)
    }

    private func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil) async throws -> XCTHTTPResponse {
        var captured: XCTHTTPResponse!
        try await app.test(
            method, path,
            beforeRequest: { req async throws in
                if let cookie = self.cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
                if let form { try req.content.encode(form, as: .urlEncodedForm) }
            }, afterResponse: { res in captured = res })
        if let setCookie = captured.headers.first(name: .setCookie), let pair = setCookie.split(separator: ";").first,
            pair.hasPrefix("meedoen_sessie=")
        {
            cookie = String(pair)
        }
        let body = captured.body.string
        if let range = body.range(of: "name=\"_csrf\" value=\"") {
            csrf = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
        return captured
    }

    /// Logs in through the real form and checks it worked.
    func logIn(_ username: String, password: String = Fixture.password) async throws {
        try await get("/login")
        let response = try await post("/login", ["username": username, "password": password])
        XCTAssertEqual(response.status, .seeOther, "log-in of \(username) should redirect")
        try await get("/account/tokens")  // any page with a form gives the new session's CSRF token
    }
}

final class BackendTests: XCTestCase {
    /// CI must exercise PostgreSQL, not quietly fall back to SQLite only.
    func testPostgreSQLIsTestedInCI() {
        guard ProcessInfo.processInfo.environment["CI"] == "true" else { return }
        XCTAssertTrue(Backend.available.contains { if case .postgres = $0 { true } else { false } }, "TEST_POSTGRES_URL is not set in CI")
    }
}

/// One API call with an optional bearer token and JSON body.
func apiRequest(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil) async throws
    -> XCTHTTPResponse
{
    var captured: XCTHTTPResponse!
    try await app.test(
        method, path,
        beforeRequest: { req async throws in
            if let token { req.headers.bearerAuthorization = .init(token: token) }
            if let json {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: json)
            }
        }, afterResponse: { res async throws in captured = res })
    return captured
}

/// A second instance of the app on the same database and audit key, as a second server
/// process behind a load balancer (or the same one after a restart) would be.
func makeSecondApp(like first: Application, clock: Clock = .fixed(testNow)) async throws -> Application {
    let app = try await Application.make(.testing)
    app.directory = DirectoryConfiguration(workingDirectory: packageRoot)
    do {
        try await configure(app, settings: first.meedoen.settings, clock: clock, ids: .random)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    return app
}
