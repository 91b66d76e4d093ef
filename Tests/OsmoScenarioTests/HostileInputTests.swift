#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import OsmoODE
import OsmoPhysiology
@testable import OsmoScenario

/// The committed corpus of hostile scenario files (`Hostile/*.yaml`, issue #15), each with its
/// expected outcome on its first line (`# expect: exit=N [contains=TEXT] [oneline]`), plus cases
/// built at run time (directories, FIFOs, sparse giant files, parameter-range ends). Every case must
/// finish within a time bound: a hang is a failure, not a slow test.
@Suite struct HostileInputTests {
    static let corpus = Repo.root.appendingPathComponent("Tests/OsmoScenarioTests/Hostile")
    /// Seconds any one case may take (debug build, a shared 2-core machine).
    static let timeBound = 20.0

    struct Expectation {
        var exit: Int32
        var contains: String?
        var oneLine = false
    }

    static func expectation(of file: String) -> Expectation {
        let first = (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? ""
        var e = Expectation(exit: -1)
        guard first.hasPrefix("# expect: ") else { return e }
        let body = first.dropFirst("# expect: ".count)
        if let r = body.range(of: "exit=") { e.exit = Int32(body[r.upperBound...].prefix(1)) ?? -1 }
        if let r = body.range(of: "contains=") { e.contains = String(body[r.upperBound...]) }
        e.oneLine = body.contains("oneline")
        return e
    }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Every diagnostic line: starts with the file name and a line number, holds no control character.
    static func checkLines(_ err: String, file: String) {
        for line in err.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            #expect(line.hasPrefix(file + ":") || line.hasPrefix("osmo: "), "forged or foreign line: \(line)")
            #expect(!line.unicodeScalars.contains(where: TerminalText.isControl), "control character in: \(line.debugDescription)")
        }
        #expect(err.isEmpty || err.hasSuffix("\n"))
    }

    @Test(arguments: HostileInputTests.files) func corpusCase(_ name: String) throws {
        let path = Self.corpus.appendingPathComponent(name).path
        let e = Self.expectation(of: path)
        #expect(e.exit >= 0, "\(name) has no `# expect:` line")
        let out = temporaryDirectory("osmo-hostile")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var options = RunOptions()
        options.outDir = out + "/run"
        let cap = Captured()
        let t0 = Date()
        let status = ScenarioCommands.run(path: path, options: options, console: cap.console)
        let seconds = Date().timeIntervalSince(t0)
        #expect(seconds < Self.timeBound, "\(name) took \(seconds) s")
        // Memory bound: the test process's peak resident size stays far below what the admitted
        // maxima used to need (hundreds of GB).
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #expect(usage.ru_maxrss < 3 << 20, "\(name): peak RSS \(usage.ru_maxrss) KiB")
        #expect(status.rawValue == e.exit, "\(name): exit \(status.rawValue), expected \(e.exit); stderr: \(cap.err)")
        if let c = e.contains { #expect(cap.err.contains(c), "\(name): stderr lacks `\(c)`: \(cap.err)") }
        Self.checkLines(cap.err, file: path)
        if status == .invalidScenario {
            #expect(!FileManager.default.fileExists(atPath: out + "/run"), "\(name): an invalid scenario wrote output")
        }
        if status == .solverFailure {
            // A failed arm is written up to its failure, and the summary names the quantity.
            let summary = readCSV(out + "/run/summary.csv")
            let reason = summary.header.firstIndex(of: "failure_reason").map { summary.rows[0][$0] } ?? ""
            #expect(!reason.isEmpty && !reason.contains("component -1"), "\(name): reason `\(reason)`")
        }
    }

    // MARK: Files that are not files

    @Test func directoryFifoAndDeviceAreRefusedWithoutReading() throws {
        let dir = temporaryDirectory("osmo-hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo.yaml"
        #expect(mkfifo(fifo, 0o644) == 0)
        for (path, why) in [(dir, "is a directory"), (fifo, "is a pipe"), ("/dev/zero", "is a device"), (dir + "/none.yaml", "no such file")] {
            let cap = Captured()
            let t0 = Date()
            #expect(ScenarioCommands.check(paths: [path], console: cap.console) == .invalidScenario)
            #expect(Date().timeIntervalSince(t0) < 5)
            #expect(cap.err.contains(why), "\(path): \(cap.err)")
        }
    }

    @Test func aSparseGiantFileIsRefusedByItsSize() throws {
        let dir = temporaryDirectory("osmo-hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/giant.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("name: x\n".utf8)))
        #expect(truncate(path, 8 << 30) == 0)  // 8 GiB of holes: reading it whole would take minutes
        let t0 = Date()
        let cap = Captured()
        #expect(ScenarioCommands.check(paths: [path], console: cap.console) == .invalidScenario)
        #expect(Date().timeIntervalSince(t0) < 2)
        #expect(cap.err.contains("is larger than"), "\(cap.err)")
    }

    // MARK: Failures are failures

    /// An inflammation course that cannot be solved ends the arm with `subsystem_failed` at its
    /// time (it used to fall back to the resting state: exit 0, no fever, 40–70 s).
    @Test func aFailedInflammationCourseFailsTheArm() throws {
        guard case .success(var s) = ScenarioValidator.validate(text: """
            name: t
            patient: adult
            illness: {pathogen: cholera, severity: 1, onset: 0 h}
            duration: 1 h
            arms:
              - name: a
            """) else { Issue.record("base scenario invalid"); return }
        s.overrides["fever_tnf_weight"] = 1e300  // beyond the validated range: only a library caller can do this
        let t0 = Date()
        let r = ScenarioRunner.run(s, threads: 1)
        #expect(Date().timeIntervalSince(t0) < Self.timeBound)
        #expect(r[0].summary.status == "subsystem_failed", "\(r[0].trajectory.status)")
        #expect(r[0].summary.failureReason.contains("inflammation course"))
    }

    /// Both ends of every documented override range run to the end of a cholera day (a documented
    /// value either works or is outside the range: `colon_capacity_L_day_kg: 0` used to fail every
    /// arm with "component -1").
    @Test func everyDocumentedRangeEndRunsOrFailsByName() throws {
        guard case .success(let base) = ScenarioValidator.validate(text: """
            name: t
            patient: adult
            illness: {pathogen: cholera, severity: 1, onset: 0 h}
            duration: 12 h
            sample_every: 1 h
            arms:
              - name: a
            """) else { Issue.record("base scenario invalid"); return }
        let cases: [(String, Double)] = OverrideNames.all.flatMap { name -> [(String, Double)] in
            guard let r = OverrideNames.check(name)?.range else { return [] }
            return [(name, r.lowerBound), (name, r.upperBound)]
        }
        let results = Slots<String>(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { i in
            var s = base
            s.overrides[cases[i].0] = cases[i].1
            let tr = ScenarioRunner.sanitized(OsmoPhysiology.simulate(s.problem(for: s.arms[0])))
            results.set(i, tr.status.isSuccess ? "success" : "\(tr.status.code): \(tr.status)")
        }
        var failed: [String] = []
        for (i, r) in results.values().enumerated() where r != "success" {
            failed.append("\(cases[i].0) = \(cases[i].1): \(r)")
        }
        #expect(failed.isEmpty, Comment(rawValue: "\(failed.count) of \(cases.count) range ends fail:\n" + failed.joined(separator: "\n")))
    }
}

/// Outputs as a set (class 7): a lock against a second writer, a manifest checked by readers.
@Suite struct RunOutputSetTests {
    static let scenario = """
        name: set
        patient: adult
        illness: none
        duration: 2 h
        arms:
          - name: a
          - name: b
        """

    func write(_ text: String, in dir: String) -> String {
        let path = dir + "/s.yaml"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aSecondRunIntoALockedDirectoryIsRefused() throws {
        let dir = temporaryDirectory("osmo-set")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = write(Self.scenario, in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let held = try OutputLock(directory: dir + "/out")
        var options = RunOptions()
        options.outDir = dir + "/out"
        let cap = Captured()
        #expect(ScenarioCommands.run(path: path, options: options, console: cap.console) == .ioFailure)
        #expect(cap.err.contains("another osmo process is writing into"), "\(cap.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/timeseries.csv"))
        withExtendedLifetime(held) {}
    }

    @Test func staleTemporariesOfDeadProcessesAreRemoved() throws {
        let dir = temporaryDirectory("osmo-set")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = write(Self.scenario, in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        // PID 2^22 + 1 is above Linux's pid_max default range: no such process.
        let stale = dir + "/out/.timeseries.csv.tmp-4194305", foreign = dir + "/out/.notes.tmp-4194305"
        for p in [stale, foreign] { #expect(FileManager.default.createFile(atPath: p, contents: Data("x".utf8))) }
        var options = RunOptions()
        options.outDir = dir + "/out"
        #expect(ScenarioCommands.run(path: path, options: options, console: Captured().console) == .success)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: foreign))  // not osmo's kind: left alone
    }

    @Test func aManifestMismatchIsDetected() throws {
        let dir = temporaryDirectory("osmo-set")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = write(Self.scenario, in: dir)
        var options = RunOptions()
        options.outDir = dir + "/one"
        #expect(ScenarioCommands.run(path: path, options: options, console: Captured().console) == .success)
        let ts = try InputFile.read(dir + "/one/timeseries.csv", maxBytes: 1 << 30)
        let sm = try InputFile.read(dir + "/one/summary.csv", maxBytes: 1 << 30)
        #expect(try RunOutput.verify(directory: dir + "/one", timeseries: ts, summary: sm))
        // A summary from another run beside this timeseries (an interrupted or interleaved write).
        let other = sm + Array("x,failed\n".utf8)
        #expect(throws: RunOutput.Mismatch.self) { try RunOutput.verify(directory: dir + "/one", timeseries: ts, summary: other) }
        #expect(throws: RunOutput.Mismatch.self) { try RunOutput.verify(directory: dir + "/one", timeseries: ts, summary: nil) }
    }
}

/// The `osmo` executable itself (skipped when it is not built next to the tests).
@Suite struct HostileCommandLineTests {
    static var binary: String? { CommandTests.binary }

    /// Runs the built `osmo` (the same helper as ``CommandTests``).
    func osmo(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try CommandTests().osmo(args)
    }

    @Test(.enabled(if: HostileCommandLineTests.binary != nil)) func usageErrorsExitTwoAndNegativeValuesParse() throws {
        for args in [["run"], ["run", "x.yaml", "--bogus"], ["sweep", "x.yaml", "--jobs", "abc"], ["merge"], ["run", "x.yaml", "--threads", "0"]] {
            let r = try osmo(args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.err)")
        }
        let dir = temporaryDirectory("osmo-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/s.yaml"
        try "name: s\npatient: adult\nillness: none\nduration: 1 h\narms:\n  - name: a\n".write(toFile: file, atomically: true, encoding: .utf8)
        let neg = try osmo(["run", file, "--rtol", "-1e-5", "--out", dir + "/o"])
        #expect(neg.status == 2 && neg.err.contains("--rtol: -1e-05 is out of range"), "\(neg.err)")
        // An argument with control characters is echoed escaped, on one line.
        let evil = try osmo(["sweep", "x.yaml", "--shard", "1/\u{1B}[2J\r\nforged"])
        #expect(evil.status == 2 && !evil.err.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" }, "\(evil.err.debugDescription)")
    }

    /// SIGTERM during a sweep removes the streaming temporary (`.sweep.csv.partial-PID`).
    @Test(.enabled(if: HostileCommandLineTests.binary != nil)) func sigtermRemovesTemporaries() throws {
        let dir = temporaryDirectory("osmo-sig")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = dir + "/long.yaml"
        try """
            name: long
            scenario: \(Repo.scenario("cholera-adult"))
            parameters:
              illness.severity: {uniform: [0.5, 2]}
            plan: {method: lhs, samples: 2000, seed: 1}
            outcomes: [peak_weight_loss_pct]
            """.write(toFile: sweep, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary!)
        p.arguments = ["sweep", sweep, "--out", dir + "/out", "--quiet", "--jobs", "1"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        var partial: String?
        for _ in 0..<200 where partial == nil {
            usleep(50_000)
            partial = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out"))?.first { $0.contains(".partial-") }
        }
        #expect(partial != nil, "the sweep never started writing")
        p.terminate()  // SIGTERM
        for _ in 0..<100 where p.isRunning { usleep(50_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL); Issue.record("SIGTERM did not stop the sweep") }
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGTERM)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        #expect(!left.contains { $0.contains(".partial-") || $0.contains(".tmp-") }, "\(left)")
        #expect(!left.contains("sweep.csv"))
    }
}

/// The inflammation course's step budget is for runaway courses only: the longest run allowed, with
/// the most inflammatory preset at the highest severity, stays within it.
@Suite struct InflammationBudgetTests {
    @Test func aSixtyDayCourseFitsTheBudget() throws {
        guard case .success(let s) = ScenarioValidator.validate(text: """
            name: long
            patient: adult
            illness: {pathogen: rotavirus, severity: 3, onset: 0 h}
            duration: 60 d
            sample_every: 12 h
            arms:
              - name: a
            """) else { Issue.record("scenario invalid"); return }
        let r = ScenarioRunner.run(s, threads: 1)
        #expect(r[0].summary.status != "subsystem_failed", "\(r[0].summary.failureReason)")
    }
}
