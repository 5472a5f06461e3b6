import Vapor

/// One API operation: how it is routed and how it is documented, in one value, so the OpenAPI
/// document lists exactly the routes that exist.
struct APIOperation: Sendable {
    struct Parameter: Sendable {
        var name: String
        var type: String  // "string", "integer", "boolean"
        var format: String?
        var description: String
    }

    var method: HTTPMethod
    /// Path below /api/v1, with `{id}` for a path parameter.
    var path: String
    var operationID: String
    var summary: String
    var rule: RouteRule
    var query: [Parameter] = []
    /// A path parameter that is not a uuid, with its schema (e.g. a worklist's name).
    var pathSchemas: [String: JSONValue] = [:]
    var request: (any DescribedSchema.Type)?
    var response: any DescribedSchema.Type
    var successStatus: Int = 200
    var handler: @Sendable (Request) async throws -> Response

    var vaporPath: [PathComponent] {
        path.split(separator: "/").map { $0.hasPrefix("{") ? .parameter(String($0.dropFirst().dropLast())) : .constant(String($0)) }
    }

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }
}

extension Response {
    static func json<T: Content>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(value, as: .json)
        return response
    }
}
