import MeedoenCore
import MeedoenStorage
import Vapor

/// The household's edit forms: address, municipality, regisseur, benefit facts, a new member.
/// Dated facts take the day they hold from, so a backdated correction keeps what was known before.
enum HouseholdEditController {
    /// One edit form: its path, the part it writes, and how it reads and saves.
    struct Edit: Sendable {
        var path: String
        var part: FilePart
        var heading: String
        /// Said under the heading, after "Huishouden van …".
        var note: String?
        var submit: String
        var initialValues: @Sendable (HouseholdFile, Day) -> [String: String]
        var fields: @Sendable (Request, HouseholdFile) async throws -> [FormField]
        /// Saves and returns the message shown after the redirect; throws FieldIssues on bad input.
        var save: @Sendable (Request, HouseholdFile, [String: String]) async throws -> (ChangeSummary, String)
    }

    static let edits: [Edit] = [address, municipality, director, benefit, member]

    static func register(_ routes: any RoutesBuilder) {
        for edit in edits {
            let path = SitePath.household(.key, .edit(edit.path))
            routes.get(path) { req in try await form(req, edit) }.require(.file(edit.part, .write))
            routes.post(path) { req in try await submit(req, edit) }.require(.file(edit.part, .write))
        }
    }

    private static func form(_ req: Request, _ edit: Edit, values: [String: String]? = nil, issues: FieldIssues = FieldIssues())
        async throws -> Response
    {
        let id = try req.idParameter()
        let file = try await req.openFile(id, edit.part, .write, purpose: edit.heading.lowercased())
        let values = values ?? edit.initialValues(file, req.today)
        let intro = ["Huishouden van \(file.applicant?.fullName ?? "–").", edit.note].compactMap { $0 }.joined(separator: " ")
        return try await req.renderSectionedForm(
            SectionedFormPage(
                heading: edit.heading, intro: intro, action: SitePath.household(.id(id), .edit(edit.path)).path,
                cancel: SitePath.household(.id(id)).path, submit: edit.submit,
                sections: [FormSection(fields: try await edit.fields(req, file))], values: values, issues: issues))
    }

    private static func submit(_ req: Request, _ edit: Edit) async throws -> Response {
        let id = try req.idParameter()
        let file = try await req.openFile(id, edit.part, .write, purpose: edit.heading.lowercased())
        let fields = try req.formFields()
        do {
            let message = try await req.recordChange { tx in
                let (change, message) = try await edit.save(req, file, fields)
                try await tx.append(
                    req.auditRecord(
                        householdID: id, part: edit.part.rawValue, action: "wijzigen", purpose: edit.heading.lowercased(), change: change))
                return message
            }
            return req.redirect(to: .household(.id(id)), flash: message)
        } catch let issues as FieldIssues {
            return try await form(req, edit, values: fields, issues: issues)
        } catch let problem as HouseholdStore.Problem {
            return try await form(req, edit, values: fields, issues: problem.fieldIssues)
        }
    }

    // MARK: The forms

    static let address = Edit(
        path: "address", part: .household, heading: "Adres wijzigen",
        note: "Bij een verhuizing naar een andere gemeente wijzigt u ook de gemeente.", submit: "Adres opslaan",
        initialValues: { file, _ in
            let h = file.household
            return ["street": h.street, "houseNumber": h.houseNumber, "postcode": h.postcode, "city": h.city]
        },
        fields: { _, _ in HouseholdInput.addressFields },
        save: { req, file, fields in
            var reader = FormReader(fields, today: req.today)
            let address = HouseholdInput.address(&reader)
            try reader.issues.throwIfAny()
            let change = try await req.households.updateAddress(file.id, to: address, organisationID: file.household.organisationID)
            return (change, "Het adres is gewijzigd.")
        })

    static let municipality = Edit(
        path: "municipality", part: .household, heading: "Gemeente wijzigen", submit: "Gemeente opslaan",
        initialValues: { file, today in
            ["municipalityId": file.current(file.municipalities, on: today)?.value.uuidString ?? "", "validFrom": today.iso]
        },
        fields: { req, file in
            let all = try await DirectoryStore(db: req.db).municipalities(of: file.household.organisationID)
            return [
                FormField(
                    "municipalityId", "Gemeente", .select,
                    options: all.map { Choice(value: $0.id!.uuidString, label: $0.name, selected: false) }),
                HouseholdInput.validFromField,
            ]
        },
        save: { req, file, fields in
            var reader = FormReader(fields, today: req.today)
            let municipality = HouseholdInput.uuid(&reader, "municipalityId")
            let from = HouseholdInput.validFrom(&reader)
            try reader.issues.throwIfAny()
            try await req.households.setMunicipality(
                file.id, to: municipality!, from: from!, organisationID: file.household.organisationID, by: req.recorder)
            return (
                ChangeSummary(
                    old: ["gemeente": file.current(file.municipalities, on: from!).map { file.name(of: $0.value) } ?? ""],
                    new: ["gemeente": municipality!.uuidString, "vanaf": from!.iso]), "De gemeente is gewijzigd vanaf \(Dutch.date(from!))."
            )
        })

    static let director = Edit(
        path: "director", part: .director, heading: "Regisseur wijzigen", note: "Elk huishouden heeft één vaste regisseur.",
        submit: "Regisseur opslaan",
        initialValues: { file, today in
            ["directorId": file.current(file.directors, on: today)?.value.uuidString ?? "", "validFrom": today.iso]
        },
        fields: { req, file in
            let users = try await DirectoryStore(db: req.db).directors(of: file.household.organisationID)
            let roleName = await req.roleNamer()
            return [
                FormField(
                    "directorId", "Regisseur", .select,
                    options: users.map {
                        Choice(value: $0.id!.uuidString, label: "\($0.displayName) (\(roleName($0.role).lowercased()))", selected: false)
                    }),
                HouseholdInput.validFromField,
            ]
        },
        save: { req, file, fields in
            var reader = FormReader(fields, today: req.today)
            let director = HouseholdInput.uuid(&reader, "directorId")
            let from = HouseholdInput.validFrom(&reader)
            try reader.issues.throwIfAny()
            try await req.households.setDirector(
                file.id, to: director!, from: from!, organisationID: file.household.organisationID, by: req.recorder)
            return (
                ChangeSummary(
                    old: ["regisseur": file.current(file.directors, on: from!)?.value.uuidString ?? ""],
                    new: ["regisseur": director!.uuidString, "vanaf": from!.iso]), "De regisseur is gewijzigd vanaf \(Dutch.date(from!))."
            )
        })

    static let benefit = Edit(
        path: "benefit", part: .benefit, heading: "Uitkeringsgegevens wijzigen",
        note: "Meedoen berekent of betaalt geen uitkering; deze gegevens komen uit de inkomensadministratie.",
        submit: "Uitkeringsgegevens opslaan",
        initialValues: { file, today in
            let facts = file.current(file.benefits, on: today)?.value
            return [
                "receivesBijstand": facts?.receivesBijstand == true ? "ja" : "", "normCategory": facts?.normCategory?.rawValue ?? "",
                "partialBenefit": facts?.partialBenefit == true ? "ja" : "", "validFrom": today.iso,
            ]
        },
        fields: { _, _ in
            HouseholdInput.benefitFields(
                normHint: "Zoals de inkomensadministratie die vastlegt.",
                none: Choice(value: "", label: "Geen (geen bijstand)", selected: false)) + [HouseholdInput.validFromField]
        },
        save: { req, file, fields in
            var reader = FormReader(fields, today: req.today)
            let facts = HouseholdInput.benefit(&reader)
            let from = HouseholdInput.validFrom(&reader)
            try reader.issues.throwIfAny()
            try await req.households.setBenefitFacts(file.id, to: facts!, from: from!, by: req.recorder)
            let old = file.current(file.benefits, on: from!).map { Dutch.benefit($0.value) } ?? ""
            return (
                ChangeSummary(old: ["uitkering": old], new: ["uitkering": Dutch.benefit(facts!), "vanaf": from!.iso]),
                "De uitkeringsgegevens zijn gewijzigd vanaf \(Dutch.date(from!))."
            )
        })

    static let member = Edit(
        path: "members", part: .household, heading: "Gezinslid toevoegen", submit: "Gezinslid toevoegen",
        initialValues: { _, _ in [:] },
        fields: { _, _ in
            HouseholdInput.personFields + HouseholdInput.relationFields(includingApplicant: false) + HouseholdInput.contactFields
        },
        save: { req, file, fields in
            var reader = FormReader(fields, today: req.today)
            let resident = HouseholdInput.resident(&reader)
            HouseholdInput.checkComposition(&reader, resident, in: file)
            try reader.issues.throwIfAny()
            _ = try await req.households.addMember(
                resident!, to: file.id, organisationID: file.household.organisationID, by: req.recorder)
            return (ChangeSummary(new: resident!.auditSummary), "\(resident!.givenName) is toegevoegd aan het huishouden.")
        })
}

extension ResidentFields {
    var auditSummary: [String: String] {
        ["naam": "\(givenName) \(familyName)", "relatie": relation.rawValue, "bsn": bsn.masked]
    }
}
