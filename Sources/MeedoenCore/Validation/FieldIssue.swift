/// What is wrong with one input field. The app turns each into a Dutch sentence; the domain only
/// says what the problem is.
public enum FieldIssue: Equatable, Sendable {
    case required
    case tooLong(max: Int)
    case invalidDate
    case dateInFuture
    case endBeforeStart
    case invalidBSN
    case bsnFailsElevenTest
    case bsnInUse
    case unknownOption
    case invalidEmail
    case invalidPostcode
    case invalidPhone
    case outOfRange
    /// A name with invisible or control characters (bidi overrides, zero-width marks).
    case invisibleCharacters
    /// A control character in free text.
    case controlCharacters
    /// A username outside a-z, digits, dot, hyphen and underscore.
    case usernameCharacters
    case custom(String)
}

/// Field-level problems of one form or request, keyed by field name, in the order found.
public struct FieldIssues: Error, Equatable, Sendable {
    public private(set) var items: [(field: String, issue: FieldIssue)] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    public mutating func add(_ field: String, _ issue: FieldIssue) {
        guard self[field] == nil else { return }  // the first problem of a field is the one to fix
        items.append((field, issue))
    }

    public subscript(field: String) -> FieldIssue? {
        items.first { $0.field == field }?.issue
    }

    /// The same issues under other field names (the API names a field as its body spells it).
    public func renamed(_ name: (String) -> String) -> FieldIssues {
        var renamed = FieldIssues()
        for item in items { renamed.add(name(item.field), item.issue) }
        return renamed
    }

    public func throwIfAny() throws(FieldIssues) {
        if !isEmpty { throw self }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.items.map(\.field) == rhs.items.map(\.field) && lhs.items.map(\.issue) == rhs.items.map(\.issue)
    }
}
