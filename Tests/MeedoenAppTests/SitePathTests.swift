import Foundation
import Vapor
import XCTest

@testable import MeedoenApp

/// One enum of the app's paths (issue 14): links are built from the same value routes are registered with.
final class SitePathTests: XCTestCase {
    private let client = UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!
    private let plan = UUID(uuidString: "00000000-0000-0000-0000-0000000000B2")!

    func testLinksAreWrittenOutWithTheirIDs() {
        let examples: [(SitePath, String)] = [
            (.home, "/"),
            (.caseload, "/caseload"),
            (.household(.id(client)), "/households/\(client.uuidString)"),
            (.household(.id(client), .edit("address")), "/households/\(client.uuidString)/address"),
            (.client(.id(client), .intakeNew), "/clients/\(client.uuidString)/intake/new"),
            (.client(.id(client), .planReview(.id(plan))), "/clients/\(client.uuidString)/plans/\(plan.uuidString)/review"),
            (.worklist(.id(.contacts)), "/worklists/contacts"),
            (.privacyResident(.id(client), .inzageJSON), "/privacy/residents/\(client.uuidString)/inzage.json"),
            (.adminUser(.id(client), .id("unlock")), "/admin/users/\(client.uuidString)/unlock"),
            (.organisationStylesheet(.id("nijkerk")), "/css/organisation/nijkerk.css"),
        ]
        for (path, expected) in examples { XCTAssertEqual(path.path, expected) }
        XCTAssertEqual(SitePath.client(.key, .plan(.key)).path, "/clients/:id/plans/:plan")
        XCTAssertEqual(
            SitePath.household(.id(client), .access).path(query: [("terug", "/clients/x y")]),
            "/households/\(client.uuidString)/access?terug=/clients/x%20y")
    }

    /// Every web route is registered through a SitePath, and each registered path is one a link can name.
    func testEveryWebRouteIsASitePath() async throws {
        try await withApp { app, _ in
            let registered = Set(
                app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") }.filter { !$0.hasPrefix("/api/") })
            let named = SitePath.allKeyed
            XCTAssertEqual(registered, Set(named.map(\.path)), "a web route without a SitePath, or a SitePath without a route")
            XCTAssertEqual(named.count, Set(named.map(\.path)).count, "no two cases make the same path")
        }
    }

    /// The templates' `page.links.…` names exist, so a typo is a failing test, not an empty href.
    func testEveryLinkATemplateNamesExists() throws {
        let views = URL(fileURLWithPath: packageRoot).appendingPathComponent("Resources/Views")
        let client = SitePath.links(client: plan, household: plan)
        let household = SitePath.links(household: plan)
        for (template, links) in [("client.leaf", client), ("household.leaf", household)] {
            let text = try String(contentsOf: views.appendingPathComponent(template), encoding: .utf8)
            let used = Set(
                text.components(separatedBy: "page.links.").dropFirst().map { String($0.prefix { $0.isLetter || $0.isNumber }) })
            XCTAssertFalse(used.isEmpty, template)
            XCTAssertTrue(used.isSubset(of: Set(links.keys)), "\(template): \(used.subtracting(links.keys))")
        }
    }

    /// Templates link to fixed pages through `layout.paths`: every name they use exists, each is a
    /// route of the app, and no template spells a path itself.
    func testTemplatesLinkThroughLayoutPaths() async throws {
        let views = URL(fileURLWithPath: packageRoot).appendingPathComponent("Resources/Views")
        let paths = try JSONSerialization.jsonObject(with: JSONEncoder().encode(FixedPaths())) as! [String: String]
        var used = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: views.path) where name.hasSuffix(".leaf") {
            let text = try String(contentsOf: views.appendingPathComponent(name), encoding: .utf8)
            used.formUnion(text.components(separatedBy: "layout.paths.").dropFirst().map { String($0.prefix { $0.isLetter }) })
            XCTAssertNil(
                text.range(of: #"(href|action)="/"#, options: .regularExpression), "\(name) spells a path; use layout.paths or page data")
        }
        XCTAssertTrue(used.isSubset(of: Set(paths.keys)), "\(used.subtracting(paths.keys))")
        try await withApp { app, _ in
            let registered = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            for (name, path) in paths where name != "stylesheet" {
                XCTAssertTrue(registered.contains(path), "\(name): \(path) is no route")
            }
        }
    }
}
