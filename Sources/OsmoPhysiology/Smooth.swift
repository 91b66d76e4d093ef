import Foundation

/// Smooth stand-ins for `max(0, x)` and `min(a, b)`, so the right-hand side has no kinks for the
/// stepper to trip over (MODEL.md, "Smoothing"). `w` is the width of the rounded corner, in the
/// units of `x`; far from the corner they equal the sharp functions to within w²/(4|x|).
enum Smooth {
    /// Smooth positive part: ½(x + √(x² + w²)). Always > 0; → x for x ≫ w, → 0 for x ≪ −w.
    @inline(__always)
    static func positive(_ x: Double, width w: Double) -> Double { 0.5 * (x + (x * x + w * w).squareRoot()) }

    /// Smooth minimum: a − positive(a − b).
    @inline(__always)
    static func minimum(_ a: Double, _ b: Double, width w: Double) -> Double { a - positive(a - b, width: w) }

    /// Smooth maximum: b + positive(a − b).
    @inline(__always)
    static func maximum(_ a: Double, _ b: Double, width w: Double) -> Double { b + positive(a - b, width: w) }

    /// A ramp that is exactly 0 for x ≤ 0, x²/(2w) for 0 < x < w and x − w/2 beyond: continuous with a
    /// continuous slope, and exactly zero below the corner (so a threshold adds nothing at rest).
    @inline(__always)
    static func ramp(_ x: Double, width w: Double) -> Double { x <= 0 ? 0 : (x < w ? x * x / (2 * w) : x - 0.5 * w) }

    /// A smooth minimum of two non-negative amounts that is exactly 0 when either is 0:
    /// ab/(a⁴ + b⁴)^¼ (the −4 power mean), within 16 % of min(a, b) when they are equal and → min far from it.
    @inline(__always)
    static func softMinimum(_ a: Double, _ b: Double) -> Double {
        let x = Swift.max(a, 0), y = Swift.max(b, 0)
        let x2 = x * x, y2 = y * y
        let d = x2 * x2 + y2 * y2
        return d > 0 ? x * y / d.squareRoot().squareRoot() : 0
    }

    /// A smooth step from 0 (x ≪ 0) to 1 (x ≫ 0), 1/(1 + e^(−x/w)).
    @inline(__always)
    static func step(_ x: Double, width w: Double) -> Double { 1 / (1 + exp(-x / w)) }
}

/// `x^n` for the renal exponents, which are whole or half numbers by default (MODEL.md, kidney):
/// products and a square root instead of `pow` (about 150 instructions a call, five calls in every
/// evaluation of the right-hand side). Any other `n`, as set by an override, goes to `pow`.
@inline(__always)
func power(_ x: Double, _ n: Double) -> Double {
    switch n {
    case 1: return x
    case 2: return x * x
    case 3: return x * x * x
    case 4: let x2 = x * x; return x2 * x2
    case 1.5: return x * x.squareRoot()
    case -1.5: return 1 / (x * x.squareRoot())
    default: return pow(x, n)
    }
}
