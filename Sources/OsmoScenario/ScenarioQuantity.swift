import OsmoPhysiology

/// Scenario-level quantities that sweeps vary, beside the model parameters of ``OverrideNames``.
///
/// Each has a documented name (used in sweep files and `sweep.csv` headers), a unit and a range.
/// Values are plain numbers in that unit. Drink quantities change every oral drink of an arm; arms
/// without drinks are unaffected by them. Volumes written per kg in the scenario were converted at
/// the file's body weight and stay as converted when `patient.weight_kg` changes.
public enum ScenarioQuantity: String, CaseIterable, Sendable {
    /// Body weight at the start, kg (everything per-kg in the model scales with it).
    case patientWeight = "patient.weight_kg"
    /// Pathogen severity (× the preset's peak secretion and load), or a factor on every rate of a
    /// prescribed stool course.
    case illnessSeverity = "illness.severity"
    /// Pathogen peak intestinal secretion at severity 1, mL/kg/h.
    case illnessPeakSecretion = "illness.peak_secretion_mL_kg_h"
    /// Volume of each drink (`at`, `every`) or drunk per loose stool (`per_stool`), mL.
    case drinkVolume = "drink.volume_mL"
    /// Sodium of every drink, mmol/L (the other solutes unchanged).
    case drinkSodium = "drink.sodium_mmol_L"
    /// Glucose of every drink, mmol/L.
    case drinkGlucose = "drink.glucose_mmol_L"
    /// Potassium of every drink, mmol/L.
    case drinkPotassium = "drink.potassium_mmol_L"

    public var name: String { rawValue }

    public var unit: String {
        switch self {
        case .patientWeight: return "kg"
        case .illnessSeverity: return "1"
        case .illnessPeakSecretion: return "mL/kg/h"
        case .drinkVolume: return "mL"
        case .drinkSodium, .drinkGlucose, .drinkPotassium: return "mmol/L"
        }
    }

    /// The accepted values (the same limits as scenario files).
    public var range: ClosedRange<Double> {
        switch self {
        case .patientWeight: return ScenarioLimits.minWeightKg...ScenarioLimits.maxWeightKg
        case .illnessSeverity: return Double.leastNonzeroMagnitude...10
        case .illnessPeakSecretion: return 0...ScenarioLimits.maxStoolMLPerKgH
        case .drinkVolume: return Double.leastNonzeroMagnitude...(ScenarioLimits.maxDrinkL * 1000)
        case .drinkSodium, .drinkGlucose, .drinkPotassium: return 0...2000
        }
    }

    public var meaning: String {
        switch self {
        case .patientWeight: return "body weight at the start"
        case .illnessSeverity: return "pathogen severity (× peak), or factor on a prescribed stool course"
        case .illnessPeakSecretion: return "pathogen peak secretion at severity 1"
        case .drinkVolume: return "volume of each drink (at, every) or per loose stool (per_stool)"
        case .drinkSodium: return "sodium of every drink"
        case .drinkGlucose: return "glucose of every drink"
        case .drinkPotassium: return "potassium of every drink"
        }
    }

    /// Why this quantity cannot be varied in `scenario` (restricted to `arms`), or `nil` when it can.
    public func unusableReason(in scenario: Scenario, arms: [Scenario.Arm]) -> String? {
        switch self {
        case .patientWeight: return nil
        case .illnessSeverity:
            switch scenario.illness {
            case .pathogen, .prescribedStool: return nil
            default: return "the scenario's illness has no pathogen or prescribed stool"
            }
        case .illnessPeakSecretion:
            if case .pathogen = scenario.illness { return nil }
            return "the scenario's illness is not a pathogen"
        case .drinkVolume:
            let ok = arms.contains { $0.drinks.contains { d in
                switch d.schedule { case .at, .every, .perStool: return true; default: return false }
            } }
            return ok ? nil : "no selected arm has a drink with a volume (`at`, `every` or `per_stool`)"
        case .drinkSodium, .drinkGlucose, .drinkPotassium:
            return arms.contains { !$0.drinks.isEmpty } ? nil : "no selected arm has a drink"
        }
    }

    /// Sets this quantity in a problem built by ``Scenario/problem(for:)``.
    public func apply(_ value: Double, to p: inout SimulationProblem) {
        switch self {
        case .patientWeight:
            p.patient.weightKg = value
        case .illnessSeverity:
            switch p.illness {
            case .pathogen(let pathogen, _, let onset): p.illness = .pathogen(pathogen, severity: value, onsetH: onset)
            case .prescribedStool(var ps):
                ps.ratesMLPerKgH = ps.ratesMLPerKgH.map { ($0.startH, $0.rate * value) }
                p.illness = .prescribedStool(ps)
            default: break
            }
        case .illnessPeakSecretion:
            if case .pathogen(var pathogen, let severity, let onset) = p.illness {
                pathogen.peakSecretionMLPerKgH = value
                p.illness = .pathogen(pathogen, severity: severity, onsetH: onset)
            }
        case .drinkVolume:
            let litres = value / 1000
            for i in p.drinks.indices {
                switch p.drinks[i].schedule {
                case .at(let ts, _): p.drinks[i].schedule = .at(timesH: ts, volumeL: litres)
                case .every(let dt, _, let a, let b): p.drinks[i].schedule = .every(intervalH: dt, volumeL: litres, startH: a, stopH: b)
                case .perStool(_, let stool, let a, let b):
                    p.drinks[i].schedule = .perStool(volumeL: litres, stoolVolumeL: stool, startH: a, stopH: b)
                default: break
                }
            }
        case .drinkSodium: for i in p.drinks.indices { p.drinks[i].fluid.sodium = value }
        case .drinkGlucose: for i in p.drinks.indices { p.drinks[i].fluid.glucose = value }
        case .drinkPotassium: for i in p.drinks.indices { p.drinks[i].fluid.potassium = value }
        }
    }
}

extension Scenario {
    /// The problem of one arm with scenario quantities set and extra parameter overrides applied
    /// over the scenario's and the arm's (by documented name, see ``OverrideNames``).
    public func problem(for arm: Arm, setting quantities: [(ScenarioQuantity, Double)], overrides extra: [String: Double])
        -> SimulationProblem
    {
        var p = problem(for: arm)
        for (k, v) in extra { p.overrides[k] = v }
        for (q, v) in quantities { q.apply(v, to: &p) }
        return p
    }
}
