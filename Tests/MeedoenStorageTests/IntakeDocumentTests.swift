import Foundation
import MeedoenCore
import XCTest

@testable import MeedoenStorage

/// The stored intake document carries a version; every version ever written still reads (issue 14).
final class IntakeDocumentTests: XCTestCase {
    private let expected: Intake = {
        var intake = Intake(
            heldOn: Day(year: 2026, month: 11, day: 20)!, zrm: [.finances: .notSelfSufficient, .housing: .sufficient],
            obstacles: [Obstacle(kind: .debt, action: "Aanmelden bij schuldhulp")], language: .meetsRequirement,
            education: .vso, workExperience: "Magazijn, 2 jaar", wishes: "Buiten werken",
            answers: Facts([.workCapacity: "limited"]))
        intake.integration = Integration(route: .b1, planOn: Day(year: 2026, month: 10, day: 1)!, languageProvider: "Taalhuis")
        return intake
    }()

    /// Version 1, as written up to commit 27ba580: the Intake's own keys, no version.
    func testVersion1Reads() throws {
        let general = """
            {"answers":{"workCapacity":"limited"},"education":"vso","heldOn":"2026-11-20",\
            "integration":{"languageProvider":"Taalhuis","planOn":"2026-10-01","route":"b1"},"language":"meetsRequirement",\
            "obstacles":[{"action":"Aanmelden bij schuldhulp","kind":"debt"}],"wishes":"Buiten werken",\
            "workExperience":"Magazijn, 2 jaar","zrm":{"finances":2,"housing":4}}
            """
        let sensitive = #"{"healthLimitations":"Rugklachten","zrm":{"mentalHealth":2}}"#
        XCTAssertEqual(try IntakeDocument.decodeGeneral(general), expected)
        XCTAssertEqual(
            try IntakeDocument.decodeSensitive(sensitive),
            IntakeDocument.SensitivePart(zrm: [.mentalHealth: .notSelfSufficient], healthLimitations: "Rugklachten"))
    }

    /// Version 2 (today's): the same keys plus "version": 2; the extra level is written apart.
    func testVersion2WritesAndReads() throws {
        var whole = expected
        whole.zrm[.mentalHealth] = .notSelfSufficient
        whole.healthLimitations = "Rugklachten"
        let (general, sensitive) = try IntakeDocument.encode(whole)
        XCTAssertTrue(general.contains(#""version":2"#), general)
        XCTAssertFalse(general.contains("Rugklachten") || general.contains("mentalHealth"), "the extra level is not in the general part")
        XCTAssertEqual(try IntakeDocument.decodeGeneral(general), expected)
        let extra = try IntakeDocument.decodeSensitive(sensitive)
        XCTAssertEqual(extra.zrm, [.mentalHealth: .notSelfSufficient])
        XCTAssertEqual(extra.healthLimitations, "Rugklachten")
    }

    func testANewerVersionIsRefusedNotMisread() {
        XCTAssertThrowsError(try IntakeDocument.decodeGeneral(#"{"version":3,"heldOn":"2026-11-20"}"#)) { error in
            XCTAssertEqual((error as? IntakeDocument.UnknownVersion)?.version, 3)
        }
    }
}
