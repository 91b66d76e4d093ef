import Foundation
import Testing
@testable import OsmoPlot

@Suite struct NiceTicksTests {
    @Test(arguments: [
        (0.0, 10.0, 5, 2.0), (0.0, 1.0, 5, 0.2), (0.0, 72.0, 6, 20.0), (134.5, 146.2, 6, 2.0),
        (0.0, 0.0007, 5, 0.0002), (-3.0, 12.0, 6, 2.5), (0.0, 1e6, 4, 250_000),
    ])
    func stepIsOneTwoOrFiveTimesAPowerOfTen(lo: Double, hi: Double, maxTicks: Int, expected: Double) {
        let s = NiceTicks.step(span: hi - lo, maxTicks: maxTicks)
        #expect(abs(s - expected) <= expected * 1e-12, "step for \(lo)…\(hi) = \(s)")
    }

    @Test func axisCoversTheDataWithWholeSteps() {
        for (lo, hi) in [(0.0, 4.6), (-0.03, 4.6), (3.27, 3.63), (138.87, 142.6), (0.69, 0.85), (36.5, 39.5), (0, 1e-9), (5, 5)] {
            let a = NiceTicks.axis(lo: lo, hi: hi, maxTicks: 6)
            #expect(a.lo <= lo && a.hi >= hi, "\(lo)…\(hi) → \(a)")
            #expect(a.ticks.count >= 2 && a.ticks.count <= 7, "\(lo)…\(hi) → \(a.ticks)")
            for (x, y) in zip(a.ticks, a.ticks.dropFirst()) { #expect(abs(y - x - a.step) < a.step * 1e-9) }
        }
    }

    @Test func hoursUseClockSteps() {
        #expect(NiceTicks.axis(lo: 0, hi: 72, maxTicks: 6, candidates: hourTickSteps).ticks == [0, 12, 24, 36, 48, 60, 72])
        #expect(NiceTicks.axis(lo: 0, hi: 120, maxTicks: 6, candidates: hourTickSteps).step == 24)
        #expect(NiceTicks.axis(lo: 0, hi: 24, maxTicks: 8, candidates: hourTickSteps).step == 3)
    }

    @Test func labelsHaveTheStepsDecimals() {
        #expect(NiceTicks.label(0.30000000000000004, step: 0.1) == "0.3")
        #expect(NiceTicks.label(2.5, step: 2.5) == "2.5")
        #expect(NiceTicks.label(140, step: 2) == "140")
        #expect(NiceTicks.label(-0.0, step: 1) == "0")
        #expect(NiceTicks.label(0.7, step: 0.05) == "0.70")
        #expect(NiceTicks.axis(lo: 0.1, hi: 0.7, maxTicks: 6).ticks.map { NiceTicks.label($0, step: 0.1) } == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test func scaleMapsEndsAndReverses() {
        let s = LinearScale(domain: (0, 10), range: (300, 100))
        #expect(s(0) == 300 && s(10) == 100 && s(5) == 200)
        #expect(LinearScale(domain: (1, 1), range: (0, 10))(1) == 5)
    }

    @Test func thinningKeepsPeaksAndEnds() {
        let pts: [(Double, Double)] = (0..<10_000).map { i in
            let x = Double(i)
            return (x, i == 4321 ? 99.0 : sin(x / 100))
        }
        let thin = Panel.thinned(pts, max: 1000)
        #expect(thin.count <= 1001)
        #expect(thin.contains { $0.1 == 99 })
        #expect(thin.first!.0 == 0 && thin.last!.0 == 9999)
    }
}
