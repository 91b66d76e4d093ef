// Validation tool: the human endotoxin challenge (IV LPS bolus at t = 0, no pathogen) simulated with
// the submodel alone, by a deterministic fixed-step RK4.

/// Summary of a simulated endotoxin challenge. Times in hours after the bolus, concentrations in pg/mL.
public struct EndotoxinChallengeResult: Sendable, Equatable {
    public var tnfPeak: Double
    public var tnfPeakTimeH: Double
    public var il1bPeak: Double
    public var il1bPeakTimeH: Double
    public var il6Peak: Double
    public var il6PeakTimeH: Double
    public var il10Peak: Double
    public var il10PeakTimeH: Double
    /// Peak core temperature minus the baseline temperature, °C.
    public var tempRise: Double
    public var tempPeakTimeH: Double
    /// Myalgia score 0–10.
    public var myalgiaPeak: Double
    public var myalgiaPeakTimeH: Double
    /// TNF(6 h) / TNF peak (absolute concentrations).
    public var tnfAt6hFraction: Double
    /// IL-6(6 h) / IL-6 peak (absolute concentrations).
    public var il6At6hFraction: Double
    /// Myalgia(8 h) / myalgia peak.
    public var myalgiaAt8hFraction: Double
}

/// Tracks the maximum of an observable and when it occurred.
struct PeakTracker {
    var value = -Double.infinity
    var time = 0.0
    mutating func see(_ v: Double, at t: Double) { if v > value { value = v; time = t } }
}

/// Simulates an IV endotoxin bolus of `ngPerKg` at t = 0 in a healthy adult (no pathogen) for
/// `durationH` hours with fixed step `stepH` (RK4) and returns the peaks and timings.
public func simulateEndotoxinChallenge(ngPerKg: Double,
                                       parameters: InflammationParameters = .init(),
                                       durationH: Double = 24, stepH: Double = 0.005)
    -> EndotoxinChallengeResult {
    let model = InflammationModel(parameters: parameters)
    var y = [Double](repeating: 0, count: InflammationModel.stateCount)
    y.withUnsafeMutableBufferPointer {
        model.initialState($0.baseAddress!)
        model.addEndotoxinBolus(ngPerKg: ngPerKg, to: $0.baseAddress!)
    }
    var tnf = PeakTracker(), il1b = PeakTracker(), il6 = PeakTracker(), il10 = PeakTracker()
    var temp = PeakTracker(), my = PeakTracker()
    var tnf6 = 0.0, il66 = 0.0, my8 = 0.0
    let i6 = Int((6 / stepH).rounded()), i8 = Int((8 / stepH).rounded())
    var i = 0
    integrateRK4(model: model, y: &y, t0: 0, t1: durationH, h: stepH, potency: 0, load: { _ in 0 }) { t, yp in
        i += 1
        tnf.see(model.tnf(yp), at: t); il1b.see(model.il1b(yp), at: t)
        il6.see(model.il6(yp), at: t); il10.see(model.il10(yp), at: t)
        temp.see(model.temperature(yp), at: t); my.see(model.myalgiaScore(yp), at: t)
        if i == i6 { tnf6 = model.tnf(yp); il66 = model.il6(yp) }
        if i == i8 { my8 = model.myalgiaScore(yp) }
    }
    return EndotoxinChallengeResult(
        tnfPeak: tnf.value, tnfPeakTimeH: tnf.time, il1bPeak: il1b.value, il1bPeakTimeH: il1b.time,
        il6Peak: il6.value, il6PeakTimeH: il6.time, il10Peak: il10.value, il10PeakTimeH: il10.time,
        tempRise: temp.value - parameters.baselineTemperatureC, tempPeakTimeH: temp.time,
        myalgiaPeak: my.value, myalgiaPeakTimeH: my.time,
        tnfAt6hFraction: tnf6 / tnf.value, il6At6hFraction: il66 / il6.value,
        myalgiaAt8hFraction: my.value > 0 ? my8 / my.value : 0)
}
