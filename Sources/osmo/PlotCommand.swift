import ArgumentParser
import OsmoReport

/// `osmo plot RUN_DIR_OR_SCENARIO`: the six comparison figures as SVG files.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw the comparison figures (SVG) of a run directory or a scenario file.",
        discussion: """
            Writes 1-weight-loss.svg, 2-compartments.svg, 3-electrolytes.svg, 4-inflammation.svg, \
            5-leg-pain.svg and 6-fluid-balance.svg. A directory is read as the output of `osmo run` \
            (timeseries.csv, and summary.csv for the warning-sign markers); a scenario file is run first. \
            When the directory holds sweep.csv or sensitivity.csv (from `osmo sweep` / `osmo sensitivity`), \
            the sweep figures are drawn: a Sobol tornado chart per outcome and arm, and outcome-vs-parameter scatter plots. \
            Exit codes: 0 success; 2 invalid scenario; 1 input unreadable or output not written.
            """)

    @Argument(help: "A run directory (from `osmo run`) or a scenario file (YAML).")
    var input: String

    @Option(name: .long, help: "Output directory (default: the run directory, or out/<scenario file stem>).")
    var out: String?

    func run() throws {
        let status = ReportCommands.plot(input, outDir: out, console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
