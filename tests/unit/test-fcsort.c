/*
 * Unit tests for render/draw-fcsort.c: fontconfig's sort and match
 * answers shared across pixel sizes give exactly what fontconfig gives
 * (same fonts, same order; matches prepared with the caller's size), a
 * request that differs otherwise is asked anew, and fonts that carry
 * sizes of their own turn the sharing off. The calls are made the way
 * pango 1.50 makes them: one fresh copy of the font list per request.
 * And render/draw-ftface.c: a prepared font carries the one FreeType face
 * of its file (FC_FT_FACE), the same for every preparation of that file,
 * so cairo never opens (nor closes) it itself.
 */
#include "render/draw.h"

#include "tinytest.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static FcFontSet *
copy_fonts(const FcFontSet *s)
{
	FcFontSet *r = FcFontSetCreate();

	for (int i = 0; i < s->nfont; i++) {
		FcPatternReference(s->fonts[i]);
		FcFontSetAdd(r, s->fonts[i]);
	}
	return r;
}

static FcPattern *
request(FcConfig *config, const char *family, double px)
{
	FcPattern *p = FcPatternCreate();

	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *) family);
	FcPatternAddDouble(p, FC_PIXEL_SIZE, px);
	FcPatternAddDouble(p, FC_SIZE, px * 0.75);
	FcConfigSubstitute(config, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	return p;
}

static FcFontSet *
sort_trim(FcConfig *config, const FcFontSet *fonts, FcPattern *p, FcBool trim)
{
	FcFontSet *copy = copy_fonts(fonts), *r;
	FcResult res;

	r = FcFontSetSort(config, &copy, 1, p, trim, NULL, &res);
	FcFontSetDestroy(copy);
	return r;
}

/* as pango sorts: fonts that add no characters left out */
static FcFontSet *
sort(FcConfig *config, const FcFontSet *fonts, FcPattern *p)
{
	return sort_trim(config, fonts, p, FcTrue);
}

static FcPattern *
match(FcConfig *config, const FcFontSet *fonts, FcPattern *p)
{
	FcFontSet *copy = copy_fonts(fonts);
	FcPattern *r;
	FcResult res;

	r = FcFontSetMatch(config, &copy, 1, p, &res);
	FcFontSetDestroy(copy);
	return r;
}

static int
same_sets(const FcFontSet *a, const FcFontSet *b)
{
	if (!a || !b || a->nfont != b->nfont)
		return 0;
	for (int i = 0; i < a->nfont; i++)
		if (a->fonts[i] != b->fonts[i])
			return 0;
	return 1;
}

static void
calls(unsigned long *n)
{
	unsigned long h, m;

	draw_fcsort_stats(&h, &m);
	*n = h + m;
}

static void
test_sizes_shared(void)
{
	FcConfig *config = FcConfigGetCurrent();
	const FcFontSet *fonts = FcConfigGetFonts(config, FcSetSystem);
	const char *families[] = { "Carlito", "Liberation Serif", "Meiryo",
	                           "No Such Face" };
	unsigned long h0, m0, h1, m1;

	CHECK(fonts && fonts->nfont > 10);
	if (!fonts)
		return;
	for (size_t f = 0; f < sizeof families / sizeof *families; f++) {
		FcPattern *p10 = request(config, families[f], 10);
		FcPattern *p37 = request(config, families[f], 37.5);
		FcFontSet *want10, *want37, *got10, *got37;
		FcPattern *m_want, *m_got, *m_other;
		double px = 0;
		FcChar8 *fa = NULL, *fb = NULL;

		draw_fcsort_set_enabled(0);
		want10 = sort(config, fonts, p10);
		want37 = sort(config, fonts, p37);
		m_want = match(config, fonts, p37);
		draw_fcsort_set_enabled(1);
		draw_fcsort_stats(&h0, &m0);
		got10 = sort(config, fonts, p10);   /* asked: a miss */
		got37 = sort(config, fonts, p37);   /* shared: a hit */
		m_other = match(config, fonts, p10); /* a miss */
		m_got = match(config, fonts, p37);  /* a hit */
		draw_fcsort_stats(&h1, &m1);
		CHECK(same_sets(want10, got10));
		CHECK(same_sets(want37, got37));
		CHECK_INT((int) (h1 - h0), 2);
		CHECK_INT((int) (m1 - m0), 2);
		/* the match comes prepared with the caller's own size */
		CHECK(m_got && FcPatternGetDouble(m_got, FC_PIXEL_SIZE, 0, &px) ==
		      FcResultMatch);
		CHECK_NEAR(px, 37.5, 1e-9);
		CHECK(m_want && m_got &&
		      FcPatternGetString(m_want, FC_FILE, 0, &fa) == FcResultMatch &&
		      FcPatternGetString(m_got, FC_FILE, 0, &fb) == FcResultMatch &&
		      strcmp((const char *) fa, (const char *) fb) == 0);
		CHECK(m_want && m_got && FcPatternEqual(m_want, m_got));
		FcFontSetDestroy(want10);
		FcFontSetDestroy(want37);
		FcFontSetDestroy(got10);
		FcFontSetDestroy(got37);
		FcPatternDestroy(m_want);
		FcPatternDestroy(m_got);
		FcPatternDestroy(m_other);
		FcPatternDestroy(p10);
		FcPatternDestroy(p37);
	}
}

/* Two bitmap strikes of different sizes: the order depends on the size
 * asked for, so nothing is shared. */
static void
test_bitmap_sizes(void)
{
	FcConfig *config = FcConfigGetCurrent();
	FcFontSet *fonts = FcFontSetCreate();
	FcPattern *p8 = request(config, "Strike", 8), *p12 = request(config, "Strike", 12);
	FcFontSet *a, *b;
	unsigned long before, after;

	for (int i = 0; i < 2; i++) {
		FcPattern *f = FcPatternCreate();
		FcPatternAddString(f, FC_FAMILY, (const FcChar8 *) "Strike");
		FcPatternAddString(f, FC_FILE, (const FcChar8 *) (i ? "/s12" : "/s8"));
		FcPatternAddDouble(f, FC_PIXEL_SIZE, i ? 12 : 8);
		FcFontSetAdd(fonts, f);
	}
	calls(&before);
	/* untrimmed: these fonts have no characters */
	a = sort_trim(config, fonts, p8, FcFalse);
	b = sort_trim(config, fonts, p12, FcFalse);
	calls(&after);
	CHECK_INT((int) (after - before), 0);
	CHECK(a && b && a->nfont == 2 && b->nfont == 2);
	if (a && b && a->nfont == 2 && b->nfont == 2) {
		double pa = 0, pb = 0;
		FcPatternGetDouble(a->fonts[0], FC_PIXEL_SIZE, 0, &pa);
		FcPatternGetDouble(b->fonts[0], FC_PIXEL_SIZE, 0, &pb);
		CHECK_NEAR(pa, 8, 0);
		CHECK_NEAR(pb, 12, 0);
	}
	FcFontSetDestroy(a);
	FcFontSetDestroy(b);
	FcFontSetDestroy(fonts);
	FcPatternDestroy(p8);
	FcPatternDestroy(p12);
}

static FT_Face
prepared_face(FcConfig *config, FcPattern *p, FcPattern *font)
{
	FcPattern *r = FcFontRenderPrepare(config, p, font);
	FcValue v;
	FT_Face face = NULL;

	if (r && FcPatternGet(r, FC_FT_FACE, 0, &v) == FcResultMatch)
		face = (FT_Face) v.u.f;
	FcPatternDestroy(r);
	return face;
}

static void
test_shared_faces(void)
{
	FcConfig *config = FcConfigGetCurrent();
	const FcFontSet *fonts = FcConfigGetFonts(config, FcSetSystem);
	FcPattern *p10 = request(config, "Carlito", 10);
	FcPattern *p20 = request(config, "Carlito", 20);
	FT_Face a, b, c;

	CHECK(fonts && fonts->nfont > 1);
	if (!fonts || fonts->nfont < 2)
		return;
	a = prepared_face(config, p10, fonts->fonts[0]);
	b = prepared_face(config, p20, fonts->fonts[0]);
	c = prepared_face(config, p10, fonts->fonts[1]);
	CHECK(a != NULL);
	CHECK(a == b);            /* one face per file, whatever the size */
	CHECK(c != NULL && c != a);
	draw_ftface_set_enabled(0);
	CHECK(prepared_face(config, p10, fonts->fonts[0]) == NULL);
	draw_ftface_set_enabled(1);
	FcPatternDestroy(p10);
	FcPatternDestroy(p20);
}

int
main(void)
{
	tt_use_test_fonts();
	FcInit();
	test_sizes_shared();
	test_bitmap_sizes();
	test_shared_faces();
	return TT_DONE();
}
