import MeedoenCore
import MeedoenStorage
import Vapor

/// Moving a whole caseload to another regisseur, e.g. when a case manager leaves.
enum CaseloadMoveController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "caseload-move", use: form).require(.capability(.moveCaseload))
        routes.post("admin", "caseload-move", use: move).require(.capability(.moveCaseload))
    }

    private static func page(_ req: Request, values: [String: String] = [:], issues: FieldIssues = FieldIssues()) async throws -> Response {
        let viewer = try req.requireViewer()
        let users = try await DirectoryStore(db: req.db).users(of: viewer.organisationID).filter {
            $0.role.canBeDirector && (viewer.role != .teamLeader || $0.$team.id.map(viewer.ledTeamIDs.contains) == true)
        }
        var values = values
        if values["validFrom"] == nil { values["validFrom"] = req.today.iso }
        func choice(_ user: UserModel) -> Choice {
            Choice(
                value: user.id!.uuidString, label: "\(user.displayName) (\(user.username))\(user.active ? "" : " – uitgeschakeld")",
                selected: false)
        }
        let form = FormPage(
            heading: "Caseload overdragen", action: "/admin/caseload-move", cancel: "/", values: values, issues: issues,
            choices: ["fromId": users.map(choice), "toId": users.filter(\.active).map(choice)])
        return try await req.renderForm("caseload-move", form)
    }

    @Sendable static func form(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func move(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let from = HouseholdInput.uuid(&reader, "fromId")
        let to = HouseholdInput.uuid(&reader, "toId")
        let day = HouseholdInput.validFrom(&reader)
        if let from, from == to { reader.fail("toId", .custom("Kies een andere regisseur dan de huidige.")) }
        for (field, id) in [("fromId", from), ("toId", to)] {
            guard let id else { continue }
            let user = try await UserModel.find(id, on: req.db)
            if user?.$organisation.id != viewer.organisationID {
                reader.fail(field, .unknownOption)
            } else if viewer.role == .teamLeader, !(user?.$team.id.map(viewer.ledTeamIDs.contains) ?? false) {
                // A teamleider moves caseloads within the teams they lead, not the whole organisation.
                reader.fail(field, .custom("Deze medewerker zit niet in een team dat u leidt."))
            }
        }
        guard reader.issues.isEmpty, let from, let to, let day else { return try await page(req, values: fields, issues: reader.issues) }
        let moved: [UUID]
        do {
            moved = try await req.households.moveCaseload(
                from: from, to: to, from: day, organisationID: viewer.organisationID, by: req.recorder)
        } catch HouseholdStore.Problem.unknownDirector {
            var issues = FieldIssues()
            issues.add("toId", .custom("Deze medewerker kan geen regisseur zijn (uitgeschakeld of een andere rol)."))
            return try await page(req, values: fields, issues: issues)
        }
        for household in moved {
            try await req.audit(
                householdID: household, part: FilePart.director.rawValue, action: "wijzigen", purpose: "caseload overdragen",
                change: ChangeSummary(old: ["regisseur": from.uuidString], new: ["regisseur": to.uuidString, "vanaf": day.iso]))
        }
        return req.redirect(to: "/admin/caseload-move", flash: "\(moved.count) huishoudens zijn overgedragen vanaf \(Dutch.date(day)).")
    }
}
