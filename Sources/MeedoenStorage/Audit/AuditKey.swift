import Crypto
import Foundation

/// The installation's secret for the access log's chain (HMAC-SHA-256). Whoever can write the
/// database but lacks this key cannot rewrite the log without `audit verify` noticing. It is kept
/// outside the database and outside its backups.
public struct AuditKey: Sendable {
    public let key: SymmetricKey

    public init(_ bytes: some ContiguousBytes) { key = SymmetricKey(data: bytes) }

    public static func random() -> AuditKey { AuditKey(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }) }

    public enum Problem: Error, CustomStringConvertible {
        case missing(String)
        case tooShort(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing(let path):
                "De sleutel van het toegangslog ontbreekt (\(path)). Maak er een met 'openssl rand -hex 32 > \(path)' en bewaar hem buiten de database en haar back-ups."
            case .tooShort(let path):
                "De sleutel van het toegangslog in \(path) is te kort: minstens 32 tekens (bijvoorbeeld 64 hexadecimale)."
            case .unreadable(let path): "De sleutel van het toegangslog in \(path) is niet te lezen."
            }
        }
    }

    /// Reads the key from a file (its trimmed text; at least 32 bytes). With `createIfMissing`
    /// (the demo only) a new random key is written there, readable by the owner alone.
    public static func load(path: String, createIfMissing: Bool) throws -> (key: AuditKey, created: Bool) {
        var created = false
        if !FileManager.default.fileExists(atPath: path) {
            guard createIfMissing else { throw Problem.missing(path) }
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let hex = SymmetricKey(size: .bits256).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
            guard FileManager.default.createFile(atPath: path, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw Problem.unreadable(path) }
            created = true
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Problem.unreadable(path)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count >= 32 else { throw Problem.tooShort(path) }
        return (AuditKey(Data(trimmed.utf8)), created)
    }

    func mac(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }
}
