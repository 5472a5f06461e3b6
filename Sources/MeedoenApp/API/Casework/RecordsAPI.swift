import MeedoenCore
import MeedoenStorage
import Vapor

/// Ladder measurements, contacts, case reviews and measures through the API (R3, R6, R7).
enum RecordsAPI {
    // MARK: Ladder

    @Sendable static func ladder(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.ladder, .read, purpose: "api ladder")
        return try .json(ListDTO(all: try await req.households.ladder(of: resident.id).map(CaseworkDTO.LadderMeasurement.init)))
    }

    @Sendable static func addMeasurement(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.ladder, .write, purpose: "api ladder meten")
        let fields = try JSONFields.read(req, as: CaseworkBody.LadderMeasurement.self)
        var reader = FormReader(fields, today: req.today)
        // The answers given decide the rung, as on the web form; without them a bare rung is read.
        // `answers: []` (nothing answered yes) is rung 1; without answers the rung is required.
        let answered = JSONFields.indices(of: "answers", in: fields)
        var answers: Set<LadderQuestion>?
        if fields["answers"] != nil || !answered.isEmpty {
            answers = []
            for index in answered {
                if let question = reader.option("answers[\(index)]", as: LadderQuestion.self) { answers?.insert(question) }
            }
            if fields["rung"] != nil { reader.fail("rung", .custom("Geef de antwoorden óf de trede, niet beide.")) }
        }
        guard let (measurement, answered) = LadderInput.read(&reader, answers: answers) else { throw reader.issues }
        try await req.recordLadderMeasurement(measurement, answers: answered, for: resident, in: opened.file, purpose: "api ladder meten")
        let stored = StoredLadderMeasurement(measurement: measurement, measuredBy: req.recorder.userID, answeredYes: answered)
        return try .json(CaseworkDTO.LadderMeasurement(stored), status: .created)
    }

    // MARK: Contacts

    @Sendable static func contacts(req: Request) async throws -> Response {
        let opened = try await req.openFileWithAccess(try req.idParameter(), .contacts, .read, purpose: "api contacten")
        let store = HouseholdStore(db: req.db)
        let participants = try await store.contactParticipants(of: opened.file.id)
        let visible = Set(opened.file.members.map(\.id))
        let notes = opened.may(.notes, .read)
        // What was said is read too when the caller may read notes: logged as such, as on the household page.
        if notes {
            try await req.audit(householdID: opened.file.id, part: FilePart.notes.rawValue, action: "inzien", purpose: opened.purpose)
        }
        let items = try await store.contacts(of: opened.file.id).map { contact in
            CaseworkDTO.Contact(
                id: contact.id, contactOn: contact.contactOn, kind: contact.kind,
                participants: (participants[contact.id] ?? []).filter(visible.contains).sorted { $0.uuidString < $1.uuidString },
                summary: notes ? contact.summary : nil)
        }
        return try .json(ListDTO(all: items))
    }

    @Sendable static func addContact(req: Request) async throws -> Response {
        let opened = try await req.openFileWithAccess(try req.idParameter(), .contacts, .write, purpose: "api contact vastleggen")
        let fields = try JSONFields.read(req, as: CaseworkBody.Contact.self)
        var reader = FormReader(fields, today: req.today)
        let clients = Set(ContactController.clients(of: opened.file).map(\.id))
        var participants: [UUID] = []
        for index in JSONFields.indices(of: "participants", in: fields) {
            let key = "participants[\(index)]"
            if let id = fields[key].flatMap(UUID.init(uuidString:)), clients.contains(id) {
                participants.append(id)
            } else {
                reader.fail(key, .custom("Geen cliënt van dit huishouden (aanvrager of partner)."))
            }
        }
        guard let contact = ContactInput.read(&reader, participants: participants, participantsField: "participants") else {
            throw reader.issues
        }
        let id = try await req.recordContact(contact, in: opened, purpose: "api contact vastleggen")
        return try .json(
            CaseworkDTO.Contact(
                id: id, contactOn: contact.day, kind: contact.kind, participants: contact.participants,
                summary: opened.may(.notes, .write) ? contact.summary : nil),
            status: .created)
    }

    // MARK: Case reviews

    @Sendable static func caseReviews(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.plan, .read, purpose: "api onderzoeken")
        return try .json(
            ListDTO(
                all:
                    try await CaseworkStore(db: req.db).caseReviews(of: resident.id).map {
                        CaseworkDTO.CaseReview(id: $0.id, kind: $0.kind, heldOn: $0.heldOn, outcome: $0.outcome)
                    }))
    }

    @Sendable static func addCaseReview(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "api onderzoek vastleggen")
        var reader = FormReader(try JSONFields.read(req, as: CaseworkBody.CaseReview.self), today: req.today)
        guard let review = CaseReviewInput.read(&reader) else { throw reader.issues }
        let id = try await req.recordCaseReview(review, for: resident, in: opened.file, purpose: "api onderzoek vastleggen")
        return try .json(
            CaseworkDTO.CaseReview(id: id, kind: review.kind, heldOn: review.heldOn, outcome: review.outcome), status: .created)
    }

    // MARK: Measures

    @Sendable static func measures(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.measures, .read, purpose: "api maatregelen")
        return try .json(ListDTO(all: try await CaseworkStore(db: req.db).measures(of: resident.id).map(CaseworkDTO.Measure.init)))
    }

    /// As on the web: the domain refuses a measure the law or the ordinance does not give, each problem on its field.
    @Sendable static func imposeMeasure(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.measures, .write, purpose: "api maatregel opleggen")
        var reader = FormReader(try JSONFields.read(req, as: CaseworkBody.Measure.self), today: req.today)
        guard var measure = MeasureInput.read(&reader) else { throw reader.issues }
        let weighing = try await req.measureWeighing(
            for: resident, organisation: opened.file.household.organisationID, decidedOn: measure.decidedOn)
        MeasureInput.check(&measure, context: weighing.context, &reader)
        try reader.issues.throwIfAny()
        guard let ruleSet = weighing.context.ruleSet else { throw AppError.conflict("Voor deze datum zijn geen maatregelregels bekend.") }
        let id = try await req.recordMeasure(
            measure, ruleSet: ruleSet, context: weighing.context, for: resident, in: opened.file, purpose: "api maatregel opleggen")
        guard let stored = try await CaseworkStore(db: req.db).measures(of: resident.id).first(where: { $0.id == id }) else {
            throw AppError.notFound
        }
        return try .json(CaseworkDTO.Measure(stored), status: .created)
    }
}
