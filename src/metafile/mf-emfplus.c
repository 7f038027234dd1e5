/*
 * EMF+ ([MS-EMFPLUS]): the GDI+ records Office writes inside EMR_COMMENTs
 * of dual files (pasted charts and drawings), played onto cairo with
 * GDI+'s semantics: float coordinates, ARGB colours, antialiasing.
 *
 * mf-emf.c drives it: it first checks every EMF+ record of the file with
 * mf_emfplus_check(); when all drawing records can be played it plays the
 * EMF+ records and skips the EMF drawing records (they are the fallback),
 * except those following a GetDC record. Otherwise the EMF part is drawn
 * and the diagnostic names the record that could not be played.
 *
 * Everything is bounded: 64 objects (the spec's table), record sizes
 * against the comment, counts against the record, points per shape,
 * region trees, clip steps, continued objects; coordinates are checked
 * before they reach cairo.
 */
#include "metafile/mf-imp.h"
#include "base/base.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MFP_PI 3.14159265358979323846
#define MFP_OBJECTS 64             /* the spec's object table */
#define MFP_CLIP_STEPS 16          /* intersected clip paths */
#define MFP_REGION_NODES 64        /* nodes of one region tree */
#define MFP_MAX_POINTS (1u << 20)  /* points in one shape */
#define MFP_MAX_STOPS 256          /* gradient blend positions */
#define MFP_MAX_OBJECT ((size_t) 64 << 20)  /* a continued object */

/* Record types. */
enum {
	R_HEADER = 0x4001, R_EOF, R_COMMENT, R_GETDC, R_MF_START, R_MF_SECTION,
	R_MF_END, R_OBJECT, R_CLEAR, R_FILLRECTS, R_DRAWRECTS, R_FILLPOLYGON,
	R_DRAWLINES, R_FILLELLIPSE, R_DRAWELLIPSE, R_FILLPIE, R_DRAWPIE,
	R_DRAWARC, R_FILLREGION, R_FILLPATH, R_DRAWPATH, R_FILLCLOSEDCURVE,
	R_DRAWCLOSEDCURVE, R_DRAWCURVE, R_DRAWBEZIERS, R_DRAWIMAGE,
	R_DRAWIMAGEPOINTS, R_DRAWSTRING, R_SETRENDERINGORIGIN,
	R_SETANTIALIASMODE, R_SETTEXTRENDERINGHINT, R_SETTEXTCONTRAST,
	R_SETINTERPOLATIONMODE, R_SETPIXELOFFSETMODE, R_SETCOMPOSITINGMODE,
	R_SETCOMPOSITINGQUALITY, R_SAVE, R_RESTORE, R_BEGINCONTAINER,
	R_BEGINCONTAINERNOPARAMS, R_ENDCONTAINER, R_SETWORLDTRANSFORM,
	R_RESETWORLDTRANSFORM, R_MULTIPLYWORLDTRANSFORM,
	R_TRANSLATEWORLDTRANSFORM, R_SCALEWORLDTRANSFORM,
	R_ROTATEWORLDTRANSFORM, R_SETPAGETRANSFORM, R_RESETCLIP, R_SETCLIPRECT,
	R_SETCLIPPATH, R_SETCLIPREGION, R_OFFSETCLIP, R_DRAWDRIVERSTRING,
	R_STROKEFILLPATH, R_SERIALIZABLEOBJECT, R_SETTSGRAPHICS, R_SETTSCLIP,
	R_LAST = R_SETTSCLIP
};

static const char *const rec_names[] = {
	"Header", "EndOfFile", "Comment", "GetDC", "MultiFormatStart",
	"MultiFormatSection", "MultiFormatEnd", "Object", "Clear", "FillRects",
	"DrawRects", "FillPolygon", "DrawLines", "FillEllipse", "DrawEllipse",
	"FillPie", "DrawPie", "DrawArc", "FillRegion", "FillPath", "DrawPath",
	"FillClosedCurve", "DrawClosedCurve", "DrawCurve", "DrawBeziers",
	"DrawImage", "DrawImagePoints", "DrawString", "SetRenderingOrigin",
	"SetAntiAliasMode", "SetTextRenderingHint", "SetTextContrast",
	"SetInterpolationMode", "SetPixelOffsetMode", "SetCompositingMode",
	"SetCompositingQuality", "Save", "Restore", "BeginContainer",
	"BeginContainerNoParams", "EndContainer", "SetWorldTransform",
	"ResetWorldTransform", "MultiplyWorldTransform",
	"TranslateWorldTransform", "ScaleWorldTransform", "RotateWorldTransform",
	"SetPageTransform", "ResetClip", "SetClipRect", "SetClipPath",
	"SetClipRegion", "OffsetClip", "DrawDriverString", "StrokeFillPath",
	"SerializableObject", "SetTSGraphics", "SetTSClip",
};

/* Object types (the Object record's flags, bits 8-14). */
enum { OT_FREE = 0, OT_BRUSH, OT_PEN, OT_PATH, OT_REGION, OT_IMAGE, OT_FONT,
       OT_STRINGFORMAT, OT_IMAGEATTRIBUTES, OT_CUSTOMLINECAP };

/* Record flags. */
#define F_SOLID 0x8000      /* S: the brush is an inline ARGB colour */
#define F_COMPRESSED 0x4000 /* C: 16-bit integer points and rectangles */
#define F_RELATIVE 0x0800   /* P: relative points (EmfPlusPointR) */
#define F_CONTINUED 0x8000  /* Object: continues in the next record */
/* Path point flags. */
#define PPF_RLE 0x1000

/* One record: type, flags, data (within the comment). */
typedef struct prec {
	uint16_t type, flags;
	const unsigned char *d;
	uint32_t n;
} prec;

typedef struct mfp_obj {
	int type;                  /* OT_* */
	const unsigned char *p;    /* its bytes: in the file or in buf */
	size_t n;
	unsigned char *buf;        /* owned: a continued object's bytes */
	size_t want;               /* continued: total size still filling */
	cairo_surface_t *img;      /* OT_IMAGE decoded once (owned) */
	int img_tried;
} mfp_obj;

/* One clip step: cr's clip is intersected with @path (device space), or
 * with everything outside it. Shared between saved states. */
typedef struct mfp_step {
	int refs;
	int exclude;
	cairo_path_t *path;
} mfp_step;

typedef struct mfp_clip {
	int empty;                 /* nothing can be drawn */
	uint32_t n;
	mfp_step *s[MFP_CLIP_STEPS];
} mfp_clip;

typedef struct mfp_state {
	cairo_matrix_t world;      /* world transform (world -> page) */
	cairo_matrix_t cont;       /* containers opened around it */
	int unit;                  /* page unit */
	double scale;              /* page scale */
	mfp_clip clip;
	uint32_t id;               /* Save/BeginContainer stack id */
} mfp_state;

struct mfp {
	mf_player *pl;
	cairo_t *cr;
	double dpi_x, dpi_y;       /* EMF+ header logical resolution */
	mfp_state st;
	mfp_state *stack;
	uint32_t n_stack, cap_stack;
	mfp_obj objs[MFP_OBJECTS];
	cairo_path_t *bracket;     /* a GDI path bracket kept aside */
};

/* ---- small readers ---- */

static int
has(const prec *r, size_t off, size_t len)
{
	return off <= r->n && len <= r->n - off;
}

static double
f32(const unsigned char *p)
{
	return mf_f32(p);
}

/* A float that cairo can take: finite and not absurd. */
static int
sane(double v)
{
	return isfinite(v) && fabs(v) < 1e15;
}

static void
rec_name(uint16_t type, char *out, size_t cap)
{
	if (type >= R_HEADER && type <= R_LAST)
		snprintf(out, cap, "EMF+ %s", rec_names[type - R_HEADER]);
	else
		snprintf(out, cap, "EMF+ record 0x%04X", type);
}

/* Next record of a comment's EMF+ stream at *@off; 0, or -1 at the end
 * or on a broken size. */
static int
next_record(const unsigned char *p, size_t n, size_t *off, prec *r)
{
	uint32_t size, dsize;

	if (*off + 12 > n)
		return -1;
	size = mf_u32(p + *off + 4);
	dsize = mf_u32(p + *off + 8);
	if (size < 12 || size > n - *off || dsize > size - 12)
		return -1;
	r->type = mf_u16(p + *off);
	r->flags = mf_u16(p + *off + 2);
	r->d = p + *off + 12;
	r->n = dsize;
	*off += size;
	return 0;
}

/* ---- the checker: can this stream be played? ---- */

/* Which object bytes we cannot draw from (NULL: all fine). Only the
 * first bytes are needed: continued objects are checked on their first
 * record. */
static const char *
object_unplayable(int type, const unsigned char *p, size_t n)
{
	if (type == OT_BRUSH && n >= 8) {
		uint32_t bt = mf_u32(p + 4);
		if (bt == 1 && n >= 12 && mf_u32(p + 8) > 5)
			return "EMF+ hatch brush style";
		if (bt == 2)
			return "EMF+ texture brush";
		if (bt == 3)
			return "EMF+ path gradient brush";
	}
	if (type == OT_IMAGE && n >= 8) {
		if (mf_u32(p + 4) == 2)
			return "EMF+ metafile image";
		if (n >= 28 && mf_u32(p + 24) == 1 &&
		    (n < 36 || memcmp(p + 28, "\x89PNG", 4) != 0))
			return "EMF+ compressed image (not PNG)";
	}
	return NULL;
}

int
mf_emfplus_check(const unsigned char *p, size_t n, char *why, size_t cap)
{
	size_t off = 0;
	prec r;

	while (next_record(p, n, &off, &r) == 0) {
		const char *bad = NULL;
		switch (r.type) {
		case R_DRAWDRIVERSTRING:
			/* glyph indexes need the font the file was made with */
			if (r.n >= 8 && !(mf_u32(r.d + 4) & 1)) {
				snprintf(why, cap, "EMF+ DrawDriverString glyph indexes");
				return -1;
			}
			break;
		case R_FILLCLOSEDCURVE: case R_DRAWCLOSEDCURVE: case R_DRAWCURVE:
		case R_STROKEFILLPATH: case R_SERIALIZABLEOBJECT:
		case R_SETTSGRAPHICS: case R_SETTSCLIP: case R_MF_START:
		case R_OFFSETCLIP:
			rec_name(r.type, why, cap);
			return -1;
		case R_OBJECT: {
			size_t skip = (r.flags & F_CONTINUED) ? 4 : 0;
			if (r.n >= skip)
				bad = object_unplayable((r.flags >> 8) & 0x7F,
				                        r.d + skip, r.n - skip);
			break;
		}
		default: break;
		}
		if (bad) {
			snprintf(why, cap, "%s", bad);
			return -1;
		}
	}
	return 0;
}

/* ---- state ---- */

static void
step_unref(mfp_step *s)
{
	if (s && --s->refs == 0) {
		cairo_path_destroy(s->path);
		free(s);
	}
}

static void
clip_clear(mfp_clip *c)
{
	for (uint32_t i = 0; i < c->n; i++)
		step_unref(c->s[i]);
	c->n = 0;
	c->empty = 0;
}

static void
clip_ref(mfp_clip *c)
{
	for (uint32_t i = 0; i < c->n; i++)
		c->s[i]->refs++;
}

static void
state_defaults(mfp_state *s)
{
	memset(s, 0, sizeof *s);
	cairo_matrix_init_identity(&s->world);
	cairo_matrix_init_identity(&s->cont);
	s->unit = 2;               /* pixels */
	s->scale = 1;
}

mfp *
mf_emfplus_new(mf_player *pl)
{
	mfp *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->pl = pl;
	m->cr = pl->cr;
	m->dpi_x = m->dpi_y = 96;
	state_defaults(&m->st);
	return m;
}

static void
obj_clear(mfp_obj *o)
{
	free(o->buf);
	if (o->img)
		cairo_surface_destroy(o->img);
	memset(o, 0, sizeof *o);
}

void
mf_emfplus_free(mfp *m)
{
	if (!m)
		return;
	for (int i = 0; i < MFP_OBJECTS; i++)
		obj_clear(&m->objs[i]);
	clip_clear(&m->st.clip);
	for (uint32_t i = 0; i < m->n_stack; i++)
		clip_clear(&m->stack[i].clip);
	free(m->stack);
	if (m->bracket)
		cairo_path_destroy(m->bracket);
	free(m);
}

static void
unsupported(mfp *m, const char *what)
{
	mf_unsupported(m->pl, what);
}

/* Device pixels per page unit. */
static double
unit_px(int unit, double dpi)
{
	switch (unit) {
	case 3: return dpi / 72;      /* point */
	case 4: return dpi;           /* inch */
	case 5: return dpi / 300;     /* document */
	case 6: return dpi / 25.4;    /* millimetre */
	default: return 1;            /* world, display, pixel */
	}
}

/* EMF+ device pixels -> cr's device space. They are the EMF's device
 * units (a corpus chart's first clip rectangle is the EMF's rclBounds);
 * the header's resolution only converts the physical page units. */
static void
device_matrix(const mfp *m, cairo_matrix_t *out)
{
	*out = m->pl->base;
}

/* World units -> cr's device space. */
static void
world_matrix(const mfp *m, cairo_matrix_t *out)
{
	cairo_matrix_t page, dev, t;

	cairo_matrix_init_scale(&page, unit_px(m->st.unit, m->dpi_x) * m->st.scale,
	                        unit_px(m->st.unit, m->dpi_y) * m->st.scale);
	device_matrix(m, &dev);
	cairo_matrix_multiply(&t, &m->st.world, &m->st.cont);
	cairo_matrix_multiply(&t, &t, &page);
	cairo_matrix_multiply(out, &t, &dev);
}

/* Put @mat on cr if cairo can use it; -1 (noted) otherwise. */
static int
use_matrix(mfp *m, const cairo_matrix_t *mat)
{
	cairo_matrix_t inv = *mat;

	if (!mf_matrix_in_range(mat) ||
	    cairo_matrix_invert(&inv) != CAIRO_STATUS_SUCCESS) {
		unsupported(m, "EMF+ singular or out-of-range transform");
		return -1;
	}
	cairo_set_matrix(m->cr, mat);
	return 0;
}

static int
use_world(mfp *m)
{
	cairo_matrix_t mat;

	world_matrix(m, &mat);
	return use_matrix(m, &mat);
}

/* The clip steps onto cr (device space). */
static void
clip_apply(mfp *m, const mfp_clip *c)
{
	cairo_t *cr = m->cr;

	cairo_identity_matrix(cr);
	for (uint32_t i = 0; i < c->n; i++) {
		cairo_new_path(cr);
		if (c->s[i]->exclude) {
			cairo_rectangle(cr, -2e6, -2e6, 4e6, 4e6);
			cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
		} else {
			cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
		}
		cairo_append_path(cr, c->s[i]->path);
		cairo_clip(cr);
	}
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
}

/* Start one drawing operation: cr saved, EMF+ clip on, world matrix,
 * empty path. -1 when nothing can be drawn. */
static int
op_begin(mfp *m)
{
	cairo_t *cr = m->cr;

	if (m->st.clip.empty || m->pl->stopped)
		return -1;
	if (m->pl->in_path && !m->bracket) {
		/* a GDI path bracket in progress (GetDC) survives EMF+ */
		cairo_save(cr);
		cairo_identity_matrix(cr);
		m->bracket = cairo_copy_path(cr);
		cairo_restore(cr);
	}
	cairo_save(cr);
	cairo_reset_clip(cr);
	clip_apply(m, &m->st.clip);
	cairo_new_path(cr);
	cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
	cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
	if (use_world(m)) {
		cairo_restore(cr);
		return -1;
	}
	return 0;
}

static void
op_end(mfp *m)
{
	cairo_new_path(m->cr);
	cairo_restore(m->cr);
	if (m->bracket) {
		cairo_save(m->cr);
		cairo_identity_matrix(m->cr);
		cairo_append_path(m->cr, m->bracket);
		cairo_restore(m->cr);
		cairo_path_destroy(m->bracket);
		m->bracket = NULL;
	}
}

/* ---- colours, brushes, pens ---- */

static void
set_argb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgba(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0,
	                      (c & 255) / 255.0, (c >> 24) / 255.0);
}

static void
stop_argb(cairo_pattern_t *pat, double at, uint32_t c)
{
	cairo_pattern_add_color_stop_rgba(pat, at, ((c >> 16) & 255) / 255.0,
	                                  ((c >> 8) & 255) / 255.0,
	                                  (c & 255) / 255.0, (c >> 24) / 255.0);
}

static uint32_t
argb_mix(uint32_t a, uint32_t b, double t)
{
	uint32_t out = 0;

	if (!(t >= 0)) t = 0;
	if (t > 1) t = 1;
	for (int sh = 0; sh < 32; sh += 8) {
		double ca = (a >> sh) & 255, cb = (b >> sh) & 255;
		out |= (uint32_t) lround(ca + (cb - ca) * t) << sh;
	}
	return out;
}

static mfp_obj *
obj_get(mfp *m, uint32_t id, int type)
{
	mfp_obj *o;

	if (id >= MFP_OBJECTS)
		return NULL;
	o = &m->objs[id];
	return o->type == type && !o->want ? o : NULL;
}

/* The six GDI+ hatches that are GDI's: an 8x8 tile in device pixels. */
static cairo_surface_t *
hatch_tile(uint32_t style, uint32_t fore, uint32_t back)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
	cairo_t *t = cairo_create(s);

	set_argb(t, back);
	cairo_paint(t);
	set_argb(t, fore);
	cairo_set_line_width(t, 1);
	cairo_set_antialias(t, CAIRO_ANTIALIAS_NONE);
	if (style == 0 || style == 4) {                /* horizontal, cross */
		cairo_rectangle(t, 0, 3, 8, 1);
		cairo_fill(t);
	}
	if (style == 1 || style == 4) {                /* vertical, cross */
		cairo_rectangle(t, 3, 0, 1, 8);
		cairo_fill(t);
	}
	for (int i = 0; i < 8; i++) {
		if (style == 2 || style == 5)              /* forward diagonal */
			cairo_rectangle(t, i, i, 1, 1);
		if (style == 3 || style == 5)              /* backward diagonal */
			cairo_rectangle(t, 7 - i, i, 1, 1);
	}
	cairo_fill(t);
	cairo_destroy(t);
	return s;
}

/* A linear gradient brush (@p after Version and Type, @n bytes) as a
 * pattern in world space; NULL when broken. */
static cairo_pattern_t *
linear_gradient(mfp *m, const unsigned char *p, size_t n)
{
	uint32_t flags, c0, c1;
	double x, y, w;
	int wrap;
	size_t off = 40;
	cairo_pattern_t *pat;
	cairo_matrix_t xf;

	if (n < 40)
		return NULL;
	flags = mf_u32(p);
	wrap = mf_i32(p + 4);
	x = f32(p + 8);
	y = f32(p + 12);
	w = f32(p + 16);
	c0 = mf_u32(p + 24);
	c1 = mf_u32(p + 28);
	if (!sane(x) || !sane(y) || !sane(w) || w == 0)
		return NULL;
	cairo_matrix_init_identity(&xf);
	if (flags & 0x02) {        /* BrushDataTransform */
		if (n < off + 24)
			return NULL;
		cairo_matrix_init(&xf, f32(p + off), f32(p + off + 4), f32(p + off + 8),
		                  f32(p + off + 12), f32(p + off + 16), f32(p + off + 20));
		off += 24;
		if (!mf_matrix_in_range(&xf))
			return NULL;
	}
	pat = cairo_pattern_create_linear(x, y, x + w, y);
	if (flags & 0x04) {        /* preset colours */
		uint32_t k = off + 4 <= n ? mf_u32(p + off) : 0;
		if (k < 2 || k > MFP_MAX_STOPS || (n - off - 4) / 8 < k) {
			cairo_pattern_destroy(pat);
			return NULL;
		}
		for (uint32_t i = 0; i < k; i++) {
			double at = f32(p + off + 4 + 4 * i);
			stop_argb(pat, isfinite(at) ? fmin(fmax(at, 0), 1) : 0,
			          mf_u32(p + off + 4 + 4 * k + 4 * i));
		}
	} else if (flags & 0x08) { /* blend factors along the gradient */
		uint32_t k = off + 4 <= n ? mf_u32(p + off) : 0;
		if (k < 2 || k > MFP_MAX_STOPS || (n - off - 4) / 8 < k) {
			cairo_pattern_destroy(pat);
			return NULL;
		}
		for (uint32_t i = 0; i < k; i++) {
			double at = f32(p + off + 4 + 4 * i);
			stop_argb(pat, isfinite(at) ? fmin(fmax(at, 0), 1) : 0,
			          argb_mix(c0, c1, f32(p + off + 4 + 4 * k + 4 * i)));
		}
	} else {
		stop_argb(pat, 0, c0);
		stop_argb(pat, 1, c1);
	}
	switch (wrap) {
	case 0: cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT); break;
	case 4: cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD); break;
	default: cairo_pattern_set_extend(pat, CAIRO_EXTEND_REFLECT); break;
	}
	if (cairo_matrix_invert(&xf) != CAIRO_STATUS_SUCCESS) {
		cairo_pattern_destroy(pat);
		return NULL;
	}
	cairo_pattern_set_matrix(pat, &xf);
	(void) m;
	return pat;
}

/* cr's source from an EmfPlusBrush object's bytes (@p at its Version);
 * cr's matrix is the world one. -1 (noted) when it cannot be painted. */
static int
brush_bytes(mfp *m, const unsigned char *p, size_t n)
{
	cairo_t *cr = m->cr;
	cairo_pattern_t *pat = NULL;
	uint32_t type;

	if (n < 12) {
		mf_note(m->pl, "EMF+ brush broken");
		return -1;
	}
	type = mf_u32(p + 4);
	switch (type) {
	case 0:
		set_argb(cr, mf_u32(p + 8));
		return 0;
	case 1: {
		cairo_surface_t *tile;
		cairo_matrix_t ctm;
		if (n < 20 || mf_u32(p + 8) > 5)
			break;
		tile = hatch_tile(mf_u32(p + 8), mf_u32(p + 12), mf_u32(p + 16));
		pat = cairo_pattern_create_for_surface(tile);
		cairo_surface_destroy(tile);
		cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
		cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
		/* hatches are in device pixels */
		cairo_get_matrix(cr, &ctm);
		cairo_pattern_set_matrix(pat, &ctm);
		break;
	}
	case 4:
		pat = linear_gradient(m, p + 8, n - 8);
		if (!pat)
			mf_note(m->pl, "EMF+ linear gradient broken");
		break;
	default: break;
	}
	if (!pat) {
		if (type != 4) {
			char name[48];
			snprintf(name, sizeof name, "EMF+ brush type %u", type);
			unsupported(m, name);
		}
		return -1;
	}
	cairo_set_source(cr, pat);
	cairo_pattern_destroy(pat);
	return 0;
}

/* A record's brush: an inline ARGB colour (S flag) or a brush object. */
static int
brush_source(mfp *m, int solid, uint32_t v)
{
	mfp_obj *o;

	if (solid) {
		set_argb(m->cr, v);
		return 0;
	}
	o = obj_get(m, v, OT_BRUSH);
	if (!o) {
		mf_note(m->pl, "EMF+ brush %u missing", v);
		return -1;
	}
	return brush_bytes(m, o->p, o->n);
}

/* Skip @k optional 32-bit fields, or a counted float array, in pen data. */
static int
pen_skip(size_t *off, size_t n, const unsigned char *p, int counted)
{
	if (*off + 4 > n)
		return -1;
	if (counted) {
		uint32_t k = mf_u32(p + *off);
		if (k > (n - *off - 4) / 4)
			return -1;
		*off += 4 + (size_t) k * 4;
	} else {
		*off += 4;
	}
	return 0;
}

static cairo_line_cap_t
line_cap(int32_t c)
{
	switch (c) {
	case 1: return CAIRO_LINE_CAP_SQUARE;
	case 2: return CAIRO_LINE_CAP_ROUND;
	default: return CAIRO_LINE_CAP_BUTT;
	}
}

/*
 * Stroke cr's path (built in world space) with the pen object @id. The
 * width is in the pen's unit: world units go through the world
 * transform, the others are absolute device sizes. Lines come out at
 * least one output pixel wide, as GDI+ draws them.
 */
static void
stroke_with(mfp *m, uint32_t id)
{
	cairo_t *cr = m->cr;
	mfp_obj *o = obj_get(m, id, OT_PEN);
	const unsigned char *p;
	size_t n, off = 20;
	uint32_t flags, unit;
	double w, dash[16], dx, dy;
	int n_dash = 0, style = 0;
	int32_t cap = 0;
	cairo_line_join_t join = CAIRO_LINE_JOIN_MITER;
	double miter = 10;

	if (!o || o->n < 20) {
		mf_note(m->pl, "EMF+ pen %u missing", id);
		return;
	}
	p = o->p;
	n = o->n;
	flags = mf_u32(p + 8);
	unit = mf_u32(p + 12);
	w = f32(p + 16);
	if (!sane(w) || w < 0)
		return;
	if (flags & 0x01) {                        /* transform: ignored */
		if (off + 24 > n)
			return;
		off += 24;
		unsupported(m, "EMF+ pen transform");
	}
	if (flags & 0x02) {
		if (off + 4 > n) return;
		cap = mf_i32(p + off);
		off += 4;
	}
	if ((flags & 0x04) && pen_skip(&off, n, p, 0)) return;  /* end cap */
	if (flags & 0x08) {
		if (off + 4 > n) return;
		switch (mf_i32(p + off)) {
		case 1: join = CAIRO_LINE_JOIN_BEVEL; break;
		case 2: join = CAIRO_LINE_JOIN_ROUND; break;
		default: join = CAIRO_LINE_JOIN_MITER; break;
		}
		off += 4;
	}
	if (flags & 0x10) {
		if (off + 4 > n) return;
		miter = f32(p + off);
		off += 4;
	}
	if (flags & 0x20) {
		if (off + 4 > n) return;
		style = mf_i32(p + off);
		off += 4;
	}
	if ((flags & 0x40) && pen_skip(&off, n, p, 0)) return;  /* dash cap */
	if ((flags & 0x80) && pen_skip(&off, n, p, 0)) return;  /* dash offset */
	if (flags & 0x100) {                                      /* custom dashes */
		uint32_t k;
		if (off + 4 > n) return;
		k = mf_u32(p + off);
		if (k > (n - off - 4) / 4) return;
		for (uint32_t i = 0; i < k && i < 16; i++) {
			double d = f32(p + off + 4 + 4 * i);
			dash[i] = sane(d) && d > 0 ? d : 0.1;
		}
		if (style == 5)
			n_dash = k < 16 ? (int) k : 16;
		off += 4 + (size_t) k * 4;
	}
	if ((flags & 0x200) && pen_skip(&off, n, p, 0)) return;  /* alignment */
	if (flags & 0x400) {                                        /* compound */
		size_t at = off;
		if (pen_skip(&off, n, p, 1)) return;
		/* 0, 1 is the whole width: an ordinary line */
		if (mf_u32(p + at) != 2 || f32(p + at + 4) != 0 || f32(p + at + 8) != 1)
			unsupported(m, "EMF+ compound line");
	}
	for (uint32_t bit = 0x800; bit <= 0x1000; bit <<= 1) {   /* custom caps */
		if (flags & bit) {
			uint32_t k;
			if (off + 4 > n) return;
			k = mf_u32(p + off);
			if (k > n - off - 4) return;
			off += 4 + k;
			unsupported(m, "EMF+ custom line cap");
		}
	}
	if (brush_bytes(m, p + off, n - off))
		return;
	switch (style) {
	case 1: dash[0] = 3; dash[1] = 1; n_dash = 2; break;
	case 2: dash[0] = 1; dash[1] = 1; n_dash = 2; break;
	case 3: dash[0] = 3; dash[1] = dash[2] = dash[3] = 1; n_dash = 4; break;
	case 4:
		dash[0] = 3;
		for (int i = 1; i < 6; i++)
			dash[i] = 1;
		n_dash = 6;
		break;
	default: break;
	}
	if (unit != 0 && unit != 1) {
		/* an absolute width: stroke in EMF+ device pixels */
		cairo_matrix_t dev;
		device_matrix(m, &dev);
		if (use_matrix(m, &dev))
			return;
		w *= unit_px((int) unit, m->dpi_x);
	}
	dx = w;
	dy = 0;
	cairo_user_to_device_distance(cr, &dx, &dy);
	if (hypot(dx, dy) < 1) {
		cairo_identity_matrix(cr);
		w = 1;
	}
	for (int i = 0; i < n_dash; i++)
		dash[i] *= w;
	cairo_set_dash(cr, dash, n_dash, 0);
	cairo_set_line_width(cr, w);
	cairo_set_line_cap(cr, n_dash ? CAIRO_LINE_CAP_BUTT : line_cap(cap));
	cairo_set_line_join(cr, join);
	cairo_set_miter_limit(cr, sane(miter) && miter >= 1 ? miter : 10);
	cairo_stroke_preserve(cr);
}

/* Fill or stroke cr's path, after the range check. */
enum { FILL, STROKE };

static void
paint_path(mfp *m, int how, int solid, uint32_t v)
{
	if (!mf_path_in_range(m->cr)) {
		unsupported(m, "EMF+ shapes out of range");
		return;
	}
	if (how == STROKE) {
		stroke_with(m, v);
	} else if (brush_source(m, solid, v) == 0) {
		cairo_fill_preserve(m->cr);
	}
}

/* ---- points, paths, regions ---- */

/* Points of a record or path (@count of them at @p, @avail bytes) into
 * a new array of 2 * @count doubles; *@used: their bytes. NULL when the
 * points do not fit or are not numbers. */
static double *
read_points(mfp *m, const unsigned char *p, size_t avail, uint32_t count,
            uint32_t flags, size_t *used)
{
	double *xy;
	size_t off = 0;

	if (count == 0 || count > MFP_MAX_POINTS || mf_work(m->pl, count))
		return NULL;
	if (!(flags & F_RELATIVE) && avail / ((flags & F_COMPRESSED) ? 4 : 8) < count)
		return NULL;
	xy = s2p_malloc_array((size_t) count * 2, sizeof *xy);
	if (!xy)
		return NULL;
	for (uint32_t i = 0; i < count * 2; i++) {
		double v;
		if (flags & F_RELATIVE) {
			/* EmfPlusPointR: 7-bit or 15-bit signed, from the
			 * previous point */
			int32_t d;
			if (off >= avail)
				goto broken;
			if (p[off] & 0x80) {
				if (off + 2 > avail)
					goto broken;
				d = (p[off] & 0x7F) << 8 | p[off + 1];
				if (d & 0x4000)
					d -= 0x8000;
				off += 2;
			} else {
				d = p[off] & 0x7F;
				if (d & 0x40)
					d -= 0x80;
				off += 1;
			}
			v = (i >= 2 ? xy[i - 2] : 0) + d;
		} else if (flags & F_COMPRESSED) {
			v = mf_i16(p + 2 * (size_t) i);
			off += 2;
		} else {
			v = f32(p + 4 * (size_t) i);
			off += 4;
			if (!sane(v))
				goto broken;
		}
		xy[i] = v;
	}
	*used = off;
	return xy;
broken:
	free(xy);
	return NULL;
}

/* Append an EmfPlusPath object (@p at its Version) to cr's path. */
static int
path_build(mfp *m, const unsigned char *p, size_t n)
{
	cairo_t *cr = m->cr;
	uint32_t count, flags;
	size_t used;
	double *xy;
	unsigned char *types;
	const unsigned char *tp;

	if (n < 12)
		return -1;
	count = mf_u32(p + 4);
	flags = mf_u32(p + 8);
	if (count == 0)
		return 0;
	xy = read_points(m, p + 12, n - 12, count, flags & (F_COMPRESSED | F_RELATIVE),
	                 &used);
	if (!xy)
		return -1;
	tp = p + 12 + used;
	n -= 12 + used;
	types = malloc(count);
	if (!types) {
		free(xy);
		return -1;
	}
	if (flags & PPF_RLE) {
		/* (bezier bit, run count) then the type, per run */
		uint32_t at = 0;
		for (size_t i = 0; i + 2 <= n && at < count; i += 2) {
			uint32_t run = tp[i] & 0x3F;
			for (uint32_t k = 0; k < run && at < count; k++)
				types[at++] = tp[i + 1];
		}
		if (at < count) {
			free(types);
			free(xy);
			return -1;
		}
	} else {
		if (n < count) {
			free(types);
			free(xy);
			return -1;
		}
		memcpy(types, tp, count);
	}
	for (uint32_t i = 0; i < count; i++) {
		int t = types[i] & 0x07;
		if (t == 0 || !cairo_has_current_point(cr)) {
			cairo_move_to(cr, xy[2 * i], xy[2 * i + 1]);
		} else if (t == 3 && i + 2 < count) {
			cairo_curve_to(cr, xy[2 * i], xy[2 * i + 1], xy[2 * i + 2],
			               xy[2 * i + 3], xy[2 * i + 4], xy[2 * i + 5]);
			i += 2;
		} else {
			cairo_line_to(cr, xy[2 * i], xy[2 * i + 1]);
		}
		if (types[i] & 0x80)
			cairo_close_path(cr);
	}
	free(types);
	free(xy);
	return 0;
}

/*
 * A region tree as clip steps: rectangles and paths intersected (And),
 * a leaf subtracted (Exclude), infinite adds nothing, empty empties.
 * Unions, xors and complements cannot be a cairo clip: the region then
 * clips nothing (draws more, never less) and is reported.
 * @p/@n: the nodes from *@off; cr's matrix is the world one.
 */
typedef struct region_walk {
	mfp *m;
	const unsigned char *p;
	size_t n, off;
	int nodes;
	mfp_clip *out;
	int failed;
} region_walk;

static int step_add(mfp *m, mfp_clip *c, int exclude);

static void
region_node(region_walk *w, int depth, int exclude)
{
	uint32_t type;
	cairo_t *cr = w->m->cr;

	if (w->failed || w->off + 4 > w->n || ++w->nodes > MFP_REGION_NODES ||
	    depth > 16) {
		w->failed = 1;
		return;
	}
	type = mf_u32(w->p + w->off);
	w->off += 4;
	switch (type) {
	case 1: case 4:            /* And, Exclude */
		if (exclude) {           /* a union of outsides: not a clip */
			w->failed = 2;
			return;
		}
		region_node(w, depth + 1, exclude);
		region_node(w, depth + 1, type == 4);
		return;
	case 0x10000000: {         /* rectangle */
		double x, y, rw, rh;
		if (w->off + 16 > w->n) {
			w->failed = 1;
			return;
		}
		x = f32(w->p + w->off);
		y = f32(w->p + w->off + 4);
		rw = f32(w->p + w->off + 8);
		rh = f32(w->p + w->off + 12);
		w->off += 16;
		if (!sane(x) || !sane(y) || !sane(rw) || !sane(rh)) {
			w->failed = 1;
			return;
		}
		cairo_new_path(cr);
		cairo_rectangle(cr, x, y, rw, rh);
		break;
	}
	case 0x10000001: {         /* path: size, then the path */
		uint32_t len;
		if (w->off + 4 > w->n) {
			w->failed = 1;
			return;
		}
		len = mf_u32(w->p + w->off);
		w->off += 4;
		if (len > w->n - w->off) {
			w->failed = 1;
			return;
		}
		cairo_new_path(cr);
		if (path_build(w->m, w->p + w->off, len)) {
			w->failed = 1;
			return;
		}
		w->off += len;
		break;
	}
	case 0x10000002:           /* empty */
		if (!exclude)
			w->out->empty = 1;
		return;
	case 0x10000003:           /* infinite */
		if (exclude)
			w->out->empty = 1;
		return;
	default:                   /* Or, Xor, Complement, unknown */
		w->failed = 2;
		return;
	}
	if (step_add(w->m, w->out, exclude))
		w->failed = 1;
}

/* Clip steps of the region object @id into @out; -1 when broken, -2
 * when it is not an intersection of shapes (both reported). */
static int
region_steps(mfp *m, uint32_t id, mfp_clip *out)
{
	mfp_obj *o = obj_get(m, id, OT_REGION);
	region_walk w = { m, NULL, 0, 8, 0, out, 0 };

	if (!o || o->n < 8) {
		mf_note(m->pl, "EMF+ region %u missing", id);
		return -1;
	}
	w.p = o->p;
	w.n = o->n;
	region_node(&w, 0, 0);
	if (w.failed == 2)
		unsupported(m, "EMF+ region union/xor/complement");
	else if (w.failed)
		mf_note(m->pl, "EMF+ region broken");
	return w.failed == 2 ? -2 : w.failed ? -1 : 0;
}

/* cr's current path (world space) as a new clip step of @c. */
static int
step_add(mfp *m, mfp_clip *c, int exclude)
{
	cairo_t *cr = m->cr;
	mfp_step *s;
	cairo_matrix_t keep;

	if (!mf_path_in_range(cr)) {
		unsupported(m, "EMF+ clip out of range");
		return -1;
	}
	if (c->n >= MFP_CLIP_STEPS) {
		mf_note(m->pl, "EMF+ clip over %d steps", MFP_CLIP_STEPS);
		return -1;
	}
	s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	cairo_get_matrix(cr, &keep);
	cairo_identity_matrix(cr);
	s->path = cairo_copy_path(cr);
	cairo_set_matrix(cr, &keep);
	cairo_new_path(cr);
	if (s->path->status != CAIRO_STATUS_SUCCESS) {
		cairo_path_destroy(s->path);
		free(s);
		return -1;
	}
	s->refs = 1;
	s->exclude = exclude;
	c->s[c->n++] = s;
	return 0;
}

/* Combine the clip with @add (steps made for it) in mode @mode. */
static void
clip_combine(mfp *m, mfp_clip *add, int mode)
{
	mfp_clip *c = &m->st.clip;

	switch (mode) {
	case 0:                    /* replace */
		clip_clear(c);
		*c = *add;
		return;
	case 1:                    /* intersect */
		if (add->empty)
			c->empty = 1;
		for (uint32_t i = 0; i < add->n; i++) {
			if (c->n < MFP_CLIP_STEPS)
				c->s[c->n++] = add->s[i];
			else
				step_unref(add->s[i]);
		}
		return;
	case 4:                    /* exclude: only a single path or rect */
		if (add->n == 1 && !add->s[0]->exclude && !add->empty) {
			add->s[0]->exclude = 1;
			clip_combine(m, add, 1);
			return;
		}
		if (add->empty && add->n == 0)
			return;
		break;
	default: break;
	}
	/* union, xor, complement: drawn unclipped by this one */
	unsupported(m, "EMF+ clip union/xor/complement");
	clip_clear(add);
	if (mode == 2 || mode == 3)
		clip_clear(c);
}

/* ---- records ---- */

/* Rectangles of FillRects/DrawRects/clip: float or 16-bit x, y, w, h. */
static int
rect_at(const prec *r, size_t off, uint32_t i, int small, double v[4])
{
	size_t at = off + (size_t) i * (small ? 8 : 16);

	if (!has(r, at, small ? 8 : 16))
		return -1;
	for (int k = 0; k < 4; k++)
		v[k] = small ? mf_i16(r->d + at + 2 * k) : f32(r->d + at + 4 * k);
	for (int k = 0; k < 4; k++)
		if (!sane(v[k]))
			return -1;
	return 0;
}

static void
rects(mfp *m, const prec *r, int how)
{
	uint32_t count, brush;
	int small = r->flags & F_COMPRESSED;
	size_t off = how == FILL ? 8 : 4;

	if (!has(r, 0, off))
		return;
	brush = how == FILL ? mf_u32(r->d) : r->flags & 0xFF;
	count = mf_u32(r->d + off - 4);
	if (count > (r->n - off) / (small ? 8 : 16) || mf_work(m->pl, count))
		return;
	if (op_begin(m))
		return;
	for (uint32_t i = 0; i < count; i++) {
		double v[4];
		if (rect_at(r, off, i, small, v))
			break;
		cairo_rectangle(m->cr, v[0], v[1], v[2], v[3]);
	}
	paint_path(m, how, how == FILL && (r->flags & F_SOLID), brush);
	op_end(m);
}

/* FillPolygon, DrawLines, DrawBeziers. */
enum { POLY_FILL, POLY_LINES, POLY_BEZIERS };

static void
poly(mfp *m, const prec *r, int kind)
{
	size_t off = kind == POLY_FILL ? 8 : 4, used;
	uint32_t count;
	double *xy;

	if (!has(r, 0, off))
		return;
	count = mf_u32(r->d + off - 4);
	xy = read_points(m, r->d + off, r->n - off, count,
	                 r->flags & (F_COMPRESSED | F_RELATIVE), &used);
	if (!xy)
		return;
	if (op_begin(m) == 0) {
		cairo_t *cr = m->cr;
		cairo_move_to(cr, xy[0], xy[1]);
		for (uint32_t i = 1; i < count; i++) {
			if (kind == POLY_BEZIERS && i + 2 < count) {
				cairo_curve_to(cr, xy[2 * i], xy[2 * i + 1], xy[2 * i + 2],
				               xy[2 * i + 3], xy[2 * i + 4], xy[2 * i + 5]);
				i += 2;
			} else {
				cairo_line_to(cr, xy[2 * i], xy[2 * i + 1]);
			}
		}
		/* DrawLines' L flag (0x2000): a closed polyline */
		if (kind == POLY_FILL || (kind == POLY_LINES && (r->flags & 0x2000)))
			cairo_close_path(cr);
		if (kind == POLY_FILL)
			paint_path(m, FILL, r->flags & F_SOLID, mf_u32(r->d));
		else
			paint_path(m, STROKE, 0, r->flags & 0xFF);
		op_end(m);
	}
	free(xy);
}

/* FillEllipse/DrawEllipse/FillPie/DrawPie/DrawArc: [brush,] [angles,]
 * rectangle. */
static void
ellipse(mfp *m, const prec *r, int fill, int angles, int pie)
{
	size_t off = (fill ? 4 : 0) + (angles ? 8 : 0);
	int small = r->flags & F_COMPRESSED;
	double v[4], a0 = 0, sw = 360;
	cairo_t *cr = m->cr;

	if (rect_at(r, off, 0, small, v))
		return;
	if (angles) {
		a0 = f32(r->d + off - 8);
		sw = f32(r->d + off - 4);
		if (!sane(a0) || !sane(sw))
			return;
		sw = fmax(-360, fmin(360, sw));
	}
	if (v[2] == 0 || v[3] == 0 || op_begin(m))
		return;
	cairo_save(cr);
	cairo_translate(cr, v[0] + v[2] / 2, v[1] + v[3] / 2);
	cairo_scale(cr, v[2] / 2, v[3] / 2);
	if (!angles) {
		cairo_arc(cr, 0, 0, 1, 0, 2 * MFP_PI);
		cairo_close_path(cr);
	} else {
		/* angles in degrees, clockwise in y-down space */
		double s = a0 * MFP_PI / 180, e = (a0 + sw) * MFP_PI / 180;
		if (pie)
			cairo_move_to(cr, 0, 0);
		if (sw >= 0)
			cairo_arc(cr, 0, 0, 1, s, e);
		else
			cairo_arc_negative(cr, 0, 0, 1, s, e);
		if (pie)
			cairo_close_path(cr);
	}
	cairo_restore(cr);   /* back to world space, the path stays */
	if (fill)
		paint_path(m, FILL, r->flags & F_SOLID, mf_u32(r->d));
	else
		paint_path(m, STROKE, 0, r->flags & 0xFF);
	op_end(m);
}

static void
path_record(mfp *m, const prec *r, int how)
{
	mfp_obj *o = obj_get(m, r->flags & 0xFF, OT_PATH);

	if (!o) {
		mf_note(m->pl, "EMF+ path %u missing", r->flags & 0xFF);
		return;
	}
	if (!has(r, 0, 4) || op_begin(m))
		return;
	if (path_build(m, o->p, o->n) == 0)
		paint_path(m, how, how == FILL && (r->flags & F_SOLID), mf_u32(r->d));
	else
		mf_note(m->pl, "EMF+ path broken");
	op_end(m);
}

static void
fill_region(mfp *m, const prec *r)
{
	mfp_clip rc = { 0 };

	if (!has(r, 0, 4))
		return;
	if (op_begin(m))
		return;
	if (!region_steps(m, r->flags & 0xFF, &rc) && !rc.empty) {
		clip_apply(m, &rc);
		if (use_world(m) == 0 &&
		    brush_source(m, r->flags & F_SOLID, mf_u32(r->d)) == 0)
			cairo_paint(m->cr);
	}
	clip_clear(&rc);
	op_end(m);
}

/* ---- images ---- */

/* Pixel formats of uncompressed EmfPlusBitmaps. */
#define PF_32ARGB 0x0026200A
#define PF_32PARGB 0x000E200B
#define PF_32RGB 0x00022009
#define PF_24RGB 0x00021808

static cairo_surface_t *
bitmap_pixels(mfp *m, const unsigned char *p, size_t n, int32_t w, int32_t h,
              int32_t stride, uint32_t fmt)
{
	int bpp = fmt == PF_24RGB ? 3 : 4;
	cairo_surface_t *s;
	unsigned char *dst;
	int ds;

	if (fmt != PF_32ARGB && fmt != PF_32PARGB && fmt != PF_32RGB &&
	    fmt != PF_24RGB) {
		char name[48];
		snprintf(name, sizeof name, "EMF+ bitmap pixel format 0x%08X", fmt);
		unsupported(m, name);
		return NULL;
	}
	if (stride < (int64_t) w * bpp || (uint64_t) stride * (uint64_t) h > n)
		return NULL;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	dst = cairo_image_surface_get_data(s);
	ds = cairo_image_surface_get_stride(s);
	for (int32_t y = 0; y < h; y++) {
		const unsigned char *src = p + (size_t) y * (size_t) stride;
		uint32_t *row = (uint32_t *) (void *) (dst + (size_t) y * (size_t) ds);
		for (int32_t x = 0; x < w; x++) {
			const unsigned char *q = src + (size_t) x * bpp;
			uint32_t a = bpp == 4 && fmt != PF_32RGB ? q[3] : 255;
			uint32_t r = q[2], g = q[1], b = q[0];
			if (fmt == PF_32ARGB) {   /* cairo wants premultiplied */
				r = r * a / 255;
				g = g * a / 255;
				b = b * a / 255;
			}
			row[x] = a << 24 | r << 16 | g << 8 | b;
		}
	}
	cairo_surface_mark_dirty(s);
	return s;
}

/* The image object @id decoded (cached in the object); NULL, noted. */
static cairo_surface_t *
image_get(mfp *m, uint32_t id)
{
	mfp_obj *o = obj_get(m, id, OT_IMAGE);
	const unsigned char *p;
	int32_t w, h;

	if (!o) {
		mf_note(m->pl, "EMF+ image %u missing", id);
		return NULL;
	}
	if (o->img_tried)
		return o->img;
	o->img_tried = 1;
	p = o->p;
	if (o->n < 28 || mf_u32(p + 4) != 1) {
		unsupported(m, "EMF+ metafile image");
		return NULL;
	}
	w = mf_i32(p + 8);
	h = mf_i32(p + 12);
	if (mf_u32(p + 24) == 1) {
		o->img = mf_png_decode(m->pl, p + 28, o->n - 28);
		return o->img;
	}
	if (w <= 0 || h <= 0 || w > 65535 || h > 65535 ||
	    (uint64_t) w * (uint64_t) h > m->pl->lim->max_bitmap_pixels ||
	    mf_work(m->pl, (uint64_t) w * (uint64_t) h)) {
		mf_note(m->pl, "EMF+ bitmap over the size limit");
		return NULL;
	}
	o->img = bitmap_pixels(m, p + 28, o->n - 28, w, h, mf_i32(p + 16),
	                       mf_u32(p + 20));
	if (!o->img)
		mf_note(m->pl, "EMF+ bitmap broken");
	return o->img;
}

/* Draw source rectangle @src of image @id onto the parallelogram @pt
 * (upper-left, upper-right, lower-left; world space). */
static void
image_draw(mfp *m, uint32_t id, const double src[4], const double pt[6])
{
	cairo_surface_t *img = image_get(m, id);
	cairo_t *cr = m->cr;
	cairo_matrix_t to, world;
	cairo_pattern_t *pat;

	if (!img || !(src[2] != 0) || !(src[3] != 0))
		return;
	if (op_begin(m))
		return;
	/* unit square -> parallelogram, then the world */
	cairo_matrix_init(&to, pt[2] - pt[0], pt[3] - pt[1], pt[4] - pt[0],
	                  pt[5] - pt[1], pt[0], pt[1]);
	cairo_get_matrix(cr, &world);
	cairo_matrix_multiply(&to, &to, &world);
	cairo_matrix_scale(&to, 1 / src[2], 1 / src[3]);
	cairo_matrix_translate(&to, -src[0], -src[1]);
	if (use_matrix(m, &to) == 0) {
		cairo_rectangle(cr, src[0], src[1], src[2], src[3]);
		if (mf_path_in_range(cr)) {
			cairo_clip(cr);
			pat = cairo_pattern_create_for_surface(img);
			cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
			cairo_pattern_set_filter(pat, CAIRO_FILTER_GOOD);
			cairo_set_source(cr, pat);
			cairo_paint(cr);
			cairo_pattern_destroy(pat);
		} else {
			unsupported(m, "EMF+ image out of range");
		}
	}
	op_end(m);
}

/* DrawImage (rectangle) and DrawImagePoints (three points). */
static void
draw_image(mfp *m, const prec *r, int points)
{
	double src[4], pt[6];
	int small = r->flags & F_COMPRESSED;

	if (!has(r, 0, 24))
		return;
	/* ImageAttributesID (4), SrcUnit (4), SrcRect (16) */
	for (int k = 0; k < 4; k++) {
		src[k] = f32(r->d + 8 + 4 * k);
		if (!sane(src[k]))
			return;
	}
	if (mf_i32(r->d + 4) != 2)
		unsupported(m, "EMF+ image source unit");
	if (points) {
		size_t used;
		double *xy;
		if (!has(r, 24, 4) || mf_u32(r->d + 24) != 3)
			return;
		xy = read_points(m, r->d + 28, r->n - 28, 3,
		                 r->flags & (F_COMPRESSED | F_RELATIVE), &used);
		if (!xy)
			return;
		memcpy(pt, xy, sizeof pt);
		free(xy);
	} else {
		double v[4];
		if (rect_at(r, 24, 0, small, v))
			return;
		pt[0] = v[0]; pt[1] = v[1];
		pt[2] = v[0] + v[2]; pt[3] = v[1];
		pt[4] = v[0]; pt[5] = v[1] + v[3];
	}
	image_draw(m, r->flags & 0xFF, src, pt);
}

static int matrix_at(const prec *r, cairo_matrix_t *mat);

/* ---- text ---- */

/* @n UTF-16 units at @p (unaligned) as a new UTF-8 string; lone
 * surrogates become U+FFFD, a NUL ends the text. */
static char *
utf16_to_utf8(const unsigned char *p, uint32_t n, size_t *len)
{
	char *out = malloc((size_t) n * 3 + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t c = mf_u16(p + 2 * (size_t) i);
		if (c >= 0xD800 && c < 0xDC00 && i + 1 < n &&
		    mf_u16(p + 2 * (size_t) i + 2) >= 0xDC00 &&
		    mf_u16(p + 2 * (size_t) i + 2) < 0xE000) {
			c = 0x10000 + ((c - 0xD800) << 10) +
			    (mf_u16(p + 2 * (size_t) ++i) - 0xDC00u);
		} else if (c >= 0xD800 && c < 0xE000) {
			c = 0xFFFD;
		}
		if (c == 0)
			break;
		if (c < 0x80) {
			out[o++] = (char) c;
		} else if (c < 0x800) {
			out[o++] = (char) (0xC0 | c >> 6);
			out[o++] = (char) (0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			out[o++] = (char) (0xE0 | c >> 12);
			out[o++] = (char) (0x80 | (c >> 6 & 0x3F));
			out[o++] = (char) (0x80 | (c & 0x3F));
		} else {               /* two units gave six bytes of room */
			out[o++] = (char) (0xF0 | c >> 18);
			out[o++] = (char) (0x80 | (c >> 12 & 0x3F));
			out[o++] = (char) (0x80 | (c >> 6 & 0x3F));
			out[o++] = (char) (0x80 | (c & 0x3F));
		}
	}
	out[o] = 0;
	*len = o;
	return out;
}

/* An EmfPlusFont: em size and unit, style bits, family. */
typedef struct pfont {
	double em;
	int unit, style;
	char family[200];
} pfont;

static int
font_get(mfp *m, uint32_t id, pfont *f)
{
	mfp_obj *o = obj_get(m, id, OT_FONT);
	uint32_t n;
	size_t len;
	char *name;

	if (!o || o->n < 24) {
		mf_note(m->pl, "EMF+ font %u missing", id);
		return -1;
	}
	f->em = f32(o->p + 4);
	f->unit = (int) mf_u32(o->p + 8);
	f->style = mf_i32(o->p + 12);
	n = mf_u32(o->p + 20);
	if (n > 32 || (o->n - 24) / 2 < n || !sane(f->em) || f->em <= 0)
		return -1;
	name = utf16_to_utf8(o->p + 24, n, &len);
	if (!name)
		return -1;
	snprintf(f->family, sizeof f->family, "%s", len ? name : "Sans");
	free(name);
	return 0;
}

/*
 * Set up cr for text in font @f: the world matrix scaled so that one
 * unit is about one output pixel (pango sizes are integers of 1/1024,
 * world units can be anything). *@k: world units per text unit. Returns
 * a new layout with the font, or NULL when the glyphs would be smaller
 * than a tenth of a pixel or larger than 8192 (skipped, as GDI text).
 */
static PangoLayout *
text_setup(mfp *m, const pfont *f, double *k)
{
	cairo_t *cr = m->cr;
	cairo_matrix_t mat;
	PangoLayout *layout;
	PangoFontDescription *d;
	double em = f->em, dev, scale;

	if (!m->pl->pango) {
		mf_note(m->pl, "text not drawn (no fonts)");
		return NULL;
	}
	cairo_get_matrix(cr, &mat);
	scale = sqrt(fabs(mat.xx * mat.yy - mat.xy * mat.yx));
	if (f->unit >= 2) {
		/* an absolute size: EMF+ device pixels -> world units */
		cairo_matrix_t dev_m;
		double ds;
		device_matrix(m, &dev_m);
		ds = sqrt(fabs(dev_m.xx * dev_m.yy - dev_m.xy * dev_m.yx));
		em = em * unit_px(f->unit, m->dpi_y) * ds / scale;
	}
	dev = em * scale;
	if (!(dev >= 0.1 && dev <= 8192))
		return NULL;
	{
		/* nor glyphs squashed flat or stretched more than 64:1 (cairo
		 * then makes error fonts it never frees, pango overflows) */
		double ax = hypot(mat.xx, mat.yx) * em, ay = hypot(mat.xy, mat.yy) * em;
		if (!(ax >= 0.1 && ax <= 8192) || !(ay >= 0.1 && ay <= 8192) ||
		    ax > 64 * ay || ay > 64 * ax || !(dev * dev >= ax * ay * 1e-3))
			return NULL;
	}
	*k = em / dev;
	cairo_scale(cr, *k, *k);
	pango_cairo_update_context(cr, m->pl->pango);
	layout = pango_layout_new(m->pl->pango);
	d = pango_font_description_new();
	pango_font_description_set_family(d, f->family);
	pango_font_description_set_weight(d, (f->style & 1) ? PANGO_WEIGHT_BOLD
	                                                    : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(d, (f->style & 2) ? PANGO_STYLE_ITALIC
	                                                   : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(d, dev * PANGO_SCALE);
	pango_layout_set_font_description(layout, d);
	pango_font_description_free(d);
	if (f->style & 12) {
		PangoAttrList *a = pango_attr_list_new();
		if (f->style & 4)
			pango_attr_list_insert(a, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
		if (f->style & 8)
			pango_attr_list_insert(a, pango_attr_strikethrough_new(TRUE));
		pango_layout_set_attributes(layout, a);
		pango_attr_list_unref(a);
	}
	return layout;
}

/* StringFormat flags. */
#define SF_NOWRAP 0x1000
#define SF_NOCLIP 0x4000

/* DrawString: UTF-16 text laid out in a rectangle (wrapped to its width,
 * aligned by the string format, clipped to it). */
static void
draw_string(mfp *m, const prec *r)
{
	cairo_t *cr = m->cr;
	uint32_t len, sflags = 0, halign = 0, valign = 0;
	double rect[4], k, tw, th;
	pfont font;
	mfp_obj *fmt;
	char *utf8;
	size_t n8;
	PangoLayout *layout;
	PangoRectangle logical;

	if (!has(r, 0, 28))
		return;
	len = mf_u32(r->d + 8);
	if (len > 32768 || !has(r, 28, (size_t) len * 2) || mf_work(m->pl, (uint64_t) len * 64))
		return;
	for (int i = 0; i < 4; i++) {
		rect[i] = f32(r->d + 12 + 4 * i);
		if (!sane(rect[i]))
			return;
	}
	if (font_get(m, r->flags & 0xFF, &font))
		return;
	fmt = obj_get(m, mf_u32(r->d + 4), OT_STRINGFORMAT);
	if (fmt && fmt->n >= 20) {
		sflags = mf_u32(fmt->p + 4);
		halign = mf_u32(fmt->p + 12);
		valign = mf_u32(fmt->p + 16);
		if (sflags & 0x3)
			unsupported(m, "EMF+ vertical or right-to-left text");
	}
	utf8 = utf16_to_utf8(r->d + 28, len, &n8);
	if (!utf8 || op_begin(m)) {
		free(utf8);
		return;
	}
	if (brush_source(m, r->flags & F_SOLID, mf_u32(r->d)) == 0) {
		if (rect[2] > 0 && rect[3] > 0 && !(sflags & SF_NOCLIP)) {
			cairo_rectangle(cr, rect[0], rect[1], rect[2], rect[3]);
			cairo_clip(cr);
		}
		layout = text_setup(m, &font, &k);
		if (layout) {
			for (int i = 0; i < 4; i++)
				rect[i] /= k;
			pango_layout_set_text(layout, utf8, (int) n8);
			if (rect[2] > 0 && !(sflags & SF_NOWRAP) && rect[2] < 1e6) {
				pango_layout_set_width(layout, (int) (rect[2] * PANGO_SCALE));
				pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
			}
			pango_layout_set_alignment(layout, halign == 1 ? PANGO_ALIGN_CENTER :
			                           halign == 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
			pango_layout_get_extents(layout, NULL, &logical);
			tw = logical.width / (double) PANGO_SCALE;
			th = logical.height / (double) PANGO_SCALE;
			/* no width: the point is the anchor of the alignment */
			double x = rect[0], y = rect[1];
			if (!(rect[2] > 0) || (sflags & SF_NOWRAP))
				x += halign == 1 ? (rect[2] - tw) / 2 : halign == 2 ? rect[2] - tw : 0;
			if (valign == 1)
				y += (rect[3] - th) / 2;
			else if (valign == 2)
				y += rect[3] - th;
			cairo_move_to(cr, x, y);
			pango_cairo_show_layout(cr, layout);
			g_object_unref(layout);
		}
	}
	free(utf8);
	op_end(m);
}

/* DrawDriverString with Unicode code points (CmapLookup): each glyph at
 * its baseline position, or the run from the first one (RealizedAdvance). */
static void
draw_driver_string(mfp *m, const prec *r)
{
	cairo_t *cr = m->cr;
	uint32_t opts, count;
	int has_matrix;
	size_t pos_off;
	pfont font;
	double k;
	PangoLayout *layout;

	if (!has(r, 0, 16))
		return;
	opts = mf_u32(r->d + 4);
	has_matrix = mf_u32(r->d + 8) != 0;
	count = mf_u32(r->d + 12);
	if (count == 0 || count > 32768 || !has(r, 16, (size_t) count * 10) ||
	    mf_work(m->pl, (uint64_t) count * 64))
		return;
	if (!(opts & 1)) {
		unsupported(m, "EMF+ DrawDriverString glyph indexes");
		return;
	}
	if (opts & 2)
		unsupported(m, "EMF+ vertical text");
	pos_off = 16 + (size_t) count * 2;
	if (font_get(m, r->flags & 0xFF, &font) || op_begin(m))
		return;
	if (has_matrix) {
		prec mr = { 0, 0, r->d + pos_off + (size_t) count * 8,
		            r->n - (uint32_t) (pos_off + (size_t) count * 8) };
		cairo_matrix_t t;
		if (matrix_at(&mr, &t) == 0 && mf_matrix_in_range(&t) &&
		    cairo_matrix_invert(&(cairo_matrix_t) { t.xx, t.yx, t.xy, t.yy, 0, 0 }) ==
		    CAIRO_STATUS_SUCCESS)
			cairo_transform(cr, &t);
	}
	if (brush_source(m, r->flags & F_SOLID, mf_u32(r->d)) == 0 &&
	    (layout = text_setup(m, &font, &k))) {
		uint32_t step = (opts & 4) ? count : 1;
		for (uint32_t i = 0; i < count; i += step) {
			size_t n8;
			char *utf8 = utf16_to_utf8(r->d + 16 + 2 * (size_t) i, step, &n8);
			double x = f32(r->d + pos_off + 8 * (size_t) i);
			double y = f32(r->d + pos_off + 8 * (size_t) i + 4);
			if (utf8 && sane(x) && sane(y)) {
				pango_layout_set_text(layout, utf8, (int) n8);
				cairo_move_to(cr, x / k, y / k - pango_layout_get_baseline(layout) /
				                  (double) PANGO_SCALE);
				pango_cairo_show_layout(cr, layout);
			}
			free(utf8);
		}
		g_object_unref(layout);
	}
	op_end(m);
}

/* ---- objects ---- */

static void
object_record(mfp *m, const prec *r)
{
	uint32_t id = r->flags & 0xFF, type = (r->flags >> 8) & 0x7F;
	mfp_obj *o;

	if (id >= MFP_OBJECTS) {
		mf_note(m->pl, "EMF+ object id %u out of range", id);
		return;
	}
	o = &m->objs[id];
	if (o->want && o->type == (int) type) {
		/* the next part of a continued object */
		size_t skip = (r->flags & F_CONTINUED) ? 4 : 0;
		size_t part = r->n >= skip ? r->n - skip : 0;
		if (part > o->want - o->n)
			part = o->want - o->n;
		memcpy(o->buf + o->n, r->d + skip, part);
		o->n += part;
		if (o->n == o->want || !(r->flags & F_CONTINUED)) {
			o->want = 0;
			o->p = o->buf;
		}
		return;
	}
	obj_clear(o);
	if (r->flags & F_CONTINUED) {
		uint32_t total;
		if (!has(r, 0, 4))
			return;
		total = mf_u32(r->d);
		if (total > MFP_MAX_OBJECT || total < r->n - 4 ||
		    mf_work(m->pl, total / 64)) {
			mf_note(m->pl, "EMF+ object over the size limit");
			return;
		}
		o->buf = malloc(total ? total : 1);
		if (!o->buf)
			return;
		memcpy(o->buf, r->d + 4, r->n - 4);
		o->n = r->n - 4;
		o->want = total;
		o->type = (int) type;
		if (o->n == o->want) {
			o->want = 0;
			o->p = o->buf;
		}
		return;
	}
	o->type = (int) type;
	o->p = r->d;
	o->n = r->n;
	if (type == OT_IMAGEATTRIBUTES)
		unsupported(m, "EMF+ image attributes");
}

/* ---- transforms and state ---- */

static int
matrix_at(const prec *r, cairo_matrix_t *mat)
{
	double v[6];

	if (!has(r, 0, 24))
		return -1;
	for (int k = 0; k < 6; k++) {
		v[k] = f32(r->d + 4 * k);
		if (!sane(v[k]))
			return -1;
	}
	cairo_matrix_init(mat, v[0], v[1], v[2], v[3], v[4], v[5]);
	return 0;
}

/* Multiply the world transform by @t: after it (A flag 0x2000: append)
 * or before it. */
static void
world_multiply(mfp *m, const cairo_matrix_t *t, uint16_t flags)
{
	if (flags & 0x2000)
		cairo_matrix_multiply(&m->st.world, &m->st.world, t);
	else
		cairo_matrix_multiply(&m->st.world, t, &m->st.world);
}

static void
push_state(mfp *m, uint32_t id)
{
	if (m->n_stack >= m->pl->lim->max_save_depth) {
		mf_note(m->pl, "EMF+ Save nesting over %u ignored",
		        m->pl->lim->max_save_depth);
		return;
	}
	if (m->n_stack == m->cap_stack) {
		uint32_t cap = m->cap_stack ? m->cap_stack * 2 : 8;
		mfp_state *s = s2p_realloc_array(m->stack, cap, sizeof *s);
		if (!s)
			return;
		m->stack = s;
		m->cap_stack = cap;
	}
	m->st.id = id;
	clip_ref(&m->st.clip);
	m->stack[m->n_stack++] = m->st;
}

/* Restore/EndContainer: back to the state saved with @id, dropping the
 * ones saved after it. */
static void
pop_state(mfp *m, uint32_t id)
{
	uint32_t i = m->n_stack;

	while (i > 0 && m->stack[i - 1].id != id)
		i--;
	if (i == 0)
		return;
	while (m->n_stack > i)
		clip_clear(&m->stack[--m->n_stack].clip);
	/* the saved state's clip references pass to the current one */
	clip_clear(&m->st.clip);
	m->st = m->stack[--m->n_stack];
}

static void
begin_container(mfp *m, const prec *r)
{
	double d[4], s[4];
	cairo_matrix_t t;

	if (!has(r, 0, 36))
		return;
	for (int k = 0; k < 4; k++) {
		d[k] = f32(r->d + 4 * k);
		s[k] = f32(r->d + 16 + 4 * k);
	}
	push_state(m, mf_u32(r->d + 32));
	cairo_matrix_init_identity(&t);
	if (sane(d[0]) && sane(d[1]) && sane(d[2]) && sane(d[3]) && sane(s[0]) &&
	    sane(s[1]) && s[2] != 0 && s[3] != 0 && sane(s[2]) && sane(s[3])) {
		/* source rectangle -> destination rectangle */
		cairo_matrix_translate(&t, d[0], d[1]);
		cairo_matrix_scale(&t, d[2] / s[2], d[3] / s[3]);
		cairo_matrix_translate(&t, -s[0], -s[1]);
	}
	cairo_matrix_multiply(&t, &t, &m->st.world);
	cairo_matrix_multiply(&m->st.cont, &t, &m->st.cont);
	cairo_matrix_init_identity(&m->st.world);
}

/* SetClipRect/SetClipPath/SetClipRegion: combine mode in flags 8-11. */
static void
set_clip(mfp *m, const prec *r)
{
	mfp_clip add = { 0 };
	int mode = (r->flags >> 8) & 0x0F;
	cairo_t *cr = m->cr;
	int ok = -1;

	cairo_save(cr);
	cairo_new_path(cr);
	if (use_world(m) == 0) {
		if (r->type == R_SETCLIPRECT) {
			double v[4];
			if (rect_at(r, 0, 0, 0, v) == 0) {
				cairo_rectangle(cr, v[0], v[1], v[2], v[3]);
				ok = step_add(m, &add, 0);
			}
		} else if (r->type == R_SETCLIPPATH) {
			mfp_obj *o = obj_get(m, r->flags & 0xFF, OT_PATH);
			if (o && path_build(m, o->p, o->n) == 0)
				ok = step_add(m, &add, 0);
			else
				mf_note(m->pl, "EMF+ clip path broken");
		} else {
			ok = region_steps(m, r->flags & 0xFF, &add);
		}
	}
	cairo_new_path(cr);
	cairo_restore(cr);
	if (ok) {
		clip_clear(&add);
		/* a replacing union: no clip draws more, never less */
		if (ok == -2 && mode == 0)
			clip_clear(&m->st.clip);
		return;
	}
	clip_combine(m, &add, mode);
}

/* Records that change nothing we draw. */
static int
ignored(uint16_t type)
{
	switch (type) {
	case R_COMMENT: case R_EOF: case R_MF_SECTION: case R_MF_END:
	case R_SETRENDERINGORIGIN: case R_SETANTIALIASMODE:
	case R_SETTEXTRENDERINGHINT: case R_SETTEXTCONTRAST:
	case R_SETINTERPOLATIONMODE: case R_SETPIXELOFFSETMODE:
	case R_SETCOMPOSITINGQUALITY:
		return 1;
	default:
		return 0;
	}
}

/* One record; returns 1 for GetDC. */
static int
play_one(mfp *m, const prec *r)
{
	cairo_matrix_t t;

	switch (r->type) {
	case R_HEADER:
		if (has(r, 0, 16)) {
			uint32_t dx = mf_u32(r->d + 8), dy = mf_u32(r->d + 12);
			if (dx >= 1 && dx <= 10000 && dy >= 1 && dy <= 10000) {
				m->dpi_x = dx;
				m->dpi_y = dy;
			}
		}
		break;
	case R_GETDC: return 1;
	case R_OBJECT: object_record(m, r); break;
	case R_CLEAR:
		if (has(r, 0, 4) && op_begin(m) == 0) {
			set_argb(m->cr, mf_u32(r->d));
			cairo_set_operator(m->cr, CAIRO_OPERATOR_SOURCE);
			cairo_paint(m->cr);
			op_end(m);
		}
		break;
	case R_FILLRECTS: rects(m, r, FILL); break;
	case R_DRAWRECTS: rects(m, r, STROKE); break;
	case R_FILLPOLYGON: poly(m, r, POLY_FILL); break;
	case R_DRAWLINES: poly(m, r, POLY_LINES); break;
	case R_DRAWBEZIERS: poly(m, r, POLY_BEZIERS); break;
	case R_FILLELLIPSE: ellipse(m, r, 1, 0, 0); break;
	case R_DRAWELLIPSE: ellipse(m, r, 0, 0, 0); break;
	case R_FILLPIE: ellipse(m, r, 1, 1, 1); break;
	case R_DRAWPIE: ellipse(m, r, 0, 1, 1); break;
	case R_DRAWARC: ellipse(m, r, 0, 1, 0); break;
	case R_FILLREGION: fill_region(m, r); break;
	case R_FILLPATH: path_record(m, r, FILL); break;
	case R_DRAWPATH: path_record(m, r, STROKE); break;
	case R_DRAWIMAGE: draw_image(m, r, 0); break;
	case R_DRAWIMAGEPOINTS: draw_image(m, r, 1); break;
	case R_DRAWSTRING: draw_string(m, r); break;
	case R_DRAWDRIVERSTRING: draw_driver_string(m, r); break;
	case R_SETCOMPOSITINGMODE:
		if (r->flags & 0xFF)
			unsupported(m, "EMF+ SetCompositingMode SourceCopy");
		break;
	case R_SAVE:
		if (has(r, 0, 4))
			push_state(m, mf_u32(r->d));
		break;
	case R_RESTORE: case R_ENDCONTAINER:
		if (has(r, 0, 4))
			pop_state(m, mf_u32(r->d));
		break;
	case R_BEGINCONTAINER: begin_container(m, r); break;
	case R_BEGINCONTAINERNOPARAMS:
		if (has(r, 0, 4)) {
			push_state(m, mf_u32(r->d));
			cairo_matrix_multiply(&m->st.cont, &m->st.world, &m->st.cont);
			cairo_matrix_init_identity(&m->st.world);
		}
		break;
	case R_SETWORLDTRANSFORM:
		if (matrix_at(r, &t) == 0)
			m->st.world = t;
		break;
	case R_RESETWORLDTRANSFORM: cairo_matrix_init_identity(&m->st.world); break;
	case R_MULTIPLYWORLDTRANSFORM:
		if (matrix_at(r, &t) == 0)
			world_multiply(m, &t, r->flags);
		break;
	case R_TRANSLATEWORLDTRANSFORM:
		if (has(r, 0, 8) && sane(f32(r->d)) && sane(f32(r->d + 4))) {
			cairo_matrix_init_translate(&t, f32(r->d), f32(r->d + 4));
			world_multiply(m, &t, r->flags);
		}
		break;
	case R_SCALEWORLDTRANSFORM:
		if (has(r, 0, 8) && sane(f32(r->d)) && sane(f32(r->d + 4))) {
			cairo_matrix_init_scale(&t, f32(r->d), f32(r->d + 4));
			world_multiply(m, &t, r->flags);
		}
		break;
	case R_ROTATEWORLDTRANSFORM:
		if (has(r, 0, 4) && sane(f32(r->d))) {
			cairo_matrix_init_rotate(&t, f32(r->d) * MFP_PI / 180);
			world_multiply(m, &t, r->flags);
		}
		break;
	case R_SETPAGETRANSFORM:
		if (has(r, 0, 4) && sane(f32(r->d)) && f32(r->d) > 0) {
			m->st.unit = r->flags & 0xFF;
			m->st.scale = f32(r->d);
		}
		break;
	case R_RESETCLIP: clip_clear(&m->st.clip); break;
	case R_SETCLIPRECT: case R_SETCLIPPATH: case R_SETCLIPREGION:
		set_clip(m, r);
		break;
	default:
		if (!ignored(r->type)) {
			char name[48];
			rec_name(r->type, name, sizeof name);
			unsupported(m, name);
		}
		break;
	}
	return 0;
}

int
mf_emfplus_play(mfp *m, const unsigned char *p, size_t n)
{
	size_t off = 0;
	prec r;
	int getdc = 0;

	while (!m->pl->stopped && next_record(p, n, &off, &r) == 0) {
		if (mf_work(m->pl, 1))
			break;
		getdc = play_one(m, &r);
	}
	if (n - off >= 12 && !m->pl->stopped)
		mf_note(m->pl, "broken EMF+ record");
	return getdc;
}
