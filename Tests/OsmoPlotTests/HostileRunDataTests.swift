import Foundation
import OsmoReport
import OsmoScenario
import Testing

/// `osmo plot` / `osmo report` inputs (issue #15): a run directory must be one run's set of files,
/// and a crafted table must give an error, never a trap.
@Suite struct HostileRunDataTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func directory() -> String {
        let d = NSTemporaryDirectory() + "/osmo-plot-hostile-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    @Test func aRepeatedColumnIsAnErrorNotATrap() throws {
        let dir = directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.repo.appendingPathComponent("Tests/OsmoSweepTests/Hostile/timeseries-duplicate-columns.csv").path,
                                         toPath: dir + "/timeseries.csv")
        #expect { try RunData.load(directory: dir) } throws: { "\($0)".contains("the column `time_h` appears twice") }
        try "arm,status,status\na,success,success\n".write(toFile: dir + "/summary.csv", atomically: true, encoding: .utf8)
        try "arm,time_h\na,0\n".write(toFile: dir + "/timeseries.csv", atomically: true, encoding: .utf8)
        #expect { try RunData.load(directory: dir) } throws: { "\($0)".contains("appears twice") }
    }

    @Test func filesOfTwoRunsAreRefused() throws {
        let dir = directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func scenario(_ arms: [String]) throws -> String {
            let path = dir + "/s\(arms.count).yaml"
            try ("name: s\npatient: adult\nillness: none\nduration: 2 h\narms:\n" + arms.map { "  - name: \($0)\n" }.joined())
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        var options = RunOptions()
        options.outDir = dir + "/a"
        #expect(ScenarioCommands.run(path: try scenario(["x", "y"]), options: options, console: Console(out: { _ in }, err: { _ in })) == .success)
        options.outDir = dir + "/b"
        #expect(ScenarioCommands.run(path: try scenario(["x"]), options: options, console: Console(out: { _ in }, err: { _ in })) == .success)
        #expect(try RunData.load(directory: dir + "/a").arms.count == 2)
        // b's summary beside a's timeseries, the manifest as a left it: refused by the manifest …
        try FileManager.default.removeItem(atPath: dir + "/a/summary.csv")
        try FileManager.default.copyItem(atPath: dir + "/b/summary.csv", toPath: dir + "/a/summary.csv")
        #expect { try RunData.load(directory: dir + "/a") } throws: { "\($0)".contains("is not the file its run wrote") }
        // … and without a manifest (an older run, or one interrupted before the manifest), by content.
        try FileManager.default.removeItem(atPath: dir + "/a/" + RunOutput.manifestName)
        #expect { try RunData.load(directory: dir + "/a") } throws: { "\($0)".contains("are not from the same run") }
        // A truncated timeseries is refused too.
        let ts = try String(contentsOfFile: dir + "/b/timeseries.csv", encoding: .utf8)
        try String(ts.dropLast(3)).write(toFile: dir + "/b/timeseries.csv", atomically: true, encoding: .utf8)
        #expect(throws: RunData.LoadError.self) { try RunData.load(directory: dir + "/b") }
    }
}
