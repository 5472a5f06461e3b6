import MeedoenCore
import MeedoenStorage
import Vapor

/// What the API sends; kept apart from the Fluent models so the schema can change without
/// breaking clients.
struct AddressDTO: Content, DescribedSchema {
    var street: String
    var houseNumber: String
    var postcode: String
    var city: String

    static let schemaName = "Address"
    static var notes: [String: JSONValue] { ["postcode": ["example": "8331 AB"]] }
}

struct HouseholdSummaryDTO: Content, DescribedSchema {
    static let schemaName = "HouseholdSummary"

    var id: UUID
    var applicantId: UUID
    var applicantName: String
    /// null for a role that may not read the household's address (a jobcoach).
    var address: AddressDTO?
    var municipality: String?
    var directorId: UUID?
    var directorName: String?
    /// null for a role that may not read benefit facts.
    var receivesBijstand: Bool?
    /// null for a role that may not read the household (address, municipality, composition).
    var members: Int?

    init(_ row: HouseholdRow, role: Role) {
        (id, applicantId, applicantName) = (row.householdId, row.applicantId, "\(row.givenName) \(row.familyName)")
        address =
            Access.mayEver(role, .household, .read)
            ? AddressDTO(street: row.street, houseNumber: row.houseNumber, postcode: row.postcode, city: row.city) : nil
        let household = Access.mayEver(role, .household, .read)
        (municipality, directorId, directorName) = (household ? row.municipality : nil, row.directorId, row.directorName)
        receivesBijstand = Access.mayEver(role, .benefit, .read) ? row.receivesBijstand ?? false : nil
        members = household ? row.members : nil
    }
}

struct ListDTO<Item: Content & DescribedSchema>: Content, DescribedSchema {
    var items: [Item]
    var page: Int
    var per: Int
    var total: Int

    /// "HouseholdList" for household summaries, "ClientList" for clients.
    static var schemaName: String { Item.schemaName.replacingOccurrences(of: "Summary", with: "") + "List" }
}

extension ListDTO {
    /// A list given whole, as one page (a client's intakes, plans, measures…).
    init(all items: [Item]) { self.init(items: items, page: 1, per: max(1, items.count), total: items.count) }
}

struct SpecialGroupDTO: Content {
    var kind: SpecialGroup
    var validFrom: Day
    var validTo: Day?
    var integrationStart: Day?
}

struct SupportPeriodDTO: Content {
    var start: Day
    var end: Day?
    var endReason: SupportEndReason?
}

struct ClientDTO: Content, DescribedSchema {
    var id: UUID
    var householdId: UUID
    var bsn: String
    var givenName: String
    var familyName: String
    var dateOfBirth: Day
    var relation: MemberRelation
    var coResidentException: CoResidentException?
    var email: String?
    var phone: String?
    var specialGroups: [SpecialGroupDTO]?
    var supportPeriods: [SupportPeriodDTO]?

    static let schemaName = "Client"
    static var notes: [String: JSONValue] { ["bsn": SchemaNote.bsn, "email": SchemaNote.email] }

    /// With an opened file, the special groups and support periods the user may see are included.
    init(_ resident: Resident, opened: OpenedFile? = nil) {
        (id, householdId, bsn) = (resident.id, resident.householdID, resident.bsn)
        (givenName, familyName, dateOfBirth) = (resident.givenName, resident.familyName, resident.dateOfBirth)
        (relation, coResidentException) = (resident.relation, resident.coResidentException)
        (email, phone) = (resident.email, resident.phone)
        if let opened, opened.may(.specialGroups, .read) {
            let file = opened.file
            specialGroups = file.specialGroups.filter { $0.isCurrent && $0.value.residentID == resident.id }.map {
                SpecialGroupDTO(
                    kind: $0.value.kind, validFrom: $0.validFrom, validTo: $0.validTo, integrationStart: $0.value.integrationStart)
            }
        }
        if let opened, opened.may(.supportPeriods, .read) {
            supportPeriods = opened.file.supportPeriods.filter { $0.isCurrent && $0.value.residentID == resident.id }.map {
                SupportPeriodDTO(start: $0.validFrom, end: $0.validTo, endReason: $0.value.endReason)
            }
        }
    }
}

struct BenefitDTO: Content {
    var receivesBijstand: Bool
    var normCategory: NormCategory?
    var partialBenefit: Bool
    var validFrom: Day
    var validTo: Day?
}

struct NamedRefDTO: Content {
    var id: UUID
    var name: String
}

struct HouseholdDTO: Content, DescribedSchema {
    static let schemaName = "Household"

    var id: UUID
    var address: AddressDTO
    var municipality: NamedRefDTO?
    var director: NamedRefDTO?
    /// Left out for roles that may not see benefit facts.
    var benefit: BenefitDTO?
    var benefitHistory: [BenefitDTO]?
    var members: [ClientDTO]

    init(_ opened: OpenedFile, today: Day) {
        let file = opened.file
        id = file.id
        let h = file.household
        address = AddressDTO(street: h.street, houseNumber: h.houseNumber, postcode: h.postcode, city: h.city)
        municipality = file.current(file.municipalities, on: today).map {
            NamedRefDTO(id: $0.value, name: file.name(of: $0.value))
        }
        director = file.current(file.directors, on: today).map { NamedRefDTO(id: $0.value, name: file.name(of: $0.value)) }
        func dto(_ record: Dated<BenefitFacts>) -> BenefitDTO {
            BenefitDTO(
                receivesBijstand: record.value.receivesBijstand, normCategory: record.value.normCategory,
                partialBenefit: record.value.partialBenefit, validFrom: record.validFrom, validTo: record.validTo)
        }
        if opened.may(.benefit, .read) {
            benefit = file.current(file.benefits, on: today).map(dto)
            benefitHistory = file.benefits.filter(\.isCurrent).map(dto)
        }
        members = file.members.map { ClientDTO($0, opened: opened) }
    }
}
