import Foundation
import Testing
import OsmoODE

/// A system whose component 1 turns NaN after `tBad`, in the RHS or (when `jacobianFails`) only
/// in the analytic Jacobian's row 1.
struct NaNAfter: ODESystem {
    var tBad = 2.5
    var jacobianFails = false
    var dimension: Int { 3 }
    var hasAnalyticJacobian: Bool { jacobianFails }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -y[0]
        dydt[1] = (t > tBad && !jacobianFails) ? .nan : 1
        dydt[2] = -2 * y[2]
    }

    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        for i in 0..<9 { dfdy[i] = 0 }
        dfdy[0] = -1
        dfdy[8] = -2
        if t > tBad { dfdy[4] = .nan }
        for i in 0..<3 { dfdt[i] = 0 }
    }
}

/// `y' = y²`, `y(0) = 1`: `y = 1/(1 − t)` blows up at t = 1.
struct BlowUp: ODESystem {
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = y[0] * y[0]
    }
}

/// `y' = −50 y` whose right-hand side is NaN for y < 0: only a trial state that overshoots
/// (a too-long step, a Newton iterate) ever sees it, never the solution.
struct NaNBelowZero: ODESystem {
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = y[0] < 0 ? .nan : -50 * y[0]
    }
}

@Suite struct FailureTests {
    static let samples: [Double] = [0, 1, 2, 3, 4, 5]

    @Test("a non-finite trial evaluation is retried with a shorter step", arguments: Stepper.allCases)
    func nonFiniteTrialStateIsRecovered(stepper: Stepper) throws {
        // A first step of 1 overshoots y = 0 by far with every stepper.
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-9, relativeTolerance: 1e-7, initialStep: 1)
        let sol = try solve(NaNBelowZero(), from: 0, to: 0.2, initialState: [1], options: options)
        #expect(sol.status == .success, "\(sol.status)")
        #expect(abs(sol.finalState![0] - exp(-10)) < 1e-6)
    }

    @Test("NaN from the RHS stops the solve, names the component, keeps the samples", arguments: Stepper.allCases)
    func nonFiniteDerivative(stepper: Stepper) throws {
        let sol = try solve(
            NaNAfter(), from: 0, to: 5, initialState: [1, 0, 1],
            options: SolverOptions(stepper: stepper), saveAt: Self.samples)
        guard case .nonFiniteState(let t, let component) = sol.status else {
            Issue.record("expected nonFiniteState, got \(sol.status)")
            return
        }
        #expect(component == 1)
        // The time is that of the last accepted step: at or after the last sample, before the NaN.
        #expect(t >= 2 && t <= 2.5, "time \(t)")
        #expect(sol.status.failureTime == t)
        #expect(sol.status.code == "non_finite")
        // Samples before the failure are kept, and right.
        #expect(sol.times == [0, 1, 2])
        #expect(sol.values.allSatisfy { $0.isFinite })
        #expect(abs(sol.state(2)[1] - 2) < 1e-6)
        #expect(sol.statistics.steps > 0)
    }

    @Test("NaN from the Jacobian only", arguments: Stepper.allCases.filter(\.usesJacobian))
    func nonFiniteJacobian(stepper: Stepper) throws {
        let sol = try solve(
            NaNAfter(jacobianFails: true), from: 0, to: 5, initialState: [1, 0, 1],
            options: SolverOptions(stepper: stepper), saveAt: Self.samples)
        guard case .nonFiniteState(let t, let component) = sol.status else {
            Issue.record("expected nonFiniteState, got \(sol.status)")
            return
        }
        #expect(component == 1)
        // The Jacobian is evaluated at the start of a step, so at the last accepted time (> 2.5).
        #expect(t > 2.5 && t < 5, "time \(t)")
        #expect(sol.times.count >= 3 && sol.times.count < Self.samples.count)
        #expect(sol.values.allSatisfy { $0.isFinite })
    }

    @Test func nonFiniteAtTheStart() throws {
        let sol = try solve(
            NaNAfter(tBad: -1), from: 0, to: 5, initialState: [1, 0, 1],
            options: SolverOptions(stepper: .rkf45), saveAt: [0, 1])
        #expect(sol.status == .nonFiniteState(time: 0, component: 1))
        #expect(sol.times == [0])
        #expect(Array(sol.state(0)) == [1, 0, 1])
    }

    @Test("too small maxSteps: maxStepsReached, partial results kept", arguments: [Stepper.rkf45, .msbdf, .bsimp])
    func maxSteps(stepper: Stepper) throws {
        let system = TwoCompartment()
        let y0 = [1.0, 0.2]
        let samples = stride(from: 0.0, through: 10, by: 0.5).map { $0 }
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-8, maxSteps: 25)
        let sol = try solve(system, from: 0, to: 10, initialState: y0, options: options, saveAt: samples)
        guard case .maxStepsReached(let t, let steps) = sol.status else {
            Issue.record("expected maxStepsReached, got \(sol.status)")
            return
        }
        #expect(steps == 25)
        #expect(sol.statistics.steps == 25)
        #expect(t > 0 && t < 10)
        #expect(!sol.times.isEmpty && sol.times.count < samples.count)
        #expect(sol.times.allSatisfy { $0 <= t })
        for (k, tk) in sol.times.enumerated() {
            #expect(scaledError(sol.state(k), system.exact(tk, y0: y0), atol: 1e-10, rtol: 1e-8) < 100)
        }
    }

    @Test("minimumStep: stepSizeUnderflow near the blow-up", arguments: [Stepper.rkf45, .rk8pd, .msadams, .msbdf, .bsimp])
    func minimumStepUnderflow(stepper: Stepper) throws {
        let sol = try solve(
            BlowUp(), from: 0, to: 2, initialState: [1],
            options: SolverOptions(stepper: stepper, minimumStep: 1e-8), saveAt: [0, 0.5, 1.5, 2])
        guard case .stepSizeUnderflow(let t, let h) = sol.status else {
            Issue.record("expected stepSizeUnderflow, got \(sol.status)")
            return
        }
        #expect(h < 1e-8 && h > 0)
        #expect(abs(t - 1) < 1e-3, "time \(t)")
        #expect(sol.times == [0, 0.5])
        #expect(abs(sol.state(1)[0] - 2) < 1e-3)  // y(0.5) = 2, at the default rtol 1e-6
        #expect(sol.status.code == "step_underflow")
    }

    /// Without a minimum step GSL halves the step down to one ulp of t and then gives up with
    /// GSL_FAILURE, leaving t and y at the *rejected* step. osmo reports this as a step-size
    /// underflow and puts the integrator back on the last accepted step: the same time and state,
    /// bit for bit, as a run stopped by `maxSteps` right after that step.
    @Test("no progress possible: stepSizeUnderflow at the last accepted step", arguments: [Stepper.rk2, .rkf45, .msbdf])
    func noProgress(stepper: Stepper) throws {
        let integrator = try Integrator(system: BlowUp(), initialState: [1], options: SolverOptions(stepper: stepper))
        let status = integrator.advance(to: 2)
        guard case .stepSizeUnderflow(let t, let h) = status else {
            Issue.record("expected stepSizeUnderflow, got \(status)")
            return
        }
        #expect(integrator.time == t)
        // Near the pole at t = 1 (rk2 steps across it before giving up).
        #expect(abs(t - 1) < 1e-3, "time \(t)")
        #expect(h > 0 && h < 1e-9, "h \(h)")
        let steps = integrator.statistics.steps
        let replay = try Integrator(
            system: BlowUp(), initialState: [1], options: SolverOptions(stepper: stepper, maxSteps: steps))
        #expect(replay.advance(to: 2) == .maxStepsReached(time: t, steps: steps))
        #expect(replay.time.bitPattern == integrator.time.bitPattern)
        #expect(replay.state[0].bitPattern == integrator.state[0].bitPattern)
        #expect(integrator.state[0].isFinite)
        // Once failed, the integrator stays failed and does nothing.
        #expect(integrator.advance(to: 3) == status)
        #expect(integrator.statistics.steps == steps)
    }

    // MARK: - Set-up errors are thrown

    static let badOptions: [(SolverOptions, Int)] = [
        (SolverOptions(absoluteTolerance: -1), 1),
        (SolverOptions(absoluteTolerance: .nan), 1),
        (SolverOptions(relativeTolerance: -1e-6), 1),
        (SolverOptions(relativeTolerance: .infinity), 1),
        (SolverOptions(absoluteTolerance: 0, relativeTolerance: 0), 1),
        (SolverOptions(initialStep: 0), 1),
        (SolverOptions(initialStep: .infinity), 1),
        (SolverOptions(maxSteps: 0), 1),
        (SolverOptions(minimumStep: -1), 1),
        (SolverOptions(absoluteTolerance: -1, initialStep: -1, maxSteps: -5), 3),
    ]

    @Test("invalid options throw ODEError.invalidOptions", arguments: badOptions)
    func invalidOptions(options: SolverOptions, problemCount: Int) throws {
        #expect(options.problems.count == problemCount)
        let error = #expect(throws: ODEError.self) {
            _ = try solve(ExponentialDecay(), from: 0, to: 1, initialState: [1], options: options)
        }
        guard case .invalidOptions(let problems) = error else {
            Issue.record("expected invalidOptions, got \(String(describing: error))")
            return
        }
        #expect(problems == options.problems)
        #expect(error?.description.hasPrefix("invalid solver options: ") == true)
        #expect(throws: ODEError.invalidOptions(problems)) {
            _ = try Integrator(system: ExponentialDecay(), initialState: [1], options: options)
        }
    }

    @Test func defaultOptionsAreValid() {
        #expect(SolverOptions().problems.isEmpty)
        #expect(SolverOptions().stepper == .msbdf)
        #expect(SolverOptions(absoluteTolerance: 0, relativeTolerance: 1e-6).problems.isEmpty)
    }

    struct Empty: ODESystem {
        var dimension: Int { 0 }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {}
    }

    @Test func invalidProblemsThrow() {
        func isInvalidProblem(_ body: () throws -> Void) -> Bool {
            do { try body() } catch let e as ODEError {
                if case .invalidProblem = e { return true }
                return false
            } catch { return false }
            return false
        }
        let d = ExponentialDecay()
        #expect(isInvalidProblem { _ = try solve(d, from: 0, to: 1, initialState: [1, 2]) })
        #expect(isInvalidProblem { _ = try solve(d, from: 0, to: 1, initialState: []) })
        #expect(isInvalidProblem { _ = try solve(d, from: 0, to: 1, initialState: [.nan]) })
        #expect(isInvalidProblem { _ = try solve(d, from: 1, to: 0, initialState: [1]) })
        #expect(isInvalidProblem { _ = try solve(d, from: 0, to: .infinity, initialState: [1]) })
        #expect(isInvalidProblem { _ = try solve(d, from: 0, to: 1, initialState: [1], saveAt: [0.5, 1.5]) })
        #expect(isInvalidProblem { _ = try solve(d, from: 0, to: 1, initialState: [1], saveAt: [.nan]) })
        #expect(isInvalidProblem {
            _ = try solve(d, from: 0, to: 1, initialState: [1], events: [ODEEvent(time: 2) { _, _ in }])
        })
        #expect(isInvalidProblem { _ = try solve(Empty(), from: 0, to: 1, initialState: []) })
        #expect(isInvalidProblem { _ = try Integrator(system: d, initialState: [1], time: .nan) })
    }

    @Test func statusVocabulary() {
        #expect(SolverStatus.success.isSuccess && SolverStatus.success.failureTime == nil)
        #expect(SolverStatus.maxStepsReached(time: 3, steps: 7).code == "max_steps")
        #expect(SolverStatus.gslError(time: 1, code: 5, message: "x").failureTime == 1)
        #expect(SolverStatus.stepSizeUnderflow(time: 2, step: 1e-9).description.contains("t = 2"))
        #expect(Stepper(gslName: "msbdf") == .msbdf && Stepper(gslName: "euler") == nil)
        #expect(Stepper.allCases.count == 12)
        #expect(Stepper.allCases.filter(\.usesJacobian) == [.rk1imp, .rk2imp, .rk4imp, .bsimp, .msbdf])
    }
}
