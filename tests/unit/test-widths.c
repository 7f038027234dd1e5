/*
 * Unit tests for render/draw-widths.c: which runs get a table (the face
 * and stand-in named, regular or bold, never italic), the differences
 * it gives,
 * and, for every table, that its characters are in code point order (the
 * lookup is a binary search) and that its stand-in column is what the
 * installed stand-in sets (harfbuzz advances of the face fontconfig gives
 * for the family, with the tests' fonts.conf): a new version of a
 * stand-in font shows here before it moves any line.
 */
#include "render/draw-widths.h"

#include "tinytest.h"

#include <pango/pangocairo.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

static void
test_find(void)
{
	const draw_width_table *t = draw_widths_find("Calibri Light", "Carlito", 0, 0);

	CHECK(t != NULL);
	CHECK(draw_widths_find("calibri light", "CARLITO", 0, 0) == t);
	/* only the upright regular face is measured */
	CHECK(draw_widths_find("Calibri Light", "Carlito", 1, 0) == NULL);
	CHECK(draw_widths_find("Calibri Light", "Carlito", 0, 1) == NULL);
	/* the table is for this stand-in only (--font-map may pick another) */
	CHECK(draw_widths_find("Calibri Light", "Liberation Sans", 0, 0) == NULL);
	CHECK(draw_widths_find("Calibri", "Carlito", 0, 0) == NULL);
	CHECK(draw_widths_find(NULL, "Carlito", 0, 0) == NULL);
	CHECK(draw_widths_find("Calibri Light", NULL, 0, 0) == NULL);
	CHECK(draw_widths_find("Franklin Gothic Book", "Liberation Sans", 0, 0) != NULL);
	CHECK(draw_widths_extra(NULL, 'A') == 0);
	/* Meiryo has a bold table of its own, under either name */
	t = draw_widths_find("Meiryo", "Noto Sans CJK JP", 0, 0);
	CHECK(t != NULL);
	CHECK(draw_widths_find("Meiryo", "Noto Sans CJK JP", 1, 0) != NULL);
	CHECK(draw_widths_find("Meiryo", "Noto Sans CJK JP", 1, 0) != t);
	CHECK(draw_widths_find("\xe3\x83\xa1\xe3\x82\xa4\xe3\x83\xaa\xe3\x82\xaa",
	                       "Noto Sans CJK JP", 0, 0) != NULL);
	CHECK(draw_widths_find("Meiryo", "Noto Sans CJK JP", 1, 1) == NULL);
	CHECK(draw_widths_find("Meiryo UI", "Noto Sans CJK JP", 0, 0) == NULL);
}

static void
test_meiryo(void)
{
	const draw_width_table *r = draw_widths_find("Meiryo", "Noto Sans CJK JP", 0, 0);
	const draw_width_table *b = draw_widths_find("Meiryo", "Noto Sans CJK JP", 1, 0);

	/* Meiryo's 'W' 1001/1000 em against Noto's 878; bold 1051 and 915 */
	CHECK_NEAR(draw_widths_extra(r, 'W'), 0.123, 1e-9);
	CHECK_NEAR(draw_widths_extra(b, 'W'), 0.136, 1e-9);
	/* a narrower 'J' */
	CHECK_NEAR(draw_widths_extra(r, 'J'), -0.091, 1e-9);
	/* tabular figures: every digit as wide as the others */
	for (uint32_t d = '1'; d <= '9'; d++) {
		CHECK(draw_widths_extra(r, d) == draw_widths_extra(r, '0'));
		CHECK(draw_widths_extra(b, d) == draw_widths_extra(b, '0'));
	}
	CHECK(draw_widths_extra(b, '0') > 0.086 && draw_widths_extra(b, '0') < 0.088);
	/* kana and kanji are a full em in both faces */
	CHECK(draw_widths_extra(r, 0x3042) == 0);
	CHECK(draw_widths_extra(b, 0x6F0F) == 0);
}

static void
test_calibri_light(void)
{
	const draw_width_table *t = draw_widths_find("Calibri Light", "Carlito", 0, 0);

	/* PowerPoint's Calibri Light 'A' is 563/1000 em, Carlito's 579 */
	CHECK_NEAR(draw_widths_extra(t, 'A'), -0.016, 1e-9);
	CHECK_NEAR(draw_widths_extra(t, 'w'), -0.016, 1e-9);
	/* Cyrillic from course-networks-ru: 'ф' 596 against 624 */
	CHECK_NEAR(draw_widths_extra(t, 0x0444), -0.028, 1e-9);
	/* the same digits and space as Calibri's */
	CHECK(draw_widths_extra(t, '1') == 0);
	CHECK(draw_widths_extra(t, ' ') == 0);
	/* not measured: the stand-in's own width */
	CHECK(draw_widths_extra(t, 'J') == 0);
	CHECK(draw_widths_extra(t, 0x4E00) == 0);
	CHECK(draw_widths_extra(t, 0x10FFFF) == 0);
}

/* The advance (1/1000 em) harfbuzz gives @cp in @font, or -1 if the face
 * has no glyph for it. */
static int
advance_of(PangoFont *font, uint32_t cp)
{
	hb_face_t *face = hb_font_get_face(pango_font_get_hb_font(font));
	hb_font_t *plain = hb_font_create(face);  /* scale: font units */
	unsigned upem = hb_face_get_upem(face);
	hb_codepoint_t g;
	int adv = -1;

	if (upem && hb_font_get_nominal_glyph(plain, cp, &g))
		adv = (int) lround(hb_font_get_glyph_h_advance(plain, g) * 1000.0 / upem);
	hb_font_destroy(plain);
	return adv;
}

/* Every table of @family over @standin: ordered, its stand-in column what
 * the installed face sets (to the unit; the table rounds), the original
 * between half and twice it (a slipped digit shows). */
static void
check_table(PangoFontMap *fm, PangoContext *ctx, const char *family,
            const char *standin, int bold)
{
	const draw_width_table *t = draw_widths_find(family, standin, bold, 0);
	PangoFontDescription *fd = pango_font_description_from_string(standin);
	PangoFontDescription *got;
	PangoFont *font;
	uint32_t cp, prev = 0;
	int orig, sw, bad = 0, n = 0;

	CHECK(t != NULL);
	pango_font_description_set_absolute_size(fd, 100 * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	font = pango_font_map_load_font(fm, ctx, fd);
	pango_font_description_free(fd);
	CHECK(font != NULL);
	if (!t || !font)
		return;
	got = pango_font_describe(font);
	CHECK_STR(pango_font_description_get_family(got), standin);
	/* a real bold face, not an emboldened regular one */
	CHECK_INT(pango_font_description_get_weight(got),
	          bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_free(got);
	for (size_t i = 0; draw_widths_at(t, i, &cp, &orig, &sw); i++, n++) {
		int have = advance_of(font, cp);
		if ((i > 0 && cp <= prev) || abs(have - sw) > 1 ||
		    orig < sw / 2 || orig > sw * 2) {
			fprintf(stderr, "%s over %s: U+%04X table %d/%d, installed %d\n",
			        family, standin, (unsigned) cp, orig, sw, have);
			bad++;
		}
		prev = cp;
	}
	CHECK(n > 0);
	CHECK_INT(bad, 0);
	CHECK_INT(draw_widths_at(t, (size_t) n, &cp, &orig, &sw), 0);
	g_object_unref(font);
}

/* Arial Unicode MS's Persian letters over Noto Sans Arabic: on average
 * narrower (teh 0.179 em), a few wider (reh); not Latin letters */
static void
test_arabic(void)
{
	const draw_width_table *t = draw_widths_find("Arial Unicode MS",
	                                             "Noto Sans Arabic", 0, 0);

	CHECK(t != NULL);
	CHECK(draw_widths_find("liberation sans", "Noto Sans Arabic", 0, 0) != NULL);
	CHECK(draw_widths_find("Arial Unicode MS", "Amiri", 0, 0) == NULL);
	CHECK_NEAR(draw_widths_extra(t, 0x062A), -0.179, 1e-9);
	CHECK_NEAR(draw_widths_extra(t, 0x0631), 0.077, 1e-9);
	CHECK(draw_widths_extra(t, 'a') == 0);
}

static void
test_standins(void)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	PangoContext *ctx = pango_font_map_create_context(fm);

	check_table(fm, ctx, "Franklin Gothic Book", "Liberation Sans", 0);
	check_table(fm, ctx, "Calibri Light", "Carlito", 0);
	check_table(fm, ctx, "Meiryo", "Noto Sans CJK JP", 0);
	check_table(fm, ctx, "Meiryo", "Noto Sans CJK JP", 1);
	check_table(fm, ctx, "Arial Unicode MS", "Noto Sans Arabic", 0);
	check_table(fm, ctx, "Liberation Sans", "Noto Sans Arabic", 0);
	check_table(fm, ctx, "Arial Unicode MS", "Noto Sans Arabic", 1);
	g_object_unref(ctx);
	g_object_unref(fm);
}

int
main(void)
{
	tt_use_test_fonts();
	test_find();
	test_calibri_light();
	test_meiryo();
	test_arabic();
	test_standins();
	return TT_DONE();
}
