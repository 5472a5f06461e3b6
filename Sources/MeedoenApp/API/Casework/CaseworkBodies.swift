import MeedoenCore
import Vapor

/// The request bodies of the casework operations. A body is read as flat fields named by their
/// path (`goals[0].targetOn`) through the same readers as the web forms; these types describe it
/// for the OpenAPI document and say which fields it may hold and what JSON each must be.
enum CaseworkBody {
    static let reason: JSONValue = ["maxLength": 1000]
    static let text: JSONValue = ["maxLength": 2000]
    static let longText: JSONValue = ["maxLength": 4000]

    struct GroupDecision: DescribedSchema {
        static let schemaName = "GroupDecisionInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "overrideReason": [
                    "maxLength": 1000,
                    "description": "Verplicht bij een andere groep dan voorgesteld, zonder voorstel, of bij een groep met strenge toetsing",
                ]
            ]
        }
        static var example: JSONValue? {
            ["groupCode": "werkenErvaren", "validFrom": "2026-11-02", "overrideReason": "Eerst werkervaring opdoen"]
        }
        var groupCode: String
        var validFrom: Day
        var overrideReason: String?
    }

    struct LadderMeasurement: DescribedSchema {
        static let schemaName = "LadderMeasurementInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "answers": [
                    "maxItems": .number(Double(LadderQuestion.allCases.count)),
                    "description": "De laddervragen die met ja zijn beantwoord; de trede volgt eruit. Weglaten: geef rung.",
                ],
                "rung": SchemaNote.range(1, 6, description: "Alleen zonder answers"), "expectedEnd": SchemaNote.range(1, 6),
            ]
        }
        static var example: JSONValue? { ["measuredOn": "2026-11-02", "kind": "start", "answers": ["socialContacts"], "expectedEnd": 4] }
        var measuredOn: Day
        var kind: MeasurementKind
        var answers: [LadderQuestion]?
        var rung: Int?
        var expectedEnd: Int?
    }

    struct Contact: DescribedSchema {
        static let schemaName = "ContactInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "participants": [
                    "minItems": 1, "maxItems": 10, "description": "Cliënten van het huishouden die erbij waren (de norm geldt per persoon)",
                ],
                "summary": ["maxLength": 2000, "description": "Alleen bewaard voor wie verslagen mag schrijven (de eigen caseload)"],
            ]
        }
        var contactOn: Day
        var kind: ContactKind
        var participants: [UUID]
        var summary: String?
    }

    struct PlanGoal: DescribedSchema {
        static let schemaName = "PlanGoalInput"
        static let closed = true
        static var notes: [String: JSONValue] { ["description": CaseworkBody.reason, "actions": CaseworkBody.text] }
        var description: String
        var actions: String?
        var targetOn: Day
    }

    struct Plan: DescribedSchema {
        static let schemaName = "PlanInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "goals": ["minItems": 1, "maxItems": 10], "agreements": CaseworkBody.longText, "obligations": CaseworkBody.longText,
                "contactKind": SchemaNote.described("Het gesprek waarin het plan is gemaakt; telt als contact met de cliënt"),
            ]
        }
        static var example: JSONValue? {
            [
                "startedOn": "2026-11-02", "nextReviewOn": "2027-02-02", "contactKind": "conversation",
                "goals": [["description": "Werkervaringsplek in de zorg", "targetOn": "2027-05-01"]],
            ]
        }
        var startedOn: Day
        var nextReviewOn: Day
        var contactKind: ContactKind
        var agreements: String?
        var obligations: String?
        var goals: [PlanGoal]
    }

    struct GoalProgress: DescribedSchema {
        static let schemaName = "GoalProgressInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            ["status": ["enum": ["onTrack", "behind", "achieved", "dropped"]], "note": CaseworkBody.text]
        }
        var goalId: UUID
        var status: GoalStatus
        var note: String?
    }

    struct PlanReview: DescribedSchema {
        static let schemaName = "PlanReviewInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "progress": ["maxItems": 10, "description": "Voor elk open doel van het plan"], "summary": CaseworkBody.longText,
                "nextReviewOn": SchemaNote.described("Leeg alleen als het plan met deze evaluatie wordt afgesloten"),
            ]
        }
        var reviewedOn: Day
        var contactKind: ContactKind
        var nextReviewOn: Day?
        var closePlan: Bool?
        var summary: String?
        var progress: [GoalProgress]
    }

    struct CaseReview: DescribedSchema {
        static let schemaName = "CaseReviewInput"
        static let closed = true
        static var notes: [String: JSONValue] { ["outcome": CaseworkBody.longText] }
        static var example: JSONValue? {
            ["kind": "lawfulness", "heldOn": "2026-11-02", "outcome": "Geen wijzigingen", "contactKind": "conversation"]
        }
        var kind: ScheduledReview.Kind
        var heldOn: Day
        var outcome: String
        var contactKind: ContactKind
    }

    /// The measure with the omgekeerde toets (R7): refused as on the web when the law or the
    /// ordinance does not give it, without blame, or without the weighing.
    struct Measure: DescribedSchema {
        static let schemaName = "MeasureInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "breach": CaseworkBody.text, "proportionalityCheck": CaseworkBody.longText, "urgentReasons": CaseworkBody.longText,
                "ordinanceReference": ["maxLength": 200], "percentage": SchemaNote.range(1, 100), "months": SchemaNote.range(1, 36),
                "testOutcome": ["enum": ["mastered", "notMastered"]],
                "spread": SchemaNote.described("Verrekenen over drie maanden, alleen waar de verordening het toestaat"),
            ]
        }
        static var example: JSONValue? {
            [
                "ground": "otherObligation", "breach": "Twee keer niet verschenen op het gesprek",
                "proportionalityCheck": "Kan wel afspraken nakomen; geen zorg die verschijnen belemmert.", "blame": "full",
                "percentage": 10, "months": 1, "startsOn": "2026-12-01", "decidedOn": "2026-11-02", "ordinanceReference": "art. 9",
            ]
        }
        var ground: MeedoenCore.Measure.Ground
        var breachKind: WorkObligationBreach?
        var breachOn: Day?
        var breach: String
        var proportionalityCheck: String
        var blame: MeedoenCore.Measure.Blame
        var percentage: Int
        var months: Int?
        var startsOn: Day
        var decidedOn: Day
        var ordinanceReference: String?
        var urgentReasons: String?
        var spread: Bool?
        var testOn: Day?
        var testOutcome: String?
        var noticeOn: Day?
        var newTestOn: Day?
        var newTestNoProgress: Bool?
        var willing: Bool?
    }
}
