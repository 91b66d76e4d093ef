import Foundation
import OsmoInflammation

/// Issue 12: invasive bacterial enteritis, the acute phase and the fever medicines, against
/// `../shared/reference/PHYSIOLOGY-2.md` §6–7 (cited "P2"). Every number is a run of the coupled
/// model through `simulate`.
extension ValidationSuite {
    static let infectionGroup = "infection, CRP, fever medicines"

    public static func infectionRows() -> [ValidationRow] {
        pathogenCourses() + acutePhase() + medicinePK() + medicinesAfterEndotoxin()
    }

    static func illnessRun(_ pathogen: Pathogen, severity: Double = 1, patient: Patient = .adult, hours: Double = 168) -> Trajectory {
        var p = SimulationProblem(patient: patient, durationH: hours, sampleIntervalH: 0.25)
        p.illness = .pathogen(pathogen, severity: severity, onsetH: 0)
        p.overrides = ["maintenance_intake_fraction": 0.5]
        return run(p)
    }

    // MARK: §6 pathogen courses and fever

    static func pathogenCourses() -> [ValidationRow] {
        let g = infectionGroup
        let campy = illnessRun(.campylobacter), salmonella = illnessRun(.salmonella), shigella = illnessRun(.shigella)
        let dysenteriae = illnessRun(.shigella, severity: 2)
        let bloody = visibleStoolBloodThreshold
        return [
            ValidationRow(g, "campylobacter: peak core temperature", low: 38.9, high: 40, model: peak(campy, .temperature_C).0,
                          unit: "°C", source: "P2 §6 Harrison's (febrile prodrome, then fever with diarrhoea); issue 12 (> 102 °F)",
                          expected: "≥ 38.9 (high fever)"),
            ValidationRow(g, "campylobacter: plasma IL-6 peak", low: 3, high: 100, model: peak(campy, .il6_pg_mL).0, unit: "pg/mL",
                          source: "P2 §6 (mucosal infection: single-digit to ~100 pg/mL; plasma ~100× below stool, Raqib 1995)",
                          expected: "≤ 100"),
            ValidationRow(g, "campylobacter: blood in the stool from the start of diarrhoea", low: 12, high: 48,
                          model: firstTime(campy, .stool_blood) { $0 >= bloody } ?? .nan, unit: "h",
                          source: "P2 §6 Harrison's (12–48 h after the prodrome: diarrhoea with blood)"),
            ValidationRow(g, "salmonella (non-typhoidal): peak core temperature", low: 38, high: 39,
                          model: peak(salmonella, .temperature_C).0, unit: "°C", source: "P2 §6 (fever usually 38–39 °C)"),
            ValidationRow(g, "shigella, uncomplicated: plasma IL-6 peak", low: 3, high: 37, model: peak(shigella, .il6_pg_mL).0,
                          unit: "pg/mL", source: "P2 §6 de Silva, Gut 1993 (median 5, range < 3–37)"),
            ValidationRow(g, "shigella at S. dysenteriae 1 severity: peak stool blood", low: bloody, high: 1,
                          model: peak(dysenteriae, .stool_blood).0, unit: "", source: "P2 §6 Khan 2013 (grossly bloody in 78 %)",
                          expected: "≥ \(bloody) (visibly bloody)"),
        ]
    }

    // MARK: §6 CRP, bacterial vs viral

    static func acutePhase() -> [ValidationRow] {
        let g = infectionGroup, s = "P2 §6 Borgnolo 1996 (CRP ≥ 12 mg/L in 77 % of bacterial, 11 % of viral)"
        let campy = illnessRun(.campylobacter), shigella = illnessRun(.shigella)
        let noro = illnessRun(.norovirus), rota = illnessRun(.rotavirus, patient: .child)
        return [
            ValidationRow(g, "campylobacter: peak CRP", low: 12, high: 150, model: peak(campy, .crp_mg_L).0, unit: "mg/L",
                          source: s, expected: "≥ 12"),
            ValidationRow(g, "shigella: peak CRP", low: 12, high: 150, model: peak(shigella, .crp_mg_L).0, unit: "mg/L",
                          source: s, expected: "≥ 12"),
            ValidationRow(g, "norovirus: peak CRP", low: 0, high: 12, model: peak(noro, .crp_mg_L).0, unit: "mg/L",
                          source: s, expected: "< 12"),
            ValidationRow(g, "rotavirus, child: peak CRP", low: 0, high: 12, model: peak(rota, .crp_mg_L).0, unit: "mg/L",
                          source: s, expected: "< 12"),
        ]
    }

    // MARK: §7b pharmacokinetics (healthy adult, one oral dose)

    /// (Cmax mg/L, Tmax h, half-life h from the 6–12 h log-linear fall) after one dose at t = 0.
    static func pkOf(_ medicine: FeverMedicine, mg: Double, _ o: Observable) -> (Double, Double, Double) {
        var p = SimulationProblem(durationH: 12, sampleIntervalH: 1.0 / 60)
        p.medicines = [MedicineCourse(medicine: medicine, doseMg: mg, timesH: [0])]
        let tr = run(p)
        let (cmax, tmax) = peak(tr, o)
        return (cmax, tmax, 6 * Foundation.log(2) / Foundation.log(at(tr, o, 6) / at(tr, o, 12)))
    }

    static func medicinePK() -> [ValidationRow] {
        let g = infectionGroup
        let (_, pT, pHalf) = pkOf(.paracetamol, mg: 1000, .paracetamol_mg_L)
        let (iC, iT, iHalf) = pkOf(.ibuprofen, mg: 400, .ibuprofen_mg_L)
        return [
            ValidationRow(g, "paracetamol 1 g oral: Tmax", low: 0.5, high: 2, model: pT, unit: "h", source: "P2 §7b MIMS (30 min–2 h)"),
            ValidationRow(g, "paracetamol 1 g oral: half-life", low: 1.9, high: 2.5, model: pHalf, unit: "h",
                          source: "P2 §7b Forrest, Clin Pharmacokinet 1982"),
            ValidationRow(g, "ibuprofen 400 mg oral: Cmax", low: 40, high: 40, model: iC, unit: "mg/L",
                          source: "P2 §7b Swiss label (lysinate: about 40 mg/L at 30 min)", expected: "≈ 40"),
            ValidationRow(g, "ibuprofen 400 mg oral: Tmax", low: 0.5, high: 0.75, model: iT, unit: "h",
                          source: "P2 §7b Swiss label (30–45 min fasting)"),
            ValidationRow(g, "ibuprofen 400 mg oral: half-life", low: 1.5, high: 2.2, model: iHalf, unit: "h",
                          source: "P2 §7b Swiss label 1.5–2 h; Pacifici ≈ 2.2 h"),
        ]
    }

    // MARK: §7a the medicines before endotoxin 4 ng/kg (dose at 0 h, LPS at 1 h)

    static func endotoxinWith(_ medicine: MedicineCourse?) -> Trajectory {
        var p = SimulationProblem(durationH: 13, sampleIntervalH: 1.0 / 60)
        p.illness = .endotoxin(ngPerKg: 4, timeH: 1)
        p.medicines = medicine.map { [$0] } ?? []
        return run(p)
    }

    /// ∫ (TNF − baseline) dt over the run, pg·h/mL (trapezoid rule on the samples).
    static func tnfExcessArea(_ tr: Trajectory) -> Double {
        let c = tr.column(.tnf_pg_mL), t = tr.times, base = c[0]
        return (1..<c.count).reduce(0.0) { $0 + 0.5 * (c[$1] + c[$1 - 1] - 2 * base) * (t[$1] - t[$1 - 1]) }
    }

    static func medicinesAfterEndotoxin() -> [ValidationRow] {
        let g = infectionGroup
        let placebo = endotoxinWith(nil)
        let para = endotoxinWith(MedicineCourse(medicine: .paracetamol, doseMg: 1000, timesH: [0]))
        let ibu = endotoxinWith(MedicineCourse(medicine: .ibuprofen, doseMg: 400, timesH: [0]))
        let s7 = "P2 §7a Pernerstorfer, Clin Pharmacol Ther 1999"
        return [
            ValidationRow(g, "paracetamol 1 g, LPS 4 ng/kg: fall of the 4-h temperature", low: 0.9, high: 0.9,
                          model: at(placebo, .temperature_C, 5) - at(para, .temperature_C, 5), unit: "°C",
                          source: s7 + " (38.5 vs 37.6 °C)"),
            ValidationRow(g, "paracetamol 1 g, LPS 4 ng/kg: TNF peak / placebo", low: 0.9, high: 1.1,
                          model: peak(para, .tnf_pg_mL).0 / peak(placebo, .tnf_pg_mL).0, unit: "",
                          source: s7 + " (cytokines unchanged)", expected: "≈ 1"),
            ValidationRow(g, "ibuprofen 400 mg, LPS 4 ng/kg: TNF area / placebo", low: 4.2, high: 4.2,
                          model: tnfExcessArea(ibu) / tnfExcessArea(placebo), unit: "",
                          source: "P2 §7a Martich, J Exp Med 1991 (TNF AUC 4.2-fold; dose not in the excerpt)"),
            ValidationRow(g, "ibuprofen 400 mg, LPS 4 ng/kg: IL-6 peak / placebo", low: 0.8, high: 1.25,
                          model: peak(ibu, .il6_pg_mL).0 / peak(placebo, .il6_pg_mL).0, unit: "",
                          source: "P2 §7a Martich 1991 (IL-6 no different)", expected: "≈ 1"),
            ValidationRow(g, "ibuprofen 400 mg, LPS 4 ng/kg: fever rise / placebo", low: 0, high: 0.5,
                          model: (peak(ibu, .temperature_C).0 - 37) / (peak(placebo, .temperature_C).0 - 37), unit: "",
                          source: "P2 §7a Revhaug 1988 (fever markedly attenuated)", expected: "≤ 0.5"),
        ]
    }
}
