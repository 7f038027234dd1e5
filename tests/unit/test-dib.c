/*
 * Unit tests for src/dib/, the DIB decoder shared by BMP pictures and the
 * metafile player: the three alpha rules (a BMP file's alpha mask, GDI
 * blits that ignore it and take an all-zero alpha as opaque, AlphaBlend),
 * palette indexes past the table, RLE8 (stored bottom-up, stopping short),
 * truncated bits, compressed formats left to the caller, PNG sizes.
 */
#include "dib/dib.h"

#include "tinytest.h"

#include <stdlib.h>

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) v; p[1] = (unsigned char) (v >> 8);
	p[2] = (unsigned char) (v >> 16); p[3] = (unsigned char) (v >> 24);
}

/* A BITMAPINFOHEADER of @hs bytes (40, or 108 for v4 with masks). */
static void
info(unsigned char *bmi, uint32_t hs, int32_t w, int32_t h, unsigned bpp,
     uint32_t comp, uint32_t clr_used)
{
	memset(bmi, 0, hs);
	put32(bmi, hs);
	put32(bmi + 4, (uint32_t) w);
	put32(bmi + 8, (uint32_t) h);
	bmi[12] = 1;
	bmi[14] = (unsigned char) bpp;
	put32(bmi + 16, comp);
	put32(bmi + 32, clr_used);
}

static uint32_t
pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *p = cairo_image_surface_get_data(s);
	cairo_surface_flush(s);
	return ((const uint32_t *) (const void *)
	        (p + (size_t) y * (size_t) cairo_image_surface_get_stride(s)))[x];
}

/* Decode with rule @a; the pixel at (0, 0), or 1 if it failed. */
static uint64_t
first_pixel(const unsigned char *bmi, size_t len, const unsigned char *bits,
            size_t n, dib_alpha a)
{
	dib_header h;
	cairo_surface_t *s;
	uint64_t v;

	if (dib_header_parse(bmi, len, a, &h) != DIB_OK ||
	    dib_decode(&h, NULL, 0, bits, n, a, &s) != DIB_OK)
		return 1;
	v = pixel(s, 0, 0);
	cairo_surface_destroy(s);
	return v;
}

static void
test_alpha_rules(void)
{
	unsigned char v4[108], bits[4];

	/* 32-bit BITFIELDS, v4 header with an alpha mask; pixel half-alpha red */
	info(v4, 108, 1, 1, 32, DIB_BITFIELDS, 0);
	put32(v4 + 40, 0x00FF0000); put32(v4 + 44, 0x0000FF00);
	put32(v4 + 48, 0x000000FF); put32(v4 + 52, 0xFF000000);
	put32(bits, 0x80FF0000);
	CHECK_INT(first_pixel(v4, sizeof v4, bits, 4, DIB_ALPHA_FILE), 0x80800000u);
	CHECK_INT(first_pixel(v4, sizeof v4, bits, 4, DIB_ALPHA_GDI), 0xFFFF0000u);
	CHECK_INT(first_pixel(v4, sizeof v4, bits, 4, DIB_ALPHA_BLEND), 0x80800000u);
	/* alpha all zero: transparent in a file, opaque for GDI rules */
	put32(bits, 0x00FF0000);
	CHECK_INT(first_pixel(v4, sizeof v4, bits, 4, DIB_ALPHA_FILE), 0);
	CHECK_INT(first_pixel(v4, sizeof v4, bits, 4, DIB_ALPHA_BLEND), 0xFFFF0000u);
}

static void
test_palette_and_short(void)
{
	unsigned char bmi[40 + 8], bits[4] = { 0x40, 0, 0, 0 };
	uint32_t colors[2] = { 0x0000FF, 0x00FF00 };
	cairo_surface_t *s;
	dib_header h;

	/* 1-bit, two colours, 2x1: pixel 0 = index 0, pixel 1 = index 1 */
	info(bmi, 40, 2, 1, 1, DIB_RGB, 2);
	CHECK_INT(dib_header_parse(bmi, sizeof bmi, DIB_ALPHA_FILE, &h), DIB_OK);
	CHECK_INT(h.n_colors, 2);
	CHECK_INT(h.table_off, 40);
	CHECK_INT(h.bottom_up, 1);
	CHECK_INT(dib_decode(&h, colors, 2, bits, 4, DIB_ALPHA_FILE, &s), DIB_OK);
	if (s) {
		CHECK_INT(pixel(s, 0, 0), 0xFF0000FFu);
		CHECK_INT(pixel(s, 1, 0), 0xFF00FF00u);
		cairo_surface_destroy(s);
	}
	/* a table of one colour: index 1 is past it, black */
	CHECK_INT(dib_decode(&h, colors, 1, bits, 4, DIB_ALPHA_FILE, &s), DIB_OK);
	if (s) {
		CHECK_INT(pixel(s, 1, 0), 0xFF000000u);
		cairo_surface_destroy(s);
	}
	/* the last row may lack its padding, not its pixels */
	CHECK_INT(dib_decode(&h, colors, 2, bits, 1, DIB_ALPHA_FILE, &s), DIB_OK);
	cairo_surface_destroy(s);
	CHECK_INT(dib_decode(&h, colors, 2, bits, 0, DIB_ALPHA_FILE, &s), DIB_SHORT);
	CHECK(s == NULL);
	/* header cut short, unknown header size, bad depth, JPEG bits */
	CHECK_INT(dib_header_parse(bmi, 30, DIB_ALPHA_GDI, &h), DIB_SHORT);
	put32(bmi, 20);
	CHECK_INT(dib_header_parse(bmi, sizeof bmi, DIB_ALPHA_GDI, &h), DIB_BAD_HEADER);
	info(bmi, 40, 2, 1, 3, DIB_RGB, 0);
	CHECK_INT(dib_header_parse(bmi, sizeof bmi, DIB_ALPHA_GDI, &h), DIB_BAD_DEPTH);
	info(bmi, 40, 2, 1, 0, DIB_JPEG, 0);
	CHECK_INT(dib_header_parse(bmi, sizeof bmi, DIB_ALPHA_GDI, &h), DIB_OK);
	CHECK_INT(dib_decode(&h, NULL, 0, bits, 4, DIB_ALPHA_GDI, &s),
	          DIB_BAD_COMPRESSION);
}

static void
test_rle8(void)
{
	unsigned char bmi[40];
	uint32_t colors[2] = { 0xFF0000, 0x0000FF };
	/* bottom row: 2 x index 1; end of line; top row: runs of one
	 * index 1, one index 0; end of bitmap */
	static const unsigned char rle[] = { 2, 1, 0, 0, 1, 1, 1, 0, 0, 1 };
	cairo_surface_t *s;
	dib_header h;

	info(bmi, 40, 2, 2, 8, DIB_RLE8, 2);
	CHECK_INT(dib_header_parse(bmi, sizeof bmi, DIB_ALPHA_GDI, &h), DIB_OK);
	CHECK_INT(dib_decode(&h, colors, 2, rle, sizeof rle, DIB_ALPHA_GDI, &s),
	          DIB_OK);
	if (s) {
		CHECK_INT(pixel(s, 0, 1), 0xFF0000FFu);
		CHECK_INT(pixel(s, 1, 1), 0xFF0000FFu);
		CHECK_INT(pixel(s, 0, 0), 0xFF0000FFu);
		CHECK_INT(pixel(s, 1, 0), 0xFFFF0000u);
		cairo_surface_destroy(s);
	}
	/* cut before the end code: drawn as far as it goes */
	CHECK_INT(dib_decode(&h, colors, 2, rle, 4, DIB_ALPHA_GDI, &s),
	          DIB_RLE_SHORT);
	if (s) {
		CHECK_INT(pixel(s, 0, 1), 0xFF0000FFu);
		CHECK_INT(pixel(s, 0, 0), 0);
		cairo_surface_destroy(s);
	}
}

typedef struct membuf {
	unsigned char data[4096];
	size_t len;
} membuf;

static cairo_status_t
mem_write(void *closure, const unsigned char *p, unsigned int n)
{
	membuf *m = closure;

	if (n > sizeof m->data - m->len)
		return CAIRO_STATUS_WRITE_ERROR;
	memcpy(m->data + m->len, p, n);
	m->len += n;
	return CAIRO_STATUS_SUCCESS;
}

static void
test_png(void)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 3, 2);
	static membuf m;
	uint32_t w = 0, h = 0;
	cairo_surface_t *s;

	CHECK_INT(cairo_surface_write_to_png_stream(img, mem_write, &m),
	          CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(img);
	CHECK_INT(dib_png_size(m.data, m.len, &w, &h), 0);
	CHECK_INT(w, 3);
	CHECK_INT(h, 2);
	CHECK_INT(dib_png_size(m.data, 20, &w, &h), -1);
	CHECK_INT(dib_png_read(m.data, m.len, &s), CAIRO_STATUS_SUCCESS);
	if (s) {
		CHECK_INT(cairo_image_surface_get_width(s), 3);
		cairo_surface_destroy(s);
	}
	CHECK(dib_png_read(m.data, m.len / 2, &s) != CAIRO_STATUS_SUCCESS);
	CHECK(s == NULL);
}

int
main(void)
{
	test_alpha_rules();
	test_palette_and_short();
	test_rle8();
	test_png();
	return TT_DONE();
}
