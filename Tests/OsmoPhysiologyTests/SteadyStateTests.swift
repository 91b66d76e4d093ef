import Testing
import OsmoODE
@testable import OsmoPhysiology

/// A healthy patient on maintenance intake stays within 1 % of every starting value over 72 h.
@Suite struct SteadyStateTests {
    static let watched: [Observable] = [
        .body_weight_kg, .water_total_L, .volume_plasma_L, .volume_interstitial_L, .volume_intracellular_L,
        .na_plasma_mmol_L, .k_plasma_mmol_L, .cl_plasma_mmol_L, .hco3_plasma_mmol_L, .mg_plasma_mmol_L,
        .glucose_plasma_mmol_L, .osmolality_plasma_mosm_kg, .urine_rate_mL_kg_h, .temperature_C,
        .na_total_mmol, .k_total_mmol, .adh_pmol_L, .aldosterone_rel, .gfr_mL_min,
        // circulation (issue 12)
        .heart_rate_bpm, .map_mmHg, .systolic_mmHg, .haematocrit, .blood_volume_L, .cardiac_output_rel, .lactate_mmol_L,
    ]

    @Test(arguments: [Patient.adult, Patient.child, Patient(weightKg: 60, ageYears: 40, sex: .female)])
    func healthyPatientStaysPut(patient: Patient) throws {
        let tr = simulate(SimulationProblem(patient: patient, durationH: 72, sampleIntervalH: 1))
        #expect(tr.status == .success)
        for o in Self.watched {
            let col = tr.column(o)
            let start = col[0]
            let worst = col.map { abs($0 - start) / abs(start) }.max()!
            #expect(worst < 0.01, "\(o.rawValue) drifts \(worst * 100) % from \(start)")
        }
        #expect(tr.maximum(.volume_gut_lumen_L) < 1e-6)
        #expect(tr.minimum(.cramp_score) < 0.1 && tr.maximum(.myalgia_score) < 0.1)
    }

    @Test func startingCompositionMatchesTheReference() {
        let tr = simulate(SimulationProblem(durationH: 1, sampleIntervalH: 1))
        // PHYSIOLOGY.md §1a and §1c
        #expect(abs(tr.value(.water_total_L, at: 0) - 42) < 1e-9)
        #expect(abs(tr.value(.volume_plasma_L, at: 0) - 3.5) < 1e-9)
        #expect(abs(tr.value(.volume_intracellular_L, at: 0) - 28) < 1e-9)
        #expect((285...290).contains(tr.value(.osmolality_plasma_mosm_kg, at: 0)))
    }
}
