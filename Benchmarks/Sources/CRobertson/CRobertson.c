// Robertson's problem driven by GSL from C: the baseline for the Swift layer's per-call overhead.
// The RHS and Jacobian are the same arithmetic as the Swift Robertson in BenchSupport.
#include "CRobertson.h"

#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

typedef struct { long rhs; long jacobian; } counters;

static int rhs(double t, const double y[], double dydt[], void *params) {
    (void)t;
    ((counters *)params)->rhs++;
    dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    dydt[2] = 3e7 * y[1] * y[1];
    dydt[1] = -dydt[0] - dydt[2];
    return GSL_SUCCESS;
}

static int jacobian(double t, const double y[], double *dfdy, double dfdt[], void *params) {
    (void)t;
    ((counters *)params)->jacobian++;
    dfdy[0] = -0.04; dfdy[1] = 1e4 * y[2]; dfdy[2] = 1e4 * y[1];
    dfdy[3] = 0.04; dfdy[4] = -1e4 * y[2] - 6e7 * y[1]; dfdy[5] = -1e4 * y[1];
    dfdy[6] = 0; dfdy[7] = 6e7 * y[1]; dfdy[8] = 0;
    dfdt[0] = 0; dfdt[1] = 0; dfdt[2] = 0;
    return GSL_SUCCESS;
}

static const gsl_odeiv2_step_type *step_type(const char *name) {
    static const struct { const char *name; const gsl_odeiv2_step_type **type; } table[] = {
        {"rk2", &gsl_odeiv2_step_rk2}, {"rk4", &gsl_odeiv2_step_rk4}, {"rkf45", &gsl_odeiv2_step_rkf45},
        {"rkck", &gsl_odeiv2_step_rkck}, {"rk8pd", &gsl_odeiv2_step_rk8pd}, {"rk1imp", &gsl_odeiv2_step_rk1imp},
        {"rk2imp", &gsl_odeiv2_step_rk2imp}, {"rk4imp", &gsl_odeiv2_step_rk4imp}, {"bsimp", &gsl_odeiv2_step_bsimp},
        {"msadams", &gsl_odeiv2_step_msadams}, {"msbdf", &gsl_odeiv2_step_msbdf},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0) return *table[i].type;
    return NULL;
}

int crob_solve(const char *stepper, double t1, double atol, double rtol, double h0, crob_result *out) {
    const gsl_odeiv2_step_type *type = step_type(stepper);
    if (type == NULL) return -1;
    gsl_set_error_handler_off();
    counters c = {0, 0};
    gsl_odeiv2_system sys = {rhs, jacobian, 3, &c};
    gsl_odeiv2_driver *d = gsl_odeiv2_driver_alloc_y_new(&sys, type, h0, atol, rtol);
    double t = 0, h = h0, y[3] = {1, 0, 0};
    long steps = 0;
    int status = GSL_SUCCESS;
    while (t < t1) {
        status = gsl_odeiv2_evolve_apply(d->e, d->c, d->s, &sys, &t, t1, &h, y);
        if (status != GSL_SUCCESS) break;
        steps++;
    }
    gsl_odeiv2_driver_free(d);
    memcpy(out->y, y, sizeof y);
    out->t = t;
    out->rhs = c.rhs;
    out->jacobian = c.jacobian;
    out->steps = steps;
    out->status = status;
    return status;
}
