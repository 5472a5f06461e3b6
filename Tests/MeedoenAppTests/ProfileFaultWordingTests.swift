import MeedoenCore
import XCTest

@testable import MeedoenApp

/// The domain reports what is wrong with a profile as a value; the functioneel beheerder reads
/// it in Dutch, with the file and the key path in front.
final class ProfileFaultWordingTests: XCTestCase {
    func testAFaultIsWordedWithItsValues() {
        let cases: [(ProfileFault, String)] = [
            (
                .cycle(["lerenOntwikkelen", "zorg", "lerenOntwikkelen"]),
                "kringverwijzing in de regels: lerenOntwikkelen → zorg → lerenOntwikkelen"
            ),
            (.notAValue("maybe", fact: .workCapacity), "'maybe' is geen waarde van workCapacity; kies uit yes, limited, none"),
            (.termMonths(0), "een termijn van 0 maanden kan niet; kies 1 tot en met 60"),
            (.duplicateGroupCode("zorg", firstIndex: 5), "de code 'zorg' komt al voor bij groep 5"),
            (.unsupportedVersion(1, supported: 2), "versie 1 wordt niet ondersteund; deze versie leest versie 2"),
        ]
        for (fault, expected) in cases {
            XCTAssertEqual(Dutch.profileFault(fault), expected)
        }
    }

    func testAProblemNamesTheFileAndTheKey() {
        let problem = ProfileProblem(file: "wpda.json", key: "ladder.remeasureMonths", fault: .termMonths(90))
        XCTAssertEqual(
            Dutch.profileProblem(problem), "wpda.json, ladder.remeasureMonths: een termijn van 90 maanden kan niet; kies 1 tot en met 60")
        XCTAssertEqual(Dutch.profileProblem(ProfileProblem(file: "x.json", key: "", fault: .noGroups)), "x.json: er is geen enkele groep")
    }
}
