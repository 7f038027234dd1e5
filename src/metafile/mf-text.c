/*
 * Metafile text (ExtTextOutW, TextOut) through pango: the DC's font
 * (LOGFONT height in logical units, escapement, weight, italic,
 * underline, strike-out), text alignment, and the per-character advances
 * (Dx) GDI recorded, which place each character where the metafile's
 * author saw it. Text stays upright when the mapping mirrors y.
 */
#include "metafile/mf-imp.h"

#include "base/base.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TA_UPDATECP 1u
#define TA_RIGHT 2u
#define TA_CENTER 6u
#define TA_BOTTOM 8u
#define TA_BASELINE 24u

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
	d = font_desc(f, h);
	m = pango_context_get_metrics(pl->pango, d, NULL);
	cell = (pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) /
	       (double) PANGO_SCALE;
	pango_font_metrics_unref(m);
	pango_font_description_free(d);
	return cell > 0 ? h * h / cell : h;
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
		cairo_set_source_rgb(cr, (pl->dc.bk_color & 0xFF) / 255.0,
		                     (pl->dc.bk_color >> 8 & 0xFF) / 255.0,
		                     (pl->dc.bk_color >> 16 & 0xFF) / 255.0);
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
	utf8 = malloc((size_t) n * 4 + 1);
	if (!utf8)
		return;
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
	cairo_set_matrix(cr, &tm);
	pango_cairo_update_context(cr, pl->pango);
	em = em_size(pl, &pl->dc.font);
	if (!(em > 0) || em > 1e6)
		goto done;
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
		cairo_set_source_rgb(cr, (pl->dc.bk_color & 0xFF) / 255.0,
		                     (pl->dc.bk_color >> 8 & 0xFF) / 255.0,
		                     (pl->dc.bk_color >> 16 & 0xFF) / 255.0);
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, (pl->dc.text_color & 0xFF) / 255.0,
	                     (pl->dc.text_color >> 8 & 0xFF) / 255.0,
	                     (pl->dc.text_color >> 16 & 0xFF) / 255.0);
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
}
