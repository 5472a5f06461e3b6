import Foundation
import XCTest

@testable import MeedoenCore

/// Bad profile documents are refused with the file, the key and the problem.
final class ProfileLoadingTests: XCTestCase {
    func shipped(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: SegmentationTests.profiles.appendingPathComponent("\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func refusal(_ document: [String: Any]) -> ProfileProblem? {
        do {
            _ = try PolicyProfile.load(JSONSerialization.data(withJSONObject: document), file: "test.json")
            return nil
        } catch let problem as ProfileProblem { return problem } catch {
            return ProfileProblem(file: "", key: "", fault: .unreadable(detail: "\(error)"))
        }
    }

    /// Edits one group of the shipped Steenwijkerland profile.
    func steenwijkerland(group index: Int, _ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var document = try shipped("steenwijkerland")
        var segmentation = document["segmentation"] as! [String: Any]
        var groups = segmentation["groups"] as! [[String: Any]]
        edit(&groups[index])
        segmentation["groups"] = groups
        document["segmentation"] = segmentation
        return document
    }

    func testTheShippedProfilesLoad() throws {
        for name in ["nijkerk", "steenwijkerland", "wpda", "wijchen"] {
            XCTAssertNil(refusal(try shipped(name)), name)
        }
    }

    func testRefusals() throws {
        let cases: [(String, [String: Any], String, ProfileFault)] = [
            (
                "unknown field", try steenwijkerland(group: 2) { $0["critera"] = ["typo"] }, "segmentation.groups[2].critera",
                .unknownField
            ),
            (
                "unknown field in a rule",
                try steenwijkerland(group: 0) { $0["rules"] = [["fact": "wswOrBeschutIndication", "oneOf": ["yes"], "allOf": ["no"]]] },
                "segmentation.groups[0].rules[0].allOf", .unknownField
            ),
            (
                "group without criteria", try steenwijkerland(group: 1) { $0["criteria"] = [String]() }, "segmentation.groups[1].criteria",
                .noCriteria
            ),
            (
                "contradictory rule",
                try steenwijkerland(group: 5) {
                    $0["rules"] = [["fact": "workCapacity", "oneOf": ["none"]], ["fact": "workCapacity", "oneOf": ["yes"]]]
                },
                "segmentation.groups[5].rules[1]", .contradictoryValues(.workCapacity)
            ),
            (
                "cyclic rule",
                try steenwijkerland(group: 4) { $0["rules"] = [["notGroup": "zorg"]] }.replacingGroup(5) {
                    $0["rules"] = [["notGroup": "lerenOntwikkelen"]]
                },
                "segmentation.groups", .cycle(["lerenOntwikkelen", "zorg", "lerenOntwikkelen"])
            ),
            (
                "norm of zero",
                try steenwijkerland(group: 5) {
                    $0["service"] = ["contacts": ["kind": "everyMonths", "months": 0, "source": "x"], "reviews": [], "services": []]
                },
                "segmentation.groups[5].service.contacts.months", .normMonths(0)
            ),
            (
                "review every zero months",
                try steenwijkerland(group: 3) {
                    $0["service"] = ["reviews": [["kind": "lawfulness", "everyMonths": 0, "description": "x"]], "services": []]
                },
                "segmentation.groups[3].service.reviews[0].everyMonths", .termMonths(0)
            ),
            (
                "age where the profile says it is no criterion",
                try steenwijkerland(group: 2) { $0["rules"] = [["fact": "youth", "oneOf": ["yes"]]] },
                "segmentation.groups[2].rules[0].fact", .ageIsNoCriterion
            ),
            (
                "a value the fact does not have",
                try steenwijkerland(group: 2) { $0["rules"] = [["fact": "workCapacity", "oneOf": ["maybe"]]] },
                "segmentation.groups[2].rules[0].oneOf", .notAValue("maybe", fact: .workCapacity)
            ),
            (
                "an unknown fact", try steenwijkerland(group: 2) { $0["rules"] = [["fact": "leeftijd", "oneOf": ["yes"]]] },
                "segmentation.groups[2].rules[0].fact", .unknownValue
            ),
            (
                "a reference to a group that does not exist", try steenwijkerland(group: 3) { $0["rules"] = [["notGroup": "directwerk"]] },
                "segmentation.groups[3].rules[0].notGroup", .unknownGroup("directwerk")
            ),
            (
                "missing field", try steenwijkerland(group: 3) { $0.removeValue(forKey: "explanation") },
                "segmentation.groups[3].explanation", .missingField
            ),
        ]
        for (name, document, key, fault) in cases {
            guard let refused = refusal(document) else {
                XCTFail("\(name): accepted")
                continue
            }
            XCTAssertEqual(refused.file, "test.json", name)
            XCTAssertEqual(refused.key, key, name)
            XCTAssertEqual(refused.fault, fault, name)
        }
    }

    func testAnOlderSchemaVersionIsNamed() throws {
        var document = try shipped("nijkerk")
        document["schemaVersion"] = 1
        XCTAssertEqual(refusal(document)?.key, "schemaVersion")
        XCTAssertEqual(refusal(document)?.fault, .unsupportedVersion(1, supported: PolicyProfile.schemaVersion))
    }

    func testBrokenJSONIsRefusedWithTheFileName() {
        XCTAssertThrowsError(try PolicyProfile.load(Data("{\"schemaVersion\": 2,".utf8), file: "kapot.json")) { error in
            let problem = error as? ProfileProblem
            XCTAssertEqual(problem?.file, "kapot.json")
            guard case .invalidJSON = problem?.fault else { return XCTFail("\(error)") }
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    fileprivate func replacingGroup(_ index: Int, _ edit: (inout [String: Any]) -> Void) -> [String: Any] {
        var document = self
        var segmentation = document["segmentation"] as! [String: Any]
        var groups = segmentation["groups"] as! [[String: Any]]
        edit(&groups[index])
        segmentation["groups"] = groups
        document["segmentation"] = segmentation
        return document
    }
}
