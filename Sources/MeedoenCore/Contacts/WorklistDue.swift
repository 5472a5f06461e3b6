/// When a client comes onto a worklist, worked out once instead of on every request (issue 16): for
/// each reason, the first day it applies (and for an age-bound one, the last). A client is on a list
/// on day D when one of its rows has `from <= D` (and `D <= until`): a query the database answers
/// with an index, while `Worklist.reasons` says the same for one client on one day (the parity
/// tests hold them to each other). Recomputed whenever the client's facts or the profile change.
public struct WorklistDue: Sendable, Equatable, Hashable {
    public var list: Worklist.List
    /// The kind of review, for the scheduled-reviews list (a group can have several).
    public var review: ScheduledReview.Kind?
    public var from: Day
    public var until: Day?

    public init(list: Worklist.List, review: ScheduledReview.Kind? = nil, from: Day, until: Day? = nil) {
        (self.list, self.review, self.from, self.until) = (list, review, from, until)
    }

    public func applies(on day: Day) -> Bool { from <= day && until.map { day <= $0 } ?? true }

    /// "From the start": a reason that holds whatever the day.
    public static let always = Day(year: 1900, month: 1, day: 1)!
}

extension Worklist {
    /// Every reason this client will be on a worklist for, with the day it starts, as long as the
    /// snapshot's facts stay as they are.
    public static func dueDates(_ client: CaseSnapshot, profile: PolicyProfile) -> [WorklistDue] {
        var due: [WorklistDue] = []
        let norm = profile.contactNorm(group: client.groupCode, municipality: client.municipality)
        switch norm {
        case .perCalendarYear:
            // Seen this calendar year is within the norm; from the first of January after, due (and later overdue).
            let from = client.lastContact.map { Day(year: $0.year + 1, month: 1, day: 1)! } ?? WorklistDue.always
            due.append(WorklistDue(list: .contacts, from: from))
        case .everyMonths:
            // Due in the month before the deadline, overdue after it: on the list from the day after deadline − 1 month.
            let deadline = norm.deadline(
                lastContact: client.lastContact, supportStart: client.supportStart, firstDueAfterMonths: profile.contacts.firstDueMonths)
            due.append(WorklistDue(list: .contacts, from: deadline.adding(months: -1).adding(days: 1)))
        }
        if let next = client.planNextReview { due.append(WorklistDue(list: .planReviews, from: next.adding(days: 1))) }
        for review in client.groupCode.flatMap({ profile.segmentation.group($0)?.service.reviews }) ?? [] {
            guard let on = review.dueOn(lastHeld: client.lastReviews[review.kind], groupSince: client.groupSince) else { continue }
            due.append(WorklistDue(list: .scheduledReviews, review: review.kind, from: on))
        }
        if let ladder = profile.ladder {
            let from = client.lastLadderMeasurement.map { $0.adding(months: ladder.remeasureMonths).adding(days: 1) } ?? WorklistDue.always
            due.append(WorklistDue(list: .ladder, from: from))
        }
        if !client.hasDirector && client.isApplicant { due.append(WorklistDue(list: .noDirector, from: WorklistDue.always)) }
        if client.planNextReview == nil {
            due.append(
                WorklistDue(
                    list: .youth, from: firstDay(of: 18, bornOn: client.dateOfBirth),
                    until: firstDay(of: 27, bornOn: client.dateOfBirth).adding(days: -1)))
        }
        return due
    }

    /// The first day a person born on `birth` is `age` years old, as `Day.age` counts (a 29 February birthday included).
    static func firstDay(of age: Int, bornOn birth: Day) -> Day {
        var day = birth.adding(months: 12 * age).adding(days: -2)
        while birth.age(on: day) < age { day = day.adding(days: 1) }
        return day
    }
}
