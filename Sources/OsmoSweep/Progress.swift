import Foundation

/// Progress of a sweep on stderr: a bar redrawn in place (with rate and ETA) when stderr is a
/// terminal, plain lines every `interval` seconds otherwise (logs, Slurm output files).
public final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let isTerminal: Bool
    private let interval: Double
    private let write: @Sendable (String) -> Void
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64?

    public init(label: String, isTerminal: Bool = isatty(2) != 0, interval: Double = 10,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.isTerminal = isTerminal
        self.interval = interval
        self.write = write
    }

    /// Reports `done` of `total` runs; draws at most 10 times a second on a terminal.
    public func update(_ done: Int, _ total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        let finished = done == total
        let minGap = UInt64((isTerminal ? 0.1 : interval) * 1e9)
        guard finished || lastShown.map({ now - $0 >= minGap }) ?? true else { return }
        lastShown = now
        let elapsed = Double(now - start) / 1e9
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let pct = total > 0 ? 100 * Double(done) / Double(total) : 100
        let stats = "\(done)/\(total) runs \(String(format: "%5.1f", pct))%  \(String(format: "%.1f", rate)) runs/s  "
            + (finished ? "done in \(Self.duration(elapsed))" : "ETA \(Self.duration(eta))")
        if isTerminal {
            let width = 30
            let filled = total > 0 ? min(width, Int(Double(width) * Double(done) / Double(total))) : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r\(label) [\(bar)] \(stats)\u{1B}[K" + (finished ? "\n" : ""))
        } else {
            write("\(label): \(stats)\n")
        }
    }

    /// `1h02m`, `3m05s`, `12.3s`.
    static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "?" }
        if s < 60 { return String(format: "%.1fs", s) }
        let t = Int(s.rounded())
        if t < 3600 { return "\(t / 60)m\(String(format: "%02d", t % 60))s" }
        return "\(t / 3600)h\(String(format: "%02d", (t % 3600) / 60))m"
    }
}
