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
#include <slides2png/s2p-render.h>

#include <cairo.h>

typedef struct draw_worker draw_worker;

/* Create the per-thread drawing state. Call on the worker thread. */
draw_worker *draw_worker_new(s2p_error *err);
void draw_worker_free(draw_worker *w);

/*
 * The fonts of one render run: fontconfig's configuration (plus the
 * caller's font folders), the installed families, the caller's family
 * map, and the substitutions made, for the report. Built on the main
 * thread before any worker starts and read-only afterwards, except for
 * the substitution notes, which workers add under its mutex.
 */
typedef struct draw_fonts draw_fonts;

/* Main thread, before workers: a new fontconfig configuration with @dirs
 * when there are any (else fontconfig's current one), and the caller's
 * map (copied). NULL with @err filled: S2P_EARG for a folder that cannot
 * be read or an empty family name, S2P_ENOMEM. */
draw_fonts *draw_fonts_new(const char *const *dirs, int n_dirs,
                           const s2p_font_subst *map, int n_map,
                           s2p_error *err);
/* After every worker using @f has stopped. NULL is allowed. */
void draw_fonts_free(draw_fonts *f);
/* The substitutions made, as the run's report: distinct (requested, used)
 * pairs sorted by name, strings malloc'ed (s2p_run_result_fini frees
 * them). Main thread, after the workers. 0, or -1 when out of memory. */
int draw_fonts_report(draw_fonts *f, s2p_font_substitution **out, int *n);
/* Let @w draw with @f (borrowed; outlives @w). Call on @w's thread before
 * it draws. Without it, the built-in table and fontconfig's defaults. */
void draw_worker_set_fonts(draw_worker *w, draw_fonts *f);

/*
 * Decoded pictures shared by the workers of one run: each media part is
 * decoded once per drawn size (JPEG DCT-scaled, then box-filtered to the
 * drawn size), kept read-only and evicted least recently used beyond
 * @budget_bytes once no worker holds it. Thread-safe (one mutex; decoding
 * runs outside it, once per entry). Pixels are a function of the media
 * bytes and the drawn size only, so the output does not depend on which
 * worker decoded them or on eviction.
 */
typedef struct draw_image_cache draw_image_cache;

draw_image_cache *draw_image_cache_new(size_t budget_bytes, s2p_error *err);
/* Call after every worker using it has stopped. NULL is allowed. */
void draw_image_cache_free(draw_image_cache *c);

/* Let @w take pictures from @c (borrowed; outlives @w). Without a cache,
 * each picture is decoded for each use. */
void draw_worker_set_images(draw_worker *w, draw_image_cache *c);

/*
 * Something of the caller's that lives as long as the worker (the API
 * layer keeps its PNG encoder here); @release runs in draw_worker_free().
 */
void draw_worker_attach(draw_worker *w, void *obj, void (*release)(void *));
void *draw_worker_attached(const draw_worker *w);

/*
 * Rows of the output that received raster pictures: call
 * draw_worker_begin_rows() before drawing a slide onto an image surface of
 * @height_px rows; draw_worker_raster_rows() then gives one byte per row
 * (non-zero: a picture was painted there), or NULL if unknown. The PNG
 * writer filters those rows with Up and the others with None.
 */
int draw_worker_begin_rows(draw_worker *w, int height_px);
const unsigned char *draw_worker_raster_rows(const draw_worker *w,
                                             int height_px);

/*
 * Draw slide 0 of the single-slide presentation @p onto a new RGB24
 * surface of @width_px x @height_px, white beneath. Things not drawn are
 * appended to @diags. Returns the surface (caller destroys it) or NULL.
 */
cairo_surface_t *draw_slide(draw_worker *w, const pml_presentation *p,
                            int width_px, int height_px,
                            const s2p_limits *lim, pml_diag_list *diags,
                            s2p_error *err);

/*
 * Draw slide 0 of @p onto @cr (any cairo surface: image, recording, PDF,
 * SVG), mapping the slide to 0,0-@width,@height in @cr's user space.
 * @bg_rgba NULL: white beneath the slide's own background; otherwise that
 * colour (alpha 0 = transparent) replaces the slide's background. @cr's
 * state is restored. Returns 0, or an error code with @err filled.
 */
int draw_slide_to(draw_worker *w, const pml_presentation *p, cairo_t *cr,
                  double width, double height, const double *bg_rgba,
                  const s2p_limits *lim, pml_diag_list *diags, s2p_error *err);

/*
 * Decode the picture @m as draw_picture() does for drawing it at @want_w x
 * @want_h device pixels (0: natural size), without the cache: for tests
 * and the fuzz targets. Returns a new surface (caller destroys it), or
 * NULL with the reason in @msg (@msg_size bytes; may be NULL).
 */
cairo_surface_t *draw_image_decode(const dml_media *m, int want_w, int want_h,
                                   uint64_t max_pixels, char *msg,
                                   size_t msg_size);

/*
 * Per-slide deadline (--timeout): drawing with @w stops at its next safe
 * point once s2p_now_ms() reaches @deadline_ms, and draw_slide() and
 * draw_slide_to() then fail with S2P_ETIMEOUT "timed out after
 * @timeout_s s". @deadline_ms 0: no deadline. Set before each slide (it
 * also clears the previous slide's expiry). Cooperative: nothing is
 * cancelled or killed, the slide just stops drawing.
 */
void draw_worker_set_deadline(draw_worker *w, double deadline_ms,
                              double timeout_s);

/* Must run once on the main thread before any worker draws. Setting the
 * environment variable S2P_TEST_NO_FC_CACHE=1 before it turns the
 * fontconfig answer cache (draw-fcsort.c) and the shared FreeType faces
 * (draw-ftface.c) off, for tests that compare. */
void draw_global_init(void);

/* image-svg.c: librsvg's run-time version in @v (major, minor, micro), 0;
 * -1 if it cannot be loaded (it is loaded on first use, not linked). */
int draw_svg_version(unsigned v[3]);

/* draw-fcsort.c: fontconfig's sort and match answers shared across sizes
 * and workers (on by default); its hit and miss counts so far. */
void draw_fcsort_set_enabled(int on);
void draw_fcsort_stats(unsigned long *hits, unsigned long *misses);

/* draw-ftface.c: fonts prepared for cairo carry a FreeType face opened
 * once per file and never closed (cairo 1.16 closes the faces it opens
 * itself while other threads draw with them); on by default. */
void draw_ftface_set_enabled(int on);

#endif
