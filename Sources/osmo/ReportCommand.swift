import ArgumentParser
import OsmoReport

/// `osmo report SCENARIO.yaml`: one self-contained HTML page.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run a scenario and write a self-contained HTML report (table, warning signs, figures, assumptions).",
        discussion: """
            Writes DIR/report.html: inline CSS and SVG, no scripts, nothing fetched from the network, so it \
            opens offline and can be e-mailed. Exit codes: 0 success; 2 invalid scenario; 1 output not written.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .long, help: "Output directory (default: out/<scenario file stem>).")
    var out: String?

    func run() throws {
        let status = ReportCommands.report(scenario, outDir: out, generator: "osmo \(Osmo.version) report \(scenario)",
                                           console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
