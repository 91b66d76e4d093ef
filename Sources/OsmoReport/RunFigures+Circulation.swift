import OsmoPlot
import OsmoPhysiology

/// (7) The circulation (issue 12): pulse, pressure, the change on standing, haematocrit.
extension RunFigures {
    /// A diamond on each arm's `column` line at the summary time `summaryKey`.
    static func markersOnLine(_ run: RunData, summaryKey: String, column: String, what: String) -> [PointMarker] {
        run.arms.enumerated().compactMap { i, arm in
            guard let t = arm.number(summaryKey), let ts = arm.column(time), let y = arm.column(column),
                  let v = interpolate(ts, y, at: t) else { return nil }
            return PointMarker(x: t, y: v, color: colors(run)[i], label: "\(arm.name): \(what) at \(hours(t))")
        }
    }

    public static func circulation(_ run: RunData) -> NamedFigure {
        var hr = panel(run, "Pulse lying down", column: "heart_rate_bpm", yLabel: "heart rate (beats/min)")
        hr.markers = markersOnLine(run, summaryKey: "hours_to_tachycardia", column: "heart_rate_bpm", what: "rapid pulse")
        var sbp = panel(run, "Systolic blood pressure lying down", column: "systolic_mmHg", yLabel: "systolic (mmHg)")
        sbp.references = [ReferenceLine(y: 90, color: Style.bandRed, label: "90 mmHg: adult shock")]
        sbp.markers = markersOnLine(run, summaryKey: "hours_to_shock", column: "systolic_mmHg", what: "shock")
        var rise = panel(run, "Pulse rise on standing", column: "orthostatic_hr_rise_bpm", yLabel: "rise (beats/min)")
        rise.references = [ReferenceLine(y: Circulation.posturalPulseRiseBpm, color: Style.bandOrange, label: "+30: dizzy on standing")]
        rise.markers = markersOnLine(run, summaryKey: "hours_to_dizziness", column: "orthostatic_hr_rise_bpm", what: "dizziness on standing")
        rise.yIncludes = [0, 35]
        let hct = panel(run, "Haematocrit (red-cell fraction of blood)", column: "haematocrit", yLabel: "haematocrit")
        let legend = armLegend(run) + [LegendItem("warning sign first reached", color: Style.muted, symbol: .diamond)]
        let fig = Figure(title: "Pulse and blood pressure: the bedside signs — \(run.name)",
                         subtitle: "Less plasma means less blood: the heart beats faster to hold the pressure, standing shows it first, the pressure falls last.",
                         legend: legend, panels: [.xy(hr), .xy(sbp), .xy(rise), .xy(hct)], columns: 2, panelHeight: 310)
        return NamedFigure(fileName: "7-circulation.svg", figure: fig,
                           caption: "The circulation under the baroreflex. Diamonds: dizziness on standing (pulse +30 or systolic −20), a rapid pulse for the age, and shock (systolic below the age's limit) — summary columns hours_to_dizziness, hours_to_tachycardia, hours_to_shock.")
    }
}
