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

    /// Appends `v` (finite) with `significantDigits` (1…15) significant digits, like `%.{p}g`.
    /// A non-finite value is written as nothing at all (callers guard against it first).
    public static func append(_ v: Double, significantDigits p: Int = 9, to out: inout [UInt8]) {
        guard v.isFinite else { return }
        let p = min(max(p, 1), 15)
        if v == 0 { out.append(48); return }
        if v < 0 { out.append(45) }
        let a = Swift.abs(v)
        var e = Int((a.exponent == Int.min ? -324 : Double(a.exponent) * 0.30102999566398120).rounded(.down))
        let upper = powers[p], lower = powers[p - 1]
        var m = scale(a, p - 1 - e).rounded()
        // The first estimate of the decimal exponent can be off by one either way.
        for _ in 0..<3 {
            if m >= upper { e += 1; m = scale(a, p - 1 - e).rounded() }
            else if m < lower { e -= 1; m = scale(a, p - 1 - e).rounded() }
            else { break }
        }
        if m >= upper { e += 1; m = (m / 10).rounded() }
        let mantissa = UInt64(min(max(m, 0), 1e15))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            var n = mantissa
            for i in stride(from: p - 1, through: 0, by: -1) {
                digits[i] = 48 + UInt8(n % 10)
                n /= 10
            }
            var last = p - 1  // last significant digit kept (trailing zeros removed)
            while last > 0 && digits[last] == 48 { last -= 1 }
            if e < -4 || e >= p {
                out.append(digits[0])
                if last > 0 {
                    out.append(46)
                    for i in 1...last { out.append(digits[i]) }
                }
                out.append(101)
                out.append(e < 0 ? 45 : 43)
                let ae = Swift.abs(e)
                if ae < 10 { out.append(48) }
                if ae >= 100 { out.append(48 + UInt8(ae / 100)) }
                if ae >= 10 { out.append(48 + UInt8((ae / 10) % 10)) }
                out.append(48 + UInt8(ae % 10))
            } else if e >= 0 {
                for i in 0...e { out.append(digits[i]) }
                if last > e {
                    out.append(46)
                    for i in (e + 1)...last { out.append(digits[i]) }
                }
            } else {
                out.append(48)
                out.append(46)
                for _ in 0..<(-e - 1) { out.append(48) }
                for i in 0...last { out.append(digits[i]) }
            }
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
