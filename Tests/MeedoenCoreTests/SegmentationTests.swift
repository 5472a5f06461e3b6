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
        XCTAssertEqual(reasons, [.fact(.wswOrBeschutIndication, value: "yes")], "the fact that decided it (worded by the app)")
        XCTAssertTrue(explanation.contains("NoordWestGroep"))
    }

    /// Seed 003 r. 2027-2043 (begrippenlijst): Route Onderwijs for young people going from school to
    /// work or back to school; Route vrijwilliger where work is no real prospect (also for the young);
    /// Route dagbesteding for VSO leavers only (not PrO), in Assen; Route Arbeid for PrO/VSO leavers to work.
    func testWPDARoutes() throws {
        let segmentation = try profile("wpda").segmentation
        let adult: [Fact: String] = [
            .youth: "no", .proVsoSchoolLeaver: "no", .vsoSchoolLeaver: "no", .startkwalificatie: "yes", .entrepreneurWish: "no",
            .schoolTransition: "no",
        ]
        func facts(_ changes: [Fact: String]) -> Facts { Facts(adult.merging(changes) { $1 }) }
        let young: [Fact: String] = [.youth: "yes", .startkwalificatie: "no"]
        func youth(_ changes: [Fact: String]) -> Facts { facts(young.merging(changes) { $1 }) }
        let cases: [(String, Facts, String?, String?)] = [
            ("adult with capacity: Werknemer", facts([.workCapacity: "yes"]), "GM1730", "werknemer"),
            ("adult with limited capacity: still Werknemer", facts([.workCapacity: "limited"]), "GM1680", "werknemer"),
            ("no perspective on work: vrijwilliger", facts([.workCapacity: "none"]), "GM1730", "vrijwilliger"),
            ("wants to start a business", facts([.workCapacity: "yes", .entrepreneurWish: "yes"]), "GM0106", "ondernemer"),
            (
                "entrepreneur wish without capacity: vrijwilliger", facts([.workCapacity: "none", .entrepreneurWish: "yes"]), "GM0106",
                "vrijwilliger"
            ),
            ("young, from school to work: Onderwijs", youth([.workCapacity: "yes", .schoolTransition: "yes"]), "GM1730", "onderwijs"),
            ("young, back to school: Onderwijs", youth([.workCapacity: "limited", .schoolTransition: "yes"]), "GM1680", "onderwijs"),
            ("young, not about school: Werknemer", youth([.workCapacity: "yes"]), "GM1730", "werknemer"),
            (
                "young, work no real prospect: vrijwilliger, not Onderwijs", youth([.workCapacity: "none", .schoolTransition: "yes"]),
                "GM1730", "vrijwilliger"
            ),
            (
                "PrO/VSO leaver with capacity: Route Arbeid",
                youth([.workCapacity: "limited", .proVsoSchoolLeaver: "yes", .vsoSchoolLeaver: "yes"]), "GM1680", "routeArbeid"
            ),
            (
                "VSO leaver without capacity in Assen: dagbesteding",
                youth([.workCapacity: "none", .proVsoSchoolLeaver: "yes", .vsoSchoolLeaver: "yes"]), "GM0106", "routeDagbesteding"
            ),
            (
                "PrO leaver without capacity in Assen: not dagbesteding (VSO only)",
                youth([.workCapacity: "none", .proVsoSchoolLeaver: "yes", .vsoSchoolLeaver: "no"]), "GM0106", "vrijwilliger"
            ),
            (
                "PrO leaver with full capacity in Assen: Route Arbeid",
                youth([.workCapacity: "yes", .proVsoSchoolLeaver: "yes", .vsoSchoolLeaver: "no"]), "GM0106", "routeArbeid"
            ),
            (
                "a VSO leaver in Tynaarlo: no Route dagbesteding there",
                youth([.workCapacity: "none", .proVsoSchoolLeaver: "yes", .vsoSchoolLeaver: "yes"]), "GM1730", "vrijwilliger"
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

    /// Seed 001 r. 245: the ladder position and the support need decide between a regional
    /// trajectory to work and a local participation trajectory.
    func testNijkerkLadder() throws {
        let segmentation = try profile("nijkerk").segmentation
        let cases: [(Int, String, String)] = [
            (6, "sporadic", "trajectWerk"), (5, "regular", "trajectWerk"), (6, "intensive", "trajectParticipatie"),
            (4, "sporadic", "trajectParticipatie"), (1, "regular", "trajectParticipatie"),
        ]
        for (rung, need, expected) in cases {
            XCTAssertEqual(
                segmentation.propose(for: Facts([.expectedEndRung: String(rung), .supportNeed: need])).code, expected,
                "eindtrede \(rung), \(need)")
        }
        XCTAssertEqual(segmentation.propose(for: Facts()), .needsFacts(group: "trajectWerk", missing: [.expectedEndRung, .supportNeed]))
        XCTAssertEqual(segmentation.propose(for: Facts([.expectedEndRung: "3"])).code, "trajectParticipatie", "rung 3 needs no more")
    }

    /// No tegenprestatie text for wage earners (art. 9 lid 1 sub c) or Wijchen's zorgprofessional (seed 004).
    func testNoTegenprestatieForWageEarnersOrCareFirst() throws {
        let steenwijkerland = try profile("steenwijkerland").segmentation
        for code in ["werkvoorzienend", "geplaatst"] {
            XCTAssertNil(steenwijkerland.group(code)?.tegenprestatie, code)
            XCTAssertNotNil(steenwijkerland.group(code)?.tegenprestatieNote, code)
        }
        XCTAssertNotNil(steenwijkerland.group("directWerk")?.tegenprestatie)
        XCTAssertNil(try profile("wijchen").segmentation.group("zorgprofessional")?.tegenprestatie)
    }

    /// Role names as the organisations use them; the rights stay the role's.
    func testRoleNamesPerProfile() throws {
        XCTAssertEqual(try profile("nijkerk").roleNames?.name(of: .caseManager), "Arbeidsconsulent")
        XCTAssertEqual(try profile("wpda").roleNames?.name(of: .caseManager), "Coach")
        XCTAssertEqual(try profile("wijchen").roleNames?.name(of: .employerServices), "Bedrijfsdienstverlener")
        XCTAssertNil(try profile("steenwijkerland").roleNames)
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
        let all: [ZRMDomain: ZRMScore] = [
            .finances: .limited, .workAndEducation: .fully, .timeUse: .fully, .housing: .fully, .domesticRelations: .fully,
            .mentalHealth: .fully, .physicalHealth: .fully, .substanceUse: .fully, .basicADL: .fully, .instrumentalADL: .fully,
            .socialNetwork: .fully, .socialParticipation: .fully, .justice: .fully,
        ]
        let intake = Intake(
            heldOn: Day(year: 2026, month: 11, day: 28)!, zrm: all, education: .praktijkonderwijs, answers: Facts([.workCapacity: "yes"]))
        let facts = intake.facts(
            dateOfBirth: Day(year: 2000, month: 11, day: 29)!,
            ladder: LadderMeasurement(
                measuredOn: Day(year: 2026, month: 1, day: 1)!, rung: .unpaidWork, expectedEnd: .paidWork, kind: .start))
        XCTAssertEqual(facts[.selfSufficient], "yes", "every domain scored, 3 is still beperkt zelfredzaam")
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

    /// Zelfredzaam is the profile's threshold over the whole ZRM; an unscored domain makes it unknown,
    /// never true (issue 13; Steenwijkerland: no domain below 4).
    func testSelfSufficiencyAgainstTheProfilesThreshold() throws {
        let all: [ZRMDomain: ZRMScore] = Dictionary(
            uniqueKeysWithValues: ZRMDomain.allCases.filter { $0 != .parenting }.map { ($0, .sufficient) })
        let birth = Day(year: 1980, month: 1, day: 1)!
        func selfSufficient(_ zrm: [ZRMDomain: ZRMScore], _ threshold: ZRMScore) -> String? {
            Intake(heldOn: Day(year: 2026, month: 11, day: 28)!, zrm: zrm).facts(
                dateOfBirth: birth, ladder: nil, selfSufficientFrom: threshold)[
                    .selfSufficient]
        }
        var three = all
        three[.housing] = .limited
        var missing = all
        missing[.justice] = nil
        var missingAndLow = missing
        missingAndLow[.finances] = .notSelfSufficient
        let cases: [(String, [ZRMDomain: ZRMScore], ZRMScore, String?)] = [
            ("every domain 4, threshold 4", all, .sufficient, "yes"),
            ("one domain 3, threshold 4 (Steenwijkerland)", three, .sufficient, "no"),
            ("one domain 3, threshold 3", three, .limited, "yes"),
            ("one domain unscored: unknown, never yes", missing, .sufficient, nil),
            ("unscored but another below: no", missingAndLow, .sufficient, "no"),
        ]
        for (name, zrm, threshold, expected) in cases { XCTAssertEqual(selfSufficient(zrm, threshold), expected, name) }
        XCTAssertEqual(try profile("steenwijkerland").segmentation.selfSufficientThreshold, .sufficient)
        XCTAssertEqual(try profile("wpda").segmentation.selfSufficientThreshold, .limited, "the default where a profile says nothing")
    }

    /// Age facts are evaluated on the day, not frozen at the intake: 26 at the intake, 27 now.
    func testYouthIsEvaluatedOnTheDay() {
        let intake = Intake(heldOn: Day(year: 2026, month: 1, day: 10)!)
        let birth = Day(year: 1999, month: 6, day: 1)!
        XCTAssertEqual(intake.facts(dateOfBirth: birth, ladder: nil)[.youth], "yes", "26 on the intake day")
        XCTAssertEqual(intake.facts(dateOfBirth: birth, ladder: nil, on: Day(year: 2026, month: 11, day: 28)!)[.youth], "no", "27 today")
    }

    /// WPDA's Route dagbesteding is for VSO leavers: derived from the education level.
    func testVSOIsToldFromPrO() {
        func vso(_ education: EducationLevel, leaver: SpecialGroup? = .schoolLeaverPrOVSO) -> String? {
            Intake(heldOn: Day(year: 2026, month: 11, day: 28)!, education: education).facts(
                dateOfBirth: Day(year: 2006, month: 1, day: 1)!, ladder: nil, specialGroups: leaver.map { [$0] } ?? [])[.vsoSchoolLeaver]
        }
        XCTAssertEqual(vso(.vso), "yes")
        XCTAssertEqual(vso(.praktijkonderwijs), "no")
        XCTAssertNil(vso(.unknown), "a school leaver of unknown school type: not yet known")
        XCTAssertEqual(vso(.praktijkonderwijs, leaver: nil), "no")
    }
}
