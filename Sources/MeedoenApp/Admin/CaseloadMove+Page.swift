import Foundation
import MeedoenCore
import MeedoenStorage

/// The caseload transfer: choose the regisseur, the households (by name, or all by count for a role
/// that opens no file), preview the counts, confirm; the recent transfers with their undo.
struct CaseloadMovePage: Encodable {
    struct Household: Encodable, Equatable {
        var id: String
        var name: String
        var address: String
        var checked: Bool
    }

    struct Count: Encodable, Equatable {
        var name: String
        var before: Int
        var after: Int
    }

    struct Move: Encodable, Equatable {
        var id: String
        var undo: String
        var text: String
        var undoable: Bool
        var undone: String?
    }

    /// What the chosen regisseur's households are shown as.
    enum Caseload {
        case none
        case named([HouseholdRow], checked: Set<UUID>)
        /// A role that opens no file moves a caseload whole, by count, never by name.
        case count(Int, checked: Bool)
    }

    var form: FormPage
    var from: String?
    var households: [Household]
    /// Set on the preview: the counts per case manager before and after.
    var counts: [Count]?
    var moves: [Move]

    init(
        directors: [StaffMember], values: [String: String], issues: FieldIssues, caseload: Caseload, counts: [Count]?,
        moves: [CaseloadMove], today: Day
    ) {
        var values = values
        if values["validFrom"] == nil { values["validFrom"] = today.iso }
        let from = Self.chosen(values, among: directors)
        func choice(_ user: StaffMember) -> Choice {
            Choice(
                value: user.id.uuidString, label: "\(user.displayName) (\(user.username))\(user.active ? "" : " – uitgeschakeld")",
                selected: false)
        }
        let placeholder = Choice(value: "", label: "— kies —", selected: false)
        form = FormPage(
            heading: "Caseload overdragen",
            action: counts == nil ? SitePath.adminCaseloadMovePreview.path : SitePath.adminCaseloadMove.path, cancel: SitePath.home.path,
            values: values, issues: issues,
            choices: [
                // The target is never preset and never the source.
                "fromId": [placeholder] + directors.map(choice),
                "toId": [placeholder] + directors.filter { $0.active && $0.id != from?.id }.map(choice),
            ])
        self.from = from.map { "\($0.displayName) (\($0.username))" }
        switch caseload {
        case .none: households = []
        case .named(let rows, let checked):
            households = rows.map {
                Household(
                    id: $0.householdId.uuidString, name: "\($0.familyName), \($0.givenName)",
                    address: "\($0.street) \($0.houseNumber), \($0.city)", checked: checked.contains($0.householdId))
            }
        case .count(let count, let checked):
            households = [
                Household(
                    id: CaseloadMoveController.allHouseholds, name: "Alle \(Dutch.count(count, "huishouden", "huishoudens"))",
                    address: "namen ziet u niet: uw rol opent geen dossiers", checked: checked)
            ]
        }
        self.counts = counts
        let names = Dictionary(uniqueKeysWithValues: directors.map { ($0.id, $0.displayName) })
        self.moves = moves.map { Self.describe($0, names) }
    }

    /// The regisseur chosen in the form, when one of those offered.
    static func chosen(_ values: [String: String], among directors: [StaffMember]) -> StaffMember? {
        values["fromId"].flatMap(UUID.init(uuidString:)).flatMap { id in directors.first { $0.id == id } }
    }

    static func describe(_ move: CaseloadMove, _ names: [UUID: String]) -> Move {
        let count = Dutch.count(move.householdIDs.count, "huishouden", "huishoudens")
        let who = "van \(names[move.fromDirector] ?? "?") naar \(names[move.toDirector] ?? "?")"
        let skipped = move.undoSkippedCount
        let undone = move.undoneAt.map { at -> String in
            "teruggedraaid \(Dutch.moment(at))" + (skipped > 0 ? "; \(skipped) overgeslagen (regisseur intussen gewijzigd)" : "")
        }
        return Move(
            id: move.id.uuidString, undo: SitePath.adminCaseloadMoveUndo(.id(move.id)).path,
            text: "\(Dutch.moment(move.movedAt)): \(count) \(who), vanaf \(Dutch.date(move.validFrom))",
            undoable: move.undoneAt == nil, undone: undone)
    }
}
