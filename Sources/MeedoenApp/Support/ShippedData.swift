import Foundation
import MeedoenCore

/// The data files shipped in Resources/: legal parameters and the organisations' policy profiles.
/// Read at start-up; a malformed file stops the start with a message naming the file.
struct ShippedData: Sendable {
    var parameters: [ParameterEntry]
    /// The shipped profile files by organisation code, as read and as checked.
    var profiles: [String: ProfileFile]
    var retention: RetentionTerms

    struct ProfileFile: Sendable {
        var file: String
        var document: String
        var profile: PolicyProfile?
        var problem: ProfileProblem?
    }

    struct FileProblem: Error, CustomStringConvertible {
        var file: String
        var problem: String
        var description: String { "Kan \(file) niet lezen: \(problem)" }
    }

    static func load(from resources: String) throws -> ShippedData {
        let parametersFile = resources + "Parameters/legal-parameters.json"
        let parameters: [ParameterEntry]
        do { parameters = try LegalParameters.decode(Data(contentsOf: URL(fileURLWithPath: parametersFile))) } catch {
            throw FileProblem(file: parametersFile, problem: "\(error)")
        }
        // A profile file that is refused does not stop the start: the organisation keeps the
        // version stored before (see PolicyProfileStore.installShipped), and the refusal is logged.
        var profiles: [String: ProfileFile] = [:]
        let directory = resources + "Profiles/"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? [] where name.hasSuffix(".json") {
            let path = directory + name
            guard let data = FileManager.default.contents(atPath: path) else { throw FileProblem(file: path, problem: "niet leesbaar") }
            let code = String(name.dropLast(".json".count))
            var file = ProfileFile(file: path, document: String(decoding: data, as: UTF8.self))
            do { file.profile = try PolicyProfile.load(data, file: path) } catch let problem as ProfileProblem { file.problem = problem }
            profiles[code] = file
        }
        let retentionFile = resources + "Parameters/retention.json"
        let retention: RetentionTerms
        do { retention = try JSONDecoder().decode(RetentionTerms.self, from: Data(contentsOf: URL(fileURLWithPath: retentionFile))) } catch
        {
            throw FileProblem(file: retentionFile, problem: "\(error)")
        }
        return ShippedData(parameters: parameters, profiles: profiles, retention: retention)
    }
}
