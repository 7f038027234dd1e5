/* Fuzz target: a whole .pptx, loaded and its first slides drawn at 64 px
 * wide. */
#include "fuzz.h"

void
fuzz_one(const uint8_t *data, size_t size, char *outcome, size_t outcome_size)
{
	fuzz_deck(data, size, 1, outcome, outcome_size);
}
