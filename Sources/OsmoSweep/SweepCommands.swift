import Foundation
import OsmoScenario

/// Settings of `osmo sweep`.
public struct SweepCommandOptions: Sendable {
    /// Output directory (default `out/<sweep file stem>`).
    public var outDir: String?
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Most worker threads: 4 × the cores (more only add memory and contention).
    public static var maxThreads: Int { 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) }
    public var shard: Shard = .all
    /// Progress on stderr.
    public var progress = true
    /// Validate and describe the sweep, run nothing.
    public var dryRun = false
    public init() {}
}

/// The sweep commands as library functions; the CLI parses arguments and maps results to exit codes.
public enum SweepCommands {
    /// The default output directory: `out/<sweep file stem>`.
    public static func defaultOutDir(for path: String) -> String {
        "out/" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// `osmo sweep FILE`: validates, runs the (shard's) points and writes `sweep.csv` or the part file.
    public static func sweep(path: String, options: SweepCommandOptions, console: Console,
                             simulate: @escaping SweepRunner.Simulate = { OsmoPhysiologySimulate($0) }) -> OsmoExit {
        let sweep: Sweep
        switch SweepValidator.load(path: path) {
        case .failure(let issues):
            console.err(issues.issues.map { "\($0)\n" }.joined())
            return .invalidScenario
        case .success(let s): sweep = s
        }
        if options.dryRun {
            console.out("\(TerminalText.escaped(path)): ok: \(TerminalText.escaped(sweep.name)), \(sweep.runCount) runs × \(sweep.arms.count) arm\(sweep.arms.count == 1 ? "" : "s") (\(sweep.arms.map(\.name).joined(separator: ", "))), \(sweep.plan.designName), \(sweep.parameters.count) parameters, fingerprint \(SweepTable.fingerprint(sweep))\n")
            return .success
        }
        let dir = options.outDir ?? defaultOutDir(for: path)
        let file = dir + "/" + (options.shard == .all ? "sweep.csv" : options.shard.partFileName)
        let owned = options.shard.ownedCount(of: sweep.runCount)
        console.err("\(TerminalText.escaped(sweep.name)): \(sweep.runCount) runs × \(sweep.arms.count) arm\(sweep.arms.count == 1 ? "" : "s") (\(sweep.plan.designName))"
            + (options.shard == .all ? "" : ", shard \(options.shard): \(owned) runs") + ", \(options.threads) thread\(options.threads == 1 ? "" : "s") → \(file)\n")
        let reporter = options.progress ? ProgressReporter(label: TerminalText.escaped(sweep.name)) : nil
        let report: SweepRunReport
        do {
            try AtomicFile.makeDirectory(dir)
            let out = try StreamingFile(path: file)
            try out.write(SweepTable.header(sweep, shard: options.shard))
            var runOptions = SweepRunOptions(threads: options.threads, shard: options.shard)
            if let reporter { runOptions.progress = { reporter.update($0, $1) } }
            report = try SweepRunner.run(sweep, options: runOptions, simulate: simulate) { try out.write($0) }
            try out.finish()
        } catch {
            console.err("osmo: \(TerminalText.oneLine(String(describing: error)))\n")
            return .ioFailure
        }
        let rate = report.wallSeconds > 0 ? Double(report.runs) / report.wallSeconds : 0
        console.err("wrote \(file): \(report.rows) rows, \(report.runs) runs in \(String(format: "%.2f", report.wallSeconds)) s (\(String(format: "%.1f", rate)) runs/s)"
            + (report.failedRows > 0 ? "; \(report.failedRows) rows did not succeed (see the status column)" : "") + "\n")
        return report.failedRows > 0 ? .solverFailure : .success
    }

    /// `osmo merge DIR`.
    public static func merge(dir: String, console: Console) -> OsmoExit {
        do {
            let r = try SweepMerge.merge(dir: dir)
            console.err("merged \(r.parts) part\(r.parts == 1 ? "" : "s") (\(r.runs) runs) into \(r.path)\n")
            return .success
        } catch {
            console.err("osmo merge: \(TerminalText.oneLine(String(describing: error)))\n")
            return .ioFailure
        }
    }
}

import OsmoPhysiology

/// `OsmoPhysiology.simulate`, named so it can be a default argument.
@Sendable public func OsmoPhysiologySimulate(_ p: SimulationProblem) -> Trajectory { OsmoPhysiology.simulate(p) }
