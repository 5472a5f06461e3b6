import MeedoenCore
import Vapor

/// The OpenAPI 3 description of /api/v1, generated from the same operations that are routed.
enum OpenAPIDocument {
    static func build(_ operations: [APIOperation]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for operation in operations {
            let path = "/api/v1/" + operation.path
            var item: [String: JSONValue] = [:]
            if case .object(let existing) = paths[path] ?? .object([:]) { item = existing }
            item[operation.method.rawValue.lowercased()] = describe(operation)
            paths[path] = .object(item)
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Meedoen API", "version": "1.0.0",
                "description": "Huishoudens en cliënten voor koppelingen. Elke aanroep wordt gelogd; gebruik een API-sleutel (Bearer).",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "paths": .object(paths),
            "components": ["securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]], "schemas": schemas],
        ]
    }

    private static func describe(_ operation: APIOperation) -> JSONValue {
        var parameters: [JSONValue] = operation.pathParameters.map {
            ["name": .string($0), "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        }
        parameters += operation.query.map { parameter in
            var schema: [String: JSONValue] = ["type": .string(parameter.type)]
            if let format = parameter.format { schema["format"] = .string(format) }
            if parameter.name == "page" { schema["minimum"] = 1 }
            if parameter.name == "per" { (schema["minimum"], schema["maximum"]) = (1, 200) }
            if parameter.name == "q" { schema["maxLength"] = 100 }
            return [
                "name": .string(parameter.name), "in": "query", "required": false, "description": .string(parameter.description),
                "schema": .object(schema),
            ]
        }
        let error: JSONValue = ["description": "Fout", "content": ["application/json": ["schema": ref("Error")]]]
        var responses: [String: JSONValue] = [
            String(operation.successStatus): [
                "description": "Gelukt", "content": ["application/json": ["schema": ref(operation.responseSchema)]],
            ],
            "401": error, "403": error, "400": error,
        ]
        if !operation.pathParameters.isEmpty { responses["404"] = error }
        if operation.requestSchema != nil { (responses["409"], responses["415"]) = (error, error) }
        var description: [String: JSONValue] = [
            "operationId": .string(operation.operationID), "summary": .string(operation.summary),
            "parameters": .array(parameters), "responses": .object(responses),
        ]
        if let request = operation.requestSchema {
            description["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(request)]]]
        }
        return .object(description)
    }

    private static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    private static func object(_ properties: [String: JSONValue], required: [String] = [], closed: Bool = false) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        if closed { schema["additionalProperties"] = false }
        return .object(schema)
    }

    private static func enumeration<T: RawRepresentable & CaseIterable>(_ type: T.Type, nullable: Bool = false) -> JSONValue
    where T.RawValue == String {
        var schema: [String: JSONValue] = ["type": "string", "enum": .array(T.allCases.map { .string($0.rawValue) })]
        if nullable { schema["nullable"] = true }
        return .object(schema)
    }

    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static let month: JSONValue = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "example": "2026-12"]
    static let cents: JSONValue = ["type": "integer", "description": "eurocent"]
    static let bsn: JSONValue = ["type": "string", "pattern": "^[0-9]{9}$", "description": "9 cijfers, voldoet aan de elfproef"]

    static var schemas: JSONValue {
        let address = object(
            ["street": string, "houseNumber": string, "postcode": ["type": "string", "example": "8331 AB"], "city": string],
            required: ["street", "houseNumber", "postcode", "city"])
        let clientFields: [String: JSONValue] = [
            "bsn": bsn, "givenName": string, "familyName": string, "dateOfBirth": date, "relation": enumeration(MemberRelation.self),
            "coResidentException": enumeration(CoResidentException.self, nullable: true),
            "email": ["type": "string", "format": "email", "nullable": true],
            "phone": ["type": "string", "nullable": true],
        ]
        var client = clientFields
        client["id"] = uuid
        client["householdId"] = uuid
        client["specialGroups"] = [
            "type": "array",
            "items": object([
                "kind": enumeration(SpecialGroup.self), "validFrom": date,
                "validTo": ["type": "string", "format": "date", "nullable": true],
                "integrationStart": ["type": "string", "format": "date", "nullable": true],
            ]),
        ]
        client["supportPeriods"] = [
            "type": "array",
            "items": object([
                "start": date, "end": ["type": "string", "format": "date", "nullable": true],
                "endReason": enumeration(SupportEndReason.self, nullable: true),
            ]),
        ]
        let benefitFields: [String: JSONValue] = [
            "receivesBijstand": ["type": "boolean"], "normCategory": enumeration(NormCategory.self, nullable: true),
            "partialBenefit": ["type": "boolean"], "validFrom": date,
        ]
        var benefit = benefitFields
        benefit["validTo"] = ["type": "string", "format": "date", "nullable": true]
        let named = object(["id": uuid, "name": string])
        let summary = object([
            "id": uuid, "applicantId": uuid, "applicantName": string, "address": ["nullable": true, "allOf": [ref("Address")]],
            "municipality": ["type": "string", "nullable": true],
            "directorId": ["type": "string", "format": "uuid", "nullable": true], "directorName": ["type": "string", "nullable": true],
            "receivesBijstand": ["type": "boolean", "nullable": true], "members": ["type": "integer", "nullable": true],
        ])
        func list(_ item: JSONValue) -> JSONValue {
            object([
                "items": ["type": "array", "items": item], "page": ["type": "integer"], "per": ["type": "integer"],
                "total": ["type": "integer"],
            ])
        }
        var newHousehold: [String: JSONValue] = [
            "street": string, "houseNumber": string, "postcode": string, "city": string, "municipalityId": uuid, "supportStart": date,
        ]
        newHousehold.merge(clientFields.filter { $0.key != "relation" && $0.key != "coResidentException" }) { $1 }
        newHousehold.merge(benefitFields.filter { $0.key != "validFrom" }) { $1 }
        return [
            "Address": address,
            "Client": .object(["type": "object", "properties": .object(client)]),
            "ClientList": list(ref("Client")),
            "ClientUpdate": object(clientFields, closed: true),
            "NewMember": object(clientFields, required: ["bsn", "givenName", "familyName", "dateOfBirth", "relation"], closed: true),
            "NewHousehold": object(
                newHousehold,
                required: [
                    "street", "houseNumber", "postcode", "city", "municipalityId", "supportStart", "bsn", "givenName", "familyName",
                    "dateOfBirth",
                ], closed: true),
            "BenefitFactsInput": object(benefitFields, required: ["receivesBijstand", "validFrom"], closed: true),
            "Household": object([
                "id": uuid, "address": ref("Address"), "municipality": named, "director": named,
                "benefit": object(benefit), "benefitHistory": ["type": "array", "items": object(benefit)],
                "members": ["type": "array", "items": ref("Client")],
            ]),
            "HouseholdSummary": summary,
            "Search": object(
                [
                    "q": ["type": "string", "maxLength": 100, "description": "Naam of volledig BSN"],
                    "page": ["type": "integer", "minimum": 1], "per": ["type": "integer", "minimum": 1, "maximum": 200],
                ], closed: true),
            "IncomeCalculationRequest": object(
                [
                    "startMonth": month, "months": ["type": "integer", "minimum": 1, "maximum": 60], "claimantBirth": date,
                    "partnerBirth": date,
                    "earnerIsPartner": ["type": "boolean"], "childrenBirths": ["type": "array", "items": date],
                    "coResidents": [
                        "type": "array",
                        "items": object(
                            ["dateOfBirth": date, "exception": enumeration(CoResidentException.self, nullable: true)],
                            required: ["dateOfBirth"]),
                    ],
                    "netMonthlyEarningsCents": ["type": "integer", "minimum": 0],
                    "hoursPerWeek": ["type": "integer", "minimum": 0, "maximum": 60],
                    "medicallyLimitedHours": ["type": "boolean"], "wageCostSubsidyTargetGroup": ["type": "boolean"],
                    "hoursCannotIncrease": ["type": "boolean"],
                    "staysElsewhereForCare": [
                        "type": "boolean",
                        "description":
                            "Verblijft tijdelijk elders om intensieve mantelzorg te geven: geen kostendelersnorm (art. 22a lid 4)",
                    ],
                    "premiums": [
                        "type": "array", "maxItems": 6,
                        "items": object(
                            ["month": month, "amountCents": ["type": "integer", "minimum": 0]], required: ["month", "amountCents"]),
                    ],
                ], required: ["startMonth", "claimantBirth", "netMonthlyEarningsCents", "hoursPerWeek"]),
            "IncomeCalculation": object([
                "months": [
                    "type": "array",
                    "items": object([
                        "month": month, "normCents": cents, "costSharers": ["type": "integer"], "earningsCents": cents,
                        "exemptedCents": cents,
                        "rule": enumeration(ExemptionRule.self, nullable: true), "benefitCents": cents, "premiumCents": cents,
                        "exitPremiumCents": cents,
                        "totalCents": cents, "gainFromWorkCents": cents, "usesLatestKnownAmounts": ["type": "boolean"],
                    ]),
                ],
                "cliffs": [
                    "type": "array",
                    "items": object(["month": month, "dropCents": cents, "endedRule": enumeration(ExemptionRule.self, nullable: true)]),
                ],
                "fullExit": ["type": "string", "nullable": true], "exitPremiumWithoutAmount": ["type": "boolean"],
                "stopsAtPensionAge": ["type": "string", "nullable": true],
                "pensionAgeProvisional": [
                    "type": "boolean", "description": "De gebruikte AOW-leeftijd is nog niet vastgesteld (AOW art. 7a): de laatst bekende",
                ],
            ]),
            "WageCostSubsidyRequest": object(
                [
                    "startMonth": month, "months": ["type": "integer", "minimum": 1, "maximum": 60],
                    "wageValueBasisPoints": [
                        "type": "integer", "minimum": 0, "maximum": 10000,
                        "description": "Loonwaarde in basispunten van het WML (5000 = 50%); weglaten zolang niet vastgesteld",
                    ],
                    "hoursPerWeek": ["type": "integer", "minimum": 1, "maximum": 60], "hourlyWageCents": ["type": "integer", "minimum": 0],
                    "reviewDate": date,
                    "employeeBirth": [
                        "type": "string", "format": "date",
                        "description":
                            "Geboortedatum werknemer; onder 21 geldt het minimumjeugdloon (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2). Weglaten: 21 of ouder",
                    ],
                ], required: ["startMonth", "hoursPerWeek"]),
            "WageCostSubsidyCalculation": object([
                "months": [
                    "type": "array",
                    "items": object([
                        "month": month, "fullTimeWageCents": cents, "minimumWageShareBasisPoints": ["type": "integer"],
                        "flatRate": ["type": "boolean"], "subsidyCents": cents,
                        "employerAllowanceCents": cents, "totalCents": cents, "wageCostCents": cents,
                    ]),
                ],
                "perYear": ["type": "array", "items": object(["year": ["type": "integer"], "totalCents": cents])],
                "reviewDate": ["type": "string", "format": "date", "nullable": true],
            ]),
            "HouseholdList": list(ref("HouseholdSummary")),
            "Error": object(
                [
                    "error": string, "message": string,
                    "fields": ["type": "array", "items": object(["field": string, "message": string])],
                ], required: ["error", "message"]),
        ]
    }
}
