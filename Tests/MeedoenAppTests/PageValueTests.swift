import Foundation
import MeedoenCore
import XCTest

@testable import MeedoenApp

/// Pages are values (issue 14): a household file of Core values and a day in, the page data out —
/// no database, no server. What a role may not see is left out of the data, not hidden by the view.
final class PageValueTests: XCTestCase {
    private let today = Day(year: 2026, month: 12, day: 3)!
    private let moment = Date(timeIntervalSince1970: 1_764_000_000)
    private let (household, organisation, anne, son) = (UUID(), UUID(), UUID(), UUID())
    private let (steenwijk, julia, piet) = (UUID(), UUID(), UUID())

    private func dated<V>(_ value: V, from: Day, to: Day? = nil, superseded: Bool = false) -> Dated<V> {
        Dated(
            id: UUID(), value: value, validFrom: from, validTo: to, recordedAt: moment, recordedBy: julia,
            supersededAt: superseded ? moment.addingTimeInterval(60) : nil, supersededBy: superseded ? piet : nil)
    }

    private var file: HouseholdFile {
        let start = Day(year: 2025, month: 1, day: 1)!
        return HouseholdFile(
            household: Household(
                id: household, organisationID: organisation, street: "Markt", houseNumber: "1", postcode: "8331 AB", city: "Steenwijk"),
            members: [
                Resident(
                    id: anne, householdID: household, organisationID: organisation, bsn: "999994669", givenName: "Anne",
                    familyName: "Bakker", dateOfBirth: Day(year: 1990, month: 3, day: 1)!, relation: .applicant, recordedAt: moment),
                Resident(
                    id: son, householdID: household, organisationID: organisation, bsn: "999990019", givenName: "Tim", familyName: "Bakker",
                    dateOfBirth: Day(year: 2000, month: 6, day: 1)!, relation: .coResident, recordedAt: moment),
            ],
            municipalities: [dated(steenwijk, from: start)],
            directors: [dated(piet, from: start, superseded: true), dated(julia, from: start)],
            benefits: [dated(BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false), from: start)],
            specialGroups: [dated(MemberGroup(residentID: anne, kind: .statusHolder), from: start)],
            supportPeriods: [dated(MemberSupport(residentID: anne), from: start)],
            names: [steenwijk: "Steenwijkerland", julia: "Julia Nijland", piet: "Piet de Vries"])
    }

    func testTheHouseholdPageIsBuiltFromValues() {
        let page = HouseholdShowPage(
            file: file, today: today, canEditHousehold: true, canEditDirector: false, canEditBenefit: false, canSeeBenefit: true)
        XCTAssertEqual(page.municipality, "Steenwijkerland")
        XCTAssertEqual(page.director, "Julia Nijland", "the current regisseur, not the superseded record")
        XCTAssertEqual(page.members.map(\.name), ["Anne Bakker", "Tim Bakker"])
        XCTAssertEqual(page.costSharers, 1, "the applicant alone: a co-resident counts from 27 (art. 19a)")
        XCTAssertEqual(page.directorHistory.rows.count, 2)
        XCTAssertTrue(page.directorHistory.rows.contains { $0.superseded?.contains("Piet de Vries") == true })
        XCTAssertEqual(page.links["address"], "/households/\(household.uuidString)/address")
    }

    func testTheClientPageLeavesOutWhatTheRoleMayNotSee() {
        let own = Relationship(
            sameOrganisation: true, withinMunicipalityScope: true, isDirector: true, directorInLedTeam: false, isLinked: false,
            hasNoDirector: false)
        let resident = file.members[0]
        let forDirector = ClientShowPage(
            resident: resident, opened: OpenedFile(file: file, role: .caseManager, relationship: own, purpose: "test"), today: today,
            ladder: nil)
        XCTAssertEqual(forDirector.groups.map(\.kind), ["statusHolder"])
        XCTAssertTrue(forDirector.supportOpen)
        XCTAssertEqual(forDirector.age, 36)
        XCTAssertEqual(forDirector.links["intakeNew"], "/clients/\(anne.uuidString)/intake/new")

        let linked = Relationship(
            sameOrganisation: true, withinMunicipalityScope: true, isDirector: false, directorInLedTeam: false, isLinked: true,
            hasNoDirector: false)
        let forJobcoach = ClientShowPage(
            resident: resident, opened: OpenedFile(file: file, role: .jobCoach, relationship: linked, purpose: "test"), today: today,
            ladder: nil)
        XCTAssertEqual(forJobcoach.groups.map(\.kind), ["statusHolder"], "a linked jobcoach sees the special groups")
        XCTAssertTrue(forJobcoach.support.rows.isEmpty, "but not the support periods: left out of the data")
        XCTAssertFalse(forJobcoach.canEdit)
    }

    func testThePlanDocumentOrdersProgressByGoal() {
        let (first, second) = (UUID(), UUID())
        let plan = StoredPlan(
            id: UUID(), residentID: anne, startedOn: Day(year: 2026, month: 9, day: 1)!, agreements: "Elke week solliciteren",
            obligations: nil, nextReviewOn: Day(year: 2027, month: 3, day: 1)!, closedOn: nil, recordedAt: moment,
            goals: [
                .init(
                    id: first, position: 1, description: "Taalles", actions: nil, targetOn: Day(year: 2027, month: 1, day: 1)!,
                    status: .onTrack),
                .init(
                    id: second, position: 2, description: "Werkervaring", actions: "Stage", targetOn: Day(year: 2027, month: 6, day: 1)!,
                    status: .open),
            ],
            reviews: [
                .init(
                    id: UUID(), reviewedOn: Day(year: 2026, month: 11, day: 1)!, summary: "Goed begin", nextReviewOn: nil,
                    progress: [
                        .init(goalID: second, status: .behind, note: "nog geen plek"), .init(goalID: first, status: .onTrack, note: nil),
                    ])
            ])
        let resident = file.members[0]
        let page = PlanDocumentPage(
            plan: plan, resident: resident, file: file, organisation: "Steenwijkerland", canReview: true, today: today)
        XCTAssertEqual(page.director, "Julia Nijland")
        XCTAssertEqual(page.goals.map(\.number), [1, 2])
        XCTAssertEqual(page.reviews.first?.progress, ["Doel 1: Op schema", "Doel 2: Loopt achter — nog geen plek"])
        XCTAssertEqual(page.reviewHref, "/clients/\(anne.uuidString)/plans/\(plan.id.uuidString)/review")
        var closed = plan
        closed.closedOn = Day(year: 2026, month: 12, day: 1)!
        let done = PlanDocumentPage(plan: closed, resident: resident, file: file, organisation: "", canReview: true, today: today)
        XCTAssertNil(done.reviewHref, "a closed plan is not reviewed")
        XCTAssertNil(done.nextReview)
        XCTAssertNil(
            PlanDocumentPage(plan: plan, resident: resident, file: file, organisation: "", canReview: false, today: today).reviewHref,
            "only who may write the plan reviews it")
    }

    func testTheHandoverInboxOffersAnAnswerWhileProposed() {
        func handover(_ status: HandoverStatus) -> Handover {
            Handover(
                id: UUID(), residentID: anne, residentName: "Anne Bakker", toUserID: julia, toOrganisation: nil, goal: "Werkfit",
                reason: "Begeleiding", handedOverOn: Day(year: 2026, month: 11, day: 2)!, status: status, decidedOn: nil, decisionNote: nil,
                recordedAt: moment)
        }
        let page = HandoverInboxPage([handover(.proposed), handover(.accepted)])
        XCTAssertEqual(page.rows.map(\.open), [true, false])
        XCTAssertEqual(page.rows.first?.href, "/clients/\(anne.uuidString)")
        XCTAssertEqual(page.rows.first?.date, "2 november 2026")
        XCTAssertTrue(page.rows.first?.decisionAction.hasSuffix("/decision") == true)
    }

    func testTheGroupPageShowsTheProposalOrSaysWhatIsMissing() throws {
        let profile = try PolicyProfile.load(
            Data(contentsOf: URL(fileURLWithPath: packageRoot + "Resources/Profiles/steenwijkerland.json")), file: "steenwijkerland.json")
        let segmentation = profile.segmentation
        let resident = file.members[0]
        let proposed = GroupDecisionPage(
            resident: resident, segmentation: segmentation,
            proposal: .group(code: "directWerk", reasons: [.fact(.workCapacity, value: "yes")], explanation: "Kan direct aan het werk."),
            intakeDay: Day(year: 2026, month: 11, day: 2)!, currentCode: "zorg", today: today)
        XCTAssertEqual(proposed.heading, "\(segmentation.label) van Anne Bakker")
        XCTAssertEqual(proposed.proposed?.code, "directWerk")
        XCTAssertEqual(proposed.reasons.count, 1)
        XCTAssertNil(proposed.noProposal)
        XCTAssertEqual(proposed.current, segmentation.group("zorg")?.name)
        XCTAssertEqual(proposed.values, ["groupCode": "directWerk", "validFrom": "2026-12-03"], "the form starts on the proposal, today")
        XCTAssertEqual(proposed.intakeDate, "2 november 2026")
        XCTAssertEqual(proposed.action, SitePath.client(.id(anne), .group).path)

        let missing = GroupDecisionPage(
            resident: resident, segmentation: segmentation, proposal: .needsFacts(group: "zorg", missing: [.currentRung]), intakeDay: nil,
            currentCode: "zorg", today: today)
        XCTAssertNil(missing.proposed)
        XCTAssertEqual(missing.values["groupCode"], "zorg", "without a proposal the form starts on the current group")
        XCTAssertTrue(missing.noProposal?.contains("Leg eerst een meting op de participatieladder vast.") == true, missing.noProposal ?? "")

        var issues = FieldIssues()
        issues.add("overrideReason", .custom("Leg uit waarom u afwijkt van het voorstel."))
        let refused = GroupDecisionPage(
            resident: resident, segmentation: segmentation, proposal: nil, intakeDay: nil, currentCode: nil, today: today,
            values: ["groupCode": "zorg"], issues: issues)
        XCTAssertEqual(refused.values, ["groupCode": "zorg"], "what was typed stays")
        XCTAssertEqual(refused.errors["overrideReason"], "Leg uit waarom u afwijkt van het voorstel.")
        XCTAssertTrue(refused.noProposal?.hasPrefix("Er is nog geen intake.") == true)
    }

    func testTheMeasureFormProposesWhatTheOrdinanceGivesAndOffersSpreadingOnlyWhereAllowed() {
        let resident = file.members[0]
        func form(spread: Bool, example: Bool) -> SectionedFormPage {
            let ordinance = MeasureOrdinance(
                firstPeriodMonths: 1, repeatPeriodMonths: 2, spreadAllowed: spread, source: "Verordening art. 9", isExample: example)
            let weighing = MeasureWeighing(
                context: Measure.Context(ordinance: ordinance, today: today), earlierLines: ["1 maart 2026: 100% gedurende 1 maand"])
            return MeasureForm.page(
                for: resident, weighing: weighing, values: ["breachOn": "2026-11-20"], issues: FieldIssues(), today: today)
        }
        let plain = form(spread: false, example: false)
        XCTAssertEqual(plain.heading, "Maatregel voor Anne Bakker")
        XCTAssertEqual(plain.sections.map(\.legend), ["Afweging", "Taaleis (art. 18b)", "Maatregel"])
        XCTAssertFalse(plain.sections[2].fields.contains { $0.name == "spread" })
        XCTAssertTrue(plain.sections[2].hint?.contains("schending op 20 november 2026") == true, plain.sections[2].hint ?? "")
        XCTAssertEqual(plain.background?.items, ["1 maart 2026: 100% gedurende 1 maand"])
        XCTAssertNil(plain.background?.note)
        let spread = form(spread: true, example: true)
        XCTAssertTrue(spread.sections[2].fields.contains { $0.name == "spread" })
        XCTAssertTrue(spread.background?.note?.contains("een voorbeeld, geen bron: Verordening art. 9") == true)
    }
}
