import Foundation
import OsmoODE
import OsmoPhysiology

/// Exit codes of the `osmo` scenario commands.
public enum OsmoExit: Int32, Sendable {
    /// Everything ran and was written.
    case success = 0
    /// Output files could not be written.
    case ioFailure = 1
    /// The scenario (or a command-line value that depends on it) is invalid; nothing was written.
    case invalidScenario = 2
    /// At least one arm's solver stopped early; every arm was still written.
    case solverFailure = 3
}

/// Where command output goes (stdout and stderr in the CLI, buffers in tests).
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }
    /// stdout and stderr; control characters other than the line-ending LF are escaped on the way out
    /// (``TerminalText/forTerminal(_:)``), so no file can move the cursor or recolour a terminal.
    public static let standard = Console(
        out: { s in FileHandle.standardOutput.write(Data(TerminalText.forTerminal(s).utf8)) },
        err: { s in FileHandle.standardError.write(Data(TerminalText.forTerminal(s).utf8)) })
}

/// Command-line settings of `osmo run` that change a scenario.
public struct RunOptions: Sendable {
    /// Output directory; default `out/<scenario file stem>`.
    public var outDir: String?
    /// Only these arms (all when empty), in the file's order.
    public var arms: [String] = []
    public var stepper: String?
    public var rtol: Double?
    public var atol: Double?
    /// Sampling interval, e.g. `1 min`.
    public var every: String?
    /// Threads for the arms (`nil` = as many as useful).
    public var threads: Int?
    public init() {}
}

/// The scenario commands as library functions: the CLI only parses arguments and maps the result to
/// an exit code, so tests can call these directly.
public enum ScenarioCommands {
    /// `osmo check FILE…`: validates each file; prints every problem, one per line, to stderr.
    public static func check(paths: [String], console: Console) -> OsmoExit {
        var status = OsmoExit.success
        for path in paths {
            switch ScenarioValidator.load(path: path) {
            case .success(let s):
                let arms = s.arms.map(\.name).joined(separator: ", ")
                console.out("\(TerminalText.escaped(path)): ok: \(s.arms.count) arm\(s.arms.count == 1 ? "" : "s") (\(arms)), \(shown(s.durationH)) h\n")
            case .failure(let issues):
                status = .invalidScenario
                console.err(issues.issues.map { "\($0)\n" }.joined())
            }
        }
        return status
    }

    /// Applies the command-line settings to a validated scenario; problems are reported against the file.
    public static func apply(_ options: RunOptions, to scenario: Scenario) -> Result<Scenario, ScenarioIssues> {
        var s = scenario
        var issues: [ScenarioIssue] = []
        func issue(_ path: String, _ message: String, _ expected: String) {
            issues.append(ScenarioIssue(file: scenario.file, line: 1, path: "(command line) \(path)", message: message, expected: expected))
        }
        if let name = options.stepper {
            if let st = Stepper(gslName: name) { s.solver.stepper = st } else {
                let hint = Suggest.didYouMean(name, Stepper.allCases.map(\.name)).map { "; \($0)" } ?? ""
                issue("--stepper", "unknown stepper `\(name)`\(hint)", "one of \(Suggest.list(Stepper.allCases.map(\.name)))")
            }
        }
        if let v = options.rtol {
            if v.isFinite && v >= 0 && v <= 0.1 { s.solver.relativeTolerance = v } else { issue("--rtol", "\(v) is out of range", "0 … 0.1") }
        }
        if let v = options.atol {
            if v.isFinite && v >= 0 && v <= 1 { s.solver.absoluteTolerance = v } else { issue("--atol", "\(v) is out of range", "0 … 1") }
        }
        if s.solver.relativeTolerance == 0 && s.solver.absoluteTolerance == 0 {
            issue("--rtol/--atol", "both tolerances are 0", "at least one > 0")
        }
        if let text = options.every {
            switch Quantity.parse(text, as: .time) {
            case .success(.absolute(let dt)) where dt > 0 && dt <= s.durationH:
                if s.durationH / dt > Double(ScenarioLimits.maxSamples) {
                    issue("--every", "`\(TerminalText.escaped(text))` gives more than \(ScenarioLimits.maxSamples) samples", "at least \(hours(s.durationH / Double(ScenarioLimits.maxSamples)))")
                } else if (s.durationH / dt + 1) * Double(s.arms.count) > Double(ScenarioLimits.maxTotalSamples) {
                    issue("--every", "`\(TerminalText.escaped(text))` gives more than \(ScenarioLimits.maxTotalSamples) samples over \(s.arms.count) arms",
                          "at least \(hours(s.durationH * Double(s.arms.count) / Double(ScenarioLimits.maxTotalSamples)))")
                } else {
                    s.sampleIntervalH = dt
                }
            case .success:
                issue("--every", "`\(text)` is not within the run", "> 0 and ≤ \(hours(s.durationH))")
            case .failure(let e):
                issue("--every", "`\(text)`: \(e.message)", Dimension.time.expected)
            }
        }
        if !options.arms.isEmpty {
            let names = scenario.arms.map(\.name)
            for a in options.arms where !names.contains(a) {
                let hint = Suggest.didYouMean(a, names).map { "; \($0)" } ?? ""
                issue("--arm", "no arm named `\(a)`\(hint)", "one of \(Suggest.list(names))")
            }
            s.arms = scenario.arms.filter { options.arms.contains($0.name) }
        }
        return issues.isEmpty ? .success(s) : .failure(ScenarioIssues(issues))
    }

    /// The default output directory for a scenario file: `out/<file stem>`.
    public static func defaultOutDir(for path: String) -> String {
        "out/" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// `osmo run FILE`: validate, run every arm, write `timeseries.csv` and `summary.csv`, print the table.
    public static func run(path: String, options: RunOptions, console: Console) -> OsmoExit {
        run(path: path, options: options, console: console, simulate: OsmoPhysiology.simulate)
    }

    /// `run` with the simulation function injected (tests use it to force a solver failure).
    static func run(path: String, options: RunOptions, console: Console,
                    simulate: @escaping @Sendable (SimulationProblem) -> Trajectory) -> OsmoExit {
        let scenario: Scenario
        switch ScenarioValidator.load(path: path).flatMap({ apply(options, to: $0) }) {
        case .failure(let issues):
            console.err(issues.issues.map { "\($0)\n" }.joined())
            return .invalidScenario
        case .success(let s): scenario = s
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let results = ScenarioRunner.run(scenario, threads: options.threads, simulate: simulate)
        let solved = DispatchTime.now().uptimeNanoseconds

        let dir = options.outDir ?? defaultOutDir(for: path)
        // The arms' rows go to the file as they are (no second copy of the whole table), and the two
        // files appear together or not at all (RunOutput: lock, temporaries, renames, manifest last).
        let timeseries = [Array(TimeseriesWriter.header.utf8)] + results.map(\.rows)
        let summaries = results.map(\.summary)
        do {
            try RunOutput.write(directory: dir, timeseries: timeseries, summary: SummaryWriter.encode(summaries))
        } catch {
            console.err("osmo: \(TerminalText.oneLine(String(describing: error)))\n")
            return .ioFailure
        }
        let written = DispatchTime.now().uptimeNanoseconds
        let armsText = "\(results.count) arm\(results.count == 1 ? "" : "s")"
        let simulateMs = results.reduce(0) { $0 + $1.simulateMs }, encodeMs = results.reduce(0) { $0 + $1.encodeMs }
        console.out("""
            \(TerminalText.escaped(scenario.name)): \(armsText), \(shown(scenario.durationH)) h; wall \(ComparisonTable.f(Double(solved - started) / 1e6, 1)) ms \
            to solve and encode (per-arm sums: simulate \(ComparisonTable.f(simulateMs, 1)) ms, CSV \(ComparisonTable.f(encodeMs, 1)) ms), \
            \(ComparisonTable.f(Double(written - solved) / 1e6, 1)) ms to write\n\n
            """)
        console.out(ComparisonTable.text(summaries))
        console.out("\nwrote \(TerminalText.escaped(dir))/timeseries.csv and \(TerminalText.escaped(dir))/summary.csv\n")
        var status = OsmoExit.success
        for r in results where !r.trajectory.status.isSuccess {
            let t = r.trajectory.status.failureTime.map { ComparisonTable.f($0, 4) } ?? "?"
            console.err("osmo: arm `\(r.arm)` failed at t = \(t) h: \(TerminalText.oneLine(r.trajectory.status.description))\n")
            status = .solverFailure
        }
        return status
    }

    /// `osmo fluids`: the built-in fluid library.
    public static func fluidsText() -> String {
        var rows: [[String]] = [["name", "route", "Na", "K", "Cl", "base", "citrate", "Mg", "glucose", "fructose", "mOsm/L", "what"]]
        for f in FluidLibrary.all {
            func c(_ v: Double) -> String { ComparisonTable.f(v, v == v.rounded() ? 0 : 1) }
            rows.append([f.name, f.route.rawValue, c(f.sodium), c(f.potassium), c(f.chloride), c(f.bicarbonate),
                         c(f.citrate), c(f.magnesium), c(f.glucose), c(f.fructose), c(f.osmolarity), f.note])
        }
        var text = "Built-in fluids (concentrations in mmol/L; base = bicarbonate or lactate; osmolarity = sum of solutes)\n\n"
        text += ComparisonTable.render(rows)
        text += "\nSources:\n"
        for f in FluidLibrary.all { text += "  \(f.name): \(f.source)\n" }
        return text
    }
}
