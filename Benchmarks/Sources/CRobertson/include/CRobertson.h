#ifndef CROBERTSON_H
#define CROBERTSON_H

/// What a plain-C solve of Robertson's problem produced and cost.
typedef struct {
    double y[3];      ///< state at the end time (or where the solve stopped)
    double t;         ///< time reached
    long rhs;         ///< RHS calls
    long jacobian;    ///< Jacobian calls
    long steps;       ///< accepted steps
    int status;       ///< GSL status of the last evolve call (0 = success)
} crob_result;

/// Integrates Robertson's problem from t = 0, y = (1, 0, 0) to `t1` with the GSL stepper named
/// `stepper` ("msbdf", "rkf45", …), GSL's standard control (atol, rtol), first step `h0` and the
/// analytic Jacobian, with the same evolve loop as OsmoODE's Integrator. Returns -1 for an
/// unknown stepper name.
int crob_solve(const char *stepper, double t1, double atol, double rtol, double h0, crob_result *out);

#endif
