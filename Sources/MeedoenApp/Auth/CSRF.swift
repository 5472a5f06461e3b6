import Vapor

/// Every state-changing form carries the session's token (synchroniser token pattern).
/// The API uses bearer tokens and no cookies, so it needs none.
enum CSRF {
    static let field = "_csrf"

    static func token(for request: Request) -> String {
        if let token = request.session.data["csrf"] { return token }
        let token = [UInt8].random(count: 24).map { String(format: "%02x", $0) }.joined()
        request.session.data["csrf"] = token
        // When the session began, so an abandoned one (a log-in page never used) is cleaned up.
        if request.session.data["created"] == nil {
            request.session.data["created"] = String(request.services.clock.now().timeIntervalSince1970)
        }
        return token
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let changesState = ![.GET, .HEAD, .OPTIONS].contains(request.method)
        if changesState && !request.isAPI {
            // A body that arrives in more than one read is still streaming here: collect it first,
            // or a long form (an intake) looks like one without a token and the input is lost.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            }
            let sent = try? request.content.get(String.self, at: CSRF.field)
            guard let expected = request.session.data["csrf"], let sent,
                sent.utf8.count == expected.utf8.count, constantTimeEquals(sent, expected)
            else {
                throw AppError.badRequest(
                    "Dit formulier is verlopen of niet vanuit Meedoen verstuurd. Laad de pagina opnieuw en probeer het nog eens; er is niets opgeslagen."
                )
            }
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        zip(a.utf8, b.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
