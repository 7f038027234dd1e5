/*
 * Metafile pictures (EMF, WMF) in picture fills: the glue between the
 * shape's box (fillRect stretch, srcRect crop, alpha) and the metafile
 * player (src/metafile/), which draws the picture as vectors at the
 * output resolution, so nothing is cached: a metafile costs its records
 * on every slide that shows it.
 */
#include "render/draw-imp.h"

#include "metafile/mf.h"

int
draw_metafile_sniff(const s2p_blob *b)
{
	return b && mf_sniff(b->data, b->size) != MF_NONE;
}

static const char *
fx_name(unsigned kind)
{
	static const char *const names[] = { "grayscl", "duotone", "biLevel",
	                                     "clrChange", "lum" };
	return kind < S2P_ARRAY_LEN(names) ? names[kind] : "?";
}

void
draw_metafile(draw_ctx *dc, const dml_fill *f, double bx, double by,
              double bw, double bh)
{
	cairo_t *cr = dc->cr;
	const s2p_blob *b = f->media.blob;
	double sl = f->src_rect.l / 100000.0, st = f->src_rect.t / 100000.0;
	double sr = f->src_rect.r / 100000.0, sb = f->src_rect.b / 100000.0;
	double fw = bw / (1 - sl - sr), fh = bh / (1 - st - sb);
	mf_limits lim = { 0 };
	mf_report rep;
	int alpha = f->alpha_pct1k < 100000;

	lim.max_bitmap_pixels = dc->lim->max_image_pixels;
	cairo_save(cr);
	cairo_rectangle(cr, bx, by, bw, bh);
	cairo_clip(cr);
	if (alpha)
		cairo_push_group(cr);
	/* srcRect insets crop the whole picture, which the box shows part of */
	cairo_translate(cr, bx - sl * fw, by - st * fh);
	mf_draw(cr, dc->w ? dc->w->pango : NULL, b->data, b->size, fw, fh, &lim,
	        &rep);
	if (alpha) {
		cairo_pop_group_to_source(cr);
		cairo_paint_with_alpha(cr, f->alpha_pct1k / 100000.0);
	}
	cairo_restore(cr);
	if (rep.msg[0])
		pml_diag_add(dc->diags, dc->part, "picture %s: %s", f->media.part,
		             rep.msg);
	/* recolouring works on pixels, and the player draws vectors */
	if (f->n_fx)
		pml_diag_add(dc->diags, dc->part, "picture %s: recolour effect "
		             "a:%s on an EMF/WMF picture not applied (drawn in its "
		             "own colours)", f->media.part, fx_name(f->fx[0].kind));
}
