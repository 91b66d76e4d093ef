/// Dense output: samples between accepted steps by cubic Hermite interpolation, so output
/// times never force the stepper to shorten a step (or to refactor its iteration matrix).
///
/// Between accepted steps `(t₀, y₀)` and `(t₁, y₁)` with `f₀ = f(t₀, y₀)`, `f₁ = f(t₁, y₁)`,
/// `Δ = t₁ − t₀`, `s = (t − t₀)/Δ`:
/// `y(t) = (2s³ − 3s² + 1) y₀ + (s³ − 2s² + s) Δ f₀ + (−2s³ + 3s²) y₁ + (s³ − s²) Δ f₁`.
/// The interpolant is exact at step ends, third-order accurate inside, and — being linear in
/// the data — keeps every linear invariant the right-hand side keeps (mass ledgers close
/// at sampled times exactly as at step ends). `f₀` and `f₁` cost no RHS call when the steppers
/// evaluated them already (rkck and msbdf end each step with f(t₁, y₁): ``Integrator/derivative``);
/// otherwise one each, and a step's `f₁` is kept as the next step's `f₀` (same time, same state,
/// same inputs within one call) rather than evaluated again.
/// Where the cubic would overshoot (a stiff component off its slow manifold), the sample is
/// interpolated linearly instead.
extension Integrator {
    /// Integrates from ``time`` to exactly `t1`, calling `sample(t, state)` for each time in
    /// `times[next...]` that is ≤ `t1` (< `t1` when `includingEnd` is false, so that a sample at a
    /// segment boundary can be taken after the boundary's events), in order, advancing `next` past them.
    /// `times` must be sorted and ≥ ``time``. A sample at a step end gets that step's state exactly.
    @discardableResult
    public func advance(
        to t1: Double, sampling times: [Double], next: inout Int, includingEnd: Bool = true,
        _ sample: (Double, UnsafeBufferPointer<Double>) -> Void
    ) -> SolverStatus {
        func wanted(_ i: Int, upTo t: Double) -> Bool {
            i < times.count && times[i] <= t && (includingEnd || times[i] < t1)
        }
        let n = dimension
        let work = UnsafeMutablePointer<Double>.allocate(capacity: 6 * n)
        defer { work.deallocate() }
        let y0 = work, f0 = work + n, f1 = work + 2 * n, yi = work + 3 * n
        // The band each component's cubic may reach before the linear fallback: per step, not per sample.
        let low = work + 4 * n, high = work + 5 * n
        let atol = options.absoluteTolerance, rtol = options.relativeTolerance
        // Samples at the current time come first.
        while wanted(next, upTo: time) {
            sample(times[next], UnsafeBufferPointer(start: y, count: n))
            next += 1
        }
        y0.update(from: y, count: n)
        var t0 = time
        var i = next
        /// `f0` holds f(t0, y0): the previous step's `f1`.
        var haveF0 = false
        if derivativeKnown {
            f0.update(from: derivative, count: n)
            haveF0 = true
        }
        let result = advance(to: t1) { [self] _ in
            let tNew = time
            var haveDerivatives = false
            if wanted(i, upTo: tNew) {
                let dt = tNew - t0
                while wanted(i, upTo: tNew) {
                    let ts = times[i]
                    if ts == tNew {
                        sample(ts, UnsafeBufferPointer(start: y, count: n))
                    } else {
                        if !haveDerivatives {
                            if derivativeKnown { f1.update(from: derivative, count: n) }
                            guard haveF0 || box.evaluate(t0, y0, f0), derivativeKnown || box.evaluate(tNew, y, f1) else {
                                status = .nonFiniteState(time: t0, component: Swift.max(box.badComponent, 0))
                                return false
                            }
                            haveDerivatives = true
                            // Allowed bulge: the change over the step plus ten times the error tolerance,
                            // so a component that barely moves cannot trip the fallback on curvature
                            // the stepper itself resolves.
                            for k in 0..<n {
                                let a = y0[k], b = y[k]
                                let d = Swift.abs(b - a) + 10 * (atol + rtol * Swift.max(Swift.abs(a), Swift.abs(b)))
                                low[k] = Swift.min(a, b) - d
                                high[k] = Swift.max(a, b) + d
                            }
                        }
                        let s = (ts - t0) / dt
                        let s2 = s * s, s3 = s2 * s
                        let h00 = 2 * s3 - 3 * s2 + 1, h10 = (s3 - 2 * s2 + s) * dt
                        let h01 = -2 * s3 + 3 * s2, h11 = (s3 - s2) * dt
                        // A stiff component off its slow manifold can have end slopes far larger
                        // than its change over the step; the cubic then overshoots wildly. When any
                        // component leaves [min − Δ, max + Δ] of its end values (Δ = |y₁ − y₀| + 10·(atol + rtol·max|y|)), the
                        // whole sample falls back to linear interpolation — still linear in the data,
                        // so linear invariants (ledgers) are kept either way.
                        var wild = false
                        for k in 0..<n {
                            let v = h00 * y0[k] + h10 * f0[k] + h01 * y[k] + h11 * f1[k]
                            yi[k] = v
                            if v < low[k] || v > high[k] { wild = true }
                        }
                        if wild {
                            for k in 0..<n { yi[k] = (1 - s) * y0[k] + s * y[k] }
                        }
                        sample(ts, UnsafeBufferPointer(start: yi, count: n))
                    }
                    i += 1
                }
            }
            y0.update(from: y, count: n)
            t0 = tNew
            // This step's end is the next one's start: keep f(t1, y1) as the next f(t0, y0).
            if haveDerivatives {
                f0.update(from: f1, count: n)
            } else if derivativeKnown {
                f0.update(from: derivative, count: n)
            }
            haveF0 = haveDerivatives || derivativeKnown
            return true
        }
        // Samples exactly at t1 (reached without a step, e.g. t1 == time) are taken here.
        if result.isSuccess {
            while wanted(i, upTo: t1) {
                sample(times[i], UnsafeBufferPointer(start: y, count: n))
                i += 1
            }
        }
        next = i
        return result
    }
}
