#if canImport(Glibc)
import Glibc
#endif
import Foundation
import OsmoScenario
import Testing
@testable import OsmoSweep

/// Hostile sweep files, part files and sweep tables (issue #15): the committed corpus in
/// `Hostile/`, and merge parts corrupted in every way a killed or careless job leaves them. Each
/// case must end with a message naming the file (and line), never a trap, a hang, or a `sweep.csv`.
@Suite(.serialized) struct HostileSweepTests {
    static let corpus = repoRoot + "/Tests/OsmoSweepTests/Hostile"

    func timed<T>(_ limit: Double = 10, _ body: () throws -> T) rethrows -> T {
        let t0 = Date()
        let v = try body()
        #expect(Date().timeIntervalSince(t0) < limit, "took \(Date().timeIntervalSince(t0)) s")
        return v
    }

    @Test func gridLevelProductOverflowIsAnIssueNotATrap() {
        let result = timed { SweepValidator.load(path: Self.corpus + "/grid-overflow.yaml") }
        guard case .failure(let issues) = result else { Issue.record("accepted"); return }
        #expect(issues.issues.contains { $0.message.contains("more than 100000000") }, "\(issues.issues)")
    }

    @Test func aDirectoryAsTheBaseScenarioIsAnIssue() {
        guard case .failure(let issues) = SweepValidator.load(path: Self.corpus + "/scenario-is-directory.yaml") else {
            Issue.record("accepted"); return
        }
        #expect(issues.issues.contains { $0.message.contains("is a directory") }, "\(issues.issues)")
    }

    @Test func shardCountsCannotOverflow() {
        #expect(Shard(parsing: "0/9223372036854775807") == nil)
        #expect(Shard(parsing: "9223372036854775806/9223372036854775807") == nil)
        #expect(Shard(parsing: "99999999999999999999/1") == nil)
        let s = Shard(index: 999_999, count: Shard.maxCount)!
        #expect(s.ownedCount(of: Int.max) > 0)  // no overflow in (runs − index + count − 1)
        #expect(s.ownedCount(of: 10) == 0)
    }

    @Test func craftedHeaderNumbersAreRefused() {
        for line in ["runs=-1", "runs=0", "runs=99999999999999999999", "runs=100000001", "parameters=-5", "parameters=100000"] {
            var fields = ["fingerprint=0123456789abcdef", "runs=4", "design=grid", "parameters=1"]
            let key = line.split(separator: "=")[0]
            fields = fields.map { $0.hasPrefix(key + "=") ? line : $0 }
            #expect(SweepHeader(line: "# osmo-sweep v1 " + fields.joined(separator: " ") + " name=x") == nil, "\(line)")
        }
        #expect(SweepHeader(line: "# osmo-sweep v1 fingerprint=0123456789abcdef runs=4 design=saltelli base=-3 parameters=2 name=x") == nil)
        #expect(SweepHeader(line: "# osmo-sweep v1 fingerprint=0123456789abcdef runs=4 design=grid parameters=1 name=x") != nil)
    }

    /// Merge of a directory holding each crafted part: exit 1 with a message, no sweep.csv.
    @Test(arguments: ["header-runs-negative.csv", "header-runs-huge.csv"]) func mergeRefusesCraftedHeaders(_ name: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.corpus + "/" + name, toPath: dir + "/sweep.part-0-of-1.csv")
        let cap = Captured()
        #expect(timed { SweepCommands.merge(dir: dir, console: cap.console) } == .ioFailure)
        #expect(cap.err.contains("sweep.part-0-of-1.csv:1: not an osmo sweep part"), "\(cap.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/sweep.csv"))
    }

    @Test(arguments: ["header-runs-unbacked.csv", "duplicate-columns.csv", "header-runs-huge.csv"])
    func sensitivityRefusesCraftedTables(_ name: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.corpus + "/" + name, toPath: dir + "/sweep.csv")
        let cap = Captured()
        #expect(timed { SweepSensitivity.run(dir: dir, options: .init(), console: cap.console) } != .success)
        #expect(cap.err.hasPrefix("osmo sensitivity: ") && cap.err.contains("sweep.csv"), "\(cap.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/sensitivity.csv"))
    }

    @Test func controlCharactersInTheSweepNameStayOnOneEscapedLine() throws {
        guard case .success(let sweep) = SweepValidator.load(path: Self.corpus + "/name-control-characters.yaml") else {
            Issue.record("the corpus sweep should validate"); return
        }
        let comment = SweepTable.commentLine(sweep)
        #expect(comment.filter { $0 == "\n" }.count == 1 && comment.hasSuffix("\n"))
        #expect(!comment.dropLast().unicodeScalars.contains(where: TerminalText.isControl), "\(comment.debugDescription)")
        #expect(SweepHeader(line: String(comment.dropLast())) != nil)
    }

    // MARK: Corrupt parts

    /// A real 3-shard run of a short grid, then each part corrupted one way. Every corruption must
    /// be refused naming the part and line; the intact parts merge to the single-process bytes.
    @Test func mergeRefusesEveryCorruption() throws {
        let sweep = shortDemoGrid(hours: 1)
        let dir = temporaryDirectory(), whole = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: whole) }
        let single = try runSweep(sweep, dir: whole, threads: 1)
        var parts: [[UInt8]] = []
        for k in 0..<3 { parts.append(try runSweep(sweep, dir: dir, threads: 1, shard: Shard(index: k, count: 3)!)) }
        func lines(_ b: [UInt8]) -> [String] {
            String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let p1 = lines(parts[1])  // header, columns, rows…, ""
        let corruptions: [(String, String, String)] = [
            ("truncated mid-row", String(p1.joined(separator: "\n").dropLast(7)), "no final newline"),
            ("no final newline", String(p1.joined(separator: "\n").dropLast()), "no final newline"),
            ("a missing row", (p1[0..<3] + p1[4...]).joined(separator: "\n"), "arm"),
            ("a duplicated row", (p1[0..<4] + [p1[3]] + p1[4...]).joined(separator: "\n"), "sweep.part-1-of-3.csv:5"),
            ("a duplicated run", (p1[0..<p1.count - 1] + p1[(p1.count - 3)..<(p1.count - 1)] + [""]).joined(separator: "\n"), "duplicated"),
            ("arms swapped", (p1[0..<2] + [p1[3], p1[2]] + p1[4...]).joined(separator: "\n"), "arm"),
            ("an extra cell", (p1[0..<2] + [p1[2] + ",x"] + p1[3...]).joined(separator: "\n"), "cells where the column line has"),
            ("a missing cell", (p1[0..<2] + [String(p1[2][..<p1[2].lastIndex(of: ",")!])] + p1[3...]).joined(separator: "\n"), "cells where the column line has"),
            ("an unbalanced quote", (p1[0..<2] + [p1[2].replacingOccurrences(of: ",ors,", with: ",\"ors,").replacingOccurrences(of: ",untreated,", with: ",\"untreated,")] + p1[3...]).joined(separator: "\n"), "quote"),
            ("a 2 MB line", (p1[0..<2] + [String(repeating: "9", count: 2 << 20)] + p1[2...]).joined(separator: "\n"), "sweep.part-1-of-3.csv:3: a line longer than"),
        ]
        let path = dir + "/sweep.part-1-of-3.csv"
        for (what, text, needle) in corruptions {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let cap = Captured()
            #expect(timed { SweepCommands.merge(dir: dir, console: cap.console) } == .ioFailure, "\(what) was accepted")
            #expect(cap.err.contains("sweep.part-1-of-3.csv:") && cap.err.contains(needle), "\(what): \(cap.err)")
            #expect(cap.err.filter { $0 == "\n" }.count == 1, "\(what): more than one line: \(cap.err)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/sweep.csv"), "\(what) wrote sweep.csv")
        }
        try Data(parts[1]).write(to: URL(fileURLWithPath: path))
        #expect(SweepCommands.merge(dir: dir, console: Captured().console) == .success)
        #expect(Array(FileManager.default.contents(atPath: dir + "/sweep.csv")!) == single)
    }

    @Test func aPartThatIsAFifoIsRefusedWithoutBlocking() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/sweep.part-0-of-1.csv", 0o644) == 0)
        let cap = Captured()
        #expect(timed(5) { SweepCommands.merge(dir: dir, console: cap.console) } == .ioFailure)
        #expect(cap.err.contains("is a pipe"), "\(cap.err)")
    }

    @Test func jobsAreCapped() {
        #expect(SweepRunOptions(threads: 100_000).threads == SweepCommandOptions.maxThreads)
        #expect(SweepRunOptions(threads: 100_000).window <= 1 << 20)
    }

    /// Two sweeps into one directory cannot interleave: the second is refused while the first holds the lock.
    @Test func aSecondWriterIntoOneDirectoryIsRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var held: OutputLock? = try OutputLock(directory: dir)
        // flock locks belong to the open file description: a second open in this process conflicts too.
        #expect(throws: OutputLock.Busy.self) { _ = try OutputLock(directory: dir) }
        #expect(held != nil)
        held = nil  // released: the next writer gets it
        _ = try OutputLock(directory: dir)
    }
}
