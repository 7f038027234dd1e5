/* Fuzz target: the theme parser, through the loader, with the input as
 * ppt/theme/theme1.xml of the template deck (fuzz-pkg.c), then drawn. */
#include "fuzz.h"

void
fuzz_one(const uint8_t *data, size_t size, char *outcome, size_t outcome_size)
{
	fuzz_part("ppt/theme/theme1.xml", data, size, outcome, outcome_size);
}
