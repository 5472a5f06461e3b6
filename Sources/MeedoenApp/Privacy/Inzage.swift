import MeedoenCore
import MeedoenStorage
import Vapor

/// Everything Meedoen holds about one resident (AVG art. 15), and who looked at it. Other members
/// of the household appear only as a count: their data is not the resident's to receive.
struct Inzage: Content {
    struct Person: Content {
        var bsn: String
        var givenName: String
        var familyName: String
        var dateOfBirth: Day
        var relation: String
        var coResidentException: String?
        var email: String?
        var phone: String?
        var recordedAt: Date
    }

    struct Dated: Content {
        var what: String
        var value: String
        var validFrom: Day
        var validTo: Day?
        var recordedAt: Date
        var replacedAt: Date?
    }

    struct Access: Content {
        var at: Date
        var by: String
        var role: String
        var action: String
        var part: String
        var purpose: String
    }

    var madeAt: Date
    var organisation: String
    var person: Person
    var address: String
    var otherHouseholdMembers: Int
    var history: [Dated]
    var casework: [Record] = []
    var accessLog: [Access]

    init(resident: Resident, file: HouseholdFile, events: [AccessLogEntry], organisation: String, madeAt: Date) {
        self.madeAt = madeAt
        self.organisation = organisation
        person = Person(
            bsn: resident.bsn, givenName: resident.givenName, familyName: resident.familyName, dateOfBirth: resident.dateOfBirth,
            relation: Dutch.relation(resident.relation), coResidentException: resident.coResidentException.map(Dutch.exception),
            email: resident.email, phone: resident.phone, recordedAt: resident.recordedAt)
        let h = file.household
        address = "\(h.street) \(h.houseNumber), \(h.postcode) \(h.city)"
        otherHouseholdMembers = file.members.count - 1
        func dated<V>(_ what: String, _ records: [MeedoenCore.Dated<V>], _ value: (MeedoenCore.Dated<V>) -> String) -> [Dated] {
            records.map {
                Dated(
                    what: what, value: value($0), validFrom: $0.validFrom, validTo: $0.validTo, recordedAt: $0.recordedAt,
                    replacedAt: $0.supersededAt)
            }
        }
        var history = dated("Gemeente", file.municipalities) { file.name(of: $0.value) }
        history += dated("Regisseur", file.directors) { file.name(of: $0.value) }
        // Benefit facts belong to the benefit unit (claimant and partner) only.
        if resident.relation.isInBenefitUnit { history += dated("Uitkering", file.benefits) { Dutch.benefit($0.value) } }
        history += dated("Bijzondere groep", file.specialGroups.filter { $0.value.residentID == resident.id }) {
            Dutch.specialGroup($0.value.kind)
        }
        history += dated("Ondersteuning", file.supportPeriods.filter { $0.value.residentID == resident.id }) {
            $0.value.endReason.map { "beëindigd: \(Dutch.endReason($0).lowercased())" } ?? "lopend"
        }
        self.history = history
        // The household's log concerns everyone in it; entries about another member are left out.
        accessLog = events.filter { $0.residentID == nil || $0.residentID == resident.id }.map {
            Access(
                at: $0.at, by: $0.actorName, role: Role(rawValue: $0.actorRole).map(Dutch.role) ?? $0.actorRole, action: $0.action,
                part: Dutch.part($0.part), purpose: $0.purpose)
        }
    }
}
