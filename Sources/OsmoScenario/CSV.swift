/// Small CSV helpers: RFC 4180 quoting and number cells.
public enum CSV {
    /// Appends a text cell, quoted when it holds a comma, quote, CR or LF.
    public static func appendText(_ s: String, to out: inout [UInt8]) {
        let needsQuotes = s.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        if !needsQuotes { out.append(contentsOf: s.utf8); return }
        out.append(34)
        for b in s.utf8 {
            if b == 34 { out.append(34) }
            out.append(b)
        }
        out.append(34)
    }

    /// Appends a number (9 significant digits), or nothing for `nil`.
    static func appendNumber(_ v: Double?, to out: inout [UInt8]) {
        if let v { NumberFormat.append(v, significantDigits: 9, to: &out) }
    }
}

/// `timeseries.csv`: tidy (long) format, one row per arm per sample time; columns `arm` then every
/// ``Observable`` in order, named by its raw value. Numbers have 9 significant digits (`%.9g`
/// semantics, locale-independent); a non-finite value is never written.
public enum TimeseriesWriter {
    public static var header: String {
        (["arm"] + OsmoPhysiologyColumns.names).joined(separator: ",") + "\n"
    }

    /// The rows of one arm, without the header. Stops before the first row holding a non-finite value
    /// (the solver should have stopped before that; ``ScenarioRunner`` truncates such trajectories).
    public static func appendRows(arm: String, times: [Double], values: [Double], to out: inout [UInt8]) {
        let width = OsmoPhysiologyColumns.names.count
        var armCell: [UInt8] = []
        CSV.appendText(arm, to: &armCell)
        let rows = min(times.count, values.count / max(width, 1))
        let rowBytes = armCell.count + width * (NumberFormat.maxLength + 1) + 1
        var encoded = [UInt8](unsafeUninitializedCapacity: rows * rowBytes) { buf, count in
            var n = 0
            let base = buf.baseAddress!
            NumberFormat.withTables { tables in values.withUnsafeBufferPointer { v in
                for k in 0..<rows {
                    let row = UnsafeBufferPointer(rebasing: v[(k * width)..<((k + 1) * width)])
                    guard row.allSatisfy(\.isFinite) else { return }
                    for b in armCell { base[n] = b; n += 1 }
                    for x in row {
                        base[n] = 44
                        n += 1
                        n += NumberFormat.write(x, significantDigits: 9, to: base + n, tables: tables)
                    }
                    base[n] = 10
                    n += 1
                }
            } }
            count = n
        }
        if out.isEmpty { swap(&out, &encoded) } else { out.append(contentsOf: encoded) }
    }
}

import OsmoPhysiology

/// The observable column names after `arm`.
public enum OsmoPhysiologyColumns {
    public static let names: [String] = Observable.allCases.map(\.rawValue)
}

/// `summary.csv`: one row per arm, columns ``columns``.
public enum SummaryWriter {
    public static let columns = [
        "arm", "status", "peak_weight_loss_pct", "final_weight_loss_pct", "min_na_plasma_mmol_L", "max_na_plasma_mmol_L",
        "min_k_plasma_mmol_L", "min_mg_plasma_mmol_L", "peak_temperature_C", "peak_myalgia_score", "peak_cramp_score",
        "total_stool_L", "total_oral_intake_L", "total_iv_intake_L", "total_urine_L",
        "hours_to_moderate_dehydration", "hours_to_severe_dehydration", "hours_to_oliguria", "hours_to_fever_102F",
        "hours_to_hyponatremia", "hours_to_hypokalemia", "hours_to_hypomagnesemia", "min_hco3_plasma_mmol_L",
        "min_ph_plasma", "hours_to_acidosis",
        "peak_heart_rate_bpm", "min_systolic_mmHg", "hours_to_tachycardia", "hours_to_dizziness", "hours_to_shock",
        "hours_to_critical", "critical_reason", "diarrhea_over_48h", "last_diarrhea_h",
        "peak_abdominal_pain_score", "hours_to_bloody_stool", "hours_to_severe_abdominal_pain", "peak_crp_mg_L",
        "end_time_h", "failure_time_h", "failure_reason", "steps", "rhs_evaluations",
        "jacobian_evaluations", "samples",
    ]

    /// The cells of one summary, in ``columns`` order (numbers as text, `nil` as empty).
    public static func cells(_ s: ArmSummary) -> [String] {
        func n(_ v: Double?) -> String { v.map { NumberFormat.format($0, significantDigits: 9) } ?? "" }
        return [
            s.arm, s.status, n(s.peakWeightLossPct), n(s.finalWeightLossPct), n(s.minNaPlasma), n(s.maxNaPlasma),
            n(s.minKPlasma), n(s.minMgPlasma), n(s.peakTemperatureC), n(s.peakMyalgiaScore), n(s.peakCrampScore),
            n(s.totalStoolL), n(s.totalOralIntakeL), n(s.totalIVIntakeL), n(s.totalUrineL),
            n(s.hoursToModerateDehydration), n(s.hoursToSevereDehydration), n(s.hoursToOliguria), n(s.hoursToFever102F),
            n(s.hoursToHyponatremia), n(s.hoursToHypokalemia), n(s.hoursToHypomagnesemia), n(s.minHCO3Plasma),
            n(s.minPHPlasma), n(s.hoursToAcidosis),
            n(s.peakHeartRateBpm), n(s.minSystolicMmHg), n(s.hoursToTachycardia), n(s.hoursToDizziness), n(s.hoursToShock),
            n(s.hoursToCritical), s.criticalReason, s.diarrheaOver48h ? "true" : "false", n(s.lastDiarrheaH),
            n(s.peakAbdominalPainScore), n(s.hoursToBloodyStool), n(s.hoursToSevereAbdominalPain), n(s.peakCRPMgPerL),
            n(s.endTimeH), n(s.failureTimeH), s.failureReason, String(s.steps), String(s.rhsEvaluations),
            String(s.jacobianEvaluations), String(s.samples),
        ]
    }

    public static func encode(_ summaries: [ArmSummary]) -> [UInt8] {
        var out = Array((columns.joined(separator: ",") + "\n").utf8)
        for s in summaries {
            for (i, c) in cells(s).enumerated() {
                if i > 0 { out.append(44) }
                CSV.appendText(c, to: &out)
            }
            out.append(10)
        }
        return out
    }
}
