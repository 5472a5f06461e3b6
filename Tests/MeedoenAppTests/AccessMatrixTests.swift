import Fluent
import MeedoenCore
import MeedoenStorage
import SQLKit
import XCTVapor
import XCTest

@testable import MeedoenApp

final class AccessMatrixTests: XCTestCase {
    /// A new route without a rule would be refused for everyone; this makes it fail the build instead.
    func testEveryRouteDeclaresItsRule() async throws {
        try await withApp { app, _ in
            let missing = app.routes.all.filter { $0.rule == nil }.map {
                "\($0.method) /\($0.path.map(\.description).joined(separator: "/"))"
            }
            XCTAssertEqual(missing, [])
        }
    }

    /// Role × page: what each role gets when opening the main pages (ACCESS.md).
    func testEachRoleGetsWhatTheMatrixAllows() async throws {
        try await withApp { app, fixture in
            let own = SitePath.household(.id(fixture.ownHousehold)).path
            let colleague = SitePath.household(.id(fixture.colleagueHousehold)).path
            let expected: [(user: String, path: String, status: HTTPStatus)] = [
                ("km", "/caseload", .ok), ("km", own, .ok), ("km", colleague, .seeOther), ("km", "\(own)/benefit", .ok),
                ("km", "/admin/users", .forbidden), ("km", "/households/new", .ok),
                ("km2", "\(own)/benefit", .forbidden),
                ("tl", own, .ok), ("tl", colleague, .forbidden), ("tl", "\(own)/director", .ok), ("tl", "\(own)/benefit", .forbidden),
                ("tl", "/admin/caseload-move", .ok), ("tl", "/households/new", .forbidden),
                ("bm", "/caseload", .forbidden), ("bm", "/households", .forbidden), ("bm", own, .forbidden), ("bm", "/", .ok),
                ("fb", own, .forbidden), ("fb", "/admin/users", .ok), ("fb", "/admin/caseload-move", .ok),
                ("pf", own, .forbidden), ("pf", "/households", .forbidden),
                ("jc", own, .forbidden), ("jc", SitePath.client(.id(fixture.ownApplicant)).path, .forbidden),
                ("wgd", own, .forbidden),
                ("km.wijchen", own, .notFound), ("km.wijchen", "/caseload", .ok),
            ]
            for user in Set(expected.map(\.user)) {
                let browser = Browser(app)
                try await browser.logIn(user)
                for row in expected where row.user == user {
                    let value1 = try await browser.get(row.path).status
                    XCTAssertEqual(value1, row.status, "\(user) GET \(row.path)")
                }
            }
        }
    }

    func testPolicyOfficerSeesNoPersonInTheAPIEither() async throws {
        try await withApp { app, _ in
            let token = try await APITests.token(for: "bm", app: app)
            try await app.test(
                .GET, "/api/v1/households", beforeRequest: { req async throws in req.headers.bearerAuthorization = .init(token: token) },
                afterResponse: { res async throws in
                    XCTAssertEqual(res.status, .forbidden)
                    XCTAssertTrue(res.body.string.contains("\"error\":\"forbidden\""))
                })
        }
    }

    /// Altering or removing one row of the hash-chained log is found by verify, on both backends.
    func testTamperingWithTheAuditLogIsDetected() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            for _ in 1...3 { try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path) }
            let intact = try await verifyChain(app)
            XCTAssertNil(intact.firstBrokenSeq, "\(backend): \(intact.problem ?? "")")
            XCTAssertGreaterThanOrEqual(intact.entriesChecked, 4)

            let sql = app.db as! any SQLDatabase
            let original = try await AuditEventModel.query(on: app.db).filter(\.$seq == 2).first()!.purpose
            try await sql.raw("UPDATE audit_events SET purpose = 'iets anders' WHERE seq = 2").run()
            let altered = try await verifyChain(app)
            XCTAssertEqual(altered.firstBrokenSeq, 2, "\(backend)")

            try await sql.raw("UPDATE audit_events SET purpose = \(bind: original) WHERE seq = 2").run()
            let value9 = try await verifyChain(app).firstBrokenSeq
            XCTAssertNil(value9, "\(backend): restored, the chain is whole again")
            try await sql.raw("DELETE FROM audit_events WHERE seq = 3").run()
            let value2 = try await verifyChain(app).firstBrokenSeq
            XCTAssertEqual(value2, 4, "\(backend): a removed row breaks the next link")
        }
    }
}

final class RouteWalkTests: XCTestCase {
    /// Every GET route, web and API, for every role: a route whose rule the role does not meet
    /// answers 403 (or sends a signed-out visitor to log in), and nothing answers with a 5xx.
    func testEveryRouteForEveryRole() async throws {
        try await withApp { app, fixture in
            let users = ["km", "tl", "pc", "jc", "zp", "wgd", "bm", "fb", "pf", "beheer"]
            func concrete(_ route: Route) -> String {
                "/"
                    + route.path.map { component -> String in
                        guard case .parameter(let name) = component else { return component.description }
                        if name == "code" { return "steenwijkerland" }
                        if name == "list" { return Worklist.List.contacts.rawValue }
                        if name.hasSuffix("Id") { return UUID().uuidString }  // a plan, hand-over or signal not of this file: 404
                        let path = route.path.map(\.description).joined(separator: "/")
                        if path.contains("clients") || path.contains("privacy/residents") { return fixture.ownApplicant.uuidString }
                        if path.contains("users") { return fixture.caseManager.uuidString }
                        return fixture.ownHousehold.uuidString
                    }.joined(separator: "/")
            }
            let routes = app.routes.all.filter { $0.method == .GET }
            XCTAssertGreaterThan(routes.count, 30)
            var checked = 0
            for username in users {
                let user = try await DirectoryStore(db: app.db).user(username: username)!
                let current = try await CurrentUser.load(user, on: app.db)
                let browser = Browser(app)
                try await browser.logIn(username)
                let token = try await APITests.token(for: username, app: app)
                for route in routes {
                    let path = concrete(route)
                    let isAPI = route.path.first?.description == "api"
                    let response = isAPI ? try await apiRequest(app, .GET, path, token: token) : try await browser.get(path)
                    XCTAssertLessThan(response.status.code, 500, "\(username) GET \(path)")
                    if route.rule?.permits(current) == false {
                        XCTAssertEqual(response.status, .forbidden, "\(username) GET \(path) is not theirs")
                    }
                    checked += 1
                }
            }
            print("Route walk: \(routes.count) GET routes × \(users.count) roles = \(checked) requests")

            // Every API write, for every role, with an empty body: refused by rule (403) or by
            // validation (4xx), never a server error, and nothing is written.
            let writes = app.routes.all.filter { $0.method != .GET && $0.path.first?.description == "api" }
            XCTAssertGreaterThan(writes.count, 15)
            let before = try await ContactModel.query(on: app.db).count()
            var written = 0
            for username in users {
                let user = try await DirectoryStore(db: app.db).user(username: username)!
                let current = try await CurrentUser.load(user, on: app.db)
                let token = try await APITests.token(for: username, app: app)
                for route in writes {
                    let path = concrete(route)
                    let response = try await apiRequest(app, route.method, path, token: token, json: "{}")
                    XCTAssertLessThan(response.status.code, 500, "\(username) \(route.method) \(path)")
                    if route.rule?.permits(current) == false {
                        XCTAssertEqual(response.status, .forbidden, "\(username) \(route.method) \(path) is not theirs")
                    } else if route.method == .POST, !path.hasSuffix("/search") {  // an empty PATCH keeps everything
                        XCTAssertGreaterThanOrEqual(
                            response.status.code, 400, "\(username) \(route.method) \(path): an empty body writes nothing")
                    }
                    written += 1
                }
            }
            let after = try await ContactModel.query(on: app.db).count()
            XCTAssertEqual(after, before)
            print("Route walk: \(writes.count) API writes × \(users.count) roles = \(written) requests")
        }
    }
}
