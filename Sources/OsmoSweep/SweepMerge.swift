import Foundation
import OsmoScenario

/// Joins the part files of a sharded sweep (`sweep.part-K-of-N.csv`) into `sweep.csv`, byte for byte
/// what a single process writes. Refuses, naming the file, when a part is missing, incomplete, or
/// from a different sweep (another fingerprint or column layout).
public enum SweepMerge {
    /// The parts found in `dir`: (K, N, file name).
    public static func parts(in dir: String) throws -> [(index: Int, count: Int, file: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw SweepError.merge("cannot read the directory \(dir)")
        }
        var found: [(Int, Int, String)] = []
        for name in names where name.hasPrefix("sweep.part-") && name.hasSuffix(".csv") {
            let core = name.dropFirst("sweep.part-".count).dropLast(".csv".count)
            let pieces = core.components(separatedBy: "-of-")
            guard pieces.count == 2, let k = Int(pieces[0]), let n = Int(pieces[1]), n >= 1, k >= 0, k < n else { continue }
            found.append((k, n, name))
        }
        return found.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    /// Merges the parts in `dir` into `dir/sweep.csv`; returns its path and the number of parts.
    @discardableResult
    public static func merge(dir: String) throws -> (path: String, parts: Int, runs: Int) {
        let found = try parts(in: dir)
        guard let first = found.first else {
            throw SweepError.merge("no part files (sweep.part-K-of-N.csv) in \(dir)")
        }
        let counts = Set(found.map(\.count))
        guard counts.count == 1 else {
            throw SweepError.merge("\(dir) holds parts of different shardings (of \(counts.sorted().map(String.init).joined(separator: ", "))): remove the stale ones")
        }
        let n = first.count
        let present = Set(found.map(\.index))
        let missing = (0..<n).filter { !present.contains($0) }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map { "sweep.part-\($0)-of-\(n).csv" }.joined(separator: ", ")
            throw SweepError.merge("missing \(missing.count) of \(n) parts in \(dir): \(list)\(missing.count > 10 ? ", …" : "")")
        }
        var readers: [LineReader] = []
        var header: SweepHeader?
        var columns: [UInt8] = []
        for k in 0..<n {
            let path = dir + "/sweep.part-\(k)-of-\(n).csv"
            let reader = try LineReader(path: path)
            guard let c = reader.next(), let h = SweepHeader(line: String(decoding: c.dropLast(c.last == 10 ? 1 : 0), as: UTF8.self)) else {
                throw SweepError.merge("\(path):1: not an osmo sweep part (no `# osmo-sweep \(SweepTable.version)` header)")
            }
            guard h.part == Shard(index: k, count: n) else {
                throw SweepError.merge("\(path):1: the header says part \(h.part.map(\.description) ?? "none"), the file name says \(k)/\(n)")
            }
            guard let cols = reader.next() else { throw SweepError.merge("\(path):2: no column line") }
            if let h0 = header {
                guard h.fingerprint == h0.fingerprint, h.wholeSweepLine == h0.wholeSweepLine, cols == columns else {
                    throw SweepError.merge("\(path) is from a different sweep (fingerprint \(h.fingerprint), part 0 has \(h0.fingerprint))")
                }
            } else {
                header = h
                columns = cols
            }
            readers.append(reader)
        }
        let h = header!
        let width = CSVRow.cellCount(columns)
        guard columns.last == 10, let width, width >= 3 else {
            throw SweepError.merge("\(readers[0].path):2: the column line is not a CSV line ending in a newline")
        }
        // The arms of a run, in order, as part 0 gives them for run 0; every run must repeat them.
        var arms: [[UInt8]] = []
        var run0: [[UInt8]] = []
        while let line = readers[0].peek(), leadingRunIndex(line) == 0 {
            try CSVRow.check(line, reader: readers[0], lineNumber: readers[0].lineNumber + 1, cells: width)
            let arm = CSVRow.cell(1, of: line)
            if arms.contains(arm) {
                throw SweepError.merge("\(readers[0].path):\(readers[0].lineNumber + 1): run 0 has arm `\(TerminalText.escaped(String(decoding: arm, as: UTF8.self)))` twice")
            }
            arms.append(arm)
            run0.append(line)
            _ = readers[0].next()
            if arms.count > ScenarioLimits.maxArms { break }
        }
        if arms.isEmpty {
            _ = readers[0].peek()
            try CSVRow.checkLength(reader: readers[0], lineNumber: readers[0].lineNumber + 1)
            let got = readers[0].peek().map { leadingRunIndex($0).map { "run \($0)" } ?? "an unreadable row" } ?? "the end of the file"
            throw SweepError.merge("\(readers[0].path):\(readers[0].lineNumber + 1): expected the rows of run 0, found \(got) (the part is incomplete or corrupt)")
        }
        let out = try StreamingFile(path: dir + "/sweep.csv")
        var buffer = Array((h.wholeSweepLine + "\n").utf8) + columns
        for line in run0 { buffer.append(contentsOf: line) }
        for run in 1..<Swift.max(h.runs, 1) {
            let reader = readers[run % n]
            for (a, arm) in arms.enumerated() {
                let lineNumber = reader.lineNumber + 1
                guard let line = reader.next() else {
                    throw SweepError.merge("\(reader.path):\(lineNumber): expected the row of run \(run), arm \(a + 1) of \(arms.count), found the end of the file (the part is incomplete)")
                }
                try CSVRow.checkLength(reader: reader, lineNumber: lineNumber)
                guard leadingRunIndex(line) == run else {
                    let got = leadingRunIndex(line).map { "run \($0)" } ?? "an unreadable row"
                    throw SweepError.merge("\(reader.path):\(lineNumber): expected the row of run \(run), arm \(a + 1) of \(arms.count), found \(got) (a missing, duplicated or reordered row)")
                }
                try CSVRow.check(line, reader: reader, lineNumber: lineNumber, cells: width)
                let got = CSVRow.cell(1, of: line)
                guard got == arm else {
                    throw SweepError.merge("\(reader.path):\(lineNumber): run \(run) has arm `\(TerminalText.escaped(String(decoding: got, as: UTF8.self)))` where `\(TerminalText.escaped(String(decoding: arm, as: UTF8.self)))` was expected (arms must follow the order of run 0)")
                }
                buffer.append(contentsOf: line)
            }
            if buffer.count >= 1 << 16 {
                try out.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        for reader in readers where reader.peek() != nil {
            let line = reader.peek()!
            let what = leadingRunIndex(line).map { $0 < h.runs ? "a second row set of run \($0) (duplicated rows)" : "rows beyond the sweep's \(h.runs) runs" } ?? "an unreadable row"
            throw SweepError.merge("\(reader.path):\(reader.lineNumber + 1): \(what)")
        }
        try out.write(buffer)
        try out.finish()
        return (dir + "/sweep.csv", n, h.runs)
    }
}

/// Checks on one CSV line of a sweep file (RFC 4180 quoting, as ``CSV/appendText(_:to:)`` writes).
enum CSVRow {
    /// The number of cells of `line` (its final newline excluded), or nil when a quote is unbalanced.
    static func cellCount(_ line: [UInt8]) -> Int? {
        var cells = 1
        var quoted = false
        let end = line.last == 10 ? line.count - 1 : line.count
        var i = 0
        while i < end {
            let b = line[i]
            if quoted {
                if b == 34 {
                    if i + 1 < end && line[i + 1] == 34 { i += 1 } else { quoted = false }
                }
            } else if b == 34 {
                quoted = true
            } else if b == 44 {
                cells += 1
            } else if b == 13 || b == 0 {
                return nil
            }
            i += 1
        }
        return quoted ? nil : cells
    }

    /// The raw bytes of cell `k` (quotes kept) of `line`.
    static func cell(_ k: Int, of line: [UInt8]) -> [UInt8] {
        var index = 0
        var quoted = false
        var out: [UInt8] = []
        let end = line.last == 10 ? line.count - 1 : line.count
        for b in line[0..<end] {
            if b == 34 { quoted.toggle() }
            if b == 44 && !quoted {
                index += 1
                if index > k { break }
                continue
            }
            if index == k { out.append(b) }
        }
        return out
    }

    /// Throws when the reader had to cut an overlong line (no sweep row is that long).
    static func checkLength(reader: LineReader, lineNumber: Int) throws {
        if reader.overlong {
            throw SweepError.merge("\(reader.path):\(lineNumber): a line longer than \(LineReader.maxLineBytes) bytes (not a sweep row)")
        }
    }

    /// Throws, naming the file and line, unless `line` ends in a newline and has `cells` cells.
    static func check(_ line: [UInt8], reader: LineReader, lineNumber: Int, cells: Int) throws {
        guard line.last == 10 else {
            if reader.overlong {
                throw SweepError.merge("\(reader.path):\(lineNumber): a line longer than \(LineReader.maxLineBytes) bytes (not a sweep row)")
            }
            throw SweepError.merge("\(reader.path):\(lineNumber): the last row has no final newline (the part is truncated or incomplete)")
        }
        guard let n = cellCount(line) else {
            throw SweepError.merge("\(reader.path):\(lineNumber): a row with an unbalanced quote or a stray control byte")
        }
        guard n == cells else {
            throw SweepError.merge("\(reader.path):\(lineNumber): a row of \(n) cells where the column line has \(cells) (the part is truncated or corrupt)")
        }
    }
}
