import ArgumentParser
import Foundation
import OsmoInflammation
import OsmoPhysiology
import OsmoScenario

/// `osmo problem SCENARIO.yaml`: each arm's resolved simulation problem as JSON, for external tools
/// (the SciPy reference implementation in Benchmarks/reference reads it).
struct ProblemExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: "Print each arm's resolved simulation problem (parameters after overrides, illness, doses) as JSON.",
        discussion: """
            Units are osmo's canonical ones (h, L, kg, mmol/L, mL/kg/h); every model and inflammation \
            parameter is listed by its documented name with the scenario's and the arm's overrides applied. \
            A drink's `stop_h` of null means it never stops (JSON has no infinity).
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let s: Scenario
        switch ScenarioValidator.load(path: scenario) {
        case .failure(let issues):
            FileHandle.standardError.write(Data(issues.issues.map { "\($0)\n" }.joined().utf8))
            throw ExitCode(2)
        case .success(let v): s = v
        }
        let arms: [[String: Any]] = s.arms.map { arm in Self.json(s.problem(for: arm), scenario: s.name, arm: arm.name) }
        let data = try JSONSerialization.data(withJSONObject: ["scenario": s.name, "arms": arms],
                                              options: [.prettyPrinted, .sortedKeys])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func fluid(_ f: Fluid) -> [String: Any] {
        ["name": f.name, "route": f.route.rawValue, "sodium": f.sodium, "potassium": f.potassium, "chloride": f.chloride,
         "bicarbonate": f.bicarbonate, "citrate": f.citrate, "magnesium": f.magnesium, "glucose": f.glucose, "fructose": f.fructose]
    }

    /// `v`, or JSON `null` when it is infinite (a drink that never stops; JSON has no infinity).
    static func finiteOrNull(_ v: Double) -> Any { v.isFinite ? v : NSNull() }

    static func stool(_ s: StoolComposition) -> [String: Any] {
        ["sodium": s.sodium, "potassium": s.potassium, "chloride": s.chloride, "bicarbonate": s.bicarbonate, "magnesium": s.magnesium]
    }

    static func json(_ p: SimulationProblem, scenario: String, arm: String) -> [String: Any] {
        var parameters = p.parameters
        var inflammation = InflammationParameters()
        for (name, value) in p.overrides.sorted(by: { $0.key < $1.key }) {
            if ModelParameters.info(named: name) != nil { parameters[name] = value } else if InflammationParameters.isKnown(name) {
                inflammation[name] = value
            }
        }
        var model: [String: Double] = [:]
        for info in ModelParameters.catalog { model[info.name] = parameters[keyPath: info.keyPath] }
        var infl: [String: Double] = [:]
        for name in InflammationParameters.names { infl[name] = inflammation[name] }
        let illness: [String: Any]
        switch p.illness {
        case .none: illness = ["kind": "none"]
        case .pathogen(let g, let severity, let onset):
            illness = ["kind": "pathogen", "name": g.name, "peak_time_h": g.peakTimeH, "shape": g.shape,
                       "peak_secretion_mL_kg_h": g.peakSecretionMLPerKgH, "stool": stool(g.stool),
                       "nhe_inhibition": g.nheInhibition, "absorption_injury": g.absorptionInjury,
                       "inflammatory_potency": g.inflammatoryPotency, "mucosal_inflammation": g.mucosalInflammation, "mucosal_invasion": g.mucosalInvasion,
                       "severity": severity, "onset_h": onset]
        case .prescribedStool(let ps):
            illness = ["kind": "prescribed_stool", "rates_mL_kg_h": ps.ratesMLPerKgH.map { [$0.startH, $0.rate] },
                       "composition": stool(ps.composition)]
        case .endotoxin(let dose, let t):
            illness = ["kind": "endotoxin", "ng_kg": dose, "time_h": t]
        }
        let drinks: [[String: Any]] = p.drinks.map { d in
            let schedule: [String: Any]
            switch d.schedule {
            case .at(let ts, let v): schedule = ["kind": "at", "times_h": ts, "volume_L": v]
            case .every(let dt, let v, let a, let b): schedule = ["kind": "every", "interval_h": dt, "volume_L": v, "start_h": a, "stop_h": b]
            case .perStool(let v, let sv, let a, let b):
                schedule = ["kind": "per_stool", "volume_L": v, "stool_volume_L": sv, "start_h": a, "stop_h": finiteOrNull(b)]
            case .adLib(let a, let b): schedule = ["kind": "ad_lib", "start_h": a, "stop_h": finiteOrNull(b)]
            case .continuous(let r, let a, let b): schedule = ["kind": "rate", "rate_L_h": r, "start_h": a, "stop_h": b]
            }
            return ["fluid": fluid(d.fluid), "schedule": schedule]
        }
        let m = p.mechanisms
        return [
            "scenario": scenario, "arm": arm,
            "patient": ["weight_kg": p.patient.weightKg, "age_y": p.patient.ageYears, "sex": p.patient.sex.rawValue],
            "parameters": model, "inflammation_parameters": infl, "illness": illness,
            "mechanisms": ["renal_regulation": m.renalRegulation, "thirst": m.thirst, "insensible_loss": m.insensibleLoss,
                           "inflammation": m.inflammation, "illness": m.illness, "maintenance_intake": m.maintenanceIntake],
            "drinks": drinks,
            "infusions": p.infusions.map { ["fluid": fluid($0.fluid), "rate_L_h": $0.rateLPerH, "start_h": $0.startH, "stop_h": $0.stopH] },
            "vomits": p.vomiting.map { ["time_h": $0.timeH, "fraction": $0.fraction] },
            "medicines": p.medicines.map { ["medicine": $0.medicine.rawValue, "dose_mg": $0.doseMg, "times_h": $0.timesH] as [String: Any] },
            "duration_h": p.durationH, "sample_interval_h": p.sampleIntervalH,
            "solver": ["stepper": p.solver.stepper.name, "rtol": p.solver.relativeTolerance, "atol": p.solver.absoluteTolerance],
        ]
    }
}
