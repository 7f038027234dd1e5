/*
 * render/draw-geom: evaluates a DrawingML geometry (preset or custom) for
 * one shape size into cairo paths and a text rectangle.
 */
#ifndef S2P_RENDER_DRAW_GEOM_H
#define S2P_RENDER_DRAW_GEOM_H

#include "base/base.h"
#include "model/dml-geom.h"

#include <cairo.h>
#include <stddef.h>

/* a:path@fill: how the shape's fill is modulated for this path. */
enum draw_fill_mode {
	DRAW_FILL_NONE,
	DRAW_FILL_NORM,
	DRAW_FILL_LIGHTEN,
	DRAW_FILL_LIGHTEN_LESS,
	DRAW_FILL_DARKEN,
	DRAW_FILL_DARKEN_LESS
};

typedef struct draw_geom_path {
	cairo_path_t *path;       /* owned by the draw_geom_out; never NULL */
	enum draw_fill_mode fill;
	int stroke;               /* a:path@stroke */
} draw_geom_path;

typedef struct draw_geom_out {
	draw_geom_path *paths;
	size_t n_paths;
	double text_l, text_t, text_r, text_b;  /* a:rect, shape units */
} draw_geom_out;

/**
 * Evaluate @g for a shape of @w x @h (EMU as double; any unit works), with
 * the shape's a:avLst overrides @adj (@n_adj entries, may be NULL; matched
 * to the geometry's adjusts by name, the last one wins). Paths come out in
 * the same units as @w/@h, origin at the shape's top-left, scaled per
 * a:path w/h; every coordinate is finite (division by zero gives 0). Draw
 * one with cairo_append_path() after setting the shape's transform.
 *
 * Fills @out (zeroed first, so draw_geom_out_fini() is safe even after a
 * failure); the caller releases it with draw_geom_out_fini(). The cairo
 * paths are allocated by us: do not pass them to cairo_path_destroy().
 * @g and @adj are borrowed. Returns 0, or S2P_EARG / S2P_ENOMEM /
 * S2P_ELIMIT (path too big) with @err set. Thread-safe: no shared state.
 */
int draw_geom_eval(const dml_geom *g, const dml_adj *adj, size_t n_adj,
                   double w, double h, draw_geom_out *out, s2p_error *err);

/** Release what draw_geom_eval() put in @out. Accepts a zeroed @out or NULL. */
void draw_geom_out_fini(draw_geom_out *out);

#endif
