// The Swift layer's cost per RHS call: the same Robertson solve through OsmoODE and through GSL
// driven from C (same stepper, tolerances, first step and evolve loop; the results are checked
// to be bit-identical). Overhead per RHS call = (Swift time − C time) / RHS calls.
//
//   swift run -c release rhs-overhead [repetitions]        # timing table (min and median of runs)
//   rhs-overhead --once swift|c CASE COUNT                   # COUNT solves of one path, for valgrind
//   rhs-overhead --describe CASE                             # "name RHS-calls steps success" of one case
import BenchSupport
import Foundation

let cases: [RobertsonCase] = [
    RobertsonCase(.rkf45, to: 40), RobertsonCase(.rk8pd, to: 40), RobertsonCase(.msadams, to: 40),
    RobertsonCase(.msbdf, to: 1e5), RobertsonCase(.bsimp, to: 1e5), RobertsonCase(.rk2imp, to: 40),
]

func seconds(_ body: () -> Void) -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    let start = Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    body()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9 - start
}

let args = CommandLine.arguments
/// A case index into `cases`, or into `fullSolveCases` when prefixed with "f" (f1 = msbdf 1e5 FD).
func lookUp(_ arg: String) -> RobertsonCase {
    arg.hasPrefix("f") ? fullSolveCases[Int(arg.dropFirst())!] : cases[Int(arg)!]
}

if args.count == 3, args[1] == "--describe" {
    let c = lookUp(args[2])
    let s = solveSwift(c)
    print("\(c.description.replacingOccurrences(of: " ", with: "_")) \(s.rhsEvaluations) \(s.steps) \(s.success)")
    exit(0)
}
if args.count >= 5, args[1] == "--once" {
    let c = lookUp(args[3])
    let count = Int(args[4])!
    var sink = 0.0
    for _ in 0..<count { sink += (args[2] == "swift" ? solveSwift(c) : solveC(c)).y[0] }
    print(c, sink)
    exit(0)
}

let repetitions = args.count > 1 ? Int(args[1]) ?? 30 : 30
print("case                      RHS calls  steps   C min µs  Swift min µs  C med µs  Swift med µs  overhead ns/RHS (min, median)  identical")
for c in cases {
    let s = solveSwift(c), k = solveC(c)
    // Interleave the two paths so that frequency drift hits both alike.
    var tc: [Double] = [], ts: [Double] = []
    // Enough solves per sample to last ≥ 20 ms.
    let perSample = max(1, Int(0.02 / max(seconds { _ = solveC(c) }, 1e-7)))
    for _ in 0..<repetitions {
        tc.append(seconds { for _ in 0..<perSample { _ = solveC(c) } } / Double(perSample))
        ts.append(seconds { for _ in 0..<perSample { _ = solveSwift(c) } } / Double(perSample))
    }
    tc.sort(); ts.sort()
    let n = Double(s.rhsEvaluations)
    let name = c.description.padding(toLength: 24, withPad: " ", startingAt: 0)
    let line = name + String(
        format: " %10d %6d %10.1f %13.1f %9.1f %13.1f %14.2f %8.2f  ",
        s.rhsEvaluations, s.steps, tc[0] * 1e6, ts[0] * 1e6, tc[tc.count / 2] * 1e6,
        ts[ts.count / 2] * 1e6, (ts[0] - tc[0]) / n * 1e9, (ts[ts.count / 2] - tc[tc.count / 2]) / n * 1e9)
        + (s == k ? "yes" : "NO: \(s) vs \(k)")
    print(line)
}
