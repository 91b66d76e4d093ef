/// The compact comparison of arms printed by `osmo run`.
public enum ComparisonTable {
    /// Left-aligned text columns separated by two spaces.
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func f(_ v: Double?, _ digits: Int) -> String {
        guard let v, v.isFinite else { return "-" }
        // Fixed decimals without Foundation's locale-dependent formatting.
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        guard r < 1e15 else { return NumberFormat.format(v, significantDigits: 6) }
        let whole = Int64(r / scale), frac = Int64(r) - whole * Int64(scale)
        var s = (v < 0 && r != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fs = String(frac)
            s += "." + String(repeating: "0", count: digits - fs.count) + fs
        }
        return s
    }

    /// The main table (one row per arm) and the warning-sign table (first time in h, `-` = never).
    public static func text(_ summaries: [ArmSummary]) -> String {
        var main: [[String]] = [["arm", "status", "peak loss %", "Na min", "Na max", "K min", "Mg min", "T max °C",
                                 "HCO3 min", "pH min", "myalgia", "cramp", "stool L", "oral L", "IV L", "urine L"]]
        for s in summaries {
            main.append([s.arm, s.status, f(s.peakWeightLossPct, 1), f(s.minNaPlasma, 1), f(s.maxNaPlasma, 1),
                         f(s.minKPlasma, 2), f(s.minMgPlasma, 2), f(s.peakTemperatureC, 1), f(s.minHCO3Plasma, 1),
                         f(s.minPHPlasma, 2), f(s.peakMyalgiaScore, 1),
                         f(s.peakCrampScore, 1), f(s.totalStoolL, 2), f(s.totalOralIntakeL, 2), f(s.totalIVIntakeL, 2),
                         f(s.totalUrineL, 2)])
        }
        var warn: [[String]] = [["warning signs (h)", "loss ≥5%", "loss ≥10%", "oliguria", "T ≥38.9", "Na <135",
                                 "K <3.5", "Mg <0.7", "acidosis", "critical", "diarrhea >48h"]]
        for s in summaries {
            warn.append([s.arm, f(s.hoursToModerateDehydration, 1), f(s.hoursToSevereDehydration, 1), f(s.hoursToOliguria, 1),
                         f(s.hoursToFever102F, 1), f(s.hoursToHyponatremia, 1), f(s.hoursToHypokalemia, 1),
                         f(s.hoursToHypomagnesemia, 1), f(s.hoursToAcidosis, 1), f(s.hoursToCritical, 1),
                         s.diarrheaOver48h ? "yes" : "no"])
        }
        var text = render(main) + "\n" + render(warn)
        for s in summaries where s.hoursToCritical != nil {
            text += "\(s.arm): CRITICAL at \(f(s.hoursToCritical, 1)) h: \(s.criticalReason) (not survivable untreated; the run goes on)\n"
        }
        return text
    }
}
