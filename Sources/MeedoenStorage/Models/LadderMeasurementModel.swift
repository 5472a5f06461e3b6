import Fluent
import Foundation
import MeedoenCore

/// One ladder measurement of a resident. Measurements are never changed: a new one is added,
/// so the whole history stays.
public final class LadderMeasurementModel: Model, @unchecked Sendable {
    public static let schema = "ladder_measurements"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Field(key: "measured_on") public var measuredOn: Date
    @Field(key: "rung") public var rung: Int
    @OptionalField(key: "expected_end_rung") public var expectedEndRung: Int?
    @Enum(key: "kind") public var kind: MeasurementKind
    @OptionalField(key: "measured_by") public var measuredBy: UUID?
    /// The ladder questions answered yes, comma-separated (LadderQuestion raw values); nil for a
    /// measurement entered as a rung only (before M010, or through the API).
    @OptionalField(key: "answers") public var answers: String?
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public var answeredYes: Set<LadderQuestion>? {
        answers.map { Set($0.split(separator: ",").compactMap { LadderQuestion(rawValue: String($0)) }) }
    }

    public var measurement: LadderMeasurement? {
        Rung(rawValue: rung).map {
            LadderMeasurement(measuredOn: Day(measuredOn), rung: $0, expectedEnd: expectedEndRung.flatMap(Rung.init), kind: kind)
        }
    }
}
extension HouseholdStore {
    /// A client's measurements, oldest first.
    public func ladder(of residentID: UUID) async throws -> [StoredLadderMeasurement] {
        try await LadderMeasurementModel.query(on: db).filter(\.$resident.$id == residentID).sort(\.$measuredOn).sort(\.$recordedAt).all()
            .compactMap { model in
                model.measurement.map {
                    StoredLadderMeasurement(measurement: $0, measuredBy: model.measuredBy, answeredYes: model.answeredYes)
                }
            }
    }

    public func addMeasurement(
        _ measurement: LadderMeasurement, answers: Set<LadderQuestion>? = nil, for residentID: UUID, by recorder: Recorder
    ) async throws {
        let model = LadderMeasurementModel()
        model.id = recorder.ids.next()
        model.$resident.id = residentID
        (model.measuredOn, model.rung, model.expectedEndRung) = (
            measurement.measuredOn.date, measurement.rung.rawValue, measurement.expectedEnd?.rawValue
        )
        (model.kind, model.measuredBy, model.recordedAt) = (measurement.kind, recorder.userID, recorder.clock.now())
        model.answers = answers.map { set in LadderQuestion.allCases.filter(set.contains).map(\.rawValue).joined(separator: ",") }
        try await model.create(on: db)
    }
}
