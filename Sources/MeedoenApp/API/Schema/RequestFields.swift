import NIOConcurrencyHelpers

/// The fields a request body may hold, read from its described schema: each leaf's path with `[]`
/// for an array index (`goals[].description`, `participants[]`) and the JSON it must be. The body
/// is flattened to the same paths, so a validation error names the field as the API spells it.
struct RequestFields: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case text, integer, flag }

    var kinds: [String: Kind]
    /// Per array path, its maxItems (schema notes) — a body never carries an unbounded list.
    var maxItems: [String: Int]

    /// Per type, computed once: the schema does not change while the server runs.
    private static let cache = NIOLockedValueBox<[ObjectIdentifier: RequestFields]>([:])

    static func of<Body: DescribedSchema>(_ body: Body.Type) -> RequestFields {
        if let known = cache.withLockedValue({ $0[ObjectIdentifier(body)] }) { return known }
        let named = SchemaRecorder.NamedSchemas()
        var fields = RequestFields(kinds: [:], maxItems: [:])
        if let schema = try? SchemaRecorder.describe(body, named: named).schema {
            fields.walk(schema, at: "", named: named, depth: 0)
        }
        cache.withLockedValue { $0[ObjectIdentifier(body)] = fields }
        return fields
    }

    private mutating func walk(_ schema: JSONValue, at path: String, named: SchemaRecorder.NamedSchemas, depth: Int) {
        guard depth < 8, case .object(let keywords) = schema else { return }
        if case .string(let reference)? = keywords["$ref"] {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let type = named.types[name], let resolved = Self.schema(of: type, named: named) else { return }
            return walk(resolved, at: path, named: named, depth: depth + 1)
        }
        switch keywords["type"] {
        case "object":
            guard case .object(let properties)? = keywords["properties"] else { return }
            for (key, property) in properties { walk(property, at: path.isEmpty ? key : "\(path).\(key)", named: named, depth: depth + 1) }
        case "array":
            if case .number(let limit)? = keywords["maxItems"] { maxItems[path] = Int(limit) }
            walk(keywords["items"] ?? [:], at: path + "[]", named: named, depth: depth + 1)
        case "integer": kinds[path] = .integer
        case "boolean": kinds[path] = .flag
        default: kinds[path] = .text
        }
    }

    private static func schema<T: DescribedSchema>(of type: T.Type, named: SchemaRecorder.NamedSchemas) -> JSONValue? {
        try? SchemaRecorder.describe(type, named: named).schema
    }
}
