import ArgumentParser
import Foundation
import OsmoScenario
import OsmoSweep

/// `osmo sweep SWEEP.yaml`: runs a parameter sweep and streams one row per run and arm to sweep.csv.
struct SweepRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a parameter sweep (grid, Latin hypercube or Sobol/Saltelli) and write sweep.csv.",
        discussion: """
            Writes DIR/sweep.csv (or DIR/sweep.part-K-of-N.csv with --shard), one row per run and arm in \
            run-index order: run, arm, parameter values, outcomes, status. The file is the same bytes \
            whatever --jobs; `osmo merge DIR` joins the parts of a sharded sweep into that same file. \
            The sweep file format is described in Docs/SWEEP-FORMAT.md. Exit codes: 0 success; 2 the \
            sweep is invalid (nothing written); 3 some rows did not succeed (all rows written, see the \
            status column); 1 the output could not be written.
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweep: String

    @Option(name: .long, help: "Output directory (default: out/<sweep file stem>).")
    var out: String?

    @Option(name: .long, help: "Worker threads (default: all cores; at most 4 × the cores).")
    var jobs: Int?

    @Option(name: .long, help: "Run only share K of N (K = 0 … N−1, e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT).")
    var shard: String?

    @Flag(name: .long, help: "No progress on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Only check the sweep file and print its number of runs.")
    var dryRun = false

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be ≥ 1 (got \(j))") }
        if let s = shard, Shard(parsing: s) == nil {
            throw ValidationError("--shard must be K/N with 0 ≤ K < N ≤ \(Shard.maxCount), e.g. 0/4 (got `\(TerminalText.escaped(String(s.prefix(40))))`)")
        }
    }

    func run() throws {
        var options = SweepCommandOptions()
        options.outDir = out
        if let j = jobs { options.threads = Swift.min(j, SweepCommandOptions.maxThreads) }
        if let s = shard, let parsed = Shard(parsing: s) { options.shard = parsed }
        options.progress = !quiet
        options.dryRun = dryRun
        let status = SweepCommands.sweep(path: sweep, options: options, console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// `osmo merge DIR`: joins sweep.part-K-of-N.csv files into sweep.csv.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the parts of a sharded sweep (DIR/sweep.part-K-of-N.csv) into DIR/sweep.csv.",
        discussion: """
            The result is byte-identical to a single-process `osmo sweep`. Refuses (exit 1, nothing \
            written) when a part is missing or incomplete, or comes from a different sweep.
            """)

    @Argument(help: "The sweep's output directory.")
    var dir: String

    func run() throws {
        let status = SweepCommands.merge(dir: dir, console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// `osmo sensitivity DIR`: Sobol indices from a Saltelli sweep.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "First- and total-order Sobol indices with bootstrap intervals from a Saltelli sweep's DIR/sweep.csv.",
        discussion: """
            Writes DIR/sensitivity.csv: arm, outcome, parameter, S1, S1_conf, ST, ST_conf, base_samples_used \
            (conf = half-width of the interval). Estimators as SALib's sobol.analyze: Saltelli 2010 (first \
            order) and Jansen (total order); Scripts/check_salib.py compares with SALib.
            """)

    @Argument(help: "The sweep's output directory (holding sweep.csv).")
    var dir: String

    @Option(name: .long, help: "Bootstrap resamples.")
    var resamples = 1000

    @Option(name: .long, parsing: .unconditional, help: "Confidence level of the intervals.")
    var confidence = 0.95

    @Option(name: .long, help: "Bootstrap seed.")
    var seed: UInt64 = 0

    func validate() throws {
        if resamples < 2 || resamples > 100_000 { throw ValidationError("--resamples must be 2 … 100000 (got \(resamples))") }
        if !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence must be between 0 and 1") }
    }

    func run() throws {
        var o = SweepSensitivity.Options()
        o.resamples = resamples
        o.confidence = confidence
        o.seed = seed
        let status = SweepSensitivity.run(dir: dir, options: o, console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
