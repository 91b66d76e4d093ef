import Foundation

/// First- and total-order Sobol indices of one parameter, with bootstrap confidence half-widths.
public struct SobolIndices: Sendable, Equatable {
    public var s1: Double
    public var s1Conf: Double
    public var st: Double
    public var stConf: Double
}

/// Sobol sensitivity indices from a Saltelli design, computed as SALib's `sobol.analyze` does
/// (`calc_second_order=False`), so the numbers can be checked against it:
///
/// - outputs are normalised, `Y ← (Y − mean Y) / std Y` over all runs (population std);
/// - A, B and AB_i are read in SALib's order (blocks of D + 2 runs: A, AB_1 … AB_D, B);
/// - first order (Saltelli et al. 2010): `S1_i = mean(B · (AB_i − A)) / var([A; B])`;
/// - total order (Jansen 1999): `ST_i = ½ · mean((A − AB_i)²) / var([A; B])`;
///   (`var` is the population variance; an index is 0 when `[A; B]` is constant);
/// - confidence: `z_{(1+level)/2}` × the sample std (ddof 1) of the estimator over `resamples`
///   bootstrap resamples of the N blocks with replacement, drawn from a seeded xoshiro256**
///   (SALib draws with NumPy, so its intervals agree in distribution, not digit for digit).
public enum SobolAnalysis {
    /// Indices for each of `parameters` parameters from `y` (length N × (parameters + 2), SALib order).
    /// Returns nil when `y` has the wrong length or N < 2.
    public static func analyze(_ y: [Double], parameters d: Int, resamples: Int = 1000, confidence: Double = 0.95,
                               seed: UInt64 = 0) -> [SobolIndices]? {
        let step = d + 2
        guard d >= 1, y.count % step == 0, y.count / step >= 2, resamples >= 2, confidence > 0, confidence < 1 else { return nil }
        let n = y.count / step
        let mean = y.reduce(0, +) / Double(y.count)
        let sd = (y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count)).squareRoot()
        let yn = sd > 0 ? y.map { ($0 - mean) / sd } : y.map { $0 - mean }
        let a = (0..<n).map { yn[$0 * step] }
        let b = (0..<n).map { yn[$0 * step + step - 1] }
        let ab = (0..<d).map { i in (0..<n).map { yn[$0 * step + 1 + i] } }
        let z = normalQuantile(0.5 + confidence / 2)

        var rng = Xoshiro256StarStar(seed: seed)
        let draws = (0..<resamples).map { _ in (0..<n).map { _ in rng.nextIndex(n) } }
        // SALib: the intervals are 0 when A and B are constant over every resample.
        var lo = Double.infinity, hi = -Double.infinity
        for r in draws { for j in r { lo = min(lo, a[j], b[j]); hi = max(hi, a[j], b[j]) } }
        let resampledVary = hi - lo != 0

        return (0..<d).map { i in
            let s1 = firstOrder(a, ab[i], b, indices: nil)
            let st = totalOrder(a, ab[i], b, indices: nil)
            var s1Conf = 0.0, stConf = 0.0
            if resampledVary {
                s1Conf = z * sampleStd(draws.map { firstOrder(a, ab[i], b, indices: $0) })
                stConf = z * sampleStd(draws.map { totalOrder(a, ab[i], b, indices: $0) })
            }
            return SobolIndices(s1: s1, s1Conf: s1Conf, st: st, stConf: stConf)
        }
    }

    /// Population variance of [A; B] (over `indices` when given), or nil when [A; B] is constant.
    static func variance(_ a: [Double], _ b: [Double], _ indices: [Int]?) -> Double? {
        let m = indices?.count ?? a.count
        var sum = 0.0, lo = Double.infinity, hi = -Double.infinity
        for k in 0..<m {
            let j = indices?[k] ?? k
            sum += a[j] + b[j]
            lo = min(lo, a[j], b[j]); hi = max(hi, a[j], b[j])
        }
        if hi - lo <= Double.ulpOfOne { return nil }
        let mean = sum / Double(2 * m)
        var ss = 0.0
        for k in 0..<m {
            let j = indices?[k] ?? k
            ss += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean)
        }
        let v = ss / Double(2 * m)
        return v > Double.ulpOfOne ? v : nil
    }

    /// `mean(B (AB − A)) / var([A; B])`.
    static func firstOrder(_ a: [Double], _ ab: [Double], _ b: [Double], indices: [Int]?) -> Double {
        guard let v = variance(a, b, indices) else { return 0 }
        let m = indices?.count ?? a.count
        var s = 0.0
        for k in 0..<m {
            let j = indices?[k] ?? k
            s += b[j] * (ab[j] - a[j])
        }
        return s / Double(m) / v
    }

    /// `½ mean((A − AB)²) / var([A; B])`.
    static func totalOrder(_ a: [Double], _ ab: [Double], _ b: [Double], indices: [Int]?) -> Double {
        guard let v = variance(a, b, indices) else { return 0 }
        let m = indices?.count ?? a.count
        var s = 0.0
        for k in 0..<m {
            let j = indices?[k] ?? k
            s += (a[j] - ab[j]) * (a[j] - ab[j])
        }
        return 0.5 * s / Double(m) / v
    }

    static func sampleStd(_ x: [Double]) -> Double {
        let m = x.reduce(0, +) / Double(x.count)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    /// The standard normal quantile Φ⁻¹(p), 0 < p < 1: Acklam's rational approximation (relative
    /// error 1.15e-9) refined by one Halley step on `erfc`, giving full double precision.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let e = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((e[0] * q + e[1]) * q + e[2]) * q + e[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Foundation.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((e[0] * q + e[1]) * q + e[2]) * q + e[3]) * q + 1)
        }
        let err = 0.5 * Foundation.erfc(-x / 2.0.squareRoot()) - p
        let u = err * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
