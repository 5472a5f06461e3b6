import Foundation
import MeedoenCore
import MeedoenStorage
import Vapor

/// The norms and terms of the profile as a form, so the functioneel beheerder changes a contact
/// norm or a review rhythm without touching the document. The result is a new version of the same
/// document, checked like any other (ProfileValidation), with its date of effect.
enum ProfileTermsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminProfileTerms, use: form).require(.capability(.managePolicyProfile))
        routes.post(.adminProfileTerms, use: save).require(.capability(.managePolicyProfile))
    }

    static let normKinds = [
        Choice(value: "perCalendarYear", label: "Minstens één contact per kalenderjaar", selected: false),
        Choice(value: "everyMonths", label: "Minstens eens per aantal maanden", selected: false),
    ]

    static func sections(_ profile: PolicyProfile) -> [FormSection] {
        let inherit = [Choice(value: "", label: "Zoals de organisatie", selected: false)] + normKinds
        return [
            FormSection(
                legend: "Nieuwe versie", hint: nil,
                fields: [FormField("validFrom", "Geldt vanaf", .date), FormField("note", "Toelichting op de wijziging", .text)]),
            FormSection(
                legend: "Contactnorm van de organisatie", hint: profile.contacts.source,
                fields: [
                    FormField("contacts_kind", "Soort norm", .select, options: normKinds),
                    FormField("contacts_months", "Aantal maanden", .number, hint: "Alleen bij 'eens per aantal maanden'.", optional: true),
                    FormField(
                        "contacts_firstDue", "Eerste contact uiterlijk … maanden na de start", .number,
                        hint: "Bij een norm per kalenderjaar: nooit eerder dan dit aantal maanden na de start van de ondersteuning.",
                        optional: true),
                ]),
            FormSection(
                legend: "Welke soorten contact tellen mee voor de norm", hint: profile.contacts.countingKindsSource,
                fields: ContactKind.allCases.map { FormField("counts_\($0.rawValue)", Dutch.contactKind($0), .checkbox, optional: true) }),
            FormSection(
                legend: "Maatregelenverordening (art. 18 lid 5 en 6)", hint: profile.measures?.source,
                fields: [
                    FormField("measures_first", "Eerste schending: maanden (lid 5, 1 tot 3)", .number, optional: true),
                    FormField(
                        "measures_repeat", "Herhaling binnen twaalf maanden: maanden (lid 6, langer, ten hoogste 3)", .number,
                        optional: true),
                    FormField(
                        "measures_spread", "De verordening staat verrekenen over drie maanden toe (lid 5, tweede zin)", .checkbox,
                        optional: true),
                ]),
        ]
            + profile.segmentation.groups.map { group in
                FormSection(
                    legend: "\(profile.segmentation.label): \(group.name)", hint: group.service.contacts?.source,
                    fields: [
                        FormField("\(group.code)_contacts_kind", "Contactnorm", .select, optional: true, options: inherit),
                        FormField("\(group.code)_contacts_months", "Aantal maanden", .number, optional: true),
                        FormField("\(group.code)_plan", "Plan evalueren elke … maanden", .number, optional: true),
                    ]
                        + group.service.reviews.enumerated().map { index, review in
                            FormField("\(group.code)_review\(index)", "\(review.description): elke … maanden", .number)
                        })
            }
    }

    static func values(_ profile: PolicyProfile, today: Day) -> [String: String] {
        var values: [String: String] = [
            "validFrom": today.iso, "contacts_kind": profile.contacts.kind,
            "contacts_months": profile.contacts.months.map(String.init) ?? "",
            "contacts_firstDue": String(profile.contacts.firstDueMonths),
            "measures_first": profile.measures?.firstPeriodMonths.map(String.init) ?? "",
            "measures_repeat": profile.measures?.repeatPeriodMonths.map(String.init) ?? "",
        ]
        for kind in ContactKind.allCases where profile.contacts.counts(kind) { values["counts_\(kind.rawValue)"] = "ja" }
        if profile.measures?.spreadAllowed == true { values["measures_spread"] = "ja" }
        for group in profile.segmentation.groups {
            values["\(group.code)_contacts_kind"] = group.service.contacts?.kind ?? ""
            values["\(group.code)_contacts_months"] = group.service.contacts?.months.map(String.init)
            values["\(group.code)_plan"] = group.service.planReviewMonths.map(String.init)
            for (index, review) in group.service.reviews.enumerated() {
                values["\(group.code)_review\(index)"] = String(review.everyMonths)
            }
        }
        return values
    }

    private static func page(_ req: Request, _ profile: PolicyProfile, values: [String: String], issues: FieldIssues = FieldIssues())
        async throws
        -> Response
    {
        let form = SectionedFormPage(
            heading: "Normen en termijnen wijzigen",
            intro:
                "Een wijziging wordt een nieuwe versie van het beleidsprofiel, met een datum van ingang. Een norm of termijn van nul wordt geweigerd.",
            action: SitePath.adminProfileTerms.path, cancel: SitePath.adminProfile.path, submit: "Nieuwe versie opslaan",
            sections: sections(profile),
            values: values,
            issues: issues)
        return try await req.renderSectionedForm(form)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let profile = try await req.profile().profile
        return try await page(req, profile, values: values(profile, today: req.today))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        var profile = try await req.profile().profile
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let version = ProfileAdminController.versionFields(&reader, today: req.today)
        func number(_ name: String, required: Bool = false) -> Int? {
            guard let raw = reader.raw(name) else {
                if required { reader.fail(name, .required) }
                return nil
            }
            guard let value = Int(raw) else {
                reader.fail(name, .custom("Vul een heel getal in."))
                return nil
            }
            return value
        }
        // The document's own check refuses a norm or term of zero; here only the form's shape.
        func norm(_ prefix: String, source: String) -> ContactPolicy? {
            guard let kind = reader.raw("\(prefix)_kind") else { return nil }
            guard ["perCalendarYear", "everyMonths"].contains(kind) else {
                reader.fail("\(prefix)_kind", .unknownOption)
                return nil
            }
            return ContactPolicy(
                kind: kind, months: kind == "everyMonths" ? number("\(prefix)_months", required: true) : nil, source: source)
        }
        let note = reader.raw("note") ?? ""
        let changedBy = "Gewijzigd door de functioneel beheerder: \(note)"
        if var contacts = norm("contacts", source: changedBy) {
            // What counts and the first due date are the beheerder's choice (issue 13); kept unless changed.
            let kinds = ContactKind.allCases.filter { reader.flag("counts_\($0.rawValue)") }
            contacts.countingKinds = kinds
            contacts.countingKindsSource =
                kinds == ContactKind.allCases.filter(profile.contacts.counts) ? profile.contacts.countingKindsSource : changedBy
            contacts.firstDueAfterMonths = number("contacts_firstDue") ?? profile.contacts.firstDueAfterMonths
            profile.contacts = contacts
        }
        let (first, second, spread) = (number("measures_first"), number("measures_repeat"), reader.flag("measures_spread"))
        if first != nil || second != nil || profile.measures != nil {
            let old = profile.measures
            let same = old?.firstPeriodMonths == first && old?.repeatPeriodMonths == second && old?.spreadAllowed == spread
            profile.measures = MeasureOrdinance(
                firstPeriodMonths: first, repeatPeriodMonths: second, spreadAllowed: spread,
                source: same ? old?.source ?? changedBy : "Vastgesteld door de functioneel beheerder: \(note)",
                isExample: same ? old?.isExample ?? false : false)
        }
        for index in profile.segmentation.groups.indices {
            let code = profile.segmentation.groups[index].code
            var service = profile.segmentation.groups[index].service
            service.contacts = norm(
                "\(code)_contacts", source: service.contacts?.source ?? "Gewijzigd door de functioneel beheerder: \(note)")
            service.planReviewMonths = number("\(code)_plan")
            for review in service.reviews.indices {
                if let months = number("\(code)_review\(review)", required: true) { service.reviews[review].everyMonths = months }
            }
            profile.segmentation.groups[index].service = service
        }
        guard reader.issues.isEmpty, let (validFrom, note) = version else {
            return try await page(req, try await req.profile().profile, values: fields, issues: reader.issues)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = String(decoding: try encoder.encode(profile), as: UTF8.self)
        do {
            let model = try await ProfileAdminController.storeVersion(req, document, validFrom: validFrom, note: note)
            return req.redirect(
                to: .adminProfile, flash: "Versie \(model.version) is opgeslagen en geldt vanaf \(Dutch.date(validFrom)).")
        } catch let problem as ProfileProblem {
            var issues = FieldIssues()
            issues.add(field(for: problem.key, in: profile), .custom(ProfileAdminController.refusal(problem)))
            return try await page(req, try await req.profile().profile, values: fields, issues: issues)
        }
    }

    /// The form field a refusal is about, from the key path in the document.
    static func field(for key: String, in profile: PolicyProfile) -> String {
        if key.hasPrefix("contacts.countingKinds") { return "counts_conversation" }
        if key.hasPrefix("contacts.firstDue") { return "contacts_firstDue" }
        if key.hasPrefix("contacts") { return "contacts_months" }
        if key.hasPrefix("measures.repeat") { return "measures_repeat" }
        if key.hasPrefix("measures") { return "measures_first" }
        guard let open = key.range(of: "groups["), let close = key[open.upperBound...].firstIndex(of: "]"),
            let index = Int(key[open.upperBound..<close]), profile.segmentation.groups.indices.contains(index)
        else { return "note" }
        let code = profile.segmentation.groups[index].code
        if key.contains("planReviewMonths") { return "\(code)_plan" }
        if let review = key.range(of: "reviews["), let end = key[review.upperBound...].firstIndex(of: "]") {
            return "\(code)_review\(key[review.upperBound..<end])"
        }
        return "\(code)_contacts_months"
    }
}
