import MeedoenCore
import MeedoenStorage
import Vapor

/// A ladder measurement as read from the form or an API body: the day, the kind, the expected end
/// rung, and the rung — from the answers to the ladder questions when they are given (the rung
/// follows from them), else as a bare rung.
enum LadderInput {
    static func read(_ reader: inout FormReader, answers: Set<LadderQuestion>?) -> (LadderMeasurement, Set<LadderQuestion>?)? {
        let day = reader.requiredDay("measuredOn", notInFuture: true)
        var rung: Rung?
        if let answers {
            rung = LadderQuestion.rung(yes: answers)
        } else {
            rung = reader.raw("rung").flatMap(Int.init).flatMap(Rung.init)
            if reader.raw("rung") == nil { reader.fail("rung", .required) } else if rung == nil { reader.fail("rung", .unknownOption) }
        }
        let expected = reader.raw("expectedEnd").flatMap(Int.init).flatMap(Rung.init)
        if reader.raw("expectedEnd") != nil && expected == nil { reader.fail("expectedEnd", .unknownOption) }
        let kind = reader.requiredOption("kind", as: MeasurementKind.self)
        guard reader.issues.isEmpty, let day, let rung, let kind else { return nil }
        return (LadderMeasurement(measuredOn: day, rung: rung, expectedEnd: expected, kind: kind), answers)
    }
}

extension Request {
    func recordLadderMeasurement(
        _ measurement: LadderMeasurement, answers: Set<LadderQuestion>?, for resident: Resident, in file: HouseholdFile,
        purpose: String = "ladder meten"
    ) async throws {
        let (residentID, recorder) = (resident.id, recorder)
        try await recordChange(
            householdID: file.id, residentID: resident.id, part: FilePart.ladder.rawValue, action: "aanmaken", purpose: purpose,
            change: ChangeSummary(new: [
                "datum": measurement.measuredOn.iso, "trede": String(measurement.rung.rawValue),
                "eindtrede": measurement.expectedEnd.map { String($0.rawValue) } ?? "",
            ])
        ) { db in try await HouseholdStore(db: db).addMeasurement(measurement, answers: answers, for: residentID, by: recorder) }
    }
}
