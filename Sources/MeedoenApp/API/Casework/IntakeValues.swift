import MeedoenCore
import Vapor

/// The intake's fields as an API object, keyed as the intake's field table keys them (`fact_workCapacity`,
/// `zrm_finances`, `wp_hoursPerWeek`, …). Its schema is read from the table, so a field added to the
/// table is in the API and its description at once. As a request body (`IntakeValues`) the fields every
/// intake asks are required; which facts are follows the organisation's profile (a missing one is
/// refused on its field); the extra level is read only from whom may write it. As an answer
/// (`StoredIntakeValues`) it holds what the caller may read.
protocol IntakeFieldObject: Content, DescribedSchema {
    var values: [String: String] { get }
    init(values: [String: String])
    /// Whether the fields every intake asks are required (a request) or may be absent (an answer).
    static var requiresAsked: Bool { get }
}

struct IntakeValues: IntakeFieldObject {
    static let schemaName = "IntakeInput"
    static let closed = true
    static let requiresAsked = true
    var values: [String: String]
    init(values: [String: String]) { self.values = values }
}

struct StoredIntakeValues: IntakeFieldObject {
    static let schemaName = "IntakeFields"
    static let requiresAsked = false
    static var example: JSONValue? { nil }
    var values: [String: String]
    init(values: [String: String]) { self.values = values }
}

extension IntakeFieldObject {
    /// Every field any profile may ask, with the kind of conversation the intake was.
    static var fields: [FormField] { IntakeFieldList.fields }

    /// Asked of every intake: not a fact (the profile decides those) nor the status holder's section.
    static func isAskedOfEveryone(_ field: FormField) -> Bool {
        !field.optional && field.kind != .checkbox && !field.name.hasPrefix("fact_") && !field.name.hasPrefix("int_")
    }

    /// An intake for Steenwijkerland's rules (which facts are required follows the organisation's profile).
    static var example: JSONValue? {
        [
            "heldOn": "2026-11-02", "contactKind": "conversation", "language": "meetsRequirement", "education": "startkwalificatie",
            "fact_workCapacity": "yes", "fact_distanceToWork": "sixTo24Months", "fact_broadParticipation": "yes",
            "fact_wswOrBeschutIndication": "no", "fact_employmentContract": "no", "wp_readyForWork": "no", "wp_postcodeArea": "8331",
            "wp_hoursPerWeek": 24,
        ]
    }

    static var notes: [String: JSONValue] {
        var notes: [String: JSONValue] = [:]
        for field in fields {
            var note: [String: JSONValue] = ["description": .string(field.label)]
            let values = field.options.map(\.value).filter { !$0.isEmpty }
            if field.kind == .select, !values.isEmpty { note["enum"] = .array(values.map { .string($0) }) }
            if let limit = field.maxLength { note["maxLength"] = .number(Double(limit)) }
            notes[field.name] = .object(note)
        }
        return notes
    }

    /// Reads each field with its JSON kind: a checkbox is true/false, a number an integer, a date a day.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: IntakeFieldKey.self)
        var values: [String: String] = [:]
        for field in Self.fields {
            let key = IntakeFieldKey(field.name)
            if Self.requiresAsked && Self.isAskedOfEveryone(field) {
                values[field.name] =
                    field.kind == .date ? try container.decode(Day.self, forKey: key).iso : try container.decode(String.self, forKey: key)
                continue
            }
            switch field.kind {
            case .checkbox: values[field.name] = try container.decodeIfPresent(Bool.self, forKey: key).map { $0 ? "ja" : "" }
            case .number: values[field.name] = try container.decodeIfPresent(Int.self, forKey: key).map(String.init)
            case .date: values[field.name] = try container.decodeIfPresent(Day.self, forKey: key)?.iso
            default: values[field.name] = try container.decodeIfPresent(String.self, forKey: key)
            }
        }
        self.init(values: values)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: IntakeFieldKey.self)
        for field in Self.fields {
            guard let value = values[field.name], !value.isEmpty || field.kind == .checkbox else { continue }
            let key = IntakeFieldKey(field.name)
            switch field.kind {
            case .checkbox: try container.encode(value == "ja", forKey: key)
            case .number: try container.encode(Int(value), forKey: key)
            default: try container.encode(value, forKey: key)
            }
        }
    }
}

private struct IntakeFieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private enum IntakeFieldList {
    static let fields: [FormField] =
        IntakeFields.table(asking: Fact.allCases.filter { !$0.isDerived }, profile: nil, statusHolder: true)
        .sections.flatMap(\.fields).filter(\.asked).map(\.form) + [Conversation.formField]
}
