// Dense LU factorisation with partial pivoting and the matching solve, for the small iteration
// matrices of GSL's implicit steppers (msbdf, bsimp, rk*imp).
//
// These two functions replace GSL's gsl_linalg_LU_decomp and gsl_linalg_LU_solve in osmo's
// process: libgsl calls them through its PLT, so the definitions here take precedence (ELF symbol
// interposition, the mechanism GSL itself relies on to let a program choose its CBLAS). Same
// contract, same storage (L unit-lower and U packed in A, permutation p with P·A = L·U, signum),
// same error codes; the difference is speed: GSL's generic version walks gsl_matrix views through
// reference CBLAS calls (≈ 60 % of the flagship's instructions), this one runs contiguous loops.
//
// Results do not depend on the vector width the compiler picks: the factorisation's inner loops
// are element-wise, the solve's dot products use a fixed four-way split written out below, and
// floating-point contraction is off (the pragma), so the same inputs give the same bits whether
// the compiler emits scalar, SSE2 or wider code.
//
// Where the platform does not interpose (macOS's two-level namespace, a statically linked GSL),
// GSL keeps its own versions: the results are then GSL's, equally correct, only slower.
// Tests/OsmoODETests/DenseLUTests.swift checks the contract and that the steppers reach this file.
#include <math.h>
#include <stdatomic.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_permute_vector.h>
#include "COsmoLinalg.h"

#pragma STDC FP_CONTRACT OFF

/// Σ u_k·v_k for k < m, in four interleaved partial sums (k mod 4) added as ((s0 + s1) + (s2 + s3))
/// and then the tail in order: a fixed order, so the result is the same whatever the vector width.
/// The four partial sums are one four-lane vector (GCC/Clang vector extension): lane by lane the
/// same operations as four scalars, in one AVX register or two SSE2 ones.
typedef double lanes4 __attribute__((vector_size(32), aligned(8)));

static inline __attribute__((always_inline)) double dot(const double *restrict u, const double *restrict v, size_t m) {
    lanes4 s = {0, 0, 0, 0};
    size_t k = 0;
    for (; k + 4 <= m; k += 4) {
        lanes4 a, b;
        __builtin_memcpy(&a, u + k, sizeof a);
        __builtin_memcpy(&b, v + k, sizeof b);
        s += a * b;
    }
    double r = (s[0] + s[1]) + (s[2] + s[3]);
    for (; k < m; k++) r += u[k] * v[k];
    return r;
}

// x86-64: an AVX2 build of the kernels beside the baseline one, chosen at load time (an ifunc).
// The element-wise loops give the same bits either way (no FMA: that is a separate target feature).
#if defined(__x86_64__) && defined(__linux__)
#define OSMO_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define OSMO_KERNEL
#endif

static atomic_ulong decompositions;
static atomic_ulong solves;

unsigned long osmo_linalg_decompositions(void) { return atomic_load_explicit(&decompositions, memory_order_relaxed); }
unsigned long osmo_linalg_solves(void) { return atomic_load_explicit(&solves, memory_order_relaxed); }

OSMO_KERNEL int gsl_linalg_LU_decomp(gsl_matrix *A, gsl_permutation *p, int *signum) {
    const size_t n = A->size1;
    if (A->size1 != A->size2) {
        GSL_ERROR("LU decomposition requires square matrix", GSL_ENOTSQR);
    }
    if (p->size != n) {
        GSL_ERROR("permutation length must match matrix size", GSL_EBADLEN);
    }
    atomic_fetch_add_explicit(&decompositions, 1, memory_order_relaxed);
    double *const a = A->data;
    const size_t tda = A->tda;
    size_t *const perm = p->data;
    for (size_t i = 0; i < n; i++) perm[i] = i;
    int sign = 1;
    for (size_t j = 0; j < n; j++) {
        // Pivot: the first row at or below j with the largest |a_ij| (as BLAS idamax picks).
        size_t piv = j;
        double best = fabs(a[j * tda + j]);
        for (size_t i = j + 1; i < n; i++) {
            const double v = fabs(a[i * tda + j]);
            if (v > best) { best = v; piv = i; }
        }
        if (piv != j) {
            double *restrict rj = a + j * tda, *restrict rp = a + piv * tda;
            for (size_t k = 0; k < n; k++) { const double t = rj[k]; rj[k] = rp[k]; rp[k] = t; }
            const size_t t = perm[j]; perm[j] = perm[piv]; perm[piv] = t;
            sign = -sign;
        }
        const double ajj = a[j * tda + j];
        if (ajj == 0.0) continue;  // singular: leave the column, as GSL does; LU_solve reports it
        const double inv = 1.0 / ajj;
        const double *restrict uj = a + j * tda;
        for (size_t i = j + 1; i < n; i++) {
            double *restrict ri = a + i * tda;
            const double l = ri[j] * inv;
            ri[j] = l;
            if (l == 0.0) continue;
            for (size_t k = j + 1; k < n; k++) ri[k] -= l * uj[k];
        }
    }
    *signum = sign;
    return GSL_SUCCESS;
}

OSMO_KERNEL int gsl_linalg_LU_solve(const gsl_matrix *LU, const gsl_permutation *p, const gsl_vector *b, gsl_vector *x) {
    const size_t n = LU->size1;
    if (LU->size1 != LU->size2) {
        GSL_ERROR("LU matrix must be square", GSL_ENOTSQR);
    }
    if (LU->size1 != p->size) {
        GSL_ERROR("permutation length must match matrix size", GSL_EBADLEN);
    }
    if (LU->size1 != b->size) {
        GSL_ERROR("matrix size must match b size", GSL_EBADLEN);
    }
    if (LU->size2 != x->size) {
        GSL_ERROR("matrix size must match solution size", GSL_EBADLEN);
    }
    const double *const a = LU->data;
    const size_t tda = LU->tda;
    for (size_t i = 0; i < n; i++) {
        if (a[i * tda + i] == 0.0) {
            GSL_ERROR("matrix is singular", GSL_EDOM);
        }
    }
    atomic_fetch_add_explicit(&solves, 1, memory_order_relaxed);
    const size_t *const perm = p->data;
    double *const xv = x->data;
    const size_t xs = x->stride, bs = b->stride;
    // x = P·b, then L·z = x (unit lower), then U·x = z; sums run in index order (no reordering).
    if (xv == b->data) {
        const int s = gsl_permute_vector(p, x);  // in place: x_i ← x_{p_i}
        if (s != GSL_SUCCESS) return s;
    }
    if (xs == 1) {
        if (xv != b->data) for (size_t i = 0; i < n; i++) xv[i] = b->data[perm[i] * bs];
        for (size_t i = 1; i < n; i++) xv[i] -= dot(a + i * tda, xv, i);
        for (size_t i = n; i-- > 0;) {
            const double *ri = a + i * tda;
            xv[i] = (xv[i] - dot(ri + i + 1, xv + i + 1, n - i - 1)) / ri[i];
        }
    } else {
        if (xv != b->data) for (size_t i = 0; i < n; i++) xv[i * xs] = b->data[perm[i] * bs];
        for (size_t i = 1; i < n; i++) {
            const double *ri = a + i * tda;
            double s = xv[i * xs];
            for (size_t k = 0; k < i; k++) s -= ri[k] * xv[k * xs];
            xv[i * xs] = s;
        }
        for (size_t i = n; i-- > 0;) {
            const double *ri = a + i * tda;
            double s = xv[i * xs];
            for (size_t k = i + 1; k < n; k++) s -= ri[k] * xv[k * xs];
            xv[i * xs] = s / ri[i];
        }
    }
    return GSL_SUCCESS;
}

// msbdf forms its iteration matrix M = I − γ·J from the Jacobian with gsl_matrix_memcpy and
// gsl_matrix_scale at every refactorisation; GSL's versions copy through cblas_dcopy row by row and
// scale element by element through strided accessors (≈ 6 instructions an element). These are the
// same operations as contiguous loops: exact copies and exact products, so the same bits.
OSMO_KERNEL int gsl_matrix_memcpy(gsl_matrix *dest, const gsl_matrix *src) {
    const size_t m = src->size1, n = src->size2;
    if (dest->size1 != m || dest->size2 != n) {
        GSL_ERROR("matrix sizes are different", GSL_EBADLEN);
    }
    for (size_t i = 0; i < m; i++) {
        __builtin_memmove(dest->data + i * dest->tda, src->data + i * src->tda, n * sizeof(double));
    }
    return GSL_SUCCESS;
}

OSMO_KERNEL int gsl_matrix_scale(gsl_matrix *a, const double x) {
    const size_t m = a->size1, n = a->size2, tda = a->tda;
    for (size_t i = 0; i < m; i++) {
        double *restrict r = a->data + i * tda;
        for (size_t j = 0; j < n; j++) r[j] *= x;
    }
    return GSL_SUCCESS;
}
