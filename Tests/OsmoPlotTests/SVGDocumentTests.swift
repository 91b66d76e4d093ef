import Foundation
import Testing
@testable import OsmoPlot

@Suite struct SVGDocumentTests {
    @Test func escapesMarkupAndDropsControlCharacters() {
        #expect(XMLText.escape(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(XMLText.escape("tab\tok\u{1}\u{8}") == "tab\tok")
        #expect(XMLText.escape("Na⁺ 135–145 °C") == "Na⁺ 135–145 °C")
    }

    @Test func numbersAreShortAndLocaleFree() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(3.5) == "3.5")
        #expect(SVGNumber.format(-0.25) == "-0.25")
        #expect(SVGNumber.format(0.05) == "0.05")
        #expect(SVGNumber.format(1.999) == "2")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(.infinity) == "0")
    }

    @Test func documentWithHostileTextIsWellFormed() throws {
        var doc = SVGDocument(width: 200, height: 100, title: "<script>alert('x')</script> & \"co\"")
        doc.text("arm <b> & 'c'", x: 10, y: 20)
        doc.rect(x: 0, y: 0, width: 10, height: 10, fill: "#fff\"/><x", tooltip: "a < b")
        doc.polyline([(0, 0), (1, 1), (2, .nan)], stroke: "#000", dash: .dashed)
        doc.polygon([(0, 0), (1, 0), (0, 1)], fill: "red", opacity: 0.5)
        doc.circle(cx: 1, cy: 1, r: 2, fill: "blue")
        doc.line(x1: 0, y1: 0, x2: 5, y2: 5, stroke: "#333", dash: .dotted)
        doc.comment("a -- b --- c -")
        let svg = doc.render()
        let check = XMLCheck.parse(svg)
        #expect(check.error == nil, "\(String(describing: check.error))\n\(svg)")
        #expect(check.elements.first == "svg")
        #expect(check.elements.contains("polyline") && check.elements.contains("polygon") && check.elements.contains("circle"))
        #expect(check.text.contains("arm <b> & 'c'"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!doc.render(standalone: false).contains("http"))
    }

    @Test func polylineNeedsTwoPoints() {
        var doc = SVGDocument(width: 10, height: 10, title: "t")
        doc.polyline([(1, 1)], stroke: "#000")
        #expect(!doc.render().contains("<polyline"))
    }
}
