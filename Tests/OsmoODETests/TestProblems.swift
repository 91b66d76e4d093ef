import Foundation
import OsmoODE

// Test problems shared by the OsmoODE tests, each with a closed-form or published reference.

/// `y' = -k y`, `y(t) = y0 e^{-k t}`.
struct ExponentialDecay: ODESystem {
    var k: Double = 0.8
    var analytic: Bool = false
    var dimension: Int { 1 }
    var isAutonomous: Bool { true }
    var hasAnalyticJacobian: Bool { analytic }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -k * y[0]
    }

    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        dfdy[0] = -k
        dfdt[0] = 0
    }

    func exact(_ t: Double, y0: Double) -> [Double] { [y0 * exp(-k * t)] }
}

/// Linear exchange between two compartments, e.g. plasma (0) and interstitium (1):
/// `y0' = -k01 y0 + k10 y1`, `y1' = k01 y0 - k10 y1`, plus an elimination `-ke y0`.
/// Closed form: the eigen-decomposition of the 2×2 rate matrix.
struct TwoCompartment: ODESystem {
    var k01: Double = 0.9
    var k10: Double = 0.3
    var ke: Double = 0.2
    var analytic: Bool = false
    var dimension: Int { 2 }
    var isAutonomous: Bool { true }
    var hasAnalyticJacobian: Bool { analytic }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -(k01 + ke) * y[0] + k10 * y[1]
        dydt[1] = k01 * y[0] - k10 * y[1]
    }

    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        dfdy[0] = -(k01 + ke); dfdy[1] = k10
        dfdy[2] = k01; dfdy[3] = -k10
        dfdt[0] = 0; dfdt[1] = 0
    }

    /// `y(t) = c1 v1 e^{λ1 t} + c2 v2 e^{λ2 t}` for the matrix `[[a, b], [c, d]]`.
    func exact(_ t: Double, y0: [Double]) -> [Double] {
        let a = -(k01 + ke), b = k10, c = k01, d = -k10
        let tr = a + d, det = a * d - b * c
        let disc = (tr * tr / 4 - det).squareRoot()
        let l1 = tr / 2 + disc, l2 = tr / 2 - disc
        // Eigenvectors (b, λ - a).
        let v1 = (b, l1 - a), v2 = (b, l2 - a)
        // Solve c1 v1 + c2 v2 = y0.
        let m = v1.0 * v2.1 - v2.0 * v1.1
        let c1 = (y0[0] * v2.1 - v2.0 * y0[1]) / m
        let c2 = (v1.0 * y0[1] - y0[0] * v1.1) / m
        let e1 = exp(l1 * t), e2 = exp(l2 * t)
        return [c1 * v1.0 * e1 + c2 * v2.0 * e2, c1 * v1.1 * e1 + c2 * v2.1 * e2]
    }
}

/// Robertson's chemical kinetics, the classic stiff test (Hairer & Wanner, Solving ODEs II, §IV.1).
struct Robertson: ODESystem {
    var analytic: Bool = true
    var dimension: Int { 3 }
    var isAutonomous: Bool { true }
    var hasAnalyticJacobian: Bool { analytic }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2]
        dydt[2] = 3e7 * y[1] * y[1]
        dydt[1] = -dydt[0] - dydt[2]
    }

    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        dfdy[0] = -0.04; dfdy[1] = 1e4 * y[2]; dfdy[2] = 1e4 * y[1]
        dfdy[3] = 0.04; dfdy[4] = -1e4 * y[2] - 6e7 * y[1]; dfdy[5] = -1e4 * y[1]
        dfdy[6] = 0; dfdy[7] = 6e7 * y[1]; dfdy[8] = 0
        dfdt[0] = 0; dfdt[1] = 0; dfdt[2] = 0
    }

    /// Reference values. t = 40 and t = 1e5: SciPy 1.17 Radau at rtol 1e-13, atol 1e-20 with the
    /// analytic Jacobian (LSODA and BDF at rtol 1e-12 agree to 9 digits); the same run reproduces the
    /// published t = 1e11 value below to 11 digits. t = 1e11: the IVP Test Set (Mazzia & Magherini,
    /// Bari), problem ROBER.
    static let y40: [Double] = [7.158270687194066e-01, 9.185534764557774e-06, 2.841637457458316e-01]
    static let y1e5: [Double] = [1.786592114210175e-02, 7.274751468437249e-08, 9.821340061103857e-01]
    static let y1e11: [Double] = [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050]
}

/// `max_i |y_i − y*_i| / (atol + rtol·|y*_i|)`: the error in units of the requested tolerance
/// (SciPy's `test_integrate` uses the same measure).
func scaledError(_ y: some Collection<Double>, _ exact: [Double], atol: Double, rtol: Double) -> Double {
    zip(y, exact).map { abs($0 - $1) / (atol + rtol * abs($1)) }.max() ?? 0
}

/// `max_i |y_i − y*_i| / |y*_i|`.
func relativeError(_ y: some Collection<Double>, _ exact: [Double]) -> Double {
    zip(y, exact).map { abs($0 - $1) / abs($1) }.max() ?? 0
}
