@preconcurrency import CYaml

/// Bounds on the work a YAML file can cause, checked on libyaml's event stream before any tree is
/// built (Yams' composer shares aliased nodes, but its duplicate-key check, `Node` hashing and osmo's
/// own walk all visit the expanded tree: a few kilobytes of nested aliases can expand to billions).
///
/// The pass is linear in the events: each node's expanded size (1 per scalar, 1 + its children for a
/// collection, the anchored node's size for an alias) is summed with saturation, and the file is
/// refused when the document would expand beyond ``maxExpandedNodes`` nodes, nests deeper than
/// ``maxDepth``, or holds more than ``maxAliases`` aliases. Syntax errors are left to Yams, which
/// reports them with line and column.
public enum YAMLBudget {
    /// Most nodes of the document with every alias expanded (a 4 MB file without aliases has fewer).
    public static let maxExpandedNodes = 1_000_000
    /// Deepest nesting of sequences and mappings (a scenario needs about 6).
    public static let maxDepth = 64
    /// Most alias uses in one file.
    public static let maxAliases = 10_000

    /// A problem found: its 1-based line and what is wrong.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
        public var expected: String
    }

    /// The first bound `text` breaks, or `nil` (also when libyaml finds a syntax error: Yams reports it).
    public static func check(_ text: String) -> Problem? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buf -> Problem? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
            var sizes: [String: Int] = [:]
            // Open collections: (anchor, expanded size so far).
            var stack: [(anchor: String?, size: Int)] = []
            var total = 0
            var aliases = 0
            func add(_ n: Int) {
                if stack.isEmpty { total = sat(total, n) } else { stack[stack.count - 1].size = sat(stack[stack.count - 1].size, n) }
            }
            func anchorName(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                p.map { String(cString: UnsafePointer($0)) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    add(1)
                    if let a = anchorName(event.data.scalar.anchor) { sizes[a] = 1 }
                case YAML_ALIAS_EVENT:
                    aliases += 1
                    if aliases > maxAliases {
                        return Problem(line: line, message: "more than \(maxAliases) YAML aliases",
                                       expected: "at most \(maxAliases) uses of `*name`")
                    }
                    let name = anchorName(event.data.alias.anchor) ?? ""
                    add(sizes[name] ?? 1)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT
                        ? anchorName(event.data.sequence_start.anchor) : anchorName(event.data.mapping_start.anchor)
                    stack.append((anchor, 1))
                    if stack.count > maxDepth {
                        return Problem(line: line, message: "nesting deeper than \(maxDepth) levels",
                                       expected: "at most \(maxDepth) nested lists and mappings")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let top = stack.popLast() else { return nil }
                    if let a = top.anchor { sizes[a] = top.size }
                    add(top.size)
                default:
                    break
                }
                let open = stack.reduce(total) { sat($0, $1.size) }
                if open > maxExpandedNodes {
                    return Problem(line: line, message: "YAML aliases expand the document beyond \(maxExpandedNodes) nodes",
                                   expected: "a document of at most \(maxExpandedNodes) nodes with every alias expanded")
                }
            }
        }
    }

    @inline(__always)
    static func sat(_ a: Int, _ b: Int) -> Int {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? Int.max : s
    }
}
