import MeedoenCore
import Vapor

/// The request bodies of the household and client operations. The API reads a body as flat fields
/// through `HouseholdInput` (one validation with the web forms); these types describe the bodies for
/// the OpenAPI document and name the fields a body may contain (`fieldNames`).
enum APIRequestBody {
    struct NewHousehold: DescribedSchema {
        var bsn: String
        var givenName: String
        var familyName: String
        var dateOfBirth: Day
        var email: String?
        var phone: String?
        var street: String
        var houseNumber: String
        var postcode: String
        var city: String
        var municipalityId: UUID
        var supportStart: Day
        var receivesBijstand: Bool?
        var normCategory: NormCategory?
        var partialBenefit: Bool?

        static let schemaName = "NewHousehold"
        static let closed = true
        static var notes: [String: JSONValue] {
            [
                "bsn": SchemaNote.bsn, "email": SchemaNote.email, "postcode": SchemaNote.postcode, "houseNumber": ["maxLength": 12],
                "givenName": ["maxLength": 100], "familyName": ["maxLength": 100],
                "municipalityId": SchemaNote.described("Een gemeente van de eigen organisatie"),
            ]
        }
        static var example: JSONValue? {
            [
                "bsn": "999990019", "givenName": "Sanne", "familyName": "de Vries", "dateOfBirth": "1990-04-01", "street": "Markt",
                "houseNumber": "12a", "postcode": "8331 AB", "city": "Steenwijk", "municipalityId": "00000000-0000-0000-0000-000000000000",
                "supportStart": "2026-11-02", "receivesBijstand": true, "normCategory": "single",
            ]
        }
    }

    struct NewMember: DescribedSchema {
        var bsn: String
        var givenName: String
        var familyName: String
        var dateOfBirth: Day
        var relation: MemberRelation
        var coResidentException: CoResidentException?
        var email: String?
        var phone: String?

        static let schemaName = "NewMember"
        static let closed = true
        static var notes: [String: JSONValue] {
            ["bsn": SchemaNote.bsn, "email": SchemaNote.email, "givenName": ["maxLength": 100], "familyName": ["maxLength": 100]]
        }
        static var example: JSONValue? {
            ["bsn": "999994669", "givenName": "Daan", "familyName": "de Vries", "dateOfBirth": "2012-06-01", "relation": "child"]
        }
    }

    /// PATCH: fields left out keep their stored value.
    struct ClientUpdate: DescribedSchema {
        var bsn: String?
        var givenName: String?
        var familyName: String?
        var dateOfBirth: Day?
        var relation: MemberRelation?
        var coResidentException: CoResidentException?
        var email: String?
        var phone: String?

        static let schemaName = "ClientUpdate"
        static let closed = true
        static var notes: [String: JSONValue] {
            let keep = "Weglaten of null: de opgeslagen waarde blijft."
            return [
                "bsn": SchemaNote.bsn, "email": ["format": "idn-email", "description": .string(keep)],
                "givenName": SchemaNote.described(keep), "familyName": SchemaNote.described(keep),
            ]
        }
    }

    /// A new address for a household (PATCH): its limits are the web form's.
    struct Address: DescribedSchema {
        var street: String
        var houseNumber: String
        var postcode: String
        var city: String

        static let schemaName = "AddressInput"
        static let closed = true
        static var notes: [String: JSONValue] {
            ["postcode": SchemaNote.postcode, "houseNumber": ["maxLength": 12], "street": ["maxLength": 100], "city": ["maxLength": 80]]
        }
        static var example: JSONValue? { ["street": "Markt", "houseNumber": "12a", "postcode": "8331 AB", "city": "Steenwijk"] }
    }

    struct BenefitFacts: DescribedSchema {
        var receivesBijstand: Bool
        var normCategory: NormCategory?
        var partialBenefit: Bool?
        var validFrom: Day

        static let schemaName = "BenefitFactsInput"
        static let closed = true
        static var example: JSONValue? {
            ["receivesBijstand": true, "normCategory": "single", "partialBenefit": false, "validFrom": "2026-11-01"]
        }
    }

    /// A search: the text in the body, never in the URL.
    struct Search: Content, DescribedSchema {
        var q: String?
        var page: Int?
        var per: Int?

        static let schemaName = "Search"
        static var notes: [String: JSONValue] {
            ["q": ["maxLength": 100, "description": "Naam of volledig BSN"], "page": SchemaNote.range(1), "per": SchemaNote.range(1, 200)]
        }
    }
}
