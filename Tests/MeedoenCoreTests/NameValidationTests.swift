import XCTest

@testable import MeedoenCore

/// Names and usernames as the pilot-blocker review asked (issue 12, point 9).
final class NameValidationTests: XCTestCase {
    func testNames() {
        let cases: [(input: String, accepted: String?, why: String)] = [
            ("Anne", "Anne", "plain"),
            ("Zoë", "Zoë", "accents"),
            ("Zoe\u{0308}", "Zoë", "decomposed ë becomes one scalar (NFC)"),
            ("Ğül-Şahin", "Ğül-Şahin", "Turkish letters"),
            ("O'Neill", "O'Neill", "apostrophe"),
            ("van der Berg", "van der Berg", "spaces inside"),
            ("Anne\u{202E}nhoJ", nil, "right-to-left override reverses a name in lists"),
            ("An\u{200F}ne", nil, "right-to-left mark"),
            ("An\u{2066}ne", nil, "isolate"),
            ("An\u{0000}ne", nil, "NUL"),
            ("An\tne", nil, "tab"),
            ("An\u{0085}ne", nil, "C1 control"),
            ("An\u{7F}ne", nil, "DEL"),
            (String(repeating: "a", count: 100), String(repeating: "a", count: 100), "100 scalars"),
            (String(repeating: "a", count: 101), nil, "101 scalars"),
            (String(repeating: "😀", count: 100), String(repeating: "😀", count: 100), "100 scalars of 4 bytes: exactly 400 bytes"),
            (String(repeating: "😀", count: 101), nil, "101 scalars, 404 bytes"),
        ]
        for item in cases {
            var reader = FormReader(["name": item.input], today: Day(year: 2026, month: 11, day: 28)!)
            let value = reader.requiredName("name")
            if let accepted = item.accepted {
                XCTAssertTrue(reader.issues.isEmpty, item.why)
                XCTAssertEqual(value.unicodeScalars.map(\.value), accepted.unicodeScalars.map(\.value), item.why)
            } else {
                XCTAssertFalse(reader.issues.isEmpty, item.why)
            }
        }
    }

    func testUsernames() {
        let cases: [(String, Bool)] = [
            ("km1.steenwijkerland", true), ("fb_wpda-2", true), ("KM1", true),
            ("ｋｍ１", false), ("km 1", false), ("kм1", false), ("km1@x", false), ("zoë", false),
        ]
        for (input, ok) in cases {
            var reader = FormReader(["u": input], today: Day(year: 2026, month: 11, day: 28)!)
            let value = reader.requiredUsername("u")
            XCTAssertEqual(reader.issues.isEmpty, ok, input)
            if ok { XCTAssertEqual(value, input.lowercased()) }
        }
    }

    /// Free text keeps line breaks and tabs, turns pasted vertical tabs, form feeds and NELs into
    /// line breaks, and refuses other control characters (a NUL would cut
    /// the stored text short), and blanks alone are no answer (issue 15's fuzzing found both).
    func testFreeText() {
        let cases: [(input: String, accepted: String?, issue: FieldIssue?, why: String)] = [
            ("Markt 12", "Markt 12", nil, "plain"),
            ("Eerste regel\nTweede\tregel", "Eerste regel\nTweede\tregel", nil, "line breaks and tabs"),
            ("\u{0000}Pm0?", nil, .controlCharacters, "NUL"),
            ("Mar\u{001B}kt", nil, .controlCharacters, "escape"),
            ("Mar\u{0086}kt", nil, .controlCharacters, "C1 control"),
            ("Regel\u{000B}twee\u{000C}drie\u{0085}vier", "Regel\ntwee\ndrie\nvier", nil, "pasted breaks become line breaks"),
            ("   ", nil, .required, "blanks alone"),
            ("\n\t", nil, .required, "whitespace alone"),
        ]
        for item in cases {
            var reader = FormReader(["street": item.input], today: Day(year: 2026, month: 11, day: 28)!)
            let value = reader.requiredText("street", max: 100)
            XCTAssertEqual(item.accepted ?? "", value, item.why)
            XCTAssertEqual(reader.issues["street"], item.issue, item.why)
        }
    }
}
