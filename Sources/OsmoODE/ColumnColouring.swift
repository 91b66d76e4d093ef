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
        // Rows and columns of the pattern as flat index lists (CSR and CSC).
        var rowStart = [Int](repeating: 0, count: n + 1)
        var rowColumns: [Int] = []
        rowColumns.reserveCapacity(pattern.nonzeroCount)
        var columnCount = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            for j in pattern.rows[i] {
                rowColumns.append(j)
                columnCount[j + 1] += 1
            }
            rowStart[i + 1] = rowColumns.count
        }
        for j in 0..<n { columnCount[j + 1] += columnCount[j] }
        let columnStart = columnCount
        var fill = columnStart
        var columnRows = [Int](repeating: 0, count: rowColumns.count)
        for i in 0..<n {
            for c in rowStart[i]..<rowStart[i + 1] {
                let j = rowColumns[c]
                columnRows[fill[j]] = i
                fill[j] += 1
            }
        }
        // Neighbours of each column in the intersection graph (flat), by a stamp per column.
        var stamp = [Int](repeating: -1, count: n)
        var neighbourStart = [Int](repeating: 0, count: n + 1)
        var neighbours: [Int] = []
        for j in 0..<n {
            stamp[j] = j
            for r in columnStart[j]..<columnStart[j + 1] {
                let i = columnRows[r]
                for c in rowStart[i]..<rowStart[i + 1] where stamp[rowColumns[c]] != j {
                    stamp[rowColumns[c]] = j
                    neighbours.append(rowColumns[c])
                }
            }
            neighbourStart[j + 1] = neighbours.count
        }
        let degree = (0..<n).map { neighbourStart[$0 + 1] - neighbourStart[$0] }
        let order = (0..<n).sorted { (degree[$0], -$0) > (degree[$1], -$1) }
        var colour = [Int](repeating: -1, count: n)
        var forbidden = [Int](repeating: -1, count: n + 1)  // forbidden[c] == j: colour c is taken near j
        var groupCount = 0
        for j in order {
            for c in neighbourStart[j]..<neighbourStart[j + 1] where colour[neighbours[c]] >= 0 {
                forbidden[colour[neighbours[c]]] = j
            }
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
