import Foundation
import OsmoODE
import OsmoPhysiology
import OsmoScenario
import Testing
@testable import OsmoSweep

@Suite(.serialized) struct RunnerTests {
    @Test func shardedAndMergedIsByteIdenticalToOneProcess() throws {
        let sweep = shortDemoGrid()
        let whole = temporaryDirectory(), sharded = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: whole); try? FileManager.default.removeItem(atPath: sharded) }
        let single = try runSweep(sweep, dir: whole, threads: 2)
        for k in 0..<5 { try runSweep(sweep, dir: sharded, threads: 1, shard: Shard(index: k, count: 5)!) }
        let merged = try SweepMerge.merge(dir: sharded)
        #expect(merged.parts == 5 && merged.runs == 36)
        #expect(Array(FileManager.default.contents(atPath: sharded + "/sweep.csv")!) == single)
        // The layout: the comment, the columns, then 36 runs × 2 arms in run order.
        let lines = String(decoding: single, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2 + 72)
        #expect(lines[0].hasPrefix("# osmo-sweep v1 fingerprint=") && lines[0].hasSuffix("name=demo-grid"))
        #expect(lines[1] == "run,arm,illness.severity,patient.weight_kg,drink.volume_mL,peak_weight_loss_pct,min_na_plasma_mmol_L,min_k_plasma_mmol_L,total_stool_L,total_oral_intake_L,hours_to_moderate_dehydration,status")
        #expect(lines[2].hasPrefix("0,untreated,0.5,50,150,") && lines[3].hasPrefix("0,ors,0.5,50,150,"))
        #expect(lines[73].hasPrefix("35,ors,2,90,350,") && lines[73].hasSuffix(",success"))
    }

    @Test func bytesDoNotDependOnThreadCount() throws {
        let sweep = shortDemoGrid(hours: 2)
        let a = temporaryDirectory(), b = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        #expect(try runSweep(sweep, dir: a, threads: 1) == runSweep(sweep, dir: b, threads: 4))
    }

    @Test func mergeRefusesMissingAndForeignParts() throws {
        let sweep = shortDemoGrid(hours: 1)
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for k in [0, 2] { try runSweep(sweep, dir: dir, threads: 1, shard: Shard(index: k, count: 3)!) }
        #expect(throws: SweepError.merge("missing 1 of 3 parts in \(dir): sweep.part-1-of-3.csv")) { try SweepMerge.merge(dir: dir) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/sweep.csv"))

        // Part 1 from a different sweep (another range): refused by fingerprint.
        var other = sweep
        other.parameters[1].levels = 2
        try runSweep(other, dir: dir, threads: 1, shard: Shard(index: 1, count: 3)!)
        #expect {
            try SweepMerge.merge(dir: dir)
        } throws: { e in
            "\(e)".contains("sweep.part-1-of-3.csv is from a different sweep")
        }
        // The right part 1, but a stray part of another sharding.
        try runSweep(sweep, dir: dir, threads: 1, shard: Shard(index: 1, count: 3)!)
        try runSweep(sweep, dir: dir, threads: 1, shard: Shard(index: 0, count: 2)!)
        #expect { try SweepMerge.merge(dir: dir) } throws: { "\($0)".contains("different shardings") }
        try FileManager.default.removeItem(atPath: dir + "/sweep.part-0-of-2.csv")
        // A truncated part is refused with its line.
        let p2 = dir + "/sweep.part-2-of-3.csv"
        let text = String(decoding: FileManager.default.contents(atPath: p2)!, as: UTF8.self)
        try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(4).joined(separator: "\n").write(toFile: p2, atomically: true, encoding: .utf8)
        #expect { try SweepMerge.merge(dir: dir) } throws: { "\($0)".contains("sweep.part-2-of-3.csv") && "\($0)".contains("incomplete") }
        try runSweep(sweep, dir: dir, threads: 1, shard: Shard(index: 2, count: 3)!)
        #expect(try SweepMerge.merge(dir: dir).runs == 36)
        #expect(throws: SweepError.self) { try SweepMerge.merge(dir: temporaryDirectory()) }
    }

    @Test func failedRunsAreRowsWithTheirStatus() throws {
        let sweep = shortDemoGrid(hours: 1)
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Fail every run whose patient weighs 90 kg.
        let failing: SweepRunner.Simulate = { p in
            var t = OsmoPhysiology.simulate(p)
            if p.patient.weightKg == 90 { t.status = .maxStepsReached(time: 0.5, steps: 1) }
            return t
        }
        let text = String(decoding: try runSweep(sweep, dir: dir, threads: 2, simulate: failing), as: UTF8.self)
        let rows = text.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 72)
        let failed = rows.filter { $0.hasSuffix(",max_steps") }
        #expect(failed.count == 24)
        #expect(failed.allSatisfy { $0.contains(",90,") && $0.contains(",,,,,,max_steps") })
    }

    @Test func commandWritesFileAndReportsProgress() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweepFile = dir + "/tiny.yaml"
        try """
            name: tiny
            scenario: \(repoRoot)/Scenarios/norovirus-adult.yaml
            arms: [ors]
            duration: 2 h
            sample_every: 1 h
            parameters:
              drink.sodium_mmol_L: {uniform: [20, 90]}
              gfr_mL_min: {log_uniform: [60, 180]}
            plan: {method: lhs, samples: 6, seed: 3}
            outcomes: [peak_weight_loss_pct, min_na_plasma_mmol_L]
            """.write(toFile: sweepFile, atomically: true, encoding: .utf8)
        let captured = Captured()
        var o = SweepCommandOptions()
        o.outDir = dir + "/out"
        o.threads = 2
        #expect(SweepCommands.sweep(path: sweepFile, options: o, console: captured.console) == .success)
        let csv = String(decoding: FileManager.default.contents(atPath: dir + "/out/sweep.csv")!, as: UTF8.self)
        #expect(csv.split(separator: "\n").count == 8)
        #expect(captured.err.contains("tiny: 6 runs × 1 arm (lhs)") && captured.err.contains("wrote \(dir)/out/sweep.csv: 6 rows"))
        #expect(SweepCommands.merge(dir: dir + "/out", console: captured.console) == .ioFailure)
        #expect(captured.err.contains("no part files"))
    }

    @Test func progressLines() {
        final class Lines: @unchecked Sendable { var text = "" }
        let lines = Lines()
        let p = ProgressReporter(label: "demo", isTerminal: false, interval: 1e9) { lines.text += $0 }
        p.update(1, 4)
        p.update(4, 4)
        #expect(lines.text.hasPrefix("demo: 1/4 runs  25.0%") && lines.text.contains("demo: 4/4 runs 100.0%") && lines.text.contains("done in"))
        let bar = Lines()
        ProgressReporter(label: "d", isTerminal: true) { bar.text += $0 }.update(2, 4)
        #expect(bar.text.hasPrefix("\rd [###############...............] 2/4 runs  50.0%") && bar.text.contains("ETA"))
    }
}
