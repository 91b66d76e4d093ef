import Testing
import OsmoODE
@testable import OsmoPhysiology

/// Mass balance: every litre and millimole that enters or leaves is in a ledger, so the body's
/// content at any time equals its start plus what came in minus what went out.
@Suite struct LedgerTests {
    /// A busy week: norovirus, drinks of three kinds, an IV infusion, vomiting, ad-lib thirst.
    static func busyWeek() -> Trajectory {
        var p = SimulationProblem(durationH: 168, sampleIntervalH: 1)
        p.illness = .pathogen(.rotavirus, severity: 1.5, onsetH: 6)
        p.overrides = ["maintenance_intake_fraction": 0.6]
        p.drinks = [
            OralDrink(fluid: Fluids.ors, schedule: .every(intervalH: 3, volumeL: 0.2, startH: 10, stopH: 120)),
            OralDrink(fluid: Fluids.sports, schedule: .at(timesH: [20, 20.5, 50], volumeL: 0.33)),
            OralDrink(fluid: Fluids.water, schedule: .adLib),
            OralDrink(fluid: Fluids.ors, schedule: .perStool(volumeL: 0.2, stoolVolumeL: 0.25)),
            OralDrink(fluid: FluidLibrary.named("apple-juice")!, schedule: .continuous(rateLPerH: 0.05, startH: 70, stopH: 80)),
        ]
        p.infusions = [Infusion(fluid: FluidLibrary.named("ringer-lactate")!, rateLPerH: 0.5, startH: 30, stopH: 33)]
        p.vomiting = [Vomit(timeH: 20.25), Vomit(timeH: 50.1, fraction: 0.5)]
        return simulate(p)
    }

    static let week = busyWeek()

    @Test func runSucceeds() {
        #expect(Self.week.status == .success)
        #expect(Self.week.final(.cum_vomit_L) > 0)
        #expect(Self.week.final(.cum_iv_intake_L) > 1.49)
    }

    /// Cumulative flows only grow (drinking that follows stool or thirst is never negative).
    @Test func cumulativeFlowsNeverDecrease() {
        for o: Observable in [.cum_oral_intake_L, .cum_iv_intake_L, .cum_stool_L, .cum_urine_L, .cum_insensible_L,
                              .cum_vomit_L, .cum_metabolic_water_L, .cum_na_in_mmol, .cum_na_out_mmol,
                              .cum_k_in_mmol, .cum_k_out_mmol] {
            let c = Self.week.column(o)
            for k in 1..<c.count { #expect(c[k] >= c[k - 1] - 1e-9, "\(o.rawValue) falls at sample \(k)") }
        }
    }

    /// Per-stool drinking of a drink that worsens the diarrhoea saturates at max_drink_rate.
    @Test func perStoolDrinkingIsCapped() {
        var p = SimulationProblem(patient: .child, durationH: 72, sampleIntervalH: 1)
        p.illness = .pathogen(.rotavirus, severity: 1.5, onsetH: 0)
        p.drinks = [OralDrink(fluid: Fluids.sports, schedule: .perStool(volumeL: 0.2, stoolVolumeL: 0.1))]
        let tr = simulate(p)
        #expect(tr.status == .success)
        let maintenance = Patient.child.maintenanceWaterLPerDay / 24
        let oral = tr.column(.cum_oral_intake_L)
        for k in 1..<oral.count {
            let rate = oral[k] - oral[k - 1] - maintenance   // L/h of drinks over the hour
            #expect(rate <= 0.020 * 10 * 1.001, "drinking \(rate) L/h exceeds 20 mL/kg/h")
        }
    }

    @Test func waterLedgerCloses() {
        let tr = Self.week
        let water0 = tr.value(.water_total_L, at: 0) + tr.value(.volume_gut_lumen_L, at: 0)
        var scale = 0.0, worst = 0.0
        for k in 0..<tr.sampleCount {
            let inflow = tr.value(.cum_oral_intake_L, at: k) + tr.value(.cum_iv_intake_L, at: k)
                + tr.value(.cum_metabolic_water_L, at: k)
            let outflow = tr.value(.cum_stool_L, at: k) + tr.value(.cum_urine_L, at: k)
                + tr.value(.cum_insensible_L, at: k) + tr.value(.cum_vomit_L, at: k)
            let water = tr.value(.water_total_L, at: k) + tr.value(.volume_gut_lumen_L, at: k)
            worst = max(worst, abs(water - (water0 + inflow - outflow)))
            scale = max(scale, inflow + outflow)
            // Body weight is the scale's reading: water changes 1 kg per litre.
            #expect(abs(tr.value(.body_weight_kg, at: k) - (70 + water - water0)) < 1e-9)
        }
        #expect(worst / scale < 1e-6, "water ledger off by \(worst) L of \(scale) L moved")
    }

    @Test(arguments: [("na", Observable.na_total_mmol, Observable.cum_na_in_mmol, Observable.cum_na_out_mmol),
                      ("k", .k_total_mmol, .cum_k_in_mmol, .cum_k_out_mmol),
                      ("cl", .cl_total_mmol, .cum_cl_in_mmol, .cum_cl_out_mmol),
                      ("base", .base_total_mmol, .cum_base_in_mmol, .cum_base_out_mmol)])
    func soluteLedgerCloses(name: String, total: Observable, cumIn: Observable, cumOut: Observable) {
        let tr = Self.week
        let start = tr.value(total, at: 0)
        var scale = 0.0, worst = 0.0
        for k in 0..<tr.sampleCount {
            let i = tr.value(cumIn, at: k), o = tr.value(cumOut, at: k)
            // Na released by the cell and bone buffers (one per H+ they hold) comes from the body's own store.
            let released = name == "na" ? tr.value(.buffer_na_released_mmol, at: k) - tr.value(.buffer_na_released_mmol, at: 0) : 0
            worst = max(worst, abs(tr.value(total, at: k) - released - (start + i - o)))
            scale = max(scale, i + o)
        }
        #expect(worst / scale < 1e-6, "\(name) ledger off by \(worst) mmol of \(scale) mmol moved")
    }

    /// Charge balance: every flux carries as much anion as cation charge, so the ECF's Na + K − Cl − HCO3
    /// less its lactate and ketoacids (albumin, the interstitium's fixed anions, phosphate and the other
    /// unmeasured anions) stays at its starting amount in a busy week of drinks, IV, vomiting and diarrhoea.
    /// The columns are the plasma's: the ECF means are theirs divided by the Gibbs–Donnan ratio (MODEL.md §7b).
    @Test func extracellularChargeIsConserved() {
        let tr = Self.week
        let p = ModelParameters(), patient = Patient.adult
        let vp0 = patient.plasmaFraction * patient.weightKg, ve0 = patient.extracellularFraction * patient.weightKg
        let qA = p.plasmaAlbumin * p.albuminAnionPerGram
        // Lactate and ketoacids are the unmeasured anions the model makes and burns: the rest is conserved.
        func charge(_ k: Int) -> Double {
            let vp = tr.value(.volume_plasma_L, at: k), ve = vp + tr.value(.volume_interstitial_L, at: k)
            let cations = tr.value(.na_plasma_mmol_L, at: k) + tr.value(.k_plasma_mmol_L, at: k)
            let donnan = max(cations - qA * vp0 / vp, 1) / max(cations - qA * ve0 / ve, 1)
            let anions = tr.value(.cl_plasma_mmol_L, at: k) + tr.value(.hco3_plasma_mmol_L, at: k)
                + tr.value(.lactate_mmol_L, at: k) + tr.value(.ketone_mmol_L, at: k)
            return (cations - anions / donnan) * ve
        }
        let z0 = charge(0)
        var worst = 0.0
        for k in 0..<tr.sampleCount { worst = max(worst, abs(charge(k) - z0)) }
        // The Na moved in the week is thousands of mmol; the unmeasured-anion charge must not drift by 0.1.
        #expect(worst < 0.1, "ECF charge drifts by \(worst) mEq from \(z0)")
        #expect(abs(z0 - 15.1 * 14) < 0.5)
    }
}

/// Extreme inputs: nothing goes negative, nothing fails.
@Suite struct PositivityTests {
    func checkNonNegative(_ p: SimulationProblem) throws {
        let tr = simulate(p)
        // Success, or the physical guard ending the run where no body goes (issue #15: 20 L/day of
        // stool with nothing to drink reaches plasma Cl > 400 mmol/L by day 3); never a solver failure.
        #expect(tr.status == .success || tr.status.code == "non_physical", "\(tr.status)")
        for o: Observable in [.volume_plasma_L, .volume_interstitial_L, .volume_intracellular_L, .volume_gut_lumen_L,
                              .volume_stomach_L, .na_plasma_mmol_L, .k_plasma_mmol_L, .cl_plasma_mmol_L,
                              .hco3_plasma_mmol_L, .mg_plasma_mmol_L, .glucose_plasma_mmol_L, .urine_rate_mL_kg_h,
                              .stool_rate_mL_h, .na_total_mmol, .k_total_mmol] {
            #expect(tr.minimum(o) >= -1e-6, "\(o.rawValue) reaches \(tr.minimum(o))")
        }
    }

    /// 30 h of it: the body is in shock (ECF below half) from 9 h and by then holds almost no Cl or HCO3;
    /// much beyond that, with lactate near 100 mmol/L and the cells shrinking, the model has left the
    /// states a body can have (the critical-state flag says so from 9 h on).
    @Test func twentyLitresOfStoolADay() throws {
        var p = SimulationProblem(durationH: 30, sampleIntervalH: 0.25)
        // 20 L/day at 70 kg = 11.9 mL/kg/h, with nothing to drink.
        p.illness = .prescribedStool(PrescribedStool(ratesMLPerKgH: [(0, 20_000 / 24 / 70)], composition: .choleraAdult))
        p.overrides = ["maintenance_intake_fraction": 0]
        try checkNonNegative(p)
    }

    @Test func fiveLitresOfWaterInAnHour() throws {
        var p = SimulationProblem(durationH: 24, sampleIntervalH: 0.05)
        p.drinks = [OralDrink(fluid: Fluids.water, schedule: .every(intervalH: 0.05, volumeL: 0.25, startH: 1, stopH: 2))]
        try checkNonNegative(p)
        var q = p
        q.drinks = [OralDrink(fluid: Fluids.water, schedule: .continuous(rateLPerH: 5, startH: 1, stopH: 2))]
        try checkNonNegative(q)
    }

    @Test func massiveCholeraWithSaltyIVAndVomiting() throws {
        var p = SimulationProblem(durationH: 96, sampleIntervalH: 0.25)
        p.illness = .pathogen(.cholera, severity: 3, onsetH: 0)
        p.infusions = [Infusion(fluid: FluidLibrary.named("saline-3")!, rateLPerH: 0.5, startH: 10, stopH: 20)]
        p.vomiting = (1...20).map { Vomit(timeH: Double($0) * 2, fraction: 1) }
        p.drinks = [OralDrink(fluid: FluidLibrary.named("apple-juice")!, schedule: .every(intervalH: 0.5, volumeL: 0.5, startH: 0, stopH: 96))]
        try checkNonNegative(p)
    }
}
