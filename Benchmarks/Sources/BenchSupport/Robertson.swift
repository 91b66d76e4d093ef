import CRobertson
import OsmoODE

/// Robertson's stiff kinetics: the same arithmetic as `CRobertson.c`, through OsmoODE.
public struct Robertson: ODESystem {
    public var analytic: Bool
    public init(analytic: Bool = true) { self.analytic = analytic }

    public var dimension: Int { 3 }
    public var isAutonomous: Bool { true }
    public var hasAnalyticJacobian: Bool { analytic }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2]
        dydt[2] = 3e7 * y[1] * y[1]
        dydt[1] = -dydt[0] - dydt[2]
    }

    public func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        dfdy[0] = -0.04; dfdy[1] = 1e4 * y[2]; dfdy[2] = 1e4 * y[1]
        dfdy[3] = 0.04; dfdy[4] = -1e4 * y[2] - 6e7 * y[1]; dfdy[5] = -1e4 * y[1]
        dfdy[6] = 0; dfdy[7] = 6e7 * y[1]; dfdy[8] = 0
        dfdt[0] = 0; dfdt[1] = 0; dfdt[2] = 0
    }
}

/// One Robertson solve from t = 0, y = (1, 0, 0): which stepper, how far, how tight.
public struct RobertsonCase: Sendable, CustomStringConvertible {
    public var stepper: Stepper
    public var tEnd: Double
    public var absoluteTolerance = 1e-10
    public var relativeTolerance = 1e-8
    public var analyticJacobian = true

    public init(_ stepper: Stepper, to tEnd: Double, analyticJacobian: Bool = true) {
        self.stepper = stepper
        self.tEnd = tEnd
        self.analyticJacobian = analyticJacobian
    }

    public var description: String {
        "\(stepper) t=\(tEnd == 1e5 ? "1e5" : String(Int(tEnd)))\(analyticJacobian ? "" : " FD-Jacobian")"
    }

    public var options: SolverOptions {
        SolverOptions(stepper: stepper, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    }
}

/// The outcome of one solve, from either path.
public struct Outcome: Equatable, Sendable {
    public var y: [Double]
    public var rhsEvaluations: Int
    public var steps: Int
    public var success: Bool
}

/// Through OsmoODE's `solve`.
public func solveSwift(_ c: RobertsonCase) -> Outcome {
    let sol = try! solve(
        Robertson(analytic: c.analyticJacobian), from: 0, to: c.tEnd, initialState: [1, 0, 0], options: c.options)
    return Outcome(
        y: sol.finalState ?? [], rhsEvaluations: sol.statistics.rhsEvaluations, steps: sol.statistics.steps,
        success: sol.status.isSuccess)
}

/// Through GSL directly from C (analytic Jacobian only).
public func solveC(_ c: RobertsonCase) -> Outcome {
    precondition(c.analyticJacobian, "the C baseline has the analytic Jacobian only")
    var r = crob_result()
    let status = crob_solve(
        c.stepper.name, c.tEnd, c.absoluteTolerance, c.relativeTolerance, c.options.initialStep, &r)
    return Outcome(y: [r.y.0, r.y.1, r.y.2], rhsEvaluations: r.rhs, steps: r.steps, success: status == 0)
}

/// The cases the benchmarks run. Explicit steppers (and msadams) only to t = 40: to t = 1e5 they
/// need 10⁹ RHS calls on this stiff problem. rk4imp only to t = 40 (see the engine tests).
public let fullSolveCases: [RobertsonCase] = [
    RobertsonCase(.msbdf, to: 1e5), RobertsonCase(.msbdf, to: 1e5, analyticJacobian: false),
    RobertsonCase(.bsimp, to: 1e5), RobertsonCase(.bsimp, to: 1e5, analyticJacobian: false),
    RobertsonCase(.rk1imp, to: 1e5), RobertsonCase(.rk2imp, to: 1e5), RobertsonCase(.rk4imp, to: 40),
    RobertsonCase(.msbdf, to: 40), RobertsonCase(.bsimp, to: 40),
    RobertsonCase(.rk2, to: 40), RobertsonCase(.rk4, to: 40), RobertsonCase(.rkf45, to: 40),
    RobertsonCase(.rkck, to: 40), RobertsonCase(.rk8pd, to: 40), RobertsonCase(.msadams, to: 40),
]
