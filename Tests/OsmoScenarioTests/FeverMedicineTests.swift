import Foundation
import Testing
import OsmoInflammation
import OsmoPhysiology
@testable import OsmoScenario

/// Issue 12: the fever medicines in the scenario format, their PK against the labels, and what they
/// do (and do not do) in the shipped campylobacter scenario.
@Suite struct FeverMedicineTests {
    /// The minimal scenario with a medicine intervention (lines given) after its drink.
    static func withMedicine(_ lines: String) -> String {
        minimalScenario + "\n" + lines.components(separatedBy: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var label: String
        var yaml: String
        var path: String
        var fragment: String
        var testDescription: String { label }
    }

    static let bad: [Bad] = [
        Bad(label: "unknown medicine", yaml: "- medicine: paracetamoll\n  dose: 1 g\n  at: 1 h",
            path: "arms[0].interventions[1].medicine", fragment: "did you mean `paracetamol`?"),
        Bad(label: "negative dose", yaml: "- medicine: ibuprofen\n  dose: -400 mg\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "must not be negative"),
        Bad(label: "zero dose", yaml: "- medicine: ibuprofen\n  dose: 0 mg\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "must not be zero"),
        Bad(label: "absurd dose", yaml: "- medicine: paracetamol\n  dose: 20 g\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "is too large"),
        Bad(label: "absurd per-kg dose", yaml: "- medicine: ibuprofen\n  dose: 50 mg/kg\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "is too large"),
        Bad(label: "dose in a volume unit", yaml: "- medicine: paracetamol\n  dose: 10 mL\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "unknown unit `mL`"),
        Bad(label: "dose without a unit", yaml: "- medicine: paracetamol\n  dose: 1000\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "a unit is required"),
        Bad(label: "missing dose", yaml: "- medicine: paracetamol\n  at: 1 h",
            path: "arms[0].interventions[1].dose", fragment: "missing required field"),
        Bad(label: "no schedule", yaml: "- medicine: paracetamol\n  dose: 1 g",
            path: "arms[0].interventions[1]", fragment: "no dose times given"),
        Bad(label: "interval too short", yaml: "- medicine: paracetamol\n  dose: 1 g\n  every: 10 min",
            path: "arms[0].interventions[1].every", fragment: "is too small"),
        Bad(label: "dose after the end", yaml: "- medicine: paracetamol\n  dose: 1 g\n  at: 3 h",
            path: "arms[0].interventions[1].at", fragment: "outside the run"),
        Bad(label: "unknown key", yaml: "- medicine: paracetamol\n  dose: 1 g\n  at: 1 h\n  route: iv",
            path: "arms[0].interventions[1].route", fragment: "unknown key"),
    ]

    @Test(arguments: bad) func badMedicineIsRejected(_ c: Bad) {
        let found = issues(Self.withMedicine(c.yaml), file: "bad.yaml")
        let match = found.first { $0.path == c.path && $0.description.contains(c.fragment) }
        #expect(match != nil, "\(c.label): wanted \(c.path) ~ \(c.fragment); got \(found.map(\.description))")
        if let m = match {
            #expect(m.description.hasPrefix("bad.yaml:\(m.line): \(c.path): "))
            #expect(!m.description.contains("\n"))
        }
    }

    @Test func drugParametersReadBackByName() {
        let p = InflammationParameters()
        #expect(p["ibuprofen_tnf_disinhibition"] == p.ibuprofenTnfDisinhibition)
        #expect(p["paracetamol_ec50_mg_L"] == p.paracetamolEC50MgPerL)
        print("PARAM ibuprofen_tnf_disinhibition \(String(describing: p["ibuprofen_tnf_disinhibition"])) \(p.ibuprofenTnfDisinhibition)")
    }

    @Test func goodMedicineIsRead() throws {
        let text = Self.withMedicine("- medicine: paracetamol\n  dose: 15 mg/kg\n  every: 30 min\n  start: 0 h\n  stop: 2 h")
            .replacingOccurrences(of: "every: 30 min", with: "every: 1 h")
        guard case .success(let s) = ScenarioValidator.validate(text: text, file: "t.yaml") else {
            Issue.record("rejected: \(issues(text))"); return
        }
        let m = try #require(s.arms[0].medicines.first)
        #expect(m.medicine == .paracetamol)
        #expect(abs(m.doseMg - 15 * 70) < 1e-9)
        #expect(m.timesH == [0, 1])
        #expect(s.problem(for: s.arms[0]).medicines == s.arms[0].medicines)
    }

    @Test func bacterialPresetsAreListedAndAccepted() {
        for name in ["campylobacter", "salmonella", "shigella"] {
            #expect(Pathogen.named(name) != nil, "\(name) is a preset")
            #expect(ScenarioValidator.pathogenNames.contains(name))
            let text = minimalScenario.replacingOccurrences(of: "illness: none", with: "illness: {pathogen: \(name), severity: 2}")
            #expect(issues(text).isEmpty, "\(name): \(issues(text).map(\.description))")
            #expect(Pathogen.named(name)!.mucosalInvasion > 0)
        }
        for name in ["norovirus", "rotavirus", "cholera", "etec"] { #expect(Pathogen.named(name)!.mucosalInvasion == 0) }
        let bad = minimalScenario.replacingOccurrences(of: "illness: none", with: "illness: {pathogen: custom, peak_time: 10 h, peak_secretion: 1 mL/kg/h, stool: etec, mucosal_invasion: 2}")
        #expect(issues(bad).contains { $0.path == "illness.mucosal_invasion" })
    }

    // MARK: PK against the labels (P2 §7b), coupled model

    func healthyRun(_ m: MedicineCourse, hours: Double = 24) -> Trajectory {
        var p = SimulationProblem(durationH: hours, sampleIntervalH: 1.0 / 60)
        p.medicines = [m]
        return simulate(p)
    }

    /// (Cmax mg/L, Tmax h, terminal half-life h from 6 h to 12 h).
    func pk(_ tr: Trajectory, _ o: Observable) -> (Double, Double, Double) {
        let c = tr.column(o)
        let k = c.indices.max { c[$0] < c[$1] }!
        let c6 = c[tr.times.firstIndex { $0 >= 6 }!], c12 = c[tr.times.firstIndex { $0 >= 12 }!]
        return (c[k], tr.times[k], 6 * log(2) / log(c6 / c12))
    }

    @Test func paracetamolMatchesItsLabel() {
        let (cmax, tmax, half) = pk(healthyRun(MedicineCourse(medicine: .paracetamol, doseMg: 1000, timesH: [0])), .paracetamol_mg_L)
        print("PK paracetamol 1 g: Cmax \(cmax) mg/L at \(tmax) h, t1/2 \(half) h")
        #expect(tmax >= 0.5 && tmax <= 2)          // MIMS: 30 min–2 h
        #expect(half >= 1.9 && half <= 2.5)        // Forrest 1982
        #expect(cmax >= 8 && cmax <= 20)           // F 0.85 × 14.3 mg/kg / 0.9 L/kg × absorption shape
    }

    @Test func ibuprofenMatchesItsLabel() {
        let (cmax, tmax, half) = pk(healthyRun(MedicineCourse(medicine: .ibuprofen, doseMg: 400, timesH: [0])), .ibuprofen_mg_L)
        print("PK ibuprofen 400 mg: Cmax \(cmax) mg/L at \(tmax) h, t1/2 \(half) h")
        #expect(tmax >= 0.4 && tmax <= 0.75)       // Swiss label: 30–45 min fasting
        #expect(half >= 1.5 && half <= 2.2)        // Swiss label 1.5–2 h; UK ≈ 2 h
        #expect(abs(cmax - 40) < 6)                // ibuprofen lysinate 400 mg: ≈ 40 mg/L
    }

    @Test func aDoseChangesNothingButTheDrugWithoutIllness() {
        let tr = healthyRun(MedicineCourse(medicine: .ibuprofen, doseMg: 400, timesH: [1]), hours: 6)
        for o in [Observable.temperature_C, .myalgia_score, .cramp_score, .na_plasma_mmol_L] {
            let c = tr.column(o)
            #expect((c.max()! - c.min()!) < 1e-4, "\(o) moved")
        }
    }

    // MARK: The shipped campylobacter scenario

    @Test func campylobacterMedicineEasesFeverAndAcheNotCramps() throws {
        guard case .success(let s) = ScenarioValidator.validate(text: try String(contentsOfFile: Repo.scenario("campylobacter-adult"), encoding: .utf8),
                                                               file: "campylobacter-adult.yaml") else {
            Issue.record("the shipped scenario is invalid"); return
        }
        var summaries: [String: ArmSummary] = [:]
        for arm in s.arms {
            let p = s.problem(for: arm)
            summaries[arm.name] = ArmSummary(arm: arm.name, trajectory: simulate(p), basalStoolMLPerH: ArmSummary.basalStoolMLPerH(p))
        }
        let untreated = try #require(summaries["untreated"]), ors = try #require(summaries["ors"])
        let para = try #require(summaries["ors+paracetamol"]), ibu = try #require(summaries["ors+ibuprofen"])
        for x in [untreated, ors, para, ibu] {
            print("CAMPY \(x.arm): T \(x.peakTemperatureC) ache \(x.peakMyalgiaScore) cramp \(x.peakCrampScore) abdo \(x.peakAbdominalPainScore) blood@\(x.hoursToBloodyStool ?? -1) CRP \(x.peakCRPMgPerL) loss \(x.peakWeightLossPct)")
            #expect(x.status == "success")
        }
        // The signs of the article: fever above 102 °F, blood in the stool, severe abdominal pain.
        #expect(untreated.peakTemperatureC >= 38.9 && untreated.hoursToFever102F != nil)
        #expect(untreated.hoursToBloodyStool != nil)
        #expect(untreated.peakAbdominalPainScore >= 7)
        #expect(untreated.peakCRPMgPerL >= 12)
        // ORS relieves the cramps; it does not touch the fever or the ache.
        #expect(untreated.peakCrampScore - ors.peakCrampScore > 0.5)
        #expect(abs(untreated.peakMyalgiaScore - ors.peakMyalgiaScore) < 0.2)
        // The medicine eases the fever and the ache by a clear margin and leaves the cramps alone.
        for med in [para, ibu] {
            #expect(ors.peakTemperatureC - med.peakTemperatureC > 0.4, "\(med.arm) lowers the fever")
            #expect(med.peakTemperatureC < 38.9, "\(med.arm) keeps the fever below 102 °F")
            #expect(ors.peakMyalgiaScore - med.peakMyalgiaScore > 0.3 * ors.peakMyalgiaScore, "\(med.arm) eases the ache")
            #expect(abs(ors.peakCrampScore - med.peakCrampScore) < 0.1, "\(med.arm) leaves the cramps")
            #expect(abs(ors.peakAbdominalPainScore - med.peakAbdominalPainScore) < 1e-4, "\(med.arm) leaves the abdominal pain")
        }
    }
}
