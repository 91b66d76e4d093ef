import Foundation
import OsmoScenario
import Yams

/// Reads a sweep file and builds a ``Sweep``, or returns every problem as `FILE:LINE: path: what
/// (expected …)` — the same style, helpers and limits as scenario files. Problems inside the base
/// scenario are reported against the scenario file.
public struct SweepValidator {
    public static let topKeys = ["name", "description", "scenario", "arms", "duration", "sample_every", "parameters",
                                 "plan", "outcomes"]
    public static let parameterKeys = ["uniform", "log_uniform", "values", "levels"]
    public static let planKeys = ["method", "samples", "seed", "saltelli"]
    public static let methods = ["grid", "lhs", "sobol"]
    /// Most runs in one sweep.
    public static let maxRuns = 100_000_000
    /// Most grid levels or listed values of one parameter.
    public static let maxValues = 100_000
    /// Most swept parameters (also the bound on a part header's `parameters=`).
    public static let maxParameters = 1000
    /// Most output samples per arm and run: each worker holds one run's trajectories while it
    /// summarises them (about 0.5 KB a sample), so 200,000 keeps a worker under ~100 MB an arm.
    public static let maxSamplesPerRun = 200_000

    /// Every name a sweep parameter may have: model parameters, then scenario quantities.
    public static var parameterNames: [String] { OverrideNames.all + ScenarioQuantity.allCases.map(\.name) }

    /// Reads, parses and validates a sweep file.
    public static func load(path: String) -> Result<Sweep, ScenarioIssues> {
        switch ScenarioDocument.load(path: path) {
        case .failure(let issues): return .failure(issues)
        case .success(let doc): return validate(doc)
        }
    }

    /// Parses and validates sweep text; `file` names it in messages and anchors the scenario path.
    public static func validate(text: String, file: String) -> Result<Sweep, ScenarioIssues> {
        switch ScenarioDocument.parse(text: text, file: file) {
        case .failure(let issues): return .failure(issues)
        case .success(let doc): return validate(doc)
        }
    }

    static func validate(_ doc: ScenarioDocument) -> Result<Sweep, ScenarioIssues> {
        let r = YAMLFieldReader(file: doc.file)
        func fail() -> Result<Sweep, ScenarioIssues> { .failure(ScenarioIssues(r.issues)) }
        guard let top = r.mapping(doc.root, "", allowed: topKeys, what: "a sweep (a mapping of keys)") else { return fail() }
        let name = r.required(top, "name", expected: "a short name for the sweep").flatMap { r.string($0, top.path("name")) }
        let description = top["description"].flatMap { r.string($0, top.path("description")) } ?? ""

        // The base scenario, relative to the sweep file.
        var scenario: Scenario?, scenarioText = ""
        if let n = r.required(top, "scenario", expected: "the path of a scenario file, relative to this file"),
           let rel = r.string(n, top.path("scenario"), what: "a scenario file path") {
            let path = rel.hasPrefix("/") ? rel
                : URL(fileURLWithPath: doc.file).deletingLastPathComponent().appendingPathComponent(rel).path
            switch ScenarioValidator.load(path: path) {
            case .success(let s):
                scenario = s
                scenarioText = (try? InputFile.read(path, maxBytes: ScenarioDocument.maxFileBytes)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            case .failure(let issues):
                r.report(n, top.path("scenario"), "the scenario `\(rel)` is invalid (\(issues.issues.count) problem\(issues.issues.count == 1 ? "" : "s"); first: \(issues.issues.first.map(String.init(describing:)) ?? "?"))",
                         expected: "a scenario that `osmo check` accepts")
            }
        }

        // Arms: a list of names (default: all).
        var arms = scenario?.arms ?? []
        if let n = top["arms"], let s = scenario {
            let names = s.arms.map(\.name)
            var chosen: [String] = []
            if let items = r.sequence(n, top.path("arms"), what: "arm names") {
                if items.isEmpty { r.report(n, top.path("arms"), "no arms given", expected: "at least one of \(YAMLFieldReader.list(names))") }
                for (i, item) in items.enumerated() {
                    let p = "\(top.path("arms"))[\(i)]"
                    guard let a = r.string(item, p, what: "an arm name") else { continue }
                    if !names.contains(a) {
                        let hint = YAMLFieldReader.didYouMean(a, names).map { "; \($0)" } ?? ""
                        r.report(item, p, "the scenario has no arm `\(a.prefix(40))`\(hint)", expected: "one of \(YAMLFieldReader.list(names))")
                    } else if chosen.contains(a) {
                        r.report(item, p, "arm `\(a)` listed twice", expected: "each arm once")
                    } else { chosen.append(a) }
                }
            }
            arms = s.arms.filter { chosen.contains($0.name) }
        }

        // Duration and sampling (shorter runs and coarser samples are cheaper).
        if let n = top["duration"], var s = scenario {
            if let d = r.quantity(n, top.path("duration"), .time, min: 0, exclusive: true, max: s.durationH, shown: { "\(YAMLFieldReader.shown($0)) h" }) {
                s.durationH = d
                s.sampleIntervalH = min(s.sampleIntervalH, d)
                scenario = s
            }
        }
        if let n = top["sample_every"], var s = scenario {
            if let dt = r.quantity(n, top.path("sample_every"), .time, min: 0, exclusive: true, max: s.durationH, shown: { "\(YAMLFieldReader.shown($0)) h" }) {
                if s.durationH / dt > Double(ScenarioLimits.maxSamples) {
                    r.report(n, top.path("sample_every"), "gives more than \(ScenarioLimits.maxSamples) samples", expected: "a longer interval")
                } else {
                    s.sampleIntervalH = dt
                    scenario = s
                }
            }
        }

        let parameters = r.required(top, "parameters", expected: "a mapping of parameter names to ranges")
            .flatMap { readParameters(r, $0, top.path("parameters"), scenario: scenario, arms: arms) }
        let plan = r.required(top, "plan", expected: "`grid`, or a mapping with `method` (grid, lhs or sobol)")
            .flatMap { readPlan(r, $0, top.path("plan"), parameters: parameters) }
        let outcomes = r.required(top, "outcomes", expected: "a list of summary.csv columns")
            .flatMap { readOutcomes(r, $0, top.path("outcomes")) }

        guard r.issues.isEmpty, let name, let scenario, let parameters, let plan, let outcomes else {
            if r.issues.isEmpty { r.report(doc.root, "", "sweep could not be read", expected: "a valid sweep") }
            return fail()
        }
        let sweep = Sweep(file: doc.file, name: name, description: description, scenario: scenario, scenarioText: scenarioText,
                          arms: arms, parameters: parameters, plan: plan, outcomes: outcomes)
        let samples = (sweep.scenario.durationH / sweep.scenario.sampleIntervalH).rounded(.up) + 1
        if samples > Double(maxSamplesPerRun) {
            r.report(top["sample_every"] ?? top["scenario"], top.path(top["sample_every"] != nil ? "sample_every" : "scenario"),
                     "each run would keep \(Int(samples)) samples per arm", expected: "at most \(maxSamplesPerRun) (a longer `sample_every`)")
            return fail()
        }
        if sweep.runCount > maxRuns || sweep.runCount < 1 {
            r.report(top["plan"], top.path("plan"), "the plan gives \(sweep.runCount == Int.max ? "more than \(maxRuns)" : String(sweep.runCount)) runs", expected: "1 … \(maxRuns) runs")
            return fail()
        }
        return .success(sweep)
    }

    // MARK: Parameters

    static func readParameters(_ r: YAMLFieldReader, _ node: Node, _ path: String, scenario: Scenario?, arms: [Scenario.Arm])
        -> [SweepParameter]?
    {
        guard case .mapping(let m) = node else {
            r.report(node, path, "expected a mapping of parameter names to ranges, got \(YAMLFieldReader.kind(node))",
                     expected: "e.g. `illness.severity: {uniform: [0.5, 2]}`")
            return nil
        }
        if m.isEmpty { r.report(node, path, "no parameters given", expected: "at least one parameter"); return nil }
        var out: [SweepParameter] = []
        var ok = true
        for (k, v) in m {
            guard let name = r.string(k, path, what: "a parameter name") else { ok = false; continue }
            let p = path + "." + name
            let target: SweepParameter.Target
            let range: ClosedRange<Double>, unit: String
            if let q = ScenarioQuantity(rawValue: name) {
                if let s = scenario, let why = q.unusableReason(in: s, arms: arms) {
                    r.report(k, p, "cannot be swept here: \(why)", expected: "a quantity the scenario uses")
                    ok = false
                    continue
                }
                target = .scenario(q)
                (range, unit) = (q.range, q.unit)
            } else if let check = OverrideNames.check(name) {
                target = .model(name)
                (range, unit) = (check.range, check.unit)
            } else {
                let hint = YAMLFieldReader.didYouMean(name, parameterNames).map { "; \($0)" } ?? ""
                r.report(k, p, "unknown parameter\(hint)",
                         expected: "a model parameter documented in MODEL.md or one of \(YAMLFieldReader.list(ScenarioQuantity.allCases.map(\.name)))")
                ok = false
                continue
            }
            if out.contains(where: { $0.name == name }) {
                r.report(k, p, "listed twice", expected: "each parameter once")
                ok = false
                continue
            }
            guard let param = readDistribution(r, v, p, name: name, target: target, range: range, unit: unit) else { ok = false; continue }
            out.append(param)
        }
        return ok ? out : nil
    }

    static func readDistribution(_ r: YAMLFieldReader, _ node: Node, _ path: String, name: String, target: SweepParameter.Target,
                                 range: ClosedRange<Double>, unit: String) -> SweepParameter? {
        guard let f = r.mapping(node, path, allowed: parameterKeys, what: "a range") else { return nil }
        let kinds = ["uniform", "log_uniform", "values"].filter(f.has)
        guard kinds.count == 1 else {
            r.report(f.node, path, kinds.isEmpty ? "no range given" : "more than one range (\(YAMLFieldReader.list(kinds)))",
                     expected: "exactly one of `uniform: [low, high]`, `log_uniform: [low, high]` or `values: [a, b, …]`")
            return nil
        }
        let shownRange = "\(YAMLFieldReader.shown(range.lowerBound)) … \(YAMLFieldReader.shown(range.upperBound))\(unit.isEmpty || unit == "1" ? "" : " \(unit)")"
        func number(_ n: Node, _ p: String) -> Double? {
            guard let v = r.number(n, p) else { return nil }
            guard range.contains(v) else {
                r.report(n, p, "\(YAMLFieldReader.shown(v)) is out of range", expected: shownRange)
                return nil
            }
            return v
        }
        func numbers(_ key: String) -> [Double]? {
            guard let items = r.sequence(f[key]!, f.path(key), what: "numbers") else { return nil }
            var vs: [Double] = []
            var ok = true
            for (i, item) in items.enumerated() {
                if let v = number(item, "\(f.path(key))[\(i)]") { vs.append(v) } else { ok = false }
            }
            return ok ? vs : nil
        }
        var levels: Int?
        if let n = f["levels"] {
            if kinds[0] == "values" {
                r.report(f.keyNode("levels"), f.path("levels"), "not used with `values`", expected: "levels only with `uniform` or `log_uniform`")
                return nil
            }
            guard let l = r.integer(n, f.path("levels"), min: 1, max: maxValues) else { return nil }
            levels = l
        }
        let distribution: SweepParameter.Distribution
        switch kinds[0] {
        case "values":
            guard let vs = numbers("values") else { return nil }
            if vs.isEmpty || vs.count > maxValues {
                r.report(f["values"], f.path("values"), "\(vs.count) values", expected: "1 … \(maxValues) values")
                return nil
            }
            distribution = .values(vs)
        default:
            let key = kinds[0]
            guard let vs = numbers(key) else { return nil }
            guard vs.count == 2, vs[0] < vs[1] else {
                r.report(f[key], f.path(key), "expected two numbers, low < high", expected: "`[low, high]`")
                return nil
            }
            if key == "log_uniform" {
                guard vs[0] > 0 else {
                    r.report(f[key], f.path(key), "a log-uniform range must be above 0", expected: "0 < low < high")
                    return nil
                }
                distribution = .logUniform(low: vs[0], high: vs[1])
            } else {
                distribution = .uniform(low: vs[0], high: vs[1])
            }
        }
        return SweepParameter(name: name, target: target, distribution: distribution, levels: levels)
    }

    // MARK: Plan

    static func readPlan(_ r: YAMLFieldReader, _ node: Node, _ path: String, parameters: [SweepParameter]?) -> SamplingPlan? {
        var method: String?
        var f: YAMLFields?
        if case .scalar = node {
            method = r.string(node, path, what: "a sampling method")
        } else {
            f = r.mapping(node, path, allowed: planKeys, what: "a sampling plan")
            guard let f else { return nil }
            method = r.required(f, "method", expected: YAMLFieldReader.list(methods)).flatMap { r.string($0, f.path("method")) }
        }
        guard let method else { return nil }
        let methodNode = f?["method"] ?? node
        guard methods.contains(method) else {
            let hint = YAMLFieldReader.didYouMean(method, methods).map { "; \($0)" } ?? ""
            r.report(methodNode, f?.path("method") ?? path, "unknown sampling method `\(method.prefix(40))`\(hint)",
                     expected: "one of \(YAMLFieldReader.list(methods))")
            return nil
        }
        func notUsed(_ key: String) -> Bool {
            guard let f, f.has(key) else { return false }
            r.report(f.keyNode(key), f.path(key), "not used with `\(method)`", expected: "only the keys of the method")
            return true
        }
        func samples() -> Int? {
            guard let f else {
                r.report(node, path, "`\(method)` needs a number of samples", expected: "`{method: \(method), samples: N}`")
                return nil
            }
            return r.required(f, "samples", expected: "a whole number of points").flatMap { r.integer($0, f.path("samples"), min: 1, max: maxRuns) }
        }
        switch method {
        case "grid":
            if notUsed("samples") || notUsed("seed") || notUsed("saltelli") { return nil }
            if let ps = parameters {
                for p in ps where p.levels == nil {
                    if case .values = p.distribution { continue }
                    r.report(node, path, "the grid needs `levels` for `\(p.name)`", expected: "`levels: N` in every uniform or log-uniform range")
                    return nil
                }
            }
            return .grid
        case "lhs":
            if notUsed("saltelli") { return nil }
            guard let n = samples() else { return nil }
            var seed: UInt64 = 0
            if let f, let sn = f["seed"] {
                guard let s = r.integer(sn, f.path("seed"), min: 0, max: Int(Int32.max)) else { return nil }
                seed = UInt64(s)
            }
            return .latinHypercube(samples: n, seed: seed)
        default:
            if notUsed("seed") { return nil }
            guard let n = samples() else { return nil }
            var saltelli = false
            if let f, let sn = f["saltelli"] {
                guard let b = r.bool(sn, f.path("saltelli")) else { return nil }
                saltelli = b
            }
            let d = parameters?.count ?? 1
            let dims = saltelli ? 2 * d : d
            if dims > SobolSequence.maxDimension {
                r.report(node, path, "\(dims) Sobol dimensions\(saltelli ? " (2 per parameter for Saltelli)" : "")",
                         expected: "at most \(SobolSequence.maxDimension) (GSL's limit)")
                return nil
            }
            return saltelli ? .saltelli(base: n) : .sobol(samples: n)
        }
    }

    // MARK: Outcomes

    static func readOutcomes(_ r: YAMLFieldReader, _ node: Node, _ path: String) -> [String]? {
        guard let items = r.sequence(node, path, what: "summary.csv column names") else { return nil }
        if items.isEmpty {
            r.report(node, path, "no outcomes given", expected: "at least one of the summary.csv columns")
            return nil
        }
        var out: [String] = []
        var ok = true
        for (i, item) in items.enumerated() {
            let p = "\(path)[\(i)]"
            guard let name = r.string(item, p, what: "a summary.csv column") else { ok = false; continue }
            if !SweepTable.outcomeColumns.contains(name) {
                let hint = YAMLFieldReader.didYouMean(name, SweepTable.outcomeColumns).map { "; \($0)" } ?? ""
                r.report(item, p, "`\(name.prefix(40))` is not a summary.csv column\(hint)",
                         expected: "one of \(YAMLFieldReader.list(SweepTable.outcomeColumns))")
                ok = false
            } else if out.contains(name) {
                r.report(item, p, "`\(name)` listed twice", expected: "each outcome once")
                ok = false
            } else {
                out.append(name)
            }
        }
        return ok ? out : nil
    }
}
