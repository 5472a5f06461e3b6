import Foundation

/// Why a profile document was refused: the file, where in it, and what is wrong (the app words
/// the fault in Dutch for the functioneel beheerder who has to fix it).
public struct ProfileProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    /// The key path inside the document, e.g. `segmentation.groups[2].rules[0].fact`; empty for the whole document.
    public var key: String
    public var fault: ProfileFault

    public init(file: String, key: String, fault: ProfileFault) { (self.file, self.key, self.fault) = (file, key, fault) }

    public var description: String { key.isEmpty ? "\(file): \(fault)" : "\(file), \(key): \(fault)" }
}

extension PolicyProfile {
    /// Reads and checks a profile document. Refuses unknown fields (a typo must not silently turn
    /// a rule off), a wrong schema version, and everything ProfileValidation finds.
    public static func load(_ data: Data, file: String) throws -> PolicyProfile {
        let tree: Any
        do { tree = try JSONSerialization.jsonObject(with: data) } catch {
            throw ProfileProblem(file: file, key: "", fault: .invalidJSON(detail: Self.detail(error)))
        }
        if let version = (tree as? [String: Any])?["schemaVersion"] as? Int, version != schemaVersion {
            throw ProfileProblem(file: file, key: "schemaVersion", fault: .unsupportedVersion(version, supported: schemaVersion))
        }
        let profile: PolicyProfile
        do { profile = try JSONDecoder().decode(PolicyProfile.self, from: data) } catch let error as DecodingError {
            throw Self.problem(error, file: file)
        }
        // Whatever the typed document does not carry back was not understood: an unknown field.
        let understood = try JSONSerialization.jsonObject(with: JSONEncoder().encode(profile))
        if let unknown = Self.firstUnknownKey(in: tree, comparedWith: understood, path: "") {
            throw ProfileProblem(file: file, key: unknown, fault: .unknownField)
        }
        if let problem = ProfileValidation.firstProblem(in: profile) {
            throw ProfileProblem(file: file, key: problem.key, fault: problem.fault)
        }
        return profile
    }

    private static func firstUnknownKey(in original: Any, comparedWith understood: Any?, path: String) -> String? {
        if let object = original as? [String: Any] {
            let known = understood as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let value = known[key] else {
                    if object[key] is NSNull { continue }  // an explicit null for an optional field
                    return child
                }
                if let found = firstUnknownKey(in: object[key]!, comparedWith: value, path: child) { return found }
            }
        } else if let array = original as? [Any] {
            let known = understood as? [Any] ?? []
            for (index, element) in array.enumerated() {
                let found = firstUnknownKey(in: element, comparedWith: index < known.count ? known[index] : nil, path: "\(path)[\(index)]")
                if let found { return found }
            }
        }
        return nil
    }

    private static func problem(_ error: DecodingError, file: String) -> ProfileProblem {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ProfileProblem(file: file, key: path(context.codingPath + [key]), fault: .missingField)
        case .typeMismatch(let type, let context):
            return ProfileProblem(file: file, key: path(context.codingPath), fault: .wrongType(expected: "\(type)"))
        case .valueNotFound(let type, let context):
            return ProfileProblem(file: file, key: path(context.codingPath), fault: .missingValue(expected: "\(type)"))
        case .dataCorrupted(let context):
            let fault: ProfileFault =
                context.debugDescription.contains("Cannot initialize") ? .unknownValue : .unreadable(detail: context.debugDescription)
            return ProfileProblem(file: file, key: path(context.codingPath), fault: fault)
        @unknown default:
            return ProfileProblem(file: file, key: "", fault: .unreadable(detail: "\(error)"))
        }
    }

    /// The parser's own words on where the JSON breaks (it names the line and column).
    private static func detail(_ error: any Error) -> String {
        "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
    }
}
