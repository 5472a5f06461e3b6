import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

/// Turns every error into a Dutch page (web) or a precise JSON error (API); never a stack trace.
struct ErrorPagesMiddleware: AsyncMiddleware {
    struct APIError: Content, DescribedSchema {
        var error: String
        var message: String
        var fields: [FieldError]?

        static let schemaName = "Error"
    }

    struct FieldError: Content {
        var field: String
        var message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, code, message, fields) = describe(error, request: request)
            if request.isAPI {
                let response = Response(status: status)
                try response.content.encode(APIError(error: code, message: message, fields: fields))
                return response
            }
            if status == .unauthorized {
                return request.redirect(to: .login)
            }
            if case AppError.reasonRequired(let household) = error {
                let back = StatedReasonController.safeReturn(request.method == .GET ? request.url.path : nil, household: household)
                return request.redirect(to: SitePath.household(.id(household), .access).path(query: [("terug", back)]))
            }
            return try await request.renderPage(
                "error", title: Self.title(for: status),
                ErrorPage(status: Int(status.code), message: message), status: status)
        }
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, String, [FieldError]?) {
        switch error {
        case let issues as FieldIssues:
            return describe(AppError.invalid(issues), request: request)
        case HouseholdStore.Problem.notFound:
            return describe(AppError.notFound, request: request)
        case let problem as HouseholdStore.Problem:
            return describe(AppError.invalid(problem.fieldIssues), request: request)
        case let error as any DatabaseError where error.isConstraintFailure:
            // Two people saved the same thing at once (e.g. the same BSN); the check before the write missed it.
            return describe(
                AppError.conflict(
                    "Dit is zojuist ook door iemand anders opgeslagen. Laad de pagina opnieuw; er is niets dubbel opgeslagen."),
                request: request)
        case let error as AppError:
            var fields: [FieldError]?
            if case .invalid(let issues) = error {
                fields = issues.items.map { FieldError(field: $0.field, message: Dutch.issue($0.issue)) }
            }
            return (error.status, error.code, error.message, fields)
        case let error as DecodingError:
            let field = Self.field(of: error).map { [FieldError(field: $0, message: Self.explain(error))] }
            return (.badRequest, "bad_request", "De gegevens konden niet worden gelezen: \(Self.explain(error))", field)
        case let error as any AbortError:
            switch error.status {
            case .notFound: return (.notFound, "not_found", AppError.notFound.message, nil)
            case .payloadTooLarge: return (.payloadTooLarge, "too_large", "Het verzoek is te groot.", nil)
            case .unsupportedMediaType:
                return (.unsupportedMediaType, "unsupported_media_type", "Dit soort inhoud wordt niet ondersteund; stuur JSON.", nil)
            default:
                if error.status.code < 500 { return (error.status, "bad_request", "Het verzoek is niet geldig: \(error.reason)", nil) }
            }
        default: break
        }
        // Only the type: a database error's text can hold personal data (a BSN in a constraint
        // message). A template error describes the template only, and is needed to fix it.
        let detail = String(reflecting: type(of: error)).hasPrefix("LeafKit.") ? ": \(error)" : ""
        let route = request.route.map { $0.path.map(\.description).joined(separator: "/") } ?? "?"
        request.logger.error("Onverwachte fout van type \(String(reflecting: type(of: error))) bij \(request.method) \(route)\(detail)")
        return (
            .internalServerError, "internal_error", "Er ging iets mis aan onze kant. Er is niets gewijzigd; probeer het later opnieuw.", nil
        )
    }

    static func title(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "Niet gevonden"
        case .forbidden: "Geen toegang"
        case .tooManyRequests: "Te veel verzoeken"
        case _ where status.code < 500: "Dit kan zo niet"
        default: "Er ging iets mis"
        }
    }

    /// A coding path as the API spells a field: `premiums[0].amountCents`.
    static func apiPath(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }

    private static func field(of error: DecodingError) -> String? {
        let keys: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): keys = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): keys = context.codingPath
        @unknown default: keys = []
        }
        return keys.isEmpty ? nil : apiPath(keys)
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String { apiPath(context.codingPath) }
        switch error {
        case .keyNotFound(let key, let context):
            return "veld '\(apiPath(context.codingPath + [key]))' ontbreekt"
        case .typeMismatch(_, let context): return "veld '\(path(context))' heeft een verkeerd type"
        case .valueNotFound(_, let context): return "veld '\(path(context))' is leeg"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "ongeldige JSON" : "veld '\(path(context))': \(context.debugDescription)"
        @unknown default: return "onbekende fout"
        }
    }
}

struct ErrorPage: Encodable {
    var status: Int
    var message: String
}
