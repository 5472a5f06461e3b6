import Crypto
import Foundation

/// Short texts that must travel through a store that is not for personal data — a search term,
/// a stated reason kept in the session — sealed with AES-GCM under a key derived from the
/// installation's audit key, so every instance can open them and a copy of the sessions table
/// shows nothing.
public struct TextSealer: Sendable {
    private let key: SymmetricKey

    public init(deriving purpose: String, from auditKey: AuditKey) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: auditKey.key, info: Data("meedoen-\(purpose)".utf8), outputByteCount: 32)
    }

    public func seal(_ text: String) -> String {
        // A fresh random nonce per seal; sealing only fails for an invalid key size, which cannot occur here.
        (try? AES.GCM.seal(Data(text.utf8), using: key).combined?.base64EncodedString()) ?? ""
    }

    /// nil when the text was not sealed with this key (another installation, or tampered with).
    public func open(_ sealed: String) -> String? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(data: plain, encoding: .utf8)
    }
}
