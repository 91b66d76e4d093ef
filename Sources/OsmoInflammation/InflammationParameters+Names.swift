// Parameter access by documented name (scenario overrides, sweeps).

extension InflammationParameters {
    /// Documented parameter names (snake_case with unit suffix), in declaration order.
    public static let names: [String] = [
        "lps_half_life_h",
        "lps_reference_ng_kg",
        "pathogen_stimulus_gain",
        "stimulus_saturation",
        "signal_half_life_h",
        "activation_rate_per_h",
        "activation_half_life_h",
        "tolerance_rate_per_h",
        "tolerance_half_life_h",
        "tolerance_half_effect",
        "resolution_rate_per_h",
        "resolution_half_life_h",
        "tnf_baseline_pg_mL",
        "tnf_production_pg_mL_h",
        "tnf_fast_fraction",
        "tnf_fast_half_life_min",
        "tnf_slow_half_life_min",
        "il1b_baseline_pg_mL",
        "il1b_production_pg_mL_h",
        "il1b_half_life_min",
        "il6_baseline_pg_mL",
        "il6_production_pg_mL_h",
        "il6_half_life_h",
        "il6_tnf_weight",
        "il6_tnf_half_sat_pg_mL",
        "il10_baseline_pg_mL",
        "il10_production_pg_mL_h",
        "il10_tnf_production_pg_mL_h",
        "il10_tnf_half_sat_pg_mL",
        "il10_resolution_production_pg_mL_h",
        "il10_half_life_h",
        "il10_inhibition_tnf_pg_mL",
        "il10_inhibition_il6_pg_mL",
        "il10_inhibition_hill",
        "fever_il6_weight",
        "fever_il6_half_sat_pg_mL",
        "fever_il1b_weight",
        "fever_il1b_half_sat_pg_mL",
        "fever_tnf_weight",
        "fever_tnf_half_sat_pg_mL",
        "pge2_half_life_h",
        "set_point_max_rise_C",
        "temperature_time_constant_h",
        "baseline_temperature_C",
        "myalgia_tnf_weight",
        "myalgia_tnf_scale_pg_mL",
        "myalgia_il1b_weight",
        "myalgia_il1b_scale_pg_mL",
        "myalgia_il6_weight",
        "myalgia_il6_scale_pg_mL",
        "myalgia_hill",
        "myalgia_half_life_h",
        "myalgia_max_score",
        "resolution_mucosal_weight",
        "mucosal_half_life_h",
        "mucosal_fever_weight",
        "mucosal_fever_half_sat",
        "myalgia_mucosal_weight",
        "myalgia_mucosal_scale",
        "injury_rate_per_h",
        "injury_threshold",
        "injury_heal_half_life_h",
        "abdominal_pain_half_score",
        "crp_baseline_mg_L",
        "crp_half_life_h",
        "hepatic_signal_half_life_h",
        "crp_synthesis_mg_L_h",
        "crp_il6_half_sat_pg_mL",
        "crp_hill",
        "portal_il6_per_mucosa_pg_mL",
        "paracetamol_bioavailability",
        "paracetamol_absorption_per_h",
        "paracetamol_volume_L_kg",
        "paracetamol_half_life_h",
        "paracetamol_ec50_mg_L",
        "paracetamol_max_inhibition",
        "ibuprofen_bioavailability",
        "ibuprofen_absorption_per_h",
        "ibuprofen_volume_L_kg",
        "ibuprofen_half_life_h",
        "ibuprofen_ec50_mg_L",
        "ibuprofen_max_inhibition",
        "ibuprofen_tnf_disinhibition",
    ]

    /// Whether `name` is a documented parameter name.
    public static func isKnown(_ name: String) -> Bool { names.contains(name) }

    /// The parameter with documented name `name`; nil if unknown. Setting an unknown name is ignored;
    /// setting nil is ignored.
    public subscript(name: String) -> Double? {
        get {
            switch name {
            case "lps_half_life_h": return lpsHalfLifeH
            case "lps_reference_ng_kg": return lpsReferenceNgPerKg
            case "pathogen_stimulus_gain": return pathogenStimulusGain
            case "stimulus_saturation": return stimulusSaturation
            case "signal_half_life_h": return signalHalfLifeH
            case "activation_rate_per_h": return activationRatePerH
            case "activation_half_life_h": return activationHalfLifeH
            case "tolerance_rate_per_h": return toleranceRatePerH
            case "tolerance_half_life_h": return toleranceHalfLifeH
            case "tolerance_half_effect": return toleranceHalfEffect
            case "resolution_rate_per_h": return resolutionRatePerH
            case "resolution_half_life_h": return resolutionHalfLifeH
            case "tnf_baseline_pg_mL": return tnfBaselinePgPerML
            case "tnf_production_pg_mL_h": return tnfProductionPgPerMLPerH
            case "tnf_fast_fraction": return tnfFastFraction
            case "tnf_fast_half_life_min": return tnfFastHalfLifeMin
            case "tnf_slow_half_life_min": return tnfSlowHalfLifeMin
            case "il1b_baseline_pg_mL": return il1bBaselinePgPerML
            case "il1b_production_pg_mL_h": return il1bProductionPgPerMLPerH
            case "il1b_half_life_min": return il1bHalfLifeMin
            case "il6_baseline_pg_mL": return il6BaselinePgPerML
            case "il6_production_pg_mL_h": return il6ProductionPgPerMLPerH
            case "il6_half_life_h": return il6HalfLifeH
            case "il6_tnf_weight": return il6TnfWeight
            case "il6_tnf_half_sat_pg_mL": return il6TnfHalfSatPgPerML
            case "il10_baseline_pg_mL": return il10BaselinePgPerML
            case "il10_production_pg_mL_h": return il10ProductionPgPerMLPerH
            case "il10_tnf_production_pg_mL_h": return il10TnfProductionPgPerMLPerH
            case "il10_tnf_half_sat_pg_mL": return il10TnfHalfSatPgPerML
            case "il10_resolution_production_pg_mL_h": return il10ResolutionProductionPgPerMLPerH
            case "il10_half_life_h": return il10HalfLifeH
            case "il10_inhibition_tnf_pg_mL": return il10InhibitionTnfPgPerML
            case "il10_inhibition_il6_pg_mL": return il10InhibitionIl6PgPerML
            case "il10_inhibition_hill": return il10InhibitionHill
            case "fever_il6_weight": return feverIl6Weight
            case "fever_il6_half_sat_pg_mL": return feverIl6HalfSatPgPerML
            case "fever_il1b_weight": return feverIl1bWeight
            case "fever_il1b_half_sat_pg_mL": return feverIl1bHalfSatPgPerML
            case "fever_tnf_weight": return feverTnfWeight
            case "fever_tnf_half_sat_pg_mL": return feverTnfHalfSatPgPerML
            case "pge2_half_life_h": return pge2HalfLifeH
            case "set_point_max_rise_C": return setPointMaxRiseC
            case "temperature_time_constant_h": return temperatureTimeConstantH
            case "baseline_temperature_C": return baselineTemperatureC
            case "myalgia_tnf_weight": return myalgiaTnfWeight
            case "myalgia_tnf_scale_pg_mL": return myalgiaTnfScalePgPerML
            case "myalgia_il1b_weight": return myalgiaIl1bWeight
            case "myalgia_il1b_scale_pg_mL": return myalgiaIl1bScalePgPerML
            case "myalgia_il6_weight": return myalgiaIl6Weight
            case "myalgia_il6_scale_pg_mL": return myalgiaIl6ScalePgPerML
            case "myalgia_hill": return myalgiaHill
            case "myalgia_half_life_h": return myalgiaHalfLifeH
            case "myalgia_max_score": return myalgiaMaxScore
            case "resolution_mucosal_weight": return resolutionMucosalWeight
            case "mucosal_half_life_h": return mucosalHalfLifeH
            case "mucosal_fever_weight": return mucosalFeverWeight
            case "mucosal_fever_half_sat": return mucosalFeverHalfSat
            case "myalgia_mucosal_weight": return myalgiaMucosalWeight
            case "myalgia_mucosal_scale": return myalgiaMucosalScale
            case "injury_rate_per_h": return injuryRatePerH
            case "injury_threshold": return injuryThreshold
            case "injury_heal_half_life_h": return injuryHealHalfLifeH
            case "abdominal_pain_half_score": return abdominalPainHalfScore
            case "crp_baseline_mg_L": return crpBaselineMgPerL
            case "crp_half_life_h": return crpHalfLifeH
            case "hepatic_signal_half_life_h": return hepaticSignalHalfLifeH
            case "crp_synthesis_mg_L_h": return crpSynthesisMgPerLPerH
            case "crp_il6_half_sat_pg_mL": return crpIl6HalfSatPgPerML
            case "crp_hill": return crpHill
            case "portal_il6_per_mucosa_pg_mL": return portalIl6PerMucosaPgPerML
            case "paracetamol_bioavailability": return paracetamolBioavailability
            case "paracetamol_absorption_per_h": return paracetamolAbsorptionPerH
            case "paracetamol_volume_L_kg": return paracetamolVolumeLPerKg
            case "paracetamol_half_life_h": return paracetamolHalfLifeH
            case "paracetamol_ec50_mg_L": return paracetamolEC50MgPerL
            case "paracetamol_max_inhibition": return paracetamolMaxInhibition
            case "ibuprofen_bioavailability": return ibuprofenBioavailability
            case "ibuprofen_absorption_per_h": return ibuprofenAbsorptionPerH
            case "ibuprofen_volume_L_kg": return ibuprofenVolumeLPerKg
            case "ibuprofen_half_life_h": return ibuprofenHalfLifeH
            case "ibuprofen_ec50_mg_L": return ibuprofenEC50MgPerL
            case "ibuprofen_max_inhibition": return ibuprofenMaxInhibition
            case "ibuprofen_tnf_disinhibition": return ibuprofenTnfDisinhibition
            default: return nil
            }
        }
        set {
            guard let v = newValue else { return }
            switch name {
            case "lps_half_life_h": lpsHalfLifeH = v
            case "lps_reference_ng_kg": lpsReferenceNgPerKg = v
            case "pathogen_stimulus_gain": pathogenStimulusGain = v
            case "stimulus_saturation": stimulusSaturation = v
            case "signal_half_life_h": signalHalfLifeH = v
            case "activation_rate_per_h": activationRatePerH = v
            case "activation_half_life_h": activationHalfLifeH = v
            case "tolerance_rate_per_h": toleranceRatePerH = v
            case "tolerance_half_life_h": toleranceHalfLifeH = v
            case "tolerance_half_effect": toleranceHalfEffect = v
            case "resolution_rate_per_h": resolutionRatePerH = v
            case "resolution_half_life_h": resolutionHalfLifeH = v
            case "tnf_baseline_pg_mL": tnfBaselinePgPerML = v
            case "tnf_production_pg_mL_h": tnfProductionPgPerMLPerH = v
            case "tnf_fast_fraction": tnfFastFraction = v
            case "tnf_fast_half_life_min": tnfFastHalfLifeMin = v
            case "tnf_slow_half_life_min": tnfSlowHalfLifeMin = v
            case "il1b_baseline_pg_mL": il1bBaselinePgPerML = v
            case "il1b_production_pg_mL_h": il1bProductionPgPerMLPerH = v
            case "il1b_half_life_min": il1bHalfLifeMin = v
            case "il6_baseline_pg_mL": il6BaselinePgPerML = v
            case "il6_production_pg_mL_h": il6ProductionPgPerMLPerH = v
            case "il6_half_life_h": il6HalfLifeH = v
            case "il6_tnf_weight": il6TnfWeight = v
            case "il6_tnf_half_sat_pg_mL": il6TnfHalfSatPgPerML = v
            case "il10_baseline_pg_mL": il10BaselinePgPerML = v
            case "il10_production_pg_mL_h": il10ProductionPgPerMLPerH = v
            case "il10_tnf_production_pg_mL_h": il10TnfProductionPgPerMLPerH = v
            case "il10_tnf_half_sat_pg_mL": il10TnfHalfSatPgPerML = v
            case "il10_resolution_production_pg_mL_h": il10ResolutionProductionPgPerMLPerH = v
            case "il10_half_life_h": il10HalfLifeH = v
            case "il10_inhibition_tnf_pg_mL": il10InhibitionTnfPgPerML = v
            case "il10_inhibition_il6_pg_mL": il10InhibitionIl6PgPerML = v
            case "il10_inhibition_hill": il10InhibitionHill = v
            case "fever_il6_weight": feverIl6Weight = v
            case "fever_il6_half_sat_pg_mL": feverIl6HalfSatPgPerML = v
            case "fever_il1b_weight": feverIl1bWeight = v
            case "fever_il1b_half_sat_pg_mL": feverIl1bHalfSatPgPerML = v
            case "fever_tnf_weight": feverTnfWeight = v
            case "fever_tnf_half_sat_pg_mL": feverTnfHalfSatPgPerML = v
            case "pge2_half_life_h": pge2HalfLifeH = v
            case "set_point_max_rise_C": setPointMaxRiseC = v
            case "temperature_time_constant_h": temperatureTimeConstantH = v
            case "baseline_temperature_C": baselineTemperatureC = v
            case "myalgia_tnf_weight": myalgiaTnfWeight = v
            case "myalgia_tnf_scale_pg_mL": myalgiaTnfScalePgPerML = v
            case "myalgia_il1b_weight": myalgiaIl1bWeight = v
            case "myalgia_il1b_scale_pg_mL": myalgiaIl1bScalePgPerML = v
            case "myalgia_il6_weight": myalgiaIl6Weight = v
            case "myalgia_il6_scale_pg_mL": myalgiaIl6ScalePgPerML = v
            case "myalgia_hill": myalgiaHill = v
            case "myalgia_half_life_h": myalgiaHalfLifeH = v
            case "myalgia_max_score": myalgiaMaxScore = v
            case "resolution_mucosal_weight": resolutionMucosalWeight = v
            case "mucosal_half_life_h": mucosalHalfLifeH = v
            case "mucosal_fever_weight": mucosalFeverWeight = v
            case "mucosal_fever_half_sat": mucosalFeverHalfSat = v
            case "myalgia_mucosal_weight": myalgiaMucosalWeight = v
            case "myalgia_mucosal_scale": myalgiaMucosalScale = v
            case "injury_rate_per_h": injuryRatePerH = v
            case "injury_threshold": injuryThreshold = v
            case "injury_heal_half_life_h": injuryHealHalfLifeH = v
            case "abdominal_pain_half_score": abdominalPainHalfScore = v
            case "crp_baseline_mg_L": crpBaselineMgPerL = v
            case "crp_half_life_h": crpHalfLifeH = v
            case "hepatic_signal_half_life_h": hepaticSignalHalfLifeH = v
            case "crp_synthesis_mg_L_h": crpSynthesisMgPerLPerH = v
            case "crp_il6_half_sat_pg_mL": crpIl6HalfSatPgPerML = v
            case "crp_hill": crpHill = v
            case "portal_il6_per_mucosa_pg_mL": portalIl6PerMucosaPgPerML = v
            case "paracetamol_bioavailability": paracetamolBioavailability = v
            case "paracetamol_absorption_per_h": paracetamolAbsorptionPerH = v
            case "paracetamol_volume_L_kg": paracetamolVolumeLPerKg = v
            case "paracetamol_half_life_h": paracetamolHalfLifeH = v
            case "paracetamol_ec50_mg_L": paracetamolEC50MgPerL = v
            case "paracetamol_max_inhibition": paracetamolMaxInhibition = v
            case "ibuprofen_bioavailability": ibuprofenBioavailability = v
            case "ibuprofen_absorption_per_h": ibuprofenAbsorptionPerH = v
            case "ibuprofen_volume_L_kg": ibuprofenVolumeLPerKg = v
            case "ibuprofen_half_life_h": ibuprofenHalfLifeH = v
            case "ibuprofen_ec50_mg_L": ibuprofenEC50MgPerL = v
            case "ibuprofen_max_inhibition": ibuprofenMaxInhibition = v
            case "ibuprofen_tnf_disinhibition": ibuprofenTnfDisinhibition = v
            default: break
            }
        }
    }
}
