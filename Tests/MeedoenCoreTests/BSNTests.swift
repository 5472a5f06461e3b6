import XCTest

@testable import MeedoenCore

final class BSNTests: XCTestCase {
    /// reference/domain.md "Identity": VNG Haal Centraal test persons that pass the 11-proef.
    func testReferenceTestNumbersPassTheElevenTest() throws {
        for number in ["999993653", "999990019", "999994669", "999993240", "999993872", "999990901"] {
            XCTAssertEqual(try BSN(number).digits, number)
        }
    }

    func testInvalidNumbersAreRefusedWithTheReason() {
        let cases: [(String, BSN.Problem)] = [
            ("999993654", .failsElevenTest),  // last digit off by one
            ("123456789", .failsElevenTest),
            ("000000000", .failsElevenTest),  // sums to 0 but is no number
            ("99999365", .notNineDigits),
            ("9999936533", .notNineDigits),
            ("99999365a", .notNineDigits),
            ("", .notNineDigits),
            ("٩٩٩٩٩٣٦٥٣", .notNineDigits),  // Arabic-Indic digits are not ASCII
        ]
        for (text, problem) in cases {
            XCTAssertThrowsError(try BSN(text), text) { XCTAssertEqual($0 as? BSN.Problem, problem, text) }
        }
    }

    func testSpacesAndDotsAreIgnoredAndMaskingShowsLastFour() throws {
        let bsn = try BSN("999 993.653")
        XCTAssertEqual(bsn.digits, "999993653")
        XCTAssertEqual(bsn.masked, "•••••3653")
        XCTAssertEqual("\(bsn)", "•••••3653", "a BSN must never be printed whole by accident")
    }
}
