/// Groups with their own legal duties or policy (BRIEF R1, R14, R15, R16); each membership is
/// effective-dated on the client.
public enum SpecialGroup: String, CaseIterable, Codable, Sendable {
    case targetGroupRegister  // doelgroepregister (banenafspraak)
    case wswIndication  // Wsw-indicatie
    case shelteredWorkIndication  // indicatie beschut werk
    case statusHolder  // statushouder / inburgeraar; carries the start of inburgering
    case schoolLeaverPrOVSO  // schoolverlater PrO/VSO
    case nonBenefitClient  // niet-uitkeringsgerechtigde (nugger)

    /// Only for a status holder the start of the integration duty is recorded beside the group.
    public var recordsIntegrationStart: Bool { self == .statusHolder }
}
