// package-benchmark suite for OsmoODE. Run from Benchmarks/: `swift package benchmark`
// (`--filter 'FullSolve.*'` etc.; the filter is a whole-match regex).
import Benchmark
import BenchSupport
import OsmoODE
import OsmoPhysiology
import OsmoInflammation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        // Instruction counts need perf events, which this VM does not expose: see
        // Scripts/callgrind-overhead.sh for noise-free instruction counts.
        metrics: [.wallClock, .mallocCountTotal],
        scalingFactor: .one,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    // (c) Full-solve time per stepper on Robertson (see BenchSupport.fullSolveCases for the end times).
    for c in fullSolveCases {
        Benchmark("FullSolve/\(c)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(solveSwift(c))
            }
        }
    }

    // (a) The same solves driven by GSL from C: FullSolve − CBaseline = the Swift layer.
    for c in fullSolveCases where c.analyticJacobian {
        Benchmark("CBaseline/\(c)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(solveC(c))
            }
        }
    }

    // (b) Allocations must not grow with the number of RHS calls: the same stepper over a short
    // and a long span (about 10× the RHS calls) must show the same malloc count.
    for (stepper, short, long) in [(Stepper.rkf45, 4.0, 40.0), (.msbdf, 40.0, 1e5), (.bsimp, 40.0, 1e5)] {
        for analytic in stepper.usesJacobian ? [true, false] : [true] {
            for tEnd in [short, long] {
                let c = RobertsonCase(stepper, to: tEnd, analyticJacobian: analytic)
                Benchmark(
                    "Allocations/\(c)",
                    configuration: .init(metrics: [.mallocCountTotal], maxIterations: 20)
                ) { benchmark in
                    for _ in benchmark.scaledIterations {
                        blackHole(solveSwift(c))
                    }
                }
            }
        }
    }

    // (d) The physiology right-hand side allocates nothing: 10,000 evaluations of the whole fluid
    // model (44 states) at a mid-illness state must show no mallocs beyond set-up.
    Benchmark(
        "Physiology/RHS x10000",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 50)
    ) { benchmark in
        var p = SimulationProblem(durationH: 24, sampleIntervalH: 24)
        p.illness = .pathogen(.norovirus, severity: 1, onsetH: 0)
        let model = FluidModel(patient: .adult, parameters: .init(), illness: p.illness, mechanisms: .init(), durationH: 24)
        let y = model.initialState()
        var dydt = [Double](repeating: 0, count: y.count)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            y.withUnsafeBufferPointer { yb in
                dydt.withUnsafeMutableBufferPointer { db in
                    for k in 0..<10_000 { model.derivatives(t: 12 + Double(k) * 1e-4, y: yb, dydt: db) }
                }
            }
        }
        benchmark.stopMeasurement()
        blackHole(dydt)
    }

    // (e) The inflammation submodel's right-hand side allocates nothing either (10,000 calls after an
    // endotoxin bolus). This replaces an in-process resident-memory check that other tests running
    // concurrently made flaky.
    Benchmark(
        "Inflammation/RHS x10000",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 50)
    ) { benchmark in
        let model = InflammationModel()
        let n = InflammationModel.stateCount
        var y = [Double](repeating: 0, count: n), dy = [Double](repeating: 0, count: n)
        y.withUnsafeMutableBufferPointer { model.initialState($0.baseAddress!); model.addEndotoxinBolus(ngPerKg: 2, to: $0.baseAddress!) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            y.withUnsafeBufferPointer { yb in
                dy.withUnsafeMutableBufferPointer { db in
                    for k in 0..<10_000 {
                        model.derivatives(t: Double(k) * 1e-4, y: yb.baseAddress!, dydt: db.baseAddress!,
                                          pathogenLoad: 0.5, inflammatoryPotency: 1)
                    }
                }
            }
        }
        benchmark.stopMeasurement()
        blackHole(dy)
    }
}
