/* Fuzz target: the slide parser, through the loader, with the input as
 * ppt/slides/slide1.xml of the template deck (fuzz-pkg.c), then drawn. */
#include "fuzz.h"

void
fuzz_one(const uint8_t *data, size_t size, char *outcome, size_t outcome_size)
{
	fuzz_part("ppt/slides/slide1.xml", data, size, outcome, outcome_size);
}
