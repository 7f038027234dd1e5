/*
 * Paint: colours through the slide's colour context, solid and gradient
 * fills (linear with ang/scaled; path gradients circle, rect and shape with
 * fillToRect and tileRect; rotWithShape), pattern fills, picture fills, and
 * the slide background. Unsupported fills are reported, never faked.
 */
#include "render/draw-imp.h"

#include <math.h>
#include <string.h>

dml_rgba
draw_color(const draw_ctx *dc, const dml_color *c, const dml_color *ph)
{
	dml_color_ctx cc = dc->rc.colors;

	cc.ph = ph && ph->kind != DML_COLOR_NONE ? ph : NULL;
	return dml_color_resolve(c, &cc);
}

static void
add_stops(const draw_ctx *dc, cairo_pattern_t *pat, const dml_fill *f,
          const dml_color *ph, int reverse)
{
	for (uint16_t i = 0; i < f->n_stops; i++) {
		const dml_grad_stop *s = &f->stops[i];
		dml_rgba c = draw_color(dc, &s->color, ph);
		double pos = s->pos_pct1k / 100000.0;
		pos = pos < 0 ? 0 : pos > 1 ? 1 : pos;
		cairo_pattern_add_color_stop_rgba(pat, reverse ? 1 - pos : pos, c.r,
		                                  c.g, c.b, c.a);
	}
}

/*
 * Gradients are built in device space: pixman evaluates them in 16.16
 * fixed point, and with EMU user coordinates (millions) a gradient far from
 * the slide's origin lost its precision and came out transparent. The
 * pattern matrix is the current transformation, so pattern space is device
 * space. Endpoints and centres go through the CTM; a radius is scaled by
 * the CTM's (uniform) scale factor.
 */
static cairo_pattern_t *
linear_in_device(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	cairo_pattern_t *pat;
	cairo_matrix_t ctm;

	cairo_user_to_device(cr, &x0, &y0);
	cairo_user_to_device(cr, &x1, &y1);
	pat = cairo_pattern_create_linear(x0, y0, x1, y1);
	cairo_get_matrix(cr, &ctm);
	cairo_pattern_set_matrix(pat, &ctm);
	return pat;
}

static cairo_pattern_t *
radial_in_device(cairo_t *cr, double cx, double cy, double rad)
{
	cairo_pattern_t *pat;
	cairo_matrix_t ctm;

	cairo_get_matrix(cr, &ctm);
	rad *= sqrt(fabs(ctm.xx * ctm.yy - ctm.xy * ctm.yx));
	cairo_user_to_device(cr, &cx, &cy);
	pat = cairo_pattern_create_radial(cx, cy, 0, cx, cy, rad);
	cairo_pattern_set_matrix(pat, &ctm);
	return pat;
}

/* Path gradients: the focus rectangle F (fillToRect) and the tile
 * rectangle O (tileRect) the stops span, as x0, y0, x1, y1 in the box
 * w x h; insets are limited to +-1000 % so hostile values stay finite. */
static void
grad_rects(const dml_fill *f, double w, double h, double F[4], double O[4])
{
	const dml_rect_pct *r[2] = { &f->fill_to, &f->tile_rect };
	double *out[2] = { F, O };

	for (int k = 0; k < 2; k++) {
		double l = r[k]->l / 100000.0, t = r[k]->t / 100000.0;
		double rr = r[k]->r / 100000.0, b = r[k]->b / 100000.0;
		l = fmax(-10, fmin(10, l));
		t = fmax(-10, fmin(10, t));
		rr = fmax(-10, fmin(10, rr));
		b = fmax(-10, fmin(10, b));
		out[k][0] = w * l;
		out[k][1] = h * t;
		out[k][2] = w * (1 - rr);
		out[k][3] = h * (1 - b);
		if (out[k][2] < out[k][0])
			out[k][0] = out[k][2] = (out[k][0] + out[k][2]) / 2;
		if (out[k][3] < out[k][1])
			out[k][1] = out[k][3] = (out[k][1] + out[k][3]) / 2;
	}
	/* the focus lies within the tile rectangle */
	for (int i = 0; i < 2; i++) {
		F[i] = fmax(F[i], O[i]);
		F[i + 2] = fmin(F[i + 2], O[i + 2]);
		if (F[i + 2] < F[i])
			F[i] = F[i + 2] = (F[i] + F[i + 2]) / 2;
	}
}

static cairo_pattern_t *
gradient_pattern(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
                 double w, double h)
{
	cairo_pattern_t *pat;

	if (f->grad_path == DML_GRAD_LINEAR) {
		/* ang is the direction of the colour change, clockwise from the
		 * x axis; scaled: the angle is defined on a square and stretched
		 * with the box */
		double a = f->lin_ang_60k / 60000.0 * S2P_PI / 180.0;
		double dx = cos(a), dy = sin(a), half;
		if (f->lin_scaled && w > 0 && h > 0) {
			dx *= w;
			dy *= h;
			double len = hypot(dx, dy);
			if (len > 0) {
				dx /= len;
				dy /= len;
			}
		}
		half = (fabs(dx) * w + fabs(dy) * h) / 2;
		pat = linear_in_device(dc->cr, w / 2 - dx * half, h / 2 - dy * half,
		                       w / 2 + dx * half, h / 2 + dy * half);
		add_stops(dc, pat, f, ph, 0);
		return pat;
	}
	/* path="circle": the first stop at the fillToRect centre, the last
	 * on the circle through the farthest corner of the tile rectangle */
	{
		double F[4], O[4], cx, cy, rad = 0;
		grad_rects(f, w, h, F, O);
		cx = (F[0] + F[2]) / 2;
		cy = (F[1] + F[3]) / 2;
		for (int i = 0; i < 4; i++) {
			double d = hypot(O[i & 1 ? 2 : 0] - cx, O[i & 2 ? 3 : 1] - cy);
			rad = d > rad ? d : rad;
		}
		pat = radial_in_device(dc->cr, cx, cy, rad > 0 ? rad : 1);
		add_stops(dc, pat, f, ph, 0);
		return pat;
	}
}

/* The colour of gradient @f at @t (0..1, stop positions), interpolated
 * between the stops around it as cairo does (non-premultiplied sRGB). */
static dml_rgba
stop_color(const draw_ctx *dc, const dml_fill *f, const dml_color *ph, double t)
{
	const dml_grad_stop *s = f->stops;
	uint16_t n = f->n_stops, i;
	dml_rgba a, b, c;
	double pa, pb, u;

	if (t <= s[0].pos_pct1k / 100000.0)
		return draw_color(dc, &s[0].color, ph);
	for (i = 1; i < n; i++)
		if (t <= s[i].pos_pct1k / 100000.0)
			break;
	if (i == n)
		return draw_color(dc, &s[n - 1].color, ph);
	a = draw_color(dc, &s[i - 1].color, ph);
	b = draw_color(dc, &s[i].color, ph);
	pa = s[i - 1].pos_pct1k / 100000.0;
	pb = s[i].pos_pct1k / 100000.0;
	u = pb > pa ? (t - pa) / (pb - pa) : 1;
	c.r = a.r + (b.r - a.r) * u;
	c.g = a.g + (b.g - a.g) * u;
	c.b = a.b + (b.b - a.b) * u;
	c.a = a.a + (b.a - a.a) * u;
	return c;
}

/* R = F + (O - F) * t, corner by corner. */
static void
lerp_rect(const double F[4], const double O[4], double t, double R[4])
{
	for (int i = 0; i < 4; i++)
		R[i] = F[i] + (O[i] - F[i]) * t;
}

static void
mesh_quad(cairo_pattern_t *m, cairo_t *cr, const double p[4][2],
          dml_rgba ci, dml_rgba co)
{
	cairo_mesh_pattern_begin_patch(m);
	for (int k = 0; k < 4; k++) {
		double x = p[k][0], y = p[k][1];
		cairo_user_to_device(cr, &x, &y);
		if (k == 0)
			cairo_mesh_pattern_move_to(m, x, y);
		else
			cairo_mesh_pattern_line_to(m, x, y);
	}
	/* corners 0, 1 on the inner edge; 2, 3 on the outer one */
	cairo_mesh_pattern_set_corner_color_rgba(m, 0, ci.r, ci.g, ci.b, ci.a);
	cairo_mesh_pattern_set_corner_color_rgba(m, 1, ci.r, ci.g, ci.b, ci.a);
	cairo_mesh_pattern_set_corner_color_rgba(m, 2, co.r, co.g, co.b, co.a);
	cairo_mesh_pattern_set_corner_color_rgba(m, 3, co.r, co.g, co.b, co.a);
	cairo_mesh_pattern_end_patch(m);
}

/*
 * path="rect": the colour depends on how far a point is from the focus
 * rectangle F towards the tile rectangle O, measured separately on each
 * side (the four-sided pyramid PowerPoint draws). Built as a mesh: per
 * span between stops, four trapezoids (top, right, bottom, left) whose
 * inner edges carry the span's first colour and outer edges its last.
 * In device space, like the other gradients (pixman precision).
 */
static cairo_pattern_t *
rect_gradient(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
              double w, double h)
{
	cairo_t *cr = dc->cr;
	cairo_pattern_t *m = cairo_pattern_create_mesh();
	double F[4], O[4], prev_t = 0;
	dml_rgba prev_c;
	cairo_matrix_t ctm;

	grad_rects(f, w, h, F, O);
	prev_c = stop_color(dc, f, ph, 0);
	for (uint16_t i = 0; i <= f->n_stops; i++) {
		double t = i < f->n_stops ? f->stops[i].pos_pct1k / 100000.0 : 1, A[4], B[4];
		dml_rgba c = i < f->n_stops ? stop_color(dc, f, ph, t) : prev_c;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		if (t > prev_t) {
			lerp_rect(F, O, prev_t, A);
			lerp_rect(F, O, t, B);
			{
				const double q[4][4][2] = {
					{ { A[0], A[1] }, { A[2], A[1] }, { B[2], B[1] }, { B[0], B[1] } },
					{ { A[2], A[1] }, { A[2], A[3] }, { B[2], B[3] }, { B[2], B[1] } },
					{ { A[2], A[3] }, { A[0], A[3] }, { B[0], B[3] }, { B[2], B[3] } },
					{ { A[0], A[3] }, { A[0], A[1] }, { B[0], B[1] }, { B[0], B[3] } },
				};
				for (int k = 0; k < 4; k++)
					mesh_quad(m, cr, q[k], prev_c, c);
			}
		}
		prev_t = t > prev_t ? t : prev_t;
		prev_c = c;
	}
	if (F[2] > F[0] && F[3] > F[1]) {
		/* inside the focus rectangle: the first colour, flat */
		dml_rgba c0 = stop_color(dc, f, ph, 0);
		const double q[4][2] = { { F[0], F[1] }, { F[2], F[1] }, { F[2], F[3] },
		                         { F[0], F[3] } };
		mesh_quad(m, cr, q, c0, c0);
	}
	cairo_get_matrix(cr, &ctm);
	cairo_pattern_set_matrix(m, &ctm);
	return m;
}

/*
 * path="shape": the colour follows the outline: its iso-lines are copies
 * of the shape's own path shrunk from the box towards the focus rectangle.
 * Drawn as nested bands (each a scaled copy of the path filled with the
 * colour of its middle), fine enough that a step is at most ~2 device
 * pixels wide, never more than 128 of them. An approximation of
 * PowerPoint's (which grows the focus outwards along the outline), exact
 * for rectangles and ellipses centred on the focus.
 */
static void
shape_gradient(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
               double w, double h)
{
	cairo_t *cr = dc->cr;
	cairo_path_t *path = cairo_copy_path(cr);
	double F[4], O[4], dx = w, dy = h;
	int n;

	grad_rects(f, w, h, F, O);
	cairo_user_to_device_distance(cr, &dx, &dy);
	n = (int) ceil(fmax(fabs(dx), fabs(dy)) / 4);
	n = n < 8 ? 8 : n > 128 ? 128 : n;
	for (int i = 0; i <= n; i++) {
		double t = 1 - (double) i / n, B[4] = { 0, 0, w, h }, R[4];
		dml_rgba c = stop_color(dc, f, ph, i == n ? 0 : t - 0.5 / n);
		lerp_rect(F, B, t, R);
		if (i == n && !(F[2] > F[0] && F[3] > F[1]))
			break; /* a focus point: nothing left to fill */
		cairo_new_path(cr);
		cairo_save(cr);
		cairo_translate(cr, R[0], R[1]);
		cairo_scale(cr, w > 0 ? (R[2] - R[0]) / w : 1, h > 0 ? (R[3] - R[1]) / h : 1);
		cairo_append_path(cr, path);
		cairo_restore(cr);
		cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
		cairo_fill(cr);
	}
	cairo_new_path(cr);
	cairo_append_path(cr, path);
	cairo_path_destroy(path);
}

/* rotWithShape="0": the gradient keeps to the slide's axes when the shape
 * turns. Makes the user space an unturned one over the device bounding
 * box of the shape's box, and returns that box's size in it. The path is
 * kept (cairo stores it in device space). */
static void
gradient_unturned(cairo_t *cr, double *w, double *h)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
	cairo_matrix_t ctm;
	double sc;

	cairo_get_matrix(cr, &ctm);
	if (ctm.xy == 0 && ctm.yx == 0 && ctm.xx > 0 && ctm.yy > 0)
		return; /* neither turned nor mirrored */
	for (int i = 0; i < 4; i++) {
		double x = i & 1 ? *w : 0, y = i & 2 ? *h : 0;
		cairo_user_to_device(cr, &x, &y);
		x0 = fmin(x0, x);
		y0 = fmin(y0, y);
		x1 = fmax(x1, x);
		y1 = fmax(y1, y);
	}
	sc = sqrt(fabs(ctm.xx * ctm.yy - ctm.xy * ctm.yx));
	if (!(sc > 0))
		return;
	cairo_identity_matrix(cr);
	cairo_translate(cr, x0, y0);
	cairo_scale(cr, sc, sc);
	*w = (x1 - x0) / sc;
	*h = (y1 - y0) / sc;
}

/* Tiles of a linear gradient are drawn at most this many pixels a side. */
enum { GRAD_TILE_MAX_PX = 4096 };

/*
 * A linear gradient whose tileRect O lies inside the box: the stops span
 * O, and O is tiled over the box (§20.1.8.59), every other column and
 * row mirrored as gradFill@flip asks. Drawn once into an image of the
 * tile at device resolution (twice as wide and high when mirrored),
 * repeated. NULL when the tile is degenerate or too large.
 */
static cairo_pattern_t *
tiled_linear(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
             const double O[4])
{
	cairo_t *cr = dc->cr, *tc;
	cairo_surface_t *tile;
	cairo_pattern_t *g, *pat;
	cairo_matrix_t ctm, pm;
	double tw = O[2] - O[0], th = O[3] - O[1], sc;
	int mx = f->tile_flip & 1, my = f->tile_flip >> 1 & 1, pw, ph_;

	cairo_get_matrix(cr, &ctm);
	sc = sqrt(fabs(ctm.xx * ctm.yy - ctm.xy * ctm.yx));
	if (!(tw > 0 && th > 0 && sc > 0) || tw * sc > GRAD_TILE_MAX_PX ||
	    th * sc > GRAD_TILE_MAX_PX)
		return NULL;
	pw = (int) ceil(tw * sc);
	ph_ = (int) ceil(th * sc);
	tile = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw * (1 + mx), ph_ * (1 + my));
	if (cairo_surface_status(tile) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(tile);
		return NULL;
	}
	tc = cairo_create(tile);
	cairo_scale(tc, pw / tw, ph_ / th);
	dc->cr = tc; /* the gradient is built in the tile's device space */
	g = gradient_pattern(dc, f, ph, tw, th);
	dc->cr = cr;
	for (int j = 0; j <= my; j++)
		for (int i = 0; i <= mx; i++) {
			/* the mirrored copies: drawn through a mirrored user space,
			 * the pattern (fixed to the unmirrored one) comes out mirrored */
			cairo_save(tc);
			cairo_translate(tc, i ? 2 * tw : 0, j ? 2 * th : 0);
			cairo_scale(tc, i ? -1 : 1, j ? -1 : 1);
			cairo_rectangle(tc, 0, 0, tw, th);
			cairo_set_source(tc, g);
			cairo_fill(tc);
			cairo_restore(tc);
		}
	cairo_pattern_destroy(g);
	cairo_destroy(tc);
	pat = cairo_pattern_create_for_surface(tile);
	cairo_surface_destroy(tile);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
	/* at device resolution already; a bilinear filter would blend each
	 * tile's first column with the previous tile's last (a seam) */
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_matrix_init_scale(&pm, pw / tw, ph_ / th);
	cairo_matrix_translate(&pm, -O[0], -O[1]);
	cairo_pattern_set_matrix(pat, &pm);
	return pat;
}

/* A linear gradient over its tile rectangle: NULL when the tile is the
 * box itself (the plain gradient), else the gradient stretched over a
 * tile that covers the box or tiled over it. */
static cairo_pattern_t *
linear_in_tile(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
               double w, double h)
{
	const dml_rect_pct *t = &f->tile_rect;
	cairo_pattern_t *pat;
	double F[4], O[4];

	if (!t->l && !t->t && !t->r && !t->b)
		return NULL;
	grad_rects(f, w, h, F, O);
	if (O[0] <= 0 && O[1] <= 0 && O[2] >= w && O[3] >= h) {
		cairo_save(dc->cr);
		cairo_translate(dc->cr, O[0], O[1]);
		pat = gradient_pattern(dc, f, ph, O[2] - O[0], O[3] - O[1]);
		cairo_restore(dc->cr);
		return pat;
	}
	pat = tiled_linear(dc, f, ph, O);
	if (!pat)
		pml_diag_add(dc->diags, dc->part, "tiled gradient (tileRect) too large "
		             "or empty: drawn over the whole shape");
	return pat;
}

/* Fill the current path (kept) with gradient @f of two stops or more. */
static void
gradient_fill(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
              double w, double h)
{
	cairo_t *cr = dc->cr;
	cairo_pattern_t *pat;

	cairo_save(cr);
	if (!f->rot_with_shape)
		gradient_unturned(cr, &w, &h);
	if (f->grad_path == DML_GRAD_SHAPE) {
		shape_gradient(dc, f, ph, w, h);
		cairo_restore(cr);
		return;
	}
	if (f->grad_path == DML_GRAD_RECT) {
		double F[4], O[4];
		grad_rects(f, w, h, F, O);
		if (O[0] > 0 || O[1] > 0 || O[2] < w || O[3] < h) {
			/* outside the tile rectangle the last colour carries on */
			dml_rgba c = stop_color(dc, f, ph, 1);
			cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
			cairo_fill_preserve(cr);
		}
		pat = rect_gradient(dc, f, ph, w, h);
	}
	else if (f->grad_path != DML_GRAD_LINEAR ||
	         !(pat = linear_in_tile(dc, f, ph, w, h)))
		pat = gradient_pattern(dc, f, ph, w, h);
	cairo_set_source(cr, pat);
	cairo_pattern_destroy(pat);
	cairo_fill_preserve(cr);
	cairo_restore(cr);
}

/*
 * a:pattFill presets (ST_PresetPatternVal): the 8 x 8 bitmaps PowerPoint
 * tiles, one byte per row from the top, bit 7 the leftmost pixel, 1 the
 * foreground colour. "up" diagonals rise to the right ("/"), "down" ones
 * fall ("\\"); dark = twice the width, light = twice as close, wide =
 * three pixels; the pctN tones keep their complements symmetric (pct75 is
 * pct25 inverted). A pattern pixel is 1/96 in (PowerPoint's screen pixel),
 * a whole number of device pixels, aligned with the slide.
 */
static const struct draw_pattern_preset {
	const char *name;
	unsigned char rows[8];
} PATTERNS[] = {
	{ "pct5", { 0x80, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00 } },
	{ "pct10", { 0x80, 0x00, 0x08, 0x00, 0x80, 0x00, 0x08, 0x00 } },
	{ "pct20", { 0x88, 0x00, 0x22, 0x00, 0x88, 0x00, 0x22, 0x00 } },
	{ "pct25", { 0x88, 0x22, 0x88, 0x22, 0x88, 0x22, 0x88, 0x22 } },
	{ "pct30", { 0xAA, 0x44, 0xAA, 0x11, 0xAA, 0x44, 0xAA, 0x11 } },
	{ "pct40", { 0xAA, 0x55, 0xAA, 0x11, 0xAA, 0x55, 0xAA, 0x11 } },
	{ "pct50", { 0xAA, 0x55, 0xAA, 0x55, 0xAA, 0x55, 0xAA, 0x55 } },
	{ "pct60", { 0x55, 0xAA, 0x55, 0xEE, 0x55, 0xAA, 0x55, 0xEE } },
	{ "pct70", { 0x55, 0xBB, 0x55, 0xEE, 0x55, 0xBB, 0x55, 0xEE } },
	{ "pct75", { 0x77, 0xDD, 0x77, 0xDD, 0x77, 0xDD, 0x77, 0xDD } },
	{ "pct80", { 0x77, 0xFF, 0xDD, 0xFF, 0x77, 0xFF, 0xDD, 0xFF } },
	{ "pct90", { 0x7F, 0xFF, 0xF7, 0xFF, 0x7F, 0xFF, 0xF7, 0xFF } },
	{ "horz", { 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 } },
	{ "vert", { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 } },
	{ "ltHorz", { 0xFF, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00 } },
	{ "ltVert", { 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88 } },
	{ "dkHorz", { 0xFF, 0xFF, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00 } },
	{ "dkVert", { 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC } },
	{ "narHorz", { 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00 } },
	{ "narVert", { 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA } },
	{ "dashHorz", { 0xF0, 0x00, 0x00, 0x00, 0x0F, 0x00, 0x00, 0x00 } },
	{ "dashVert", { 0x80, 0x80, 0x80, 0x80, 0x08, 0x08, 0x08, 0x08 } },
	{ "cross", { 0xFF, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 } },
	{ "dnDiag", { 0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01 } },
	{ "upDiag", { 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80 } },
	{ "ltDnDiag", { 0x88, 0x44, 0x22, 0x11, 0x88, 0x44, 0x22, 0x11 } },
	{ "ltUpDiag", { 0x11, 0x22, 0x44, 0x88, 0x11, 0x22, 0x44, 0x88 } },
	{ "dkDnDiag", { 0xCC, 0x66, 0x33, 0x99, 0xCC, 0x66, 0x33, 0x99 } },
	{ "dkUpDiag", { 0x33, 0x66, 0xCC, 0x99, 0x33, 0x66, 0xCC, 0x99 } },
	{ "wdDnDiag", { 0xE0, 0x70, 0x38, 0x1C, 0x0E, 0x07, 0x83, 0xC1 } },
	{ "wdUpDiag", { 0x07, 0x0E, 0x1C, 0x38, 0x70, 0xE0, 0xC1, 0x83 } },
	{ "dashDnDiag", { 0x88, 0x44, 0x22, 0x11, 0x00, 0x00, 0x00, 0x00 } },
	{ "dashUpDiag", { 0x11, 0x22, 0x44, 0x88, 0x00, 0x00, 0x00, 0x00 } },
	{ "diagCross", { 0x81, 0x42, 0x24, 0x18, 0x18, 0x24, 0x42, 0x81 } },
	{ "smCheck", { 0xCC, 0xCC, 0x33, 0x33, 0xCC, 0xCC, 0x33, 0x33 } },
	{ "lgCheck", { 0xF0, 0xF0, 0xF0, 0xF0, 0x0F, 0x0F, 0x0F, 0x0F } },
	{ "smGrid", { 0xFF, 0x88, 0x88, 0x88, 0xFF, 0x88, 0x88, 0x88 } },
	{ "lgGrid", { 0xFF, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 } },
	{ "dotGrid", { 0xAA, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80, 0x00 } },
	{ "smConfetti", { 0x80, 0x10, 0x02, 0x20, 0x01, 0x08, 0x40, 0x04 } },
	{ "lgConfetti", { 0xC0, 0xC6, 0x06, 0x30, 0x33, 0x03, 0x18, 0x18 } },
	{ "horzBrick", { 0xFF, 0x80, 0x80, 0x80, 0xFF, 0x08, 0x08, 0x08 } },
	{ "diagBrick", { 0x01, 0x02, 0x04, 0x08, 0x10, 0x28, 0x44, 0x82 } },
	{ "solidDmnd", { 0x10, 0x38, 0x7C, 0xFE, 0x7C, 0x38, 0x10, 0x00 } },
	{ "openDmnd", { 0x80, 0x41, 0x22, 0x14, 0x08, 0x14, 0x22, 0x41 } },
	{ "dotDmnd", { 0x80, 0x00, 0x22, 0x00, 0x08, 0x00, 0x22, 0x00 } },
	{ "plaid", { 0xAA, 0x55, 0xAA, 0x55, 0xF0, 0xF0, 0xF0, 0xF0 } },
	{ "sphere", { 0x60, 0xB0, 0xF0, 0x60, 0x06, 0x0B, 0x0F, 0x06 } },
	{ "weave", { 0x88, 0x54, 0x22, 0x45, 0x88, 0x14, 0x22, 0x51 } },
	{ "divot", { 0x00, 0x20, 0x10, 0x20, 0x00, 0x01, 0x80, 0x01 } },
	{ "shingle", { 0x03, 0x84, 0x48, 0x30, 0x0C, 0x02, 0x01, 0x01 } },
	{ "wave", { 0x00, 0x06, 0x99, 0x60, 0x00, 0x06, 0x99, 0x60 } },
	{ "trellis", { 0xFF, 0x66, 0xFF, 0x99, 0xFF, 0x66, 0xFF, 0x99 } },
	{ "zigZag", { 0x81, 0x42, 0x24, 0x18, 0x81, 0x42, 0x24, 0x18 } },
};

const unsigned char *
draw_pattern_bits(const char *name)
{
	for (size_t i = 0; i < S2P_ARRAY_LEN(PATTERNS); i++)
		if (s2p_str_eq(name, PATTERNS[i].name))
			return PATTERNS[i].rows;
	return NULL;
}

size_t
draw_pattern_count(void)
{
	return S2P_ARRAY_LEN(PATTERNS);
}

static uint32_t
premul_argb(dml_rgba c)
{
	double a = c.a < 0 ? 0 : c.a > 1 ? 1 : c.a;
	uint32_t A = (uint32_t) lround(a * 255);
	uint32_t R = (uint32_t) lround(c.r * a * 255), G = (uint32_t) lround(c.g * a * 255),
	         B = (uint32_t) lround(c.b * a * 255);
	return A << 24 | R << 16 | G << 8 | B;
}

static void
pattern_fill(draw_ctx *dc, const dml_fill *f, const dml_color *ph)
{
	cairo_t *cr = dc->cr;
	const unsigned char *bits = draw_pattern_bits(f->prst);
	/* absent colours: PowerPoint's black on white */
	dml_rgba fg = f->color.kind != DML_COLOR_NONE ? draw_color(dc, &f->color, ph) :
	              (dml_rgba) { 0, 0, 0, 1 };
	dml_rgba bg = f->bg.kind != DML_COLOR_NONE ? draw_color(dc, &f->bg, ph) :
	              (dml_rgba) { 1, 1, 1, 1 };
	cairo_surface_t *tile;
	cairo_pattern_t *pat;
	cairo_matrix_t m, s;
	uint32_t fp, bp;
	double k;

	if (!bits) {
		pml_diag_add(dc->diags, dc->part, "unknown pattern fill '%s' drawn as "
		             "an average colour", f->prst ? f->prst : "");
		cairo_set_source_rgba(cr, (fg.r + bg.r) / 2, (fg.g + bg.g) / 2,
		                      (fg.b + bg.b) / 2, (fg.a + bg.a) / 2);
		cairo_fill_preserve(cr);
		return;
	}
	tile = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
	if (cairo_surface_status(tile) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(tile);
		return;
	}
	cairo_surface_flush(tile);
	fp = premul_argb(fg);
	bp = premul_argb(bg);
	for (int y = 0; y < 8; y++) {
		uint32_t *row = (uint32_t *) (void *) (cairo_image_surface_get_data(tile) +
		                (size_t) y * (size_t) cairo_image_surface_get_stride(tile));
		for (int x = 0; x < 8; x++)
			row[x] = bits[y] & (0x80 >> x) ? fp : bp;
	}
	cairo_surface_mark_dirty(tile);
	pat = cairo_pattern_create_for_surface(tile);
	cairo_surface_destroy(tile);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	/* user -> device -> pattern pixels of k device pixels each */
	k = round(dc->px_per_emu * 9525);
	k = k < 1 ? 1 : k > 64 ? 64 : k;
	cairo_get_matrix(cr, &m);
	cairo_matrix_init_scale(&s, 1 / k, 1 / k);
	cairo_matrix_multiply(&m, &m, &s);
	cairo_pattern_set_matrix(pat, &m);
	cairo_set_source(cr, pat);
	cairo_pattern_destroy(pat);
	cairo_fill_preserve(cr);
}

cairo_pattern_t *
draw_fill_pattern(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
                  double w, double h)
{
	dml_rgba c;

	if (f->kind == DML_FILL_GRAD && f->n_stops >= 2)
		return gradient_pattern(dc, f, ph, w, h);
	if (f->kind == DML_FILL_GRAD && f->n_stops == 1)
		c = draw_color(dc, &f->stops[0].color, ph);
	else if (f->kind == DML_FILL_SOLID)
		c = draw_color(dc, &f->color, ph);
	else
		return NULL;
	return cairo_pattern_create_rgba(c.r, c.g, c.b, c.a);
}

void
draw_fill_path(draw_ctx *dc, const dml_fill *f, const dml_color *ph,
               double w, double h)
{
	cairo_t *cr = dc->cr;
	dml_rgba c;

	switch (f->kind) {
	case DML_FILL_SOLID:
		c = draw_color(dc, &f->color, ph);
		cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
		cairo_fill_preserve(cr);
		break;
	case DML_FILL_GRAD:
		if (f->n_stops == 0)
			break;
		if (f->n_stops == 1) {
			c = draw_color(dc, &f->stops[0].color, ph);
			cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
			cairo_fill_preserve(cr);
		}
		else
			gradient_fill(dc, f, ph, w, h);
		break;
	case DML_FILL_BLIP: {
		/* drawing the picture uses the path (clips): keep the caller's */
		cairo_path_t *path = cairo_copy_path(cr);
		cairo_save(cr);
		cairo_clip_preserve(cr);
		draw_picture(dc, f, w, h);
		cairo_restore(cr);
		cairo_new_path(cr);
		cairo_append_path(cr, path);
		cairo_path_destroy(path);
		break;
	}
	case DML_FILL_PATT:
		pattern_fill(dc, f, ph);
		break;
	case DML_FILL_GRP:
		pml_diag_add(dc->diags, dc->part, "group fill (grpFill) not drawn");
		break;
	default:
		break;
	}
}

void
draw_background(draw_ctx *dc, double w, double h)
{
	dml_color ph;
	dml_fill f = resolve_background(&dc->rc, &ph);

	cairo_save(dc->cr);
	cairo_rectangle(dc->cr, 0, 0, w, h);
	draw_fill_path(dc, &f, &ph, w, h);
	cairo_new_path(dc->cr);
	cairo_restore(dc->cr);
}
