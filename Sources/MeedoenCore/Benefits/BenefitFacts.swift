/// The household norm category as the income administration reports it
/// (Meedoen does not calculate or pay benefits; it keeps these facts for casework and counts).
public enum NormCategory: String, CaseIterable, Codable, Sendable {
    case single  // alleenstaande
    case singleParent  // alleenstaande ouder
    case married  // gehuwden / samenwonenden
    case costSharer  // kostendeler
    case under21  // jonger dan 21
    case institution  // in een inrichting
}

/// The benefit facts of one benefit unit (claimant and partner), effective-dated.
public struct BenefitFacts: Equatable, Codable, Sendable {
    public var receivesBijstand: Bool
    public var normCategory: NormCategory?
    public var partialBenefit: Bool

    public init(receivesBijstand: Bool, normCategory: NormCategory?, partialBenefit: Bool) {
        (self.receivesBijstand, self.normCategory, self.partialBenefit) = (receivesBijstand, normCategory, partialBenefit)
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A norm category only means something while bijstand is received.
        case normCategoryWithoutBijstand
        case bijstandWithoutNormCategory
        case partialWithoutBijstand
    }

    public func validate() throws(Problem) {
        if receivesBijstand && normCategory == nil { throw .bijstandWithoutNormCategory }
        if !receivesBijstand && normCategory != nil { throw .normCategoryWithoutBijstand }
        if !receivesBijstand && partialBenefit { throw .partialWithoutBijstand }
    }
}
