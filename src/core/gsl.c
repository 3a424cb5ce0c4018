/*
 * gsl.c - GSL under the project's rules: allocation never returns
 * NULL, and GSL's aborting error handler is off before the first call.
 */
#include <pthread.h>

#include <gsl/gsl_errno.h>

#include "core/mem.h"
#include "core/model.h"

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void
gsl_quiet(void)
{
	gsl_set_error_handler_off();
}

void
cidx_gsl_init(void)
{
	pthread_once(&gsl_once, gsl_quiet);
}

gsl_matrix *
cidx_matrix_alloc(size_t rows, size_t cols)
{
	gsl_matrix *m;

	cidx_gsl_init();
	m = gsl_matrix_alloc(rows ? rows : 1, cols ? cols : 1);
	if (m == NULL)
		cidx_xoom(rows * cols * sizeof(double));
	return m;
}
