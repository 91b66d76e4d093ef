// The C boundary of osmo: GSL headers only. Exactly one Swift file per module imports this.
#ifndef OSMO_CGSL_SHIM_H
#define OSMO_CGSL_SHIM_H
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_linalg.h>
#endif
