import Foundation
import MeedoenCore
import MeedoenStorage
import XCTest

@testable import MeedoenApp

/// The admin pages as values (issue 14): store values in, page data out, without a database.
final class AdminPageTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_764_000_000)
    private let today = Day(year: 2026, month: 12, day: 3)!

    func testEachKeySaysWhyItNoLongerWorks() {
        func key(_ name: String, expires: TimeInterval?, revoked: Bool = false, usable: Bool = true) -> APIKey {
            APIKey(
                id: UUID(), name: name, createdAt: now.addingTimeInterval(-86_400), expiresAt: expires.map { now.addingTimeInterval($0) },
                revokedAt: revoked ? now.addingTimeInterval(-60) : nil, usable: usable)
        }
        let page = TokensPage(
            keys: [
                key("werkt", expires: 86_400), key("ingetrokken", expires: 86_400, revoked: true, usable: false),
                key("verlopen", expires: -1, usable: false), key("reset", expires: 86_400, usable: false),
            ], now: now)
        XCTAssertEqual(page.tokens.map(\.status), [nil, page.tokens[1].status, "verlopen", "werkt niet meer (inloggegevens gewijzigd)"])
        XCTAssertTrue(page.tokens[1].status?.hasPrefix("ingetrokken ") == true)
        XCTAssertNil(page.newToken)
    }

    func testTheTransferNeverPresetsTheTargetAndShowsNoNamesToWhomOpensNoFile() {
        let (ann, bob, gone) = (
            StaffMember(id: UUID(), displayName: "Ann", username: "ann", role: .caseManager, teamID: nil, active: true),
            StaffMember(id: UUID(), displayName: "Bob", username: "bob", role: .caseManager, teamID: nil, active: true),
            StaffMember(id: UUID(), displayName: "Cor", username: "cor", role: .caseManager, teamID: nil, active: false)
        )
        let page = CaseloadMovePage(
            directors: [ann, bob, gone], values: ["fromId": ann.id.uuidString], issues: FieldIssues(), caseload: .count(12, checked: false),
            counts: nil, moves: [], today: today)
        XCTAssertEqual(page.from, "Ann (ann)")
        let targets = page.form.choices["toId"]!.map(\.value)
        XCTAssertEqual(targets, ["", bob.id.uuidString], "not the source, not a disabled account, nothing preset")
        XCTAssertEqual(page.households.map(\.name), ["Alle 12 huishoudens"])
        XCTAssertEqual(page.form.values["validFrom"], "2026-12-03")
        XCTAssertEqual(page.form.action, SitePath.adminCaseloadMovePreview.path)
        XCTAssertEqual(page.form.choices["fromId"]!.first { $0.selected }?.value, ann.id.uuidString)
    }

    func testAUserIsLockedByALockOrByFailedLogInsAndShowsItsTeam() {
        let team = Team(id: UUID(), name: "Team Noord")
        let users = [
            StaffMember(id: UUID(), displayName: "Ann", username: "ann", role: .caseManager, teamID: team.id, active: true),
            StaffMember(
                id: UUID(), displayName: "Bob", username: "bob", role: .caseManager, teamID: nil, active: true,
                lockedUntil: now.addingTimeInterval(600)),
            StaffMember(
                id: UUID(), displayName: "Cor", username: "cor", role: .caseManager, teamID: nil, active: true,
                failedLogins: LoginController.maxFailures),
        ]
        let page = UsersPage(staff: users, teams: [team], roleName: Dutch.role, now: now, newPassword: nil)
        XCTAssertEqual(page.users.map(\.locked), [false, true, true])
        XCTAssertEqual(page.users.map(\.team), ["Team Noord", "–", "–"])
        XCTAssertEqual(page.users[0].teams.first { $0.selected }?.value, team.id.uuidString)
        XCTAssertEqual(page.users[0].actions["unlock"], SitePath.adminUser(.id(users[0].id), .id("unlock")).path)
    }

    func testTheAccessLogShowsTheResidentsOwnAndTheHouseholdsEntriesAndTheLastVerification() {
        let (anne, son) = (UUID(), UUID())
        let resident = Resident(
            id: anne, householdID: UUID(), organisationID: UUID(), bsn: "999994669", givenName: "Anne", familyName: "Bakker",
            dateOfBirth: Day(year: 1990, month: 3, day: 1)!, relation: .applicant, recordedAt: now)
        func entry(_ seq: Int, about: UUID?) -> AccessLogEntry {
            AccessLogEntry(
                seq: seq, at: now, actorName: "Julia", actorRole: "caseManager", action: "inzien", part: "household", purpose: "dossier",
                residentID: about)
        }
        let page = AccessLogPage(
            resident: resident, events: [entry(3, about: son), entry(2, about: anne), entry(1, about: nil)],
            verification: LogVerification(finishedAt: now, entriesChecked: 120, firstBrokenSeq: nil, problem: nil, unanchored: 2))
        XCTAssertEqual(page.rows.count, 2, "the son's own entries are his, not his mother's")
        XCTAssertTrue(page.rows[0].who.hasPrefix("Julia ("))
        XCTAssertTrue(page.verified.hasSuffix("intact, 120 regels, waarvan 2 nog niet buiten de database verankerd."), page.verified)
        let broken = Dutch.verification(
            LogVerification(finishedAt: now, entriesChecked: 9, firstBrokenSeq: 7, problem: "hash klopt niet", unanchored: 0))
        XCTAssertTrue(broken.hasPrefix("Let op:") && broken.contains("vanaf regel 7: hash klopt niet."), broken)
        XCTAssertTrue(Dutch.verification(nil).hasPrefix("Het toegangslog is nog niet volledig gecontroleerd."))
    }

    func testTheProfilePageStartsTheFormFromTheDocumentInForceAndWordsTheRules() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "Resources/Profiles/steenwijkerland.json"))
        let profile = try PolicyProfile.load(data, file: "steenwijkerland.json")
        let page = ProfilePage(
            profile: profile, inForce: nil, versions: [], shipped: String(decoding: data, as: UTF8.self), names: [:], values: nil,
            issues: FieldIssues(), today: today)
        XCTAssertEqual(page.form.values["validFrom"], "2026-12-03")
        XCTAssertEqual(page.form.values["document"], String(decoding: data, as: UTF8.self), "without a stored version, the shipped one")
        XCTAssertEqual(page.groups.count, profile.segmentation.groups.count)
        XCTAssertTrue(page.groups.contains { !$0.rules.isEmpty }, "the rules are worded")
    }
}
