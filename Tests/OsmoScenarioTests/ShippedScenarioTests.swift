import Foundation
import OsmoPhysiology
import Testing
@testable import OsmoScenario

/// The shipped scenarios: each validates, runs, writes both CSVs, closes its water ledger from the
/// CSV alone, and matches its expected summary in `Expected/<name>.summary.csv`.
///
/// Regenerate the expected summaries after a deliberate model change with
/// `OSMO_REGENERATE_EXPECTED=1 swift test --filter ShippedScenarioTests` (then review the diff).
@Suite(.serialized) struct ShippedScenarioTests {
    struct Output: Sendable {
        var status: OsmoExit
        var dir: String
        var stdout: String
        var stderr: String
    }

    /// Every shipped scenario run once through `ScenarioCommands.run` (shared by the tests below).
    static let outputs: [String: Output] = {
        let base = temporaryDirectory("osmo-shipped")
        var out: [String: Output] = [:]
        for name in Repo.shipped {
            let cap = Captured()
            var opts = RunOptions()
            opts.outDir = base + "/" + name
            let status = ScenarioCommands.run(path: Repo.scenario(name), options: opts, console: cap.console)
            out[name] = Output(status: status, dir: opts.outDir!, stdout: cap.out, stderr: cap.err)
        }
        return out
    }()

    @Test(arguments: Repo.shipped) func validates(_ name: String) throws {
        let s = try ScenarioValidator.load(path: Repo.scenario(name)).get()
        #expect(!s.arms.isEmpty)
    }

    @Test func flagshipShape() throws {
        let s = try ScenarioValidator.load(path: Repo.scenario("norovirus-adult")).get()
        #expect(s.patient.weightKg == 70 && s.durationH == 72)
        #expect(s.arms.map(\.name) == ["untreated", "ors", "sports-drink"])
        #expect(s.overrides["maintenance_intake_fraction"] == 0.3)
        // Equal drink volumes in the ORS and sports-drink arms.
        func volume(_ arm: Scenario.Arm) -> Double {
            arm.drinks.reduce(0) { total, d in
                if case .every(let dt, let v, let a, let b) = d.schedule { return total + v * ((b - a) / dt).rounded(.up) }
                return total
            }
        }
        #expect(volume(s.arms[1]) == volume(s.arms[2]) && volume(s.arms[1]) > 0)
    }

    @Test func choleraFollowsPlanC() throws {
        let s = try ScenarioValidator.load(path: Repo.scenario("cholera-adult")).get()
        let arm = try #require(s.arms.first { $0.name == "iv-then-ors" })
        let iv = arm.infusions.map { $0.rateLPerH * ($0.stopH - $0.startH) }
        #expect(abs(iv[0] - 0.030 * 70) < 1e-12 && abs(arm.infusions[0].stopH - arm.infusions[0].startH - 0.5) < 1e-12)
        #expect(abs(iv[1] - 0.070 * 70) < 1e-12 && abs(arm.infusions[1].stopH - arm.infusions[1].startH - 2.5) < 1e-12)
        // Then Plan A: ORS after each loose stool, and water to thirst, from the end of plan C to the end of the run.
        #expect(arm.drinks.map(\.schedule) == [.perStool(volumeL: 0.25, stoolVolumeL: 0.25, startH: 23, stopH: s.durationH),
                                               .adLib(startH: 23, stopH: s.durationH)])
        #expect(abs(arm.infusions[1].stopH - 23) < 1e-12)
    }

    @Test(arguments: Repo.shipped) func runsAndWritesBothFiles(_ name: String) throws {
        let o = try #require(Self.outputs[name])
        #expect(o.status == .success || o.status == .solverFailure, "\(name): \(o.stderr)")
        let ts = readCSV(o.dir + "/timeseries.csv"), sm = readCSV(o.dir + "/summary.csv")
        #expect(ts.header == ["arm"] + Observable.allCases.map(\.rawValue))
        #expect(sm.header == SummaryWriter.columns)
        #expect(!ts.rows.isEmpty)
        for row in ts.rows {
            #expect(row.count == ts.header.count)
            for cell in row.dropFirst() where Double(cell) == nil || !Double(cell)!.isFinite {
                Issue.record("\(name): bad number `\(cell)`")
                return
            }
        }
        let s = try ScenarioValidator.load(path: Repo.scenario(name)).get()
        #expect(sm.rows.map { $0[0] } == s.arms.map(\.name))
        #expect(o.stdout.contains("warning signs (h)"))
        // A failed arm is named on stderr with its time and reason, and its status is in summary.csv.
        for row in sm.rows where row[1] != "success" {
            #expect(o.status == .solverFailure)
            #expect(o.stderr.contains("arm `\(row[0])` failed at t = "))
        }
    }

    /// body_weight_kg − initial = cum_oral + cum_iv + cum_metabolic − cum_stool − cum_urine − cum_insensible − cum_vomit,
    /// per arm and per row, from the numbers in timeseries.csv alone.
    @Test(arguments: Repo.shipped) func waterLedgerClosesFromCSV(_ name: String) throws {
        let o = try #require(Self.outputs[name])
        let ts = readCSV(o.dir + "/timeseries.csv")
        func col(_ n: String) -> Int { ts.header.firstIndex(of: n)! }
        let (w, oral, iv, met) = (col("body_weight_kg"), col("cum_oral_intake_L"), col("cum_iv_intake_L"), col("cum_metabolic_water_L"))
        let (stool, urine, ins, vom) = (col("cum_stool_L"), col("cum_urine_L"), col("cum_insensible_L"), col("cum_vomit_L"))
        var initial: [String: Double] = [:]
        var worst = 0.0
        for row in ts.rows {
            let x = row.map { Double($0) ?? .nan }
            let w0 = initial[row[0]] ?? x[w]
            initial[row[0]] = w0
            let ledger = x[oral] + x[iv] + x[met] - x[stool] - x[urine] - x[ins] - x[vom]
            worst = max(worst, abs((x[w] - w0) - ledger))
        }
        #expect(worst < 1e-6, "\(name): water ledger off by \(worst) L")
    }

    /// Regression: the summary matches the stored expected values (1e-6 relative + 1e-9 absolute;
    /// cost counters within 25 %; text exactly).
    @Test(arguments: Repo.shipped) func matchesExpectedSummary(_ name: String) throws {
        let o = try #require(Self.outputs[name])
        let actualPath = o.dir + "/summary.csv"
        let expectedPath = Repo.expected.appendingPathComponent(name + ".summary.csv").path
        if ProcessInfo.processInfo.environment["OSMO_REGENERATE_EXPECTED"] == "1" {
            try? FileManager.default.createDirectory(at: Repo.expected, withIntermediateDirectories: true)
            _ = try? FileManager.default.removeItem(atPath: expectedPath)
            try FileManager.default.copyItem(atPath: actualPath, toPath: expectedPath)
            return
        }
        let expected = readCSV(expectedPath), actual = readCSV(actualPath)
        try #require(!expected.header.isEmpty, "no \(expectedPath); run with OSMO_REGENERATE_EXPECTED=1")
        #expect(actual.header == expected.header)
        #expect(actual.rows.count == expected.rows.count)
        let cost: Set<String> = ["steps", "rhs_evaluations", "jacobian_evaluations"]
        for (a, e) in zip(actual.rows, expected.rows) {
            for (i, column) in expected.header.enumerated() where i < a.count && i < e.count {
                let (x, y) = (a[i], e[i])
                if let xv = Double(x), let yv = Double(y) {
                    let tol = cost.contains(column) ? 0.25 * abs(yv) : 1e-6 * abs(yv) + 1e-9
                    #expect(abs(xv - yv) <= tol, "\(name) \(e[0]).\(column): \(x) vs expected \(y)")
                } else if column == "failure_reason" || column == "failure_time_h" {
                    #expect(x.isEmpty == y.isEmpty, "\(name) \(e[0]).\(column): `\(x)` vs expected `\(y)`")
                } else {
                    #expect(x == y, "\(name) \(e[0]).\(column): `\(x)` vs expected `\(y)`")
                }
            }
        }
    }

    /// Both CSVs load in pandas (Scripts/check_csv.py), when python3 and pandas are installed.
    @Test func pandasLoadsTheOutputs() throws {
        let dirs = Repo.shipped.compactMap { Self.outputs[$0]?.dir }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Repo.root.appendingPathComponent("Scripts/check_csv.py").path] + dirs
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch {
            print("pandasLoadsTheOutputs: skipped (python3 not found)")
            return
        }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 77 || p.terminationStatus == 127 {
            print("pandasLoadsTheOutputs: skipped: \(text)")
            return
        }
        #expect(p.terminationStatus == 0, "\(text)")
    }
}

/// Results are the same bytes whatever the number of threads.
@Suite struct DeterminismTests {
    @Test func sameBytesWithOneOrManyThreads() throws {
        let s = try ScenarioValidator.load(path: Repo.scenario("norovirus-adult")).get()
        let one = ScenarioRunner.run(s, threads: 1), many = ScenarioRunner.run(s)
        #expect(one.map(\.rows) == many.map(\.rows))
        #expect(SummaryWriter.encode(one.map(\.summary)) == SummaryWriter.encode(many.map(\.summary)))
    }

    @Test func summaryHeaderIsGolden() {
        let header = String(decoding: SummaryWriter.encode([]), as: UTF8.self)
        #expect(header == """
            arm,status,peak_weight_loss_pct,final_weight_loss_pct,min_na_plasma_mmol_L,max_na_plasma_mmol_L,\
            min_k_plasma_mmol_L,min_mg_plasma_mmol_L,peak_temperature_C,peak_myalgia_score,peak_cramp_score,\
            total_stool_L,total_oral_intake_L,total_iv_intake_L,total_urine_L,hours_to_moderate_dehydration,\
            hours_to_severe_dehydration,hours_to_oliguria,hours_to_fever_102F,hours_to_hyponatremia,\
            hours_to_hypokalemia,hours_to_hypomagnesemia,min_hco3_plasma_mmol_L,min_ph_plasma,hours_to_acidosis,\
            peak_heart_rate_bpm,min_systolic_mmHg,hours_to_tachycardia,hours_to_dizziness,hours_to_shock,\
            hours_to_critical,critical_reason,diarrhea_over_48h,last_diarrhea_h,\
            peak_abdominal_pain_score,hours_to_bloody_stool,hours_to_severe_abdominal_pain,peak_crp_mg_L,end_time_h,\
            failure_time_h,failure_reason,steps,rhs_evaluations,jacobian_evaluations,samples

            """)
        #expect(TimeseriesWriter.header == "arm," + Observable.allCases.map(\.rawValue).joined(separator: ",") + "\n")
    }
}
