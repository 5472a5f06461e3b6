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

    @Sendable static func overview(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let profile = try await req.profile().profile
        let page = WorklistOverviewPage(
            role: viewer.role, lists: Worklist.lists(for: viewer.role, profile: profile),
            counts: try await req.worklistCounts(profile: profile))
        try await req.audit(part: FilePart.contacts.rawValue, action: "lijst", purpose: "werklijsten overzicht (alleen aantallen)")
        return try await req.renderPage("worklists", title: page.heading, page)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let profile = try await req.profile().profile
        let lists = Worklist.lists(for: viewer.role, profile: profile)
        guard let list = req.parameters.get("list").flatMap(Worklist.List.init(rawValue:)), lists.contains(list) else {
            throw Abort(.notFound, reason: "Deze werklijst bestaat niet.")
        }
        let all = try await req.worklistItems(list, profile: profile)
        let shown = ResultPage(slicing: all, page: (try? req.query.get(Int.self, at: "page")) ?? 1, per: WorklistPage.perPage)
        let page = WorklistPage(
            list: list, role: viewer.role, all: all, shown: shown, otherLists: lists.filter { $0 != list },
            organisationNorm: profile.contactNorm(group: nil, municipality: nil), today: req.today)
        try await req.auditList(
            part: .contacts, purpose: "werklijst \(Dutch.worklistTitle(list).lowercased())", searchText: nil,
            shown: shown.rows.map(\.residentID))
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
