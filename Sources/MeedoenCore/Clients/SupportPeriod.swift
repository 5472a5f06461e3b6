/// Why support ended; the outflow reasons the dashboard counts later (R17).
public enum SupportEndReason: String, CaseIterable, Codable, Sendable {
    case work  // werk
    case education  // opleiding
    case movedAway  // verhuisd
    case otherIncome  // ander inkomen (partner, uitkering, pensioen)
    case detention  // detentie
    case deceased  // overleden
    case noLongerEntitled  // geen recht meer (rechtmatigheid)
    case ownRequest  // op eigen verzoek
    case other  // anders
}

/// A period in which the organisation supports a client (start of support to its end).
public struct SupportPeriod: Equatable, Sendable {
    public var start: Day
    public var end: Day?
    public var endReason: SupportEndReason?

    public init(start: Day, end: Day? = nil, endReason: SupportEndReason? = nil) {
        (self.start, self.end, self.endReason) = (start, end, endReason)
    }

    public enum Problem: Error, Equatable, Sendable {
        case endBeforeStart
        case endWithoutReason
        case reasonWithoutEnd
    }

    public func validate() throws(Problem) {
        if let end, end < start { throw .endBeforeStart }
        if end != nil && endReason == nil { throw .endWithoutReason }
        if end == nil && endReason != nil { throw .reasonWithoutEnd }
    }
}
