import Foundation
import OsmoODE

/// The circulation (issue 12): resting pulse and pressure, the ATLS classes of volume loss, the postural
/// pulse rise, renal autoregulation and lactate in shock. The ATLS and postural rows read the circulation at a
/// set blood volume (the function the right-hand side calls, ``CirculationConstants/state(plasmaVolume:shift:)``):
/// a plasma-only (isotonic) loss of 30–40 % of the blood volume is more than a body survives, so those blood
/// volumes are not reached by a run. The resting, isotonic-loss and shock rows are runs of the coupled model.
extension ValidationSuite {
    static let circulationGroup = "circulation"

    public static func circulationRows() -> [ValidationRow] {
        restingCirculation() + atlsClasses() + postural() + autoregulation() + shockLactate() + dehydrationSigns()
    }

    static func circulation(_ patient: Patient) -> CirculationConstants {
        BodyConstants(patient: patient, parameters: ModelParameters()).circulation
    }

    /// The circulation with `lossFraction` of the reference blood volume (70 mL/kg adult) lost (plasma lost, red cells kept).
    static func withBloodLoss(_ cc: CirculationConstants, _ lossFraction: Double, standing: Bool = false) -> Haemodynamics {
        let plasma = cc.bloodVolume0 - lossFraction * cc.referenceBloodVolume - cc.redCellVolume
        return cc.state(plasmaVolume: plasma, shift: standing ? cc.standingShift : 0)
    }

    static func restingCirculation() -> [ValidationRow] {
        let g = circulationGroup
        let a = run(SimulationProblem(patient: .adult, durationH: 72, sampleIntervalH: 24))
        let c = run(SimulationProblem(patient: .child, durationH: 72, sampleIntervalH: 24))
        let ea = a.sampleCount - 1, ec = c.sampleCount - 1
        return [
            ValidationRow(g, "healthy adult, 72 h: heart rate", low: 60, high: 80, model: a.value(.heart_rate_bpm, at: ea),
                          unit: "bpm", source: "textbook: 60–100 bpm, typical 70"),
            ValidationRow(g, "healthy adult, 72 h: mean arterial pressure", low: 85, high: 100, model: a.value(.map_mmHg, at: ea),
                          unit: "mmHg", source: "textbook 120/80 mmHg (MAP 93)"),
            ValidationRow(g, "healthy 1-year-old, 72 h: heart rate", low: 110, high: 135, model: c.value(.heart_rate_bpm, at: ec),
                          unit: "bpm", source: "Fleming et al., Lancet 2011: median 145 at 1 month, 113 at 2 years (search)"),
            ValidationRow(g, "healthy 1-year-old, 72 h: systolic pressure", low: 72, high: 100, model: c.value(.systolic_mmHg, at: ec),
                          unit: "mmHg", source: "PALS: hypotension < 70 + 2 × age; NHBPEP 2004 50th centile ≈ 85 (recalled)"),
            ValidationRow(g, "healthy adult, 72 h: haematocrit", low: 0.40, high: 0.50, model: a.value(.haematocrit, at: ea),
                          unit: "", source: "textbook: men 0.41–0.50"),
        ]
    }

    /// ATLS classes of haemorrhage (European trauma guideline, Crit Care 2016, table 2, for a 70 kg man; search):
    /// class I < 15 % of blood volume: HR < 100, pressure normal; II 15–30 %: HR 100–120, systolic normal, pulse
    /// pressure down; III 30–40 %: HR 120–140, systolic down; IV > 40 %: HR > 140.
    static func atlsClasses() -> [ValidationRow] {
        let g = circulationGroup, cc = circulation(.adult)
        let src = "ATLS classes (Rossaint et al., Crit Care 2016, table 2; search)"
        let h14 = withBloodLoss(cc, 0.14), h30 = withBloodLoss(cc, 0.30), h40 = withBloodLoss(cc, 0.40)
        let h45 = withBloodLoss(cc, 0.45), h20 = withBloodLoss(cc, 0.20), h35 = withBloodLoss(cc, 0.35)
        let rest = withBloodLoss(cc, 0)
        // The coupled model: an isotonic (plasma-only) prescribed loss, HR when the blood volume is 14 % down.
        var p = SimulationProblem(durationH: 12, sampleIntervalH: 1.0 / 30)
        let loss = StoolComposition(sodium: 140, potassium: 4, chloride: 115, bicarbonate: 29, magnesium: 0)
        p.illness = .prescribedStool(PrescribedStool(ratesMLPerKgH: [(0, 20), (12, 0)], composition: loss))
        p.overrides = ["maintenance_intake_fraction": 0, "thirst_water_intake": 0]
        let tr = run(p)
        let bv0 = tr.value(.blood_volume_L, at: 0), ref = cc.referenceBloodVolume
        let t14 = firstTime(tr, .blood_volume_L) { $0 <= bv0 - 0.14 * ref }
        return [
            ValidationRow(g, "isotonic loss (20 mL/kg/h): heart rate at 14 % blood-volume loss (class I)", low: 70, high: 100,
                          model: t14.map { at(tr, .heart_rate_bpm, $0) } ?? .nan, unit: "bpm", source: src, expected: "< 100"),
            ValidationRow(g, "14 % blood-volume loss: systolic fall (class I: normal)", low: 0, high: 12,
                          model: cc.state(plasmaVolume: cc.bloodVolume0 - cc.redCellVolume).systolic - h14.systolic,
                          unit: "mmHg", source: src, expected: "normal"),
            ValidationRow(g, "30 % blood-volume loss: heart rate (class II/III boundary)", low: 100, high: 120,
                          model: h30.heartRate, unit: "bpm", source: src),
            ValidationRow(g, "30 % blood-volume loss: systolic pressure (still normal)", low: 100, high: 125,
                          model: h30.systolic, unit: "mmHg", source: src, expected: "normal (≥ 100)"),
            ValidationRow(g, "30 % blood-volume loss: pulse pressure relative to rest (decreased)", low: 0.3, high: 0.85,
                          model: (h30.systolic - h30.diastolic) / cc.pulsePressure0, unit: "", source: src, expected: "decreased"),
            ValidationRow(g, "40 % blood-volume loss: heart rate (class III/IV boundary)", low: 120, high: 140,
                          model: h40.heartRate, unit: "bpm", source: src),
            ValidationRow(g, "40 % blood-volume loss: systolic pressure (decreased)", low: 60, high: 100,
                          model: h40.systolic, unit: "mmHg", source: src, expected: "decreased (< 100)"),
            ValidationRow(g, "45 % blood-volume loss: heart rate (class IV)", low: 140, high: 180,
                          model: h45.heartRate, unit: "bpm", source: src, expected: "> 140"),
            ValidationRow(g, "20 % blood-volume loss: heart rate (class II)", low: 100, high: 120,
                          model: h20.heartRate, unit: "bpm", source: src),
            ValidationRow(g, "20 % blood-volume loss: systolic fall (class II: normal)", low: 0, high: 15,
                          model: rest.systolic - h20.systolic, unit: "mmHg", source: src, expected: "normal"),
            ValidationRow(g, "35 % blood-volume loss: heart rate (class III)", low: 120, high: 140,
                          model: h35.heartRate, unit: "bpm", source: src),
            ValidationRow(g, "45 % blood-volume loss: systolic pressure (class IV: markedly low)", low: 40, high: 80,
                          model: h45.systolic, unit: "mmHg", source: src + "; class IV: profound hypotension",
                          expected: "markedly decreased"),
            ValidationRow(g, "45 % blood-volume loss: cardiac output relative to rest (venous return limited)", low: 0.3, high: 0.5,
                          // haemorrhage keeps the haematocrit: the viscosity of withBloodLoss's plasma-only loss divided out
                          model: h45.cardiacOutputRel * exp(cc.viscosityGain * (h45.haematocrit - cc.haematocrit0)), unit: "",
                          source: "Guyton: cardiac output follows the mean systemic filling pressure as stressed volume is lost "
                              + "(Persichini et al., Crit Care 2022; search); class IV base deficit ≤ −10 (Mutschler et al. 2013; search)",
                          expected: "≈ 0.3–0.5"),
        ]
    }

    /// McGee, Abernethy & Simel, JAMA 1999 (search): a postural pulse rise ≥ 30 bpm (or severe postural dizziness)
    /// has 97 % sensitivity for large blood loss (630–1150 mL, ≈ 13–23 % of a 5 L blood volume), 22 % for moderate
    /// loss (450–630 mL), and 98 % specificity (few normovolaemic adults reach it).
    static func postural() -> [ValidationRow] {
        let g = circulationGroup, cc = circulation(.adult)
        let src = "McGee et al., JAMA 1999;281:1022 (search)"
        func rise(_ f: Double) -> Double { withBloodLoss(cc, f, standing: true).heartRate - withBloodLoss(cc, f).heartRate }
        let rest = withBloodLoss(cc, 0), standing = withBloodLoss(cc, 0, standing: true)
        return [
            ValidationRow(g, "healthy adult: postural pulse rise on standing", low: 5, high: 25, model: rise(0), unit: "bpm",
                          source: src + ": < 30 in 98 % of normovolaemic adults", expected: "< 30"),
            ValidationRow(g, "healthy adult: postural systolic fall on standing", low: 0, high: 15,
                          model: rest.systolic - standing.systolic, unit: "mmHg",
                          source: "orthostatic hypotension is a fall ≥ 20 mmHg (consensus, Freeman 2011; recalled)", expected: "< 20"),
            ValidationRow(g, "20 % blood-volume loss (≈ 1 L): postural pulse rise", low: 30, high: 60, model: rise(0.20),
                          unit: "bpm", source: src + ": ≥ 30 in 97 % after 630–1150 mL", expected: "≥ 30"),
            ValidationRow(g, "9 % blood-volume loss (≈ 450 mL): postural pulse rise", low: 5, high: 30, model: rise(0.09),
                          unit: "bpm", source: src + ": ≥ 30 in only 22 % after 450–630 mL", expected: "< 30"),
        ]
    }

    /// Renal autoregulation: GFR held from ≈ 80 mmHg MAP upward, falling below (textbook, Guyton & Hall).
    static func autoregulation() -> [ValidationRow] {
        let g = circulationGroup, cc = circulation(.adult)
        let src = "textbook (Guyton & Hall): GFR autoregulated between ≈ 80 and 180 mmHg"
        return [
            ValidationRow(g, "renal autoregulation: GFR at MAP 85 mmHg, relative to rest", low: 0.95, high: 1.0,
                          model: cc.autoregulation(meanPressure: 85), unit: "", source: src),
            ValidationRow(g, "renal autoregulation: GFR at MAP 60 mmHg, relative to rest", low: 0.3, high: 0.7,
                          model: cc.autoregulation(meanPressure: 60), unit: "", source: src + "; filtration stops near 40–50 (recalled)"),
        ]
    }

    /// Lactate in shock: the steady state of the lactate balance (production over clearance, §7b) at the circulation of
    /// a class IV loss (45 % of the blood volume, haemorrhage: haematocrit unchanged), and untreated cholera's peak.
    static func shockLactate() -> [ValidationRow] {
        let g = circulationGroup
        let c = BodyConstants(patient: .adult, parameters: ModelParameters())
        let h = withBloodLoss(c.circulation, 0.45)
        let p = c.p
        // Whole blood lost: the haematocrit stays at rest, so no viscosity change (withBloodLoss removes plasma only).
        let flow = h.cardiacOutputRel * exp(p.viscosityHaematocritGain * (h.haematocrit - c.circulation.haematocrit0))
        let delivery = flow
        let hypoxia = p.lactateHypoperfusionGain
            * (Smooth.positive(p.lactateHypoperfusionThreshold - delivery, width: 0.02) - c.lactatePositive0)
        let extraMax = p.lactateMaxProductionFactor - 1
        let production = 1 + hypoxia / (1 + hypoxia / extraMax)
        let clearance = Smooth.minimum(flow, 1, width: 0.02) / c.lactatePerfusion1
        let steady = p.plasmaLactate * production / clearance
        var ch = SimulationProblem(durationH: 72, sampleIntervalH: 0.25)
        ch.illness = .pathogen(.cholera, severity: 1, onsetH: 0)
        ch.overrides = ["maintenance_intake_fraction": 0.5]
        let (lac, _) = peak(run(ch), .lactate_mmol_L)
        return [
            ValidationRow(g, "45 % blood-volume loss (class IV): steady-state plasma lactate", low: 4, high: 15, model: steady,
                          unit: "mmol/L", source: "lactate > 4 mmol/L marks shock hypoperfusion (Surviving Sepsis); type A lactic "
                              + "acidosis of shock ≥ 4–5, often 10–30 (AccessMedicine; search)", expected: "> 4"),
            ValidationRow(g, "untreated cholera, adult: peak plasma lactate (clearance falls with cardiac output)", low: 2, high: 6,
                          model: lac, unit: "mmol/L",
                          source: "Wang et al., NEJM 1986: lactic acidaemia adds to the anion gap of cholera (value recalled, unconfirmed)",
                          expected: "raised (2–6)"),
        ]
    }

    /// The bedside signs of dehydration in cholera (Harris et al., Lancet 2012, table 2: "some" dehydration 5–10 % of
    /// body weight, pulse rapid and of low volume; severe > 10 %, pulse weak or absent; Medscape (Handa): 5–8 % postural
    /// hypotension and tachycardia, > 10 % weak, thready or absent pulse; search). The arm of `cholera-adult.yaml`
    /// that drinks nothing (no usual intake, no thirst drinking), read when the weight loss first reaches 10 %.
    static func dehydrationSigns() -> [ValidationRow] {
        let g = circulationGroup
        let src = "Harris et al., Lancet 2012, table 2; Medscape, cholera: > 10 % loss: weak, thready or absent pulse (search)"
        var p = SimulationProblem(durationH: 72, sampleIntervalH: 0.25)
        p.illness = .pathogen(.cholera, severity: 1, onsetH: 0)
        p.overrides = ["maintenance_intake_fraction": 0, "thirst_water_intake": 0]
        let tr = run(p)
        let t10 = firstTime(tr, .weight_loss_pct) { $0 >= 10 }
        let hr = t10.map { at(tr, .heart_rate_bpm, $0) } ?? .nan
        let pp = t10.map { (at(tr, .systolic_mmHg, $0) - at(tr, .diastolic_mmHg, $0)) / 40 } ?? .nan
        let rise = t10.map { at(tr, .orthostatic_hr_rise_bpm, $0) } ?? .nan
        return [
            ValidationRow(g, "cholera, nothing by mouth, at 10 % weight loss: heart rate (rapid pulse)", low: 100, high: 140,
                          model: hr, unit: "bpm", source: src, expected: "> 100"),
            ValidationRow(g, "cholera, nothing by mouth, at 10 % weight loss: pulse pressure relative to rest (weak pulse)",
                          low: 0.2, high: 0.7, model: pp, unit: "", source: src, expected: "low volume"),
            ValidationRow(g, "cholera, nothing by mouth, at 10 % weight loss: postural pulse rise", low: 30, high: 80,
                          model: rise, unit: "bpm",
                          source: "Medscape, cholera: postural hypotension and tachycardia from 5–8 % loss; McGee et al. 1999: ≥ 30 bpm (search)",
                          expected: "≥ 30"),
        ]
    }
}
