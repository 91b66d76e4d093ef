import OsmoPlot
import OsmoScenario

/// A figure with the file name it is written under.
public struct NamedFigure: Sendable {
    /// e.g. `1-weight-loss.svg`
    public var fileName: String
    public var figure: Figure
    /// What to look at, one or two sentences (the report's caption).
    public var caption: String
}

/// The six comparison figures of a run: every arm in its own colour (``ArmColors``) in every figure.
///
/// Columns are looked up by name; a column the run lacks gives a "no data" panel instead of an error,
/// so the figures survive changes to the model's outputs.
public enum RunFigures {
    static let time = "time_h"
    static let xLabel = "time (h)"

    /// All seven, in order.
    public static func all(_ run: RunData) -> [NamedFigure] {
        [weightLoss(run), compartments(run), electrolytes(run), inflammation(run), legPain(run), fluidBalance(run),
         circulation(run)]  // (7) circulation: RunFigures+Circulation.swift
    }

    // MARK: the figures

    /// (1) Weight loss with the dehydration bands.
    public static func weightLoss(_ run: RunData) -> NamedFigure {
        let moderate = ArmSummary.moderateDehydrationPct, severe = ArmSummary.severeDehydrationPct
        var p = panel(run, "Weight loss", column: "weight_loss_pct", yLabel: "weight loss (% of starting weight)")
        p.bands = [Band(from: moderate, to: severe, color: Style.bandOrange, opacity: 0.28, label: "moderate dehydration (≥ 5 %)"),
                   Band(from: severe, to: .infinity, color: Style.bandRed, opacity: 0.16, label: "severe dehydration (≥ 10 %)")]
        p.yIncludes = [0, severe + 2]
        p.markers = markers(run, summaryKey: "hours_to_moderate_dehydration", level: moderate, what: "moderate dehydration")
            + markers(run, summaryKey: "hours_to_severe_dehydration", level: severe, what: "severe dehydration")
        let legend = armLegend(run) + [
            LegendItem("moderate ≥ 5 %", color: Style.bandOrange, symbol: .box(opacity: 0.5)),
            LegendItem("severe ≥ 10 %", color: Style.bandRed, symbol: .box(opacity: 0.3)),
            LegendItem("warning sign first reached", color: Style.muted, symbol: .diamond),
        ]
        let fig = Figure(title: "How dehydrated? Weight loss by arm — \(run.name)",
                         subtitle: "Body weight lost since the start; water is most of it. Shaded: clinical dehydration bands.",
                         legend: legend, panels: [.xy(p)], columns: 1, panelHeight: 400)
        return NamedFigure(fileName: "1-weight-loss.svg", figure: fig,
                           caption: "Weight loss is the simplest measure of dehydration: 5 % of body weight is moderate, 10 % severe. Diamonds mark when an arm first crosses a band (summary columns hours_to_moderate_dehydration, hours_to_severe_dehydration).")
    }

    /// (2) The fluid compartments.
    public static func compartments(_ run: RunData) -> NamedFigure {
        let specs: [(String, String)] = [
            ("volume_plasma_L", "Plasma (blood volume without cells)"),
            ("volume_interstitial_L", "Interstitial fluid (between cells)"),
            ("volume_intracellular_L", "Inside cells"),
            ("volume_gut_lumen_L", "Stomach and gut contents"),
        ]
        let panels: [Figure.Content] = specs.map { col, title in
            var p = panel(run, title, column: col, yLabel: "volume (L)")
            if col == "volume_gut_lumen_L" { p.yIncludes = [0] }
            return .xy(p)
        }
        let fig = Figure(title: "Where the water is lost from: fluid compartments — \(run.name)",
                         subtitle: "Diarrhoea drains the gut first, then plasma and interstitial fluid; cells follow when plasma becomes salty.",
                         legend: armLegend(run), panels: panels, columns: 2, panelHeight: 310)
        return NamedFigure(fileName: "2-compartments.svg", figure: fig,
                           caption: "The volumes of the body's water compartments. A falling plasma volume is what makes people dizzy on standing; the gut panel shows drinks arriving and stool leaving.")
    }

    /// (3) Plasma Na, K and Mg with their normal ranges.
    public static func electrolytes(_ run: RunData) -> NamedFigure {
        let specs: [(col: String, title: String, label: String, lo: Double, hi: Double, key: String, what: String)] = [
            ("na_plasma_mmol_L", "Sodium (Na)", "Na (mmol/L)", ArmSummary.hyponatremiaMmolL, 145, "hours_to_hyponatremia", "hyponatremia (Na < 135)"),
            ("k_plasma_mmol_L", "Potassium (K)", "K (mmol/L)", ArmSummary.hypokalemiaMmolL, 5.0, "hours_to_hypokalemia", "hypokalemia (K < 3.5)"),
            ("mg_plasma_mmol_L", "Magnesium (Mg)", "Mg (mmol/L)", ArmSummary.hypomagnesemiaMmolL, 1.0, "hours_to_hypomagnesemia", "hypomagnesemia (Mg < 0.7)"),
        ]
        let panels: [Figure.Content] = specs.map { s in
            var p = panel(run, s.title, column: s.col, yLabel: s.label)
            p.bands = [Band(from: s.lo, to: s.hi, color: Style.bandGreen, opacity: 0.13,
                            label: "normal \(NiceTicks.label(s.lo, step: s.lo < 2 ? 0.1 : 1))–\(NiceTicks.label(s.hi, step: s.hi < 2 ? 0.1 : 1))")]
            p.markers = markers(run, summaryKey: s.key, level: s.lo, what: s.what)
            return .xy(p)
        }
        let legend = armLegend(run) + [
            LegendItem("normal range", color: Style.bandGreen, symbol: .box(opacity: 0.35)),
            LegendItem("first below normal", color: Style.muted, symbol: .diamond),
        ]
        let fig = Figure(title: "Salts in the blood: plasma sodium, potassium and magnesium — \(run.name)",
                         subtitle: "Low potassium and magnesium make nerves and muscles misfire (cramps); low sodium causes weakness and twitching.",
                         legend: legend, panels: panels, columns: 3, panelHeight: 330)
        return NamedFigure(fileName: "3-electrolytes.svg", figure: fig,
                           caption: "Plasma electrolytes against their normal ranges (green). Diamonds mark the first time below the range (summary columns hours_to_hyponatremia, hours_to_hypokalemia, hours_to_hypomagnesemia; minima in min_na_plasma_mmol_L, min_k_plasma_mmol_L, min_mg_plasma_mmol_L).")
    }

    /// (4) Cytokines and temperature.
    public static func inflammation(_ run: RunData) -> NamedFigure {
        var panels: [Figure.Content] = [
            ("tnf_pg_mL", "TNF (tumour necrosis factor)", "TNF (pg/mL)"),
            ("il6_pg_mL", "IL-6 (interleukin 6)", "IL-6 (pg/mL)"),
            ("il10_pg_mL", "IL-10 (anti-inflammatory)", "IL-10 (pg/mL)"),
        ].map { col, title, label in
            var p = panel(run, title, column: col, yLabel: label)
            p.yIncludes = [0]
            return .xy(p)
        }
        var t = panel(run, "Body temperature", column: "temperature_C", yLabel: "temperature (°C)")
        t.bands = [Band(from: 38, to: .infinity, color: Style.bandOrange, opacity: 0.2, label: "fever ≥ 38 °C")]
        t.references = [ReferenceLine(y: ArmSummary.fever102FC, color: Style.bandRed, label: "102 °F (38.9 °C): see a doctor")]
        t.yIncludes = [36.5, 39.5]
        t.markers = markers(run, summaryKey: "hours_to_fever_102F", level: ArmSummary.fever102FC, what: "fever above 102 °F")
        panels.append(.xy(t))
        let legend = armLegend(run) + [
            LegendItem("fever", color: Style.bandOrange, symbol: .box(opacity: 0.4)),
            LegendItem("first above 102 °F", color: Style.muted, symbol: .diamond),
        ]
        let fig = Figure(title: "The immune response: cytokines and fever — \(run.name)",
                         subtitle: "TNF and IL-6 drive fever and aching muscles; IL-10 switches the response off. Drinks change fluids, not the infection.",
                         legend: legend, panels: panels, columns: 2, panelHeight: 310)
        return NamedFigure(fileName: "4-inflammation.svg", figure: fig,
                           caption: "Plasma cytokines and core temperature. Fever raises water loss through skin and breath (summary column peak_temperature_C; hours_to_fever_102F when above 102 °F).")
    }

    /// (5) Myalgia and cramp score side by side, on the same scale.
    public static func legPain(_ run: RunData) -> NamedFigure {
        var myalgia = panel(run, "Aching muscles (myalgia): from cytokines", column: "myalgia_score", yLabel: "score (0–10)")
        var cramp = panel(run, "Cramps: from low K, Mg, Na and fluid", column: "cramp_score", yLabel: "score (0–10)")
        let top = ([myalgia, cramp].flatMap { $0.lines.flatMap(\.y) }.filter(\.isFinite).max() ?? 1)
        let shared = [0, max(1, min(10, top))]
        myalgia.yIncludes = shared
        cramp.yIncludes = shared
        let fig = Figure(title: "Two kinds of leg pain: aching vs cramping — \(run.name)",
                         subtitle: "Same scale in both panels. The ache follows the infection; the cramps follow the salts, so drinks change them.",
                         legend: armLegend(run), panels: [.xy(myalgia), .xy(cramp)], columns: 2, panelHeight: 340)
        return NamedFigure(fileName: "5-leg-pain.svg", figure: fig,
                           caption: "Left: the diffuse ache made by circulating cytokines. Right: the cramp score, computed only from plasma potassium, magnesium, sodium and extracellular volume (summary columns peak_myalgia_score, peak_cramp_score).")
    }

    /// (6) Cumulative intake and losses.
    public static func fluidBalance(_ run: RunData) -> NamedFigure {
        func sum(_ arm: RunData.Arm, _ cols: [String]) -> [Double]? {
            let series = cols.compactMap { arm.column($0) }
            guard series.count == cols.count, let n = series.map(\.count).min() else { return nil }
            return (0..<n).map { i in series.reduce(0) { $0 + $1[i] } }
        }
        let intake = ["cum_oral_intake_L", "cum_iv_intake_L"]
        let losses = ["cum_stool_L", "cum_urine_L", "cum_insensible_L", "cum_vomit_L"]
        var pIn = panel(run, "Drunk and infused", yLabel: "cumulative (L)") { sum($0, intake) }
        var pStool = panel(run, "Stool and vomit", yLabel: "cumulative (L)") { sum($0, ["cum_stool_L", "cum_vomit_L"]) }
        var pUrine = panel(run, "Urine", yLabel: "cumulative (L)") { $0.column("cum_urine_L") }
        var pNet = panel(run, "Net balance: in − out", yLabel: "balance (L)") { arm in
            guard let i = sum(arm, intake + ["cum_metabolic_water_L"]), let o = sum(arm, losses) else { return nil }
            return zip(i, o).map { $0 - $1 }
        }
        pIn.yIncludes = [0]
        pStool.yIncludes = [0]
        pUrine.yIncludes = [0]
        pNet.yIncludes = [0]
        pNet.references = [ReferenceLine(y: 0, color: Style.axis, label: "")]
        pUrine.markers = run.arms.enumerated().compactMap { i, arm in
            guard let t = arm.number("hours_to_oliguria"), let ts = arm.column(time), let u = arm.column("cum_urine_L"),
                  let v = interpolate(ts, u, at: t) else { return nil }
            return PointMarker(x: t, y: v, color: colors(run)[i], label: "\(arm.name): little urine (oliguria) from \(hours(t))")
        }
        let legend = armLegend(run) + [LegendItem("little urine for 6 h (oliguria)", color: Style.muted, symbol: .diamond)]
        let fig = Figure(title: "Fluid balance: what goes in and what comes out — \(run.name)",
                         subtitle: "Net = drinks + IV + water made by metabolism − (stool + vomit + urine + skin and breath). Below 0 means drying out.",
                         legend: legend, panels: [.xy(pIn), .xy(pStool), .xy(pUrine), .xy(pNet)], columns: 2, panelHeight: 310)
        return NamedFigure(fileName: "6-fluid-balance.svg", figure: fig,
                           caption: "Cumulative intake and losses. The kidneys save water when the body is dry, so urine flattens in a dehydrated arm; diamonds mark 6 h of very little urine (summary columns total_stool_L, total_oral_intake_L, total_urine_L, hours_to_oliguria).")
    }

    // MARK: helpers

    static func colors(_ run: RunData) -> [String] { ArmColors.assign(run.arms.map(\.name)) }

    static func armLegend(_ run: RunData) -> [LegendItem] {
        zip(run.arms, colors(run)).map { LegendItem($0.name, color: $1, symbol: .line(dash: .solid)) }
    }

    /// A time panel with one line per arm of `column`.
    static func panel(_ run: RunData, _ title: String, column: String, yLabel: String) -> Panel {
        panel(run, title, yLabel: yLabel) { $0.column(column) }
    }

    /// A time panel with one line per arm of `series(arm)`.
    static func panel(_ run: RunData, _ title: String, yLabel: String, series: (RunData.Arm) -> [Double]?) -> Panel {
        var p = Panel(title: title, xLabel: xLabel, yLabel: yLabel)
        p.xTickSteps = hourTickSteps
        p.xIncludes = [0]
        let cs = colors(run)
        let n = run.arms.count
        for (i, arm) in run.arms.enumerated() {
            guard let t = arm.column(time), let y = series(arm) else { continue }
            // Earlier arms are drawn wider, underneath: where arms coincide every colour still shows.
            let width = 2 + 1.1 * Double(min(n - 1 - i, 3))
            p.lines.append(LineSeries(name: arm.name, color: cs[i], x: t, y: y, width: width))
        }
        return p
    }

    /// Markers at (summary time, level) for every arm that has the time.
    static func markers(_ run: RunData, summaryKey: String, level: Double, what: String) -> [PointMarker] {
        let cs = colors(run)
        return run.arms.enumerated().compactMap { i, arm in
            arm.number(summaryKey).map { PointMarker(x: $0, y: level, color: cs[i], label: "\(arm.name): \(what) at \(hours($0))") }
        }
    }

    /// Linear interpolation of (t, v) at `x`; nil outside the samples.
    static func interpolate(_ t: [Double], _ v: [Double], at x: Double) -> Double? {
        let n = min(t.count, v.count)
        guard n > 0, x >= t[0], x <= t[n - 1] else { return nil }
        for i in 1..<max(n, 2) where i < n && t[i] >= x {
            let f = t[i] > t[i - 1] ? (x - t[i - 1]) / (t[i] - t[i - 1]) : 1
            return v[i - 1] + f * (v[i] - v[i - 1])
        }
        return v[n - 1]
    }

    /// `14 h`, `2.5 h`.
    static func hours(_ h: Double) -> String {
        h >= 9.95 ? NiceTicks.fixed(h, decimals: 0) + " h" : NiceTicks.fixed(h, decimals: 1) + " h"
    }
}
