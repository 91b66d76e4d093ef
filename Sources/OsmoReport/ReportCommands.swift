import Foundation
import OsmoPlot
import OsmoScenario

/// `osmo plot` and `osmo report` as library functions (the CLI only parses arguments).
public enum ReportCommands {
    /// A run to draw: from a run directory, or by running a scenario file in memory.
    public static func loadRun(_ pathOrScenario: String, console: Console) -> Result<(RunData, Scenario?), OsmoExitError> {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: pathOrScenario, isDirectory: &isDir), isDir.boolValue {
            do { return .success((try RunData.load(directory: pathOrScenario), nil)) } catch {
                return .failure(OsmoExitError(code: .ioFailure, message: "osmo: \(error)"))
            }
        }
        switch ScenarioValidator.load(path: pathOrScenario) {
        case .failure(let issues):
            return .failure(OsmoExitError(code: .invalidScenario, message: issues.issues.map { "\($0)" }.joined(separator: "\n")))
        case .success(let scenario):
            let results = ScenarioRunner.run(scenario)
            for r in results where !r.trajectory.status.isSuccess {
                console.err("osmo: arm `\(r.arm)` failed: \(r.trajectory.status) (drawn up to the failure)\n")
            }
            return .success((RunData(name: scenario.name, results: results), scenario))
        }
    }

    /// Writes the six figures (and the sweep figures when `dir` holds sweep CSVs) to `outDir`.
    /// Returns the files written.
    public static func writeFigures(_ run: RunData, to outDir: String) throws -> [String] {
        try AtomicFile.makeDirectory(outDir)
        var written: [String] = []
        for f in RunFigures.all(run) {
            let path = outDir + "/" + f.fileName
            try AtomicFile.write(Array(f.figure.svg().render().utf8), to: path)
            written.append(path)
        }
        return written
    }

    /// `osmo plot RUN_DIR_OR_SCENARIO [--out DIR]`.
    public static func plot(_ input: String, outDir: String?, console: Console) -> OsmoExit {
        // A sweep directory (sweep.csv / sensitivity.csv, no timeseries.csv): only the sweep figures.
        if isDirectory(input) && !FileManager.default.fileExists(atPath: input + "/timeseries.csv") {
            do {
                let dir = outDir ?? input
                try AtomicFile.makeDirectory(dir)
                let written = try SweepFigures.writeIfPresent(in: input, to: dir)
                if !written.isEmpty {
                    for w in written { console.out("wrote \(w)\n") }
                    return .success
                }
            } catch {
                console.err("osmo: \(TerminalText.oneLine(String(describing: error)))\n")
                return .ioFailure
            }
        }
        let run: RunData
        switch loadRun(input, console: console) {
        case .failure(let e):
            console.err(e.message + "\n")
            return e.code
        case .success(let r): run = r.0
        }
        let dir = outDir ?? (isDirectory(input) ? input : ScenarioCommands.defaultOutDir(for: input))
        do {
            var written = try writeFigures(run, to: dir)
            written += try SweepFigures.writeIfPresent(in: isDirectory(input) ? input : dir, to: dir)
            for w in written { console.out("wrote \(w)\n") }
            return .success
        } catch {
            console.err("osmo: \(TerminalText.oneLine(String(describing: error)))\n")
            return .ioFailure
        }
    }

    /// `osmo report SCENARIO.yaml [--out DIR]`: runs the scenario and writes `DIR/report.html`.
    public static func report(_ scenarioPath: String, outDir: String?, generator: String, console: Console) -> OsmoExit {
        let run: RunData, scenario: Scenario
        switch loadRun(scenarioPath, console: console) {
        case .failure(let e):
            console.err(e.message + "\n")
            return e.code
        case .success(let r):
            guard let s = r.1 else {
                console.err("osmo: report needs a scenario file (YAML), not a directory: \(scenarioPath)\n")
                return .invalidScenario
            }
            (run, scenario) = (r.0, s)
        }
        let dir = outDir ?? ScenarioCommands.defaultOutDir(for: scenarioPath)
        let html = HTMLReport.render(context: ReportContext(scenario: scenario, generator: generator), run: run,
                                     figures: RunFigures.all(run))
        do {
            try AtomicFile.makeDirectory(dir)
            try AtomicFile.write(Array(html.utf8), to: dir + "/report.html")
            console.out("wrote \(dir)/report.html\n")
            return .success
        } catch {
            console.err("osmo: \(TerminalText.oneLine(String(describing: error)))\n")
            return .ioFailure
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// An exit code with its message.
public struct OsmoExitError: Error {
    public var code: OsmoExit
    public var message: String
}
