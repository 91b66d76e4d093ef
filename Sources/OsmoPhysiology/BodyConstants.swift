import Foundation

/// Per-patient constants derived once from ``Patient`` and ``ModelParameters``: starting
/// volumes and amounts, scaled rates, and the constants calibrated so that the healthy patient
/// on maintenance intake starts at an exact steady state (MODEL.md, "Calibration").
final class BodyConstants: Sendable {
    let p: ModelParameters
    let weightKg: Double
    /// (weight / 70 kg)^0.75: metabolic scaling.
    let w075: Double

    // Starting volumes, L
    let plasma0: Double, interstitial0: Double, cell0: Double, ecf0: Double
    // Starting concentrations, mmol/L
    let cellK0: Double
    /// Starting tonicity (effective osmolality) of body fluids, mOsm/kg.
    let tonicity0: Double

    // Starling
    let kf: Double, vascularCompliance: Double, interstitialCompliance: Double
    let oncoticPlasma0: Double, oncoticInterstitial0: Double

    // Cells
    let cellWaterPermeability: Double
    let potassiumLeak: Double      // L/h: K efflux = leak × [K]i
    let pumpMax: Double            // mmol K/h
    let magnesiumPool0: Double, magnesiumExchange: Double

    // Gut
    let gastricRate: Double        // 1/h
    let contactVolume: Double      // L: lumen volume at which half the mucosa is wetted
    let lumenEpsilon: Double       // L: keeps concentrations finite in an empty lumen
    let colonCapacity: Double      // L/h
    let basalStoolWater: Double, basalStoolSodium: Double, basalStoolPotassium: Double  // per h

    // Kidney
    let gfr0: Double               // L/h
    let gfrLogistic1: Double
    let avp0: Double               // pmol/L
    let avpHalf: Double            // pmol/L: AVP giving urine osmolality half-way between min and max
    let urineSodium0: Double, urinePotassium0: Double, urineMagnesium0: Double  // mmol/h
    let fractionalNa0: Double, fractionalMg0: Double
    /// Baseline urine HCO3 (filtered HCO3 above the threshold) and NH4+ excretion, mmol/h.
    let urineBicarbonate0: Double, ammonium0: Double
    /// HCO3 the cell and bone buffers take up per mmol/L of ECF HCO3 deficit at equilibrium, mmol per mmol/L.
    let bufferCapacity: Double
    /// Starting plasma pH.
    let ph0: Double
    let potassiumFloor: Double     // mmol/h
    let ureaExcretion0: Double     // mOsm/h
    let renalBaseGain: Double      // mmol/h per mmol/L
    let glucoseTurnover: Double    // mmol/h

    // Intake and other flows, per h at full maintenance
    let dietWater: Double, dietSodium: Double, dietPotassium: Double, dietChloride: Double, dietMagnesium: Double
    let insensible0: Double, metabolicWater0: Double
    let thirst0: Double
    /// Baseline values of smoothed terms, subtracted so they are exactly zero at the start.
    let glucoseSplay0: Double, volumeAVP0: Double, adrenalinePositive0: Double, lactatePositive0: Double
    /// Resting lactate production, mmol/h, and clearance rate constant, 1/h.
    let lactateProduction0: Double, lactateClearance0: Double
    /// The smooth perfusion factor of lactate clearance at the start (so the start is a steady state).
    let lactatePerfusion1: Double
    /// Albumin's anion charge in plasma at the start, mEq/L (the interstitium's fixed anions hold the same at rest).
    let albuminAnion0: Double
    /// The usual diet's carbohydrate, mmol glucose/h; the fasting body's glucose need (brain and other obligate
    /// tissues), mmol/h; the full liver glycogen store, mmol glucose; resting ketone production (= oxidation), mmol/h.
    let usualCarbohydrate: Double, glucoseNeed: Double, glycogenStore: Double, ketoneProduction0: Double
    /// The smooth glycogen draw of the fed start (shortfall need − usual carbohydrate < 0), mmol/h, taken off.
    let glycogenDraw0: Double
    /// Blood volume, pulse and pressure (issue 12, Circulation.swift).
    let circulation: CirculationConstants

    init(patient: Patient, parameters p: ModelParameters) {
        self.p = p
        let w = patient.weightKg
        weightKg = w
        w075 = pow(w / 70, 0.75)
        plasma0 = patient.plasmaFraction * w
        ecf0 = patient.extracellularFraction * w
        interstitial0 = ecf0 - plasma0
        cell0 = (patient.totalBodyWaterFraction - patient.extracellularFraction) * w
        tonicity0 = p.osmoticCoefficient * 2 * (p.plasmaSodium + p.plasmaPotassium) + p.plasmaGlucose
        // Cells in osmotic equilibrium with no other intracellular osmoles: 2φ([K]i + [Na]i) = tonicity.
        cellK0 = tonicity0 / (2 * p.osmoticCoefficient) - p.cellSodium

        kf = p.capillaryFiltrationPerKg * w
        vascularCompliance = p.vascularCompliancePerKg * w
        interstitialCompliance = p.interstitialCompliancePerKg * w
        oncoticPlasma0 = BodyConstants.oncotic(p.plasmaProtein)
        oncoticInterstitial0 = BodyConstants.oncotic(p.interstitialProtein)

        cellWaterPermeability = p.cellWaterPermeabilityPerKg * w
        potassiumLeak = cell0 / p.potassiumExchangeTimeH
        let pumpK0 = potassiumLeak * cellK0
        pumpMax = pumpK0 / BodyConstants.pumpSaturation(ecfK: p.plasmaPotassium, kmK: p.pumpKmPotassium)
        magnesiumPool0 = p.magnesiumPoolPerKg * w
        magnesiumExchange = p.magnesiumExchangePerKg * w

        gastricRate = log(2) / (p.gastricHalfTimeMin / 60)
        contactVolume = 0.0007 * w
        lumenEpsilon = 1e-5 * w
        colonCapacity = p.colonCapacityLPerDayPerKg * w / 24
        basalStoolWater = p.basalStoolWaterLPerDayPerKg * w / 24
        basalStoolSodium = p.basalStoolSodiumPerKg * w / 24
        basalStoolPotassium = p.basalStoolPotassiumPerKg * w / 24

        gfr0 = p.gfrMLPerMin * w075 * 60 / 1000
        gfrLogistic1 = BodyConstants.logistic(1, half: p.gfrHalfVolume, width: p.gfrVolumeWidth)

        let maintenance = patient.maintenanceWaterLPerDay
        dietWater = maintenance / 24
        (dietSodium, dietPotassium, dietMagnesium) = BodyConstants.diet(p, maintenanceLPerDay: maintenance, weightKg: w)
        dietChloride = dietSodium + dietPotassium
        insensible0 = p.insensibleCoefficient * pow(w, 0.2415) / 1000 / 24
        metabolicWater0 = p.metabolicWaterPerDay * w075 / 24

        // Steady state on the reference (Holliday–Segar) diet: what comes in goes out. The kidney is
        // calibrated to the reference diet, so an override of the diet changes intake, not the kidney.
        let (refSodium, refPotassium, refMagnesium) =
            BodyConstants.diet(ModelParameters(), maintenanceLPerDay: maintenance, weightKg: w)
        // Urine carries Na with the HCO3 filtered above the threshold; NH4+ pairs with the Cl that the
        // urine carries beyond its Na + K, and the two together return the base the normal stool loses.
        urineBicarbonate0 = gfr0 * Smooth.positive(p.plasmaBicarbonate - p.bicarbonateThreshold, width: 0.5)
        urineSodium0 = refSodium - basalStoolSodium - urineBicarbonate0
        // NH4+ at the steady state returns the base the normal stool (its smoothed base) and urine lose.
        ammonium0 = BodyConstants.electroneutralBase((basalStoolSodium + basalStoolPotassium) * (1 - p.basalStoolChlorideFraction),
                                                     cations: basalStoolSodium + basalStoolPotassium) + urineBicarbonate0
        bufferCapacity = max(p.baseBufferFactor - 1, 0) * ecf0
        ph0 = BodyConstants.ph(hco3: p.plasmaBicarbonate, pco2: BodyConstants.pco2(hco3: p.plasmaBicarbonate, p))
        urinePotassium0 = refPotassium - basalStoolPotassium
        urineMagnesium0 = refMagnesium
        fractionalNa0 = urineSodium0 / (gfr0 * p.plasmaSodium)
        fractionalMg0 = urineMagnesium0 / (gfr0 * 0.7 * p.plasmaMagnesium)
        potassiumFloor = min(p.potassiumFloorPerDay * w075 / 24, 0.9 * urinePotassium0)
        ureaExcretion0 = p.ureaExcretionPerDay * w075 / 24
        renalBaseGain = p.renalBaseGainPerKg * w
        glucoseTurnover = p.glucoseTurnoverPerKg * w

        let posm0 = tonicity0 + p.plasmaUrea
        avp0 = Smooth.minimum(BodyConstants.avpOsmotic(posm: posm0, p), p.adhMax, width: 1)
        let urineFlow0 = dietWater + metabolicWater0 - insensible0 - basalStoolWater
        let osmExcretion0 = p.osmoticCoefficient * 2 * (urineSodium0 + urineBicarbonate0 + urinePotassium0 + ammonium0)
            + ureaExcretion0 + urineMagnesium0
        let urineOsm0 = osmExcretion0 / max(urineFlow0, 1e-9)
        // Uosm = min + (max − min)·AVP²/(AVP² + K²), solved for K at the steady state.
        let r = min(max((urineOsm0 - p.urineOsmMin) / (p.urineOsmMax - p.urineOsmMin), 0.01), 0.99)
        avpHalf = avp0 * (1 / r - 1).squareRoot()
        glucoseSplay0 = Smooth.positive(p.plasmaGlucose - p.glucoseThreshold, width: 1)
        adrenalinePositive0 = Smooth.positive(-p.adrenalineVolumeThreshold, width: 0.02)
        lactatePositive0 = Smooth.positive(p.lactateHypoperfusionThreshold - 1, width: 0.02)
        lactateProduction0 = p.lactateProductionPerKg * w
        lactateClearance0 = lactateProduction0 / (p.plasmaLactate * ecf0)
        lactatePerfusion1 = Smooth.minimum(1, 1, width: 0.02)
        albuminAnion0 = p.plasmaAlbumin * p.albuminAnionPerGram
        // Usual energy 1 kcal per mL of Holliday–Segar maintenance water; carbohydrate 4 kcal/g; glucose 180 mg/mmol.
        usualCarbohydrate = maintenance * 1000 * p.carbohydrateEnergyFraction / 4 / 0.180 / 24
        glycogenStore = p.liverGlycogenPerKg * w / 0.180
        glucoseNeed = p.brainGlucoseUse * patient.brainMassKg * 1000 * 60 / 1000 + p.otherGlucoseUsePerKg * w
        glycogenDraw0 = (1 - p.gluconeogenesisShare) * Smooth.positive(glucoseNeed - usualCarbohydrate, width: 0.01 * glucoseNeed)
        ketoneProduction0 = BodyConstants.ketoneOxidation(conc: p.plasmaKetone, ecf0: ecf0, p)
        circulation = CirculationConstants(patient: patient, plasma0: plasma0, p)
        volumeAVP0 = exp(Smooth.positive(p.adhVolumeThreshold - 1, width: 0.01) / p.adhVolumeScale)
        thirst0 = p.thirstGain * Smooth.positive(posm0 - p.thirstThreshold, width: 1)
            + p.thirstVolumeGain * Smooth.positive(0, width: 0.01)
    }

    /// Absorbed maintenance Na, K and Mg, mmol/h: Holliday–Segar Na and K per 100 mL of maintenance
    /// water, Mg per kg times its absorbed fraction.
    static func diet(_ p: ModelParameters, maintenanceLPerDay m: Double, weightKg w: Double)
        -> (sodium: Double, potassium: Double, magnesium: Double)
    {
        (m * 10 * p.dietSodiumPer100mL / 24, m * 10 * p.dietPotassiumPer100mL / 24,
         p.dietMagnesiumPerKgDay * w * p.dietMagnesiumAbsorbed / 24)
    }

    /// Ketone oxidation by the tissues, mmol/h, at concentration `conc`: first order at low concentration
    /// (ketone_clearance_per_h healthy ECF volumes `ecf0` per hour), half-saturated at ketone_clearance_km_mmol_L.
    /// A capacity of the tissues: it does not shrink with the ECF.
    @inline(__always)
    static func ketoneOxidation(conc: Double, ecf0: Double, _ p: ModelParameters) -> Double {
        let x = max(conc, 0)
        return p.ketoneClearanceRate * ecf0 * x / (1 + x / p.ketoneClearanceKm)
    }

    /// The liver glycogen's share of its full glucose output at store fraction `g` (1 when full, 0 when empty):
    /// g(1 + K)/(g + K).
    @inline(__always)
    static func glycogenSupply(_ g: Double, _ p: ModelParameters) -> Double {
        let x = max(g, 0)
        return x * (1 + p.glycogenHalfFraction) / (x + p.glycogenHalfFraction)
    }

    /// Henderson–Hasselbalch: pH = 6.1 + log10([HCO3] / (0.0307 · pCO2)), HCO3 in mmol/L, pCO2 in mmHg.
    @inline(__always)
    static func ph(hco3: Double, pco2: Double) -> Double {
        6.1 + log10(max(hco3, 0.1) / (0.0307 * max(pco2, 1)))
    }

    /// Arterial pCO2 after respiratory compensation, mmHg: the start value changing 0.7 mmHg per mmol/L of
    /// HCO3 near the start and in alkalosis, and Winter's relation 1.5·HCO3 + 8 once that is lower (HCO3 below
    /// ≈ 18), as a smooth minimum 1 mmHg wide; never below 10.
    @inline(__always)
    static func pco2(hco3: Double, _ p: ModelParameters) -> Double {
        let near = p.pco2 + p.pco2HCO3Slope * (hco3 - p.plasmaBicarbonate)
        let winter = p.winterSlope * hco3 + p.winterIntercept
        return Smooth.maximum(Smooth.minimum(near, winter, width: 1), 10, width: 1)
    }

    /// Harmonic-mean concentration 2ab/(a + b) of an ion on the two sides of the gut wall (0 when either side lacks it).
    @inline(__always)
    static func harmonic(_ a: Double, _ b: Double) -> Double { a + b > 0 ? 2 * a * b / (a + b) : 0 }

    /// An electroneutral fluid loss from the ECF (secretion, prescribed stool), per hour: `water` L/h
    /// of `s`, each ion scaled by the ECF's own level relative to normal (Na, K, Mg; the base by HCO3; the
    /// cations also by the Cl availability factor χ, so no ion is drawn below zero),
    /// the base (Na + K − Cl of `s`) never more than the cations, and Cl what balances the charge.
    @inline(__always)
    static func electroneutralLoss(water jw: Double, _ s: StoolComposition, naRel: Double, kRel: Double,
                                   hco3Rel: Double, mgRel: Double, clAvailable: Double) -> Mix {
        var m = Mix()
        m.water = jw
        // The loss needs anions for its cations: as the ECF's Cl runs out, its salt does too.
        m.sodium = jw * s.sodium * naRel * clAvailable
        m.potassium = jw * s.potassium * kRel * clAvailable
        let cations = m.sodium + m.potassium
        m.bicarbonate = electroneutralBase(jw * s.base * hco3Rel, cations: cations)
        m.chloride = cations - m.bicarbonate
        m.magnesium = jw * s.magnesium * mgRel
        return m
    }

    /// The base of an electroneutral loss: `raw`, but never more than the cations it balances (a smooth
    /// minimum with a corner 1 % of the cations wide), so its Cl (cations − base) is never negative.
    @inline(__always)
    static func electroneutralBase(_ raw: Double, cations: Double) -> Double {
        max(Smooth.minimum(raw, cations, width: 0.01 * cations + 1e-12), 0)
    }

    /// Cl availability χ = c_Cl/(c_Cl + 5)·(c_Cl0 + 5)/c_Cl0: 1 at the normal plasma Cl, → 0 as Cl runs out.
    @inline(__always)
    static func chlorideAvailability(_ cl: Double, normal cl0: Double) -> Double {
        max(cl, 0) / (max(cl, 0) + 5) * (cl0 + 5) / cl0
    }

    /// Landis–Pappenheimer: oncotic pressure (mmHg) of protein at `c` g/dL.
    @inline(__always)
    static func oncotic(_ c: Double) -> Double { c * (2.1 + c * (0.16 + 0.009 * c)) }

    @inline(__always)
    static func logistic(_ x: Double, half: Double, width: Double) -> Double { 1 / (1 + exp(-(x - half) / width)) }

    /// Na/K pump saturation by external K: [K]e/(Km + [K]e).
    @inline(__always)
    static func pumpSaturation(ecfK: Double, kmK: Double) -> Double { ecfK / (kmK + ecfK) }

    /// Osmotic AVP release, pmol/L: max(basal, gain·(Posm − threshold)).
    @inline(__always)
    static func avpOsmotic(posm: Double, _ p: ModelParameters) -> Double {
        Smooth.maximum(p.adhBasal, p.adhGain * (posm - p.adhThreshold), width: 0.2)
    }
}
