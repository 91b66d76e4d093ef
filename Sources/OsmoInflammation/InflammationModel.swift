// The inflammation, fever and myalgia submodel: construction, baseline state, events, observables.
// The right-hand side is in InflammationModel+Derivatives.swift.

import Foundation

/// Innate inflammation driven by endotoxin (LPS) or a pathogen load, with TNF, IL-1β, IL-6, IL-10,
/// fever (PGE2 → hypothalamic set point → core temperature) and a 0–10 myalgia score.
/// Time is in hours. See Docs/MODEL-inflammation.md.
public struct InflammationModel: Sendable {
    /// Number of ODE states this submodel owns.
    public static let stateCount: Int = InflammationState.count
    /// Names of the states, in order (units in the suffix).
    public static let stateNames: [String] = InflammationState.names

    public var parameters: InflammationParameters

    public init(parameters: InflammationParameters = .init()) {
        self.parameters = parameters
    }

    /// Baseline TNF split between the fast and slow pools: the split a constant basal production
    /// divided like the stimulated production (fraction f fast) would give.
    @inline(__always)
    func tnfBaselinePools() -> (fast: Double, slow: Double) {
        let p = parameters
        let kf = ln2 / (p.tnfFastHalfLifeMin / 60)
        let ks = ln2 / (p.tnfSlowHalfLifeMin / 60)
        let f = p.tnfFastFraction
        let a = f / kf, b = (1 - f) / ks
        let fast = p.tnfBaselinePgPerML * a / (a + b)
        return (fast, p.tnfBaselinePgPerML - fast)
    }

    /// Healthy baseline state (steady state with no stimulus), written into y[0..<stateCount].
    public func initialState(_ y: UnsafeMutablePointer<Double>) {
        let p = parameters
        let pools = tnfBaselinePools()
        y[InflammationState.lps] = 0
        y[InflammationState.signal] = 0
        y[InflammationState.activation] = 0
        y[InflammationState.tolerance] = 0
        y[InflammationState.resolution] = 0
        y[InflammationState.tnfFast] = pools.fast
        y[InflammationState.tnfSlow] = pools.slow
        y[InflammationState.il1b] = p.il1bBaselinePgPerML
        y[InflammationState.il6] = p.il6BaselinePgPerML
        y[InflammationState.il10] = p.il10BaselinePgPerML
        y[InflammationState.pge2] = 0
        y[InflammationState.temperature] = p.baselineTemperatureC
        y[InflammationState.painMediator] = 0
        for i in InflammationState.mucosa..<InflammationState.count { y[i] = 0 }
        y[InflammationState.crp] = p.crpBaselineMgPerL
    }

    /// Adds an IV endotoxin (LPS) bolus of `ngPerKg` to the state (a segment-boundary event).
    public func addEndotoxinBolus(ngPerKg: Double, to y: UnsafeMutablePointer<Double>) {
        y[InflammationState.lps] += max(ngPerKg, 0)
    }

    // MARK: Observables

    /// Plasma TNF, pg/mL (sum of both pools).
    public func tnf(_ y: UnsafePointer<Double>) -> Double {
        y[InflammationState.tnfFast] + y[InflammationState.tnfSlow]
    }
    /// Plasma IL-1β, pg/mL.
    public func il1b(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.il1b] }
    /// Plasma IL-6, pg/mL.
    public func il6(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.il6] }
    /// Plasma IL-10, pg/mL.
    public func il10(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.il10] }
    /// Core temperature, °C (37.0 at baseline).
    public func temperature(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.temperature] }
    /// Hypothalamic set point, °C (algebraic in the PGE2 mediator).
    public func setPoint(_ y: UnsafePointer<Double>) -> Double {
        parameters.baselineTemperatureC + parameters.setPointMaxRiseC * y[InflammationState.pge2]
    }
    /// Myalgia score 0–10 (10 × pain mediator, clamped).
    public func myalgiaScore(_ y: UnsafePointer<Double>) -> Double {
        min(max(parameters.myalgiaMaxScore * y[InflammationState.painMediator], 0), 10)
    }
}

let ln2 = 0.693_147_180_559_945_3
