/*
 * The metafile player's GDI model on cairo: device context and SaveDC
 * stack, object table, logical -> device mapping (map modes, window and
 * viewport, EMF world transform), pens, brushes, shapes, paths, clipping
 * and blits. The record readers call in with logical coordinates; every
 * primitive sets the cairo matrix itself, so the mapping can change
 * between records. Paths of a BeginPath bracket are kept in device
 * space, so a transform changing inside the bracket is honoured.
 */
#include "metafile/mf-imp.h"

#include "base/base.h"
#include "dib/dib.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Defaults when a field of mf_limits is 0. */
#define MF_DEF_RECORDS 1000000u
#define MF_DEF_OBJECTS 65535u
#define MF_DEF_SAVE 256u
#define MF_DEF_BITMAP ((uint64_t) 64 * 1024 * 1024)
#define MF_DEF_WORK ((uint64_t) 200 * 1000 * 1000)

const mf_limits *
mf_limits_resolve(const mf_limits *in, mf_limits *out)
{
	*out = in ? *in : (mf_limits) { 0 };
	if (!out->max_records) out->max_records = MF_DEF_RECORDS;
	if (!out->max_objects) out->max_objects = MF_DEF_OBJECTS;
	if (!out->max_save_depth) out->max_save_depth = MF_DEF_SAVE;
	if (!out->max_bitmap_pixels) out->max_bitmap_pixels = MF_DEF_BITMAP;
	if (!out->max_work) out->max_work = MF_DEF_WORK;
	return out;
}

void
mf_dc_defaults(mf_dc *dc)
{
	memset(dc, 0, sizeof *dc);
	/* GDI's defaults: black pen, white brush, black text on white,
	 * opaque background, alternate fill, MM_TEXT, counter-clockwise */
	dc->pen.style = MF_PS_SOLID;
	dc->pen.width = 0;
	dc->brush.style = MF_BS_SOLID;
	dc->brush.color = 0xFFFFFF;
	dc->font.height = 12;
	dc->font.weight = 400;
	dc->bk_color = 0xFFFFFF;
	dc->bk_opaque = 1;
	dc->map_mode = MF_MM_TEXT;
	dc->miter = 10;
	dc->wex = dc->wey = dc->vex = dc->vey = 1;
	cairo_matrix_init_identity(&dc->world);
}

int
mf_player_init(mf_player *pl, cairo_t *cr, PangoContext *pango,
               const mf_limits *lim, mf_report *rep, uint32_t n_objs)
{
	memset(pl, 0, sizeof *pl);
	pl->cr = cr;
	pl->lim = lim;
	pl->rep = rep;
	mf_dc_defaults(&pl->dc);
	cairo_matrix_init_identity(&pl->base);
	pl->dev_per_mm_x = pl->dev_per_mm_y = 96 / 25.4;
	if (n_objs > lim->max_objects) {
		mf_note(pl, "object table of %u entries cut to %u", n_objs,
		        lim->max_objects);
		n_objs = lim->max_objects;
	}
	pl->n_objs = n_objs;
	pl->objs = n_objs ? s2p_calloc_array(n_objs, sizeof *pl->objs) : NULL;
	if (n_objs && !pl->objs)
		return -1;
	if (pango) {
		/* our own context on the caller's font map: the caller's keeps
		 * its own matrix and options untouched */
		pl->pango = pango_font_map_create_context(
			pango_context_get_font_map(pango));
		if (pl->pango)
			pango_cairo_context_set_font_options(pl->pango,
				pango_cairo_context_get_font_options(pango));
	}
	return 0;
}

static void
brush_release(mf_brush *b)
{
	if (b->pattern)
		cairo_surface_destroy(b->pattern);
	b->pattern = NULL;
}

void
mf_obj_clear(mf_obj *o)
{
	brush_release(&o->brush);
	free(o->pal);
	memset(o, 0, sizeof *o);
}

static uint32_t
pal_entry(const unsigned char *e)
{
	/* PALETTEENTRY is red, green, blue, flags */
	return (uint32_t) e[0] | (uint32_t) e[1] << 8 | (uint32_t) e[2] << 16;
}

void
mf_palette_set(mf_obj *o, const unsigned char *p, uint32_t n)
{
	mf_obj_clear(o);
	o->kind = MF_OBJ_PALETTE;
	o->pal = n ? s2p_malloc_array(n, sizeof *o->pal) : NULL;
	if (!o->pal)
		return;
	for (uint32_t i = 0; i < n; i++)
		o->pal[i] = pal_entry(p + 4 * (size_t) i);
	o->n_pal = n;
}

static void
palette_select(mf_player *pl, const mf_obj *o)
{
	uint32_t n = o->n_pal < 256 ? o->n_pal : 256;

	if (n)   /* an empty palette has no entries to copy (pal is NULL) */
		memcpy(pl->dc.pal, o->pal, n * sizeof *o->pal);
	pl->dc.n_pal = n;
}

void
mf_palette_entries(mf_player *pl, mf_obj *o, uint32_t start,
                   const unsigned char *p, uint32_t n)
{
	/* @o NULL: the DC's selected palette (WMF META_SETPALENTRIES) */
	for (uint32_t i = 0; i < n; i++) {
		uint64_t at = (uint64_t) start + i;
		if (o && at < o->n_pal)
			o->pal[at] = pal_entry(p + 4 * (size_t) i);
		if (!o && at < 256) {
			pl->dc.pal[at] = pal_entry(p + 4 * (size_t) i);
			if (at >= pl->dc.n_pal)
				pl->dc.n_pal = (uint32_t) at + 1;
		}
	}
}

/* A COLORREF as 0x00BBGGRR. */
static uint32_t
resolve_color(const mf_player *pl, uint32_t c)
{
	if ((c >> 24) == 1) {      /* PALETTEINDEX */
		uint32_t i = c & 0xFFFF;
		return i < pl->dc.n_pal ? pl->dc.pal[i] : 0;
	}
	return c & 0xFFFFFF;
}

void
mf_player_fini(mf_player *pl)
{
	while (pl->n_saved) {
		brush_release(&pl->saved[--pl->n_saved].brush);
		cairo_restore(pl->cr);
	}
	free(pl->saved);
	brush_release(&pl->dc.brush);
	for (uint32_t i = 0; i < pl->n_objs; i++)
		mf_obj_clear(&pl->objs[i]);
	free(pl->objs);
	if (pl->path)
		cairo_path_destroy(pl->path);
	if (pl->pango)
		g_object_unref(pl->pango);
}

/* Append @name to the comma-separated list @buf once. */
static void
list_add(char *buf, size_t cap, const char *name)
{
	size_t len = strlen(buf), nl = strlen(name);
	const char *p = buf;

	while ((p = strstr(p, name))) {
		if ((p == buf || p[-2] == ',') && (p[nl] == 0 || p[nl] == ','))
			return;
		p += nl;
	}
	if (len + nl + 3 >= cap) {
		if (len + 4 < cap && !strstr(buf, "..."))
			strcat(buf, ", ...");
		return;
	}
	if (len)
		strcat(buf, ", ");
	strcat(buf, name);
}

void
mf_unsupported(mf_player *pl, const char *name)
{
	pl->n_unsupported++;
	list_add(pl->unsupported, sizeof pl->unsupported, name);
}

void
mf_note(mf_player *pl, const char *fmt, ...)
{
	char tmp[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	list_add(pl->notes, sizeof pl->notes, tmp);
}

int
mf_work(mf_player *pl, uint64_t n)
{
	if (pl->stopped)
		return -1;
	pl->work += n;
	if (pl->work > pl->lim->max_work) {
		mf_note(pl, "work limit of %llu reached; rest not drawn",
		        (unsigned long long) pl->lim->max_work);
		pl->stopped = 1;
		return -1;
	}
	return 0;
}

void
mf_report_finish(mf_player *pl)
{
	mf_report *r = pl->rep;

	if (pl->unsupported[0] && pl->notes[0])
		snprintf(r->msg, sizeof r->msg, "records not drawn: %s; %s",
		         pl->unsupported, pl->notes);
	else if (pl->unsupported[0])
		snprintf(r->msg, sizeof r->msg, "records not drawn: %s",
		         pl->unsupported);
	else if (pl->notes[0])
		snprintf(r->msg, sizeof r->msg, "%s", pl->notes);
}

/* ---- objects ---- */

mf_obj *
mf_obj_slot(mf_player *pl, uint32_t i)
{
	return i < pl->n_objs ? &pl->objs[i] : NULL;
}

int
mf_obj_first_free(mf_player *pl)
{
	for (uint32_t i = 0; i < pl->n_objs; i++)
		if (pl->objs[i].kind == MF_OBJ_FREE)
			return (int) i;
	return -1;
}

static void
brush_set(mf_brush *dst, const mf_brush *src)
{
	if (src->pattern)
		cairo_surface_reference(src->pattern);
	brush_release(dst);
	*dst = *src;
}

void
mf_select(mf_player *pl, uint32_t index)
{
	mf_obj *o;

	if (index & 0x80000000u) {
		mf_select_stock(pl, index & 0x7FFFFFFFu);
		return;
	}
	o = mf_obj_slot(pl, index);
	if (!o)
		return;
	switch (o->kind) {
	case MF_OBJ_PALETTE: palette_select(pl, o); break;
	case MF_OBJ_PEN: pl->dc.pen = o->pen; break;
	case MF_OBJ_BRUSH: brush_set(&pl->dc.brush, &o->brush); break;
	case MF_OBJ_FONT: pl->dc.font = o->font; break;
	default: break;
	}
}

void
mf_select_stock(mf_player *pl, uint32_t stock)
{
	static const uint32_t grays[] = { 0xFFFFFF, 0xC0C0C0, 0x808080, 0x404040,
	                                  0x000000 };
	mf_brush b = { 0 };

	if (stock <= 4) {          /* WHITE_BRUSH .. BLACK_BRUSH */
		b.style = MF_BS_SOLID;
		b.color = grays[stock];
		brush_set(&pl->dc.brush, &b);
	} else if (stock == 5) {   /* NULL_BRUSH */
		b.style = MF_BS_NULL;
		brush_set(&pl->dc.brush, &b);
	} else if (stock == 6 || stock == 7 || stock == 8) {
		pl->dc.pen.style = stock == 8 ? MF_PS_NULL : MF_PS_SOLID;
		pl->dc.pen.width = 0;
		pl->dc.pen.color = stock == 6 ? 0xFFFFFF : 0;
	} else if (stock == 15) {  /* DEFAULT_PALETTE */
		pl->dc.n_pal = 0;
	} else if (stock >= 10 && stock <= 17) {
		/* stock fonts: the system's default font */
		memset(&pl->dc.font, 0, sizeof pl->dc.font);
		pl->dc.font.height = 12;
		pl->dc.font.weight = 400;
		snprintf(pl->dc.font.face, sizeof pl->dc.font.face, "%s",
		         stock == 10 || stock == 11 || stock == 16 ? "Monospace"
		                                                  : "Sans");
	}
}

void
mf_delete(mf_player *pl, uint32_t index)
{
	mf_obj *o = mf_obj_slot(pl, index);

	if (o)
		mf_obj_clear(o);
}

/* ---- DC state ---- */

void
mf_save_dc(mf_player *pl)
{
	if (pl->n_saved >= pl->lim->max_save_depth) {
		mf_note(pl, "SaveDC nesting over %u ignored", pl->lim->max_save_depth);
		return;
	}
	if (pl->n_saved == pl->cap_saved) {
		uint32_t cap = pl->cap_saved ? pl->cap_saved * 2 : 8;
		mf_dc *s = s2p_realloc_array(pl->saved, cap, sizeof *s);
		if (!s)
			return;
		pl->saved = s;
		pl->cap_saved = cap;
	}
	pl->saved[pl->n_saved] = pl->dc;
	if (pl->dc.brush.pattern)
		cairo_surface_reference(pl->dc.brush.pattern);
	pl->n_saved++;
	cairo_save(pl->cr);
}

static void
restore_one(mf_player *pl)
{
	brush_release(&pl->dc.brush);
	pl->dc = pl->saved[--pl->n_saved];
	cairo_restore(pl->cr);
}

void
mf_restore_dc(mf_player *pl, int32_t rel)
{
	/* negative: relative to the current level; positive: the instance
	 * number returned by SaveDC (1 = the first saved state) */
	int64_t target = rel < 0 ? (int64_t) pl->n_saved + rel : (int64_t) rel - 1;

	if (rel == 0 || target < 0 || target >= (int64_t) pl->n_saved)
		return;
	while ((int64_t) pl->n_saved > target)
		restore_one(pl);
}

void
mf_set_map_mode(mf_player *pl, int mode)
{
	if (mode >= MF_MM_TEXT && mode <= MF_MM_ANISOTROPIC)
		pl->dc.map_mode = mode;
}

void
mf_logical_matrix(const mf_player *pl, cairo_matrix_t *m)
{
	const mf_dc *dc = &pl->dc;
	double sx = 1, sy = 1, mm = 0;
	cairo_matrix_t map, tmp;

	switch (dc->map_mode) {
	case MF_MM_LOMETRIC: mm = 0.1; break;
	case MF_MM_HIMETRIC: mm = 0.01; break;
	case MF_MM_LOENGLISH: mm = 0.254; break;
	case MF_MM_HIENGLISH: mm = 0.0254; break;
	case MF_MM_TWIPS: mm = 25.4 / 1440; break;
	case MF_MM_ISOTROPIC:
	case MF_MM_ANISOTROPIC:
		sx = dc->wex != 0 ? dc->vex / dc->wex : 1;
		sy = dc->wey != 0 ? dc->vey / dc->wey : 1;
		if (dc->map_mode == MF_MM_ISOTROPIC) {
			double s = fmin(fabs(sx), fabs(sy));
			sx = copysign(s, sx);
			sy = copysign(s, sy);
		}
		break;
	default: break;
	}
	if (mm > 0) {
		/* the metric modes have y growing upwards */
		sx = mm * pl->dev_per_mm_x;
		sy = -mm * pl->dev_per_mm_y;
	}
	if (!isfinite(sx) || !isfinite(sy) || sx == 0 || sy == 0)
		sx = sy = 1;
	cairo_matrix_init(&map, sx, 0, 0, sy, dc->vox - dc->wox * sx,
	                  dc->voy - dc->woy * sy);
	cairo_matrix_multiply(&tmp, &dc->world, &map);
	cairo_matrix_multiply(m, &tmp, &pl->base);
}

void
mf_base_to_device(mf_player *pl)
{
	cairo_matrix_t ctm;

	/* every primitive sets the whole CTM: fold the caller's in */
	cairo_get_matrix(pl->cr, &ctm);
	cairo_matrix_multiply(&pl->base, &pl->base, &ctm);
}

/*
 * cairo keeps device coordinates in 24.8 fixed point: a transform that
 * magnifies a logical unit a million times or moves the origin millions of
 * pixels away only draws garbage, and cairo 1.16's stroker crashes on the
 * coordinates it makes (a fuzzed world transform with yy = 1.5e28).
 */
int
mf_matrix_in_range(const cairo_matrix_t *m)
{
	return fabs(m->xx) < 1e6 && fabs(m->yx) < 1e6 && fabs(m->xy) < 1e6 &&
	       fabs(m->yy) < 1e6 && fabs(m->x0) < 1e7 && fabs(m->y0) < 1e7;
}

/* Set the logical matrix on cr, falling back to the base one (and saying
 * so) when the file's transform is singular (cairo would refuse it) or out
 * of range. */
static void
use_logical(mf_player *pl)
{
	cairo_matrix_t m;

	mf_logical_matrix(pl, &m);
	if (!mf_matrix_in_range(&m) ||
	    cairo_matrix_invert(&(cairo_matrix_t) { m.xx, m.yx, m.xy, m.yy,
	                                            m.x0, m.y0 }) != CAIRO_STATUS_SUCCESS) {
		mf_unsupported(pl, "singular or out-of-range transform");
		m = pl->base;
	}
	cairo_set_matrix(pl->cr, &m);
}

/* ---- paint ---- */

static void
set_color(cairo_t *cr, uint32_t c, double alpha)
{
	cairo_set_source_rgba(cr, (c & 0xFF) / 255.0, (c >> 8 & 0xFF) / 255.0,
	                      (c >> 16 & 0xFF) / 255.0, alpha);
}

void
mf_set_color(mf_player *pl, uint32_t colorref)
{
	set_color(pl->cr, resolve_color(pl, colorref), 1);
}

/* An 8x8 hatch tile (HS_HORIZONTAL .. HS_DIAGCROSS) in @fg over @bg. */
static cairo_surface_t *
hatch_tile(uint32_t hatch, uint32_t fg, uint32_t bg, int opaque)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
	cairo_t *cr = cairo_create(s);

	if (opaque) {
		set_color(cr, bg, 1);
		cairo_paint(cr);
	}
	set_color(cr, fg, 1);
	cairo_set_line_width(cr, 1);
	cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
	if (hatch == 0 || hatch == 4) {        /* horizontal, cross */
		cairo_move_to(cr, 0, 3.5);
		cairo_line_to(cr, 8, 3.5);
	}
	if (hatch == 1 || hatch == 4) {        /* vertical, cross */
		cairo_move_to(cr, 3.5, 0);
		cairo_line_to(cr, 3.5, 8);
	}
	if (hatch == 2 || hatch == 5) {        /* fdiagonal \ */
		cairo_move_to(cr, 0, 0);
		cairo_line_to(cr, 8, 8);
	}
	if (hatch == 3 || hatch == 5) {        /* bdiagonal / */
		cairo_move_to(cr, 0, 8);
		cairo_line_to(cr, 8, 0);
	}
	cairo_stroke(cr);
	cairo_destroy(cr);
	return s;
}

/* Fill the current path with @b, keeping the path. */
static void
fill_brush(mf_player *pl, const mf_brush *b)
{
	cairo_t *cr = pl->cr;
	cairo_surface_t *tile = NULL;
	cairo_pattern_t *pat;
	cairo_matrix_t ctm;

	if (b->style == MF_BS_NULL)
		return;
	cairo_set_fill_rule(cr, pl->dc.winding ? CAIRO_FILL_RULE_WINDING
	                                       : CAIRO_FILL_RULE_EVEN_ODD);
	if (b->style == MF_BS_HATCHED)
		tile = hatch_tile(b->hatch, resolve_color(pl, b->color),
		                  resolve_color(pl, pl->dc.bk_color), pl->dc.bk_opaque);
	else if (b->pattern)
		tile = cairo_surface_reference(b->pattern);
	if (!tile) {
		mf_set_color(pl, b->color);
		cairo_fill_preserve(cr);
		return;
	}
	/* brush tiles are in output pixels, anchored at the origin */
	pat = cairo_pattern_create_for_surface(tile);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_get_matrix(cr, &ctm);
	cairo_pattern_set_matrix(pat, &ctm);
	cairo_set_source(cr, pat);
	cairo_fill_preserve(cr);
	cairo_pattern_destroy(pat);
	cairo_surface_destroy(tile);
}

/* Stroke the current path with the DC's pen, keeping the path. */
static void
stroke_pen(mf_player *pl)
{
	cairo_t *cr = pl->cr;
	const mf_pen *pen = &pl->dc.pen;
	uint32_t kind = pen->style & 0xF;
	double w = pen->width, dx = w, dy = 0, unit;
	double dash[6];
	int n_dash = 0, cosmetic;
	cairo_matrix_t keep;

	if (kind == MF_PS_NULL)
		return;
	cairo_get_matrix(cr, &keep);
	cairo_user_to_device_distance(cr, &dx, &dy);
	/* GDI never draws thinner than one pixel */
	cosmetic = w <= 0 || hypot(dx, dy) < 1;
	if (cosmetic) {
		cairo_identity_matrix(cr);
		w = 1;
	}
	unit = cosmetic ? 6 : w;
	switch (kind) {
	case MF_PS_DASH: dash[0] = 3 * unit; dash[1] = unit; n_dash = 2; break;
	case MF_PS_DOT: case MF_PS_ALTERNATE:
		dash[0] = dash[1] = cosmetic ? unit / 2 : unit; n_dash = 2; break;
	case MF_PS_DASHDOT:
		dash[0] = 3 * unit; dash[1] = dash[2] = dash[3] = unit; n_dash = 4;
		break;
	case MF_PS_DASHDOTDOT:
		dash[0] = 3 * unit;
		for (int i = 1; i < 6; i++)
			dash[i] = unit;
		n_dash = 6;
		break;
	default: break;
	}
	cairo_set_dash(cr, dash, n_dash, 0);
	cairo_set_line_width(cr, w);
	switch (pen->style & 0xF00) {
	case MF_PS_ENDCAP_SQUARE: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE); break;
	case MF_PS_ENDCAP_FLAT: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT); break;
	default:
		cairo_set_line_cap(cr, cosmetic ? CAIRO_LINE_CAP_BUTT
		                                : CAIRO_LINE_CAP_ROUND);
	}
	switch (pen->style & 0xF000) {
	case MF_PS_JOIN_BEVEL: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL); break;
	case MF_PS_JOIN_MITER: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER); break;
	default:
		cairo_set_line_join(cr, cosmetic ? CAIRO_LINE_JOIN_MITER
		                                 : CAIRO_LINE_JOIN_ROUND);
	}
	cairo_set_miter_limit(cr, pl->dc.miter > 1 ? pl->dc.miter : 10);
	mf_set_color(pl, pen->color);
	cairo_stroke_preserve(cr);
	cairo_set_matrix(cr, &keep);
}

/* ---- shapes and paths ---- */

/*
 * 1 if the current path stays within a few million pixels of the picture:
 * cairo holds device coordinates in 24.8 fixed point, and coordinates
 * beyond it (huge logical points, extreme mappings) wrap and crash cairo
 * 1.16's stroker (fuzzed EMF/WMF).
 */
int
mf_path_in_range(cairo_t *cr)
{
	double x[2], y[2];

	cairo_path_extents(cr, &x[0], &y[0], &x[1], &y[1]);
	for (int i = 0; i < 4; i++) {
		double dx = x[i & 1], dy = y[i >> 1];
		cairo_user_to_device(cr, &dx, &dy);
		if (!(fabs(dx) < 2e6 && fabs(dy) < 2e6))
			return 0;
	}
	return 1;
}

void
mf_shape_begin(mf_player *pl)
{
	if (!pl->in_path)
		cairo_new_path(pl->cr);
	use_logical(pl);
}

void
mf_shape_end(mf_player *pl, int how)
{
	if (pl->in_path)
		return;
	if (!mf_path_in_range(pl->cr)) {
		mf_unsupported(pl, "shapes out of range");
		cairo_new_path(pl->cr);
		return;
	}
	if (how & MF_FILL)
		fill_brush(pl, &pl->dc.brush);
	if (how & MF_STROKE)
		stroke_pen(pl);
	cairo_new_path(pl->cr);
}

void
mf_move_to(mf_player *pl, double x, double y)
{
	pl->dc.cur_x = x;
	pl->dc.cur_y = y;
	if (pl->in_path) {
		use_logical(pl);
		cairo_move_to(pl->cr, x, y);
	}
}

void
mf_line_to(mf_player *pl, double x, double y)
{
	if (!cairo_has_current_point(pl->cr))
		cairo_move_to(pl->cr, pl->dc.cur_x, pl->dc.cur_y);
	cairo_line_to(pl->cr, x, y);
	pl->dc.cur_x = x;
	pl->dc.cur_y = y;
}

void
mf_begin_path(mf_player *pl)
{
	if (pl->path)
		S2P_CLEAR(cairo_path_destroy, pl->path);
	cairo_new_path(pl->cr);
	pl->in_path = 1;
}

/* Keep the bracket's path in device space until it is used. */
void
mf_end_path(mf_player *pl)
{
	if (!pl->in_path)
		return;
	pl->in_path = 0;
	cairo_save(pl->cr);
	cairo_identity_matrix(pl->cr);
	if (pl->path)
		cairo_path_destroy(pl->path);
	pl->path = cairo_copy_path(pl->cr);
	cairo_restore(pl->cr);
	cairo_new_path(pl->cr);
}

void
mf_abort_path(mf_player *pl)
{
	pl->in_path = 0;
	if (pl->path)
		S2P_CLEAR(cairo_path_destroy, pl->path);
	cairo_new_path(pl->cr);
}

void
mf_close_figure(mf_player *pl)
{
	if (pl->in_path && cairo_has_current_point(pl->cr))
		cairo_close_path(pl->cr);
}

/* Put the kept path back as cairo's current path (device space). */
static int
path_restore(mf_player *pl)
{
	if (pl->in_path)
		mf_end_path(pl);   /* FillPath without EndPath: close it */
	if (!pl->path || pl->path->status != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_new_path(pl->cr);
	cairo_identity_matrix(pl->cr);
	cairo_append_path(pl->cr, pl->path);
	S2P_CLEAR(cairo_path_destroy, pl->path);
	return 0;
}

void
mf_draw_path(mf_player *pl, int how)
{
	if (path_restore(pl))
		return;
	use_logical(pl);
	if (how & MF_FILL)
		fill_brush(pl, &pl->dc.brush);
	if (how & MF_STROKE)
		stroke_pen(pl);
	cairo_new_path(pl->cr);
}

/* Clip to the current path (device or user space, already built) with
 * a region mode. */
static void
clip_current(mf_player *pl, int mode, cairo_fill_rule_t rule)
{
	cairo_t *cr = pl->cr;

	switch (mode) {
	case MF_RGN_COPY:
		cairo_reset_clip(cr);
		/* fall through */
	case MF_RGN_AND:
		cairo_set_fill_rule(cr, rule);
		cairo_clip(cr);
		break;
	case MF_RGN_DIFF: {
		cairo_matrix_t m;
		cairo_get_matrix(cr, &m);
		cairo_identity_matrix(cr);
		cairo_rectangle(cr, -1e6, -1e6, 2e6, 2e6);
		cairo_set_matrix(cr, &m);
		cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
		cairo_clip(cr);
		break;
	}
	default:
		/* union and xor cannot be expressed as a cairo clip: keep the
		 * clip as it is (draws more, never less) */
		mf_unsupported(pl, mode == MF_RGN_OR ? "clip union" : "clip xor");
		cairo_new_path(cr);
		break;
	}
	pl->dc.has_clip = 1;
}

void
mf_clip_path(mf_player *pl, int mode)
{
	if (path_restore(pl))
		return;
	clip_current(pl, mode, pl->dc.winding ? CAIRO_FILL_RULE_WINDING
	                                      : CAIRO_FILL_RULE_EVEN_ODD);
}

void
mf_rect(mf_player *pl, double l, double t, double r, double b)
{
	cairo_t *cr = pl->cr;

	/* GDI rectangles go clockwise from the top-left in device space */
	cairo_move_to(cr, l, t);
	cairo_line_to(cr, r, t);
	cairo_line_to(cr, r, b);
	cairo_line_to(cr, l, b);
	cairo_close_path(cr);
}

/* An elliptical arc of the ellipse centred at cx,cy with radii rx,ry,
 * from angle a0 to a1 (radians, y down), @neg: decreasing angles. */
static void
ellipse_arc(cairo_t *cr, double cx, double cy, double rx, double ry,
            double a0, double a1, int neg)
{
	cairo_matrix_t keep;

	cairo_get_matrix(cr, &keep);
	cairo_translate(cr, cx, cy);
	cairo_scale(cr, rx, ry);
	if (neg)
		cairo_arc_negative(cr, 0, 0, 1, a0, a1);
	else
		cairo_arc(cr, 0, 0, 1, a0, a1);
	cairo_set_matrix(cr, &keep);
}

void
mf_round_rect(mf_player *pl, double l, double t, double r, double b,
              double cw, double ch)
{
	double x0 = fmin(l, r), x1 = fmax(l, r), y0 = fmin(t, b), y1 = fmax(t, b);
	double rx = fmin(fabs(cw) / 2, (x1 - x0) / 2);
	double ry = fmin(fabs(ch) / 2, (y1 - y0) / 2);
	cairo_t *cr = pl->cr;

	if (rx <= 0 || ry <= 0) {
		mf_rect(pl, l, t, r, b);
		return;
	}
	cairo_new_sub_path(cr);
	ellipse_arc(cr, x1 - rx, y0 + ry, rx, ry, -S2P_PI / 2, 0, 0);
	ellipse_arc(cr, x1 - rx, y1 - ry, rx, ry, 0, S2P_PI / 2, 0);
	ellipse_arc(cr, x0 + rx, y1 - ry, rx, ry, S2P_PI / 2, S2P_PI, 0);
	ellipse_arc(cr, x0 + rx, y0 + ry, rx, ry, S2P_PI, 3 * S2P_PI / 2, 0);
	cairo_close_path(cr);
}

void
mf_ellipse(mf_player *pl, double l, double t, double r, double b)
{
	double rx = fabs(r - l) / 2, ry = fabs(b - t) / 2;

	if (rx <= 0 || ry <= 0)
		return;
	cairo_new_sub_path(pl->cr);
	ellipse_arc(pl->cr, (l + r) / 2, (t + b) / 2, rx, ry, 0, 2 * S2P_PI, 0);
	cairo_close_path(pl->cr);
}

/* Whether the logical -> device mapping mirrors (then GDI's visual arc
 * direction is the opposite one in logical space). */
static int
mapping_mirrors(const mf_player *pl)
{
	cairo_matrix_t m;

	mf_logical_matrix(pl, &m);
	return m.xx * m.yy - m.xy * m.yx < 0;
}

void
mf_arc(mf_player *pl, int kind, double l, double t, double r, double b,
       double xs, double ys, double xe, double ye)
{
	cairo_t *cr = pl->cr;
	double cx = (l + r) / 2, cy = (t + b) / 2;
	double rx = fabs(r - l) / 2, ry = fabs(b - t) / 2, a0, a1;
	int neg;

	if (rx <= 0 || ry <= 0)
		return;
	a0 = atan2((ys - cy) / ry, (xs - cx) / rx);
	a1 = atan2((ye - cy) / ry, (xe - cx) / rx);
	/* counter-clockwise on screen (the default) is decreasing angles
	 * in a y-down space */
	neg = (!pl->dc.arc_clockwise) != mapping_mirrors(pl);
	if (a1 == a0)
		a1 = neg ? a0 - 2 * S2P_PI : a0 + 2 * S2P_PI;
	if (kind == MF_ARCTO) {
		if (!cairo_has_current_point(cr))
			cairo_move_to(cr, pl->dc.cur_x, pl->dc.cur_y);
	} else {
		cairo_new_sub_path(cr);
	}
	if (kind == MF_PIE)
		cairo_move_to(cr, cx, cy);
	ellipse_arc(cr, cx, cy, rx, ry, a0, a1, neg);
	if (kind == MF_PIE || kind == MF_CHORD)
		cairo_close_path(cr);
	if (kind == MF_ARCTO) {
		pl->dc.cur_x = cx + rx * cos(a1);
		pl->dc.cur_y = cy + ry * sin(a1);
	}
}

void
mf_angle_arc(mf_player *pl, double x, double y, double r, double a0,
             double sweep)
{
	cairo_t *cr = pl->cr;
	/* degrees counter-clockwise on screen (y down: negated) */
	double s = -a0 * S2P_PI / 180, e = -(a0 + sweep) * S2P_PI / 180;

	if (!(r > 0) || !isfinite(s) || !isfinite(e) || fabs(sweep) > 1e4)
		return;
	if (!cairo_has_current_point(cr))
		cairo_move_to(cr, pl->dc.cur_x, pl->dc.cur_y);
	cairo_line_to(cr, x + r * cos(s), y + r * sin(s));
	if (sweep >= 0)
		cairo_arc_negative(cr, x, y, r, s, e);
	else
		cairo_arc(cr, x, y, r, s, e);
	pl->dc.cur_x = x + r * cos(e);
	pl->dc.cur_y = y + r * sin(e);
}

/* ---- clipping ---- */

/* Run @fn with the bracket's path set aside (clip records may come
 * inside a BeginPath bracket, and cairo_clip consumes the path). */
static cairo_path_t *
stash_path(mf_player *pl)
{
	cairo_path_t *p = NULL;

	if (pl->in_path) {
		cairo_save(pl->cr);
		cairo_identity_matrix(pl->cr);
		p = cairo_copy_path(pl->cr);
		cairo_restore(pl->cr);
	}
	cairo_new_path(pl->cr);
	return p;
}

static void
unstash_path(mf_player *pl, cairo_path_t *p)
{
	cairo_matrix_t m;

	cairo_new_path(pl->cr);
	if (!p)
		return;
	cairo_get_matrix(pl->cr, &m);
	cairo_identity_matrix(pl->cr);
	if (p->status == CAIRO_STATUS_SUCCESS)
		cairo_append_path(pl->cr, p);
	cairo_set_matrix(pl->cr, &m);
	cairo_path_destroy(p);
}

void
mf_clip_rect(mf_player *pl, double l, double t, double r, double b,
             int exclude)
{
	cairo_path_t *keep = stash_path(pl);

	use_logical(pl);
	cairo_rectangle(pl->cr, fmin(l, r), fmin(t, b), fabs(r - l), fabs(b - t));
	clip_current(pl, exclude ? MF_RGN_DIFF : MF_RGN_AND,
	             CAIRO_FILL_RULE_WINDING);
	unstash_path(pl, keep);
}

/* Region rectangles are in device units. */
static void
region_path(mf_player *pl, const int32_t *rects, uint32_t n)
{
	cairo_set_matrix(pl->cr, &pl->base);
	for (uint32_t i = 0; i < n; i++) {
		const int32_t *q = rects + 4 * (size_t) i;
		if (q[2] > q[0] && q[3] > q[1])
			cairo_rectangle(pl->cr, q[0], q[1], (double) q[2] - q[0],
			                (double) q[3] - q[1]);
	}
}

void
mf_clip_region(mf_player *pl, const int32_t *rects, uint32_t n, int mode)
{
	cairo_path_t *keep = stash_path(pl);

	if (mode == MF_RGN_COPY && n == 0) {
		cairo_reset_clip(pl->cr);
		pl->dc.has_clip = 0;
	} else {
		region_path(pl, rects, n);
		clip_current(pl, mode, CAIRO_FILL_RULE_WINDING);
	}
	unstash_path(pl, keep);
}

void
mf_fill_region(mf_player *pl, const int32_t *rects, uint32_t n,
               const mf_brush *b)
{
	cairo_path_t *keep = stash_path(pl);
	int winding = pl->dc.winding;

	region_path(pl, rects, n);
	pl->dc.winding = 1;
	fill_brush(pl, b);
	pl->dc.winding = winding;
	unstash_path(pl, keep);
}

/* ---- bitmaps ---- */

/* A PNG file in memory (size checked from IHDR first): a new surface or
 * NULL, noted. */
cairo_surface_t *
mf_png_decode(mf_player *pl, const unsigned char *p, size_t n)
{
	cairo_surface_t *s;
	uint32_t w, h;

	if (dib_png_size(p, n, &w, &h) != 0) {
		mf_note(pl, "corrupt PNG bitmap");
		return NULL;
	}
	if (w == 0 || h == 0 || w > 65535 || h > 65535 ||
	    (uint64_t) w * h > pl->lim->max_bitmap_pixels ||
	    mf_work(pl, (uint64_t) w * h)) {
		mf_note(pl, "bitmap over the size limit");
		return NULL;
	}
	if (dib_png_read(p, n, &s) != CAIRO_STATUS_SUCCESS) {
		mf_note(pl, "corrupt PNG bitmap");
		return NULL;
	}
	return s;
}

/* BI_PNG: the bits are a PNG file. */
static cairo_surface_t *
dib_png(mf_player *pl, const mf_dib *d)
{
	return mf_png_decode(pl, d->bits, d->bits_len);
}

/*
 * The colour table of a DIB of at most 8 bits per pixel into @out
 * (0x00RRGGBB), returning its length: RGBQUADs (or RGBTRIPLEs), or with
 * DIB_PAL_COLORS 16-bit indexes into the DC's palette. A DIB with no
 * table at all uses the DC's palette (WMF DIBs written against a
 * selected palette), else a grey ramp.
 */
static uint32_t
dib_colors(const mf_player *pl, const mf_dib *d, size_t pal_off,
           unsigned entry_size, uint32_t n, uint32_t out[256])
{
	size_t avail = (d->bmi_len - pal_off) / (d->pal_colors ? 2u : entry_size);
	const unsigned char *t = d->bmi + pal_off;
	uint32_t want = n;

	if (avail < n)
		n = (uint32_t) avail;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t c;
		if (d->pal_colors) {
			uint32_t k = mf_u16(t + 2 * (size_t) i);
			c = k < pl->dc.n_pal ? pl->dc.pal[k] : 0;   /* 0x00BBGGRR */
			out[i] = (c & 0xFF) << 16 | (c & 0xFF00) | (c >> 16 & 0xFF);
		} else
			out[i] = dib_table_color(t + (size_t) i * entry_size);
	}
	if (n > 0)
		return n;
	if (pl->dc.n_pal) {
		for (uint32_t i = 0; i < pl->dc.n_pal; i++) {
			uint32_t c = pl->dc.pal[i];
			out[i] = (c & 0xFF) << 16 | (c & 0xFF00) | (c >> 16 & 0xFF);
		}
		return pl->dc.n_pal;
	}
	for (uint32_t i = 0; i < want; i++) {
		uint32_t g = want > 1 ? i * 255 / (want - 1) : 0;
		out[i] = g << 16 | g << 8 | g;
	}
	return want;
}

/* The bitmap itself is decoded by src/dib/, shared with BMP pictures;
 * the colour table (DC palettes) and the limits are the player's. */
cairo_surface_t *
mf_dib_decode(mf_player *pl, const mf_dib *d, int use_alpha, int *bottom_up)
{
	dib_alpha rule = use_alpha ? DIB_ALPHA_BLEND : DIB_ALPHA_GDI;
	uint32_t colors[256], n_colors = 0;
	cairo_surface_t *s;
	dib_header h;
	dib_status st;

	*bottom_up = 0;
	st = dib_header_parse(d->bmi, d->bmi_len, rule, &h);
	if (st != DIB_OK)
		goto corrupt;
	if (h.compression == DIB_PNG)
		return dib_png(pl, d);
	if (h.compression == DIB_JPEG) {
		mf_unsupported(pl, "JPEG bitmap");
		return NULL;
	}
	*bottom_up = h.bottom_up;
	if (h.width > 65535 || h.height > 65535 ||
	    (uint64_t) h.width * (uint64_t) h.height > pl->lim->max_bitmap_pixels) {
		mf_note(pl, "bitmap of %lldx%lld pixels not drawn", (long long) h.width,
		        (long long) h.height);
		return NULL;
	}
	if (mf_work(pl, (uint64_t) h.width * (uint64_t) h.height))
		return NULL;
	if (h.bpp <= 8)
		n_colors = dib_colors(pl, d, h.table_off, h.entry_size, h.n_colors,
		                      colors);
	st = dib_decode(&h, colors, n_colors, d->bits, d->bits_len, rule, &s);
	if (st == DIB_SHORT || st == DIB_RLE_SHORT)
		mf_note(pl, "truncated bitmap");
	if (st == DIB_OK || st == DIB_RLE_SHORT || st == DIB_SHORT ||
	    st == DIB_NOMEM)
		return s;
corrupt:
	mf_note(pl, "corrupt bitmap");
	return NULL;
}

/* Raster operations (ternary ROP codes) we map onto cairo operators. */
#define ROP_SRCCOPY 0x00CC0020u
#define ROP_SRCPAINT 0x00EE0086u
#define ROP_SRCAND 0x008800C6u
#define ROP_SRCINVERT 0x00660046u
#define ROP_MERGECOPY 0x00C000CAu
#define ROP_PATCOPY 0x00F00021u
#define ROP_PATINVERT 0x005A0049u
#define ROP_DSTINVERT 0x00550009u
#define ROP_BLACKNESS 0x00000042u
#define ROP_WHITENESS 0x00FF0062u
#define ROP_NOP 0x00AA0029u          /* destination unchanged */

/* Whether one unit of the current user space (one source pixel) comes
 * out larger than 1.5 device pixels each way. */
static int
enlarged(cairo_t *cr)
{
	double x = 1, y = 0, u = 0, v = 1;

	cairo_user_to_device_distance(cr, &x, &y);
	cairo_user_to_device_distance(cr, &u, &v);
	return hypot(x, y) > 1.5 && hypot(u, v) > 1.5;
}

void
mf_blit(mf_player *pl, cairo_surface_t *img, uint32_t rop,
        double dx, double dy, double dw, double dh,
        double sx, double sy, double sw, double sh, double alpha, int smooth)
{
	cairo_t *cr = pl->cr;
	cairo_operator_t op = CAIRO_OPERATOR_OVER;
	cairo_path_t *keep;
	int fill = 0;  /* 1 brush, 2 black, 3 white */

	if (dw == 0 || dh == 0 || pl->in_path)
		return;
	if (rop == ROP_NOP)
		return;
	switch (rop) {
	case ROP_SRCCOPY: case ROP_MERGECOPY: break;
	/* the transparency idioms (mask AND, then image OR/XOR) are exact
	 * with these when one side is black or white */
	case ROP_SRCAND: op = CAIRO_OPERATOR_MULTIPLY; break;
	case ROP_SRCPAINT: op = CAIRO_OPERATOR_LIGHTEN; break;
	case ROP_SRCINVERT: op = CAIRO_OPERATOR_DIFFERENCE; break;
	case ROP_PATCOPY: fill = 1; break;
	case ROP_BLACKNESS: fill = 2; break;
	case ROP_WHITENESS: fill = 3; break;
	case ROP_DSTINVERT: op = CAIRO_OPERATOR_DIFFERENCE; fill = 3; break;
	case ROP_PATINVERT: op = CAIRO_OPERATOR_DIFFERENCE; fill = 1; break;
	default: {
		char name[40];
		snprintf(name, sizeof name, "raster operation 0x%06X", rop);
		mf_unsupported(pl, name);
		return;
	}
	}
	if (!fill && (!img || sw == 0 || sh == 0))
		return;
	keep = stash_path(pl);
	cairo_save(cr);
	use_logical(pl);
	cairo_rectangle(cr, fmin(dx, dx + dw), fmin(dy, dy + dh), fabs(dw), fabs(dh));
	cairo_set_operator(cr, op);
	if (fill) {
		if (fill == 1)
			fill_brush(pl, &pl->dc.brush);
		else {
			set_color(cr, fill == 2 ? 0 : 0xFFFFFF, 1);
			cairo_fill_preserve(cr);
		}
	} else {
		cairo_pattern_t *pat;
		cairo_clip(cr);
		cairo_translate(cr, dx, dy);
		cairo_scale(cr, dw / sw, dh / sh);
		cairo_translate(cr, -sx, -sy);
		pat = cairo_pattern_create_for_surface(img);
		cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
		/* GDI stretches without smoothing unless HALFTONE was asked
		 * for: enlarged bitmaps keep their square pixels */
		cairo_pattern_set_filter(pat, smooth || pl->dc.halftone || !enlarged(cr)
		                              ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST);
		cairo_set_source(cr, pat);
		cairo_paint_with_alpha(cr, alpha);
		cairo_pattern_destroy(pat);
	}
	cairo_restore(cr);
	unstash_path(pl, keep);
}
