import Foundation
import Leaf

/// A chart as a value (issue 14): a page builds its shapes in chart coordinates and the `#chart`
/// tag draws them as SVG through `SVGWriter`, which escapes every attribute value and text node —
/// no page needs `#unsafeHTML`. Presentation attributes only: the content-security policy allows
/// no inline style.
struct Chart: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var x1: Int, y1: Int, x2: Int, y2: Int
        var stroke: String
        var width = 1
        var dash: String? = nil
    }

    struct Rect: Encodable, Sendable {
        var x: Int, y: Int, width: Int, height: Int
        var fill: String
    }

    struct Circle: Encodable, Sendable {
        var cx: Int, cy: Int, r: Int
        var fill: String
    }

    struct Label: Encodable, Sendable {
        var x: Int, y: Int
        var text: String
    }

    /// An open line through points "x,y".
    struct Polyline: Encodable, Sendable {
        var points: [String]
        var stroke: String
        var width: Int
    }

    /// Prefix of the title and caption ids: "ladder" gives ladder-titel and ladder-uitleg.
    var id: String
    var title: String
    /// The text alternative, shown as the figure's caption.
    var description: String
    var width: Int
    var height: Int
    var cssClass: String
    var rects: [Rect] = []
    var lines: [Line] = []
    var polylines: [Polyline] = []
    var circles: [Circle] = []
    var labels: [Label] = []
}

/// Writes SVG with every value escaped.
struct SVGWriter {
    private(set) var output = ""

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(Self.escape($0))\"" } }.joined()
    }

    mutating func open(_ name: String, _ pairs: [(String, String?)]) { output += "<\(name)\(attributes(pairs))>" }
    mutating func close(_ name: String) { output += "</\(name)>" }
    mutating func empty(_ name: String, _ pairs: [(String, String?)]) { output += "<\(name)\(attributes(pairs))/>" }
    mutating func text(_ name: String, _ pairs: [(String, String?)], _ text: String) {
        open(name, pairs)
        output += Self.escape(text)
        close(name)
    }
}

/// `#chart(page.x.chart)`: draws a `Chart` from the view's data.
struct ChartTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let chart = ctx.parameters.first?.dictionary else { return .string("") }
        return .string(Self.draw(chart))
    }

    static func draw(_ chart: [String: LeafData]) -> String {
        func string(_ data: [String: LeafData], _ key: String) -> String? { data[key]?.string }
        func number(_ data: [String: LeafData], _ key: String) -> String? { data[key]?.int.map(String.init) }
        func items(_ key: String) -> [[String: LeafData]] { chart[key]?.array?.compactMap(\.dictionary) ?? [] }
        let id = string(chart, "id") ?? "grafiek"
        var svg = SVGWriter()
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("viewBox", "0 0 \(number(chart, "width") ?? "0") \(number(chart, "height") ?? "0")"), ("role", "img"),
                ("aria-labelledby", "\(id)-titel \(id)-uitleg"), ("class", string(chart, "cssClass")),
            ])
        svg.text("title", [("id", "\(id)-titel")], string(chart, "title") ?? "")
        for rect in items("rects") {
            svg.empty(
                "rect",
                [
                    ("x", number(rect, "x")), ("y", number(rect, "y")), ("width", number(rect, "width")),
                    ("height", number(rect, "height")), ("fill", string(rect, "fill")),
                ])
        }
        for line in items("lines") {
            svg.empty(
                "line",
                [
                    ("x1", number(line, "x1")), ("y1", number(line, "y1")), ("x2", number(line, "x2")), ("y2", number(line, "y2")),
                    ("stroke", string(line, "stroke")), ("stroke-width", number(line, "width")), ("stroke-dasharray", string(line, "dash")),
                ])
        }
        for polyline in items("polylines") {
            let points = polyline["points"]?.array?.compactMap(\.string).joined(separator: " ")
            svg.empty(
                "polyline",
                [("points", points), ("fill", "none"), ("stroke", string(polyline, "stroke")), ("stroke-width", number(polyline, "width"))])
        }
        for circle in items("circles") {
            svg.empty(
                "circle",
                [("cx", number(circle, "cx")), ("cy", number(circle, "cy")), ("r", number(circle, "r")), ("fill", string(circle, "fill"))])
        }
        for label in items("labels") {
            svg.text(
                "text", [("x", number(label, "x")), ("y", number(label, "y")), ("font-size", "11"), ("fill", "#1a1a1a")],
                string(label, "text") ?? "")
        }
        svg.close("svg")
        return svg.output
    }
}
