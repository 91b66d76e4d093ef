@preconcurrency import CGSL
import COsmoLinalg
import Testing
@testable import OsmoODE

/// osmo's dense LU (Sources/COsmoLinalg/lu.c) stands in for GSL's gsl_linalg_LU_decomp and
/// gsl_linalg_LU_solve. It must keep GSL's whole contract, since GSL's steppers (and any other
/// GSL routine) read what it writes, and the steppers must really be reaching it.
@Suite struct DenseLUTests {
    init() { _ = gsl_set_error_handler_off() }

    /// A small deterministic generator (64-bit LCG), uniform in [-1, 1).
    struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// An n×n matrix inside a wider block (row stride `n + pad`), so that `tda` is honoured.
    final class Matrix {
        let block: UnsafeMutablePointer<gsl_matrix>
        let view: UnsafeMutablePointer<gsl_matrix>
        init(_ rows: [[Double]], pad: Int) {
            let n = rows.count
            block = gsl_matrix_calloc(n, n + pad)
            view = .allocate(capacity: 1)
            view.initialize(to: gsl_matrix_submatrix(block, 0, 0, n, n).matrix)
            for i in 0..<n { for j in 0..<n { gsl_matrix_set(view, i, j, rows[i][j]) } }
        }
        subscript(i: Int, j: Int) -> Double { gsl_matrix_get(view, i, j) }
        deinit {
            view.deallocate()
            gsl_matrix_free(block)
        }
    }

    static func random(_ n: Int, seed: UInt64) -> [[Double]] {
        var g = Numbers(state: seed)
        return (0..<n).map { _ in (0..<n).map { _ in g.next() } }
    }

    /// Parity of a permutation from its cycles: +1 even, −1 odd.
    static func parity(_ p: [Int]) -> Int {
        var seen = [Bool](repeating: false, count: p.count), sign = 1
        for s in 0..<p.count where !seen[s] {
            var j = s, length = 0
            while !seen[j] { seen[j] = true; j = p[j]; length += 1 }
            if length % 2 == 0 { sign = -sign }
        }
        return sign
    }

    @Test(arguments: [(1, 0), (2, 0), (3, 1), (7, 3), (44, 0), (44, 5), (65, 2)])
    func factorisationReconstructsThePermutedMatrix(n: Int, pad: Int) {
        let a = Self.random(n, seed: UInt64(17 * n + pad))
        let m = Matrix(a, pad: pad)
        let p = gsl_permutation_alloc(n)!
        defer { gsl_permutation_free(p) }
        var signum: Int32 = 0
        #expect(gsl_linalg_LU_decomp(m.view, p, &signum) == GSL_SUCCESS)
        let perm = (0..<n).map { Int(gsl_permutation_get(p, $0)) }
        #expect(Set(perm).count == n, "a permutation")
        #expect(Int(signum) == Self.parity(perm))
        // (L·U)_ij = Σ_k L_ik U_kj with L unit lower, U upper, both packed in the matrix.
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0...min(i, j) { s += (k == i ? 1 : m[i, k]) * m[k, j] }
                worst = max(worst, abs(s - a[perm[i]][j]))
            }
        }
        #expect(worst < 1e-13 * Double(n), "P·A = L·U to rounding (worst \(worst))")
        // Partial pivoting: every multiplier is at most 1 in magnitude.
        for i in 0..<n { for j in 0..<i { #expect(abs(m[i, j]) <= 1) } }
    }

    @Test(arguments: [1, 2, 5, 44])
    func solveMeetsTheResidualOnStridedVectors(n: Int) {
        let a = Self.random(n, seed: UInt64(99 + n))
        let m = Matrix(a, pad: 1)
        let p = gsl_permutation_alloc(n)!
        defer { gsl_permutation_free(p) }
        var signum: Int32 = 0
        _ = gsl_linalg_LU_decomp(m.view, p, &signum)
        var g = Numbers(state: 5)
        let b = (0..<n).map { _ in g.next() }
        // b and x as every-other element of larger vectors (stride 2).
        let bBlock = gsl_vector_calloc(2 * n)!, xBlock = gsl_vector_calloc(2 * n)!
        defer { gsl_vector_free(bBlock); gsl_vector_free(xBlock) }
        var bv = gsl_vector_subvector_with_stride(bBlock, 0, 2, n).vector
        var xv = gsl_vector_subvector_with_stride(xBlock, 1, 2, n).vector
        for i in 0..<n { gsl_vector_set(&bv, i, b[i]) }
        #expect(gsl_linalg_LU_solve(m.view, p, &bv, &xv) == GSL_SUCCESS)
        let x = (0..<n).map { gsl_vector_get(&xv, $0) }
        for i in 0..<n {
            let r = (0..<n).reduce(0.0) { $0 + a[i][$1] * x[$1] } - b[i]
            #expect(abs(r) < 1e-12 * Double(n), "row \(i) residual \(r)")
        }
        // The same solve in place (b and x the same contiguous vector).
        let v = gsl_vector_alloc(n)!
        defer { gsl_vector_free(v) }
        for i in 0..<n { gsl_vector_set(v, i, b[i]) }
        #expect(gsl_linalg_LU_solve(m.view, p, v, v) == GSL_SUCCESS)
        for i in 0..<n { #expect(abs(gsl_vector_get(v, i) - x[i]) <= 1e-14 * max(1, abs(x[i]))) }
    }

    @Test func pivotsOnTheFirstLargestEntry() {
        let m = Matrix([[1, 2], [3, 4]], pad: 0)
        let p = gsl_permutation_alloc(2)!
        defer { gsl_permutation_free(p) }
        var signum: Int32 = 0
        _ = gsl_linalg_LU_decomp(m.view, p, &signum)
        #expect(gsl_permutation_get(p, 0) == 1 && gsl_permutation_get(p, 1) == 0)
        #expect(signum == -1)
        #expect(m[0, 0] == 3 && m[0, 1] == 4)
        #expect(abs(m[1, 0] - 1.0 / 3) < 1e-16 && abs(m[1, 1] - 2.0 / 3) < 1e-15)
        // Ties keep the earlier row (no swap, signum +1).
        let t = Matrix([[2, 1], [-2, 1]], pad: 0)
        _ = gsl_linalg_LU_decomp(t.view, p, &signum)
        #expect(gsl_permutation_get(p, 0) == 0 && signum == 1)
    }

    @Test func singularAndMisshapenInputsGiveGSLsErrorCodes() {
        let s = Matrix([[1, 2], [2, 4]], pad: 0)
        let p = gsl_permutation_alloc(2)!, p3 = gsl_permutation_alloc(3)!
        defer { gsl_permutation_free(p); gsl_permutation_free(p3) }
        var signum: Int32 = 0
        #expect(gsl_linalg_LU_decomp(s.view, p, &signum) == GSL_SUCCESS, "GSL factorises singular matrices")
        let b = gsl_vector_calloc(2)!, x = gsl_vector_calloc(2)!, x3 = gsl_vector_calloc(3)!
        defer { gsl_vector_free(b); gsl_vector_free(x); gsl_vector_free(x3) }
        #expect(gsl_linalg_LU_solve(s.view, p, b, x) == GSL_EDOM, "matrix is singular")
        #expect(gsl_linalg_LU_decomp(s.view, p3, &signum) == GSL_EBADLEN)
        let r = Matrix([[1, 0], [0, 1]], pad: 0)
        _ = gsl_linalg_LU_decomp(r.view, p, &signum)
        #expect(gsl_linalg_LU_solve(r.view, p, b, x3) == GSL_EBADLEN)
        let wide = gsl_matrix_calloc(2, 3)!
        defer { gsl_matrix_free(wide) }
        #expect(gsl_linalg_LU_decomp(wide, p, &signum) == GSL_ENOTSQR)
    }

    #if os(Linux)
    /// On Linux (ELF symbol interposition) GSL's implicit steppers call osmo's kernels.
    @Test(arguments: [Stepper.msbdf, .bsimp, .rk2imp])
    func theImplicitSteppersUseTheseKernels(stepper: Stepper) throws {
        let d0 = osmo_linalg_decompositions(), s0 = osmo_linalg_solves()
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-8)
        let r = try solve(Robertson(), from: 0, to: 40, initialState: [1, 0, 0], options: options)
        #expect(r.status == .success)
        #expect(osmo_linalg_decompositions() > d0)
        #expect(osmo_linalg_solves() > s0)
    }
    #endif
}
