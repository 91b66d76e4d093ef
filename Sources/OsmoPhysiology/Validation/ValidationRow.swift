/// One line of the validation table: a published number and what the model gives.
public struct ValidationRow: Sendable {
    public enum Verdict: String, Sendable { case green, yellow, red }

    public var group: String
    public var quantity: String
    /// Expected value or range, as printed.
    public var expected: String
    public var low: Double
    public var high: Double
    public var model: Double
    public var unit: String
    public var source: String

    public init(_ group: String, _ quantity: String, low: Double, high: Double, model: Double, unit: String,
                source: String, expected: String? = nil) {
        self.group = group
        self.quantity = quantity
        self.low = low
        self.high = high
        self.model = model
        self.unit = unit
        self.source = source
        self.expected = expected ?? (low == high ? ValidationRow.format(low) : "\(ValidationRow.format(low))–\(ValidationRow.format(high))")
    }

    /// Distance outside the expected range relative to the nearest bound (0 inside), in %.
    public var percentError: Double {
        if model >= low && model <= high { return 0 }
        let bound = model < low ? low : high
        return 100 * Swift.abs(model - bound) / Swift.max(Swift.abs(bound), 1e-12)
    }

    /// green < 10 %, yellow < 25 %, red otherwise.
    public var verdict: Verdict {
        let e = percentError
        return e < 10 ? .green : (e < 25 ? .yellow : .red)
    }

    static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = Swift.abs(v)
        if a >= 100 { return String(Int(v.rounded())) }
        var s = a >= 10 ? String((v * 10).rounded() / 10) : (a >= 1 ? String((v * 100).rounded() / 100) : String((v * 1000).rounded() / 1000))
        if a < 0.01 { s = "\(v)" }
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}

/// The validation table as Markdown.
public func validationMarkdown(_ rows: [ValidationRow]) -> String {
    var out = "| group | quantity | expected (source) | model | % error | verdict |\n|---|---|---|---|---|---|\n"
    for r in rows {
        let rounded = (r.percentError * 10).rounded() / 10
        let err = rounded == 0 ? "0" : String(format1(rounded))
        out += "| \(r.group) | \(r.quantity) | \(r.expected) \(r.unit) (\(r.source)) | \(ValidationRow.format(r.model)) \(r.unit) | \(err) | \(r.verdict.rawValue) |\n"
    }
    return out
}

private func format1(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return String(r)
}
