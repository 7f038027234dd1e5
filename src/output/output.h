/*
 * output: output file names from a pattern, and PNG files written
 * atomically (a temporary file in the target folder, then rename()).
 */
#ifndef S2P_OUTPUT_OUTPUT_H
#define S2P_OUTPUT_OUTPUT_H

#include "base/base.h"

#include <cairo.h>

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
 * Encode an RGB24 or ARGB32 image surface as an opaque 8-bit RGB PNG and
 * write it to @path atomically. Deterministic bytes for identical pixels.
 */
int out_png_write(cairo_surface_t *surface, const char *path, s2p_error *err);

#endif
