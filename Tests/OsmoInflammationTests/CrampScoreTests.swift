import Testing
import OsmoInflammation

@Suite struct CrampScoreTests {
    func score(k: Double = 4.2, mg: Double = 0.85, na: Double = 140, v: Double = 1) -> Double {
        crampScore(kPlasma: k, mgPlasma: mg, naPlasma: na, extracellularVolumeFraction: v)
    }

    @Test func zeroWhenNormal() {
        #expect(score() < 0.05)
        #expect(score(k: 3.6, mg: 0.75, na: 136, v: 0.97) < 0.05)  // low-normal
    }

    @Test func potassiumThresholds() {
        #expect(score(k: 3.4) > 0)
        #expect(score(k: 2.8) >= 3)
        #expect(score(k: 2.3) >= 6)
        var previous = score(k: 4.2)
        for k in stride(from: 4.2, through: 1.0, by: -0.05) {
            let s = score(k: k)
            #expect(s >= previous - 1e-12, "not monotone at K \(k)")
            previous = s
        }
        #expect(score(k: 3.0) > score(k: 3.5))
        #expect(score(k: 2.5) > score(k: 3.0))
    }

    @Test func magnesiumAndSodiumAndVolume() {
        #expect(score(mg: 0.65) > 0)
        #expect(score(mg: 0.5) > score(mg: 0.6))
        #expect(score(na: 132) > 0)
        #expect(score(na: 125) > score(na: 130))
        #expect(score(v: 0.85) > 0)
        #expect(score(v: 0.75) > score(v: 0.85))
        for mg in stride(from: 0.85, through: 0.2, by: -0.05) { #expect(score(mg: mg) >= score(mg: mg + 0.05) - 1e-12) }
        for na in stride(from: 140.0, through: 105, by: -1) { #expect(score(na: na) >= score(na: na + 1) - 1e-12) }
    }

    @Test func cappedAtTen() {
        #expect(score(k: 1.5, mg: 0.3, na: 115, v: 0.6) == 10)
        #expect(score(k: 0.5, mg: 0.1, na: 100, v: 0.3) == 10)
        #expect(score(k: .nan) >= 0)
    }
}
