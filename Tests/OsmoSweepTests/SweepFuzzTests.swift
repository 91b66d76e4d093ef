import Foundation
import OsmoScenario
import Testing
@testable import OsmoSweep

/// Seeded mutation fuzzing (issue #15) of the sweep-file reader, the part-file merge and the sweep
/// table readers. The properties: never a trap or a hang; a refusal is one line naming the file; an
/// accepted merge is a well-formed table (every row ends in a newline, has the column line's number
/// of cells, runs × arms rows). The seeds are fixed, so a failure reproduces; the number of
/// executions is printed (`FUZZ …`) and recorded in the report of issue #15.
@Suite(.serialized) struct SweepFuzzTests {
    /// `OSMO_FUZZ_SCALE=N swift test --filter SweepFuzzTests` runs N times the executions (N × the seeds' runs).
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["OSMO_FUZZ_SCALE"] ?? "") ?? 1)
    static let tokens: [String] = [":", "-", " ", "\n", "[", "]", "{", "}", ",", "&a ", "*a", "&b [*a, *a, *a]", "!!str ", "\"", "'",
                                   "#", "\t", "0", "-1", "1e308", "nan", "~", "99999999999999999999", "levels: 100000", "\r\n",
                                   "\u{1B}[2J", "\u{2028}", "\u{85}", "\u{0}", "<<: *a", "method: sobol", "saltelli: true", "💧"]

    static func mutateText(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        let i = Int(rng.next() % UInt64(lines.count))
        switch rng.next() % 6 {
        case 0:
            var s = Array(lines[i].unicodeScalars)
            if !s.isEmpty { s.removeSubrange(Int(rng.next() % UInt64(s.count))..<s.count) }
            lines[i] = String(String.UnicodeScalarView(s))
        case 1:
            var s = Array(lines[i].unicodeScalars)
            let t = tokens[Int(rng.next() % UInt64(tokens.count))]
            s.insert(contentsOf: t.unicodeScalars, at: s.isEmpty ? 0 : Int(rng.next() % UInt64(s.count)))
            lines[i] = String(String.UnicodeScalarView(s))
        case 2: lines.insert(lines[i], at: i)
        case 3: lines.remove(at: i)
        case 4:
            if let r = lines[i].range(of: #"-?[0-9]+(\.[0-9]+)?"#, options: .regularExpression) {
                lines[i].replaceSubrange(r, with: ["0", "-5", "1e308", "99999999999999999999", "100000", "nan", "2147483648"][Int(rng.next() % 7)])
            }
        default: lines.swapAt(i, Int(rng.next() % UInt64(lines.count)))
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: ["demo-grid", "norovirus-sobol"]) func sweepFileMutationsNeverTrap(_ name: String) throws {
        let file = repoRoot + "/Scenarios/sweeps/\(name).yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var rng = SplitMix64(seed: UInt64(name.utf8.count) &* 0x9E37_79B9)
        let executions = 400 * Self.scale
        var accepted = 0
        for k in 0..<executions {
            var t = text
            for _ in 0...(rng.next() % 3) { t = Self.mutateText(t, &rng) }
            switch SweepValidator.validate(text: t, file: file) {
            case .success(let s):
                accepted += 1
                #expect(s.runCount >= 1 && s.runCount <= SweepValidator.maxRuns, "#\(k)")
                let header = SweepTable.header(s)
                #expect(header.filter { $0 == "\n" }.count == 2, "#\(k): \(header.debugDescription)")
            case .failure(let issues):
                #expect(!issues.issues.isEmpty, "#\(k)")
                for i in issues.issues {
                    let d = i.description
                    #expect(d.hasPrefix(i.file + ":") && !d.unicodeScalars.contains(where: TerminalText.isControl), "#\(k): \(d.debugDescription)")
                }
            }
        }
        print("FUZZ sweep-file \(name): \(executions) executions, \(accepted) accepted")
    }

    /// Byte- and line-level mutations of one part of a real 3-shard run.
    @Test func mergeMutationsNeverTrapOrWriteACorruptTable() throws {
        let sweep = shortDemoGrid(hours: 1)
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var parts: [[UInt8]] = []
        for k in 0..<3 { parts.append(try runSweep(sweep, dir: dir, threads: 1, shard: Shard(index: k, count: 3)!)) }
        let columns = SweepTable.columnLine(sweep)
        let width = columns.split(separator: ",", omittingEmptySubsequences: false).count
        let rowsExpected = sweep.runCount * sweep.arms.count
        var rng = SplitMix64(seed: 2026)
        let executions = 1500 * Self.scale
        var merged = 0, refused = 0
        let noise: [UInt8] = [10, 13, 0, 34, 44, 48, 57, 45, 46, 101, 32, 0x1B, 0xE2]
        for k in 0..<executions {
            let which = Int(rng.next() % 3)
            var b = parts[which]
            for _ in 0...(rng.next() % 2) {
                let at = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
                switch rng.next() % 7 {
                case 0: b.removeSubrange(at..<min(b.count, at + Int(rng.next() % 40) + 1))
                case 1: b.insert(noise[Int(rng.next() % UInt64(noise.count))], at: at)
                case 2: if !b.isEmpty { b[at] = noise[Int(rng.next() % UInt64(noise.count))] }
                case 3: b = Array(b.prefix(at))  // truncated
                case 4:  // a line duplicated
                    let lines = b.split(separator: 10, omittingEmptySubsequences: false)
                    let i = Int(rng.next() % UInt64(lines.count))
                    var l = Array(lines)
                    l.insert(lines[i], at: i)
                    b = Array(l.joined(separator: [10]))
                case 5:  // a line removed
                    var l = Array(b.split(separator: 10, omittingEmptySubsequences: false))
                    l.remove(at: Int(rng.next() % UInt64(l.count)))
                    b = Array(l.joined(separator: [10]))
                default:  // two lines swapped
                    var l = Array(b.split(separator: 10, omittingEmptySubsequences: false))
                    l.swapAt(Int(rng.next() % UInt64(l.count)), Int(rng.next() % UInt64(l.count)))
                    b = Array(l.joined(separator: [10]))
                }
            }
            let path = dir + "/sweep.part-\(which)-of-3.csv"
            try Data(b).write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: dir + "/sweep.csv")
            do {
                try SweepMerge.merge(dir: dir)
                merged += 1
                let out = Array(FileManager.default.contents(atPath: dir + "/sweep.csv")!)
                #expect(out.last == 10, "#\(k): no final newline")
                let lines = out.split(separator: 10, omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == 2 + rowsExpected, "#\(k): \(lines.count) lines")
                for line in lines.dropFirst() {
                    #expect(CSVRow.cellCount(Array(line)) == width, "#\(k): \(String(decoding: line, as: UTF8.self))")
                }
            } catch {
                refused += 1
                let text = "\(error)"
                #expect(!text.contains("\n") && text.contains(dir), "#\(k): \(text)")
                #expect(!FileManager.default.fileExists(atPath: dir + "/sweep.csv"), "#\(k): refused but wrote sweep.csv")
            }
            try Data(parts[which]).write(to: URL(fileURLWithPath: path))
        }
        print("FUZZ merge: \(executions) executions, \(merged) merged (mutations inside cells), \(refused) refused")
        #expect(refused > executions / 2)
    }

    @Test func headerLineMutationsNeverTrap() {
        let base = "# osmo-sweep v1 fingerprint=0123456789abcdef runs=14336 design=saltelli base=2048 parameters=5 part=3/8 name=n"
        var rng = SplitMix64(seed: 7)
        let executions = 5000 * Self.scale
        var parsed = 0
        for _ in 0..<executions {
            var s = Array(base.unicodeScalars)
            for _ in 0...(rng.next() % 3) {
                let at = Int(rng.next() % UInt64(s.count))
                let t = Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))] + ["9", "=", " ", "-", "99999999999999999999"][Int(rng.next() % 5)]
                if rng.next() % 2 == 0 { s.insert(contentsOf: t.unicodeScalars, at: at) } else { s.remove(at: at) }
            }
            if let h = SweepHeader(line: String(String.UnicodeScalarView(s))) {
                parsed += 1
                #expect(h.runs >= 1 && h.runs <= SweepValidator.maxRuns && h.parameterCount >= 0)
                _ = h.part.map { $0.ownedCount(of: h.runs) }
            }
        }
        print("FUZZ sweep header: \(executions) executions, \(parsed) parsed")
    }
}
