/// Figures for parameter sweeps, from plain arrays, so that any sweep or sensitivity tool can use them.
public enum SweepCharts {
    /// A tornado chart of Sobol indices: one row per parameter, sorted by total index (largest on
    /// top), a bar for the first-order index S₁ and one for the total index Sₜ, each with its
    /// confidence interval as a whisker when given.
    ///
    /// - Parameters:
    ///   - names: parameter names.
    ///   - firstOrder, total: S₁ and Sₜ per parameter (same order as `names`).
    ///   - firstOrderCI, totalCI: (lower, upper) per parameter, or nil.
    ///   - outcome: the output the indices are about, e.g. `peak_weight_loss_pct`.
    ///   - limit: at most this many parameters are shown (the most influential).
    public static func tornado(names: [String], firstOrder: [Double], total: [Double],
                               firstOrderCI: [(Double, Double)]? = nil, totalCI: [(Double, Double)]? = nil,
                               outcome: String, limit: Int = 20) -> Figure {
        let n = min(names.count, firstOrder.count, total.count)
        let order = (0..<n).sorted { a, b in
            let (ta, tb) = (total[a].isFinite ? total[a] : -1, total[b].isFinite ? total[b] : -1)
            return ta != tb ? ta > tb : names[a] < names[b]
        }.prefix(limit)
        func pick(_ v: [Double]) -> [Double] { order.map { v[$0] } }
        func ends(_ ci: [(Double, Double)]?) -> ([Double]?, [Double]?) {
            guard let ci, ci.count >= n else { return (nil, nil) }
            return (order.map { ci[$0].0 }, order.map { ci[$0].1 })
        }
        let (l1, u1) = ends(firstOrderCI), (lt, ut) = ends(totalCI)
        let first = BarGroup(name: "first-order S₁", color: "#9ecae1", values: pick(firstOrder), lower: l1, upper: u1)
        let tot = BarGroup(name: "total Sₜ", color: "#08519c", values: pick(total), lower: lt, upper: ut)
        var panel = BarPanel(title: "Sobol indices for \(outcome)", categories: order.map { names[$0] },
                             groups: [first, tot], xLabel: "Sobol index (fraction of output variance)")
        panel.xIncludes = [0, 1]
        var legend = [LegendItem("first-order S₁ (this parameter alone)", color: first.color, symbol: .box(opacity: 1)),
                      LegendItem("total Sₜ (with its interactions)", color: tot.color, symbol: .box(opacity: 1))]
        if firstOrderCI != nil || totalCI != nil {
            legend.append(LegendItem("confidence interval", color: Style.ink, symbol: .line(dash: .solid)))
        }
        return Figure(title: "Which parameters matter for \(outcome)?",
                      subtitle: "Sorted by total index; a long dark bar with a short light one means the effect works through interactions.",
                      legend: legend, panels: [.bars(panel)], columns: 1,
                      panelHeight: max(260, 90 + 46 * Double(order.count)))
    }

    /// Outcome-vs-parameter scatter plots, one panel per parameter, `columns` per row.
    ///
    /// - Parameters:
    ///   - parameters: (name, value of that parameter in each run).
    ///   - outcome: (name with unit, outcome of each run), same run order.
    ///   - pointColors: a colour per run (e.g. by arm), or nil for `color`; give `legend` to explain them.
    public static func scatter(parameters: [(name: String, values: [Double])], outcome: (name: String, values: [Double]),
                               columns: Int = 3, color: String = Style.palette[0], pointColors: [String]? = nil,
                               legend: [LegendItem] = []) -> Figure {
        let panels: [Figure.Content] = parameters.map { p in
            var panel = Panel(title: p.name, xLabel: p.name, yLabel: outcome.name)
            if let pointColors, pointColors.count == outcome.values.count {
                var order: [String] = []
                for c in pointColors where !order.contains(c) { order.append(c) }
                panel.scatters = order.map { c in
                    let idx = pointColors.indices.filter { pointColors[$0] == c && $0 < p.values.count }
                    return ScatterSeries(name: p.name, color: c, x: idx.map { p.values[$0] }, y: idx.map { outcome.values[$0] }, radius: 3)
                }
            } else {
                panel.scatters = [ScatterSeries(name: p.name, color: color, x: p.values, y: outcome.values, radius: 3)]
            }
            return .xy(panel)
        }
        let cols = max(1, min(columns, parameters.count))
        return Figure(title: "\(outcome.name) against each parameter",
                      subtitle: "One dot per run of the sweep; a clear trend means the parameter matters on its own.",
                      legend: legend, panels: panels, columns: cols, panelHeight: 290)
    }
}
