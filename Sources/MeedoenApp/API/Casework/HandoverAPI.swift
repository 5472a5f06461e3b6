import MeedoenCore
import MeedoenStorage
import Vapor

/// Warm hand-overs and signals through the API (R10, R26).
enum HandoverAPI {
    struct HandoverDTO: Content, DescribedSchema {
        static let schemaName = "Handover"
        var id: UUID
        var clientId: UUID
        var toUserId: UUID?
        var toOrganisation: String?
        var goal: String
        var reason: String
        var handedOverOn: Day
        var status: HandoverStatus
        var decidedOn: Day?
        var decisionNote: String?

        init(_ handover: Handover) {
            (id, clientId, toUserId, toOrganisation) = (handover.id, handover.residentID, handover.toUserID, handover.toOrganisation)
            (goal, reason, handedOverOn, status) = (handover.goal, handover.reason, handover.handedOverOn, handover.status)
            (decidedOn, decisionNote) = (handover.decidedOn, handover.decisionNote)
        }
    }

    struct NewHandover: DescribedSchema {
        static let schemaName = "HandoverInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "toUserId": SchemaNote.described(
                    "Een collega of partner in Meedoen (participatiecoach, zorgprofessional, jobcoach, klantmanager)"),
                "toOrganisation": ["maxLength": 200, "description": "Of: een organisatie buiten Meedoen; niet beide"],
                "goal": CaseworkBody.text, "reason": CaseworkBody.text,
            ]
        }
        static var example: JSONValue? {
            ["toOrganisation": "WerkBedrijf", "goal": "Begeleiding naar werk", "reason": "Afstand tot werk", "handedOverOn": "2026-11-02"]
        }
        var toUserId: UUID?
        var toOrganisation: String?
        var goal: String
        var reason: String
        var handedOverOn: Day
    }

    struct Answer: Content, DescribedSchema {
        static let schemaName = "HandoverAnswer"
        static let closed = true
        static var notes: [String: JSONValue] {
            ["status": ["enum": ["accepted", "declined", "ended"]], "note": ["maxLength": 1000, "description": "Verplicht bij afwijzen"]]
        }
        var status: HandoverStatus
        var note: String?
    }

    struct SignalDTO: Content, DescribedSchema {
        static let schemaName = "Signal"
        var id: UUID
        var domain: SignalDomain
        var direction: SignalDirection
        var signalledOn: Day
        var subject: String
        var outcome: String?
        var outcomeOn: Day?

        init(_ signal: Signal) {
            (id, domain, direction, signalledOn) = (signal.id, signal.domain, signal.direction, signal.signalledOn)
            (subject, outcome, outcomeOn) = (signal.subject, signal.outcome, signal.outcomeOn)
        }
    }

    struct NewSignal: DescribedSchema {
        static let schemaName = "SignalInput"
        static let closed = true
        static var notes: [String: JSONValue] { ["subject": CaseworkBody.text] }
        static var example: JSONValue? {
            ["domain": "debtHelp", "direction": "outgoing", "signalledOn": "2026-11-02", "subject": "Betalingsachterstand huur"]
        }
        var domain: SignalDomain
        var direction: SignalDirection
        var signalledOn: Day
        var subject: String
    }

    struct Outcome: DescribedSchema {
        static let schemaName = "SignalOutcome"
        static let closed = true
        static var notes: [String: JSONValue] { ["outcome": CaseworkBody.text] }
        var outcome: String
    }

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "clients/{id}/handovers", operationID: "listHandovers", summary: "Warme overdrachten van een cliënt",
            rule: .file(.handovers, .read), response: ListDTO<HandoverDTO>.self, handler: list),
        APIOperation(
            method: .POST, path: "clients/{id}/handovers", operationID: "createHandover",
            summary: "Warme overdracht aanmelden, aan een collega of partner in Meedoen of een organisatie erbuiten",
            rule: .file(.handovers, .write), request: NewHandover.self, response: HandoverDTO.self, successStatus: 201, handler: create),
        APIOperation(
            method: .POST, path: "clients/{id}/handovers/{handoverId}/answer", operationID: "recordHandoverAnswer",
            summary: "De regisseur legt het antwoord van een organisatie buiten Meedoen vast, of rondt een koppeling af",
            rule: .file(.handovers, .write), request: Answer.self, response: HandoverDTO.self, handler: recordAnswer),
        APIOperation(
            method: .GET, path: "handovers", operationID: "listMyHandovers",
            summary: "Aanmeldingen aan de aanroeper die nog lopen (aangemeld of geaccepteerd)", rule: .file(.handovers, .read),
            response: ListDTO<HandoverDTO>.self, handler: inbox),
        APIOperation(
            method: .POST, path: "handovers/{handoverId}/answer", operationID: "answerHandover",
            summary: "De ontvanger accepteert, wijst af (met reden) of rondt af", rule: .file(.handovers, .read), request: Answer.self,
            response: HandoverDTO.self, handler: answer),
        APIOperation(
            method: .GET, path: "clients/{id}/signals", operationID: "listSignals",
            summary: "Signalen van en naar schuldhulp, Wmo en jeugdhulp", rule: .file(.signals, .read), response: ListDTO<SignalDTO>.self,
            handler: signals),
        APIOperation(
            method: .POST, path: "clients/{id}/signals", operationID: "createSignal", summary: "Signaal vastleggen",
            rule: .file(.signals, .write), request: NewSignal.self, response: SignalDTO.self, successStatus: 201, handler: createSignal),
        APIOperation(
            method: .POST, path: "clients/{id}/signals/{signalId}/outcome", operationID: "recordSignalOutcome",
            summary: "De uitkomst van een signaal, eenmalig", rule: .file(.signals, .write), request: Outcome.self,
            response: SignalDTO.self,
            handler: signalOutcome),
    ]

    @Sendable static func list(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.handovers, .read, purpose: "api overdrachten")
        return try .json(ListDTO(all: try await CaseworkStore(db: req.db).handovers(of: resident.id).map(HandoverDTO.init)))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let (resident, opened) = try await req.openClient(.handovers, .write, purpose: "api warme overdracht")
        var reader = FormReader(try JSONFields.read(req, as: NewHandover.self), today: req.today)
        guard let handover = try await HandoverInput.read(&reader, toUserKey: "toUserId", viewer: viewer, on: req.db) else {
            throw reader.issues
        }
        let id = try await req.recordHandover(handover, for: resident, in: opened.file, purpose: "api warme overdracht")
        guard let stored = try await CaseworkStore(db: req.db).handover(id) else { throw AppError.notFound }
        return try .json(HandoverDTO(stored), status: .created)
    }

    /// The answer's body, checked by the Core rule; a refusal names its field, a settled hand-over is a conflict.
    private static func readAnswer(_ req: Request, current: HandoverStatus, checkTransition: Bool = true) throws -> (
        HandoverStatus, String?
    ) {
        let fields = try JSONFields.read(req, as: Answer.self)
        switch HandoverInput.answer(status: fields["status"], note: fields["note"], current: current, checkTransition: checkTransition) {
        case .success(let answer): return answer
        case .failure(.invalid(let field, let message)):
            var issues = FieldIssues()
            issues.add(field, .custom(message))
            throw issues
        case .failure(.conflict(let message)): throw AppError.conflict(message)
        }
    }

    /// As on the web: for a colleague or partner the regisseur can only end the link; an outside answer moves forward only.
    @Sendable static func recordAnswer(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.handovers, .write, purpose: "api antwoord op overdracht vastleggen")
        guard let handover = try await CaseworkStore(db: req.db).handover(try req.idParameter("handoverId")),
            handover.residentID == resident.id
        else { throw AppError.notFound }
        let forColleague = handover.toUserID != nil
        let (status, note) = try readAnswer(req, current: handover.status, checkTransition: !forColleague)
        if forColleague {
            guard status == .ended, [.proposed, .accepted].contains(handover.status) else { throw AppError.forbidden }
        }
        try await req.recordHandoverAnswer(
            status, note: note, to: handover, householdID: opened.file.id, purpose: "api antwoord op overdracht vastleggen")
        guard let stored = try await CaseworkStore(db: req.db).handover(handover.id) else { throw AppError.notFound }
        return try .json(HandoverDTO(stored))
    }

    @Sendable static func inbox(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let handovers = try await CaseworkStore(db: req.db).handovers(to: viewer.userID)
        try await req.auditList(part: .handovers, purpose: "api mijn aanmeldingen", searchText: nil, shown: handovers.map(\.residentID))
        return try .json(ListDTO(all: handovers.map(HandoverDTO.init)))
    }

    /// The receiving professional answers their own hand-over, before being linked to the client.
    @Sendable static func answer(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let handover = try await CaseworkStore(db: req.db).handover(try req.idParameter("handoverId")),
            handover.toUserID == viewer.userID,
            let resident = try await req.households.resident(handover.residentID, organisationID: viewer.organisationID)
        else { throw AppError.notFound }
        let (status, note) = try readAnswer(req, current: handover.status)
        try await req.recordHandoverAnswer(
            status, note: note, to: handover, householdID: resident.householdID, purpose: "api overdracht beantwoorden")
        guard let stored = try await CaseworkStore(db: req.db).handover(handover.id) else { throw AppError.notFound }
        return try .json(HandoverDTO(stored))
    }

    @Sendable static func signals(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.signals, .read, purpose: "api signalen")
        return try .json(ListDTO(all: try await CaseworkStore(db: req.db).signals(of: resident.id).map(SignalDTO.init)))
    }

    @Sendable static func createSignal(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.signals, .write, purpose: "api signaal vastleggen")
        var reader = FormReader(try JSONFields.read(req, as: NewSignal.self), today: req.today)
        guard let signal = SignalInput.read(&reader) else { throw reader.issues }
        let id = try await req.recordSignal(signal, for: resident, in: opened.file, purpose: "api signaal vastleggen")
        guard let stored = try await CaseworkStore(db: req.db).signal(id) else { throw AppError.notFound }
        return try .json(SignalDTO(stored), status: .created)
    }

    @Sendable static func signalOutcome(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.signals, .write, purpose: "api uitkomst signaal")
        guard let signal = try await CaseworkStore(db: req.db).signal(try req.idParameter("signalId")), signal.residentID == resident.id
        else { throw AppError.notFound }
        let fields = try JSONFields.read(req, as: Outcome.self)
        try await req.recordSignalOutcome(fields["outcome"], of: signal, householdID: opened.file.id, purpose: "api uitkomst signaal")
        guard let stored = try await CaseworkStore(db: req.db).signal(signal.id) else { throw AppError.notFound }
        return try .json(SignalDTO(stored))
    }
}
