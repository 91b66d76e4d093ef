/// The object GSL's callbacks reach through `params`: a non-generic base with one
/// overridable entry point per callback, so the C callbacks are plain global functions
/// and a call costs one virtual dispatch (no closure context, no existential, no allocation).
@usableFromInline
class RHSBox {
    @usableFromInline let dimension: Int
    /// Counters and the last bad evaluation live in raw memory owned by the box,
    /// so the hot path has no class-property exclusivity checks.
    @usableFromInline let counters: UnsafeMutablePointer<Int>      // [rhs, jacobian, badComponent]
    @usableFromInline let badTime: UnsafeMutablePointer<Double>

    init(dimension: Int) {
        self.dimension = dimension
        counters = .allocate(capacity: 3)
        counters.initialize(repeating: 0, count: 3)
        counters[2] = -1
        badTime = .allocate(capacity: 1)
        badTime.initialize(to: .nan)
    }

    deinit {
        counters.deallocate()
        badTime.deallocate()
    }

    /// `dydt = f(t, y)`; returns `false` when a derivative is not finite.
    func evaluate(_ t: Double, _ y: UnsafePointer<Double>, _ dydt: UnsafeMutablePointer<Double>) -> Bool {
        fatalError("abstract")
    }

    /// Row-major `∂f/∂y` and `∂f/∂t`; returns `false` when a value is not finite.
    func evaluateJacobian(
        _ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>,
        _ dfdt: UnsafeMutablePointer<Double>
    ) -> Bool {
        fatalError("abstract")
    }

    var rhsEvaluations: Int { counters[0] }
    var jacobianEvaluations: Int { counters[1] }
    /// The component of the last non-finite derivative, or -1.
    var badComponent: Int { counters[2] }

    /// Index of the first non-finite value among `count` values, or `nil`.
    @inline(__always)
    static func firstNonFinite(_ v: UnsafePointer<Double>, _ count: Int) -> Int? {
        // 0·x is 0 for finite x and NaN otherwise: one vectorisable pass, a scan only on failure.
        var probe = 0.0
        for i in 0..<count { probe += v[i] * 0 }
        if probe == 0 { return nil }
        for i in 0..<count where !v[i].isFinite { return i }
        return nil
    }
}

/// The box for one concrete system. The system lives in memory the box owns, at a
/// stable address, so the integrator can change its inputs between segments.
@usableFromInline
final class SystemBox<System: ODESystem>: RHSBox {
    @usableFromInline let storage: UnsafeMutablePointer<System>
    /// Scratch for the finite-difference Jacobian: f(y) (n), f(y + δ) (n), perturbed y (n).
    let scratch: UnsafeMutablePointer<Double>
    let analytic: Bool
    let autonomous: Bool
    /// Smallest |y_j| used to scale the finite-difference increment (from the tolerances).
    let incrementFloor: Double

    init(system: System, incrementFloor: Double) {
        let n = system.dimension
        storage = .allocate(capacity: 1)
        storage.initialize(to: system)
        scratch = .allocate(capacity: 3 * n)
        scratch.initialize(repeating: 0, count: 3 * n)
        analytic = system.hasAnalyticJacobian
        autonomous = system.isAutonomous
        self.incrementFloor = incrementFloor
        super.init(dimension: n)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
        scratch.deallocate()
    }

    override func evaluate(_ t: Double, _ y: UnsafePointer<Double>, _ dydt: UnsafeMutablePointer<Double>) -> Bool {
        let n = dimension
        counters[0] &+= 1
        storage.pointee.derivatives(
            t: t, y: UnsafeBufferPointer(start: y, count: n),
            dydt: UnsafeMutableBufferPointer(start: dydt, count: n))
        if let bad = RHSBox.firstNonFinite(dydt, n) {
            counters[2] = bad
            badTime.pointee = t
            return false
        }
        return true
    }

    override func evaluateJacobian(
        _ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>,
        _ dfdt: UnsafeMutablePointer<Double>
    ) -> Bool {
        let n = dimension
        counters[1] &+= 1
        if analytic {
            storage.pointee.jacobian(
                t: t, y: UnsafeBufferPointer(start: y, count: n),
                dfdy: UnsafeMutableBufferPointer(start: dfdy, count: n * n),
                dfdt: UnsafeMutableBufferPointer(start: dfdt, count: n))
        } else {
            finiteDifferenceJacobian(t, y, dfdy, dfdt)
        }
        if let bad = RHSBox.firstNonFinite(dfdy, n * n) {
            counters[2] = bad / n
            badTime.pointee = t
            return false
        }
        if let bad = RHSBox.firstNonFinite(dfdt, n) {
            counters[2] = bad
            badTime.pointee = t
            return false
        }
        return true
    }

    /// Forward differences with scaled increments:
    /// `δ_j = √ε · max(|y_j|, floor)`, column `j` = `(f(y + δ_j e_j) − f(y)) / δ_j`;
    /// `∂f/∂t` likewise with `δ_t = √ε · max(|t|, 1)` unless the system is autonomous.
    private func finiteDifferenceJacobian(
        _ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>,
        _ dfdt: UnsafeMutablePointer<Double>
    ) {
        let n = dimension
        let f0 = scratch, f1 = scratch + n, yp = scratch + 2 * n
        let sqrtEps = Double.ulpOfOne.squareRoot()
        storage.pointee.derivatives(
            t: t, y: UnsafeBufferPointer(start: y, count: n), dydt: UnsafeMutableBufferPointer(start: f0, count: n))
        yp.update(from: y, count: n)
        for j in 0..<n {
            let yj = y[j]
            var delta = sqrtEps * Swift.max(Swift.abs(yj), incrementFloor)
            let bumped = yj + delta
            delta = bumped - yj  // the increment actually represented
            yp[j] = bumped
            storage.pointee.derivatives(
                t: t, y: UnsafeBufferPointer(start: yp, count: n),
                dydt: UnsafeMutableBufferPointer(start: f1, count: n))
            yp[j] = yj
            let inv = 1 / delta
            for i in 0..<n { dfdy[i * n + j] = (f1[i] - f0[i]) * inv }
        }
        var calls = n + 1
        if autonomous {
            for i in 0..<n { dfdt[i] = 0 }
        } else {
            var dt = sqrtEps * Swift.max(Swift.abs(t), 1)
            dt = (t + dt) - t
            storage.pointee.derivatives(
                t: t + dt, y: UnsafeBufferPointer(start: y, count: n),
                dydt: UnsafeMutableBufferPointer(start: f1, count: n))
            for i in 0..<n { dfdt[i] = (f1[i] - f0[i]) / dt }
            calls += 1
        }
        counters[0] &+= calls
    }
}
