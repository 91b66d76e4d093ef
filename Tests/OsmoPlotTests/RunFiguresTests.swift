import Foundation
import Testing
@testable import OsmoPlot
@testable import OsmoReport

@Suite struct RunFiguresTests {
    @Test func sixFiguresWithTitlesLegendsAndUnits() throws {
        let run = syntheticRun()
        let figures = RunFigures.all(run)
        #expect(figures.map(\.fileName) == ["1-weight-loss.svg", "2-compartments.svg", "3-electrolytes.svg",
                                            "4-inflammation.svg", "5-leg-pain.svg", "6-fluid-balance.svg",
                                            "7-circulation.svg"])
        let expectedText: [[String]] = [
            ["Weight loss", "moderate dehydration (≥ 5 %)", "severe dehydration (≥ 10 %)", "weight loss (% of starting weight)"],
            ["Plasma", "Interstitial", "Inside cells", "volume (L)"],
            ["Sodium (Na)", "Potassium (K)", "Magnesium (Mg)", "normal 135–145", "Na (mmol/L)", "K (mmol/L)", "normal range"],
            ["TNF", "IL-6", "IL-10", "temperature (°C)", "TNF (pg/mL)"],
            ["myalgia", "Cramps", "score (0–10)"],
            ["Drunk and infused", "Stool and vomit", "Urine", "Net balance", "cumulative (L)"],
            ["Pulse lying down", "Systolic blood pressure", "Pulse rise on standing", "Haematocrit"],
        ]
        for (f, texts) in zip(figures, expectedText) {
            let svg = f.figure.svg().render()
            let check = XMLCheck.parse(svg)
            #expect(check.error == nil, "\(f.fileName): \(String(describing: check.error))")
            for t in texts + ["time (h)", "untreated", "ors", "sports-drink", "synthetic <test> & co"] {
                #expect(check.text.contains(t), "\(f.fileName) lacks \(t)")
            }
            // One line per arm per panel, in the arm's colour.
            for c in ArmColors.assign(run.arms.map(\.name)) { #expect(svg.contains("stroke=\"\(c)\""), "\(f.fileName) lacks \(c)") }
            #expect(!svg.contains("no data"), "\(f.fileName) has an empty panel")
        }
    }

    @Test func warningTimesAreMarked() {
        let run = syntheticRun()
        let weight = RunFigures.weightLoss(run).figure.svg().render()
        #expect(weight.contains("marker: untreated: moderate dehydration at 21 h"))
        #expect(RunFigures.electrolytes(run).figure.svg().render().contains("marker: untreated: hypokalemia (K &lt; 3.5) at 11 h"))
        #expect(RunFigures.inflammation(run).figure.svg().render().contains("fever above 102 °F at 13 h"))
        #expect(RunFigures.fluidBalance(run).figure.svg().render().contains("little urine (oliguria) from 30 h"))
    }

    @Test func aMissingColumnGivesAnEmptyPanelNotACrash() {
        var run = syntheticRun()
        for i in run.arms.indices { run.arms[i].columns["mg_plasma_mmol_L"] = nil }
        let svg = RunFigures.electrolytes(run).figure.svg().render()
        #expect(svg.contains("no data"))
        #expect(XMLCheck.parse(svg).error == nil)
    }

    @Test func armColoursAreStableAndDistinct() {
        let a = ArmColors.assign(["untreated", "ors", "sports-drink"])
        let b = ArmColors.assign(["ors", "my own drink", "untreated", "another"])
        #expect(a[1] == b[0] && a[0] == b[2])
        #expect(Set(b).count == 4)
        #expect(Set(ArmColors.assign((0..<8).map { "arm \($0)" })).count == 8)
    }

    @Test func writesSixFilesAndReadsARunDirectory() throws {
        let dir = temporaryDirectory("plot")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A run directory as `osmo run` writes it, with a quoted arm name.
        let run = syntheticRun(arms: ["untreated", "ors, cold"])
        let cols = ["time_h", "weight_loss_pct", "na_plasma_mmol_L"]
        var ts = "arm," + cols.joined(separator: ",") + "\n"
        for arm in run.arms {
            for k in 0..<arm.columns["time_h"]!.count {
                let name = arm.name.contains(",") ? "\"\(arm.name)\"" : arm.name
                ts += name + "," + cols.map { String(arm.columns[$0]![k]) }.joined(separator: ",") + "\n"
            }
        }
        try ts.write(toFile: dir + "/timeseries.csv", atomically: true, encoding: .utf8)
        try "arm,hours_to_moderate_dehydration\nuntreated,20.5\n\"ors, cold\",\n".write(toFile: dir + "/summary.csv", atomically: true, encoding: .utf8)
        let loaded = try RunData.load(directory: dir)
        #expect(loaded.arms.map(\.name) == ["untreated", "ors, cold"])
        #expect(loaded.arms[0].number("hours_to_moderate_dehydration") == 20.5)
        #expect(loaded.arms[1].number("hours_to_moderate_dehydration") == nil)
        #expect(loaded.arms[1].column("weight_loss_pct")! == run.arms[1].columns["weight_loss_pct"]!)
        let written = try ReportCommands.writeFigures(loaded, to: dir + "/figs")
        #expect(written.count == 7)
        for path in written {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(XMLCheck.parse(text).error == nil, "\(path)")
        }
        #expect(throws: RunData.LoadError.self) { try RunData.load(directory: dir + "/figs") }
    }

    @Test func csvReaderHandlesQuotesAndLineEnds() {
        let rows = CSVReader.parse(Data("a,\"b,\"\"c\"\"\",d\r\n1,,3\n\"x\ny\",2,".utf8))
        #expect(rows == [["a", "b,\"c\"", "d"], ["1", "", "3"], ["x\ny", "2", ""]])
    }
}

@Suite struct SweepChartTests {
    @Test func tornadoSortsByTotalIndexWithIntervals() {
        let fig = SweepCharts.tornado(names: ["small", "big", "mid"], firstOrder: [0.01, 0.5, 0.2], total: [0.02, 0.7, 0.3],
                                      firstOrderCI: [(0, 0.03), (0.4, 0.6), (0.1, 0.3)], totalCI: [(0, 0.05), (0.6, 0.8), (0.2, 0.4)],
                                      outcome: "peak_weight_loss_pct")
        let svg = fig.svg().render()
        #expect(XMLCheck.parse(svg).error == nil)
        let big = svg.range(of: ">big<")!.lowerBound, mid = svg.range(of: ">mid<")!.lowerBound, small = svg.range(of: ">small<")!.lowerBound
        #expect(big < mid && mid < small)
        #expect(svg.contains("first-order S₁") && svg.contains("total Sₜ") && svg.contains("confidence interval"))
    }

    @Test func scatterHasOnePanelPerParameter() {
        let fig = SweepCharts.scatter(parameters: [("severity", [0.5, 1, 1.5]), ("intake", [0.2, 0.5, 1])],
                                      outcome: ("peak weight loss (%)", [2, 4, 7]))
        let svg = fig.svg().render()
        #expect(XMLCheck.parse(svg).error == nil)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 6)
        #expect(svg.contains(">severity<") && svg.contains(">intake<"))
    }

    @Test func sweepCSVsAreReadByColumnName() throws {
        // The layouts of `osmo sensitivity` (sensitivity.csv) and `osmo sweep` (sweep.csv).
        let sens = CSVReader.parse(Data("arm,outcome,parameter,S1,S1_conf,ST,ST_conf,base_samples_used\nors,loss,a,0.5,0.1,0.6,0.1,64\nors,loss,b,0.1,0.05,0.2,0.05,64\nors,cramp,a,0.2,0.1,0.3,0.1,64\n".utf8))
        let t = SweepFigures.tornadoes(sens)
        #expect(t.map(\.0) == ["loss (ors)", "cramp (ors)"])
        let sweep = SweepFigures.withoutComments(CSVReader.parse(Data("""
            # osmo-sweep v1 fingerprint=00 runs=3 design=grid parameters=2 name=x
            run,arm,illness.severity,intake,peak_weight_loss_pct,status
            0,untreated,1,0.5,3,success
            0,ors,1,0.5,1,success
            1,untreated,2,0.5,,max_steps
            1,ors,2,0.5,2,success

            """.utf8)))
        let fig = try #require(SweepFigures.scatter(sweep))
        #expect(fig.panels.count == 2)
        #expect(fig.legend.map(\.label) == ["untreated", "ors"])
        let svg = fig.svg().render()
        #expect(XMLCheck.parse(svg).error == nil)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 * 3 + 2)  // 3 finite points per panel + 2 legend dots
    }
}
