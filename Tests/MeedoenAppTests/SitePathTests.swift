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
            let clientPages: [SitePath.ClientPage] = [
                .show, .edit, .ladder, .ladderNew, .groups, .groupsNew, .groupsEnd, .supportStart, .supportEnd, .intake,
                .intakeNew, .group, .reviews, .reviewsNew, .youthChecklist, .plans, .plansNew, .plan(.key), .planReview(.key),
                .measures, .measuresNew, .measureRevision(.key), .handovers, .handoversNew, .handoverDecision(.key), .signals,
                .signalsNew, .signalOutcome(.key),
            ]
            let householdPages: [SitePath.HouseholdPage] =
                [.show, .access, .income, .contacts, .contactsNew] + HouseholdEditController.edits.map { .edit($0.path) }
            let named: [SitePath] =
                [
                    .home, .login, .loginSecondFactor, .loginEnroll, .logout, .activate, .activatePassword, .accountPassword,
                    .accountTokens, .accountTokenRevoke(.key), .caseload, .households, .householdsSearch, .householdsNew,
                    .handovers, .handoverDecision(.key), .worklists, .worklist(.key), .teamAccessReasons, .privacy,
                    .privacyAccounts, .privacyResident(.key), .privacyResident(.key, .inzage), .privacyResident(.key, .inzageJSON),
                    .incomeCalculation, .wageCostSubsidy, .adminUsers, .adminUsersNew, .adminUser(.key, .key), .adminCaseloadMove,
                    .adminCaseloadMovePreview, .adminCaseloadMoveUndo(.key), .adminParameters, .adminProfile, .adminProfileTerms,
                    .organisationStylesheet(.key), .health, .metrics,
                ] + clientPages.map { .client(.key, $0) } + householdPages.map { .household(.key, $0) }
            XCTAssertEqual(registered, Set(named.map(\.path)), "a web route without a SitePath, or a SitePath without a route")
        }
    }
}
