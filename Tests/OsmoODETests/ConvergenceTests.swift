import Testing
import OsmoODE

/// Tighter tolerance → smaller error, and what a solve costs.
@Suite struct ConvergenceTests {
    /// Max absolute error over the samples t = 0…10 of the two-compartment problem.
    static func twoCompartmentError(_ stepper: Stepper, rtol: Double) throws -> Double {
        let system = TwoCompartment(analytic: true)
        let y0 = [1.0, 0.2]
        let options = SolverOptions(stepper: stepper, absoluteTolerance: rtol * 1e-3, relativeTolerance: rtol)
        let sol = try solve(system, from: 0, to: 10, initialState: y0, options: options, saveAt: (0...10).map(Double.init))
        #expect(sol.status == .success)
        var worst = 0.0
        for (k, t) in sol.times.enumerated() {
            for (a, b) in zip(sol.state(k), system.exact(t, y0: y0)) { worst = max(worst, abs(a - b)) }
        }
        return worst
    }

    /// Each 100× tighter tolerance cuts the error at least 10× (GSL 2.7.1 gives 19–100×).
    /// bsimp is left out: it is at round-off (≈3e-15) on this problem at every tolerance.
    @Test(arguments: [Stepper.rk2, .rk4, .rkf45, .rkck, .rk8pd, .rk2imp, .rk4imp, .msadams, .msbdf])
    func errorFallsWithTolerance(stepper: Stepper) throws {
        let errors = try [1e-4, 1e-6, 1e-8].map { try Self.twoCompartmentError(stepper, rtol: $0) }
        #expect(errors[0] > 10 * errors[1] && errors[1] > 10 * errors[2], "errors \(errors)")
    }

    /// The same on the stiff problem with msbdf (measured relative errors 2.0e-5, 4.2e-7, 8.8e-9).
    @Test func robertsonErrorFallsWithTolerance() throws {
        let errors = try [1e-6, 1e-8, 1e-10].map { rtol in
            let sol = try solve(
                Robertson(), from: 0, to: 40, initialState: [1, 0, 0],
                options: SolverOptions(stepper: .msbdf, absoluteTolerance: rtol * 1e-4, relativeTolerance: rtol))
            return relativeError(try #require(sol.finalState), Robertson.y40)
        }
        #expect(errors[0] > 10 * errors[1] && errors[1] > 10 * errors[2], "errors \(errors)")
    }

    // MARK: - Cost

    /// Upper bounds on RHS evaluations (including the finite-difference Jacobian's) so that a
    /// cost regression fails. Measured with GSL 2.7.1; bounds are ~1.5× above.
    @Test(arguments: [
        // stepper, analytic Jacobian, end time, measured RHS evaluations
        (Stepper.msbdf, true, 1e5, 2_093), (.msbdf, false, 1e5, 2_176),
        (.bsimp, true, 1e5, 4_449), (.bsimp, false, 1e5, 4_577),
        (.rk4imp, true, 40, 3_786), (.rk4imp, false, 40, 4_590),
    ])
    func robertsonCost(stepper: Stepper, analyticJacobian: Bool, tEnd: Double, measured: Int) throws {
        let sol = try solve(
            Robertson(analytic: analyticJacobian), from: 0, to: tEnd, initialState: [1, 0, 0],
            options: SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-8))
        #expect(sol.status == .success)
        let s = sol.statistics
        #expect(s.rhsEvaluations <= measured * 3 / 2, "\(s)")
        #expect(s.rhsEvaluations >= s.steps)
        #expect(s.jacobianEvaluations > 0 && s.jacobianEvaluations <= s.steps + 20)
    }

    @Test(arguments: [
        (Stepper.rk2, 823), (.rk4, 441), (.rkf45, 235), (.rkck, 193), (.rk8pd, 248),
        (.rk1imp, 35_533), (.rk2imp, 1_945), (.rk4imp, 511), (.bsimp, 1_669), (.msadams, 246), (.msbdf, 323),
    ])
    func twoCompartmentCost(stepper: Stepper, measured: Int) throws {
        let sol = try solve(
            TwoCompartment(analytic: true), from: 0, to: 10, initialState: [1, 0.2],
            options: SolverOptions(stepper: stepper, absoluteTolerance: 1e-9, relativeTolerance: 1e-6))
        #expect(sol.status == .success)
        #expect(sol.statistics.rhsEvaluations <= measured * 3 / 2, "\(sol.statistics)")
    }

    /// A finite-difference Jacobian costs n + 1 RHS calls for an autonomous system
    /// (n + 2 otherwise): check the bookkeeping on a solve that only differs in that.
    /// With the sparse form, Robertson's Jacobian is dense (3 groups, the same 4 calls) and learning
    /// its pattern costs two probes at a perturbed state (now and at the end of the interval,
    /// n + 1 = 4 calls each) once.
    @Test(arguments: FiniteDifferenceJacobian.allCases)
    func finiteDifferenceJacobianCost(form: FiniteDifferenceJacobian) throws {
        var options = SolverOptions(stepper: .bsimp, absoluteTolerance: 1e-10, relativeTolerance: 1e-8)
        options.finiteDifferences = form
        let a = try solve(Robertson(analytic: true), from: 0, to: 40, initialState: [1, 0, 0], options: options)
        let f = try solve(Robertson(analytic: false), from: 0, to: 40, initialState: [1, 0, 0], options: options)
        // bsimp's step sequence does not depend on how the Jacobian was obtained here.
        #expect(a.statistics.steps == f.statistics.steps)
        #expect(a.statistics.jacobianEvaluations == f.statistics.jacobianEvaluations)
        let probe = form == .sparse ? 8 : 0
        #expect(f.statistics.rhsEvaluations - a.statistics.rhsEvaluations == 4 * f.statistics.jacobianEvaluations + probe)
        #expect(f.statistics.finiteDifferenceEvaluations == 4 * f.statistics.jacobianEvaluations + probe)
        #expect(a.statistics.finiteDifferenceEvaluations == 0)
    }
}
