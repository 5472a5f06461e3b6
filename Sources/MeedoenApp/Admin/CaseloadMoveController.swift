import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

/// Moving households from one regisseur to another, e.g. when a case manager leaves (issue 12):
/// choose the current regisseur, select households, preview the counts per case manager, confirm;
/// for 30 days a move can be undone — exactly those households, skipping any whose regisseur
/// changed since. The target is never preset and never the source.
enum CaseloadMoveController {
    static let undoDays = 30
    /// The one choice offered to a role that may not see the households' names.
    static let allHouseholds = "alle"

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminCaseloadMove, use: form).require(.capability(.moveCaseload))
        routes.post(.adminCaseloadMovePreview, use: preview).require(.capability(.moveCaseload))
        routes.post(.adminCaseloadMove, use: move).require(.capability(.moveCaseload))
        routes.post(.adminCaseloadMoveUndo(.key), use: undo).require(.capability(.moveCaseload))
    }

    /// The regisseurs this user may move caseloads between: the teams they lead, or the organisation.
    private static func directors(_ req: Request, _ viewer: Viewer) async throws -> [StaffMember] {
        try await DirectoryStore(db: req.db).staff(of: viewer.organisationID).filter {
            $0.role.canBeDirector && (viewer.role != .teamLeader || $0.teamID.map(viewer.ledTeamIDs.contains) == true)
        }
    }

    private static func page(
        _ req: Request, values: [String: String], issues: FieldIssues = FieldIssues(), counts: [CaseloadMovePage.Count]? = nil,
        checked: Set<UUID> = []
    ) async throws -> Response {
        let viewer = try req.requireViewer()
        let directors = try await directors(req, viewer)
        var caseload = CaseloadMovePage.Caseload.none
        if let from = CaseloadMovePage.chosen(values, among: directors) {
            if Access.mayEver(viewer.role, .identity, .read) {
                let rows = try await self.caseload(req, viewer, of: from.id)
                try await req.auditList(purpose: "caseload overdragen: huishoudens kiezen", searchText: nil, shown: rows.map(\.applicantId))
                caseload = .named(rows, checked: checked)
            } else {
                caseload = .count(try await req.households.caseload(of: from.id, on: req.today).count, checked: !checked.isEmpty)
            }
        }
        let offered = Set(directors.map(\.id))
        let since = req.services.clock.now().addingTimeInterval(-Double(undoDays) * 86_400)
        let moves = try await req.households.caseloadMoves(organisationID: viewer.organisationID, since: since)
            .filter { offered.contains($0.fromDirector) || viewer.role != .teamLeader }
        let content = CaseloadMovePage(
            directors: directors, values: values, issues: issues, caseload: caseload, counts: counts, moves: moves, today: req.today)
        return try await req.renderPage("caseload-move", title: content.form.heading, content, status: issues.isEmpty ? .ok : .badRequest)
    }

    /// The households a regisseur directs today, as rows with names, within the viewer's reach.
    private static func caseload(_ req: Request, _ viewer: Viewer, of director: UUID) async throws -> [HouseholdRow] {
        var rows: [HouseholdRow] = []
        var search = HouseholdSearch(directorID: director, per: 200)
        while true {
            let result = try await req.households.search(search, for: viewer, on: req.today)
            rows += result.rows
            if result.page >= result.pageCount { break }
            search.page += 1
        }
        return rows
    }

    @Sendable static func form(req: Request) async throws -> Response {
        try await page(req, values: ["fromId": (try? req.query.get(String.self, at: "fromId")) ?? ""])
    }

    /// What the form asks, checked; nil with the issues when something is wrong.
    private static func read(_ req: Request) async throws -> (from: UUID, to: UUID, day: Day, chosen: [UUID]) {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(Form.self)
        let fields = form.fields
        var reader = FormReader(fields, today: req.today)
        let from = HouseholdInput.uuid(&reader, "fromId")
        let to = HouseholdInput.uuid(&reader, "toId")
        let day = HouseholdInput.validFrom(&reader)
        if let from, from == to { reader.fail("toId", .custom("Kies een andere regisseur dan de huidige.")) }
        let allowed = Set(try await directors(req, viewer).map(\.id))
        for (field, id) in [("fromId", from), ("toId", to)] {
            guard let id, !allowed.contains(id) else { continue }
            reader.fail(
                field,
                viewer.role == .teamLeader ? .custom("Deze medewerker zit niet in een team dat u leidt.") : .unknownOption)
        }
        let chosen = form.household ?? []
        var ids = chosen.compactMap(UUID.init(uuidString:))
        if chosen.contains(allHouseholds), let from { ids = try await req.households.caseload(of: from, on: req.today) }
        if ids.isEmpty && reader.issues.isEmpty { reader.fail("household", .custom("Kies minstens één huishouden.")) }
        guard reader.issues.isEmpty, let from, let to, let day else {
            throw Refused(response: try await page(req, values: fields, issues: reader.issues, checked: Set(ids)))
        }
        return (from, to, day, ids)
    }

    /// The form's fields; the households come as a list (`household[]`).
    struct Form: Content {
        var fromId: String?
        var toId: String?
        var validFrom: String?
        var household: [String]?

        var fields: [String: String] {
            ["fromId": fromId, "toId": toId, "validFrom": validFrom].compactMapValues { $0 }
        }
    }

    /// The form again with its errors, in place of the step that was asked for.
    struct Refused: Error { var response: Response }

    @Sendable static func preview(req: Request) async throws -> Response {
        do {
            let (from, to, _, chosen) = try await read(req)
            let viewer = try req.requireViewer()
            let held = Set(try await req.households.caseload(of: from, on: req.today))
            let moving = chosen.filter(held.contains).count
            let names = Dictionary(uniqueKeysWithValues: try await directors(req, viewer).map { ($0.id, $0.displayName) })
            let toHeld = try await req.households.caseload(of: to, on: req.today).count
            let counts = [
                CaseloadMovePage.Count(name: names[from] ?? "?", before: held.count, after: held.count - moving),
                CaseloadMovePage.Count(name: names[to] ?? "?", before: toHeld, after: toHeld + moving),
            ]
            return try await page(req, values: try req.content.decode(Form.self).fields, counts: counts, checked: Set(chosen))
        } catch let refused as Refused {
            return refused.response
        }
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        do {
            let (from, to, day, chosen) = try await read(req)
            let recorder = req.recorder
            let move = try await req.recordChange { tx in
                let move = try await HouseholdStore(db: tx.db).moveCaseload(
                    chosen, from: from, to: to, from: day, organisationID: viewer.organisationID, by: recorder)
                for household in move.householdIDs {
                    try await tx.append(
                        req.auditRecord(
                            householdID: household, part: FilePart.director.rawValue, action: "wijzigen", purpose: "caseload overdragen",
                            change: ChangeSummary(old: ["regisseur": from.uuidString], new: ["regisseur": to.uuidString, "vanaf": day.iso]))
                    )
                }
                return move
            }
            return req.redirect(
                to: .adminCaseloadMove,
                flash:
                    "\(Dutch.count(move.householdIDs.count, "huishouden is", "huishoudens zijn")) overgedragen vanaf \(Dutch.date(day)). Terugdraaien kan hieronder, \(undoDays) dagen lang."
            )
        } catch let refused as Refused {
            return refused.response
        } catch HouseholdStore.Problem.unknownDirector {
            var issues = FieldIssues()
            issues.add("toId", .custom("Deze medewerker kan geen regisseur zijn (uitgeschakeld of een andere rol)."))
            return try await page(req, values: try req.content.decode(Form.self).fields, issues: issues)
        }
    }

    @Sendable static func undo(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let move = try await req.households.caseloadMove(try req.idParameter(), organisationID: viewer.organisationID) else {
            throw AppError.notFound
        }
        let allowed = Set(try await directors(req, viewer).map(\.id))
        guard allowed.contains(move.fromDirector), allowed.contains(move.toDirector) else { throw AppError.forbidden }
        guard move.undoneAt == nil else { throw AppError.conflict("Deze overdracht is al teruggedraaid; er is niets gewijzigd.") }
        guard req.services.clock.now().timeIntervalSince(move.movedAt) <= Double(undoDays) * 86_400 else {
            throw AppError.conflict("Een overdracht terugdraaien kan tot \(undoDays) dagen erna; wijs de regisseurs nu per huishouden toe.")
        }
        let (recorder, today) = (req.recorder, req.today)
        let outcome: (back: [UUID], skipped: [UUID])
        do {
            outcome = try await req.recordChange { tx in
                let outcome = try await HouseholdStore(db: tx.db).undo(move, today: today, by: recorder)
                for household in outcome.back {
                    try await tx.append(
                        req.auditRecord(
                            householdID: household, part: FilePart.director.rawValue, action: "wijzigen",
                            purpose: "caseload-overdracht terugdraaien",
                            change: ChangeSummary(
                                old: ["regisseur": move.toDirector.uuidString], new: ["regisseur": move.fromDirector.uuidString])))
                }
                return outcome
            }
        } catch HouseholdStore.Problem.alreadyUndone {
            throw AppError.conflict("Deze overdracht is al teruggedraaid; er is niets gewijzigd.")
        }
        var named = ""
        if !outcome.skipped.isEmpty, Access.mayEver(viewer.role, .identity, .read) {
            // The teamleider sees which ones, to assign them by hand; the beheerder, who opens no file, sees how many.
            let applicants = try await req.households.applicants(of: outcome.skipped)
            named = ": " + applicants.map(\.fullName).sorted().joined(separator: ", ")
            try await req.auditList(
                purpose: "overgeslagen bij terugdraaien van een caseload-overdracht", searchText: nil, shown: applicants.compactMap(\.id))
        }
        let message =
            "\(Dutch.count(outcome.back.count, "huishouden is", "huishoudens zijn")) teruggezet."
            + (outcome.skipped.isEmpty
                ? ""
                : " \(Dutch.count(outcome.skipped.count, "huishouden is", "huishoudens zijn")) overgeslagen, want de regisseur is intussen gewijzigd\(named).")
        return req.redirect(to: .adminCaseloadMove, flash: message)
    }
}
