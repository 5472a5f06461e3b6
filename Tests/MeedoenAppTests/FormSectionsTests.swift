import MeedoenCore
import XCTest

@testable import MeedoenApp

/// Forms are FormField sections drawn by one template (issue 14): the page value fills each field
/// and names the field in the error summary.
final class FormSectionsTests: XCTestCase {
    func testFieldsAreFilledAndTheSummaryNamesEachField() {
        var issues = FieldIssues()
        issues.add("bsn", .required)
        let page = SectionedFormPage(
            heading: "Gezinslid toevoegen", action: "/x", cancel: "/y", submit: "Opslaan",
            sections: [FormSection(fields: HouseholdInput.personFields + HouseholdInput.relationFields(includingApplicant: false))],
            values: ["givenName": "Anne", "relation": "partner"], issues: issues)
        XCTAssertEqual(page.errorList.map(\.message), ["BSN: vul dit veld in."])
        let fields = Dictionary(uniqueKeysWithValues: page.sections[0].fields.map { ($0.name, $0) })
        XCTAssertEqual(fields["givenName"]?.value, "Anne")
        XCTAssertEqual(fields["bsn"]?.error, "Vul dit veld in.")
        XCTAssertEqual(fields["bsn"]?.describedBy, "bsn-error bsn-hint")
        XCTAssertEqual(fields["bsn"]?.required, true)
        XCTAssertEqual(fields["coResidentException"]?.required, false)
        XCTAssertEqual(fields["relation"]?.options.filter(\.selected).map(\.value), ["partner"])
        XCTAssertFalse(
            fields["relation"]!.options.contains { $0.value == MemberRelation.applicant.rawValue }, "a new member is never the applicant")
    }
}

/// The conditions of a group proposal are structured in Core and worded here, as the decision stores them.
final class ProposalWordingTests: XCTestCase {
    func testEachReasonIsWorded() {
        XCTAssertEqual(Dutch.proposalReason(.fact(.wswOrBeschutIndication, value: "yes")), "Wsw-indicatie of doelgroep beschut werk: ja")
        XCTAssertEqual(Dutch.proposalReason(.notIn(groupName: "Zorg")), "Valt niet onder Zorg")
    }
}
