/*
 * output: output file names from a pattern, and PNG files written
 * atomically (a temporary file in the target folder, then rename()).
 */
#ifndef S2P_OUTPUT_OUTPUT_H
#define S2P_OUTPUT_OUTPUT_H

#include "base/base.h"

#include <cairo.h>
#include <stdio.h>

/*
 * Expand @pattern for slide @number into @out: "<n>" becomes the number,
 * "<n:W>" the number zero-padded to W digits (1..9). Returns 0, or
 * S2P_EARG if the result does not fit.
 */
int out_name_format(const char *pattern, int number, char *out, size_t size,
                    s2p_error *err);

/* 1 if @pattern contains a slide-number placeholder. */
int out_name_has_number(const char *pattern);

/*
 * A PNG encoder: the compressor and scratch buffers one thread reuses from
 * image to image (owned by one thread at a time; not shared). The bytes
 * depend only on the pixels and the effort.
 */
typedef struct out_png_encoder out_png_encoder;

enum out_png_effort {
	OUT_PNG_FAST,          /* deflate level 1, None or Up per row (default) */
	OUT_PNG_SMALL          /* deflate level 9, all five filters per row */
};

/* Row filter strategies; the effort picks one, benchmarks may override. */
enum out_png_filter {
	OUT_PNG_FILTER_NONE_UP, /* Up on picture rows, None elsewhere; with no
	                           hint the smaller sum of |bytes| */
	OUT_PNG_FILTER_ALL,     /* None, Sub, Up, Average, Paeth, same rule */
	OUT_PNG_FILTER_NONE,
	OUT_PNG_FILTER_UP
};

/* A new encoder for @effort (enum out_png_effort), or NULL on ENOMEM. */
out_png_encoder *out_png_encoder_new(int effort, s2p_error *err);
void out_png_encoder_free(out_png_encoder *enc);
/* For benchmarks and tests: override the row filter strategy. */
void out_png_encoder_set_filter(out_png_encoder *enc, int filter);

/* out_png_encode() flags */
enum {
	OUT_PNG_CONSUME = 1     /* the surface's pixels may be overwritten (the
	                           caller destroys it next): no image-sized
	                           scratch buffer */
};

/*
 * Encode an RGB24 or ARGB32 image surface as an opaque 8-bit RGB PNG in
 * memory. @raster_rows (may be NULL) has one byte per row, non-zero where
 * pictures were drawn (draw_worker_raster_rows()); it only changes the
 * filter choice, never the pixels. *@png points into @enc (borrowed) and
 * stays valid until the next call with @enc.
 */
int out_png_encode(out_png_encoder *enc, cairo_surface_t *surface,
                   const unsigned char *raster_rows, int flags,
                   const unsigned char **png, size_t *png_len, s2p_error *err);

/* Encode as out_png_encode() and write the file to @path atomically. */
int out_png_encoder_write(out_png_encoder *enc, cairo_surface_t *surface,
                          const unsigned char *raster_rows, int flags,
                          const char *path, s2p_error *err);

/* The same with a one-off encoder of the default effort. */
int out_png_write(cairo_surface_t *surface, const char *path, s2p_error *err);

/*
 * Like out_name_format(), and "<name>" becomes @name (left as written
 * when @name is NULL).
 */
int out_name_expand(const char *pattern, const char *name, int number,
                    char *out, size_t size, s2p_error *err);

/* 1 if @pattern contains "<name>". */
int out_name_has_name(const char *pattern);

/*
 * Atomic output (atomic.c): @tmp gets a temporary name next to @path;
 * out_tmp_commit() renames it into place, removing it on failure.
 */
int out_tmp_name(const char *path, char *tmp, size_t size, s2p_error *err);
int out_tmp_commit(const char *tmp, const char *path, s2p_error *err);

/*
 * Create the missing folders of @path's parent folder (like `mkdir -p`).
 * Returns 0, or S2P_EIO naming the folder that could not be made (a file
 * in the way, no permission), S2P_EARG for an over-long path.
 */
int out_make_parent_dirs(const char *path, s2p_error *err);

/* Encode into @f; on failure return non-zero (S2P_ENOMEM for memory) and
 * may describe it in @msg. */
typedef int (*out_write_fn)(FILE *f, void *ctx, char *msg, size_t msg_size);

/* Write @path atomically: a temporary file in its folder filled by
 * @write_fn, renamed into place; removed on any failure. */
int out_atomic_write(const char *path, out_write_fn write_fn, void *ctx,
                     s2p_error *err);

/*
 * Encode an ARGB32 surface as an 8-bit RGBA PNG (unpremultiplied), and
 * write it to @path atomically.
 */
int out_png_rgba_write(cairo_surface_t *surface, const char *path,
                       s2p_error *err);

/*
 * Encode an opaque RGB24/ARGB32 surface as a baseline JPEG of @quality
 * (1..100) and write it to @path atomically.
 */
int out_jpeg_write(cairo_surface_t *surface, int quality, const char *path,
                   s2p_error *err);

#endif
