extension ModelParameters {
    private static func p(
        _ name: String, _ kp: WritableKeyPath<ModelParameters, Double>, _ unit: String, _ range: ClosedRange<Double>,
        _ meaning: String, _ source: String
    ) -> Info {
        Info(name: name, unit: unit, meaning: meaning, source: source, keyPath: kp, range: range)
    }

    // Rate constants and capacities without a physiological table range: two orders of magnitude either
    // side of the calibrated value (from 0 where 0 switches the process off). Wider values drive the
    // model where no body goes; the physical guard (PhysicalGuard.swift) stops what is left.
    private static let frac = 0.0...1.0

    /// Every parameter by its documented name (MODEL.md lists the same table).
    public static let catalog: [Info] = [
        p("plasma_na_mmol_L", \.plasmaSodium, "mmol/L", 100...180, "starting plasma Na", "PHYSIOLOGY.md §1c (135–145)"),
        p("plasma_k_mmol_L", \.plasmaPotassium, "mmol/L", 1...9, "starting plasma K", "§1c (3.5–5.0)"),
        p("plasma_cl_mmol_L", \.plasmaChloride, "mmol/L", 60...140, "starting plasma Cl", "§1c (98–106)"),
        p("plasma_hco3_mmol_L", \.plasmaBicarbonate, "mmol/L", 5...45, "starting plasma HCO3", "§1c (22–28)"),
        p("plasma_mg_mmol_L", \.plasmaMagnesium, "mmol/L", 0.2...3, "starting plasma Mg", "§1c (0.70–1.05)"),
        p("plasma_glucose_mmol_L", \.plasmaGlucose, "mmol/L", 2...30, "starting plasma glucose", "§1c (3.9–5.6)"),
        p("plasma_urea_mmol_L", \.plasmaUrea, "mmol/L", 1...40, "plasma urea (permeant osmole)", "textbook 2.5–7.5"),
        p("cell_na_mmol_L", \.cellSodium, "mmol/L", 3...40, "starting intracellular Na", "§1d (10–12)"),
        p("osmotic_coefficient", \.osmoticCoefficient, "1", 0.8...1, "osmotic coefficient of body salts", "calibrated: gives ICF K 139.5 mmol/L (§1d 140–150) and Posm 287 (§1c)"),
        p("base_buffer_factor", \.baseBufferFactor, "1", 1...5, "apparent HCO3 space / ECF volume", "textbook (HCO3 space ≈ 40–50 % of body weight)"),
        p("plasma_protein_g_dL", \.plasmaProtein, "g/dL", 2...12, "plasma protein (oncotic pressure, Landis–Pappenheimer)", "textbook 6–8"),
        p("interstitial_protein_g_dL", \.interstitialProtein, "g/dL", 0.5...6, "interstitial protein", "textbook (πi ≈ 8 mmHg)"),
        p("protein_reflection", \.proteinReflection, "1", frac, "capillary protein reflection coefficient σ", "textbook 0.9"),
        p("capillary_filtration_L_h_mmHg_kg", \.capillaryFiltrationPerKg, "L/h/mmHg/kg", 3.9e-05...0.39, "whole-body capillary filtration coefficient", "calibration: ≈ 4.5 mL/min/mmHg at 70 kg (Guyton)"),
        p("vascular_compliance_L_mmHg_kg", \.vascularCompliancePerKg, "L/mmHg/kg", 1.5e-05...0.15, "plasma volume per mmHg of capillary pressure", "calibration (unconfirmed)"),
        p("interstitial_compliance_L_mmHg_kg", \.interstitialCompliancePerKg, "L/mmHg/kg", 7e-05...0.7, "interstitial volume per mmHg of interstitial pressure", "Guyton: low compliance in the negative-pressure range (unconfirmed)"),
        p("cell_water_permeability_L_h_mOsm_kg", \.cellWaterPermeabilityPerKg, "L/h/(mOsm/kg)/kg", 4.6e-05...0.46, "ECF ⇄ ICF osmotic water flow", "calibration: equilibrium in minutes"),
        p("pump_km_k_mmol_L", \.pumpKmPotassium, "mmol/L", 0.015...150, "external K for half-maximal Na/K pump", "Na/K-ATPase K0.5 1–1.5 mM (textbook); sets the K deficit per mmol/L (§2: 200–400)"),
        p("cell_k_na_exchange", \.cellPotassiumSodiumExchange, "1", frac, "Na entering cells per K leaving them (the rest is H+)", "textbook: in K depletion about two thirds of the cell K lost is replaced by Na and one third by H+ (unconfirmed)"),
        p("k_exchange_time_h", \.potassiumExchangeTimeH, "h", 0.15...1.5e+03, "cell K turnover time (leak = ICF K / this)", "⁴²K exchange 24–48 h (textbook)"),
        p("mg_pool_mmol_kg", \.magnesiumPoolPerKg, "mmol/kg", 0.14...1.4e+03, "slowly exchanging Mg pool", "§1d: ≈ 1000 mmol total"),
        p("mg_exchange_L_h_kg", \.magnesiumExchangePerKg, "L/h/kg", 0.0003...3, "pool ⇄ ECF Mg exchange", "calibration: plasma Mg is buffered by bone and cell Mg over hours to days (acute diarrhoea rarely lowers it fast)"),
        p("gastric_half_time_min", \.gastricHalfTimeMin, "min", 0.2...2e+03, "gastric emptying half-time of liquids", "textbook 10–20 min"),
        p("sglt1_vmax_mmol_h_kg", \.sglt1VmaxPerKg, "mmol/h/kg", 0...570, "SGLT1 maximal glucose absorption", "≈ 1–1.3 g/min intestinal glucose absorption (Jeukendrup)"),
        p("sglt1_km_glucose_mmol_L", \.sglt1KmGlucose, "mmol/L", 0.25...2.5e+03, "apparent SGLT1 Km for glucose", "perfused human jejunum (unconfirmed)"),
        p("sglt1_km_na_mmol_L", \.sglt1KmSodium, "mmol/L", 0.2...2e+03, "apparent SGLT1 Km for Na", "Wright, Physiol Rev 2011 (unconfirmed value)"),
        p("sglt1_na_per_glucose", \.sglt1SodiumPerGlucose, "1", 0...4, "Na coupled per glucose", "§5: 2 (Mackenzie 1998)"),
        p("sglt1_water_mL_per_mmol", \.sglt1WaterPerGlucose, "mL/mmol", 0...20, "water co-transported per glucose", "§5: 264 H2O per cycle (Zeuthen 2001)"),
        p("nhe_vmax_mmol_h_kg", \.nheVmaxPerKg, "mmol/h/kg", 0...100, "electroneutral NaCl absorption (NHE3) capacity", "calibration: ≈ 0.5 L/h isotonic saline at 70 kg"),
        p("nhe_km_na_mmol_L", \.nheKmSodium, "mmol/L", 0.4...4e+03, "NHE3 Km for lumen Na", "calibration (unconfirmed)"),
        p("gut_na_permeability_L_h_kg", \.gutSodiumPermeabilityPerKg, "L/h/kg", 0...0.1, "paracellular Na permeability", "calibration (leaky jejunum)"),
        p("gut_k_permeability_L_h_kg", \.gutPotassiumPermeabilityPerKg, "L/h/kg", 0...0.1, "paracellular K permeability", "calibration"),
        p("gut_cl_permeability_L_h_kg", \.gutChloridePermeabilityPerKg, "L/h/kg", 0...0.1, "paracellular Cl permeability", "calibration"),
        p("gut_hco3_permeability_L_h_kg", \.gutBicarbonatePermeabilityPerKg, "L/h/kg", 0...0.1, "paracellular HCO3 permeability", "calibration"),
        p("gut_water_permeability_L_h_mOsm_kg", \.gutWaterPermeabilityPerKg, "L/h/(mOsm/kg)/kg", 0...0.0057, "osmotic water permeability of the gut wall", "calibration: 100 mOsm/kg moves ≈ 0.4 L/h at 70 kg"),
        p("fructose_vmax_mmol_h_kg", \.fructoseVmaxPerKg, "mmol/h/kg", 0...60, "GLUT5 fructose absorption capacity", "malabsorption above ≈ 25–50 g doses (unconfirmed)"),
        p("fructose_km_mmol_L", \.fructoseKm, "mmol/L", 0.2...2e+03, "GLUT5 Km", "unconfirmed"),
        p("citrate_absorption_per_h", \.citrateAbsorptionRate, "1/h", 0...100, "citrate absorption rate constant", "calibration"),
        p("mg_absorption_per_h", \.magnesiumAbsorptionRate, "1/h", 0...10, "lumen Mg absorption rate constant", "≈ 30–40 % fractional absorption (textbook)"),
        p("glucose_passive_per_h", \.glucosePassiveRate, "1/h", 0...5, "paracellular glucose absorption", "calibration"),
        p("small_bowel_transit_per_h", \.smallBowelTransitRate, "1/h", 0.004...40, "lumen → colon transit rate constant", "mean small-bowel transit 2–4 h (textbook)"),
        p("illness_motility_gain", \.illnessMotilityGain, "1", 0...100, "transit speed-up per unit pathogen load", "calibration"),
        p("colon_capacity_L_day_kg", \.colonCapacityLPerDayPerKg, "L/day/kg", 0.00064...6.4, "maximal colonic water absorption", "Debongnie & Phillips 1978: 4–6 L/day"),
        p("colon_max_fraction", \.colonMaxFraction, "1", frac, "largest fraction of ileal inflow the colon absorbs", "normal ileal inflow 1.5 L/day → stool 0.1–0.2 L/day"),
        p("basal_stool_water_L_day_kg", \.basalStoolWaterLPerDayPerKg, "L/day/kg", 0...0.05, "normal faecal water", "§3b: ≈ 100 mL/day"),
        p("basal_stool_k_mmol_day_kg", \.basalStoolPotassiumPerKg, "mmol/day/kg", 0...2, "normal faecal K", "§8 (Marino): stool K 5–10 mEq/day"),
        p("basal_stool_na_mmol_day_kg", \.basalStoolSodiumPerKg, "mmol/day/kg", 0...2, "normal faecal Na", "§3a: normal stool Na 22 mmol/L × 0.1 L/day"),
        p("gfr_mL_min", \.gfrMLPerMin, "mL/min at 70 kg", 1.25...1.25e+04, "glomerular filtration rate, scaled (w/70)^0.75", "textbook 125 mL/min"),
        p("gfr_half_volume", \.gfrHalfVolume, "1", 0.1...1, "plasma-volume fraction where GFR halves", "§8: autoregulation holds GFR until MAP ≈ 80 mmHg (calibration)"),
        p("gfr_volume_width", \.gfrVolumeWidth, "1", 0.005...1, "width of the GFR fall", "calibration"),
        p("adh_threshold_mOsm_kg", \.adhThreshold, "mOsm/kg", 250...320, "osmotic threshold for AVP release", "§8: AVP = 0.43 (Posm − 284) (Endotext)"),
        p("adh_gain_pmol_L_per_mOsm", \.adhGain, "pmol/L per mOsm/kg", 0...10, "AVP gain", "§8 (Endotext)"),
        p("adh_basal_pmol_L", \.adhBasal, "pmol/L", 0...10, "AVP floor", "§8: detection limit 0.3 pmol/L"),
        p("adh_volume_threshold", \.adhVolumeThreshold, "1", 0.5...1, "plasma-volume fraction below which AVP rises", "textbook: 8–10 % volume loss"),
        p("adh_volume_scale", \.adhVolumeScale, "1", 0.005...1, "volume deficit per e-fold AVP rise", "calibration"),
        p("adh_max_pmol_L", \.adhMax, "pmol/L", 1...1000, "ceiling of AVP in severe hypovolaemia", "textbook: hypovolaemic AVP reaches tens of pmol/L"),
        p("adh_time_constant_h", \.adhTimeConstantH, "h", 0.005...50, "AVP / renal response lag", "§8: full effect after 1–2 h"),
        p("urine_osm_min_mOsm_kg", \.urineOsmMin, "mOsm/kg", 10...300, "most dilute urine", "§2: 50"),
        p("urine_osm_max_mOsm_kg", \.urineOsmMax, "mOsm/kg", 300...2000, "most concentrated urine", "§2: 1200"),
        p("urea_excretion_mOsm_day", \.ureaExcretionPerDay, "mOsm/day at 70 kg", 0...5000, "urea and other non-electrolyte urinary osmoles", "§2: osmolar load ≈ 600 mOsm/day (with Na, K)"),
        p("natriuresis_volume_exponent", \.natriuresisVolumeExponent, "1", 0...20, "FE_Na ∝ (ECF/ECF0)^n (pressure natriuresis)", "calibration"),
        p("aldosterone_volume_gain", \.aldosteroneVolumeGain, "1", 0...100, "aldosterone target = exp(−g (ECF/ECF0 − 1))", "calibration to §8 (UNa → ~0 in 3–4 days)"),
        p("aldosterone_k_exponent", \.aldosteronePotassiumExponent, "1", 0...20, "aldosterone target × (K/K0)^n", "calibration"),
        p("aldosterone_max", \.aldosteroneMax, "× baseline", 1.01...100, "ceiling of aldosterone relative to baseline", "textbook: Na depletion raises aldosterone 5–10×"),
        p("aldosterone_time_constant_h", \.aldosteroneTimeConstantH, "h", 0.08...800, "aldosterone response time", "§8: effect in hours, full over days"),
        p("aldosterone_na_exponent", \.aldosteroneSodiumExponent, "1", 0...10, "FE_Na ∝ A^−n", "calibration"),
        p("k_floor_mmol_day", \.potassiumFloorPerDay, "mmol/day at 70 kg", 0...100, "renal K excretion floor in depletion", "§8: 5–25 mEq/day"),
        p("k_excretion_exponent", \.potassiumExcretionExponent, "1", 0...20, "renal K excretion ∝ (K/K0)^n", "calibration (serum K 4.1 → 3.5 at 20 mEq/day intake, §8)"),
        p("glucose_threshold_mmol_L", \.glucoseThreshold, "mmol/L", 5...30, "renal glucose threshold", "textbook 10–11"),
        p("mg_excretion_exponent", \.magnesiumExcretionExponent, "1", 0...20, "FE_Mg ∝ (Mg/Mg0)^n", "textbook: FE_Mg < 0.5 % in depletion"),
        p("acid_production_mmol_kg_day", \.acidProductionPerKgDay, "mmol/kg/day", 0...10, "net metabolic acid production", "textbook ≈ 1 mmol/kg/day"),
        p("renal_base_gain_mmol_h_per_mmol_L_kg", \.renalBaseGainPerKg, "mmol/h/(mmol/L)/kg", 0...10, "renal HCO3 regeneration per mmol/L deficit", "calibration (compensation over days)"),
        p("insensible_coefficient", \.insensibleCoefficient, "mL/day", 0...1e4, "insensible loss = c · w^0.2415", "§1b (500 mL/day at 10 kg) and §2 (800 mL/day at 70 kg)"),
        p("insensible_fever_gain_per_C", \.insensibleFeverGain, "1/°C", 0...2, "insensible loss increase per °C above 37", "§2: metabolic rate +12 %/°C; paediatric +10 %/°C"),
        p("metabolic_water_L_day", \.metabolicWaterPerDay, "L/day at 70 kg", 0...2, "metabolic (oxidation) water", "§1a: 250–350 mL/day"),
        p("glucose_turnover_mmol_h_kg", \.glucoseTurnoverPerKg, "mmol/h/kg", 0...10, "basal glucose production = uptake", "textbook ≈ 2 mg/kg/min"),
        p("maintenance_intake_fraction", \.maintenanceIntakeFraction, "1", 0...3, "usual eating and drinking, fraction of maintenance", "scenario choice (1 = Holliday–Segar)"),
        p("diet_na_mmol_per_100mL", \.dietSodiumPer100mL, "mmol/100 mL", 0...50, "maintenance Na per 100 mL maintenance water", "Holliday & Segar 1957: 3 mEq/100 mL"),
        p("diet_k_mmol_per_100mL", \.dietPotassiumPer100mL, "mmol/100 mL", 0...50, "maintenance K per 100 mL", "Holliday & Segar 1957: 2 mEq/100 mL"),
        p("diet_mg_mmol_kg_day", \.dietMagnesiumPerKgDay, "mmol/kg/day", 0...10, "dietary Mg", "≈ 12 mmol/day at 70 kg (textbook)"),
        p("diet_mg_absorbed", \.dietMagnesiumAbsorbed, "1", frac, "fraction of dietary Mg absorbed", "textbook 30–40 %"),
        p("thirst_threshold_mOsm_kg", \.thirstThreshold, "mOsm/kg", 250...320, "osmotic thirst threshold", "§8: thirst = 0.30 (Posm − 281) (Endotext)"),
        p("thirst_gain_per_mOsm", \.thirstGain, "VAS/(mOsm/kg)", 0...10, "thirst gain", "§8 (Endotext)"),
        p("thirst_volume_gain", \.thirstVolumeGain, "VAS per unit fraction", 0...1000, "hypovolaemic thirst", "calibration"),
        p("max_drink_rate_mL_kg_h", \.maxDrinkRatePerKg, "mL/kg/h", 0.1...200, "most a patient drinks per loose stool and ad lib together", "WHO Plan B: 75 mL/kg over 4 h ≈ 19 mL/kg/h (§4b)"),
        p("thirst_drink_rate_L_h_kg", \.thirstDrinkRatePerKg, "L/h/kg per VAS unit", 0...1, "ad-lib drinking per unit thirst", "calibration"),
    ]

    /// The catalog entry with this name, or `nil`.
    public static func info(named name: String) -> Info? { catalog.first { $0.name == name } }

    /// The value of the parameter with this documented name, or `nil` if there is none.
    public subscript(name: String) -> Double? {
        get { ModelParameters.info(named: name).map { self[keyPath: $0.keyPath] } }
        set {
            if let info = ModelParameters.info(named: name), let v = newValue { self[keyPath: info.keyPath] = v }
        }
    }
}
