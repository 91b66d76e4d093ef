import Foundation
import OsmoScenario

/// `osmo sensitivity DIR`: Sobol indices of every recorded outcome of a Saltelli sweep
/// (`DIR/sweep.csv`), per arm, written to `DIR/sensitivity.csv`:
///
/// `arm,outcome,parameter,S1,S1_conf,ST,ST_conf,base_samples_used`
///
/// `*_conf` is the half-width of the bootstrap confidence interval (SALib's convention). Outcomes
/// are read as numbers (`true`/`false` as 1/0); a Saltelli block (the D + 2 runs of one base
/// point) with a missing value in an outcome — a failed run, or a warning sign never reached — is
/// left out of that outcome's analysis, and `base_samples_used` says how many blocks remained.
public enum SweepSensitivity {
    public struct Options: Sendable {
        public var resamples = 1000
        public var confidence = 0.95
        public var seed: UInt64 = 0
        public init() {}
    }

    public struct Row: Sendable, Equatable {
        public var arm: String
        public var outcome: String
        public var parameter: String
        public var indices: SobolIndices?
        public var blocksUsed: Int
    }

    public static let columns = ["arm", "outcome", "parameter", "S1", "S1_conf", "ST", "ST_conf", "base_samples_used"]

    /// Reads `path` (a whole `sweep.csv` of a Saltelli design) and computes every arm's indices.
    public static func analyze(sweepCSV path: String, options: Options = Options()) throws -> [Row] {
        let reader = try LineReader(path: path)
        guard let first = reader.next(), let header = SweepHeader(line: String(decoding: first.trimmingNewline(), as: UTF8.self)) else {
            throw SweepError.sensitivity("\(path):1: not an osmo sweep file (no `# osmo-sweep \(SweepTable.version)` header)")
        }
        guard header.part == nil else { throw SweepError.sensitivity("\(path) is one part of a sharded sweep: run `osmo merge` first") }
        guard header.design == "saltelli", let base = header.base else {
            throw SweepError.sensitivity("\(path): the sweep's design is `\(header.design)`; Sobol indices need `plan: {method: sobol, saltelli: true}`")
        }
        let d = header.parameterCount
        guard let colLine = reader.next() else { throw SweepError.sensitivity("\(path):2: no column line") }
        let cols = splitCSV(colLine.trimmingNewline())
        guard cols.count >= 3 + d, cols[0] == "run", cols[1] == "arm", cols.last == "status" else {
            throw SweepError.sensitivity("\(path):2: unexpected columns")
        }
        let parameters = Array(cols[2..<(2 + d)])
        let outcomes = Array(cols[(2 + d)..<(cols.count - 1)])
        guard base * (d + 2) == header.runs else {
            throw SweepError.sensitivity("\(path):1: runs=\(header.runs) is not base × (parameters + 2)")
        }
        guard Set(cols).count == cols.count else {
            throw SweepError.sensitivity("\(path):2: a column name appears twice")
        }
        // The header's run count sizes the tables below: it must be one the file can hold (every row
        // takes more than 8 bytes), so a crafted `runs=` cannot allocate gigabytes.
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard header.runs <= fileBytes / 8 else {
            throw SweepError.sensitivity("\(path):1: the header says runs=\(header.runs), more than a file of \(fileBytes) bytes can hold")
        }
        // Per arm, per outcome: the values in run order (NaN when missing).
        var armOrder: [String] = []
        var values: [String: [[Double]]] = [:]
        var seen: [String: [Bool]] = [:]
        while let line = reader.next() {
            guard line.last == 10 else {
                throw SweepError.sensitivity("\(path):\(reader.lineNumber): the last row has no final newline (the file is truncated)")
            }
            let cells = splitCSV(line.trimmingNewline())
            guard cells.count == cols.count, let run = Int(cells[0]), run >= 0, run < header.runs else {
                throw SweepError.sensitivity("\(path):\(reader.lineNumber): unreadable row (expected \(cols.count) cells starting with a run index below \(header.runs))")
            }
            let arm = cells[1]
            if values[arm] == nil {
                guard armOrder.count < ScenarioLimits.maxArms else {
                    throw SweepError.sensitivity("\(path):\(reader.lineNumber): more than \(ScenarioLimits.maxArms) arms")
                }
                armOrder.append(arm)
                values[arm] = Array(repeating: Array(repeating: .nan, count: header.runs), count: outcomes.count)
                seen[arm] = Array(repeating: false, count: header.runs)
            }
            guard !seen[arm]![run] else {
                throw SweepError.sensitivity("\(path):\(reader.lineNumber): a second row for run \(run), arm `\(TerminalText.escaped(arm))`")
            }
            seen[arm]![run] = true
            for (k, cell) in cells[(2 + d)..<(cells.count - 1)].enumerated() {
                values[arm]![k][run] = number(cell)
            }
        }
        for arm in armOrder {
            if let missing = seen[arm]!.firstIndex(of: false) {
                throw SweepError.sensitivity("\(path): no row for run \(missing), arm `\(TerminalText.escaped(arm))` (the file is incomplete)")
            }
        }
        var rows: [Row] = []
        for arm in armOrder {
            for (k, outcome) in outcomes.enumerated() {
                let y = values[arm]![k]
                var kept: [Double] = []
                kept.reserveCapacity(y.count)
                var blocks = 0
                for j in 0..<base {
                    let block = y[(j * (d + 2))..<((j + 1) * (d + 2))]
                    if block.allSatisfy(\.isFinite) {
                        kept.append(contentsOf: block)
                        blocks += 1
                    }
                }
                let result = blocks >= 2
                    ? SobolAnalysis.analyze(kept, parameters: d, resamples: options.resamples, confidence: options.confidence, seed: options.seed)
                    : nil
                for (i, p) in parameters.enumerated() {
                    rows.append(Row(arm: arm, outcome: outcome, parameter: p, indices: result?[i], blocksUsed: blocks))
                }
            }
        }
        return rows
    }

    /// The rows as CSV (9 significant digits; empty indices when fewer than 2 blocks were usable).
    public static func encode(_ rows: [Row]) -> [UInt8] {
        var out = Array((columns.joined(separator: ",") + "\n").utf8)
        for r in rows {
            CSV.appendText(r.arm, to: &out); out.append(44)
            CSV.appendText(r.outcome, to: &out); out.append(44)
            CSV.appendText(r.parameter, to: &out)
            for v in [r.indices?.s1, r.indices?.s1Conf, r.indices?.st, r.indices?.stConf] {
                out.append(44)
                if let v { NumberFormat.append(v, significantDigits: 9, to: &out) }
            }
            out.append(contentsOf: ",\(r.blocksUsed)\n".utf8)
        }
        return out
    }

    /// `osmo sensitivity DIR`: writes `DIR/sensitivity.csv` and prints a short table.
    public static func run(dir: String, options: Options, console: Console) -> OsmoExit {
        do {
            let rows = try analyze(sweepCSV: dir + "/sweep.csv", options: options)
            try AtomicFile.write(encode(rows), to: dir + "/sensitivity.csv")
            var lines = [["arm", "outcome", "parameter", "S1 ± conf", "ST ± conf", "blocks"]]
            for r in rows {
                func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "-" }
                lines.append([r.arm, r.outcome, r.parameter, "\(f(r.indices?.s1)) ± \(f(r.indices?.s1Conf))",
                              "\(f(r.indices?.st)) ± \(f(r.indices?.stConf))", String(r.blocksUsed)])
            }
            console.out(renderTable(lines))
            console.out("\nwrote \(dir)/sensitivity.csv (\(Int(options.confidence * 100)) % intervals, \(options.resamples) bootstrap resamples)\n")
            return .success
        } catch {
            console.err("osmo sensitivity: \(TerminalText.oneLine(String(describing: error)))\n")
            return .ioFailure
        }
    }

    /// A cell as a number: decimal, `true` = 1, `false` = 0; anything else (empty) NaN.
    static func number(_ s: String) -> Double {
        if s == "true" { return 1 }
        if s == "false" { return 0 }
        return Double(s) ?? .nan
    }
}

/// Splits one CSV line (RFC 4180 quotes) into cells.
func splitCSV(_ line: [UInt8]) -> [String] {
    var cells: [String] = []
    var cell: [UInt8] = []
    var quoted = false
    var i = 0
    while i < line.count {
        let c = line[i]
        if quoted {
            if c == 34 {
                if i + 1 < line.count && line[i + 1] == 34 { cell.append(34); i += 1 } else { quoted = false }
            } else { cell.append(c) }
        } else if c == 34 {
            quoted = true
        } else if c == 44 {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
        } else {
            cell.append(c)
        }
        i += 1
    }
    cells.append(String(decoding: cell, as: UTF8.self))
    return cells
}

extension Array where Element == UInt8 {
    func trimmingNewline() -> [UInt8] {
        var end = count
        while end > 0 && (self[end - 1] == 10 || self[end - 1] == 13) { end -= 1 }
        return Array(self[0..<end])
    }
}

/// Left-aligned columns separated by two spaces.
func renderTable(_ rows: [[String]]) -> String {
    guard let first = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: first.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = Swift.max(widths[i], c.count) } }
    return rows.map { r in
        r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }
            .joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
