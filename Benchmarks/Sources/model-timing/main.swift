// CPU time of one 72-hour adult run of the whole physiology model (msbdf, default tolerances),
// for the arms of the flagship scenario (Scenarios/norovirus-adult.yaml, built here in code so this
// benchmark depends on the model only). Thread CPU time (CLOCK_THREAD_CPUTIME_ID), min / median / max.
//   swift run -c release model-timing [RUNS]     (from Benchmarks/; default 30 runs)
import Foundation
import OsmoODE
import OsmoPhysiology

func flagshipArm(_ drink: String?) -> SimulationProblem {
    var p = SimulationProblem(patient: .adult, durationH: 72, sampleIntervalH: 0.25)
    p.illness = .pathogen(.norovirus, severity: 1, onsetH: 0)
    p.overrides = ["maintenance_intake_fraction": 0.3]
    if let d = drink, let fluid = FluidLibrary.named(d) {
        p.drinks = [OralDrink(fluid: fluid, schedule: .every(intervalH: 2, volumeL: 0.25, startH: 2, stopH: 48))]
    }
    return p
}

func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
}

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 30 : 30
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; runs: \(runs)")
// The first run of each arm ("first") also solves the inflammation course, which later runs with the
// same illness reuse (InflammationTrack.Solved), as the arms of a scenario and the runs of a sweep do.
print("arm (72 h, 70 kg, norovirus)  steps  RHS calls  CPU ms: first  min  median  max")
for (name, drink) in [("untreated", nil), ("ors", "who-ors"), ("sports-drink", "sports-drink")] as [(String, String?)] {
    let problem = flagshipArm(drink)
    var times: [Double] = []
    var last: Trajectory? = nil
    let c0 = cpuNow()
    _ = simulate(problem)  // warm-up
    let first = cpuNow() - c0
    for _ in 0..<runs {
        let t0 = cpuNow()
        let tr = simulate(problem)
        times.append(cpuNow() - t0)
        last = tr
    }
    times.sort()
    let s = last!.statistics
    let pad = { (x: String, n: Int) in x + String(repeating: " ", count: max(0, n - x.count)) }
    print(pad(name, 30), pad(String(s.steps), 6), pad(String(s.rhsEvaluations), 10),
          String(format: "%7.2f %7.2f %7.2f %7.2f", first, times.first!, times[times.count / 2], times.last!), last!.status)
    if CommandLine.arguments.contains("--stats") {
        print("    steps \(s.steps) (rkck \(s.nonStiffSteps)), resets \(s.resets), to msbdf \(s.stiffnessSwitches), back \(s.nonStiffReturns), Jacobians \(s.jacobianEvaluations), FD calls \(s.finiteDifferenceEvaluations)")
    }
}

// Finite-difference Jacobians, dense (one RHS call per state) against sparse (one per column group of
// the learned pattern), for the implicit steppers: Jacobians per run, RHS calls spent on them, all
// RHS calls, and CPU time (median of RUNS/3 runs, at least 3).
//   model-timing RUNS [--no-jacobians] [--stats]
if !CommandLine.arguments.contains("--no-jacobians") {
    print("")
    print("Jacobians (72 h arms): stepper  FD        Jacobians  groups  FD RHS calls  all RHS calls  CPU ms median")
    let short = max(3, runs / 3)
    for (name, drink) in [("untreated", nil), ("ors", "who-ors")] as [(String, String?)] {
        for stepper in [Stepper.auto, .msbdf, .bsimp] {
            for form in FiniteDifferenceJacobian.allCases {
                var problem = flagshipArm(drink)
                problem.solver.stepper = stepper
                problem.solver.finiteDifferences = form
                var times: [Double] = []
                var last: Trajectory? = nil
                _ = simulate(problem)
                for _ in 0..<short {
                    let t0 = cpuNow()
                    last = simulate(problem)
                    times.append(cpuNow() - t0)
                }
                times.sort()
                let s = last!.statistics
                let pad = { (x: String, n: Int) in x + String(repeating: " ", count: max(0, n - x.count)) }
                print(pad(name, 22), pad(stepper.name, 8), pad(form.rawValue, 9), pad(String(s.jacobianEvaluations), 10),
                      pad(String(s.jacobianColumnGroups), 7), pad(String(s.finiteDifferenceEvaluations), 13),
                      pad(String(s.rhsEvaluations), 14), String(format: "%7.2f", times[times.count / 2]), last!.status)
            }
        }
    }
}
