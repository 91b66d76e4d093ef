import Testing
import OsmoInflammation

@Suite struct BaselineTests {
    @Test func stateLayoutIsConsistent() {
        #expect(InflammationModel.stateCount == InflammationModel.stateNames.count)
        #expect(Set(InflammationModel.stateNames).count == InflammationModel.stateCount)
    }

    @Test func baselineIsASteadyState() {
        let model = InflammationModel()
        var y = baselineState(model)
        var dy = [Double](repeating: 1, count: InflammationModel.stateCount)
        // No stimulus, with and without a pathogen potency (the load is 0).
        for potency in [0.0, 1.0, 3.0] {
            model.derivatives(t: 0, y: &y, dydt: &dy, pathogenLoad: 0, inflammatoryPotency: potency)
            for (i, d) in dy.enumerated() {
                #expect(abs(d) < 1e-9, "d\(InflammationModel.stateNames[i])/dt = \(d)")
            }
        }
        #expect(abs(model.temperature(&y) - 37.0) <= 0.05)
        #expect(model.myalgiaScore(&y) < 1e-9)
        // 48 h without stimulus stays put.
        let traj = integrate(model, y0: y, tEnd: 48, dtOut: 1)
        let last = traj.states.last!
        for i in 0..<InflammationModel.stateCount {
            #expect(abs(last[i] - y[i]) <= 1e-9 * max(1, abs(y[i])))
        }
    }

    @Test func baselineObservables() {
        let model = InflammationModel()
        var y = baselineState(model)
        let p = model.parameters
        #expect(abs(model.tnf(&y) - p.tnfBaselinePgPerML) < 1e-12)
        #expect(model.il1b(&y) == p.il1bBaselinePgPerML)
        #expect(model.il6(&y) == p.il6BaselinePgPerML)
        #expect(model.il10(&y) == p.il10BaselinePgPerML)
    }
}
