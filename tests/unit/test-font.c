/*
 * Unit tests for render/draw-font.c: the order in which a face is
 * resolved (caller's map, installed face, metric clone or stand-in,
 * fallback), refusals of bad folders and maps, and the substitution
 * report (distinct, sorted, fallbacks asked of fontconfig), the family
 * coverage that shortens pango's lists (same faces drawn) and language
 * tags. Fonts are pinned with the tests' fonts.conf.
 */
#include "render/draw-font.h"

#include "tinytest.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
test_without_fonts(void)
{
	char fam[256];

	/* no draw_fonts: the table, unchecked */
	CHECK_INT(draw_fonts_resolve(NULL, "Calibri", fam, sizeof fam),
	          S2P_FONT_METRIC);
	CHECK_STR(fam, "Carlito");
	CHECK_INT(draw_fonts_resolve(NULL, "segoe ui semibold", fam, sizeof fam),
	          S2P_FONT_STANDIN);
	CHECK_STR(fam, "Noto Sans");
	CHECK_INT(draw_fonts_resolve(NULL, "Some Face", fam, sizeof fam),
	          S2P_FONT_FALLBACK);
	CHECK_STR(fam, "Some Face");
}

static void
test_resolve(void)
{
	s2p_font_subst map[] = { { "Calibri", "DejaVu Serif" },
	                         { "calibri", "Liberation Serif" } };
	s2p_error err;
	draw_fonts *f;
	char fam[256];

	s2p_error_clear(&err);
	f = draw_fonts_new(NULL, 0, NULL, 0, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT(draw_fonts_resolve(f, "Calibri", fam, sizeof fam),
	          S2P_FONT_METRIC);
	CHECK_STR(fam, "Carlito");
	/* installed faces are drawn as named, whatever the case and blanks */
	CHECK_INT(draw_fonts_resolve(f, "dejavu sans", fam, sizeof fam),
	          DRAW_FONT_EXACT);
	CHECK_STR(fam, "dejavu sans");
	CHECK_INT(draw_fonts_resolve(f, "Carlito", fam, sizeof fam), DRAW_FONT_EXACT);
	CHECK_INT(draw_fonts_resolve(f, "Meiryo", fam, sizeof fam), S2P_FONT_STANDIN);
	CHECK_STR(fam, "Noto Sans CJK JP");
	/* the IPA faces before Noto for the MS faces (the tests' fonts have
	 * both), under English and Japanese names */
	CHECK_INT(draw_fonts_resolve(f, "MS Gothic", fam, sizeof fam), S2P_FONT_METRIC);
	CHECK_STR(fam, "IPAGothic");
	CHECK_INT(draw_fonts_resolve(f, "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82"
	                             "\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", fam,
	                             sizeof fam), S2P_FONT_STANDIN);
	CHECK_STR(fam, "IPAPGothic");
	/* MS PGothic's 、 is 664/1000 em, IPAPGothic's 500; its 「 narrower;
	 * its あ wider, its "a" narrower (477 against 550); ideographs and
	 * characters not measured alike (the table's ends and a miss) */
	CHECK(draw_font_pgothic_extra(0x3001) > 0.163 && draw_font_pgothic_extra(0x3001) < 0.165);
	CHECK(draw_font_pgothic_extra(0x300C) < 0);
	CHECK(draw_font_pgothic_extra(0x3042) > 0.020 && draw_font_pgothic_extra(0x3042) < 0.022);
	CHECK(draw_font_pgothic_extra('a') < -0.072 && draw_font_pgothic_extra('a') > -0.074);
	CHECK(draw_font_pgothic_extra(' ') > 0.034 && draw_font_pgothic_extra(' ') < 0.036);
	CHECK(draw_font_pgothic_extra(0xFF5E) > 0.059 && draw_font_pgothic_extra(0xFF5E) < 0.061);
	CHECK(draw_font_pgothic_extra(0x4E00) == 0);
	CHECK(draw_font_pgothic_extra('q') == 0);
	CHECK(draw_font_pgothic_extra(0x10FFFF) == 0);
	CHECK_INT(draw_fonts_resolve(f, "No Such Face", fam, sizeof fam),
	          S2P_FONT_FALLBACK);
	CHECK_STR(fam, "");
	CHECK_INT(draw_fonts_resolve(f, "Wingdings 2", fam, sizeof fam),
	          S2P_FONT_SYMBOL);
	CHECK_STR(fam, "DejaVu Sans");
	CHECK_INT(draw_fonts_resolve(f, "", fam, sizeof fam), DRAW_FONT_EXACT);
	draw_fonts_free(f);

	/* the caller's map comes first; the last entry for a family wins */
	f = draw_fonts_new(NULL, 0, map, 2, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT(draw_fonts_resolve(f, "CALIBRI", fam, sizeof fam), S2P_FONT_MAPPED);
	CHECK_STR(fam, "Liberation Serif");
	CHECK_INT(draw_fonts_resolve(f, "Cambria", fam, sizeof fam), S2P_FONT_METRIC);
	draw_fonts_free(f);
}

/* Every stand-in the table names is installed by scripts/setup-deps.sh
 * (a missing one silently fell back to the theme font: Arial Narrow's
 * Liberation Sans Narrow is not in fonts-liberation2). */
static void
test_table_installed(void)
{
	s2p_error err;
	draw_fonts *f;
	const char *name;
	char fam[256];

	s2p_error_clear(&err);
	f = draw_fonts_new(NULL, 0, NULL, 0, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	for (size_t i = 0; (name = draw_fonts_table_name(i)) != NULL; i++) {
		int kind;
		/* the Persian B-series stand-ins (fonts-farsiweb) are outside
		 * the tests' font set (tests/fonts/fonts.conf) */
		if (!strncmp(name, "B ", 2))
			continue;
		kind = draw_fonts_resolve(f, name, fam, sizeof fam);
		if (kind == S2P_FONT_FALLBACK || !fam[0])
			fprintf(stderr, "stand-in for '%s' not installed\n", name);
		CHECK(kind != S2P_FONT_FALLBACK && fam[0]);
	}
	CHECK_INT(draw_fonts_resolve(f, "Arial Narrow", fam, sizeof fam),
	          S2P_FONT_METRIC);
	CHECK_STR(fam, "Nimbus Sans Narrow");
	draw_fonts_free(f);
}

static void
test_refusals(void)
{
	s2p_font_subst missing[] = { { "Calibri", "No Such Face" } };
	s2p_font_subst empty[] = { { "", "Carlito" } };
	const char *bad_dir[] = { "/nonexistent/fonts" };
	const char *file_dir[] = { "tests/fonts/fonts.conf" };
	s2p_error err;

	s2p_error_clear(&err);
	CHECK(draw_fonts_new(NULL, 0, missing, 1, &err) == NULL);
	CHECK_INT(err.code, S2P_EARG);
	CHECK(strstr(err.msg, "'No Such Face' is not installed") != NULL);
	s2p_error_clear(&err);
	CHECK(draw_fonts_new(NULL, 0, empty, 1, &err) == NULL);
	CHECK_INT(err.code, S2P_EARG);
	s2p_error_clear(&err);
	CHECK(draw_fonts_new(bad_dir, 1, NULL, 0, &err) == NULL);
	CHECK_INT(err.code, S2P_EARG);
	CHECK(strstr(err.msg, "/nonexistent/fonts") != NULL);
	s2p_error_clear(&err);
	CHECK(draw_fonts_new(file_dir, 1, NULL, 0, &err) == NULL);
	CHECK_INT(err.code, S2P_EARG);
}

static void
test_report(void)
{
	s2p_font_substitution *r = NULL;
	s2p_error err;
	draw_fonts *f;
	int n = -1;

	s2p_error_clear(&err);
	f = draw_fonts_new(NULL, 0, NULL, 0, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	draw_fonts_note(f, "Segoe UI", "Noto Sans", NULL, S2P_FONT_STANDIN);
	draw_fonts_note(f, "Calibri", "Carlito", NULL, S2P_FONT_METRIC);
	draw_fonts_note(f, "Calibri", "Carlito", "en-US", S2P_FONT_METRIC);
	draw_fonts_note(f, "DejaVu Sans", "DejaVu Sans", NULL, S2P_FONT_FALLBACK);
	draw_fonts_note(f, "Carlito", "Carlito", NULL, DRAW_FONT_EXACT);
	/* left to fontconfig: it is asked for a face covering Japanese */
	draw_fonts_note(f, "HG Gothic", NULL, "ja-JP", S2P_FONT_FALLBACK);
	CHECK_INT(draw_fonts_report(f, &r, &n), 0);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(r[0].requested, "Calibri");
		CHECK_STR(r[0].used, "Carlito");
		CHECK_INT(r[0].kind, S2P_FONT_METRIC);
		CHECK_STR(r[1].requested, "HG Gothic");
		CHECK(strstr(r[1].used, "CJK") != NULL || strstr(r[1].used, "IPA") != NULL);
		CHECK_INT(r[1].kind, S2P_FONT_FALLBACK);
		CHECK_STR(r[2].requested, "Segoe UI");
	}
	for (int i = 0; i < n; i++) {
		free(r[i].requested);
		free(r[i].used);
	}
	free(r);
	draw_fonts_free(f);
}

/* The family of each item pango makes of @text in the families @fams,
 * joined with '|'. */
static void
item_families(PangoContext *ctx, const char *fams, const char *text, char *out,
              size_t size)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	PangoLayoutIter *it;
	size_t k = 0;

	pango_font_description_set_family(fd, fams);
	pango_font_description_set_absolute_size(fd, 12 * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, text, -1);
	out[0] = 0;
	it = pango_layout_get_iter(l);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		PangoFontDescription *d;
		if (!run)
			continue;
		d = pango_font_describe(run->item->analysis.font);
		k += (size_t) snprintf(out + k, size - k, "%s%s", k ? "|" : "",
		                       pango_font_description_get_family(d));
		pango_font_description_free(d);
	} while (pango_layout_iter_next_run(it) && k < size);
	pango_layout_iter_free(it);
	pango_font_description_free(fd);
	g_object_unref(l);
}

static void
test_covers(void)
{
	static const char *const texts[] = {
		"Plain text, with \xe2\x80\x9c" "quotes\xe2\x80\x9d \xe2\x80\x93 and dashes",
		"Line\xe2\x80\xa8" "break\ttab\xc2\xa0" "nbsp",
		"Caf\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\x96",
	};
	s2p_error err;
	draw_fonts *f;
	PangoFontMap *fm = pango_cairo_font_map_new();
	PangoContext *ctx = pango_font_map_create_context(fm);
	char a[512], b[512];

	s2p_error_clear(&err);
	f = draw_fonts_new(NULL, 0, NULL, 0, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT(draw_fonts_covers(f, "Carlito", "Hello", -1), 1);
	CHECK_INT(draw_fonts_covers(f, "Carlito", NULL, 0), 1);
	/* only the first 5 bytes are asked about */
	CHECK_INT(draw_fonts_covers(f, "Carlito", "Hello \xe6\x97\xa5", 5), 1);
	CHECK_INT(draw_fonts_covers(f, "Carlito", "Hello \xe6\x97\xa5", -1), 0);
	CHECK_INT(draw_fonts_covers(f, "Noto Sans CJK JP",
	                            "\xe6\x97\xa5\xe6\x9c\xac", -1), 1);
	CHECK_INT(draw_fonts_covers(f, "No Such Face", "Hello", -1), 0);
	/* text the first family covers is drawn in the same faces with or
	 * without the families after it */
	for (size_t i = 0; i < S2P_ARRAY_LEN(texts); i++) {
		CHECK_INT(draw_fonts_covers(f, "DejaVu Sans", texts[i], -1), 1);
		item_families(ctx, "DejaVu Sans,Carlito,Noto Sans CJK JP", texts[i],
		              a, sizeof a);
		item_families(ctx, "DejaVu Sans", texts[i], b, sizeof b);
		CHECK_STR(a, b);
	}
	/* and a family that lacks some of it is not: the list matters */
	CHECK_INT(draw_fonts_covers(f, "Carlito", "\xce\xb1 \xe6\x97\xa5", -1), 0);
	item_families(ctx, "Carlito,Noto Sans CJK JP", "a \xe6\x97\xa5", a, sizeof a);
	CHECK(strstr(a, "CJK") != NULL);
	g_object_unref(ctx);
	g_object_unref(fm);
	draw_fonts_free(f);
}

static void
test_language(void)
{
	s2p_error err;
	draw_fonts *f;

	s2p_error_clear(&err);
	f = draw_fonts_new(NULL, 0, NULL, 0, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	/* English regions share one language ... */
	CHECK_STR(pango_language_to_string(draw_font_language(f, "en-US")), "en");
	CHECK_STR(pango_language_to_string(draw_font_language(f, "en_GB")), "en");
	CHECK_STR(pango_language_to_string(draw_font_language(f, "en-029")), "en");
	CHECK_STR(pango_language_to_string(draw_font_language(f, "en")), "en");
	/* ... other tags stay as they are (lowercased by pango) */
	CHECK_STR(pango_language_to_string(draw_font_language(f, "fa-IR")), "fa-ir");
	CHECK_STR(pango_language_to_string(draw_font_language(f, "zh-TW")), "zh-tw");
	CHECK_STR(pango_language_to_string(draw_font_language(f, "en-Latn-US")),
	          "en-latn-us");
	CHECK_STR(pango_language_to_string(draw_font_language(NULL, "en-US")),
	          "en-us");
	CHECK(draw_font_language(f, NULL) == NULL);
	draw_fonts_free(f);
}

/* PowerPoint's face slots by stretch of text: a:cs for Persian, a:latin
 * for the Latin words inside it; spaces, digits and punctuation go with
 * the letters before them. */
static void
test_segments(void)
{
	/* "salam" in Persian, a space, "PowerPoint 2016", a space, "dar" */
	const char *t = "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 PowerPoint 2016 "
	                "\xd8\xaf\xd8\xb1";
	int n = (int) strlen(t), a;

	a = draw_font_segment(t, n);
	CHECK_INT(a, 9);               /* 4 Arabic letters and the space */
	CHECK_INT(draw_font_segment(t + a, n - a), 16); /* "PowerPoint 2016 " */
	a += 16;
	CHECK_INT(draw_font_segment(t + a, n - a), n - a);
	/* leading neutrals go with the first letters; text of one slot is
	 * one stretch */
	CHECK_INT(draw_font_segment("12, abc", 7), 7);
	CHECK_INT(draw_font_segment("(\xd8\xaf) x", 7), 5);
	CHECK_INT(draw_font_segment("...", 3), 3);
	/* Japanese and Latin are different slots too */
	CHECK_INT(draw_font_segment("ab\xe3\x81\x82", 5), 2);
	/* the Arabic comma and a zero-width non-joiner stay in the word */
	CHECK_INT(draw_font_segment("\xd8\xaf\xd8\x8c\xe2\x80\x8c\xd8\xaf a", 11), 10);
}

int
main(void)
{
	tt_use_test_fonts();
	test_without_fonts();
	test_resolve();
	test_table_installed();
	test_refusals();
	test_report();
	test_covers();
	test_language();
	test_segments();
	return TT_DONE();
}
