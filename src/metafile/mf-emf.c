/*
 * EMF records ([MS-EMF]) read with bounds checks and played through
 * mf-play.c. Every record is checked against its declared size, and that
 * size against the file; counts inside a record are checked against the
 * record's size before any point is read. EMF+ records in comments are
 * played by mf-emfplus.c when all of them can be; a dual file (EMF+ with
 * EMF fallback, what Office writes) is otherwise drawn from its EMF
 * records, with a note naming the EMF+ record that could not be played.
 */
#include "metafile/mf-imp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EMR_HEADER 1
#define EMR_EOF 14
#define EMR_GDICOMMENT 70

/* One record: @p its first byte, @n its size (>= 8, within the file). */
typedef struct emr {
	const unsigned char *p;
	uint32_t n, type;
} emr;

static int
has(const emr *r, size_t off, size_t len)
{
	return off <= r->n && len <= r->n - off;
}

static const char *const emr_names[] = {
	[2] = "POLYBEZIER", [3] = "POLYGON", [4] = "POLYLINE",
	[5] = "POLYBEZIERTO", [6] = "POLYLINETO", [7] = "POLYPOLYLINE",
	[8] = "POLYPOLYGON", [15] = "SETPIXELV", [23] = "SETCOLORADJUSTMENT",
	[26] = "OFFSETCLIPRGN", [28] = "SETMETARGN", [53] = "EXTFLOODFILL",
	[56] = "POLYDRAW", [65] = "FLATTENPATH", [66] = "WIDENPATH",
	[73] = "INVERTRGN", [74] = "PAINTRGN", [72] = "FRAMERGN",
	[78] = "MASKBLT", [79] = "PLGBLT", [83] = "EXTTEXTOUTA",
	[92] = "POLYDRAW16", [96] = "POLYTEXTOUTA", [97] = "POLYTEXTOUTW",
	[108] = "SMALLTEXTOUT", [116] = "TRANSPARENTBLT", [118] = "GRADIENTFILL",
	[104] = "GLSRECORD", [105] = "GLSBOUNDEDRECORD", [106] = "PIXELFORMAT",
	[107] = "DRAWESCAPE", [109] = "FORCEUFIMAPPING", [110] = "NAMEDESCAPE",
	[111] = "COLORCORRECTPALETTE", [112] = "SETICMPROFILEA",
	[113] = "SETICMPROFILEW", [119] = "SETLINKEDUFIS",
	[120] = "SETTEXTJUSTIFICATION", [121] = "COLORMATCHTOTARGETW",
};

static void
unsupported(mf_player *pl, uint32_t type)
{
	char name[40];

	if (type < sizeof emr_names / sizeof emr_names[0] && emr_names[type])
		snprintf(name, sizeof name, "EMR_%s", emr_names[type]);
	else
		snprintf(name, sizeof name, "EMF record %u", type);
	mf_unsupported(pl, name);
}

/* The header's frame in device units of the reference device, and the
 * device resolution. */
typedef struct emf_header {
	int32_t bounds[4], frame[4];
	int32_t dev_w, dev_h, mm_w, mm_h;
	uint32_t n_handles, n_records;
} emf_header;

static int
read_header(const unsigned char *p, size_t n, emf_header *h, mf_report *rep)
{
	uint32_t size;

	if (n < 88 || mf_u32(p) != EMR_HEADER || memcmp(p + 40, " EMF", 4) != 0) {
		snprintf(rep->msg, sizeof rep->msg, "not an EMF file (bad header)");
		return -1;
	}
	size = mf_u32(p + 4);
	if (size < 88 || size > n) {
		snprintf(rep->msg, sizeof rep->msg, "EMF header size %u is wrong", size);
		return -1;
	}
	for (int i = 0; i < 4; i++) {
		h->bounds[i] = mf_i32(p + 8 + 4 * i);
		h->frame[i] = mf_i32(p + 24 + 4 * i);
	}
	h->n_records = mf_u32(p + 52);
	h->n_handles = mf_u16(p + 56);
	h->dev_w = mf_i32(p + 72);
	h->dev_h = mf_i32(p + 76);
	h->mm_w = mf_i32(p + 80);
	h->mm_h = mf_i32(p + 84);
	return 0;
}

/* Device pixels per millimetre of the reference device. */
static void
dev_per_mm(const emf_header *h, double *x, double *y)
{
	*x = h->dev_w > 0 && h->mm_w > 0 ? (double) h->dev_w / h->mm_w : 96 / 25.4;
	*y = h->dev_h > 0 && h->mm_h > 0 ? (double) h->dev_h / h->mm_h : 96 / 25.4;
}

/*
 * The picture's frame in device units: rclFrame (0.01 mm) converted with
 * the reference device's resolution, which is what PowerPoint maps onto
 * the picture box; rclBounds (device units, inclusive) when the frame is
 * empty.
 */
int
mf_emf_frame(const unsigned char *p, size_t n, double fr[4], mf_report *rep)
{
	emf_header h;
	double sx, sy;

	if (read_header(p, n, &h, rep))
		return -1;
	dev_per_mm(&h, &sx, &sy);
	if (h.frame[2] > h.frame[0] && h.frame[3] > h.frame[1]) {
		fr[0] = h.frame[0] / 100.0 * sx;
		fr[1] = h.frame[1] / 100.0 * sy;
		fr[2] = h.frame[2] / 100.0 * sx;
		fr[3] = h.frame[3] / 100.0 * sy;
		return 0;
	}
	if (h.bounds[2] >= h.bounds[0] && h.bounds[3] >= h.bounds[1]) {
		fr[0] = h.bounds[0];
		fr[1] = h.bounds[1];
		fr[2] = h.bounds[2] + 1.0;
		fr[3] = h.bounds[3] + 1.0;
		return 0;
	}
	snprintf(rep->msg, sizeof rep->msg, "EMF frame and bounds are empty");
	return -1;
}

/* Points: 32-bit (POINTL) or 16-bit (POINTS) pairs at @off, @count of
 * them, all inside the record. */
static int
points_ok(const emr *r, size_t off, uint32_t count, int small)
{
	return has(r, off, (size_t) count * (small ? 4u : 8u));
}

static void
point_at(const emr *r, size_t off, uint32_t i, int small, double *x, double *y)
{
	const unsigned char *q = r->p + off + (size_t) i * (small ? 4u : 8u);

	if (small) {
		*x = mf_i16(q);
		*y = mf_i16(q + 2);
	} else {
		*x = mf_i32(q);
		*y = mf_i32(q + 4);
	}
}

/* POLYLINE/POLYGON/POLYBEZIER(TO)/POLYLINETO and their 16-bit forms. */
static void
poly(mf_player *pl, const emr *r, int kind, int small)
{
	uint32_t count;
	double x, y, x1, y1, x2, y2;
	uint32_t i = 0;
	int to = kind == 5 || kind == 6;          /* ...TO: from the position */

	if (!has(r, 24, 4))
		return;
	count = mf_u32(r->p + 24);
	if (!points_ok(r, 28, count, small) || mf_work(pl, count))
		return;
	if (count == 0)
		return;
	mf_shape_begin(pl);
	if (to) {
		if (!cairo_has_current_point(pl->cr))
			cairo_move_to(pl->cr, pl->dc.cur_x, pl->dc.cur_y);
	} else {
		point_at(r, 28, 0, small, &x, &y);
		cairo_move_to(pl->cr, x, y);
		i = 1;
	}
	if (kind == 2 || kind == 5) {             /* Béziers: 3 points each */
		for (; i + 3 <= count; i += 3) {
			point_at(r, 28, i, small, &x, &y);
			point_at(r, 28, i + 1, small, &x1, &y1);
			point_at(r, 28, i + 2, small, &x2, &y2);
			cairo_curve_to(pl->cr, x, y, x1, y1, x2, y2);
		}
	} else {
		for (; i < count; i++) {
			point_at(r, 28, i, small, &x, &y);
			cairo_line_to(pl->cr, x, y);
		}
	}
	if (cairo_has_current_point(pl->cr)) {
		cairo_get_current_point(pl->cr, &x, &y);
		if (to) {
			pl->dc.cur_x = x;
			pl->dc.cur_y = y;
		}
	}
	if (kind == 3) {
		cairo_close_path(pl->cr);
		mf_shape_end(pl, MF_FILL | MF_STROKE);
	} else {
		mf_shape_end(pl, MF_STROKE);
	}
}

/* POLYPOLYLINE/POLYPOLYGON (and 16-bit): counts, then all points. */
static void
polypoly(mf_player *pl, const emr *r, int polygon, int small)
{
	uint32_t n_polys, n_pts, at = 0;
	size_t pts_off;

	if (!has(r, 24, 8))
		return;
	n_polys = mf_u32(r->p + 24);
	n_pts = mf_u32(r->p + 28);
	if (!has(r, 32, (size_t) n_polys * 4))
		return;
	pts_off = 32 + (size_t) n_polys * 4;
	if (!points_ok(r, pts_off, n_pts, small) || mf_work(pl, n_pts))
		return;
	mf_shape_begin(pl);
	for (uint32_t k = 0; k < n_polys; k++) {
		uint32_t c = mf_u32(r->p + 32 + 4 * (size_t) k);
		double x, y;
		if (c > n_pts - at)
			break;
		for (uint32_t i = 0; i < c; i++) {
			point_at(r, pts_off, at + i, small, &x, &y);
			if (i == 0)
				cairo_move_to(pl->cr, x, y);
			else
				cairo_line_to(pl->cr, x, y);
		}
		if (polygon && c)
			cairo_close_path(pl->cr);
		at += c;
	}
	mf_shape_end(pl, polygon ? MF_FILL | MF_STROKE : MF_STROKE);
}

/* A DIB inside a record, from its offset/size fields. */
static int
dib_at(const emr *r, uint32_t off_bmi, uint32_t cb_bmi, uint32_t off_bits,
       uint32_t cb_bits, uint32_t usage, mf_dib *d)
{
	if (!cb_bmi || !has(r, off_bmi, cb_bmi) || !has(r, off_bits, cb_bits))
		return -1;
	d->bmi = r->p + off_bmi;
	d->bmi_len = cb_bmi;
	d->bits = r->p + off_bits;
	d->bits_len = cb_bits;
	d->pal_colors = usage == 1;
	return 0;
}

static void
stretch_dibits(mf_player *pl, const emr *r)
{
	mf_dib d;
	cairo_surface_t *img;
	int bu;
	double sy, sh;

	if (!has(r, 8, 72))
		return;
	if (dib_at(r, mf_u32(r->p + 48), mf_u32(r->p + 52), mf_u32(r->p + 56),
	           mf_u32(r->p + 60), mf_u32(r->p + 64), &d)) {
		/* no bitmap: a pattern or constant raster operation */
		mf_blit(pl, NULL, mf_u32(r->p + 68), mf_i32(r->p + 24),
		        mf_i32(r->p + 28), mf_i32(r->p + 72), mf_i32(r->p + 76),
		        0, 0, 0, 0, 1, 0);
		return;
	}
	img = mf_dib_decode(pl, &d, 0, &bu);
	if (!img)
		return;
	sy = mf_i32(r->p + 36);
	sh = mf_i32(r->p + 44);
	/* for a bottom-up DIB the source y counts from the bottom row */
	if (bu)
		sy = cairo_image_surface_get_height(img) - sy - sh;
	mf_blit(pl, img, mf_u32(r->p + 68), mf_i32(r->p + 24), mf_i32(r->p + 28),
	        mf_i32(r->p + 72), mf_i32(r->p + 76), mf_i32(r->p + 32), sy,
	        mf_i32(r->p + 40), sh, 1, 0);
	cairo_surface_destroy(img);
}

/* TRANSPARENTBLT: the source pixels of COLORREF @key become transparent
 * (@img is an opaque ARGB32 surface from mf_dib_decode). */
static void
key_out(cairo_surface_t *img, uint32_t key)
{
	uint32_t rgb = (key & 0xFF) << 16 | (key & 0xFF00) | (key >> 16 & 0xFF);
	unsigned char *d = cairo_image_surface_get_data(img);
	int w = cairo_image_surface_get_width(img);
	int h = cairo_image_surface_get_height(img);
	int stride = cairo_image_surface_get_stride(img);

	cairo_surface_flush(img);
	for (int y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *) (void *) (d + (size_t) y * (size_t) stride);
		for (int x = 0; x < w; x++)
			if ((row[x] & 0xFFFFFF) == rgb)
				row[x] = 0;
	}
	cairo_surface_mark_dirty(img);
}

/* BITBLT, STRETCHBLT, ALPHABLEND, TRANSPARENTBLT share the first 100
 * bytes. */
static void
bitblt(mf_player *pl, const emr *r)
{
	mf_dib d;
	cairo_surface_t *img;
	uint32_t rop;
	double dw, dh, sw, sh, alpha = 1;
	int bu, use_alpha = 0;

	if (!has(r, 8, 92))
		return;
	dw = mf_i32(r->p + 32);
	dh = mf_i32(r->p + 36);
	rop = mf_u32(r->p + 40);
	sw = dw;
	sh = dh;
	if (r->type != 76) {       /* STRETCHBLT, ALPHABLEND: source size */
		if (!has(r, 100, 8))
			return;
		sw = mf_i32(r->p + 100);
		sh = mf_i32(r->p + 104);
	}
	if (r->type == 114) {      /* ALPHABLEND: BLENDFUNCTION in dwRop */
		alpha = (rop >> 16 & 0xFF) / 255.0;
		use_alpha = (rop >> 24 & 0xFF) != 0;   /* AC_SRC_ALPHA */
		rop = 0x00CC0020u;
	}
	if (r->type == 116)        /* TRANSPARENTBLT: the key colour there */
		rop = 0x00CC0020u;
	if (dib_at(r, mf_u32(r->p + 84), mf_u32(r->p + 88), mf_u32(r->p + 92),
	           mf_u32(r->p + 96), mf_u32(r->p + 80), &d)) {
		mf_blit(pl, NULL, rop, mf_i32(r->p + 24), mf_i32(r->p + 28), dw, dh,
		        0, 0, 0, 0, 1, 0);
		return;
	}
	img = mf_dib_decode(pl, &d, use_alpha, &bu);
	if (!img)
		return;
	if (r->type == 116)
		key_out(img, mf_u32(r->p + 40));
	mf_blit(pl, img, rop, mf_i32(r->p + 24), mf_i32(r->p + 28), dw, dh,
	        mf_i32(r->p + 44), mf_i32(r->p + 48), sw, sh, alpha,
	        r->type == 114);
	cairo_surface_destroy(img);
}

/* A TRIVERTEX colour channel (16 bits, 0xFF00 is full). */
static double
tv_channel(const unsigned char *v, int i)
{
	return fmin(mf_u16(v + 8 + 2 * i) / 65280.0, 1.0);
}

/* Fill cr's path with @pat (destroyed), after the range check. */
static void
gradient_paint(mf_player *pl, cairo_pattern_t *pat, cairo_fill_rule_t rule)
{
	cairo_t *cr = pl->cr;

	if (mf_path_in_range(cr)) {
		cairo_set_source(cr, pat);
		cairo_set_fill_rule(cr, rule);
		cairo_fill(cr);
	} else {
		mf_unsupported(pl, "shapes out of range");
	}
	cairo_pattern_destroy(pat);
	cairo_new_path(cr);
}

/*
 * GRADIENTFILL: rectangles shaded left to right or top to bottom between
 * two vertices' colours, or Gouraud-shaded triangles (a cairo mesh). The
 * vertices' alpha is ignored, as GDI does.
 */
static void
gradient_fill(mf_player *pl, const emr *r)
{
	cairo_t *cr = pl->cr;
	uint32_t nv, nt, mode, per;
	size_t objs;

	if (!has(r, 24, 12) || pl->in_path)
		return;
	nv = mf_u32(r->p + 24);
	nt = mf_u32(r->p + 28);
	mode = mf_u32(r->p + 32);
	if (mode > 2) {
		mf_note(pl, "GRADIENTFILL mode %u", mode);
		return;
	}
	per = mode == 2 ? 12 : 8;
	if (nv > (r->n - 36) / 16)
		return;
	objs = 36 + (size_t) nv * 16;
	if (nt > (r->n - objs) / per || mf_work(pl, (uint64_t) nv + nt * 64))
		return;
	cairo_save(cr);
	mf_shape_begin(pl);
	if (mode == 2) {
		/* all triangles in one mesh and one fill: no seams between them */
		cairo_pattern_t *mesh = cairo_pattern_create_mesh();
		for (uint32_t k = 0; k < nt; k++) {
			const unsigned char *o = r->p + objs + (size_t) k * per;
			if (mf_u32(o) >= nv || mf_u32(o + 4) >= nv || mf_u32(o + 8) >= nv)
				continue;
			cairo_mesh_pattern_begin_patch(mesh);
			for (int i = 0; i < 3; i++) {
				const unsigned char *v = r->p + 36 + (size_t) mf_u32(o + 4 * i) * 16;
				double x = mf_i32(v), y = mf_i32(v + 4);
				if (i == 0) {
					cairo_mesh_pattern_move_to(mesh, x, y);
					cairo_move_to(cr, x, y);
				} else {
					cairo_mesh_pattern_line_to(mesh, x, y);
					cairo_line_to(cr, x, y);
				}
				cairo_mesh_pattern_set_corner_color_rgb(mesh, (unsigned) i,
					tv_channel(v, 0), tv_channel(v, 1), tv_channel(v, 2));
			}
			cairo_mesh_pattern_end_patch(mesh);
			cairo_close_path(cr);
		}
		gradient_paint(pl, mesh, CAIRO_FILL_RULE_WINDING);
	} else {
		for (uint32_t k = 0; k < nt; k++) {
			const unsigned char *o = r->p + objs + (size_t) k * per;
			const unsigned char *v0, *v1;
			double x0, y0, x1, y1;
			cairo_pattern_t *pat;
			if (mf_u32(o) >= nv || mf_u32(o + 4) >= nv)
				continue;
			v0 = r->p + 36 + (size_t) mf_u32(o) * 16;
			v1 = r->p + 36 + (size_t) mf_u32(o + 4) * 16;
			x0 = mf_i32(v0); y0 = mf_i32(v0 + 4);
			x1 = mf_i32(v1); y1 = mf_i32(v1 + 4);
			pat = mode == 0 ? cairo_pattern_create_linear(x0, 0, x1, 0)
			                : cairo_pattern_create_linear(0, y0, 0, y1);
			cairo_pattern_add_color_stop_rgb(pat, 0, tv_channel(v0, 0),
			                                 tv_channel(v0, 1), tv_channel(v0, 2));
			cairo_pattern_add_color_stop_rgb(pat, 1, tv_channel(v1, 0),
			                                 tv_channel(v1, 1), tv_channel(v1, 2));
			cairo_rectangle(cr, fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0),
			                fabs(y1 - y0));
			gradient_paint(pl, pat, CAIRO_FILL_RULE_WINDING);
		}
	}
	cairo_restore(cr);
}

static void
set_dibits(mf_player *pl, const emr *r)
{
	mf_dib d;
	cairo_surface_t *img;
	int bu;
	double w, h, sy;

	if (!has(r, 8, 68))
		return;
	if (dib_at(r, mf_u32(r->p + 48), mf_u32(r->p + 52), mf_u32(r->p + 56),
	           mf_u32(r->p + 60), mf_u32(r->p + 64), &d))
		return;
	img = mf_dib_decode(pl, &d, 0, &bu);
	if (!img)
		return;
	w = mf_i32(r->p + 40);
	h = mf_i32(r->p + 44);
	sy = mf_i32(r->p + 36);
	if (bu)
		sy = cairo_image_surface_get_height(img) - sy - h;
	mf_blit(pl, img, 0x00CC0020u, mf_i32(r->p + 24), mf_i32(r->p + 28), w, h,
	        mf_i32(r->p + 32), sy, w, h, 1, 0);
	cairo_surface_destroy(img);
}

/* UTF-16 face name of @max units at @q into UTF-8 (ASCII-safe subset). */
static void
face_name(const unsigned char *q, size_t max, char *out, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < max && k + 4 < cap; i++) {
		uint32_t c = mf_u16(q + 2 * i);
		if (c == 0)
			break;
		if (c < 0x80) {
			out[k++] = (char) c;
		} else if (c < 0x800) {
			out[k++] = (char) (0xC0 | c >> 6);
			out[k++] = (char) (0x80 | (c & 0x3F));
		} else if (c < 0xD800 || c >= 0xE000) {
			out[k++] = (char) (0xE0 | c >> 12);
			out[k++] = (char) (0x80 | (c >> 6 & 0x3F));
			out[k++] = (char) (0x80 | (c & 0x3F));
		}
	}
	out[k] = 0;
}

static void
create_object(mf_player *pl, const emr *r)
{
	mf_obj *o;

	if (!has(r, 8, 4))
		return;
	o = mf_obj_slot(pl, mf_u32(r->p + 8));
	if (!o)
		return;
	mf_obj_clear(o);
	switch (r->type) {
	case 38:   /* CREATEPEN: LOGPEN */
		if (!has(r, 12, 16))
			return;
		o->kind = MF_OBJ_PEN;
		o->pen.style = mf_u32(r->p + 12) | MF_PS_GEOMETRIC;
		o->pen.width = mf_i32(r->p + 16);
		o->pen.color = mf_u32(r->p + 24);
		break;
	case 95:   /* EXTCREATEPEN: LOGPENEX after the bitmap fields */
		if (!has(r, 28, 20))
			return;
		o->kind = MF_OBJ_PEN;
		o->pen.style = mf_u32(r->p + 28);
		o->pen.width = mf_u32(r->p + 32);
		o->pen.color = mf_u32(r->p + 40);
		if (mf_u32(r->p + 36) == MF_BS_NULL)
			o->pen.style = (o->pen.style & ~0xFu) | MF_PS_NULL;
		if ((o->pen.style & 0xF) == MF_PS_USERSTYLE)
			o->pen.style &= ~0xFu;   /* user dashes: drawn solid */
		break;
	case 39:   /* CREATEBRUSHINDIRECT: LOGBRUSH */
		if (!has(r, 12, 12))
			return;
		o->kind = MF_OBJ_BRUSH;
		o->brush.style = mf_u32(r->p + 12);
		o->brush.color = mf_u32(r->p + 16);
		o->brush.hatch = mf_u32(r->p + 20);
		if (o->brush.style != MF_BS_SOLID && o->brush.style != MF_BS_NULL &&
		    o->brush.style != MF_BS_HATCHED)
			o->brush.style = MF_BS_SOLID;
		break;
	case 93:   /* CREATEMONOBRUSH */
	case 94: { /* CREATEDIBPATTERNBRUSHPT */
		mf_dib d;
		int bu;
		o->kind = MF_OBJ_BRUSH;
		o->brush.style = MF_BS_SOLID;
		o->brush.color = 0x808080;
		if (has(r, 12, 20) &&
		    !dib_at(r, mf_u32(r->p + 16), mf_u32(r->p + 20), mf_u32(r->p + 24),
		            mf_u32(r->p + 28), mf_u32(r->p + 12), &d)) {
			o->brush.pattern = mf_dib_decode(pl, &d, 0, &bu);
			o->brush.style = MF_BS_DIBPATTERNPT;
		}
		if (!o->brush.pattern)
			o->brush.style = MF_BS_SOLID;
		break;
	}
	case 82: { /* EXTCREATEFONTINDIRECTW: LOGFONTW */
		if (!has(r, 12, 92))
			return;
		o->kind = MF_OBJ_FONT;
		o->font.height = mf_i32(r->p + 12);
		o->font.escapement = mf_i32(r->p + 20);
		o->font.weight = mf_i32(r->p + 28);
		o->font.italic = r->p[32];
		o->font.underline = r->p[33];
		o->font.strikeout = r->p[34];
		o->font.charset = r->p[35];
		face_name(r->p + 40, 32, o->font.face, sizeof o->font.face);
		break;
	}
	default:   /* palettes, colour spaces: take the slot */
		o->kind = MF_OBJ_OTHER;
		break;
	}
}

/* EXTTEXTOUTW, and EXTTEXTOUTA (@ansi: 8-bit text in the font's
 * charset) */
static void
ext_text_out(mf_player *pl, const emr *r, int ansi)
{
	uint32_t n, off, opts, off_dx;
	double rect[4];
	uint16_t *s;
	int32_t *dx = NULL;
	int pairs, per_byte = 1;
	size_t un;

	if (!has(r, 36, 40))
		return;
	n = mf_u32(r->p + 44);
	off = mf_u32(r->p + 48);
	opts = mf_u32(r->p + 52);
	off_dx = mf_u32(r->p + 72);
	for (int i = 0; i < 4; i++)
		rect[i] = mf_i32(r->p + 56 + 4 * i);
	if (opts & 0x10) {         /* ETO_GLYPH_INDEX: no characters to draw */
		mf_unsupported(pl, "glyph-index text");
		return;
	}
	if (n > 0 && !has(r, off, (size_t) n * (ansi ? 1 : 2)))
		return;
	pairs = (opts & 0x2000) != 0;  /* ETO_PDY: dx, dy pairs */
	if (ansi) {
		s = mf_text_8bit(pl, r->p + off, n, &un, &per_byte);
	} else {
		s = malloc((size_t) n * 2 + 2);
		if (s)
			for (uint32_t i = 0; i < n; i++)
				s[i] = mf_u16(r->p + off + 2 * (size_t) i);
		un = n;
	}
	if (!s)
		return;
	if (n && per_byte && off_dx &&
	    has(r, off_dx, (size_t) n * 4 * (pairs ? 2 : 1))) {
		dx = malloc((size_t) n * 4 * (pairs ? 2 : 1));
		if (dx)
			for (uint32_t i = 0; i < n * (pairs ? 2u : 1u); i++)
				dx[i] = mf_i32(r->p + off_dx + 4 * (size_t) i);
	}
	mf_text(pl, mf_i32(r->p + 36), mf_i32(r->p + 40), s, (uint32_t) un, dx,
	        pairs && dx,
	        opts, (opts & (MF_ETO_OPAQUE | MF_ETO_CLIPPED)) ? rect : NULL);
	free(dx);
	free(s);
}

/* A RGNDATA block: header then nCount rectangles. */
static int
region_at(const emr *r, size_t off, size_t len, const int32_t **out,
          uint32_t *count, int32_t **owned)
{
	uint32_t n;
	int32_t *rects;

	*owned = NULL;
	if (len < 32 || !has(r, off, len))
		return -1;
	n = mf_u32(r->p + off + 8);
	if (mf_u32(r->p + off) < 32 || (len - 32) / 16 < n)
		return -1;
	rects = n ? malloc((size_t) n * 16) : NULL;
	if (n && !rects)
		return -1;
	for (uint32_t i = 0; i < 4 * n; i++)
		rects[i] = mf_i32(r->p + off + 32 + 4 * (size_t) i);
	*out = rects;
	*owned = rects;
	*count = n;
	return 0;
}

/* The EMF+ records of a GDICOMMENT (after the "EMF+" signature), or
 * NULL when it holds none. */
static const unsigned char *
emfplus_data(const emr *r, size_t *len)
{
	uint32_t n;

	if (r->type != EMR_GDICOMMENT || !has(r, 8, 4))
		return NULL;
	n = mf_u32(r->p + 8);
	if (n < 4 || !has(r, 12, n) || memcmp(r->p + 12, "EMF+", 4) != 0)
		return NULL;
	*len = n - 4;
	return r->p + 16;
}

/*
 * EMF records that put pixels on the page (as opposed to state, objects
 * and clipping): skipped while EMF+ records are played, as GDI+ does
 * with a dual file, except after an EMF+ GetDC. @bracket: a path bracket
 * is open, where shapes only add to the path.
 */
static int
emf_draws(uint32_t t, int bracket)
{
	switch (t) {
	case 2: case 3: case 4: case 5: case 6: case 7: case 8:
	case 41: case 42: case 43: case 44: case 45: case 46: case 47:
	case 54: case 55: case 56:
	case 85: case 86: case 87: case 88: case 89: case 90: case 91: case 92:
		return !bracket;
	case 15: case 53: case 62: case 63: case 64:
	case 71: case 72: case 73: case 74:
	case 76: case 77: case 78: case 79: case 80: case 81:
	case 83: case 84: case 96: case 97: case 108:
	case 114: case 116: case 118:
		return 1;
	default:
		return 0;
	}
}

static void
play_record(mf_player *pl, const emr *r)
{
	const unsigned char *p = r->p;
	uint32_t t = r->type;
	mf_dc *dc = &pl->dc;

	switch (t) {
	case 2: case 3: case 4: case 5: case 6: poly(pl, r, (int) t, 0); break;
	case 85: case 86: case 87: case 88: case 89:
		poly(pl, r, (int) t - 83, 1);
		break;
	case 7: case 8: polypoly(pl, r, t == 8, 0); break;
	case 90: case 91: polypoly(pl, r, t == 91, 1); break;
	case 9: case 10: case 11: case 12:
		if (!has(r, 8, 8))
			break;
		if (t == 9) { dc->wex = mf_i32(p + 8); dc->wey = mf_i32(p + 12); }
		if (t == 10) { dc->wox = mf_i32(p + 8); dc->woy = mf_i32(p + 12); }
		if (t == 11) { dc->vex = mf_i32(p + 8); dc->vey = mf_i32(p + 12); }
		if (t == 12) { dc->vox = mf_i32(p + 8); dc->voy = mf_i32(p + 12); }
		break;
	case 31: case 32:          /* SCALEVIEWPORTEXTEX, SCALEWINDOWEXTEX */
		if (has(r, 8, 16) && mf_i32(p + 12) && mf_i32(p + 20)) {
			double fx = (double) mf_i32(p + 8) / mf_i32(p + 12);
			double fy = (double) mf_i32(p + 16) / mf_i32(p + 20);
			if (t == 31) { dc->vex *= fx; dc->vey *= fy; }
			else { dc->wex *= fx; dc->wey *= fy; }
		}
		break;
	case 13: case 16: case 20: case 51:
	case 28: case 52: case 98: case 99: case 100: case 101: case 115:
	case 122:
		break;                 /* no visible effect for us */
	case 17: if (has(r, 8, 4)) mf_set_map_mode(pl, (int) mf_u32(p + 8)); break;
	case 18: if (has(r, 8, 4)) dc->bk_opaque = mf_u32(p + 8) == 2; break;
	case 19: if (has(r, 8, 4)) dc->winding = mf_u32(p + 8) == 2; break;
	case 22: if (has(r, 8, 4)) dc->text_align = mf_u32(p + 8); break;
	case 24: if (has(r, 8, 4)) dc->text_color = mf_u32(p + 8); break;
	case 25: if (has(r, 8, 4)) dc->bk_color = mf_u32(p + 8); break;
	case 57: if (has(r, 8, 4)) dc->arc_clockwise = mf_u32(p + 8) == 2; break;
	case 21: if (has(r, 8, 4)) dc->halftone = mf_u32(p + 8) == 4; break;
	case 58: if (has(r, 8, 4)) dc->miter = mf_u32(p + 8); break;
	case 27:                   /* MOVETOEX */
		if (has(r, 8, 8))
			mf_move_to(pl, mf_i32(p + 8), mf_i32(p + 12));
		break;
	case 54:                   /* LINETO */
		if (!has(r, 8, 8))
			break;
		mf_shape_begin(pl);
		if (!pl->in_path)
			cairo_move_to(pl->cr, dc->cur_x, dc->cur_y);
		mf_line_to(pl, mf_i32(p + 8), mf_i32(p + 12));
		mf_shape_end(pl, MF_STROKE);
		break;
	case 29: case 30:          /* EXCLUDECLIPRECT, INTERSECTCLIPRECT */
		if (has(r, 8, 16))
			mf_clip_rect(pl, mf_i32(p + 8), mf_i32(p + 12), mf_i32(p + 16),
			             mf_i32(p + 20), t == 29);
		break;
	case 33: mf_save_dc(pl); break;
	case 34: if (has(r, 8, 4)) mf_restore_dc(pl, mf_i32(p + 8)); break;
	case 35: case 36: {        /* SET/MODIFYWORLDTRANSFORM */
		cairo_matrix_t x;
		uint32_t mode = 4;
		if (!has(r, 8, 24))
			break;
		cairo_matrix_init(&x, mf_f32(p + 8), mf_f32(p + 12), mf_f32(p + 16),
		                  mf_f32(p + 20), mf_f32(p + 24), mf_f32(p + 28));
		if (t == 36) {
			if (!has(r, 32, 4))
				break;
			mode = mf_u32(p + 32);
		}
		if (!isfinite(x.xx) || !isfinite(x.yx) || !isfinite(x.xy) ||
		    !isfinite(x.yy) || !isfinite(x.x0) || !isfinite(x.y0))
			break;
		if (mode == 1)         /* MWT_IDENTITY */
			cairo_matrix_init_identity(&dc->world);
		else if (mode == 2)    /* LEFTMULTIPLY: the new one applies first */
			cairo_matrix_multiply(&dc->world, &x, &dc->world);
		else if (mode == 3)
			cairo_matrix_multiply(&dc->world, &dc->world, &x);
		else if (mode == 4)
			dc->world = x;
		break;
	}
	case 37: if (has(r, 8, 4)) mf_select(pl, mf_u32(p + 8)); break;
	case 40: if (has(r, 8, 4)) mf_delete(pl, mf_u32(p + 8)); break;
	case 38: case 39: case 82: case 93: case 94: case 95:
		create_object(pl, r);
		break;
	case 41:                   /* ANGLEARC */
		if (!has(r, 8, 20))
			break;
		mf_shape_begin(pl);
		if (!pl->in_path)
			cairo_move_to(pl->cr, dc->cur_x, dc->cur_y);
		mf_angle_arc(pl, mf_i32(p + 8), mf_i32(p + 12), mf_u32(p + 16),
		             mf_f32(p + 20), mf_f32(p + 24));
		mf_shape_end(pl, MF_STROKE);
		break;
	case 42: case 43: case 44: /* ELLIPSE, RECTANGLE, ROUNDRECT */
		if (!has(r, 8, t == 44 ? 24 : 16))
			break;
		mf_shape_begin(pl);
		if (t == 42)
			mf_ellipse(pl, mf_i32(p + 8), mf_i32(p + 12), mf_i32(p + 16),
			           mf_i32(p + 20));
		else if (t == 43)
			mf_rect(pl, mf_i32(p + 8), mf_i32(p + 12), mf_i32(p + 16),
			        mf_i32(p + 20));
		else
			mf_round_rect(pl, mf_i32(p + 8), mf_i32(p + 12), mf_i32(p + 16),
			              mf_i32(p + 20), mf_i32(p + 24), mf_i32(p + 28));
		mf_shape_end(pl, MF_FILL | MF_STROKE);
		break;
	case 45: case 46: case 47: case 55: { /* ARC, CHORD, PIE, ARCTO */
		int kind = t == 45 ? MF_ARC : t == 46 ? MF_CHORD : t == 47 ? MF_PIE
		                                                            : MF_ARCTO;
		if (!has(r, 8, 32))
			break;
		mf_shape_begin(pl);
		mf_arc(pl, kind, mf_i32(p + 8), mf_i32(p + 12), mf_i32(p + 16),
		       mf_i32(p + 20), mf_i32(p + 24), mf_i32(p + 28), mf_i32(p + 32),
		       mf_i32(p + 36));
		mf_shape_end(pl, kind == MF_ARC || kind == MF_ARCTO ? MF_STROKE
		                                                    : MF_FILL | MF_STROKE);
		break;
	}
	case 59: mf_begin_path(pl); break;
	case 60: mf_end_path(pl); break;
	case 61: mf_close_figure(pl); break;
	case 62: mf_draw_path(pl, MF_FILL); break;
	case 63: mf_draw_path(pl, MF_FILL | MF_STROKE); break;
	case 64: mf_draw_path(pl, MF_STROKE); break;
	case 67: if (has(r, 8, 4)) mf_clip_path(pl, (int) mf_u32(p + 8)); break;
	case 68: mf_abort_path(pl); break;
	case 48:                   /* SELECTPALETTE */
		if (has(r, 8, 4))
			mf_select(pl, mf_u32(p + 8));
		break;
	case 49: {                 /* CREATEPALETTE: ihPal, LOGPALETTE */
		mf_obj *o;
		uint32_t n;
		if (!has(r, 8, 8))
			break;
		o = mf_obj_slot(pl, mf_u32(p + 8));
		n = mf_u16(p + 14);
		if (o && has(r, 16, (size_t) n * 4))
			mf_palette_set(o, p + 16, n);
		break;
	}
	case 50: {                 /* SETPALETTEENTRIES: ihPal, start, count */
		mf_obj *o;
		if (!has(r, 8, 12))
			break;
		o = mf_obj_slot(pl, mf_u32(p + 8));
		if (o && o->kind == MF_OBJ_PALETTE &&
		    has(r, 20, (size_t) mf_u32(p + 16) * 4))
			mf_palette_entries(pl, o, mf_u32(p + 12), p + 20, mf_u32(p + 16));
		break;
	}
	case 70: break;             /* comments; EMF+ is played by the caller */
	case 71: {                 /* FILLRGN */
		const int32_t *rects;
		int32_t *owned;
		uint32_t n;
		mf_obj *o;
		if (!has(r, 24, 8))
			break;
		o = mf_obj_slot(pl, mf_u32(p + 28));
		if (region_at(r, 32, mf_u32(p + 24), &rects, &n, &owned))
			break;
		if (o && o->kind == MF_OBJ_BRUSH)
			mf_fill_region(pl, rects, n, &o->brush);
		else
			mf_fill_region(pl, rects, n, &dc->brush);
		free(owned);
		break;
	}
	case 75: {                 /* EXTSELECTCLIPRGN */
		const int32_t *rects = NULL;
		int32_t *owned = NULL;
		uint32_t n = 0, len, mode;
		if (!has(r, 8, 8))
			break;
		len = mf_u32(p + 8);
		mode = mf_u32(p + 12);
		if (len == 0 && mode == MF_RGN_COPY) {
			mf_clip_region(pl, NULL, 0, MF_RGN_COPY);
			break;
		}
		if (region_at(r, 16, len, &rects, &n, &owned))
			break;
		mf_clip_region(pl, rects, n, (int) mode);
		free(owned);
		break;
	}
	case 76: case 77: case 114: case 116: bitblt(pl, r); break;
	case 118: gradient_fill(pl, r); break;
	case 80: set_dibits(pl, r); break;
	case 81: stretch_dibits(pl, r); break;
	case 83: case 84: ext_text_out(pl, r, t == 83); break;
	default: unsupported(pl, t); break;
	}
}

/* What the file's EMF+ records are: none, playable, or not (why). */
typedef struct emfplus_scan {
	int present, dual, playable;
	char why[64];
} emfplus_scan;

static void
scan_emfplus(const unsigned char *p, size_t n, size_t off, emfplus_scan *s)
{
	uint32_t count = 0;

	memset(s, 0, sizeof *s);
	s->playable = 1;
	while (off + 8 <= n && count++ < 1000000u) {
		emr r;
		const unsigned char *d;
		size_t len;
		r.p = p + off;
		r.type = mf_u32(r.p);
		r.n = mf_u32(r.p + 4);
		if (r.n < 8 || r.n % 4 != 0 || r.n > n - off || r.type == EMR_EOF)
			break;
		off += r.n;
		d = emfplus_data(&r, &len);
		if (!d)
			continue;
		if (!s->present && len >= 16 && mf_u16(d) == 0x4001)
			s->dual = mf_u16(d + 2) & 1;   /* header flag D */
		s->present = 1;
		if (s->playable && mf_emfplus_check(d, len, s->why, sizeof s->why))
			s->playable = 0;
	}
}

int
mf_emf_play(mf_player *pl, const unsigned char *p, size_t n, double w,
            double h)
{
	emf_header hd;
	double fr[4];
	size_t off;
	uint32_t count = 0;
	int gdi_on = 1;
	emfplus_scan scan;
	mfp *plus = NULL;

	if (read_header(p, n, &hd, pl->rep) || mf_emf_frame(p, n, fr, pl->rep))
		return -1;
	dev_per_mm(&hd, &pl->dev_per_mm_x, &pl->dev_per_mm_y);
	/* device units -> the caller's box */
	cairo_matrix_init_scale(&pl->base, w / (fr[2] - fr[0]), h / (fr[3] - fr[1]));
	cairo_matrix_translate(&pl->base, -fr[0], -fr[1]);
	mf_base_to_device(pl);
	pl->target_w = w;
	pl->target_h = h;
	off = mf_u32(p + 4);
	scan_emfplus(p, n, off, &scan);
	/* EMF+ is played when it can be, or when there is nothing else */
	if (scan.present && (scan.playable || !scan.dual)) {
		plus = mf_emfplus_new(pl);
		if (!plus) {
			mf_note(pl, "out of memory");
			return 0;
		}
		gdi_on = 0;
	} else if (scan.present) {
		mf_note(pl, "%s not supported: drew the EMF fallback", scan.why);
	}
	while (off + 8 <= n && !pl->stopped) {
		emr r;
		const unsigned char *d;
		size_t len;
		r.p = p + off;
		r.type = mf_u32(r.p);
		r.n = mf_u32(r.p + 4);
		if (r.n < 8 || r.n % 4 != 0 || r.n > n - off) {
			mf_note(pl, "broken record at byte %zu; rest not drawn", off);
			break;
		}
		if (r.type == EMR_EOF)
			break;
		if (++count > pl->lim->max_records) {
			mf_note(pl, "more than %u records; rest not drawn",
			        pl->lim->max_records);
			break;
		}
		if (mf_work(pl, 1))
			break;
		off += r.n;
		if (plus && (d = emfplus_data(&r, &len))) {
			gdi_on = mf_emfplus_play(plus, d, len);
			continue;
		}
		if (r.type == EMR_HEADER || (!gdi_on && emf_draws(r.type, pl->in_path)))
			continue;
		play_record(pl, &r);
	}
	mf_emfplus_free(plus);
	return 0;
}
