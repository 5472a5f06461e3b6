import Foundation
import XCTest

@testable import MeedoenCore

/// The shipped profiles' rules, table-driven with the seeds' own examples and cases near each border.
final class SegmentationTests: XCTestCase {
    static let profiles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/Profiles")

    func profile(_ name: String) throws -> PolicyProfile {
        let file = Self.profiles.appendingPathComponent("\(name).json")
        return try PolicyProfile.load(Data(contentsOf: file), file: "\(name).json")
    }

    func facts(_ pairs: [Fact: String]) -> Facts { Facts(pairs) }

    /// Seed 002 §3.2: the six personas, each in the group the seed gives them, from their facts.
    /// Ages are in the seed (Selena 25, Farah 30, Anne 60) but age is no criterion there.
    func testSteenwijkerlandPersonas() throws {
        let segmentation = try profile("steenwijkerland").segmentation
        let cases: [(String, [Fact: String], String)] = [
            // "geen problemen thuis en beschikt over de juiste opleiding en diploma's"
            (
                "Yvonne",
                [
                    .workCapacity: "yes", .distanceToWork: "upTo6Months", .selfSufficient: "yes", .broadParticipation: "yes",
                    .wswOrBeschutIndication: "no", .employmentContract: "no",
                ], "directWerk"
            ),
            // taalcursus afgerond, opleiding sluit niet aan: werkgerichte training
            (
                "Farah",
                [
                    .workCapacity: "yes", .distanceToWork: "sixTo24Months", .selfSufficient: "yes", .broadParticipation: "yes",
                    .wswOrBeschutIndication: "no", .employmentContract: "no",
                ], "werkenErvaren"
            ),
            // na 40 jaar zwaar fysiek werk niet meer intensief; vrijwilliger in buurtverenigingen
            (
                "Anne",
                [
                    .workCapacity: "limited", .distanceToWork: "moreThan24Months", .selfSufficient: "yes", .broadParticipation: "yes",
                    .wswOrBeschutIndication: "no", .employmentContract: "no",
                ], "lerenOntwikkelen"
            ),
            // woonzorgcentrum, niet geschikt om te werken of in brede zin te participeren
            (
                "Pieter",
                [
                    .workCapacity: "none", .distanceToWork: "moreThan24Months", .selfSufficient: "no", .broadParticipation: "no",
                    .wswOrBeschutIndication: "no", .employmentContract: "no",
                ], "zorg"
            ),
            // Wsw, 20 jaar in dienst bij de NoordWestGroep: the contract does not make him Geplaatst
            (
                "Johan",
                [
                    .workCapacity: "limited", .distanceToWork: "moreThan24Months", .selfSufficient: "no", .broadParticipation: "yes",
                    .wswOrBeschutIndication: "yes", .employmentContract: "yes",
                ], "werkvoorzienend"
            ),
            // parttime schoonmaakster, gedeeltelijke uitkering en jobcoaching
            (
                "Selena",
                [
                    .workCapacity: "limited", .distanceToWork: "upTo6Months", .selfSufficient: "yes", .broadParticipation: "yes",
                    .wswOrBeschutIndication: "no", .employmentContract: "yes", .youth: "yes",
                ], "geplaatst"
            ),
        ]
        for (name, pairs, expected) in cases {
            XCTAssertEqual(segmentation.propose(for: facts(pairs)).code, expected, name)
        }
    }

    /// Two or more cases per group near its borders.
    func testSteenwijkerlandBorders() throws {
        let segmentation = try profile("steenwijkerland").segmentation
        let base: [Fact: String] = [
            .workCapacity: "yes", .distanceToWork: "upTo6Months", .selfSufficient: "yes", .broadParticipation: "yes",
            .wswOrBeschutIndication: "no", .employmentContract: "no",
        ]
        func with(_ changes: [Fact: String]) -> Facts { Facts(base.merging(changes) { $1 }) }
        let cases: [(String, Facts, Proposal)] = [
            (
                "beschut without a contract is Werkvoorzienend", with([.wswOrBeschutIndication: "yes"]),
                .group(code: "werkvoorzienend", reasons: [], explanation: "")
            ),
            (
                "a contract without Wsw is Geplaatst", with([.employmentContract: "yes"]),
                .group(code: "geplaatst", reasons: [], explanation: "")
            ),
            (
                "close to work but not self-sufficient: Werken & Ervaren", with([.selfSufficient: "no"]),
                .group(code: "werkenErvaren", reasons: [], explanation: "")
            ),
            (
                "limited capacity within six months: Werken & Ervaren", with([.workCapacity: "limited"]),
                .group(code: "werkenErvaren", reasons: [], explanation: "")
            ),
            (
                "24 months is still Werken & Ervaren", with([.distanceToWork: "sixTo24Months"]),
                .group(code: "werkenErvaren", reasons: [], explanation: "")
            ),
            (
                "more than two years: Leren & Ontwikkelen", with([.distanceToWork: "moreThan24Months"]),
                .group(code: "lerenOntwikkelen", reasons: [], explanation: "")
            ),
            (
                "no capacity but takes part: Leren & Ontwikkelen", with([.workCapacity: "none", .distanceToWork: "moreThan24Months"]),
                .group(code: "lerenOntwikkelen", reasons: [], explanation: "")
            ),
            (
                "no capacity, no participation: Zorg", with([.workCapacity: "none", .broadParticipation: "no"]),
                .group(code: "zorg", reasons: [], explanation: "")
            ),
            (
                "capacity but far off and not taking part: nothing fits",
                with([.distanceToWork: "moreThan24Months", .broadParticipation: "no"]), .noGroupFits
            ),
            ("the base: close to work and self-sufficient", with([:]), .group(code: "directWerk", reasons: [], explanation: "")),
            (
                "Direct Werk waits for the ZRM", Facts(base.filter { $0.key != .selfSufficient }),
                .needsFacts(group: "directWerk", missing: [.selfSufficient])
            ),
            (
                "Wsw and a contract: Werkvoorzienend comes before Geplaatst",
                with([.wswOrBeschutIndication: "yes", .employmentContract: "yes"]),
                .group(code: "werkvoorzienend", reasons: [], explanation: "")
            ),
            (
                "a contract while far from work is still Geplaatst",
                with([.employmentContract: "yes", .distanceToWork: "moreThan24Months"]),
                .group(code: "geplaatst", reasons: [], explanation: "")
            ),
            (
                "Zorg, not self-sufficient either",
                with([.workCapacity: "none", .broadParticipation: "no", .selfSufficient: "no", .distanceToWork: "moreThan24Months"]),
                .group(code: "zorg", reasons: [], explanation: "")
            ),
            (
                "no capacity, participation unknown: Leren & Ontwikkelen waits for it",
                Facts(
                    base.merging([.workCapacity: "none", .distanceToWork: "moreThan24Months"]) { $1 }.filter {
                        $0.key != .broadParticipation
                    }),
                .needsFacts(group: "lerenOntwikkelen", missing: [.broadParticipation])
            ),
            (
                "Wsw unknown: the first group waits for it", Facts([.workCapacity: "yes"]),
                .needsFacts(group: "werkvoorzienend", missing: [.wswOrBeschutIndication])
            ),
        ]
        for (name, facts, expected) in cases {
            let proposal = segmentation.propose(for: facts)
            if case .group(let code, _, _) = expected {
                XCTAssertEqual(proposal.code, code, name)
            } else {
                XCTAssertEqual(proposal, expected, name)
            }
        }
    }

    func testTheProposalExplainsItself() throws {
        let segmentation = try profile("steenwijkerland").segmentation
        let proposal = segmentation.propose(for: Facts([.wswOrBeschutIndication: "yes"]))
        guard case .group(_, let reasons, let explanation) = proposal else { return XCTFail("no group: \(proposal)") }
        XCTAssertEqual(reasons, ["Wsw-indicatie of doelgroep beschut werk: ja"])
        XCTAssertTrue(explanation.contains("NoordWestGroep"))
    }

    func testWPDARoutes() throws {
        let segmentation = try profile("wpda").segmentation
        let adult: [Fact: String] = [.youth: "no", .proVsoSchoolLeaver: "no", .startkwalificatie: "yes", .entrepreneurWish: "no"]
        func facts(_ changes: [Fact: String]) -> Facts { Facts(adult.merging(changes) { $1 }) }
        let cases: [(String, Facts, String?, String?)] = [
            ("adult with capacity: Werknemer", facts([.workCapacity: "yes"]), "GM1730", "werknemer"),
            ("adult with limited capacity: still Werknemer", facts([.workCapacity: "limited"]), "GM1680", "werknemer"),
            ("no perspective on work: vrijwilliger", facts([.workCapacity: "none"]), "GM1730", "vrijwilliger"),
            ("wants to start a business", facts([.workCapacity: "yes", .entrepreneurWish: "yes"]), "GM0106", "ondernemer"),
            (
                "entrepreneur wish without capacity: vrijwilliger", facts([.workCapacity: "none", .entrepreneurWish: "yes"]), "GM0106",
                "vrijwilliger"
            ),
            (
                "young, no startkwalificatie: Onderwijs", facts([.workCapacity: "yes", .youth: "yes", .startkwalificatie: "no"]), "GM1730",
                "onderwijs"
            ),
            ("young with startkwalificatie: still the youth route", facts([.workCapacity: "yes", .youth: "yes"]), "GM1730", "onderwijs"),
            (
                "PrO/VSO leaver with capacity: Route Arbeid",
                facts([.workCapacity: "limited", .youth: "yes", .proVsoSchoolLeaver: "yes", .startkwalificatie: "no"]), "GM1680",
                "routeArbeid"
            ),
            (
                "VSO leaver without capacity in Assen: dagbesteding",
                facts([.workCapacity: "none", .youth: "yes", .proVsoSchoolLeaver: "yes", .startkwalificatie: "no"]), "GM0106",
                "routeDagbesteding"
            ),
            (
                "PrO leaver with full capacity in Assen: Route Arbeid",
                facts([.workCapacity: "yes", .youth: "yes", .proVsoSchoolLeaver: "yes"]),
                "GM0106", "routeArbeid"
            ),
            (
                "the same in Tynaarlo: no Route dagbesteding there",
                facts([.workCapacity: "none", .youth: "yes", .proVsoSchoolLeaver: "yes", .startkwalificatie: "no"]), "GM1730", "onderwijs"
            ),
        ]
        for (name, facts, municipality, expected) in cases {
            XCTAssertEqual(segmentation.propose(for: facts, municipality: municipality).code, expected, name)
        }
    }

    func testWijchenDimensions() throws {
        let segmentation = try profile("wijchen").segmentation
        let cases: [(String, [Fact: String], String)] = [
            ("placeable", [.placeability: "yes", .competences: "insufficient", .attitude: "negative"], "bedrijfsdienstverlener"),
            (
                "(temporarily) not placeable: care first", [.placeability: "not", .competences: "sufficient", .attitude: "positive"],
                "zorgprofessional"
            ),
            (
                "difficult, competent and positive: Scharnierpunt",
                [.placeability: "difficult", .competences: "sufficient", .attitude: "positive"], "scharnierpunt"
            ),
            (
                "difficult and hesitant: participatiecoach",
                [.placeability: "difficult", .competences: "sufficient", .attitude: "hesitant"], "participatiecoach"
            ),
            (
                "placeable though hesitant", [.placeability: "yes", .competences: "sufficient", .attitude: "hesitant"],
                "bedrijfsdienstverlener"
            ),
            (
                "not placeable, without the competences", [.placeability: "not", .competences: "insufficient", .attitude: "negative"],
                "zorgprofessional"
            ),
            (
                "difficult without the competences: participatiecoach",
                [.placeability: "difficult", .competences: "insufficient", .attitude: "positive"], "participatiecoach"
            ),
        ]
        for (name, pairs, expected) in cases {
            XCTAssertEqual(segmentation.propose(for: Facts(pairs)).code, expected, name)
            XCTAssertNotNil(segmentation.group(expected)?.professional, name)
        }
    }

    func testNijkerkLadder() throws {
        let segmentation = try profile("nijkerk").segmentation
        let cases: [(Int, String)] = [(6, "trajectWerk"), (5, "trajectWerk"), (4, "trajectParticipatie"), (1, "trajectParticipatie")]
        for (rung, expected) in cases {
            XCTAssertEqual(segmentation.propose(for: Facts([.expectedEndRung: String(rung)])).code, expected, "eindtrede \(rung)")
        }
        XCTAssertEqual(segmentation.propose(for: Facts()), .needsFacts(group: "trajectWerk", missing: [.expectedEndRung]))
    }

    /// Seed 002 §4: rechtmatigheidstoets once a year for Werken & Ervaren, once per two years for
    /// Leren & Ontwikkelen, at least yearly for Zorg; a yearly evaluation for Geplaatst.
    func testReviewFrequencies() throws {
        let segmentation = try profile("steenwijkerland").segmentation
        func months(_ code: String, _ kind: ScheduledReview.Kind) -> Int? {
            segmentation.group(code)?.service.reviews.first { $0.kind == kind }?.everyMonths
        }
        XCTAssertEqual(months("werkenErvaren", .lawfulness), 12)
        XCTAssertEqual(months("lerenOntwikkelen", .lawfulness), 24)
        XCTAssertEqual(months("zorg", .lawfulness), 12)
        XCTAssertEqual(months("geplaatst", .evaluation), 12)
        XCTAssertNil(months("directWerk", .lawfulness))
    }

    func testIntakeDerivesFacts() {
        let intake = Intake(
            heldOn: Day(year: 2026, month: 11, day: 28)!, zrm: [.finances: .limited, .housing: .fully], education: .praktijkonderwijs,
            answers: Facts([.workCapacity: "yes"]))
        let facts = intake.facts(
            dateOfBirth: Day(year: 2000, month: 11, day: 29)!,
            ladder: LadderMeasurement(
                measuredOn: Day(year: 2026, month: 1, day: 1)!, rung: .unpaidWork, expectedEnd: .paidWork, kind: .start))
        XCTAssertEqual(facts[.selfSufficient], "yes", "3 is still beperkt zelfredzaam")
        XCTAssertEqual(facts[.youth], "yes", "26 the day before the birthday")
        XCTAssertEqual(facts[.startkwalificatie], "no")
        XCTAssertEqual(facts[.expectedEndRung], "6")
        var worse = intake
        worse.zrm[.finances] = .notSelfSufficient
        XCTAssertEqual(worse.facts(dateOfBirth: Day(year: 1999, month: 11, day: 28)!, ladder: nil)[.selfSufficient], "no")
        XCTAssertEqual(worse.facts(dateOfBirth: Day(year: 1999, month: 11, day: 28)!, ladder: nil)[.youth], "no", "27 today")
        XCTAssertNil(Intake(heldOn: intake.heldOn).facts(dateOfBirth: intake.heldOn, ladder: nil)[.selfSufficient])
        // A health domain at 1 makes the client not self-sufficient, though the page never shows it.
        var health = intake
        health.zrm[.substanceUse] = .acute
        XCTAssertEqual(health.facts(dateOfBirth: Day(year: 1980, month: 1, day: 1)!, ladder: nil)[.selfSufficient], "no")
        // A recorded Wsw indication outweighs an intake answer of "no".
        var answered = intake
        answered.answers[.wswOrBeschutIndication] = "no"
        let facts2 = answered.facts(dateOfBirth: Day(year: 1980, month: 1, day: 1)!, ladder: nil, specialGroups: [.wswIndication])
        XCTAssertEqual(facts2[.wswOrBeschutIndication], "yes")
    }
}
