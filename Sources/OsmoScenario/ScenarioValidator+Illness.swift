import OsmoPhysiology
import Yams

extension ScenarioValidator {
    static let illnessKeys = ["pathogen", "severity", "onset", "peak_time", "shape", "peak_secretion", "stool",
                              "nhe_inhibition", "absorption_injury", "inflammatory_potency", "typical_duration",
                              "mucosal_inflammation", "mucosal_invasion", "prescribed_stool", "endotoxin", "time"]
    static let pathogenNames = Pathogen.presets.map(\.name) + ["custom"]
    static let stoolPresets: [String: StoolComposition] = [
        "cholera-adult": .choleraAdult, "cholera-child": .choleraChild, "etec": .etec, "rotavirus": .rotavirus,
        "norovirus-like": .norovirusLike, "invasive-bacterial": .invasiveBacterial,
    ]

    /// `none`; or exactly one of `pathogen: NAME` (with `severity`, `onset` and optional changes to the
    /// course), `prescribed_stool: {composition, rates}`, `endotoxin: DOSE` (with `time`).
    func readIllness(_ node: Node, _ path: String, durationH: Double?, weightKg: Double?) -> Illness? {
        if case .scalar(let s) = node, s.string == "none" { return Illness.none }
        guard let f = r.mapping(node, path, allowed: Self.illnessKeys, what: "an illness (or `none`)") else { return nil }
        let kinds = ["pathogen", "prescribed_stool", "endotoxin"].filter { f.has($0) }
        guard kinds.count == 1 else {
            r.report(f.node, path, kinds.isEmpty ? "no illness given" : "more than one illness given (\(Suggest.list(kinds)))",
                     expected: "exactly one of `pathogen`, `prescribed_stool` or `endotoxin`, or `illness: none`")
            return nil
        }
        let pathogenOnly = ["severity", "onset", "peak_time", "shape", "peak_secretion", "stool", "nhe_inhibition", "absorption_injury",
                            "inflammatory_potency", "typical_duration", "mucosal_inflammation", "mucosal_invasion"]
        let allowedWith: [String: [String]] = [
            "pathogen": pathogenOnly, "prescribed_stool": [], "endotoxin": ["time"],
        ]
        for key in Self.illnessKeys where f.has(key) && key != kinds[0] && !(allowedWith[kinds[0]]!.contains(key)) {
            r.report(f.keyNodes[key], f.path(key), "not used with `\(kinds[0])`",
                     expected: allowedWith[kinds[0]]!.isEmpty ? "no other keys" : "one of \(Suggest.list(allowedWith[kinds[0]]!))")
        }
        switch kinds[0] {
        case "pathogen": return readPathogen(f, durationH: durationH, weightKg: weightKg)
        case "prescribed_stool":
            return readPrescribedStool(f["prescribed_stool"]!, f.path("prescribed_stool"), durationH: durationH, weightKg: weightKg)
                .map { .prescribedStool($0) }
        default:
            let dose = r.quantity(f["endotoxin"]!, f.path("endotoxin"), .dosePerKg, min: 0, exclusive: true,
                                  max: ScenarioLimits.maxEndotoxinNgPerKg, shown: { "\(shown($0)) ng/kg" })
            let time = f["time"].map { readTime($0, f.path("time"), durationH: durationH) } ?? 0
            guard let dose, let time else { return nil }
            return .endotoxin(ngPerKg: dose, timeH: time)
        }
    }

    /// A time in [0, duration).
    func readTime(_ node: Node, _ path: String, durationH: Double?) -> Double? {
        guard let t = r.quantity(node, path, .time) else { return nil }
        guard t >= 0 else {
            r.report(node, path, "\(hours(t)) is before the start of the run", expected: "a time ≥ 0 h")
            return nil
        }
        if let d = durationH, !(t < d) {
            r.report(node, path, "\(hours(t)) is outside the run (duration \(hours(d)))", expected: "a time < \(hours(d))")
            return nil
        }
        return t
    }

    /// A stool or secretion rate, mL/kg/h, from `mL/kg/h` or an absolute rate divided by weight.
    func readStoolRate(_ node: Node, _ path: String, weightKg: Double?, allowZero: Bool) -> Double? {
        guard let a = r.amount(node, path, .rateOrPerKg) else { return nil }
        let perKgLPerH: Double
        switch a {
        case .perKg(let v): perKgLPerH = v
        case .absolute(let v):
            // Without a valid weight (reported already) check the sign only.
            perKgLPerH = v / (weightKg ?? 1)
        }
        let mlPerKgH = perKgLPerH * 1000
        return r.checkRange(mlPerKgH, node, path, min: 0, exclusive: !allowZero, max: ScenarioLimits.maxStoolMLPerKgH,
                            shown: { "\(shown($0)) mL/kg/h" })
    }

    func readPathogen(_ f: Fields, durationH: Double?, weightKg: Double?) -> Illness? {
        let n = f["pathogen"]!
        guard let name = r.string(n, f.path("pathogen"), what: "a pathogen name") else { return nil }
        var ok = true
        var pathogen: Pathogen
        if name == "custom" {
            // Pathogen has no public initializer: start from a preset and set every field.
            pathogen = Pathogen.norovirus
            pathogen.name = "custom"
            pathogen.shape = 2
            pathogen.nheInhibition = 0.5
            pathogen.absorptionInjury = 0
            pathogen.inflammatoryPotency = 1
            pathogen.mucosalInflammation = 0
            pathogen.mucosalInvasion = 0
            pathogen.typicalDurationH = 72
            pathogen.source = "scenario file"
            for key in ["peak_time", "peak_secretion", "stool"] where !f.has(key) {
                r.report(f.node, f.path(key), "missing required field for `pathogen: custom`",
                         expected: key == "stool" ? "a stool preset or composition" : (key == "peak_time" ? Dimension.time.expected : "a rate such as `3 mL/kg/h`"))
                ok = false
            }
        } else if let p = Pathogen.named(name) {
            pathogen = p
        } else {
            let hint = Suggest.didYouMean(name, Self.pathogenNames).map { "; \($0)" } ?? ""
            r.report(n, f.path("pathogen"), "unknown pathogen `\(name.prefix(40))`\(hint)",
                     expected: "one of \(Suggest.list(Self.pathogenNames))")
            return nil
        }
        var severity = 1.0, onset = 0.0
        if let s = f["severity"] {
            if let v = r.quantity(s, f.path("severity"), .dimensionless, min: 0, exclusive: true, max: 10, shown: shown) { severity = v } else { ok = false }
        }
        if let s = f["onset"] {
            if let v = readTime(s, f.path("onset"), durationH: durationH) { onset = v } else { ok = false }
        }
        if let s = f["peak_time"] {
            if let v = r.quantity(s, f.path("peak_time"), .time, min: 0, exclusive: true, max: ScenarioLimits.maxDurationH, shown: hours) {
                pathogen.peakTimeH = v
            } else { ok = false }
        }
        if let s = f["shape"] {
            if let v = r.quantity(s, f.path("shape"), .dimensionless, min: 0, exclusive: true, max: 20, shown: shown) { pathogen.shape = v } else { ok = false }
        }
        if let s = f["peak_secretion"] {
            if let v = readStoolRate(s, f.path("peak_secretion"), weightKg: weightKg, allowZero: true) {
                pathogen.peakSecretionMLPerKgH = v
            } else { ok = false }
        }
        if let s = f["stool"] {
            if let c = readStool(s, f.path("stool")) { pathogen.stool = c } else { ok = false }
        }
        if let s = f["nhe_inhibition"] {
            if let v = r.quantity(s, f.path("nhe_inhibition"), .dimensionless, min: 0, max: 1, shown: shown) { pathogen.nheInhibition = v } else { ok = false }
        }
        if let s = f["absorption_injury"] {
            if let v = r.quantity(s, f.path("absorption_injury"), .dimensionless, min: 0, max: 1, shown: shown) { pathogen.absorptionInjury = v } else { ok = false }
        }
        if let s = f["inflammatory_potency"] {
            if let v = r.quantity(s, f.path("inflammatory_potency"), .dimensionless, min: 0, max: 100, shown: shown) {
                pathogen.inflammatoryPotency = v
            } else { ok = false }
        }
        if let s = f["mucosal_inflammation"] {
            if let v = r.quantity(s, f.path("mucosal_inflammation"), .dimensionless, min: 0, max: 10, shown: shown) {
                pathogen.mucosalInflammation = v
            } else { ok = false }
        }
        if let s = f["mucosal_invasion"] {
            if let v = r.quantity(s, f.path("mucosal_invasion"), .dimensionless, min: 0, max: 1, shown: shown) {
                pathogen.mucosalInvasion = v
            } else { ok = false }
        }
        if let s = f["typical_duration"] {
            if let v = r.quantity(s, f.path("typical_duration"), .time, min: 0, exclusive: true, max: ScenarioLimits.maxDurationH, shown: hours) {
                pathogen.typicalDurationH = v
            } else { ok = false }
        }
        return ok ? .pathogen(pathogen, severity: severity, onsetH: onset) : nil
    }

    static let stoolKeys = ["sodium", "potassium", "chloride", "bicarbonate", "magnesium"]

    /// A stool composition: a preset name or a mapping of mmol/L (Na, K, Cl, HCO3 required; Mg defaults to 1).
    func readStool(_ node: Node, _ path: String) -> StoolComposition? {
        let presets = Self.stoolPresets.keys.sorted()
        if case .scalar = node {
            guard let name = r.string(node, path, what: "a stool composition") else { return nil }
            if let c = Self.stoolPresets[name] { return c }
            let hint = Suggest.didYouMean(name, presets).map { "; \($0)" } ?? ""
            r.report(node, path, "unknown stool composition `\(name.prefix(40))`\(hint)",
                     expected: "one of \(Suggest.list(presets)) or a mapping of \(Suggest.list(Self.stoolKeys)) in mmol/L")
            return nil
        }
        guard let f = r.mapping(node, path, allowed: Self.stoolKeys, what: "a stool composition") else { return nil }
        var values: [String: Double] = ["magnesium": 1]
        var ok = true
        for key in Self.stoolKeys {
            guard let n = f[key] else {
                if key != "magnesium" {
                    r.report(f.node, f.path(key), "missing required field", expected: Dimension.concentration.expected)
                    ok = false
                }
                continue
            }
            if let v = r.quantity(n, f.path(key), .concentration, min: 0, max: 500, shown: { "\(shown($0)) mmol/L" }) {
                values[key] = v
            } else { ok = false }
        }
        guard ok else { return nil }
        return StoolComposition(sodium: values["sodium"]!, potassium: values["potassium"]!, chloride: values["chloride"]!,
                                bicarbonate: values["bicarbonate"]!, magnesium: values["magnesium"]!)
    }

    /// `{composition: PRESET|MAPPING, rates: [{from: TIME, rate: RATE}, …]}`: piecewise-constant stool rate.
    func readPrescribedStool(_ node: Node, _ path: String, durationH: Double?, weightKg: Double?) -> PrescribedStool? {
        guard let f = r.mapping(node, path, allowed: ["composition", "rates"], what: "a prescribed stool course") else { return nil }
        let comp = r.required(f, "composition", expected: "a stool preset or composition").flatMap { readStool($0, f.path("composition")) }
        guard let ratesNode = r.required(f, "rates", expected: "a list of `{from: TIME, rate: RATE}`") else { return nil }
        guard let items = r.sequence(ratesNode, f.path("rates"), what: "`{from: TIME, rate: RATE}` steps") else { return nil }
        if items.isEmpty {
            r.report(ratesNode, f.path("rates"), "no rates given", expected: "at least one `{from: 0 h, rate: …}`")
            return nil
        }
        if items.count > ScenarioLimits.maxEvents {
            r.report(ratesNode, f.path("rates"), "too many steps (\(items.count))", expected: "at most \(ScenarioLimits.maxEvents)")
            return nil
        }
        var steps: [(startH: Double, rate: Double)] = []
        var ok = true
        for (i, item) in items.enumerated() {
            let p = NodeReader.index(f.path("rates"), i)
            guard let g = r.mapping(item, p, allowed: ["from", "rate"], what: "a step `{from: TIME, rate: RATE}`") else { ok = false; continue }
            let from = r.required(g, "from", expected: Dimension.time.expected).flatMap { readTime($0, g.path("from"), durationH: durationH) }
            let rate = r.required(g, "rate", expected: "a rate such as `5 mL/kg/h`").flatMap {
                readStoolRate($0, g.path("rate"), weightKg: weightKg, allowZero: true)
            }
            guard let from, let rate else { ok = false; continue }
            if let last = steps.last, !(from > last.startH) {
                r.report(g["from"], g.path("from"), "\(hours(from)) is not after the previous step (\(hours(last.startH)))",
                         expected: "steps in increasing time order")
                ok = false
                continue
            }
            if steps.isEmpty && from != 0 {
                r.report(g["from"], g.path("from"), "the first step starts at \(hours(from))", expected: "the first step `from: 0 h`")
                ok = false
                continue
            }
            steps.append((from, rate))
        }
        guard ok, let comp else { return nil }
        return PrescribedStool(ratesMLPerKgH: steps, composition: comp)
    }
}
