import ArgumentParser
import OsmoScenario

/// `osmo check SCENARIO.yaml …`: validates without running.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate scenario files without running them.",
        discussion: "Prints every problem as FILE:LINE: field.path: what is wrong (expected …). Exit code 2 if any file has a problem.")

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        let status = ScenarioCommands.check(paths: scenarios, console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
