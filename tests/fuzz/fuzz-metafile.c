/*
 * Fuzz target: the metafile player (src/metafile/): any bytes played as
 * EMF or WMF into a 64x64 surface with fonts, under limits small enough
 * that every input finishes quickly. Outcome: the return code, and
 * whether something was reported (not the message, which changes as
 * records gain support).
 */
#include "fuzz.h"

#include "metafile/mf.h"

#include <pango/pangocairo.h>

void
fuzz_one(const uint8_t *data, size_t size, char *outcome, size_t outcome_size)
{
	PangoFontMap *font_map = pango_cairo_font_map_new();
	PangoContext *pango = pango_font_map_create_context(font_map);
	mf_limits lim = { 0 };
	mf_report rep;
	cairo_surface_t *s;
	cairo_t *cr;
	int rc;

	lim.max_records = 20000;
	lim.max_bitmap_pixels = 1u << 20;
	lim.max_work = 2000000;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
	cr = cairo_create(s);
	rc = mf_draw(cr, pango, data, size, 64, 64, &lim, &rep);
	fuzz_note(outcome, outcome_size, "%s: rc %d%s",
	          mf_sniff(data, size) == MF_EMF ? "emf" :
	          mf_sniff(data, size) == MF_WMF ? "wmf" : "none", rc,
	          rep.msg[0] ? ", reported" : "");
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	g_object_unref(pango);
	g_object_unref(font_map);
}
