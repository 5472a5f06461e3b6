import XCTest

@testable import MeedoenCore

final class HouseholdRuleTests: XCTestCase {
    let today = Day(year: 2026, month: 11, day: 28)!

    func born(age: Int) -> Day { Day(year: 2026 - age, month: 1, day: 1)! }

    /// Art. 19a/22a as in reference/domain.md: co-residents count from 27; partners always in the
    /// benefit unit from 21; students, BBL pupils and commercial renters never count.
    func testNumberOfCostSharers() {
        let cases: [(String, [CostSharingMember], Int)] = [
            ("single", [.init(relation: .applicant, dateOfBirth: born(age: 30))], 1),
            (
                "couple", [.init(relation: .applicant, dateOfBirth: born(age: 30)), .init(relation: .partner, dateOfBirth: born(age: 29))],
                2
            ),
            (
                "children never count",
                [.init(relation: .applicant, dateOfBirth: born(age: 35)), .init(relation: .child, dateOfBirth: born(age: 10))], 1
            ),
            (
                "issue 7's household: co-residents of 30 and 45 count, 24 does not",
                [
                    .init(relation: .applicant, dateOfBirth: born(age: 50)), .init(relation: .coResident, dateOfBirth: born(age: 30)),
                    .init(relation: .coResident, dateOfBirth: born(age: 45)), .init(relation: .coResident, dateOfBirth: born(age: 24)),
                ], 3
            ),
            (
                "student with study finance does not count",
                [
                    .init(relation: .applicant, dateOfBirth: born(age: 50)),
                    .init(relation: .coResident, dateOfBirth: born(age: 28), exception: .studentWithStudyFinance),
                ], 1
            ),
            (
                "commercial renter does not count",
                [
                    .init(relation: .applicant, dateOfBirth: born(age: 50)),
                    .init(relation: .coResident, dateOfBirth: born(age: 40), exception: .commercialRenter),
                ], 1
            ),
        ]
        for (name, members, expected) in cases {
            XCTAssertEqual(CostSharing.numberOfCostSharers(members, on: today), expected, name)
        }
    }

    func testAnAdultChildLivingAtHomeCountsFrom27() {
        let members = [
            CostSharingMember(relation: .applicant, dateOfBirth: born(age: 58)),
            CostSharingMember(relation: .child, dateOfBirth: born(age: 28)),
            CostSharingMember(relation: .child, dateOfBirth: born(age: 17)),
        ]
        XCTAssertEqual(CostSharing.numberOfCostSharers(members, on: today), 2)
    }

    func testHouseholdCompositionKeepsOneApplicantAndOnePartner() {
        XCTAssertNoThrow(try HouseholdComposition.check(relation: .partner, others: [.applicant, .child]))
        XCTAssertThrowsError(try HouseholdComposition.check(relation: .partner, others: [.applicant, .partner]))
        XCTAssertThrowsError(try HouseholdComposition.check(relation: .applicant, others: [.applicant]))
        XCTAssertThrowsError(try HouseholdComposition.check(relation: .child, previous: .applicant, others: [.partner]))
        XCTAssertNoThrow(try HouseholdComposition.check(relation: .applicant, previous: .applicant, others: [.partner]))
    }

    func testCoResidentCountsFromTheDayTheyTurn27() {
        let member = CostSharingMember(relation: .coResident, dateOfBirth: Day(year: 1999, month: 11, day: 28)!)
        XCTAssertFalse(CostSharing.countsAsCostSharer(member, on: Day(year: 2026, month: 11, day: 27)!))
        XCTAssertTrue(CostSharing.countsAsCostSharer(member, on: today))
    }

    func testBenefitFactsMustBeConsistent() {
        XCTAssertNoThrow(try BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: true).validate())
        XCTAssertNoThrow(try BenefitFacts(receivesBijstand: false, normCategory: nil, partialBenefit: false).validate())
        let wrong: [(BenefitFacts, BenefitFacts.Problem)] = [
            (.init(receivesBijstand: true, normCategory: nil, partialBenefit: false), .bijstandWithoutNormCategory),
            (.init(receivesBijstand: false, normCategory: .married, partialBenefit: false), .normCategoryWithoutBijstand),
            (.init(receivesBijstand: false, normCategory: nil, partialBenefit: true), .partialWithoutBijstand),
        ]
        for (facts, problem) in wrong {
            XCTAssertThrowsError(try facts.validate()) { XCTAssertEqual($0 as? BenefitFacts.Problem, problem) }
        }
    }

    func testSupportPeriodNeedsAReasonWhenItEnds() {
        let start = Day(year: 2025, month: 1, day: 1)!
        XCTAssertNoThrow(try SupportPeriod(start: start).validate())
        XCTAssertThrowsError(try SupportPeriod(start: start, end: Day(year: 2024, month: 1, day: 1)!, endReason: .work).validate())
        XCTAssertThrowsError(try SupportPeriod(start: start, end: today).validate())
        XCTAssertThrowsError(try SupportPeriod(start: start, endReason: .work).validate())
    }
}

final class FormReaderTests: XCTestCase {
    let today = Day(year: 2026, month: 11, day: 28)!

    func testCollectsEveryProblemOncePerField() {
        var reader = FormReader(
            [
                "bsn": "123456789", "email": "geen-mail", "postcode": "0123AB", "born": "2027-01-01",
                "name": String(repeating: "x", count: 201),
            ], today: today)
        _ = reader.bsn("bsn")
        _ = reader.email("email")
        _ = reader.postcode("postcode")
        _ = reader.day("born", notInFuture: true)
        _ = reader.requiredText("name")
        _ = reader.requiredText("missing")
        _ = reader.requiredText("missing")
        XCTAssertEqual(reader.issues["bsn"], .bsnFailsElevenTest)
        XCTAssertEqual(reader.issues["email"], .invalidEmail)
        XCTAssertEqual(reader.issues["postcode"], .invalidPostcode)
        XCTAssertEqual(reader.issues["born"], .dateInFuture)
        XCTAssertEqual(reader.issues["name"], .tooLong(max: 200))
        XCTAssertEqual(reader.issues["missing"], .required)
        XCTAssertEqual(reader.issues.items.count, 6)
    }

    func testNormalisesPostcodeAndAcceptsDutchDates() {
        var reader = FormReader(["postcode": " 8331ab ", "day": "01-07-2026"], today: today)
        XCTAssertEqual(reader.postcode("postcode"), "8331 AB")
        XCTAssertEqual(reader.day("day"), Day(year: 2026, month: 7, day: 1))
        XCTAssertTrue(reader.issues.isEmpty)
    }
}

final class AccessTests: XCTestCase {
    let sameOrganisation = Relationship(sameOrganisation: true)
    let ownCaseload = Relationship(sameOrganisation: true, isDirector: true)
    let otherOrganisation = Relationship(sameOrganisation: false, isDirector: true)
    let teamMember = Relationship(sameOrganisation: true, directorInLedTeam: true)

    func testCaseManagerReadsTheOrganisationAndWritesOwnCaseload() {
        XCTAssertTrue(Access.allows(.caseManager, .identity, .read, given: sameOrganisation))
        XCTAssertFalse(Access.allows(.caseManager, .identity, .write, given: sameOrganisation))
        XCTAssertTrue(Access.allows(.caseManager, .benefit, .write, given: ownCaseload))
    }

    func testNobodySeesAnotherOrganisationsFile() {
        for role in Role.allCases {
            for part in FilePart.allCases {
                XCTAssertFalse(Access.allows(role, part, .read, given: otherOrganisation), "\(role) \(part)")
            }
        }
    }

    func testPolicyAdminAndPrivacyRolesOpenNoFile() {
        for role in [Role.policyOfficer, .functionalAdmin, .privacyOfficer, .applicationAdmin, .employerServices] {
            for part in FilePart.allCases {
                XCTAssertFalse(Access.mayEver(role, part, .read), "\(role) must not read \(part)")
            }
        }
    }

    func testTeamLeaderSeesTheTeamAndMovesRegisseurs() {
        XCTAssertTrue(Access.allows(.teamLeader, .household, .read, given: teamMember))
        XCTAssertFalse(Access.allows(.teamLeader, .household, .read, given: sameOrganisation))
        XCTAssertTrue(Access.allows(.teamLeader, .director, .write, given: teamMember))
        XCTAssertFalse(Access.allows(.teamLeader, .benefit, .write, given: teamMember))
    }

    func testJobCoachNeverSeesBenefitFacts() {
        XCTAssertFalse(Access.mayEver(.jobCoach, .benefit, .read))
        XCTAssertFalse(Access.mayEver(.jobCoach, .household, .read))
        let linked = Relationship(sameOrganisation: true, isLinked: true)
        XCTAssertTrue(Access.allows(.jobCoach, .identity, .read, given: linked))
        XCTAssertFalse(Access.allows(.jobCoach, .identity, .read, given: sameOrganisation))
    }

    func testOpeningAFileOutsideOnesCaseloadNeedsAStatedReason() {
        XCTAssertTrue(Access.requiresStatedReason(.caseManager, given: sameOrganisation))
        XCTAssertFalse(Access.requiresStatedReason(.caseManager, given: ownCaseload))
        XCTAssertFalse(Access.requiresStatedReason(.teamLeader, given: teamMember))
    }

    func testSensitivePartsHaveAnExtraLevel() {
        // A case manager reads the organisation's files, but health, addiction, justice and notes
        // only in their own caseload — not even after stating a reason.
        XCTAssertTrue(Access.allows(.caseManager, .identity, .read, given: sameOrganisation))
        XCTAssertFalse(Access.allows(.caseManager, .sensitive, .read, given: sameOrganisation))
        XCTAssertFalse(Access.allows(.caseManager, .notes, .read, given: sameOrganisation))
        XCTAssertTrue(Access.allows(.caseManager, .sensitive, .write, given: ownCaseload))
        XCTAssertTrue(Access.allows(.careProfessional, .sensitive, .read, given: Relationship(sameOrganisation: true, isLinked: true)))
        XCTAssertFalse(Access.mayEver(.jobCoach, .sensitive, .read))
        XCTAssertFalse(Access.mayEver(.teamLeader, .sensitive, .read))
        XCTAssertTrue(Access.allows(.teamLeader, .notes, .read, given: teamMember))
        for role in [Role.policyOfficer, .functionalAdmin, .privacyOfficer, .applicationAdmin, .employerServices, .participationCoach] {
            XCTAssertFalse(Access.mayEver(role, .sensitive, .read), "\(role)")
        }
    }

    func testMunicipalityScopeLimitsEvenTheWidestRole() {
        let outside = Relationship(sameOrganisation: true, withinMunicipalityScope: false)
        XCTAssertFalse(Access.allows(.caseManager, .identity, .read, given: outside))
    }
}

final class RetentionRuleTests: XCTestCase {
    func testAFileIsDueOnlyWhenSupportEndedLongerAgoThanTheTerm() {
        let today = Day(year: 2026, month: 11, day: 28)!
        XCTAssertTrue(Retention.isDue(lastSupportEnd: Day(year: 2019, month: 11, day: 27)!, anySupportOpen: false, today: today, years: 7))
        XCTAssertFalse(
            Retention.isDue(lastSupportEnd: Day(year: 2019, month: 11, day: 28)!, anySupportOpen: false, today: today, years: 7),
            "on the day itself not yet")
        XCTAssertFalse(
            Retention.isDue(lastSupportEnd: Day(year: 2010, month: 1, day: 1)!, anySupportOpen: true, today: today, years: 7),
            "support runs again")
        XCTAssertFalse(Retention.isDue(lastSupportEnd: nil, anySupportOpen: false, today: today, years: 7))
        XCTAssertEqual(Retention.anonymisedBirth(Day(year: 1966, month: 8, day: 12)!), Day(year: 1966, month: 1, day: 1))
    }
}

final class LadderTests: XCTestCase {
    func testMovementAndTheYearlyMeasurement() {
        let today = Day(year: 2026, month: 11, day: 28)!
        let measurements = [
            LadderMeasurement(
                measuredOn: Day(year: 2025, month: 3, day: 1)!, rung: .socialContacts, expectedEnd: .unpaidWork, kind: .start),
            LadderMeasurement(
                measuredOn: Day(year: 2025, month: 11, day: 27)!, rung: .unpaidWork, expectedEnd: .unpaidWork, kind: .interim),
        ]
        XCTAssertEqual(Ladder.movement(measurements), 2, "two rungs up: a result in its own right")
        XCTAssertEqual(Ladder.movement(measurements.reversed()), 2, "order of input does not matter")
        XCTAssertTrue(Ladder.needsMeasurement(measurements, today: today), "latest more than a year ago")
        XCTAssertFalse(Ladder.needsMeasurement(measurements, today: Day(year: 2026, month: 11, day: 27)!))
        XCTAssertTrue(Ladder.needsMeasurement([], today: today))
        XCTAssertEqual(Rung.allCases.map(\.rawValue), [1, 2, 3, 4, 5, 6])
    }
}
