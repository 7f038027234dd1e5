/*
 * SVG pictures through librsvg: rasterised at the size they are drawn
 * at for raster output, drawn as vectors onto vector targets (PDF, SVG).
 * One RsvgHandle per decode, created, used and freed on the calling
 * worker (librsvg allows a handle on any thread, one at a time). The
 * handle is made from memory with no base file, so librsvg loads no
 * external reference (files or network: only data: URLs), and without
 * RSVG_HANDLE_FLAG_UNLIMITED, so its XML size and element-count limits
 * stay on.
 */
#include "render/image-imp.h"

#include <librsvg/rsvg.h>
#include <math.h>

/* The SVG's own size in CSS pixels: width/height if absolute, else the
 * viewBox; 0 if it has neither. */
static void
svg_natural_size(RsvgHandle *h, double *w, double *h_out)
{
	gboolean has_w, has_h, has_vb;
	RsvgLength lw, lh;
	RsvgRectangle vb;

	*w = *h_out = 0;
	rsvg_handle_set_dpi(h, 96);
	if (rsvg_handle_get_intrinsic_size_in_pixels(h, w, h_out) &&
	    *w > 0 && *h_out > 0)
		return;
	rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
	if (has_vb && vb.width > 0 && vb.height > 0) {
		*w = vb.width;
		*h_out = vb.height;
	}
	else
		*w = *h_out = 0;
}

/* A handle on @d's SVG and its natural size (> 0), or NULL with d->msg
 * set. The caller unrefs the handle. */
static RsvgHandle *
svg_open(draw_decode *d, double *nw, double *nh)
{
	GError *gerr = NULL;
	RsvgHandle *h;

	if (d->size > (size_t) G_MAXSSIZE) {
		draw_decode_msg(d, "picture %s: SVG too large", d->part);
		return NULL;
	}
	h = rsvg_handle_new_from_data(d->data, d->size, &gerr);
	if (!h) {
		draw_decode_msg(d, "picture %s: cannot read SVG (%s)", d->part,
		                gerr ? gerr->message : "unknown error");
		g_clear_error(&gerr);
		return NULL;
	}
	svg_natural_size(h, nw, nh);
	if (!(*nw > 0 && *nh > 0 && *nw < 1e6 && *nh < 1e6)) {
		draw_decode_msg(d, "picture %s: SVG without a usable size or viewBox",
		                d->part);
		g_object_unref(h);
		return NULL;
	}
	return h;
}

/* Lay the document out in its own size (@nw x @nh), stretched to the
 * @w x @h box at the origin of @cr, as PowerPoint stretches a picture to
 * its frame; 1 if drawn, else 0 with d->msg set. */
static int
svg_render(draw_decode *d, RsvgHandle *h, cairo_t *cr, double nw, double nh,
           double w, double h_box)
{
	GError *gerr = NULL;
	RsvgRectangle viewport;
	int ok;

	cairo_save(cr);
	cairo_scale(cr, w / nw, h_box / nh);
	viewport.x = viewport.y = 0;
	viewport.width = nw;
	viewport.height = nh;
	ok = rsvg_handle_render_document(h, cr, &viewport, &gerr);
	cairo_restore(cr);
	if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		ok = 0;
	if (!ok) {
		draw_decode_msg(d, "picture %s: cannot render SVG (%s)", d->part,
		                gerr ? gerr->message : "cairo error");
		g_clear_error(&gerr);
	}
	return ok;
}

cairo_surface_t *
draw_decode_svg(draw_decode *d, int want_w, int want_h)
{
	RsvgHandle *h;
	cairo_surface_t *s;
	cairo_t *cr;
	double nw, nh;
	int ok;

	h = svg_open(d, &nw, &nh);
	if (!h)
		return NULL;
	if (want_w <= 0 || want_h <= 0) {
		/* natural size (vector output): about 1024 px on the longer side */
		double k = 1024 / (nw > nh ? nw : nh);
		want_w = (int) ceil(nw * k);
		want_h = (int) ceil(nh * k);
	}
	if (!draw_decode_pixels_ok(d, (uint64_t) want_w, (uint64_t) want_h)) {
		g_object_unref(h);
		return NULL;
	}
	s = draw_decode_surface(d, want_w, want_h);
	if (!s) {
		g_object_unref(h);
		return NULL;
	}
	cr = cairo_create(s);
	ok = svg_render(d, h, cr, nw, nh, want_w, want_h);
	cairo_destroy(cr);
	g_object_unref(h);
	if (!ok) {
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	return s;
}

int
draw_svg_vector(draw_decode *d, cairo_t *cr, double w, double h_box,
                double alpha)
{
	RsvgHandle *h;
	double nw, nh;
	int ok;

	h = svg_open(d, &nw, &nh);
	if (!h)
		return -1;
	cairo_save(cr);
	cairo_rectangle(cr, 0, 0, w, h_box);
	cairo_clip(cr);
	/* a group only for alpha: cairo 1.16's SVG surface leaks the groups
	 * painted into it (the caller keeps translucent pictures off it) */
	if (alpha < 1)
		cairo_push_group(cr);
	ok = svg_render(d, h, cr, nw, nh, w, h_box);
	g_object_unref(h);
	if (alpha < 1) {
		cairo_pop_group_to_source(cr);
		if (ok)
			cairo_paint_with_alpha(cr, alpha);
	}
	cairo_restore(cr);
	return ok ? 0 : -1;
}
