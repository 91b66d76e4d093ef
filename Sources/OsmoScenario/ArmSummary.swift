import OsmoODE
import OsmoInflammation
import OsmoPhysiology

/// One arm's summary: peaks, totals and the warning signs, computed from its ``Trajectory`` alone.
///
/// Warning-sign times are the first time a threshold is reached, interpolated linearly between the
/// two samples that bracket the crossing (the sample time itself when the first sample already meets
/// it); `nil` when never reached. Thresholds (PHYSIOLOGY.md §7, KDIGO, Mayo Clinic):
/// - moderate dehydration: weight loss ≥ 5 %; severe: ≥ 10 %;
/// - oliguria: urine < 0.5 mL/kg/h sustained for 6 h (KDIGO stage 1). The time reported is when the
///   6-h window *completes*: the start of the first run of low urine that lasts 6 h, plus 6 h;
/// - fever above 102 °F: temperature ≥ 38.9 °C;
/// - hyponatraemia Na < 135, hypokalaemia K < 3.5, hypomagnesaemia Mg < 0.7 mmol/L;
/// - acidosis: plasma HCO3 < 18 mmol/L or pH < 7.30 (moderate metabolic acidosis; the WHO/ESPGHAN
///   dehydration literature uses HCO3 < 17–18 as the mark of significant acidosis);
/// - a critical state, one a person would not survive untreated (``criticalLimits``): the first
///   sample that crosses any of them, with `critical_reason` naming which (the run goes on);
/// - blood in the stool: `stool_blood` ≥ 0.2; severe abdominal pain: score ≥ 7/10 (issue 12);
/// - circulation (issue 12; MODEL.md §7c), from the 0/1 columns the model writes with the patient's age:
///   tachycardia = supine heart rate above the age's upper limit (APLS; 100 bpm from 12 y);
///   dizziness = on standing, a pulse rise ≥ 30 bpm or a systolic fall ≥ 20 mmHg (McGee 1999; consensus);
///   shock = supine systolic pressure below the age's hypotension limit (PALS; 90 mmHg from 10 y);
/// - diarrhoea lasting more than 48 h: the stool rate exceeds ``diarrheaFactor`` × the basal stool
///   water rate at some sample after 48 h (false when the run is shorter than 48 h).
public struct ArmSummary: Sendable, Equatable {
    public var arm: String
    /// ``SolverStatus/code``: `success`, `max_steps`, `step_underflow`, `non_finite`, `gsl_error`.
    public var status: String
    public var peakWeightLossPct: Double
    public var finalWeightLossPct: Double
    public var minNaPlasma: Double
    public var maxNaPlasma: Double
    public var minKPlasma: Double
    public var minMgPlasma: Double
    public var peakTemperatureC: Double
    public var peakMyalgiaScore: Double
    public var peakCrampScore: Double
    public var totalStoolL: Double
    public var totalOralIntakeL: Double
    public var totalIVIntakeL: Double
    public var totalUrineL: Double
    public var hoursToModerateDehydration: Double?
    public var hoursToSevereDehydration: Double?
    public var hoursToOliguria: Double?
    public var hoursToFever102F: Double?
    public var hoursToHyponatremia: Double?
    public var hoursToHypokalemia: Double?
    public var hoursToHypomagnesemia: Double?
    public var minHCO3Plasma: Double
    public var minPHPlasma: Double
    public var hoursToAcidosis: Double?
    /// First time a critical (not survivable untreated) state is reached, h, and what it is; nil / "" if never.
    public var hoursToCritical: Double?
    public var criticalReason: String
    // Circulation (issue 12)
    public var peakHeartRateBpm: Double
    public var minSystolicMmHg: Double
    public var hoursToTachycardia: Double?
    public var hoursToDizziness: Double?
    public var hoursToShock: Double?
    public var diarrheaOver48h: Bool
    /// Last sample time with the stool rate above the diarrhoea threshold, h (nil if never).
    public var lastDiarrheaH: Double?
    // Issue 12: infection of the mucosa and the acute phase.
    /// Peak abdominal (visceral) pain score 0–10.
    public var peakAbdominalPainScore: Double = 0
    /// First time blood is visible in the stool (`stool_blood` ≥ ``bloodyStoolThreshold``), h; nil if never.
    public var hoursToBloodyStool: Double?
    /// First time the abdominal pain is severe (score ≥ ``severeAbdominalPainScore``), h; nil if never.
    public var hoursToSevereAbdominalPain: Double?
    /// Peak plasma CRP, mg/L.
    public var peakCRPMgPerL: Double = 0
    /// Time reached, h (the duration on success).
    public var endTimeH: Double
    /// When the solver stopped early, h; nil on success.
    public var failureTimeH: Double?
    /// The solver's reason, empty on success.
    public var failureReason: String
    public var steps: Int
    public var rhsEvaluations: Int
    public var jacobianEvaluations: Int
    public var samples: Int

    /// Thresholds, named once.
    public static let moderateDehydrationPct = 5.0
    public static let severeDehydrationPct = 10.0
    public static let oliguriaMLPerKgH = 0.5
    public static let oliguriaWindowH = 6.0
    public static let fever102FC = 38.9
    public static let hyponatremiaMmolL = 135.0
    public static let hypokalemiaMmolL = 3.5
    public static let hypomagnesemiaMmolL = 0.7
    public static let acidosisHCO3MmolL = 18.0
    public static let acidosisPH = 7.30
    public static let diarrheaFactor = 3.0
    /// Visible blood in the stool: a fifth of the mucosa ulcerated (assumption; see MODEL.md §12).
    public static let bloodyStoolThreshold = visibleStoolBloodThreshold
    /// Severe abdominal pain: a score of 7 or more out of 10 (the usual "severe" band of a 0–10 scale).
    public static let severeAbdominalPainScore = 7.0

    /// States a person would not survive untreated: (observable, limit, below?, what to say). Weight
    /// loss beyond 15 % (WHO: > 10 % is severe, death in hypovolaemic shock beyond about 15 %), plasma
    /// volume below half of normal (circulatory collapse), Na outside 115–170, K outside 2–7 mmol/L, pH below 6.9.
    public static let criticalLimits: [(Observable, Double, Bool, String)] = [
        (.weight_loss_pct, 15, false, "weight loss above 15 %"),
        (.na_plasma_mmol_L, 115, true, "plasma Na below 115 mmol/L"),
        (.na_plasma_mmol_L, 170, false, "plasma Na above 170 mmol/L"),
        (.k_plasma_mmol_L, 2, true, "plasma K below 2 mmol/L"),
        (.k_plasma_mmol_L, 7, false, "plasma K above 7 mmol/L"),
        (.ph_plasma, 6.9, true, "pH below 6.9"),
    ]
    /// Plasma or extracellular volume below this fraction of the start is circulatory collapse (about half the
    /// ECF lost is the volume of fatal cholera: 10–12 % of body weight).
    public static let criticalPlasmaFraction = 0.5
    public static let diarrheaPersistsAfterH = 48.0

    /// The basal stool water rate, mL/h, for the threshold: `basal_stool_water_L_day_kg` × weight / 24 h
    /// (with the problem's overrides).
    public static func basalStoolMLPerH(_ problem: SimulationProblem) -> Double {
        var p = problem.parameters
        if let v = problem.overrides["basal_stool_water_L_day_kg"] { p.basalStoolWaterLPerDayPerKg = v }
        return p.basalStoolWaterLPerDayPerKg * problem.patient.weightKg * 1000 / 24
    }

    /// Summarises a trajectory. `basalStoolMLPerH` sets the diarrhoea threshold. Pure: no I/O.
    public init(arm: String, trajectory tr: Trajectory, basalStoolMLPerH: Double) {
        self.arm = arm
        status = tr.status.code
        let n = tr.sampleCount
        func col(_ o: Observable) -> [Double] { n == 0 ? [] : tr.column(o) }
        let t = tr.times
        let loss = col(.weight_loss_pct), na = col(.na_plasma_mmol_L), k = col(.k_plasma_mmol_L)
        let mg = col(.mg_plasma_mmol_L), temp = col(.temperature_C), urine = col(.urine_rate_mL_kg_h)
        let stool = col(.stool_rate_mL_h)
        peakWeightLossPct = loss.max() ?? 0
        finalWeightLossPct = loss.last ?? 0
        minNaPlasma = na.min() ?? 0
        maxNaPlasma = na.max() ?? 0
        minKPlasma = k.min() ?? 0
        minMgPlasma = mg.min() ?? 0
        peakTemperatureC = temp.max() ?? 0
        peakMyalgiaScore = col(.myalgia_score).max() ?? 0
        peakCrampScore = col(.cramp_score).max() ?? 0
        totalStoolL = col(.cum_stool_L).last ?? 0
        totalOralIntakeL = col(.cum_oral_intake_L).last ?? 0
        totalIVIntakeL = col(.cum_iv_intake_L).last ?? 0
        totalUrineL = col(.cum_urine_L).last ?? 0
        hoursToModerateDehydration = Self.firstCrossing(t, loss, Self.moderateDehydrationPct, above: true)
        hoursToSevereDehydration = Self.firstCrossing(t, loss, Self.severeDehydrationPct, above: true)
        hoursToOliguria = Self.sustainedBelow(t, urine, Self.oliguriaMLPerKgH, forH: Self.oliguriaWindowH)
        hoursToFever102F = Self.firstCrossing(t, temp, Self.fever102FC, above: true)
        hoursToHyponatremia = Self.firstCrossing(t, na, Self.hyponatremiaMmolL, above: false)
        hoursToHypokalemia = Self.firstCrossing(t, k, Self.hypokalemiaMmolL, above: false)
        hoursToHypomagnesemia = Self.firstCrossing(t, mg, Self.hypomagnesemiaMmolL, above: false)
        let hco3 = col(.hco3_plasma_mmol_L), ph = col(.ph_plasma)
        minHCO3Plasma = hco3.min() ?? 0
        minPHPlasma = ph.min() ?? 0
        hoursToAcidosis = [Self.firstCrossing(t, hco3, Self.acidosisHCO3MmolL, above: false),
                           Self.firstCrossing(t, ph, Self.acidosisPH, above: false)].compactMap { $0 }.min()
        var critical: (Double, String)?
        func consider(_ time: Double?, _ why: String) {
            if let time, critical.map({ time < $0.0 }) ?? true { critical = (time, why) }
        }
        for (o, level, below, why) in Self.criticalLimits {
            consider(Self.firstCrossing(t, col(o), level, above: !below), why)
        }
        let vp = col(.volume_plasma_L), vi = col(.volume_interstitial_L)
        if let v0 = vp.first {
            consider(Self.firstCrossing(t, vp, Self.criticalPlasmaFraction * v0, above: false),
                     "plasma volume below half of normal (circulatory collapse)")
        }
        let ecf = zip(vp, vi).map { $0 + $1 }
        if let e0 = ecf.first {
            consider(Self.firstCrossing(t, ecf, Self.criticalPlasmaFraction * e0, above: false),
                     "extracellular fluid below half of normal (hypovolaemic shock)")
        }
        // Circulation (issue 12): the flags are 0/1 per sample.
        peakHeartRateBpm = col(.heart_rate_bpm).max() ?? 0
        minSystolicMmHg = col(.systolic_mmHg).min() ?? 0
        hoursToTachycardia = Self.firstCrossing(t, col(.tachycardia), 0.5, above: true)
        hoursToDizziness = Self.firstCrossing(t, col(.dizziness), 0.5, above: true)
        hoursToShock = Self.firstCrossing(t, col(.shock), 0.5, above: true)
        hoursToCritical = critical?.0
        criticalReason = critical?.1 ?? ""
        let threshold = Self.diarrheaFactor * basalStoolMLPerH
        lastDiarrheaH = stool.lastIndex { $0 > threshold }.map { t[$0] }
        diarrheaOver48h = zip(t, stool).contains { $0.0 > Self.diarrheaPersistsAfterH && $0.1 > threshold }
        let abdominal = col(.abdominal_pain_score)
        peakAbdominalPainScore = abdominal.max() ?? 0
        hoursToBloodyStool = Self.firstCrossing(t, col(.stool_blood), Self.bloodyStoolThreshold, above: true)
        hoursToSevereAbdominalPain = Self.firstCrossing(t, abdominal, Self.severeAbdominalPainScore, above: true)
        peakCRPMgPerL = col(.crp_mg_L).max() ?? 0
        endTimeH = t.last ?? 0
        failureTimeH = tr.status.failureTime
        failureReason = tr.status.isSuccess ? "" : tr.status.description
        steps = tr.statistics.steps
        rhsEvaluations = tr.statistics.rhsEvaluations
        jacobianEvaluations = tr.statistics.jacobianEvaluations
        samples = n
    }

    /// The first time `x` reaches `level` (≥ when `above`, strictly < otherwise), interpolated linearly
    /// between the bracketing samples; `nil` if never.
    public static func firstCrossing(_ t: [Double], _ x: [Double], _ level: Double, above: Bool) -> Double? {
        func met(_ v: Double) -> Bool { above ? v >= level : v < level }
        for i in t.indices where met(x[i]) {
            if i == 0 { return t[0] }
            let (x0, x1) = (x[i - 1], x[i])
            let f = x1 != x0 ? (level - x0) / (x1 - x0) : 1
            return t[i - 1] + min(max(f, 0), 1) * (t[i] - t[i - 1])
        }
        return nil
    }

    /// When `x` has stayed below `level` for `window` h: the start of the first run below `level`
    /// lasting at least `window`, plus `window`. Run starts and ends are interpolated linearly; a run
    /// still going at the last sample ends there.
    public static func sustainedBelow(_ t: [Double], _ x: [Double], _ level: Double, forH window: Double) -> Double? {
        var start: Double?
        for i in t.indices {
            if x[i] < level {
                if start == nil {
                    if i == 0 { start = t[0] } else {
                        let f = x[i] != x[i - 1] ? (level - x[i - 1]) / (x[i] - x[i - 1]) : 0
                        start = t[i - 1] + min(max(f, 0), 1) * (t[i] - t[i - 1])
                    }
                }
                if let s = start, t[i] - s >= window { return s + window }
            } else if let s = start {
                let f = x[i] != x[i - 1] ? (level - x[i - 1]) / (x[i] - x[i - 1]) : 0
                let end = t[i - 1] + min(max(f, 0), 1) * (t[i] - t[i - 1])
                if end - s >= window { return s + window }
                start = nil
            }
        }
        return nil
    }
}
