@preconcurrency import CGSL
import Testing
@testable import OsmoODE

/// A forced van der Pol oscillator, non-autonomous and mildly stiff:
/// `y0' = y1`, `y1' = μ(1 − y0²) y1 − y0 + a cos t`, with its analytic Jacobian.
struct ForcedVanDerPol: ODESystem {
    var mu: Double = 5
    var forcing: Double = 0.5
    var dimension: Int { 2 }
    var isAutonomous: Bool { false }
    var hasAnalyticJacobian: Bool { true }

    static func rhs(_ mu: Double, _ a: Double, _ t: Double, _ y: UnsafePointer<Double>, _ f: UnsafeMutablePointer<Double>) {
        f[0] = y[1]
        f[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0] + a * cos(t)
    }

    static func jac(_ mu: Double, _ a: Double, _ t: Double, _ y: UnsafePointer<Double>,
                    _ dfdy: UnsafeMutablePointer<Double>, _ dfdt: UnsafeMutablePointer<Double>) {
        dfdy[0] = 0; dfdy[1] = 1
        dfdy[2] = -2 * mu * y[0] * y[1] - 1; dfdy[3] = mu * (1 - y[0] * y[0])
        dfdt[0] = 0; dfdt[1] = -a * sin(t)
    }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        Self.rhs(mu, forcing, t, y.baseAddress!, dydt.baseAddress!)
    }

    func jacobian(t: Double, y: UnsafeBufferPointer<Double>,
                  dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>) {
        Self.jac(mu, forcing, t, y.baseAddress!, dfdy.baseAddress!, dfdt.baseAddress!)
    }
}

/// The same problem driven by GSL's own `gsl_odeiv2_evolve_apply`, from C callbacks: the reference
/// that osmo's copy of the evolve step (GSLDriver.evolveApply, which keeps f(t, y) where the integrator
/// can read it) must reproduce bit for bit, with no more RHS calls.
private nonisolated(unsafe) var referenceCalls = 0

private func referenceRHS(_ t: Double, _ y: UnsafePointer<Double>?, _ f: UnsafeMutablePointer<Double>?,
                          _ params: UnsafeMutableRawPointer?) -> Int32 {
    referenceCalls += 1
    let p = params!.assumingMemoryBound(to: Double.self)
    ForcedVanDerPol.rhs(p[0], p[1], t, y!, f!)
    return Int32(GSL_SUCCESS)
}

private func referenceJacobian(_ t: Double, _ y: UnsafePointer<Double>?, _ dfdy: UnsafeMutablePointer<Double>?,
                               _ dfdt: UnsafeMutablePointer<Double>?, _ params: UnsafeMutableRawPointer?) -> Int32 {
    let p = params!.assumingMemoryBound(to: Double.self)
    ForcedVanDerPol.jac(p[0], p[1], t, y!, dfdy!, dfdt!)
    return Int32(GSL_SUCCESS)
}

/// Runs GSL's evolve loop to `t1`: (final state, accepted steps, RHS calls).
private func gslReference(_ type: UnsafePointer<gsl_odeiv2_step_type>, y0: [Double], t1: Double,
                          options: SolverOptions) -> (y: [Double], steps: Int, calls: Int) {
    var params = [5.0, 0.5]
    return params.withUnsafeMutableBufferPointer { pb in
        var sys = gsl_odeiv2_system(function: referenceRHS, jacobian: referenceJacobian, dimension: 2,
                                    params: UnsafeMutableRawPointer(pb.baseAddress!))
        return withUnsafeMutablePointer(to: &sys) { sp in
            let d = gsl_odeiv2_driver_alloc_y_new(sp, type, options.initialStep, options.absoluteTolerance,
                                                  options.relativeTolerance)!
            defer { gsl_odeiv2_driver_free(d) }
            referenceCalls = 0
            var y = y0, t = 0.0, h = options.initialStep, steps = 0
            while t < t1 {
                let status = gsl_odeiv2_evolve_apply(d.pointee.e, d.pointee.c, d.pointee.s, sp, &t, t1, &h, &y)
                precondition(status == GSL_SUCCESS)
                steps += 1
            }
            return (y, steps, referenceCalls)
        }
    }
}

@Suite(.serialized) struct EvolveStepTests {
    init() { _ = gsl_set_error_handler_off() }

    @Test(arguments: [Stepper.rkck, .rkf45, .rk8pd, .msbdf, .bsimp])
    func sameBitsAndCallsAsGSLsOwnLoop(stepper: Stepper) throws {
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-8, relativeTolerance: 1e-7)
        let y0 = [2.0, 0.0], t1 = 12.0
        let integrator = try Integrator(system: ForcedVanDerPol(), initialState: y0, options: options)
        integrator.advance(to: t1)
        #expect(integrator.status.isSuccess)
        let type: UnsafePointer<gsl_odeiv2_step_type>
        switch stepper {
        case .rkck: type = gsl_odeiv2_step_rkck
        case .rkf45: type = gsl_odeiv2_step_rkf45
        case .rk8pd: type = gsl_odeiv2_step_rk8pd
        case .msbdf: type = gsl_odeiv2_step_msbdf
        default: type = gsl_odeiv2_step_bsimp
        }
        let reference = gslReference(type, y0: y0, t1: t1, options: options)
        let s = integrator.statistics
        #expect(s.steps == reference.steps)
        #expect(s.steps > 20, "a test that exercises step control: \(s.steps) steps")
        #expect(integrator.state.map(\.bitPattern) == reference.y.map(\.bitPattern),
                "\(integrator.state) vs GSL's evolve \(reference.y)")
        // GSL's loop carries the last step's f(t1, y1) into the next step; so does osmo's.
        #expect(s.rhsEvaluations == reference.calls, "osmo \(s.rhsEvaluations) RHS calls, GSL's evolve \(reference.calls)")
    }

    /// Dense output reads the derivative the steps left behind: sampling a run every 0.01 costs no RHS
    /// call and changes no bit (it cost one or two calls per sampled step when it evaluated f itself).
    @Test(arguments: [Stepper.rkck, .msbdf, .auto])
    func samplingCostsNoRHSCalls(stepper: Stepper) throws {
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-8, relativeTolerance: 1e-7)
        let plain = try Integrator(system: ForcedVanDerPol(), initialState: [2, 0], options: options)
        plain.advance(to: 12)
        let sampled = try Integrator(system: ForcedVanDerPol(), initialState: [2, 0], options: options)
        let times = (0...1200).map { Double($0) / 100 }
        var next = 0, count = 0
        sampled.advance(to: 12, sampling: times, next: &next) { _, _ in count += 1 }
        #expect(count == times.count)
        #expect(sampled.statistics.steps == plain.statistics.steps)
        #expect(sampled.statistics.rhsEvaluations == plain.statistics.rhsEvaluations,
                "sampled \(sampled.statistics.rhsEvaluations) vs \(plain.statistics.rhsEvaluations) RHS calls")
        #expect(sampled.state.map(\.bitPattern) == plain.state.map(\.bitPattern))
    }

    /// The carried derivative is f at the current time, state and inputs, bit for bit, whenever it
    /// is marked known; changing the state or the inputs forgets it.
    @Test(arguments: [Stepper.rkck, .msbdf, .auto])
    func theCarriedDerivativeIsFNowOrForgotten(stepper: Stepper) throws {
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-8, relativeTolerance: 1e-7)
        let a = try Integrator(system: ForcedVanDerPol(), initialState: [2, 0], options: options)
        var f = [0.0, 0.0]
        var checked = 0
        func check() {
            guard a.derivativeKnown else { return }
            a.withState { y in a.system.derivatives(t: a.time, y: y, dydt: UnsafeMutableBufferPointer(start: &f, count: 2)) }
            #expect([a.derivative[0].bitPattern, a.derivative[1].bitPattern] == f.map(\.bitPattern), "at t = \(a.time)")
            checked += 1
        }
        for k in 1...30 {
            a.advance(to: Double(k) * 0.4)
            check()
            switch k % 3 {
            case 0:
                a.withMutableState { $0[0] += 0.01 }
                #expect(!a.derivativeKnown)
            case 1:
                a.modifySystem { $0.forcing += 0.01 }
                #expect(!a.derivativeKnown)
            default:
                a.reset()
                check()  // msbdf alone evaluates f for its restart step: known again, and right
            }
        }
        var other = a.system
        other.mu = 4
        a.advance(to: 12.5)
        a.system = other
        #expect(!a.derivativeKnown)
        #expect(checked > 20, "the derivative was known after \(checked) of 30 advances")
    }
}
