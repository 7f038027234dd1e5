/*
 * PNG writer experiment: encode existing PNG files (decoded with cairo)
 * with the old libpng writer (zlib level 1, Up) and the libdeflate writer
 * in each filter strategy; print best-of-N milliseconds and bytes per
 * strategy, averaged over all files. Built and run by bench/png-bench.sh.
 */
#include "output/output.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct membuf {
	size_t n;
} membuf;

static void
count_write(png_structp png, png_bytep data, size_t n)
{
	membuf *m = png_get_io_ptr(png);

	(void) data;
	m->n += n;
}

static void
flush_nop(png_structp png)
{
	(void) png;
}

/* The writer this project used before: libpng, zlib level 1, Up. */
static size_t
old_writer(cairo_surface_t *s)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	unsigned char *row = malloc((size_t) w * 3);
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL,
	                                          NULL);
	png_infop info = png_create_info_struct(png);
	membuf m = { 0 };

	png_set_write_fn(png, &m, count_write, flush_nop);
	png_set_compression_level(png, 1);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
	png_set_IHDR(png, info, (png_uint_32) w, (png_uint_32) h, 8,
	             PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *) (data + (size_t) y * (size_t) stride);
		for (int x = 0; x < w; x++) {
			row[3 * x] = (unsigned char) (px[x] >> 16);
			row[3 * x + 1] = (unsigned char) (px[x] >> 8);
			row[3 * x + 2] = (unsigned char) px[x];
		}
		png_write_row(png, row);
	}
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	free(row);
	return m.n;
}

int
main(int argc, char **argv)
{
	static const char *names[] = { "old libpng z1 Up", "deflate1 None/Up",
	                               "deflate1 Up", "deflate1 None",
	                               "deflate9 all five" };
	double ms[5] = { 0 };
	double bytes[5] = { 0 };
	int reps = 3, only = getenv("ONLY") ? atoi(getenv("ONLY")) : -1;

	for (int i = 1; i < argc; i++) {
		cairo_surface_t *s = cairo_image_surface_create_from_png(argv[i]);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			fprintf(stderr, "cannot read %s\n", argv[i]);
			return 1;
		}
		for (int k = 0; k < 5; k++) {
			if (only >= 0 && k != only)
				continue;
			double best = 1e30;
			size_t n = 0;
			out_png_encoder *e = NULL;
			if (k > 0) {
				e = out_png_encoder_new(k == 4 ? OUT_PNG_SMALL : OUT_PNG_FAST, NULL);
				if (k == 2)
					out_png_encoder_set_filter(e, OUT_PNG_FILTER_UP);
				if (k == 3)
					out_png_encoder_set_filter(e, OUT_PNG_FILTER_NONE);
			}
			for (int r = 0; r < (k == 4 ? 1 : reps); r++) {
				double t0 = now_ms();
				if (k == 0)
					n = old_writer(s);
				else {
					const unsigned char *p;
					out_png_encode(e, s, NULL, 0, &p, &n, NULL);
				}
				double t = now_ms() - t0;
				if (t < best)
					best = t;
			}
			out_png_encoder_free(e);
			ms[k] += best;
			bytes[k] += (double) n;
		}
		cairo_surface_destroy(s);
	}
	printf("%-20s %10s %12s %8s %8s\n", "writer", "ms/image", "bytes/image",
	       "time", "size");
	for (int k = 0; k < 5; k++)
		if (only < 0 || k == only)
			printf("%-20s %10.2f %12.0f %7.2fx %7.3fx\n", names[k],
		       ms[k] / (argc - 1), bytes[k] / (argc - 1), ms[0] / ms[k],
		       bytes[k] / bytes[0]);
	return 0;
}
