import Testing
import OsmoInflammation

/// Gastroenteritis-like pathogen-load course L(t) = s (t/τ)^4 exp(4 (1 − t/τ)), τ = 32 h (6b).
@Suite struct GastroenteritisTests {
    static let tau = 32.0
    let model = InflammationModel()

    func run(severity: Double, potency: Double) -> Trajectory {
        integrate(model, y0: baselineState(model), tEnd: 168, dtOut: 0.05, potency: potency,
                  load: { illnessLoad(t: $0, peakTimeH: Self.tau, shape: 4, severity: severity) })
    }

    /// Last output time with value > 2 × baseline.
    func lastAboveTwice(_ xs: [Double], _ ts: [Double], baseline: Double) -> Double {
        var last = 0.0
        for i in xs.indices where xs[i] > 2 * baseline { last = ts[i] }
        return last
    }

    @Test func norovirusSeverity1() {
        let traj = run(severity: 1, potency: PathogenPotency.norovirus)
        let p = model.parameters
        let series: [(String, [Double], Double)] = [
            ("TNF", traj.series(model.tnf), p.tnfBaselinePgPerML),
            ("IL-1b", traj.series(model.il1b), p.il1bBaselinePgPerML),
            ("IL-6", traj.series(model.il6), p.il6BaselinePgPerML),
            ("IL-10", traj.series(model.il10), p.il10BaselinePgPerML),
        ]
        var returns: [String: Double] = [:]
        for (name, xs, base) in series {
            let pk = peak(xs, traj.times)
            returns[name] = lastAboveTwice(xs, traj.times, baseline: base)
            print("GASTRO s=1 \(name) peak \(pk.value) pg/mL at \(pk.time) h; last > 2x baseline at \(returns[name]!) h")
            #expect(pk.time >= 24 && pk.time <= 48, "\(name) peaks at \(pk.time) h")
        }
        // IL-10 stays raised longest (Newman: only IL-10 raised to day 4).
        for name in ["TNF", "IL-1b", "IL-6"] { #expect(returns["IL-10"]! > returns[name]!) }

        let temp = peak(traj.series(model.temperature), traj.times)
        print("GASTRO s=1 temperature peak \(temp.value) °C at \(temp.time) h")
        #expect(temp.value < 38.9)
        #expect(temp.value > 37.5)  // some fever

        // Myalgia follows the cytokine course: peaks within a few hours of the TNF peak.
        let my = peak(traj.series(model.myalgiaScore), traj.times)
        let tnf = peak(series[0].1, traj.times)
        print("GASTRO s=1 myalgia peak \(my.value)/10 at \(my.time) h")
        #expect(abs(my.time - tnf.time) <= 4)
        #expect(my.value > 0.5)
        let mySeries = traj.series(model.myalgiaScore)
        #expect(mySeries[traj.index(at: 120)] < 0.1 * my.value)
    }

    @Test func severityPushesFeverAbove38_9() {
        var peaks: [Double] = []
        for s in [1.0, 2.0, 3.0] {
            let traj = run(severity: s, potency: PathogenPotency.norovirus)
            let temp = peak(traj.series(model.temperature), traj.times)
            peaks.append(temp.value)
            let tnf = peak(traj.series(model.tnf), traj.times)
            print("GASTRO s=\(s) temperature peak \(temp.value) °C at \(temp.time) h; TNF peak at \(tnf.time) h")
            #expect(tnf.time >= 24 && tnf.time <= 48)
        }
        #expect(peaks[0] < 38.9)
        #expect(peaks[2] > 38.9)
        #expect(peaks[0] < peaks[1] && peaks[1] < peaks[2])
    }

    @Test func potencyOrdersFever() {
        var peaks: [Double] = []
        for potency in [PathogenPotency.cholera, PathogenPotency.etec, PathogenPotency.norovirus,
                        PathogenPotency.rotavirus] {
            let traj = run(severity: 1, potency: potency)
            peaks.append(peak(traj.series(model.temperature), traj.times).value)
        }
        print("GASTRO potency cholera/ETEC/noro/rota temperature peaks \(peaks)")
        for i in 1..<peaks.count { #expect(peaks[i - 1] < peaks[i]) }
        #expect(peaks[0] < 37.5)  // cholera: essentially afebrile
    }

    @Test func moduleIllnessCourseAgrees() {
        let r = simulateIllnessCourse(severity: 1, peakTimeH: Self.tau)
        let traj = run(severity: 1, potency: 1)
        let tnf = peak(traj.series(model.tnf), traj.times)
        #expect(abs(r.tnf.peak / tnf.value - 1) < 1e-3)
        #expect(r.il10.lastAboveTwiceBaselineH > r.tnf.lastAboveTwiceBaselineH)
        print("GASTRO module result s=1: \(r)")
    }
}
