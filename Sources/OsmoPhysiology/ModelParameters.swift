/// Every physiological parameter of the fluid model, named once. Scenario overrides and sweeps
/// use the names in ``ModelParameters/catalog`` (the same names as in MODEL.md).
///
/// Per-kg values are scaled by the patient's weight; `_w075` values by (weight / 70 kg)^0.75.
public struct ModelParameters: Sendable, Equatable {
    // MARK: Normal plasma values (PHYSIOLOGY.md §1c) — the starting state
    public var plasmaSodium = 140.0          // mmol/L
    public var plasmaPotassium = 4.2         // mmol/L
    public var plasmaChloride = 103.0        // mmol/L
    public var plasmaBicarbonate = 25.0      // mmol/L
    public var plasmaMagnesium = 0.85        // mmol/L
    public var plasmaGlucose = 5.0           // mmol/L
    public var plasmaUrea = 5.0              // mmol/L (permeant: counts in osmolality, not tonicity)
    public var cellSodium = 10.0             // mmol/L (§1d)
    public var osmoticCoefficient = 0.96     // ECF and ICF salts, dimensionless (sets ICF K ≈ 140, §1d)
    public var baseBufferFactor = 2.0        // apparent bicarbonate space / ECF volume

    // MARK: Starling exchange, plasma ⇄ interstitium
    public var plasmaProtein = 7.0                   // g/dL
    public var interstitialProtein = 3.0             // g/dL
    public var proteinReflection = 0.9              // σ, dimensionless
    public var capillaryFiltrationPerKg = 0.0039     // L/h/mmHg/kg (≈ 4.5 mL/min/mmHg at 70 kg)
    public var vascularCompliancePerKg = 0.0015      // L/mmHg/kg: capillary pressure vs plasma volume
    public var interstitialCompliancePerKg = 0.007   // L/mmHg/kg: interstitial pressure vs volume
    // MARK: Cells
    public var cellWaterPermeabilityPerKg = 0.0046   // L/h per mOsm/kg per kg (ECF ⇄ ICF, τ ≈ 6 min)
    public var pumpKmPotassium = 1.5                 // mmol/L external K for half-maximal Na/K pump
    public var cellPotassiumSodiumExchange = 0.67     // Na entering cells per K leaving (rest H+)
    public var potassiumExchangeTimeH = 15.0         // h: cell K turnover (⁴²K equilibrates in 24–48 h)
    public var magnesiumPoolPerKg = 14.0             // mmol/kg exchangeable-over-days Mg (≈ 1000 mmol, §1d)
    public var magnesiumExchangePerKg = 0.03         // L/h/kg pool ⇄ ECF
    // MARK: Stomach and small intestine
    public var gastricHalfTimeMin = 20.0             // min, liquids
    public var sglt1VmaxPerKg = 5.7                  // mmol glucose/h/kg (≈ 1.2 g/min at 70 kg)
    public var sglt1KmGlucose = 25.0                 // mmol/L, apparent (perfused jejunum)
    public var sglt1KmSodium = 20.0                  // mmol/L
    public var sglt1SodiumPerGlucose = 2.0           // Mackenzie 1998
    public var sglt1WaterPerGlucose = 4.75           // mL per mmol glucose (264 H2O per cycle, Zeuthen 2001)
    public var nheVmaxPerKg = 1.0                    // mmol Na/h/kg electroneutral NaCl absorption
    public var nheKmSodium = 40.0                    // mmol/L
    public var gutSodiumPermeabilityPerKg = 0.004     // L/h/kg paracellular (leaky jejunum)
    public var gutPotassiumPermeabilityPerKg = 0.002  // L/h/kg
    public var gutChloridePermeabilityPerKg = 0.004   // L/h/kg
    public var gutBicarbonatePermeabilityPerKg = 0.002 // L/h/kg
    public var gutSaltReflection = 0.5               // σ of NaCl at the small-intestinal junctions (solvent drag 1 − σ)
    public var gutWaterPermeabilityPerKg = 5.7e-5    // L/h per mOsm/kg per kg
    public var fructoseVmaxPerKg = 1.4               // mmol/h/kg (GLUT5)
    public var fructoseKm = 20.0                     // mmol/L
    public var citrateAbsorptionRate = 1.0           // 1/h
    public var magnesiumAbsorptionRate = 0.1         // 1/h
    public var glucosePassiveRate = 0.05             // 1/h paracellular glucose
    public var smallBowelTransitRate = 0.4           // 1/h (mean transit ≈ 2.5 h)
    public var illnessMotilityGain = 1.0             // transit × (1 + gain·load)
    public var colonCapacityLPerDayPerKg = 0.064     // L/day/kg (≈ 4.5 L/day at 70 kg)
    public var colonMaxFraction = 0.9                // of ileal inflow
    public var colonSodiumCapacityPerKg = 0.25       // mmol/h/kg colonic Na absorption beyond the water it goes with, at aldosterone 1
    public var colonSodiumLimit = 30.0               // mmol/L: stool Na the colon cannot absorb below
    public var colonChlorideLimit = 15.0             // mmol/L: stool Cl the colon's Cl−/HCO3− exchange cannot lower further
    public var colonPotassiumSecretionFraction = 0.4 // K secreted per Na absorbed beyond the water (the rest with Cl)
    public var basalStoolWaterLPerDayPerKg = 0.00143 // L/day/kg (100 mL/day at 70 kg)
    public var basalStoolPotassiumPerKg = 0.114      // mmol/day/kg (8 mmol/day at 70 kg)
    public var basalStoolSodiumPerKg = 0.029         // mmol/day/kg (2 mmol/day at 70 kg)
    public var basalStoolChlorideFraction = 0.15     // normal stool's Cl per cation (the rest is organic anion)
    // MARK: Kidney
    public var gfrMLPerMin = 125.0                   // mL/min at 70 kg, scaled (w/70)^0.75
    public var gfrHalfVolume = 0.80                  // plasma volume fraction where GFR is half
    public var gfrVolumeWidth = 0.05                 // logistic width
    public var adhThreshold = 284.0                  // mOsm/kg (Endotext)
    public var adhGain = 0.43                        // pmol/L per mOsm/kg (Endotext)
    public var adhBasal = 0.3                        // pmol/L (detection limit)
    public var adhVolumeThreshold = 0.92             // plasma volume fraction below which AVP rises
    public var adhVolumeScale = 0.05                 // e-fold per 5 % volume
    public var adhMax = 50.0                         // pmol/L ceiling (severe hypovolaemia)
    public var adhTimeConstantH = 0.5                // h (renal effect full after 1–2 h)
    public var urineOsmMin = 50.0                    // mOsm/kg
    public var urineOsmMax = 1200.0                  // mOsm/kg
    public var ureaExcretionPerDay = 400.0           // mOsm/day at 70 kg, scaled (w/70)^0.75
    public var natriuresisVolumeExponent = 4.0       // FE_Na ∝ (ECF/ECF0)^n
    public var aldosteroneVolumeGain = 10.0          // target = exp(−g (ECF/ECF0 − 1))
    public var aldosteronePotassiumExponent = 3.0    // target × (K/K0)^n
    public var aldosteroneMax = 10.0                 // × baseline ceiling
    public var aldosteroneTimeConstantH = 8.0        // h
    public var aldosteroneSodiumExponent = 1.5       // FE_Na ∝ A^−n
    public var potassiumFloorPerDay = 10.0           // mmol/day at 70 kg (5–25, §8)
    public var potassiumExcretionExponent = 4.0      // (K/K0)^n
    public var glucoseThreshold = 10.0               // mmol/L renal threshold
    public var magnesiumExcretionExponent = 4.0      // FE_Mg ∝ (Mg/Mg0)^n
    public var renalBaseGainPerKg = 0.012            // mmol/h NH4+ per mmol/L HCO3 deficit per kg, adapted
    // MARK: Other flows
    public var insensibleCoefficient = 286.6         // mL/day × (w/kg)^0.2415: 500 at 10 kg, 800 at 70 kg
    public var insensibleFeverGain = 0.13            // fraction per °C above 37
    public var metabolicWaterPerDay = 0.30           // L/day at 70 kg, scaled (w/70)^0.75
    public var glucoseTurnoverPerKg = 0.67           // mmol/h/kg (≈ 2 mg/kg/min)
    public var maintenanceIntakeFraction = 1.0       // of Holliday–Segar water, Na, K, Mg
    public var dietSodiumPer100mL = 3.0              // mmol per 100 mL maintenance water (Holliday–Segar)
    public var dietPotassiumPer100mL = 2.0           // mmol per 100 mL
    public var dietMagnesiumPerKgDay = 0.15          // mmol/kg/day absorbed-before-losses intake
    public var dietMagnesiumAbsorbed = 0.35          // fraction
    public var thirstThreshold = 281.0               // mOsm/kg (Endotext)
    public var thirstGain = 0.30                     // VAS units per mOsm/kg (Endotext)
    public var thirstVolumeGain = 40.0               // VAS units per unit plasma-volume fraction lost
    public var thirstDrinkRatePerKg = 0.0015         // L/h/kg per VAS unit
    public var maxDrinkRatePerKg = 20.0              // mL/kg/h: most a patient drinks per stool / ad lib
    public var thirstDrinkingThreshold = 0.2         // VAS units of thirst above the usual before water is drunk for it
    public var thirstWaterIntake = 1.0               // fraction of thirst-driven drinking met with water in usual intake
    // MARK: Acid–base (MODEL.md §7b)
    public var bufferTimeH = 2.0                     // h: cell and bone buffers follow the ECF HCO3
    public var pco2 = 40.0                           // mmHg at the starting HCO3
    public var winterSlope = 1.5                     // Winter: pCO2 = 1.5·HCO3 + 8 in metabolic acidosis
    public var winterIntercept = 8.0                 // mmHg
    public var pco2HCO3Slope = 0.7                   // mmHg per mmol/L HCO3 near and above the start
    public var ammoniumAdaptationTimeH = 36.0        // h: renal ammoniagenesis adapts over days
    public var bicarbonateThreshold = 27.0           // mmol/L: filtered HCO3 above it is excreted
    // MARK: Transcellular K shifts (MODEL.md §4)
    public var insulinGlucoseExponent = 3.0          // insulin ∝ (glucose/glucose0)^n
    public var insulinPumpGain = 0.05                // largest fractional Na/K pump stimulation by insulin
    public var insulinHalfEffect = 3.0               // insulin rise (× basal − 1) for half the effect
    public var adrenalineBasal = 0.03                // ng/mL
    public var adrenalineVolumeGain = 5.0           // ng/mL per unit plasma-volume fraction lost beyond the threshold
    public var adrenalineVolumeThreshold = 0.10      // plasma-volume fraction lost before adrenaline rises
    public var beta2PumpGain = 0.10                  // largest fractional Na/K pump stimulation by β2 agonism
    public var beta2HalfEffect = 1.0                 // ng/mL adrenaline above basal for half the effect
    public var acidosisLeakGain = 0.227              // fractional cell K leak rise per pH unit of acidaemia
    // MARK: Gut, second round (MODEL.md §5)
    public var glut2FructoseVmaxPerKg = 0.8          // mmol/h/kg glucose-recruited (apical GLUT2) fructose capacity
    public var glut2GlucoseKm = 20.0                 // mmol/L lumen glucose for half recruitment
    public var plasmaLactate = 1.0                   // mmol/L at rest
    public var lactateProductionPerKg = 0.8          // mmol/h/kg at rest (cleared by the liver and kidney at the same rate)
    public var lactateHypoperfusionThreshold = 0.5   // oxygen-delivery fraction (CO × Hct / rest) below which tissues make extra lactate
    public var lactateMaxProductionFactor = 5.0      // most lactate production in shock, × rest
    public var lactateHypoperfusionGain = 10.0       // production × (1 + gain · shortfall below the threshold)
    public var secretionPerfusionHalf = 0.6          // plasma-volume fraction at which intestinal secretion halves
    // MARK: Plasma anion gap and fasting ketosis (MODEL.md §7)
    public var plasmaAlbumin = 4.2                   // g/dL
    public var albuminAnionPerGram = 2.5             // mEq/L of anion charge per g/dL albumin at pH 7.4
    public var liverGlycogenPerKg = 1.8              // g/kg liver glycogen when fed (≈ 125 g at 70 kg)
    public var brainGlucoseUse = 0.31                // µmol/g/min cerebral glucose use
    public var otherGlucoseUsePerKg = 0.27           // mmol/h/kg glucose use of the other obligate tissues when fasting
    public var carbohydrateEnergyFraction = 0.5      // share of the usual diet's energy from carbohydrate
    public var gluconeogenesisShare = 0.65           // share of a carbohydrate shortfall met by gluconeogenesis
    public var glycogenHalfFraction = 0.15           // store fraction at which glycogen supply is half-maximal
    public var ketoneYield = 0.5                     // mmol ketoacids made per mmol/h of glucose shortfall glycogen cannot cover
    public var plasmaKetone = 0.1                    // mmol/L fed (β-hydroxybutyrate + acetoacetate)
    public var ketoneClearanceRate = 2.1             // 1/h first-order ketone oxidation at low concentration (ECF volumes)
    public var ketoneClearanceKm = 3.0               // mmol/L at which ketone oxidation is half-saturated
    // MARK: Circulation (issue 12; MODEL.md §7c) — begin circulation block
    public var haematocritAdult = 0.43               // red-cell fraction of blood, adult
    public var haematocritInfant = 0.35              // red-cell fraction of blood at 1 year
    public var heartRateAdult = 70.0                 // bpm at rest, supine
    public var heartRateInfant = 120.0               // bpm at rest at 1 year
    public var systolicAdult = 120.0                 // mmHg
    public var diastolicAdult = 80.0                 // mmHg
    public var systolicInfant = 86.0                 // mmHg at 1 year
    public var diastolicInfant = 40.0                // mmHg at 1 year
    public var unstressedVolumeFraction = 0.70       // unstressed share of the reference blood volume at rest
    public var venoconstrictionGain = 0.35           // largest fraction of the unstressed volume the reflex mobilises
    public var heartRateReflexGain = 0.73            // HR = HR0·exp(gain·s), s ∈ (−1, 1) the sympathetic drive
    public var resistanceReflexGain = 0.26           // TPR = TPR0·exp(gain·s)
    public var baroreflexGain = 30.0                 // s = tanh(gain · (1 − MAP/MAP0))
    public var frankStarlingHalf = 2.0               // κ: stroke volume ∝ p/(p + κ), p = right atrial pressure / normal
    public var rightAtrialFillingRatio = 0.25        // ρ: right atrial / mean systemic filling pressure at rest
    public var referenceBloodVolumeAdult = 70.0      // mL/kg: the estimated blood volume losses are measured against
    public var referenceBloodVolumeInfant = 80.0     // mL/kg at 1 year
    public var standingShiftFraction = 0.13          // fraction of the reference blood volume pooled in the legs on standing
    public var gfrAutoregulationLimit = 0.86         // MAP / normal below which GFR falls (80 of 93 mmHg)
    public var gfrFiltrationStop = 0.43              // MAP / normal at which filtration stops (40 of 93 mmHg)
    public var viscosityHaematocritGain = 2.3        // relative blood viscosity e^{k(Hct − Hct0)}
    // end circulation block
    public init() {}

    /// Parameter names, units, what they are, and where the value comes from.
    public struct Info: @unchecked Sendable {  // key paths to stored properties are immutable values
        public let name: String
        public let unit: String
        public let meaning: String
        public let source: String
        public let keyPath: WritableKeyPath<ModelParameters, Double>
        /// Smallest and largest accepted values (inclusive).
        public let range: ClosedRange<Double>
    }
}
