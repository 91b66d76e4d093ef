/// How the points of a sweep are chosen.
public enum SamplingPlan: Sendable, Equatable {
    /// Every combination of the parameters' grid values; the last parameter varies fastest.
    case grid
    /// Latin hypercube of `samples` points: in every dimension each of the `samples` equal strata
    /// holds exactly one point; strata are matched by seeded random permutations and each point is
    /// jittered uniformly inside its stratum.
    case latinHypercube(samples: Int, seed: UInt64)
    /// The first `samples` points of Sobol's sequence (GSL `gsl_qrng_sobol`).
    case sobol(samples: Int)
    /// Saltelli's design for first- and total-order Sobol indices (Saltelli et al. 2010): `base`
    /// points of a 2D-dimensional Sobol sequence split into matrices A (first D coordinates) and
    /// B (last D); each base point j gives D + 2 runs in SALib's order: A_j, AB_j^(1) … AB_j^(D)
    /// (A_j with coordinate i taken from B_j), B_j.
    case saltelli(base: Int)

    /// Runs in the plan for these parameters; `Int.max` when the product overflows (the validator
    /// refuses anything above ``SweepValidator/maxRuns``).
    public func runCount(_ parameters: [SweepParameter]) -> Int {
        func times(_ a: Int, _ b: Int) -> Int {
            let (p, o) = a.multipliedReportingOverflow(by: b)
            return o ? Int.max : p
        }
        switch self {
        case .grid: return parameters.reduce(1) { times($0, $1.gridCount) }
        case .latinHypercube(let n, _): return n
        case .sobol(let n): return n
        case .saltelli(let n): return times(n, parameters.count + 2)
        }
    }

    /// Short name used in `sweep.csv`'s header comment.
    public var designName: String {
        switch self {
        case .grid: return "grid"
        case .latinHypercube: return "lhs"
        case .sobol: return "sobol"
        case .saltelli: return "saltelli"
        }
    }
}

/// Produces the parameter values of each run. Runs must be asked for in increasing order (the
/// Sobol sequence only moves forward); grid and Latin hypercube points are computed directly
/// from the run index, so a cursor holds O(1) memory whatever the number of runs.
public final class PlanCursor {
    let parameters: [SweepParameter]
    let plan: SamplingPlan
    private let grid: [[Double]]
    private let permutations: [RandomPermutation]
    private var sobol: SobolSequence?
    private var sobolPoint: [Double] = []
    private var sobolPointIndex = -1

    public init(plan: SamplingPlan, parameters: [SweepParameter]) {
        self.plan = plan
        self.parameters = parameters
        grid = plan == .grid ? parameters.map(\.gridValues) : []
        if case .latinHypercube(let n, let seed) = plan {
            permutations = parameters.indices.map { d in
                RandomPermutation(count: n, key: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(d) &+ 0x5157_4545)))
            }
        } else {
            permutations = []
        }
        switch plan {
        case .sobol: sobol = SobolSequence(dimension: parameters.count)
        case .saltelli: sobol = SobolSequence(dimension: 2 * parameters.count)
        default: sobol = nil
        }
    }

    /// The unit-cube coordinates of run `run` (grid runs have none: use ``values(run:)``).
    public func unitPoint(run: Int) -> [Double] {
        let d = parameters.count
        switch plan {
        case .grid:
            return []
        case .latinHypercube(let n, let seed):
            return (0..<d).map { k in
                let jitter = unitInterval(SplitMix64.mix(seed &+ SplitMix64.mix(UInt64(run) &* 0x1_0000_0001 &+ UInt64(k))))
                return (Double(permutations[k][run]) + jitter) / Double(n)
            }
        case .sobol:
            return sobolAt(run)
        case .saltelli:
            let base = run / (d + 2), slot = run % (d + 2)
            let x = sobolAt(base)
            if slot == 0 { return Array(x[0..<d]) }
            if slot == d + 1 { return Array(x[d..<(2 * d)]) }
            var a = Array(x[0..<d])
            a[slot - 1] = x[d + slot - 1]
            return a
        }
    }

    /// The parameter values of run `run`, in the parameters' order.
    public func values(run: Int) -> [Double] {
        if plan == .grid {
            var rest = run
            var out = [Double](repeating: 0, count: parameters.count)
            for k in stride(from: parameters.count - 1, through: 0, by: -1) {
                let levels = grid[k]
                out[k] = levels[rest % levels.count]
                rest /= levels.count
            }
            return out
        }
        return zip(parameters, unitPoint(run: run)).map { $0.value(unit: $1) }
    }

    private func sobolAt(_ k: Int) -> [Double] {
        if k != sobolPointIndex, let s = sobol {
            s.advance(to: k)
            sobolPoint = s.next()
            sobolPointIndex = k
        }
        return sobolPoint
    }
}
