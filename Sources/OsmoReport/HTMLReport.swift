import OsmoPlot
import OsmoScenario

/// What the report says about the scenario besides the run itself.
public struct ReportContext: Sendable {
    public var title: String
    public var description: String
    /// Short facts: `patient: 70 kg, 30 y, male`, `duration: 72 h`.
    public var facts: [String]
    /// Arm name → what the arm does.
    public var armDescriptions: [String: String]
    /// e.g. `osmo 0.1.0 report Scenarios/norovirus-adult.yaml`
    public var generator: String

    public init(title: String, description: String = "", facts: [String] = [], armDescriptions: [String: String] = [:], generator: String = "osmo") {
        self.title = title
        self.description = description
        self.facts = facts
        self.armDescriptions = armDescriptions
        self.generator = generator
    }

    /// From a validated scenario.
    public init(scenario s: Scenario, generator: String) {
        let p = s.patient
        let age = p.ageYears >= 2 ? NiceTicks.fixed(p.ageYears, decimals: 0) + " y" : NiceTicks.fixed(p.ageYears * 12, decimals: 0) + " months"
        let facts = [
            "patient: \(NiceTicks.fixed(p.weightKg, decimals: p.weightKg < 20 ? 1 : 0)) kg, \(age), \(p.sex.rawValue)",
            "duration: \(RunFigures.hours(s.durationH))",
            "arms: \(s.arms.map(\.name).joined(separator: ", "))",
            "file: \(s.file)",
        ]
        self.init(title: s.name, description: s.description, facts: facts,
                  armDescriptions: Dictionary(s.arms.map { ($0.name, $0.description) }, uniquingKeysWith: { a, _ in a }),
                  generator: generator)
    }
}

/// The self-contained HTML report: inline CSS and SVG, no scripts, nothing fetched.
public enum HTMLReport {
    /// The comparison table's columns: summary key, header, decimals.
    public static let tableColumns: [(key: String, header: String, decimals: Int)] = [
        ("peak_weight_loss_pct", "peak weight loss (%)", 1),
        ("min_na_plasma_mmol_L", "lowest Na (mmol/L)", 1),
        ("min_k_plasma_mmol_L", "lowest K (mmol/L)", 2),
        ("min_mg_plasma_mmol_L", "lowest Mg (mmol/L)", 2),
        ("peak_temperature_C", "highest temperature (°C)", 1),
        ("peak_myalgia_score", "peak ache (0–10)", 1),
        ("peak_cramp_score", "peak cramp (0–10)", 1),
        ("total_stool_L", "stool (L)", 2),
        ("total_oral_intake_L", "drunk (L)", 2),
        ("total_iv_intake_L", "IV (L)", 2),
        ("total_urine_L", "urine (L)", 2),
    ]

    /// The whole page.
    public static func render(context: ReportContext, run: RunData, figures: [NamedFigure]) -> String {
        let colors = ArmColors.assign(run.arms.map(\.name))
        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(context.title)) — osmo report</title>
            <style>\(css)</style>
            </head>
            <body>
            <main>
            <header>
            <p class="kicker">osmo simulation report</p>
            <h1>\(esc(context.title))</h1>

            """
        if !context.description.isEmpty { h += "<p class=\"lead\">\(esc(context.description))</p>\n" }
        if !context.facts.isEmpty {
            h += "<ul class=\"facts\">" + context.facts.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n"
        }
        h += "</header>\n"

        // The arms and the comparison table.
        h += "<section id=\"comparison\">\n<h2>The arms compared</h2>\n"
        h += "<div class=\"scroll\"><table class=\"comparison\">\n<thead><tr><th>arm</th>"
        for c in tableColumns { h += "<th>\(esc(c.header))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for (i, arm) in run.arms.enumerated() {
            let desc = context.armDescriptions[arm.name].map { $0.isEmpty ? "" : "<div class=\"armdesc\">\(esc($0))</div>" } ?? ""
            h += "<tr><th scope=\"row\"><span class=\"armname\">\(swatch(colors[i]))\(esc(arm.name))</span>\(desc)</th>"
            for c in tableColumns {
                h += "<td>\(arm.number(c.key).map { NiceTicks.fixed($0, decimals: c.decimals) } ?? "–")</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table></div>\n"
        h += "<p class=\"note\">From <code>summary.csv</code>: peaks and minima over the whole run, totals at the end.</p>\n</section>\n"

        // Warning signs.
        h += "<section id=\"warnings\">\n<h2>Warning signs, in the order they appear</h2>\n<ul class=\"timeline\">\n"
        for (i, arm) in run.arms.enumerated() {
            let events = WarningTimeline.events(arm)
            h += "<li>\(swatch(colors[i]))<strong>\(esc(arm.name))</strong>: "
            h += events.isEmpty ? "<span class=\"none\">\(esc(WarningTimeline.phrase(arm)))</span>" : esc(WarningTimeline.phrase(arm))
            h += "</li>\n"
        }
        h += "</ul>\n<p class=\"note\">Thresholds: weight loss ≥ 5 % (moderate) and ≥ 10 % (severe); urine below 0.5 mL/kg/h for 6 h; "
        h += "temperature ≥ 38.9 °C (102 °F); Na &lt; 135, K &lt; 3.5, Mg &lt; 0.7 mmol/L; diarrhea lasting more than 48 h. "
        h += "An adult with any of these, or with blood or black colour in the stool or severe abdominal pain, should see a doctor.</p>\n</section>\n"

        // Figures.
        h += "<section id=\"figures\">\n<h2>Figures</h2>\n"
        for (i, f) in figures.enumerated() {
            h += "<figure id=\"figure-\(i + 1)\">\n"
            h += f.figure.svg().render(standalone: false)
            h += "<figcaption><strong>Figure \(i + 1).</strong> \(esc(f.caption))</figcaption>\n</figure>\n"
        }
        h += "</section>\n"

        // Assumptions.
        h += "<section id=\"assumptions\">\n<h2>What the model assumes and leaves out</h2>\n<ul>\n"
        for a in ModelAssumptions.items { h += "<li>\(esc(a))</li>\n" }
        h += "</ul>\n</section>\n"
        h += "<footer>Made by <code>\(esc(context.generator))</code>. A teaching model, not medical advice.</footer>\n"
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    static func esc(_ s: String) -> String { XMLText.escape(s) }

    static func swatch(_ color: String) -> String {
        "<span class=\"swatch\" style=\"background:\(esc(color))\"></span>"
    }

    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f4f5f7; color: #222; font: 16px/1.5 "DejaVu Sans", Helvetica, Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
        .kicker { margin: 0; color: #0072B2; font-size: 13px; letter-spacing: .08em; text-transform: uppercase; }
        h1 { margin: 4px 0 8px; font-size: 30px; }
        h2 { margin: 36px 0 12px; font-size: 22px; border-bottom: 2px solid #e3e3e3; padding-bottom: 4px; }
        .lead { font-size: 17px; margin: 0 0 10px; }
        .facts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 10px; }
        .facts li { background: #eef3f8; border-radius: 4px; padding: 2px 10px; font-size: 14px; }
        .scroll { overflow-x: auto; }
        table.comparison { border-collapse: collapse; font-size: 13.5px; width: 100%; }
        table.comparison th, table.comparison td { border: 1px solid #d6d6d6; padding: 5px 6px; text-align: right; vertical-align: top; }
        table.comparison thead th { background: #f0f2f5; font-weight: 600; text-align: center; }
        table.comparison tbody th { text-align: left; width: 28%; }
        .armname { white-space: nowrap; }
        .armdesc { font-weight: normal; color: #555; font-size: 13px; margin-top: 2px; }
        table.comparison tbody tr:nth-child(even) { background: #fafbfc; }
        .swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; margin-right: 7px; vertical-align: -2px; }
        .timeline { padding-left: 0; list-style: none; }
        .timeline li { margin: 6px 0; padding: 8px 12px; background: #fafbfc; border-left: 4px solid #d6d6d6; }
        .none { color: #2a7d46; font-weight: 600; }
        .note { color: #555; font-size: 14px; }
        figure { margin: 22px 0 30px; }
        figure svg { display: block; max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
        figcaption { font-size: 14px; color: #444; margin-top: 6px; }
        code { font-size: 14px; background: #f0f2f5; padding: 0 4px; border-radius: 3px; }
        footer { margin-top: 36px; color: #666; font-size: 13px; }
        """
}
