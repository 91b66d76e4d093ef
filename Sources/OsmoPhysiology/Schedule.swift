import OsmoODE

/// The arm's timeline resolved to segment boundaries: when inputs change and what happens then.
struct Schedule {
    struct Bolus {
        var time: Double
        var mix: Mix
    }

    let problem: SimulationProblem
    let weightKg: Double
    var boluses: [Bolus] = []
    var vomits: [Vomit] = []
    /// Sorted, unique times where something changes.
    var boundaries: [Double] = []

    init(problem: SimulationProblem, model: FluidModel) {
        self.problem = problem
        weightKg = problem.patient.weightKg
        var times: Set<Double> = []
        let end = problem.durationH
        for drink in problem.drinks {
            switch drink.schedule {
            case .at(let ts, let v):
                for t in ts where t <= end { boluses.append(Bolus(time: t, mix: Mix(drink.fluid, volumeL: v))) }
            case .every(let dt, let v, let start, let stop):
                guard dt > 0 else { continue }
                var n = 0
                while true {
                    let t = start + Double(n) * dt
                    if t >= min(stop, end) || n > 1_000_000 { break }
                    boluses.append(Bolus(time: t, mix: Mix(drink.fluid, volumeL: v)))
                    n += 1
                }
            case .continuous(_, let start, let stop), .perStool(_, _, let start, let stop), .adLib(let start, let stop):
                // Where drinking switches on and off (an infinite stop is filtered out below).
                times.insert(start)
                times.insert(stop)
            }
        }
        for inf in problem.infusions {
            times.insert(inf.startH)
            times.insert(inf.stopH)
        }
        if problem.mechanisms.illness {
            switch problem.illness {
            case .prescribedStool(let ps):
                for r in ps.ratesMLPerKgH { times.insert(r.startH) }
            case .endotoxin:
                break  // handled by the inflammation track (InflammationTrack)
            default: break
            }
        }
        vomits = problem.vomiting
        for b in boluses { times.insert(b.time) }
        for v in vomits { times.insert(v.timeH) }
        boundaries = times.filter { $0.isFinite }.sorted()
    }

    /// The inputs in force from time `t` until the next boundary.
    func inputs(at t: Double) -> Inputs {
        var u = Inputs()
        for inf in problem.infusions where inf.startH <= t && t < inf.stopH {
            u.iv = u.iv + Mix(inf.fluid, volumeL: inf.rateLPerH)
        }
        for drink in problem.drinks {
            switch drink.schedule {
            case .continuous(let rate, let start, let stop) where start <= t && t < stop:
                u.oral = u.oral + Mix(drink.fluid, volumeL: rate)
            case .perStool(let v, let stoolV, let start, let stop) where stoolV > 0 && start <= t && t < stop:
                u.perStool = u.perStool + Mix(drink.fluid, volumeL: v / stoolV)
            case .adLib(let start, let stop) where start <= t && t < stop:
                u.adLib = Mix(drink.fluid, volumeL: 1)
            default: break
            }
        }
        if problem.mechanisms.illness, case .prescribedStool(let ps) = problem.illness {
            var rate = 0.0
            for r in ps.ratesMLPerKgH where r.startH <= t { rate = r.rate }
            u.prescribedStoolRate = rate * weightKg / 1000
            u.prescribedStool = ps.composition
        }
        return u
    }

    /// Applies everything that happens at `t` (doses, vomiting, endotoxin, input changes) and resets the driver.
    func applyEvents(at t: Double, to integrator: Integrator<FluidModel>) {
        typealias S = StateIndex
        let newInputs = inputs(at: t)
        var changed = integrator.system.inputs != newInputs
        integrator.modifySystem { $0.inputs = newInputs }
        integrator.withMutableState { y in
            for b in boluses where b.time == t {
                b.mix.add(to: y, at: S.stomach)
                y[S.cumOral] += b.mix.water
                y[S.cumSodiumIn] += b.mix.sodium
                y[S.cumPotassiumIn] += b.mix.potassium
                y[S.cumChlorideIn] += b.mix.chloride
                y[S.cumBaseIn] += b.mix.baseEquivalents
                changed = true
            }
            for v in vomits where v.timeH == t {
                let f = min(max(v.fraction, 0), 1)
                y[S.cumVomit] += f * y[S.stomach]
                y[S.cumSodiumOut] += f * y[S.stomach + GutSpecies.sodium.rawValue]
                y[S.cumPotassiumOut] += f * y[S.stomach + GutSpecies.potassium.rawValue]
                y[S.cumChlorideOut] += f * y[S.stomach + GutSpecies.chloride.rawValue]
                y[S.cumBaseOut] += f * (y[S.stomach + GutSpecies.bicarbonate.rawValue] + 3 * y[S.stomach + GutSpecies.citrate.rawValue])
                for s in 0...GutSpecies.allCases.count { y[S.stomach + s] *= (1 - f) }
                changed = true
            }
        }
        if changed { integrator.reset() }
    }
}
