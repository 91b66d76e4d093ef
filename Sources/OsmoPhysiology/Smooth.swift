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
}
