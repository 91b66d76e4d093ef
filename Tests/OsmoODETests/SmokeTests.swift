import Testing
import OsmoODE

struct Robertson: ODESystem {
    var dimension: Int { 3 }
    var isAutonomous: Bool { true }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2]
        dydt[2] = 3e7 * y[1] * y[1]
        dydt[1] = -dydt[0] - dydt[2]
    }
}

@Test func robertsonSmoke() throws {
    for s in [Stepper.msbdf, .bsimp] {
        let sol = try solve(Robertson(), from: 0, to: 40, initialState: [1, 0, 0],
                            options: SolverOptions(stepper: s, absoluteTolerance: 1e-12, relativeTolerance: 1e-8))
        #expect(sol.status == .success)
        let y = Array(sol.finalState!)
        print(s, y, sol.statistics)
        #expect(abs(y[0] - 0.7158) < 1e-3)
    }
}
