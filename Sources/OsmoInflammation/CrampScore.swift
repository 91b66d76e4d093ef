// Muscle-cramp score 0–10 from plasma electrolytes (and ECF volume) only: independent of cytokines.
//
// Each term is a monotone piecewise-linear function of the deficit below the lower normal limit
// (thresholds from PHYSIOLOGY.md section 7); the total is the sum, capped at 10.
//   K:  0 at ≥ 3.5 mmol/L (hypokalaemia < 3.5), 2 at 3.0 (moderate < 3.0: cramps), 5 at 2.5
//       (severe < 2.5: weakness, paralysis), 8.5 at 2.0, 10 at ≤ 1.5.
//   Mg: 0 at ≥ 0.70 mmol/L (hypomagnesaemia < 0.70: cramps, irritability), 1.5 at 0.60, 3.5 at 0.50
//       (severe < 0.50: tetany), 5.5 at 0.40, 7 at ≤ 0.30.
//   Na: 0 at ≥ 135 mmol/L (hyponatraemia < 135), 1 at 130 (mild), 2.5 at 125 (moderate),
//       4 at 120 (profound), 5 at ≤ 115. Weakness/twitching; a smaller weight than K and Mg.
//   ECF volume (fraction of baseline): 0 at ≥ 0.95, 1 at 0.90, 2.5 at 0.80, 4 at ≤ 0.70.
//       ECF volume depletion is implicated in dialysis cramps (UpToDate, "Muscle cramps in dialysis
//       patients"; Ulu & Ahsen, Eur J Gen Med 2015;12:277: excessive ultrafiltration, hypotension);
//       the magnitudes are assumptions.

/// A monotone piecewise-linear table: x decreasing → score increasing.
struct DeficitTable: Sendable {
    /// (x, score) with x strictly decreasing and score non-decreasing.
    let points: [(x: Double, score: Double)]

    func callAsFunction(_ x: Double) -> Double {
        guard x.isFinite else { return 0 }
        if x >= points[0].x { return points[0].score }
        for i in 1..<points.count where x >= points[i].x {
            let (x0, s0) = points[i - 1], (x1, s1) = points[i]
            return s0 + (s1 - s0) * (x0 - x) / (x0 - x1)
        }
        return points[points.count - 1].score
    }
}

/// The tables used by ``crampScore(kPlasma:mgPlasma:naPlasma:extracellularVolumeFraction:)``.
enum CrampTables {
    static let potassium = DeficitTable(points: [(3.5, 0), (3.0, 2), (2.5, 5), (2.0, 8.5), (1.5, 10)])
    static let magnesium = DeficitTable(points: [(0.70, 0), (0.60, 1.5), (0.50, 3.5), (0.40, 5.5), (0.30, 7)])
    static let sodium = DeficitTable(points: [(135, 0), (130, 1), (125, 2.5), (120, 4), (115, 5)])
    static let volume = DeficitTable(points: [(0.95, 0), (0.90, 1), (0.80, 2.5), (0.70, 4)])
}

/// Cramp score 0–10 from plasma electrolytes (mmol/L) and ECF volume / baseline volume.
/// ~0 when healthy (K 4.2, Mg 0.85, Na 140, volume 1). Independent of cytokines by construction.
public func crampScore(kPlasma: Double, mgPlasma: Double, naPlasma: Double,
                       extracellularVolumeFraction: Double) -> Double {
    let total = CrampTables.potassium(kPlasma) + CrampTables.magnesium(mgPlasma)
        + CrampTables.sodium(naPlasma) + CrampTables.volume(extracellularVolumeFraction)
    return min(max(total, 0), 10)
}
