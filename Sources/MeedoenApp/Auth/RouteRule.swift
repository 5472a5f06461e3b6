import MeedoenCore
import Vapor

/// What a route requires, declared where the route is registered. A route without a rule is
/// refused at run time and fails the route-matrix test, so nothing is open by accident.
enum RouteRule: Sendable, Equatable {
    case open  // log-in page, health, metrics, OpenAPI document, static files
    case signedIn  // any signed-in user (home, own account)
    case capability(Capability)
    /// Some access to this part of a person's file; the handler then checks the one file.
    case file(FilePart, AccessAction)

    func permits(_ user: CurrentUser?) -> Bool {
        switch self {
        case .open: return true
        case .signedIn: return user != nil
        case .capability(let capability): return user.map { capability.isGranted(to: $0.role) } ?? false
        case .file(let part, let action): return user.map { Access.mayEver($0.role, part, action) } ?? false
        }
    }
}

extension Route {
    private static let ruleKey = "meedoen.rule"

    var rule: RouteRule? { userInfo[Self.ruleKey] as? RouteRule }

    @discardableResult
    func require(_ rule: RouteRule) -> Route {
        userInfo[Self.ruleKey] = rule
        return self
    }
}

/// Enforces each route's rule before its handler runs.
struct RouteRuleMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }  // 404 or a static file
        guard let rule = route.rule else { throw AppError.forbidden }
        if rule.permits(request.currentUser) { return try await next.respond(to: request) }
        throw request.currentUser == nil ? AppError.notSignedIn : AppError.forbidden
    }
}
