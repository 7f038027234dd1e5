/*
 * Outlines: one stroke for a plain line; for compound lines (dbl,
 * thickThin, thinThick, tri) and lines drawn inside a closed outline
 * (algn="in") the line is built as a coverage mask, band by band, then
 * painted once with the line's source (solid colour or gradient).
 *
 * A band is a strip at signed distances [lo, hi] from the path, positive
 * on its left (the outside of a closed shape). cairo strokes are centred,
 * so a band is cut out of them: stroke(2 hi) minus stroke(2 lo) gives the
 * strip on both sides, and a side mask keeps one side. For a closed path
 * the sides are exact (the fill region is the inside); for an open path
 * the side mask is a polygon swept along the flattened path, which is
 * exact except where the path turns back on itself closer than a line
 * width. Pieces are added (CAIRO_OPERATOR_ADD) into one alpha mask, so
 * strips that meet along an edge leave no antialiasing seam and a
 * translucent line is painted once.
 */
#include "render/draw-imp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum line_side { SIDE_BOTH, SIDE_LEFT, SIDE_RIGHT };

/* The strips of each compound type, as fractions of the width from the
 * left edge (the outside of a closed shape) to the right edge. thickThin
 * puts the thick strip on the left: outside on shapes drawn clockwise,
 * as PowerPoint's own presets are. */
static int
compound_bands(int cmpd, double band[3][2])
{
	static const double dbl[2][2] = { { 0, 1.0 / 3 }, { 2.0 / 3, 1 } };
	static const double thick_thin[2][2] = { { 0, 0.5 }, { 0.75, 1 } };
	static const double thin_thick[2][2] = { { 0, 0.25 }, { 0.5, 1 } };
	static const double tri[3][2] = { { 0, 1.0 / 6 }, { 2.0 / 6, 4.0 / 6 },
	                                  { 5.0 / 6, 1 } };

	switch (cmpd) {
	case DML_LN_CMPD_DBL: memcpy(band, dbl, sizeof dbl); return 2;
	case DML_LN_CMPD_THICK_THIN: memcpy(band, thick_thin, sizeof thick_thin); return 2;
	case DML_LN_CMPD_THIN_THICK: memcpy(band, thin_thick, sizeof thin_thick); return 2;
	case DML_LN_CMPD_TRI: memcpy(band, tri, sizeof tri); return 3;
	default:
		band[0][0] = 0;
		band[0][1] = 1;
		return 1;
	}
}

/* Cap, join and dash of @ln for a stroke of a @width-wide line (dashes
 * scale with the whole line's width, whatever strip is being stroked). */
static void
set_line_style(cairo_t *cr, const dml_line *ln, double width)
{
	double d[2 * DML_CUST_DASH_MAX];
	int nd = 0;

	cairo_set_line_cap(cr, ln->cap == 2 ? CAIRO_LINE_CAP_ROUND :
	                   ln->cap == 3 ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, ln->join == 2 ? CAIRO_LINE_JOIN_BEVEL :
	                    ln->join == 3 ? CAIRO_LINE_JOIN_MITER :
	                    CAIRO_LINE_JOIN_ROUND);
	if (ln->dash && s2p_str_eq(ln->dash, "custom") && ln->n_cust_dash >= 2) {
		nd = ln->n_cust_dash;
		for (int i = 0; i < nd; i++)
			d[i] = ln->cust_dash_pct1k[i] / 100000.0 * width;
	}
	else {
		nd = draw_dash_pattern(ln->dash, d);
		for (int i = 0; i < nd; i++)
			d[i] *= width;
	}
	if (nd)
		cairo_set_dash(cr, d, nd, 0);
}

/* Does every subpath end with close_path? */
static int
path_all_closed(const cairo_path_t *p)
{
	int open = 0, any = 0;

	for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
		switch (p->data[i].header.type) {
		case CAIRO_PATH_MOVE_TO:
			if (open)
				return 0;
			break;
		case CAIRO_PATH_CLOSE_PATH:
			open = 0;
			any = 1;
			break;
		default:
			open = 1;
			break;
		}
	}
	return any && !open;
}

/* Points of one flattened subpath, duplicates dropped. */
typedef struct pt_list {
	double *xy;
	int n, cap;
} pt_list;

static int
pt_push(pt_list *l, double x, double y)
{
	if (l->n > 0 && fabs(l->xy[2 * l->n - 2] - x) < 1e-9 &&
	    fabs(l->xy[2 * l->n - 1] - y) < 1e-9)
		return 0;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		double *xy = s2p_realloc_array(l->xy, (size_t) cap, 2 * sizeof *xy);
		if (!xy)
			return -1;
		l->xy = xy;
		l->cap = cap;
	}
	l->xy[2 * l->n] = x;
	l->xy[2 * l->n + 1] = y;
	l->n++;
	return 0;
}

/*
 * Append to @cr the region on one side (@sign +1 left, -1 right) of the
 * open polyline @l, @r deep: the polyline (its ends pushed out by @r so
 * caps are covered) and, back along it, its segments offset by @r with
 * circumscribed arcs round each vertex. Filled with the winding rule.
 */
static void
side_polygon(cairo_t *cr, const pt_list *l, double sign, double r)
{
	const double *p = l->xy;
	int n = l->n;
	double ux0, uy0, uxn, uyn, len;

	ux0 = p[2] - p[0];
	uy0 = p[3] - p[1];
	len = hypot(ux0, uy0);
	ux0 /= len;
	uy0 /= len;
	uxn = p[2 * n - 2] - p[2 * n - 4];
	uyn = p[2 * n - 1] - p[2 * n - 3];
	len = hypot(uxn, uyn);
	uxn /= len;
	uyn /= len;
	cairo_move_to(cr, p[0] - ux0 * r, p[1] - uy0 * r);
	for (int i = 1; i < n - 1; i++)
		cairo_line_to(cr, p[2 * i], p[2 * i + 1]);
	cairo_line_to(cr, p[2 * n - 2] + uxn * r, p[2 * n - 1] + uyn * r);
	/* back along the offset segments, last to first */
	for (int k = n - 1; k >= 1; k--) {
		double x0 = p[2 * k - 2], y0 = p[2 * k - 1];
		double x1 = p[2 * k], y1 = p[2 * k + 1];
		double tx = x1 - x0, ty = y1 - y0, tl = hypot(tx, ty);
		double nx, ny;
		tx /= tl;
		ty /= tl;
		/* left of travel on a y-down page */
		nx = sign * ty;
		ny = sign * -tx;
		if (k == n - 1) {
			x1 += uxn * r;
			y1 += uyn * r;
		}
		if (k == 1) {
			x0 -= ux0 * r;
			y0 -= uy0 * r;
		}
		cairo_line_to(cr, x1 + nx * r, y1 + ny * r);
		cairo_line_to(cr, x0 + nx * r, y0 + ny * r);
		if (k > 1) {
			/* round the vertex to the previous segment's normal */
			double px = p[2 * k - 2] - p[2 * k - 4], py = p[2 * k - 1] - p[2 * k - 3];
			double pl = hypot(px, py);
			double a0 = atan2(ny, nx);
			/* the previous segment's normal, sign * (py, -px) */
			double a1 = atan2(sign * -px / pl, sign * py / pl);
			double da;
			int steps;
			da = a1 - a0;
			while (da > S2P_PI)
				da -= 2 * S2P_PI;
			while (da < -S2P_PI)
				da += 2 * S2P_PI;
			steps = (int) ceil(fabs(da) / (S2P_PI / 6));
			for (int s = 1; s <= steps; s++) {
				double a = a0 + da * s / steps;
				double rr = r / cos(da / steps / 2);
				cairo_line_to(cr, x0 + cos(a) * rr, y0 + sin(a) * rr);
			}
		}
	}
	cairo_close_path(cr);
}

/* Append the side region of every open subpath of @path (flattened). */
static int
append_open_side(cairo_t *cr, const cairo_path_t *flat, double sign, double r)
{
	pt_list l = { NULL, 0, 0 };

	for (int i = 0; i <= flat->num_data; ) {
		int end = i >= flat->num_data;
		cairo_path_data_t *d = end ? NULL : &flat->data[i];
		if (end || d->header.type == CAIRO_PATH_MOVE_TO) {
			if (l.n >= 2)
				side_polygon(cr, &l, sign, r);
			l.n = 0;
			if (end)
				break;
		}
		if (d->header.type != CAIRO_PATH_CLOSE_PATH &&
		    pt_push(&l, d[1].point.x, d[1].point.y)) {
			free(l.xy);
			return -1;
		}
		i += d->header.length;
	}
	free(l.xy);
	return 0;
}

/*
 * Add one strip to the mask group being built: the points at distance
 * [@d1, @d2] from @path on @side. @closed: @path is all closed subpaths
 * (its inside is the right side); @flat is @path flattened (open only).
 */
static void
add_strip(cairo_t *cr, const dml_line *ln, const cairo_path_t *path,
          const cairo_path_t *flat, int closed, double width, int side,
          double d1, double d2)
{
	cairo_push_group_with_content(cr, CAIRO_CONTENT_ALPHA);
	cairo_set_source_rgba(cr, 0, 0, 0, 1);
	set_line_style(cr, ln, width);
	cairo_new_path(cr);
	cairo_append_path(cr, path);
	cairo_set_line_width(cr, 2 * d2);
	cairo_stroke(cr);
	if (d1 > width * 1e-6) {
		/* DEST_OUT, not CLEAR: cairo 1.16 leaves an alpha-only group
		 * untouched under a CLEAR stroke */
		cairo_set_operator(cr, CAIRO_OPERATOR_DEST_OUT);
		cairo_append_path(cr, path);
		cairo_set_line_width(cr, 2 * d1);
		cairo_stroke(cr);
	}
	if (side != SIDE_BOTH) {
		if (closed) {
			cairo_set_operator(cr, side == SIDE_RIGHT ? CAIRO_OPERATOR_DEST_IN :
			                   CAIRO_OPERATOR_DEST_OUT);
			cairo_append_path(cr, path);
		}
		else {
			cairo_set_operator(cr, CAIRO_OPERATOR_DEST_IN);
			if (append_open_side(cr, flat, side == SIDE_LEFT ? 1 : -1, width))
				cairo_new_path(cr);
		}
		cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
		cairo_fill(cr);
	}
	cairo_pop_group_to_source(cr);
	cairo_set_operator(cr, CAIRO_OPERATOR_ADD);
	cairo_paint(cr);
	cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
}

typedef struct strip {
	int side;
	double d1, d2;
} strip;

/*
 * Split the line into strips: each compound band is placed across the
 * line (centred on the path, or entirely inside it for algn="in"), then
 * cut at the path into a left and a right part; the part both sides
 * share is one two-sided strip, which needs no side mask.
 */
static int
line_strips(const dml_line *ln, double width, int inside, strip out[6])
{
	double band[3][2];
	int nb = compound_bands(ln->cmpd, band), n = 0;

	for (int b = 0; b < nb; b++) {
		/* signed offsets, left positive */
		double hi = inside ? -band[b][0] * width : width / 2 - band[b][0] * width;
		double lo = inside ? -band[b][1] * width : width / 2 - band[b][1] * width;
		if (lo < 0 && hi > 0) {
			double m = fmin(-lo, hi);
			out[n++] = (strip) { SIDE_BOTH, 0, m };
			if (hi > m)
				out[n++] = (strip) { SIDE_LEFT, m, hi };
			if (-lo > m)
				out[n++] = (strip) { SIDE_RIGHT, m, -lo };
		}
		else if (lo >= 0)
			out[n++] = (strip) { SIDE_LEFT, lo, hi };
		else
			out[n++] = (strip) { SIDE_RIGHT, -hi, -lo };
	}
	/* a left strip mirrored by a right one is one two-sided strip */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (out[i].side == SIDE_LEFT && out[j].side == SIDE_RIGHT &&
			    fabs(out[i].d1 - out[j].d1) < 1e-9 * width &&
			    fabs(out[i].d2 - out[j].d2) < 1e-9 * width) {
				out[i].side = SIDE_BOTH;
				out[j] = out[--n];
				j = i;
			}
	return n;
}

/* Clip to the user-space box, rounded out to whole device pixels: a
 * fractional clip edge would leave a faint line in the mask groups. */
static void
clip_to_device_box(cairo_t *cr, double x1, double y1, double x2, double y2)
{
	double xs[4] = { x1, x2, x1, x2 }, ys[4] = { y1, y1, y2, y2 };
	double lx = INFINITY, ly = INFINITY, hx = -INFINITY, hy = -INFINITY;
	cairo_matrix_t m;

	for (int i = 0; i < 4; i++) {
		cairo_user_to_device(cr, &xs[i], &ys[i]);
		lx = fmin(lx, xs[i]);
		ly = fmin(ly, ys[i]);
		hx = fmax(hx, xs[i]);
		hy = fmax(hy, ys[i]);
	}
	cairo_get_matrix(cr, &m);
	cairo_identity_matrix(cr);
	cairo_rectangle(cr, floor(lx) - 1, floor(ly) - 1, ceil(hx) - floor(lx) + 2,
	                ceil(hy) - floor(ly) + 2);
	cairo_clip(cr);
	cairo_set_matrix(cr, &m);
}

void
draw_line_stroke_source(cairo_t *cr, const dml_line *ln, cairo_pattern_t *src,
                        double width, int closed_shape)
{
	cairo_path_t *path = NULL, *flat = NULL;
	cairo_pattern_t *mask;
	strip strips[6];
	int closed, inside, n;
	double x1, y1, x2, y2;

	cairo_save(cr);
	cairo_set_source(cr, src);
	if (width <= 0) {
		/* w=0: the thinnest line the device can show, always single */
		double px = 1, py = 0;
		cairo_device_to_user_distance(cr, &px, &py);
		cairo_set_line_width(cr, hypot(px, py));
		set_line_style(cr, ln, hypot(px, py));
		cairo_stroke_preserve(cr);
		cairo_restore(cr);
		return;
	}
	path = cairo_copy_path(cr);
	closed = path->status == CAIRO_STATUS_SUCCESS && path_all_closed(path);
	inside = closed && closed_shape && ln->pen_algn == DML_PEN_IN;
	if (path->status != CAIRO_STATUS_SUCCESS ||
	    ((ln->cmpd <= DML_LN_CMPD_SNG) && !inside)) {
		cairo_path_destroy(path);
		cairo_set_line_width(cr, width);
		set_line_style(cr, ln, width);
		cairo_stroke_preserve(cr);
		cairo_restore(cr);
		return;
	}
	n = line_strips(ln, width, inside, strips);
	if (!closed)
		flat = cairo_copy_path_flat(cr);
	/* bound the mask group by the widest stroke */
	cairo_set_line_width(cr, 2 * width);
	set_line_style(cr, ln, width);
	cairo_stroke_extents(cr, &x1, &y1, &x2, &y2);
	cairo_new_path(cr);
	clip_to_device_box(cr, x1, y1, x2, y2);
	cairo_push_group_with_content(cr, CAIRO_CONTENT_ALPHA);
	for (int i = 0; i < n; i++)
		add_strip(cr, ln, path, flat, closed, width, strips[i].side,
		          strips[i].d1, strips[i].d2);
	mask = cairo_pop_group(cr);
	cairo_set_source(cr, src);
	cairo_mask(cr, mask);
	cairo_pattern_destroy(mask);
	cairo_restore(cr);
	/* callers expect the path kept, as cairo_stroke_preserve does */
	cairo_new_path(cr);
	cairo_append_path(cr, path);
	cairo_path_destroy(path);
	if (flat)
		cairo_path_destroy(flat);
}

void
draw_line_stroke(cairo_t *cr, const dml_line *ln, dml_rgba c, double width)
{
	cairo_pattern_t *src = cairo_pattern_create_rgba(c.r, c.g, c.b, c.a);

	draw_line_stroke_source(cr, ln, src, width, 0);
	cairo_pattern_destroy(src);
}
