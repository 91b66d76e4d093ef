import Testing
import OsmoInflammation

/// 2 ng/kg IV E. coli LPS bolus in a healthy 70 kg adult (PHYSIOLOGY.md 6a).
@Suite struct EndotoxinChallengeTests {
    let traj = endotoxinRun(2.0)
    let model = InflammationModel()

    @Test func tnfKinetics() {
        let tnf = traj.series(model.tnf), p = peak(tnf, traj.times)
        print("ENDO2 TNF peak \(p.value) pg/mL at \(p.time) h; 6 h fraction \(tnf[traj.index(at: 6)] / p.value)")
        #expect(p.time >= 1 && p.time <= 2)
        #expect(p.value >= 300 && p.value <= 1000)
        #expect(tnf[traj.index(at: 6)] < 0.2 * p.value)
    }

    @Test func il6Kinetics() {
        let il6 = traj.series(model.il6), p = peak(il6, traj.times)
        print("ENDO2 IL-6 peak \(p.value) pg/mL at \(p.time) h; 6 h fraction \(il6[traj.index(at: 6)] / p.value)")
        #expect(p.time >= 1.5 && p.time <= 3)
        #expect(p.value >= 500 && p.value <= 2000)
        #expect(il6[traj.index(at: 6)] < 0.2 * p.value)
    }

    @Test func il10AndIl1bKinetics() {
        let p10 = peak(traj.series(model.il10), traj.times)
        let p1 = peak(traj.series(model.il1b), traj.times)
        print("ENDO2 IL-10 peak \(p10.value) pg/mL at \(p10.time) h; IL-1b peak \(p1.value) at \(p1.time) h")
        #expect(p10.time >= 2 && p10.time <= 3)
        #expect(p10.value >= 50 && p10.value <= 300)
        #expect(p1.value > 2 * model.parameters.il1bBaselinePgPerML * 0.9)  // ~3-fold rise (Dorresteijn)
    }

    @Test func fever() {
        let temp = traj.series(model.temperature), p = peak(temp, traj.times)
        print("ENDO2 temperature peak \(p.value) °C (rise \(p.value - 37)) at \(p.time) h")
        #expect(p.value - 37 >= 1 && p.value - 37 <= 2)
        #expect(p.time >= 3 && p.time <= 5)
        // Back towards normal within a day.
        #expect(temp.last! < 37.3)
    }

    @Test func myalgia() {
        let my = traj.series(model.myalgiaScore), p = peak(my, traj.times)
        print("ENDO2 myalgia peak \(p.value)/10 at \(p.time) h; 8 h fraction \(my[traj.index(at: 8)] / p.value)")
        #expect(p.value >= 2 && p.value <= 10)
        #expect(p.time >= 1 && p.time <= 4)
        #expect(my[traj.index(at: 8)] < 0.2 * p.value)
    }

    @Test func crampScoreStaysLowWithNormalElectrolytes() {
        // The submodel does not move electrolytes; normal plasma values throughout the challenge.
        #expect(crampScore(kPlasma: 4.2, mgPlasma: 0.85, naPlasma: 140, extracellularVolumeFraction: 1) < 1)
    }

    @Test func moduleRK4AgreesWithTestIntegrator() {
        let r = simulateEndotoxinChallenge(ngPerKg: 2)
        let tnf = peak(traj.series(model.tnf), traj.times)
        let il6 = peak(traj.series(model.il6), traj.times)
        let temp = peak(traj.series(model.temperature), traj.times)
        let my = peak(traj.series(model.myalgiaScore), traj.times)
        #expect(abs(r.tnfPeak / tnf.value - 1) < 2e-3)
        #expect(abs(r.il6Peak / il6.value - 1) < 2e-3)
        #expect(abs(r.tempRise - (temp.value - 37)) < 2e-3)
        #expect(abs(r.myalgiaPeak - my.value) < 1e-2)
        #expect(abs(r.tnfPeakTimeH - tnf.time) <= 0.02)
        print("ENDO2 module result: \(r)")
    }
}

@Suite struct DoseResponseTests {
    @Test func monotoneInDose() {
        let model = InflammationModel()
        var tnfPeaks: [Double] = [], tempPeaks: [Double] = []
        for dose in [1.0, 2.0, 4.0] {
            let t = endotoxinRun(dose, tEnd: 12)
            tnfPeaks.append(peak(t.series(model.tnf), t.times).value)
            tempPeaks.append(peak(t.series(model.temperature), t.times).value)
        }
        print("DOSE 1/2/4 ng/kg: TNF peaks \(tnfPeaks), temperature peaks \(tempPeaks)")
        #expect(tnfPeaks[0] < tnfPeaks[1] && tnfPeaks[1] < tnfPeaks[2])
        #expect(tempPeaks[0] < tempPeaks[1] && tempPeaks[1] < tempPeaks[2])
    }

    @Test func bolusEventAddsLps() {
        let model = InflammationModel()
        var y = baselineState(model)
        y.withUnsafeMutableBufferPointer { model.addEndotoxinBolus(ngPerKg: 2, to: $0.baseAddress!) }
        y.withUnsafeMutableBufferPointer { model.addEndotoxinBolus(ngPerKg: 1, to: $0.baseAddress!) }
        #expect(y[InflammationModel.stateNames.firstIndex(of: "lps_ng_kg")!] == 3)
    }
}
