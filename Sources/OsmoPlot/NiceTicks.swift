/// Axis ticks at "nice" values: multiples of 1, 2 or 5 × 10^k (or of caller-chosen steps, such as
/// 6, 12 and 24 h for time).
public enum NiceTicks {
    /// The smallest nice step (1, 2, 2.5 or 5 × 10^k) that covers `span` with at most `maxTicks` intervals.
    public static func step(span: Double, maxTicks: Int) -> Double {
        guard span.isFinite, span > 0, maxTicks > 0 else { return 1 }
        let raw = span / Double(maxTicks)
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw * (1 - 1e-12) {
            return m * magnitude
        }
        return 10 * magnitude
    }

    /// The smallest of `candidates` (ascending) covering `span` with at most `maxTicks` intervals;
    /// falls back to ``step(span:maxTicks:)`` when none does.
    public static func step(span: Double, maxTicks: Int, candidates: [Double]) -> Double {
        for c in candidates where span / c <= Double(maxTicks) * (1 + 1e-12) { return c }
        return step(span: span, maxTicks: maxTicks)
    }

    /// The domain `lo…hi` widened outward to whole steps, and the ticks in it. A zero-width domain
    /// is widened first (by 1, or 10 % of the value). At most `maxTicks` + 1 ticks.
    public static func axis(lo: Double, hi: Double, maxTicks: Int = 6, candidates: [Double]? = nil)
        -> (lo: Double, hi: Double, step: Double, ticks: [Double])
    {
        var (a, b) = (min(lo, hi), max(lo, hi))
        if !a.isFinite || !b.isFinite { (a, b) = (0, 1) }
        if b - a <= abs(b) * 1e-12 {
            let pad = a == 0 ? 1 : abs(a) * 0.1
            (a, b) = (a - pad, b + pad)
        }
        var s = candidates.map { step(span: b - a, maxTicks: maxTicks, candidates: $0) } ?? step(span: b - a, maxTicks: maxTicks)
        var first = (a / s + 1e-9).rounded(.down) * s, last = (b / s - 1e-9).rounded(.up) * s
        // Widening to whole steps can add an interval at each end: take the next step if too many.
        while (last - first) / s > Double(maxTicks) + 1e-9 {
            s = candidates.map { step(span: s * 1.0001 * Double(maxTicks), maxTicks: maxTicks, candidates: $0) }
                ?? step(span: s * 1.0001 * Double(maxTicks), maxTicks: maxTicks)
            first = (a / s + 1e-9).rounded(.down) * s
            last = (b / s - 1e-9).rounded(.up) * s
        }
        let count = Int(((last - first) / s).rounded())
        let ticks = (0...count).map { clean(first + Double($0) * s, step: s) }
        return (ticks.first!, ticks.last!, s, ticks)
    }

    /// Ticks at multiples of `step` inside `lo…hi` (for a domain fixed by the caller).
    public static func ticks(lo: Double, hi: Double, step: Double) -> [Double] {
        guard step > 0, lo.isFinite, hi.isFinite, hi >= lo else { return [] }
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return (0...Int(last - first)).map { clean((first + Double($0)) * step, step: step) }
    }

    /// The tick label: as many decimals as the step needs, no exponent, `-0` shown as `0`.
    public static func label(_ v: Double, step: Double) -> String {
        var decimals = 0
        var s = step
        while decimals < 8 && abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) {
            s *= 10
            decimals += 1
        }
        return fixed(v, decimals: decimals)
    }

    /// `v` with exactly `decimals` decimals, locale-independent.
    public static func fixed(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        guard r < 1e15 else { return String(v) }
        let whole = Int64(r / scale), frac = Int64(r) - whole * Int64(scale)
        var s = (v < 0 && r != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return s
    }

    /// Removes floating-point dust (0.30000000000000004 → 0.3) relative to the step.
    static func clean(_ v: Double, step: Double) -> Double {
        let q = (v / step).rounded() * step
        return abs(q) < step * 1e-9 ? 0 : q
    }
}

/// Tick steps for axes in hours: quarter hours up to weeks.
public let hourTickSteps: [Double] = [0.25, 0.5, 1, 2, 3, 4, 6, 12, 24, 48, 72, 168, 336]

/// A linear map from a data interval to a pixel interval (the pixel interval may be reversed,
/// as for a y axis).
public struct LinearScale: Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }
    public func callAsFunction(_ v: Double) -> Double {
        let d = domain.1 - domain.0
        guard d != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (v - domain.0) / d * (range.1 - range.0)
    }
}
