import Foundation
import Testing
@testable import OsmoScenario

/// Malformed or impossible scenarios: each gives `FILE:LINE: path: message (expected …)` lines.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var text: String
        var line: Int
        var path: String
        var fragment: String
        var testDescription: String { label }
    }

    /// The minimal scenario with one line replaced (1-based) or lines inserted after it.
    static func replacing(_ lineNo: Int, with new: String) -> String {
        var lines = minimalScenario.components(separatedBy: "\n")
        lines[lineNo - 1] = new
        return lines.joined(separator: "\n")
    }

    /// The minimal scenario with its drink's `volume` and `at` (lines 9–10) replaced by `schedule`,
    /// one key a line from line 9.
    static func drinking(_ schedule: String) -> String {
        var lines = minimalScenario.components(separatedBy: "\n")
        lines.replaceSubrange(8...9, with: schedule.components(separatedBy: "\n").map { "        " + $0 })
        return lines.joined(separator: "\n")
    }

    static let cases: [Case] = [
        Case(label: "YAML syntax error", text: "name: [unclosed\npatient: adult\n", line: 2, path: "(file)", fragment: "YAML syntax error"),
        Case(label: "tab indentation", text: "name: t\n\tpatient: adult\n", line: 2, path: "(file)", fragment: "YAML syntax error"),
        Case(label: "whitespace-only file", text: "  \n\n", line: 1, path: "(file)", fragment: "file is empty"),
        Case(label: "comment-only file", text: "# nothing here\n", line: 1, path: "(file)", fragment: "no YAML document"),
        Case(label: "scalar document", text: "hello\n", line: 1, path: "(root)", fragment: "expected a scenario"),
        Case(label: "unknown top-level key", text: replacing(4, with: "durration: 2 h"), line: 4, path: "durration",
             fragment: "unknown key; did you mean `duration`?"),
        Case(label: "missing required field", text: replacing(4, with: "# no duration"), line: 1, path: "duration",
             fragment: "missing required field"),
        Case(label: "wrong type", text: replacing(4, with: "duration: [1 h, 2 h]"), line: 4, path: "duration",
             fragment: "expected a time"),
        Case(label: "unknown fluid", text: replacing(8, with: "      - drink: who-orz"), line: 8, path: "arms[0].interventions[0].drink",
             fragment: "unknown fluid `who-orz`; did you mean `who-ors`?"),
        Case(label: "IV fluid as a drink", text: replacing(8, with: "      - drink: saline-0.9"), line: 8,
             path: "arms[0].interventions[0].drink", fragment: "is an IV fluid"),
        Case(label: "unknown patient preset", text: replacing(2, with: "patient: adlut"), line: 2, path: "patient",
             fragment: "did you mean `adult`?"),
        Case(label: "unknown pathogen", text: replacing(3, with: "illness: {pathogen: norovrus}"), line: 3, path: "illness.pathogen",
             fragment: "did you mean `norovirus`?"),
        Case(label: "unknown stepper", text: minimalScenario + "\nsolver: {stepper: msbfd}", line: 11, path: "solver.stepper",
             fragment: "did you mean `msbdf`?"),
        Case(label: "zero max_step", text: minimalScenario + "\nsolver: {max_step: 0 h}", line: 11, path: "solver.max_step",
             fragment: "must not be zero"),
        Case(label: "max_step below min_step", text: minimalScenario + "\nsolver: {min_step: 0.1 h, max_step: 1 min}", line: 11,
             path: "solver.max_step", fragment: "is below min_step"),
        Case(label: "negative volume", text: replacing(9, with: "        volume: -200 mL"), line: 9,
             path: "arms[0].interventions[0].volume", fragment: "must not be negative"),
        Case(label: "zero volume", text: replacing(9, with: "        volume: 0 mL"), line: 9,
             path: "arms[0].interventions[0].volume", fragment: "must not be zero"),
        Case(label: "zero weight", text: replacing(2, with: "patient: {weight: 0 kg, age: 30 y}"), line: 2, path: "patient.weight",
             fragment: "must not be zero"),
        Case(label: "negative duration", text: replacing(4, with: "duration: -2 h"), line: 4, path: "duration",
             fragment: "must not be negative"),
        Case(label: "zero duration", text: replacing(4, with: "duration: 0 h"), line: 4, path: "duration", fragment: "must not be zero"),
        Case(label: "drink outside the run", text: replacing(10, with: "        at: 3 h"), line: 10, path: "arms[0].interventions[0].at",
             fragment: "outside the run"),
        Case(label: "duplicate arm names", text: minimalScenario + "\n  - name: a", line: 11, path: "arms[1].name",
             fragment: "duplicate arm name `a`"),
        Case(label: "unknown unit", text: replacing(9, with: "        volume: 200 mls"), line: 9,
             path: "arms[0].interventions[0].volume", fragment: "unknown unit `mls`"),
        Case(label: "missing unit", text: replacing(9, with: "        volume: 200"), line: 9, path: "arms[0].interventions[0].volume",
             fragment: "a unit is required"),
        Case(label: "not a number", text: replacing(9, with: "        volume: lots"), line: 9, path: "arms[0].interventions[0].volume",
             fragment: "not a number"),
        Case(label: "NaN", text: replacing(9, with: "        volume: nan mL"), line: 9, path: "arms[0].interventions[0].volume",
             fragment: "not a number"),
        Case(label: "unknown override", text: minimalScenario + "\noverrides: {maintenance_intake_fractoin: 0.5}", line: 11,
             path: "overrides.maintenance_intake_fractoin", fragment: "did you mean `maintenance_intake_fraction`?"),
        Case(label: "override out of range", text: minimalScenario + "\noverrides: {maintenance_intake_fraction: 7}", line: 11,
             path: "overrides.maintenance_intake_fraction", fragment: "out of range"),
        Case(label: "duplicate key", text: minimalScenario + "\nduration: 3 h", line: 4, path: "(file)", fragment: "duplicate key `duration`"),
        Case(label: "two schedules", text: minimalScenario + "\n        every: 1 h", line: 8, path: "arms[0].interventions[0]",
             fragment: "more than one schedule"),
        Case(label: "unknown intervention key", text: replacing(9, with: "        volumee: 200 mL"), line: 9,
             path: "arms[0].interventions[0].volumee", fragment: "did you mean `volume`?"),
        Case(label: "arms is not a list", text: replacing(5, with: "arms: {name: a}\nx:"), line: 5, path: "arms",
             fragment: "expected a list of arms"),
        Case(label: "empty arms", text: replacing(5, with: "arms: []") .components(separatedBy: "\n").prefix(5).joined(separator: "\n"),
             line: 5, path: "arms", fragment: "no arms given"),
        Case(label: "zero severity", text: replacing(3, with: "illness: {pathogen: cholera, severity: 0}"), line: 3,
             path: "illness.severity", fragment: "must not be zero"),
        Case(label: "not a boolean", text: minimalScenario + "\nmechanisms: {thirst: maybe}", line: 11, path: "mechanisms.thirst",
             fragment: "not true or false"),
        Case(label: "zero interval", text: replacing(10, with: "        every: 0 min"), line: 10, path: "arms[0].interventions[0].every",
             fragment: "too small"),
        Case(label: "infusion past the end", text: replacing(8, with: "      - infusion: ringer-lactate\n        over: 3 h\n        start: 0 h")
                .replacingOccurrences(of: "        at: 1 h", with: ""), line: 9, path: "arms[0].interventions[0].over",
             fragment: "after the end of the run"),
        Case(label: "oral fluid as infusion", text: replacing(8, with: "      - infusion: who-ors\n        over: 1 h")
                .replacingOccurrences(of: "        at: 1 h", with: ""), line: 8, path: "arms[0].interventions[0].infusion",
             fragment: "is an oral fluid"),
        Case(label: "prescribed stool not from 0", text: replacing(3, with: "illness:\n  prescribed_stool:\n    composition: etec\n    rates: [{from: 1 h, rate: 2 mL/kg/h}]"),
             line: 6, path: "illness.prescribed_stool.rates[0].from", fragment: "first step starts at 1 h"),
        Case(label: "two illnesses", text: replacing(3, with: "illness: {pathogen: cholera, endotoxin: 2 ng/kg}"), line: 3,
             path: "illness", fragment: "more than one illness"),
        Case(label: "unknown stool preset", text: replacing(3, with: "illness: {pathogen: cholera, stool: cholera-adlt}"), line: 3,
             path: "illness.stool", fragment: "did you mean `cholera-adult`?"),
        Case(label: "bad arm name", text: replacing(6, with: "  - name: \"a,b\""), line: 6, path: "arms[0].name",
             fragment: "not a usable arm name"),
        Case(label: "huge weight", text: replacing(2, with: "patient: {weight: 5000 kg, age: 30 y}"), line: 2, path: "patient.weight",
             fragment: "too large"),
        Case(label: "vomit before the start", text: minimalScenario + "\n      - vomit: -1 h", line: 11, path: "arms[0].interventions[1].vomit",
             fragment: "before the start"),
        Case(label: "per-stool start before the run", text: drinking("per_stool: 200 mL\nstart: -1 h"), line: 10,
             path: "arms[0].interventions[0].start", fragment: "before the start of the run"),
        Case(label: "per-stool start at the end", text: drinking("per_stool: 200 mL\nstart: 2 h"), line: 10,
             path: "arms[0].interventions[0].start", fragment: "outside the run"),
        Case(label: "per-stool stop at the start", text: drinking("per_stool: 200 mL\nstart: 1 h\nstop: 60 min"), line: 11,
             path: "arms[0].interventions[0].stop", fragment: "is not after the start (1 h)"),
        Case(label: "per-stool stop after the end", text: drinking("per_stool: 200 mL\nstop: 3 h"), line: 10,
             path: "arms[0].interventions[0].stop", fragment: "after the end of the run"),
        Case(label: "per-stool misspelt start", text: drinking("per_stool: 200 mL\nstrat: 1 h"), line: 10,
             path: "arms[0].interventions[0].strat", fragment: "did you mean `start`?"),
        Case(label: "per-stool with volume", text: drinking("per_stool: 200 mL\nvolume: 200 mL\nstart: 1 h"), line: 10,
             path: "arms[0].interventions[0].volume", fragment: "not used with `per_stool`"),
        Case(label: "ad-lib start before the run", text: drinking("ad_lib: true\nstart: -30 min"), line: 10,
             path: "arms[0].interventions[0].start", fragment: "before the start of the run"),
        Case(label: "ad-lib start after the end", text: drinking("ad_lib: true\nstart: 5 h"), line: 10,
             path: "arms[0].interventions[0].start", fragment: "outside the run"),
        Case(label: "ad-lib stop before the start", text: drinking("ad_lib: true\nstart: 1.5 h\nstop: 1 h"), line: 11,
             path: "arms[0].interventions[0].stop", fragment: "is not after the start"),
        Case(label: "ad-lib with stool volume", text: drinking("ad_lib: true\nstool_volume: 100 mL"), line: 10,
             path: "arms[0].interventions[0].stool_volume", fragment: "not used with `ad_lib`"),
        Case(label: "per-kg weight", text: replacing(2, with: "patient: {weight: 10 mL/kg, age: 1 y}"), line: 2, path: "patient.weight",
             fragment: "unknown unit"),
    ]

    @Test(arguments: cases) func reportsTheProblem(_ c: Case) {
        let found = issues(c.text, file: "bad.yaml")
        #expect(!found.isEmpty, "no issue for \(c.label)")
        let match = found.first { $0.path == c.path && $0.description.contains(c.fragment) }
        #expect(match != nil, "\(c.label): wanted \(c.path) ~ \(c.fragment); got \(found.map(\.description))")
        if let m = match {
            #expect(m.line == c.line, "\(c.label): line \(m.line), wanted \(c.line): \(m)")
            #expect(m.description.hasPrefix("bad.yaml:\(m.line): \(c.path): "))
            #expect(!m.description.contains("\n"))
        }
    }

    @Test func binaryAndEmptyFiles() {
        let binary = ScenarioDocument.parse(data: Data([0x6e, 0x61, 0x0a, 0x00, 0xff, 0xfe]), file: "b.yaml")
        guard case .failure(let b) = binary else { Issue.record("binary accepted"); return }
        #expect(b.issues[0].description == "b.yaml:2: (file): file looks binary (contains a NUL byte) (expected a UTF-8 text file)")
        guard case .failure(let e) = ScenarioDocument.parse(data: Data(), file: "e.yaml") else { Issue.record("empty accepted"); return }
        #expect(e.issues[0].description == "e.yaml:1: (file): file is empty (expected a YAML scenario)")
        guard case .failure(let u) = ScenarioDocument.parse(data: Data([0x61, 0x3a, 0x20, 0xc3, 0x28]), file: "u.yaml") else {
            Issue.record("invalid UTF-8 accepted"); return
        }
        #expect(u.issues[0].message.contains("UTF-8"))
        guard case .failure(let m) = ScenarioDocument.load(path: "/nonexistent/x.yaml") else { Issue.record("missing file accepted"); return }
        #expect(m.issues[0].message == "no such file")
    }

    /// Every problem in a file is reported, not just the first.
    @Test func reportsEveryProblem() {
        let text = """
            name: t
            patient: {weight: -1 kg, age: 30 y}
            illness: {pathogen: plague}
            duration: 2 h
            colour: blue
            arms:
              - name: a
                interventions:
                  - drink: who-orz
                    volume: 0 mL
                    at: 5 h
              - name: a
            """
        let found = issues(text)
        let paths = Set(found.map(\.path))
        for p in ["patient.weight", "illness.pathogen", "colour", "arms[0].interventions[0].drink",
                  "arms[0].interventions[0].volume", "arms[0].interventions[0].at", "arms[1].name"] {
            #expect(paths.contains(p), "missing \(p) in \(found.map(\.description))")
        }
    }

    @Test func exitCodeTwoAndNoFiles() {
        let dir = temporaryDirectory()
        let file = dir + "/bad.yaml"
        try? Self.replacing(9, with: "        volume: -1 L").write(toFile: file, atomically: true, encoding: .utf8)
        let cap = Captured()
        var opts = RunOptions()
        opts.outDir = dir + "/out"
        #expect(ScenarioCommands.run(path: file, options: opts, console: cap.console) == .invalidScenario)
        #expect(cap.err.hasPrefix("\(file):9: arms[0].interventions[0].volume: "))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(ScenarioCommands.check(paths: [file], console: cap.console) == .invalidScenario)
    }
}
