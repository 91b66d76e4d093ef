import ArgumentParser
import Foundation
import OsmoScenario

/// `osmo run SCENARIO.yaml`: runs every arm and writes timeseries.csv and summary.csv.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's arms and write timeseries.csv and summary.csv.",
        discussion: """
            Exit codes: 0 success; 2 the scenario or a command-line value is invalid (one line per problem, \
            nothing written); 3 an arm failed (solver failure, a failed inflammation course, or a non-physical \
            state; every arm is still written; the failed arm's rows stop at the failure); 1 the output could \
            not be written.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .long, help: "Output directory (default: out/<scenario file stem>).")
    var out: String?

    @Option(name: .customLong("arm"), help: "Run only this arm (repeatable).")
    var arms: [String] = []

    @Option(name: .long, help: "GSL stepper (see `osmo steppers`); overrides the scenario.")
    var stepper: String?

    @Option(name: .long, parsing: .unconditional, help: "Relative tolerance; overrides the scenario.")
    var rtol: Double?

    @Option(name: .long, parsing: .unconditional, help: "Absolute tolerance; overrides the scenario.")
    var atol: Double?

    @Option(name: .long, help: "Output sampling interval, e.g. \"1 min\"; overrides the scenario.")
    var every: String?

    @Option(name: .long, help: "Threads for the arms (default: one per arm, up to the core count).")
    var threads: Int?

    func validate() throws {
        if let t = threads, t < 1 || t > 1024 { throw ValidationError("--threads must be 1 … 1024 (got \(t))") }
    }

    func run() throws {
        var options = RunOptions()
        options.outDir = out
        options.arms = arms
        options.stepper = stepper
        options.rtol = rtol
        options.atol = atol
        options.every = every
        options.threads = threads
        let status = ScenarioCommands.run(path: scenario, options: options, console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
