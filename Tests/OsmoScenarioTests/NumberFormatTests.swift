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
