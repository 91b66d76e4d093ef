// A small deterministic fixed-step RK4 for calibration/validation runs of the submodel alone.

/// Integrates the submodel alone from `t0` to `t1` with fixed step `h` (hours), calling `observe`
/// after every step with (t, y). `load(t)` gives the pathogen load. Allocates its buffers once.
func integrateRK4(model: InflammationModel, y: inout [Double], t0: Double, t1: Double, h: Double,
                  potency: Double, load: (Double) -> Double,
                  observe: (Double, UnsafePointer<Double>) -> Void) {
    let n = InflammationModel.stateCount
    var k1 = [Double](repeating: 0, count: n), k2 = k1, k3 = k1, k4 = k1, tmp = k1
    let steps = Int(((t1 - t0) / h).rounded())
    y.withUnsafeMutableBufferPointer { yb in
        let yp = yb.baseAddress!
        for i in 0..<steps {
            let t = t0 + Double(i) * h
            let lt = load(t), lm = load(t + h / 2), le = load(t + h)
            model.derivatives(t: t, y: yp, dydt: &k1, pathogenLoad: lt, inflammatoryPotency: potency)
            for j in 0..<n { tmp[j] = yp[j] + h / 2 * k1[j] }
            model.derivatives(t: t + h / 2, y: tmp, dydt: &k2, pathogenLoad: lm, inflammatoryPotency: potency)
            for j in 0..<n { tmp[j] = yp[j] + h / 2 * k2[j] }
            model.derivatives(t: t + h / 2, y: tmp, dydt: &k3, pathogenLoad: lm, inflammatoryPotency: potency)
            for j in 0..<n { tmp[j] = yp[j] + h * k3[j] }
            model.derivatives(t: t + h, y: tmp, dydt: &k4, pathogenLoad: le, inflammatoryPotency: potency)
            for j in 0..<n { yp[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]) }
            observe(t0 + Double(i + 1) * h, UnsafePointer(yp))
        }
    }
}
