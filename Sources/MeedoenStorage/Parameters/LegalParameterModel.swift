import Fluent
import Foundation
import MeedoenCore

/// One dated legal parameter of the installation (shared by every organisation).
public final class LegalParameterModel: Model, @unchecked Sendable {
    public static let schema = "legal_parameters"
    @ID public var id: UUID?
    @Enum(key: "key") public var key: ParameterKey
    @Field(key: "valid_from") public var validFrom: Date
    @Field(key: "value") public var value: Int
    @Field(key: "source") public var source: String
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?

    public init() {}

    public var entry: ParameterEntry { ParameterEntry(key: key, validFrom: Day(validFrom), value: value, source: source) }
}
/// Reads and extends the dated parameters. Shipped entries are added when missing, never over an
/// entry the applicatiebeheerder set for the same key and date.
public struct LegalParameterStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public func all() async throws -> LegalParameters {
        LegalParameters(try await LegalParameterModel.query(on: db).all().map(\.entry))
    }

    public func models() async throws -> [LegalParameterModel] {
        try await LegalParameterModel.query(on: db).sort(\.$key).sort(\.$validFrom).all()
    }

    @discardableResult
    public func addMissing(_ shipped: [ParameterEntry], recordedAt: Date) async throws -> Int {
        let existing = Set(try await LegalParameterModel.query(on: db).all().map { "\($0.key.rawValue)|\(Day($0.validFrom).iso)" })
        let missing = shipped.filter { !existing.contains("\($0.key.rawValue)|\($0.validFrom.iso)") }
        for entry in missing { try await model(entry, recordedAt: recordedAt, by: nil).create(on: db) }
        return missing.count
    }

    public enum Problem: Error, Equatable { case alreadySet }

    /// A new dated value; a value for the same key and date is corrected, with the old one returned for the log.
    public func set(_ entry: ParameterEntry, recordedAt: Date, by userID: UUID?) async throws -> ParameterEntry? {
        if let existing = try await LegalParameterModel.query(on: db).filter(\.$key == entry.key).filter(
            \.$validFrom == entry.validFrom.date
        ).first() {
            let old = existing.entry
            (existing.value, existing.source, existing.recordedAt, existing.recordedBy) = (entry.value, entry.source, recordedAt, userID)
            try await existing.update(on: db)
            return old
        }
        try await model(entry, recordedAt: recordedAt, by: userID).create(on: db)
        return nil
    }

    private func model(_ entry: ParameterEntry, recordedAt: Date, by userID: UUID?) -> LegalParameterModel {
        let model = LegalParameterModel()
        model.id = UUID()
        (model.key, model.validFrom, model.value, model.source) = (entry.key, entry.validFrom.date, entry.value, entry.source)
        (model.recordedAt, model.recordedBy) = (recordedAt, userID)
        return model
    }
}
