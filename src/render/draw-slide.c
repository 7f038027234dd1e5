/*
 * One slide: a white RGB surface at the output size, the background
 * (slide, else layout, else master), master and layout shapes beneath the
 * slide's unless showMasterSp="0", then the slide's own shapes. cairo
 * errors are sticky and checked once, before the surface is returned.
 */
#include "render/draw-effect.h"
#include "render/draw-imp.h"
#include "render/draw-font.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <tiffio.h>
#include <stdlib.h>
#include <string.h>

void
draw_global_init(void)
{
	/* fontconfig adds the language of the environment (FC_LANG, LC_ALL,
	 * LC_CTYPE, LANG) to every font request, so the face drawing text
	 * the deck's own languages do not settle (an English run holding
	 * Han characters) followed the user's locale. Output must not:
	 * fontconfig reads it once, at its first request, and gets "en". */
	setenv("FC_LANG", "en", 1);
	FcInit();
	draw_fcsort_set_enabled(!getenv("S2P_TEST_NO_FC_CACHE"));
	draw_ftface_set_enabled(!getenv("S2P_TEST_NO_FC_CACHE"));
	/* libtiff reports through process-wide handlers: silence them once,
	 * here; decode failures become diagnostics */
	TIFFSetErrorHandler(NULL);
	TIFFSetWarningHandler(NULL);
}

draw_worker *
draw_worker_new(s2p_error *err)
{
	draw_worker *w = calloc(1, sizeof *w);
	cairo_font_options_t *fo;

	if (!w) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	/* a font map of our own: the process default is not for threads */
	w->font_map = pango_cairo_font_map_new();
	w->pango = w->font_map ? pango_font_map_create_context(w->font_map) : NULL;
	if (!w->pango) {
		draw_worker_free(w);
		S2P_FAIL(err, S2P_EINTERNAL, "cannot create a pango context");
		return NULL;
	}
	/* unhinted metrics: line breaks do not depend on the output size */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(w->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(w->pango, FALSE);
	/* paragraphs are left to right unless pPr@rtl says otherwise (pango's
	 * default guesses from the first letter) */
	pango_context_set_base_dir(w->pango, PANGO_DIRECTION_LTR);
	return w;
}

void
draw_worker_free(draw_worker *w)
{
	if (!w)
		return;
	if (w->release)
		w->release(w->attached);
	if (w->pango)
		g_object_unref(w->pango);
	if (w->font_map)
		g_object_unref(w->font_map);
	free(w->raster_rows);
	free(w);
}

void
draw_worker_set_fonts(draw_worker *w, draw_fonts *f)
{
	FcConfig *config = draw_fonts_config(f);

	w->fonts = f;
	/* the run's own configuration (with --font-dir folders): pango's
	 * fontconfig font map takes a reference and drops its caches */
	if (config && PANGO_IS_FC_FONT_MAP(w->font_map))
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(w->font_map), config);
}

void
draw_pango_sync(draw_ctx *dc)
{
	draw_worker *w = dc->w;
	const PangoMatrix *pm = pango_context_get_matrix(w->pango);
	int target = (int) cairo_surface_get_type(cairo_get_target(dc->cr));
	cairo_matrix_t m;

	cairo_get_matrix(dc->cr, &m);
	/* pango keeps the linear part only; its serial tells whether anyone
	 * else (charts, metafiles) updated the context meanwhile */
	if (w->pango_synced && pm && target == w->pango_target &&
	    w->pango_serial == pango_context_get_serial(w->pango) &&
	    pm->xx == m.xx && pm->yx == m.yx && pm->xy == m.xy && pm->yy == m.yy)
		return;
	pango_cairo_update_context(dc->cr, w->pango);
	w->pango_target = target;
	w->pango_serial = pango_context_get_serial(w->pango);
	w->pango_synced = 1;
}

void
draw_worker_set_images(draw_worker *w, draw_image_cache *c)
{
	w->images = c;
}

void
draw_worker_attach(draw_worker *w, void *obj, void (*release)(void *))
{
	if (w->release)
		w->release(w->attached);
	w->attached = obj;
	w->release = release;
}

void *
draw_worker_attached(const draw_worker *w)
{
	return w->attached;
}

int
draw_worker_begin_rows(draw_worker *w, int height_px)
{
	if (height_px < 1)
		return -1;
	if (height_px > w->n_rows) {
		unsigned char *r = realloc(w->raster_rows, (size_t) height_px);
		if (!r) {
			w->n_rows = 0;
			return -1;
		}
		w->raster_rows = r;
	}
	w->n_rows = height_px;
	memset(w->raster_rows, 0, (size_t) height_px);
	return 0;
}

const unsigned char *
draw_worker_raster_rows(const draw_worker *w, int height_px)
{
	return w->n_rows == height_px ? w->raster_rows : NULL;
}

static void
copy_diags(pml_diag_list *dst, const pml_diag_list *src)
{
	for (uint32_t i = 0; i < src->n; i++)
		pml_diag_add(dst, src->items[i].part, "%s", src->items[i].msg);
}

static void
draw_sheet(draw_ctx *dc, const pml_sheet *sh, int level)
{
	dc->level = level;
	dc->part = sh->part;
	draw_shape_tree(dc, &sh->tree);
}

void
draw_worker_set_deadline(draw_worker *w, double deadline_ms, double timeout_s)
{
	w->deadline_ms = deadline_ms;
	w->timeout_s = timeout_s;
	w->expired = 0;
}

int
draw_expired(draw_ctx *dc)
{
	draw_worker *w = dc->w;

	if (!w || w->deadline_ms <= 0)
		return 0;
	if (!w->expired && s2p_now_ms() >= w->deadline_ms) {
		w->expired = 1;
		S2P_FAIL(dc->err, S2P_ETIMEOUT, "timed out after %g s", w->timeout_s);
	}
	return w->expired;
}

int
draw_slide_to(draw_worker *w, const pml_presentation *p, cairo_t *cr,
              double width, double height, const double *bg_rgba,
              const s2p_limits *lim, pml_diag_list *diags, s2p_error *err)
{
	const pml_slide *slide;
	cairo_status_t st;
	draw_ctx dc;

	if (!p || p->n_slides != 1 || !p->slides[0].slide)
		return S2P_FAIL(err, S2P_EINTERNAL, "draw_slide needs a loaded single "
		                "slide");
	slide = p->slides[0].slide;
	memset(&dc, 0, sizeof dc);
	dc.w = w;
	w->pango_synced = 0; /* a new target: pango learns its font options */
	dc.cr = cr;
	dc.lim = lim;
	dc.diags = diags;
	dc.err = err;
	resolve_ctx_init(&dc.rc, p, slide);
	cairo_save(cr);
	if (bg_rgba) {
		/* the caller's background replaces the slide's own (--background) */
		cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
		cairo_set_source_rgba(cr, bg_rgba[0], bg_rgba[1], bg_rgba[2], bg_rgba[3]);
		cairo_rectangle(cr, 0, 0, width, height);
		cairo_fill(cr);
		cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
	}
	else {
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_rectangle(cr, 0, 0, width, height);
		cairo_fill(cr);
	}
	/* user space is EMU from here on */
	cairo_scale(cr, width / (double) p->sld_cx, height / (double) p->sld_cy);
	dc.px_per_emu = width / (double) p->sld_cx;
	dc.part = slide->sheet.part;
	if (!bg_rgba)
		draw_background(&dc, (double) p->sld_cx, (double) p->sld_cy);
	if (slide->sheet.show_master_sp && dc.rc.layout &&
	    dc.rc.layout->sheet.show_master_sp && dc.rc.master)
		draw_sheet(&dc, &dc.rc.master->sheet, RESOLVE_MASTER);
	if (slide->sheet.show_master_sp && dc.rc.layout)
		draw_sheet(&dc, &dc.rc.layout->sheet, RESOLVE_LAYOUT);
	draw_sheet(&dc, &slide->sheet, RESOLVE_SLIDE);
	copy_diags(diags, &slide->sheet.diags);
	if (dc.rc.layout)
		copy_diags(diags, &dc.rc.layout->sheet.diags);
	if (dc.rc.master)
		copy_diags(diags, &dc.rc.master->sheet.diags);
	copy_diags(diags, &p->diags);
	draw_fx_cache_free(&dc);
	cairo_restore(cr);
	if (draw_expired(&dc)) {
		/* not a partial picture: the slide fails (the error says why, unless
		 * an earlier failure was recorded first) */
		if (err && err->code != S2P_ETIMEOUT)
			s2p_error_clear(err), S2P_FAIL(err, S2P_ETIMEOUT,
			                               "timed out after %g s", w->timeout_s);
		return S2P_ETIMEOUT;
	}
	st = cairo_status(cr);
	if (st != CAIRO_STATUS_SUCCESS)
		return S2P_FAIL(err, S2P_ECAIRO, "drawing failed: %s",
		                cairo_status_to_string(st));
	return 0;
}

cairo_surface_t *
draw_slide(draw_worker *w, const pml_presentation *p, int width_px,
           int height_px, const s2p_limits *lim, pml_diag_list *diags,
           s2p_error *err)
{
	cairo_surface_t *surf;
	cairo_t *cr;
	int rc;

	if (!p || p->n_slides != 1 || !p->slides[0].slide) {
		S2P_FAIL(err, S2P_EINTERNAL, "draw_slide needs a loaded single slide");
		return NULL;
	}
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		S2P_FAIL(err, S2P_ECAIRO, "cannot create a %dx%d surface: %s", width_px,
		         height_px, cairo_status_to_string(cairo_surface_status(surf)));
		cairo_surface_destroy(surf);
		return NULL;
	}
	cr = cairo_create(surf);
	rc = draw_slide_to(w, p, cr, width_px, height_px, NULL, lim, diags, err);
	cairo_destroy(cr);
	if (rc) {
		cairo_surface_destroy(surf);
		return NULL;
	}
	cairo_surface_flush(surf);
	return surf;
}
