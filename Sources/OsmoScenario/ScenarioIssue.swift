/// One problem with a scenario file: where it is and what is wrong.
///
/// Printed as `FILE:LINE: field.path: what is wrong (expected …)`, one line per problem.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the offending node (1 when the problem is with the whole file).
    public var line: Int
    /// Key path from the document root, e.g. `arms[1].interventions[0].volume`; `(file)` for the file itself.
    public var path: String
    public var message: String
    /// What would have been accepted, or `nil`.
    public var expected: String?

    public init(file: String, line: Int, path: String, message: String, expected: String? = nil) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
        self.expected = expected
    }

    /// One line, no newlines inside (messages are flattened).
    public var description: String {
        var s = "\(file):\(line): \(path): \(message)"
        if let e = expected { s += " (expected \(e))" }
        return s.replacingNewlines()
    }
}

extension String {
    /// One line: line breaks (by Unicode scalar, so `"\r\n"` too) as spaces, other controls escaped.
    func replacingNewlines() -> String { TerminalText.oneLine(self) }
}

/// Suggestions for misspelt names.
enum Suggest {
    /// Levenshtein distance, bounded to short strings (longer inputs are compared on a prefix).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars.prefix(64)), y = Array(b.lowercased().unicodeScalars.prefix(64))
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The closest candidate when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word, c)
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (name, d) = best else { return nil }
        let limit = max(2, min(word.count, name.count) / 3)
        return d <= limit ? name : nil
    }

    /// "did you mean `x`?" or nil.
    static func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// `a`, `b` or `c`.
    static func list(_ names: [String]) -> String {
        let quoted = names.map { "`\($0)`" }
        if quoted.count <= 1 { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}

/// Every problem found in one file (the failure of validation).
public struct ScenarioIssues: Error, Sendable, ExpressibleByArrayLiteral {
    public var issues: [ScenarioIssue]
    /// Issues in file order (by line; the walk order among issues on the same line).
    public init(_ issues: [ScenarioIssue]) {
        self.issues = issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
    public init(arrayLiteral elements: ScenarioIssue...) { self.issues = elements }
}
