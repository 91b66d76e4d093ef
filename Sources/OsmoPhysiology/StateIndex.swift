/// Positions of the model's states in the ODE vector. Units: volumes L, amounts mmol,
/// AVP pmol/L, aldosterone dimensionless (1 = baseline), time h.
public enum StateIndex {
    // Body (outside the gut lumen)
    public static let plasmaVolume = 0        // L
    public static let interstitialVolume = 1  // L
    public static let cellVolume = 2          // L (intracellular water)
    public static let ecfSodium = 3           // mmol (plasma + interstitium share concentrations)
    public static let ecfPotassium = 4
    public static let ecfChloride = 5
    public static let ecfBase = 6             // mmol HCO3 in the ECF
    public static let ecfMagnesium = 7
    public static let ecfGlucose = 8
    public static let cellSodium = 9
    public static let cellPotassium = 10
    public static let magnesiumPool = 11      // slowly exchanging Mg (bone, cells)
    // Stomach: water then solutes in `GutSpecies` order
    public static let stomach = 12            // 12 water L, 13…20 solutes mmol
    // Small-intestinal lumen: water, solutes, then unabsorbable osmoles
    public static let lumen = 21              // 21 water L, 22…29 solutes mmol
    public static let lumenUnabsorbable = 30  // mOsm (organic solutes of secretory stool)
    // Hormones
    public static let vasopressin = 31        // pmol/L
    public static let aldosterone = 32        // × baseline
    // Ledgers (cumulative, from t = 0)
    public static let cumOral = 33            // L
    public static let cumIV = 34
    public static let cumStool = 35
    public static let cumUrine = 36
    public static let cumInsensible = 37
    public static let cumVomit = 38
    public static let cumMetabolicWater = 39
    public static let cumSodiumIn = 40        // mmol
    public static let cumSodiumOut = 41
    public static let cumPotassiumIn = 42
    public static let cumPotassiumOut = 43
    // Acid–base
    public static let bufferProton = 44       // mmol H+ taken up by cell and bone buffers (each released a Na+)
    public static let ammoniumExtra = 45      // mmol/h renal NH4+ excretion above baseline (adapts over days)
    // More ledgers
    public static let cumChlorideIn = 46      // mmol
    public static let cumChlorideOut = 47
    public static let cumBaseIn = 48          // mmol HCO3 equivalents (drinks' base, IV base, renal NH4+)
    public static let cumBaseOut = 49         // mmol (stool HCO3, organic anions and citrate; urine HCO3; vomit)
    public static let ecfLactate = 50         // mmol lactate (an organic anion) in the ECF
    // Fasting ketosis
    public static let ecfKetoacid = 51        // mmol ketoacid anions (β-hydroxybutyrate + acetoacetate) in the ECF
    public static let liverGlycogen = 52      // fraction of the full liver glycogen store (1 = fed)
    /// Number of states.
    public static let count = 53
}

/// The solutes that enter the gut, in their order after the water slot of the stomach and lumen.
public enum GutSpecies: Int, CaseIterable {
    case sodium = 1, potassium, chloride, bicarbonate, citrate, magnesium, glucose, fructose
}
