import Foundation
import OsmoScenario
import Yams

/// A scenario sent as JSON, with the same schema as the YAML files.
///
/// JSON is YAML: the body is checked to be strict JSON (so a typo is "malformed JSON", not a
/// surprising YAML reading), then composed by Yams into the same node tree a YAML file gives and
/// checked by the same ``ScenarioValidator``. Errors are the validator's
/// `field.path: what is wrong (expected …)` issues.
public enum ScenarioJSON {
    /// The name used as the "file" of a request's scenario in messages.
    public static let requestFile = "request"
    /// Deepest nesting accepted (a scenario needs about 6 levels).
    public static let maxDepth = 32

    /// Parses a request body into a document. Malformed JSON, a top level that is not an object,
    /// nesting deeper than ``maxDepth`` and duplicate keys are issues with the path where known.
    public static func document(body: [UInt8]) -> Result<ScenarioDocument, ScenarioIssues> {
        func fail(_ path: String, _ message: String, _ expected: String?) -> Result<ScenarioDocument, ScenarioIssues> {
            .failure([ScenarioIssue(file: requestFile, line: 1, path: path, message: message, expected: expected)])
        }
        if body.isEmpty { return fail("(body)", "request body is empty", "a scenario as a JSON object") }
        let data = Data(body)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let why = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            return fail("(body)", "malformed JSON: \(why.prefix(200))", "a scenario as a JSON object")
        }
        guard object is [String: Any] else {
            return fail("(root)", "expected a scenario (a JSON object), got \(kind(object))", "a JSON object with `name`, `patient`, …")
        }
        guard let text = String(bytes: body, encoding: .utf8) else {
            return fail("(body)", "body is not UTF-8 text", "UTF-8 JSON")
        }
        switch JSONKeyScan.firstProblem(in: body, maxDepth: maxDepth) {
        case .duplicate(let path, let key):
            return fail(path.isEmpty ? key : "\(path).\(key)", "duplicate key `\(key)`", "each key once")
        case .tooDeep(let path):
            return fail(path.isEmpty ? "(root)" : path, "nested more than \(maxDepth) levels deep", "a scenario (about 6 levels)")
        case nil:
            break
        }
        return ScenarioDocument.parse(text: text, file: requestFile)
    }

    /// Parses and validates a request body.
    public static func scenario(body: [UInt8]) -> Result<Scenario, ScenarioIssues> {
        document(body: body).flatMap { ScenarioValidator(document: $0).validate() }
    }

    /// The YAML text of a document (for "download scenario"); `osmo run` reads it back to the same
    /// node tree, so the run is the same.
    public static func yaml(_ document: ScenarioDocument, comment: String? = nil) throws -> String {
        let body = try Yams.serialize(node: blockStyle(document.root), width: -1, allowUnicode: true)
        return (comment.map { "# \($0)\n" } ?? "") + body
    }

    /// JSON text of a YAML node tree, keys in file order (for loading a shipped scenario into the page).
    /// Plain scalars that read as JSON numbers or booleans become numbers and booleans; nulls become
    /// `null`; every other scalar is a string.
    public static func json(_ node: Node) -> String {
        var out = ""
        appendJSON(node, to: &out)
        return out
    }

    // MARK: helpers

    static func kind(_ v: Any) -> String {
        switch v {
        case is [Any]: return "a list"
        case is String: return "a string"
        case is NSNull: return "null"
        default: return "a single value"
        }
    }

    /// The same tree with flow collections turned into block ones (readable YAML).
    static func blockStyle(_ node: Node) -> Node {
        switch node {
        case .mapping(let m):
            return Node(m.map { (blockStyle($0.key), blockStyle($0.value)) }, m.tag, .block)
        case .sequence(let s):
            return Node(s.map(blockStyle), s.tag, .block)
        default:
            return node
        }
    }

    static func appendJSON(_ node: Node, to out: inout String) {
        switch node {
        case .mapping(let m):
            out += "{"
            for (i, pair) in m.enumerated() {
                if i > 0 { out += "," }
                appendString(pair.key.scalar?.string ?? "", to: &out)
                out += ":"
                appendJSON(pair.value, to: &out)
            }
            out += "}"
        case .sequence(let s):
            out += "["
            for (i, item) in s.enumerated() {
                if i > 0 { out += "," }
                appendJSON(item, to: &out)
            }
            out += "]"
        case .scalar(let s):
            if s.style == .plain {
                if ["", "~", "null", "Null", "NULL"].contains(s.string) { out += "null"; return }
                if s.string == "true" || s.string == "false" { out += s.string; return }
                if isJSONNumber(s.string) { out += s.string; return }
            }
            appendString(s.string, to: &out)
        case .alias:
            out += "null"
        }
    }

    static func isJSONNumber(_ s: String) -> Bool {
        s.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
