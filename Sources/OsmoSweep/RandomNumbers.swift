/// Deterministic random numbers for sampling plans and bootstraps: the same seed gives the same
/// numbers on every machine, thread count and shard (no system RNG anywhere in sweeps).

/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit mixing generator; also a good hash of a counter.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mix.
    @inline(__always)
    public static func mix(_ x0: UInt64) -> UInt64 {
        var z = x0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64 as its authors recommend.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Self.rotl(s.3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in 0..<n (Lemire's nearly divisionless method, unbiased).
    public mutating func nextIndex(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(truncatingIfNeeded: next(upperBound: UInt64(n)))
    }
}

/// A uniform double in [0, 1) from a 64-bit hash.
@inline(__always)
func unitInterval(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1p-53 }

/// A seeded pseudo-random permutation of 0..<n with random access in O(1) time and memory:
/// a four-round Feistel network on the smallest even number of bits covering n, with cycle
/// walking to stay inside 0..<n. The same (n, key) always gives the same permutation.
public struct RandomPermutation: Sendable {
    public let count: Int
    private let halfBits: UInt64
    private let halfMask: UInt64
    private let keys: (UInt64, UInt64, UInt64, UInt64)

    public init(count n: Int, key: UInt64) {
        precondition(n > 0)
        count = n
        var bits: UInt64 = 2
        while bits < 64 && (UInt64(1) << bits) < UInt64(n) { bits += 2 }
        halfBits = bits / 2
        halfMask = (UInt64(1) << halfBits) - 1
        var sm = SplitMix64(seed: key)
        keys = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    @inline(__always)
    private func encrypt(_ x: UInt64) -> UInt64 {
        var l = x >> halfBits, r = x & halfMask
        for k in [keys.0, keys.1, keys.2, keys.3] {
            let f = SplitMix64.mix(r ^ k) & halfMask
            (l, r) = (r, l ^ f)
        }
        return (l << halfBits) | r
    }

    /// The image of `i` (0 ≤ i < count).
    public subscript(i: Int) -> Int {
        var x = encrypt(UInt64(i))
        while x >= UInt64(count) { x = encrypt(x) }
        return Int(x)
    }
}
