import Foundation
import MeedoenCore
import MeedoenStorage
import XCTest

@testable import MeedoenApp

/// The intake is one table of fields (issue 14): what the form prefills reads back as the same intake,
/// and the show page and inzage show only the parts the reader may see.
final class IntakeFieldsTests: XCTestCase {
    private func profile() throws -> PolicyProfile {
        let file = URL(fileURLWithPath: packageRoot).appendingPathComponent("Resources/Profiles/steenwijkerland.json")
        return try PolicyProfile.load(Data(contentsOf: file), file: "steenwijkerland.json")
    }

    private func record(_ profile: PolicyProfile) -> IntakeRecord {
        var answers = Facts()
        for fact in IntakeForm.askedFacts(profile) { answers[fact] = fact.values?.last }
        var intake = Intake(
            heldOn: Day(year: 2026, month: 11, day: 20)!, zrm: [.finances: .notSelfSufficient, .mentalHealth: .acute],
            obstacles: [Obstacle(kind: .debt, action: "Schuldhulp")], language: .belowRequirement, education: .vso,
            workExperience: "Magazijn", competences: "Nauwkeurig", attitude: "Gemotiveerd", healthLimitations: "Rugklachten",
            childcare: "Geregeld", wishes: "Buiten", answers: answers)
        intake.integration = Integration(route: .zRoute, planOn: Day(year: 2026, month: 9, day: 1)!, languageProvider: "Taalhuis")
        let work = WorkProfile(
            qualifications: "VCA", competences: "Heftruck", language: .belowRequirement, drivingLicence: true, hoursPerWeek: 24,
            availableFrom: Day(year: 2027, month: 1, day: 4)!, postcodeArea: "8331", readyForWork: true)
        return IntakeRecord(intake: intake, work: work)
    }

    func testWhatTheFormPrefillsReadsBackAsTheSameIntake() throws {
        let profile = try profile()
        let stored = record(profile)
        var values = IntakeForm.values(stored.intake, stored.work, today: stored.intake.heldOn, postcode: "8331 AB")
        values[Conversation.field] = "homeVisit"
        let read = IntakeForm.read(values, profile: profile, withSensitive: true, statusHolder: true, today: stored.intake.heldOn)
        guard case .success(let intake) = read else { return XCTFail("refused: \(read)") }
        XCTAssertEqual(intake.intake, stored.intake)
        XCTAssertEqual(intake.work, stored.work)
        XCTAssertEqual(intake.conversation, .homeVisit)
    }

    func testWithoutTheExtraLevelItIsNeitherAskedNorRead() throws {
        let profile = try profile()
        let stored = record(profile)
        let names = Set(IntakeForm.sections(profile, withSensitive: false, statusHolder: false).flatMap(\.fields).map(\.name))
        XCTAssertFalse(names.contains("healthLimitations") || names.contains("zrm_mentalHealth"))
        XCTAssertFalse(names.contains("int_route"), "the integration section is for status holders")
        var values = IntakeForm.values(stored.intake, stored.work, today: stored.intake.heldOn, postcode: "8331 AB")
        values["healthLimitations"] = "typed anyway"
        values[Conversation.field] = "conversation"
        let read = IntakeForm.read(values, profile: profile, withSensitive: false, statusHolder: false, today: stored.intake.heldOn)
        guard case .success(let intake) = read.map(\.intake) else { return XCTFail("refused: \(read)") }
        XCTAssertNil(intake.healthLimitations)
        XCTAssertNil(intake.zrm[.mentalHealth])
    }

    func testEveryProblemIsReportedOnItsField() throws {
        let profile = try profile()
        let read = IntakeForm.read(
            [
                "heldOn": "2030-01-01", "zrm_finances": "9", "wp_hoursPerWeek": "61", "wp_postcodeArea": "0123",
                "wp_readyForWork": "misschien",
            ],
            profile: profile, withSensitive: true, statusHolder: false, today: Day(year: 2026, month: 12, day: 3)!)
        guard case .failure(let issues) = read else { return XCTFail("accepted") }
        let fields = Set(issues.items.map(\.field))
        for name in [
            "heldOn", "zrm_finances", "language", "education", "wp_hoursPerWeek", "wp_postcodeArea", "wp_readyForWork", "contactKind",
        ] {
            XCTAssertTrue(fields.contains(name), name)
        }
        XCTAssertTrue(IntakeForm.askedFacts(profile).allSatisfy { fields.contains("fact_\($0.rawValue)") })
    }

    /// Every field the table puts at the extra level is stored apart: the general document, which
    /// every intake reader decodes, holds none of it (add a sensitive field, and this test says where).
    func testTheExtraLevelIsStoredApart() throws {
        let profile = try profile()
        let table = IntakeFields.table(asking: Fact.allCases, profile: profile, statusHolder: true)
        let stored = record(profile)
        let (general, _) = try IntakeDocument.encode(stored.intake)
        let generalOnly = IntakeRecord(intake: try IntakeDocument.decodeGeneral(general), work: nil)
        let leaked = table.shown(generalOnly, parts: [.sensitive]).flatMap(\.lines)
        XCTAssertEqual(leaked, [], "extra-level fields in the general document")
        XCTAssertFalse(table.shown(stored, parts: [.sensitive]).flatMap(\.lines).isEmpty, "the test fills the extra level")
    }

    func testShownPerPart() throws {
        let profile = try profile()
        let table = IntakeFields.table(asking: Fact.allCases, profile: profile, statusHolder: true)
        let general = table.shown(record(profile), parts: [.intake])
        let text = general.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("Financiën: 2 – niet zelfredzaam"), text)
        XCTAssertTrue(text.contains("Inburgering: leerroute: Zelfredzaamheidsroute (Z-route)"), text)
        XCTAssertFalse(text.contains("Rugklachten") || text.contains("Geestelijke gezondheid") || text.contains("Heftruck"))
        let all = table.shown(record(profile), parts: [.intake, .sensitive, .workProfile]).map(\.text).joined(separator: " ")
        XCTAssertTrue(all.contains("Gezondheid (zoals de cliënt het zegt): Rugklachten") && all.contains("Postcodegebied: 8331"), all)
    }

    func testTheShowPageIsAValue() throws {
        let profile = try profile()
        let stored = record(profile)
        let resident = Resident(
            id: UUID(), householdID: UUID(), organisationID: UUID(), bsn: "999994669", givenName: "Anne", familyName: "Bakker",
            dateOfBirth: Day(year: 1990, month: 3, day: 1)!, relation: .applicant, recordedAt: Date())
        let intakes = [
            StoredIntake(id: UUID(), heldOn: stored.intake.heldOn, intake: stored.intake, recordedAt: Date()),
            StoredIntake(
                id: UUID(), heldOn: Day(year: 2025, month: 5, day: 1)!, intake: Intake(heldOn: Day(year: 2025, month: 5, day: 1)!),
                recordedAt: Date()),
        ]
        let colleague = IntakeShowPage(resident: resident, intakes: intakes, work: nil, profile: profile, sensitive: false, canWrite: false)
        let text = colleague.sections.map(\.text).joined(separator: " ")
        XCTAssertFalse(text.contains("Rugklachten") || text.contains("Geestelijke gezondheid"), "no extra level without sensitive")
        XCTAssertFalse(colleague.sections.contains { $0.heading == "Werkprofiel" }, "no work profile when not loaded")
        XCTAssertEqual(colleague.earlier, ["1 mei 2025"])
        XCTAssertTrue(colleague.sensitiveHidden)

        let director = IntakeShowPage(
            resident: resident, intakes: intakes, work: stored.work, profile: profile, sensitive: true, canWrite: true)
        XCTAssertTrue(director.sections.map(\.text).joined().contains("Rugklachten"))
        XCTAssertEqual(director.sections.last?.hint, "Het enige dat de werkgeversdienstverlening ziet.")

        let workOnly = IntakeShowPage(resident: resident, intakes: [], work: stored.work, profile: profile, sensitive: true, canWrite: true)
        XCTAssertNil(workOnly.heldOn)
        XCTAssertEqual(workOnly.sections.map(\.heading), ["Werkprofiel"], "a work profile is shown also without an intake")
    }
}
