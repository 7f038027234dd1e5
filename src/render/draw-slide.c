/*
 * One slide: a white RGB surface at the output size, the background
 * (slide, else layout, else master), master and layout shapes beneath the
 * slide's unless showMasterSp="0", then the slide's own shapes. cairo
 * errors are sticky and checked once, before the surface is returned.
 */
#include "render/draw-imp.h"

#include <fontconfig/fontconfig.h>
#include <tiffio.h>
#include <stdlib.h>
#include <string.h>

void
draw_global_init(void)
{
	FcInit();
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
	return w;
}

void
draw_worker_free(draw_worker *w)
{
	if (!w)
		return;
	if (w->pango)
		g_object_unref(w->pango);
	if (w->font_map)
		g_object_unref(w->font_map);
	free(w);
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

cairo_surface_t *
draw_slide(draw_worker *w, const pml_presentation *p, int width_px,
           int height_px, const s2p_limits *lim, pml_diag_list *diags,
           s2p_error *err)
{
	const pml_slide *slide;
	cairo_surface_t *surf;
	cairo_status_t st;
	draw_ctx dc;

	if (!p || p->n_slides != 1 || !p->slides[0].slide) {
		S2P_FAIL(err, S2P_EINTERNAL, "draw_slide needs a loaded single slide");
		return NULL;
	}
	slide = p->slides[0].slide;
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		S2P_FAIL(err, S2P_ECAIRO, "cannot create a %dx%d surface: %s", width_px,
		         height_px, cairo_status_to_string(cairo_surface_status(surf)));
		cairo_surface_destroy(surf);
		return NULL;
	}
	memset(&dc, 0, sizeof dc);
	dc.w = w;
	dc.cr = cairo_create(surf);
	dc.lim = lim;
	dc.diags = diags;
	dc.err = err;
	resolve_ctx_init(&dc.rc, p, slide);
	cairo_set_source_rgb(dc.cr, 1, 1, 1);
	cairo_paint(dc.cr);
	/* user space is EMU from here on */
	cairo_scale(dc.cr, width_px / (double) p->sld_cx,
	            height_px / (double) p->sld_cy);
	dc.px_per_emu = width_px / (double) p->sld_cx;
	dc.part = slide->sheet.part;
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
	st = cairo_status(dc.cr);
	cairo_destroy(dc.cr);
	if (st != CAIRO_STATUS_SUCCESS) {
		S2P_FAIL(err, S2P_ECAIRO, "drawing failed: %s", cairo_status_to_string(st));
		cairo_surface_destroy(surf);
		return NULL;
	}
	cairo_surface_flush(surf);
	return surf;
}
