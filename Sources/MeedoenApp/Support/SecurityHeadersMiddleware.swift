import Vapor

/// Headers that keep the browser from running foreign script, framing us or sniffing types.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let tls: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if tls { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        if request.currentUser != nil || request.url.path.hasPrefix(SitePath.login.path) {
            // Pages with personal data, a second-factor secret or recovery codes must not linger in
            // shared caches or the back-forward cache on disk.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
