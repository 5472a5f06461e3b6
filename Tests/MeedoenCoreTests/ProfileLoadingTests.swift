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
        } catch let problem as ProfileProblem { return problem } catch { return ProfileProblem(file: "", key: "", problem: "\(error)") }
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
        let cases: [(String, [String: Any], String, String)] = [
            (
                "unknown field", try steenwijkerland(group: 2) { $0["critera"] = ["typo"] }, "segmentation.groups[2].critera",
                "onbekend veld"
            ),
            (
                "unknown field in a rule",
                try steenwijkerland(group: 0) { $0["rules"] = [["fact": "wswOrBeschutIndication", "oneOf": ["yes"], "allOf": ["no"]]] },
                "segmentation.groups[0].rules[0].allOf", "onbekend veld"
            ),
            (
                "group without criteria", try steenwijkerland(group: 1) { $0["criteria"] = [String]() }, "segmentation.groups[1].criteria",
                "zonder criteria"
            ),
            (
                "contradictory rule",
                try steenwijkerland(group: 5) {
                    $0["rules"] = [["fact": "workCapacity", "oneOf": ["none"]], ["fact": "workCapacity", "oneOf": ["yes"]]]
                },
                "segmentation.groups[5].rules[1]", "tegenstrijdig"
            ),
            (
                "cyclic rule",
                try steenwijkerland(group: 4) { $0["rules"] = [["notGroup": "zorg"]] }.replacingGroup(5) {
                    $0["rules"] = [["notGroup": "lerenOntwikkelen"]]
                },
                "segmentation.groups", "kringverwijzing"
            ),
            (
                "norm of zero",
                try steenwijkerland(group: 5) {
                    $0["service"] = ["contacts": ["kind": "everyMonths", "months": 0, "source": "x"], "reviews": [], "services": []]
                },
                "segmentation.groups[5].service.contacts.months", "0 maanden"
            ),
            (
                "review every zero months",
                try steenwijkerland(group: 3) {
                    $0["service"] = ["reviews": [["kind": "lawfulness", "everyMonths": 0, "description": "x"]], "services": []]
                },
                "segmentation.groups[3].service.reviews[0].everyMonths", "0 maanden"
            ),
            (
                "age where the profile says it is no criterion",
                try steenwijkerland(group: 2) { $0["rules"] = [["fact": "youth", "oneOf": ["yes"]]] },
                "segmentation.groups[2].rules[0].fact", "leeftijd"
            ),
            (
                "a value the fact does not have",
                try steenwijkerland(group: 2) { $0["rules"] = [["fact": "workCapacity", "oneOf": ["maybe"]]] },
                "segmentation.groups[2].rules[0].oneOf", "'maybe'"
            ),
            (
                "an unknown fact", try steenwijkerland(group: 2) { $0["rules"] = [["fact": "leeftijd", "oneOf": ["yes"]]] },
                "segmentation.groups[2].rules[0].fact", "onbekende waarde"
            ),
            (
                "a reference to a group that does not exist", try steenwijkerland(group: 3) { $0["rules"] = [["notGroup": "directwerk"]] },
                "segmentation.groups[3].rules[0].notGroup", "onbekende groep"
            ),
            (
                "missing field", try steenwijkerland(group: 3) { $0.removeValue(forKey: "explanation") },
                "segmentation.groups[3].explanation", "ontbreekt"
            ),
        ]
        for (name, document, key, problem) in cases {
            guard let refused = refusal(document) else {
                XCTFail("\(name): accepted")
                continue
            }
            XCTAssertEqual(refused.file, "test.json", name)
            XCTAssertEqual(refused.key, key, name)
            XCTAssertTrue(refused.problem.contains(problem), "\(name): \(refused.problem)")
        }
    }

    func testAnOlderSchemaVersionIsNamed() throws {
        var document = try shipped("nijkerk")
        document["schemaVersion"] = 1
        XCTAssertEqual(refusal(document)?.key, "schemaVersion")
    }

    func testBrokenJSONIsRefusedWithTheFileName() {
        XCTAssertThrowsError(try PolicyProfile.load(Data("{\"schemaVersion\": 2,".utf8), file: "kapot.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("kapot.json: geen geldige JSON"), "\(error)")
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
