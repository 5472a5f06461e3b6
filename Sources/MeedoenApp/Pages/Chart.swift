import Foundation
import Leaf

/// A chart as a value (issue 14): a page builds its shapes in chart coordinates and the `#chart`
/// tag draws them as SVG through `SVGWriter`, which escapes every attribute value and text node —
/// no page needs `#unsafeHTML`. Presentation attributes only: the content-security policy allows
/// no inline style.
struct Chart: Encodable, Sendable {
    /// One shape; drawn in the order added, so later shapes lie on top.
    struct Shape: Encodable, Sendable {
        enum Kind: String, Encodable, Sendable { case line, rect, circle, label, polyline }
        var kind: Kind
        var x1 = 0, y1 = 0, x2 = 0, y2 = 0
        var x = 0, y = 0, width = 0, height = 0, r = 0
        var colour = "#1a1a1a"
        var strokeWidth: Int? = nil
        var dash: String? = nil
        var text: String? = nil
        /// A polyline's points, "x,y".
        var points: [String] = []

        static func line(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int, stroke: String, width: Int? = nil, dash: String? = nil) -> Shape {
            Shape(kind: .line, x1: x1, y1: y1, x2: x2, y2: y2, colour: stroke, strokeWidth: width, dash: dash)
        }
        static func rect(x: Int, y: Int, width: Int, height: Int, fill: String) -> Shape {
            Shape(kind: .rect, x: x, y: y, width: width, height: height, colour: fill)
        }
        static func circle(cx: Int, cy: Int, r: Int, fill: String) -> Shape { Shape(kind: .circle, x: cx, y: cy, r: r, colour: fill) }
        static func label(x: Int, y: Int, _ text: String) -> Shape { Shape(kind: .label, x: x, y: y, text: text) }
        static func polyline(_ points: [String], stroke: String, width: Int) -> Shape {
            Shape(kind: .polyline, colour: stroke, strokeWidth: width, points: points)
        }
    }

    /// Prefix of the title and caption ids: "ladder" gives ladder-titel and ladder-uitleg.
    var id: String
    var title: String
    /// The text alternative, shown as the figure's caption.
    var description: String
    var width: Int
    var height: Int
    var cssClass: String
    var shapes: [Shape] = []
}

/// Writes SVG with every value escaped.
struct SVGWriter {
    private(set) var output = ""

    static func escape(_ text: String) -> String {
        // By scalar, not by Character: a quote followed by a combining mark is still a quote to a browser.
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
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
        for shape in items("shapes") {
            let colour = string(shape, "colour")
            switch string(shape, "kind") {
            case "line":
                svg.empty(
                    "line",
                    [
                        ("x1", number(shape, "x1")), ("y1", number(shape, "y1")), ("x2", number(shape, "x2")), ("y2", number(shape, "y2")),
                        ("stroke", colour), ("stroke-width", number(shape, "strokeWidth")), ("stroke-dasharray", string(shape, "dash")),
                    ])
            case "rect":
                svg.empty(
                    "rect",
                    [
                        ("x", number(shape, "x")), ("y", number(shape, "y")), ("width", number(shape, "width")),
                        ("height", number(shape, "height")), ("fill", colour),
                    ])
            case "circle":
                svg.empty("circle", [("cx", number(shape, "x")), ("cy", number(shape, "y")), ("r", number(shape, "r")), ("fill", colour)])
            case "polyline":
                let points = shape["points"]?.array?.compactMap(\.string).joined(separator: " ")
                svg.empty(
                    "polyline", [("points", points), ("fill", "none"), ("stroke", colour), ("stroke-width", number(shape, "strokeWidth"))])
            case "label":
                svg.text(
                    "text", [("x", number(shape, "x")), ("y", number(shape, "y")), ("font-size", "11"), ("fill", colour)],
                    string(shape, "text") ?? "")
            default: continue
            }
        }
        svg.close("svg")
        return svg.output
    }
}
