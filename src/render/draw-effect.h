/*
 * Shape effects drawn beneath the shape (outer shadow).
 */
#ifndef S2P_RENDER_DRAW_EFFECT_H
#define S2P_RENDER_DRAW_EFFECT_H

#include "render/draw-imp.h"

/* Draw @sh for the shape whose geometry (in current user space) is @geom:
 * its filled paths when @filled, its stroked paths at @line_w (user
 * units) when > 0. */
void draw_effect_shadow(draw_ctx *dc, const dml_shadow *sh, const dml_color *ph,
                        const draw_geom_out *geom, int filled, double line_w);

#endif
