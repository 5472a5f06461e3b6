import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps, 6 digits): what every
/// authenticator app speaks. Secrets travel as Base32 (RFC 4648), as those apps expect.
enum TOTP {
    static let step: TimeInterval = 30
    static let digits = 6

    static func code(secret: [UInt8], counter: UInt64, digits: Int = digits) -> String {
        var bigEndian = counter.bigEndian
        let message = withUnsafeBytes(of: &bigEndian) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    static func counter(at date: Date) -> UInt64 { UInt64(date.timeIntervalSince1970 / step) }

    /// The step the code matches within one step of clock drift either way, if any; a step used
    /// before (`after`) is refused, so a code cannot be replayed.
    static func matchingStep(_ code: String, secret: [UInt8], at date: Date, after lastUsed: Int?) -> Int? {
        let now = counter(at: date)
        for candidate in [now, now - 1, now + 1] where Int(candidate) > (lastUsed ?? -1) {
            if constantTimeEqual(self.code(secret: secret, counter: candidate), code) { return Int(candidate) }
        }
        return nil
    }

    static func newSecret() -> [UInt8] { [UInt8].random(count: 20) }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output
    }
}
