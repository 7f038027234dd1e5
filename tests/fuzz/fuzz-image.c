/* Fuzz target: picture decoding (PNG, JPEG, TIFF; the others are
 * refused by their signature), at natural size and reduced for drawing
 * small (the halving and box-filter paths). */
#include "fuzz.h"

#include "render/draw.h"

#include <stdlib.h>
#include <string.h>

static void
decode(const dml_media *m, int w, int h, const char *what, char *outcome,
       size_t outcome_size)
{
	s2p_limits lim;
	cairo_surface_t *s;
	char msg[160];

	fuzz_limits(&lim);
	s = draw_image_decode(m, w, h, lim.max_image_pixels, msg, sizeof msg);
	if (s) {
		fuzz_note(outcome, outcome_size, "%s: %dx%d", what,
		          cairo_image_surface_get_width(s),
		          cairo_image_surface_get_height(s));
		cairo_surface_destroy(s);
	}
	else
		fuzz_note(outcome, outcome_size, "%s: not decoded", what);
}

void
fuzz_one(const uint8_t *data, size_t size, char *outcome, size_t outcome_size)
{
	unsigned char *copy = malloc(size ? size : 1);
	dml_media m = { "/ppt/media/fuzz", NULL };

	if (!copy)
		return;
	if (size)
		memcpy(copy, data, size);
	m.blob = s2p_blob_new(copy, size); /* takes @copy */
	if (!m.blob)
		return;
	decode(&m, 0, 0, "natural", outcome, outcome_size);
	decode(&m, 3, 2, "small", outcome, outcome_size);
	s2p_blob_unref(m.blob);
}
