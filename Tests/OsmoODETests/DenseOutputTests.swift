import Foundation
import Testing
import OsmoODE

/// A fast component held near a moving target (`z' = −λ (z − cos t)`, λ = 10³) beside a slow one (`x' = −2 x`):
/// once the implicit steps are long (λΔ ≫ 1), f(z) at a step end amplifies z's small error by λ and, the cubic Hermite interpolant of a step overshoots in z and the sample needs a
/// fallback. The fallback must not cost the slow component its accuracy.
struct FastAndSlow: ODESystem {
    var dimension: Int { 2 }
    var isAutonomous: Bool { false }
    var hasAnalyticJacobian: Bool { true }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -1000 * (y[0] - cos(t))
        dydt[1] = -2 * y[1]
    }

    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        dfdy[0] = -1000; dfdy[1] = 0; dfdy[2] = 0; dfdy[3] = -2
        dfdt[0] = -1000 * sin(t); dfdt[1] = 0
    }
}

@Suite struct DenseOutputTests {
    /// Samples every 10⁻³ over [0, 2] with the implicit steppers: the slow component should stay within 10⁻⁵
    /// (relative) of e^{−2t} at every sample, as accurate as the steps themselves, including the samples of the
    /// steps where the fast one's cubic overshoots; and the fast one stays beside its target.
    @Test(arguments: [Stepper.msbdf, .bsimp, .auto])
    func fallbackKeepsTheSlowComponentAccurate(stepper: Stepper) throws {
        let times = (0...2000).map { Double($0) / 1000 }
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-7)
        let sol = try solve(FastAndSlow(), from: 0, to: 2, initialState: [1, 1], options: options, saveAt: times)
        #expect(sol.status == .success)
        var worst = 0.0
        for (k, t) in sol.times.enumerated() {
            let x = sol.values[k * 2 + 1], z = sol.values[k * 2]
            worst = max(worst, abs(x - exp(-2 * t)) / exp(-2 * t))
            #expect(abs(z - cos(t)) < 2e-3, "t = \(t): fast component \(z) vs cos t \(cos(t))")
        }
        if stepper == .msbdf {
            // Issue #14 (dense output and steps): msbdf's long steps make the fast component's cubic overshoot and the
            // whole sample falls back to linear interpolation (kept for the ledgers: one formula for every component),
            // which costs the slow component 6e-4 here.
            withKnownIssue("issue #14: the linear fallback of dense output costs the slow components their accuracy") {
                #expect(worst < 1e-5, "worst relative error of the slow component \(worst)")
            }
        } else {
            #expect(worst < 1e-5, "worst relative error of the slow component \(worst)")
        }
    }
}
