import Foundation
import OsmoPlot
import OsmoReport
import OsmoScenario

/// The answer of `POST /api/run`: what `osmo report` shows, as data. Summary cells are the exact
/// `summary.csv` text; figures are the six SVGs of `osmo report`, drawn by ``RunFigures``.
public struct RunReport: Codable, Sendable {
    public struct Column: Codable, Sendable {
        public var key: String
        public var header: String
        public var decimals: Int
    }
    public struct Event: Codable, Sendable {
        public var phrase: String
        /// h
        public var hours: Double
    }
    public struct Arm: Codable, Sendable {
        public var name: String
        public var color: String
        public var description: String
        /// `summary.csv` column → cell, exactly as `osmo run` writes it.
        public var summary: [String: String]
        /// The comparison table's cells (``HTMLReport/tableColumns`` order, fixed decimals; `–` = none).
        public var table: [String]
        /// The warning signs in plain language, in order (`none` when there are none).
        public var warnings: String
        public var events: [Event]
    }
    public struct FigureSVG: Codable, Sendable {
        public var file: String
        public var caption: String
        public var svg: String
    }
    public struct Timing: Codable, Sendable {
        public var simulate_ms: Double
        public var draw_ms: Double
    }

    public var name: String
    public var summary_columns: [String]
    public var table_columns: [Column]
    public var arms: [Arm]
    /// Empty when `figures` was not asked for.
    public var figures: [FigureSVG]
    public var timing: Timing

    /// Runs `scenario` with the same runner as `osmo run` and draws it with the same figures as `osmo report`.
    /// `draw` is asked after the run: when it says no (a newer request came), no figures are drawn.
    public static func make(_ scenario: Scenario, draw: () -> Bool = { true }) -> RunReport {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let results = ScenarioRunner.run(scenario)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let run = RunData(name: scenario.name, results: results)
        let figures = draw() ? RunFigures.all(run).map {
            FigureSVG(file: $0.fileName, caption: $0.caption, svg: $0.figure.svg().render(standalone: false))
        } : []
        let t2 = DispatchTime.now().uptimeNanoseconds
        return RunReport(scenario: scenario, run: run, figures: figures,
                         timing: Timing(simulate_ms: Double(t1 - t0) / 1e6, draw_ms: Double(t2 - t1) / 1e6))
    }

    init(scenario: Scenario, run: RunData, figures: [FigureSVG], timing: Timing) {
        let colors = ArmColors.assign(run.arms.map(\.name))
        let descriptions = Dictionary(scenario.arms.map { ($0.name, $0.description) }, uniquingKeysWith: { a, _ in a })
        name = scenario.name
        summary_columns = SummaryWriter.columns
        table_columns = HTMLReport.tableColumns.map { Column(key: $0.key, header: $0.header, decimals: $0.decimals) }
        arms = run.arms.enumerated().map { i, arm in
            Arm(name: arm.name, color: colors[i], description: descriptions[arm.name] ?? "", summary: arm.summary,
                table: HTMLReport.tableColumns.map { c in arm.number(c.key).map { NiceTicks.fixed($0, decimals: c.decimals) } ?? "–" },
                warnings: WarningTimeline.phrase(arm),
                events: WarningTimeline.events(arm).map { Event(phrase: $0.phrase, hours: $0.hours) })
        }
        self.figures = figures
        self.timing = timing
    }
}
