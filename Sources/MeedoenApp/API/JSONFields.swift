import MeedoenCore
import Vapor

/// A JSON request body read as flat text fields named by their path (`goals[0].description`), so
/// the API validates through the same readers as the web forms and every error names the field as
/// the API spells it. Unknown fields are refused, so a typo never passes silently; each value must
/// be the JSON its schema says (text, a whole number, true/false).
enum JSONFields {
    /// Longest list any body may carry, where the schema sets no lower maxItems.
    static let maxItems = 50

    static func read<Body: DescribedSchema>(_ req: Request, as body: Body.Type) throws -> [String: String] {
        guard req.headers.contentType == .json else {
            throw AppError.badRequest("Stuur de gegevens als JSON (Content-Type: application/json).")
        }
        guard case .object(let object) = try req.content.decode(JSONValue.self) else {
            throw AppError.badRequest("Stuur een JSON-object.")
        }
        return try flatten(object, as: RequestFields.of(body))
    }

    static func flatten(_ object: [String: JSONValue], as allowed: RequestFields) throws -> [String: String] {
        var fields: [String: String] = [:]
        var issues = FieldIssues()
        func isList(_ pattern: String) -> Bool { allowed.kinds.keys.contains { $0.hasPrefix(pattern + "[]") } }
        func isObject(_ pattern: String) -> Bool { allowed.kinds.keys.contains { $0.hasPrefix(pattern + ".") } }
        func visit(_ value: JSONValue, path: String, pattern: String) {
            switch value {
            case .null: return
            case .object(let members):
                guard isObject(pattern) else { return issues.add(path, wrongShape(pattern, allowed)) }
                for key in members.keys.sorted() { visit(members[key]!, path: "\(path).\(key)", pattern: "\(pattern).\(key)") }
            case .array(let items):
                guard isList(pattern) else { return issues.add(path, wrongShape(pattern, allowed)) }
                let limit = allowed.maxItems[pattern] ?? maxItems
                if items.count > limit { return issues.add(path, .custom("Ten hoogste \(limit) items.")) }
                // Present, also when empty: "answers": [] says something that leaving it out does not.
                fields[path] = ""
                for (index, item) in items.enumerated() { visit(item, path: "\(path)[\(index)]", pattern: pattern + "[]") }
            default:
                guard let kind = allowed.kinds[pattern] else { return issues.add(path, wrongShape(pattern, allowed)) }
                switch (value, kind) {
                case (.string(let text), .text): fields[path] = text
                case (.bool(let flag), .flag): fields[path] = flag ? "true" : "false"
                case (.number(let number), .integer) where number == number.rounded() && abs(number) < 1e15:
                    fields[path] = String(Int(number))
                case (_, .integer): issues.add(path, .custom("Verwacht een geheel getal."))
                case (_, .flag): issues.add(path, .custom("Verwacht true of false."))
                case (.number, _): issues.add(path, .custom("Verwacht tekst tussen aanhalingstekens, geen getal."))
                default: issues.add(path, .custom("Verwacht tekst."))
                }
            }
        }
        for key in object.keys.sorted() { visit(object[key]!, path: key, pattern: key) }
        try issues.throwIfAny()
        return fields
    }

    /// The indices a flattened list has in the fields (`goals[0].…`, `goals[1].…` → 0, 1), in order;
    /// `fields[list]` alone (present, "") marks a list sent empty.
    static func indices(of list: String, in fields: [String: String]) -> [Int] {
        let prefix = list + "["
        let found = fields.keys.compactMap { key -> Int? in
            guard key.hasPrefix(prefix) else { return nil }
            return Int(key.dropFirst(prefix.count).prefix { $0.isNumber })
        }
        return Set(found).sorted()
    }

    /// A value of the wrong shape says what the field takes; a name the body does not have is unknown.
    private static func wrongShape(_ pattern: String, _ allowed: RequestFields) -> FieldIssue {
        if allowed.kinds.keys.contains(where: { $0.hasPrefix(pattern + "[]") }) { return .custom("Verwacht een lijst.") }
        if allowed.kinds.keys.contains(where: { $0.hasPrefix(pattern + ".") }) { return .custom("Verwacht een object.") }
        if allowed.kinds[pattern] != nil { return .custom("Verwacht één waarde, geen lijst of object.") }
        return .custom("Onbekend veld.")
    }
}
