/*
 * Shape effects (a:effectLst): outer shadow and glow beneath the shape,
 * inner shadow over its fill, soft edges on its fill and outline, and a
 * reflection of the whole shape (text included) beneath it.
 */
#ifndef S2P_RENDER_DRAW_EFFECT_H
#define S2P_RENDER_DRAW_EFFECT_H

#include "render/draw-imp.h"

/* One shape's effects while it is drawn. The caller fills the first
 * block, then calls, in this order and all on the same cairo state:
 * draw_fx_begin() before the fill, draw_fx_inner() after the fill,
 * draw_fx_body_end() after the outline, draw_fx_end() after the text. */
typedef struct draw_fx {
	const dml_effects *fx;     /* borrowed */
	const dml_color *ph;       /* phClr of the effectRef, or NULL */
	const draw_geom_out *geom; /* the shape's paths in user space */
	int filled;                /* its filled paths are painted */
	double line_w;             /* its outline width (user units), 0: none */
	double x0, y0, w, h;       /* its box in user space */
	double emu_per_unit;       /* EMU per user unit (text: 12700); 0 = 1 */
	int text;                  /* it has text: with no fill and no outline
	                              its reflection is still drawn (the
	                              text's), its other effects go to the
	                              text (draw_fx_text_*) */
	/* state between the calls */
	int soft_group, refl_group;
	double gx, gy, gw, gh;     /* device clip of the reflection group */
} draw_fx;

void draw_fx_begin(draw_ctx *dc, draw_fx *fx);
void draw_fx_inner(draw_ctx *dc, draw_fx *fx);
void draw_fx_body_end(draw_ctx *dc, draw_fx *fx);
void draw_fx_end(draw_ctx *dc, draw_fx *fx);

/* Effects of text, whose glyph outlines are @glyphs (user space, the
 * current CTM): outer shadow and glow beneath them, drawn before the
 * text; inner shadow over them, drawn after. Reflection and soft edges
 * of text are reported, not drawn. @ph: phClr, or NULL. */
void draw_fx_text_under(draw_ctx *dc, const dml_effects *e, const dml_color *ph,
                        cairo_path_t *glyphs);
void draw_fx_text_over(draw_ctx *dc, const dml_effects *e, const dml_color *ph,
                       cairo_path_t *glyphs);

/* Whether @e has an effect drawn on text (outer or inner shadow, glow). */
int draw_fx_text_any(const dml_effects *e);

/* Free the masks kept for reuse while drawing a slide (dc->fx_cache). */
void draw_fx_cache_free(draw_ctx *dc);

/* Blur @n_chan interleaved 8-bit channels of a @w x @h buffer in place
 * with three box passes approximating a Gaussian of @sigma pixels
 * (values outside the buffer count as 0). Returns 0, or -1 when out of
 * memory (the buffer is then left as it was). */
int draw_fx_blur(unsigned char *data, int w, int h, int stride, int n_chan,
                 double sigma);

/* The Gaussian sigma, in pixels, PowerPoint uses for a blur radius of
 * @rad_px pixels. */
double draw_fx_sigma(double rad_px);

#endif
