/*
 * Metafile text (ExtTextOutW, TextOut) through pango: the DC's font
 * (LOGFONT height in logical units, escapement, weight, italic,
 * underline, strike-out), text alignment, and the per-character advances
 * (Dx) GDI recorded, which place each character where the metafile's
 * author saw it. Text stays upright when the mapping mirrors y.
 */
#include "metafile/mf-imp.h"

#include "base/base.h"
#include "base/symfont.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TA_UPDATECP 1u
#define TA_RIGHT 2u
#define TA_CENTER 6u
#define TA_BOTTOM 8u
#define TA_BASELINE 24u

/* Largest em size, in logical units, pango can hold (int 1/1024ths). */
#define MAX_EM 1e6

/* Windows charsets (lfCharSet) and the code pages iconv knows them by. */
static const char *
charset_codepage(int charset, int *multibyte)
{
	*multibyte = 0;
	switch (charset) {
	case 77: return "MACINTOSH";
	case 128: *multibyte = 1; return "CP932";
	case 129: *multibyte = 1; return "CP949";
	case 130: *multibyte = 1; return "JOHAB";
	case 134: *multibyte = 1; return "CP936";
	case 136: *multibyte = 1; return "BIG5";
	case 161: return "CP1253";
	case 162: return "CP1254";
	case 163: return "CP1258";
	case 177: return "CP1255";
	case 178: return "CP1256";
	case 186: return "CP1257";
	case 204: return "CP1251";
	case 222: return "CP874";
	case 238: return "CP1250";
	case 255: return "CP437";
	default: return "CP1252";     /* ANSI_CHARSET, DEFAULT_CHARSET */
	}
}

/* A byte of a symbol font's text as Unicode, 0 if we have none: the
 * face's table (base/symfont.c), Symbol's for symbol-charset faces
 * without one; characters beyond the BMP (Wingdings' pictographs) do not
 * fit the UTF-16 units text is played in and count as none. */
static uint16_t
symbol_map(const mf_font *f, unsigned char b)
{
	uint32_t u = s2p_symfont_char(s2p_symfont_is(f->face) ? f->face : "Symbol", b);

	return u <= 0xFFFF ? (uint16_t) u : 0;
}

/* Wide text in a symbol font carries the font's bytes, usually moved to
 * U+F0xx: the same stand-ins as 8-bit text. A new array, or NULL when
 * nothing needs mapping. */
static uint16_t *
symbol_wide(mf_player *pl, const uint16_t *s, uint32_t n)
{
	uint16_t *u;
	int missing = 0;

	if (pl->dc.font.charset != 2)
		return NULL;
	u = s2p_malloc_array((size_t) n + 1, sizeof *u);
	if (!u)
		return NULL;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t c = s[i];
		u[i] = s[i];
		if (c >= 0xF020 && c <= 0xF0FF)
			c -= 0xF000;
		else if (c < 0x20 || c > 0xFF)
			continue;
		u[i] = symbol_map(&pl->dc.font, (unsigned char) c);
		if (!u[i]) {
			u[i] = ' ';
			missing = 1;
		}
	}
	if (missing)
		mf_note(pl, "some %s symbols not drawn", pl->dc.font.face[0]
		        ? pl->dc.font.face : "symbol font");
	return u;
}

/* DEFAULT_CHARSET text takes the writer's ANSI code page, which the file
 * does not record: East Asian faces tell it. */
static int
charset_from_face(const char *face)
{
	static const struct { const char *prefix; int charset; } faces[] = {
		{ "Microsoft YaHei", 134 }, { "SimSun", 134 }, { "NSimSun", 134 },
		{ "SimHei", 134 }, { "KaiTi", 134 }, { "FangSong", 134 },
		{ "DengXian", 134 }, { "MS Gothic", 128 }, { "MS PGothic", 128 },
		{ "MS UI Gothic", 128 }, { "MS Mincho", 128 }, { "MS PMincho", 128 },
		{ "Meiryo", 128 }, { "Yu Gothic", 128 }, { "Yu Mincho", 128 },
		{ "Malgun Gothic", 129 }, { "Gulim", 129 }, { "Dotum", 129 },
		{ "Batang", 129 }, { "Gungsuh", 129 }, { "PMingLiU", 136 },
		{ "MingLiU", 136 }, { "Microsoft JhengHei", 136 },
	};

	for (size_t i = 0; i < sizeof faces / sizeof faces[0]; i++)
		if (strncasecmp(face, faces[i].prefix, strlen(faces[i].prefix)) == 0)
			return faces[i].charset;
	return 1;
}

uint16_t *
mf_text_8bit(mf_player *pl, const unsigned char *s, size_t n,
             size_t *out_n, int *one_per_byte)
{
	const mf_font *f = &pl->dc.font;
	uint16_t *u = s2p_malloc_array(n + 1, sizeof *u);
	int multibyte;
	const char *cp = charset_codepage(f->charset == 1 ? charset_from_face(f->face)
	                                                  : f->charset, &multibyte);
	iconv_t cd;
	char *in = (char *) (uintptr_t) s, *out = (char *) u;
	size_t in_left = n, out_left = n * 2;

	*one_per_byte = 1;
	*out_n = n;
	if (!u)
		return NULL;
	if (f->charset == 2) {     /* SYMBOL_CHARSET: by the face */
		int missing = 0;
		for (size_t i = 0; i < n; i++) {
			u[i] = symbol_map(f, s[i]);
			if (!u[i] && s[i] != 0) {
				/* no stand-in: a gap, never a wrong glyph */
				u[i] = ' ';
				missing = 1;
			}
		}
		if (missing)
			mf_note(pl, "some %s symbols not drawn", f->face[0] ? f->face
			                                                    : "symbol font");
		return u;
	}
	/* iconv descriptors are per call: nothing shared between workers */
	cd = iconv_open("UTF-16LE", cp);
	if (cd == (iconv_t) -1)
		goto latin1;
	while (in_left > 0) {
		if (iconv(cd, &in, &in_left, &out, &out_left) == (size_t) -1) {
			if (errno == E2BIG || out_left < 2)
				break;
			/* an invalid or cut sequence: one U+FFFD, next byte */
			out[0] = (char) 0xFD;
			out[1] = (char) 0xFF;
			out += 2;
			out_left -= 2;
			in++;
			in_left--;
		}
	}
	iconv_close(cd);
	*out_n = (size_t) (out - (char *) u) / 2;
	for (size_t i = 0; i < *out_n; i++) {
		/* iconv wrote little-endian units: read them portably */
		const unsigned char *b = (const unsigned char *) (u + i);
		u[i] = (uint16_t) (b[0] | b[1] << 8);
	}
	*one_per_byte = !multibyte && *out_n == n;
	return u;
latin1:
	for (size_t i = 0; i < n; i++)
		u[i] = s[i];
	return u;
}

/* Append code point @c as UTF-8 to @out (room for 4 bytes checked by
 * the caller). */
static size_t
put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char) c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char) (0xC0 | c >> 6);
		out[1] = (char) (0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char) (0xE0 | c >> 12);
		out[1] = (char) (0x80 | (c >> 6 & 0x3F));
		out[2] = (char) (0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | c >> 18);
	out[1] = (char) (0x80 | (c >> 12 & 0x3F));
	out[2] = (char) (0x80 | (c >> 6 & 0x3F));
	out[3] = (char) (0x80 | (c & 0x3F));
	return 4;
}

/* Decode UTF-16 unit @i of @s (advancing *i past it); lone surrogates
 * become U+FFFD. */
static uint32_t
next_cp(const uint16_t *s, uint32_t n, uint32_t *i)
{
	uint32_t c = s[(*i)++];

	if (c >= 0xD800 && c < 0xDC00 && *i < n && s[*i] >= 0xDC00 &&
	    s[*i] < 0xE000)
		return 0x10000 + ((c - 0xD800) << 10) + (s[(*i)++] - 0xDC00);
	if (c >= 0xD800 && c < 0xE000)
		return 0xFFFD;
	return c;
}

/* Scripts whose shaping joins or reorders characters: they are drawn as
 * one run, never character by character. */
static int
needs_shaping(uint32_t c)
{
	return (c >= 0x0590 && c < 0x1100) || (c >= 0xFB1D && c < 0xFF00) ||
	       (c >= 0x1780 && c < 0x1800) || (c >= 0xA980 && c < 0xAAFF);
}

static PangoFontDescription *
font_desc(const mf_font *f, double em)
{
	PangoFontDescription *d = pango_font_description_new();
	int weight = f->weight <= 0 ? 400 : f->weight < 100 ? 100 :
	             f->weight > 1000 ? 1000 : f->weight;

	pango_font_description_set_family(d, f->face[0] ? f->face : "Sans");
	pango_font_description_set_weight(d, (PangoWeight) weight);
	pango_font_description_set_style(d, f->italic ? PANGO_STYLE_ITALIC
	                                              : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(d, em * PANGO_SCALE);
	return d;
}

/* The em size for LOGFONT height @h: negative is the character height
 * (em), positive the cell height (ascent + descent). */
static double
em_size(mf_player *pl, const mf_font *f)
{
	double h = f->height;
	PangoFontDescription *d;
	PangoFontMetrics *m;
	double cell;

	if (h < 0)
		return -h;
	if (h == 0)
		return 12;
	if (h > MAX_EM)
		return h;          /* refused by the caller */
	/* the cell of a 100-unit font, in a context without a transform
	 * (metrics under a stretched one are hinted nonsense) */
	pango_context_set_matrix(pl->pango, NULL);
	d = font_desc(f, 100);
	m = pango_context_get_metrics(pl->pango, d, NULL);
	cell = ((double) pango_font_metrics_get_ascent(m) +
	        pango_font_metrics_get_descent(m)) / PANGO_SCALE;
	pango_font_metrics_unref(m);
	pango_font_description_free(d);
	return cell > 0 ? h * 100 / cell : h;
}

/* The text space: origin at the reference point, logical units, y down
 * on the page, rotated by the escapement. */
static void
text_matrix(mf_player *pl, double x, double y, cairo_matrix_t *t)
{
	cairo_matrix_t m, rot;
	double px = x, py = y, ang = pl->dc.font.escapement * S2P_PI / 1800;

	mf_logical_matrix(pl, &m);
	cairo_matrix_transform_point(&m, &px, &py);
	*t = m;
	t->x0 = px;
	t->y0 = py;
	if (m.xx * m.yy - m.xy * m.yx < 0) {
		/* a y-up mapping: keep glyphs upright */
		t->xy = -t->xy;
		t->yy = -t->yy;
	}
	cairo_matrix_init_rotate(&rot, -ang);
	cairo_matrix_multiply(t, &rot, t);
}

void
mf_text(mf_player *pl, double x, double y, const uint16_t *s, uint32_t n,
        const int32_t *dx, int dx_pairs, uint32_t options, const double *rect)
{
	cairo_t *cr = pl->cr;
	uint32_t align = pl->dc.text_align, i;
	char *utf8 = NULL;
	uint16_t *sym = NULL;
	size_t len = 0;
	double em, total = 0, natural, x0, top, baseline, height;
	PangoLayout *layout = NULL;
	PangoFontDescription *desc;
	PangoAttrList *attrs;
	cairo_matrix_t tm;
	int shaped = 0, step = dx_pairs ? 2 : 1;
	PangoRectangle ink, logical;

	if (pl->in_path) {
		mf_unsupported(pl, "text in a path");
		return;
	}
	if (rect && (options & MF_ETO_OPAQUE)) {
		cairo_save(cr);
		cairo_new_path(cr);
		mf_shape_begin(pl);
		mf_rect(pl, rect[0], rect[1], rect[2], rect[3]);
		mf_set_color(pl, pl->dc.bk_color);
		cairo_fill(cr);
		cairo_restore(cr);
	}
	if (n == 0)
		return;
	if (!pl->pango) {
		mf_note(pl, "text not drawn (no fonts)");
		return;
	}
	if (mf_work(pl, (uint64_t) n * 64))
		return;
	sym = symbol_wide(pl, s, n);
	if (sym)
		s = sym;
	utf8 = malloc((size_t) n * 4 + 1);
	if (!utf8) {
		free(sym);
		return;
	}
	for (i = 0; i < n;) {
		uint32_t c = next_cp(s, n, &i);
		shaped |= needs_shaping(c);
		if (c == 0)
			break;
		len += put_utf8(utf8 + len, c);
	}
	utf8[len] = 0;
	if (align & TA_UPDATECP) {
		x = pl->dc.cur_x;
		y = pl->dc.cur_y;
	}
	if (dx)
		for (i = 0; i < n; i++)
			total += dx[(size_t) i * (size_t) step];

	cairo_save(cr);
	cairo_new_path(cr);
	if (rect && (options & MF_ETO_CLIPPED)) {
		mf_shape_begin(pl);
		mf_rect(pl, rect[0], rect[1], rect[2], rect[3]);
		cairo_clip(cr);
	}
	text_matrix(pl, x, y, &tm);
	if (cairo_matrix_invert(&(cairo_matrix_t) { tm.xx, tm.yx, tm.xy, tm.yy, 0, 0 }) !=
	    CAIRO_STATUS_SUCCESS)
		goto done;
	/* pango sizes are ints of 1/1024 units, and glyphs of less than a
	 * tenth of a pixel, more than 8192 pixels or stretched 64 times
	 * are not text anyone can read (pango overflows on some): skip them */
	if (!(fabs(pl->dc.font.height) <= MAX_EM))
		goto done;
	em = em_size(pl, &pl->dc.font);
	if (!(em > 0) || em > MAX_EM)
		goto done;
	{
		double ax = hypot(tm.xx, tm.yx) * em, ay = hypot(tm.xy, tm.yy) * em;
		double area = fabs(tm.xx * tm.yy - tm.xy * tm.yx) * em * em;
		/* ... nor glyphs squashed flat (a nearly singular matrix) */
		double big = fmax(ax, ay) / em;
		if (!(ax >= 0.1 && ax <= 8192) || !(ay >= 0.1 && ay <= 8192) ||
		    !(area >= ax * ay * 1e-3) || ax > 64 * ay || ay > 64 * ax)
			goto done;
		/* pango 1.50 / cairo 1.16 ask FreeType for the em times the
		 * matrix's scale squared, and a refused size leaks cairo's
		 * font (found by the metafile fuzz target): a logical unit of
		 * many pixels with large text is left out, and said so */
		if (em * big * big > 60000) {
			mf_note(pl, "text too large for its logical units not drawn");
			goto done;
		}
	}
	cairo_set_matrix(cr, &tm);
	pango_cairo_update_context(cr, pl->pango);
	layout = pango_layout_new(pl->pango);
	desc = font_desc(&pl->dc.font, em);
	pango_layout_set_font_description(layout, desc);
	pango_font_description_free(desc);
	attrs = pango_attr_list_new();
	if (pl->dc.font.underline)
		pango_attr_list_insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
	if (pl->dc.font.strikeout)
		pango_attr_list_insert(attrs, pango_attr_strikethrough_new(TRUE));
	pango_layout_set_attributes(layout, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_text(layout, utf8, (int) len);
	pango_layout_get_extents(layout, &ink, &logical);
	natural = logical.width / (double) PANGO_SCALE;
	height = logical.height / (double) PANGO_SCALE;
	baseline = pango_layout_get_baseline(layout) / (double) PANGO_SCALE;
	if (!dx)
		total = natural;
	x0 = (align & TA_CENTER) == TA_CENTER ? -total / 2 :
	     (align & TA_RIGHT) ? -total : 0;
	top = (align & TA_BASELINE) == TA_BASELINE ? -baseline :
	      (align & TA_BOTTOM) ? -height : 0;
	if (pl->dc.bk_opaque && !(options & MF_ETO_OPAQUE)) {
		cairo_rectangle(cr, x0, top, total, height);
		mf_set_color(pl, pl->dc.bk_color);
		cairo_fill(cr);
	}
	mf_set_color(pl, pl->dc.text_color);
	if (dx && !shaped) {
		/* each character at the advance GDI recorded */
		double pos = 0, vpos = 0;
		for (i = 0; i < n;) {
			uint32_t at = i, c = next_cp(s, n, &i);
			char one[5];
			size_t k = put_utf8(one, c);
			if (c == 0)
				break;
			if (c != ' ') {
				pango_layout_set_text(layout, one, (int) k);
				cairo_move_to(cr, x0 + pos, top - vpos);
				pango_cairo_show_layout(cr, layout);
			}
			for (uint32_t j = at; j < i; j++) {
				pos += dx[(size_t) j * (size_t) step];
				if (dx_pairs)
					vpos += dx[(size_t) j * 2 + 1];
			}
		}
	} else {
		/* one run, stretched to the recorded advances if any */
		if (dx && natural > 0 && total > 0) {
			double f = total / natural;
			cairo_translate(cr, x0, 0);
			cairo_scale(cr, f < 0.5 ? 0.5 : f > 2 ? 2 : f, 1);
			cairo_move_to(cr, 0, top);
		} else {
			cairo_move_to(cr, x0, top);
		}
		pango_cairo_show_layout(cr, layout);
	}
	if (align & TA_UPDATECP)
		pl->dc.cur_x = x + total;
done:
	if (layout)
		g_object_unref(layout);
	cairo_restore(cr);
	cairo_new_path(cr);
	free(utf8);
	free(sym);
}
