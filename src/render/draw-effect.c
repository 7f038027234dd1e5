/*
 * Outer shadows (a:outerShdw): the shape's silhouette is drawn into an A8
 * mask in device space, blurred with three box passes (close to the
 * Gaussian PowerPoint uses for blurRad), and painted in the shadow colour
 * at the offset given by dist and dir, beneath the shape.
 */
#include "render/draw-effect.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One horizontal then vertical box-blur pass of radius @r over an A8
 * buffer, using @tmp (at least max(w, h) bytes). */
static void
box_blur(unsigned char *p, int w, int h, int stride, int r, unsigned char *tmp)
{
	int win = 2 * r + 1;

	for (int y = 0; y < h; y++) {
		unsigned char *row = p + (size_t) y * (size_t) stride;
		int sum = 0;
		for (int x = -r; x <= r; x++)
			sum += x >= 0 && x < w ? row[x] : 0;
		for (int x = 0; x < w; x++) {
			tmp[x] = (unsigned char) ((sum + win / 2) / win);
			if (x + r + 1 < w)
				sum += row[x + r + 1];
			if (x - r >= 0)
				sum -= row[x - r];
		}
		memcpy(row, tmp, (size_t) w);
	}
	for (int x = 0; x < w; x++) {
		int sum = 0;
		for (int y = -r; y <= r; y++)
			sum += y >= 0 && y < h ? p[(size_t) y * (size_t) stride + (size_t) x] : 0;
		for (int y = 0; y < h; y++) {
			tmp[y] = (unsigned char) ((sum + win / 2) / win);
			if (y + r + 1 < h)
				sum += p[(size_t) (y + r + 1) * (size_t) stride + (size_t) x];
			if (y - r >= 0)
				sum -= p[(size_t) (y - r) * (size_t) stride + (size_t) x];
		}
		for (int y = 0; y < h; y++)
			p[(size_t) y * (size_t) stride + (size_t) x] = tmp[y];
	}
}

void
draw_effect_shadow(draw_ctx *dc, const dml_shadow *sh, const dml_color *ph,
                   const draw_geom_out *geom, int filled, double line_w)
{
	cairo_t *cr = dc->cr;
	cairo_matrix_t ctm;
	double x1, y1, x2, y2, blur_px, dx, dy, ang, sigma;
	int bx, by, bw, bh, r, pad;
	cairo_surface_t *mask;
	cairo_t *mc;
	unsigned char *tmp;
	dml_rgba c;

	if (!sh->has)
		return;
	/* device extents of the silhouette */
	cairo_save(cr);
	cairo_new_path(cr);
	for (size_t i = 0; i < geom->n_paths; i++)
		cairo_append_path(cr, geom->paths[i].path);
	if (line_w > 0) {
		cairo_set_line_width(cr, line_w);
		cairo_stroke_extents(cr, &x1, &y1, &x2, &y2);
	}
	else
		cairo_fill_extents(cr, &x1, &y1, &x2, &y2);
	cairo_new_path(cr);
	cairo_user_to_device(cr, &x1, &y1);
	cairo_user_to_device(cr, &x2, &y2);
	cairo_get_matrix(cr, &ctm);
	cairo_restore(cr);
	if (!filled && line_w <= 0)
		return;
	{
		/* the box may be rotated: take the bounding box of its corners */
		double ax = fmin(x1, x2), ay = fmin(y1, y2), bx2 = fmax(x1, x2),
		       by2 = fmax(y1, y2);
		x1 = ax; y1 = ay; x2 = bx2; y2 = by2;
	}
	blur_px = (double) sh->blur_emu * dc->px_per_emu;
	/* PowerPoint's blur radius covers about two standard deviations */
	sigma = blur_px / 2;
	/* three box passes of radius r give a Gaussian of sigma^2 = r(r+1) */
	r = (int) floor(sqrt(sigma * sigma + 0.25) - 0.5 + 0.5);
	if (r > 200)
		r = 200;
	pad = 3 * r + 2;
	/* the rotated silhouette can exceed the transformed corners: pad by
	 * the box diagonal through a full device-space bounding box */
	{
		cairo_t *tmpcr;
		cairo_surface_t *dummy = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
		tmpcr = cairo_create(dummy);
		cairo_set_matrix(tmpcr, &ctm);
		for (size_t i = 0; i < geom->n_paths; i++)
			cairo_append_path(tmpcr, geom->paths[i].path);
		cairo_identity_matrix(tmpcr);
		cairo_path_extents(tmpcr, &x1, &y1, &x2, &y2);
		cairo_destroy(tmpcr);
		cairo_surface_destroy(dummy);
	}
	bx = (int) floor(x1) - pad - (int) ceil(line_w * dc->px_per_emu);
	by = (int) floor(y1) - pad - (int) ceil(line_w * dc->px_per_emu);
	bw = (int) ceil(x2) + pad + (int) ceil(line_w * dc->px_per_emu) - bx;
	bh = (int) ceil(y2) + pad + (int) ceil(line_w * dc->px_per_emu) - by;
	if (bw <= 0 || bh <= 0 || (double) bw * bh > 64e6) {
		if (bw > 0 && bh > 0)
			pml_diag_add(dc->diags, dc->part, "shadow too large to draw");
		return;
	}
	mask = cairo_image_surface_create(CAIRO_FORMAT_A8, bw, bh);
	if (cairo_surface_status(mask) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(mask);
		return;
	}
	mc = cairo_create(mask);
	cairo_translate(mc, -bx, -by);
	cairo_transform(mc, &ctm);
	cairo_set_source_rgba(mc, 0, 0, 0, 1);
	for (size_t i = 0; i < geom->n_paths; i++) {
		cairo_new_path(mc);
		cairo_append_path(mc, geom->paths[i].path);
		if (filled && geom->paths[i].fill != DRAW_FILL_NONE)
			cairo_fill_preserve(mc);
		if (line_w > 0 && geom->paths[i].stroke) {
			cairo_set_line_width(mc, line_w);
			cairo_stroke_preserve(mc);
		}
	}
	cairo_destroy(mc);
	cairo_surface_flush(mask);
	if (r > 0) {
		tmp = malloc((size_t) (bw > bh ? bw : bh));
		if (tmp) {
			unsigned char *data = cairo_image_surface_get_data(mask);
			int stride = cairo_image_surface_get_stride(mask);
			for (int pass = 0; pass < 3; pass++)
				box_blur(data, bw, bh, stride, r, tmp);
			free(tmp);
		}
	}
	cairo_surface_mark_dirty(mask);
	/* dir is clockwise from the x axis in slide space */
	ang = sh->dir_60k / 60000.0 * S2P_PI / 180.0;
	dx = cos(ang) * (double) sh->dist_emu * dc->px_per_emu;
	dy = sin(ang) * (double) sh->dist_emu * dc->px_per_emu;
	c = draw_color(dc, &sh->color, ph);
	cairo_save(cr);
	cairo_identity_matrix(cr);
	cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
	cairo_mask_surface(cr, mask, bx + dx, by + dy);
	cairo_restore(cr);
	cairo_surface_destroy(mask);
}
