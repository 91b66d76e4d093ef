#ifndef OSMO_LINALG_H
#define OSMO_LINALG_H
#include <stddef.h>
/// How many LU factorisations and solves osmo's dense kernels have done in this process
/// (relaxed atomic counters; a test uses them to check that GSL's steppers call these kernels).
unsigned long osmo_linalg_decompositions(void);
unsigned long osmo_linalg_solves(void);
#endif
