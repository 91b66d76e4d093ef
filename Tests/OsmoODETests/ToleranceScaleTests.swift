import Testing
@testable import OsmoODE

/// Per-component tolerance scales go through osmo's own GSL control, which must reproduce GSL's
/// standard control exactly when every scale is 1, and loosen only the scaled components otherwise.
@Suite struct ToleranceScaleTests {
    struct Exchange: ODESystem {
        var dimension: Int { 3 }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            dydt[0] = -2 * y[0] + 0.5 * y[1]
            dydt[1] = 2 * y[0] - 0.5 * y[1] - 0.1 * y[1] * y[2]
            dydt[2] = 0.1 * y[1] * y[2] - 0.3 * y[2] + 0.05 * sin(t)
        }
    }

    @Test(arguments: [Stepper.rkf45, .rk8pd, .msadams, .msbdf, .bsimp, .rk4imp])
    func unitScalesReproduceTheStandardControl(stepper: Stepper) throws {
        var plain = SolverOptions(stepper: stepper, absoluteTolerance: 1e-9, relativeTolerance: 1e-7)
        let times = (0...20).map { Double($0) }
        let a = try solve(Exchange(), from: 0, to: 20, initialState: [1, 0, 0.5], options: plain, saveAt: times)
        plain.toleranceScale = [1, 1, 1]
        let b = try solve(Exchange(), from: 0, to: 20, initialState: [1, 0, 0.5], options: plain, saveAt: times)
        #expect(a.status == .success && b.status == .success)
        #expect(a.values == b.values, "bitwise equal results")
        #expect(a.statistics == b.statistics)
    }

    @Test func loosenedComponentsTakeFewerSteps() throws {
        var o = SolverOptions(stepper: .msbdf, absoluteTolerance: 1e-10, relativeTolerance: 1e-9)
        let tight = try solve(Exchange(), from: 0, to: 50, initialState: [1, 0, 0.5], options: o)
        o.toleranceScale = [100, 100, 100]
        let loose = try solve(Exchange(), from: 0, to: 50, initialState: [1, 0, 0.5], options: o)
        #expect(loose.statistics.steps < tight.statistics.steps)
        // Still accurate to the looser tolerance.
        for i in 0..<3 { #expect(abs(loose.finalState![i] - tight.finalState![i]) < 1e-5) }
    }

    @Test func invalidScalesAreRejected() {
        var o = SolverOptions()
        o.toleranceScale = [1, 0, 1]
        #expect(throws: ODEError.self) { try solve(Exchange(), from: 0, to: 1, initialState: [1, 0, 0], options: o) }
        o.toleranceScale = [1, 1]
        #expect(throws: ODEError.self) { try solve(Exchange(), from: 0, to: 1, initialState: [1, 0, 0], options: o) }
    }
}
import Foundation
