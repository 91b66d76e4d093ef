import Foundation
import OsmoPhysiology
import OsmoScenario

/// The outputs of one run, by column name: each arm's time series (`timeseries.csv` columns) and
/// summary (`summary.csv` cells). Built from a run directory or from results in memory, so that
/// figures and reports are the same either way.
public struct RunData: Sendable {
    public struct Arm: Sendable {
        public var name: String
        /// Column name (``Observable`` raw value) → one value per sample.
        public var columns: [String: [Double]]
        /// ``SummaryWriter/columns`` name → cell text (empty = never / none).
        public var summary: [String: String]

        public init(name: String, columns: [String: [Double]], summary: [String: String]) {
            self.name = name
            self.columns = columns
            self.summary = summary
        }

        /// A time series, or nil when the run has no such column.
        public func column(_ name: String) -> [Double]? { columns[name] }

        /// A summary cell as a number; nil when absent, empty or not a number.
        public func number(_ key: String) -> Double? {
            guard let s = summary[key], !s.isEmpty else { return nil }
            return Double(s)
        }
    }

    /// Usually the scenario's name.
    public var name: String
    /// In file order.
    public var arms: [Arm]

    public init(name: String, arms: [Arm]) {
        self.name = name
        self.arms = arms
    }

    /// From results in memory (``ScenarioRunner/run(_:threads:simulate:)``).
    public init(name: String, results: [ArmResult]) {
        self.name = name
        arms = results.map { r in
            var columns: [String: [Double]] = [:]
            for o in Observable.allCases { columns[o.rawValue] = r.trajectory.sampleCount == 0 ? [] : r.trajectory.column(o) }
            let summary = Dictionary(uniqueKeysWithValues: zip(SummaryWriter.columns, SummaryWriter.cells(r.summary)))
            return Arm(name: r.arm, columns: columns, summary: summary)
        }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Largest `timeseries.csv` read (checked with `fstat` before reading).
    public static let maxTimeseriesBytes = 4 << 30

    static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted { return n }
        return nil
    }

    /// From a run directory written by `osmo run`: `timeseries.csv` (required) and `summary.csv`
    /// (optional: without it the figures have no warning-sign markers).
    public static func load(directory: String) throws -> RunData {
        let tsPath = directory + "/timeseries.csv"
        let tsBytes: [UInt8]
        do { tsBytes = try InputFile.read(tsPath, maxBytes: maxTimeseriesBytes) } catch {
            throw LoadError(description: "cannot read \(error) (run `osmo run SCENARIO.yaml --out \(TerminalText.escaped(directory))` first)")
        }
        let sBytes = try? InputFile.read(directory + "/summary.csv", maxBytes: 16 << 20)
        let manifestChecked: Bool
        do { manifestChecked = try RunOutput.verify(directory: directory, timeseries: tsBytes, summary: sBytes) } catch {
            throw LoadError(description: "\(error)")
        }
        guard tsBytes.last == 10 else {
            throw LoadError(description: "\(tsPath): the file does not end with a newline (truncated?)")
        }
        let tsData = Data(tsBytes)
        let rows = CSVReader.parse(tsData)
        guard let header = rows.first, header.first == "arm", header.count > 1 else {
            throw LoadError(description: "\(tsPath): expected a header starting with `arm`")
        }
        if let dup = firstDuplicate(header) {
            throw LoadError(description: "\(tsPath):1: the column `\(TerminalText.escaped(dup))` appears twice")
        }
        var order: [String] = []
        var values: [String: [[Double]]] = [:]
        for (i, row) in rows.dropFirst().enumerated() where !(row.count == 1 && row[0].isEmpty) {
            guard row.count == header.count else {
                throw LoadError(description: "\(tsPath):\(i + 2): \(row.count) cells, expected \(header.count)")
            }
            let arm = row[0]
            if values[arm] == nil {
                order.append(arm)
                values[arm] = Array(repeating: [], count: header.count - 1)
            }
            for j in 1..<header.count { values[arm]![j - 1].append(Double(row[j]) ?? .nan) }
        }
        var summaries: [String: [String: String]] = [:]
        if let sBytes {
            let srows = CSVReader.parse(Data(sBytes))
            if let sh = srows.first, sh.first == "arm" {
                if let dup = firstDuplicate(sh) {
                    throw LoadError(description: "\(directory)/summary.csv:1: the column `\(TerminalText.escaped(dup))` appears twice")
                }
                for row in srows.dropFirst() where row.count == sh.count {
                    guard summaries[row[0]] == nil else {
                        throw LoadError(description: "\(directory)/summary.csv: arm `\(TerminalText.escaped(row[0]))` appears twice")
                    }
                    summaries[row[0]] = Dictionary(zip(sh, row), uniquingKeysWith: { a, _ in a })
                }
            }
            // Without a manifest (an older run, or one interrupted between its files), the two files
            // must at least describe the same arms with the same number of samples.
            if !manifestChecked {
                let counts = Dictionary(order.map { ($0, values[$0]!.first?.count ?? 0) }, uniquingKeysWith: { a, _ in a })
                let same = Set(summaries.keys) == Set(order) && summaries.allSatisfy { arm, row in
                    row["samples"].flatMap { Int($0) }.map { $0 == counts[arm] } ?? true
                }
                if !same {
                    throw LoadError(description: "\(TerminalText.escaped(directory)): timeseries.csv and summary.csv are not from the same run (their arms or sample counts differ); run again")
                }
            }
        }
        let arms = order.map { name in
            Arm(name: name, columns: Dictionary(zip(header.dropFirst(), values[name]!), uniquingKeysWith: { a, _ in a }),
                summary: summaries[name] ?? [:])
        }
        let stem = URL(fileURLWithPath: directory).standardized.lastPathComponent
        return RunData(name: stem, arms: arms)
    }
}

/// RFC 4180 CSV parsing (quoted cells, doubled quotes, CRLF or LF line ends).
public enum CSVReader {
    public static func parse(_ data: Data) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var quoted = false, wasQuoted = false
        let bytes = [UInt8](data)
        var i = 0
        func endCell() {
            row.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 34 {
                    if i + 1 < bytes.count && bytes[i + 1] == 34 { cell.append(34); i += 1 } else { quoted = false }
                } else {
                    cell.append(b)
                }
            } else {
                switch b {
                case 34 where cell.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
                case 44: endCell()
                case 10:
                    endCell()
                    rows.append(row)
                    row = []
                case 13: break
                default: cell.append(b)
                }
            }
            i += 1
        }
        if !cell.isEmpty || !row.isEmpty || wasQuoted {
            endCell()
            rows.append(row)
        }
        return rows
    }
}
