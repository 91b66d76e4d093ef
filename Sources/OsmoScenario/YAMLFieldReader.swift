import Yams

/// The scenario reader's checked YAML helpers, for other osmo file formats (sweep files).
///
/// Every read is checked and a failure becomes a ``ScenarioIssue`` with the node's line and key path,
/// so other formats report problems exactly as scenario files do: `FILE:LINE: path: what (expected …)`.
public final class YAMLFieldReader {
    let r: NodeReader

    public init(file: String) { r = NodeReader(file: file) }

    /// Every problem reported so far, in the order found.
    public var issues: [ScenarioIssue] { r.issues }

    public func report(_ node: Node?, _ path: String, _ message: String, expected: String? = nil) {
        r.report(node, path, message, expected: expected)
    }

    /// A mapping whose keys are all in `allowed` (unknown keys are reported with a suggestion).
    public func mapping(_ node: Node, _ path: String, allowed: [String], what: String) -> YAMLFields? {
        r.mapping(node, path, allowed: allowed, what: what).map(YAMLFields.init)
    }

    /// The node of a required key, or `nil` after reporting it missing.
    public func required(_ f: YAMLFields, _ key: String, expected: String) -> Node? {
        r.required(f.fields, key, expected: expected)
    }

    public func sequence(_ node: Node, _ path: String, what: String) -> [Node]? { r.sequence(node, path, what: what) }
    public func string(_ node: Node, _ path: String, what: String = "a text") -> String? { r.string(node, path, what: what) }
    public func bool(_ node: Node, _ path: String) -> Bool? { r.bool(node, path) }
    public func integer(_ node: Node, _ path: String, min: Int, max: Int) -> Int? { r.integer(node, path, min: min, max: max) }

    /// A plain number (no unit), finite.
    public func number(_ node: Node, _ path: String) -> Double? { r.quantity(node, path, .dimensionless) }

    /// A quantity with a unit, converted to osmo's canonical unit (h, L, kg, mmol/L); per-kg amounts refused.
    public func quantity(_ node: Node, _ path: String, _ dimension: Dimension) -> Double? {
        r.quantity(node, path, dimension)
    }

    /// A quantity in `lo … hi` (inclusive; `> lo` when `exclusive`), canonical units.
    public func quantity(_ node: Node, _ path: String, _ dimension: Dimension, min lo: Double, exclusive: Bool = false,
                         max hi: Double, shown: (Double) -> String) -> Double? {
        r.quantity(node, path, dimension, min: lo, exclusive: exclusive, max: hi, shown: shown)
    }

    /// "did you mean `x`?" when `word` is a likely typo of one of `candidates`.
    public static func didYouMean(_ word: String, _ candidates: [String]) -> String? { Suggest.didYouMean(word, candidates) }
    /// `a`, `b` or `c`.
    public static func list(_ names: [String]) -> String { Suggest.list(names) }
    /// A number for messages: no trailing `.0`, at most 6 significant digits.
    public static func shown(_ v: Double) -> String { OsmoScenario.shown(v) }
    /// A short description of a node for messages (`a mapping`, `` `abc` ``, …).
    public static func kind(_ node: Node) -> String { NodeReader.kind(node) }
}

/// The known keys of one mapping that were present (see ``YAMLFieldReader/mapping(_:_:allowed:what:)``).
public struct YAMLFields {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }

    /// The mapping node itself (for "missing key" reports).
    public var node: Node { fields.node }
    public var path: String { fields.path }
    public subscript(key: String) -> Node? { fields[key] }
    public func has(_ key: String) -> Bool { fields.has(key) }
    /// `path.key`.
    public func path(_ key: String) -> String { fields.path(key) }
    /// The key's own node (its line), for reports about the key.
    public func keyNode(_ key: String) -> Node? { fields.keyNodes[key] }
}
