import Foundation
import OsmoODE
import OsmoPhysiology
import OsmoScenario

/// The layout of `sweep.csv`: a header comment, the column line, then one row per run and arm in
/// run-index order (arms in the sweep's order within a run).
///
/// ```
/// # osmo-sweep v1 fingerprint=3f2a… runs=14336 design=saltelli base=2048 parameters=5 name=norovirus-sobol
/// run,arm,illness.severity,…,peak_weight_loss_pct,…,status
/// 0,ors,1.25,…,2.3145,…,success
/// ```
///
/// Columns: `run` (0-based index), `arm`, each parameter's value (12 significant digits), each
/// outcome (as `summary.csv` writes it; empty when the run did not succeed), `status` (the solver's
/// ``SolverStatus/code``, or `invalid` when the point cannot be simulated). A part file written with
/// `--shard K/N` has the same layout with a ` part=K/N` field in the comment line (before `name=`).
public enum SweepTable {
    /// Format version, in the comment line and the fingerprint.
    public static let version = "v1"
    /// Significant digits of parameter values.
    public static let parameterDigits = 12

    /// Columns of `summary.csv` a sweep may record (`arm` and `status` are always written).
    public static let outcomeColumns: [String] = SummaryWriter.columns.filter { $0 != "arm" && $0 != "status" }

    /// The column line (with newline).
    public static func columnLine(_ sweep: Sweep) -> String {
        (["run", "arm"] + sweep.parameters.map(\.name) + sweep.outcomes + ["status"]).map(csvCell).joined(separator: ",") + "\n"
    }

    /// The comment line (with newline); `shard` adds ` part=K/N` (omitted for the whole sweep).
    public static func commentLine(_ sweep: Sweep, shard: Shard = .all) -> String {
        var s = "# osmo-sweep \(version) fingerprint=\(fingerprint(sweep)) runs=\(sweep.runCount) design=\(sweep.plan.designName)"
        if case .saltelli(let n) = sweep.plan { s += " base=\(n)" }
        s += " parameters=\(sweep.parameters.count)"
        if shard != .all { s += " part=\(shard.index)/\(shard.count)" }
        s += " name=\(sweep.name.replacingNewlinesWithSpaces())\n"
        return s
    }

    /// The full header of a file: comment line and column line.
    public static func header(_ sweep: Sweep, shard: Shard = .all) -> String {
        commentLine(sweep, shard: shard) + columnLine(sweep)
    }

    /// A 64-bit FNV-1a hash (16 hex digits) of everything that decides the rows: the scenario file's
    /// text, the arms, duration, sampling, parameters, plan, outcomes and column layout. Parts of
    /// different sweeps (or of an edited sweep) never share it.
    public static func fingerprint(_ sweep: Sweep) -> String {
        var h = FNV1a()
        h.add("osmo-sweep \(version)\n")
        h.add(sweep.scenarioText)
        h.add("\nduration=\(sweep.scenario.durationH) every=\(sweep.scenario.sampleIntervalH)\n")
        h.add("solver=\(sweep.scenario.solver.stepper.name) \(sweep.scenario.solver.relativeTolerance) \(sweep.scenario.solver.absoluteTolerance)\n")
        h.add("arms=\(sweep.arms.map(\.name).joined(separator: "\u{1F}"))\n")
        for p in sweep.parameters { h.add("parameter \(p.name) \(p.distribution) levels=\(p.levels.map(String.init) ?? "-")\n") }
        h.add("plan=\(sweep.plan)\n")
        h.add(columnLine(sweep))
        return h.hex
    }

    /// The rows of one run: one per arm. `results[a]` is arm `a`'s summary (nil: the point was invalid).
    public static func appendRows(run: Int, values: [Double], results: [ArmSummary?], sweep: Sweep, outcomeIndices: [Int],
                                  to out: inout [UInt8]) {
        for (a, arm) in sweep.arms.enumerated() {
            out.append(contentsOf: String(run).utf8)
            out.append(44)
            CSV.appendText(arm.name, to: &out)
            for v in values {
                out.append(44)
                NumberFormat.append(v, significantDigits: parameterDigits, to: &out)
            }
            let summary = results[a]
            let ok = summary?.status == "success"
            let cells = ok ? SummaryWriter.cells(summary!) : []
            for j in outcomeIndices {
                out.append(44)
                if ok { CSV.appendText(cells[j], to: &out) }
            }
            out.append(44)
            CSV.appendText(summary?.status ?? "invalid", to: &out)
            out.append(10)
        }
    }

    /// Indices of `sweep.outcomes` in ``SummaryWriter/columns``.
    public static func outcomeIndices(_ sweep: Sweep) -> [Int] {
        sweep.outcomes.map { SummaryWriter.columns.firstIndex(of: $0)! }
    }

    static func csvCell(_ s: String) -> String {
        var out: [UInt8] = []
        CSV.appendText(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// The header comment of a sweep file, parsed.
public struct SweepHeader: Sendable, Equatable {
    public var fingerprint: String
    public var runs: Int
    public var design: String
    /// Saltelli base sample size N (nil for other designs).
    public var base: Int?
    public var parameterCount: Int
    public var part: Shard?
    public var name: String
    /// The comment line without its ` part=K/N` field (what a whole-sweep file carries).
    public var wholeSweepLine: String

    /// Parses `# osmo-sweep v1 key=value … name=…`; nil when the line is not a sweep header.
    public init?(line: String) {
        let prefix = "# osmo-sweep \(SweepTable.version) "
        guard line.hasPrefix(prefix) else { return nil }
        let body = line.dropFirst(prefix.count)
        guard let nameRange = body.range(of: " name=") else { return nil }
        name = String(body[nameRange.upperBound...])
        var fields: [String: String] = [:]
        for item in body[..<nameRange.lowerBound].split(separator: " ") {
            guard let eq = item.firstIndex(of: "=") else { return nil }
            fields[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        guard let fp = fields["fingerprint"], let runs = fields["runs"].flatMap({ Int($0) }), let design = fields["design"],
              let d = fields["parameters"].flatMap({ Int($0) }) else { return nil }
        // Counts from a file are checked before any range or allocation is built from them.
        guard fp.utf8.count == 16, fp.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }),
              runs >= 1, runs <= SweepValidator.maxRuns, d >= 0, d <= SweepValidator.maxParameters else { return nil }
        if let b = fields["base"] {
            guard let n = Int(b), n >= 1, n <= SweepValidator.maxRuns else { return nil }
        }
        fingerprint = fp
        self.runs = runs
        self.design = design
        base = fields["base"].flatMap { Int($0) }
        parameterCount = d
        if let p = fields["part"] {
            guard let s = Shard(parsing: p) else { return nil }
            part = s
            wholeSweepLine = line.replacingOccurrences(of: " part=\(p) ", with: " ")
        } else {
            part = nil
            wholeSweepLine = line
        }
    }
}

/// FNV-1a, 64 bits: a stable, dependency-free hash (not cryptographic; it tells sweeps apart).
struct FNV1a {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ s: String) {
        for b in s.utf8 {
            state ^= UInt64(b)
            state = state &* 0x0000_0100_0000_01B3
        }
    }
    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

extension String {
    /// One line (line breaks by Unicode scalar, so `"\r\n"` too, as spaces; other controls escaped).
    func replacingNewlinesWithSpaces() -> String { TerminalText.oneLine(self) }
}

