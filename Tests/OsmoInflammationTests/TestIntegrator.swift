// An adaptive Dormand–Prince RK45 written inside the test target, independent of the module's
// fixed-step RK4, to integrate the submodel's derivatives in the tests.

import Foundation
import OsmoInflammation

/// Samples (t, state) on a uniform output grid.
struct Trajectory {
    var times: [Double] = []
    var states: [[Double]] = []

    /// Value of an observable along the trajectory.
    func series(_ f: (UnsafePointer<Double>) -> Double) -> [Double] {
        states.map { s in s.withUnsafeBufferPointer { f($0.baseAddress!) } }
    }
    func index(at t: Double) -> Int {
        times.firstIndex { $0 >= t - 1e-9 } ?? (times.count - 1)
    }
}

struct Peak { var value: Double; var time: Double; var index: Int }

func peak(_ xs: [Double], _ ts: [Double]) -> Peak {
    var best = 0
    for i in xs.indices where xs[i] > xs[best] { best = i }
    return Peak(value: xs[best], time: ts[best], index: best)
}

/// Integrates the submodel from `y0` over [0, tEnd] h, output every `dtOut` h, adaptive DP45
/// with relative tolerance `rtol`. The load is evaluated at the stage times.
func integrate(_ model: InflammationModel, y0: [Double], tEnd: Double, dtOut: Double = 0.01,
               potency: Double = 0, load: (Double) -> Double = { _ in 0 },
               rtol: Double = 1e-8, atol: Double = 1e-10) -> Trajectory {
    let n = y0.count
    // Dormand–Prince 5(4) tableau.
    let c: [Double] = [0, 1.0/5, 3.0/10, 4.0/5, 8.0/9, 1, 1]
    let a: [[Double]] = [
        [],
        [1.0/5],
        [3.0/40, 9.0/40],
        [44.0/45, -56.0/15, 32.0/9],
        [19372.0/6561, -25360.0/2187, 64448.0/6561, -212.0/729],
        [9017.0/3168, -355.0/33, 46732.0/5247, 49.0/176, -5103.0/18656],
        [35.0/384, 0, 500.0/1113, 125.0/192, -2187.0/6784, 11.0/84],
    ]
    let b5: [Double] = [35.0/384, 0, 500.0/1113, 125.0/192, -2187.0/6784, 11.0/84, 0]
    let b4: [Double] = [5179.0/57600, 0, 7571.0/16695, 393.0/640, -92097.0/339200, 187.0/2100, 1.0/40]
    var k = [[Double]](repeating: [Double](repeating: 0, count: n), count: 7)
    var y = y0, tmp = y0, y5 = y0
    var t = 0.0, h = 1e-3
    var out = Trajectory()
    out.times.append(0); out.states.append(y)
    var nextOut = dtOut
    func f(_ t: Double, _ y: [Double], _ dy: inout [Double]) {
        let l = load(t)
        y.withUnsafeBufferPointer { yb in
            dy.withUnsafeMutableBufferPointer { db in
                model.derivatives(t: t, y: yb.baseAddress!, dydt: db.baseAddress!,
                                  pathogenLoad: l, inflammatoryPotency: potency)
            }
        }
    }
    while t < tEnd - 1e-12 {
        // Do not step past the next output time: outputs are exact step ends.
        h = min(h, nextOut - t)
        for s in 0..<7 {
            for j in 0..<n {
                var acc = y[j]
                for r in 0..<s { acc += h * a[s][r] * k[r][j] }
                tmp[j] = acc
            }
            f(t + c[s] * h, tmp, &k[s])
        }
        var err = 0.0
        for j in 0..<n {
            var s5 = y[j], s4 = y[j]
            for s in 0..<7 { s5 += h * b5[s] * k[s][j]; s4 += h * b4[s] * k[s][j] }
            y5[j] = s5
            let sc = atol + rtol * max(abs(y[j]), abs(s5))
            err = max(err, abs(s5 - s4) / sc)
        }
        if err <= 1 {
            t += h; y = y5
            if abs(t - nextOut) < 1e-12 {
                out.times.append(nextOut); out.states.append(y)
                nextOut = min(nextOut + dtOut, tEnd)
                t = out.times.last!
            }
        }
        let factor = err == 0 ? 5 : min(5, max(0.2, 0.9 * pow(1 / err, 0.2)))
        h *= factor
        h = max(h, 1e-9)
    }
    return out
}

func baselineState(_ model: InflammationModel) -> [Double] {
    var y = [Double](repeating: 0, count: InflammationModel.stateCount)
    y.withUnsafeMutableBufferPointer { model.initialState($0.baseAddress!) }
    return y
}

/// Runs the endotoxin challenge with the test integrator.
func endotoxinRun(_ ngPerKg: Double, model: InflammationModel = .init(), tEnd: Double = 24) -> Trajectory {
    var y = baselineState(model)
    y.withUnsafeMutableBufferPointer { model.addEndotoxinBolus(ngPerKg: ngPerKg, to: $0.baseAddress!) }
    return integrate(model, y0: y, tEnd: tEnd)
}
