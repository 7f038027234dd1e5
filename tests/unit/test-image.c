/*
 * Unit tests for the picture decoders of render/ (GIF, BMP, WebP, SVG)
 * and the recolour effects: pixels of small valid pictures, and hostile
 * input -- sizes over the limit refused before any allocation, truncated
 * data, palettes and RLE runs that point past the image, an SVG that
 * names a local file (never loaded).
 */
#include "render/image-imp.h"
#include "model/dml.h"

#include "tinytest.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <webp/encode.h>

static void
dec_init(draw_decode *d, const void *data, size_t size, uint64_t max_pixels)
{
	memset(d, 0, sizeof *d);
	d->part = "/ppt/media/test";
	d->data = data;
	d->size = size;
	d->max_pixels = max_pixels;
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

/* The classic 1x1 GIF: palette entry 0 red, one pixel of index 0. */
static const unsigned char gif_1x1[] = {
	'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
	0xFF, 0, 0, 0, 0, 0xFF,                          /* palette: red, blue */
	0x21, 0xF9, 4, 0x00, 0, 0, 0, 0,                 /* GCE, byte 3: flags */
	0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0,                 /* image 1x1 at 0,0 */
	2, 2, 0x44, 0x01, 0, 0x3B                        /* LZW: clear, 0, end */
};

static void
test_gif(void)
{
	unsigned char buf[sizeof gif_1x1];
	cairo_surface_t *s;
	draw_decode d;

	dec_init(&d, gif_1x1, sizeof gif_1x1, 1000);
	s = draw_decode_gif(&d);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(cairo_image_surface_get_width(s), 1);
		CHECK_INT(pixel(s, 0, 0), 0xFFFF0000u);
		cairo_surface_destroy(s);
	}
	CHECK_STR(d.msg, "");

	/* transparent index 0 (GCE flags bit 0): a clear pixel */
	memcpy(buf, gif_1x1, sizeof buf);
	buf[22] = 0x01;
	dec_init(&d, buf, sizeof buf, 1000);
	s = draw_decode_gif(&d);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(pixel(s, 0, 0), 0);
		cairo_surface_destroy(s);
	}

	/* 65535 x 65535 screen and frame: refused from the header */
	memcpy(buf, gif_1x1, sizeof buf);
	buf[6] = buf[7] = buf[8] = buf[9] = 0xFF;
	buf[32] = buf[33] = buf[34] = buf[35] = 0xFF;
	dec_init(&d, buf, sizeof buf, 1000000);
	CHECK(draw_decode_gif(&d) == NULL);
	CHECK(strstr(d.msg, "over the limit") != NULL);

	/* cut before the end of the image data (byte 40): no crash, a
	 * diagnostic */
	for (size_t cut = 0; cut < 41; cut++) {
		dec_init(&d, gif_1x1, cut, 1000);
		s = draw_decode_gif(&d);
		if (s && !d.msg[0])
			fprintf(stderr, "GIF cut at %zu decoded silently\n", cut);
		CHECK(s == NULL || d.msg[0]);
		if (s)
			cairo_surface_destroy(s);
	}
}

static void
put16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

/* A BMP with a 40-byte info header; @pal palette entries (4 bytes). */
static size_t
bmp_make(unsigned char *b, int32_t w, int32_t h, unsigned bpp,
         unsigned compression, unsigned pal, const unsigned char *bits,
         size_t n_bits)
{
	size_t off = 14 + 40 + 4 * (size_t) pal;

	memset(b, 0, off);
	b[0] = 'B'; b[1] = 'M';
	put32(b + 2, (uint32_t) (off + n_bits));
	put32(b + 10, (uint32_t) off);
	put32(b + 14, 40);
	put32(b + 18, (uint32_t) w);
	put32(b + 22, (uint32_t) h);
	put16(b + 26, 1);
	put16(b + 28, bpp);
	put32(b + 30, compression);
	put32(b + 46, pal);
	memcpy(b + off, bits, n_bits);
	return off + n_bits;
}

static void
test_bmp(void)
{
	/* 2x2, 24-bit, bottom-up: bottom row blue, green; top row red, white */
	static const unsigned char bits24[] = {
		0xFF, 0, 0, 0, 0xFF, 0, 0, 0,
		0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0 };
	/* 8-bit RLE: a run of 2 of index 1, end of line, two of index 0,
	 * end of bitmap */
	static const unsigned char rle8[] = { 2, 1, 0, 0, 2, 0, 0, 1 };
	/* RLE with runs and deltas far outside the picture */
	static const unsigned char rle_bad[] = { 255, 1, 0, 2, 200, 200, 0, 255, 1 };
	unsigned char b[256];
	cairo_surface_t *s;
	draw_decode d;
	size_t n;

	n = bmp_make(b, 2, 2, 24, 0, 0, bits24, sizeof bits24);
	dec_init(&d, b, n, 1000);
	s = draw_decode_bmp(&d);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(pixel(s, 0, 0), 0xFFFF0000u);
		CHECK_INT(pixel(s, 1, 0), 0xFFFFFFFFu);
		CHECK_INT(pixel(s, 0, 1), 0xFF0000FFu);
		CHECK_INT(pixel(s, 1, 1), 0xFF00FF00u);
		cairo_surface_destroy(s);
	}
	/* top-down (negative height) flips the rows */
	n = bmp_make(b, 2, -2, 24, 0, 0, bits24, sizeof bits24);
	dec_init(&d, b, n, 1000);
	s = draw_decode_bmp(&d);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(pixel(s, 0, 0), 0xFF0000FFu);
		cairo_surface_destroy(s);
	}
	/* every truncation: refused or drawn, never a read past the end */
	n = bmp_make(b, 2, 2, 24, 0, 0, bits24, sizeof bits24);
	for (size_t cut = 0; cut < n - 2; cut++) {
		unsigned char *copy = malloc(cut ? cut : 1);
		memcpy(copy, b, cut);
		dec_init(&d, copy, cut, 1000);
		s = draw_decode_bmp(&d);
		CHECK(s == NULL);
		CHECK(d.msg[0] != 0);
		free(copy);
	}
	/* 100000 x 100000: refused before allocation */
	n = bmp_make(b, 100000, 100000, 24, 0, 0, bits24, sizeof bits24);
	dec_init(&d, b, n, 1u << 26);
	CHECK(draw_decode_bmp(&d) == NULL);
	CHECK(strstr(d.msg, "over the limit") != NULL);
	/* a palette count past 256, data too short for it */
	n = bmp_make(b, 2, 2, 8, 0, 0, bits24, 8);
	put32(b + 46, 0xFFFFFFF0u);
	dec_init(&d, b, n, 1000);
	CHECK(draw_decode_bmp(&d) == NULL);
	/* RLE8: two palette colours, rows bottom-up */
	{
		unsigned char pal[8] = { 0, 0, 0xFF, 0, 0xFF, 0, 0, 0 };
		unsigned char tmp[sizeof pal + sizeof rle8];
		memcpy(tmp, pal, sizeof pal);
		memcpy(tmp + sizeof pal, rle8, sizeof rle8);
		n = bmp_make(b, 2, 2, 8, 1, 0, bits24, 0);
		put32(b + 46, 2);
		memcpy(b + 54, tmp, sizeof tmp);
		put32(b + 10, 54 + 8);
		n = 54 + sizeof tmp;
		dec_init(&d, b, n, 1000);
		s = draw_decode_bmp(&d);
		CHECK(s != NULL);
		if (s) {
			CHECK_INT(pixel(s, 0, 1), 0xFF0000FFu); /* bottom: index 1 */
			CHECK_INT(pixel(s, 1, 0), 0xFFFF0000u); /* top: index 0 */
			cairo_surface_destroy(s);
		}
		CHECK_STR(d.msg, "");
		memcpy(b + 62, rle_bad, sizeof rle_bad);
		dec_init(&d, b, 62 + sizeof rle_bad, 1000);
		s = draw_decode_bmp(&d);
		CHECK(s != NULL); /* drawn as far as it goes */
		if (s)
			cairo_surface_destroy(s);
	}
	/* JPEG inside a BMP: a diagnostic */
	n = bmp_make(b, 2, 2, 24, 4, 0, bits24, sizeof bits24);
	dec_init(&d, b, n, 1000);
	CHECK(draw_decode_bmp(&d) == NULL);
	CHECK(strstr(d.msg, "compression 4") != NULL);
}

static void
test_webp(void)
{
	/* 2x2 BGRA: opaque blue, half-transparent red, green, clear */
	static const uint8_t px[16] = { 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0x80,
	                                0, 0xFF, 0, 0xFF, 0, 0, 0, 0 };
	uint8_t *enc = NULL;
	size_t n = WebPEncodeLosslessBGRA(px, 2, 2, 8, &enc);
	cairo_surface_t *s;
	draw_decode d;

	CHECK(n > 0);
	dec_init(&d, enc, n, 1000);
	s = draw_decode_webp(&d);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(pixel(s, 0, 0), 0xFF0000FFu);
		CHECK_INT(pixel(s, 1, 0), 0x80800000u); /* premultiplied */
		CHECK_INT(pixel(s, 0, 1), 0xFF00FF00u);
		CHECK_INT(pixel(s, 1, 1), 0);
		cairo_surface_destroy(s);
	}
	/* the limit is checked from the header (4 pixels > 3) */
	dec_init(&d, enc, n, 3);
	CHECK(draw_decode_webp(&d) == NULL);
	CHECK(strstr(d.msg, "over the limit") != NULL);
	for (size_t cut = 0; cut < n; cut++) {
		dec_init(&d, enc, cut, 1000);
		s = draw_decode_webp(&d);
		CHECK(s == NULL);
		CHECK(d.msg[0] != 0);
	}
	WebPFree(enc);
}

static void
test_svg(void)
{
	static const char rect[] =
		"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 20'>"
		"<rect x='0' y='0' width='5' height='20' fill='#00FF00'/></svg>";
	cairo_surface_t *s, *png;
	char path[64], svg[512];
	draw_decode d;

	/* stretched to the asked size: the left half green */
	dec_init(&d, rect, strlen(rect), 100000);
	s = draw_decode_svg(&d, 40, 10);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(cairo_image_surface_get_width(s), 40);
		CHECK_INT(pixel(s, 5, 5), 0xFF00FF00u);
		CHECK_INT(pixel(s, 35, 5), 0);
		cairo_surface_destroy(s);
	}
	/* natural size: about 1024 px on the longer side */
	dec_init(&d, rect, strlen(rect), 1000000);
	s = draw_decode_svg(&d, 0, 0);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(cairo_image_surface_get_height(s), 1024);
		CHECK_INT(cairo_image_surface_get_width(s), 512);
		cairo_surface_destroy(s);
	}
	/* over the pixel limit */
	dec_init(&d, rect, strlen(rect), 100);
	CHECK(draw_decode_svg(&d, 40, 10) == NULL);
	CHECK(strstr(d.msg, "over the limit") != NULL);
	/* not XML */
	dec_init(&d, "<svg", 4, 100000);
	CHECK(draw_decode_svg(&d, 4, 4) == NULL);
	CHECK(d.msg[0] != 0);
	/* an image element naming a real local file is not loaded */
	snprintf(path, sizeof path, "/tmp/s2p-test-image-%ld.png", (long) getpid());
	png = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4);
	cairo_t *cr = cairo_create(png);
	cairo_set_source_rgb(cr, 1, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	CHECK_INT(cairo_surface_write_to_png(png, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(png);
	snprintf(svg, sizeof svg,
	         "<svg xmlns='http://www.w3.org/2000/svg' "
	         "xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 4 4'>"
	         "<image x='0' y='0' width='4' height='4' xlink:href='file://%s'/>"
	         "<image x='0' y='0' width='4' height='4' href='%s'/></svg>",
	         path, path);
	dec_init(&d, svg, strlen(svg), 100000);
	s = draw_decode_svg(&d, 4, 4);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(pixel(s, 2, 2), 0);
		cairo_surface_destroy(s);
	}
	remove(path);
}

/* draw_svg_vector: onto a recording surface (what PDF output records),
 * stretched to its box, clipped to it (the document paints past its
 * viewBox), with alpha; a broken SVG draws nothing. */
static void
test_svg_vector(void)
{
	static const char wide[] =
		"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 20'>"
		"<rect x='-10' y='-10' width='15' height='40' fill='#00FF00'/></svg>";
	cairo_rectangle_t box = { 0, 0, 60, 20 };
	cairo_surface_t *rec, *img;
	cairo_t *cr;
	draw_decode d;

	rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
	cr = cairo_create(rec);
	cairo_translate(cr, 10, 5);
	dec_init(&d, wide, strlen(wide), 1);   /* no pixels are decoded */
	CHECK_INT(draw_svg_vector(&d, cr, 40, 10, 0.5), 0);
	CHECK_INT(d.msg[0], 0);
	dec_init(&d, "<svg", 4, 100000);
	CHECK_INT(draw_svg_vector(&d, cr, 40, 10, 1), -1);
	CHECK(d.msg[0] != 0);
	cairo_destroy(cr);
	img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 60, 20);
	cr = cairo_create(img);
	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	/* left half of the 40x10 box at (10, 5): green at half alpha */
	CHECK_INT(pixel(img, 15, 10), 0x80008000u);
	CHECK_INT(pixel(img, 45, 10), 0);
	/* the rect reaches past the box on the left, top and bottom */
	CHECK_INT(pixel(img, 5, 10), 0);
	CHECK_INT(pixel(img, 15, 2), 0);
	CHECK_INT(pixel(img, 15, 17), 0);
	cairo_surface_destroy(img);
	cairo_surface_destroy(rec);
}

static void
test_recolor(void)
{
	uint32_t px[4] = { 0xFFFF0000u, 0xFF808080u, 0x80800000u, 0 };
	draw_recolor op;

	memset(&op, 0, sizeof op);
	op.kind = DML_BLIP_GRAYSCL;
	draw_image_recolor((unsigned char *) px, 4, 1, 16, &op, 1);
	CHECK_INT(px[0], 0xFF4C4C4Cu);       /* 0.299 * 255 */
	CHECK_INT(px[1], 0xFF808080u);
	CHECK_INT(px[2], 0x80262626u);       /* premultiplied, alpha kept */
	CHECK_INT(px[3], 0);

	/* duotone black..white of a grey is that grey; red..blue mixes */
	px[0] = 0xFFFFFFFFu;
	px[1] = 0xFF000000u;
	op.kind = DML_BLIP_DUOTONE;
	op.c1[0] = 1; op.c1[3] = 1;
	op.c2[2] = 1; op.c2[3] = 1;
	draw_image_recolor((unsigned char *) px, 2, 1, 8, &op, 1);
	CHECK_INT(px[0], 0xFF0000FFu);
	CHECK_INT(px[1], 0xFFFF0000u);

	/* biLevel at 50 % */
	px[0] = 0xFF7F7F7Fu;
	px[1] = 0xFF818181u;
	memset(&op, 0, sizeof op);
	op.kind = DML_BLIP_BILEVEL;
	op.a = 0.5;
	draw_image_recolor((unsigned char *) px, 2, 1, 8, &op, 1);
	CHECK_INT(px[0], 0xFF000000u);
	CHECK_INT(px[1], 0xFFFFFFFFu);

	/* clrChange white -> clear (useA), other colours kept, near-white
	 * within the tolerance changed too */
	px[0] = 0xFFFFFFFFu;
	px[1] = 0xFF00FF00u;
	px[2] = 0xFFFDFEFFu;
	memset(&op, 0, sizeof op);
	op.kind = DML_BLIP_CLR_CHANGE;
	op.use_alpha = 1;
	op.c1[0] = op.c1[1] = op.c1[2] = op.c1[3] = 1;
	op.c2[0] = op.c2[1] = op.c2[2] = 1;
	op.c2[3] = 0;
	draw_image_recolor((unsigned char *) px, 3, 1, 12, &op, 1);
	CHECK_INT(px[0], 0);
	CHECK_INT(px[1], 0xFF00FF00u);
	CHECK_INT(px[2], 0);

	/* lum: +50 % brightness whitens mid-grey; contrast -100 % flattens */
	px[0] = 0xFF808080u;
	px[1] = 0xFF102030u;
	memset(&op, 0, sizeof op);
	op.kind = DML_BLIP_LUM;
	op.a = 0.5;
	draw_image_recolor((unsigned char *) px, 1, 1, 4, &op, 1);
	CHECK_INT(px[0], 0xFFFFFFFFu);
	op.a = 0;
	op.b = -1;
	draw_image_recolor((unsigned char *) px + 4, 1, 1, 4, &op, 1);
	CHECK_INT(px[1], 0xFF808080u);
}

int
main(void)
{
	test_gif();
	test_bmp();
	test_webp();
	test_svg();
	test_svg_vector();
	test_recolor();
	return TT_DONE();
}
