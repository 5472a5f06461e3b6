import MeedoenStorage
import Vapor

/// Each organisation's colour as a one-rule stylesheet, because the content-security policy
/// allows no inline styles. The colour comes from the organisation's configuration.
enum OrganisationStyleController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.organisationStylesheet(.key), use: stylesheet).require(.open)
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code")?.replacingOccurrences(of: ".css", with: ""),
            let organisation = try await DirectoryStore(db: req.db).organisation(code: code),
            isHexColour(organisation.colour)
        else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: ":root { --colour-primary: \(organisation.colour); }\n"))
    }

    /// Only "#rrggbb" reaches a stylesheet; anything else could inject CSS.
    static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}
