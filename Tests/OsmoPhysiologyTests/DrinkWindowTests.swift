import Testing
@testable import OsmoPhysiology

/// Per-stool and ad-lib drinking with a start/stop window (WHO Plan C then Plan A): nothing is drunk
/// before `startH` or from `stopH` on, and inside the window the drinking follows the body.
@Suite struct DrinkWindowTests {
    static let startH = 10.0, stopH = 30.0

    /// A 70 kg adult with cholera for 48 h, no usual eating and drinking and no water for thirst (so
    /// `cum_oral_intake_L` is the windowed drink alone), sampled every 15 min.
    static func cholera(_ schedule: DrinkSchedule) -> Trajectory {
        var p = SimulationProblem(durationH: 48, sampleIntervalH: 0.25)
        p.illness = .pathogen(.cholera, severity: 1, onsetH: 0)
        p.mechanisms.maintenanceIntake = false
        p.overrides = ["thirst_water_intake": 0]
        p.drinks = [OralDrink(fluid: Fluids.ors, schedule: schedule)]
        return simulate(p)
    }

    static let perStool = cholera(.perStool(volumeL: 0.25, stoolVolumeL: 0.25, startH: startH, stopH: stopH))
    static let adLib = cholera(.adLib(startH: startH, stopH: stopH))

    /// Oral intake, L, at each sample at or before `startH` and at or after `stopH`.
    static func outside(_ tr: Trajectory) -> (before: [Double], after: [Double]) {
        let t = tr.column(.time_h), oral = tr.column(.cum_oral_intake_L)
        return (before: t.indices.filter { t[$0] <= startH }.map { oral[$0] },
                after: t.indices.filter { t[$0] >= stopH }.map { oral[$0] })
    }

    @Test(arguments: ["per_stool", "ad_lib"]) func drinksNothingOutsideTheWindow(_ kind: String) throws {
        let tr = kind == "per_stool" ? Self.perStool : Self.adLib
        #expect(tr.status == .success)
        let (before, after) = Self.outside(tr)
        #expect(!before.isEmpty && !after.isEmpty)
        #expect(before.allSatisfy { $0 == 0 }, "\(kind): drank \(before.max() ?? 0) L before \(Self.startH) h")
        let first = try #require(after.first)
        #expect(first > 0.5, "\(kind): only \(first) L drunk inside the window")
        #expect(after.allSatisfy { abs($0 - first) < 1e-12 }, "\(kind): drank \(after.last! - first) L after \(Self.stopH) h")
    }

    /// Inside the window 250 mL of ORS per 250 mL stool replaces the loose stool (all but the small
    /// basal stool, and below the drinking cap), sample by sample.
    @Test func perStoolFollowsStoolInsideTheWindow() {
        let tr = Self.perStool
        let t = tr.column(.time_h), oral = tr.column(.cum_oral_intake_L), stool = tr.column(.cum_stool_L)
        let inside = t.indices.filter { $0 > 0 && t[$0 - 1] >= Self.startH && t[$0] <= Self.stopH }
        #expect(inside.count == Int((Self.stopH - Self.startH) / 0.25))
        for k in inside {
            let drunk = oral[k] - oral[k - 1], passed = stool[k] - stool[k - 1]
            #expect(drunk <= passed && drunk > 0.95 * passed, "at \(t[k]) h drank \(drunk) L for \(passed) L of stool")
        }
    }
}
