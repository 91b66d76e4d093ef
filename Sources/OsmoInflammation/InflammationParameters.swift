// Every rate constant, half-life and gain of the inflammation / fever / myalgia submodel.
// Time is in HOURS throughout; concentrations in pg/mL; temperature in °C.
// Defaults are the calibrated values (see Docs/MODEL-inflammation.md for the calibration table).
// "6a" etc. refer to sections of the project's reference PHYSIOLOGY.md.

/// Parameters of ``InflammationModel``. Each property is documented with its unit and its source
/// or calibration target. Look them up by documented name with ``subscript(name:)``.
public struct InflammationParameters: Sendable, Equatable {

    // MARK: Stimulus (LPS and pathogen)

    /// Plasma half-life of injected endotoxin (LPS), h. Calibrated (0.45 h) so that TNF peaks
    /// 1.5–2 h after a 2 ng/kg bolus and TNF/IL-6 are back by 4–6 h (6a). No measured human LPS
    /// half-life is in the reference; the value is a calibration result (unconfirmed).
    public var lpsHalfLifeH: Double = 0.45
    /// LPS amount giving a unit stimulus, ng/kg. Scale choice: a 2 ng/kg bolus = stimulus 1 at t = 0.
    public var lpsReferenceNgPerKg: Double = 2.0
    /// Stimulus per unit pathogen load × inflammatory potency, dimensionless. Calibrated (0.1):
    /// norovirus-like severity-1 illness stays below 38.9 °C, severity 2–3 exceeds it (6b, 7).
    public var pathogenStimulusGain: Double = 0.1
    /// Saturation of the total stimulus, dimensionless: drive = u / (1 + u / saturation).
    /// Assumption (10): nearly linear in the calibrated range, bounded for huge doses.
    public var stimulusSaturation: Double = 10.0
    /// Half-life of the receptor (TLR4/NF-κB) signal that lags the stimulus, h. Calibrated (0.25 h):
    /// TNF appears ~30 min after LPS (6a, Eur J Intern Med 2000).
    public var signalHalfLifeH: Double = 0.25

    // MARK: Innate activation, tolerance, resolution

    /// Activation rate per unit signal, 1/h. Scale choice (1): activation is dimensionless;
    /// the cytokine production constants carry the pg/mL scale.
    public var activationRatePerH: Double = 1.0
    /// Half-life of activated monocytes returning to rest, h. Calibrated (0.5 h): TNF and IL-6
    /// fall below 20% of peak by 6 h (6a, Copeland 2005: back to baseline by 4–6 h).
    public var activationHalfLifeH: Double = 0.5
    /// Build-up rate of endotoxin tolerance per unit activation, 1/h. Assumption (0.5).
    public var toleranceRatePerH: Double = 0.5
    /// Half-life of endotoxin tolerance, h. Assumption (5 h): ex vivo hyporesponsiveness is greatest
    /// at 6 h and lasts ≤ 12 h (6a, Dillingh 2014).
    public var toleranceHalfLifeH: Double = 5.0
    /// Tolerance level that halves activation, dimensionless. Calibrated (3): mild compression of
    /// sustained (illness) responses.
    public var toleranceHalfEffect: Double = 3.0
    /// Build-up rate of the slow resolution (regulatory) programme per unit activation, 1/h.
    /// Calibrated (0.05): IL-10 stays raised longest after gastroenteritis (6b, Newman 2015/2016).
    public var resolutionRatePerH: Double = 0.05
    /// Weight of mucosal inflammation in building the resolution programme (the gut's regulatory, IL-10-making
    /// response; issue 12), relative to systemic activation, dimensionless. Calibrated (0.1): after norovirus
    /// IL-10 stays raised longest, to about day 3–4 (6b, Newman 2015).
    public var resolutionMucosalWeight: Double = 0.1
    /// Half-life of the resolution programme, h. Assumption (18 h): IL-10 raised to illness day 4
    /// while TNF is back by day 3 (6b, Newman).
    public var resolutionHalfLifeH: Double = 18.0

    // MARK: TNF (two pools)

    /// Baseline plasma TNF, pg/mL. 5 pg/mL (healthy; Dorresteijn 2005 reports 16.6 with an older assay, 6a).
    public var tnfBaselinePgPerML: Double = 5.0
    /// Maximal TNF production per unit activation, pg/mL/h. Calibrated (11000): TNF peak ~600 pg/mL
    /// after 2 ng/kg (6a: 300–1000; Dorresteijn 927 ± 187).
    public var tnfProductionPgPerMLPerH: Double = 11000
    /// Fraction of TNF production entering the fast-clearing pool. 0.74 (6a, Clin Sci 1994: 74% fast, 26% slow).
    public var tnfFastFraction: Double = 0.74
    /// Half-life of the fast TNF pool, min. 5.1 min (6a, Clin Sci 1994, rhTNF 50 µg/m²).
    public var tnfFastHalfLifeMin: Double = 5.1
    /// Half-life of the slow TNF pool, min. 49 min (6a, Clin Sci 1994).
    public var tnfSlowHalfLifeMin: Double = 49.0

    // MARK: IL-1β

    /// Baseline plasma IL-1β, pg/mL. 8.6 (6a, Dorresteijn 2005).
    public var il1bBaselinePgPerML: Double = 8.6
    /// IL-1β production per unit activation, pg/mL/h. Calibrated (150): IL-1β ~21 pg/mL after 2 ng/kg
    /// (6a, Dorresteijn: 8.6 → 25.3).
    public var il1bProductionPgPerMLPerH: Double = 150
    /// Plasma half-life of IL-1β, min. 20 min (assumption; short-lived in plasma, unconfirmed).
    public var il1bHalfLifeMin: Double = 20.0

    // MARK: IL-6

    /// Baseline plasma IL-6, pg/mL. 3 (healthy adult; assumption).
    public var il6BaselinePgPerML: Double = 3.0
    /// IL-6 production per unit activation, pg/mL/h. Calibrated (6500): IL-6 ~1000 pg/mL at 2 h after
    /// 2 ng/kg (6a, Copeland 2005).
    public var il6ProductionPgPerMLPerH: Double = 6500
    /// Effective plasma half-life of IL-6, h. 0.75 h: 6a gives ~1 h, published model decay constants
    /// 0.5–1.5 /h; calibrated within that range so IL-6 is < 20% of peak by 6 h.
    public var il6HalfLifeH: Double = 0.75
    /// Weight of TNF stimulation of IL-6 production (relative to activation), dimensionless.
    /// Assumption (0.1): TNF stimulates IL-6 (6c, Copeland-type models).
    public var il6TnfWeight: Double = 0.1
    /// TNF excess giving half-maximal stimulation of IL-6, pg/mL. Assumption (1000).
    public var il6TnfHalfSatPgPerML: Double = 1000

    // MARK: IL-10

    /// Baseline plasma IL-10, pg/mL. 3 (healthy adult; assumption).
    public var il10BaselinePgPerML: Double = 3.0
    /// IL-10 production per unit activation, pg/mL/h. Calibrated (400): IL-10 peak ~130 pg/mL at
    /// 2–3 h after 2 ng/kg (6a: 50–300 at 2–3 h).
    public var il10ProductionPgPerMLPerH: Double = 400
    /// Maximal IL-10 production stimulated by TNF, pg/mL/h. Assumption (50): TNF stimulates IL-10.
    public var il10TnfProductionPgPerMLPerH: Double = 50
    /// TNF excess giving half-maximal IL-10 stimulation, pg/mL. Assumption (1000).
    public var il10TnfHalfSatPgPerML: Double = 1000
    /// IL-10 production per unit resolution programme, pg/mL/h. Calibrated (150): IL-10 is the last
    /// of the four cytokines to fall below 2× baseline after gastroenteritis (6b, Newman).
    public var il10ResolutionProductionPgPerMLPerH: Double = 150
    /// Plasma half-life of IL-10, h. 2 h (6a: 2–4 h, rhIL-10 PK; lower end so the peak is at 2–3 h).
    public var il10HalfLifeH: Double = 2.0
    /// IL-10 excess that halves TNF and IL-1β production, pg/mL. Calibrated (400).
    public var il10InhibitionTnfPgPerML: Double = 400
    /// IL-10 excess that halves IL-6 production, pg/mL. Calibrated (500).
    public var il10InhibitionIl6PgPerML: Double = 500
    /// Hill exponent of the IL-10 inhibition, dimensionless. Assumption (2).
    public var il10InhibitionHill: Double = 2.0

    // MARK: Fever

    /// Weight of IL-6 in the pyrogenic (PGE2) drive, dimensionless. Assumption (0.5): IL-6 the main
    /// circulating pyrogen; weights sum to 1.
    public var feverIl6Weight: Double = 0.5
    /// IL-6 excess giving half of its pyrogenic effect, pg/mL. Calibrated (1000).
    public var feverIl6HalfSatPgPerML: Double = 1000
    /// Weight of IL-1β in the pyrogenic drive, dimensionless. Assumption (0.2).
    public var feverIl1bWeight: Double = 0.2
    /// IL-1β excess giving half of its pyrogenic effect, pg/mL. Calibrated (20).
    public var feverIl1bHalfSatPgPerML: Double = 20
    /// Weight of TNF in the pyrogenic drive, dimensionless. Assumption (0.3).
    public var feverTnfWeight: Double = 0.3
    /// TNF excess giving half of its pyrogenic effect, pg/mL. Calibrated (500).
    public var feverTnfHalfSatPgPerML: Double = 500
    /// Half-life of the PGE2-like central mediator (lag between cytokines and set point), h.
    /// Calibrated (1 h): temperature peaks 3–5 h after LPS (6a: 3–4 h).
    public var pge2HalfLifeH: Double = 1.0
    /// Set-point rise at full PGE2 drive, °C. Calibrated (4.8): +1.5–2 °C after 2 ng/kg (6a, Radboud;
    /// Dillingh +1.5 °C).
    public var setPointMaxRiseC: Double = 4.8
    /// Time constant of core temperature following the set point, h. 0.75 h (45 min; brief: 30–60 min).
    public var temperatureTimeConstantH: Double = 0.75
    /// Afebrile core temperature, °C. 37.0.
    public var baselineTemperatureC: Double = 37.0

    // MARK: Myalgia

    /// Weight of TNF in the algesic drive, dimensionless. Assumption (0.6).
    public var myalgiaTnfWeight: Double = 0.6
    /// TNF excess that alone gives unit algesic drive (divided by the weight), pg/mL. Calibrated (500).
    public var myalgiaTnfScalePgPerML: Double = 500
    /// Weight of IL-1β in the algesic drive, dimensionless. Assumption (0.4).
    public var myalgiaIl1bWeight: Double = 0.4
    /// IL-1β excess scale of the algesic drive, pg/mL. Calibrated (30).
    public var myalgiaIl1bScalePgPerML: Double = 30
    /// Weight of IL-6 in the algesic drive, dimensionless. 0 by default (IL-6 peaks later than the
    /// symptom score, 6a); kept for sensitivity studies.
    public var myalgiaIl6Weight: Double = 0.0
    /// IL-6 excess scale of the algesic drive, pg/mL. Assumption (600).
    public var myalgiaIl6ScalePgPerML: Double = 600
    /// Hill exponent from algesic drive to pain mediator, dimensionless. Assumption (2).
    public var myalgiaHill: Double = 2.0
    /// Half-life of the pain mediator, h. Calibrated (0.5 h): symptom peak 1–4 h and < 20% of peak by 8 h
    /// (6a: symptoms during 2–4 h, resolving by ~6 h).
    public var myalgiaHalfLifeH: Double = 0.5
    /// Score at full pain mediator (0–10 scale), score units. 10.
    public var myalgiaMaxScore: Double = 10.0

    // MARK: Mucosal infection (issue 12): the local route to fever and ache, injury, abdominal pain

    /// Half-life of mucosal inflammation following the invading load, h. Assumption (3 h): the
    /// lamina-propria response builds over hours (stool cytokines peak at onset, Raqib 1995, P2 §6).
    public var mucosalHalfLifeH: Double = 3.0
    /// Weight of the mucosal (vagal-afferent / local-PGE2) route in the pyrogenic drive, dimensionless.
    /// Calibrated (0.6): campylobacter at severity 1 reaches 39–39.5 °C with plasma IL-6 below 100 pg/mL
    /// (P2 §6: plasma cytokines ~100× below stool yet high fever; subdiaphragmatic vagotomy blocks fever
    /// from abdominal cytokines, Watkins et al., Brain Res 1995;692:244).
    public var mucosalFeverWeight: Double = 0.6
    /// Mucosal inflammation giving half of the mucosal pyrogenic effect, dimensionless. Calibrated (0.5).
    public var mucosalFeverHalfSat: Double = 0.5
    /// Weight of mucosal inflammation in the algesic (ache) drive, dimensionless. Calibrated (0.6):
    /// the campylobacter prodrome of fever, headache and myalgia (P2 §6, Harrison's).
    public var myalgiaMucosalWeight: Double = 0.6
    /// Mucosal inflammation that alone gives unit algesic drive (divided by the weight). Calibrated (0.6).
    public var myalgiaMucosalScale: Double = 0.6
    /// Ulceration rate per unit mucosal inflammation above the threshold, at full invasion, 1/h. Calibrated (0.25):
    /// campylobacter blood in the stool from day 2 (12–48 h after the prodrome, P2 §6).
    public var injuryRatePerH: Double = 0.25
    /// Mucosal inflammation below which the epithelium is not ulcerated, dimensionless. Assumption (0.3):
    /// mild inflammation does not ulcerate even an invaded mucosa.
    public var injuryThreshold: Double = 0.35
    /// Half-life of healing of the injured mucosa, h. Assumption (36 h): bleeding stops within days.
    public var injuryHealHalfLifeH: Double = 36.0
    /// Mucosal inflammation plus injury giving abdominal pain score 5 (Hill 2), dimensionless. Calibrated
    /// (0.6): abdominal pain in 89 % of campylobacter (Emberland 2022) and 70–93 % of shigella (P2 §6).
    public var abdominalPainHalfScore: Double = 0.6

    // MARK: Acute phase (CRP)

    /// Baseline plasma CRP, mg/L. 1 (healthy median ≈ 0.8 mg/L; Pepys & Hirschfield, J Clin Invest 2003;111:1805).
    public var crpBaselineMgPerL: Double = 1.0
    /// Plasma half-life of CRP, h. 19 h (Vigushin, Pepys & Hawkins, J Clin Invest 1993;91:1351; Pepys 2003).
    public var crpHalfLifeH: Double = 19.0
    /// Half-life of the hepatocyte IL-6 signal (transcription lag), h. Assumption (6 h): CRP rises from
    /// about 6 h and peaks about 48 h after a stimulus (Pepys & Hirschfield 2003).
    public var hepaticSignalHalfLifeH: Double = 6.0
    /// Maximal CRP synthesis at full hepatic signal, mg/L/h. Calibrated (6): bacterial enteritis
    /// peaks above 12 mg/L, viral below (P2 §6, Borgnolo 1996: 77 % vs 11 %).
    public var crpSynthesisMgPerLPerH: Double = 6.0
    /// Hepatic IL-6 exposure giving half-maximal signal, pg/mL. Calibrated (340): bacterial enteritis
    /// above 12 mg/L, viral (plasma IL-6 ~100 pg/mL) below (Borgnolo 1996).
    public var crpIl6HalfSatPgPerML: Double = 340
    /// Hill exponent of the hepatic response to IL-6, dimensionless. Assumption (3): a steep response,
    /// little CRP below ~100 pg/mL of hepatic IL-6 (why viral gastroenteritis rarely passes 12 mg/L).
    public var crpHill: Double = 3.0
    /// Portal IL-6 per unit mucosal inflammation, pg/mL: the liver sees gut venous blood before the
    /// systemic circulation dilutes it (stool IL-6 ~100× plasma, Raqib 1995). Assumption (300).
    public var portalIl6PerMucosaPgPerML: Double = 300

    // MARK: Fever medicines (issue 12): one-compartment oral PK, COX inhibition

    /// Oral bioavailability of paracetamol, fraction. 0.85 (Forrest, Clements & Prescott, Clin
    /// Pharmacokinet 1982;7:93: 70–90 %).
    public var paracetamolBioavailability: Double = 0.85
    /// First-order absorption rate of paracetamol, 1/h. Calibrated (3 /h): Tmax ≈ 0.8 h (labels 0.5–2 h, P2 §7b).
    public var paracetamolAbsorptionPerH: Double = 3.0
    /// Volume of distribution of paracetamol, L/kg. 0.9 (Forrest 1982).
    public var paracetamolVolumeLPerKg: Double = 0.9
    /// Elimination half-life of paracetamol, h. 2.2 (Forrest 1982: 1.9–2.5 h).
    public var paracetamolHalfLifeH: Double = 2.2
    /// Plasma paracetamol giving half of its maximal central COX (PGE2) inhibition, mg/L.
    /// Calibrated (6): 1 g an hour before LPS 4 ng/kg lowers the 4-h temperature by 0.9 °C (Pernerstorfer 1999,
    /// P2 §7a; the dose-to-LPS interval is an assumption).
    public var paracetamolEC50MgPerL: Double = 6.0
    /// Maximal inhibition of prostaglandin-driven fever and ache by paracetamol, fraction. Assumption (0.9).
    public var paracetamolMaxInhibition: Double = 0.9
    /// Oral bioavailability of ibuprofen, fraction. Assumption (1.0: food slows but does not lower absorption, P2 §7b).
    public var ibuprofenBioavailability: Double = 1.0
    /// First-order absorption rate of ibuprofen, 1/h. Calibrated (5 /h): Tmax ≈ 35 min fasting (labels 30–45 min).
    public var ibuprofenAbsorptionPerH: Double = 5.0
    /// Volume of distribution of ibuprofen, L/kg. Calibrated (0.12): Cmax ≈ 40 mg/L after 400 mg (Swiss label).
    public var ibuprofenVolumeLPerKg: Double = 0.12
    /// Elimination half-life of ibuprofen, h. 2.0 (Swiss label 1.5–2 h; UK SmPC ≈ 2 h; P2 §7b).
    public var ibuprofenHalfLifeH: Double = 2.0
    /// Plasma ibuprofen (total) giving half of its maximal COX inhibition, mg/L. Assumption (3): ibuprofen
    /// "markedly attenuated" fever and flu-like symptoms after LPS despite the higher TNF (Revhaug 1988, P2 §7a).
    public var ibuprofenEC50MgPerL: Double = 3.0
    /// Maximal inhibition of prostaglandin-driven fever and ache by ibuprofen, fraction. Assumption (0.95).
    public var ibuprofenMaxInhibition: Double = 0.95
    /// Rise in TNF production per unit peripheral COX inhibition by ibuprofen, dimensionless: PGE2 restrains
    /// monocyte TNF through cAMP, so blocking it releases TNF. Calibrated (4): TNF AUC 4.2-fold higher
    /// with ibuprofen before LPS (Martich 1991, P2 §7a; its dose is not in the excerpt: 400 mg assumed). Paracetamol has no peripheral effect (its cytokines
    /// are unchanged, Pernerstorfer 1999).
    public var ibuprofenTnfDisinhibition: Double = 4.0

    public init() {}
}
