/// Layout and drawing of a ``Figure``.
extension Figure {
    static let margin = 16.0
    static let titleSize = 20.0
    static let subtitleSize = 13.5
    static let legendSize = 13.5
    static let legendRow = 24.0

    /// The figure as an SVG document.
    public func svg() -> SVGDocument {
        let legendRows = Self.legendLayout(legend, width: width - 2 * Self.margin)
        var y = Self.margin + Self.titleSize
        let titleY = y
        var subtitleY: Double?
        if !subtitle.isEmpty {
            y += 22
            subtitleY = y
        }
        let legendTop = y + 12
        y = legendTop + Double(legendRows.count) * Self.legendRow + 4
        let gridTop = y
        let rows = (panels.count + columns - 1) / columns
        let height = gridTop + Double(rows) * panelHeight + Self.margin / 2
        var doc = SVGDocument(width: width, height: height, title: title)
        doc.text(title, x: Self.margin, y: titleY, size: Self.titleSize, bold: true)
        if let subtitleY { doc.text(subtitle, x: Self.margin, y: subtitleY, size: Self.subtitleSize, fill: Style.muted) }
        drawLegend(&doc, rows: legendRows, top: legendTop)
        let cellWidth = (width - 2 * Self.margin) / Double(columns)
        for (i, content) in panels.enumerated() {
            let cx = Self.margin + Double(i % columns) * cellWidth
            let cy = gridTop + Double(i / columns) * panelHeight
            switch content {
            case .xy(let p): p.draw(into: &doc, x: cx, y: cy, width: cellWidth, height: panelHeight)
            case .bars(let b): b.draw(into: &doc, x: cx, y: cy, width: cellWidth, height: panelHeight)
            }
        }
        return doc
    }

    /// Legend items placed left to right, wrapping: rows of (item, x offset).
    static func legendLayout(_ items: [LegendItem], width: Double) -> [[(LegendItem, Double)]] {
        var rows: [[(LegendItem, Double)]] = []
        var row: [(LegendItem, Double)] = []
        var x = 0.0
        for item in items {
            let w = 30 + Style.textWidth(item.label, size: legendSize) + 22
            if x + w > width && !row.isEmpty {
                rows.append(row)
                row = []
                x = 0
            }
            row.append((item, x))
            x += w
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    func drawLegend(_ doc: inout SVGDocument, rows: [[(LegendItem, Double)]], top: Double) {
        for (r, row) in rows.enumerated() {
            let cy = top + Double(r) * Self.legendRow + Self.legendRow / 2
            for (item, dx) in row {
                let x = Self.margin + dx
                switch item.symbol {
                case .line(let dash):
                    doc.line(x1: x, y1: cy, x2: x + 24, y2: cy, stroke: item.color, width: 3, dash: dash)
                case .box(let opacity):
                    doc.rect(x: x, y: cy - 7, width: 24, height: 14, fill: item.color, opacity: opacity, stroke: item.color, strokeWidth: 0.75)
                case .diamond:
                    doc.polygon(diamond(x + 12, cy, 6.5), fill: item.color, stroke: "#ffffff", strokeWidth: 1)
                case .dot:
                    doc.circle(cx: x + 12, cy: cy, r: 4.5, fill: item.color)
                }
                doc.text(item.label, x: x + 30, y: cy + 4.5, size: Self.legendSize)
            }
        }
    }
}

/// The points of a diamond centred at (x, y) with half-diagonal r.
func diamond(_ x: Double, _ y: Double, _ r: Double) -> [(Double, Double)] {
    [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}

/// Drawing constants shared by the panel kinds.
enum PanelStyle {
    static let titleSize = 15.0
    static let tickSize = 12.5
    static let labelSize = 13.5
    static let bandLabelSize = 11.5
    /// Most points drawn per line: longer series are thinned evenly (the extremes of each stretch are kept).
    static let maxPointsPerLine = 1200
}

extension Panel {
    /// The y range of the data, band edges and `yIncludes`, and x range of the data and `xIncludes`.
    func extents() -> (x: (Double, Double)?, y: (Double, Double)?) {
        var xs: [Double] = xIncludes, ys: [Double] = yIncludes
        for l in lines {
            for (a, b) in zip(l.x, l.y) where a.isFinite && b.isFinite {
                xs.append(a)
                ys.append(b)
            }
        }
        for s in scatters {
            for (a, b) in zip(s.x, s.y) where a.isFinite && b.isFinite {
                xs.append(a)
                ys.append(b)
            }
        }
        for b in bands {
            if b.from.isFinite { ys.append(b.from) }
            if b.to.isFinite { ys.append(b.to) }
        }
        for r in references where r.y.isFinite { ys.append(r.y) }
        for m in markers where m.x.isFinite && m.y.isFinite {
            xs.append(m.x)
            ys.append(m.y)
        }
        let x = xs.isEmpty ? nil : (xs.min()!, xs.max()!)
        let y = ys.isEmpty ? nil : (ys.min()!, ys.max()!)
        return (x, y)
    }

    func draw(into doc: inout SVGDocument, x x0: Double, y y0: Double, width w: Double, height h: Double) {
        doc.comment("panel: \(title)")
        doc.text(title, x: x0 + 4, y: y0 + 20, size: PanelStyle.titleSize, bold: true)
        let (xe, ye) = extents()
        guard let xe, let ye, !(lines.isEmpty && scatters.isEmpty) else {
            doc.rect(x: x0 + 4, y: y0 + 32, width: w - 16, height: h - 48, fill: "#f6f6f6", stroke: Style.grid)
            doc.text("no data", x: x0 + w / 2, y: y0 + h / 2, size: PanelStyle.labelSize, anchor: .middle, fill: Style.muted)
            return
        }
        let yAxis = NiceTicks.axis(lo: ye.0, hi: ye.1, maxTicks: 6)
        let xAxis = NiceTicks.axis(lo: xe.0, hi: xe.1, maxTicks: max(3, Int(w / 95)), candidates: xTickSteps)
        let xDomain = xNiceDomain ? (xAxis.lo, xAxis.hi) : (xe.0, xe.1 > xe.0 ? xe.1 : xe.0 + 1)
        let xTicks = xNiceDomain ? xAxis.ticks : NiceTicks.ticks(lo: xDomain.0, hi: xDomain.1, step: xAxis.step)
        let yLabels = yAxis.ticks.map { NiceTicks.label($0, step: yAxis.step) }
        let labelWidth = yLabels.map { Style.textWidth($0, size: PanelStyle.tickSize) }.max() ?? 20
        let left = x0 + 30 + labelWidth + 6, right = x0 + w - 18
        let top = y0 + 34, bottom = y0 + h - 52
        let sx = LinearScale(domain: xDomain, range: (left, right))
        let sy = LinearScale(domain: (yAxis.lo, yAxis.hi), range: (bottom, top))

        // Bands, then grid, then data: the bands sit behind everything.
        for b in bands {
            let lo = max(min(b.from, b.to), yAxis.lo), hi = min(max(b.from, b.to), yAxis.hi)
            guard hi > lo else { continue }
            doc.rect(x: left, y: sy(hi), width: right - left, height: sy(lo) - sy(hi), fill: b.color, opacity: b.opacity)
            if !b.label.isEmpty && sy(lo) - sy(hi) >= 14 {
                doc.text(b.label, x: right - 5, y: sy(hi) + 13, size: PanelStyle.bandLabelSize, anchor: .end, fill: Style.muted)
            }
        }
        for (t, label) in zip(yAxis.ticks, yLabels) {
            doc.line(x1: left, y1: sy(t), x2: right, y2: sy(t), stroke: Style.grid, width: 1)
            doc.text(label, x: left - 7, y: sy(t) + 4.3, size: PanelStyle.tickSize, anchor: .end, fill: Style.muted)
        }
        for t in xTicks {
            doc.line(x1: sx(t), y1: top, x2: sx(t), y2: bottom, stroke: Style.grid, width: 1)
            doc.line(x1: sx(t), y1: bottom, x2: sx(t), y2: bottom + 5, stroke: Style.axis, width: 1)
            doc.text(NiceTicks.label(t, step: xAxis.step), x: sx(t), y: bottom + 19, size: PanelStyle.tickSize, anchor: .middle, fill: Style.muted)
        }
        for r in references {
            guard r.y >= yAxis.lo && r.y <= yAxis.hi else { continue }
            doc.line(x1: left, y1: sy(r.y), x2: right, y2: sy(r.y), stroke: r.color, width: 1.25, dash: .dashed)
            if !r.label.isEmpty {
                doc.text(r.label, x: left + 5, y: sy(r.y) - 4, size: PanelStyle.bandLabelSize, fill: r.color)
            }
        }
        for s in scatters {
            for (a, b) in zip(s.x, s.y) where a.isFinite && b.isFinite {
                doc.circle(cx: sx(a), cy: sy(b), r: s.radius, fill: s.color, opacity: 0.6)
            }
        }
        for l in lines {
            for run in Self.finiteRuns(l.x, l.y) {
                let pts = Self.thinned(run, max: PanelStyle.maxPointsPerLine).map { (sx($0.0), sy($0.1)) }
                if pts.count == 1 {
                    doc.circle(cx: pts[0].0, cy: pts[0].1, r: l.width, fill: l.color)
                } else {
                    doc.polyline(pts, stroke: l.color, width: l.width, dash: l.dash, tooltip: l.name)
                }
            }
        }
        for m in markers where m.x.isFinite && m.y.isFinite {
            let (px, py) = (sx(m.x), sy(m.y))
            doc.line(x1: px, y1: py, x2: px, y2: bottom, stroke: m.color, width: 1.25, dash: .dotted, opacity: 0.8)
            doc.polygon(diamond(px, py, 7), fill: m.color, stroke: "#ffffff", strokeWidth: 1.5)
            doc.comment("marker: \(m.label)")
        }
        // Axes and their titles.
        doc.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Style.axis, width: 1.25)
        doc.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Style.axis, width: 1.25)
        doc.text(xLabel, x: (left + right) / 2, y: bottom + 40, size: PanelStyle.labelSize, anchor: .middle, fill: Style.ink)
        doc.text(yLabel, x: x0 + 16, y: (top + bottom) / 2, size: PanelStyle.labelSize, anchor: .middle, fill: Style.ink, rotate: -90)
    }

    /// The stretches of consecutive finite points.
    static func finiteRuns(_ x: [Double], _ y: [Double]) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = []
        var run: [(Double, Double)] = []
        for (a, b) in zip(x, y) {
            if a.isFinite && b.isFinite {
                run.append((a, b))
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    /// At most about `max` points: the series is cut into `max / 2` stretches and each keeps its lowest
    /// and highest point (in time order), so peaks survive; the last point is always kept.
    static func thinned(_ pts: [(Double, Double)], max: Int) -> [(Double, Double)] {
        guard pts.count > max, max >= 4 else { return pts }
        let buckets = max / 2
        var out: [(Double, Double)] = []
        out.reserveCapacity(max + 1)
        for b in 0..<buckets {
            let lo = b * pts.count / buckets, hi = (b + 1) * pts.count / buckets
            guard hi > lo else { continue }
            var iMin = lo, iMax = lo
            for i in lo..<hi {
                if pts[i].1 < pts[iMin].1 { iMin = i }
                if pts[i].1 > pts[iMax].1 { iMax = i }
            }
            if iMin == iMax { out.append(pts[iMin]) } else {
                out.append(pts[Swift.min(iMin, iMax)])
                out.append(pts[Swift.max(iMin, iMax)])
            }
        }
        if out.last!.0 != pts.last!.0 { out.append(pts.last!) }
        return out
    }
}

extension BarPanel {
    func draw(into doc: inout SVGDocument, x x0: Double, y y0: Double, width w: Double, height h: Double) {
        doc.comment("panel: \(title)")
        doc.text(title, x: x0 + 4, y: y0 + 20, size: PanelStyle.titleSize, bold: true)
        var xs = xIncludes
        for g in groups {
            xs += g.values.filter(\.isFinite)
            xs += (g.lower ?? []).filter(\.isFinite)
            xs += (g.upper ?? []).filter(\.isFinite)
        }
        guard !categories.isEmpty, !groups.isEmpty, let lo = xs.min(), let hi = xs.max() else {
            doc.text("no data", x: x0 + w / 2, y: y0 + h / 2, size: PanelStyle.labelSize, anchor: .middle, fill: Style.muted)
            return
        }
        let axis = NiceTicks.axis(lo: lo, hi: hi, maxTicks: max(3, Int(w / 110)))
        let labelWidth = categories.map { Style.textWidth($0, size: PanelStyle.labelSize) }.max() ?? 40
        let left = x0 + min(labelWidth + 14, w * 0.45), right = x0 + w - 18
        let top = y0 + 34, bottom = y0 + h - 52
        let sx = LinearScale(domain: (axis.lo, axis.hi), range: (left, right))
        for t in axis.ticks {
            doc.line(x1: sx(t), y1: top, x2: sx(t), y2: bottom, stroke: Style.grid, width: 1)
            doc.text(NiceTicks.label(t, step: axis.step), x: sx(t), y: bottom + 19, size: PanelStyle.tickSize, anchor: .middle, fill: Style.muted)
        }
        let rowHeight = (bottom - top) / Double(categories.count)
        let barHeight = min(22, rowHeight * 0.8 / Double(groups.count))
        let zero = sx(min(max(0, axis.lo), axis.hi))
        for (c, name) in categories.enumerated() {
            let rowTop = top + Double(c) * rowHeight
            let mid = rowTop + rowHeight / 2
            doc.text(name, x: left - 8, y: mid + 4.5, size: PanelStyle.labelSize, anchor: .end)
            let groupTop = mid - barHeight * Double(groups.count) / 2
            for (g, group) in groups.enumerated() {
                guard c < group.values.count, group.values[c].isFinite else { continue }
                let v = group.values[c]
                let by = groupTop + Double(g) * barHeight
                let (a, b) = (min(zero, sx(v)), max(zero, sx(v)))
                doc.rect(x: a, y: by + 1, width: b - a, height: barHeight - 2, fill: group.color,
                         tooltip: "\(name) — \(group.name): \(NiceTicks.fixed(v, decimals: 3))")
                if let l = group.lower?[safe: c], let u = group.upper?[safe: c], l.isFinite, u.isFinite {
                    let cy = by + barHeight / 2
                    doc.line(x1: sx(l), y1: cy, x2: sx(u), y2: cy, stroke: Style.ink, width: 1.5)
                    doc.line(x1: sx(l), y1: cy - 4, x2: sx(l), y2: cy + 4, stroke: Style.ink, width: 1.5)
                    doc.line(x1: sx(u), y1: cy - 4, x2: sx(u), y2: cy + 4, stroke: Style.ink, width: 1.5)
                }
            }
        }
        doc.line(x1: zero, y1: top, x2: zero, y2: bottom, stroke: Style.axis, width: 1.25)
        doc.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Style.axis, width: 1.25)
        doc.text(xLabel, x: (left + right) / 2, y: bottom + 40, size: PanelStyle.labelSize, anchor: .middle)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
