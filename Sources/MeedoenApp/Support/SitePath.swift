import Foundation
import MeedoenCore
import Vapor

/// A path parameter: `.key` where a route is registered, `.id(…)` where a link is built.
/// (The Swift Package Index server's `SiteURL` is the model: one value for both uses.)
enum PathParameter<Value: Sendable & Equatable>: Sendable, Equatable {
    case key
    case id(Value)
}

/// Every page and form of the web app, once: routes are registered with `components`, links and
/// redirects are built with `path`, tests request `path` — so a renamed path cannot leave a dead link.
/// (The API's paths live in its operations, `APIOperation.path`, which the OpenAPI document lists.)
enum SitePath: Sendable, Equatable {
    typealias ID = PathParameter<UUID>

    case home
    case login, loginSecondFactor, loginEnroll, logout
    case activate, activatePassword
    case accountPassword, accountTokens
    case accountTokenRevoke(ID)
    case caseload
    case households, householdsSearch, householdsNew
    case household(ID, HouseholdPage = .show)
    case client(ID, ClientPage = .show)
    case handovers
    case handoverDecision(ID)
    case worklists
    case worklist(PathParameter<Worklist.List>)
    case teamAccessReasons
    case privacy, privacyAccounts
    case privacyResident(ID, ResidentLogPage = .log)
    case incomeCalculation, wageCostSubsidy
    case adminUsers, adminUsersNew
    case adminUser(ID, PathParameter<String>)
    case adminCaseloadMove, adminCaseloadMovePreview
    case adminCaseloadMoveUndo(ID)
    case adminParameters, adminProfile, adminProfileTerms
    case organisationStylesheet(PathParameter<String>)
    case health, metrics

    /// The pages below a household's file.
    enum HouseholdPage: Sendable, Equatable {
        case show, access, income, contacts, contactsNew
        /// One of the household's edit forms (`HouseholdEditController.Edit.path`).
        case edit(String)
    }

    /// The pages below a client's file.
    enum ClientPage: Sendable, Equatable {
        case show, edit, ladder, ladderNew, groups, groupsNew, groupsEnd, supportStart, supportEnd
        case intake, intakeNew, group, reviews, reviewsNew, youthChecklist
        case plans, plansNew
        case plan(ID)
        case planReview(ID)
        case measures, measuresNew
        case measureRevision(ID)
        case handovers, handoversNew
        case handoverDecision(ID)
        case signals, signalsNew
        case signalOutcome(ID)
    }

    enum ResidentLogPage: Sendable, Equatable { case log, inzage, inzageJSON }

    /// The path to link to or redirect to; a `.key` parameter is written as `:name`.
    var path: String { "/" + segments.map(\.text).joined(separator: "/") }

    /// The components to register the route with.
    var components: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .constant(let text): .constant(text)
            case .parameter(let name, nil): .parameter(name)
            case .parameter(_, let value?): .constant(value)
            }
        }
    }

    /// The path with a query string, e.g. a page of a list.
    func path(query: [(String, String)]) -> String {
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (components.percentEncodedQuery ?? "")
    }

    fileprivate enum Segment {
        case constant(String)
        case parameter(String, String?)

        var text: String {
            switch self {
            case .constant(let text): text
            case .parameter(let name, let value): value ?? ":" + name
            }
        }
    }

    fileprivate static func parameter(_ name: String, _ id: ID) -> Segment {
        switch id {
        case .key: .parameter(name, nil)
        case .id(let value): .parameter(name, value.uuidString)
        }
    }

    private var segments: [Segment] {
        let c = Segment.constant
        switch self {
        case .home: return []
        case .login: return [c("login")]
        case .loginSecondFactor: return [c("login"), c("second-factor")]
        case .loginEnroll: return [c("login"), c("enroll")]
        case .logout: return [c("logout")]
        case .activate: return [c("activate")]
        case .activatePassword: return [c("activate"), c("password")]
        case .accountPassword: return [c("account"), c("password")]
        case .accountTokens: return [c("account"), c("tokens")]
        case .accountTokenRevoke(let id): return [c("account"), c("tokens"), Self.parameter("id", id), c("revoke")]
        case .caseload: return [c("caseload")]
        case .households: return [c("households")]
        case .householdsSearch: return [c("households"), c("search")]
        case .householdsNew: return [c("households"), c("new")]
        case .household(let id, let page): return [c("households"), Self.parameter("id", id)] + page.segments
        case .client(let id, let page): return [c("clients"), Self.parameter("id", id)] + page.segments
        case .handovers: return [c("handovers")]
        case .handoverDecision(let id): return [c("handovers"), Self.parameter("handover", id), c("decision")]
        case .worklists: return [c("worklists")]
        case .worklist(.key): return [c("worklists"), .parameter("list", nil)]
        case .worklist(.id(let list)): return [c("worklists"), .parameter("list", list.rawValue)]
        case .teamAccessReasons: return [c("team"), c("access-reasons")]
        case .privacy: return [c("privacy")]
        case .privacyAccounts: return [c("privacy"), c("accounts")]
        case .privacyResident(let id, let page):
            let base = [c("privacy"), c("residents"), Self.parameter("id", id)]
            switch page {
            case .log: return base
            case .inzage: return base + [c("inzage")]
            case .inzageJSON: return base + [c("inzage.json")]
            }
        case .incomeCalculation: return [c("calculations"), c("income")]
        case .wageCostSubsidy: return [c("calculations"), c("wage-cost-subsidy")]
        case .adminUsers: return [c("admin"), c("users")]
        case .adminUsersNew: return [c("admin"), c("users"), c("new")]
        case .adminUser(let id, .key): return [c("admin"), c("users"), Self.parameter("id", id), .parameter("action", nil)]
        case .adminUser(let id, .id(let action)): return [c("admin"), c("users"), Self.parameter("id", id), c(action)]
        case .adminCaseloadMove: return [c("admin"), c("caseload-move")]
        case .adminCaseloadMovePreview: return [c("admin"), c("caseload-move"), c("preview")]
        case .adminCaseloadMoveUndo(let id): return [c("admin"), c("caseload-move"), Self.parameter("id", id), c("undo")]
        case .adminParameters: return [c("admin"), c("parameters")]
        case .adminProfile: return [c("admin"), c("profile")]
        case .adminProfileTerms: return [c("admin"), c("profile"), c("terms")]
        case .organisationStylesheet(.key): return [c("css"), c("organisation"), .parameter("code", nil)]
        case .organisationStylesheet(.id(let code)): return [c("css"), c("organisation"), c(code + ".css")]
        case .health: return [c("health")]
        case .metrics: return [c("metrics")]
        }
    }
}

extension SitePath.HouseholdPage {
    fileprivate var segments: [SitePath.Segment] {
        let c = SitePath.Segment.constant
        switch self {
        case .show: return []
        case .access: return [c("access")]
        case .income: return [c("income")]
        case .contacts: return [c("contacts")]
        case .contactsNew: return [c("contacts"), c("new")]
        case .edit(let path): return [c(path)]
        }
    }
}

extension SitePath.ClientPage {
    fileprivate var segments: [SitePath.Segment] {
        let c = SitePath.Segment.constant
        let p = SitePath.parameter
        switch self {
        case .show: return []
        case .edit: return [c("edit")]
        case .ladder: return [c("ladder")]
        case .ladderNew: return [c("ladder"), c("new")]
        case .groups: return [c("groups")]
        case .groupsNew: return [c("groups"), c("new")]
        case .groupsEnd: return [c("groups"), c("end")]
        case .supportStart: return [c("support"), c("start")]
        case .supportEnd: return [c("support"), c("end")]
        case .intake: return [c("intake")]
        case .intakeNew: return [c("intake"), c("new")]
        case .group: return [c("group")]
        case .reviews: return [c("reviews")]
        case .reviewsNew: return [c("reviews"), c("new")]
        case .youthChecklist: return [c("youth-checklist")]
        case .plans: return [c("plans")]
        case .plansNew: return [c("plans"), c("new")]
        case .plan(let id): return [c("plans"), p("plan", id)]
        case .planReview(let id): return [c("plans"), p("plan", id), c("review")]
        case .measures: return [c("measures")]
        case .measuresNew: return [c("measures"), c("new")]
        case .measureRevision(let id): return [c("measures"), p("measure", id), c("revision")]
        case .handovers: return [c("handovers")]
        case .handoversNew: return [c("handovers"), c("new")]
        case .handoverDecision(let id): return [c("handovers"), p("handover", id), c("decision")]
        case .signals: return [c("signals")]
        case .signalsNew: return [c("signals"), c("new")]
        case .signalOutcome(let id): return [c("signals"), p("signal", id), c("outcome")]
        }
    }
}

extension RoutesBuilder {
    /// Registers a GET route at a site path.
    @discardableResult
    func get(_ path: SitePath, use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        get(path.components, use: handler)
    }

    /// Registers a POST route at a site path.
    @discardableResult
    func post(_ path: SitePath, use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        post(path.components, use: handler)
    }
}

extension RoutesBuilder {
    /// Registers a GET route with a closure at a site path.
    @discardableResult
    func get(_ path: SitePath, _ handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        get(path.components, use: handler)
    }

    /// Registers a POST route with a closure at a site path.
    @discardableResult
    func post(_ path: SitePath, _ handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        post(path.components, use: handler)
    }
}

extension Request {
    /// A redirect to a site path (303 See Other, so the browser GETs it after a form).
    func redirect(to path: SitePath) -> Response { redirect(to: path.path, redirectType: .normal) }
}

extension SitePath {
    /// Every page in its registered form: `SitePathTests` checks that the web routes are exactly these.
    /// (A new case goes here too; the test then finds a route registered without it, or the reverse.)
    static var allKeyed: [SitePath] {
        let clientPages: [ClientPage] = [
            .show, .edit, .ladder, .ladderNew, .groups, .groupsNew, .groupsEnd, .supportStart, .supportEnd, .intake, .intakeNew, .group,
            .reviews, .reviewsNew, .youthChecklist, .plans, .plansNew, .plan(.key), .planReview(.key), .measures, .measuresNew,
            .measureRevision(.key), .handovers, .handoversNew, .handoverDecision(.key), .signals, .signalsNew, .signalOutcome(.key),
        ]
        let householdPages: [HouseholdPage] =
            [.show, .access, .income, .contacts, .contactsNew] + HouseholdEditController.edits.map { .edit($0.path) }
        return [
            .home, .login, .loginSecondFactor, .loginEnroll, .logout, .activate, .activatePassword, .accountPassword, .accountTokens,
            .accountTokenRevoke(.key), .caseload, .households, .householdsSearch, .householdsNew, .handovers, .handoverDecision(.key),
            .worklists, .worklist(.key), .teamAccessReasons, .privacy, .privacyAccounts, .privacyResident(.key),
            .privacyResident(.key, .inzage), .privacyResident(.key, .inzageJSON), .incomeCalculation, .wageCostSubsidy, .adminUsers,
            .adminUsersNew, .adminUser(.key, .key), .adminCaseloadMove, .adminCaseloadMovePreview, .adminCaseloadMoveUndo(.key),
            .adminParameters, .adminProfile, .adminProfileTerms, .organisationStylesheet(.key), .health, .metrics,
        ] + clientPages.map { .client(.key, $0) } + householdPages.map { .household(.key, $0) }
    }

    /// A client's pages by name, for the client page's template (`page.links.intakeNew`).
    static func links(client id: UUID, household: UUID) -> [String: String] {
        let pages: [(String, ClientPage)] = [
            ("edit", .edit), ("ladderNew", .ladderNew), ("groupsNew", .groupsNew), ("groupsEnd", .groupsEnd),
            ("supportStart", .supportStart), ("supportEnd", .supportEnd), ("intakeNew", .intakeNew), ("group", .group),
            ("plansNew", .plansNew), ("reviewsNew", .reviewsNew), ("youthChecklist", .youthChecklist), ("measuresNew", .measuresNew),
            ("handoversNew", .handoversNew), ("signalsNew", .signalsNew),
        ]
        var links = Dictionary(uniqueKeysWithValues: pages.map { ($0.0, SitePath.client(.id(id), $0.1).path) })
        links["household"] = SitePath.household(.id(household)).path
        links["householdIncome"] = SitePath.household(.id(household), .income).path
        return links
    }

    /// A household's pages by name, for the household page's template (`page.links.address`).
    static func links(household id: UUID) -> [String: String] {
        var links = Dictionary(
            uniqueKeysWithValues: HouseholdEditController.edits.map { ($0.path, SitePath.household(.id(id), .edit($0.path)).path) })
        links["contactsNew"] = SitePath.household(.id(id), .contactsNew).path
        links["income"] = SitePath.household(.id(id), .income).path
        return links
    }
}
