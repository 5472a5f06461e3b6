/// R4: Meedoen proposes a group from the recorded facts; the case manager confirms it or chooses
/// another, and a choice against the proposal (or without one) needs its reason. So does entry
/// into a group the policy guards (Steenwijkerland's Zorg, seed 002 §3.2: "streng getoetst").
public enum GroupChoice {
    public enum Problem: Equatable, Sendable {
        case unknownGroup
        case reasonForOtherGroup
        case reasonForGuardedGroup
    }

    public static func problems(chosen: String, proposed: String?, reason: String?, in segmentation: Segmentation) -> [Problem] {
        let group = segmentation.group(chosen)
        let unknown: [Problem] = group == nil ? [.unknownGroup] : []
        guard reason == nil else { return unknown }
        if chosen != proposed { return unknown + [.reasonForOtherGroup] }
        return unknown + (group?.admissionNeedsReason == true ? [.reasonForGuardedGroup] : [])
    }

    /// The reason kept with the decision: with an override or a guarded group; a plain
    /// confirmation keeps none (a note typed there anyway is not a reason to deviate).
    public static func keptReason(chosen: String, proposed: String?, reason: String?, in segmentation: Segmentation) -> String? {
        chosen == proposed && segmentation.group(chosen)?.admissionNeedsReason != true ? nil : reason
    }
}
