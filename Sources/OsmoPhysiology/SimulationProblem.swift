import OsmoODE

/// Everything needed to simulate one arm: who, what illness, what is given, for how long,
/// how to sample and how to integrate. Build one per arm; ``simulate(_:)`` runs it.
public struct SimulationProblem: Sendable {
    public var patient: Patient
    public var parameters: ModelParameters
    /// Overrides by documented name, of fluid-model parameters (``ModelParameters/catalog``)
    /// or inflammation parameters; applied on top of ``parameters``.
    public var overrides: [String: Double]
    public var illness: Illness
    public var mechanisms: Mechanisms
    public var drinks: [OralDrink]
    public var infusions: [Infusion]
    public var vomiting: [Vomit]
    /// Fever medicines taken (issue 12); they act through the inflammation course only.
    public var medicines: [MedicineCourse] = []
    /// Length of the run, h (> 0).
    public var durationH: Double
    /// Output sampling interval, h (> 0). Samples at 0, Δ, 2Δ, … and at the end.
    public var sampleIntervalH: Double
    public var solver: SolverOptions

    public init(
        patient: Patient = .adult, parameters: ModelParameters = .init(), overrides: [String: Double] = [:],
        illness: Illness = .none, mechanisms: Mechanisms = .init(), drinks: [OralDrink] = [],
        infusions: [Infusion] = [], vomiting: [Vomit] = [], durationH: Double = 72, sampleIntervalH: Double = 0.25,
        solver: SolverOptions = SimulationProblem.defaultSolver
    ) {
        self.patient = patient
        self.parameters = parameters
        self.overrides = overrides
        self.illness = illness
        self.mechanisms = mechanisms
        self.drinks = drinks
        self.infusions = infusions
        self.vomiting = vomiting
        self.durationH = durationH
        self.sampleIntervalH = sampleIntervalH
        self.solver = solver
    }

    /// `auto` (rkck between doses where the model is not stiff, msbdf where it is: see
    /// ``Stepper/auto``), relative tolerance 1e-5, absolute 1e-6 (L, mmol, pg/mL, °C): every sampled
    /// fluid quantity of the flagship's ORS arm is within 1.4e-4 (relative) of an rtol-1e-10 run, and
    /// within 1e-4 at rtol 1e-7 (Tests/OsmoPhysiologyTests/ConvergenceTests); the ledgers close to
    /// better than 1e-6 of the amounts moved. Each drink restarts the stepper; a
    /// one-step method restarts for free where msbdf would begin again at order 1 with tiny steps,
    /// which is why `auto` runs a drinking arm about 2.5× faster than msbdf alone.
    public static let defaultSolver = SolverOptions(
        stepper: .auto, absoluteTolerance: 1e-6, relativeTolerance: 1e-5, initialStep: 1e-4, maxSteps: 200_000)
}

/// The columns of `timeseries.csv` after `arm`, in order, named exactly as written.
public enum Observable: String, CaseIterable, Sendable {
    case time_h, body_weight_kg, weight_loss_pct, water_total_L, volume_plasma_L, volume_interstitial_L
    case volume_intracellular_L, volume_gut_lumen_L, na_plasma_mmol_L, k_plasma_mmol_L, cl_plasma_mmol_L
    case hco3_plasma_mmol_L, mg_plasma_mmol_L, glucose_plasma_mmol_L, osmolality_plasma_mosm_kg
    case urine_rate_mL_kg_h, stool_rate_mL_h, cum_oral_intake_L, cum_iv_intake_L, cum_stool_L, cum_urine_L
    case cum_insensible_L, cum_vomit_L, cum_metabolic_water_L, na_total_mmol, k_total_mmol, cum_na_in_mmol
    case cum_na_out_mmol, cum_k_in_mmol, cum_k_out_mmol, tnf_pg_mL, il1b_pg_mL, il6_pg_mL, il10_pg_mL
    case temperature_C, myalgia_score, cramp_score
    // Extra columns beyond the required set
    case pathogen_load, urine_osm_mosm_kg, gfr_mL_min, adh_pmol_L, aldosterone_rel, thirst_vas
    case stool_na_mmol_L, stool_k_mmol_L, volume_stomach_L
    // Clinical chemistry (charge balance, acid–base, K shifts)
    case ph_plasma, pco2_mmHg, anion_gap_mmol_L, cum_cl_in_mmol, cum_cl_out_mmol, cl_total_mmol
    case cum_base_in_mmol, cum_base_out_mmol, base_total_mmol, stool_cl_mmol_L, stool_base_mmol_L
    case urine_nh4_mmol_day, insulin_rel, adrenaline_ng_mL, thirst_drinking_mL_h, lactate_mmol_L
    case buffer_na_released_mmol
    // Fasting ketosis
    case ketone_mmol_L, liver_glycogen_pct
    // Infection of the mucosa, acute phase and fever medicines (issue 12)
    case mucosal_inflammation, stool_blood, abdominal_pain_score, crp_mg_L, paracetamol_mg_L, ibuprofen_mg_L
    // Circulation (issue 12): supine pulse and pressure, the change on standing, flags 0/1
    case heart_rate_bpm, map_mmHg, systolic_mmHg, diastolic_mmHg, orthostatic_hr_rise_bpm, orthostatic_sbp_drop_mmHg
    case haematocrit, blood_volume_L, cardiac_output_rel, tachycardia, dizziness, shock

    public var column: String { rawValue }
}

/// The result of one arm: samples of every ``Observable``, how the integration ended and what it cost.
/// On solver failure the samples stop at the last good time.
public struct Trajectory: Sendable {
    public let observables: [Observable] = Observable.allCases
    /// Sample times, h.
    public var times: [Double]
    /// Row-major: sample `k`, observable `j` at `values[k * Observable.allCases.count + j]`.
    public var values: [Double]
    public var status: SolverStatus
    public var statistics: SolverStatistics

    public var sampleCount: Int { times.count }

    /// One observable at every sample.
    public func column(_ o: Observable) -> [Double] {
        let n = Observable.allCases.count
        let j = Observable.allCases.firstIndex(of: o)!
        return (0..<times.count).map { values[$0 * n + j] }
    }

    /// One observable at sample `k`.
    public func value(_ o: Observable, at k: Int) -> Double {
        values[k * Observable.allCases.count + Observable.allCases.firstIndex(of: o)!]
    }
}
