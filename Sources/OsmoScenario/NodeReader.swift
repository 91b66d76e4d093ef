import Yams

/// Walks a YAML node tree, reading typed values and collecting every problem with its line and path.
/// Nothing here traps: each conversion is checked and a failure becomes a ``ScenarioIssue``.
final class NodeReader {
    let file: String
    private(set) var issues: [ScenarioIssue] = []
    /// Stop recording after this many issues (a broken file can otherwise produce thousands).
    static let maxIssues = 200

    init(file: String) { self.file = file }

    // MARK: Paths and lines

    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func index(_ path: String, _ i: Int) -> String { "\(path)[\(i)]" }

    func line(_ node: Node?) -> Int { max(1, node?.mark?.line ?? 1) }

    func report(_ node: Node?, _ path: String, _ message: String, expected: String? = nil) {
        guard issues.count < Self.maxIssues else { return }
        issues.append(ScenarioIssue(file: file, line: line(node), path: path.isEmpty ? "(root)" : path,
                                    message: message, expected: expected))
    }

    func report(line: Int, _ path: String, _ message: String, expected: String? = nil) {
        guard issues.count < Self.maxIssues else { return }
        issues.append(ScenarioIssue(file: file, line: max(1, line), path: path.isEmpty ? "(root)" : path,
                                    message: message, expected: expected))
    }

    // MARK: Structure

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return isNull(s) ? "nothing" : "`\(s.string.prefix(40))`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A mapping whose keys are all in `allowed`; unknown keys are reported with a suggestion.
    func mapping(_ node: Node, _ path: String, allowed: [String], what: String) -> Fields? {
        guard case .mapping(let m) = node else {
            report(node, path, "expected \(what), got \(Self.kind(node))", expected: "a mapping with keys \(Suggest.list(allowed))")
            return nil
        }
        var fields = Fields(node: node, path: path)
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                report(k, path, "a key must be a plain name, got \(Self.kind(k))", expected: Suggest.list(allowed))
                continue
            }
            let key = ks.string
            if allowed.contains(key) {
                fields.values[key] = v
                fields.keyNodes[key] = k
            } else {
                let hint = Suggest.didYouMean(key, allowed).map { "; \($0)" } ?? ""
                report(k, Self.child(path, key), "unknown key\(hint)", expected: "one of \(Suggest.list(allowed))")
            }
        }
        return fields
    }

    /// The elements of a list, or `nil` (with an issue).
    func sequence(_ node: Node, _ path: String, what: String) -> [Node]? {
        guard case .sequence(let s) = node else {
            report(node, path, "expected a list of \(what), got \(Self.kind(node))", expected: "a YAML list (`- …` lines or `[a, b]`)")
            return nil
        }
        return Array(s)
    }

    /// A scalar's text, or `nil` (with an issue).
    func scalar(_ node: Node, _ path: String, expected: String) -> String? {
        guard case .scalar(let s) = node else {
            report(node, path, "expected \(expected), got \(Self.kind(node))", expected: expected)
            return nil
        }
        if isNull(s) {
            report(node, path, "value is missing", expected: expected)
            return nil
        }
        return s.string
    }

    // MARK: Values

    func string(_ node: Node, _ path: String, what: String = "a text") -> String? {
        scalar(node, path, expected: what)
    }

    func bool(_ node: Node, _ path: String) -> Bool? {
        guard let s = scalar(node, path, expected: "`true` or `false`") else { return nil }
        switch s {
        case "true", "True", "TRUE", "yes", "on": return true
        case "false", "False", "FALSE", "no", "off": return false
        default:
            report(node, path, "`\(s.prefix(40))` is not true or false", expected: "`true` or `false`")
            return nil
        }
    }

    /// A quantity in canonical units, before range checks.
    func amount(_ node: Node, _ path: String, _ dimension: Dimension) -> ScaledAmount? {
        guard let s = scalar(node, path, expected: dimension.expected) else { return nil }
        switch Quantity.parse(s, as: dimension) {
        case .success(let a): return a
        case .failure(let e):
            report(node, path, "`\(s.prefix(40))`: \(e.message)", expected: dimension.expected)
            return nil
        }
    }

    /// A quantity that cannot be per-kg, in canonical units.
    func quantity(_ node: Node, _ path: String, _ dimension: Dimension) -> Double? {
        guard let a = amount(node, path, dimension) else { return nil }
        switch a {
        case .absolute(let v): return v
        case .perKg: report(node, path, "a per-kg amount is not allowed here", expected: dimension.expected); return nil
        }
    }

    /// A quantity checked against a range: `min` (inclusive unless `minExclusive`) … `max` (inclusive).
    func quantity(
        _ node: Node, _ path: String, _ dimension: Dimension, min lo: Double, exclusive: Bool = false, max hi: Double,
        shown: (Double) -> String
    ) -> Double? {
        guard let v = quantity(node, path, dimension) else { return nil }
        return checkRange(v, node, path, min: lo, exclusive: exclusive, max: hi, shown: shown)
    }

    func checkRange(_ v: Double, _ node: Node, _ path: String, min lo: Double, exclusive: Bool = false, max hi: Double,
                    shown: (Double) -> String) -> Double? {
        let lowOK = exclusive ? v > lo : v >= lo
        if !lowOK || !(v <= hi) {
            let bound = exclusive ? "> \(shown(lo))" : "≥ \(shown(lo))"
            var what = !lowOK ? (exclusive && lo == 0 ? (v == 0 ? "must not be zero" : "must not be negative") : "is too small")
                : "is too large"
            // A value that rounds to the bound it breaks would read as a contradiction
            // ("1440 h is too large (expected ≤ 1440 h)"): say it is just past the bound instead.
            var value = shown(v)
            if !lowOK && !exclusive && value == shown(lo) { what = "is just below the minimum"; value = "\(v)" }
            if lowOK && value == shown(hi) { what = "is just above the maximum"; value = "\(v)" }
            if !lowOK && exclusive && value == shown(lo) && v != 0 && lo != 0 { what = "is not above the minimum"; value = "\(v)" }
            report(node, path, "\(value) \(what)", expected: "\(bound) and ≤ \(shown(hi))")
            return nil
        }
        return v
    }

    /// An integer within a range.
    func integer(_ node: Node, _ path: String, min lo: Int, max hi: Int) -> Int? {
        guard let s = scalar(node, path, expected: "a whole number") else { return nil }
        guard let (v, unit) = Quantity.split(s), unit.isEmpty, v.isFinite else {
            report(node, path, "`\(s.prefix(40))` is not a whole number", expected: "a whole number from \(lo) to \(hi)")
            return nil
        }
        guard v == v.rounded(), v >= Double(lo), v <= Double(hi) else {
            report(node, path, "\(s.prefix(40)) is out of range", expected: "a whole number from \(lo) to \(hi)")
            return nil
        }
        return Int(v)
    }
}

/// The known keys of one mapping that were present, with the mapping node for "missing" reports.
struct Fields {
    let node: Node
    let path: String
    var values: [String: Node] = [:]
    var keyNodes: [String: Node] = [:]

    subscript(key: String) -> Node? { values[key] }
    func has(_ key: String) -> Bool { values[key] != nil }
    func path(_ key: String) -> String { NodeReader.child(path, key) }
}

extension NodeReader {
    /// The node for a required key, or `nil` after reporting it missing at the mapping's line.
    func required(_ f: Fields, _ key: String, expected: String) -> Node? {
        if let n = f[key] { return n }
        report(f.node, f.path(key), "missing required field", expected: expected)
        return nil
    }
}

/// Formats a number for messages: no trailing `.0`, at most 6 significant digits.
func shown(_ v: Double) -> String {
    if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    var s = String(format6: v)
    if s.isEmpty { s = "\(v)" }
    return s
}

extension String {
    init(format6 v: Double) {
        self = NumberFormat.format(v, significantDigits: 6)
    }
}

/// Shows a value with its canonical unit.
func hours(_ v: Double) -> String { "\(shown(v)) h" }
func litres(_ v: Double) -> String { "\(shown(v)) L" }

import Yams

/// A YAML null: empty, `~` or `null` written plainly.
func isNull(_ s: Node.Scalar) -> Bool {
    s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
}
