// The C boundary: the only file in OsmoODE that imports CGSL. Nothing above it sees a C type.
@preconcurrency import CGSL

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
    return ok ? Int32(GSL_SUCCESS) : Int32(GSL_EBADFUNC)
}

/// `gsl_odeiv2_system.jacobian`.
private func gslJacobian(
    _ t: Double, _ y: UnsafePointer<Double>?, _ dfdy: UnsafeMutablePointer<Double>?,
    _ dfdt: UnsafeMutablePointer<Double>?, _ params: UnsafeMutableRawPointer?
) -> Int32 {
    let ok = Unmanaged<RHSBox>.fromOpaque(params.unsafelyUnwrapped)._withUnsafeGuaranteedRef {
        $0.evaluateJacobian(t, y.unsafelyUnwrapped, dfdy.unsafelyUnwrapped, dfdt.unsafelyUnwrapped)
    }
    return ok ? Int32(GSL_SUCCESS) : Int32(GSL_EBADFUNC)
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
    }

    deinit {
        gsl_odeiv2_driver_free(driver)
        system.deallocate()
    }

    /// One adaptive step from `t` towards `t1`, never past it (GSL lands on `t1` exactly
    /// when the step reaches it). `h` is the step to try, updated to GSL's next suggestion.
    /// On failure `t` and `y` are put back to where the step started (the last accepted step).
    func step(t: inout Double, to t1: Double, h: inout Double, y: UnsafeMutablePointer<Double>) -> StepOutcome {
        let d = driver.pointee
        let t0 = t
        let status = gsl_odeiv2_evolve_apply(d.e, d.c, d.s, system, &t, t1, &h, y)
        if Int(status) == Int(GSL_SUCCESS) { return .ok }
        // A failed evolve_apply can leave `t` and `y` at a rejected step: when the error control
        // cannot shrink the step any further it returns GSL_FAILURE with `t = t0 + h` and `y` the
        // rejected result. evolve_apply copied `y` into `e->y0` before trying: restore from it.
        t = t0
        y.update(from: d.e.pointee.y0, count: box.dimension)
        switch Int(status) {
        case Int(GSL_EBADFUNC): return .badFunction
        case Int(GSL_EMAXITER): return .maxIterations
        // GSL_FAILURE from evolve_apply: the step was halved down to one ulp of `t` without
        // meeting the tolerance (or without the stepper succeeding): no progress is possible.
        case Int(GSL_ENOPROG), Int(GSL_ENOPROGJ), Int(GSL_FAILURE): return .noProgress
        default:
            return .other(code: status, message: String(cString: gsl_strerror(status)))
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
        }
    }
}
