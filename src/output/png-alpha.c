/*
 * PNG output with an alpha channel, for a transparent or translucent
 * --background: 8-bit RGBA, unpremultiplied from cairo's ARGB32 (poppler
 * pdftocairo writePageImage does the same), no metadata, so the bytes
 * depend only on the pixels. Written atomically (output/atomic.c).
 */
#include "output/output.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct png_job {
	char msg[160];
} png_job;

static void
on_png_error(png_structp png, png_const_charp msg)
{
	png_job *job = png_get_error_ptr(png);

	snprintf(job->msg, sizeof job->msg, "%s", msg);
	png_longjmp(png, 1);
}

static void
on_png_warning(png_structp png, png_const_charp msg)
{
	(void) png;
	(void) msg;
}

static unsigned char
unpremultiply(uint32_t c, uint32_t a)
{
	return (unsigned char) ((c * 255 + a / 2) / a);
}

static int
encode(FILE *f, cairo_surface_t *s, png_job *job, unsigned char *row)
{
	png_structp png;
	png_infop info;
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);

	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, job, on_png_error,
	                              on_png_warning);
	if (!png)
		return -1;
	info = png_create_info_struct(png);
	if (!info) {
		png_destroy_write_struct(&png, NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return -1;
	}
	png_init_io(png, f);
	png_set_compression_level(png, 1);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
	png_set_IHDR(png, info, (png_uint_32) w, (png_uint_32) h, 8,
	             PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *) (data + (size_t) y * (size_t) stride);
		for (int x = 0; x < w; x++) {
			uint32_t a = px[x] >> 24;
			unsigned char *o = row + 4 * x;
			if (a == 0)
				o[0] = o[1] = o[2] = 0;
			else {
				o[0] = unpremultiply((px[x] >> 16) & 255, a);
				o[1] = unpremultiply((px[x] >> 8) & 255, a);
				o[2] = unpremultiply(px[x] & 255, a);
			}
			o[3] = (unsigned char) a;
		}
		png_write_row(png, row);
	}
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	return 0;
}

static int
png_rgba_write_file(FILE *f, void *ctx, char *msg, size_t msg_size)
{
	cairo_surface_t *s = ctx;
	unsigned char *row;
	png_job job;
	int rc;

	row = s2p_malloc_array((size_t) cairo_image_surface_get_width(s), 4);
	if (!row)
		return S2P_ENOMEM;
	memset(&job, 0, sizeof job);
	rc = encode(f, s, &job, row);
	free(row);
	snprintf(msg, msg_size, "%s", job.msg);
	return rc;
}

int
out_png_rgba_write(cairo_surface_t *s, const char *path, s2p_error *err)
{
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return S2P_FAIL(err, S2P_ECAIRO, "cannot encode: %s",
		                cairo_status_to_string(cairo_surface_status(s)));
	if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
	    cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32)
		return S2P_FAIL(err, S2P_EARG, "cannot encode: not an ARGB32 surface");
	cairo_surface_flush(s);
	return out_atomic_write(path, png_rgba_write_file, s, err);
}
