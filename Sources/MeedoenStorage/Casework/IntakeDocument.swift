import Foundation
import MeedoenCore

/// The stored form of an intake (the `document` and `sensitive_document` columns), with its version,
/// so an intake recorded years ago still reads after the shape changes (issue 14).
///
/// - Version 1: the `Intake` JSON without a version key (every intake stored up to commit 27ba580).
/// - Version 2: the same fields plus `"version": 2`.
///
/// A change of shape adds a version: its writer here, a reader that maps the old shape onto today's
/// `Intake`, and a decoding test with a document as that version wrote it (`IntakeDocumentTests`).
public enum IntakeDocument {
    public static let currentVersion = 2

    public struct UnknownVersion: Error, CustomStringConvertible {
        public var version: Int
        public var description: String { "intake document version \(version) is newer than this program reads" }
    }

    /// The parts of an intake at the extra privacy level, stored apart.
    public struct SensitivePart: Codable, Equatable, Sendable {
        public var zrm: [ZRMDomain: ZRMScore]
        public var healthLimitations: String?
    }

    /// The two documents of an intake: the general part, and the extra-level domains and health text apart.
    public static func encode(_ intake: Intake) throws -> (general: String, sensitive: String) {
        var general = intake
        general.zrm = intake.zrm.filter { !$0.key.isSensitive }
        general.healthLimitations = nil
        let sensitive = SensitivePart(zrm: intake.zrm.filter { $0.key.isSensitive }, healthLimitations: intake.healthLimitations)
        return (try write(general), try write(sensitive))
    }

    /// The general part of a stored intake, of any version.
    public static func decodeGeneral(_ text: String) throws -> Intake {
        let data = Data(text.utf8)
        switch try version(of: data) {
        case 1, 2: return try JSONDecoder().decode(Intake.self, from: data)
        case let other: throw UnknownVersion(version: other)
        }
    }

    /// The extra-level part of a stored intake, of any version.
    public static func decodeSensitive(_ text: String) throws -> SensitivePart {
        let data = Data(text.utf8)
        switch try version(of: data) {
        case 1, 2: return try JSONDecoder().decode(SensitivePart.self, from: data)
        case let other: throw UnknownVersion(version: other)
        }
    }

    private struct VersionKey: Decodable { var version: Int? }

    private static func version(of data: Data) throws -> Int {
        try JSONDecoder().decode(VersionKey.self, from: data).version ?? 1
    }

    /// The value's own keys plus `version`, keys sorted so equal intakes are equal text.
    private static func write(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(Versioned(version: currentVersion, value: value)), as: UTF8.self)
    }

    private struct Versioned<Value: Encodable>: Encodable {
        var version: Int
        var value: Value

        private enum Keys: String, CodingKey { case version }

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(version, forKey: .version)
        }
    }
}
