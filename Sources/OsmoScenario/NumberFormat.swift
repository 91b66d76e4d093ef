/// Locale-independent, allocation-free number formatting for the CSV files.
///
/// `append(v, significantDigits: p)` writes what C's `printf("%.{p}g", v)` writes (shortest of fixed
/// or exponent notation, trailing zeros removed), computed with integer digits so no C locale or
/// Foundation formatter is involved. With p = 9 a value of 70 kg is written to 1e-7 kg, and any
/// value to a relative 5e-9: enough for the water ledgers to close to 1e-6 L from the CSV alone.
public enum NumberFormat {
    /// 1e0 … 1e308, correctly rounded, at a fixed address (read without a lazy-initialisation check
    /// per number once a caller holds the pointer, see ``withPowers(_:)``).
    nonisolated(unsafe) private static let powersTable: UnsafeMutablePointer<Double> = {
        let t = UnsafeMutablePointer<Double>.allocate(capacity: 309)
        for k in 0...308 { t[k] = Double("1e\(k)")! }
        return t
    }()

    /// "00", "01", … "99": two digits at a time.
    nonisolated(unsafe) private static let digitPairsTable: UnsafeMutablePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 200)
        for k in 0..<100 {
            t[2 * k] = 48 + UInt8(k / 10)
            t[2 * k + 1] = 48 + UInt8(k % 10)
        }
        return t
    }()

    /// 10⁰ … 10¹⁵ as integers.
    nonisolated(unsafe) private static let integerPowersTable: UnsafeMutablePointer<UInt64> = {
        let t = UnsafeMutablePointer<UInt64>.allocate(capacity: 16)
        var x: UInt64 = 1
        for k in 0..<16 { t[k] = x; x &*= 10 }
        return t
    }()

    /// The tables ``write(_:significantDigits:to:tables:)`` reads.
    public struct Tables {
        @usableFromInline let powers: UnsafePointer<Double>
        @usableFromInline let pairs: UnsafePointer<UInt8>
        @usableFromInline let integerPowers: UnsafePointer<UInt64>
    }

    /// Runs `body` with the formatting tables: a loop writing many numbers fetches them once.
    @inline(__always)
    public static func withTables<R>(_ body: (Tables) throws -> R) rethrows -> R {
        try body(Tables(powers: UnsafePointer(powersTable), pairs: UnsafePointer(digitPairsTable),
                        integerPowers: UnsafePointer(integerPowersTable)))
    }

    /// Writes exactly `count` decimal digits of `x` (< 10^count, leading zeros kept), ending just
    /// before `end`, two at a time.
    @inline(__always)
    private static func digits(_ x: UInt64, _ count: Int, endingAt end: UnsafeMutablePointer<UInt8>,
                               _ pairs: UnsafePointer<UInt8>) {
        var k = x, q = end, left = count
        while left >= 2 {
            let r = Int(k % 100)
            k /= 100
            q -= 2
            q[0] = pairs[2 * r]
            q[1] = pairs[2 * r + 1]
            left -= 2
        }
        if left == 1 { q[-1] = 48 + UInt8(truncatingIfNeeded: k) }
    }

    /// Eight ASCII zeros, stored at once.
    @inline(__always)
    private static func zeros8(_ at: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(at).storeBytes(of: 0x3030_3030_3030_3030 as UInt64, as: UInt64.self)
    }

    /// `a × 10^k` for any k with |k| ≤ 650 (two steps when 10^k alone would overflow).
    @inline(__always)
    private static func scale(_ a: Double, _ k: Int, _ powers: UnsafePointer<Double>) -> Double {
        if k >= 0 {
            return k <= 308 ? a * powers[k] : a * powers[k - 300] * powers[300]
        } else {
            return -k <= 308 ? a / powers[-k] : a / powers[-k - 300] / powers[300]
        }
    }

    /// Most bytes ``write(_:significantDigits:to:)`` writes: sign, 15 digits, point, `e-324`.
    public static let maxLength = 24

    /// Appends `v` (finite) with `significantDigits` (1…15) significant digits, like `%.{p}g`.
    /// A non-finite value is written as nothing at all (callers guard against it first).
    public static func append(_ v: Double, significantDigits p: Int = 9, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buf in
            let n = write(v, significantDigits: p, to: buf.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(start: buf.baseAddress!, count: n))
        }
    }

    /// Writes `v` at `out` (room for ``maxLength`` bytes) and returns the number of bytes written
    /// (0 for a non-finite value).
    public static func write(_ v: Double, significantDigits p0: Int = 9, to out: UnsafeMutablePointer<UInt8>) -> Int {
        withTables { write(v, significantDigits: p0, to: out, tables: $0) }
    }

    /// `x` (≥ 0) rounded to an integer, ties to even, as `rint` does in the default rounding mode:
    /// below 2^52, adding and subtracting 2^52 leaves the rounded value; from 2^52 on every double is
    /// an integer. (No libm call.)
    @inline(__always)
    static func roundedEven(_ x: Double) -> Double {
        let big = 4_503_599_627_370_496.0  // 2^52
        return x < big ? (x + big) - big : x
    }

    /// ``write(_:significantDigits:to:)`` with the tables fetched by the caller (``withTables(_:)``).
    ///
    /// The decimal exponent `e` and the p-digit integer `m` (10^(p−1) ≤ m < 10^p) come from scaling by
    /// exact powers of ten (`e` first estimated as ⌊e₂·log₁₀2⌋ = ⌊78913·e₂ / 2¹⁸⌋, exact for
    /// |e₂| ≤ 1650); `m` loses its trailing zeros and is split at the point by one integer division,
    /// and each part's digits are written two at a time, right to left, straight into `out`.
    @inline(__always)
    public static func write(_ v: Double, significantDigits p0: Int = 9, to out: UnsafeMutablePointer<UInt8>,
                             tables: Tables) -> Int {
        guard v.isFinite else { return 0 }
        let p = min(max(p0, 1), 15)
        if v == 0 { out[0] = 48; return 1 }
        let powers = tables.powers
        let negative = v < 0
        let a = Swift.abs(v)
        // Binary exponent from the bits (subnormals: Double.exponent), then an estimate of the decimal one.
        let bits = Int((a.bitPattern >> 52) & 0x7FF)
        let e2 = bits == 0 ? Int(a.exponent) : bits - 1023
        var e = (e2 &* 78913) >> 18
        let upper = powers[p], lower = powers[p - 1]
        var m = roundedEven(scale(a, p - 1 - e, powers))
        // The first estimate of the decimal exponent can be off by one either way.
        for _ in 0..<3 {
            if m >= upper { e += 1; m = roundedEven(scale(a, p - 1 - e, powers)) }
            else if m < lower { e -= 1; m = roundedEven(scale(a, p - 1 - e, powers)) }
            else { break }
        }
        if m >= upper { e += 1; m = roundedEven(m / 10) }
        var k = UInt64(min(max(m, 0), 1e15))
        // Significant digits kept: p less the trailing zeros (at least one digit).
        var count = p
        while count > 1 && k % 10 == 0 { k /= 10; count -= 1 }
        let pairs = tables.pairs, tens = tables.integerPowers
        var o = out
        if negative { o[0] = 45; o += 1 }
        if e < -4 || e >= p {
            // d.ddde±XX: the first digit, the point, the rest.
            let rest = count - 1
            let head = k / tens[rest]
            o[0] = 48 + UInt8(truncatingIfNeeded: head)
            if rest > 0 {
                o[1] = 46
                digits(k - head * tens[rest], rest, endingAt: o + 2 + rest, pairs)
                o += 2 + rest
            } else {
                o += 1
            }
            o[0] = 101
            o[1] = e < 0 ? 45 : 43
            o += 2
            let ae = Swift.abs(e)
            if ae >= 100 {
                o[0] = 48 + UInt8(ae / 100)
                o += 1
            }
            let r = ae % 100
            o[0] = pairs[2 * r]
            o[1] = pairs[2 * r + 1]
            o += 2
        } else if e >= 0 {
            // e + 1 digits before the point (zeros where the kept digits run out), then the rest.
            let before = e + 1
            if count <= before {
                digits(k, count, endingAt: o + count, pairs)
                // At most 14 zeros: two 8-byte stores, within the number's maxLength bytes.
                zeros8(o + count)
                if before - count > 8 { zeros8(o + count + 8) }
                o += before
            } else {
                let rest = count - before
                let whole = k / tens[rest]
                digits(whole, before, endingAt: o + before, pairs)
                o[before] = 46
                digits(k - whole * tens[rest], rest, endingAt: o + count + 1, pairs)
                o += count + 1
            }
        } else {
            // 0.000ddd: "0." and −e − 1 zeros (at most 3), then the digits.
            zeros8(o)
            o[1] = 46
            let first = 1 - e
            digits(k, count, endingAt: o + first + count, pairs)
            o += first + count
        }
        return o - out
    }

    /// `v` as a string with `significantDigits` significant digits, like `%.{p}g`.
    public static func format(_ v: Double, significantDigits p: Int = 9) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(v, significantDigits: p, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
