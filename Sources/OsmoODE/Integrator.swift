/// A stateful integrator for one system: a GSL driver, the current time and state, and
/// the system's inputs, which the caller may change between segments.
///
/// Typical use at a segment boundary (a drink, an infusion starting):
/// ```swift
/// let integrator = try Integrator(system: model, initialState: y0, options: .init())
/// _ = integrator.advance(to: 2.0)                        // lands on t = 2 exactly
/// integrator.withMutableState { y in y[0] += 0.25 }      // a bolus
/// integrator.modifySystem { $0.infusionRate = 0.1 }      // an input changes
/// integrator.reset()                                     // forget the stepper's history
/// _ = integrator.advance(to: 6.0)
/// ```
/// One integrator per run; separate integrators may run on separate threads.
public final class Integrator<System: ODESystem> {
    @usableFromInline let box: SystemBox<System>
    /// The stepper asked for (msbdf for ``Stepper/auto``).
    private let driver: GSLDriver
    /// With ``Stepper/auto``: rkck, used from each reset until the problem turns stiff.
    private let nonStiffDriver: GSLDriver?
    let y: UnsafeMutablePointer<Double>
    /// 4n values: f(t, y), f(t + δ, y + δf) and y + δf for ``restartStep()`` and ``spectralRadius()``,
    /// and the dominant direction that ``spectralRadius()`` keeps between estimates.
    let scratch: UnsafeMutablePointer<Double>
    /// f(``time``, state) when ``derivativeKnown``: the last step's final evaluation, the next step's
    /// first stage (see ``GSLDriver/step(t:to:h:y:derivative:known:)``), dense output's end slope and
    /// the stiffness monitor's base point, evaluated once instead of by each of them.
    let derivative: UnsafeMutablePointer<Double>
    /// Whether ``derivative`` holds f at the current time, state and inputs; false after any change.
    var derivativeKnown = false
    /// The stiffness monitor of ``Stepper/auto`` (Integrator+Stiffness.swift).
    var monitor: StiffnessMonitor
    /// The options this integrator was built with.
    public let options: SolverOptions
    /// Number of state components.
    public let dimension: Int
    /// The current time: the end of the last accepted step.
    public private(set) var time: Double
    /// `.success` until a step fails; once failed, ``advance(to:)`` does nothing.
    public internal(set) var status: SolverStatus = .success
    private var h: Double
    private var steps = 0
    private var resets = 0

    /// - Throws: ``ODEError`` when the options are invalid, the dimension is not that of the
    ///   system, the initial state is not finite, or GSL cannot allocate the driver.
    @inlinable  // so that the RHS entry points are specialized for `System` (see SystemBox.swift)
    public convenience init(system: System, initialState: [Double], time t0: Double = 0, options: SolverOptions = .init()) throws {
        try self.init(system: system, initialState: initialState, time: t0, options: options,
                      rhs: System._rhsEntry, jacobian: System._jacobianEntry)
    }

    @usableFromInline
    init(system: System, initialState: [Double], time t0: Double, options: SolverOptions,
         rhs: @escaping RHSEntry, jacobian: @escaping JacobianEntry) throws {
        let problems = options.problems
        guard problems.isEmpty else { throw ODEError.invalidOptions(problems) }
        let n = system.dimension
        guard n >= 1 else { throw ODEError.invalidProblem("dimension must be ≥ 1 (got \(n))") }
        if let s = options.toleranceScale, s.count != n {
            throw ODEError.invalidOptions(["tolerance scale has \(s.count) components, the system has \(n)"])
        }
        guard initialState.count == n else {
            throw ODEError.invalidProblem("initial state has \(initialState.count) components, the system has \(n)")
        }
        if let i = initialState.firstIndex(where: { !$0.isFinite }) {
            throw ODEError.invalidProblem("initial state component \(i) is not finite (\(initialState[i]))")
        }
        guard t0.isFinite else { throw ODEError.invalidProblem("initial time is not finite") }
        let floor = options.relativeTolerance > 0
            ? Swift.max(options.absoluteTolerance / options.relativeTolerance, 1e-12) : 1
        if let p = system.jacobianSparsity, p.dimension != n {
            throw ODEError.invalidProblem("declared Jacobian sparsity is \(p.dimension)×\(p.dimension), the system has \(n) components")
        }
        box = SystemBox(system: system, incrementFloor: Swift.min(floor, 1), finiteDifferences: options.finiteDifferences,
                        rhs: rhs, jacobian: jacobian)
        let switching = options.stepper == .auto
        guard let d = GSLDriver(box: box, stepper: switching ? .msbdf : options.stepper, options: options) else {
            throw ODEError.allocationFailed
        }
        driver = d
        if switching {
            guard let e = GSLDriver(box: box, stepper: .rkck, options: options) else { throw ODEError.allocationFailed }
            nonStiffDriver = e
        } else {
            nonStiffDriver = nil
        }
        monitor = StiffnessMonitor(active: switching)
        dimension = n
        self.options = options
        time = t0
        h = options.initialStep
        y = .allocate(capacity: n)
        y.initialize(from: initialState, count: n)
        scratch = .allocate(capacity: 4 * n)
        scratch.initialize(repeating: 0, count: 4 * n)
        derivative = .allocate(capacity: n)
        derivative.initialize(repeating: 0, count: n)
    }

    deinit {
        y.deallocate()
        scratch.deallocate()
        derivative.deallocate()
    }

    /// The system, with the inputs it has now. Setting it changes the right-hand side from
    /// the current time on; call ``reset()`` after such a change.
    public var system: System {
        get { box.storage.pointee }
        set {
            derivativeKnown = false
            box.storage.pointee = newValue
        }
    }

    /// Changes the system in place (see ``system``).
    public func modifySystem<R>(_ body: (inout System) throws -> R) rethrows -> R {
        derivativeKnown = false
        return try body(&box.storage.pointee)
    }

    /// A copy of the current state.
    public var state: [Double] { Array(UnsafeBufferPointer(start: y, count: dimension)) }

    /// Reads the current state without copying.
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: y, count: dimension))
    }

    /// Changes the current state in place (a bolus, a dose); call ``reset()`` afterwards.
    public func withMutableState<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        derivativeKnown = false
        return try body(UnsafeMutableBufferPointer(start: y, count: dimension))
    }

    /// f(``time``, state): ``derivative``, evaluated now unless already known; `nil` when not finite.
    func currentDerivative() -> UnsafeMutablePointer<Double>? {
        if !derivativeKnown {
            guard box.evaluate(time, y, derivative) else { return nil }
            derivativeKnown = true
        }
        return derivative
    }

    /// Resets the GSL driver: the stepper's history is discarded so the next step starts
    /// afresh from the current (possibly changed) state. Multistep methods restart at order 1.
    public func reset() {
        derivativeKnown = false  // the state or the inputs have changed (that is why one resets)
        driver.reset()
        h = Swift.max(Swift.min(h, options.initialStep * 1e3), options.initialStep)
        if let e = nonStiffDriver {
            // A one-step method restarts for free: every segment begins on it.
            e.reset()
            monitor.beginSegment()
        } else if options.stepper.isMultistep {
            h = Swift.min(h, restartStep())
        }
        resets += 1
    }

    /// ``Stepper/auto``: hands the rest of the segment to msbdf, starting at order 1.
    private func switchToStiff() {
        driver.reset()
        monitor.enterStiff()
        h = restartStep()
    }

    /// ``Stepper/auto``: back to rkck when msbdf's steps are no longer than rkck could take.
    private func switchToNonStiff(radius rho: Double) {
        nonStiffDriver.unsafelyUnwrapped.reset()
        monitor.enterNonStiff()
        h = Swift.min(h, StiffnessMonitor.edge / rho)
    }

    /// The first step for a multistep method restarting at order 1 (backward or forward Euler),
    /// whose local error is about h²/2·|y''|: the h that puts it at half the tolerance of the
    /// worst component, h = 1/√(max_i |y''_i| / tol_i), with y'' ≈ (f(t + δ, y + δf) − f(t, y))/δ
    /// over δ = the options' initial step (two RHS calls). Without it the restart tries the
    /// previous segment's step, and msbdf rejects its way down, re-evaluating the Jacobian and
    /// refactorising each time (about 60 % of all Jacobians in a run with a drink every 2 h).
    /// Kept within [initialStep/100, the previous rule].
    func restartStep() -> Double {
        let n = dimension, f1 = scratch + n, y1 = scratch + 2 * n
        let d = options.initialStep
        guard let f0 = currentDerivative() else { return d }
        for i in 0..<n { y1[i] = y[i] + d * f0[i] }
        guard box.evaluate(time + d, y1, f1) else { return d }
        var worst = 0.0
        for i in 0..<n {
            worst = Swift.max(worst, Swift.abs(f1[i] - f0[i]) / (d * options.tolerance(i, y[i])))
        }
        guard worst > 0, worst.isFinite else { return worst > 0 ? d / 100 : .infinity }
        return Swift.max(1 / worst.squareRoot(), d / 100)
    }

    /// The Jacobian pattern in use: declared by the system or learned so far (`nil` before the first
    /// Jacobian of a learned one, with a dense finite-difference or an analytic Jacobian).
    public var jacobianSparsity: JacobianSparsity? { box.sparse?.pattern }

    /// Cost so far.
    public var statistics: SolverStatistics {
        var s = SolverStatistics()
        s.steps = steps
        s.rhsEvaluations = box.rhsEvaluations
        s.jacobianEvaluations = box.jacobianEvaluations
        s.finiteDifferenceEvaluations = box.finiteDifferenceEvaluations
        s.jacobianColumnGroups = box.sparse?.colouring?.count ?? 0
        s.resets = resets
        s.stiffnessSwitches = monitor.switches
        s.nonStiffReturns = monitor.switchesBack
        s.nonStiffSteps = monitor.nonStiffSteps
        return s
    }

    /// Integrates from ``time`` to exactly `t1` (`t1 ≥ time`), step by adaptive step.
    /// On failure the time and state are those of the last accepted step, and the
    /// failure is kept in ``status``.
    @discardableResult
    public func advance(to t1: Double) -> SolverStatus {
        advance(to: t1) { _ in true }
    }

    /// The core loop: adaptive steps to exactly `t1`, calling `afterEachStep(tPrevious)` after
    /// every accepted step (the new time and state are ``time`` and the state).
    func advance(to t1: Double, afterEachStep: (Double) -> Bool) -> SolverStatus {
        guard status.isSuccess else { return status }
        precondition(t1 >= time, "Integrator.advance(to:) integrates forward only (t1 = \(t1) < t = \(time))")
        box.horizon = t1
        // Work on locals: passing the stored properties `time` and `h` inout to every step would
        // cost two dynamic exclusivity checks per step. `time` is written back before each
        // `afterEachStep` call, which reads it.
        var t = time, h = self.h, steps = self.steps, known = derivativeKnown
        let maxSteps = options.maxSteps, minimumStep = options.minimumStep, maximumStep = options.maximumStep
        let n = dimension
        var failure: SolverStatus? = nil
        loop: while t < t1 {
            let tPrevious = t
            if h > maximumStep { h = maximumStep }
            if steps >= maxSteps {
                failure = .maxStepsReached(time: t, steps: steps)
                break loop
            }
            let onNonStiff = monitor.onNonStiff
            let outcome = (onNonStiff ? nonStiffDriver.unsafelyUnwrapped : driver).step(
                t: &t, to: t1, h: &h, y: y, derivative: derivative, known: &known)
            if outcome != .ok {
                switch outcome {
                case .ok: break
                case .badFunction:
                    let c = box.badComponent
                    failure = .nonFiniteState(time: t, component: c >= 0 ? c : 0)
                case .maxIterations: failure = .maxStepsReached(time: t, steps: steps)
                case .noProgress: failure = .stepSizeUnderflow(time: t, step: h)
                case .other(let code, let message): failure = .gslError(time: t, code: code, message: message)
                }
                break loop
            }
            steps += 1
            if let bad = RHSBox.firstNonFinite(y, n) {
                failure = .nonFiniteState(time: t, component: bad)
                break loop
            }
            if t < t1 && Swift.abs(h) < minimumStep {
                failure = .stepSizeUnderflow(time: t, step: h)
                break loop
            }
            time = t
            self.h = h
            self.steps = steps
            derivativeKnown = known
            if onNonStiff { monitor.stepTaken() }
            if monitor.active && t < t1 && monitor.estimateDue() {
                // Every few steps, with ρ estimated afresh. On rkck: is the step held down by
                // stability (h·ρ at the edge of what rkck can take) rather than by accuracy? Twice in
                // a row, with enough of the segment left to repay msbdf's restart, and the rest goes
                // to msbdf. On msbdf: are its steps no longer than rkck's stable one? Then rkck is the
                // cheaper of the two again.
                let rho = spectralRadius()
                if onNonStiff {
                    if monitor.record(stepTimesRadius: h * rho, stepsLeft: rho * (t1 - t) / StiffnessMonitor.edge) {
                        switchToStiff()
                    }
                } else if monitor.recordStiff(stepTimesRadius: h * rho) {
                    switchToNonStiff(radius: rho)
                }
                h = self.h
                known = derivativeKnown
            }
            if !afterEachStep(tPrevious) { return status }
        }
        time = t
        self.h = h
        self.steps = steps
        derivativeKnown = known && failure == nil
        if let failure { status = failure }
        return status
    }
}
