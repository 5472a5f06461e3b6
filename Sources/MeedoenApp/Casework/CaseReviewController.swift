import MeedoenCore
import MeedoenStorage
import Vapor

/// Recording a held rechtmatigheidsonderzoek or evaluation (R7): the group's service package says
/// how often, the worklist says when one is due, this records that it happened and its outcome.
enum CaseReviewController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.client(.key, .reviewsNew), use: form).require(.file(.plan, .write))
        routes.post(.client(.key, .reviews), use: save).require(.file(.plan, .write))
    }

    private static func page(_ req: Request, _ resident: Resident, values: [String: String], issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        let form = SectionedFormPage(
            heading: "Onderzoek of evaluatie vastleggen voor \(resident.fullName)",
            action: SitePath.client(.id(resident.id), .reviews).path,
            cancel: SitePath.client(.id(resident.id)).path, submit: "Vastleggen",
            sections: [
                FormSection(
                    legend: "Onderzoek", hint: nil,
                    fields: [
                        FormField(
                            "kind", "Soort", .select,
                            options: Choice.list(ScheduledReview.Kind.self, selected: nil, label: Dutch.reviewKind)),
                        FormField("heldOn", "Datum", .date),
                        Conversation.formField,
                        FormField("outcome", "Uitkomst", .textarea, hint: "Bijvoorbeeld: geen wijzigingen; of welke afspraak volgt."),
                    ])
            ], values: values, issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (resident, _) = try await req.openClient(.plan, .write, purpose: "onderzoek vastleggen")
        return try await page(
            req, resident, values: Conversation.defaults(["heldOn": req.today.iso, "kind": req.query[String.self, at: "kind"] ?? ""]))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (resident, opened) = try await req.openClient(.plan, .write, purpose: "onderzoek vastleggen")
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        guard let review = CaseReviewInput.read(&reader) else {
            return try await page(req, resident, values: fields, issues: reader.issues)
        }
        try await req.recordCaseReview(review, for: resident, in: opened.file)
        let (kind, day) = (review.kind, review.heldOn)
        return req.redirect(
            to: .client(.id(resident.id)), flash: "\(Dutch.reviewKind(kind)) van \(Dutch.date(day)) is vastgelegd.")
    }
}

extension Dutch {
    static func reviewKind(_ kind: ScheduledReview.Kind) -> String {
        switch kind {
        case .lawfulness: "Rechtmatigheidsonderzoek"
        case .evaluation: "Evaluatie van een voorziening"
        }
    }
}
