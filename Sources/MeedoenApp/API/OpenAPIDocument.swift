import MeedoenCore
import Vapor

/// The OpenAPI 3 description of /api/v1, generated from the same operations that are routed. The
/// schemas are derived at run time from the DTO types the operations read and write (`DescribedSchema`).
enum OpenAPIDocument {
    static func build(_ operations: [APIOperation]) throws -> JSONValue {
        var paths: [String: JSONValue] = [:]
        var named: [String: any DescribedSchema.Type] = [ErrorPagesMiddleware.APIError.schemaName: ErrorPagesMiddleware.APIError.self]
        for operation in operations {
            let path = "/api/v1/" + operation.path
            var item: [String: JSONValue] = [:]
            if case .object(let existing) = paths[path] ?? .object([:]) { item = existing }
            item[operation.method.rawValue.lowercased()] = describe(operation)
            paths[path] = .object(item)
            for type in [operation.request, operation.response].compactMap({ $0 }) { named[type.schemaName] = type }
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Meedoen API", "version": "1.0.0",
                "description": "Huishoudens en cliënten voor koppelingen. Elke aanroep wordt gelogd; gebruik een API-sleutel (Bearer).",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "paths": .object(paths),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]], "schemas": .object(try schemas(named)),
            ],
        ]
    }

    /// The named schemas, and every named schema they refer to.
    static func schemas(_ roots: [String: any DescribedSchema.Type]) throws -> [String: JSONValue] {
        let found = SchemaRecorder.NamedSchemas()
        found.types = roots
        var schemas: [String: JSONValue] = [:]
        while let (name, type) = found.types.first(where: { schemas[$0.key] == nil }) {
            schemas[name] = try schema(type, found)
        }
        return schemas
    }

    private static func schema<T: DescribedSchema>(_ type: T.Type, _ found: SchemaRecorder.NamedSchemas) throws -> JSONValue {
        try SchemaRecorder.describe(type, named: found).schema
    }

    private static func describe(_ operation: APIOperation) -> JSONValue {
        var parameters: [JSONValue] = operation.pathParameters.map {
            [
                "name": .string($0), "in": "path", "required": true,
                "schema": operation.pathSchemas[$0] ?? ["type": "string", "format": "uuid"],
            ]
        }
        parameters += operation.query.map { parameter in
            var schema: [String: JSONValue] = ["type": .string(parameter.type)]
            if let format = parameter.format { schema["format"] = .string(format) }
            if parameter.name == "page" { schema["minimum"] = 1 }
            if parameter.name == "per" { (schema["minimum"], schema["maximum"]) = (1, 200) }
            return [
                "name": .string(parameter.name), "in": "query", "required": false, "description": .string(parameter.description),
                "schema": .object(schema),
            ]
        }
        // Opening a file outside one's own caseload asks for the reason, logged with every read (ACCESS.md).
        if case .file = operation.rule, !operation.pathParameters.isEmpty {
            parameters.append([
                "name": "X-Meedoen-Reden", "in": "header", "required": false,
                "description":
                    "Waarom u een dossier buiten uw caseload opent (3 tot 200 tekens); zonder reden antwoordt zo'n dossier 403",
                // Counted after trimming, as the server does: no blank at either end.
                "schema": ["type": "string", "minLength": 3, "maxLength": 200, "pattern": "^[!-~]([ -~]*[!-~])?$"],
            ])
        }
        let error: JSONValue = [
            "description": "Fout", "content": ["application/json": ["schema": ref(ErrorPagesMiddleware.APIError.self)]],
        ]
        var responses: [String: JSONValue] = [
            String(operation.successStatus): [
                "description": "Gelukt", "content": ["application/json": ["schema": ref(operation.response)]],
            ],
            "401": error, "403": error, "400": error,
        ]
        if !operation.pathParameters.isEmpty { responses["404"] = error }
        if operation.request != nil { (responses["409"], responses["415"]) = (error, error) }
        var description: [String: JSONValue] = [
            "operationId": .string(operation.operationID), "summary": .string(operation.summary),
            "parameters": .array(parameters), "responses": .object(responses),
        ]
        if let request = operation.request {
            description["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(request)]]]
        }
        return .object(description)
    }

    private static func ref(_ type: any DescribedSchema.Type) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(type.schemaName)")]
    }
}
