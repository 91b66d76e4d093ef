import ArgumentParser
import Foundation
import OsmoODE
import OsmoPhysiology
import OsmoScenario

@main
struct Osmo: ParsableCommand {
    static let version = "0.1.0"

    // Every command names itself: left out, ArgumentParser derives the name from the type with
    // String(describing:), a runtime metadata walk of ≈ 300,000 instructions a command on every start.
    static let configuration = CommandConfiguration(
        commandName: "osmo",
        abstract: "Simulate diarrhea, dehydration and rehydration (ORS, sports drinks, IV) with an ODE model of body fluids.",
        discussion: """
            osmo integrates a model of the body's fluid compartments, electrolytes, gut lumen, kidneys \
            and inflammation with the GNU Scientific Library's odeiv2 steppers.
            """,
        version: version,
        subcommands: [Run.self, Check.self, Fluids.self, Steppers.self, Plot.self, Report.self, SweepRun.self, SweepMergeCommand.self, SensitivityCommand.self, ProblemExport.self, Serve.self]
    )

    /// Parses and runs the command. A usage error (unknown option, missing or malformed value) exits
    /// with 2, like every other input error (ArgumentParser's own code is 64, EX_USAGE); the message
    /// is escaped so an argument cannot put control characters on the terminal. Exit codes: README.md.
    static func main() {
        OutputCleanup.installSignalHandlers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                let text = TerminalText.forTerminal(fullMessage(for: error))
                FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// `osmo steppers`: the GSL steppers osmo can use.
struct Steppers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "steppers", abstract: "List the GSL odeiv2 steppers osmo can use.")

    func run() {
        for s in Stepper.allCases {
            let kind = s == .auto ? "switching: rkck, msbdf where stiff"
                : s.isStiff ? "implicit (stiff)" : (s == .msadams ? "multistep (non-stiff)" : "explicit")
            let pad = String(repeating: " ", count: max(0, 9 - s.name.count))
            print("\(s.name)\(pad)\(kind)\(s == SimulationProblem.defaultSolver.stepper ? "  [default]" : "")")
        }
    }
}
