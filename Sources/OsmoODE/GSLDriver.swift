// The C boundary: the only file in OsmoODE that imports CGSL. Nothing above it sees a C type.
@preconcurrency import CGSL
import Foundation

/// GSL's default error handler aborts the process; osmo turns it off once, before any
/// GSL object is made, and reads every status code instead.
private let gslErrorHandlerOff: Void = {
    _ = gsl_set_error_handler_off()
}()

/// `gsl_odeiv2_system.function`: a plain global function; context arrives unretained in `params`.
private func gslRHS(
    _ t: Double, _ y: UnsafePointer<Double>?, _ dydt: UnsafeMutablePointer<Double>?,
    _ params: UnsafeMutableRawPointer?
) -> Int32 {
    let ok = Unmanaged<RHSBox>.fromOpaque(params.unsafelyUnwrapped)._withUnsafeGuaranteedRef {
        $0.evaluate(t, y.unsafelyUnwrapped, dydt.unsafelyUnwrapped)
    }
    // A non-finite derivative is a recoverable failure (GSL_FAILURE): the trial state of a Newton
    // iteration or of a too-long step can be far from the solution, so GSL halves the step and tries
    // again. Only when no step at all succeeds does the solve stop (see GSLDriver.step).
    return ok ? Int32(GSL_SUCCESS) : Int32(GSL_FAILURE)
}

/// `gsl_odeiv2_system.jacobian`.
private func gslJacobian(
    _ t: Double, _ y: UnsafePointer<Double>?, _ dfdy: UnsafeMutablePointer<Double>?,
    _ dfdt: UnsafeMutablePointer<Double>?, _ params: UnsafeMutableRawPointer?
) -> Int32 {
    let ok = Unmanaged<RHSBox>.fromOpaque(params.unsafelyUnwrapped)._withUnsafeGuaranteedRef {
        $0.evaluateJacobian(t, y.unsafelyUnwrapped, dfdy.unsafelyUnwrapped, dfdt.unsafelyUnwrapped)
    }
    return ok ? Int32(GSL_SUCCESS) : Int32(GSL_FAILURE)
}

/// Outcome of one GSL evolve step, in Swift terms.
enum StepOutcome: Equatable {
    case ok
    case badFunction
    case maxIterations
    case noProgress
    case other(code: Int32, message: String)
}

/// One GSL `odeiv2` driver (stepper + control + evolve) and the system struct it points at.
/// The struct is allocated here, at a stable address, and freed with the driver.
/// One per run: independent runs on several threads never share one.
final class GSLDriver {
    private let system: UnsafeMutablePointer<gsl_odeiv2_system>
    private let driver: UnsafeMutablePointer<gsl_odeiv2_driver>
    /// Keeps the box alive for as long as GSL holds its unretained pointer.
    private let box: RHSBox

    /// Returns `nil` when GSL cannot allocate the driver.
    init?(box: RHSBox, stepper: Stepper, options: SolverOptions) {
        _ = gslErrorHandlerOff
        self.box = box
        system = .allocate(capacity: 1)
        system.initialize(
            to: gsl_odeiv2_system(
                function: gslRHS, jacobian: gslJacobian, dimension: box.dimension,
                params: Unmanaged.passUnretained(box).toOpaque()))
        guard
            let d = gsl_odeiv2_driver_alloc_y_new(
                system, GSLDriver.stepType(stepper), options.initialStep,
                options.absoluteTolerance, options.relativeTolerance)
        else {
            system.deallocate()
            return nil
        }
        driver = d
        if let scale = options.toleranceScale {
            // Replace the driver's standard control by the per-component one (same rules, scaled).
            guard let c = ScaledControl.make(options: options, scale: scale) else {
                gsl_odeiv2_driver_free(d)
                system.deallocate()
                return nil
            }
            gsl_odeiv2_control_free(d.pointee.c)
            d.pointee.c = c
            _ = gsl_odeiv2_control_set_driver(c, d)
        }
    }

    deinit {
        gsl_odeiv2_driver_free(driver)
        system.deallocate()
    }

    /// One adaptive step from `t` towards `t1`, never past it (GSL lands on `t1` exactly
    /// when the step reaches it). `h` is the step to try, updated to GSL's next suggestion.
    /// On failure `t` and `y` are put back to where the step started (the last accepted step).
    ///
    /// `f` carries f(t, y) between steps: when `known` is true on entry it holds f at the step's
    /// start and is passed to the stepper as its first stage instead of being evaluated; on success
    /// it holds f(t, y) at the new `t` and `y` (and `known` says so) whenever the stepper evaluated
    /// exactly that (`gives_exact_dydt_out`, at the very time the step ends).
    func step(t: inout Double, to t1: Double, h: inout Double, y: UnsafeMutablePointer<Double>,
              derivative f: UnsafeMutablePointer<Double>, known: inout Bool) -> StepOutcome {
        let d = driver.pointee
        let t0 = t
        box.clearBadEvaluation()
        let status = evolveApply(e: d.e, c: d.c, s: d.s, t: &t, t1: t1, h: &h, y: y, f: f, known: &known)
        if Int(status) == Int(GSL_SUCCESS) { return .ok }
        known = false
        // A failed evolve step can leave `t` and `y` at a rejected step: when the error control
        // cannot shrink the step any further it returns GSL_FAILURE with `t = t0 + h` and `y` the
        // rejected result. The step copied `y` into `e->y0` before trying: restore from it.
        t = t0
        y.update(from: d.e.pointee.y0, count: box.dimension)
        // Every retry with a shorter step failed; if an evaluation was non-finite, that is the reason.
        if box.badComponent >= 0 { return .badFunction }
        switch Int(status) {
        case Int(GSL_EBADFUNC): return .badFunction
        case Int(GSL_EMAXITER): return .maxIterations
        // GSL_FAILURE from the evolve step: the step was halved down to one ulp of `t` without
        // meeting the tolerance (or without the stepper succeeding): no progress is possible.
        case Int(GSL_ENOPROG), Int(GSL_ENOPROGJ), Int(GSL_FAILURE): return .noProgress
        default:
            return .other(code: status, message: String(cString: gsl_strerror(status)))
        }
    }

    // MARK: evolve step (GSL's gsl_odeiv2_evolve_apply, with f(t, y) kept where the integrator can read it)

    /// GSL 2.7.1's `gsl_odeiv2_evolve_apply` (ode-initval2/evolve.c), step for step — the same stepper
    /// and control calls, rejections, halving on a stepper failure and landing on `t1`. GSL's own copy
    /// also carries f between steps (f(t₀, y₀) evaluated on the first step after a reset, the last
    /// step's `dydt_out` copied in otherwise: Debian's build, read from its disassembly), but keeps it
    /// where nothing else can use it. Here it lives in the integrator's buffer `f`: dense output, the
    /// stiffness monitor and the restart-step estimate read it instead of evaluating f(t, y) again, and
    /// an f they evaluated is the next step's first stage. A stepper's `dydt_out` is f(t₀ + h, y₁); it
    /// is kept only when t₀ + h is the new time bit for bit (GSL keeps it after a final step that
    /// landed on `t1` too), so every stage sees the arguments GSL's loop gives it, and the results are
    /// GSL's bits.
    private func evolveApply(
        e: UnsafeMutablePointer<gsl_odeiv2_evolve>, c: UnsafeMutablePointer<gsl_odeiv2_control>?,
        s: UnsafeMutablePointer<gsl_odeiv2_step>, t: inout Double, t1: Double, h: inout Double,
        y: UnsafeMutablePointer<Double>, f: UnsafeMutablePointer<Double>, known: inout Bool
    ) -> Int32 {
        let n = box.dimension
        let t0 = t
        var h0 = h
        let dt = t1 - t0
        if (dt < 0 && h0 > 0) || (dt > 0 && h0 < 0) { return Int32(GSL_EINVAL) }
        e.pointee.y0.update(from: y, count: n)
        let type = s.pointee.type.pointee
        let usesDydtIn = type.can_use_dydt_in != 0
        if usesDydtIn && !known {
            let status = gslRHS(t0, y, f, Unmanaged.passUnretained(box).toOpaque())
            if status != GSL_SUCCESS { return status }
            known = true
        }
        // `f` holds f(t0, y0) from here to the end of the step; `known` turns false if it is overwritten.
        while true {
            var finalStep = false
            if (dt >= 0 && h0 > dt) || (dt < 0 && h0 < dt) {
                h0 = dt
                finalStep = true
            }
            let stepStatus = gsl_odeiv2_step_apply(s, t0, h0, y, e.pointee.yerr, usesDydtIn ? UnsafePointer(f) : nil,
                                                   e.pointee.dydt_out, system)
            if Int(stepStatus) == Int(GSL_EFAULT) || Int(stepStatus) == Int(GSL_EBADFUNC) { return stepStatus }
            if stepStatus != GSL_SUCCESS {
                // The stepper could not take the step: halve it, if that still moves t by an ulp.
                let hOld = h0
                h0 *= 0.5
                if Swift.abs(h0) < Swift.abs(hOld) && t0 + h0 != t0 {
                    y.update(from: e.pointee.y0, count: n)
                    e.pointee.failed_steps += 1
                    continue
                }
                h = h0
                t = t0
                return stepStatus
            }
            e.pointee.count += 1
            e.pointee.last_step = h0
            let hTaken = h0
            t = finalStep ? t1 : t0 + h0
            if let c {
                let hOld = h0
                let adjust = gsl_odeiv2_control_hadjust(c, s, y, e.pointee.yerr, e.pointee.dydt_out, &h0)
                if Int(adjust) == Int(GSL_ODEIV_HADJ_DEC) {
                    if Swift.abs(h0) < Swift.abs(hOld) && t + h0 != t {
                        y.update(from: e.pointee.y0, count: n)
                        e.pointee.failed_steps += 1
                        continue
                    }
                    h = h0
                    return Int32(GSL_FAILURE)
                }
            }
            if !finalStep { h = h0 }
            // The stepper's f(t0 + h, y1) is the next step's f(t0, y0) when that is exactly the new time.
            if type.gives_exact_dydt_out != 0 && t0 + hTaken == t {
                f.update(from: e.pointee.dydt_out, count: n)
                known = true
            } else {
                known = false
            }
            return stepStatus
        }
    }

    /// Forgets the stepper's history (multistep methods restart at order 1) after the state
    /// or the inputs changed at a segment boundary.
    func reset() {
        _ = gsl_odeiv2_driver_reset(driver)
    }

    private static func stepType(_ s: Stepper) -> UnsafePointer<gsl_odeiv2_step_type> {
        switch s {
        case .rk2: return gsl_odeiv2_step_rk2
        case .rk4: return gsl_odeiv2_step_rk4
        case .rkf45: return gsl_odeiv2_step_rkf45
        case .rkck: return gsl_odeiv2_step_rkck
        case .rk8pd: return gsl_odeiv2_step_rk8pd
        case .rk1imp: return gsl_odeiv2_step_rk1imp
        case .rk2imp: return gsl_odeiv2_step_rk2imp
        case .rk4imp: return gsl_odeiv2_step_rk4imp
        case .bsimp: return gsl_odeiv2_step_bsimp
        case .msadams: return gsl_odeiv2_step_msadams
        case .msbdf: return gsl_odeiv2_step_msbdf
        case .auto: preconditionFailure("`auto` is two drivers (rkck and msbdf), made by Integrator")
        }
    }
}

/// GSL's standard step-size control with a per-component multiplier s_i on both tolerances:
/// D0_i = s_i·(eps_abs + eps_rel·(a_y|y_i| + a_dydt·h|y'_i|)). Step adjustment is GSL's own rule
/// (control/cstd.c): shrink by S/r^(1/q) (at most 5×) when r > 1.1, grow by S/r^(1/(q+1)) (at most 5×,
/// never below 1) when r < 0.5, with r = max_i |err_i|/D0_i and S = 0.9.
private enum ScaledControl {
    struct State {
        var epsAbs = 0.0, epsRel = 0.0, aY = 1.0, aDydt = 0.0
        var scale: UnsafeMutablePointer<Double>? = nil
        var count = 0
    }

    nonisolated(unsafe) static let type: UnsafeMutablePointer<gsl_odeiv2_control_type> = {
        let t = UnsafeMutablePointer<gsl_odeiv2_control_type>.allocate(capacity: 1)
        t.initialize(to: gsl_odeiv2_control_type(
            name: UnsafePointer(strdup("osmo-scaled")), alloc: scaledAlloc, init: scaledInit,
            hadjust: scaledHadjust, errlevel: scaledErrlevel, set_driver: scaledSetDriver, free: scaledFree))
        return t
    }()

    static func make(options: SolverOptions, scale: [Double]) -> UnsafeMutablePointer<gsl_odeiv2_control>? {
        guard let c = gsl_odeiv2_control_alloc(type) else { return nil }
        let st = c.pointee.state.assumingMemoryBound(to: State.self)
        let buf = UnsafeMutablePointer<Double>.allocate(capacity: scale.count)
        buf.initialize(from: scale, count: scale.count)
        st.pointee.scale = buf
        st.pointee.count = scale.count
        guard gsl_odeiv2_control_init(c, options.absoluteTolerance, options.relativeTolerance, 1, 0) == GSL_SUCCESS else {
            gsl_odeiv2_control_free(c)
            return nil
        }
        return c
    }
}

private func scaledAlloc() -> UnsafeMutableRawPointer? {
    let p = UnsafeMutablePointer<ScaledControl.State>.allocate(capacity: 1)
    p.initialize(to: ScaledControl.State())
    return UnsafeMutableRawPointer(p)
}

private func scaledInit(_ state: UnsafeMutableRawPointer?, _ epsAbs: Double, _ epsRel: Double, _ aY: Double, _ aDydt: Double) -> Int32 {
    guard epsAbs >= 0, epsRel >= 0, aY >= 0, aDydt >= 0 else { return Int32(GSL_EINVAL) }
    let s = state.unsafelyUnwrapped.assumingMemoryBound(to: ScaledControl.State.self)
    s.pointee.epsAbs = epsAbs
    s.pointee.epsRel = epsRel
    s.pointee.aY = aY
    s.pointee.aDydt = aDydt
    return Int32(GSL_SUCCESS)
}

@inline(__always)
private func scaledLevel(_ s: UnsafeMutablePointer<ScaledControl.State>, _ i: Int, _ y: Double, _ dydt: Double, _ h: Double) -> Double {
    let k = i < s.pointee.count ? s.pointee.scale.unsafelyUnwrapped[i] : 1
    return k * (s.pointee.epsAbs + s.pointee.epsRel * (s.pointee.aY * Swift.abs(y) + s.pointee.aDydt * Swift.abs(h * dydt)))
}

private func scaledHadjust(
    _ state: UnsafeMutableRawPointer?, _ dim: Int, _ ord: UInt32, _ y: UnsafePointer<Double>?,
    _ yerr: UnsafePointer<Double>?, _ yp: UnsafePointer<Double>?, _ h: UnsafeMutablePointer<Double>?
) -> Int32 {
    let s = state.unsafelyUnwrapped.assumingMemoryBound(to: ScaledControl.State.self)
    let y = y.unsafelyUnwrapped, yerr = yerr.unsafelyUnwrapped, yp = yp.unsafelyUnwrapped, h = h.unsafelyUnwrapped
    let hOld = h.pointee
    var rmax = Double.leastNormalMagnitude
    for i in 0..<dim {
        let d0 = scaledLevel(s, i, y[i], yp[i], hOld)
        rmax = Swift.max(rmax, Swift.abs(yerr[i]) / Swift.abs(d0))
    }
    let safety = 0.9
    if rmax > 1.1 {
        h.pointee = hOld * Swift.max(safety / Foundation.pow(rmax, 1 / Double(ord)), 0.2)
        return Int32(GSL_ODEIV_HADJ_DEC)
    } else if rmax < 0.5 {
        h.pointee = hOld * Swift.max(Swift.min(safety / Foundation.pow(rmax, 1 / (Double(ord) + 1)), 5), 1)
        return Int32(GSL_ODEIV_HADJ_INC)
    }
    return Int32(GSL_ODEIV_HADJ_NIL)
}

private func scaledErrlevel(
    _ state: UnsafeMutableRawPointer?, _ y: Double, _ dydt: Double, _ h: Double, _ ind: Int,
    _ errlev: UnsafeMutablePointer<Double>?
) -> Int32 {
    let s = state.unsafelyUnwrapped.assumingMemoryBound(to: ScaledControl.State.self)
    let level = scaledLevel(s, ind, y, dydt, h)
    guard level > 0 else { return Int32(GSL_EINVAL) }
    errlev.unsafelyUnwrapped.pointee = level
    return Int32(GSL_SUCCESS)
}

private func scaledSetDriver(_ state: UnsafeMutableRawPointer?, _ driver: UnsafePointer<gsl_odeiv2_driver>?) -> Int32 {
    Int32(GSL_SUCCESS)
}

private func scaledFree(_ state: UnsafeMutableRawPointer?) {
    let s = state.unsafelyUnwrapped.assumingMemoryBound(to: ScaledControl.State.self)
    s.pointee.scale?.deallocate()
    s.deinitialize(count: 1)
    s.deallocate()
}
