/*
 * Unit tests for picture decoding at the drawn size (draw_image_decode):
 * a picture drawn much smaller than it is comes back reduced, and each
 * reduced pixel is the area average of the source pixels it covers.
 */
#include "render/draw.h"
#include "model/dml.h"
#include "base/base.h"

#include "tinytest.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct membuf {
	unsigned char *p;
	size_t n, cap;
} membuf;

static cairo_status_t
membuf_write(void *closure, const unsigned char *data, unsigned int len)
{
	membuf *b = closure;

	if (b->n + len > b->cap) {
		size_t cap = (b->n + len) * 2;
		unsigned char *p = realloc(b->p, cap);
		if (!p)
			return CAIRO_STATUS_NO_MEMORY;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, len);
	b->n += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Pixel (x, y) of an ARGB32/RGB24 surface as 0xAARRGGBB. */
static uint32_t
pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *p = cairo_image_surface_get_data(s);
	cairo_surface_flush(s);
	return ((const uint32_t *) (const void *)
	        (p + (size_t) y * (size_t) cairo_image_surface_get_stride(s)))[x];
}

/* A @w x @h opaque picture whose every pixel differs from its
 * neighbours (so a row or column taken twice or skipped shows). */
static cairo_surface_t *
noise_surface(int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	uint32_t seed = 12345;

	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			seed = seed * 1103515245u + 12345u;
			((uint32_t *) (void *) (d + (size_t) y * (size_t) stride))[x] =
				0xFF000000u | (seed >> 8 & 0xFFFFFFu);
		}
	cairo_surface_mark_dirty(s);
	return s;
}

/* Channel @c (0 = blue) of the exact area average of @src over the
 * output pixel (@x, @y) of a @tw x @th reduction. */
static double
area_average(cairo_surface_t *src, int tw, int th, int x, int y, int c)
{
	int sw = cairo_image_surface_get_width(src);
	int sh = cairo_image_surface_get_height(src);
	double x0 = (double) x * sw / tw, x1 = (double) (x + 1) * sw / tw;
	double y0 = (double) y * sh / th, y1 = (double) (y + 1) * sh / th;
	double sum = 0, area = 0;

	for (int sy = (int) floor(y0); sy < sh && sy < y1; sy++)
		for (int sx = (int) floor(x0); sx < sw && sx < x1; sx++) {
			double ox = fmin(sx + 1, x1) - fmax(sx, x0);
			double oy = fmin(sy + 1, y1) - fmax(sy, y0);
			sum += ox * oy * (pixel(src, sx, sy) >> (8 * c) & 0xFF);
			area += ox * oy;
		}
	return sum / area;
}

/* A picture drawn at 30x20 of 97x61 is halved, then box-filtered to
 * 38x25 (1.25x the drawn size); every channel within 1 of the exact
 * area average (the filter's weights are in 1/256). */
static void
test_downscale(void)
{
	cairo_surface_t *src = noise_surface(97, 61), *half, *out;
	membuf png = { 0 };
	dml_media m;
	char msg[160];
	int bad = 0;

	CHECK_INT(cairo_surface_write_to_png_stream(src, membuf_write, &png),
	          CAIRO_STATUS_SUCCESS);
	m.part = "/ppt/media/noise.png";
	m.blob = s2p_blob_new(png.p, png.n);
	CHECK(m.blob != NULL);
	out = draw_image_decode(&m, 30, 20, 1u << 20, msg, sizeof msg);
	CHECK(out != NULL);
	CHECK_INT(msg[0], 0);
	if (!out)
		return;
	CHECK_INT(cairo_image_surface_get_width(out), 38);
	CHECK_INT(cairo_image_surface_get_height(out), 25);
	/* the 2x2 halving it starts with, computed here */
	half = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 49, 31);
	for (int y = 0; y < 31; y++)
		for (int x = 0; x < 49; x++) {
			uint32_t v = 0xFF000000u;
			for (int c = 0; c < 3; c++) {
				unsigned s = 0;
				for (int k = 0; k < 4; k++) {
					int sx = 2 * x + (k & 1), sy = 2 * y + (k >> 1);
					sx = sx < 97 ? sx : 96;
					sy = sy < 61 ? sy : 60;
					s += pixel(src, sx, sy) >> (8 * c) & 0xFF;
				}
				v |= (uint32_t) ((s + 2) / 4) << (8 * c);
			}
			((uint32_t *) (void *) (cairo_image_surface_get_data(half) +
			  (size_t) y * (size_t) cairo_image_surface_get_stride(half)))[x] = v;
		}
	cairo_surface_mark_dirty(half);
	for (int y = 0; y < 25; y++)
		for (int x = 0; x < 38; x++)
			for (int c = 0; c < 3; c++) {
				double want = area_average(half, 38, 25, x, y, c);
				int got = (int) (pixel(out, x, y) >> (8 * c) & 0xFF);
				if (fabs(got - want) > 1.0 && bad++ < 5)
					fprintf(stderr, "(%d,%d) channel %d: %d, want %.2f\n",
					        x, y, c, got, want);
			}
	CHECK_INT(bad, 0);
	cairo_surface_destroy(half);
	cairo_surface_destroy(out);
	cairo_surface_destroy(src);
	s2p_blob_unref(m.blob);
}

int
main(void)
{
	test_downscale();
	return TT_DONE();
}
