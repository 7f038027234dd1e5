/*
 * Unit tests for render/draw-font.c: the order in which a face is
 * resolved (caller's map, installed face, metric clone or stand-in,
 * fallback), refusals of bad folders and maps, and the substitution
 * report (distinct, sorted, fallbacks asked of fontconfig). Fonts are
 * pinned with the tests' fonts.conf.
 */
#include "render/draw-font.h"

#include "tinytest.h"

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
		CHECK(strstr(r[1].used, "CJK") != NULL);
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

int
main(void)
{
	char conf[PATH_MAX];
	size_t n;

	/* the tests' own fonts (an absolute path: fontconfig wants one); the
	 * tests run in the source folder */
	if (getcwd(conf, sizeof conf - 32)) {
		n = strlen(conf);
		snprintf(conf + n, sizeof conf - n, "/tests/fonts/fonts.conf");
		setenv("FONTCONFIG_FILE", conf, 1);
	}
	test_without_fonts();
	test_resolve();
	test_table_installed();
	test_refusals();
	test_report();
	return TT_DONE();
}
