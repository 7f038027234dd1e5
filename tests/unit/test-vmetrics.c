/*
 * Unit tests for render/draw-vmetrics.c: the share of a line above the
 * baseline for the Windows faces in the table, and for installed fonts
 * from their OS/2 win metrics rather than hhea (Carlito: 0.780 by
 * usWinAscent 1950 / usWinDescent 550, 0.750 by hhea). Fonts are pinned
 * with the tests' fonts.conf.
 */
#include "render/draw-vmetrics.h"

#include "tinytest.h"

#include <math.h>
#include <pango/pangocairo.h>

#define NEAR(a, b) CHECK_NEAR(a, b, 0.0005)

static void
test_table(void)
{
	NEAR(draw_vmetrics_face("Calibri"), 0.780);
	NEAR(draw_vmetrics_face("calibri"), 0.780);
	NEAR(draw_vmetrics_face("B Nazanin"), 1990.0 / 3035.0);
	NEAR(draw_vmetrics_face("Arial Unicode MS"), 2189.0 / 2744.0);
	/* the Japanese name of MS PGothic, as themes write it */
	NEAR(draw_vmetrics_face("\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82"
	                              "\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf"),
	           220.0 / 256.0);
	CHECK(draw_vmetrics_face("No Such Face") < 0);
	CHECK(draw_vmetrics_face("") < 0);
	CHECK(draw_vmetrics_face(NULL) < 0);
}

/* The share of @family's regular face as loaded by pango. */
static double
font_share(PangoContext *ctx, const char *family, double *hhea)
{
	PangoFontDescription *fd = pango_font_description_from_string(family);
	PangoFont *f;
	PangoFontMetrics *m;
	double r;

	pango_font_description_set_absolute_size(fd, 20 * PANGO_SCALE);
	f = pango_context_load_font(ctx, fd);
	pango_font_description_free(fd);
	if (!f)
		return -1;
	m = pango_font_get_metrics(f, NULL);
	*hhea = pango_font_metrics_get_ascent(m) /
	        (double) (pango_font_metrics_get_ascent(m) +
	                  pango_font_metrics_get_descent(m));
	pango_font_metrics_unref(m);
	r = draw_vmetrics_font(f);
	g_object_unref(f);
	return r;
}

static void
test_fonts(void)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	PangoContext *ctx = pango_font_map_create_context(fm);
	double hhea = 0;

	/* win metrics, not the hhea ones pango lays lines out by */
	NEAR(font_share(ctx, "Carlito", &hhea), 1950.0 / 2500.0);
	NEAR(hhea, 0.750);
	NEAR(font_share(ctx, "Liberation Sans", &hhea), 1854.0 / 2288.0);
	NEAR(font_share(ctx, "Noto Sans Arabic", &hhea), 1374.0 / 2112.0);
	CHECK(draw_vmetrics_font(NULL) < 0);
	g_object_unref(ctx);
	g_object_unref(fm);
}

int
main(void)
{
	tt_use_test_fonts();
	test_table();
	test_fonts();
	return TT_DONE();
}
