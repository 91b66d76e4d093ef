import Foundation
import Testing
@testable import OsmoSweep

/// Ishigami & Homma (1990): `sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1` on [−π, π]³, the standard test of
/// Sobol estimators. Analytic indices (e.g. Saltelli et al. 2010, SALib's docs):
/// S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
func ishigami(_ x: [Double]) -> Double { sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0]) }

let ishigamiS1 = [0.3139, 0.4424, 0.0]
let ishigamiST = [0.5576, 0.4424, 0.2437]

/// Ishigami outputs over a Saltelli design of `base` points, in SALib's order.
func ishigamiOutputs(base: Int) -> (parameters: [SweepParameter], y: [Double], x: [[Double]]) {
    let p = (1...3).map { SweepParameter(name: "x\($0)", target: .model("x\($0)"), distribution: .uniform(low: -.pi, high: .pi)) }
    let cursor = PlanCursor(plan: .saltelli(base: base), parameters: p)
    let x = (0..<(base * 5)).map { cursor.values(run: $0) }
    return (p, x.map(ishigami), x)
}

@Suite struct SensitivityTests {
    @Test func ishigamiWithinBootstrapIntervals() throws {
        let (_, y, _) = ishigamiOutputs(base: 2048)
        let s = try #require(SobolAnalysis.analyze(y, parameters: 3, resamples: 200, seed: 1))
        for i in 0..<3 {
            #expect(abs(s[i].s1 - ishigamiS1[i]) <= s[i].s1Conf, "S1[\(i)] = \(s[i].s1) ± \(s[i].s1Conf)")
            #expect(abs(s[i].st - ishigamiST[i]) <= s[i].stConf, "ST[\(i)] = \(s[i].st) ± \(s[i].stConf)")
            #expect(s[i].s1Conf > 0 && s[i].s1Conf < 0.1 && s[i].stConf < 0.1)
        }
    }

    @Test func seededAndConstantOutputs() throws {
        let (_, y, _) = ishigamiOutputs(base: 256)
        let a = SobolAnalysis.analyze(y, parameters: 3, resamples: 100, seed: 5)
        #expect(a == SobolAnalysis.analyze(y, parameters: 3, resamples: 100, seed: 5))
        let zero = try #require(SobolAnalysis.analyze(Array(repeating: 2.5, count: 50), parameters: 3, resamples: 10))
        #expect(zero.allSatisfy { $0 == SobolIndices(s1: 0, s1Conf: 0, st: 0, stConf: 0) })
        #expect(SobolAnalysis.analyze([1, 2, 3], parameters: 3) == nil)
    }

    @Test func normalQuantile() {
        #expect(abs(SobolAnalysis.normalQuantile(0.975) - 1.959963984540054) < 1e-13)
        #expect(abs(SobolAnalysis.normalQuantile(0.5)) < 1e-15)
        #expect(abs(SobolAnalysis.normalQuantile(0.001) + 3.090232306167813) < 1e-12)
    }

    /// Writes an Ishigami Saltelli "sweep" in sweep.csv layout, runs `osmo sensitivity`'s analysis,
    /// and asks Scripts/check_salib.py to compare with SALib's analysis of the same numbers.
    @Test(.enabled(if: salibAvailable, "python3 with SALib not found: `pip install salib` to run this check"))
    func agreesWithSALib() throws {
        let dir = temporaryDirectory("salib")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (p, y, x) = ishigamiOutputs(base: 512)
        var text = "# osmo-sweep \(SweepTable.version) fingerprint=0000000000000000 runs=\(y.count) design=saltelli base=512 parameters=3 name=ishigami\n"
        text += "run,arm,\(p.map(\.name).joined(separator: ",")),y,status\n"
        for (r, v) in y.enumerated() {
            text += "\(r),f,\(x[r].map { NumberFormat.format($0, significantDigits: 12) }.joined(separator: ",")),\(NumberFormat.format(v, significantDigits: 9)),success\n"
        }
        try text.write(toFile: dir + "/sweep.csv", atomically: true, encoding: .utf8)
        let captured = Captured()
        var o = SweepSensitivity.Options()
        o.resamples = 200
        #expect(SweepSensitivity.run(dir: dir, options: o, console: captured.console) == .success)
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        proc.arguments = ["python3", repoRoot + "/Scripts/check_salib.py", dir, "--resamples", "200"]
        let pipe = Pipe()
        proc.standardOutput = pipe
        proc.standardError = pipe
        try proc.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proc.waitUntilExit()
        #expect(proc.terminationStatus == 0, "check_salib.py: \(output)")
    }
}

import OsmoScenario

let salibAvailable: Bool = {
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    proc.arguments = ["python3", "-c", "import SALib, numpy"]
    proc.standardOutput = FileHandle.nullDevice
    proc.standardError = FileHandle.nullDevice
    guard (try? proc.run()) != nil else { return false }
    proc.waitUntilExit()
    return proc.terminationStatus == 0
}()
