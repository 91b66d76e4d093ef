/// A system of first-order ordinary differential equations `dy/dt = f(t, y)`.
///
/// Conformers describe *what* is integrated; ``SolverOptions`` says *how* and
/// ``solve(_:from:to:initialState:options:saveAt:events:)`` or ``Integrator`` does it.
///
/// The right-hand side is called many thousands of times per run, through GSL:
/// it must not allocate, must not throw, and must write every component of `dydt`.
/// A non-finite value in `dydt` stops the integration with
/// ``SolverStatus/nonFiniteState(time:component:)``.
public protocol ODESystem {
    /// Number of state components, `n ≥ 1`.
    var dimension: Int { get }

    /// Evaluates `dydt = f(t, y)` in place. `y` and `dydt` have ``dimension`` elements.
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>)

    /// `true` when ``jacobian(t:y:dfdy:dfdt:)`` is implemented analytically.
    /// When `false` (the default) the integrator supplies a finite-difference Jacobian
    /// so that every implicit stepper works.
    var hasAnalyticJacobian: Bool { get }

    /// `true` when `f` does not depend on `t` explicitly, so `∂f/∂t = 0`.
    /// Saves one right-hand-side call per finite-difference Jacobian. Default `false`.
    var isAutonomous: Bool { get }

    /// Which entries of `∂f/∂y` may be nonzero, when the system knows (default `nil`: the integrator
    /// learns the pattern by probing). Used for finite-difference Jacobians with
    /// ``FiniteDifferenceJacobian/sparse``; a declared pattern is trusted, so it must include every
    /// entry that can be nonzero anywhere the system is integrated (see ``JacobianSparsity``).
    var jacobianSparsity: JacobianSparsity? { get }

    /// The analytic Jacobian: `dfdy[i*n + j] = ∂f_i/∂y_j` (row-major, as GSL expects)
    /// and `dfdt[i] = ∂f_i/∂t`. Only called when ``hasAnalyticJacobian`` is `true`.
    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>)
}

extension ODESystem {
    public var hasAnalyticJacobian: Bool { false }
    public var isAutonomous: Bool { false }
    public var jacobianSparsity: JacobianSparsity? { nil }
    public func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        preconditionFailure("\(Self.self).hasAnalyticJacobian is false: jacobian(t:y:dfdy:dfdt:) must not be called")
    }
}
