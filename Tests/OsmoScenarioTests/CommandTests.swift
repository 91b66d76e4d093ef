import Foundation
import OsmoODE
import Testing
@testable import OsmoPhysiology
@testable import OsmoScenario

/// The commands as library calls (exit-code mapping, files written) and, when it has been built,
/// the `osmo` binary itself.
@Suite struct CommandTests {
    static let twoArms = """
        name: two
        patient: adult
        illness: {pathogen: norovirus}
        duration: 3 h
        sample_every: 30 min
        arms:
          - name: good
          - name: bad
            interventions:
              - drink: water
                volume: 250 mL
                at: [0 h, 1 h]
        """

    func write(_ text: String) -> (dir: String, file: String) {
        let dir = temporaryDirectory()
        let file = dir + "/two.yaml"
        try? text.write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    @Test func solverFailureExitsThreeAndStillWritesEveryArm() throws {
        let (dir, file) = write(Self.twoArms)
        var opts = RunOptions()
        opts.outDir = dir + "/out"
        let cap = Captured()
        // The `bad` arm's solver "fails" at 1.2 h: its samples stop at 1 h.
        let status = ScenarioCommands.run(path: file, options: opts, console: cap.console) { problem in
            var tr = simulate(problem)
            if !problem.drinks.isEmpty {
                let keep = tr.times.filter { $0 <= 1.0 }.count
                tr.times = Array(tr.times.prefix(keep))
                tr.values = Array(tr.values.prefix(keep * Observable.allCases.count))
                tr.status = .stepSizeUnderflow(time: 1.2, step: 1e-17)
            }
            return tr
        }
        #expect(status == .solverFailure)
        #expect(cap.err.contains("osmo: arm `bad` failed at t = 1.2000 h: step size underflow"))
        let ts = readCSV(opts.outDir! + "/timeseries.csv"), sm = readCSV(opts.outDir! + "/summary.csv")
        #expect(ts.rows.filter { $0[0] == "good" }.count == 7)
        #expect(ts.rows.filter { $0[0] == "bad" }.count == 3)
        #expect(sm.rows.map { $0[1] } == ["success", "step_underflow"])
        let failureTime = sm.header.firstIndex(of: "failure_time_h")!
        #expect(sm.rows[1][failureTime] == "1.2" && sm.rows[0][failureTime] == "")
        // No temporary files are left behind: the set, its manifest (written last) and the directory lock.
        let left = try FileManager.default.contentsOfDirectory(atPath: opts.outDir!).sorted()
        #expect(left == [".osmo-run", ".osmo.lock", "summary.csv", "timeseries.csv"])
    }

    @Test func runOptionsApply() throws {
        let (dir, file) = write(Self.twoArms)
        var opts = RunOptions()
        opts.outDir = dir + "/o"
        opts.arms = ["bad"]
        opts.every = "1 h"
        opts.stepper = "bsimp"
        opts.rtol = 1e-6
        opts.atol = 1e-8
        let base = try ScenarioValidator.load(path: file).get()
        let applied = try ScenarioCommands.apply(opts, to: base).get()
        #expect(applied.solver.stepper == .bsimp && applied.solver.relativeTolerance == 1e-6)
        #expect(applied.solver.absoluteTolerance == 1e-8 && applied.sampleIntervalH == 1 && applied.arms.map(\.name) == ["bad"])
        opts.stepper = "msbdf"  // bsimp with a finite-difference Jacobian is far too slow for a test
        let cap = Captured()
        #expect(ScenarioCommands.run(path: file, options: opts, console: cap.console) == .success)
        let ts = readCSV(opts.outDir! + "/timeseries.csv")
        #expect(Set(ts.rows.map { $0[0] }) == ["bad"] && ts.rows.count == 4)
        #expect(cap.out.contains("two: 1 arm, 3 h; wall "))
    }

    @Test func commandLineProblems() {
        let cap = Captured()
        var opts = RunOptions()
        opts.outDir = temporaryDirectory() + "/out"
        opts.arms = ["orz"]
        opts.every = "1 parsec"
        opts.stepper = "rk45"
        let status = ScenarioCommands.run(path: Repo.scenario("norovirus-adult"), options: opts, console: cap.console)
        #expect(status == .invalidScenario)
        #expect(cap.err.contains("--arm: no arm named `orz`; did you mean `ors`?"))
        #expect(cap.err.contains("--every: `1 parsec`: unknown unit `parsec`"))
        #expect(cap.err.contains("--stepper: unknown stepper `rk45`"))
        #expect(!FileManager.default.fileExists(atPath: opts.outDir!))
    }

    @Test func defaultOutputDirectory() {
        #expect(ScenarioCommands.defaultOutDir(for: "Scenarios/norovirus-adult.yaml") == "out/norovirus-adult")
    }

    @Test func checkListsGoodFiles() {
        let cap = Captured()
        #expect(ScenarioCommands.check(paths: Repo.shipped.map(Repo.scenario), console: cap.console) == .success)
        #expect(cap.out.contains("norovirus-adult.yaml: ok: 3 arms (untreated, ors, sports-drink), 72 h"))
    }

    @Test func fluidsListsTheLibrary() {
        let text = ScenarioCommands.fluidsText()
        for f in FluidLibrary.all { #expect(text.contains(f.name) && text.contains(f.source)) }
        #expect(text.contains("245"))  // WHO ORS osmolarity
    }

    // MARK: The binary

    /// The `osmo` executable built next to the test bundle, if any.
    static var binary: String? {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let p = candidate.appendingPathComponent("osmo").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    func osmo(_ args: [String], cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary!)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        try p.run()
        let out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out, err)
    }

    @Test(.enabled(if: CommandTests.binary != nil)) func binaryExitCodes() throws {
        let (dir, file) = write(Self.twoArms)
        let ok = try osmo(["run", file], cwd: dir)
        #expect(ok.status == 0, "\(ok.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/two/timeseries.csv"))
        let bad = dir + "/bad.yaml"
        try Self.twoArms.replacingOccurrences(of: "250 mL", with: "-250 mL").write(toFile: bad, atomically: true, encoding: .utf8)
        let invalid = try osmo(["run", bad, "--out", dir + "/never"], cwd: dir)
        #expect(invalid.status == 2)
        #expect(invalid.err == "\(bad):11: arms[1].interventions[0].volume: -0.25 L must not be negative (expected > 0 L and ≤ 5 L)\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/never"))
        let check = try osmo(["check", file, bad])
        #expect(check.status == 2 && check.out.contains("ok: 2 arms"))
        let failing = dir + "/failing.yaml"
        try (Self.twoArms + "\nsolver: {max_steps: 3}\n").write(toFile: failing, atomically: true, encoding: .utf8)
        let failed = try osmo(["run", failing, "--out", dir + "/f"])
        #expect(failed.status == 3 && failed.err.contains("failed at t = "))
        #expect(FileManager.default.fileExists(atPath: dir + "/f/summary.csv"))
        let usage = try osmo(["run"])
        #expect(usage.status == 2)  // usage errors exit 2 like other input errors (ArgumentParser says 64)
        let fluids = try osmo(["fluids"])
        #expect(fluids.status == 0 && fluids.out.contains("who-ors"))
    }
}
