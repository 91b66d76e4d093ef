import Foundation
import OsmoPhysiology
import OsmoPlot
import OsmoReport
import OsmoScenario
import Testing
@testable import OsmoServe

/// The page in a real browser (headless Chromium through Debian's `chromium-driver`), served by a
/// real `osmo serve` process: change the weight (typed) and a drink's sodium, and the table and
/// figures become what `osmo run` gives for the same scenario; a lesson preset loads; the
/// downloaded YAML, run by `osmo run`, gives the page's table. Skips, saying why, without Chromium.
@Suite(.serialized) struct ServeBrowserTests {
    static let missing: String? = {
        if WebDriver.chromium == nil { return "chromium not found: `apt-get install -y chromium chromium-driver` (or set OSMO_CHROMIUM)" }
        if WebDriver.chromedriver == nil { return "chromedriver not found: `apt-get install -y chromium-driver` (or set OSMO_CHROMEDRIVER)" }
        if ServeProcess.binary == nil { return "the osmo binary was not built next to the tests (set OSMO_BIN)" }
        return nil
    }()

    /// `osmo run` on `yaml` (written to a file): each arm's `summary.csv` row by column.
    static func osmoRun(yaml: String, in dir: String) throws -> [[String: String]] {
        let file = dir + "/scenario-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return try osmoRun(file: file, in: dir)
    }

    static func osmoRun(file: String, in dir: String) throws -> [[String: String]] {
        let out = dir + "/run-\(UInt32.random(in: 0...UInt32.max))"
        var options = RunOptions()
        options.outDir = out
        let status = ScenarioCommands.run(path: file, options: options, console: Console(out: { _ in }, err: { _ in }))
        #expect(status == .success)
        let rows = CSVReader.parse(try Data(contentsOf: URL(fileURLWithPath: out + "/summary.csv")))
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    /// What the page shows now: each arm's summary cells (from the API answer it drew), the DOM
    /// table's text, the SVG of each figure as the server sent it and the figures drawn in the DOM.
    static func shown(_ wd: WebDriver) throws -> (summaries: [[String: String]], table: [[String]], svgs: [String], domFigures: Int) {
        let v = try wd.js("""
            return JSON.stringify({ s: osmo.last.arms.map((a) => a.summary), f: osmo.last.figures.map((f) => f.svg),
              t: [...document.querySelectorAll('#table tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
              n: document.querySelectorAll('#figures figure svg').length });
            """) as? String ?? "{}"
        let o = try JSONSerialization.jsonObject(with: Data(v.utf8)) as? [String: Any] ?? [:]
        return (o["s"] as? [[String: String]] ?? [], o["t"] as? [[String]] ?? [], o["f"] as? [String] ?? [], o["n"] as? Int ?? 0)
    }

    /// The table row `osmo report` would show for a summary: the arm, then ``HTMLReport/tableColumns``.
    static func tableRow(_ s: [String: String]) -> [String] {
        [s["arm"] ?? ""] + HTMLReport.tableColumns.map { c in s[c.key].flatMap(Double.init).map { NiceTicks.fixed($0, decimals: c.decimals) } ?? "–" }
    }

    static func figures(yaml: String) throws -> [String] {
        let s = try ScenarioValidator.validate(text: yaml).get()
        return RunFigures.all(RunData(name: s.name, results: ScenarioRunner.run(s))).map { $0.figure.svg().render(standalone: false) }
    }

    static let settled = "osmo.runs > 0 && osmo.drawnSeq === osmo.seq && !document.querySelector('#errors .issue')"

    @Test(.enabled(if: missing == nil, "\(missing ?? "")"), .timeLimit(.minutes(5)))
    func editsInTheBrowserGiveWhatOsmoRunGives() throws {
        let dir = NSTemporaryDirectory() + "osmo-serve-browser-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir + "/downloads", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ServeProcess(binary: try #require(ServeProcess.binary))
        defer { server.stop() }
        let wd = try WebDriver(downloads: dir + "/downloads")
        defer { wd.stop() }

        let flagshipYAML = try String(contentsOfFile: packageRoot + "/Scenarios/norovirus-adult.yaml", encoding: .utf8)
        try wd.navigate("http://127.0.0.1:\(server.port)/")
        try wd.wait(Self.settled)
        let before = try Self.shown(wd)
        #expect(before.summaries == (try Self.osmoRun(yaml: flagshipYAML, in: dir)))
        #expect(before.domFigures == 7)

        // 1. The weight, typed into its box: 70 → 55 kg.
        let heavier = flagshipYAML.replacingOccurrences(of: "patient: adult ", with: "patient: {preset: adult, weight: 55 kg} ")
        try wd.js("document.querySelector('[data-path=\"patient.weight\"]').select();")
        try wd.type("[data-path='patient.weight']", "55")
        try wd.wait(Self.settled + " && osmo.scenario.patient.weight === '55 kg'")
        let afterWeight = try Self.shown(wd)
        let expectedWeight = try Self.osmoRun(yaml: heavier, in: dir)
        #expect(afterWeight.summaries == expectedWeight)
        #expect(afterWeight.summaries != before.summaries)
        #expect(afterWeight.table == expectedWeight.map(Self.tableRow))
        #expect(afterWeight.svgs == (try Self.figures(yaml: heavier)))
        #expect(afterWeight.svgs != before.svgs && afterWeight.domFigures == 7)

        // 1b. Rapid slider moves: eleven edits at once; only the newest is drawn, and it is 55 kg again.
        let runsBefore = try wd.js("return osmo.runs;") as? Int ?? 0
        try wd.js("""
            const r = document.querySelector('#patient input[type=range]');
            for (const v of [60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 55]) { r.value = v; r.dispatchEvent(new Event('input')); }
            """)
        try wd.wait(Self.settled + " && osmo.scenario.patient.weight === '55 kg' && osmo.drawnSeq > 0")
        #expect(try Self.shown(wd).summaries == expectedWeight)
        let drawnRuns = (try wd.js("return osmo.runs;") as? Int ?? 0) - runsBefore
        #expect(drawnRuns == 1, "stale edits drawn: \(drawnRuns - 1)")

        // 2. The sports drink's sodium: 20 → 60 mmol/L (the drink becomes a custom composition).
        let sports = try #require(FluidLibrary.named("sports-drink"))
        let composition = "{name: salty-sports, sodium: 60, potassium: \(sports.potassium), chloride: \(sports.chloride), "
            + "bicarbonate: \(sports.bicarbonate), citrate: \(sports.citrate), magnesium: \(sports.magnesium), "
            + "glucose: \(sports.glucose), fructose: \(sports.fructose)}"
        let salty = heavier.replacingOccurrences(of: "- drink: sports-drink", with: "- drink: \(composition)")
        try wd.js("""
            const i = document.querySelector('[data-path="arms[2].interventions[0].drink.sodium"]');
            i.value = '60'; i.dispatchEvent(new Event('input'));
            """)
        try wd.wait(Self.settled + " && osmo.scenario.arms[2].interventions[0].drink.sodium === 60")
        let afterSodium = try Self.shown(wd)
        let expectedSodium = try Self.osmoRun(yaml: salty, in: dir)
        #expect(afterSodium.summaries == expectedSodium)
        #expect(afterSodium.summaries[2] != afterWeight.summaries[2])
        #expect(afterSodium.summaries[0] == afterWeight.summaries[0])
        #expect(afterSodium.table == expectedSodium.map(Self.tableRow))
        #expect(afterSodium.svgs == (try Self.figures(yaml: salty)))

        // 3. "Download scenario": `osmo run` on the file gives the page's table.
        try wd.click("#download-yaml")
        let deadline = Date().addingTimeInterval(20)
        var saved: String?
        while saved == nil && Date() < deadline {
            saved = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/downloads"))?.first { $0.hasSuffix(".yaml") }
            if saved == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let file = try #require(saved, "no YAML downloaded")
        #expect(try Self.osmoRun(file: dir + "/downloads/" + file, in: dir) == afterSodium.summaries)

        // 4. A lesson preset: lesson 2 loads the water-only scenario.
        try wd.click("[data-lesson='2']")
        try wd.wait(Self.settled + " && osmo.name === 'water-only' && osmo.last.name === 'water-only'")
        let lesson = try Self.shown(wd)
        let waterOnly = try Self.osmoRun(file: packageRoot + "/Scenarios/water-only.yaml", in: dir)
        #expect(lesson.summaries == waterOnly)
        #expect(lesson.table == waterOnly.map(Self.tableRow))
        let latency = try wd.js("return osmo.lastMs;") as? Double ?? -1
        print("serve browser test: last edit drawn \(Int(latency)) ms after the change (debug build)")
    }
}
