/// An amount in euro cents. Money is never a floating-point number in Meedoen.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }

    public init(euros: Int, cents: Int = 0) { self.cents = euros * 100 + cents }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }

    /// `basisPoints` / 100 percent of this amount (2500 = 25%), rounded half up to the cent.
    /// Rounding choice: the law gives no rule; the cent nearest to the exact amount, halves up,
    /// is what municipal benefit systems print, and is applied once per calculated amount.
    public func percent(_ basisPoints: Int) -> Money { scaled(by: basisPoints, over: 10_000) }

    /// This amount × numerator / denominator, rounded half up (away from zero) to the cent.
    public func scaled(by numerator: Int, over denominator: Int) -> Money {
        precondition(denominator > 0)
        let product = cents * numerator
        let magnitude = (abs(product) * 2 + denominator) / (denominator * 2)
        return Money(cents: product < 0 ? -magnitude : magnitude)
    }

    public var description: String {
        let sign = cents < 0 ? "-" : ""
        return "\(sign)\(abs(cents) / 100).\(String(format: "%02d", abs(cents) % 100))"
    }

    /// Reads "1.234,56", "1234,56", "1234.56" or "1234" (what people type in a Dutch form).
    public init?(parsing text: String) {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "€", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        if t.contains(",") {
            t = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole < 10_000_000, parts[0].allSatisfy(\.isNumber) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let f = Int(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? f * 10 : f
        }
        self.cents = (whole * 100 + fraction) * (negative ? -1 : 1)
    }
}

extension Money {
    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }
}
