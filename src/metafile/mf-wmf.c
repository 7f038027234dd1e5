/*
 * WMF records ([MS-WMF]), with or without the Aldus placeable header,
 * played through mf-play.c. Coordinates are 16-bit logical units; the
 * picture's window (SetWindowOrg/SetWindowExt) maps onto its frame, the
 * placeable bounding box (or the first window when there is no
 * placeable header), as PowerPoint plays a WMF into a picture box.
 * Objects take the lowest free slot of the table, whatever their kind.
 */
#include "metafile/mf-imp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLACEABLE_KEY 0x9AC6CDD7u

/* One record: parameters @q of @n bytes (after the 6-byte header). */
typedef struct wmr {
	const unsigned char *q;
	size_t n;
	uint16_t fn;
} wmr;

static int
has(const wmr *r, size_t off, size_t len)
{
	return off <= r->n && len <= r->n - off;
}

/* Parameter @i (16-bit) */
static double
arg(const wmr *r, size_t i)
{
	return mf_i16(r->q + 2 * i);
}

typedef struct wmf_info {
	size_t first;            /* offset of the first record */
	int placeable;
	double bbox[4];          /* l, t, r, b in logical units */
	double inch;             /* logical units per inch (placeable) */
	uint32_t n_objects;
} wmf_info;

static int
read_header(const unsigned char *p, size_t n, wmf_info *w, mf_report *rep)
{
	size_t off = 0;
	uint16_t hsize;

	memset(w, 0, sizeof *w);
	if (n >= 22 && mf_u32(p) == PLACEABLE_KEY) {
		w->placeable = 1;
		w->bbox[0] = mf_i16(p + 6);
		w->bbox[1] = mf_i16(p + 8);
		w->bbox[2] = mf_i16(p + 10);
		w->bbox[3] = mf_i16(p + 12);
		w->inch = mf_u16(p + 14);
		off = 22;
	}
	if (n - off < 18 || (mf_u16(p + off) != 1 && mf_u16(p + off) != 2)) {
		snprintf(rep->msg, sizeof rep->msg, "not a WMF file (bad header)");
		return -1;
	}
	hsize = mf_u16(p + off + 2);
	if (hsize != 9) {
		snprintf(rep->msg, sizeof rep->msg, "WMF header size %u is wrong", hsize);
		return -1;
	}
	w->n_objects = mf_u16(p + off + 10);
	w->first = off + 18;
	return 0;
}

/* Next record at *@off, or 0 at the end or on a broken record (noted in
 * @bad). */
static int
next_record(const unsigned char *p, size_t n, size_t *off, wmr *r, int *bad)
{
	uint32_t words;

	if (*off + 6 > n)
		return 0;
	words = mf_u32(p + *off);
	if (words < 3 || words > (n - *off) / 2) {
		*bad = 1;
		return 0;
	}
	r->fn = mf_u16(p + *off + 4);
	r->q = p + *off + 6;
	r->n = (size_t) words * 2 - 6;
	*off += (size_t) words * 2;
	return r->fn != 0;     /* META_EOF */
}

/* The window the file sets first: the frame of a WMF without the
 * placeable header. */
static int
first_window(const unsigned char *p, size_t n, const wmf_info *w, double fr[4])
{
	size_t off = w->first;
	int have_org = 0, have_ext = 0, bad = 0;
	uint32_t count = 0;
	wmr r;

	fr[0] = fr[1] = 0;
	while (next_record(p, n, &off, &r, &bad) && count++ < 100000) {
		if (r.fn == 0x020B && has(&r, 0, 4) && !have_org) {
			fr[1] = arg(&r, 0);
			fr[0] = arg(&r, 1);
			have_org = 1;
		} else if (r.fn == 0x020C && has(&r, 0, 4) && !have_ext) {
			fr[3] = arg(&r, 0);
			fr[2] = arg(&r, 1);
			have_ext = 1;
		}
		if (have_ext && have_org)
			break;
	}
	if (!have_ext || fr[2] == 0 || fr[3] == 0)
		return -1;
	fr[2] += fr[0];
	fr[3] += fr[1];
	return 0;
}

int
mf_wmf_frame(const unsigned char *p, size_t n, double fr[4], mf_report *rep)
{
	wmf_info w;

	if (read_header(p, n, &w, rep))
		return -1;
	if (w.placeable && w.bbox[2] != w.bbox[0] && w.bbox[3] != w.bbox[1]) {
		memcpy(fr, w.bbox, sizeof w.bbox);
		return 0;
	}
	if (first_window(p, n, &w, fr)) {
		snprintf(rep->msg, sizeof rep->msg,
		         "WMF without a placeable header or window extent: no size");
		return -1;
	}
	return 0;
}

static const struct { uint16_t fn; const char *name; } wmf_names[] = {
	{ 0x0419, "FLOODFILL" }, { 0x0548, "EXTFLOODFILL" }, { 0x041F, "SETPIXEL" },
	{ 0x0220, "OFFSETCLIPRGN" }, { 0x012A, "INVERTREGION" },
	{ 0x012B, "PAINTREGION" }, { 0x0429, "FRAMEREGION" },
	{ 0x0436, "ANIMATEPALETTE" }, { 0x0922, "BITBLT" }, { 0x0B23, "STRETCHBLT" },
	{ 0x0D33, "SETDIBTODEV" }, { 0x0228, "FILLREGION" },
};

static void
unsupported(mf_player *pl, uint16_t fn)
{
	char name[40];

	for (size_t i = 0; i < sizeof wmf_names / sizeof wmf_names[0]; i++)
		if (wmf_names[i].fn == fn) {
			snprintf(name, sizeof name, "META_%s", wmf_names[i].name);
			mf_unsupported(pl, name);
			return;
		}
	snprintf(name, sizeof name, "WMF record 0x%04X", fn);
	mf_unsupported(pl, name);
}

/* A new object in the lowest free slot (kind set by the caller). */
static mf_obj *
new_object(mf_player *pl)
{
	int i = mf_obj_first_free(pl);

	if (i < 0) {
		mf_note(pl, "object table full");
		return NULL;
	}
	mf_obj_clear(&pl->objs[i]);
	pl->objs[i].kind = MF_OBJ_OTHER;
	return &pl->objs[i];
}

static void
points(mf_player *pl, const wmr *r, size_t at, uint32_t count, int first_move)
{
	for (uint32_t i = 0; i < count; i++) {
		double x = mf_i16(r->q + at + 4 * (size_t) i);
		double y = mf_i16(r->q + at + 4 * (size_t) i + 2);
		if (i == 0 && first_move)
			cairo_move_to(pl->cr, x, y);
		else
			cairo_line_to(pl->cr, x, y);
	}
}

/*
 * A packed DIB (BITMAPINFO, colour table, bits) of @n bytes at @q. The
 * colour table's length is what lies between the header and the bits:
 * uncompressed bits are the last stride x height bytes (writers differ on
 * biClrUsed, and some leave the table out to use the selected palette).
 */
static int
wmf_dib(mf_player *pl, const unsigned char *q, size_t n, int usage, mf_dib *d)
{
	uint32_t hsize, comp = 0, w, h;
	int bpp;
	size_t need, pal = 0;

	if (n < 12)
		goto corrupt;
	hsize = mf_u32(q);
	if (hsize == 12) {
		w = mf_u16(q + 4);
		h = mf_u16(q + 6);
		bpp = mf_u16(q + 10);
	} else if (hsize >= 40 && hsize <= n) {
		int32_t sh = mf_i32(q + 8);
		w = (uint32_t) mf_i32(q + 4);
		h = sh < 0 ? (uint32_t) -(int64_t) sh : (uint32_t) sh;
		bpp = mf_u16(q + 14);
		comp = mf_u32(q + 16);
	} else {
		goto corrupt;
	}
	d->bmi = q;
	d->pal_colors = usage == 1;
	if (comp == 0 || comp == 3) {
		if (w > 65535 || h > 65535 || bpp > 32)
			goto corrupt;
		need = (((size_t) w * (size_t) bpp + 31) / 32) * 4 * (size_t) h;
		if (need > n - hsize) {
			mf_note(pl, "truncated bitmap");
			return -1;
		}
		d->bits = q + n - need;
		d->bits_len = need;
		d->bmi_len = n - need;
		return 0;
	}
	/* compressed bits (RLE, JPEG, PNG): after the colour table */
	if (bpp <= 8 && bpp > 0) {
		uint32_t used = hsize >= 40 ? mf_u32(q + 32) : 0;
		pal = (size_t) (used && used < (1u << bpp) ? used : 1u << bpp) *
		      (usage == 1 ? 2u : 4u);
	}
	if (pal > n - hsize)
		goto corrupt;
	d->bits = q + hsize + pal;
	d->bits_len = n - hsize - pal;
	d->bmi_len = hsize + pal;
	return 0;
corrupt:
	mf_note(pl, "corrupt bitmap");
	return -1;
}

/* DIB blits: STRETCHDIB, DIBSTRETCHBLT, DIBBITBLT, and their forms
 * without a bitmap (a pattern or constant raster operation). */
static void
dib_blit(mf_player *pl, const wmr *r)
{
	/* parameter word offsets per record: rop, src h/w/y/x, dst h/w/y/x,
	 * dib */
	double sx = 0, sy = 0, sw = 0, sh = 0, dx, dy, dw, dh;
	size_t dib_off;
	uint32_t rop;
	mf_dib d;
	cairo_surface_t *img;
	int bu, usage = 0;

	if (!has(r, 0, 4))
		return;
	rop = mf_u32(r->q);
	switch (r->fn) {
	case 0x0F43:   /* STRETCHDIB: rop, usage, srcH, srcW, ySrc, xSrc,
	                * dstH, dstW, yDst, xDst, DIB */
		if (!has(r, 0, 22))
			return;
		usage = mf_u16(r->q + 4);
		sh = arg(r, 3); sw = arg(r, 4); sy = arg(r, 5); sx = arg(r, 6);
		dh = arg(r, 7); dw = arg(r, 8); dy = arg(r, 9); dx = arg(r, 10);
		dib_off = 22;
		break;
	case 0x0B41:   /* DIBSTRETCHBLT: rop, srcH, srcW, ySrc, xSrc, dstH,
	                * dstW, yDst, xDst, DIB */
		if (r->n == 22) {   /* no bitmap: an extra reserved word */
			mf_blit(pl, NULL, rop, arg(r, 10), arg(r, 9), arg(r, 8), arg(r, 7),
			        0, 0, 0, 0, 1, 0);
			return;
		}
		if (!has(r, 0, 20))
			return;
		sh = arg(r, 2); sw = arg(r, 3); sy = arg(r, 4); sx = arg(r, 5);
		dh = arg(r, 6); dw = arg(r, 7); dy = arg(r, 8); dx = arg(r, 9);
		dib_off = 20;
		break;
	default:       /* 0x0940 DIBBITBLT: rop, ySrc, xSrc, h, w, yDst, xDst */
		if (r->n == 18) {
			mf_blit(pl, NULL, rop, arg(r, 8), arg(r, 7), arg(r, 6), arg(r, 5),
			        0, 0, 0, 0, 1, 0);
			return;
		}
		if (!has(r, 0, 16))
			return;
		sy = arg(r, 2); sx = arg(r, 3);
		sh = dh = arg(r, 4); sw = dw = arg(r, 5);
		dy = arg(r, 6); dx = arg(r, 7);
		dib_off = 16;
		break;
	}
	if (r->n <= dib_off || wmf_dib(pl, r->q + dib_off, r->n - dib_off, usage, &d))
		return;
	img = mf_dib_decode(pl, &d, 0, &bu);
	if (!img)
		return;
	if (bu && r->fn == 0x0F43)
		sy = cairo_image_surface_get_height(img) - sy - sh;
	mf_blit(pl, img, rop, dx, dy, dw, dh, sx, sy, sw, sh, 1, 0);
	cairo_surface_destroy(img);
}

static void
create_font(mf_player *pl, const wmr *r)
{
	mf_obj *o = new_object(pl);
	size_t k = 0;

	if (!o || !has(r, 0, 18))
		return;
	o->kind = MF_OBJ_FONT;
	o->font.height = arg(r, 0);
	o->font.escapement = arg(r, 2);
	o->font.weight = (int) arg(r, 4);
	o->font.italic = r->q[10];
	o->font.underline = r->q[11];
	o->font.strikeout = r->q[12];
	o->font.charset = r->q[13];
	/* the face name is 8-bit (the charset's code page); keep ASCII,
	 * Latin-1 for the rest */
	for (size_t i = 18; i < r->n && i < 18 + 32 && r->q[i]; i++) {
		unsigned c = r->q[i];
		if (k + 3 >= sizeof o->font.face)
			break;
		if (c < 0x80) {
			o->font.face[k++] = (char) c;
		} else {
			o->font.face[k++] = (char) (0xC0 | c >> 6);
			o->font.face[k++] = (char) (0x80 | (c & 0x3F));
		}
	}
	o->font.face[k] = 0;
}

static void
text_out(mf_player *pl, const wmr *r)
{
	uint16_t *u;
	size_t n, strw, un;
	int per_byte;

	if (!has(r, 0, 2))
		return;
	n = (uint16_t) mf_i16(r->q);
	strw = (n + 1) / 2 * 2;
	if (!has(r, 2, strw + 4))
		return;
	u = mf_text_8bit(pl, r->q + 2, n, &un, &per_byte);
	if (!u)
		return;
	mf_text(pl, arg(r, 1 + strw / 2 + 1), arg(r, 1 + strw / 2), u, (uint32_t) un,
	        NULL, 0, 0, NULL);
	free(u);
}

static void
ext_text_out(mf_player *pl, const wmr *r)
{
	size_t n, at = 8, i, un;
	int per_byte;
	uint32_t opts;
	double rect[4];
	uint16_t *u;
	int32_t *dx = NULL;

	if (!has(r, 0, 8))
		return;
	n = mf_u16(r->q + 4);
	opts = mf_u16(r->q + 6);
	if (opts & (MF_ETO_OPAQUE | MF_ETO_CLIPPED)) {
		if (!has(r, 8, 8))
			return;
		for (i = 0; i < 4; i++)
			rect[i] = arg(r, 4 + i);
		at = 16;
	}
	if (!has(r, at, n))
		return;
	u = mf_text_8bit(pl, r->q + at, n, &un, &per_byte);
	if (!u)
		return;
	at += (n + 1) / 2 * 2;
	/* advances are per byte: they apply while bytes map to characters */
	if (n && per_byte && has(r, at, n * 2)) {
		dx = malloc(n * sizeof *dx);
		if (dx)
			for (i = 0; i < n; i++)
				dx[i] = mf_i16(r->q + at + 2 * i);
	}
	mf_text(pl, arg(r, 1), arg(r, 0), u, (uint32_t) un, dx, 0, opts,
	        (opts & (MF_ETO_OPAQUE | MF_ETO_CLIPPED)) ? rect : NULL);
	free(dx);
	free(u);
}

static void
play_record(mf_player *pl, const wmr *r, const wmf_info *w)
{
	mf_dc *dc = &pl->dc;
	mf_obj *o;

	switch (r->fn) {
	case 0x0201: if (has(r, 0, 4)) dc->bk_color = mf_u32(r->q); break;
	case 0x0209: if (has(r, 0, 4)) dc->text_color = mf_u32(r->q); break;
	case 0x0102: if (has(r, 0, 2)) dc->bk_opaque = mf_u16(r->q) == 2; break;
	case 0x0103:
		/* MM_TEXT etc. would use device units of a device we do not
		 * have: only the isotropic constraint is honoured */
		if (has(r, 0, 2))
			mf_set_map_mode(pl, mf_u16(r->q) == MF_MM_ISOTROPIC
			                        ? MF_MM_ISOTROPIC : MF_MM_ANISOTROPIC);
		break;
	case 0x0106: if (has(r, 0, 2)) dc->winding = mf_u16(r->q) == 2; break;
	case 0x012E: if (has(r, 0, 2)) dc->text_align = mf_u16(r->q); break;
	case 0x0107: if (has(r, 0, 2)) dc->halftone = mf_u16(r->q) == 4; break;
	case 0x0104: case 0x0108: case 0x020A: case 0x0231:
	case 0x0035: case 0x0139: case 0x014C:
	case 0x0626:   /* ROP2, stretch mode, char extra, justification,
	                * mapper flags, palettes, layout, escapes */
		break;
	case 0x020B: if (has(r, 0, 4)) { dc->woy = arg(r, 0); dc->wox = arg(r, 1); } break;
	case 0x020C: if (has(r, 0, 4)) { dc->wey = arg(r, 0); dc->wex = arg(r, 1); } break;
	case 0x020D: if (has(r, 0, 4)) { dc->voy = arg(r, 0); dc->vox = arg(r, 1); } break;
	case 0x020E: if (has(r, 0, 4)) { dc->vey = arg(r, 0); dc->vex = arg(r, 1); } break;
	case 0x020F: if (has(r, 0, 4)) { dc->woy += arg(r, 0); dc->wox += arg(r, 1); } break;
	case 0x0211: if (has(r, 0, 4)) { dc->voy += arg(r, 0); dc->vox += arg(r, 1); } break;
	case 0x0410: case 0x0412:   /* SCALEWINDOWEXT, SCALEVIEWPORTEXT:
	                             * yDenom, yNum, xDenom, xNum */
		if (has(r, 0, 8) && arg(r, 0) != 0 && arg(r, 2) != 0) {
			double fy = arg(r, 1) / arg(r, 0), fx = arg(r, 3) / arg(r, 2);
			if (r->fn == 0x0410) { dc->wex *= fx; dc->wey *= fy; }
			else { dc->vex *= fx; dc->vey *= fy; }
		}
		break;
	case 0x0214: if (has(r, 0, 4)) mf_move_to(pl, arg(r, 1), arg(r, 0)); break;
	case 0x0213:
		if (!has(r, 0, 4))
			break;
		mf_shape_begin(pl);
		cairo_move_to(pl->cr, dc->cur_x, dc->cur_y);
		mf_line_to(pl, arg(r, 1), arg(r, 0));
		mf_shape_end(pl, MF_STROKE);
		break;
	case 0x0415: case 0x0416:   /* EXCLUDE/INTERSECTCLIPRECT: b, r, t, l */
		if (has(r, 0, 8))
			mf_clip_rect(pl, arg(r, 3), arg(r, 2), arg(r, 1), arg(r, 0),
			             r->fn == 0x0415);
		break;
	case 0x0418: case 0x041B: case 0x061C:   /* ELLIPSE, RECTANGLE, ROUNDRECT */
		if (r->fn == 0x061C) {
			if (!has(r, 0, 12))
				break;
			mf_shape_begin(pl);
			mf_round_rect(pl, arg(r, 5), arg(r, 4), arg(r, 3), arg(r, 2),
			              arg(r, 1), arg(r, 0));
		} else {
			if (!has(r, 0, 8))
				break;
			mf_shape_begin(pl);
			if (r->fn == 0x0418)
				mf_ellipse(pl, arg(r, 3), arg(r, 2), arg(r, 1), arg(r, 0));
			else
				mf_rect(pl, arg(r, 3), arg(r, 2), arg(r, 1), arg(r, 0));
		}
		mf_shape_end(pl, MF_FILL | MF_STROKE);
		break;
	case 0x0817: case 0x0830: case 0x081A: {  /* ARC, CHORD, PIE */
		int kind = r->fn == 0x0817 ? MF_ARC : r->fn == 0x0830 ? MF_CHORD : MF_PIE;
		if (!has(r, 0, 16))
			break;
		mf_shape_begin(pl);
		mf_arc(pl, kind, arg(r, 7), arg(r, 6), arg(r, 5), arg(r, 4),
		       arg(r, 3), arg(r, 2), arg(r, 1), arg(r, 0));
		mf_shape_end(pl, kind == MF_ARC ? MF_STROKE : MF_FILL | MF_STROKE);
		break;
	}
	case 0x0324: case 0x0325: {   /* POLYGON, POLYLINE */
		uint32_t c;
		if (!has(r, 0, 2))
			break;
		c = mf_u16(r->q);
		if (!has(r, 2, (size_t) c * 4) || !c || mf_work(pl, c))
			break;
		mf_shape_begin(pl);
		points(pl, r, 2, c, 1);
		if (r->fn == 0x0324) {
			cairo_close_path(pl->cr);
			mf_shape_end(pl, MF_FILL | MF_STROKE);
		} else {
			mf_shape_end(pl, MF_STROKE);
		}
		break;
	}
	case 0x0538: {                /* POLYPOLYGON */
		uint32_t np, total = 0;
		size_t at;
		if (!has(r, 0, 2))
			break;
		np = mf_u16(r->q);
		if (!has(r, 2, (size_t) np * 2))
			break;
		for (uint32_t i = 0; i < np; i++)
			total += mf_u16(r->q + 2 + 2 * (size_t) i);
		at = 2 + (size_t) np * 2;
		if (!has(r, at, (size_t) total * 4) || mf_work(pl, total))
			break;
		mf_shape_begin(pl);
		for (uint32_t i = 0; i < np; i++) {
			uint32_t c = mf_u16(r->q + 2 + 2 * (size_t) i);
			if (c) {
				points(pl, r, at, c, 1);
				cairo_close_path(pl->cr);
			}
			at += (size_t) c * 4;
		}
		mf_shape_end(pl, MF_FILL | MF_STROKE);
		break;
	}
	case 0x001E: mf_save_dc(pl); break;
	case 0x0127: if (has(r, 0, 2)) mf_restore_dc(pl, mf_i16(r->q)); break;
	case 0x012D:                  /* SELECTOBJECT */
		if (has(r, 0, 2))
			mf_select(pl, mf_u16(r->q));
		break;
	case 0x01F0:                  /* DELETEOBJECT */
		if (has(r, 0, 2))
			mf_delete(pl, mf_u16(r->q));
		break;
	case 0x012C:                  /* SELECTCLIPREGION: region object; with
	                               * an empty one, the clip is reset */
		mf_clip_region(pl, NULL, 0, MF_RGN_COPY);
		break;
	case 0x02FA:                  /* CREATEPENINDIRECT: style, width(x,y), color */
		o = new_object(pl);
		if (!o || !has(r, 0, 10))
			break;
		o->kind = MF_OBJ_PEN;
		o->pen.style = mf_u16(r->q) | MF_PS_GEOMETRIC;
		o->pen.width = mf_i16(r->q + 2);
		o->pen.color = mf_u32(r->q + 6);
		break;
	case 0x02FC:                  /* CREATEBRUSHINDIRECT: style, color, hatch */
		o = new_object(pl);
		if (!o || !has(r, 0, 8))
			break;
		o->kind = MF_OBJ_BRUSH;
		o->brush.style = mf_u16(r->q);
		o->brush.color = mf_u32(r->q + 2);
		o->brush.hatch = mf_u16(r->q + 6);
		if (o->brush.style != MF_BS_SOLID && o->brush.style != MF_BS_NULL &&
		    o->brush.style != MF_BS_HATCHED)
			o->brush.style = MF_BS_SOLID;
		break;
	case 0x0142: {                /* DIBCREATEPATTERNBRUSH: style, usage, DIB */
		mf_dib d;
		int bu;
		o = new_object(pl);
		if (!o)
			break;
		o->kind = MF_OBJ_BRUSH;
		o->brush.style = MF_BS_SOLID;
		o->brush.color = 0x808080;
		if (!has(r, 0, 4 + 12))
			break;
		if (wmf_dib(pl, r->q + 4, r->n - 4, mf_u16(r->q + 2), &d))
			break;
		o->brush.pattern = mf_dib_decode(pl, &d, 0, &bu);
		if (o->brush.pattern)
			o->brush.style = MF_BS_DIBPATTERNPT;
		break;
	}
	case 0x02FB: create_font(pl, r); break;
	case 0x00F7:                  /* CREATEPALETTE: start, count, entries */
		o = new_object(pl);
		if (o && has(r, 0, 4) && has(r, 4, (size_t) mf_u16(r->q + 2) * 4))
			mf_palette_set(o, r->q + 4, mf_u16(r->q + 2));
		break;
	case 0x0037:                  /* SETPALENTRIES: of the selected palette */
		if (has(r, 0, 4) && has(r, 4, (size_t) mf_u16(r->q + 2) * 4))
			mf_palette_entries(pl, NULL, mf_u16(r->q), r->q + 4,
			                   mf_u16(r->q + 2));
		break;
	case 0x0234:                  /* SELECTPALETTE */
		if (has(r, 0, 2))
			mf_select(pl, mf_u16(r->q));
		break;
	case 0x01F9: case 0x06FF:     /* pattern brush, region */
		if (r->fn == 0x01F9)
			mf_unsupported(pl, "META_CREATEPATTERNBRUSH");
		o = new_object(pl);
		if (o && r->fn == 0x01F9) {
			o->kind = MF_OBJ_BRUSH;
			o->brush.style = MF_BS_SOLID;
			o->brush.color = 0x808080;
		}
		break;
	case 0x0521: text_out(pl, r); break;
	case 0x0A32: ext_text_out(pl, r); break;
	case 0x061D:                  /* PATBLT: rop, h, w, y, x */
		if (has(r, 0, 12))
			mf_blit(pl, NULL, mf_u32(r->q), arg(r, 5), arg(r, 4), arg(r, 3),
			        arg(r, 2), 0, 0, 0, 0, 1, 0);
		break;
	case 0x0F43: case 0x0B41: case 0x0940: dib_blit(pl, r); break;
	default: unsupported(pl, r->fn); break;
	}
	(void) w;
}

int
mf_wmf_play(mf_player *pl, const unsigned char *p, size_t n, double w,
            double h)
{
	wmf_info info;
	double fr[4];
	size_t off;
	uint32_t count = 0;
	int bad = 0;
	wmr r;

	if (read_header(p, n, &info, pl->rep) || mf_wmf_frame(p, n, fr, pl->rep))
		return -1;
	/* the "device" is the frame's own units: the window maps onto the
	 * frame until the file sets a window of its own */
	cairo_matrix_init_scale(&pl->base, w / (fr[2] - fr[0]), h / (fr[3] - fr[1]));
	cairo_matrix_translate(&pl->base, -fr[0], -fr[1]);
	mf_base_to_device(pl);
	pl->dc.map_mode = MF_MM_ANISOTROPIC;
	pl->dc.wox = pl->dc.vox = fr[0];
	pl->dc.woy = pl->dc.voy = fr[1];
	pl->dc.wex = pl->dc.vex = fr[2] - fr[0];
	pl->dc.wey = pl->dc.vey = fr[3] - fr[1];
	if (info.inch > 0)
		pl->dev_per_mm_x = pl->dev_per_mm_y = info.inch / 25.4;
	pl->target_w = w;
	pl->target_h = h;
	off = info.first;
	while (!pl->stopped && next_record(p, n, &off, &r, &bad)) {
		if (++count > pl->lim->max_records) {
			mf_note(pl, "more than %u records; rest not drawn",
			        pl->lim->max_records);
			break;
		}
		if (mf_work(pl, 1))
			break;
		play_record(pl, &r, &info);
	}
	if (bad)
		mf_note(pl, "broken record at byte %zu; rest not drawn", off);
	return 0;
}
