import OsmoODE
@testable import OsmoPhysiology
import Testing
@testable import OsmoScenario

/// The summary is a pure function of the trajectory: checked here on hand-made trajectories.
@Suite struct ArmSummaryTests {
    /// A trajectory with every observable 0 except those given, sampled at `times`.
    static func trajectory(_ times: [Double], _ columns: [Observable: [Double]], status: SolverStatus = .success) -> Trajectory {
        let n = Observable.allCases.count
        var values = [Double](repeating: 0, count: times.count * n)
        for (o, col) in columns {
            let j = Observable.allCases.firstIndex(of: o)!
            for (k, v) in col.enumerated() { values[k * n + j] = v }
        }
        return Trajectory(times: times, values: values, status: status, statistics: SolverStatistics())
    }

    @Test func crossingsAreInterpolated() {
        let t = [0.0, 1, 2, 3]
        #expect(ArmSummary.firstCrossing(t, [0, 2, 6, 12], 5, above: true) == 1.75)
        #expect(ArmSummary.firstCrossing(t, [140, 138, 134, 130], 135, above: false) == 1.75)
        #expect(ArmSummary.firstCrossing(t, [6, 7, 8, 9], 5, above: true) == 0)
        #expect(ArmSummary.firstCrossing(t, [0, 1, 2, 3], 5, above: true) == nil)
        #expect(ArmSummary.firstCrossing(t, [140, 140, 135, 134], 135, above: false) == 2)  // the infimum of the times below
    }

    @Test func oliguriaNeedsSixHours() {
        let t = (0...24).map(Double.init)
        // Below 0.5 from t = 2.5 (interpolated) to t = 7.5: 5 h, not enough; then from 10.5 onwards.
        var u = [Double](repeating: 1, count: 25)
        for k in 3...7 { u[k] = 0 }
        for k in 11...24 { u[k] = 0 }
        #expect(ArmSummary.sustainedBelow(t, u, 0.5, forH: 6) == 10.5 + 6)
        // A run still going at the end counts only up to the last sample.
        #expect(ArmSummary.sustainedBelow(t, u.map { _ in 1 }.enumerated().map { $0.offset >= 20 ? 0 : 1 }, 0.5, forH: 6) == nil)
        #expect(ArmSummary.sustainedBelow(t, [Double](repeating: 0, count: 25), 0.5, forH: 6) == 6)
    }

    @Test func summaryOfASyntheticArm() {
        let t = (0...60).map { Double($0) }  // hourly to 60 h
        let loss = t.map { min($0 * 0.5, 12) }
        let tr = Self.trajectory(t, [
            .weight_loss_pct: loss, .na_plasma_mmol_L: t.map { 140 - $0 / 5 }, .k_plasma_mmol_L: t.map { 4.2 - $0 / 40 },
            .mg_plasma_mmol_L: t.map { _ in 0.85 }, .temperature_C: t.map { $0 == 10 ? 39 : 37 },
            .urine_rate_mL_kg_h: t.map { $0 < 20 ? 1 : 0.1 }, .stool_rate_mL_h: t.map { $0 < 50 ? 100 : 1 },
            .cum_stool_L: t.map { $0 / 10 }, .cum_oral_intake_L: t.map { $0 / 20 }, .myalgia_score: t.map { $0 == 10 ? 3 : 0 },
            .cramp_score: t.map { $0 / 10 },
        ])
        let s = ArmSummary(arm: "x", trajectory: tr, basalStoolMLPerH: 4)
        #expect(s.status == "success")
        #expect(s.peakWeightLossPct == 12 && s.finalWeightLossPct == 12)
        #expect(s.hoursToModerateDehydration == 10 && s.hoursToSevereDehydration == 20)
        #expect(abs(s.hoursToOliguria! - (19 + 0.5 / 0.9 + 6)) < 1e-12)
        #expect(s.hoursToFever102F! > 9 && s.hoursToFever102F! < 10)
        #expect(abs(s.hoursToHyponatremia! - 25) < 1e-9)
        #expect(abs(s.hoursToHypokalemia! - 28) < 1e-9)
        #expect(s.hoursToHypomagnesemia == nil)
        #expect(s.diarrheaOver48h && s.lastDiarrheaH == 49)
        #expect(s.totalStoolL == 6 && s.totalOralIntakeL == 3)
        #expect(s.peakMyalgiaScore == 3 && s.peakCrampScore == 6 && s.peakTemperatureC == 39)
        #expect(s.failureTimeH == nil && s.failureReason.isEmpty && s.endTimeH == 60 && s.samples == 61)
    }

    @Test func failedArmKeepsItsStatus() {
        let tr = Self.trajectory([0, 1], [:], status: .nonFiniteState(time: 1.5, component: 31))
        let s = ArmSummary(arm: "x", trajectory: tr, basalStoolMLPerH: 4)
        #expect(s.status == "non_finite" && s.failureTimeH == 1.5 && s.failureReason.contains("component 31"))
        #expect(!s.diarrheaOver48h)
        let row = String(decoding: SummaryWriter.encode([s]), as: UTF8.self)
        #expect(row.contains("non_finite"))
    }

    @Test func nonFiniteRowsAreNeverWritten() {
        var tr = Self.trajectory([0, 1, 2], [.body_weight_kg: [70, 69, 68]])
        tr.values[Observable.allCases.count * 1 + 5] = .nan
        let clean = ScenarioRunner.sanitized(tr)
        #expect(clean.times == [0])
        // The status names the column (not "component -1": the value is an observable, not a state).
        #expect(clean.status.failureTime == 1 && "\(clean.status)".contains("\(Observable.allCases[5].rawValue) = nan"))
        var rows: [UInt8] = []
        TimeseriesWriter.appendRows(arm: "x", times: tr.times, values: tr.values, to: &rows)
        let text = String(decoding: rows, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 1)
        #expect(!text.lowercased().contains("nan"))
    }

    @Test func emptyTrajectory() {
        let s = ArmSummary(arm: "x", trajectory: Self.trajectory([], [:], status: .gslError(time: 0, code: -1, message: "x")), basalStoolMLPerH: 1)
        #expect(s.samples == 0 && s.status == "gsl_error")
    }
}
