/// An organisation's own choices within the law, from its policy profile: how long it grants the
/// earnings exemptions (the law sets maxima) and its own exit premium on full exit.
public struct MunicipalIncomePolicy: Codable, Sendable, Equatable {
    /// Months of sub n; at most the legal maximum (6).
    public var exemptionNMonths: Int
    /// Months of sub r for single parents; at most the legal maximum (30).
    public var exemptionRMonths: Int
    /// The organisation's one-off payment when someone leaves bijstand entirely (not an exemption).
    public var exitPremium: ExitPremium?

    public struct ExitPremium: Codable, Sendable, Equatable {
        /// Nil when the profile names the premium but its amount is set in policy rules elsewhere.
        public var amountCents: Int?
        public var source: String

        public init(amountCents: Int?, source: String) { (self.amountCents, self.source) = (amountCents, source) }

        public var amount: Money? { amountCents.map(Money.init(cents:)) }
    }

    /// Where the choices come from (the organisation's policy document).
    public var source: String?

    public init(exemptionNMonths: Int, exemptionRMonths: Int, exitPremium: ExitPremium?, source: String? = nil) {
        (self.exemptionNMonths, self.exemptionRMonths, self.exitPremium, self.source) = (
            exemptionNMonths, exemptionRMonths, exitPremium, source
        )
    }

    /// The legal maxima and no exit premium: where a profile says nothing.
    public static let legalMaximum = MunicipalIncomePolicy(exemptionNMonths: 6, exemptionRMonths: 30, exitPremium: nil)
}
