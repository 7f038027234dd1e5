/*
 * render: drawing one single-slide presentation with cairo (shapes,
 * paint, pictures) and pango (text). A draw_worker holds the per-thread
 * state (font map, pango context) and is created on the thread that uses
 * it. Nothing here reads XML or touches the package.
 */
#ifndef S2P_RENDER_DRAW_H
#define S2P_RENDER_DRAW_H

#include "model/pml.h"

#include <slides2png/s2p-deck.h>

#include <cairo.h>

typedef struct draw_worker draw_worker;

/* Create the per-thread drawing state. Call on the worker thread. */
draw_worker *draw_worker_new(s2p_error *err);
void draw_worker_free(draw_worker *w);

/*
 * Draw slide 0 of the single-slide presentation @p onto a new RGB24
 * surface of @width_px x @height_px, white beneath. Things not drawn are
 * appended to @diags. Returns the surface (caller destroys it) or NULL.
 */
cairo_surface_t *draw_slide(draw_worker *w, const pml_presentation *p,
                            int width_px, int height_px,
                            const s2p_limits *lim, pml_diag_list *diags,
                            s2p_error *err);

/* Must run once on the main thread before any worker draws. */
void draw_global_init(void);

#endif
