/// Locale-independent, allocation-free number formatting for the CSV files.
///
/// `append(v, significantDigits: p)` writes what C's `printf("%.{p}g", v)` writes (shortest of fixed
/// or exponent notation, trailing zeros removed), computed with integer digits so no C locale or
/// Foundation formatter is involved. With p = 9 a value of 70 kg is written to 1e-7 kg, and any
/// value to a relative 5e-9: enough for the water ledgers to close to 1e-6 L from the CSV alone.
public enum NumberFormat {
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
    @inline(__always)
    public static func write(_ v: Double, significantDigits p0: Int = 9, to out: UnsafeMutablePointer<UInt8>) -> Int {
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

    /// `v` as a string with `significantDigits` significant digits, like `%.{p}g`.
    public static func format(_ v: Double, significantDigits p: Int = 9) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(v, significantDigits: p, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
