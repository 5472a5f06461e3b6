import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class DemoDataTests: XCTestCase {
    /// The demo loads at realistic scale, and the personas of seed 002 carry the facts it gives them.
    func testDemoDataLoadsThePersonasAndTheSeedsScale() async throws {
        let app = try await Application.make(.testing)
        let path = NSTemporaryDirectory() + "meedoen-demo-\(UUID().uuidString).sqlite"
        do {
            app.directory = DirectoryConfiguration(workingDirectory: packageRoot)
            try await configure(app, settings: Settings(database: .sqlite(path: path)), clock: .fixed(testNow))
            try await app.autoMigrate()
            let start = ContinuousClock.now
            let summary = try await DemoCommand.load(app, seed: 2026)
            print("Demo load: \(summary.households) households, \(summary.residents) residents in \(ContinuousClock.now - start)")
            XCTAssertEqual(summary.organisations, 4)
            XCTAssertGreaterThan(summary.households, 4000)
            // Every intake, plan and review was a conversation: each has exactly one contact (issue 12).
            let intakes = try await IntakeModel.query(on: app.db).count()
            let linked = try await ContactModel.query(on: app.db).filter(\.$sourceKind == "intake").count()
            XCTAssertEqual(linked, intakes)
            XCTAssertGreaterThan(intakes, 1000)
            try await M013_LinkConversationsToContacts.linkMissing(on: app.db)
            let again = try await ContactModel.query(on: app.db).filter(\.$sourceKind == "intake").count()
            XCTAssertEqual(again, intakes, "linking twice adds nothing")

            let steenwijkerland = try await DirectoryStore(db: app.db).organisation(code: "steenwijkerland")!
            let inBenefitUnits = try await ResidentModel.query(on: app.db).filter(\.$organisation.$id == steenwijkerland.id!)
                .filter(\.$relation ~~ [.applicant, .partner]).count()
            XCTAssertTrue((1249...1250).contains(inBenefitUnits), "seed 002: 1,249 persons incl. partners, got \(inBenefitUnits)")

            let johan = try await ResidentModel.query(on: app.db).filter(\.$bsn == "999993872").first()!
            XCTAssertEqual(Day(johan.dateOfBirth).age(on: DemoLoader.referenceDay), 47)
            let johanGroups = try await SpecialGroupModel.query(on: app.db).filter(\.$resident.$id == johan.id!).all().map(\.kind)
            XCTAssertTrue(johanGroups.contains(.wswIndication), "Johan: doelgroep Wsw")
            let johanBenefit = try await BenefitFactsModel.query(on: app.db).filter(\.$household.$id == johan.$household.id).first()!
            XCTAssertFalse(johanBenefit.receivesBijstand, "Johan earns his income at the NoordWestGroep")

            let selena = try await ResidentModel.query(on: app.db).filter(\.$bsn == "999990901").first()!
            let selenaBenefit = try await BenefitFactsModel.query(on: app.db).filter(\.$household.$id == selena.$household.id).first()!
            XCTAssertTrue(selenaBenefit.partialBenefit, "Selena: deels afhankelijk van een uitkering")
            let pieter = try await ResidentModel.query(on: app.db).filter(\.$bsn == "999993240").first()!
            let pieterBenefit = try await BenefitFactsModel.query(on: app.db).filter(\.$household.$id == pieter.$household.id).first()!
            XCTAssertEqual(pieterBenefit.normCategory, .institution, "Pieter woont in een woonzorgcentrum")

            let measured = try await LadderMeasurementModel.query(on: app.db).count()
            XCTAssertGreaterThan(measured, 500, "Nijkerk and Wijchen clients stand on the participatieladder")

            // Every generated BSN passes the 11-proef and lies in the 999 test range.
            for resident in try await ResidentModel.query(on: app.db).limit(2000).all() {
                XCTAssertNoThrow(try BSN(resident.bsn))
                XCTAssertTrue(resident.bsn.hasPrefix("999"))
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: path)
    }
}
