/*
 * A minimal test harness for the unit tests: CHECK records a failure and
 * goes on; main() returns non-zero if anything failed, and prints a closing
 * "N passed, N failed" line.
 */
#ifndef S2P_TESTS_TINYTEST_H
#define S2P_TESTS_TINYTEST_H

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int tt_passed, tt_failed;

#define CHECK(cond) do { \
	if (cond) tt_passed++; \
	else { tt_failed++; fprintf(stderr, "%s:%d: CHECK(%s) failed\n", \
	                            __FILE__, __LINE__, #cond); } \
} while (0)
#define CHECK_INT(a, b) do { \
	long long tt_a = (long long) (a), tt_b = (long long) (b); \
	if (tt_a == tt_b) tt_passed++; \
	else { tt_failed++; fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", \
	                            __FILE__, __LINE__, #a, tt_a, tt_b); } \
} while (0)
#define CHECK_NEAR(a, b, eps) do { \
	double tt_a = (double) (a), tt_b = (double) (b); \
	if (fabs(tt_a - tt_b) <= (eps)) tt_passed++; \
	else { tt_failed++; fprintf(stderr, "%s:%d: %s == %g, expected %g\n", \
	                            __FILE__, __LINE__, #a, tt_a, tt_b); } \
} while (0)
#define CHECK_STR(a, b) do { \
	const char *tt_a = (a), *tt_b = (b); \
	if (tt_a && tt_b && strcmp(tt_a, tt_b) == 0) tt_passed++; \
	else { tt_failed++; fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", \
	                            __FILE__, __LINE__, #a, tt_a ? tt_a : "(null)", \
	                            tt_b ? tt_b : "(null)"); } \
} while (0)

/* Pin fontconfig to the tests' own fonts (tests/fonts/fonts.conf; an
 * absolute path: fontconfig wants one). The tests run in the source
 * folder. Call before anything initialises fontconfig. */
static inline void
tt_use_test_fonts(void)
{
	char conf[PATH_MAX];
	size_t n;

	if (getcwd(conf, sizeof conf - 32)) {
		n = strlen(conf);
		snprintf(conf + n, sizeof conf - n, "/tests/fonts/fonts.conf");
		setenv("FONTCONFIG_FILE", conf, 1);
	}
}

#define TT_DONE() \
	(printf("%d passed, %d failed\n", tt_passed, tt_failed), tt_failed ? 1 : 0)

#endif
