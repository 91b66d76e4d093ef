/// How an integration ended. Failures keep the time reached; results up to it are kept.
public enum SolverStatus: Sendable, Equatable, CustomStringConvertible {
    /// Reached the final time.
    case success
    /// ``SolverOptions/maxSteps`` accepted steps were taken before the final time.
    case maxStepsReached(time: Double, steps: Int)
    /// The step size fell below ``SolverOptions/minimumStep`` or GSL could make no progress.
    case stepSizeUnderflow(time: Double, step: Double)
    /// The right-hand side produced a non-finite derivative (or the state became non-finite)
    /// in component `component` near `time`.
    case nonFiniteState(time: Double, component: Int)
    /// Any other GSL error, with its code and GSL's text for it.
    case gslError(time: Double, code: Int32, message: String)
    /// A state no body can have (a negative volume, a concentration chemistry does not allow, a
    /// weight change nobody survives): `quantity` (a column name) reached `value` at `time`.
    case nonPhysical(time: Double, quantity: String, value: Double)
    /// A sub-model solved on its own (the inflammation course) failed at `time`; the arm stops there.
    case subsystemFailure(time: Double, subsystem: String, reason: String)

    public var isSuccess: Bool { self == .success }

    /// The time at which integration stopped, or `nil` on success.
    public var failureTime: Double? {
        switch self {
        case .success: return nil
        case .maxStepsReached(let t, _), .stepSizeUnderflow(let t, _), .nonFiniteState(let t, _),
            .gslError(let t, _, _), .nonPhysical(let t, _, _), .subsystemFailure(let t, _, _):
            return t
        }
    }

    /// A short machine-readable word: `success`, `max_steps`, `step_underflow`, `non_finite`, `gsl_error`,
    /// `non_physical`, `subsystem_failed`.
    public var code: String {
        switch self {
        case .success: return "success"
        case .maxStepsReached: return "max_steps"
        case .stepSizeUnderflow: return "step_underflow"
        case .nonFiniteState: return "non_finite"
        case .gslError: return "gsl_error"
        case .nonPhysical: return "non_physical"
        case .subsystemFailure: return "subsystem_failed"
        }
    }

    public var description: String {
        switch self {
        case .success: return "success"
        case .maxStepsReached(let t, let n): return "maximum number of steps (\(n)) reached at t = \(t)"
        case .stepSizeUnderflow(let t, let h): return "step size underflow (h = \(h)) at t = \(t)"
        case .nonFiniteState(let t, let i): return "non-finite value in state component \(i) at t = \(t)"
        case .gslError(let t, let code, let msg): return "GSL error \(code) (\(msg)) at t = \(t)"
        case .nonPhysical(let t, let q, let v): return "non-physical state: \(q) = \(v) at t = \(t)"
        case .subsystemFailure(let t, let name, let why): return "the \(name) failed at t = \(t): \(why)"
        }
    }
}

/// What an integration cost.
public struct SolverStatistics: Sendable, Equatable {
    /// Accepted steps.
    public var steps: Int = 0
    /// Calls of the system's right-hand side, including those made for finite-difference Jacobians.
    public var rhsEvaluations: Int = 0
    /// Jacobian evaluations requested by the stepper (analytic or finite-difference).
    public var jacobianEvaluations: Int = 0
    /// Right-hand-side calls made for finite-difference Jacobians and sparsity probes
    /// (included in ``rhsEvaluations``).
    public var finiteDifferenceEvaluations: Int = 0
    /// With a sparse finite-difference Jacobian: the column groups of the current colouring
    /// (calls per Jacobian, besides f(y) and ∂f/∂t); 0 otherwise.
    public var jacobianColumnGroups: Int = 0
    /// Driver resets (one per segment boundary where the state or inputs changed).
    public var resets: Int = 0
    /// With ``Stepper/auto``: moves from the non-stiff to the stiff stepper, moves back, and the
    /// steps the non-stiff one took.
    public var stiffnessSwitches: Int = 0
    public var nonStiffReturns: Int = 0
    public var nonStiffSteps: Int = 0

    public init() {}
}
