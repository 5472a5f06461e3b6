import Foundation

/// Why a profile document was refused: the file, where in it, and what is wrong — in Dutch, for
/// the functioneel beheerder who has to fix it.
public struct ProfileProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    /// The key path inside the document, e.g. `segmentation.groups[2].rules[0].fact`; empty for the whole document.
    public var key: String
    public var problem: String

    public init(file: String, key: String, problem: String) { (self.file, self.key, self.problem) = (file, key, problem) }

    public var description: String { key.isEmpty ? "\(file): \(problem)" : "\(file), \(key): \(problem)" }
}

extension PolicyProfile {
    /// Reads and checks a profile document. Refuses unknown fields (a typo must not silently turn
    /// a rule off), a wrong schema version, and everything ProfileValidation finds.
    public static func load(_ data: Data, file: String) throws -> PolicyProfile {
        let tree: Any
        do { tree = try JSONSerialization.jsonObject(with: data) } catch {
            throw ProfileProblem(file: file, key: "", problem: "geen geldige JSON (\(Self.lineHint(error)))")
        }
        if let version = (tree as? [String: Any])?["schemaVersion"] as? Int, version != schemaVersion {
            throw ProfileProblem(
                file: file, key: "schemaVersion",
                problem: "versie \(version) wordt niet ondersteund; deze versie leest versie \(schemaVersion)")
        }
        let profile: PolicyProfile
        do { profile = try JSONDecoder().decode(PolicyProfile.self, from: data) } catch let error as DecodingError {
            throw Self.problem(error, file: file)
        }
        // Whatever the typed document does not carry back was not understood: an unknown field.
        let understood = try JSONSerialization.jsonObject(with: JSONEncoder().encode(profile))
        if let unknown = Self.firstUnknownKey(in: tree, comparedWith: understood, path: "") {
            throw ProfileProblem(file: file, key: unknown, problem: "onbekend veld")
        }
        if let problem = ProfileValidation.firstProblem(in: profile) {
            throw ProfileProblem(file: file, key: problem.key, problem: problem.message)
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
            return ProfileProblem(file: file, key: path(context.codingPath + [key]), problem: "verplicht veld ontbreekt")
        case .typeMismatch(let type, let context):
            return ProfileProblem(file: file, key: path(context.codingPath), problem: "verkeerd soort waarde, verwacht \(type)")
        case .valueNotFound(let type, let context):
            return ProfileProblem(file: file, key: path(context.codingPath), problem: "waarde ontbreekt, verwacht \(type)")
        case .dataCorrupted(let context):
            let value = context.debugDescription.contains("Cannot initialize") ? "onbekende waarde" : context.debugDescription
            return ProfileProblem(file: file, key: path(context.codingPath), problem: value)
        @unknown default:
            return ProfileProblem(file: file, key: "", problem: "\(error)")
        }
    }

    private static func lineHint(_ error: any Error) -> String {
        let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
        return text
    }
}
