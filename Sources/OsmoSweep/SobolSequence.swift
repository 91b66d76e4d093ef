// The C boundary of OsmoSweep: the only file here that imports CGSL. Nothing above it sees a C type.
@preconcurrency import CGSL

/// Sobol's quasi-random sequence from GSL (`gsl_qrng_sobol`, Antonov–Saleev / Bratley–Fox
/// direction numbers), in up to ``maxDimension`` dimensions. The first point is (½, …, ½): GSL
/// skips the all-zero point. One GSL generator per instance, freed with it; not shared between threads.
public final class SobolSequence {
    /// GSL's limit: 40 dimensions.
    public static let maxDimension = 40

    public let dimension: Int
    /// How many points have been returned.
    public private(set) var index = 0
    private let q: UnsafeMutablePointer<gsl_qrng>
    private var buffer: [Double]

    /// `nil` when `dimension` is outside 1 … ``maxDimension`` or GSL cannot allocate.
    public init?(dimension: Int) {
        guard dimension >= 1, dimension <= Self.maxDimension,
              let q = gsl_qrng_alloc(gsl_qrng_sobol, UInt32(dimension)) else { return nil }
        self.dimension = dimension
        self.q = q
        buffer = [Double](repeating: 0, count: dimension)
    }

    deinit { gsl_qrng_free(q) }

    /// The next point, each coordinate in (0, 1).
    public func next() -> [Double] {
        let status = buffer.withUnsafeMutableBufferPointer { gsl_qrng_get(q, $0.baseAddress) }
        precondition(status == 0, "gsl_qrng_get failed with status \(status)")
        index += 1
        return buffer
    }

    /// Skips ahead so that the next point returned is point `k` (0-based); `k` ≥ ``index``.
    public func advance(to k: Int) {
        precondition(k >= index, "a Sobol sequence only moves forward")
        while index < k { _ = next() }
    }
}
