/// A citizen service number (burgerservicenummer), valid only when it passes the 11-proef.
///
/// Source: reference/domain.md "Identity" — nine digits, Σ digitᵢ·wᵢ ≡ 0 (mod 11) with weights
/// 9, 8, 7, 6, 5, 4, 3, 2, −1.
public struct BSN: Hashable, Sendable, Codable, CustomStringConvertible {
    public let digits: String

    public enum Problem: Error, Equatable, Sendable {
        case notNineDigits
        case failsElevenTest
    }

    public init(_ text: String) throws(Problem) {
        // People type BSNs with spaces or dots ("999 993 653"); those carry no meaning.
        let cleaned = text.filter { !$0.isWhitespace && $0 != "." }
        guard cleaned.count == 9, cleaned.allSatisfy(\.isASCII), cleaned.allSatisfy(\.isNumber) else {
            throw .notNineDigits
        }
        guard Self.passesElevenTest(cleaned) else { throw .failsElevenTest }
        self.digits = cleaned
    }

    public static func passesElevenTest(_ nineDigits: String) -> Bool {
        let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        let sum = zip(nineDigits, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return sum % 11 == 0 && nineDigits != "000000000"
    }

    /// Shown in lists so a case manager can tell two people apart without exposing the whole number.
    public var masked: String { "•••••" + digits.suffix(4) }

    public var description: String { masked }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid BSN"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
