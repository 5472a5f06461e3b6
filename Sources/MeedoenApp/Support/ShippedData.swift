import Foundation
import MeedoenCore

/// The data files shipped in Resources/: legal parameters and the organisations' policy profiles.
/// Read at start-up; a malformed file stops the start with a message naming the file.
struct ShippedData: Sendable {
    var parameters: [ParameterEntry]
    var incomePolicies: [String: MunicipalIncomePolicy]
    var contactNorms: [String: ContactNorm]
    var retention: RetentionTerms

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
        var policies: [String: MunicipalIncomePolicy] = [:]
        var norms: [String: ContactNorm] = [:]
        let profiles = resources + "Profiles/"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: profiles))?.sorted() ?? [] where name.hasSuffix(".json") {
            do {
                let profile = try JSONDecoder().decode(
                    PolicyProfileFile.self, from: Data(contentsOf: URL(fileURLWithPath: profiles + name)))
                policies[profile.organisation] = profile.income
                guard let norm = profile.contacts.norm else {
                    throw FileProblem(
                        file: profiles + name,
                        problem:
                            "contacts: onbekende of ongeldige norm (kind \(profile.contacts.kind), months \(profile.contacts.months.map(String.init) ?? "–"))"
                    )
                }
                norms[profile.organisation] = norm
            } catch {
                throw FileProblem(file: profiles + name, problem: "\(error)")
            }
        }
        let retentionFile = resources + "Parameters/retention.json"
        let retention: RetentionTerms
        do { retention = try JSONDecoder().decode(RetentionTerms.self, from: Data(contentsOf: URL(fileURLWithPath: retentionFile))) } catch
        {
            throw FileProblem(file: retentionFile, problem: "\(error)")
        }
        return ShippedData(parameters: parameters, incomePolicies: policies, contactNorms: norms, retention: retention)
    }
}
