/// A Curtis–Powell–Reid grouping of Jacobian columns: columns in one group share no row of the
/// pattern (they are structurally orthogonal), so one right-hand-side call with all of them
/// perturbed at once gives every one of their columns: row `i` of the difference belongs to the
/// only column of the group that row `i` has (Curtis, Powell & Reid, IMA J. Appl. Math. 13, 1974).
///
/// The groups are a greedy colouring of the column intersection graph (two columns adjacent when
/// they share a row), columns taken largest degree first (ties by index), each given the smallest
/// colour none of its coloured neighbours has (Coleman & Moré, SIAM J. Numer. Anal. 20, 1983).
/// Deterministic: the same pattern gives the same groups. Any colouring needs at least
/// ``JacobianSparsity/maxNonzerosPerRow`` colours; greedy needs at most the largest degree + 1.
public struct ColumnColouring: Sendable, Equatable {
    /// `colour[j]`: the group of column `j`, `0 ..< count`.
    public let colour: [Int]
    /// The columns of each group, increasing.
    public let groups: [[Int]]
    /// Number of groups: right-hand-side calls per finite-difference Jacobian (plus one for f(y)).
    public var count: Int { groups.count }

    public init(_ pattern: JacobianSparsity) {
        let n = pattern.dimension
        let rowsOfColumn = pattern.columns
        // Neighbours of each column in the intersection graph, by a stamp per column (no sets).
        var stamp = [Int](repeating: -1, count: n)
        var neighbours = [[Int]](repeating: [], count: n)
        for j in 0..<n {
            stamp[j] = j
            for i in rowsOfColumn[j] {
                for k in pattern.rows[i] where stamp[k] != j {
                    stamp[k] = j
                    neighbours[j].append(k)
                }
            }
        }
        let order = (0..<n).sorted { (neighbours[$0].count, -$0) > (neighbours[$1].count, -$1) }
        var colour = [Int](repeating: -1, count: n)
        var forbidden = [Int](repeating: -1, count: n + 1)  // forbidden[c] == j: colour c is taken near j
        var groupCount = 0
        for j in order {
            for k in neighbours[j] where colour[k] >= 0 { forbidden[colour[k]] = j }
            var c = 0
            while forbidden[c] == j { c += 1 }
            colour[j] = c
            groupCount = Swift.max(groupCount, c + 1)
        }
        var groups = [[Int]](repeating: [], count: groupCount)
        for j in 0..<n { groups[colour[j]].append(j) }
        self.colour = colour
        self.groups = groups
    }

    /// `true` when no two columns of one group share a row of `pattern` and every column is in a group.
    public func isValid(for pattern: JacobianSparsity) -> Bool {
        guard colour.count == pattern.dimension else { return false }
        for r in pattern.rows {
            var seen = Set<Int>()
            for j in r where !seen.insert(colour[j]).inserted { return false }
        }
        return groups.reduce(0) { $0 + $1.count } == pattern.dimension
    }
}
