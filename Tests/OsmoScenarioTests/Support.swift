import Foundation
import OsmoScenario

/// Paths and small helpers shared by the scenario tests.
enum Repo {
    /// The package root (two levels above this file's directory).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("Scenarios")
    static let expected = root.appendingPathComponent("Tests/OsmoScenarioTests/Expected")
    static let shipped = ["norovirus-adult", "rotavirus-child", "cholera-adult", "endotoxin-challenge", "water-only",
                          "campylobacter-adult"]
    static func scenario(_ name: String) -> String { scenarios.appendingPathComponent(name + ".yaml").path }
}

/// A fresh empty directory under the system temporary directory.
func temporaryDirectory(_ tag: String = "osmo-scen") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(tag)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Collects console output.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = "", _err = ""
    var out: String { lock.withLock { _out } }
    var err: String { lock.withLock { _err } }
    var console: Console {
        Console(out: { s in self.lock.withLock { self._out += s } }, err: { s in self.lock.withLock { self._err += s } })
    }
}

/// Validates text and returns its issues (empty when valid).
func issues(_ text: String, file: String = "t.yaml") -> [ScenarioIssue] {
    switch ScenarioValidator.validate(text: text, file: file) {
    case .success: return []
    case .failure(let i): return i.issues
    }
}

/// A minimal valid scenario to mutate in tests.
let minimalScenario = """
    name: t
    patient: adult
    illness: none
    duration: 2 h
    arms:
      - name: a
        interventions:
          - drink: who-ors
            volume: 200 mL
            at: 1 h
    """

/// Parses a CSV file written by osmo (no quoted fields except in summary text columns).
func readCSV(_ path: String) -> (header: [String], rows: [[String]]) {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    guard let h = lines.first else { return ([], []) }
    return (splitCSVLine(h), lines.dropFirst().map(splitCSVLine))
}

func splitCSVLine(_ line: String) -> [String] {
    var cells: [String] = [], cur = "", quoted = false
    var it = Array(line).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? it.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let n = it.next() {
                    if n == "\"" { cur.append("\"") } else { quoted = false; pending = n }
                } else { quoted = false }
            } else { cur.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            cells.append(cur)
            cur = ""
        } else { cur.append(c) }
    }
    cells.append(cur)
    return cells
}
