import Foundation
import OsmoScenario
@testable import OsmoSweep

/// The repository root (two folders above this file's folder).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A fresh temporary directory.
func temporaryDirectory(_ name: String = "osmo-sweep-test") -> String {
    let dir = NSTemporaryDirectory() + "/\(name)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// The shipped demo grid, shortened to `hours` with hourly samples: cheap enough for unit tests.
func shortDemoGrid(hours: Double = 3) -> Sweep {
    guard case .success(var s) = SweepValidator.load(path: repoRoot + "/Scenarios/sweeps/demo-grid.yaml") else {
        fatalError("demo-grid.yaml does not validate")
    }
    s.scenario.durationH = hours
    s.scenario.sampleIntervalH = 1
    return s
}

/// Runs a sweep into `dir` (whole, or one shard) and returns the file's bytes.
@discardableResult
func runSweep(_ sweep: Sweep, dir: String, threads: Int, shard: Shard = .all,
              simulate: @escaping SweepRunner.Simulate = OsmoPhysiologySimulate) throws -> [UInt8] {
    let path = dir + "/" + (shard == .all ? "sweep.csv" : shard.partFileName)
    let out = try StreamingFile(path: path)
    try out.write(SweepTable.header(sweep, shard: shard))
    _ = try SweepRunner.run(sweep, options: SweepRunOptions(threads: threads, shard: shard, window: 3), simulate: simulate) {
        try out.write($0)
    }
    try out.finish()
    return Array(FileManager.default.contents(atPath: path)!)
}

/// Console that collects output.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = "", _err = ""
    var out: String { lock.withLock { _out } }
    var err: String { lock.withLock { _err } }
    var console: Console {
        Console(out: { s in self.lock.withLock { self._out += s } }, err: { s in self.lock.withLock { self._err += s } })
    }
}
