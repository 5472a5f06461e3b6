/// One condition that decided a proposal: a fact with the value it had, or a group the client does not
/// fall under. The app words it (`Dutch.proposalReason`); the decision stores the words it showed.
public enum ProposalReason: Sendable, Equatable {
    case fact(Fact, value: String)
    case notIn(groupName: String)
}

/// The outcome of evaluating a segmentation on a client's facts (R4): a proposed group with the
/// conditions that decided it — or why nothing can be proposed yet.
public enum Proposal: Sendable, Equatable {
    case group(code: String, reasons: [ProposalReason], explanation: String)
    /// A group earlier in the order may apply but depends on facts not recorded yet.
    case needsFacts(group: String, missing: [Fact])
    /// No group's rules hold: the case manager chooses, with a reason.
    case noGroupFits

    public var code: String? {
        if case .group(let code, _, _) = self { return code }
        return nil
    }
}

extension Segmentation {
    /// Groups are tried in order; the first whose conditions all hold is proposed. A condition on
    /// a fact not recorded is unknown: the evaluation stops there rather than skip to a later group,
    /// because the earlier group has precedence.
    public func propose(for facts: Facts, municipality: String? = nil) -> Proposal {
        for group in groups where group.exists(in: municipality) {
            switch evaluate(group, facts, visiting: []) {
            case .holds(let reasons): return .group(code: group.code, reasons: reasons, explanation: group.explanation)
            case .fails: continue
            case .unknown(let missing): return .needsFacts(group: group.code, missing: missing)
            }
        }
        return .noGroupFits
    }

    enum Outcome: Equatable {
        case holds([ProposalReason])
        case fails
        case unknown([Fact])
    }

    /// `visiting` guards against a cycle of notGroup references; a loaded profile has none (see
    /// ProfileValidation), so reaching one again counts as failing rather than looping.
    func evaluate(_ group: ClientGroup, _ facts: Facts, visiting: Set<String>) -> Outcome {
        var reasons: [ProposalReason] = []
        var missing: [Fact] = []
        for condition in group.rules {
            if let other = condition.notGroup {
                guard let target = self.group(other), !visiting.contains(other) else { return .fails }
                switch evaluate(target, facts, visiting: visiting.union([group.code])) {
                case .holds: return .fails
                case .fails: reasons.append(.notIn(groupName: target.name))
                case .unknown(let facts): missing += facts
                }
                continue
            }
            guard let fact = condition.fact else { return .fails }
            guard let value = facts[fact] else {
                missing.append(fact)
                continue
            }
            guard condition.accepts(value) else { return .fails }
            reasons.append(.fact(fact, value: value))
        }
        return missing.isEmpty ? .holds(reasons) : .unknown(missing)
    }
}

extension RuleCondition {
    func accepts(_ value: String) -> Bool {
        if let oneOf, !oneOf.contains(value) { return false }
        if atLeast != nil || atMost != nil {
            guard let number = Int(value) else { return false }
            if let atLeast, number < atLeast { return false }
            if let atMost, number > atMost { return false }
        }
        return true
    }
}
