import OsmoInflammation
import OsmoPhysiology
import Yams

extension ScenarioValidator {
    static let patientPresets: [String: Patient] = ["adult": .adult, "child": .child]
    static let patientKeys = ["preset", "weight", "age", "sex"]

    /// `adult`, `child`, or a mapping: `preset` (optional) and `weight`, `age`, `sex` (required without a preset,
    /// except `sex`, which defaults to male).
    func readPatient(_ node: Node, _ path: String) -> Patient? {
        let presetNames = Self.patientPresets.keys.sorted()
        func preset(_ n: Node, _ p: String) -> Patient? {
            guard let name = r.string(n, p, what: "a patient preset") else { return nil }
            if let pt = Self.patientPresets[name] { return pt }
            let hint = Suggest.didYouMean(name, presetNames).map { "; \($0)" } ?? ""
            r.report(n, p, "unknown patient preset `\(name.prefix(40))`\(hint)", expected: "one of \(Suggest.list(presetNames))")
            return nil
        }
        if case .scalar = node { return preset(node, path) }
        guard let f = r.mapping(node, path, allowed: Self.patientKeys, what: "a patient") else { return nil }
        var patient: Patient
        var ok = true
        if let n = f["preset"] {
            guard let p = preset(n, f.path("preset")) else { return nil }
            patient = p
        } else {
            patient = Patient(weightKg: 0, ageYears: 0)
            for key in ["weight", "age"] where !f.has(key) {
                r.report(f.node, f.path(key), "missing required field (or give a `preset`)",
                         expected: key == "weight" ? Dimension.mass.expected : Dimension.age.expected)
                ok = false
            }
        }
        if let n = f["weight"] {
            if let w = r.quantity(n, f.path("weight"), .mass, min: 0, exclusive: true, max: ScenarioLimits.maxWeightKg,
                                  shown: { "\(shown($0)) kg" }) {
                if w < ScenarioLimits.minWeightKg {
                    r.report(n, f.path("weight"), "\(shown(w)) kg is too small", expected: "≥ \(shown(ScenarioLimits.minWeightKg)) kg")
                    ok = false
                } else {
                    patient.weightKg = w
                }
            } else { ok = false }
        }
        if let n = f["age"] {
            if let a = r.quantity(n, f.path("age"), .age, min: 0, max: ScenarioLimits.maxAgeYears, shown: { "\(shown($0)) y" }) {
                patient.ageYears = a
            } else { ok = false }
        }
        if let n = f["sex"] {
            let names = Patient.Sex.allCases.map(\.rawValue)
            if let s = r.string(n, f.path("sex"), what: "`male` or `female`") {
                if let sex = Patient.Sex(rawValue: s) { patient.sex = sex } else {
                    r.report(n, f.path("sex"), "unknown sex `\(s.prefix(40))`", expected: Suggest.list(names))
                    ok = false
                }
            } else { ok = false }
        }
        return ok ? patient : nil
    }

    static let mechanismKeys = ["renal_regulation", "thirst", "insensible_loss", "inflammation", "illness",
                                "maintenance_intake"]

    /// Switches, all `true` unless set `false`.
    func readMechanisms(_ node: Node, _ path: String) -> Mechanisms? {
        guard let f = r.mapping(node, path, allowed: Self.mechanismKeys, what: "mechanism switches") else { return nil }
        var m = Mechanisms()
        let keyPaths: [String: WritableKeyPath<Mechanisms, Bool>] = [
            "renal_regulation": \.renalRegulation, "thirst": \.thirst, "insensible_loss": \.insensibleLoss,
            "inflammation": \.inflammation, "illness": \.illness, "maintenance_intake": \.maintenanceIntake,
        ]
        var ok = true
        for key in Self.mechanismKeys {
            guard let n = f[key] else { continue }
            if let b = r.bool(n, f.path(key)), let kp = keyPaths[key] { m[keyPath: kp] = b } else { ok = false }
        }
        return ok ? m : nil
    }

    /// Parameter overrides: documented name → plain number in the parameter's documented unit.
    func readOverrides(_ node: Node, _ path: String) -> [String: Double]? {
        guard case .mapping(let m) = node else {
            r.report(node, path, "expected a mapping of parameter names to numbers, got \(NodeReader.kind(node))",
                     expected: "e.g. `maintenance_intake_fraction: 0.5`")
            return nil
        }
        var out: [String: Double] = [:]
        var ok = true
        for (k, v) in m {
            guard let name = r.string(k, path, what: "a parameter name") else { ok = false; continue }
            let p = NodeReader.child(path, name)
            guard let check = OverrideNames.check(name) else {
                let hint = Suggest.didYouMean(name, OverrideNames.all).map { "; \($0)" } ?? ""
                r.report(k, p, "unknown parameter\(hint)", expected: "a parameter name documented in MODEL.md")
                ok = false
                continue
            }
            guard let value = r.quantity(v, p, .dimensionless) else { ok = false; continue }
            if !check.range.contains(value) {
                let text = [check.range.lowerBound, check.range.upperBound].map(shown).contains(shown(value)) ? "\(value)" : shown(value)
                r.report(v, p, "\(text) is out of range", expected: "\(shown(check.range.lowerBound)) … \(shown(check.range.upperBound))\(check.unit.isEmpty || check.unit == "1" ? "" : " \(check.unit)")")
                ok = false
                continue
            }
            out[name] = value
        }
        return ok ? out : nil
    }
}

/// Names accepted in `overrides`: the fluid model's ``ModelParameters/catalog`` and the inflammation
/// submodel's `InflammationParameters.names`.
public enum OverrideNames {
    public static let all: [String] = ModelParameters.catalog.map(\.name) + InflammationParameters.names

    /// The accepted range and unit of a parameter, or `nil` if the name is unknown.
    ///
    /// The inflammation parameters have no table of physiological ranges: fractions are 0 … 1, the
    /// baseline temperature 35 … 39 °C, the fever's largest set-point rise 0 … 6 °C, Hill exponents
    /// 0.5 … 8, the fever weights 0 … 10 × calibrated; every other one is within two orders of magnitude of its calibrated value (from 0 for
    /// weights, productions and gains, where 0 switches the effect off; from value/100 for times,
    /// half-lives, half-saturations and scales, which must be > 0).
    public static func check(_ name: String) -> (range: ClosedRange<Double>, unit: String)? {
        if let info = ModelParameters.info(named: name) { return (info.range, info.unit) }
        guard InflammationParameters.isKnown(name), let d = InflammationParameters()[name] else { return nil }
        if name.contains("fraction") { return (0...1, "") }
        switch name {
        case "baseline_temperature_C": return (35...39, "°C")
        case "set_point_max_rise_C": return (0...6, "°C")
        case "myalgia_max_score": return (1...100, "")
        default: break
        }
        if name.hasSuffix("_hill") { return (0.5...8, "") }
        // The fever's weights share one set-point rise: ten times the calibrated sum is the most
        // that stays below 45 °C.
        if name.hasPrefix("fever_") && name.hasSuffix("_weight") { return (0...(d * 10), "") }
        // Issue 12: a drug's bioavailability and largest inhibition are fractions; its volume, EC50 and the
        // abdominal pain's half-score divide.
        if name.hasSuffix("_bioavailability") || name.hasSuffix("_max_inhibition") { return (0...1, "") }
        let positive = name.contains("half_life") || name.contains("time_constant") || name.contains("half_sat")
            || name.contains("scale") || name.contains("reference") || name.contains("saturation")
            || name.contains("half_effect") || name.contains("inhibition")
            || name.contains("volume") || name.contains("ec50") || name.contains("half_score")
        let top = Swift.max(d, 1e-3) * 100
        return positive ? ((d / 100)...top, "") : (0...top, "")
    }
}
