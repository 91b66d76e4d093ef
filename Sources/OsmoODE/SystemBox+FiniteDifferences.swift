/// Finite-difference Jacobians for systems without an analytic one: dense (one right-hand-side
/// call per column) or sparse (one call per group of structurally orthogonal columns).
///
/// Every column uses forward differences with the scaled increment
/// `δ_j = √ε · max(|y_j|, floor)` (rounded to the increment actually represented),
/// column `j` = `(f(y + δ_j e_j) − f(y)) / δ_j`; the sparse form perturbs a whole group
/// `G` at once and reads row `i` of `(f(y + Σ_{j∈G} δ_j e_j) − f(y)) / δ_j` for the one column
/// `j ∈ G` that row `i` has in the pattern. The increments are the same, so where row `i` depends
/// only on its pattern columns the two Jacobians agree to the last bit.
///
/// The pattern is declared by the system (``ODESystem/jacobianSparsity``) or learned:
/// 1. The first Jacobian is dense, and every entry whose right-hand side changed (bit for bit) is
///    taken into the pattern; so is every entry that changes at a second, perturbed state (each
///    component moved by up to ±10 %, zeros lifted to the increment floor so that terms gated on a
///    positive amount switch on), probed with increments 10⁴ × larger, at the Jacobian's time and
///    again at the end of the interval being integrated (``RHSBox/horizon``), where terms that
///    switch on with time (an illness starting) are on.
/// 2. Later Jacobians use the colouring of the pattern. Each grouped call also checks the rows no
///    column of the group reaches: any change there means the pattern missed an entry, and that
///    Jacobian is recomputed densely and the entries found are added (then the colouring is redone).
/// 3. A learned pattern is refreshed by a dense Jacobian every ``SparseJacobianPlan/firstRefresh``
///    Jacobians, the interval doubling each time nothing new is found (and back to the start when
///    something is): a dependency that appears only later in a run (an illness starting, a gut
///    filling) is found within a bounded number of Jacobians even where step 2 cannot see it.
/// A missed entry makes the Jacobian wrong where it is missed (and, in a shared group, in the entry it
/// is added to): for msbdf and rk*imp that costs Newton iterations (their iteration matrix is an
/// approximation anyway), for bsimp, whose formula uses the Jacobian itself, accuracy per step is still
/// held by its error estimate — never a silently inaccurate accepted step, but possibly a slower solve,
/// which is why the pattern is probed conservatively and refreshed. Everything above is deterministic,
/// so results do not depend on thread counts.
final class SparseJacobianPlan {
    let dimension: Int
    /// Declared by the system: trusted (no probes, no refreshes), but still checked as in step 2.
    let declared: Bool
    private(set) var pattern: JacobianSparsity?
    private(set) var colouring: ColumnColouring?
    /// `inPattern[i·n + j]`: entry (i, j) is in the pattern.
    private var inPattern: [Bool]
    /// What the grouped evaluation reads, flattened into one array so that its loops touch no
    /// nested arrays: see ``Layout``.
    private(set) var table: [Int] = []
    private(set) var layout = Layout()
    /// Grouped Jacobians left before the next dense refresh (learned patterns only).
    var untilRefresh = 0
    private var refreshInterval = SparseJacobianPlan.firstRefresh
    /// Dense Jacobians taken (first, refreshes, and those forced by a missed entry).
    private(set) var denseJacobians = 0
    /// Times the check of step 2 found a missed entry.
    private(set) var missedEntries = 0

    static let firstRefresh = 16
    static let longestRefresh = 1 << 12
    /// Increment of the perturbed-state probe, relative (× max(|y_j|, floor)).
    static let probeIncrement = 1e-4

    /// Offsets into ``table``: for group g, its columns are `table[groupColumns + table[groupStart + g] ..<
    /// groupColumns + table[groupStart + g + 1]]`; for column j, its rows likewise from `columnStart` /
    /// `columnRows`; for group g, the rows it does not reach from `uncoveredStart` / `uncovered`.
    struct Layout {
        var groups = 0
        var groupStart = 0, groupColumns = 0, columnStart = 0, columnRows = 0, uncoveredStart = 0, uncovered = 0
    }

    init(dimension: Int, declared: JacobianSparsity?) {
        self.dimension = dimension
        self.declared = declared != nil
        inPattern = [Bool](repeating: false, count: dimension * dimension)
        if let declared {
            for (i, r) in declared.rows.enumerated() { for j in r { inPattern[i * dimension + j] = true } }
            adopt(declared)
        }
    }

    private func adopt(_ p: JacobianSparsity) {
        let n = dimension
        let c = ColumnColouring(p)
        pattern = p
        colouring = c
        var l = Layout()
        l.groups = c.count
        var t: [Int] = []
        t.reserveCapacity(3 * n + 3 * c.count + 3 + p.nonzeroCount + c.count * n)
        l.groupStart = 0
        var at = 0
        for g in c.groups { t.append(at); at += g.count }
        t.append(at)
        l.groupColumns = t.count
        for g in c.groups { t.append(contentsOf: g) }
        // Rows of each column: a counting sort of the row lists.
        l.columnStart = t.count
        var count = [Int](repeating: 0, count: n + 1)
        for r in p.rows { for j in r { count[j + 1] += 1 } }
        for j in 0..<n { count[j + 1] += count[j] }
        t.append(contentsOf: count)
        l.columnRows = t.count
        t.append(contentsOf: repeatElement(0, count: p.nonzeroCount))
        for (i, r) in p.rows.enumerated() {
            for j in r {
                t[l.columnRows + count[j]] = i
                count[j] += 1
            }
        }
        // Rows each group does not reach.
        l.uncoveredStart = t.count
        t.append(contentsOf: repeatElement(0, count: c.count + 1))
        l.uncovered = t.count
        var covered = [Bool](repeating: false, count: n)
        for (g, group) in c.groups.enumerated() {
            for i in 0..<n { covered[i] = false }
            for j in group {
                for r in t[l.columnStart + j]..<t[l.columnStart + j + 1] { covered[t[l.columnRows + r]] = true }
            }
            for i in 0..<n where !covered[i] { t.append(i) }
            t[l.uncoveredStart + g + 1] = t.count - l.uncovered
        }
        table = t
        layout = l
    }

    /// Takes the entries `found` (`found[i·n + j]`: moving y_j moved f_i) into the pattern after a
    /// dense Jacobian.
    func learn(_ found: [Bool], missed: Bool) {
        let n = dimension
        denseJacobians += 1
        if missed { missedEntries += 1 }
        var grown = pattern == nil
        inPattern.withUnsafeMutableBufferPointer { bits in
            for k in 0..<(n * n) where found[k] && !bits[k] {
                bits[k] = true
                grown = true
            }
        }
        if grown {
            var rows = [[Int]](repeating: [], count: n)
            inPattern.withUnsafeBufferPointer { bits in
                for i in 0..<n {
                    var r: [Int] = []
                    for j in 0..<n where bits[i * n + j] { r.append(j) }
                    rows[i] = r
                }
            }
            adopt(JacobianSparsity(dimension: n, sortedRows: rows))
        }
        if !declared {
            refreshInterval = grown ? SparseJacobianPlan.firstRefresh
                : Swift.min(2 * refreshInterval, SparseJacobianPlan.longestRefresh)
            untilRefresh = refreshInterval
        }
    }

    /// True when this Jacobian should be dense (none learned yet, or a refresh is due).
    func denseDue() -> Bool {
        if pattern == nil { return true }
        if declared { return false }
        untilRefresh -= 1
        return untilRefresh < 0
    }
}

extension RHSBox {
    /// The perturbed value `y_j + δ_j` and the increment actually represented, `(y_j + δ_j) − y_j`.
    @inline(__always)
    func bump(_ yj: Double, relative: Double = Double.ulpOfOne.squareRoot()) -> (value: Double, delta: Double) {
        let bumped = yj + relative * Swift.max(Swift.abs(yj), incrementFloor)
        return (bumped, bumped - yj)
    }

    /// Dense forward differences, one call per column, into row-major `dfdy`; leaves `f(t, y)` in
    /// `scratch[0..<n]`. With `learning`, returns the entries whose row changed: `found[i·n + j]`.
    @discardableResult
    func denseFiniteDifferenceJacobian(
        _ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>, learning: Bool = false
    ) -> [Bool] {
        let n = dimension
        let f0 = scratch, f1 = scratch + n, yp = scratch + 2 * n
        var found = learning ? [Bool](repeating: false, count: n * n) : []
        rhs(rawSystem, t, y, f0, n)
        yp.update(from: y, count: n)
        for j in 0..<n {
            let yj = y[j]
            let (bumped, delta) = bump(yj)
            yp[j] = bumped
            rhs(rawSystem, t, yp, f1, n)
            yp[j] = yj
            let inv = 1 / delta
            for i in 0..<n { dfdy[i * n + j] = (f1[i] - f0[i]) * inv }
            if learning { for i in 0..<n where f1[i] != f0[i] { found[i * n + j] = true } }
        }
        counters[0] &+= n + 1
        counters[3] &+= n + 1
        return found
    }

    /// `∂f/∂t` by a forward difference with `δ_t = √ε · max(|t|, 1)` (0 for an autonomous system),
    /// from `f(t, y)` in `scratch[0..<n]`.
    func finiteDifferenceTimeDerivative(_ t: Double, _ y: UnsafePointer<Double>, _ dfdt: UnsafeMutablePointer<Double>) {
        let n = dimension
        let f0 = scratch, f1 = scratch + n
        if autonomous {
            for i in 0..<n { dfdt[i] = 0 }
            return
        }
        var dt = Double.ulpOfOne.squareRoot() * Swift.max(Swift.abs(t), 1)
        dt = (t + dt) - t
        rhs(rawSystem, t + dt, y, f1, n)
        for i in 0..<n { dfdt[i] = (f1[i] - f0[i]) / dt }
        counters[0] &+= 1
        counters[3] &+= 1
    }

    /// The sparse Jacobian of ``SparseJacobianPlan``'s steps 1–3, then `∂f/∂t`.
    func sparseFiniteDifferenceJacobian(
        _ plan: SparseJacobianPlan, _ t: Double, _ y: UnsafePointer<Double>,
        _ dfdy: UnsafeMutablePointer<Double>, _ dfdt: UnsafeMutablePointer<Double>
    ) {
        if plan.denseDue() {
            let first = plan.pattern == nil
            var found = denseFiniteDifferenceJacobian(t, y, dfdy, learning: true)
            if first && !plan.declared {
                probePerturbed(t, y, into: &found)
                // The same state later: terms switched on by time (an illness starting) show up.
                if horizon > t && horizon.isFinite { probePerturbed(horizon, y, into: &found) }
            }
            plan.learn(found, missed: false)
            // The probe used the scratch: f(t, y) again for ∂f/∂t (an autonomous system needs none).
            if first && !autonomous { _ = reevaluate(t, y) }
        } else if !groupedFiniteDifferenceJacobian(plan, t, y, dfdy) {
            let found = denseFiniteDifferenceJacobian(t, y, dfdy, learning: true)
            plan.learn(found, missed: true)
        }
        finiteDifferenceTimeDerivative(t, y, dfdt)
    }

    /// `f(t, y)` into `scratch[0..<n]`, counted as a finite-difference call.
    private func reevaluate(_ t: Double, _ y: UnsafePointer<Double>) -> Bool {
        rhs(rawSystem, t, y, scratch, dimension)
        counters[0] &+= 1
        counters[3] &+= 1
        return true
    }

    /// One call per group; `false` (and `dfdy` unfinished) when a row outside a group's reach
    /// changed, i.e. the pattern misses an entry.
    private func groupedFiniteDifferenceJacobian(
        _ plan: SparseJacobianPlan, _ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>
    ) -> Bool {
        let n = dimension
        let f0 = scratch, f1 = scratch + n, yp = scratch + 2 * n, deltas = scratch + 3 * n
        let l = plan.layout
        rhs(rawSystem, t, y, f0, n)
        yp.update(from: y, count: n)
        dfdy.update(repeating: 0, count: n * n)
        let complete = plan.table.withUnsafeBufferPointer { table -> Bool in
            let tb = table.baseAddress.unsafelyUnwrapped
            let groupStart = tb + l.groupStart, groupColumns = tb + l.groupColumns
            let columnStart = tb + l.columnStart, columnRows = tb + l.columnRows
            let uncoveredStart = tb + l.uncoveredStart, uncovered = tb + l.uncovered
            for g in 0..<l.groups {
                let a = groupStart[g], b = groupStart[g + 1]
                for c in a..<b {
                    let j = groupColumns[c]
                    let (bumped, delta) = bump(y[j])
                    deltas[j] = delta
                    yp[j] = bumped
                }
                rhs(rawSystem, t, yp, f1, n)
                for c in a..<b {
                    let j = groupColumns[c]
                    yp[j] = y[j]
                    let inv = 1 / deltas[j]
                    for r in columnStart[j]..<columnStart[j + 1] {
                        let i = columnRows[r]
                        dfdy[i * n + j] = (f1[i] - f0[i]) * inv
                    }
                }
                for r in uncoveredStart[g]..<uncoveredStart[g + 1] {
                    let i = uncovered[r]
                    if f1[i] != f0[i] {
                        counters[0] &+= g + 2
                        counters[3] &+= g + 2
                        return false
                    }
                }
            }
            return true
        }
        if complete {
            counters[0] &+= l.groups + 1
            counters[3] &+= l.groups + 1
        }
        return complete
    }

    /// Step 1's second probe: at a perturbed copy of `y` (component `j` scaled by 1 + 0.1·u_j, or
    /// lifted by (0.5 … 1)·floor where |y_j| < floor; u_j ∈ [−1, 1) from a fixed hash of j), with
    /// increments ``SparseJacobianPlan/probeIncrement`` × max(|y_j|, floor). Skipped when the
    /// right-hand side is not finite there.
    private func probePerturbed(_ t: Double, _ y: UnsafePointer<Double>, into found: inout [Bool]) {
        let n = dimension
        let f0 = scratch, f1 = scratch + n, yp = scratch + 2 * n, ys = scratch + 3 * n
        for j in 0..<n {
            let u = RHSBox.unitHash(j)
            ys[j] = Swift.abs(y[j]) >= incrementFloor ? y[j] * (1 + 0.1 * u) : y[j] + incrementFloor * (0.75 + 0.25 * u)
        }
        rhs(rawSystem, t, ys, f0, n)
        counters[0] &+= 1
        counters[3] &+= 1
        guard RHSBox.firstNonFinite(f0, n) == nil else { return }
        yp.update(from: ys, count: n)
        for j in 0..<n {
            let yj = ys[j]
            yp[j] = bump(yj, relative: SparseJacobianPlan.probeIncrement).value
            rhs(rawSystem, t, yp, f1, n)
            yp[j] = yj
            for i in 0..<n where f1[i] != f0[i] { found[i * n + j] = true }
        }
        counters[0] &+= n
        counters[3] &+= n
    }

    /// A fixed value in [−1, 1) for index `j` (SplitMix64 of j).
    static func unitHash(_ j: Int) -> Double {
        var z = UInt64(truncatingIfNeeded: j) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53) * 2 - 1
    }
}
