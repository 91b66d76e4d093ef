import OsmoInflammation
import OsmoPhysiology
import Yams

// Issue 12: fever medicines in an arm's interventions.
//
//   - medicine: paracetamol        # or ibuprofen
//     dose: 1 g                    # mg, g or mg/kg (per-kg doses use the patient's weight)
//     at: [12 h, 18 h]             # or `every: 6 h` with optional `start` / `stop`
extension ScenarioValidator {
    static let medicineKeys = ["medicine", "dose", "at", "every", "start", "stop"]
    /// Shortest dosing interval accepted, h (the labels allow 4–6 h; 1 h leaves room for teaching).
    static let minMedicineIntervalH = 1.0
    /// Largest single dose accepted, mg/kg: a fifth of paracetamol's hepatotoxic single dose
    /// (150 mg/kg) and ibuprofen's symptomatic-overdose threshold (100 mg/kg, unconfirmed); the
    /// model has no toxicity, so larger doses are refused rather than simulated.
    static let maxMedicineDoseMgPerKg: [FeverMedicine: Double] = [.paracetamol: 30, .ibuprofen: 20]

    func readMedicine(_ f: Fields, durationH: Double?, weightKg: Double?) -> MedicineCourse? {
        let names = FeverMedicine.allCases.map(\.rawValue)
        guard let name = r.string(f["medicine"]!, f.path("medicine"), what: "a medicine name") else { return nil }
        guard let medicine = FeverMedicine(rawValue: name) else {
            let hint = Suggest.didYouMean(name, names).map { "; \($0)" } ?? ""
            r.report(f["medicine"], f.path("medicine"), "unknown medicine `\(name.prefix(40))`\(hint)",
                     expected: "one of \(Suggest.list(names))")
            return nil
        }
        var dose: Double?
        if let n = r.required(f, "dose", expected: Dimension.drugDose.expected),
           let a = r.amount(n, f.path("dose"), .drugDose) {
            let mg = resolve(a, weightKg)
            let maxPerKg = Self.maxMedicineDoseMgPerKg[medicine]!
            // Without a valid weight (reported already) check against a 70 kg adult.
            let maxMg = maxPerKg * (weightKg ?? 70)
            dose = mg.flatMap {
                r.checkRange($0, n, f.path("dose"), min: 0, exclusive: true, max: maxMg,
                             shown: { "\(shown($0)) mg" })
            }
        }
        let schedules = ["at", "every"].filter(f.has)
        guard schedules.count == 1 else {
            r.report(f.node, f.path, schedules.isEmpty ? "no dose times given" : "both `at` and `every` given",
                     expected: "exactly one of `at: [TIME, …]` or `every: INTERVAL` (with `start`, `stop`)")
            return nil
        }
        var times: [Double]?
        if schedules[0] == "at" {
            for key in ["start", "stop"] where f.has(key) {
                r.report(f.keyNodes[key], f.path(key), "not used with `at`", expected: "`start` and `stop` only with `every`")
                return nil
            }
            times = readTimes(f["at"]!, f.path("at"), durationH: durationH)
        } else {
            let dt = r.quantity(f["every"]!, f.path("every"), .time, min: Self.minMedicineIntervalH,
                                max: ScenarioLimits.maxDurationH, shown: hours)
            let (start, stop) = readWindow(f, durationH: durationH)
            if let dt, let start, let stop {
                var ts: [Double] = []
                var k = 0
                while start + Double(k) * dt < stop && ts.count <= ScenarioLimits.maxEvents {
                    ts.append(start + Double(k) * dt)
                    k += 1
                }
                times = ts
            }
        }
        guard let dose, let times else { return nil }
        return MedicineCourse(medicine: medicine, doseMg: dose, timesH: times)
    }
}
