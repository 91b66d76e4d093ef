/// A small SVG document builder: shapes are appended in drawing order and rendered to text.
///
/// Every attribute value and text node goes through ``XMLText/escape(_:)``, so names from scenario
/// files (arm names, titles) cannot break the markup. Coordinates are written with at most two
/// decimals; non-finite coordinates are written as 0 (callers drop non-finite data before drawing).
public struct SVGDocument: Sendable {
    /// Width and height in CSS pixels (also the `viewBox`).
    public var width: Double
    public var height: Double
    /// The document's `<title>` (shown as a tooltip and read by screen readers).
    public var title: String
    private var body: [String] = []

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// Dash patterns, named once.
    public enum Dash: String, Sendable {
        case solid = "", dashed = "7 4", dotted = "2 3", dashDot = "8 3 2 3"
    }

    /// Text anchoring (`text-anchor`).
    public enum Anchor: String, Sendable {
        case start, middle, end
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              opacity: Double = 1, stroke: String? = nil, strokeWidth: Double = 1, tooltip: String? = nil) {
        var a = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\" fill=\"\(e(fill))\""
        if opacity < 1 { a += " fill-opacity=\"\(n(opacity))\"" }
        if let stroke { a += " stroke=\"\(e(stroke))\" stroke-width=\"\(n(strokeWidth))\"" }
        element("rect", a, tooltip: tooltip)
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                              width: Double = 1, dash: Dash = .solid, opacity: Double = 1) {
        var a = "x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(e(stroke))\" stroke-width=\"\(n(width))\""
        if dash != .solid { a += " stroke-dasharray=\"\(dash.rawValue)\"" }
        if opacity < 1 { a += " stroke-opacity=\"\(n(opacity))\"" }
        element("line", a)
    }

    /// An open polyline (no fill).
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2,
                                  dash: Dash = .solid, tooltip: String? = nil) {
        guard points.count >= 2 else { return }
        var a = "points=\"\(pointList(points))\" fill=\"none\" stroke=\"\(e(stroke))\" stroke-width=\"\(n(width))\""
        a += " stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if dash != .solid { a += " stroke-dasharray=\"\(dash.rawValue)\"" }
        element("polyline", a, tooltip: tooltip)
    }

    /// A closed, filled polygon.
    public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1,
                                 stroke: String? = nil, strokeWidth: Double = 1) {
        guard points.count >= 3 else { return }
        var a = "points=\"\(pointList(points))\" fill=\"\(e(fill))\""
        if opacity < 1 { a += " fill-opacity=\"\(n(opacity))\"" }
        if let stroke { a += " stroke=\"\(e(stroke))\" stroke-width=\"\(n(strokeWidth))\"" }
        element("polygon", a)
    }

    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, opacity: Double = 1,
                                stroke: String? = nil, strokeWidth: Double = 1, tooltip: String? = nil) {
        var a = "cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(e(fill))\""
        if opacity < 1 { a += " fill-opacity=\"\(n(opacity))\"" }
        if let stroke { a += " stroke=\"\(e(stroke))\" stroke-width=\"\(n(strokeWidth))\"" }
        element("circle", a, tooltip: tooltip)
    }

    /// Text at (x, y) (the baseline). `rotate` turns it about (x, y), in degrees.
    public mutating func text(_ string: String, x: Double, y: Double, size: Double = 13, anchor: Anchor = .start,
                              bold: Bool = false, fill: String = Style.ink, rotate: Double = 0, italic: Bool = false) {
        var a = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(e(fill))\""
        if anchor != .start { a += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { a += " font-weight=\"bold\"" }
        if italic { a += " font-style=\"italic\"" }
        if rotate != 0 { a += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        body.append("<text \(a)>\(XMLText.escape(string))</text>")
    }

    /// A comment, e.g. to name the figure's parts for someone reading the file.
    public mutating func comment(_ string: String) {
        var safe = XMLText.escape(string)
        while safe.contains("--") { safe = safe.split(separator: "-", omittingEmptySubsequences: false).joined(separator: "- ") }
        body.append("<!-- \(safe) -->")
    }

    /// The SVG text. `standalone` adds the XML declaration and the SVG namespace, which a `.svg`
    /// file needs; SVG inlined in HTML5 needs neither (and the report must not name any URL).
    public func render(standalone: Bool = true) -> String {
        var s = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        s += "<svg"
        if standalone { s += " xmlns=\"http://www.w3.org/2000/svg\"" }
        s += " width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        s += " role=\"img\" font-family=\"\(Style.fontFamily)\">\n"
        s += "<title>\(XMLText.escape(title))</title>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        for line in body { s += line + "\n" }
        s += "</svg>\n"
        return s
    }

    private mutating func element(_ name: String, _ attributes: String, tooltip: String? = nil) {
        if let tooltip {
            body.append("<\(name) \(attributes)><title>\(XMLText.escape(tooltip))</title></\(name)>")
        } else {
            body.append("<\(name) \(attributes)/>")
        }
    }

    private func pointList(_ points: [(Double, Double)]) -> String {
        var s = ""
        s.reserveCapacity(points.count * 14)
        for (i, p) in points.enumerated() {
            if i > 0 { s += " " }
            s += n(p.0) + "," + n(p.1)
        }
        return s
    }

    private func n(_ v: Double) -> String { SVGNumber.format(v) }
    private func e(_ s: String) -> String { XMLText.escape(s) }
}

/// XML escaping for text nodes and attribute values.
public enum XMLText {
    /// Replaces `&`, `<`, `>`, `"` and `'` by entities, and drops the control characters XML 1.0
    /// forbids (everything below U+0020 except tab, LF and CR).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// Coordinates as short, locale-independent decimal text.
public enum SVGNumber {
    /// `v` rounded to two decimals, without trailing zeros or exponent (`12`, `3.5`, `-0.25`);
    /// non-finite values give `0`.
    public static func format(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let hundredths = (v * 100).rounded()
        guard abs(hundredths) < 1e15 else { return "0" }
        let i = Int64(hundredths)
        let whole = abs(i) / 100, frac = abs(i) % 100
        var s = (i < 0 ? "-" : "") + String(whole)
        if frac != 0 {
            s += frac % 10 == 0 ? "." + String(frac / 10) : (frac < 10 ? ".0" : ".") + String(frac)
        }
        return s
    }
}
