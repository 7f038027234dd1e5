/*
 * What every fuzz target shares: libFuzzer's entry point and the outcome
 * line. Linked into both builds (libFuzzer and replay).
 */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_one(data, size, NULL, 0);
	return 0;
}

void
fuzz_note(char *outcome, size_t outcome_size, const char *fmt, ...)
{
	size_t used;
	va_list ap;

	if (!outcome || !outcome_size)
		return;
	used = strnlen(outcome, outcome_size);
	if (used + 3 >= outcome_size)
		return;
	if (used) {
		memcpy(outcome + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(outcome + used, outcome_size - used, fmt, ap);
	va_end(ap);
}
