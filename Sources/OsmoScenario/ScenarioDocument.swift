import Foundation
import Yams

/// A scenario file as read: its text and the YAML node tree, not yet checked.
/// Every node keeps its line, so every later problem can point at `FILE:LINE`.
public struct ScenarioDocument {
    /// The file name as given (used in messages).
    public var file: String
    public var text: String
    public var root: Node

    /// Reads and parses `path`. Unreadable, empty, binary or syntactically broken files give issues.
    public static func load(path: String) -> Result<ScenarioDocument, ScenarioIssues> {
        let data: [UInt8]
        do {
            data = try InputFile.read(path, maxBytes: maxFileBytes)
        } catch {
            return .failure([ScenarioIssue(file: path, line: 1, path: "(file)", message: error.reason,
                                           expected: "a readable YAML file of at most 4 MB")])
        }
        return parse(data: Data(data), file: path)
    }

    /// Largest scenario or sweep file: 4 MB (checked with `fstat` before reading).
    public static let maxFileBytes = 4_000_000

    /// Parses file contents.
    public static func parse(data: Data, file: String) -> Result<ScenarioDocument, ScenarioIssues> {
        func fail(_ line: Int, _ message: String, _ expected: String? = "a YAML scenario") -> Result<ScenarioDocument, ScenarioIssues> {
            .failure([ScenarioIssue(file: file, line: line, path: "(file)", message: message, expected: expected)])
        }
        if data.isEmpty { return fail(1, "file is empty") }
        if data.count > maxFileBytes { return fail(1, "file is larger than 4 MB") }
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            return fail(line, "file looks binary (contains a NUL byte)", "a UTF-8 text file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return fail(1, "file is not valid UTF-8 text", "a UTF-8 text file")
        }
        return parse(text: text, file: file)
    }

    /// Parses YAML text.
    public static func parse(text: String, file: String) -> Result<ScenarioDocument, ScenarioIssues> {
        func fail(_ line: Int, _ message: String, _ expected: String? = nil) -> Result<ScenarioDocument, ScenarioIssues> {
            .failure([ScenarioIssue(file: file, line: max(1, line), path: "(file)", message: message, expected: expected)])
        }
        if text.allSatisfy({ $0.isWhitespace }) { return fail(1, "file is empty", "a YAML scenario") }
        // Alias expansion and nesting are bounded before Yams builds (and walks) the tree.
        if let p = YAMLBudget.check(text) { return fail(p.line, p.message, p.expected) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure([issue(from: error, file: file)])
        } catch {
            return fail(1, "YAML error: \(error)")
        }
        guard let root = node else { return fail(1, "file holds no YAML document", "a YAML scenario") }
        if case .scalar(let s) = root, isNull(s) {
            return fail(1, "file holds no YAML document", "a YAML scenario")
        }
        return .success(ScenarioDocument(file: file, text: text, root: root))
    }

    /// A YAML syntax error as one issue line.
    static func issue(from error: YamlError, file: String) -> ScenarioIssue {
        func clean(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines).replacingNewlines() }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var msg = "YAML syntax error: \(clean(problem))"
            if let c = context { msg += " (\(clean(c.text)) at line \(c.mark.line))" }
            return ScenarioIssue(file: file, line: max(1, mark.line), path: "(file)", message: msg + " at column \(mark.column)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return ScenarioIssue(file: file, line: max(1, context.mark.line), path: "(file)",
                                 message: "duplicate key \(keys) in a mapping", expected: "each key once")
        case .reader(let problem, let offset, _, _):
            return ScenarioIssue(file: file, line: 1, path: "(file)",
                                 message: "unreadable text: \(clean(problem))" + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return ScenarioIssue(file: file, line: 1, path: "(file)", message: "YAML error: \(clean(String(describing: error)))")
        }
    }
}
