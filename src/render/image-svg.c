/*
 * SVG pictures through librsvg: rasterised at the size they are drawn
 * at for raster output, drawn as vectors onto vector targets (PDF, SVG).
 * One RsvgHandle per decode, created, used and freed on the calling
 * worker (librsvg allows a handle on any thread, one at a time). The
 * handle is made from memory with no base file, so librsvg loads no
 * external reference (files or network: only data: URLs), and without
 * RSVG_HANDLE_FLAG_UNLIMITED, so its XML size and element-count limits
 * stay on.
 *
 * librsvg is loaded with dlopen the first time a deck has an SVG picture
 * (or --version asks), not linked: it and what it brings (gio,
 * gdk-pixbuf, libmount, ...) were 2,200 of the 13,800 symbol bindings
 * the dynamic loader made at every start, ~2 ms of each run's ~12 ms of
 * loading, for a format few decks use. A system without it draws
 * everything else and reports each SVG picture it could not draw.
 */
#include "render/image-imp.h"
#include "render/draw.h"

#include <dlfcn.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the ABI the headers describe: librsvg 2.x keeps this soname */
#define SVG_SONAME "librsvg-2.so.2"

/* The functions used, looked up once per process; read-only after. */
typedef struct svg_lib {
	RsvgHandle *(*new_from_data)(const guint8 *, gsize, GError **);
	void (*set_dpi)(RsvgHandle *, double);
	gboolean (*size_in_pixels)(RsvgHandle *, gdouble *, gdouble *);
	void (*dimensions)(RsvgHandle *, gboolean *, RsvgLength *, gboolean *,
	                   RsvgLength *, gboolean *, RsvgRectangle *);
	gboolean (*render_document)(RsvgHandle *, cairo_t *,
	                            const RsvgRectangle *, GError **);
	const guint *version[3];   /* rsvg_major/minor/micro_version */
	char why[160];             /* empty when loaded */
} svg_lib;

static svg_lib svg;
static pthread_once_t svg_once = PTHREAD_ONCE_INIT;

/* dlsym into a function pointer (POSIX guarantees the conversion) */
static int
svg_sym(void *lib, const char *name, void *fp)
{
	void *p = dlsym(lib, name);

	if (!p) {
		snprintf(svg.why, sizeof svg.why, "%s has no %s", SVG_SONAME, name);
		return -1;
	}
	memcpy(fp, &p, sizeof p);
	return 0;
}

static void
svg_load(void)
{
	/* kept loaded for the life of the process (never dlclosed: glib
	 * types it registers cannot be unregistered) */
	void *lib;
	const char *e;

	/* tests take the path of a system without librsvg */
	if (getenv("S2P_TEST_NO_RSVG")) {
		snprintf(svg.why, sizeof svg.why, "S2P_TEST_NO_RSVG is set");
		return;
	}
	lib = dlopen(SVG_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		e = dlerror();
		snprintf(svg.why, sizeof svg.why, "%s", e ? e : SVG_SONAME " not found");
		return;
	}
	if (svg_sym(lib, "rsvg_handle_new_from_data", &svg.new_from_data) ||
	    svg_sym(lib, "rsvg_handle_set_dpi", &svg.set_dpi) ||
	    svg_sym(lib, "rsvg_handle_get_intrinsic_size_in_pixels", &svg.size_in_pixels) ||
	    svg_sym(lib, "rsvg_handle_get_intrinsic_dimensions", &svg.dimensions) ||
	    svg_sym(lib, "rsvg_handle_render_document", &svg.render_document) ||
	    svg_sym(lib, "rsvg_major_version", &svg.version[0]) ||
	    svg_sym(lib, "rsvg_minor_version", &svg.version[1]) ||
	    svg_sym(lib, "rsvg_micro_version", &svg.version[2]))
		return;
	svg.why[0] = 0;
}

/* librsvg's functions, or NULL (the reason in @why) if it cannot be
 * loaded. Any thread; the first call loads it. */
static const svg_lib *
svg_get(const char **why)
{
	pthread_once(&svg_once, svg_load);
	if (svg.why[0] || !svg.render_document) {
		*why = svg.why[0] ? svg.why : "not loaded";
		return NULL;
	}
	return &svg;
}

int
draw_svg_version(unsigned v[3])
{
	const char *why;
	const svg_lib *l = svg_get(&why);

	if (!l)
		return -1;
	for (int i = 0; i < 3; i++)
		v[i] = *l->version[i];
	return 0;
}

/* The SVG's own size in CSS pixels: width/height if absolute, else the
 * viewBox; 0 if it has neither. */
static void
svg_natural_size(const svg_lib *l, RsvgHandle *h, double *w, double *h_out)
{
	gboolean has_w, has_h, has_vb;
	RsvgLength lw, lh;
	RsvgRectangle vb;

	*w = *h_out = 0;
	l->set_dpi(h, 96);
	if (l->size_in_pixels(h, w, h_out) &&
	    *w > 0 && *h_out > 0)
		return;
	l->dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
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
svg_open(draw_decode *d, const svg_lib **lp, double *nw, double *nh)
{
	GError *gerr = NULL;
	RsvgHandle *h;
	const char *why;
	const svg_lib *l = *lp = svg_get(&why);

	if (!l) {
		draw_decode_msg(d, "picture %s: librsvg cannot be "
		                "loaded (%s)", d->part, why);
		return NULL;
	}
	if (d->size > (size_t) G_MAXSSIZE) {
		draw_decode_msg(d, "picture %s: SVG too large", d->part);
		return NULL;
	}
	h = l->new_from_data(d->data, d->size, &gerr);
	if (!h) {
		draw_decode_msg(d, "picture %s: cannot read SVG (%s)", d->part,
		                gerr ? gerr->message : "unknown error");
		g_clear_error(&gerr);
		return NULL;
	}
	svg_natural_size(l, h, nw, nh);
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
svg_render(draw_decode *d, const svg_lib *l, RsvgHandle *h, cairo_t *cr,
           double nw, double nh, double w, double h_box)
{
	GError *gerr = NULL;
	RsvgRectangle viewport;
	int ok;

	cairo_save(cr);
	cairo_scale(cr, w / nw, h_box / nh);
	viewport.x = viewport.y = 0;
	viewport.width = nw;
	viewport.height = nh;
	ok = l->render_document(h, cr, &viewport, &gerr);
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
	const svg_lib *l;
	RsvgHandle *h;
	cairo_surface_t *s;
	cairo_t *cr;
	double nw, nh;
	int ok;

	h = svg_open(d, &l, &nw, &nh);
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
	ok = svg_render(d, l, h, cr, nw, nh, want_w, want_h);
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
	const svg_lib *l;
	RsvgHandle *h;
	double nw, nh;
	int ok;

	h = svg_open(d, &l, &nw, &nh);
	if (!h)
		return -1;
	cairo_save(cr);
	cairo_rectangle(cr, 0, 0, w, h_box);
	cairo_clip(cr);
	/* a group only for alpha: cairo 1.16's SVG surface leaks the groups
	 * painted into it (the caller keeps translucent pictures off it) */
	if (alpha < 1)
		cairo_push_group(cr);
	ok = svg_render(d, l, h, cr, nw, nh, w, h_box);
	g_object_unref(h);
	if (alpha < 1) {
		cairo_pop_group_to_source(cr);
		if (ok)
			cairo_paint_with_alpha(cr, alpha);
	}
	cairo_restore(cr);
	return ok ? 0 : -1;
}
