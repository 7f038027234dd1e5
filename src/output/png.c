/*
 * PNG output through libpng: 8-bit RGB, no metadata (no time chunk, so the
 * bytes depend only on the pixels), fast zlib level with the Up filter.
 * Written to "<path>.tmp.<pid>.<tid>" and renamed into place.
 */
#include "output/output.h"

#include <errno.h>
#include <png.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct png_job {
	const char *path;
	s2p_error *err;
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

/* Encode rows with libpng. Separate function so no local is live across
 * libpng's longjmp but the ones it owns. */
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
	             PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *) (data + (size_t) y * (size_t) stride);
		for (int x = 0; x < w; x++) {
			/* cairo pixels are native-endian 0xAARRGGBB; the slide is
			 * opaque (drawn over white) so no unpremultiplying */
			row[3 * x] = (unsigned char) (px[x] >> 16);
			row[3 * x + 1] = (unsigned char) (px[x] >> 8);
			row[3 * x + 2] = (unsigned char) px[x];
		}
		png_write_row(png, row);
	}
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	return 0;
}

int
out_png_write(cairo_surface_t *s, const char *path, s2p_error *err)
{
	char tmp[4096];
	FILE *f;
	unsigned char *row;
	png_job job;
	int w, rc;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return S2P_FAIL(err, S2P_ECAIRO, "cannot encode: %s",
		                cairo_status_to_string(cairo_surface_status(s)));
	if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
	    (cairo_image_surface_get_format(s) != CAIRO_FORMAT_RGB24 &&
	     cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32))
		return S2P_FAIL(err, S2P_EARG, "cannot encode: not an RGB image surface");
	cairo_surface_flush(s);
	w = cairo_image_surface_get_width(s);
	if ((size_t) snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%lx", path, (long) getpid(),
	                      (unsigned long) pthread_self()) >= sizeof tmp)
		return S2P_FAIL(err, S2P_EARG, "output path too long: %s", path);
	row = s2p_malloc_array((size_t) w, 3);
	if (!row)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	f = fopen(tmp, "wb");
	if (!f) {
		free(row);
		return S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", path,
		                strerror(errno));
	}
	memset(&job, 0, sizeof job);
	job.path = path;
	job.err = err;
	rc = encode(f, s, &job, row);
	free(row);
	if (rc == 0 && fflush(f) != 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc) {
		unlink(tmp);
		return S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", path,
		                job.msg[0] ? job.msg : strerror(errno));
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return S2P_FAIL(err, S2P_EIO, "cannot rename into %s: %s", path,
		                strerror(e));
	}
	return 0;
}
