/// Stiffness switching for ``Stepper/auto``.
///
/// An explicit Runge–Kutta method is stable only while h·|λ| stays inside its stability region
/// (for rkck about 3.5 on the negative real axis), λ the Jacobian's eigenvalues. When its accepted
/// steps sit at that edge, accuracy would allow longer steps than stability does: the problem has
/// turned stiff and an implicit method will go faster. This is Hairer's test in DOPRI5 (Hairer &
/// Wanner, Solving ODEs II, §IV.2) with ρ estimated here instead of from the stages, which GSL
/// does not expose. The way back is LSODA's: once msbdf's own steps are no longer than rkck's stable
/// step (h·ρ < 1), the stretch is not stiff any more and rkck takes over again.
struct StiffnessMonitor {
    /// h·ρ at or above this counts as stability-limited. rkck's real stability interval is about
    /// [−3.5, 0], but with GSL's step control on a stiff decay its accepted steps settle at
    /// h·ρ ≈ 1.7 (the embedded error estimate grows first), so the edge sits just below that.
    static let edge = 1.5
    /// Accepted explicit steps between two estimates of ρ.
    static let interval = 10
    /// Consecutive stability-limited estimates that make the segment stiff.
    static let evidenceNeeded = 2
    /// Power iterations per estimate (warm-started from the last direction).
    static let iterations = 2
    /// Switching restarts msbdf at order 1, which costs about as much as this many explicit steps
    /// at the stability limit; a stiff stretch shorter than that (ρ·(t_end − t)/edge steps left)
    /// is finished on the explicit stepper.
    static let restartCost = 500.0
    /// msbdf's h·ρ below this, twice in a row, hands the segment back to rkck: msbdf is then taking
    /// steps shorter than rkck's stable one (1.5/ρ) at several times rkck's cost per step. Below the
    /// edge, so that the two tests do not alternate.
    static let backEdge = 1.0

    let active: Bool
    /// On the non-stiff stepper now (true from every reset on, under ``Stepper/auto``).
    var onNonStiff: Bool
    var switches = 0
    var switchesBack = 0
    var nonStiffSteps = 0
    private var sinceEstimate = 0
    private var evidence = 0
    /// Whether the integrator's scratch holds the last dominant direction (see ``Integrator/spectralRadius()``).
    var haveDirection = false

    init(active: Bool) {
        self.active = active
        onNonStiff = active
    }

    mutating func beginSegment() {
        onNonStiff = active
        sinceEstimate = 0
        evidence = 0
    }

    mutating func enterStiff() {
        onNonStiff = false
        switches += 1
        sinceEstimate = 0
        evidence = 0
    }

    mutating func enterNonStiff() {
        onNonStiff = true
        switchesBack += 1
        sinceEstimate = 0
        evidence = 0
    }

    /// Records msbdf's h·ρ; true when msbdf should hand back to rkck (twice below ``backEdge``).
    mutating func recordStiff(stepTimesRadius hr: Double) -> Bool {
        evidence = hr < StiffnessMonitor.backEdge ? evidence + 1 : 0
        return evidence >= StiffnessMonitor.evidenceNeeded
    }

    /// Counts an accepted explicit step.
    mutating func stepTaken() { nonStiffSteps += 1 }

    /// True every ``interval`` explicit steps: time for an estimate of ρ.
    mutating func estimateDue() -> Bool {
        sinceEstimate += 1
        if sinceEstimate < StiffnessMonitor.interval { return false }
        sinceEstimate = 0
        return true
    }

    /// Records h·ρ and the explicit steps left to the segment's end at the stability limit;
    /// true when the explicit stepper should hand over to the stiff one.
    mutating func record(stepTimesRadius hr: Double, stepsLeft: Double) -> Bool {
        evidence = hr >= StiffnessMonitor.edge ? evidence + 1 : 0
        return evidence >= StiffnessMonitor.evidenceNeeded && stepsLeft > StiffnessMonitor.restartCost
    }
}

extension Integrator {
    /// An estimate of the spectral radius ρ of ∂f/∂y at the current time and state, by power
    /// iteration on directional differences: with weights w_i = ``SolverOptions/tolerance(_:_:)``
    /// (a tolerance unit per component, so that components in different units compare) and a unit
    /// direction u, z = W⁻¹ (f(y + W u) − f(y)) ≈ W⁻¹ J W u, whose eigenvalues are J's; ρ ≈ |z|, u ← z/|z|.
    /// Costs ``StiffnessMonitor/iterations`` RHS calls (one more when f at the current state is not known); 0 when an evaluation is not finite.
    func spectralRadius() -> Double {
        let n = dimension, f1 = scratch + n, y1 = scratch + 2 * n
        let u = scratch + 3 * n  // the last dominant direction, kept between estimates
        guard let f0 = currentDerivative() else { return 0 }
        @inline(__always) func weight(_ i: Int) -> Double { options.tolerance(i, y[i]) }
        if !monitor.haveDirection {
            // Start from the direction of motion (or every component alike when at rest).
            var norm = 0.0
            for i in 0..<n { u[i] = f0[i] / weight(i); norm += u[i] * u[i] }
            if !(norm > 0) || !norm.isFinite {
                for i in 0..<n { u[i] = 1 }
                norm = Double(n)
            }
            let inv = 1 / norm.squareRoot()
            for i in 0..<n { u[i] *= inv }
            monitor.haveDirection = true
        }
        var rho = 0.0
        for _ in 0..<StiffnessMonitor.iterations {
            for i in 0..<n { y1[i] = y[i] + weight(i) * u[i] }
            guard box.evaluate(time, y1, f1) else { return 0 }
            var norm = 0.0
            for i in 0..<n {
                let z = (f1[i] - f0[i]) / weight(i)
                u[i] = z
                norm += z * z
            }
            rho = norm.squareRoot()
            guard rho > 0, rho.isFinite else {
                monitor.haveDirection = false
                return 0
            }
            let inv = 1 / rho
            for i in 0..<n { u[i] *= inv }
        }
        return rho
    }
}
