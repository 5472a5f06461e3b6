import MeedoenCore
import Vapor

/// A JSON request body read as flat text fields, so the API validates through the same
/// HouseholdInput as the web forms. Unknown fields are refused, so a typo never passes silently.
struct JSONFields {
    enum Scalar: Decodable {
        case text(String), number(Double), flag(Bool), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                throw DecodingError.typeMismatch(
                    String.self, .init(codingPath: decoder.codingPath, debugDescription: "verwacht tekst, getal, ja/nee of null"))
            }
        }

        /// The API has text and yes/no fields only (see the OpenAPI schemas); a number is refused
        /// rather than turned into text, so `"houseNumber": 1e300` cannot slip through.
        var text: String? {
            switch self {
            case .text(let text): text
            case .flag(let flag): flag ? "true" : "false"
            case .number, .null: nil
            }
        }
    }

    /// The body's fields; only those the body's described schema names are allowed.
    static func read<Body: DescribedSchema>(_ req: Request, as body: Body.Type) throws -> [String: String] {
        try read(req, allowed: Body.fieldNames)
    }

    static func read(_ req: Request, allowed: Set<String>) throws -> [String: String] {
        guard req.headers.contentType == .json else {
            throw AppError.badRequest("Stuur de gegevens als JSON (Content-Type: application/json).")
        }
        let body = try req.content.decode([String: Scalar].self)
        var issues = FieldIssues()
        for key in body.keys.sorted() {
            if !allowed.contains(key) {
                issues.add(key, .custom("Onbekend veld."))
            } else if case .number = body[key] {
                issues.add(key, .custom("Verwacht tekst tussen aanhalingstekens, geen getal."))
            }
        }
        try issues.throwIfAny()
        return body.compactMapValues(\.text)
    }
}
