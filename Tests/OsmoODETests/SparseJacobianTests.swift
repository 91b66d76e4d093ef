import Foundation
import Testing
@testable import OsmoODE

/// A stiff nonlinear system with a chosen Jacobian pattern and a known Jacobian:
/// `f_i = −d_i·y_i + Σ_{j ∈ row i} a_ij·sin(y_j) + s_i·(1 + cos t)` (the time term only when not
/// autonomous), `∂f_i/∂y_j = a_ij·cos(y_j) − d_i·[i = j]`. The rates `d_i` spread over 1 … 1e4.
/// Row `i` reads only the components of its pattern, so grouped and one-by-one differences agree bit for bit.
struct PatternSystem: ODESystem {
    let rows: [[Int]]
    let a: [[Double]]
    let d: [Double]
    let s: [Double]
    var declare = false
    var autonomous = true
    var dimension: Int { rows.count }
    var isAutonomous: Bool { autonomous }
    var jacobianSparsity: JacobianSparsity? { declare ? JacobianSparsity(dimension: rows.count, rows: rows) : nil }

    init(rows: [[Int]], seed: UInt64 = 1) {
        let n = rows.count
        // The diagonal is always in: every state decays at its own rate.
        self.rows = (0..<n).map { i in Array(Set(rows[i] + [i])).sorted() }
        var g = SplitMix(state: seed)
        a = self.rows.map { r in r.map { _ in g.next() } }
        d = (0..<n).map { i in pow(10, 4 * Double(i % 7) / 6) }
        s = (0..<n).map { _ in g.next() }
    }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let forcing = autonomous ? 1 : 1 + cos(t)
        for i in 0..<rows.count {
            var v = -d[i] * y[i] + s[i] * forcing
            for (k, j) in rows[i].enumerated() { v += a[i][k] * sin(y[j]) }
            dydt[i] = v
        }
    }

    /// The exact Jacobian, row-major.
    func exactJacobian(_ y: [Double]) -> [Double] {
        let n = rows.count
        var jac = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            jac[i * n + i] = -d[i]
            for (k, j) in rows[i].enumerated() { jac[i * n + j] += a[i][k] * cos(y[j]) }
        }
        return jac
    }

    static func banded(_ n: Int, halfWidth w: Int) -> PatternSystem {
        PatternSystem(rows: (0..<n).map { i in Array(Swift.max(0, i - w)...Swift.min(n - 1, i + w)) })
    }

    static func blockDiagonal(blocks: Int, size b: Int) -> PatternSystem {
        PatternSystem(rows: (0..<(blocks * b)).map { i in Array((i / b * b)..<(i / b * b + b)) })
    }

    /// Every state depends on itself and on the last one (a hub); the hub depends only on itself.
    static func downArrow(_ n: Int) -> PatternSystem {
        PatternSystem(rows: (0..<n).map { i in i == n - 1 ? [i] : [i, n - 1] })
    }

    /// The full arrow: the hub also depends on every state (a dense last row).
    static func arrow(_ n: Int) -> PatternSystem {
        PatternSystem(rows: (0..<n).map { i in i == n - 1 ? Array(0..<n) : [i, n - 1] })
    }

    /// `perRow` random off-diagonal columns in each row.
    static func random(_ n: Int, perRow: Int, seed: UInt64) -> PatternSystem {
        var g = SplitMix(state: seed)
        return PatternSystem(rows: (0..<n).map { i in [i] + (0..<perRow).map { _ in Int(g.nextBits() % UInt64(n)) } }, seed: seed)
    }
}

struct SplitMix {
    var state: UInt64
    mutating func nextBits() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [−1, 1).
    mutating func next() -> Double { Double(nextBits() >> 11) / Double(1 << 53) * 2 - 1 }
}

/// The Jacobian a box computes at (t, y): the stepper's view, row-major.
func boxJacobian(_ box: RHSBox, t: Double, y: [Double]) -> [Double] {
    let n = box.dimension
    var dfdy = [Double](repeating: .nan, count: n * n)
    var dfdt = [Double](repeating: .nan, count: n)
    let ok = y.withUnsafeBufferPointer { yp in
        dfdy.withUnsafeMutableBufferPointer { j in
            dfdt.withUnsafeMutableBufferPointer { dt in box.evaluateJacobian(t, yp.baseAddress!, j.baseAddress!, dt.baseAddress!) }
        }
    }
    #expect(ok)
    return dfdy
}

func makeBox<S: ODESystem>(_ system: S, _ mode: FiniteDifferenceJacobian) -> SystemBox<S> {
    SystemBox(system: system, incrementFloor: 0.01, finiteDifferences: mode, rhs: S._rhsEntry, jacobian: S._jacobianEntry)
}

func state(_ n: Int, seed: UInt64) -> [Double] {
    var g = SplitMix(state: seed)
    return (0..<n).map { _ in 2 * g.next() }
}

@Suite struct SparseJacobianTests {
    static let shapes: [(String, PatternSystem)] = [
        ("tridiagonal", .banded(40, halfWidth: 1)),
        ("pentadiagonal", .banded(40, halfWidth: 2)),
        ("block-diagonal 8×5", .blockDiagonal(blocks: 8, size: 5)),
        ("down-arrow", .downArrow(30)),
        ("arrow", .arrow(30)),
        ("random 50, 3 per row", .random(50, perRow: 3, seed: 7)),
        ("random 60, 5 per row", .random(60, perRow: 5, seed: 11)),
    ]
    static let names = shapes.map(\.0)
    static func system(_ name: String) -> PatternSystem { shapes.first { $0.0 == name }!.1 }

    // MARK: Colouring

    @Test("colours: valid, at least the densest row, and as few as theory allows", arguments: names)
    func colouring(name: String) {
        let sys = Self.system(name)
        let p = JacobianSparsity(dimension: sys.dimension, rows: sys.rows)
        let c = ColumnColouring(p)
        #expect(c.isValid(for: p))
        #expect(c.count >= p.maxNonzerosPerRow)
        switch name {
        // Optimal for these shapes: bandwidth, block size, 2 for the down-arrow, n for a dense row.
        case "tridiagonal": #expect(c.count == 3)
        case "pentadiagonal": #expect(c.count == 5)
        case "block-diagonal 8×5": #expect(c.count == 5)
        case "down-arrow": #expect(c.count == 2)
        case "arrow": #expect(c.count == 30)
        default:
            // Random patterns: greedy needs at most (largest column-graph degree + 1); in practice a
            // few more than the densest row.
            #expect(c.count <= p.maxNonzerosPerRow + 6, "\(c.count) colours, densest row \(p.maxNonzerosPerRow)")
        }
        // Deterministic.
        #expect(ColumnColouring(p) == c)
    }

    @Test func patternBasics() {
        let p = JacobianSparsity(dimension: 3, nonzeros: [(0, 2), (0, 0), (0, 2), (2, 1)])
        #expect(p.rows == [[0, 2], [], [1]])
        #expect(p.contains(row: 0, column: 2) && !p.contains(row: 1, column: 1))
        #expect(p.columns == [[0], [2], [0]])
        #expect(p.nonzeroCount == 3 && p.maxNonzerosPerRow == 2)
        let q = p.union(JacobianSparsity(dimension: 3, nonzeros: [(1, 1)]))
        #expect(p.isSubset(of: q) && !q.isSubset(of: p))
        #expect(ColumnColouring(.dense(4)).count == 4)
    }

    // MARK: Jacobian values

    @Test("sparse = dense finite differences, bit for bit, and = the exact Jacobian to FD accuracy",
          arguments: names, [false, true])
    func sparseEqualsDense(name: String, declared: Bool) {
        var sys = Self.system(name)
        sys.declare = declared
        sys.autonomous = false
        let n = sys.dimension
        let dense = makeBox(sys, .dense), sparse = makeBox(sys, .sparse)
        for k in 0..<4 {
            let y = state(n, seed: UInt64(100 + k))
            let t = 0.3 * Double(k)
            let jd = boxJacobian(dense, t: t, y: y)
            let js = boxJacobian(sparse, t: t, y: y)
            #expect(js == jd, "\(name): sparse and dense differ at probe \(k)")
            let exact = sys.exactJacobian(y)
            let scale = exact.map(abs).max()!
            let err = zip(js, exact).map { abs($0 - $1) }.max()!
            #expect(err <= 1e-5 * scale, "\(name): FD error \(err) vs scale \(scale)")
        }
        let plan = sparse.sparse!
        let p = plan.pattern!
        #expect(p == JacobianSparsity(dimension: n, rows: sys.rows), "learned pattern = true pattern")
        #expect(plan.missedEntries == 0)
    }

    @Test("RHS calls per Jacobian: groups + 2 (f(y), ∂f/∂t); learning costs two dense passes", arguments: names)
    func callsPerJacobian(name: String) {
        var sys = Self.system(name)
        sys.autonomous = false
        let n = sys.dimension
        let y = state(n, seed: 5)
        // Declared: every Jacobian costs exactly groups + 2.
        sys.declare = true
        let declared = makeBox(sys, .sparse)
        let groups = ColumnColouring(JacobianSparsity(dimension: n, rows: sys.rows)).count
        for k in 1...5 {
            _ = boxJacobian(declared, t: 0, y: y)
            #expect(declared.finiteDifferenceEvaluations == k * (groups + 2))
        }
        // Learned: the first Jacobian is dense plus one probe at a perturbed state (n + 2 + n + 1 + 1;
        // no second probe later in time: the box has no horizon here),
        // the next firstRefresh ones grouped.
        sys.declare = false
        let learned = makeBox(sys, .sparse)
        _ = boxJacobian(learned, t: 0, y: y)
        let first = (n + 1) + (n + 1) + 1 + 1
        #expect(learned.finiteDifferenceEvaluations == first)
        let m = SparseJacobianPlan.firstRefresh
        for _ in 0..<m { _ = boxJacobian(learned, t: 0, y: y) }
        #expect(learned.finiteDifferenceEvaluations == first + m * (groups + 2))
        // Then one dense refresh, and the interval doubles.
        _ = boxJacobian(learned, t: 0, y: y)
        #expect(learned.finiteDifferenceEvaluations == first + m * (groups + 2) + n + 2)
        #expect(learned.sparse!.untilRefresh == 2 * m)
        // Against the dense box: n + 2 per Jacobian.
        let dense = makeBox(sys, .dense)
        _ = boxJacobian(dense, t: 0, y: y)
        #expect(dense.finiteDifferenceEvaluations == n + 2)
    }

    // MARK: Learning what probing at one state cannot see

    /// `f_0 = −y_0 + [y_1 > 0]·y_1·y_2`: at y_1 = 0 the entry (0, 2) is invisible (its coefficient is
    /// y_1 = 0, and moving y_2 changes nothing); the perturbed probe lifts y_1 and finds it.
    struct Gated: ODESystem {
        var dimension: Int { 3 }
        var isAutonomous: Bool { true }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            dydt[0] = -y[0] + (y[1] > 0 ? y[1] * y[2] : 0)
            dydt[1] = -2 * y[1]
            dydt[2] = -3 * y[2]
        }
    }

    @Test func perturbedProbeFindsGatedEntry() {
        let box = makeBox(Gated(), .sparse)
        _ = boxJacobian(box, t: 0, y: [1, 0, 1])
        let p = box.sparse!.pattern!
        #expect(p.contains(row: 0, column: 1))
        #expect(p.contains(row: 0, column: 2))
    }

    /// `f_0 = −y_0 + [t > 5]·y_1`, `f_1 = −y_1`: before t = 5 the pattern is diagonal (one group).
    /// After it, the grouped difference for row 0 mixes both columns and no check can tell; the
    /// refresh finds the entry within ``SparseJacobianPlan/firstRefresh`` Jacobians, and from then on
    /// the Jacobian is right.
    struct Switched: ODESystem {
        var dimension: Int { 2 }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            dydt[0] = -y[0] + (t > 5 ? y[1] : 0)
            dydt[1] = -y[1]
        }
    }

    @Test func refreshFindsLateEntry() {
        let box = makeBox(Switched(), .sparse)
        let y = [0.5, 0.25]
        _ = boxJacobian(box, t: 0, y: y)
        #expect(box.sparse!.pattern!.nonzeroCount == 2)
        var fixedAfter = -1
        for k in 1...(SparseJacobianPlan.firstRefresh + 1) {
            let j = boxJacobian(box, t: 6, y: y)
            if abs(j[1] - 1) < 1e-6 && abs(j[0] + 1) < 1e-6 { fixedAfter = k; break }
        }
        #expect(fixedAfter >= 1 && fixedAfter <= SparseJacobianPlan.firstRefresh + 1)
        #expect(box.sparse!.pattern!.contains(row: 0, column: 1))
        #expect(box.sparse!.colouring!.count == 2)
    }

    /// A declared pattern that misses an entry in a row its group does not reach: the check sees
    /// the row move, recomputes densely and adds the entry.
    struct Misdeclared: ODESystem {
        var dimension: Int { 3 }
        var isAutonomous: Bool { true }
        // Says f_2 depends only on y_2; it also reads y_1 (column 1's group, {1}, does not reach row 2).
        var jacobianSparsity: JacobianSparsity? { JacobianSparsity(dimension: 3, rows: [[0, 1], [0, 1], [2]]) }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            dydt[0] = -y[0] + y[1]
            dydt[1] = y[0] - 2 * y[1]
            dydt[2] = -y[2] + y[1] * y[1]
        }
    }

    @Test func checkCatchesMisdeclaredPattern() {
        let sparse = makeBox(Misdeclared(), .sparse), dense = makeBox(Misdeclared(), .dense)
        let y = [0.7, 0.2, 0.1]
        let js = boxJacobian(sparse, t: 0, y: y)
        #expect(js == boxJacobian(dense, t: 0, y: y))
        #expect(sparse.sparse!.missedEntries == 1)
        #expect(sparse.sparse!.pattern!.contains(row: 2, column: 1))
        // Now right without a dense fallback.
        #expect(boxJacobian(sparse, t: 0, y: y) == js)
        #expect(sparse.sparse!.missedEntries == 1)
    }

    @Test func wrongDeclaredDimensionThrows() {
        struct Wrong: ODESystem {
            var dimension: Int { 2 }
            var jacobianSparsity: JacobianSparsity? { .dense(3) }
            func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                dydt[0] = 0; dydt[1] = 0
            }
        }
        #expect(throws: ODEError.self) { try Integrator(system: Wrong(), initialState: [0, 0]) }
    }

    // MARK: Solves

    @Test("msbdf and bsimp: sparse and dense Jacobians give the same solution, for fewer calls",
          arguments: [Stepper.msbdf, .bsimp], ["pentadiagonal", "block-diagonal 8×5", "random 60, 5 per row"])
    func solvesAgree(stepper: Stepper, name: String) throws {
        var sys = Self.system(name)
        sys.autonomous = false
        let n = sys.dimension
        let y0 = state(n, seed: 3)
        var options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-8)
        options.finiteDifferences = .dense
        let dense = try solve(sys, from: 0, to: 5, initialState: y0, options: options)
        options.finiteDifferences = .sparse
        let sparse = try solve(sys, from: 0, to: 5, initialState: y0, options: options)
        sys.declare = true
        let declared = try solve(sys, from: 0, to: 5, initialState: y0, options: options)
        #expect(dense.status == .success && sparse.status == .success && declared.status == .success)
        for s in [sparse, declared] {
            let a = try #require(s.finalState), b = try #require(dense.finalState)
            let err = scaledError(a, b, atol: 1e-10, rtol: 1e-8)
            #expect(err < 10, "\(name) \(stepper): scaled difference \(err)")
        }
        let jd = dense.statistics, js = sparse.statistics, jdecl = declared.statistics
        let groups = ColumnColouring(JacobianSparsity(dimension: n, rows: sys.rows)).count
        #expect(jd.finiteDifferenceEvaluations == jd.jacobianEvaluations * (n + 2))
        #expect(jdecl.finiteDifferenceEvaluations == jdecl.jacobianEvaluations * (groups + 2))
        #expect(js.jacobianColumnGroups == groups)
        // Learned: groups + 2 per Jacobian, plus the two probes of the first one and the dense
        // refreshes (at most one per firstRefresh Jacobians, fewer as the interval doubles).
        let refreshes = js.jacobianEvaluations / SparseJacobianPlan.firstRefresh + 1
        #expect(js.finiteDifferenceEvaluations <= js.jacobianEvaluations * (groups + 2) + (refreshes + 2) * (n + 2))
        #expect(js.finiteDifferenceEvaluations * 2 < jd.finiteDifferenceEvaluations,
                "sparse \(js.finiteDifferenceEvaluations) vs dense \(jd.finiteDifferenceEvaluations) FD calls")
    }

    @Test func sameBitsEveryRun() throws {
        let sys = Self.system("random 50, 3 per row")
        let y0 = state(sys.dimension, seed: 9)
        let options = SolverOptions(stepper: .msbdf, absoluteTolerance: 1e-9, relativeTolerance: 1e-7)
        let a = try solve(sys, from: 0, to: 3, initialState: y0, options: options, saveAt: [0, 1, 2, 3])
        let b = try solve(sys, from: 0, to: 3, initialState: y0, options: options, saveAt: [0, 1, 2, 3])
        #expect(a.values == b.values && a.statistics == b.statistics)
    }
}
