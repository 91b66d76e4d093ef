import Foundation

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
        let out = try StreamingFile(path: dir + "/sweep.csv")
        var buffer = Array((h.wholeSweepLine + "\n").utf8) + columns
        for run in 0..<h.runs {
            let reader = readers[run % n]
            var rows = 0
            while let line = reader.peek(), leadingRunIndex(line) == run {
                buffer.append(contentsOf: reader.next()!)
                rows += 1
            }
            if rows == 0 {
                let got = reader.peek().map { leadingRunIndex($0).map { "run \($0)" } ?? "an unreadable row" } ?? "the end of the file"
                throw SweepError.merge("\(reader.path):\(reader.lineNumber + 1): expected the rows of run \(run), found \(got) (the part is incomplete or corrupt)")
            }
            if buffer.count >= 1 << 16 {
                try out.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        for reader in readers where reader.peek() != nil {
            throw SweepError.merge("\(reader.path):\(reader.lineNumber + 1): rows beyond the sweep's \(h.runs) runs")
        }
        try out.write(buffer)
        try out.finish()
        return (dir + "/sweep.csv", n, h.runs)
    }
}
