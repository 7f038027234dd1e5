/*
 * Fuzz target for the metafile player (src/metafile/): any bytes, played
 * as EMF or WMF into a 64x64 surface with fonts, under limits small
 * enough that every input finishes quickly. Built with -fsanitize=fuzzer
 * (libFuzzer) or linked with a replay main that feeds it corpus files.
 */
#include "metafile/mf.h"

#include <pango/pangocairo.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* one font map for the process: building one per input would make
	 * fontconfig the whole cost of every run */
	static PangoFontMap *font_map;
	static PangoContext *pango;
	mf_limits lim = { 0 };
	mf_report rep;
	cairo_surface_t *s;
	cairo_t *cr;

	if (!font_map) {
		font_map = pango_cairo_font_map_new();
		pango = pango_font_map_create_context(font_map);
	}
	lim.max_records = 20000;
	lim.max_bitmap_pixels = 1u << 20;
	lim.max_work = 2000000;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
	cr = cairo_create(s);
	mf_draw(cr, pango, data, size, 64, 64, &lim, &rep);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return 0;
}
