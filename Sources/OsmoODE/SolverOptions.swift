/// How a finite-difference Jacobian is formed (systems without an analytic one; see
/// SystemBox+FiniteDifferences.swift for the rules).
public enum FiniteDifferenceJacobian: String, Sendable, Equatable, CaseIterable {
    /// One right-hand-side call per state component (plus one for f(y), one for ∂f/∂t).
    case dense
    /// Columns that share no row are perturbed together (Curtis–Powell–Reid groups over the system's
    /// declared ``JacobianSparsity`` or one learned by probing): one call per group.
    case sparse
}

/// How to integrate: the stepper and its error control.
///
/// The local error of each step is kept below `absoluteTolerance + relativeTolerance·|y_i|`
/// for every component (GSL's standard control with `a_y = 1`, `a_dydt = 0`).
public struct SolverOptions: Sendable, Equatable {
    /// The GSL stepper. Default ``Stepper/msbdf``.
    public var stepper: Stepper
    /// Absolute tolerance, in the units of the state (> 0 unless `relativeTolerance` > 0).
    public var absoluteTolerance: Double
    /// Relative tolerance, dimensionless (≥ 0).
    public var relativeTolerance: Double
    /// First trial step, in time units (> 0). Default 1e-6.
    public var initialStep: Double
    /// Largest number of accepted steps over the whole solve (≥ 1). Default 1,000,000.
    public var maxSteps: Int
    /// Smallest step size allowed, in time units (≥ 0); a smaller step ends the solve
    /// with ``SolverStatus/stepSizeUnderflow(time:step:)``. Default 0 (GSL's own floor).
    public var minimumStep: Double
    /// Largest step size allowed, in time units (> 0). Default `.infinity`.
    public var maximumStep: Double
    /// Optional per-component multipliers of the tolerances (one per state component, each > 0):
    /// component `i` is kept within `absoluteTolerance·s_i + relativeTolerance·s_i·|y_i|`.
    /// `nil` (the default) means 1 for every component: GSL's standard control.
    public var toleranceScale: [Double]? = nil
    /// How implicit steppers get ∂f/∂y when the system has no analytic Jacobian.
    /// Default ``FiniteDifferenceJacobian/sparse``.
    public var finiteDifferences: FiniteDifferenceJacobian = .sparse

    /// The error allowed in component `i` at value `y`: `s_i·(absoluteTolerance + relativeTolerance·|y|)`.
    @inlinable
    public func tolerance(_ i: Int, _ y: Double) -> Double {
        let w = absoluteTolerance + relativeTolerance * Swift.abs(y)
        if let s = toleranceScale { return w * s[i] }
        return w
    }

    public init(
        stepper: Stepper = .msbdf,
        absoluteTolerance: Double = 1e-8,
        relativeTolerance: Double = 1e-6,
        initialStep: Double = 1e-6,
        maxSteps: Int = 1_000_000,
        minimumStep: Double = 0,
        maximumStep: Double = .infinity
    ) {
        self.stepper = stepper
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.initialStep = initialStep
        self.maxSteps = maxSteps
        self.minimumStep = minimumStep
        self.maximumStep = maximumStep
    }

    /// Every problem with these options, as user-facing sentences; empty when valid.
    public var problems: [String] {
        var out: [String] = []
        if !(absoluteTolerance >= 0) || !absoluteTolerance.isFinite {
            out.append("absolute tolerance must be a finite number ≥ 0 (got \(absoluteTolerance))")
        }
        if !(relativeTolerance >= 0) || !relativeTolerance.isFinite {
            out.append("relative tolerance must be a finite number ≥ 0 (got \(relativeTolerance))")
        }
        if absoluteTolerance == 0 && relativeTolerance == 0 {
            out.append("absolute and relative tolerance cannot both be 0")
        }
        if !(initialStep > 0) || !initialStep.isFinite {
            out.append("initial step must be a finite number > 0 (got \(initialStep))")
        }
        if maxSteps < 1 { out.append("maximum number of steps must be ≥ 1 (got \(maxSteps))") }
        if !(minimumStep >= 0) || !minimumStep.isFinite {
            out.append("minimum step must be a finite number ≥ 0 (got \(minimumStep))")
        }
        if !(maximumStep > 0) || maximumStep.isNaN {
            out.append("maximum step must be > 0 (got \(maximumStep))")
        }
        if let s = toleranceScale, let bad = s.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            out.append("tolerance scale of component \(bad) must be a finite number > 0 (got \(s[bad]))")
        }
        if maximumStep < minimumStep {
            out.append("maximum step (\(maximumStep)) is below the minimum step (\(minimumStep))")
        }
        return out
    }
}
