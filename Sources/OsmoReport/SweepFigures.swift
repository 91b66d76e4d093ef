import Foundation
import OsmoPlot
import OsmoScenario

/// Sweep figures from the CSVs of `osmo sweep` / `osmo sensitivity`, read by column name so that
/// small changes to those files do not break them. The drawing itself is ``SweepCharts`` (plain arrays).
public enum SweepFigures {
    /// Writes `sobol-<outcome>.svg` for each outcome of a `sensitivity*.csv` in `dir`, and
    /// `sweep-scatter.svg` for `dir/sweep.csv`. Returns the files written (none when neither exists).
    /// Largest `sweep.csv` or `sensitivity.csv` drawn (a figure of more points is unreadable anyway).
    public static let maxTableBytes = 512 << 20
    /// Most tornado charts written from one `sensitivity.csv`.
    public static let maxCharts = 500

    public static func writeIfPresent(in dir: String, to outDir: String) throws -> [String] {
        var written: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for file in files.sorted() where file.hasPrefix("sensitivity") && file.hasSuffix(".csv") {
            // Only regular files of bounded size are read (a FIFO named like the table would block).
            guard let bytes = try? InputFile.read(dir + "/" + file, maxBytes: maxTableBytes) else { continue }
            for (outcome, fig) in tornadoes(withoutComments(CSVReader.parse(Data(bytes)))).prefix(maxCharts) {
                let path = outDir + "/sobol-\(safeName(outcome)).svg"
                try AtomicFile.write(Array(fig.svg().render().utf8), to: path)
                written.append(path)
            }
        }
        if let bytes = try? InputFile.read(dir + "/sweep.csv", maxBytes: maxTableBytes),
           let fig = scatter(withoutComments(CSVReader.parse(Data(bytes)))) {
            let path = outDir + "/sweep-scatter.svg"
            try AtomicFile.write(Array(fig.svg().render().utf8), to: path)
            written.append(path)
        }
        return written
    }

    /// Rows without the `# …` comment lines (`sweep.csv` starts with one).
    static func withoutComments(_ rows: [[String]]) -> [[String]] {
        rows.filter { !($0.first?.hasPrefix("#") ?? false) }
    }

    /// Tornado charts from a table with a parameter column (`parameter` or `name`), first-order and
    /// total indices (`S1`/`first_order`, `ST`/`total`), optional intervals (`S1_lo`, `S1_hi` or
    /// `S1_conf` as ±), and optional `outcome` and `arm` columns (one chart per outcome and arm).
    /// This reads `osmo sensitivity`'s `sensitivity.csv`.
    public static func tornadoes(_ rows: [[String]]) -> [(String, Figure)] {
        guard let header = rows.first?.map({ $0.lowercased() }) else { return [] }
        func col(_ names: [String]) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let pCol = col(["parameter", "name", "param"]), let s1 = col(["s1", "first_order", "first"]),
              let st = col(["st", "total", "total_order"]) else { return [] }
        let oCol = col(["outcome", "output", "observable"]), aCol = col(["arm"])
        let s1lo = col(["s1_lo", "s1_low", "s1_ci_lo", "s1_lower"]), s1hi = col(["s1_hi", "s1_high", "s1_ci_hi", "s1_upper"])
        let stlo = col(["st_lo", "st_low", "st_ci_lo", "st_lower"]), sthi = col(["st_hi", "st_high", "st_ci_hi", "st_upper"])
        let s1conf = col(["s1_conf", "s1_ci"]), stconf = col(["st_conf", "st_ci"])
        var order: [String] = []
        var groups: [String: [[String]]] = [:]
        for r in rows.dropFirst() where r.count == header.count {
            var o = oCol.map { r[$0] } ?? "the outcome"
            if let a = aCol { o += " (\(r[a]))" }
            if groups[o] == nil { order.append(o) }
            groups[o, default: []].append(r)
        }
        return order.map { outcome in
            let g = groups[outcome]!
            func num(_ r: [String], _ c: Int?) -> Double { c.flatMap { Double(r[$0]) } ?? .nan }
            func ci(_ lo: Int?, _ hi: Int?, _ conf: Int?, _ v: Int) -> [(Double, Double)]? {
                if lo != nil && hi != nil { return g.map { (num($0, lo), num($0, hi)) } }
                if conf != nil { return g.map { (num($0, v) - num($0, conf), num($0, v) + num($0, conf)) } }
                return nil
            }
            let fig = SweepCharts.tornado(names: g.map { $0[pCol] }, firstOrder: g.map { num($0, s1) }, total: g.map { num($0, st) },
                                          firstOrderCI: ci(s1lo, s1hi, s1conf, s1), totalCI: ci(stlo, sthi, stconf, st), outcome: outcome)
            return (outcome, fig)
        }
    }

    /// Outcome-vs-parameter scatter plots from a sweep table (`osmo sweep`'s `sweep.csv`): the summary
    /// columns are outcomes (the first of `peak_weight_loss_pct`, `peak_cramp_score` present, else the
    /// first), the other numeric columns (except `run`) are parameters; an `arm` column colours the dots.
    /// Empty cells (runs that failed) are left out.
    public static func scatter(_ rows: [[String]]) -> Figure? {
        guard let header = rows.first else { return nil }
        let body = rows.dropFirst().filter { $0.count == header.count }
        guard !body.isEmpty else { return nil }
        let outcomes = Set(SummaryWriter.columns)
        let skip: Set<String> = ["run", "index", "id", "sample", "seed", "shard"]
        /// A column of numbers (NaN for empty cells), or nil when a non-empty cell is not a number.
        func numeric(_ j: Int) -> [Double]? {
            var out: [Double] = []
            for r in body {
                if r[j].isEmpty { out.append(.nan); continue }
                guard let v = Double(r[j]) else { return nil }
                out.append(v)
            }
            return out.contains(where: \.isFinite) ? out : nil
        }
        let outcomeName = ["peak_weight_loss_pct", "peak_cramp_score"].first(where: header.contains)
            ?? header.first { outcomes.contains($0) && $0 != "arm" && $0 != "status" }
        guard let outcomeName, let oj = header.firstIndex(of: outcomeName), let ov = numeric(oj) else { return nil }
        let params: [(name: String, values: [Double])] = header.enumerated().compactMap { j, name in
            guard !outcomes.contains(name), !skip.contains(name.lowercased()), let v = numeric(j) else { return nil }
            return (name, v)
        }
        guard !params.isEmpty else { return nil }
        var colors: [String]?
        var legend: [LegendItem] = []
        if let aj = header.firstIndex(of: "arm") {
            var arms: [String] = []
            for r in body where !arms.contains(r[aj]) { arms.append(r[aj]) }
            let palette = Dictionary(uniqueKeysWithValues: zip(arms, ArmColors.assign(arms)))
            colors = body.map { palette[$0[aj]]! }
            legend = arms.map { LegendItem($0, color: palette[$0]!, symbol: .dot) }
        }
        return SweepCharts.scatter(parameters: Array(params.prefix(12)), outcome: (outcomeName, ov), pointColors: colors, legend: legend)
    }

    /// A file-name-safe form: other characters become `-`, runs of `-` collapse, none at the ends.
    static func safeName(_ s: String) -> String {
        let mapped = String(s.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." ? $0 : "-" })
        return mapped.split(separator: "-").joined(separator: "-")
    }
}
