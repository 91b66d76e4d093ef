// Validation tool: a gastroenteritis-like pathogen-load course driving the submodel alone.

import Foundation

/// The reference illness-load shape L(t) = severity · (t/τ)^a · exp(a (1 − t/τ)) for t > 0:
/// 0 at t = 0, peak `severity` at t = τ, a ≈ 4 gives a course of about two days.
public func illnessLoad(t: Double, peakTimeH: Double = 32, shape: Double = 4, severity: Double = 1)
    -> Double {
    guard t > 0 else { return 0 }
    let x = t / peakTimeH
    return severity * Foundation.pow(x, shape) * Foundation.exp(shape * (1 - x))
}

/// Peak, peak time and the last time a cytokine was above twice its baseline.
public struct CytokineCourse: Sendable, Equatable {
    public var peak: Double
    public var peakTimeH: Double
    /// Last sample time with concentration > 2 × baseline (0 if never).
    public var lastAboveTwiceBaselineH: Double
}

/// Summary of a simulated illness course. Times in hours from illness onset (t = 0).
public struct IllnessCourseResult: Sendable, Equatable {
    public var tnf: CytokineCourse
    public var il1b: CytokineCourse
    public var il6: CytokineCourse
    public var il10: CytokineCourse
    public var temperaturePeakC: Double
    public var temperaturePeakTimeH: Double
    public var myalgiaPeak: Double
    public var myalgiaPeakTimeH: Double
}

/// Simulates the submodel driven by ``illnessLoad(t:peakTimeH:shape:severity:)`` for `durationH`
/// hours (fixed-step RK4, step `stepH`).
public func simulateIllnessCourse(severity: Double, potency: Double = PathogenPotency.norovirus,
                                  peakTimeH: Double = 32, shape: Double = 4,
                                  parameters: InflammationParameters = .init(),
                                  durationH: Double = 168, stepH: Double = 0.01) -> IllnessCourseResult {
    let model = InflammationModel(parameters: parameters)
    let p = parameters
    var y = [Double](repeating: 0, count: InflammationModel.stateCount)
    y.withUnsafeMutableBufferPointer { model.initialState($0.baseAddress!) }
    var peaks = [PeakTracker](repeating: PeakTracker(), count: 4)
    var last = [Double](repeating: 0, count: 4)
    let baselines = [p.tnfBaselinePgPerML, p.il1bBaselinePgPerML, p.il6BaselinePgPerML, p.il10BaselinePgPerML]
    var temp = PeakTracker(), my = PeakTracker()
    integrateRK4(model: model, y: &y, t0: 0, t1: durationH, h: stepH, potency: potency,
                 load: { illnessLoad(t: $0, peakTimeH: peakTimeH, shape: shape, severity: severity) }) { t, yp in
        let values = (model.tnf(yp), model.il1b(yp), model.il6(yp), model.il10(yp))
        for (k, v) in [values.0, values.1, values.2, values.3].enumerated() {
            peaks[k].see(v, at: t)
            if v > 2 * baselines[k] { last[k] = t }
        }
        temp.see(model.temperature(yp), at: t)
        my.see(model.myalgiaScore(yp), at: t)
    }
    func course(_ k: Int) -> CytokineCourse {
        CytokineCourse(peak: peaks[k].value, peakTimeH: peaks[k].time, lastAboveTwiceBaselineH: last[k])
    }
    return IllnessCourseResult(tnf: course(0), il1b: course(1), il6: course(2), il10: course(3),
                               temperaturePeakC: temp.value, temperaturePeakTimeH: temp.time,
                               myalgiaPeak: my.value, myalgiaPeakTimeH: my.time)
}
