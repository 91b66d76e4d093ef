import Foundation
import Testing
@testable import OsmoScenario

@Suite struct NumberFormatTests {
    func c(_ v: Double, _ p: Int = 9) -> String {
        var buf = [CChar](repeating: 0, count: 64)
        _ = withVaList([v]) { vsnprintf(&buf, 64, "%.\(p)g", $0) }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func examples() {
        #expect(NumberFormat.format(0) == "0")
        #expect(NumberFormat.format(-0.0) == "0")
        #expect(NumberFormat.format(70) == "70")
        #expect(NumberFormat.format(1.0 / 60) == "0.0166666667")
        #expect(NumberFormat.format(42.123456789) == "42.1234568")
        #expect(NumberFormat.format(-3.5) == "-3.5")
        #expect(NumberFormat.format(1e-5) == "1e-05")
        #expect(NumberFormat.format(123456789012) == "1.23456789e+11")
        #expect(NumberFormat.format(999999999.6) == "1e+09")
        #expect(NumberFormat.format(0.0001) == "0.0001")
    }

    /// Matches C's `%.9g` (in the C locale) on a wide spread of values; where a halfway case rounds
    /// differently, the result still reads back within half a unit in the 9th digit.
    @Test func matchesPrintf() {
        var rng = SplitMix64(seed: 42)
        var mismatches = 0
        for i in 0..<20000 {
            let mant = Double(rng.next() >> 11) / Double(1 << 53)
            let exp = Int(rng.next() % 80) - 40
            var v = mant * pow(10, Double(exp))
            if i % 3 == 0 { v = (v * 1000).rounded() / 1000 }
            if i % 5 == 0 { v = -v }
            if v == 0 { continue }  // -0 is written "0" on purpose
            let ours = NumberFormat.format(v), theirs = c(v)
            if ours != theirs {
                mismatches += 1
                let back = Double(ours)!
                #expect(abs(back - v) <= 5.000001e-9 * abs(v), "\(v): \(ours) vs \(theirs)")
            }
        }
        #expect(mismatches < 5)
        for v in [Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, Double.leastNormalMagnitude / 1000, 1e300, 2.5, 1e22, 1e23] {
            #expect(Double(NumberFormat.format(v))! == Double(c(v))!, "\(v)")
        }
    }

    /// The two-digit writer gives the bytes the previous one-digit writer gave (same exponent and
    /// digits, only written faster): random values over the whole range, every power of ten and
    /// values with trailing zeros, at several precisions.
    @Test func sameBytesAsThePreviousWriter() {
        var values: [Double] = [140, 1e8, 1e9, 123456789, 12345678.9, 0.25, 0.001234, 1.5e-5, -2.5e100, 1e-100, 7, 10, 99, 100, 101,
                                Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, Double.leastNormalMagnitude]
        for e in -320...308 { values.append(pow(10, Double(e))); values.append(1.25 * pow(10, Double(e))) }
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20000 {
            let mant = Double(rng.next() >> 11) / Double(1 << 53)
            values.append((rng.next() % 2 == 0 ? 1 : -1) * mant * pow(10, Double(Int(rng.next() % 600) - 300)))
        }
        var a = [UInt8](repeating: 0, count: 32), b = [UInt8](repeating: 0, count: 32)
        for p in [1, 2, 5, 9, 15] {
            for v in values where v.isFinite {
                let na = a.withUnsafeMutableBufferPointer { NumberFormat.write(v, significantDigits: p, to: $0.baseAddress!) }
                let nb = b.withUnsafeMutableBufferPointer { PreviousNumberFormat.write(v, significantDigits: p, to: $0.baseAddress!) }
                #expect(a[..<na] == b[..<nb], "\(v) with \(p) digits")
            }
        }
    }

    @Test func nonFiniteWritesNothing() {
        var out: [UInt8] = []
        NumberFormat.append(.nan, to: &out)
        NumberFormat.append(.infinity, to: &out)
        #expect(out.isEmpty)
    }
}

/// Deterministic 64-bit generator (Steele, Lea & Flood 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The digit writer before the two-digit tables (kept to check the new one byte for byte).
enum PreviousNumberFormat {
    /// 1e0 … 1e308, correctly rounded.
    private static let powers: [Double] = (0...308).map { Double("1e\($0)")! }

    /// `a × 10^k` for any k with |k| ≤ 650 (two steps when 10^k alone would overflow).
    @inline(__always)
    private static func scale(_ a: Double, _ k: Int) -> Double {
        if k >= 0 {
            return k <= 308 ? a * powers[k] : a * powers[k - 300] * powers[300]
        } else {
            return -k <= 308 ? a / powers[-k] : a / powers[-k - 300] / powers[300]
        }
    }

    /// Most bytes ``write(_:significantDigits:to:)`` writes: sign, 15 digits, point, `e-324`.
    static let maxLength = 24

    /// Appends `v` (finite) with `significantDigits` (1…15) significant digits, like `%.{p}g`.
    /// A non-finite value is written as nothing at all (callers guard against it first).
    static func append(_ v: Double, significantDigits p: Int = 9, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buf in
            let n = write(v, significantDigits: p, to: buf.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(start: buf.baseAddress!, count: n))
        }
    }

    /// Writes `v` at `out` (room for ``maxLength`` bytes) and returns the number of bytes written
    /// (0 for a non-finite value).
    @inline(__always)
    static func write(_ v: Double, significantDigits p0: Int = 9, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard v.isFinite else { return 0 }
        let p = min(max(p0, 1), 15)
        if v == 0 { out[0] = 48; return 1 }
        let negative = v < 0
        let a = Swift.abs(v)
        // Binary exponent from the bits (subnormals: Double.exponent), then an estimate of the decimal one.
        let bits = Int((a.bitPattern >> 52) & 0x7FF)
        let e2 = bits == 0 ? Int(a.exponent) : bits - 1023
        var e = Int((Double(e2) * 0.30102999566398120).rounded(.down))
        let upper = powers[p], lower = powers[p - 1]
        var m = scale(a, p - 1 - e).rounded(.toNearestOrEven)
        // The first estimate of the decimal exponent can be off by one either way.
        for _ in 0..<3 {
            if m >= upper { e += 1; m = scale(a, p - 1 - e).rounded(.toNearestOrEven) }
            else if m < lower { e -= 1; m = scale(a, p - 1 - e).rounded(.toNearestOrEven) }
            else { break }
        }
        if m >= upper { e += 1; m = (m / 10).rounded(.toNearestOrEven) }
        // The p digits of m, most significant first, in a 16-byte scratch tuple.
        var digits: (UInt64, UInt64) = (0x3030_3030_3030_3030, 0x3030_3030_3030_3030)
        // Everything that writes lives inside this one non-escaping closure with its own counter:
        // a counter shared between the function and a nested helper used in the closure was boxed on
        // the heap and checked for exclusive access on every byte (most of the cost, per callgrind).
        return withUnsafeMutableBytes(of: &digits) { raw -> Int in
            let d = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var n = 0
            @inline(__always) func put(_ b: UInt8) { out[n] = b; n += 1 }
            if negative { put(45) }
            var k = UInt64(min(max(m, 0), 1e15))
            var i = p - 1
            while i >= 0 {
                d[i] = 48 + UInt8(truncatingIfNeeded: k % 10)
                k /= 10
                i -= 1
            }
            var last = p - 1  // last significant digit kept (trailing zeros removed)
            while last > 0 && d[last] == 48 { last -= 1 }
            if e < -4 || e >= p {
                put(d[0])
                if last > 0 {
                    put(46)
                    for j in 1...last { put(d[j]) }
                }
                put(101)
                put(e < 0 ? 45 : 43)
                let ae = Swift.abs(e)
                if ae < 10 { put(48) }
                if ae >= 100 { put(48 + UInt8(ae / 100)) }
                if ae >= 10 { put(48 + UInt8((ae / 10) % 10)) }
                put(48 + UInt8(ae % 10))
            } else if e >= 0 {
                for j in 0...e { put(d[j]) }
                if last > e {
                    put(46)
                    for j in (e + 1)...last { put(d[j]) }
                }
            } else {
                put(48)
                put(46)
                for _ in 0..<(-e - 1) { put(48) }
                for j in 0...last { put(d[j]) }
            }
            return n
        }
    }

}

