import OsmoInflammation

/// Turns a state into one row of ``Observable`` values (the CSV columns), in their order.
struct Observer {
    let weightKg: Double
    /// All body water at the start (cells + ECF + gut), L.
    let initialWater: Double

    init(model: FluidModel, initial y0: [Double], weightKg: Double) {
        self.weightKg = weightKg
        initialWater = Observer.allWater(y0)
    }

    static func allWater<C: RandomAccessCollection>(_ y: C) -> Double where C.Element == Double, C.Index == Int {
        let s = y.startIndex
        typealias S = StateIndex
        return y[s + S.plasmaVolume] + y[s + S.interstitialVolume] + y[s + S.cellVolume] + y[s + S.stomach]
            + y[s + S.lumen]
    }

    /// The columns in order (`allCases` of a `CaseIterable` enum builds a new array at every use).
    static let columns = Observable.allCases

    func append(t: Double, y: UnsafeBufferPointer<Double>, system model: FluidModel, to values: inout [Double]) {
        // The row is written on the stack and appended once (one uniqueness check and copy a sample,
        // not one per column); the values are the same.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Observer.columns.count) { row in
            fill(row, t: t, y: y, system: model)
            values.append(contentsOf: row)
        }
    }

    private func fill(_ row: UnsafeMutableBufferPointer<Double>, t: Double, y: UnsafeBufferPointer<Double>, system model: FluidModel) {
        typealias S = StateIndex
        let f = model.fluxes(t: t, y: y)
        let w0 = weightKg
        let water = Observer.allWater(y)
        let weight = w0 + (water - initialWater)
        // The inflammation state at t, on the stack (one row per sample: no allocation).
        withUnsafeTemporaryAllocation(of: Double.self, capacity: InflammationModel.stateCount) { buffer in
            let ip = buffer.baseAddress!
            model.inflammation.state(at: t, into: ip)
            let infl = model.inflammation.model
            let ve = y[S.plasmaVolume] + y[S.interstitialVolume]
            let gs = GutSpecies.sodium.rawValue, gk = GutSpecies.potassium.rawValue, gc = GutSpecies.chloride.rawValue
            let gb = GutSpecies.bicarbonate.rawValue, gcit = GutSpecies.citrate.rawValue
            let cellK0 = model.constants.cellK0 * model.constants.cell0
            let cellNa0 = model.constants.p.cellSodium * model.constants.cell0
            // Circulation (issue 12): supine (as integrated) and standing (standing_shift_fraction of the blood volume pooled in the legs).
            let circ = f.circulation, cc = model.constants.circulation
            let standing = cc.state(plasmaVolume: y[S.plasmaVolume], shift: cc.standingShift)
            let hrRise = standing.heartRate - circ.heartRate, sbpDrop = circ.systolic - standing.systolic
            let cramp = crampScore(kPlasma: f.kPlasma, mgPlasma: f.mgPlasma, naPlasma: f.naPlasma,
                                   extracellularVolumeFraction: ve / model.constants.ecf0)
            for (j, o) in Observer.columns.enumerated() {
                let v: Double
                switch o {
                case .time_h: v = t
                case .body_weight_kg: v = weight
                case .weight_loss_pct: v = 100 * (w0 - weight) / w0
                case .water_total_L: v = y[S.plasmaVolume] + y[S.interstitialVolume] + y[S.cellVolume]
                case .volume_plasma_L: v = y[S.plasmaVolume]
                case .volume_interstitial_L: v = y[S.interstitialVolume]
                case .volume_intracellular_L: v = y[S.cellVolume]
                case .volume_gut_lumen_L: v = y[S.stomach] + y[S.lumen]
                case .na_plasma_mmol_L: v = f.naPlasma
                case .k_plasma_mmol_L: v = f.kPlasma
                case .cl_plasma_mmol_L: v = f.clPlasma
                case .hco3_plasma_mmol_L: v = f.hco3Plasma
                case .mg_plasma_mmol_L: v = f.mgPlasma
                case .glucose_plasma_mmol_L: v = f.glucosePlasma
                case .osmolality_plasma_mosm_kg: v = f.posm
                case .urine_rate_mL_kg_h: v = f.urineWater * 1000 / w0
                case .stool_rate_mL_h: v = f.stool.water * 1000
                case .cum_oral_intake_L: v = y[S.cumOral]
                case .cum_iv_intake_L: v = y[S.cumIV]
                case .cum_stool_L: v = y[S.cumStool]
                case .cum_urine_L: v = y[S.cumUrine]
                case .cum_insensible_L: v = y[S.cumInsensible]
                case .cum_vomit_L: v = y[S.cumVomit]
                case .cum_metabolic_water_L: v = y[S.cumMetabolicWater]
                case .na_total_mmol: v = y[S.ecfSodium] + y[S.cellSodium] + y[S.stomach + gs] + y[S.lumen + gs]
                case .k_total_mmol: v = y[S.ecfPotassium] + y[S.cellPotassium] + y[S.stomach + gk] + y[S.lumen + gk]
                case .cum_na_in_mmol: v = y[S.cumSodiumIn]
                case .cum_na_out_mmol: v = y[S.cumSodiumOut]
                case .cum_k_in_mmol: v = y[S.cumPotassiumIn]
                case .cum_k_out_mmol: v = y[S.cumPotassiumOut]
                case .tnf_pg_mL: v = infl.tnf(ip)
                case .il1b_pg_mL: v = infl.il1b(ip)
                case .il6_pg_mL: v = infl.il6(ip)
                case .il10_pg_mL: v = infl.il10(ip)
                case .temperature_C: v = f.temperature
                case .myalgia_score: v = infl.myalgiaScore(ip)
                case .cramp_score: v = cramp
                case .pathogen_load: v = f.load
                case .urine_osm_mosm_kg: v = f.urineOsm
                case .gfr_mL_min: v = f.gfr * 1000 / 60
                case .adh_pmol_L: v = model.mechanisms.renalRegulation ? y[S.vasopressin] : model.constants.avp0
                case .aldosterone_rel: v = model.mechanisms.renalRegulation ? y[S.aldosterone] : 1
                case .thirst_vas: v = f.thirst
                case .stool_na_mmol_L: v = f.stool.water > 0 ? f.stool.sodium / f.stool.water : 0
                case .stool_k_mmol_L: v = f.stool.water > 0 ? f.stool.potassium / f.stool.water : 0
                case .volume_stomach_L: v = y[S.stomach]
                case .ph_plasma: v = f.ph
                case .pco2_mmHg: v = f.pco2
                case .anion_gap_mmol_L: v = f.naPlasma + f.kPlasma - f.clPlasma - f.hco3Plasma
                case .cum_cl_in_mmol: v = y[S.cumChlorideIn]
                case .cum_cl_out_mmol: v = y[S.cumChlorideOut]
                case .cl_total_mmol: v = y[S.ecfChloride] + y[S.stomach + gc] + y[S.lumen + gc]
                case .cum_base_in_mmol: v = y[S.cumBaseIn]
                case .cum_base_out_mmol: v = y[S.cumBaseOut]
                // Base of the ECF (lactate and ketoacid anions are potential base) and gut (citrate as 3), less the H+ taken up
                // by cell and bone buffers and by cells in exchange for the K they lost (K lost less the Na that took its place).
                case .base_total_mmol:
                    v = y[S.ecfBase] + y[S.ecfLactate] + y[S.ecfKetoacid] + y[S.stomach + gb] + y[S.lumen + gb] + 3 * (y[S.stomach + gcit] + y[S.lumen + gcit])
                        - y[S.bufferProton] - ((cellK0 - y[S.cellPotassium]) - (y[S.cellSodium] - cellNa0))
                case .stool_cl_mmol_L: v = f.stool.water > 0 ? f.stool.chloride / f.stool.water : 0
                case .stool_base_mmol_L: v = f.stool.water > 0 ? f.stool.baseEquivalents / f.stool.water : 0
                case .urine_nh4_mmol_day: v = f.urineAmmonium * 24
                case .insulin_rel: v = f.insulinRel
                case .adrenaline_ng_mL: v = f.adrenaline
                case .thirst_drinking_mL_h: v = f.adLibWater * 1000
                case .lactate_mmol_L: v = f.lactate
                case .buffer_na_released_mmol: v = y[S.bufferProton]
                case .ketone_mmol_L: v = f.ketone
                case .liver_glycogen_pct: v = 100 * y[S.liverGlycogen]
                // Issue 12: infection of the mucosa, acute phase, fever medicines (from the inflammation course).
                case .mucosal_inflammation: v = infl.mucosalInflammation(ip)
                case .stool_blood: v = infl.stoolBlood(ip)
                case .abdominal_pain_score: v = infl.abdominalPainScore(ip)
                case .crp_mg_L: v = infl.crp(ip)
                case .paracetamol_mg_L: v = infl.paracetamol(ip)
                case .ibuprofen_mg_L: v = infl.ibuprofen(ip)
                case .heart_rate_bpm: v = circ.heartRate
                case .map_mmHg: v = circ.meanPressure
                case .systolic_mmHg: v = circ.systolic
                case .diastolic_mmHg: v = circ.diastolic
                case .orthostatic_hr_rise_bpm: v = hrRise
                case .orthostatic_sbp_drop_mmHg: v = sbpDrop
                case .haematocrit: v = circ.haematocrit
                case .blood_volume_L: v = circ.bloodVolume
                case .cardiac_output_rel: v = circ.cardiacOutputRel
                case .tachycardia: v = circ.heartRate > cc.tachycardiaBpm ? 1 : 0
                case .dizziness: v = Circulation.dizzy(hrRise: hrRise, sbpDrop: sbpDrop, restingHeartRate: cc.heartRate0) ? 1 : 0
                case .shock: v = circ.systolic < cc.hypotensionSystolic ? 1 : 0
                }
                row[j] = v
            }
        }
    }
}
