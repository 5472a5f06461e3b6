import Foundation
import XCTest

@testable import MeedoenCore

/// R4 on Steenwijkerland's groups (seed 002 §3.2): confirming needs no reason, deviating does, and
/// entering Zorg ("streng getoetst") always does.
final class GroupChoiceTests: XCTestCase {
    func testAReasonIsNeededWhereThePolicySaysSo() throws {
        let file = SegmentationTests.profiles.appendingPathComponent("steenwijkerland.json")
        let segmentation = try PolicyProfile.load(Data(contentsOf: file), file: "steenwijkerland.json").segmentation
        let cases: [(String, String, String?, String?, [GroupChoice.Problem], String?)] = [
            ("confirm", "directWerk", "directWerk", nil, [], nil),
            ("confirm with a note: kept out", "directWerk", "directWerk", "zoals besproken", [], nil),
            ("other group without reason", "werkenErvaren", "directWerk", nil, [.reasonForOtherGroup], nil),
            ("other group with reason", "werkenErvaren", "directWerk", "eerst ervaring", [], "eerst ervaring"),
            ("no proposal, no reason", "directWerk", nil, nil, [.reasonForOtherGroup], nil),
            ("guarded group confirmed without reason", "zorg", "zorg", nil, [.reasonForGuardedGroup], nil),
            ("guarded group confirmed with reason", "zorg", "zorg", "verslaving, behandeling loopt", [], "verslaving, behandeling loopt"),
            ("unknown group", "directwerk", "directWerk", "typo", [.unknownGroup], "typo"),
            ("unknown group without reason", "directwerk", "directWerk", nil, [.unknownGroup, .reasonForOtherGroup], nil),
        ]
        for (name, chosen, proposed, reason, problems, kept) in cases {
            XCTAssertEqual(GroupChoice.problems(chosen: chosen, proposed: proposed, reason: reason, in: segmentation), problems, name)
            if problems.isEmpty {
                XCTAssertEqual(GroupChoice.keptReason(chosen: chosen, proposed: proposed, reason: reason, in: segmentation), kept, name)
            }
        }
    }
}
