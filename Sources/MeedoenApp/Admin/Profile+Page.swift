import Foundation
import MeedoenCore
import MeedoenStorage

/// The policy profile as in force (groups with criteria, rules in words and service packages),
/// every version with who made it, and the document to change from the version in force.
struct ProfilePage: Encodable {
    struct Version: Encodable, Equatable {
        var version: Int
        var validFrom: String
        var origin: String
        var note: String
        var recorded: String
    }

    var heading = "Beleidsprofiel"
    var label: String
    var kind: String
    var ageIsCriterion: Bool
    var source: String
    var contactNorm: String
    var groups: [ClientGroupView]
    var versions: [Version]
    var form: FormPage
    var errorList: [FormPage.Message]

    /// `inForce` nil: the shipped document is in force (no version stored yet).
    init(
        profile: PolicyProfile, inForce: Int?, versions: [ProfileVersion], shipped: String?, names: [UUID: String],
        values: [String: String]?, issues: FieldIssues, today: Day
    ) {
        let segmentation = profile.segmentation
        (label, kind, ageIsCriterion, source) = (
            segmentation.label, segmentation.kind.rawValue, segmentation.ageIsCriterion, segmentation.source
        )
        contactNorm = Dutch.contactNorm(profile.contactNorm(group: nil, municipality: nil))
        groups = segmentation.groups.map { group in
            var view = ClientGroupView(group)
            view.rules = group.rules.map { Dutch.rule($0, in: segmentation) }
            return view
        }
        self.versions = versions.map {
            Version(
                version: $0.version, validFrom: Dutch.date($0.validFrom), origin: $0.origin == .shipped ? "meegeleverd" : "gewijzigd",
                note: $0.note ?? "",
                recorded: Dutch.moment($0.recordedAt) + ($0.recordedBy.flatMap { names[$0] }.map { " door \($0)" } ?? ""))
        }
        let document = versions.first { $0.version == inForce }?.document ?? shipped ?? ""
        form = FormPage(
            heading: "Profiel wijzigen", action: SitePath.adminProfile.path, cancel: SitePath.adminProfile.path,
            values: values ?? ["document": document, "validFrom": today.iso], issues: issues)
        errorList = form.errorList
    }
}
