// Layout of the submodel's ODE state vector (the slice y[0..<stateCount] this submodel owns).

/// Indices of the inflammation states inside the submodel's slice of the state vector.
public enum InflammationState {
    /// Endotoxin (LPS) in the body, ng/kg.
    public static let lps = 0
    /// Receptor (TLR4/NF-κB) signal lagging the stimulus, dimensionless.
    public static let signal = 1
    /// Activated innate cells (monocytes/macrophages), dimensionless (≈0.2 at the 2 ng/kg peak).
    public static let activation = 2
    /// Endotoxin tolerance (hyporesponsiveness), dimensionless.
    public static let tolerance = 3
    /// Slow resolution / regulatory programme (IL-10 source), dimensionless.
    public static let resolution = 4
    /// Plasma TNF in the fast-clearing pool, pg/mL.
    public static let tnfFast = 5
    /// Plasma TNF in the slow-clearing pool, pg/mL.
    public static let tnfSlow = 6
    /// Plasma IL-1β, pg/mL.
    public static let il1b = 7
    /// Plasma IL-6, pg/mL.
    public static let il6 = 8
    /// Plasma IL-10, pg/mL.
    public static let il10 = 9
    /// PGE2-like central pyrogenic mediator, dimensionless 0–1.
    public static let pge2 = 10
    /// Core temperature, °C.
    public static let temperature = 11
    /// Pain (myalgia) mediator, dimensionless 0–1.
    public static let painMediator = 12

    // MARK: Infection of the mucosa, acute phase, fever medicines (issue 12)

    /// Mucosal (lamina propria) inflammation from invading bacteria, dimensionless (≈ invasion × load).
    public static let mucosa = 13
    /// Mucosal injury (ulceration, bleeding surface), fraction 0–1.
    public static let injury = 14
    /// Hepatocyte acute-phase signal (IL-6 → STAT3 → CRP transcription), dimensionless 0–1.
    public static let hepaticSignal = 15
    /// Plasma C-reactive protein, mg/L.
    public static let crp = 16
    /// Paracetamol in the gut awaiting absorption, mg/kg.
    public static let paracetamolGut = 17
    /// Plasma paracetamol, mg/L.
    public static let paracetamolPlasma = 18
    /// Ibuprofen in the gut awaiting absorption, mg/kg.
    public static let ibuprofenGut = 19
    /// Plasma ibuprofen (total), mg/L.
    public static let ibuprofenPlasma = 20

    public static let count = 21
    public static let names: [String] = [
        "lps_ng_kg", "tlr_signal", "activation", "tolerance", "resolution",
        "tnf_fast_pg_mL", "tnf_slow_pg_mL", "il1b_pg_mL", "il6_pg_mL", "il10_pg_mL",
        "pge2", "temperature_C", "pain_mediator",
        "mucosal_inflammation", "mucosal_injury", "hepatic_signal", "crp_mg_L",
        "paracetamol_gut_mg_kg", "paracetamol_mg_L", "ibuprofen_gut_mg_kg", "ibuprofen_mg_L",
    ]
}
