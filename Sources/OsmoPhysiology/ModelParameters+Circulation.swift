/// The circulation's parameters (issue 12, MODEL.md §7c), appended to ``ModelParameters/catalog``.
extension ModelParameters {
    static let circulationCatalog: [Info] = [
        p("haematocrit_adult", \.haematocritAdult, "1", 0.2...0.7, "red-cell fraction of blood, adult (sets the red-cell volume)", "textbook: men 0.41–0.50, women 0.36–0.44"),
        p("haematocrit_infant", \.haematocritInfant, "1", 0.2...0.7, "red-cell fraction of blood at 1 year (interpolated to the adult by age)", "textbook: Hb 10.5–13.5 g/dL at 1 y (Hct ≈ 0.33–0.39; recalled, unconfirmed)"),
        p("heart_rate_adult_bpm", \.heartRateAdult, "bpm", 40...120, "resting supine heart rate, adult", "textbook 60–100"),
        p("heart_rate_infant_bpm", \.heartRateInfant, "bpm", 60...200, "resting heart rate at 1 year (interpolated to the adult by age)", "Fleming et al., Lancet 2011: median 113 at 2 y, falling from 145 at 1 month (search)"),
        p("systolic_adult_mmHg", \.systolicAdult, "mmHg", 80...180, "resting systolic pressure, adult", "textbook 120/80"),
        p("diastolic_adult_mmHg", \.diastolicAdult, "mmHg", 40...120, "resting diastolic pressure, adult", "textbook 120/80"),
        p("systolic_infant_mmHg", \.systolicInfant, "mmHg", 60...130, "resting systolic pressure at 1 year", "NHBPEP Fourth Report 2004, 50th centile at 1 y (recalled, unconfirmed)"),
        p("diastolic_infant_mmHg", \.diastolicInfant, "mmHg", 20...90, "resting diastolic pressure at 1 year", "NHBPEP Fourth Report 2004, 50th centile at 1 y (recalled, unconfirmed)"),
        p("unstressed_volume_fraction", \.unstressedVolumeFraction, "1", 0.4...0.9, "share of the blood volume that fills the veins without stretching them (unstressed) at rest", "textbook (Guyton; Magder): ≈ 70 % of blood volume is unstressed"),
        p("venoconstriction_gain", \.venoconstrictionGain, "1", 0...0.8, "largest fraction of the unstressed volume the sympathetic reflex moves into the stressed volume", "calibration to the ATLS classes (European trauma guideline, Crit Care 2016, table 2; search): splanchnic capacitance veins hold ≈ 1 L"),
        p("heart_rate_reflex_gain", \.heartRateReflexGain, "1", 0...2, "HR = HR0·exp(gain·s), s the sympathetic drive in (−1, 1)", "calibration to the ATLS classes: HR < 100 below 15 % loss, 100–120 at 15–30 %, 120–140 at 30–40 %, > 140 beyond"),
        p("resistance_reflex_gain", \.resistanceReflexGain, "1", 0...2, "vascular resistance = R0·exp(gain·s)", "calibration to the ATLS classes: systolic pressure normal to 30 % loss, falling beyond"),
        p("baroreflex_gain", \.baroreflexGain, "1", 0.5...50, "s = tanh(gain·(1 − MAP/MAP0)): the baroreflex's open-loop gain", "calibration to the ATLS classes and the postural pulse rise of McGee et al., JAMA 1999 (search)"),
        p("frank_starling_half", \.frankStarlingHalf, "1", 0.05...10, "κ: stroke volume ∝ r/(r + κ) with r the stressed volume relative to rest", "calibration (unconfirmed): the Frank–Starling curve flattens above the resting filling"),
        p("standing_shift_fraction", \.standingShiftFraction, "1", 0...0.4, "fraction of the normal blood volume pooled in the legs and splanchnic veins on standing", "textbook: 500–1000 mL of a ≈ 5 L blood volume (recalled, unconfirmed); 0.15 calibrated with the postural pulse rise of McGee et al., JAMA 1999 (search)"),
        p("gfr_autoregulation_limit", \.gfrAutoregulationLimit, "1", 0.5...1, "MAP relative to normal below which GFR falls (lower limit of renal autoregulation)", "textbook (Guyton & Hall): GFR autoregulated from ≈ 80 to 180 mmHg; 80/93 of the adult MAP, scaled to the age's MAP"),
        p("gfr_filtration_stop", \.gfrFiltrationStop, "1", 0.1...0.8, "MAP relative to normal at which glomerular filtration stops", "textbook: filtration ceases near 40–50 mmHg MAP (recalled, unconfirmed); 40/93"),
        p("viscosity_haematocrit_gain", \.viscosityHaematocritGain, "1", 0...8, "k: blood viscosity relative to rest e^{k(Hct − Hct0)}; resistance to venous return and to flow both scale with it", "calibration (unconfirmed): Hct·e^{−k(Hct − Hct0)} (oxygen carried per unit driving pressure) is largest at Hct = 1/k ≈ 0.43, the textbook 'optimal haematocrit' near normal; blood viscosity roughly doubles from Hct 0.45 to 0.7"),
    ]
}
