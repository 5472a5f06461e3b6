import MeedoenCore
import Vapor

/// What every page shows around its own content: title, user, organisation, navigation, CSRF token.
struct Layout: Encodable {
    struct NavItem: Encodable {
        var href: String
        var label: String
        var current: Bool
    }

    var title: String
    var userName: String?
    var roleLabel: String?
    var organisationName: String
    var organisationColour: String
    /// The organisation's own stylesheet (its colour), when signed in.
    var organisationStylesheet: String?
    var nav: [NavItem]
    var csrf: String
    var flash: String?
    var paths = FixedPaths()
}

/// The fixed paths templates link to, from SitePath: a template never spells a path of its own.
struct FixedPaths: Encodable {
    var home = SitePath.home.path
    var login = SitePath.login.path
    var loginEnroll = SitePath.loginEnroll.path
    var loginSecondFactor = SitePath.loginSecondFactor.path
    var logout = SitePath.logout.path
    var activate = SitePath.activate.path
    var accountTokens = SitePath.accountTokens.path
    var householdsNew = SitePath.householdsNew.path
    var worklists = SitePath.worklists.path
    var privacy = SitePath.privacy.path
    var privacyAccounts = SitePath.privacyAccounts.path
    var adminUsersNew = SitePath.adminUsersNew.path
    var adminCaseloadMove = SitePath.adminCaseloadMove.path
    var adminProfile = SitePath.adminProfile.path
    var adminProfileTerms = SitePath.adminProfileTerms.path
    /// Not a page of the web app: the API's description and the stylesheet served as a file.
    var openAPI = "/api/v1/openapi.json"
    var stylesheet = "/css/meedoen.css"
}

/// A page's context: the layout plus the page's own data, so the templates read `page.…`.
struct PageContext<Content: Encodable>: Encodable {
    var layout: Layout
    var page: Content
}

extension Request {
    func renderPage<Content: Encodable>(
        _ template: String, title: String, _ content: Content, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = currentUser
        // An error raised before the session middleware ran (a malformed path, a bad range on a
        // static file) is rendered without a session: touching it there would stop the process.
        let flash = sessionAvailable ? session.data["flash"] : nil
        if sessionAvailable { session.data["flash"] = nil }
        let roleLabel: String? = if let user { await roleName(user.role) } else { nil }
        let layout = Layout(
            title: title, userName: user?.displayName, roleLabel: roleLabel,
            organisationName: user?.organisationName ?? "Meedoen", organisationColour: user?.organisationColour ?? "#154273",
            organisationStylesheet: user?.organisationCode.map { SitePath.organisationStylesheet(.id($0)).path },
            nav: navigation(for: user), csrf: sessionAvailable ? CSRF.token(for: self) : "", flash: flash)
        let view = try await self.view.render(template, PageContext(layout: layout, page: content))
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }

    /// Post/redirect/get: after a save the browser shows a fresh page, so reload or back never posts twice.
    func redirect(to path: SitePath, flash: String) -> Response {
        session.data["flash"] = flash
        return redirect(to: path.path, redirectType: .normal)
    }

    private func navigation(for user: CurrentUser?) -> [Layout.NavItem] {
        guard let user else { return [] }
        var items: [(String, String)] = []
        if user.role == .caseManager { items.append((SitePath.caseload.path, "Mijn caseload")) }
        if [.caseManager, .teamLeader].contains(user.role) { items.append((SitePath.worklists.path, "Werklijsten")) }
        if Access.mayEver(user.role, .identity, .read) && [.caseManager, .teamLeader].contains(user.role) {
            items.append((SitePath.households.path, "Huishoudens zoeken"))
        }
        if Capability.createHousehold.isGranted(to: user.role) { items.append((SitePath.householdsNew.path, "Nieuw huishouden")) }
        if HandoverController.receivingRoles.contains(user.role) { items.append((SitePath.handovers.path, "Mijn aanmeldingen")) }
        if Capability.manageUsers.isGranted(to: user.role) { items.append((SitePath.adminUsers.path, "Gebruikers")) }
        if Capability.moveCaseload.isGranted(to: user.role) { items.append((SitePath.adminCaseloadMove.path, "Caseload overdragen")) }
        if Capability.reviewAccessReasons.isGranted(to: user.role) { items.append((SitePath.teamAccessReasons.path, "Geopende dossiers")) }
        if Capability.viewAccessLog.isGranted(to: user.role) { items.append((SitePath.privacy.path, "Toegangslog en inzage")) }
        if Capability.manageLegalParameters.isGranted(to: user.role) {
            items.append((SitePath.adminParameters.path, "Wettelijke parameters"))
        }
        if Capability.managePolicyProfile.isGranted(to: user.role) { items.append((SitePath.adminProfile.path, "Beleidsprofiel")) }
        items.append((SitePath.incomeCalculation.path, "Werken loont"))
        items.append((SitePath.wageCostSubsidy.path, "Loonkostensubsidie"))
        items.append((SitePath.accountTokens.path, "API-sleutels"))
        items.append((SitePath.accountPassword.path, "Wachtwoord"))
        let path = url.path
        return items.map { Layout.NavItem(href: $0.0, label: $0.1, current: path == $0.0) }
    }
}

extension Request {
    private struct SessionAvailableKey: StorageKey { typealias Value = Bool }

    /// Whether the session middleware has run for this request (set just inside it).
    var sessionAvailable: Bool {
        get { storage[SessionAvailableKey.self] ?? false }
        set { storage[SessionAvailableKey.self] = newValue }
    }
}
