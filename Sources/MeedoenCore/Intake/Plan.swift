/// Where a goal of a plan van aanpak stands; a review records one per goal.
public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case open  // afgesproken, nog niet beoordeeld
    case onTrack  // op schema
    case behind  // loopt achter
    case achieved  // behaald
    case dropped  // vervallen

    public var isFinished: Bool { self == .achieved || self == .dropped }
}

/// A goal as the case manager agrees it with the client: concrete, with a target date.
public struct PlanGoal: Sendable, Equatable {
    public var description: String
    public var actions: String?
    public var targetOn: Day

    public init(description: String, actions: String?, targetOn: Day) {
        (self.description, self.actions, self.targetOn) = (description, actions, targetOn)
    }
}
