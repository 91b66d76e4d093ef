// package-benchmark suite for OsmoODE. Run from Benchmarks/: `swift package benchmark`
// (`--filter 'FullSolve.*'` etc.; the filter is a whole-match regex).
import Benchmark
import BenchSupport
import OsmoODE

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
}
