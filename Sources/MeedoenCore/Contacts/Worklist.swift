/// What the worklists know of one supported client (R6, R7): enough to say why they need attention.
public struct CaseSnapshot: Sendable, Equatable {
    public var supportStart: Day
    public var dateOfBirth: Day
    /// The regisseur belongs to the household: a missing one is the applicant's row.
    public var isApplicant: Bool
    public var hasDirector: Bool
    /// This person's last contact of a kind that counts for the norm (the contact norm is per adult
    /// client: seed 000 "met elke inwoner", seed 001 "iedere inwoner").
    public var lastContact: Day?
    public var groupCode: String?
    public var groupSince: Day?
    public var municipality: String?
    public var lastLadderMeasurement: Day?
    /// The next review of the running plan; nil when no plan runs.
    public var planNextReview: Day?
    public var lastReviews: [ScheduledReview.Kind: Day]

    public init(
        supportStart: Day, dateOfBirth: Day, isApplicant: Bool = true, hasDirector: Bool = true, lastContact: Day? = nil,
        groupCode: String? = nil,
        groupSince: Day? = nil, municipality: String? = nil, lastLadderMeasurement: Day? = nil, planNextReview: Day? = nil,
        lastReviews: [ScheduledReview.Kind: Day] = [:]
    ) {
        (self.supportStart, self.dateOfBirth, self.hasDirector, self.lastContact) = (supportStart, dateOfBirth, hasDirector, lastContact)
        self.isApplicant = isApplicant
        (self.groupCode, self.groupSince, self.municipality) = (groupCode, groupSince, municipality)
        (self.lastLadderMeasurement, self.planNextReview, self.lastReviews) = (lastLadderMeasurement, planNextReview, lastReviews)
    }
}

/// Why a client is on a worklist.
public enum WorklistReason: Sendable, Equatable {
    case contact(ContactNorm.Status, norm: ContactNorm, deadline: Day)
    case planReviewOverdue(since: Day)
    case reviewDue(ScheduledReview, dueOn: Day)
    case ladderMissing
    case ladderOutdated(last: Day, months: Int)
    case noDirector
    case youthWithoutPlan(age: Int)
    /// Reach out (OutreachPolicy): of the age, without a benefit or a startkwalificatie recorded.
    case outreach(age: Int)

    /// Late is a deadline that passed; a missing measurement or plan is work to do, not late.
    public var isLate: Bool {
        switch self {
        case .contact(let status, _, _): status == .overdue
        case .reviewDue, .planReviewOverdue, .noDirector: true
        case .ladderMissing, .ladderOutdated, .youthWithoutPlan, .outreach: false
        }
    }

    /// The day the work fell or falls due, where the reason has one.
    public var dueOn: Day? {
        switch self {
        case .contact(_, _, let deadline): deadline
        case .planReviewOverdue(let since): since
        case .reviewDue(_, let due): due
        case .ladderOutdated(let last, let months): last.adding(months: months)
        case .ladderMissing, .noDirector, .youthWithoutPlan, .outreach: nil
        }
    }

    public var list: Worklist.List {
        switch self {
        case .contact: .contacts
        case .planReviewOverdue: .planReviews
        case .reviewDue: .scheduledReviews
        case .ladderMissing, .ladderOutdated: .ladder
        case .noDirector: .noDirector
        case .youthWithoutPlan: .youth
        case .outreach: .outreach
        }
    }
}

public enum Worklist {
    public enum List: String, CaseIterable, Codable, Sendable {
        case contacts, planReviews, scheduledReviews, ladder, noDirector, youth, outreach
    }

    /// Every reason this client needs attention today under the organisation's profile.
    public static func reasons(_ client: CaseSnapshot, profile: PolicyProfile, today: Day) -> [WorklistReason] {
        var reasons: [WorklistReason] = []
        let norm = profile.contactNorm(group: client.groupCode, municipality: client.municipality)
        let firstDue = profile.contacts.firstDueMonths
        let (contact, deadline) = norm.status(
            lastContact: client.lastContact, supportStart: client.supportStart, today: today, firstDueAfterMonths: firstDue)
        if contact != .withinNorm { reasons.append(.contact(contact, norm: norm, deadline: deadline)) }
        if let next = client.planNextReview, next < today { reasons.append(.planReviewOverdue(since: next)) }
        for review in client.groupCode.flatMap({ profile.segmentation.group($0)?.service.reviews }) ?? [] {
            // The rhythm starts at the last review of that kind, or else when the client entered the group.
            guard let due = review.dueOn(lastHeld: client.lastReviews[review.kind], groupSince: client.groupSince) else { continue }
            if due <= today { reasons.append(.reviewDue(review, dueOn: due)) }
        }
        if let ladder = profile.ladder,
            Ladder.needsMeasurement(latest: client.lastLadderMeasurement, today: today, months: ladder.remeasureMonths)
        {
            reasons.append(client.lastLadderMeasurement.map { .ladderOutdated(last: $0, months: ladder.remeasureMonths) } ?? .ladderMissing)
        }
        if !client.hasDirector && client.isApplicant { reasons.append(.noDirector) }
        let age = client.dateOfBirth.age(on: today)
        if (18..<27).contains(age) && client.planNextReview == nil { reasons.append(.youthWithoutPlan(age: age)) }
        return reasons
    }
}
