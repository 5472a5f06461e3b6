import Foundation
import MeedoenCore
import MeedoenStorage

/// The ladder section of the client page: history, movement and a step chart.
struct LadderView: Encodable {
    struct Row: Encodable {
        var date: String
        var rung: String
        var expectedEnd: String
        var kind: String
        var by: String
        var answers: String
    }

    var rows: [Row]
    var summary: String
    var chart: Chart?

    init(_ records: [StoredLadderMeasurement], names: [UUID: String], today: Day) {
        let measurements = records.map(\.measurement)
        rows = zip(records, measurements).reversed().map { record, measurement in
            Row(
                date: Dutch.date(measurement.measuredOn), rung: Dutch.rung(measurement.rung),
                expectedEnd: measurement.expectedEnd.map(Dutch.rung) ?? "–", kind: Dutch.measurementKind(measurement.kind),
                by: record.measuredBy.flatMap { names[$0] } ?? "onbekend",
                answers: record.answeredYes.map { yes in
                    yes.isEmpty
                        ? "niets met ja"
                        : LadderQuestion.allCases.filter(yes.contains).map { Dutch.ladderQuestion($0).lowercased() }.joined(separator: "; ")
                } ?? "alleen trede vastgelegd")
        }
        guard let latest = measurements.last else {
            summary = "Nog geen meting op de participatieladder."
            chart = nil
            return
        }
        let movement = Ladder.movement(measurements)
        var text = "Nu op trede \(Dutch.rung(latest.rung))"
        if let end = latest.expectedEnd { text += "; verwachte eindtrede \(Dutch.rung(end))" }
        if measurements.count > 1 {
            text +=
                movement == 0
                ? ". Sinds de eerste meting op dezelfde trede."
                : movement > 0
                    ? ". Sinds de eerste meting \(Dutch.count(movement, "trede", "treden")) gestegen."
                    : ". Sinds de eerste meting \(Dutch.count(-movement, "trede", "treden")) gedaald."
        }
        if Ladder.needsMeasurement(measurements, today: today) { text += " De laatste meting is ouder dan een jaar." }
        summary = text
        chart = Self.chart(measurements)
    }

    /// Rungs over time as steps, the expected end rung as a dashed line.
    static func chart(_ measurements: [LadderMeasurement]) -> Chart {
        let width = 480, height = 180, left = 30, top = 10, bottom = 24
        let stepY = Double(height - top - bottom) / 5
        func y(_ rung: Rung) -> Int { Int(Double(height - bottom) - Double(rung.rawValue - 1) * stepY) }
        let spacing = measurements.count > 1 ? Double(width - left - 20) / Double(measurements.count - 1) : 0
        var chart = Chart(
            id: "ladder", title: "Treden op de participatieladder per meting",
            description: measurements.map { "\(Dutch.date($0.measuredOn)): trede \($0.rung.rawValue)" }.joined(separator: "; ")
                + (measurements.last?.expectedEnd.map { ". Rode stippellijn: verwachte eindtrede \($0.rawValue)." } ?? "."),
            width: width, height: height, cssClass: "chart ladder-chart")
        for rung in Rung.allCases {
            chart.shapes.append(.label(x: 4, y: y(rung) + 4, String(rung.rawValue)))
            chart.shapes.append(.line(left, y(rung), width - 10, y(rung), stroke: "#d0d0d0"))
        }
        var points: [String] = []
        for (index, measurement) in measurements.enumerated() {
            let x = left + Int(Double(index) * spacing) + (measurements.count == 1 ? 10 : 0)
            points.append("\(x),\(y(measurement.rung))")
            chart.shapes.append(.circle(cx: x, cy: y(measurement.rung), r: 5, fill: "#154273"))
        }
        // The expected end rung over the circles, the line through them on top (as drawn before).
        if let end = measurements.last?.expectedEnd {
            chart.shapes.append(.line(left, y(end), width - 10, y(end), stroke: "#b00020", width: 2, dash: "6 4"))
        }
        if points.count > 1 { chart.shapes.append(.polyline(points, stroke: "#154273", width: 3)) }
        return chart
    }
}
