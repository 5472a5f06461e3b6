import MeedoenCore
import MeedoenStorage
import Vapor

/// Reads households and residents from raw fields. The web forms and the JSON API both come
/// through here, so a rule is checked in one place and named the same in both. Each group of fields
/// is asked (`…Fields`, drawn by form-field.leaf) right beside where it is read.
enum HouseholdInput {
    static let addressFields = [
        FormField("street", "Straat", .text, maxLength: 100, autocomplete: "address-line1"),
        FormField("houseNumber", "Huisnummer (met toevoeging)", .text, maxLength: 12),
        FormField("postcode", "Postcode", .text, hint: "Bijvoorbeeld 8331 AB.", maxLength: 7, autocomplete: "postal-code"),
        FormField("city", "Woonplaats", .text, maxLength: 80, autocomplete: "address-level2"),
    ]

    static func address(_ reader: inout FormReader) -> AddressFields {
        let street = reader.requiredText("street", max: 100)
        let number = reader.requiredText("houseNumber", max: 12)
        if reader.raw("postcode") == nil { reader.fail("postcode", .required) }
        let postcode = reader.postcode("postcode") ?? ""
        let city = reader.requiredText("city", max: 80)
        return AddressFields(street: street, houseNumber: number, postcode: postcode, city: city)
    }

    static let personFields = [
        FormField("bsn", "BSN", .text, hint: "9 cijfers; wordt gecontroleerd met de elfproef.", maxLength: 11, numeric: true),
        FormField("givenName", "Voornaam", .text, maxLength: 100),
        FormField("familyName", "Achternaam (met tussenvoegsel)", .text, maxLength: 100),
        FormField("dateOfBirth", "Geboortedatum", .date, hint: "Bijvoorbeeld 28-11-2026."),
    ]

    /// A new member is never the applicant; a correction shows the applicant's own relation too.
    static func relationFields(includingApplicant: Bool) -> [FormField] {
        [
            FormField(
                "relation", "Relatie tot de aanvrager", .select,
                options: Choice.list(MemberRelation.self, selected: nil, label: Dutch.relation).filter {
                    includingApplicant || $0.value != MemberRelation.applicant.rawValue
                }),
            FormField(
                "coResidentException", "Uitzondering kostendelersnorm (alleen medebewoner)", .select,
                hint: "Telt een medebewoner van 27 jaar of ouder niet mee voor de kostendelersnorm (art. 19a)?", optional: true,
                options: [Choice(value: "", label: "Geen uitzondering", selected: false)]
                    + Choice.list(CoResidentException.self, selected: nil, label: Dutch.exception)),
        ]
    }

    static let contactFields = [
        FormField("email", "E-mailadres", .email, optional: true, maxLength: 254),
        FormField("phone", "Telefoonnummer", .tel, optional: true, maxLength: 20),
    ]

    static func resident(_ reader: inout FormReader, relation fixed: MemberRelation? = nil) -> ResidentFields? {
        let bsn = reader.bsn("bsn")
        let given = reader.requiredName("givenName")
        let family = reader.requiredName("familyName")
        let born = reader.requiredDay("dateOfBirth", notInFuture: true)
        if let born, born.age(on: reader.today) > 125 { reader.fail("dateOfBirth", .outOfRange) }
        let relation = fixed ?? reader.requiredOption("relation", as: MemberRelation.self)
        let exception = reader.option("coResidentException", as: CoResidentException.self)
        let email = reader.email("email")
        let phone = reader.phone("phone")
        guard let bsn, let born, let relation else { return nil }
        return ResidentFields(
            bsn: bsn, givenName: given, familyName: family, dateOfBirth: born, relation: relation,
            coResidentException: exception, email: email, phone: phone)
    }

    /// The benefit facts. A new household chooses ‘geen’ explicitly (no default that contradicts a
    /// ticked "Ontvangt bijstand"); a change leaves the category empty for none.
    static func benefitFields(normHint: String, none: Choice...) -> [FormField] {
        [
            FormField("receivesBijstand", "Ontvangt bijstand", .checkbox),
            {
                // Required with bijstand only: the server checks the combination (BenefitFacts.validate).
                var field = FormField(
                    "normCategory", "Normcategorie", .select, hint: normHint, optional: true,
                    options: none + Choice.list(NormCategory.self, selected: nil, label: Dutch.norm))
                field.optionalNote = "verplicht bij bijstand"
                return field
            }(),
            FormField("partialBenefit", "Aanvullende (gedeeltelijke) uitkering naast inkomen uit werk", .checkbox),
        ]
    }

    static func benefit(_ reader: inout FormReader) -> BenefitFacts? {
        let receives = reader.flag("receivesBijstand")
        // "geen" is the explicit choice for a household without bijstand.
        let category = reader.raw("normCategory") == "geen" ? nil : reader.option("normCategory", as: NormCategory.self)
        let facts = BenefitFacts(receivesBijstand: receives, normCategory: category, partialBenefit: reader.flag("partialBenefit"))
        do { try facts.validate() } catch {
            switch error {
            case .bijstandWithoutNormCategory: reader.fail("normCategory", .custom("Kies de normcategorie van de bijstand."))
            case .normCategoryWithoutBijstand:
                reader.fail("normCategory", .custom("Zonder bijstand hoort er geen normcategorie bij; kies ‘geen’."))
            case .partialWithoutBijstand: reader.fail("partialBenefit", .custom("Een aanvullende uitkering kan alleen bij bijstand."))
            }
            return nil
        }
        return facts
    }

    static func uuid(_ reader: inout FormReader, _ name: String) -> UUID? {
        guard let raw = reader.raw(name) else {
            reader.fail(name, .required)
            return nil
        }
        guard let id = UUID(uuidString: raw) else {
            reader.fail(name, .unknownOption)
            return nil
        }
        return id
    }

    static func newHousehold(_ fields: [String: String], today: Day, directorID: UUID) throws(FieldIssues) -> NewHousehold {
        // Read in the order of the form, so the error summary lists the problems top to bottom.
        var reader = FormReader(fields, today: today)
        let applicant = resident(&reader, relation: .applicant)
        let address = address(&reader)
        let municipality = uuid(&reader, "municipalityId")
        let start = reader.requiredDay("supportStart")
        let benefit = benefit(&reader)
        try reader.issues.throwIfAny()
        return NewHousehold(
            address: address, municipalityID: municipality!, directorID: directorID, applicant: applicant!, benefit: benefit!,
            supportStart: start!)
    }

    /// The household keeps one applicant and at most one partner (HouseholdComposition).
    /// `member` is the resident being changed, nil for a new one.
    static func checkComposition(
        _ reader: inout FormReader, _ fields: ResidentFields?, member: Resident? = nil, in file: HouseholdFile
    ) {
        guard let relation = fields?.relation else { return }
        let others = file.members.filter { $0.id != member?.id }.map(\.relation)
        do { try HouseholdComposition.check(relation: relation, previous: member?.relation, others: others) } catch {
            switch error {
            case .secondApplicant: reader.fail("relation", .custom("Een huishouden heeft één aanvrager."))
            case .secondPartner: reader.fail("relation", .custom("Dit huishouden heeft al een partner."))
            case .applicantChangesRelation:
                reader.fail("relation", .custom("De aanvrager van een huishouden wisselt niet via een correctie."))
            }
        }
    }

    static let validFromField = FormField(
        "validFrom", "Geldig vanaf", .date,
        hint: "De datum waarop dit gaat gelden; een datum in het verleden corrigeert met terugwerkende kracht.")

    /// A dated change: the day it holds from, required.
    static func validFrom(_ reader: inout FormReader) -> Day? {
        reader.requiredDay("validFrom")
    }
}

extension Request {
    /// The submitted form as plain text fields (the CSRF token left out).
    func formFields() throws -> [String: String] {
        var fields = try content.decode([String: String].self)
        fields[CSRF.field] = nil
        return fields
    }
}
