/// Which entries of the Jacobian `∂f_i/∂y_j` may be nonzero (a structural pattern): every entry
/// not in the pattern must be zero at every state the system is integrated through.
///
/// An ``ODESystem`` may declare its pattern (``ODESystem/jacobianSparsity``); otherwise the
/// integrator learns it by probing (see ``FiniteDifferenceJacobian/sparse``). With a pattern, a
/// finite-difference Jacobian perturbs groups of structurally orthogonal columns together
/// (``ColumnColouring``): it costs one right-hand-side call per group instead of one per column.
public struct JacobianSparsity: Sendable, Equatable, CustomStringConvertible {
    /// Number of rows and columns, `n ≥ 1`.
    public let dimension: Int
    /// `rows[i]`: the columns `j` where `∂f_i/∂y_j` may be nonzero, increasing, no repeats.
    public let rows: [[Int]]

    /// A pattern from each row's columns (any order; repeats are merged).
    /// - Precondition: `rows.count == dimension` and every column is in `0..<dimension`.
    public init(dimension n: Int, rows: [[Int]]) {
        precondition(n >= 1 && rows.count == n, "a sparsity pattern needs one row list per state (\(n)), got \(rows.count)")
        self.dimension = n
        self.rows = rows.map { r in
            precondition(r.allSatisfy { $0 >= 0 && $0 < n }, "sparsity pattern column out of range 0..<\(n)")
            return Array(Set(r)).sorted()
        }
    }

    /// Rows already increasing without repeats (checked only in debug builds).
    init(dimension n: Int, sortedRows rows: [[Int]]) {
        assert(rows.count == n && rows.allSatisfy { r in zip(r, r.dropFirst()).allSatisfy { $0 < $1 } })
        self.dimension = n
        self.rows = rows
    }

    /// A pattern from a list of `(row, column)` entries.
    public init(dimension n: Int, nonzeros: [(row: Int, column: Int)]) {
        var r = [[Int]](repeating: [], count: n)
        for e in nonzeros {
            precondition(e.row >= 0 && e.row < n, "sparsity pattern row out of range 0..<\(n)")
            r[e.row].append(e.column)
        }
        self.init(dimension: n, rows: r)
    }

    /// Every entry may be nonzero.
    public static func dense(_ n: Int) -> JacobianSparsity {
        JacobianSparsity(dimension: n, rows: [[Int]](repeating: Array(0..<n), count: n))
    }

    /// Number of entries that may be nonzero.
    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.count } }

    /// The largest number of entries in one row: a lower bound on the colours any column
    /// colouring needs (the columns of one row must all differ).
    public var maxNonzerosPerRow: Int { rows.map(\.count).max() ?? 0 }

    /// `true` when `∂f_row/∂y_column` may be nonzero.
    public func contains(row i: Int, column j: Int) -> Bool {
        let r = rows[i]
        var lo = 0, hi = r.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if r[mid] < j { lo = mid + 1 } else { hi = mid }
        }
        return lo < r.count && r[lo] == j
    }

    /// `columns[j]`: the rows where column `j` may be nonzero, increasing (the transpose).
    public var columns: [[Int]] {
        var c = [[Int]](repeating: [], count: dimension)
        for (i, r) in rows.enumerated() { for j in r { c[j].append(i) } }
        return c
    }

    /// Every entry of either pattern.
    public func union(_ other: JacobianSparsity) -> JacobianSparsity {
        precondition(other.dimension == dimension, "sparsity patterns of different dimensions")
        return JacobianSparsity(dimension: dimension, rows: zip(rows, other.rows).map { $0 + $1 })
    }

    /// `true` when every entry of `self` is in `other`.
    public func isSubset(of other: JacobianSparsity) -> Bool {
        guard other.dimension == dimension else { return false }
        for (i, r) in rows.enumerated() where !r.allSatisfy({ other.contains(row: i, column: $0) }) { return false }
        return true
    }

    public var description: String {
        "\(dimension)×\(dimension) pattern, \(nonzeroCount) nonzeros, at most \(maxNonzerosPerRow) in a row"
    }
}
