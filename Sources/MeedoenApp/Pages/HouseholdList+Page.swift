import MeedoenCore
import MeedoenStorage
import Vapor

/// The caseload and household search: rows, filters, sort links and paging.
struct HouseholdListPage: Encodable {
    struct Row: Encodable {
        var href: String
        var name: String
        var bsn: String
        var age: Int
        var address: String
        var municipality: String
        var director: String
        var bijstand: String
        var members: String
    }

    struct SortLink: Encodable {
        var label: String
        var href: String
        var ariaSort: String
    }

    struct PageLink: Encodable {
        var label: String
        var href: String
        var current: Bool
    }

    var heading: String
    var path: String
    var searchAction: String
    var query: String
    var municipalities: [Choice]
    var showMunicipalityFilter: Bool
    var onlyBijstand: Bool
    var rows: [Row]
    var total: Int
    var summary: String
    var sortLinks: [SortLink]
    var pages: [PageLink]
    var previous: String?
    var next: String?
    var canCreate: Bool

    init(
        heading: String, path: String, search: HouseholdSearch, result: ResultPage<HouseholdRow>, municipalities: [MunicipalityModel],
        today: Day, canCreate: Bool, role: Role
    ) {
        (self.heading, self.path, self.canCreate) = (heading, path, canCreate)
        searchAction = path == SitePath.caseload.path ? SitePath.caseload.path : SitePath.householdsSearch.path
        query = search.text ?? ""
        onlyBijstand = search.onlyWithBijstand
        showMunicipalityFilter = municipalities.count > 1
        self.municipalities =
            [Choice(value: "", label: "Alle gemeenten", selected: search.municipalityID == nil)]
            + municipalities.map { Choice(value: $0.id!.uuidString, label: $0.name, selected: $0.id == search.municipalityID) }
        rows = result.rows.map { row in
            Row(
                href: SitePath.household(.id(row.householdId)).path, name: "\(row.familyName), \(row.givenName)",
                bsn: (try? BSN(row.bsn).masked) ?? "", age: Day(row.dateOfBirth).age(on: today),
                // A column the role may not read shows a dash, not the value (a jobcoach: no address, no benefit).
                address: Access.mayEver(role, .household, .read) ? "\(row.street) \(row.houseNumber), \(row.city)" : "–",
                municipality: Access.mayEver(role, .household, .read) ? row.municipality ?? "–" : "–",
                director: row.directorName ?? "geen regisseur",
                bijstand: Access.mayEver(role, .benefit, .read) ? (row.receivesBijstand == true ? "ja" : "nee") : "–",
                members: Access.mayEver(role, .household, .read) ? String(row.members) : "–")
        }
        total = result.total
        let first = result.total == 0 ? 0 : (result.page - 1) * result.per + 1
        summary = "\(first)–\(min(result.total, result.page * result.per)) van \(result.total) huishoudens"

        func link(page: Int, sort: HouseholdSearch.Sort, descending: Bool) -> String {
            var items = ["page=\(page)", "sort=\(sort.rawValue)"]
            if descending { items.append("desc=1") }
            if let municipality = search.municipalityID { items.append("municipality=\(municipality.uuidString)") }
            if search.onlyWithBijstand { items.append("bijstand=1") }
            return path + "?" + items.joined(separator: "&")
        }
        let labels: [(HouseholdSearch.Sort, String)] = [
            (.name, "Naam"), (.postcode, "Adres"), (.municipality, "Gemeente"), (.director, "Regisseur"),
        ]
        sortLinks = labels.map { sort, label in
            let active = search.sort == sort
            return SortLink(
                label: label, href: link(page: 1, sort: sort, descending: active && !search.descending),
                ariaSort: active ? (search.descending ? "descending" : "ascending") : "none")
        }
        let windowStart = min(max(1, result.page - 3), result.pageCount)
        let window = windowStart...min(result.pageCount, windowStart + 6)
        pages = window.map {
            PageLink(label: String($0), href: link(page: $0, sort: search.sort, descending: search.descending), current: $0 == result.page)
        }
        previous = result.page > 1 ? link(page: result.page - 1, sort: search.sort, descending: search.descending) : nil
        next = result.page < result.pageCount ? link(page: result.page + 1, sort: search.sort, descending: search.descending) : nil
    }
}

extension HouseholdSearch {
    /// Reads the list's query string; unknown values fall back to the defaults rather than failing.
    /// Search text never comes from a URL (it is personal data); the web keeps it in the session and
    /// the API takes it in a POST body.
    init(query: URLQueryContainer, directorID: UUID?, text: String? = nil) {
        let text = text?.trimmingCharacters(in: .whitespaces)
        let municipality = (try? query.get(String.self, at: "municipality")).flatMap(UUID.init(uuidString:))
        let sort = (try? query.get(String.self, at: "sort")).flatMap(Sort.init(rawValue:)) ?? .name
        self.init(
            text: text.map { String($0.prefix(100)) }, municipalityID: municipality, directorID: directorID,
            onlyWithBijstand: (try? query.get(String.self, at: "bijstand")) == "1", sort: sort,
            descending: (try? query.get(String.self, at: "desc")) == "1",
            page: (try? query.get(Int.self, at: "page")) ?? 1, per: (try? query.get(Int.self, at: "per")) ?? 25)
    }
}
