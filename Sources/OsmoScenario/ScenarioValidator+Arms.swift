import OsmoPhysiology
import Yams

extension ScenarioValidator {
    static let armKeys = ["name", "description", "interventions", "overrides"]

    func readArms(_ node: Node, _ path: String, durationH: Double?, weightKg: Double?) -> [Scenario.Arm]? {
        guard let items = r.sequence(node, path, what: "arms") else { return nil }
        if items.isEmpty {
            r.report(node, path, "no arms given", expected: "at least one arm, e.g. `- name: untreated`")
            return nil
        }
        if items.count > ScenarioLimits.maxArms {
            r.report(node, path, "too many arms (\(items.count))", expected: "at most \(ScenarioLimits.maxArms)")
            return nil
        }
        var arms: [Scenario.Arm] = []
        var ok = true
        var seen: [String: Int] = [:]
        var totalEvents = 0
        for (i, item) in items.enumerated() {
            let p = NodeReader.index(path, i)
            guard let f = r.mapping(item, p, allowed: Self.armKeys, what: "an arm") else { ok = false; continue }
            let name = r.required(f, "name", expected: "a name such as `ors`").flatMap { n -> String? in
                guard let s = r.string(n, f.path("name"), what: "an arm name") else { return nil }
                if !Self.isValidArmName(s) {
                    r.report(n, f.path("name"), "`\(s.prefix(40))` is not a usable arm name",
                             expected: "1–64 letters, digits, spaces or `.`, `_`, `+`, `-`, starting with a letter or digit")
                    return nil
                }
                if let first = seen[s] {
                    r.report(n, f.path("name"), "duplicate arm name `\(s)` (also arms[\(first)])", expected: "a unique name per arm")
                    return nil
                }
                seen[s] = i
                return s
            }
            let description = f["description"].flatMap { r.string($0, f.path("description")) } ?? ""
            var arm = Scenario.Arm(name: name ?? "")
            arm.description = description
            var armOK = name != nil
            if let n = f["interventions"] {
                if case .scalar(let s) = n, isNull(s) {
                    // `interventions:` with nothing after it: none.
                } else if let list = r.sequence(n, f.path("interventions"), what: "interventions") {
                    for (j, item) in list.enumerated() {
                        if !readIntervention(item, NodeReader.index(f.path("interventions"), j), into: &arm,
                                             durationH: durationH, weightKg: weightKg) {
                            armOK = false
                        }
                    }
                } else { armOK = false }
            }
            if let n = f["overrides"] {
                if let o = readOverrides(n, f.path("overrides")) { arm.overrides = o } else { armOK = false }
            }
            let events = arm.drinks.reduce(arm.vomiting.count) { $0 + Self.eventCount($1.schedule) }
                + arm.medicines.reduce(0) { $0 + $1.timesH.count }
            if events > ScenarioLimits.maxEvents {
                r.report(item, p, "\(events) scheduled events", expected: "at most \(ScenarioLimits.maxEvents) drinks and vomits per arm")
                armOK = false
            }
            // Every event is a segment boundary (a stepper restart): the total bounds a run's cost.
            totalEvents += events
            if armOK && totalEvents > ScenarioLimits.maxTotalEvents {
                r.report(item, p, "\(totalEvents) scheduled events in this and the arms before it",
                         expected: "at most \(ScenarioLimits.maxTotalEvents) drinks and vomits over all arms")
                armOK = false
            }
            if armOK { arms.append(arm) } else { ok = false }
        }
        return ok ? arms : nil
    }

    static func isValidArmName(_ s: String) -> Bool {
        guard (1...64).contains(s.unicodeScalars.count), let first = s.unicodeScalars.first,
              first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || " ._+-".unicodeScalars.contains($0)
        } && s.last != " "
    }

    static func eventCount(_ s: DrinkSchedule) -> Int {
        switch s {
        case .at(let times, _): return times.count
        case .every(let dt, _, let a, let b): return dt > 0 ? Int(min(((b - a) / dt).rounded(.up), 1e9)) : 0
        default: return 0
        }
    }

    static let interventionKinds = ["drink", "infusion", "vomit", "medicine"]
    static let drinkKeys = ["drink", "volume", "at", "every", "start", "stop", "per_stool", "stool_volume", "ad_lib", "rate"]
    static let infusionKeys = ["infusion", "rate", "volume", "over", "start", "stop"]
    static let vomitKeys = ["vomit", "fraction"]

    /// One intervention: a mapping with exactly one of `drink`, `infusion` or `vomit`.
    func readIntervention(_ node: Node, _ path: String, into arm: inout Scenario.Arm, durationH: Double?, weightKg: Double?) -> Bool {
        guard case .mapping(let m) = node else {
            r.report(node, path, "expected an intervention (a mapping), got \(NodeReader.kind(node))",
                     expected: "a mapping with `drink`, `infusion`, `vomit` or `medicine`")
            return false
        }
        let keys = m.keys.compactMap(\.string)
        let kinds = Self.interventionKinds.filter(keys.contains)
        guard kinds.count == 1 else {
            let hint = kinds.isEmpty ? keys.lazy.compactMap { Suggest.didYouMean($0, Self.interventionKinds) }.first.map { "; \($0)" } ?? "" : ""
            r.report(node, path, kinds.isEmpty ? "not a drink, infusion, vomit or medicine\(hint)" : "more than one kind (\(Suggest.list(kinds)))",
                     expected: "exactly one of `drink`, `infusion`, `vomit` or `medicine`")
            return false
        }
        switch kinds[0] {
        case "drink":
            guard let f = r.mapping(node, path, allowed: Self.drinkKeys, what: "a drink"),
                  let d = readDrink(f, durationH: durationH, weightKg: weightKg) else { return false }
            arm.drinks.append(d)
        case "infusion":
            guard let f = r.mapping(node, path, allowed: Self.infusionKeys, what: "an infusion"),
                  let i = readInfusion(f, durationH: durationH, weightKg: weightKg) else { return false }
            arm.infusions.append(i)
        case "medicine":
            guard let f = r.mapping(node, path, allowed: Self.medicineKeys, what: "a fever medicine"),
                  let m = readMedicine(f, durationH: durationH, weightKg: weightKg) else { return false }
            arm.medicines.append(m)
        default:
            guard let f = r.mapping(node, path, allowed: Self.vomitKeys, what: "a vomiting episode"),
                  let v = readVomits(f, durationH: durationH) else { return false }
            arm.vomiting.append(contentsOf: v)
        }
        return true
    }

    /// An amount in canonical units; a per-kg amount needs the weight (`nil` when the patient is
    /// invalid, which is reported already).
    func resolve(_ a: ScaledAmount, _ weightKg: Double?) -> Double? {
        switch a {
        case .absolute(let v): return v
        case .perKg(let v): return weightKg.map { v * $0 }
        }
    }

    // MARK: Fluids

    static let fluidKeys = ["name", "sodium", "potassium", "chloride", "bicarbonate", "citrate", "magnesium", "glucose", "fructose"]

    /// A library fluid by name (of the right route), or a custom composition mapping in mmol/L.
    func readFluid(_ node: Node, _ path: String, route: Fluid.Route) -> Fluid? {
        let names = FluidLibrary.all.filter { $0.route == route }.map(\.name)
        if case .scalar = node {
            guard let name = r.string(node, path, what: "a fluid name") else { return nil }
            if let fluid = FluidLibrary.named(name) {
                if fluid.route == route { return fluid }
                r.report(node, path, "`\(name)` is \(fluid.route == .iv ? "an IV" : "an oral") fluid",
                         expected: "one of \(Suggest.list(names)) (`osmo fluids` lists them)")
                return nil
            }
            let hint = Suggest.didYouMean(name, names).map { "; \($0)" } ?? ""
            r.report(node, path, "unknown fluid `\(name.prefix(40))`\(hint)",
                     expected: "one of \(Suggest.list(names)), or a composition mapping (`osmo fluids` lists them)")
            return nil
        }
        guard let f = r.mapping(node, path, allowed: Self.fluidKeys, what: "a fluid name or composition") else { return nil }
        var fluid = Fluid(name: "custom", route: route, source: "scenario file", note: "custom composition")
        var ok = true
        if let n = f["name"] {
            if let s = r.string(n, f.path("name")) { fluid.name = s } else { ok = false }
        }
        let kp: [String: WritableKeyPath<Fluid, Double>] = [
            "sodium": \.sodium, "potassium": \.potassium, "chloride": \.chloride, "bicarbonate": \.bicarbonate,
            "citrate": \.citrate, "magnesium": \.magnesium, "glucose": \.glucose, "fructose": \.fructose,
        ]
        for key in Self.fluidKeys.dropFirst() {
            guard let n = f[key], let path = kp[key] else { continue }
            if let v = r.quantity(n, f.path(key), .concentration, min: 0, max: 2000, shown: { "\(shown($0)) mmol/L" }) {
                fluid[keyPath: path] = v
            } else { ok = false }
        }
        if ok && fluid.osmolarity > 3000 {
            r.report(node, path, "osmolarity \(shown(fluid.osmolarity)) mOsm/L is impossible to give", expected: "≤ 3000 mOsm/L")
            return nil
        }
        return ok ? fluid : nil
    }

    // MARK: Drinks

    func readDrink(_ f: Fields, durationH: Double?, weightKg: Double?) -> OralDrink? {
        let fluid = readFluid(f["drink"]!, f.path("drink"), route: .oral)
        let schedules = ["at", "every", "per_stool", "ad_lib", "rate"].filter(f.has)
        guard schedules.count == 1 else {
            r.report(f.node, f.path.isEmpty ? "drink" : f.path,
                     schedules.isEmpty ? "no schedule given" : "more than one schedule (\(Suggest.list(schedules)))",
                     expected: "exactly one of `at`, `every`, `per_stool`, `ad_lib: true` or `rate`")
            return nil
        }
        let kind = schedules[0]
        let allowed: [String: [String]] = [
            "at": ["volume"], "every": ["volume", "start", "stop"], "per_stool": ["stool_volume", "start", "stop"],
            "ad_lib": ["start", "stop"], "rate": ["start", "stop"],
        ]
        var ok = true
        for key in Self.drinkKeys where key != "drink" && key != kind && f.has(key) && !(allowed[kind] ?? []).contains(key) {
            r.report(f.keyNodes[key], f.path(key), "not used with `\(kind)`",
                     expected: (allowed[kind] ?? []).isEmpty ? "no other keys" : "only \(Suggest.list(allowed[kind] ?? []))")
            ok = false
        }
        func volume(_ key: String, required: Bool) -> Double? {
            guard let n = f[key] else {
                if required { r.report(f.node, f.path(key), "missing required field", expected: Dimension.volumeOrPerKg.expected) }
                return nil
            }
            guard let v = r.amount(n, f.path(key), .volumeOrPerKg).flatMap({ resolve($0, weightKg) }) else { return nil }
            return r.checkRange(v, n, f.path(key), min: 0, exclusive: true, max: ScenarioLimits.maxDrinkL, shown: litres)
        }
        let (start, stop) = readWindow(f, durationH: durationH)
        var schedule: DrinkSchedule?
        switch kind {
        case "at":
            let times = readTimes(f["at"]!, f.path("at"), durationH: durationH)
            if let v = volume("volume", required: true), let times { schedule = .at(timesH: times, volumeL: v) }
        case "every":
            let dt = r.quantity(f["every"]!, f.path("every"), .time, min: ScenarioLimits.minDrinkIntervalH, max: ScenarioLimits.maxDurationH,
                                shown: hours)
            if let v = volume("volume", required: true), let dt, let start, let stop {
                schedule = .every(intervalH: dt, volumeL: v, startH: start, stopH: stop)
            }
        case "per_stool":
            let v = volume("per_stool", required: true)
            var stoolL: Double?
            if f.has("stool_volume") { stoolL = volume("stool_volume", required: false) } else if let w = weightKg {
                stoolL = Self.defaultLooseStoolL(weightKg: w)
            }
            if let v, let stoolL, let start, let stop {
                schedule = .perStool(volumeL: v, stoolVolumeL: stoolL, startH: start, stopH: stop)
            }
        case "ad_lib":
            if let b = r.bool(f["ad_lib"]!, f.path("ad_lib")) {
                if !b {
                    r.report(f["ad_lib"], f.path("ad_lib"), "`ad_lib: false` gives no schedule", expected: "`ad_lib: true`, or remove the drink")
                } else if let start, let stop { schedule = .adLib(startH: start, stopH: stop) }
            }
        default:
            if let v = r.amount(f["rate"]!, f.path("rate"), .rateOrPerKg).flatMap({ resolve($0, weightKg) }),
               let rate = r.checkRange(v, f["rate"]!, f.path("rate"), min: 0, exclusive: true,
                                       max: ScenarioLimits.maxRateLPerH, shown: { "\(shown($0)) L/h" }),
               let start, let stop {
                schedule = .continuous(rateLPerH: rate, startH: start, stopH: stop)
            }
        }
        guard ok, let fluid, let schedule else { return nil }
        return OralDrink(fluid: fluid, schedule: schedule)
    }

    /// The volume of one loose stool when `stool_volume` is not given: 10 mL/kg (CDC/AAP replacement
    /// rule, PHYSIOLOGY.md §4b), at most 250 mL (an adult's loose stool).
    public static func defaultLooseStoolL(weightKg: Double) -> Double { min(0.010 * weightKg, 0.25) }

    /// `start` (default 0) and `stop` (default the end of the run), checked: 0 ≤ start < stop ≤ duration.
    func readWindow(_ f: Fields, durationH: Double?) -> (Double?, Double?) {
        let start = f["start"].map { readTime($0, f.path("start"), durationH: durationH) } ?? 0
        var stop: Double? = durationH
        if let n = f["stop"] {
            stop = r.quantity(n, f.path("stop"), .time)
            if let s = stop, let d = durationH, !(s <= d) {
                r.report(n, f.path("stop"), "\(hours(s)) is after the end of the run (\(hours(d)))", expected: "a time ≤ \(hours(d))")
                stop = nil
            }
            if let s = stop, let a = start, !(s > a) {
                r.report(n, f.path("stop"), "\(hours(s)) is not after the start (\(hours(a)))", expected: "stop > start")
                stop = nil
            }
        }
        return (start, stop)
    }

    /// One time or a list of times, each inside the run; returned sorted.
    func readTimes(_ node: Node, _ path: String, durationH: Double?) -> [Double]? {
        if case .scalar = node { return readTime(node, path, durationH: durationH).map { [$0] } }
        guard let items = r.sequence(node, path, what: "times") else { return nil }
        if items.isEmpty {
            r.report(node, path, "no times given", expected: "at least one time, e.g. `[1 h, 2 h]`")
            return nil
        }
        if items.count > ScenarioLimits.maxEvents {
            r.report(node, path, "too many times (\(items.count))", expected: "at most \(ScenarioLimits.maxEvents)")
            return nil
        }
        var out: [Double] = []
        var ok = true
        for (i, n) in items.enumerated() {
            if let t = readTime(n, NodeReader.index(path, i), durationH: durationH) { out.append(t) } else { ok = false }
        }
        return ok ? out.sorted() : nil
    }

    // MARK: Infusions and vomiting

    func readInfusion(_ f: Fields, durationH: Double?, weightKg: Double?) -> Infusion? {
        let fluid = readFluid(f["infusion"]!, f.path("infusion"), route: .iv)
        let hasRate = f.has("rate"), hasVolume = f.has("volume") || f.has("over")
        guard hasRate != hasVolume else {
            r.report(f.node, f.path, hasRate ? "give either `rate` or `volume` with `over`, not both" : "no rate given",
                     expected: "`rate: 10 mL/kg/h` (with `start`, `stop`) or `volume: 30 mL/kg` with `over: 30 min` (and `start`)")
            return nil
        }
        let start = f["start"].map { readTime($0, f.path("start"), durationH: durationH) } ?? 0
        var rate: Double?, stop: Double?
        if hasRate {
            (_, stop) = readWindow(f, durationH: durationH)
            if let v = r.amount(f["rate"]!, f.path("rate"), .rateOrPerKg).flatMap({ resolve($0, weightKg) }) {
                rate = r.checkRange(v, f["rate"]!, f.path("rate"), min: 0, exclusive: true,
                                    max: ScenarioLimits.maxRateLPerH, shown: { "\(shown($0)) L/h" })
            }
        } else {
            if let n = f["stop"] {
                r.report(n, f.path("stop"), "not used with `volume` and `over` (the infusion stops at start + over)",
                         expected: "`start` and `over` only")
                return nil
            }
            var volume: Double?, over: Double?
            if let n = r.required(f, "volume", expected: Dimension.volumeOrPerKg.expected),
               let v = r.amount(n, f.path("volume"), .volumeOrPerKg).flatMap({ resolve($0, weightKg) }) {
                volume = r.checkRange(v, n, f.path("volume"), min: 0, exclusive: true, max: 50, shown: litres)
            }
            if let n = r.required(f, "over", expected: Dimension.time.expected) {
                over = r.quantity(n, f.path("over"), .time, min: 0, exclusive: true, max: ScenarioLimits.maxDurationH, shown: hours)
            }
            if let volume, let over, let start {
                let end = start + over
                if let d = durationH, end > d * (1 + 1e-12) {
                    r.report(f["over"], f.path("over"), "the infusion ends at \(hours(end)), after the end of the run (\(hours(d)))",
                             expected: "start + over ≤ \(hours(d))")
                    return nil
                }
                stop = min(end, durationH ?? end)
                let rt = volume / over
                rate = r.checkRange(rt, f["volume"]!, f.path("volume"), min: 0, exclusive: true, max: ScenarioLimits.maxRateLPerH,
                                    shown: { "\(shown($0)) L/h" })
            }
        }
        guard let fluid, let rate, let start, let stop else { return nil }
        return Infusion(fluid: fluid, rateLPerH: rate, startH: start, stopH: stop)
    }

    func readVomits(_ f: Fields, durationH: Double?) -> [Vomit]? {
        let times = readTimes(f["vomit"]!, f.path("vomit"), durationH: durationH)
        var fraction = 0.8
        if let n = f["fraction"] {
            guard let v = r.quantity(n, f.path("fraction"), .dimensionless, min: 0, exclusive: true, max: 1, shown: shown) else { return nil }
            fraction = v
        }
        return times?.map { Vomit(timeH: $0, fraction: fraction) }
    }
}
