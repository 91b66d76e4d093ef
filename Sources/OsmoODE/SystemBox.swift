/// The system's right-hand side for one concrete `System`, called through a type-erased pointer
/// to the system: `(system, t, y, dydt, n)`.
@usableFromInline typealias RHSEntry =
    (UnsafeMutableRawPointer, Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void
/// The analytic Jacobian likewise: `(system, t, y, dfdy, dfdt, n)`.
@usableFromInline typealias JacobianEntry =
    (UnsafeMutableRawPointer, Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, Int)
    -> Void

extension ODESystem {
    // These closures are formed in `@inlinable` code (Integrator.init, solve), so they are compiled
    // in the caller's module for the concrete system type: `derivatives` is called directly (and
    // usually inlined), with no generic dispatch, witness-table call or copy of the system per call.
    // A generic class's overridden method cannot do that: its vtable entry is always the
    // unspecialized implementation.
    @inlinable
    static var _rhsEntry: RHSEntry {
        { raw, t, y, dydt, n in
            raw.assumingMemoryBound(to: Self.self).pointee.derivatives(
                t: t, y: UnsafeBufferPointer(start: y, count: n), dydt: UnsafeMutableBufferPointer(start: dydt, count: n))
        }
    }

    @inlinable
    static var _jacobianEntry: JacobianEntry {
        { raw, t, y, dfdy, dfdt, n in
            raw.assumingMemoryBound(to: Self.self).pointee.jacobian(
                t: t, y: UnsafeBufferPointer(start: y, count: n),
                dfdy: UnsafeMutableBufferPointer(start: dfdy, count: n * n),
                dfdt: UnsafeMutableBufferPointer(start: dfdt, count: n))
        }
    }
}

/// The object GSL's callbacks reach through `params`: not generic, so a call costs one load
/// and one call of the specialized ``RHSEntry`` (no virtual dispatch, no allocation).
@usableFromInline
class RHSBox {
    @usableFromInline let dimension: Int
    /// Counters and the last bad evaluation live in raw memory owned by the box,
    /// so the hot path has no class-property exclusivity checks.
    @usableFromInline let counters: UnsafeMutablePointer<Int>      // [rhs, jacobian, badComponent, FD rhs]
    @usableFromInline let badTime: UnsafeMutablePointer<Double>
    /// The system (owned by the ``SystemBox`` subclass) and its specialized entry points.
    let rawSystem: UnsafeMutableRawPointer
    let rhs: RHSEntry
    let jac: JacobianEntry
    /// Scratch for the finite-difference Jacobian: f(y) (n), f(y + δ) (n), perturbed y (n),
    /// the increments δ (n).
    let scratch: UnsafeMutablePointer<Double>
    let analytic: Bool
    let autonomous: Bool
    /// Smallest |y_j| used to scale the finite-difference increment (from the tolerances).
    let incrementFloor: Double
    /// With ``FiniteDifferenceJacobian/sparse`` (and no analytic Jacobian): the pattern, its
    /// colouring and what has been learned (SystemBox+FiniteDifferences.swift); `nil` for dense.
    let sparse: SparseJacobianPlan?
    /// The time the integrator is advancing to (set by ``Integrator/advance(to:)``): the sparsity
    /// probe also looks there. NaN before the first advance.
    var horizon = Double.nan

    init(dimension n: Int, rawSystem: UnsafeMutableRawPointer, rhs: @escaping RHSEntry, jacobian: @escaping JacobianEntry,
         analytic: Bool, autonomous: Bool, incrementFloor: Double, finiteDifferences: FiniteDifferenceJacobian,
         declaredSparsity: JacobianSparsity?) {
        dimension = n
        counters = .allocate(capacity: 4)
        counters.initialize(repeating: 0, count: 4)
        counters[2] = -1
        badTime = .allocate(capacity: 1)
        badTime.initialize(to: .nan)
        self.rawSystem = rawSystem
        self.rhs = rhs
        self.jac = jacobian
        scratch = .allocate(capacity: 4 * n)
        scratch.initialize(repeating: 0, count: 4 * n)
        self.analytic = analytic
        self.autonomous = autonomous
        self.incrementFloor = incrementFloor
        sparse = !analytic && finiteDifferences == .sparse ? SparseJacobianPlan(dimension: n, declared: declaredSparsity) : nil
    }

    deinit {
        counters.deallocate()
        badTime.deallocate()
        scratch.deallocate()
    }

    var rhsEvaluations: Int { counters[0] }
    var jacobianEvaluations: Int { counters[1] }
    /// Right-hand-side calls made for finite-difference Jacobians (included in ``rhsEvaluations``).
    var finiteDifferenceEvaluations: Int { counters[3] }
    /// The component of the last non-finite derivative since ``clearBadEvaluation()``, or -1.
    var badComponent: Int { counters[2] }
    /// Forgets the last non-finite evaluation (called before each step attempt).
    @inline(__always)
    final func clearBadEvaluation() { counters[2] = -1 }

    /// Index of the first non-finite value among `count` values, or `nil`.
    @inline(__always)
    static func firstNonFinite(_ v: UnsafePointer<Double>, _ count: Int) -> Int? {
        // 0·x is 0 for finite x and NaN otherwise; four independent sums so the pass vectorises.
        var p0 = 0.0, p1 = 0.0, p2 = 0.0, p3 = 0.0
        var i = 0
        while i + 4 <= count {
            p0 += v[i] * 0; p1 += v[i + 1] * 0; p2 += v[i + 2] * 0; p3 += v[i + 3] * 0
            i += 4
        }
        while i < count { p0 += v[i] * 0; i += 1 }
        if (p0 + p1) + (p2 + p3) == 0 { return nil }
        for i in 0..<count where !v[i].isFinite { return i }
        return nil
    }

    /// `dydt = f(t, y)`; returns `false` when a derivative is not finite.
    @inline(__always)
    final func evaluate(_ t: Double, _ y: UnsafePointer<Double>, _ dydt: UnsafeMutablePointer<Double>) -> Bool {
        let n = dimension
        counters[0] &+= 1
        rhs(rawSystem, t, y, dydt, n)
        if let bad = RHSBox.firstNonFinite(dydt, n) {
            counters[2] = bad
            badTime.pointee = t
            return false
        }
        return true
    }

    /// Row-major `∂f/∂y` and `∂f/∂t`; returns `false` when a value is not finite.
    final func evaluateJacobian(
        _ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>,
        _ dfdt: UnsafeMutablePointer<Double>
    ) -> Bool {
        let n = dimension
        counters[1] &+= 1
        if analytic {
            jac(rawSystem, t, y, dfdy, dfdt, n)
        } else if let plan = sparse {
            sparseFiniteDifferenceJacobian(plan, t, y, dfdy, dfdt)
        } else {
            denseFiniteDifferenceJacobian(t, y, dfdy)
            finiteDifferenceTimeDerivative(t, y, dfdt)
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
}

/// The box for one concrete system. The system lives in memory the box owns, at a
/// stable address, so the integrator can change its inputs between segments.
@usableFromInline
final class SystemBox<System: ODESystem>: RHSBox {
    @usableFromInline let storage: UnsafeMutablePointer<System>

    @usableFromInline
    init(system: System, incrementFloor: Double, finiteDifferences: FiniteDifferenceJacobian,
         rhs: @escaping RHSEntry, jacobian: @escaping JacobianEntry) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: system)
        super.init(dimension: system.dimension, rawSystem: UnsafeMutableRawPointer(storage), rhs: rhs, jacobian: jacobian,
                   analytic: system.hasAnalyticJacobian, autonomous: system.isAutonomous, incrementFloor: incrementFloor,
                   finiteDifferences: finiteDifferences, declaredSparsity: system.jacobianSparsity)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }
}
