import OsmoODE

/// The states no body can have, checked at every sample of a trajectory.
///
/// An arm whose sample crosses one of these bounds ends there with
/// ``SolverStatus/nonPhysical(time:quantity:value:)`` naming the column and the time: the rows from
/// that sample on are dropped, so no output ever shows them as a result. The bounds are far outside
/// what a living patient shows, about twice the survived extremes for concentrations (the
/// extreme-but-real states are the clinical critical-state flags' business, not this guard's); they catch a model driven where no body goes (a negative plasma
/// volume from loose tolerances, hundreds of litres of infusion, a patient at 0 °C).
///
/// | quantity | allowed | why |
/// |---|---|---|
/// | volumes (plasma, interstitial, cells, gut, stomach, total water) | ≥ −0.01 L | a volume cannot be negative (0.01 L: integration tolerance) |
/// | body amounts, ledgers (Na, K totals; cumulative intakes and losses) | ≥ −1 mmol / −0.01 L | amounts and running totals cannot be negative |
/// | urine, stool, GFR rates | ≥ −0.1 (their units) | flows out of the body are never negative |
/// | plasma Na | 10 … 400 mmol/L | survived extremes are ≈ 99 and ≈ 255 mmol/L; beyond these no body fluid is |
/// | plasma K | 0.1 … 40 mmol/L | survived ≈ 1 and ≈ 14 mmol/L |
/// | plasma Cl | 5 … 400 mmol/L | |
/// | plasma HCO3 | 0 … 150 mmol/L | |
/// | plasma Mg | 0.01 … 30 mmol/L | |
/// | plasma glucose | 0 … 300 mmol/L | highest reported ≈ 150 mmol/L |
/// | plasma osmolality | 100 … 800 mOsm/kg | |
/// | weight change | within ±40 % of the starting weight | a 40 % water loss or gain is not survivable |
/// | core temperature | 30 … 45 °C | outside, no patient is alive to be rehydrated |
/// | plasma pH | 6.3 … 8.0 | survived extremes ≈ 6.5 and ≈ 7.8 |
/// | plasma lactate | −0.1 … 60 mmol/L | the highest survived are ≈ 30 mmol/L |
/// | plasma ketones | −0.1 … 40 mmol/L | diabetic ketoacidosis rarely exceeds ≈ 25 mmol/L |
/// | liver glycogen | −1 … 101 % of the fed store | a fraction of a store |
/// | Cl amount and Cl ledgers | ≥ −1 mmol | amounts and running totals cannot be negative (the base ledgers are net: acid counts as negative base) |
/// | cytokines, scores | ≥ −1 | concentrations and scores cannot be negative |
public enum PhysicalGuard {
    /// One bound on one column.
    public struct Bound: Sendable {
        public var column: String
        public var min: Double
        public var max: Double
    }

    /// Every bound, by column name (columns the model does not have are skipped).
    public static let bounds: [Bound] = {
        var b: [Bound] = []
        func add(_ names: [String], _ lo: Double, _ hi: Double = .infinity) {
            for n in names { b.append(Bound(column: n, min: lo, max: hi)) }
        }
        add(["water_total_L", "volume_plasma_L", "volume_interstitial_L", "volume_intracellular_L", "volume_gut_lumen_L",
             "volume_stomach_L"], -0.01)
        add(["cum_oral_intake_L", "cum_iv_intake_L", "cum_stool_L", "cum_urine_L", "cum_insensible_L", "cum_vomit_L",
             "cum_metabolic_water_L"], -0.01)
        add(["na_total_mmol", "k_total_mmol", "cum_na_in_mmol", "cum_na_out_mmol", "cum_k_in_mmol", "cum_k_out_mmol"], -1)
        add(["urine_rate_mL_kg_h", "stool_rate_mL_h", "gfr_mL_min"], -0.1)
        add(["na_plasma_mmol_L"], 10, 400)
        add(["k_plasma_mmol_L"], 0.1, 40)
        add(["cl_plasma_mmol_L"], 5, 400)
        add(["hco3_plasma_mmol_L"], 0, 150)
        add(["mg_plasma_mmol_L"], 0.01, 30)
        add(["glucose_plasma_mmol_L"], 0, 300)
        add(["osmolality_plasma_mosm_kg"], 100, 800)
        add(["weight_loss_pct"], -40, 40)
        add(["temperature_C"], 30, 45)
        add(["tnf_pg_mL", "il1b_pg_mL", "il6_pg_mL", "il10_pg_mL", "myalgia_score", "cramp_score"], -1)
        add(["ph_plasma"], 6.3, 8.0)
        add(["lactate_mmol_L"], -0.1, 60)
        add(["ketone_mmol_L"], -0.1, 40)
        add(["liver_glycogen_pct"], -1, 101)
        // Circulation (issue 12)
        add(["heart_rate_bpm"], 0, 300)
        add(["map_mmHg", "systolic_mmHg"], -1, 300)
        add(["haematocrit"], 0, 1)
        add(["blood_volume_L", "cardiac_output_rel"], -0.01)
        // (The base ledgers are net: an acid drink or infusion is base taken in with a minus sign.)
        add(["cl_total_mmol", "cum_cl_in_mmol", "cum_cl_out_mmol"], -1)
        return b
    }()

    /// (column index, bound) for the columns present, in ``bounds`` order.
    static let indexed: [(Int, Bound)] = bounds.compactMap { b in
        Observable(rawValue: b.column).flatMap { o in Observable.allCases.firstIndex(of: o) }.map { ($0, b) }
    }

    /// The first sample (index, column, value) outside its bound, or `nil`.
    public static func firstViolation(times: [Double], values: [Double]) -> (sample: Int, column: String, value: Double)? {
        let width = Observable.allCases.count
        let rows = Swift.min(times.count, values.count / Swift.max(width, 1))
        for k in 0..<rows {
            for (j, b) in indexed {
                let v = values[k * width + j]
                // NaN is the non-finite guard's business (ScenarioRunner.sanitized); here only finite crossings.
                if v < b.min || v > b.max { return (k, b.column, v) }
            }
        }
        return nil
    }

    /// `trajectory` cut before its first non-physical sample, with the status naming it; unchanged
    /// when every sample is within bounds (or when it already failed earlier).
    public static func checked(_ trajectory: Trajectory) -> Trajectory {
        guard let (k, column, value) = firstViolation(times: trajectory.times, values: trajectory.values) else {
            return trajectory
        }
        let width = Observable.allCases.count
        var out = trajectory
        let t = trajectory.times[k]
        out.times = Array(trajectory.times.prefix(k))
        out.values = Array(trajectory.values.prefix(k * width))
        if let failed = trajectory.status.failureTime, failed < t { return out }
        out.status = .nonPhysical(time: t, quantity: column, value: value)
        return out
    }
}
