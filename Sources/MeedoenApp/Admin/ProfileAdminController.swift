import MeedoenCore
import MeedoenStorage
import Vapor

/// The functioneel beheerder's page for the organisation's policy profile (R4, R6, R7, R22): the
/// groups with their criteria and service packages as in force, every version, and the document to
/// change with its date of effect. A refused document changes nothing and says where it is wrong.
enum ProfileAdminController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminProfile, use: show).require(.capability(.managePolicyProfile))
        routes.post(.adminProfile, use: save).require(.capability(.managePolicyProfile))
    }

    private static func page(_ req: Request, values: [String: String]? = nil, issues: FieldIssues = FieldIssues()) async throws -> Response
    {
        let viewer = try req.requireViewer()
        let inForce = try await req.profile()
        let staff = try await DirectoryStore(db: req.db).staff(of: viewer.organisationID)
        let page = ProfilePage(
            profile: inForce.profile, inForce: inForce.version,
            versions: try await PolicyProfileStore(db: req.db).versions(viewer.organisationID),
            shipped: req.services.shipped.profiles[inForce.profile.organisation]?.document,
            names: Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.displayName) }), values: values, issues: issues, today: req.today
        )
        return try await req.renderPage("profile", title: "Beleidsprofiel", page, status: issues.isEmpty ? .ok : .badRequest)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    /// Reads the date of effect and the note every new version needs.
    static func versionFields(_ reader: inout FormReader, today: Day) -> (Day, String)? {
        let validFrom = reader.requiredDay("validFrom")
        let note = reader.requiredText("note", max: 500)
        if let validFrom, validFrom < today {
            reader.fail("validFrom", .custom("Een nieuwe versie geldt vanaf vandaag of later; eerdere besluiten houden hun profiel."))
        }
        guard let validFrom, !note.isEmpty else { return nil }
        return (validFrom, note)
    }

    /// Checks and stores a new version (throws the ProfileProblem when refused) and logs it.
    static func storeVersion(_ req: Request, _ document: String, validFrom: Day, note: String) async throws -> ProfileVersion {
        let viewer = try req.requireViewer()
        guard let organisation = try await DirectoryStore(db: req.db).organisation(viewer.organisationID) else { throw AppError.notFound }
        let stored = try await req.recordChange { tx in
            let model = try await PolicyProfileStore(db: tx.db).add(
                document, file: "beleidsprofiel \(organisation.code)", for: organisation, validFrom: validFrom, origin: .edited, note: note,
                by: req.recorder)
            try await tx.append(
                req.auditRecord(
                    part: "beleidsprofiel", action: "wijzigen", purpose: "beleidsprofiel wijzigen",
                    change: ChangeSummary(new: ["versie": String(model.version), "vanaf": validFrom.iso, "toelichting": note])))
            return model
        }
        // The norms and terms may have changed: every client's due dates, with the version in force today.
        try await WorklistDueMaintenance.refresh(
            viewer.organisationID, profile: try await req.profile().profile, db: req.db, services: req.services)
        return stored
    }

    static func refusal(_ problem: ProfileProblem) -> String {
        "Niet opgeslagen, de vorige versie blijft gelden. \(problem.key.isEmpty ? "" : "Bij \(problem.key): ")\(Dutch.profileFault(problem.fault))."
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let version = versionFields(&reader, today: req.today)
        let document = fields["document"] ?? ""
        if document.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { reader.fail("document", .required) }
        guard reader.issues.isEmpty, let (validFrom, note) = version else {
            return try await page(req, values: fields, issues: reader.issues)
        }
        do {
            let model = try await storeVersion(req, document, validFrom: validFrom, note: note)
            return req.redirect(
                to: .adminProfile, flash: "Versie \(model.version) is opgeslagen en geldt vanaf \(Dutch.date(validFrom)).")
        } catch let problem as ProfileProblem {
            var issues = FieldIssues()
            issues.add("document", .custom(refusal(problem)))
            return try await page(req, values: fields, issues: issues)
        }
    }
}

extension Dutch {
    static func rule(_ condition: RuleCondition, in segmentation: Segmentation) -> String {
        if let other = condition.notGroup { return "valt niet onder \(segmentation.group(other)?.name ?? other)" }
        guard let fact = condition.fact else { return "" }
        let name = FactLabels.name(fact)
        if let values = condition.oneOf { return "\(name): \(values.map { FactLabels.value($0, of: fact) }.joined(separator: " of "))" }
        return [condition.atLeast.map { "\(name) minstens \($0)" }, condition.atMost.map { "\(name) hoogstens \($0)" }].compactMap { $0 }
            .joined(separator: " en ")
    }
}
