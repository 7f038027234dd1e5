/*
 * Picture decoders shared by draw-image.c and the image-*.c files: one
 * decode reads bytes in memory (never a file, never the network) and
 * returns a cairo image surface (premultiplied ARGB32 or RGB24), or NULL
 * with a diagnostic in d->msg. Every decoder checks the pixel count from
 * the header before it allocates. Decoders are called on worker threads
 * and keep no state between calls.
 */
#ifndef S2P_RENDER_IMAGE_IMP_H
#define S2P_RENDER_IMAGE_IMP_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

/* One decode: its input and the diagnostic it may leave (repeated to
 * every slide that draws the picture). */
typedef struct draw_decode {
	const char *part;            /* media part name, for messages */
	const unsigned char *data;   /* borrowed */
	size_t size;
	uint64_t max_pixels;         /* s2p_limits.max_image_pixels */
	char msg[160];
} draw_decode;

/* Set d->msg (printf-style); the first message is kept. */
void draw_decode_msg(draw_decode *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* 1 if a @w x @h picture is within the limits, else 0 with d->msg set. */
int draw_decode_pixels_ok(draw_decode *d, uint64_t w, uint64_t h);

/* A new ARGB32 surface of @w x @h, cleared to transparent; NULL on
 * failure (d->msg set). Flushed: the caller writes its data, then calls
 * cairo_surface_mark_dirty(). */
cairo_surface_t *draw_decode_surface(draw_decode *d, int w, int h);

/* GIF (giflib): the first frame on its logical screen, transparency
 * from the graphic control extension. image-gif.c */
cairo_surface_t *draw_decode_gif(draw_decode *d);

/* BMP/DIB: 1/4/8/16/24/32 bits, BI_RGB, BI_BITFIELDS, RLE4/RLE8.
 * image-bmp.c */
cairo_surface_t *draw_decode_bmp(draw_decode *d);

/* WebP (libwebp), lossy or lossless, with alpha; not animated.
 * image-webp.c */
cairo_surface_t *draw_decode_webp(draw_decode *d);

/* SVG (librsvg) rendered at @want_w x @want_h (stretched to it, like
 * PowerPoint stretches a picture), or at its natural size scaled to
 * about 1024 px on the longer side when @want_w/@want_h are 0. External
 * references (files, network) are never loaded. image-svg.c */
cairo_surface_t *draw_decode_svg(draw_decode *d, int want_w, int want_h);

/* The same SVG drawn as vectors onto @cr, stretched to the @w x @h box
 * at @cr's origin and clipped to it, painted with @alpha (0..1): for
 * vector targets (PDF, SVG), which then keep paths, not pixels. 0 if
 * drawn; -1 with d->msg set if the SVG cannot be read (nothing drawn)
 * or librsvg fails while drawing (what it drew stays). With @alpha < 1
 * it draws through a group, which cairo 1.16's SVG surface leaks: keep
 * those off SVG targets. image-svg.c */
int draw_svg_vector(draw_decode *d, cairo_t *cr, double w, double h,
                    double alpha);

/* One recolour step with its colours resolved (channels 0..1). */
typedef struct draw_recolor {
	uint8_t kind;           /* enum dml_blip_fx_kind */
	uint8_t use_alpha;
	double a, b;            /* fractions: thresh, bright, contrast */
	double c1[4], c2[4];    /* r, g, b, a */
} draw_recolor;

/* Apply @ops in order to the premultiplied ARGB32 pixels @data (@w x @h,
 * @stride bytes a row), in place. image-recolor.c */
void draw_image_recolor(unsigned char *data, int w, int h, int stride,
                        const draw_recolor *ops, int n_ops);

#endif
