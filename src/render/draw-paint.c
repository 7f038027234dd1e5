/*
 * Paint: colours through the slide's colour context, solid and gradient
 * fills (linear with ang/scaled; path gradients), picture fills, and the
 * slide background. Unsupported fills are reported, never faked.
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
	/* path gradients: the first stop is at the fillToRect centre */
	{
		double l = f->fill_to.l / 100000.0, t = f->fill_to.t / 100000.0;
		double r = f->fill_to.r / 100000.0, b = f->fill_to.b / 100000.0;
		double cx = w * (l + (1 - l - r) / 2), cy = h * (t + (1 - t - b) / 2);
		double rad = 0;
		double corners[4][2] = { { 0, 0 }, { w, 0 }, { 0, h }, { w, h } };
		for (int i = 0; i < 4; i++) {
			double d = hypot(corners[i][0] - cx, corners[i][1] - cy);
			rad = d > rad ? d : rad;
		}
		if (f->grad_path != DML_GRAD_CIRCLE)
			pml_diag_add(dc->diags, dc->part, "rectangular/shape path gradient "
			             "drawn as a radial gradient");
		pat = radial_in_device(dc->cr, cx, cy, rad > 0 ? rad : 1);
		add_stops(dc, pat, f, ph, 0);
		return pat;
	}
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
		}
		else {
			cairo_pattern_t *pat = gradient_pattern(dc, f, ph, w, h);
			cairo_set_source(cr, pat);
			cairo_pattern_destroy(pat);
		}
		cairo_fill_preserve(cr);
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
	case DML_FILL_PATT: {
		/* a pattern is not drawn yet: show its foreground/background
		 * average and say so */
		dml_rgba fg = draw_color(dc, &f->color, ph);
		dml_rgba bg = draw_color(dc, &f->bg, ph);
		pml_diag_add(dc->diags, dc->part, "pattern fill '%s' drawn as an "
		             "average colour", f->prst ? f->prst : "");
		cairo_set_source_rgba(cr, (fg.r + bg.r) / 2, (fg.g + bg.g) / 2,
		                      (fg.b + bg.b) / 2, (fg.a + bg.a) / 2);
		cairo_fill_preserve(cr);
		break;
	}
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
