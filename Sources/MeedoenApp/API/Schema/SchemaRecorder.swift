import Foundation
import MeedoenCore

/// A type whose JSON schema is known without looking inside: strings, numbers, dates, ids. It also
/// gives a value to hand back while a larger type is being described.
protocol SchemaLeaf: Decodable {
    static var schema: JSONValue { get }
    static var placeholder: Self { get }
}

extension String: SchemaLeaf {
    static var schema: JSONValue { ["type": "string"] }
    static var placeholder: String { "" }
}

extension Int: SchemaLeaf {
    static var schema: JSONValue { ["type": "integer"] }
    static var placeholder: Int { 0 }
}

extension Bool: SchemaLeaf {
    static var schema: JSONValue { ["type": "boolean"] }
    static var placeholder: Bool { false }
}

extension UUID: SchemaLeaf {
    static var schema: JSONValue { ["type": "string", "format": "uuid"] }
    static var placeholder: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}

extension Day: SchemaLeaf {
    static var schema: JSONValue { ["type": "string", "format": "date"] }
    static var placeholder: Day { Day(year: 2000, month: 1, day: 1)! }
}

/// Derives a JSON schema from a type's own `Decodable` conformance, at run time: the type is asked to
/// decode itself from a decoder that answers every question with a placeholder and writes down each key
/// it was asked for, with its type and whether it may be left out (`decodeIfPresent`). So the OpenAPI
/// document describes exactly what the API reads and writes, and a field is written once, in the DTO.
enum SchemaRecorder {
    /// The schema of `type`, and a placeholder value of it. A named schema inside another (`asReference`)
    /// is a `$ref` to its component.
    /// Every named schema met on the way is noted in `named`, so the document can list it.
    static func describe<T: Decodable>(_ type: T.Type, asReference: Bool = false, named: NamedSchemas = NamedSchemas()) throws -> (
        schema: JSONValue, value: T
    ) {
        if let leaf = type as? any SchemaLeaf.Type {
            return (leaf.schema, leaf.placeholder as! T)
        }
        let recording = Recording(named: named)
        let value = try T(from: RecordingDecoder(recording: recording))
        guard let described = type as? any DescribedSchema.Type else { return (recording.schema, value) }
        named.types[described.schemaName] = described
        if asReference { return (["$ref": .string("#/components/schemas/\(described.schemaName)")], value) }
        return (described.refine(recording.schema), value)
    }

    /// The named schemas met while describing, by name.
    final class NamedSchemas {
        var types: [String: any DescribedSchema.Type] = [:]
    }

    /// What the decoder was asked, as a schema: an object with properties, an array, or one value.
    final class Recording {
        let named: NamedSchemas
        var properties: [(key: String, schema: JSONValue)] = []
        var optional: Set<String> = []
        var items: JSONValue?
        var single: JSONValue?

        init(named: NamedSchemas) { self.named = named }

        var schema: JSONValue {
            if let single { return single }
            if let items { return ["type": "array", "items": items] }
            var object: [String: JSONValue] = ["type": "object", "properties": .object(Dictionary(properties) { first, _ in first })]
            let required = properties.map(\.key).filter { !optional.contains($0) }
            if !required.isEmpty { object["required"] = .array(required.map { .string($0) }) }
            return .object(object)
        }

        func record<T: Decodable>(_ type: T.Type, key: String) throws -> T {
            let (schema, value) = try SchemaRecorder.describe(type, asReference: true, named: named)
            var property = schema
            if optional.contains(key), case .object(var fields) = schema, fields["$ref"] == nil {
                fields["nullable"] = true
                property = .object(fields)
            }
            properties.append((key, property))
            return value
        }
    }

    private struct RecordingDecoder: Decoder {
        let recording: Recording
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(KeyedRecorder<Key>(recording: recording))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedRecorder(recording: recording) }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleRecorder(recording: recording) }
    }

    /// An object: every key asked for becomes a property; `contains` is asked only by `decodeIfPresent`,
    /// so a key it is asked about may be left out.
    private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recording: Recording
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool {
            recording.optional.insert(key.stringValue)
            return true
        }

        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try recording.record(type, key: key.stringValue) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try recording.record(type, key: key.stringValue) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try recording.record(type, key: key.stringValue) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try recording.record(type, key: key.stringValue) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw Unsupported.type(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Unsupported.type(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw Unsupported.type(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw Unsupported.type(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw Unsupported.type(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw Unsupported.type(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw Unsupported.type(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw Unsupported.type(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw Unsupported.type(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw Unsupported.type(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw Unsupported.type(type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        { throw Unsupported.nesting }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw Unsupported.nesting }
        func superDecoder() throws -> any Decoder { throw Unsupported.nesting }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Unsupported.nesting }
    }

    /// An array: the decoder says there is one element, and notes its schema as the items'.
    private final class UnkeyedRecorder: UnkeyedDecodingContainer, ValueRecorder {
        let recording: Recording
        var codingPath: [any CodingKey] = []
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex > 0 }

        init(recording: Recording) { self.recording = recording }

        func decodeNil() throws -> Bool { false }

        func record<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            let (schema, value) = try SchemaRecorder.describe(type, asReference: true, named: recording.named)
            recording.items = schema
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw Unsupported.nesting
        }
        func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Unsupported.nesting }
        func superDecoder() throws -> any Decoder { throw Unsupported.nesting }
    }

    /// One value (a raw-value enum, a wrapper): its schema is the value's.
    private struct SingleRecorder: SingleValueDecodingContainer, ValueRecorder {
        let recording: Recording
        var codingPath: [any CodingKey] = []

        func decodeNil() -> Bool { false }

        func record<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try SchemaRecorder.describe(type, named: recording.named)
            recording.single = schema
            return value
        }
    }

    /// The API uses strings, integers (cents, counts), booleans, dates and ids; anything else is a
    /// mistake in a DTO, found by the OpenAPI test rather than described wrongly.
    enum Unsupported: Error {
        case type(Any.Type)
        case nesting
    }
}

/// The value decoding shared by the array and single-value recorders: every type goes to `record`,
/// the number types the API does not use are refused.
private protocol ValueRecorder {
    func record<T: Decodable>(_ type: T.Type) throws -> T
}

extension ValueRecorder {
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try record(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try record(type) }
    func decode(_ type: String.Type) throws -> String { try record(type) }
    func decode(_ type: Int.Type) throws -> Int { try record(type) }
    func decode(_ type: Double.Type) throws -> Double { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: Float.Type) throws -> Float { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: UInt.Type) throws -> UInt { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw SchemaRecorder.Unsupported.type(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw SchemaRecorder.Unsupported.type(type) }
}

/// An enum sent as its raw value: the schema lists every value.
protocol SchemaEnum: SchemaLeaf, CaseIterable, RawRepresentable where RawValue == String {}

extension SchemaEnum {
    static var schema: JSONValue { ["type": "string", "enum": .array(allCases.map { .string($0.rawValue) })] }
    static var placeholder: Self { allCases.first! }
}

extension CoResidentException: SchemaEnum {}
extension ExemptionRule: SchemaEnum {}
extension MemberRelation: SchemaEnum {}
extension NormCategory: SchemaEnum {}
extension SpecialGroup: SchemaEnum {}
extension SupportEndReason: SchemaEnum {}
extension ContactKind: SchemaEnum {}
extension GoalStatus: SchemaEnum {}
extension MeasurementKind: SchemaEnum {}
extension LadderQuestion: SchemaEnum {}
extension ScheduledReview.Kind: SchemaEnum {}
extension Measure.Ground: SchemaEnum {}
extension Measure.Blame: SchemaEnum {}
extension WorkObligationBreach: SchemaEnum {}
extension HandoverStatus: SchemaEnum {}
extension SignalDomain: SchemaEnum {}
extension SignalDirection: SchemaEnum {}
extension Worklist.List: SchemaEnum {}
