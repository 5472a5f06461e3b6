import Foundation

/// Reads raw text fields (from an HTML form or a JSON body) into domain values, collecting every
/// problem instead of stopping at the first, so the user sees all of them at once.
public struct FormReader {
    public private(set) var issues = FieldIssues()
    private let fields: [String: String]
    public let today: Day

    public init(_ fields: [String: String], today: Day) {
        self.fields = fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        self.today = today
    }

    /// The typed value, trimmed; nil when nothing but blanks was typed (blanks are not an answer).
    public func raw(_ name: String) -> String? {
        fields[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    public mutating func fail(_ name: String, _ issue: FieldIssue) { issues.add(name, issue) }

    /// Free text. Vertical tab, form feed and NEL (pasted from a word processor or a PDF) become line
    /// breaks; other control characters are refused: a NUL would cut the stored text short, and
    /// none of them belongs in what a person typed.
    public mutating func text(_ name: String, max: Int = 200) -> String? {
        guard var value = raw(name) else { return nil }
        if value.unicodeScalars.contains(where: { [0x0B, 0x0C, 0x85].contains($0.value) }) {
            value = String(String.UnicodeScalarView(value.unicodeScalars.map { [0x0B, 0x0C, 0x85].contains($0.value) ? "\n" : $0 }))
        }
        if value.count > max {
            fail(name, .tooLong(max: max))
            return nil
        }
        if value.unicodeScalars.contains(where: Self.isControl) {
            fail(name, .controlCharacters)
            return nil
        }
        return value
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// A person's name: NFC-normalised, at most 100 characters (Unicode scalars) and 400 UTF-8
    /// bytes, with no control characters and none of the invisible direction marks that can
    /// make a name read backwards in a list (U+202E) or hide what it says.
    public mutating func requiredName(_ name: String) -> String {
        guard let value = raw(name) else {
            fail(name, .required)
            return ""
        }
        let normalised = value.precomposedStringWithCanonicalMapping
        if normalised.unicodeScalars.count > 100 || normalised.utf8.count > 400 {
            fail(name, .tooLong(max: 100))
            return ""
        }
        if normalised.unicodeScalars.contains(where: Self.isForbiddenInNames) {
            fail(name, .invisibleCharacters)
            return ""
        }
        return normalised
    }

    static func isForbiddenInNames(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A username: lower-case ASCII letters, digits, dot, hyphen and underscore only, so no
    /// look-alike (a full-width "ｋｍ１" beside "km1") can be made.
    public mutating func requiredUsername(_ name: String) -> String {
        let value = requiredText(name, max: 60).lowercased()
        if !value.isEmpty
            && !value.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
            })
        {
            fail(name, .usernameCharacters)
            return ""
        }
        return value
    }

    public mutating func requiredText(_ name: String, max: Int = 200) -> String {
        guard let value = text(name, max: max) else {
            if raw(name) == nil { fail(name, .required) }
            return ""
        }
        return value
    }

    public mutating func day(_ name: String, notInFuture: Bool = false) -> Day? {
        guard let value = raw(name) else { return nil }
        guard let day = Day(iso: value) ?? Day(dutch: value) else {
            fail(name, .invalidDate)
            return nil
        }
        if notInFuture && day > today { fail(name, .dateInFuture) }
        return day
    }

    public mutating func requiredDay(_ name: String, notInFuture: Bool = false) -> Day? {
        if raw(name) == nil { fail(name, .required) }
        return day(name, notInFuture: notInFuture)
    }

    public mutating func option<T: RawRepresentable>(_ name: String, as: T.Type) -> T? where T.RawValue == String {
        guard let value = raw(name) else { return nil }
        guard let option = T(rawValue: value) else {
            fail(name, .unknownOption)
            return nil
        }
        return option
    }

    public mutating func requiredOption<T: RawRepresentable>(_ name: String, as type: T.Type) -> T?
    where T.RawValue == String {
        if raw(name) == nil { fail(name, .required) }
        return option(name, as: type)
    }

    public func flag(_ name: String) -> Bool {
        ["on", "true", "1", "ja"].contains(raw(name)?.lowercased() ?? "")
    }

    public mutating func bsn(_ name: String) -> BSN? {
        guard let value = raw(name) else {
            fail(name, .required)
            return nil
        }
        do { return try BSN(value) } catch {
            fail(name, error == .notNineDigits ? .invalidBSN : .bsnFailsElevenTest)
            return nil
        }
    }

    public mutating func email(_ name: String) -> String? {
        guard let value = text(name, max: 254) else { return nil }
        let parts = value.split(separator: "@")
        guard parts.count == 2, parts[1].contains("."), !value.contains(" ") else {
            fail(name, .invalidEmail)
            return nil
        }
        return value
    }

    /// Dutch postcode: four digits (not starting with 0), two letters; stored as "1234 AB".
    public mutating func postcode(_ name: String) -> String? {
        guard let value = raw(name) else { return nil }
        let compact = value.uppercased().filter { !$0.isWhitespace }
        guard compact.count == 6, compact.prefix(4).allSatisfy(\.isNumber), compact.first != "0",
            compact.suffix(2).allSatisfy({ $0.isLetter && $0.isASCII })
        else {
            fail(name, .invalidPostcode)
            return nil
        }
        return compact.prefix(4) + " " + compact.suffix(2)
    }

    public mutating func phone(_ name: String) -> String? {
        guard let value = text(name, max: 20) else { return nil }
        guard value.allSatisfy({ $0.isNumber || " +-()".contains($0) }), value.filter(\.isNumber).count >= 9 else {
            fail(name, .invalidPhone)
            return nil
        }
        return value
    }
}

extension Day {
    /// Accepts the Dutch way of typing a date, 28-11-2026, for browsers without a date picker.
    public init?(dutch text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
