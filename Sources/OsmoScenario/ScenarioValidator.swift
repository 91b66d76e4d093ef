import Foundation
import OsmoODE
import OsmoPhysiology
import Yams

/// Checks a ``ScenarioDocument`` and builds a ``Scenario``, or returns every problem found.
///
/// The walk goes field by field; a problem in one field never stops the others from being checked,
/// so one run of `osmo check` lists everything that is wrong.
public struct ScenarioValidator {
    public let document: ScenarioDocument
    let r: NodeReader

    public init(document: ScenarioDocument) {
        self.document = document
        self.r = NodeReader(file: document.file)
    }

    /// Reads, parses and validates a file.
    public static func load(path: String) -> Result<Scenario, ScenarioIssues> {
        switch ScenarioDocument.load(path: path) {
        case .failure(let issues): return .failure(issues)
        case .success(let doc): return ScenarioValidator(document: doc).validate()
        }
    }

    /// Parses and validates text (for tests and the fuzzer).
    public static func validate(text: String, file: String = "scenario.yaml") -> Result<Scenario, ScenarioIssues> {
        switch ScenarioDocument.parse(text: text, file: file) {
        case .failure(let issues): return .failure(issues)
        case .success(let doc): return ScenarioValidator(document: doc).validate()
        }
    }

    static let topKeys = ["name", "description", "patient", "illness", "mechanisms", "duration", "sample_every",
                          "solver", "overrides", "arms"]

    public func validate() -> Result<Scenario, ScenarioIssues> {
        guard let top = r.mapping(document.root, "", allowed: Self.topKeys, what: "a scenario (a mapping of keys)") else {
            return .failure(ScenarioIssues(r.issues))
        }
        let name = r.required(top, "name", expected: "a short name for the scenario").flatMap { r.string($0, top.path("name")) }
        let description = top["description"].flatMap { r.string($0, top.path("description")) } ?? ""
        let patient = r.required(top, "patient", expected: "`adult`, `child` or a mapping with weight and age")
            .flatMap { readPatient($0, top.path("patient")) }
        let duration = r.required(top, "duration", expected: "a time such as `72 h`").flatMap {
            r.quantity($0, top.path("duration"), .time, min: 0, exclusive: true, max: ScenarioLimits.maxDurationH, shown: hours)
        }
        var sample = ScenarioLimits.defaultSampleIntervalH
        if let n = top["sample_every"], let d = duration {
            if let v = r.quantity(n, top.path("sample_every"), .time, min: 0, exclusive: true, max: d, shown: hours) {
                if d / v > Double(ScenarioLimits.maxSamples) {
                    r.report(n, top.path("sample_every"), "\(hours(v)) gives more than \(ScenarioLimits.maxSamples) samples",
                             expected: "at least \(hours(d / Double(ScenarioLimits.maxSamples)))")
                } else {
                    sample = v
                }
            }
        } else if let n = top["sample_every"] {
            _ = r.quantity(n, top.path("sample_every"), .time)
        } else if let d = duration {
            sample = min(sample, d)
        }
        let weight = patient?.weightKg
        let illness = r.required(top, "illness", expected: "`none` or a mapping with `pathogen`, `prescribed_stool` or `endotoxin`")
            .flatMap { readIllness($0, top.path("illness"), durationH: duration, weightKg: weight) }
        let mechanisms = top["mechanisms"].flatMap { readMechanisms($0, top.path("mechanisms")) } ?? Mechanisms()
        let solver = top["solver"].flatMap { readSolver($0, top.path("solver")) } ?? SimulationProblem.defaultSolver
        let overrides = top["overrides"].flatMap { readOverrides($0, top.path("overrides")) } ?? [:]
        let arms = r.required(top, "arms", expected: "a list of arms, each with a `name`")
            .flatMap { readArms($0, top.path("arms"), durationH: duration, weightKg: weight) }

        if let d = duration, let a = arms, (d / sample).rounded(.up) + 1 > Double(ScenarioLimits.maxTotalSamples) / Double(max(a.count, 1)) {
            r.report(top["sample_every"] ?? top["arms"], top.path(top["sample_every"] != nil ? "sample_every" : "arms"),
                     "\(a.count) arms × \(Int((d / sample).rounded(.up)) + 1) samples is more than \(ScenarioLimits.maxTotalSamples) samples in all",
                     expected: "a longer `sample_every` or fewer arms")
        }
        guard r.issues.isEmpty, let name, let patient, let duration, let illness, let arms else {
            if r.issues.isEmpty {  // cannot happen: every nil above reported an issue
                r.report(document.root, "", "scenario could not be read", expected: "a valid scenario")
            }
            return .failure(ScenarioIssues(r.issues))
        }
        return .success(Scenario(
            file: document.file, name: name, description: description, patient: patient, illness: illness,
            mechanisms: mechanisms, durationH: duration, sampleIntervalH: sample, solver: solver,
            overrides: overrides, arms: arms))
    }

    // MARK: Solver

    static let solverKeys = ["stepper", "rtol", "atol", "initial_step", "max_steps", "min_step", "max_step"]

    func readSolver(_ node: Node, _ path: String) -> SolverOptions? {
        guard let f = r.mapping(node, path, allowed: Self.solverKeys, what: "solver settings") else { return nil }
        var s = SimulationProblem.defaultSolver
        var ok = true
        if let n = f["stepper"] {
            if let name = r.string(n, f.path("stepper"), what: "a stepper name") {
                if let st = Stepper(gslName: name) { s.stepper = st } else {
                    ok = false
                    let hint = Suggest.didYouMean(name, Stepper.allCases.map(\.name)).map { "; \($0)" } ?? ""
                    r.report(n, f.path("stepper"), "unknown stepper `\(name.prefix(40))`\(hint)",
                             expected: "one of \(Suggest.list(Stepper.allCases.map(\.name)))")
                }
            } else { ok = false }
        }
        if let n = f["rtol"] {
            if let v = r.quantity(n, f.path("rtol"), .dimensionless, min: 0, max: 0.1, shown: shown) { s.relativeTolerance = v } else { ok = false }
        }
        if let n = f["atol"] {
            if let v = r.quantity(n, f.path("atol"), .dimensionless, min: 0, max: 1, shown: shown) { s.absoluteTolerance = v } else { ok = false }
        }
        if let n = f["initial_step"] {
            if let v = r.quantity(n, f.path("initial_step"), .time, min: 0, exclusive: true, max: 1, shown: hours) { s.initialStep = v } else { ok = false }
        }
        if let n = f["min_step"] {
            if let v = r.quantity(n, f.path("min_step"), .time, min: 0, max: 1, shown: hours) { s.minimumStep = v } else { ok = false }
        }
        if let n = f["max_step"] {
            if let v = r.quantity(n, f.path("max_step"), .time, min: 0, exclusive: true, max: ScenarioLimits.maxDurationH, shown: hours) {
                s.maximumStep = v
            } else { ok = false }
        }
        if ok && s.maximumStep < s.minimumStep {
            r.report(f["max_step"] ?? node, f.path("max_step"), "is below min_step", expected: "max_step ≥ min_step")
            return nil
        }
        if let n = f["max_steps"] {
            if let v = r.integer(n, f.path("max_steps"), min: 1, max: 100_000_000) { s.maxSteps = v } else { ok = false }
        }
        if ok && s.absoluteTolerance == 0 && s.relativeTolerance == 0 {
            r.report(node, path, "rtol and atol cannot both be 0", expected: "at least one tolerance > 0")
            return nil
        }
        return ok ? s : nil
    }
}

/// Bounds on scenario values: anything outside is reported as impossible (or too costly to run).
public enum ScenarioLimits {
    /// Longest run: 60 days.
    public static let maxDurationH = 60.0 * 24
    /// Default output sampling interval: 15 min.
    public static let defaultSampleIntervalH = 0.25
    /// Most output samples per arm.
    public static let maxSamples = 2_000_000
    /// Most output samples over all arms of a run: every row is held in memory until the files are
    /// written (about 1 KB a sample with its CSV text), so this keeps a run under ~2 GB.
    public static let maxTotalSamples = 2_000_000
    public static let minWeightKg = 0.5, maxWeightKg = 500.0
    public static let maxAgeYears = 120.0
    /// Largest single drink (a stomachful or more is not drinkable at once): 5 L.
    public static let maxDrinkL = 5.0
    /// Shortest interval between repeated drinks: 1 min.
    public static let minDrinkIntervalH = 1.0 / 60
    /// Most scheduled events (drinks, vomits) per arm.
    public static let maxEvents = 100_000
    /// Most scheduled events over all arms of one scenario (each restarts the stepper).
    public static let maxTotalEvents = 500_000
    /// Fastest continuous drinking or infusion: 20 L/h.
    public static let maxRateLPerH = 20.0
    /// Largest endotoxin dose: 100 ng/kg (human challenges use ≤ 4).
    public static let maxEndotoxinNgPerKg = 100.0
    /// Largest prescribed stool rate or pathogen peak secretion: 50 mL/kg/h.
    public static let maxStoolMLPerKgH = 50.0
    /// Most arms in one scenario.
    public static let maxArms = 100
}
