/*
 * resolve: PowerPoint's inheritance rules as pure, read-only lookups over
 * the model: placeholder matching (slide -> layout by idx, then type;
 * layout -> master by type), text properties from defaultTextStyle up to
 * the run, bodyPr, and shape fill/line through the theme's style matrix.
 */
#ifndef S2P_MODEL_RESOLVE_H
#define S2P_MODEL_RESOLVE_H

#include "model/pml.h"

enum resolve_level { RESOLVE_SLIDE, RESOLVE_LAYOUT, RESOLVE_MASTER };

/* Everything a shape's properties may come from. */
typedef struct resolve_ctx {
	const pml_presentation *pres;
	const pml_slide *slide;
	const pml_layout *layout;
	const pml_master *master;
	const dml_theme *theme;
	dml_color_ctx colors;   /* theme scheme + effective clrMap */
} resolve_ctx;

/* Set up @rc for drawing the single slide @slide of @pres. */
void resolve_ctx_init(resolve_ctx *rc, const pml_presentation *pres,
                      const pml_slide *slide);

/* The shapes a placeholder inherits from, nearest first (up to 2), for a
 * shape on the sheet at @level. Returns how many were found. */
int resolve_ph_chain(const resolve_ctx *rc, const dml_shape *s, int level,
                     const dml_shape *out[2]);

/* Effective transform and geometry of @s (inherited for placeholders). */
const dml_xfrm *resolve_xfrm(const dml_shape *s, const dml_shape *const *chain,
                             int n);
const dml_shape *resolve_geom_owner(const dml_shape *s,
                                    const dml_shape *const *chain, int n);

/* Effective fill and line of a shape; @ph_color receives the style
 * reference colour to use as phClr (or kind NONE). */
dml_fill resolve_fill(const resolve_ctx *rc, const dml_shape *s,
                      const dml_shape *const *chain, int n, dml_color *ph_color);
/* Returns 0 when the shape has no visible outline. */
int resolve_line(const resolve_ctx *rc, const dml_shape *s,
                 const dml_shape *const *chain, int n, dml_line *out,
                 dml_color *ph_color);

/* Effective effects of a shape (own effectLst, placeholder chain, then the
 * theme's effectStyleLst through effectRef); @ph_color as for fills. */
dml_effects resolve_effects(const resolve_ctx *rc, const dml_shape *s,
                            const dml_shape *const *chain, int n,
                            dml_color *ph_color);

/* Effective body properties with ECMA-376 defaults filled in. */
dml_bpr resolve_bpr(const dml_shape *s, const dml_shape *const *chain, int n);

/* Effective paragraph properties at level @lvl for paragraph @para (may
 * be NULL for list-style lookups); def_rpr holds the run defaults. */
dml_ppr resolve_ppr(const resolve_ctx *rc, const dml_shape *s,
                    const dml_shape *const *chain, int n, const dml_para *para,
                    int lvl);

/* Overlay the explicitly set fields of @src onto @dst. */
void resolve_rpr_overlay(dml_rpr *dst, const dml_rpr *src);
void resolve_ppr_overlay(dml_ppr *dst, const dml_ppr *src);

/* Theme font token ("+mj-lt", "+mn-ea", ...) to a family name, or @name. */
const char *resolve_font(const resolve_ctx *rc, const char *name);
/* The same, and when the theme's ea/cs face is empty, its per-script face
 * (a:font@script) for the language @lang ("ja-JP" -> Jpan, "fa-IR" ->
 * Arab, ...). May return NULL or "" when the theme names none. */
const char *resolve_font_lang(const resolve_ctx *rc, const char *name,
                              const char *lang);

/* Background fill of the slide; @ph_color as for resolve_fill. */
dml_fill resolve_background(const resolve_ctx *rc, dml_color *ph_color);

#endif
