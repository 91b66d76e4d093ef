import Testing
import OsmoODE
@testable import OsmoPhysiology

/// Inflammation in the coupled model: the two kinds of leg pain stay apart, fever follows the
/// illness, and fever costs water.
@Suite struct InflammationCouplingTests {
    /// Electrolyte loss without inflammation (a prescribed salty stool, plain water to drink, no
    /// pathogen) raises the cramp score and not the myalgia score.
    @Test func electrolyteLossCrampsWithoutAching() {
        var p = SimulationProblem(durationH: 72, sampleIntervalH: 0.5)
        p.illness = .prescribedStool(PrescribedStool(ratesMLPerKgH: [(0, 3)], composition: .choleraAdult))
        p.overrides = ["maintenance_intake_fraction": 0.5]
        p.drinks = [OralDrink(fluid: Fluids.water, schedule: .every(intervalH: 1, volumeL: 0.2, startH: 0, stopH: 72))]
        let tr = simulate(p)
        #expect(tr.status == .success)
        #expect(tr.maximum(.cramp_score) >= 2)
        #expect(tr.maximum(.myalgia_score) < 0.1)
        #expect(tr.maximum(.tnf_pg_mL) <= tr.value(.tnf_pg_mL, at: 0) + 1e-6)
    }

    /// The endotoxin challenge raises myalgia and fever, not cramps.
    @Test func endotoxinAchesWithoutCramps() {
        var p = SimulationProblem(durationH: 24, sampleIntervalH: 0.1)
        p.illness = .endotoxin(ngPerKg: 2, timeH: 0)
        let tr = simulate(p)
        #expect(tr.status == .success)
        #expect(tr.maximum(.myalgia_score) >= 2)
        #expect(tr.maximum(.cramp_score) < 1)
        #expect(tr.maximum(.temperature_C) - tr.value(.temperature_C, at: 0) >= 1)
    }

    /// Norovirus gives a low-grade fever (< 38.9 °C) unless its severity is raised.
    @Test func norovirusFeverIsLowGradeUnlessSevere() {
        func peakTemperature(_ severity: Double) -> Double {
            var p = SimulationProblem(durationH: 96, sampleIntervalH: 0.5)
            p.illness = .pathogen(.norovirus, severity: severity, onsetH: 0)
            p.overrides = ["maintenance_intake_fraction": 0.5]
            return simulate(p).maximum(.temperature_C)
        }
        #expect(peakTemperature(1) < 38.9)
        #expect(peakTemperature(2.5) > 38.9)
    }

    /// Cytokines peak on illness day 1–2, IL-10 stays raised longest, myalgia follows the cytokines.
    @Test func gastroenteritisCytokineCourse() {
        var p = SimulationProblem(durationH: 144, sampleIntervalH: 0.5)
        p.illness = .pathogen(.norovirus, severity: 1, onsetH: 0)
        let tr = simulate(p)
        func peakTime(_ o: Observable) -> Double {
            let c = tr.column(o)
            return tr.times[c.indices.max { c[$0] < c[$1] }!]
        }
        func lastRaised(_ o: Observable) -> Double {
            let c = tr.column(o), base = c[0]
            return tr.times[c.indices.last { c[$0] > 2 * base } ?? 0]
        }
        for o: Observable in [.tnf_pg_mL, .il6_pg_mL] { #expect((6...48).contains(peakTime(o)), "\(o.rawValue)") }
        #expect(lastRaised(.il10_pg_mL) < 144)
        #expect(lastRaised(.il10_pg_mL) > lastRaised(.tnf_pg_mL))
        #expect(lastRaised(.il10_pg_mL) > lastRaised(.il6_pg_mL))
        #expect(abs(peakTime(.myalgia_score) - peakTime(.il6_pg_mL)) < 12)
    }

    /// Fever raises insensible water loss: the same illness with inflammation switched off loses less.
    @Test func feverCostsWater() {
        var p = SimulationProblem(durationH: 72, sampleIntervalH: 1)
        p.illness = .pathogen(.norovirus, severity: 2, onsetH: 0)
        let febrile = simulate(p)
        p.mechanisms.inflammation = false
        let afebrile = simulate(p)
        #expect(febrile.final(.cum_insensible_L) > afebrile.final(.cum_insensible_L) + 0.05)
    }
}
