import MeedoenCore
import MeedoenStorage
import Vapor

/// The worklists of "iedereen in beeld" (R6, R7): per case manager their own caseload, per team
/// leader their teams and the files without a regisseur. Each row says why the client is on it.
enum WorklistController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.worklists, use: overview).require(.file(.contacts, .read))
        routes.get(.worklist(.key), use: list).require(.file(.contacts, .read))
    }

    struct Entry: Sendable {
        var row: WorklistRow
        var reasons: [WorklistReason]
    }

    /// Every client in the viewer's reach with the reasons that put them on a list.
    static func entries(_ req: Request, profile: PolicyProfile) async throws -> [Entry] {
        let viewer = try req.requireViewer()
        let today = req.today
        let rows = try await req.households.worklist(
            for: viewer, onlyOwnCaseload: viewer.role != .teamLeader, on: today, countingKinds: profile.contacts.countingKinds)
        return rows.compactMap { row in
            guard let snapshot = row.snapshot else { return nil }
            let reasons = Worklist.reasons(snapshot, profile: profile, today: today)
            return reasons.isEmpty ? nil : Entry(row: row, reasons: reasons)
        }
    }

    struct OverviewPage: Encodable {
        struct Item: Encodable {
            var href: String
            var title: String
            var description: String
            var count: Int
        }

        var heading: String
        var items: [Item]
    }

    /// The lists a viewer has: "zonder regisseur" for the teamleider, outreach where the profile turns it on.
    static func lists(for viewer: Viewer, profile: PolicyProfile) -> [Worklist.List] {
        Worklist.List.allCases.filter { ($0 != .noDirector || viewer.role == .teamLeader) && ($0 != .outreach || profile.outreach != nil) }
    }

    /// Seed 001 r. 435: residents of the outreach age without a running benefit and without a
    /// startkwalificatie recorded in their latest intake.
    static func outreachRows(_ req: Request, profile: PolicyProfile) async throws -> [ListPage.Row] {
        guard let policy = profile.outreach else { return [] }
        let viewer = try req.requireViewer()
        let today = req.today
        var rows: [ListPage.Row] = []
        let candidates = try await req.households.outreachCandidates(
            for: viewer, onlyOwnCaseload: viewer.role != .teamLeader, policy: policy, on: today)
        let intakes = try await CaseworkStore(db: req.db).latestIntakes(of: candidates.map(\.residentId))
        for candidate in candidates {
            let education = intakes[candidate.residentId]?.education
            let birth = Day(candidate.dateOfBirth)
            guard
                policy.qualifies(
                    dateOfBirth: birth, on: today, hasRunningBenefit: false, hasStartkwalificatie: education?.isStartkwalificatie == true)
            else { continue }
            let reason = WorklistReason.outreach(age: birth.age(on: today))
            rows.append(
                ListPage.Row(
                    residentID: candidate.residentId, href: SitePath.household(.id(candidate.householdId)).path,
                    name: "\(candidate.familyName), \(candidate.givenName)", director: candidate.directorName ?? "geen regisseur",
                    status: Dutch.worklistStatus(reason), reason: Dutch.worklistReason(reason, today: today), urgent: false))
        }
        return rows
    }

    @Sendable static func overview(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let profile = try await req.profile().profile
        let entries = try await entries(req, profile: profile)
        let outreach = profile.outreach == nil ? 0 : try await outreachRows(req, profile: profile).count
        let lists = lists(for: viewer, profile: profile)
        let page = OverviewPage(
            heading: viewer.role == .teamLeader ? "Werklijsten van het team" : "Mijn werklijsten",
            items: lists.map { list in
                OverviewPage.Item(
                    href: SitePath.worklist(.id(list)).path, title: Dutch.worklistTitle(list), description: Dutch.worklistDescription(list),
                    count: list == .outreach ? outreach : entries.filter { $0.reasons.contains { $0.list == list } }.count)
            })
        try await req.audit(part: FilePart.contacts.rawValue, action: "lijst", purpose: "werklijsten overzicht (alleen aantallen)")
        return try await req.renderPage("worklists", title: page.heading, page)
    }

    struct ListPage: Encodable {
        struct Row: Encodable {
            /// Logged as shown, not displayed.
            var residentID: UUID
            var href: String
            var name: String
            var director: String
            var status: String
            var reason: String
            var urgent: Bool
        }

        var heading: String
        var description: String
        var norm: String?
        var rows: [Row]
        var summary: String
        var others: [OverviewPage.Item]
        /// "101–200 van 391", and the neighbouring pages when the list is longer than one page.
        var range: String
        var previous: String?
        var next: String?
    }

    /// A team's list can run to hundreds of clients; urgent ones come first, so page one is the day's work.
    static let perPage = 100

    @Sendable static func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let today = req.today
        let profile = try await req.profile().profile
        guard let list = req.parameters.get("list").flatMap(Worklist.List.init(rawValue:)),
            lists(for: viewer, profile: profile).contains(list)
        else {
            throw Abort(.notFound, reason: "Deze werklijst bestaat niet.")
        }
        let found =
            list == .outreach
            ? try await outreachRows(req, profile: profile)
            : try await entries(req, profile: profile).flatMap { entry in
                entry.reasons.filter { $0.list == list }.map { reason in
                    ListPage.Row(
                        residentID: entry.row.residentId,
                        href: list == .contacts || list == .noDirector
                            ? SitePath.household(.id(entry.row.householdId)).path : SitePath.client(.id(entry.row.residentId)).path,
                        name: "\(entry.row.familyName), \(entry.row.givenName)",
                        director: entry.row.directorName ?? "geen regisseur", status: Dutch.worklistStatus(reason),
                        reason: Dutch.worklistReason(reason, today: today, lastContact: entry.row.lastContact.map(Day.init)),
                        urgent: Dutch.isUrgent(reason))
                }
            }
        let rows = found.sorted { ($0.urgent ? 0 : 1, $0.name) < ($1.urgent ? 0 : 1, $1.name) }
        let whose = viewer.role == .teamLeader ? "het team" : "mijn caseload"
        let pageCount = max(1, (rows.count + perPage - 1) / perPage)
        let number = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), pageCount)
        let shown = Array(rows.dropFirst((number - 1) * perPage).prefix(perPage))
        func pageLink(_ number: Int) -> String { SitePath.worklist(.id(list)).path(query: [("page", String(number))]) }
        let page = ListPage(
            heading: "\(Dutch.worklistTitle(list)): \(whose)", description: Dutch.worklistDescription(list),
            norm: list == .contacts ? Dutch.contactNorm(profile.contactNorm(group: nil, municipality: nil)) : nil, rows: shown,
            summary: "\(rows.filter(\.urgent).count) te laat, \(rows.filter { !$0.urgent }.count) nu te doen",
            others: lists(for: viewer, profile: profile).filter { $0 != list }.map {
                OverviewPage.Item(href: SitePath.worklist(.id($0)).path, title: Dutch.worklistTitle($0), description: "", count: 0)
            },
            range: rows.isEmpty ? "" : "\((number - 1) * perPage + 1)–\((number - 1) * perPage + shown.count) van \(rows.count)",
            previous: number > 1 ? pageLink(number - 1) : nil, next: number < pageCount ? pageLink(number + 1) : nil)
        try await req.auditList(
            part: .contacts, purpose: "werklijst \(Dutch.worklistTitle(list).lowercased())", searchText: nil, shown: shown.map(\.residentID)
        )
        return try await req.renderPage("worklist", title: page.heading, page)
    }
}

extension Dutch {
    static func worklistTitle(_ list: Worklist.List) -> String {
        switch list {
        case .contacts: "Uit beeld"
        case .planReviews: "Plan te evalueren"
        case .scheduledReviews: "Rechtmatigheid en evaluaties"
        case .ladder: "Laddermeting nodig"
        case .noDirector: "Zonder regisseur"
        case .youth: "Jongeren zonder plan"
        case .outreach: "Jongeren actief benaderen"
        }
    }

    static func worklistDescription(_ list: Worklist.List) -> String {
        switch list {
        case .contacts:
            "Aanvrager of partner niet gezien binnen de contactnorm van de klantgroep, de gemeente of de organisatie: de norm geldt per persoon, en alleen de soorten contact die het beleidsprofiel laat meetellen tellen mee."
        case .planReviews: "De evaluatiedatum van het lopende plan van aanpak is voorbij."
        case .scheduledReviews: "Een rechtmatigheidsonderzoek of evaluatie volgens het dienstverleningspakket van de groep is aan de beurt."
        case .ladder: "Geen meting op de participatieladder, of de laatste is ouder dan de termijn in het profiel."
        case .noDirector: "Lopende ondersteuning zonder vaste regisseur: wijs er een toe."
        case .youth: "Jongeren van 18 tot 27 jaar met ondersteuning en zonder lopend plan van aanpak."
        case .outreach:
            "Inwoners van 23 tot 27 jaar zonder lopende uitkering en zonder vastgelegde startkwalificatie: benader hen actief om te beoordelen of ondersteuning wenselijk is (seed 001)."
        }
    }

    /// Late is a deadline that passed; a missing measurement or plan is work to do, not late.
    static func isUrgent(_ reason: WorklistReason) -> Bool {
        switch reason {
        case .contact(let status, _, _): status == .overdue
        case .reviewDue, .planReviewOverdue, .noDirector: true
        case .ladderMissing, .ladderOutdated, .youthWithoutPlan, .outreach: false
        }
    }

    static func worklistStatus(_ reason: WorklistReason) -> String {
        switch reason {
        case .contact(let status, _, _): status == .overdue ? "Te laat" : "Nog te doen"
        case .planReviewOverdue: "Evaluatie te laat"
        case .reviewDue(let review, _): review.kind == .lawfulness ? "Rechtmatigheid" : "Evaluatie"
        case .ladderMissing: "Geen meting"
        case .ladderOutdated: "Meting verouderd"
        case .noDirector: "Geen regisseur"
        case .youthWithoutPlan: "Geen plan"
        case .outreach: "Benaderen"
        }
    }

    static func worklistReason(_ reason: WorklistReason, today: Day, lastContact: Day? = nil) -> String {
        switch reason {
        case .contact(let status, let norm, let deadline):
            contactReason(norm, status: status, deadline: deadline, today: today) + " (\(contactNorm(norm)))"
                + (lastContact.map { "; laatste contact \(date($0))" } ?? "; nog nooit contact")
        case .planReviewOverdue(let since): "Het plan van aanpak had op \(date(since)) geëvalueerd moeten worden"
        case .reviewDue(let review, let due): "\(review.description): aan de beurt sinds \(date(due))"
        case .ladderMissing: "Nog nooit gemeten op de participatieladder"
        case .ladderOutdated(let last, let months): "Laatste meting op \(date(last)), langer dan \(months) maanden geleden"
        case .noDirector: "Er is vandaag geen regisseur vastgelegd"
        case .youthWithoutPlan(let age): "\(age) jaar en geen lopend plan van aanpak"
        case .outreach(let age): "\(age) jaar, geen lopende uitkering en geen startkwalificatie vastgelegd"
        }
    }
}
