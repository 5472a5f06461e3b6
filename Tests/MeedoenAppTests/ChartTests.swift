import Leaf
import XCTest

@testable import MeedoenApp

/// Charts are drawn by the `#chart` tag from values: every text and attribute is escaped (issue 14).
final class ChartTests: XCTestCase {
    func testTextsAndAttributesAreEscaped() {
        let svg = ChartTag.draw([
            "id": .string("test"), "title": .string("Inkomen <script>alert(1)</script> & meer"), "width": .int(100),
            "height": .int(50), "cssClass": .string("chart\" onload=\"x"),
            "shapes": .array([
                .dictionary([
                    "kind": .string("label"), "x": .int(1), "y": .int(2), "colour": .string("#1a1a1a"),
                    "text": .string("jan 'x' <b> \"\u{301}"),
                ]),
                .dictionary([
                    "kind": .string("line"), "x1": .int(0), "y1": .int(1), "x2": .int(2), "y2": .int(3), "colour": .string("#555"),
                ]),
            ]),
        ])
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\""))
        XCTAssertTrue(svg.contains("aria-labelledby=\"test-titel test-uitleg\""))
        XCTAssertTrue(svg.contains("<title id=\"test-titel\">Inkomen &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer</title>"))
        XCTAssertTrue(svg.contains("class=\"chart&quot; onload=&quot;x\""))
        XCTAssertTrue(svg.contains(">jan &#39;x&#39; &lt;b&gt; &quot;\u{301}</text>"), "a quote with a combining mark is escaped too")
        XCTAssertLessThan(svg.range(of: "<text")!.lowerBound, svg.range(of: "<line")!.lowerBound, "shapes drawn in the order given")
        XCTAssertTrue(svg.contains("<line x1=\"0\" y1=\"1\" x2=\"2\" y2=\"3\" stroke=\"#555\"/>"), svg)
        XCTAssertFalse(svg.contains("<script>"))
    }
}
