/*
 * Unit tests for the libdeflate PNG writer (output/png.c): random and
 * real slide surfaces (the golden references), in every filter strategy
 * and effort, with and without the raster-row hint, are decoded again
 * with libpng and must give back exactly the surface's RGB pixels; the
 * same input gives the same bytes twice.
 */
#include "output/output.h"

#include "tinytest.h"

#include <dirent.h>
#include <png.h>
#include <stdlib.h>

static uint32_t rng = 12345;

static uint32_t
next_rand(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

/* Decode @png with libpng and compare with @s's RGB; 1 if identical. */
static int
decodes_to(const unsigned char *png, size_t len, cairo_surface_t *s)
{
	png_image img;
	unsigned char *buf;
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s), same = 1;
	const unsigned char *data = cairo_image_surface_get_data(s);

	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, png, len)) {
		fprintf(stderr, "libpng: %s\n", img.message);
		return 0;
	}
	if ((int) img.width != w || (int) img.height != h ||
	    img.format != PNG_FORMAT_RGB) {
		png_image_free(&img);
		return 0;
	}
	buf = malloc(PNG_IMAGE_SIZE(img));
	if (!buf || !png_image_finish_read(&img, NULL, buf, 0, NULL)) {
		fprintf(stderr, "libpng: %s\n", img.message);
		free(buf);
		png_image_free(&img);
		return 0;
	}
	for (int y = 0; y < h && same; y++) {
		const uint32_t *row = (const uint32_t *) (const void *)
			(data + (size_t) y * (size_t) stride);
		for (int x = 0; x < w; x++) {
			const unsigned char *p = buf + ((size_t) y * (size_t) w + (size_t) x) * 3;
			uint32_t v = row[x];
			if (p[0] != (v >> 16 & 0xff) || p[1] != (v >> 8 & 0xff) ||
			    p[2] != (v & 0xff)) {
				fprintf(stderr, "pixel %d,%d differs\n", x, y);
				same = 0;
				break;
			}
		}
	}
	free(buf);
	png_image_free(&img);
	return same;
}

static cairo_surface_t *
copy_surface(cairo_surface_t *s)
{
	cairo_surface_t *c = cairo_image_surface_create(
		cairo_image_surface_get_format(s), cairo_image_surface_get_width(s),
		cairo_image_surface_get_height(s));
	cairo_t *cr = cairo_create(c);

	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_flush(c);
	return c;
}

/* Encode @s every way there is and check each result. */
static void
check_all_ways(cairo_surface_t *s)
{
	int h = cairo_image_surface_get_height(s);
	unsigned char *rows = malloc((size_t) h);
	const int filters[] = { OUT_PNG_FILTER_NONE_UP, OUT_PNG_FILTER_ALL,
	                        OUT_PNG_FILTER_NONE, OUT_PNG_FILTER_UP };

	for (int y = 0; y < h; y++)
		rows[y] = (unsigned char) (y % 7 < 3);
	for (int effort = OUT_PNG_FAST; effort <= OUT_PNG_SMALL; effort++) {
		for (size_t f = 0; f < sizeof filters / sizeof *filters; f++) {
			for (int hint = 0; hint < 2; hint++) {
				s2p_error err;
				out_png_encoder *e;
				const unsigned char *png;
				unsigned char *copy;
				size_t len = 0, len2 = 0;

				s2p_error_clear(&err);
				e = out_png_encoder_new(effort, &err);
				CHECK(e != NULL);
				if (!e)
					continue;
				out_png_encoder_set_filter(e, filters[f]);
				CHECK_INT(out_png_encode(e, s, hint ? rows : NULL, 0, &png,
				                         &len, &err), 0);
				CHECK(len > 33);
				CHECK(memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
				CHECK(decodes_to(png, len, s));
				/* deterministic, also on an encoder that was used before */
				copy = malloc(len);
				memcpy(copy, png, len);
				CHECK_INT(out_png_encode(e, s, hint ? rows : NULL, 0, &png,
				                         &len2, &err), 0);
				CHECK(len2 == len && memcmp(copy, png, len) == 0);
				/* in place over a copy of the surface: the same bytes */
				{
					cairo_surface_t *c = copy_surface(s);
					CHECK_INT(out_png_encode(e, c, hint ? rows : NULL,
					                         OUT_PNG_CONSUME, &png, &len2, &err), 0);
					CHECK(len2 == len && memcmp(copy, png, len) == 0);
					cairo_surface_destroy(c);
				}
				free(copy);
				out_png_encoder_free(e);
			}
		}
	}
	free(rows);
}

static void
test_random(void)
{
	const int sizes[][2] = { { 1, 1 }, { 2, 3 }, { 5, 1 }, { 6, 2 }, { 7, 2 }, { 17, 9 },
	                         { 64, 33 }, { 301, 47 } };

	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		for (int fmt = 0; fmt < 2; fmt++) {
			int w = sizes[i][0], h = sizes[i][1];
			cairo_surface_t *s = cairo_image_surface_create(
				fmt ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
			unsigned char *data = cairo_image_surface_get_data(s);
			int stride = cairo_image_surface_get_stride(s);

			cairo_surface_flush(s);
			for (int y = 0; y < h; y++) {
				uint32_t *row = (uint32_t *) (void *) (data + (size_t) y * (size_t) stride);
				for (int x = 0; x < w; x++) {
					/* noise, runs and flat areas: every filter wins somewhere */
					uint32_t v = next_rand();
					if (y % 3 == 1)
						v = x < w / 2 ? 0xFFFFFF : v;
					else if (y % 3 == 2)
						v = (uint32_t) (x * 5) << 16 | (uint32_t) (y * 3) << 8;
					row[x] = 0xFF000000u | (v & 0xFFFFFF);
				}
			}
			cairo_surface_mark_dirty(s);
			check_all_ways(s);
			cairo_surface_destroy(s);
		}
	}
}

/* Real slides: the golden references, decoded by cairo. */
static void
test_real(void)
{
	DIR *d = opendir("tests/golden/ref");
	struct dirent *de;
	int n = 0;

	CHECK(d != NULL);
	if (!d)
		return;
	while ((de = readdir(d)) && n < 6) {
		char path[512];
		cairo_surface_t *s;
		size_t l = strlen(de->d_name);

		if (l < 8 || strcmp(de->d_name + l - 8, ".ref.png") != 0)
			continue;
		snprintf(path, sizeof path, "tests/golden/ref/%s", de->d_name);
		s = cairo_image_surface_create_from_png(path);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
			check_all_ways(s);
			n++;
		}
		cairo_surface_destroy(s);
	}
	closedir(d);
	CHECK(n > 0);
}

static void
test_errors(void)
{
	cairo_surface_t *bad = cairo_image_surface_create(CAIRO_FORMAT_RGB24, -1, -1);
	cairo_surface_t *a8 = cairo_image_surface_create(CAIRO_FORMAT_A8, 4, 4);
	out_png_encoder *e = out_png_encoder_new(OUT_PNG_FAST, NULL);
	const unsigned char *png;
	size_t len;
	s2p_error err;

	s2p_error_clear(&err);
	CHECK_INT(out_png_encode(e, bad, NULL, 0, &png, &len, &err), S2P_ECAIRO);
	s2p_error_clear(&err);
	CHECK_INT(out_png_encode(e, a8, NULL, 0, &png, &len, &err), S2P_EARG);
	out_png_encoder_free(e);
	out_png_encoder_free(NULL);
	cairo_surface_destroy(bad);
	cairo_surface_destroy(a8);
}

int
main(void)
{
	test_random();
	test_real();
	test_errors();
	return TT_DONE();
}
