import Testing
import OsmoODE

/// Robertson's stiff kinetics against reference values (see ``Robertson``), for the implicit
/// steppers, with the analytic Jacobian and with osmo's finite-difference one.
///
/// Tolerances: rtol 1e-8, atol 1e-10. Bounds are on `max |y − y*| / (atol + rtol·|y*|)`,
/// about 1.5–2× what GSL 2.7.1 gives (measured values in the comments; the plain C GSL driver
/// gives bit-identical results, see Benchmarks/).
@Suite struct RobertsonTests {
    static let atol = 1e-10
    static let rtol = 1e-8

    static func options(_ s: Stepper) -> SolverOptions {
        SolverOptions(stepper: s, absoluteTolerance: atol, relativeTolerance: rtol)
    }

    static let stiff: [Stepper] = [.msbdf, .bsimp, .rk1imp, .rk2imp, .rk4imp]

    static func bound40(_ s: Stepper) -> Double {
        switch s {
        case .msbdf: return 30  // measured 18.4 (relative error 2.3e-7)
        case .bsimp: return 3  // 1.56 (2.1e-8)
        case .rk1imp: return 1_500  // 934 (1.2e-5): first order, ~36,000 steps
        case .rk2imp: return 8  // 4.1 (2.1e-6)
        case .rk4imp: return 5  // 2.4 (2.7e-5)
        default: return 0
        }
    }

    static func bound1e5(_ s: Stepper) -> Double {
        switch s {
        case .msbdf: return 100  // measured 60.8 (relative error 9.7e-7)
        case .bsimp: return 1  // 0.18 (6.1e-8)
        case .rk1imp: return 3_000  // 1876 (3.0e-5)
        case .rk2imp: return 1  // 0.33 (4.6e-4 in y2, where atol dominates)
        default: return 0
        }
    }

    @Test("t = 40", arguments: stiff, [true, false])
    func robertson40(stepper: Stepper, analyticJacobian: Bool) throws {
        let sol = try solve(
            Robertson(analytic: analyticJacobian), from: 0, to: 40, initialState: [1, 0, 0],
            options: Self.options(stepper))
        #expect(sol.status == .success)
        let y = try #require(sol.finalState)
        let err = scaledError(y, Robertson.y40, atol: Self.atol, rtol: Self.rtol)
        #expect(err < Self.bound40(stepper), "scaled error \(err)")
        #expect(relativeError(y, Robertson.y40) < 5e-5)
        // Mass is conserved: y1 + y2 + y3 = 1.
        #expect(abs(y.reduce(0, +) - 1) < 1e-10)
        #expect(sol.statistics.jacobianEvaluations > 0)
    }

    /// rk4imp is left out at t = 1e5: it is the 2-stage Gauss method, A-stable but not L-stable,
    /// and over the long stiff tail its y2 error reaches 1.3e-2 relative (scaled error 9.8) at these
    /// tolerances, and with atol 1e-12 it needs 200,000 steps (1 s). Plain C GSL does the same.
    /// rk1imp and rk2imp are slow but fine: about 0.4 s and 0.5 s each in a debug build.
    @Test("t = 1e5", arguments: [Stepper.msbdf, .bsimp, .rk1imp, .rk2imp], [true, false])
    func robertson1e5(stepper: Stepper, analyticJacobian: Bool) throws {
        let sol = try solve(
            Robertson(analytic: analyticJacobian), from: 0, to: 1e5, initialState: [1, 0, 0],
            options: Self.options(stepper), saveAt: [0, 40, 1e5])
        #expect(sol.status == .success)
        #expect(sol.times == [0, 40, 1e5])
        let y40 = Array(sol.state(1)), y = Array(sol.state(2))
        #expect(scaledError(y40, Robertson.y40, atol: Self.atol, rtol: Self.rtol) < Self.bound40(stepper))
        let err = scaledError(y, Robertson.y1e5, atol: Self.atol, rtol: Self.rtol)
        #expect(err < Self.bound1e5(stepper), "scaled error \(err)")
        #expect(abs(y.reduce(0, +) - 1) < 1e-10)
    }

    /// The published end point of the IVP Test Set's ROBER problem, t = 1e11, for the two
    /// steppers osmo relies on. Both take well under a millisecond.
    @Test(arguments: [Stepper.msbdf, .bsimp])
    func robertson1e11(stepper: Stepper) throws {
        let sol = try solve(
            Robertson(analytic: true), from: 0, to: 1e11, initialState: [1, 0, 0],
            options: SolverOptions(stepper: stepper, absoluteTolerance: 1e-20, relativeTolerance: 1e-8))
        #expect(sol.status == .success)
        let y = try #require(sol.finalState)
        let rel = relativeError(y, Robertson.y1e11)
        #expect(rel < 1e-5, "relative error \(rel)")
    }
}
