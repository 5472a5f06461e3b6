import MeedoenCore

/// A DTO that is a named schema in the OpenAPI document (`#/components/schemas/…`). Its properties,
/// their types and which are required come from its Codable shape (`SchemaRecorder`); `notes` add
/// what a Swift type cannot say — formats, limits, allowed values, descriptions — and `closed` marks a
/// request body that refuses unknown fields. The fields a request may send are read from the same
/// description (`fieldNames`), so an API field is written once: in its DTO.
protocol DescribedSchema: Decodable {
    static var schemaName: String { get }
    /// Per property, schema keywords merged over the derived ones.
    static var notes: [String: JSONValue] { get }
    /// A request body whose unknown fields are refused (`additionalProperties: false`).
    static var closed: Bool { get }
    /// A whole valid body: documents the happy path, and the fuzzing's examples phase sends it.
    static var example: JSONValue? { get }
}

extension DescribedSchema {
    static var notes: [String: JSONValue] { [:] }
    static var closed: Bool { false }
    static var example: JSONValue? { nil }

    /// The derived schema with the notes merged in.
    static func refine(_ derived: JSONValue) -> JSONValue {
        guard case .object(var schema) = derived, case .object(var properties) = schema["properties"] ?? [:] else { return derived }
        for (key, note) in notes {
            // A note only refines a property the type has: it never adds one (and so never widens
            // the fields a request body may contain). `SchemaDerivationTests` checks every note's key.
            guard case .object(let extra) = note, case .object(var property) = properties[key] else { continue }
            property.merge(extra) { $1 }
            properties[key] = .object(property)
        }
        if closed {
            // Free text is refused with a control character, and a required one when blank
            // (FormReader.text, .raw): the schema says so, as patterns a client can check.
            var required = Set<String>()
            if case .array(let names)? = schema["required"] {
                for case .string(let name) in names { required.insert(name) }
            }
            for (key, value) in properties {
                guard case .object(var property) = value, property["type"] == "string", property["pattern"] == nil,
                    property["enum"] == nil, property["format"] == nil
                else { continue }
                property["pattern"] = .string(required.contains(key) ? SchemaNote.filledText : SchemaNote.freeText)
                properties[key] = .object(property)
            }
        }
        schema["properties"] = .object(properties)
        if closed { schema["additionalProperties"] = false }
        if let example { schema["example"] = example }
        return .object(schema)
    }

    /// The schema as a component.
    static var componentSchema: JSONValue {
        get throws { try SchemaRecorder.describe(Self.self).schema }
    }

    /// The top-level property names.
    static var fieldNames: Set<String> {
        guard case .object(let properties)? = (try? componentSchema)?["properties"] else { return [] }
        return Set(properties.keys)
    }
}

/// Schema keywords for the notes.
enum SchemaNote {
    static func enumeration<T: RawRepresentable & CaseIterable>(_ type: T.Type, nullable: Bool = false) -> JSONValue
    where T.RawValue == String {
        var schema: [String: JSONValue] = ["type": "string", "enum": .array(T.allCases.map { .string($0.rawValue) })]
        if nullable { schema["nullable"] = true }
        return .object(schema)
    }

    static let month: JSONValue = ["pattern": "^[0-9]{4}-[0-9]{2}$", "example": "2026-12"]
    static let cents: JSONValue = ["description": "eurocent"]
    /// No control characters other than tab, line breaks, vertical tab, form feed and NEL (which
    /// FormReader.text turns into line breaks).
    static let freeText = "^[^\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F]*$"
    /// As `freeText`, with at least one character that is not a blank.
    static let filledText =
        "^[^\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F]"
        + "[^\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F]*$"
    static let bsn: JSONValue = ["pattern": "^[0-9]{9}$", "description": "9 cijfers, voldoet aan de elfproef"]
    /// Four digits (not starting with 0) and two letters, with or without a space (FormReader.postcode).
    static let postcode: JSONValue = ["pattern": "^[1-9][0-9]{3} ?[A-Za-z]{2}$", "example": "8331 AB"]
    /// Internationalised addresses (RFC 6531) are accepted, as the web form does.
    static let email: JSONValue = ["format": "idn-email"]

    static func range(_ minimum: Int, _ maximum: Int? = nil, description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["minimum": .number(Double(minimum))]
        if let maximum { schema["maximum"] = .number(Double(maximum)) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func described(_ text: String) -> JSONValue { ["description": .string(text)] }
}
