/*
 * SVG pictures through librsvg, rasterised at the size they are drawn
 * at. One RsvgHandle per decode, created, used and freed on the calling
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

cairo_surface_t *
draw_decode_svg(draw_decode *d, int want_w, int want_h)
{
	GError *gerr = NULL;
	RsvgHandle *h;
	RsvgRectangle viewport;
	cairo_surface_t *s;
	cairo_t *cr;
	double nw, nh;
	int ok;

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
	svg_natural_size(h, &nw, &nh);
	if (!(nw > 0 && nh > 0 && nw < 1e6 && nh < 1e6)) {
		draw_decode_msg(d, "picture %s: SVG without a usable size or viewBox",
		                d->part);
		g_object_unref(h);
		return NULL;
	}
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
	/* lay the document out in its own size, then stretch that box to the
	 * picture's, as PowerPoint stretches a picture to its frame */
	cr = cairo_create(s);
	cairo_scale(cr, want_w / nw, want_h / nh);
	viewport.x = viewport.y = 0;
	viewport.width = nw;
	viewport.height = nh;
	ok = rsvg_handle_render_document(h, cr, &viewport, &gerr);
	if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		ok = 0;
	cairo_destroy(cr);
	g_object_unref(h);
	if (!ok) {
		draw_decode_msg(d, "picture %s: cannot render SVG (%s)", d->part,
		                gerr ? gerr->message : "cairo error");
		g_clear_error(&gerr);
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	return s;
}
