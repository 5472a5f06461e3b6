import Foundation
import MeedoenCore
import XCTest

@testable import MeedoenApp

/// The OpenAPI schemas are derived from the DTO types' Codable shape (issue 14): a field is written
/// once, in its DTO, and the document, the required list and the allowed request fields follow.
final class SchemaDerivationTests: XCTestCase {
    private struct Inner: Codable, DescribedSchema {
        var day: Day
        static let schemaName = "Inner"
    }

    private struct Sample: Codable, DescribedSchema {
        var name: String
        var count: Int?
        var relation: MemberRelation
        var days: [Day]
        var inner: Inner
        var inners: [Inner]?
        static let schemaName = "Sample"
        static let closed = true
        static var notes: [String: JSONValue] { ["count": SchemaNote.range(1, 5)] }
    }

    func testPropertiesTypesAndRequiredComeFromTheType() throws {
        let schema = try Sample.componentSchema
        XCTAssertEqual(schema["required"], ["name", "relation", "days", "inner"])
        XCTAssertEqual(schema["additionalProperties"], false)
        let properties = schema["properties"]
        XCTAssertEqual(
            properties?["name"], ["type": "string", "pattern": .string(SchemaNote.filledText)],
            "a required text of a request body is not blank")
        XCTAssertEqual(properties?["count"], ["type": "integer", "nullable": true, "minimum": 1, "maximum": 5])
        XCTAssertEqual(properties?["relation"]?["enum"], .array(MemberRelation.allCases.map { .string($0.rawValue) }))
        XCTAssertEqual(properties?["days"], ["type": "array", "items": ["type": "string", "format": "date"]])
        XCTAssertEqual(properties?["inner"], ["$ref": "#/components/schemas/Inner"])
        XCTAssertEqual(properties?["inners"]?["items"], ["$ref": "#/components/schemas/Inner"])
        XCTAssertEqual(Sample.fieldNames, ["name", "count", "relation", "days", "inner", "inners"])
    }

    /// A note refines a property the DTO has; one for a key it lacks would be a typo that says nothing.
    func testEveryNoteNamesAProperty() throws {
        let named = try Self.namedSchemas()
        XCTAssertGreaterThan(named.count, 40)
        for type in named {
            XCTAssertTrue(
                Set(type.notes.keys).isSubset(of: type.fieldNames),
                "\(type.schemaName): \(Set(type.notes.keys).subtracting(type.fieldNames))")
        }
    }

    /// Every named schema of the document: the operations' bodies and answers, and what they refer to.
    static func namedSchemas() throws -> [any DescribedSchema.Type] {
        let found = SchemaRecorder.NamedSchemas()
        func describe<T: DescribedSchema>(_ type: T.Type) throws { _ = try SchemaRecorder.describe(type, named: found) }
        for operation in APIController.allOperations {
            for type in [operation.request, operation.response].compactMap({ $0 }) { try describe(type) }
        }
        // The schemas met inside others (a plan's goals, an income calculation's months), until none is new.
        var described = Set<String>()
        while let (name, type) = found.types.first(where: { !described.contains($0.key) }) {
            try describe(type)
            described.insert(name)
        }
        return Array(found.types.values)
    }

    /// Each request body's example is a body the API reads: every field known, each the JSON its schema says.
    func testEveryExampleIsABodyTheAPIReads() throws {
        var checked = 0
        for operation in APIController.allOperations {
            guard let body = operation.request, case .object(let example)? = body.example else { continue }
            XCTAssertNoThrow(try JSONFields.flatten(example, as: Self.fields(of: body)), "\(body.schemaName)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 14)
    }

    private static func fields<T: DescribedSchema>(of body: T.Type) -> RequestFields { RequestFields.of(body) }

    /// Every schema the document refers to is in it, so a client's generator never meets a dangling $ref.
    func testTheDocumentNamesEverySchemaItRefersTo() throws {
        let document = try OpenAPIDocument.build(APIController.allOperations)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let text = String(decoding: try encoder.encode(document), as: UTF8.self)
        guard case .object(let schemas)? = document["components"]?["schemas"] else { return XCTFail("no schemas") }
        let referenced = Set(
            text.components(separatedBy: "#/components/schemas/").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        XCTAssertFalse(referenced.isEmpty)
        XCTAssertTrue(referenced.isSubset(of: Set(schemas.keys)), "missing: \(referenced.subtracting(schemas.keys))")
        XCTAssertEqual(
            APIRequestBody.NewHousehold.fieldNames,
            Set(
                HouseholdInput.personFields.map(\.name) + HouseholdInput.contactFields.map(\.name)
                    + HouseholdInput.addressFields.map(\.name)
            )
            .union(["municipalityId", "supportStart", "receivesBijstand", "normCategory", "partialBenefit"]),
            "the API's new household and the web form ask the same fields")
    }
}
