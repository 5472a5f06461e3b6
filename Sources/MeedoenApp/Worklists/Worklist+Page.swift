import MeedoenCore
import MeedoenStorage
import Vapor

/// The worklists with their counts: numbers only, nobody's name.
struct WorklistOverviewPage: Encodable {
    struct Item: Encodable, Equatable {
        var href: String
        var title: String
        var description: String
        var count: Int
    }

    var heading: String
    var items: [Item]

    init(role: Role, lists: [Worklist.List], counts: [Worklist.List: Int]) {
        heading = role == .teamLeader ? "Werklijsten van het team" : "Mijn werklijsten"
        items = lists.map { list in
            Item(
                href: SitePath.worklist(.id(list)).path, title: Dutch.worklistTitle(list), description: Dutch.worklistDescription(list),
                count: counts[list] ?? 0)
        }
    }
}

/// One worklist, a page of it: who, and why each is on it, late first.
struct WorklistPage: Encodable {
    struct Row: Encodable, Equatable {
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
    var others: [WorklistOverviewPage.Item]
    /// "101–200 van 391", and the neighbouring pages when the list is longer than one page.
    var range: String
    var previous: String?
    var next: String?

    /// A team's list can run to hundreds of clients; page one is the day's work.
    static let perPage = 100

    /// `all` is the whole list in work order (the summary counts all of it); `shown` the page of it.
    init(
        list: Worklist.List, role: Role, all: [WorklistItem], shown: ResultPage<WorklistItem>, otherLists: [Worklist.List],
        organisationNorm: ContactNorm, today: Day
    ) {
        heading = "\(Dutch.worklistTitle(list)): \(role == .teamLeader ? "het team" : "mijn caseload")"
        description = Dutch.worklistDescription(list)
        norm = list == .contacts ? Dutch.contactNorm(organisationNorm) : nil
        rows = shown.rows.map { item in
            Row(
                // The contact norm, a missing regisseur and outreach are about the household; the rest about one client.
                href: list == .contacts || list == .noDirector || list == .outreach
                    ? SitePath.household(.id(item.householdID)).path : SitePath.client(.id(item.residentID)).path,
                name: item.sortName, director: item.director ?? "geen regisseur",
                status: Dutch.worklistStatus(item.reason),
                reason: Dutch.worklistReason(item.reason, today: today, lastContact: item.lastContact),
                urgent: item.reason.isLate)
        }
        let late = all.filter(\.reason.isLate).count
        summary = "\(late) te laat, \(all.count - late) nu te doen"
        others = otherLists.map {
            WorklistOverviewPage.Item(href: SitePath.worklist(.id($0)).path, title: Dutch.worklistTitle($0), description: "", count: 0)
        }
        let first = (shown.page - 1) * shown.per
        range = shown.total == 0 ? "" : "\(first + 1)–\(first + shown.rows.count) van \(shown.total)"
        func link(_ number: Int) -> String { SitePath.worklist(.id(list)).path(query: [("page", String(number))]) }
        previous = shown.page > 1 ? link(shown.page - 1) : nil
        next = shown.page < shown.pageCount ? link(shown.page + 1) : nil
    }
}
