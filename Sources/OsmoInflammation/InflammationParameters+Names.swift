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
            default: break
            }
        }
    }
}
