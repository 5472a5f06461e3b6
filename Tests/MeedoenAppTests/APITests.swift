import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class APITests: XCTestCase {
    static func token(for username: String, app: Application) async throws -> String {
        let user = try await DirectoryStore(db: app.db).user(username: username)!
        let token = APITokens.generate()
        try await APITokenModel(id: UUID(), userID: user.id!, name: "test", tokenHash: APITokens.hash(token), createdAt: testNow).create(
            on: app.db)
        return token
    }

    func testListingIsPagedAndScopedToTheOrganisation() async throws {
        try await withEachBackend { app, _, backend in
            let token = try await Self.token(for: "km", app: app)
            let all = try await apiRequest(app, .GET, "/api/v1/households?per=1", token: token)
            XCTAssertEqual(all.status, .ok, "\(backend)")
            let list = try all.content.decode(ListDTO<HouseholdSummaryDTO>.self)
            XCTAssertEqual(list.total, 1, "\(backend): a bulk list holds the own caseload only (issue 12)")
            XCTAssertEqual(list.items.count, 1)
            let searched = try await apiRequest(app, .POST, "/api/v1/households/search", token: token, json: #"{"q":"test"}"#)
            XCTAssertEqual(
                try searched.content.decode(ListDTO<HouseholdSummaryDTO>.self).total, 2,
                "\(backend): a search reaches both households in Steenwijkerland, Wijchen's not")
            let byBSN = try await apiRequest(app, .POST, "/api/v1/households/search", token: token, json: #"{"q":"999990019"}"#)
            XCTAssertEqual(try byBSN.content.decode(ListDTO<HouseholdSummaryDTO>.self).total, 1, "\(backend): search by BSN in the body")
            let inURL = try await apiRequest(app, .GET, "/api/v1/households?q=999990019", token: token)
            XCTAssertEqual(inURL.status, .badRequest, "search text in a URL is refused")
            let clients = try await apiRequest(app, .POST, "/api/v1/clients/search", token: token, json: #"{"q":"test"}"#).content.decode(
                ListDTO<ClientDTO>.self)
            XCTAssertEqual(clients.items.map(\.givenName), ["Yvonne"], "\(backend): client records in bulk only from one's own caseload")
        }
    }

    func testNoTokenOrARevokedTokenIsRefused() async throws {
        try await withApp { app, _ in
            let value1 = try await apiRequest(app, .GET, "/api/v1/households", token: nil).status
            XCTAssertEqual(value1, .unauthorized)
            let value2 = try await apiRequest(app, .GET, "/api/v1/households", token: "mdn_verzonnen").status
            XCTAssertEqual(value2, .unauthorized)
            let token = try await Self.token(for: "km", app: app)
            let stored = try await APITokenModel.query(on: app.db).first()!
            stored.revokedAt = testNow
            try await stored.update(on: app.db)
            let value3 = try await apiRequest(app, .GET, "/api/v1/households", token: token).status
            XCTAssertEqual(value3, .unauthorized)
        }
    }

    func testCreatingAHouseholdGivesPreciseErrorsAndCreatesOnlyValidOnes() async throws {
        try await withEachBackend { app, fixture, backend in
            let token = try await Self.token(for: "km", app: app)
            let invalid = try await apiRequest(
                app, .POST, "/api/v1/households", token: token,
                json: """
                    {"bsn":"999993241","givenName":"Pieter","familyName":"Mulder","dateOfBirth":"1981-03-14","street":"Parkweg","houseNumber":"1","postcode":"8332AB","city":"Steenwijk","municipalityId":"\(fixture.municipality)","supportStart":"2026-11-01","receivesBijstand":true}
                    """)
            XCTAssertEqual(invalid.status, .badRequest, "\(backend)")
            let error = try invalid.content.decode(ErrorPagesMiddleware.APIError.self)
            XCTAssertEqual(error.error, "validation_failed")
            XCTAssertEqual(Set(error.fields?.map(\.field) ?? []), ["bsn", "normCategory"])

            let unknownField = try await apiRequest(app, .POST, "/api/v1/households", token: token, json: #"{"bsnn":"999993240"}"#)
            XCTAssertEqual(unknownField.status, .badRequest)
            XCTAssertTrue(unknownField.body.string.contains("bsnn"))
            let value4 = try await apiRequest(app, .POST, "/api/v1/households", token: token, json: "{niet json").status
            XCTAssertEqual(value4, .badRequest)
            let value5 = try await apiRequest(app, .POST, "/api/v1/households", token: token, json: #"{"bsn":{"a":1}}"#).status
            XCTAssertEqual(value5, .badRequest)

            let created = try await apiRequest(
                app, .POST, "/api/v1/households", token: token,
                json: """
                    {"bsn":"999993240","givenName":"Pieter","familyName":"Mulder","dateOfBirth":"1981-03-14","street":"Parkweg","houseNumber":"1","postcode":"8332AB","city":"Steenwijk","municipalityId":"\(fixture.municipality)","supportStart":"2026-11-01","receivesBijstand":true,"normCategory":"institution"}
                    """)
            XCTAssertEqual(created.status, .created, "\(backend): \(created.body.string)")
            let household = try created.content.decode(HouseholdDTO.self)
            XCTAssertEqual(household.members.first?.bsn, "999993240")
            XCTAssertEqual(household.benefit?.normCategory, .institution)
            XCTAssertEqual(household.director?.id, fixture.caseManager)
        }
    }

    func testAnotherOrganisationsRecordIsNotFoundAndChangesNothing() async throws {
        try await withApp { app, fixture in
            let token = try await Self.token(for: "km", app: app)
            let response = try await apiRequest(
                app, .PATCH, "/api/v1/households/\(fixture.foreignHousehold)", token: token, json: #"{"street":"Gekaapt"}"#)
            XCTAssertEqual(response.status, .notFound)
            let value6 = try await HouseholdModel.find(fixture.foreignHousehold, on: app.db)?.street
            XCTAssertEqual(value6, "Kerkstraat")
        }
    }

    func testBenefitFactsArriveDatedFromTheIncomeAdministration() async throws {
        try await withApp { app, fixture in
            let token = try await Self.token(for: "km", app: app)
            let response = try await apiRequest(
                app, .POST, "/api/v1/households/\(fixture.ownHousehold)/benefit-facts", token: token,
                json: #"{"receivesBijstand":false,"validFrom":"2026-10-01"}"#)
            XCTAssertEqual(response.status, .ok, response.body.string)
            let household = try response.content.decode(HouseholdDTO.self)
            XCTAssertEqual(household.benefit?.receivesBijstand, false)
            XCTAssertEqual(household.benefitHistory?.count, 2)
        }
    }

    /// The document is generated from the routed operations; this checks the two ways round.
    func testOpenAPIListsExactlyTheRoutesThatExist() async throws {
        try await withApp { app, _ in
            let response = try await apiRequest(app, .GET, "/api/v1/openapi.json", token: nil)
            let document = try response.content.decode(JSONValue.self)
            guard case .object(let paths) = document["paths"] else { return XCTFail("no paths") }
            var documented = Set<String>()
            for (path, item) in paths {
                guard case .object(let methods) = item else { continue }
                for method in methods.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            let routed = Set(
                app.routes.all.filter { $0.path.first?.description == "api" && $0.path.last?.description != "openapi.json" }.map { route in
                    "\(route.method.rawValue) /"
                        + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }.joined(
                            separator: "/")
                })
            XCTAssertEqual(documented, routed)
            XCTAssertEqual(document["openapi"], "3.0.3")
        }
    }
}
