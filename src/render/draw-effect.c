/*
 * Shape effects. Each works on an A8 silhouette of the shape drawn in
 * device space (bounded by the visible area plus the blur's reach),
 * blurred by three box passes that approximate PowerPoint's Gaussian:
 * outer shadow (scaled, skewed and moved about its algn point), glow
 * (silhouette grown by half the radius), inner shadow (the inverse
 * silhouette, moved, clipped to the shape), soft edges (silhouette shrunk
 * by half the radius, used as the shape's mask) and reflection (the shape
 * drawn into a group, painted again mirrored through a fading mask).
 */
#include "render/draw-effect.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* PowerPoint's blur radius is where the blur's reach ends: its Gaussian
 * has about a third of it as sigma. Measured on PowerPoint's own renders
 * (office2pdf decks: blurRad 9 pt fits sigma 3.8-4.1 px at 96 dpi). */
double
draw_fx_sigma(double rad_px)
{
	return rad_px > 0 ? rad_px / 3 : 0;
}

/* Widths of three box passes whose combination approximates a Gaussian
 * of @sigma: a mix of two odd widths (Kovesi, "Fast almost-Gaussian
 * filtering", 2010), so small radii are not rounded to a whole box. */
static void
box_widths(double sigma, int w[3])
{
	double v = 12 * sigma * sigma;
	int wl = (int) floor(sqrt(v / 3 + 1)), m;

	if (wl % 2 == 0)
		wl--;
	if (wl < 1)
		wl = 1;
	m = (int) lround((v - 3.0 * wl * wl - 12.0 * wl - 9) / (-4.0 * wl - 4));
	m = m < 0 ? 0 : m > 3 ? 3 : m;
	for (int i = 0; i < 3; i++)
		w[i] = i < m ? wl : wl + 2;
}

/* Dividing by the window is a multiply and shift (an integer division
 * per pixel was most of the blur's cost). A sum is at most 255 * win, so
 * the product stays near 255 * 2^23, within 32 bits, while the window is
 * below 2^14 (draw_fx_blur keeps it there). */
enum { BOX_SHIFT = 23 };

static uint32_t
box_inverse(int win)
{
	return (uint32_t) (((1u << BOX_SHIFT) + (uint32_t) win / 2) / (uint32_t) win);
}

/* One horizontal box pass of radius @r over a row of @w pixels. */
static void
box_row(const unsigned char *src, unsigned char *dst, int w, int n, int r)
{
	uint32_t inv = box_inverse(2 * r + 1), half = 1u << (BOX_SHIFT - 1);

	for (int c = 0; c < n; c++) {
		uint32_t sum = 0;
		for (int x = 0; x <= r && x < w; x++)
			sum += src[x * n + c];
		for (int x = 0; x < w; x++) {
			dst[x * n + c] = (unsigned char) ((sum * inv + half) >> BOX_SHIFT);
			if (x + r + 1 < w)
				sum += src[(x + r + 1) * n + c];
			if (x - r >= 0)
				sum -= src[(x - r) * n + c];
		}
	}
}

/* One vertical box pass of radius @r from @src to @dst, a whole row at a
 * time (running column sums in @acc) so memory is read in order. */
static void
box_cols(const unsigned char *src, unsigned char *dst, int rowlen, int h,
         int stride, int r, uint32_t *acc)
{
	uint32_t inv = box_inverse(2 * r + 1), half = 1u << (BOX_SHIFT - 1);

	memset(acc, 0, (size_t) rowlen * sizeof *acc);
	for (int y = 0; y <= r && y < h; y++) {
		const unsigned char *s = src + (size_t) y * (size_t) stride;
		for (int i = 0; i < rowlen; i++)
			acc[i] += s[i];
	}
	for (int y = 0; y < h; y++) {
		unsigned char *d = dst + (size_t) y * (size_t) stride;
		for (int i = 0; i < rowlen; i++)
			d[i] = (unsigned char) ((acc[i] * inv + half) >> BOX_SHIFT);
		if (y + r + 1 < h) {
			const unsigned char *s = src + (size_t) (y + r + 1) * (size_t) stride;
			for (int i = 0; i < rowlen; i++)
				acc[i] += s[i];
		}
		if (y - r >= 0) {
			const unsigned char *s = src + (size_t) (y - r) * (size_t) stride;
			for (int i = 0; i < rowlen; i++)
				acc[i] -= s[i];
		}
	}
}

int
draw_fx_blur(unsigned char *data, int w, int h, int stride, int n_chan,
             double sigma)
{
	unsigned char *tmp;
	uint32_t *acc;
	int widths[3], rowlen = w * n_chan;

	if (sigma < 0.25 || w <= 0 || h <= 0)
		return 0;
	box_widths(sigma, widths);
	tmp = malloc((size_t) stride * (size_t) h);
	acc = malloc((size_t) rowlen * sizeof *acc);
	if (!tmp || !acc) {
		free(tmp);
		free(acc);
		return -1;
	}
	for (int p = 0; p < 3; p++) {
		int r = (widths[p] - 1) / 2;
		if (r <= 0)
			continue;
		if (r > 4000)
			r = 4000;
		for (int y = 0; y < h; y++)
			box_row(data + (size_t) y * (size_t) stride,
			        tmp + (size_t) y * (size_t) stride, w, n_chan, r);
		box_cols(tmp, data, rowlen, h, stride, r, acc);
	}
	free(tmp);
	free(acc);
	return 0;
}

/* ---- silhouettes ---- */

enum fx_sil { FX_SIL_SHAPE, FX_SIL_GROW, FX_SIL_SHRINK, FX_SIL_INVERSE };

typedef struct fx_mask {
	cairo_surface_t *s;   /* A8, or NULL when nothing is visible */
	int x, y;             /* device position */
	int w, h;             /* size in mask pixels */
	int f;                /* device pixels per mask pixel */
} fx_mask;

/*
 * Masks kept for reuse: a slide of cards draws the same shadow many
 * times. An entry is found by the silhouette's own pixels (before the
 * blur) and the blur, so a hit is exact; blurred silhouettes are placed
 * on half pixels (fx_mask_new) so that identical shapes at different
 * places give identical silhouettes.
 */
/* at most 8 masks of 2 MiB each (at device resolution) per worker */
enum { FX_CACHE_SLOTS = 8, FX_CACHE_MAX_BYTES = 2 << 20 };

typedef struct fx_cache_slot {
	unsigned char *raw;   /* the silhouette before the blur, w x h bytes */
	int w, h, f;
	double sigma;
	cairo_surface_t *blurred; /* the result, at device resolution */
} fx_cache_slot;

struct draw_fx_cache {
	fx_cache_slot slot[FX_CACHE_SLOTS];
	int next;             /* the slot replaced next */
};

void
draw_fx_cache_free(draw_ctx *dc)
{
	struct draw_fx_cache *c = dc->fx_cache;

	if (!c)
		return;
	for (int i = 0; i < FX_CACHE_SLOTS; i++) {
		free(c->slot[i].raw);
		if (c->slot[i].blurred)
			cairo_surface_destroy(c->slot[i].blurred);
	}
	free(c);
	dc->fx_cache = NULL;
}

/* Wide blurs are computed at a lower resolution: a mask pixel covers f x f
 * device pixels, so the blur sees a sigma of at least 2 of its pixels and
 * costs f^2 times less. The mask is scaled back up bilinearly. */
static int
fx_mask_factor(double sigma)
{
	int f = (int) floor(sigma / 2);

	return f < 1 ? 1 : f > 4 ? 4 : f;
}

/* Masks are bounded by the visible area; this caps a hostile one. */
enum { FX_MASK_MAX_PIXELS = 16 << 20 };

/* Append the shape's paths: the filled ones when @fill_only. */
static void
fx_paths(cairo_t *c, const draw_fx *fx, int fill_only, double grow)
{
	for (size_t i = 0; i < fx->geom->n_paths; i++) {
		const draw_geom_path *p = &fx->geom->paths[i];
		cairo_new_path(c);
		cairo_append_path(c, p->path);
		if ((fx->filled || fill_only) && p->fill != DRAW_FILL_NONE)
			cairo_fill_preserve(c);
		if (!fill_only && p->stroke && fx->line_w > 0) {
			cairo_set_line_width(c, fx->line_w);
			cairo_stroke_preserve(c);
		}
		if (grow > 0 && ((fx->filled && p->fill != DRAW_FILL_NONE) ||
		                 (p->stroke && fx->line_w > 0))) {
			/* grown evenly: corners rounded, never mitred into spikes */
			cairo_set_line_join(c, CAIRO_LINE_JOIN_ROUND);
			cairo_set_line_width(c, 2 * grow + (p->stroke ? fx->line_w : 0));
			cairo_stroke_preserve(c);
			cairo_set_line_join(c, CAIRO_LINE_JOIN_MITER);
		}
	}
	cairo_new_path(c);
}

/* Device extents of the shape under @E after the current CTM, grown by
 * @grow user units: 0 when empty. */
static int
fx_extents(draw_ctx *dc, const draw_fx *fx, const cairo_matrix_t *E,
           double grow, double ext[4])
{
	cairo_surface_t *one = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	cairo_t *c = cairo_create(one);
	cairo_matrix_t ctm;
	int any = 0;

	cairo_get_matrix(dc->cr, &ctm);
	cairo_set_matrix(c, E);
	cairo_transform(c, &ctm);
	ext[0] = ext[1] = HUGE_VAL;
	ext[2] = ext[3] = -HUGE_VAL;
	for (size_t i = 0; i < fx->geom->n_paths; i++) {
		const draw_geom_path *p = &fx->geom->paths[i];
		double w = (p->stroke ? fx->line_w : 0) + 2 * grow, e[4];
		cairo_new_path(c);
		cairo_append_path(c, p->path);
		if (w > 0) {
			cairo_set_line_width(c, w);
			cairo_stroke_extents(c, &e[0], &e[1], &e[2], &e[3]);
		}
		else
			cairo_fill_extents(c, &e[0], &e[1], &e[2], &e[3]);
		/* to device space: the extents are in the context's user space */
		{
			double xs[4] = { e[0], e[2], e[0], e[2] };
			double ys[4] = { e[1], e[1], e[3], e[3] };
			if (e[2] <= e[0] && e[3] <= e[1])
				continue;
			for (int k = 0; k < 4; k++) {
				cairo_user_to_device(c, &xs[k], &ys[k]);
				ext[0] = fmin(ext[0], xs[k]);
				ext[1] = fmin(ext[1], ys[k]);
				ext[2] = fmax(ext[2], xs[k]);
				ext[3] = fmax(ext[3], ys[k]);
				any = 1;
			}
		}
	}
	cairo_destroy(c);
	cairo_surface_destroy(one);
	return any && ext[2] > ext[0] && ext[3] > ext[1];
}

/* The visible device area (the clip, usually the slide). */
static void
fx_visible(draw_ctx *dc, double v[4])
{
	cairo_matrix_t m;

	cairo_get_matrix(dc->cr, &m);
	cairo_identity_matrix(dc->cr);
	cairo_clip_extents(dc->cr, &v[0], &v[1], &v[2], &v[3]);
	cairo_set_matrix(dc->cr, &m);
}

/* Draw the shape's silhouette through @E (a device-space transform) into
 * a new A8 mask covering its extents grown by @pad pixels (and @grow user
 * units for FX_SIL_GROW), limited to the visible area grown by @pad. */
static void
fx_mask_new(draw_ctx *dc, const draw_fx *fx, const cairo_matrix_t *E,
            enum fx_sil mode, double grow, double pad, double sigma,
            fx_mask *m)
{
	double ext[4], vis[4];
	cairo_matrix_t ctm, snapped;
	cairo_t *c;

	memset(m, 0, sizeof *m);
	if (!fx_extents(dc, fx, E, mode == FX_SIL_GROW ? grow : 0, ext))
		return;
	if ((mode == FX_SIL_SHAPE || mode == FX_SIL_GROW) && sigma >= 1) {
		/* a blurred copy moved by a quarter pixel at most looks the same,
		 * and half-pixel placement lets identical shapes share one mask
		 * (whole pixels cost office2pdf's card slides 0.001 of their
		 * fidelity score) */
		double sx = ext[0] - round(ext[0] * 2) / 2, sy = ext[1] - round(ext[1] * 2) / 2;
		cairo_matrix_t t;
		cairo_matrix_init_translate(&t, -sx, -sy);
		cairo_matrix_multiply(&snapped, E, &t);
		E = &snapped;
		ext[0] -= sx;
		ext[2] -= sx;
		ext[1] -= sy;
		ext[3] -= sy;
	}
	fx_visible(dc, vis);
	ext[0] = fmax(ext[0] - pad, vis[0] - pad);
	ext[1] = fmax(ext[1] - pad, vis[1] - pad);
	ext[2] = fmin(ext[2] + pad, vis[2] + pad);
	ext[3] = fmin(ext[3] + pad, vis[3] + pad);
	if (!(ext[2] > ext[0] && ext[3] > ext[1]))
		return;
	m->f = fx_mask_factor(sigma);
	m->x = (int) floor(ext[0]);
	m->y = (int) floor(ext[1]);
	m->w = (int) ceil((ceil(ext[2]) - m->x) / m->f);
	m->h = (int) ceil((ceil(ext[3]) - m->y) / m->f);
	if (m->w <= 0 || m->h <= 0 ||
	    (double) m->w * m->f * (double) m->h * m->f > FX_MASK_MAX_PIXELS) {
		if (m->w > 0 && m->h > 0)
			pml_diag_add(dc->diags, dc->part, "shape effect too large to "
			             "draw (%d x %d px)", m->w, m->h);
		return;
	}
	m->s = cairo_image_surface_create(CAIRO_FORMAT_A8, m->w, m->h);
	if (cairo_surface_status(m->s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(m->s);
		m->s = NULL;
		return;
	}
	c = cairo_create(m->s);
	if (mode == FX_SIL_INVERSE) {
		cairo_paint(c);
		cairo_set_operator(c, CAIRO_OPERATOR_CLEAR);
	}
	cairo_get_matrix(dc->cr, &ctm);
	cairo_scale(c, 1.0 / m->f, 1.0 / m->f);
	cairo_translate(c, -m->x, -m->y);
	cairo_transform(c, E);
	cairo_transform(c, &ctm);
	fx_paths(c, fx, mode == FX_SIL_INVERSE, mode == FX_SIL_GROW ? grow : 0);
	if (mode == FX_SIL_SHRINK && grow > 0) {
		/* take @grow off every edge: stroke the outline clear */
		cairo_set_operator(c, CAIRO_OPERATOR_CLEAR);
		for (size_t i = 0; i < fx->geom->n_paths; i++) {
			const draw_geom_path *p = &fx->geom->paths[i];
			cairo_new_path(c);
			cairo_append_path(c, p->path);
			cairo_set_line_width(c, 2 * grow + (p->stroke ? fx->line_w : 0));
			cairo_stroke(c);
		}
	}
	cairo_destroy(c);
}

/* Back to device resolution, bilinearly: done here because pixman's
 * transformed bilinear mask path cost more than the whole blur. */
static void
fx_mask_upscale(draw_ctx *dc, fx_mask *m)
{
	cairo_surface_t *big;
	const unsigned char *src;
	unsigned char *dst;
	int f = m->f, W, H, ss, ds;
	int *x0 = NULL, *x1 = NULL, *wx = NULL, *col = NULL;

	if (!m->s || f <= 1)
		return;
	W = m->w * f;
	H = m->h * f;
	big = cairo_image_surface_create(CAIRO_FORMAT_A8, W, H);
	x0 = malloc((size_t) W * sizeof *x0);
	x1 = malloc((size_t) W * sizeof *x1);
	wx = malloc((size_t) W * sizeof *wx);
	col = malloc((size_t) m->w * sizeof *col);
	if (cairo_surface_status(big) != CAIRO_STATUS_SUCCESS || !x0 || !x1 || !wx ||
	    !col) {
		pml_diag_add(dc->diags, dc->part, "out of memory drawing an effect");
		cairo_surface_destroy(big);
		free(x0);
		free(x1);
		free(wx);
		free(col);
		cairo_surface_destroy(m->s);
		m->s = NULL;
		return;
	}
	cairo_surface_flush(m->s);
	cairo_surface_flush(big);
	src = cairo_image_surface_get_data(m->s);
	ss = cairo_image_surface_get_stride(m->s);
	dst = cairo_image_surface_get_data(big);
	ds = cairo_image_surface_get_stride(big);
	/* sample centres: device pixel X sits at (X + 0.5) / f - 0.5 */
	for (int X = 0; X < W; X++) {
		double sx = (X + 0.5) / f - 0.5;
		int i = (int) floor(sx);
		wx[X] = (int) lround((sx - i) * 256);
		x0[X] = i;
	}
	/* separable: each output row is first a blend of two source rows at
	 * the source's width, then widened (a third of the multiplies) */
	for (int X = 0; X < W; X++) {
		int a = x0[X] < 0 ? 0 : x0[X];
		x1[X] = x0[X] + 1 >= m->w ? m->w - 1 : x0[X] + 1;
		x0[X] = a;
	}
	for (int Y = 0; Y < H; Y++) {
		double sy = (Y + 0.5) / f - 0.5;
		int j = (int) floor(sy), wy = (int) lround((sy - j) * 256);
		const unsigned char *r0 = src + (size_t) (j < 0 ? 0 : j) * (size_t) ss;
		const unsigned char *r1 = src + (size_t) (j + 1 >= m->h ? m->h - 1 : j + 1) *
		                          (size_t) ss;
		unsigned char *d = dst + (size_t) Y * (size_t) ds;
		for (int i = 0; i < m->w; i++)
			col[i] = r0[i] * (256 - wy) + r1[i] * wy;
		for (int X = 0; X < W; X++)
			d[X] = (unsigned char) (((uint32_t) col[x0[X]] * (uint32_t) (256 - wx[X]) +
			                         (uint32_t) col[x1[X]] * (uint32_t) wx[X] +
			                         32768) >> 16);
	}
	free(x0);
	free(x1);
	free(wx);
	free(col);
	cairo_surface_mark_dirty(big);
	cairo_surface_destroy(m->s);
	m->s = big;
	m->w = W;
	m->h = H;
	m->f = 1;
}

/* The kept slot whose silhouette is @m's (A8, stride @ss), or NULL. */
static fx_cache_slot *
fx_cache_find(draw_ctx *dc, const fx_mask *m, const unsigned char *px, int ss,
              double sigma)
{
	struct draw_fx_cache *c = dc->fx_cache;

	if (!c)
		return NULL;
	for (int i = 0; i < FX_CACHE_SLOTS; i++) {
		fx_cache_slot *e = &c->slot[i];
		int same = e->blurred && e->w == m->w && e->h == m->h && e->f == m->f &&
		           e->sigma == sigma;
		for (int y = 0; same && y < m->h; y++)
			same = memcmp(e->raw + (size_t) y * (size_t) m->w,
			              px + (size_t) y * (size_t) ss, (size_t) m->w) == 0;
		if (same)
			return e;
	}
	return NULL;
}

/* A copy of the silhouette @px, to be keyed once blurred; NULL if too big
 * or out of memory (nothing is kept then). */
static unsigned char *
fx_cache_raw(const fx_mask *m, const unsigned char *px, int ss)
{
	unsigned char *raw;

	if ((size_t) m->w * (size_t) m->h * (size_t) (m->f * m->f) > FX_CACHE_MAX_BYTES)
		return NULL;
	raw = malloc((size_t) m->w * (size_t) m->h);
	for (int y = 0; raw && y < m->h; y++)
		memcpy(raw + (size_t) y * (size_t) m->w, px + (size_t) y * (size_t) ss,
		       (size_t) m->w);
	return raw;
}

static void
fx_cache_put(draw_ctx *dc, unsigned char *raw, int w, int h, int f,
             double sigma, cairo_surface_t *blurred)
{
	struct draw_fx_cache *c = dc->fx_cache;
	fx_cache_slot *e;

	if (!c)
		c = dc->fx_cache = calloc(1, sizeof *c);
	if (!c) {
		free(raw);
		return;
	}
	e = &c->slot[c->next];
	c->next = (c->next + 1) % FX_CACHE_SLOTS;
	free(e->raw);
	if (e->blurred)
		cairo_surface_destroy(e->blurred);
	e->raw = raw;
	e->w = w;
	e->h = h;
	e->f = f;
	e->sigma = sigma;
	e->blurred = cairo_surface_reference(blurred);
}

static void
fx_mask_blur(draw_ctx *dc, fx_mask *m, double sigma)
{
	unsigned char *px, *raw;
	fx_cache_slot *hit;
	int ss, w, h, f;

	/* a safe point for --timeout: a blur is the longest step of an effect */
	if (!m->s || sigma < 0.25 || draw_expired(dc))
		return;
	cairo_surface_flush(m->s);
	px = cairo_image_surface_get_data(m->s);
	ss = cairo_image_surface_get_stride(m->s);
	if ((hit = fx_cache_find(dc, m, px, ss, sigma)) != NULL) {
		cairo_surface_destroy(m->s);
		m->s = cairo_surface_reference(hit->blurred);
		m->w *= m->f;
		m->h *= m->f;
		m->f = 1;
		return;
	}
	raw = fx_cache_raw(m, px, ss);
	w = m->w;
	h = m->h;
	f = m->f;
	if (draw_fx_blur(px, m->w, m->h, ss, 1, sigma / m->f))
		pml_diag_add(dc->diags, dc->part, "out of memory blurring an effect");
	cairo_surface_mark_dirty(m->s);
	fx_mask_upscale(dc, m);
	if (raw && m->s)
		fx_cache_put(dc, raw, w, h, f, sigma, m->s);
	else
		free(raw);
}

/* Mask the current source with @m; the CTM must be the identity. */
static void
fx_mask_apply(cairo_t *cr, const fx_mask *m)
{
	cairo_mask_surface(cr, m->s, m->x, m->y);
}

/* Paint @c through the mask, in device space. */
static void
fx_mask_paint(draw_ctx *dc, const fx_mask *m, dml_rgba c)
{
	cairo_t *cr = dc->cr;

	if (!m->s)
		return;
	cairo_save(cr);
	cairo_identity_matrix(cr);
	cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
	fx_mask_apply(cr, m);
	cairo_restore(cr);
}

static double
fx_px(const draw_ctx *dc, int64_t emu)
{
	return (double) emu * dc->px_per_emu;
}

/* A length in the shape's user units. */
static double
fx_units(const draw_fx *fx, int64_t emu)
{
	return (double) emu / (fx->emu_per_unit > 0 ? fx->emu_per_unit : 1);
}

/* ---- effect transforms (shadow and reflection copies) ---- */

typedef struct fx_copy {
	int rot_with_shape;
	uint8_t algn;
	int32_t sx, sy, kx, ky;   /* 1/1000 %, 1/60000° */
	int64_t dist;
	int32_t dir;
} fx_copy;

static double
rad60k(int32_t a)
{
	return a / 60000.0 * S2P_PI / 180.0;
}

/* The frame a copy is placed in: device axes, or the shape's own axes
 * when it turns with the shape (a mirror counts as flipH, as PowerPoint
 * keeps flipV as flipH turned by 180°). @box gets the shape's box in that
 * frame; returns the frame's angle. */
static double
fx_frame(draw_ctx *dc, const draw_fx *fx, int turn, double box[4])
{
	cairo_matrix_t ctm;
	double th = 0, det, c, s;
	double ux[4] = { fx->x0, fx->x0 + fx->w, fx->x0, fx->x0 + fx->w };
	double uy[4] = { fx->y0, fx->y0, fx->y0 + fx->h, fx->y0 + fx->h };

	cairo_get_matrix(dc->cr, &ctm);
	det = ctm.xx * ctm.yy - ctm.xy * ctm.yx;
	if (turn)
		th = det >= 0 ? atan2(ctm.yx, ctm.xx) : atan2(-ctm.xy, ctm.yy);
	c = cos(th);
	s = sin(th);
	box[0] = box[1] = HUGE_VAL;
	box[2] = box[3] = -HUGE_VAL;
	for (int i = 0; i < 4; i++) {
		double x = ux[i], y = uy[i], fx_, fy;
		cairo_user_to_device(dc->cr, &x, &y);
		fx_ = c * x + s * y;   /* rotate by -th */
		fy = -s * x + c * y;
		box[0] = fmin(box[0], fx_);
		box[1] = fmin(box[1], fy);
		box[2] = fmax(box[2], fx_);
		box[3] = fmax(box[3], fy);
	}
	return th;
}

/* Device-space transform of a copy of the shape: scaled by sx/sy and
 * skewed by kx/ky about its algn point, then moved dist along dir. */
static void
fx_copy_matrix(draw_ctx *dc, const draw_fx *fx, const fx_copy *k,
               cairo_matrix_t *E)
{
	double box[4], ax, ay, th, d = fx_px(dc, k->dist);
	cairo_matrix_t t;
	int col, row;

	th = fx_frame(dc, fx, k->rot_with_shape, box);
	col = k->algn % 3;
	row = k->algn / 3;
	ax = col == 0 ? box[0] : col == 1 ? (box[0] + box[2]) / 2 : box[2];
	ay = row == 0 ? box[1] : row == 1 ? (box[1] + box[3]) / 2 : box[3];
	/* built from the device point outwards: into the frame, about the
	 * anchor, skew, scale, back, move, out of the frame. The skew comes
	 * first and a positive kx leans the top to the left: the only order
	 * and sign under which the preset shadows' names hold (shdw11 "back
	 * left": kx 40.89°, sy 50 %; shdw15 "front left": kx 40.89°, sy -50 %,
	 * §20.1.10.52). ky turns the horizontal axis clockwise (unverified). */
	cairo_matrix_init_rotate(E, -th);
	cairo_matrix_init_translate(&t, -ax, -ay);
	cairo_matrix_multiply(E, E, &t);
	cairo_matrix_init(&t, 1, tan(rad60k(k->ky)), tan(rad60k(k->kx)), 1, 0, 0);
	cairo_matrix_multiply(E, E, &t);
	cairo_matrix_init_scale(&t, k->sx / 100000.0, k->sy / 100000.0);
	cairo_matrix_multiply(E, E, &t);
	cairo_matrix_init_translate(&t, ax + d * cos(rad60k(k->dir)),
	                            ay + d * sin(rad60k(k->dir)));
	cairo_matrix_multiply(E, E, &t);
	cairo_matrix_init_rotate(&t, th);
	cairo_matrix_multiply(E, E, &t);
}

/* ---- the effects ---- */

static void
fx_outer_shadow(draw_ctx *dc, const draw_fx *fx, const dml_shadow *sh)
{
	fx_copy k = { sh->rot_with_shape, sh->algn, sh->sx_pct1k, sh->sy_pct1k,
		sh->kx_60k, sh->ky_60k, sh->dist_emu, sh->dir_60k };
	double sigma = draw_fx_sigma(fx_px(dc, sh->blur_emu));
	cairo_matrix_t E;
	dml_rgba c;
	fx_mask m;

	if (sh->sx_pct1k == 0 || sh->sy_pct1k == 0)
		return; /* flattened to nothing */
	fx_copy_matrix(dc, fx, &k, &E);
	fx_mask_new(dc, fx, &E, FX_SIL_SHAPE, 0, ceil(3 * sigma) + 1, sigma, &m);
	fx_mask_blur(dc, &m, sigma);
	c = draw_color(dc, &sh->color, fx->ph);
	if (sh->lighten) {
		/* §20.1.10.52: min(1, colour + 102/255) per channel */
		c.r = fmin(1, c.r + 102 / 255.0);
		c.g = fmin(1, c.g + 102 / 255.0);
		c.b = fmin(1, c.b + 102 / 255.0);
	}
	fx_mask_paint(dc, &m, c);
	cairo_surface_destroy(m.s);
}

/* a:glow: the colour around the shape, reaching rad beyond its edge:
 * the silhouette grown by half the radius, blurred over the other half. */
static void
fx_glow(draw_ctx *dc, const draw_fx *fx)
{
	const dml_glow *g = &fx->fx->glow;
	double sigma = draw_fx_sigma(fx_px(dc, g->rad_emu) / 2);
	cairo_matrix_t E;
	fx_mask m;

	if (g->rad_emu <= 0)
		return;
	cairo_matrix_init_identity(&E);
	fx_mask_new(dc, fx, &E, FX_SIL_GROW, fx_units(fx, g->rad_emu) / 2,
	            ceil(3 * sigma) + 1, sigma, &m);
	fx_mask_blur(dc, &m, sigma);
	fx_mask_paint(dc, &m, draw_color(dc, &g->color, fx->ph));
	cairo_surface_destroy(m.s);
}

/* Clip to the device rectangle @r (x0, y0, x1, y1) whatever the CTM. */
static void
fx_clip_device(cairo_t *cr, const double r[4])
{
	cairo_matrix_t m;

	cairo_get_matrix(cr, &m);
	cairo_identity_matrix(cr);
	cairo_rectangle(cr, r[0], r[1], r[2] - r[0], r[3] - r[1]);
	cairo_clip(cr);
	cairo_set_matrix(cr, &m);
}

void
draw_fx_begin(draw_ctx *dc, draw_fx *fx)
{
	const dml_effects *e = fx->fx;
	cairo_matrix_t id;
	double ext[4];

	fx->soft_group = fx->refl_group = 0;
	if (!e)
		return;
	if (!fx->filled && fx->line_w <= 0) {
		/* an invisible box: only its text can be reflected */
		if (!fx->text)
			return;
	}
	else {
		if (e->outer2.has)
			fx_outer_shadow(dc, fx, &e->outer2);
		if (e->outer.has)
			fx_outer_shadow(dc, fx, &e->outer);
		if (e->glow.has)
			fx_glow(dc, fx);
	}
	cairo_matrix_init_identity(&id);
	if (e->refl.has && fx_extents(dc, fx, &id, 0, ext)) {
		/* the group holds the shape and its text, which may overflow
		 * the box a little: keep a margin */
		double mx = (ext[2] - ext[0]) / 4 + 2, my = (ext[3] - ext[1]) / 4 + 2;
		double vis[4];
		fx_visible(dc, vis);
		ext[0] = fmax(ext[0] - mx, vis[0]);
		ext[1] = fmax(ext[1] - my, vis[1]);
		ext[2] = fmin(ext[2] + mx, vis[2]);
		ext[3] = fmin(ext[3] + my, vis[3]);
		/* the reflection may lie outside the visible part of the shape:
		 * the group covers the whole slide then, never more */
		cairo_save(dc->cr);
		fx_clip_device(dc->cr, ext);
		cairo_push_group(dc->cr);
		fx->refl_group = 1;
		fx->gx = ext[0];
		fx->gy = ext[1];
		fx->gw = ext[2] - ext[0];
		fx->gh = ext[3] - ext[1];
	}
	if (e->soft_edge_emu > 0 && (fx->filled || fx->line_w > 0) &&
	    fx_extents(dc, fx, &id, 0, ext)) {
		ext[0] -= 1;
		ext[1] -= 1;
		ext[2] += 1;
		ext[3] += 1;
		cairo_save(dc->cr);
		fx_clip_device(dc->cr, ext);
		cairo_push_group(dc->cr);
		fx->soft_group = 1;
	}
}

/* a:innerShdw: the shadow the shape's edge casts inside it: the inverse
 * silhouette, blurred and moved, painted over the fill inside the shape. */
void
draw_fx_inner(draw_ctx *dc, draw_fx *fx)
{
	const dml_shadow *sh;
	cairo_t *cr = dc->cr;
	cairo_matrix_t E;
	double sigma, d, pad;
	fx_mask m;

	if (!fx->fx || !fx->fx->inner.has || !fx->filled)
		return;
	sh = &fx->fx->inner;
	sigma = draw_fx_sigma(fx_px(dc, sh->blur_emu));
	d = fx_px(dc, sh->dist_emu);
	pad = ceil(3 * sigma + d) + 2;
	cairo_matrix_init_identity(&E);
	fx_mask_new(dc, fx, &E, FX_SIL_INVERSE, 0, pad, sigma, &m);
	if (!m.s)
		return;
	fx_mask_blur(dc, &m, sigma);
	{
		/* the offset turns with the shape unless rotWithShape="0" */
		double box[4], th = fx_frame(dc, fx, sh->rot_with_shape, box);
		double a = rad60k(sh->dir_60k) + th;
		m.x += (int) lround(d * cos(a));
		m.y += (int) lround(d * sin(a));
	}
	cairo_save(cr);
	for (size_t i = 0; i < fx->geom->n_paths; i++)
		if (fx->geom->paths[i].fill != DRAW_FILL_NONE)
			cairo_append_path(cr, fx->geom->paths[i].path);
	cairo_clip(cr);
	fx_mask_paint(dc, &m, draw_color(dc, &sh->color, fx->ph));
	cairo_restore(cr);
	cairo_surface_destroy(m.s);
}

/* a:softEdge: the shape fades out over rad inside its edge: its group is
 * painted through the silhouette shrunk by half the radius and blurred
 * over the other half. */
void
draw_fx_body_end(draw_ctx *dc, draw_fx *fx)
{
	cairo_t *cr = dc->cr;
	cairo_pattern_t *pat;
	cairo_matrix_t E;
	double sigma;
	fx_mask m;

	if (!fx->soft_group)
		return;
	fx->soft_group = 0;
	pat = cairo_pop_group(cr);
	sigma = draw_fx_sigma(fx_px(dc, fx->fx->soft_edge_emu) / 2);
	cairo_matrix_init_identity(&E);
	fx_mask_new(dc, fx, &E, FX_SIL_SHRINK, fx_units(fx, fx->fx->soft_edge_emu) / 2,
	            1, sigma, &m);
	fx_mask_blur(dc, &m, sigma);
	if (m.s) {
		cairo_set_source(cr, pat);
		cairo_identity_matrix(cr);
		fx_mask_apply(cr, &m);
		cairo_surface_destroy(m.s);
	}
	cairo_pattern_destroy(pat);
	cairo_restore(cr);
}

/* A blurred copy of the group's pixels for the reflection, or a new
 * reference to @pat itself when no blur is asked or possible. */
static cairo_pattern_t *
fx_blurred_group(draw_ctx *dc, cairo_pattern_t *pat, double sigma)
{
	cairo_surface_t *s = NULL, *copy;
	double ox, oy;
	int w, h;

	if (sigma < 0.25 || draw_expired(dc) ||
	    cairo_pattern_get_surface(pat, &s) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
	    cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32)
		return cairo_pattern_reference(pat);
	cairo_surface_flush(s);
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	copy = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	if (cairo_surface_status(copy) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(copy);
		return cairo_pattern_reference(pat);
	}
	cairo_surface_flush(copy);
	for (int y = 0; y < h; y++)
		memcpy(cairo_image_surface_get_data(copy) +
		       (size_t) y * (size_t) cairo_image_surface_get_stride(copy),
		       cairo_image_surface_get_data(s) +
		       (size_t) y * (size_t) cairo_image_surface_get_stride(s),
		       (size_t) w * 4);
	if (draw_fx_blur(cairo_image_surface_get_data(copy), w, h,
	                 cairo_image_surface_get_stride(copy), 4, sigma))
		pml_diag_add(dc->diags, dc->part, "out of memory blurring an effect");
	cairo_surface_mark_dirty(copy);
	cairo_surface_get_device_offset(s, &ox, &oy);
	cairo_surface_set_device_offset(copy, ox, oy);
	pat = cairo_pattern_create_for_surface(copy);
	cairo_surface_destroy(copy);
	return pat;
}

/* a:reflection: the shape (as drawn, text included) again through its
 * copy transform, fading from stA at stPos to endA at endPos along
 * fadeDir across the reflected box, beneath the shape. */
void
draw_fx_end(draw_ctx *dc, draw_fx *fx)
{
	const dml_reflection *r;
	cairo_t *cr = dc->cr;
	cairo_pattern_t *pat, *refl, *fade;
	cairo_matrix_t E, inv, id;
	double box[4], th, fdx, fdy, p0 = HUGE_VAL, p1 = -HUGE_VAL;

	if (!fx->refl_group)
		return;
	fx->refl_group = 0;
	r = &fx->fx->refl;
	pat = cairo_pop_group(cr);
	/* leave the group's clip: the reflection lies outside the shape */
	cairo_restore(cr);
	cairo_save(cr);
	{
		fx_copy k = { r->rot_with_shape, r->algn, r->sx_pct1k, r->sy_pct1k,
			r->kx_60k, r->ky_60k, r->dist_emu, r->dir_60k };
		fx_copy_matrix(dc, fx, &k, &E);
	}
	th = fx_frame(dc, fx, r->rot_with_shape, box);
	fdx = cos(rad60k(r->fade_dir_60k) + th);
	fdy = sin(rad60k(r->fade_dir_60k) + th);
	/* project the reflected box on the fade direction */
	for (int i = 0; i < 4; i++) {
		double x = fx->x0 + (i & 1 ? fx->w : 0), y = fx->y0 + (i & 2 ? fx->h : 0), p;
		cairo_user_to_device(cr, &x, &y);
		cairo_matrix_transform_point(&E, &x, &y);
		p = x * fdx + y * fdy;
		p0 = fmin(p0, p);
		p1 = fmax(p1, p);
	}
	inv = E;
	cairo_identity_matrix(cr);
	if (cairo_matrix_invert(&inv) == CAIRO_STATUS_SUCCESS && p1 > p0) {
		double sa = r->st_a_pct1k / 100000.0, ea = r->end_a_pct1k / 100000.0;
		double sp = r->st_pos_pct1k / 100000.0, ep = r->end_pos_pct1k / 100000.0;
		sa = sa < 0 ? 0 : sa > 1 ? 1 : sa;
		ea = ea < 0 ? 0 : ea > 1 ? 1 : ea;
		sp = sp < 0 ? 0 : sp > 1 ? 1 : sp;
		ep = ep < sp ? sp : ep > 1 ? 1 : ep;
		fade = cairo_pattern_create_linear(p0 * fdx, p0 * fdy, p1 * fdx, p1 * fdy);
		cairo_pattern_add_color_stop_rgba(fade, sp, 0, 0, 0, sa);
		cairo_pattern_add_color_stop_rgba(fade, ep, 0, 0, 0, ea);
		refl = fx_blurred_group(dc, pat, draw_fx_sigma(fx_px(dc, r->blur_emu)));
		cairo_pattern_set_matrix(refl, &inv);
		cairo_set_source(cr, refl);
		cairo_mask(cr, fade);
		cairo_pattern_destroy(fade);
		cairo_pattern_destroy(refl);
	}
	/* the shape itself, over its reflection */
	cairo_matrix_init_identity(&id);
	cairo_pattern_set_matrix(pat, &id);
	cairo_set_source(cr, pat);
	cairo_paint(cr);
	cairo_pattern_destroy(pat);
	cairo_restore(cr);
}

/* ---- text ---- */

int
draw_fx_text_any(const dml_effects *e)
{
	return e && (e->outer.has || e->inner.has || e->glow.has);
}

/* A draw_fx for text: the glyph outlines as one filled path, their
 * extents as the box (algn and the frame of scaled shadows). */
static void
fx_text_init(draw_ctx *dc, const dml_effects *e, const dml_color *ph,
             cairo_path_t *glyphs, draw_geom_path *p, draw_geom_out *g,
             dml_effects *copy, draw_fx *fx)
{
	double x0, y0, x1, y1;

	/* soft edges and reflections of text runs are not drawn: keep them
	 * out of draw_fx_begin (reported by draw_fx_text_under) */
	*copy = *e;
	copy->soft_edge_emu = 0;
	copy->refl.has = 0;
	memset(p, 0, sizeof *p);
	p->path = glyphs;
	p->fill = DRAW_FILL_NORM;
	memset(g, 0, sizeof *g);
	g->paths = p;
	g->n_paths = 1;
	cairo_new_path(dc->cr);
	cairo_append_path(dc->cr, glyphs);
	cairo_path_extents(dc->cr, &x0, &y0, &x1, &y1);
	cairo_new_path(dc->cr);
	memset(fx, 0, sizeof *fx);
	fx->fx = copy;
	fx->ph = ph;
	fx->geom = g;
	fx->filled = 1;
	fx->emu_per_unit = 12700; /* draw-text.c works in points */
	fx->x0 = x0;
	fx->y0 = y0;
	fx->w = x1 - x0;
	fx->h = y1 - y0;
}

void
draw_fx_text_under(draw_ctx *dc, const dml_effects *e, const dml_color *ph,
                   cairo_path_t *glyphs)
{
	draw_geom_path p;
	draw_geom_out g;
	dml_effects copy;
	draw_fx fx;

	if (!e || !glyphs || glyphs->status != CAIRO_STATUS_SUCCESS ||
	    !glyphs->num_data)
		return;
	if (e->refl.has)
		pml_diag_add(dc->diags, dc->part, "reflection of text not drawn");
	if (e->soft_edge_emu > 0)
		pml_diag_add(dc->diags, dc->part, "soft edges of text not drawn");
	if (!e->outer.has && !e->glow.has)
		return;
	fx_text_init(dc, e, ph, glyphs, &p, &g, &copy, &fx);
	if (fx.w <= 0 || fx.h <= 0)
		return;
	draw_fx_begin(dc, &fx);
}

void
draw_fx_text_over(draw_ctx *dc, const dml_effects *e, const dml_color *ph,
                  cairo_path_t *glyphs)
{
	draw_geom_path p;
	draw_geom_out g;
	dml_effects copy;
	draw_fx fx;

	if (!e || !e->inner.has || !glyphs ||
	    glyphs->status != CAIRO_STATUS_SUCCESS || !glyphs->num_data)
		return;
	fx_text_init(dc, e, ph, glyphs, &p, &g, &copy, &fx);
	if (fx.w <= 0 || fx.h <= 0)
		return;
	draw_fx_inner(dc, &fx);
}
