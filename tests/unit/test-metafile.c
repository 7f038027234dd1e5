/*
 * Unit tests for the metafile player (src/metafile/): sniffing, the
 * frame an EMF or WMF maps onto its box, what a few records paint (read
 * back from the surface), and hostile records: truncated, zero and huge
 * sizes, huge counts, negative bitmap sizes, deep SaveDC nesting, object
 * indexes out of range, each limit in mf_limits. Hostile cases must end
 * with a note in the report, never a crash (ASan builds run these).
 */
#include "metafile/mf.h"

#include "tinytest.h"

#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growable little-endian byte buffer. */
typedef struct buf {
	unsigned char *p;
	size_t n, cap;
} buf;

static void
put(buf *b, const void *data, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, data, n);
	b->n += n;
}

static void
u32(buf *b, uint32_t v)
{
	unsigned char x[4] = { (unsigned char) v, (unsigned char) (v >> 8),
	                       (unsigned char) (v >> 16), (unsigned char) (v >> 24) };
	put(b, x, 4);
}

static void
u16(buf *b, uint16_t v)
{
	unsigned char x[2] = { (unsigned char) v, (unsigned char) (v >> 8) };
	put(b, x, 2);
}

static void
set32(buf *b, size_t at, uint32_t v)
{
	b->p[at] = (unsigned char) v;
	b->p[at + 1] = (unsigned char) (v >> 8);
	b->p[at + 2] = (unsigned char) (v >> 16);
	b->p[at + 3] = (unsigned char) (v >> 24);
}

/* EMF header: 100 x 100 device pixels at 10 px/mm, frame = bounds. */
static void
emf_begin(buf *b, uint16_t handles)
{
	u32(b, 1); u32(b, 108);
	u32(b, 0); u32(b, 0); u32(b, 99); u32(b, 99);          /* bounds */
	u32(b, 0); u32(b, 0); u32(b, 1000); u32(b, 1000);      /* frame, 0.01 mm */
	put(b, " EMF", 4);
	u32(b, 0x10000); u32(b, 0); u32(b, 0);                 /* bytes, records */
	u16(b, handles); u16(b, 0);
	u32(b, 0); u32(b, 0); u32(b, 0);
	u32(b, 1000); u32(b, 1000); u32(b, 100); u32(b, 100);  /* device, mm */
	u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 100000); u32(b, 100000);
}

static void
emr(buf *b, uint32_t type, const uint32_t *args, size_t n)
{
	u32(b, type);
	u32(b, (uint32_t) (8 + 4 * n));
	for (size_t i = 0; i < n; i++)
		u32(b, args[i]);
}

static void
emf_end(buf *b)
{
	uint32_t eof[] = { 0, 16, 20 };
	emr(b, 14, eof, 3);
	set32(b, 48, (uint32_t) b->n);
}

static PangoContext *pango_ctx;

/* Play @b into a 100 x 100 white surface; returns the surface. */
static cairo_surface_t *
play(const buf *b, const mf_limits *lim, mf_report *rep, int *rc)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 100, 100);
	cairo_t *cr = cairo_create(s);

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	*rc = mf_draw(cr, pango_ctx, b->p, b->n, 100, 100, lim, rep);
	CHECK_INT(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return s;
}

static uint32_t
pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);

	return ((const uint32_t *) (const void *) (d + y * stride))[x] & 0xFFFFFF;
}

/* A red brush selected, no pen. */
static void
red_brush(buf *b)
{
	uint32_t brush[] = { 1, 0, 0x0000FF, 0 }, sel[] = { 1 }, nopen[] = { 0x80000008 };
	emr(b, 39, brush, 4);
	emr(b, 37, sel, 1);
	emr(b, 37, nopen, 1);
}

static void
test_sniff(void)
{
	static const unsigned char wmf_plain[18] = { 1, 0, 9, 0, 0, 3 };
	static const unsigned char placeable[4] = { 0xD7, 0xCD, 0xC6, 0x9A };
	buf b = { 0 };

	emf_begin(&b, 1);
	CHECK_INT(mf_sniff(b.p, b.n), MF_EMF);
	CHECK_INT(mf_sniff(b.p, 43), MF_NONE);
	CHECK_INT(mf_sniff(wmf_plain, sizeof wmf_plain), MF_WMF);
	CHECK_INT(mf_sniff(placeable, sizeof placeable), MF_WMF);
	CHECK_INT(mf_sniff((const unsigned char *) "\x89PNG\r\n\x1a\n", 8), MF_NONE);
	CHECK_INT(mf_sniff(NULL, 0), MF_NONE);
	free(b.p);
}

static void
test_frames(void)
{
	buf b = { 0 };
	mf_report rep;
	double w, h;

	/* rclFrame 10 x 10 mm */
	emf_begin(&b, 1);
	emf_end(&b);
	CHECK_INT(mf_frame_size(b.p, b.n, &w, &h, &rep), 0);
	CHECK_NEAR(w, 100, 1e-9);
	CHECK_NEAR(h, 100, 1e-9);
	/* an empty frame: rclBounds (inclusive) instead */
	set32(&b, 32, 0);
	CHECK_INT(mf_frame_size(b.p, b.n, &w, &h, &rep), 0);
	CHECK_NEAR(w, 100, 1e-9);
	/* neither: refused with a reason */
	set32(&b, 16, (uint32_t) -5);
	CHECK_INT(mf_frame_size(b.p, b.n, &w, &h, &rep), -1);
	CHECK(strstr(rep.msg, "empty") != NULL);
	free(b.p);

	/* WMF without placeable header and without a window: no size */
	{
		buf m = { 0 };
		u16(&m, 1); u16(&m, 9); u16(&m, 0x300); u32(&m, 12); u16(&m, 0);
		u32(&m, 3); u16(&m, 0);
		u32(&m, 3); u16(&m, 0);     /* EOF */
		CHECK_INT(mf_frame_size(m.p, m.n, &w, &h, &rep), -1);
		CHECK(strstr(rep.msg, "no size") != NULL);
		free(m.p);
	}
}

static void
test_paint(void)
{
	buf b = { 0 };
	mf_report rep;
	cairo_surface_t *s;
	int rc;
	uint32_t rect[] = { 20, 20, 80, 80 }, excl[] = { 40, 40, 60, 60 };

	emf_begin(&b, 2);
	red_brush(&b);
	emr(&b, 29, excl, 4);               /* EXCLUDECLIPRECT: a hole */
	emr(&b, 43, rect, 4);               /* RECTANGLE */
	emf_end(&b);
	s = play(&b, NULL, &rep, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(rep.msg, "");
	CHECK_INT(pixel(s, 30, 30), 0xFF0000);
	CHECK_INT(pixel(s, 50, 50), 0xFFFFFF);   /* excluded */
	CHECK_INT(pixel(s, 10, 10), 0xFFFFFF);
	cairo_surface_destroy(s);
	free(b.p);

	/* a world transform moving everything right by 50: SaveDC keeps it
	 * until RestoreDC */
	{
		buf t = { 0 };
		float xf[6] = { 1, 0, 0, 1, 50, 0 };
		uint32_t xfw[6], small[] = { 0, 0, 20, 20 }, rel[] = { (uint32_t) -1 };
		memcpy(xfw, xf, sizeof xfw);
		emf_begin(&t, 2);
		red_brush(&t);
		emr(&t, 33, NULL, 0);
		emr(&t, 35, xfw, 6);
		emr(&t, 43, small, 4);
		emr(&t, 34, rel, 1);
		emr(&t, 43, small, 4);
		emf_end(&t);
		s = play(&t, NULL, &rep, &rc);
		CHECK_INT(pixel(s, 60, 10), 0xFF0000);
		CHECK_INT(pixel(s, 10, 10), 0xFF0000);
		CHECK_INT(pixel(s, 35, 10), 0xFFFFFF);
		cairo_surface_destroy(s);
		free(t.p);
	}
}

/* The report of playing @b with @lim; checks rc 0. */
static void
report_of(const buf *b, const mf_limits *lim, mf_report *rep)
{
	int rc;
	cairo_surface_t *s = play(b, lim, rep, &rc);

	CHECK_INT(rc, 0);
	cairo_surface_destroy(s);
}

static void
test_hostile_records(void)
{
	mf_report rep;
	int rc;

	/* a record whose size runs past the end */
	{
		buf b = { 0 };
		uint32_t rect[] = { 0, 0, 50, 50 };
		emf_begin(&b, 2);
		red_brush(&b);
		emr(&b, 43, rect, 4);
		set32(&b, b.n - 20, 0x7FFFFFF0);
		report_of(&b, NULL, &rep);
		CHECK(strstr(rep.msg, "broken record") != NULL);
		free(b.p);
	}
	/* size 0 and a size not a multiple of 4 */
	for (uint32_t bad = 0; bad <= 6; bad += 6) {
		buf b = { 0 };
		emf_begin(&b, 1);
		u32(&b, 43); u32(&b, bad);
		emf_end(&b);
		report_of(&b, NULL, &rep);
		CHECK(strstr(rep.msg, "broken record") != NULL);
		free(b.p);
	}
	/* POLYGON16 claiming 2^31 points in a 40-byte record, POLYPOLYGON
	 * with counts past the total: nothing read outside */
	{
		buf b = { 0 };
		uint32_t poly[] = { 0, 0, 10, 10, 0x7FFFFFFF, 0x00050005 };
		uint32_t pp[] = { 0, 0, 10, 10, 3, 4, 0xFFFFFFFF, 2, 2, 1, 2, 3, 4 };
		emf_begin(&b, 2);
		red_brush(&b);
		emr(&b, 86, poly, 6);
		emr(&b, 91, pp, 13);
		emf_end(&b);
		{
			cairo_surface_t *s = play(&b, NULL, &rep, &rc);
			CHECK_INT(rc, 0);
			CHECK_INT(pixel(s, 5, 5), 0xFFFFFF);
			cairo_surface_destroy(s);
		}
		free(b.p);
	}
	/* object indexes out of range, stock objects past the table,
	 * RestoreDC to levels never saved */
	{
		buf b = { 0 };
		uint32_t a[] = { 0xFFFFFFFF }, c[] = { 1000000, 0, 0, 0 }, d[] = { 0x8000FFFF };
		uint32_t up[] = { 0x7FFFFFFF }, down[] = { 0x80000000 };
		emf_begin(&b, 2);
		emr(&b, 37, a, 1);
		emr(&b, 39, c, 4);
		emr(&b, 40, a, 1);
		emr(&b, 37, d, 1);
		emr(&b, 34, up, 1);
		emr(&b, 34, down, 1);
		emf_end(&b);
		report_of(&b, NULL, &rep);
		free(b.p);
	}
	/* an unsupported record is named once, however often it comes */
	{
		buf b = { 0 };
		uint32_t z[4] = { 0 };
		emf_begin(&b, 1);
		for (int i = 0; i < 5; i++)
			emr(&b, 78, z, 4);
		emf_end(&b);
		report_of(&b, NULL, &rep);
		CHECK_STR(rep.msg, "records not drawn: EMR_MASKBLT");
		free(b.p);
	}
	/* truncated header, not a metafile */
	{
		buf b = { 0 };
		emf_begin(&b, 1);
		set32(&b, 4, 5000);
		{
			cairo_surface_t *s = play(&b, NULL, &rep, &rc);
			CHECK_INT(rc, -1);
			CHECK(strstr(rep.msg, "header size") != NULL);
			cairo_surface_destroy(s);
		}
		rc = mf_draw(NULL, NULL, (const unsigned char *) "hello", 5, 10, 10, NULL, &rep);
		CHECK_INT(rc, -1);
		CHECK_STR(rep.msg, "not a metafile");
		free(b.p);
	}
}

/* A STRETCHDIBITS of a bitmap header @w x @h, @bpp, with @bits bytes. */
static void
stretch(buf *b, int32_t w, int32_t h, uint16_t bpp, uint32_t bits, uint32_t cb_bmi)
{
	uint32_t head[18] = { 0, 0, 10, 10, 0, 0, 0, 0, (uint32_t) w, (uint32_t) h,
	                      80, cb_bmi, 120, bits, 0, 0x00CC0020, 50, 50 };
	size_t start = b->n;

	u32(b, 81);
	u32(b, 0);
	for (int i = 0; i < 18; i++)
		u32(b, head[i]);
	/* BITMAPINFOHEADER */
	u32(b, 40); u32(b, (uint32_t) w); u32(b, (uint32_t) h); u16(b, 1); u16(b, bpp);
	u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 0);
	for (uint32_t i = 0; i < bits && i < 4096; i++)
		put(b, "\x40", 1);
	while ((b->n - start) % 4)
		put(b, "", 1);
	set32(b, start + 4, (uint32_t) (b->n - start));
}

static void
test_hostile_bitmaps(void)
{
	mf_report rep;
	mf_limits lim = { 0 };
	buf b = { 0 };

	/* negative width, huge height, bits shorter than the header says,
	 * an offset to the bits beyond the record, a bit depth of 7 */
	emf_begin(&b, 1);
	stretch(&b, -4, 4, 24, 48, 40);
	stretch(&b, 4, -2000000000, 24, 48, 40);
	stretch(&b, 64, 64, 32, 16, 40);
	stretch(&b, 4, 4, 24, 0x7FFFFFFF, 40);
	stretch(&b, 4, 4, 7, 48, 40);
	stretch(&b, 4, 4, 24, 48, 0xFFFFFFF0);
	emf_end(&b);
	report_of(&b, NULL, &rep);
	CHECK(strstr(rep.msg, "truncated bitmap") != NULL);
	CHECK(strstr(rep.msg, "corrupt bitmap") != NULL);
	free(b.p);

	/* a bitmap over the pixel limit is refused before decoding */
	memset(&b, 0, sizeof b);
	emf_begin(&b, 1);
	stretch(&b, 1000, 1000, 8, 4096, 40);
	emf_end(&b);
	lim.max_bitmap_pixels = 10000;
	report_of(&b, &lim, &rep);
	CHECK(strstr(rep.msg, "1000x1000 pixels not drawn") != NULL);
	free(b.p);
}

static void
test_limits(void)
{
	mf_report rep;
	mf_limits lim = { 0 };
	buf b = { 0 };

	/* SaveDC nesting */
	emf_begin(&b, 1);
	for (int i = 0; i < 300; i++)
		emr(&b, 33, NULL, 0);
	emf_end(&b);
	report_of(&b, NULL, &rep);
	CHECK(strstr(rep.msg, "SaveDC nesting over 256") != NULL);
	/* record count */
	lim.max_records = 100;
	report_of(&b, &lim, &rep);
	CHECK(strstr(rep.msg, "more than 100 records") != NULL);
	free(b.p);

	/* object table: the header's count is cut to the limit */
	memset(&b, 0, sizeof b);
	emf_begin(&b, 60000);
	emf_end(&b);
	memset(&lim, 0, sizeof lim);
	lim.max_objects = 100;
	report_of(&b, &lim, &rep);
	CHECK(strstr(rep.msg, "object table of 60000 entries cut to 100") != NULL);
	free(b.p);

	/* work: many points */
	memset(&b, 0, sizeof b);
	emf_begin(&b, 1);
	{
		size_t start = b.n;
		u32(&b, 87); u32(&b, 0);
		u32(&b, 0); u32(&b, 0); u32(&b, 10); u32(&b, 10);
		u32(&b, 5000);
		for (int i = 0; i < 5000; i++)
			u32(&b, (uint32_t) (i % 100));
		set32(&b, start + 4, (uint32_t) (b.n - start));
	}
	emf_end(&b);
	memset(&lim, 0, sizeof lim);
	lim.max_work = 1000;
	report_of(&b, &lim, &rep);
	CHECK(strstr(rep.msg, "work limit of 1000") != NULL);
	free(b.p);
}

/* WMF with placeable header: 100 x 100 units, window 0..100. */
static void
wmf_begin(buf *b, uint16_t objects)
{
	uint16_t head[11] = { 0xCDD7, 0x9AC6, 0, 0, 0, 100, 100, 1440, 0, 0, 0 };
	for (int i = 0; i < 11; i++)
		u16(b, head[i]);
	u16(b, 1); u16(b, 9); u16(b, 0x300); u32(b, 0); u16(b, objects);
	u32(b, 0); u16(b, 0);
}

static void
wmr(buf *b, uint16_t fn, const uint16_t *args, size_t n)
{
	u32(b, (uint32_t) (3 + n));
	u16(b, fn);
	for (size_t i = 0; i < n; i++)
		u16(b, args[i]);
}

static void
test_wmf(void)
{
	mf_report rep;
	cairo_surface_t *s;
	int rc;
	buf b = { 0 };
	/* CREATEBRUSHINDIRECT solid blue (COLORREF 0x00FF0000), select 0,
	 * null pen (stock objects do not exist in WMF: a PS_NULL pen, 1),
	 * RECTANGLE b, r, t, l */
	uint16_t brush[] = { 0, 0x0000, 0x00FF, 0 }, sel0[] = { 0 }, sel1[] = { 1 };
	uint16_t pen[] = { 5, 0, 0, 0, 0 }, rect[] = { 90, 90, 10, 10 };

	wmf_begin(&b, 2);
	wmr(&b, 0x02FC, brush, 4);
	wmr(&b, 0x012D, sel0, 1);
	wmr(&b, 0x02FA, pen, 5);
	wmr(&b, 0x012D, sel1, 1);
	wmr(&b, 0x041B, rect, 4);
	wmr(&b, 0, NULL, 0);
	s = play(&b, NULL, &rep, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(rep.msg, "");
	CHECK_INT(pixel(s, 50, 50), 0x0000FF);
	CHECK_INT(pixel(s, 5, 5), 0xFFFFFF);
	cairo_surface_destroy(s);
	free(b.p);

	/* a full object table, a record of size 2 words, counts past the
	 * record in POLYGON and POLYPOLYGON */
	memset(&b, 0, sizeof b);
	wmf_begin(&b, 1);
	wmr(&b, 0x02FC, brush, 4);
	wmr(&b, 0x02FC, brush, 4);
	{
		uint16_t poly[] = { 30000, 1, 2 }, pp[] = { 2, 60000, 60000, 1, 1 };
		wmr(&b, 0x0324, poly, 3);
		wmr(&b, 0x0538, pp, 5);
	}
	u32(&b, 2); u16(&b, 0x041B);
	s = play(&b, NULL, &rep, &rc);
	CHECK_INT(rc, 0);
	CHECK(strstr(rep.msg, "object table full") != NULL);
	CHECK(strstr(rep.msg, "broken record") != NULL);
	cairo_surface_destroy(s);
	free(b.p);
}

/* Text: drawn somewhere in the box, with a NUL in the middle, a lone
 * surrogate, an enormous font and a zero-size one (skipped). */
static void
test_text(void)
{
	mf_report rep;
	cairo_surface_t *s;
	int rc, dark = 0;
	buf b = { 0 };
	static const int32_t heights[] = { -60, -2000000000, 0x7FFFFFFF, 1 };

	emf_begin(&b, 2);
	for (size_t k = 0; k < sizeof heights / sizeof heights[0]; k++) {
		size_t start = b.n;
		uint32_t sel[] = { 1 };
		u32(&b, 82); u32(&b, 0); u32(&b, 1);
		u32(&b, (uint32_t) heights[k]);
		for (int i = 0; i < 3; i++)
			u32(&b, 0);
		u32(&b, 400); u32(&b, 0); u32(&b, 0);
		put(&b, "S\0a\0n\0s\0", 8);
		for (int i = 0; i < 56; i++)
			put(&b, "", 1);
		set32(&b, start + 4, (uint32_t) (b.n - start));
		emr(&b, 37, sel, 1);
		/* EXTTEXTOUTW at (10, 70): "W\0\xD800W" */
		start = b.n;
		u32(&b, 84); u32(&b, 0);
		for (int i = 0; i < 4; i++)
			u32(&b, 0);
		u32(&b, 1); u32(&b, 0); u32(&b, 0);
		u32(&b, 10); u32(&b, 70); u32(&b, 4); u32(&b, 76); u32(&b, 0);
		u32(&b, 0); u32(&b, 0); u32(&b, 0); u32(&b, 0); u32(&b, 0);
		u16(&b, 'W'); u16(&b, 0); u16(&b, 0xD800); u16(&b, 'W');
		set32(&b, start + 4, (uint32_t) (b.n - start));
	}
	emf_end(&b);
	s = play(&b, NULL, &rep, &rc);
	CHECK_INT(rc, 0);
	for (int y = 0; y < 100; y++)
		for (int x = 0; x < 100; x++)
			dark += pixel(s, x, y) != 0xFFFFFF;
	CHECK(dark > 50);
	cairo_surface_destroy(s);
	free(b.p);
}

/* ---- EMF+ ---- */

static void
f32(buf *b, float v)
{
	uint32_t u;
	memcpy(&u, &v, 4);
	u32(b, u);
}

/* One EMF+ record (@data, @n bytes, padded) in its own EMR_COMMENT. */
static void
plus(buf *b, uint16_t type, uint16_t flags, const buf *data)
{
	size_t n = data ? data->n : 0, pad = (4 - n % 4) % 4;
	static const unsigned char zero[4];

	u32(b, 70);
	u32(b, (uint32_t) (12 + 4 + 12 + n + pad));
	u32(b, (uint32_t) (4 + 12 + n + pad));
	put(b, "EMF+", 4);
	u16(b, type); u16(b, flags);
	u32(b, (uint32_t) (12 + n + pad));
	u32(b, (uint32_t) (n + pad));
	if (n)
		put(b, data->p, n);
	put(b, zero, pad);
}

static void
plus_header(buf *b)
{
	buf d = { 0 };
	u32(&d, 0xDBC01002); u32(&d, 0); u32(&d, 96); u32(&d, 96);
	plus(b, 0x4001, 1, &d);
	free(d.p);
}

/* An EMF+ FillRects of one rectangle in ARGB @c. */
static void
plus_fill_rect(buf *b, uint32_t c, float x, float y, float w, float h)
{
	buf d = { 0 };
	u32(&d, c); u32(&d, 1);
	f32(&d, x); f32(&d, y); f32(&d, w); f32(&d, h);
	plus(b, 0x400A, 0x8000, &d);
	free(d.p);
}

/* The EMF fallback: the whole picture blue. */
static void
blue_fallback(buf *b)
{
	uint32_t brush[] = { 1, 0, 0xFF0000, 0 }, sel[] = { 1 }, nopen[] = { 0x80000008 };
	uint32_t rect[] = { 0, 0, 100, 100 };
	emr(b, 39, brush, 4);
	emr(b, 37, sel, 1);
	emr(b, 37, nopen, 1);
	emr(b, 43, rect, 4);
}

static void
test_emfplus(void)
{
	mf_report rep;
	int rc;
	cairo_surface_t *s;

	/* a dual file: the EMF+ records are drawn, the fallback is not */
	{
		buf b = { 0 };
		emf_begin(&b, 2);
		plus_header(&b);
		plus_fill_rect(&b, 0xFFFF0000, 10, 10, 20, 20);
		blue_fallback(&b);
		emf_end(&b);
		s = play(&b, NULL, &rep, &rc);
		CHECK_INT(rc, 0);
		CHECK_STR(rep.msg, "");
		CHECK_INT(pixel(s, 20, 20), 0xFF0000);
		CHECK_INT(pixel(s, 60, 60), 0xFFFFFF);
		cairo_surface_destroy(s);
		free(b.p);
	}
	/* GetDC: the EMF records that follow are drawn */
	{
		buf b = { 0 };
		emf_begin(&b, 2);
		plus_header(&b);
		plus(&b, 0x4004, 0, NULL);
		blue_fallback(&b);
		plus_fill_rect(&b, 0xFFFF0000, 10, 10, 20, 20);
		emf_end(&b);
		s = play(&b, NULL, &rep, &rc);
		CHECK_STR(rep.msg, "");
		CHECK_INT(pixel(s, 20, 20), 0xFF0000);
		CHECK_INT(pixel(s, 60, 60), 0x0000FF);
		cairo_surface_destroy(s);
		free(b.p);
	}
	/* a record that cannot be played: the EMF fallback, named */
	{
		buf b = { 0 }, d = { 0 };
		emf_begin(&b, 2);
		plus_header(&b);
		plus_fill_rect(&b, 0xFFFF0000, 10, 10, 20, 20);
		/* DrawDriverString of glyph indexes */
		u32(&d, 0xFF000000); u32(&d, 0); u32(&d, 0); u32(&d, 1);
		u16(&d, 36); u16(&d, 0); f32(&d, 0); f32(&d, 0);
		plus(&b, 0x4036, 0x8000, &d);
		blue_fallback(&b);
		emf_end(&b);
		s = play(&b, NULL, &rep, &rc);
		CHECK(strstr(rep.msg, "EMF+ DrawDriverString glyph indexes not supported") != NULL);
		CHECK_INT(pixel(s, 20, 20), 0x0000FF);
		cairo_surface_destroy(s);
		free(b.p);
		free(d.p);
	}
	/* alpha: half-transparent red over white */
	{
		buf b = { 0 };
		uint32_t px;
		emf_begin(&b, 2);
		plus_header(&b);
		plus_fill_rect(&b, 0x80FF0000, 0, 0, 100, 100);
		emf_end(&b);
		s = play(&b, NULL, &rep, &rc);
		px = pixel(s, 50, 50);
		CHECK(px >> 16 == 0xFF && (px & 0xFF) > 0x70 && (px & 0xFF) < 0x90);
		cairo_surface_destroy(s);
		free(b.p);
	}
}

/* A dual file with the EMF+ records @add() writes, then a red EMF+ rect. */
static void
hostile_plus(void (*add)(buf *), const char *expect)
{
	buf b = { 0 };
	mf_report rep;
	mf_limits lim = { 0 };
	int rc;
	cairo_surface_t *s;

	lim.max_work = 5000000;
	emf_begin(&b, 2);
	plus_header(&b);
	add(&b);
	blue_fallback(&b);
	emf_end(&b);
	s = play(&b, &lim, &rep, &rc);
	CHECK_INT(rc, 0);
	if (expect && !strstr(rep.msg, expect)) {
		fprintf(stderr, "expected '%s' in '%s'\n", expect, rep.msg);
		CHECK(0);
	}
	cairo_surface_destroy(s);
	free(b.p);
}

static void
h_object_id(buf *b)
{
	buf d = { 0 };
	u32(&d, 0xDBC01002); u32(&d, 0); u32(&d, 0xFF00FF00);
	plus(b, 0x4008, 0x0100 | 200, &d);
	free(d.p);
}

static void
h_record_size(buf *b)
{
	/* a record claiming more bytes than its comment holds */
	u32(b, 70); u32(b, 32); u32(b, 20);
	put(b, "EMF+", 4);
	u16(b, 0x400A); u16(b, 0x8000); u32(b, 0xFFFFFFF0); u32(b, 0xFFFFFFE4);
	u32(b, 0);
}

static void
h_counts(buf *b)
{
	buf d = { 0 };
	/* FillRects, FillPolygon (float, relative), DrawLines: huge counts */
	u32(&d, 0xFFFF0000); u32(&d, 0x7FFFFFFF);
	f32(&d, 1); f32(&d, 1); f32(&d, 5); f32(&d, 5);
	plus(b, 0x400A, 0x8000, &d);
	plus(b, 0x400C, 0x8000, &d);
	plus(b, 0x400C, 0x8800, &d);
	d.n = 0;
	u32(&d, 0xFFFFFFFF); u32(&d, 0);
	plus(b, 0x400D, 0x0000, &d);
	free(d.p);
}

static void
h_path(buf *b)
{
	buf d = { 0 };
	/* a path claiming 2^32-1 points, one with RLE types too short, then
	 * fills of it and of a missing path */
	u32(&d, 0xDBC01002); u32(&d, 0xFFFFFFFF); u32(&d, 0);
	f32(&d, 0); f32(&d, 0);
	plus(b, 0x4008, 0x0300, &d);
	d.n = 0;
	u32(&d, 0xDBC01002); u32(&d, 60); u32(&d, 0x1000 | 0x4000);
	for (int i = 0; i < 60; i++)
		u32(&d, (uint32_t) i * 3);
	u16(&d, 0x4001); u16(&d, 0x0101);
	plus(b, 0x4008, 0x0301, &d);
	d.n = 0;
	u32(&d, 0xFFFF0000);
	plus(b, 0x4014, 0x8000, &d);
	plus(b, 0x4014, 0x8001, &d);
	plus(b, 0x4014, 0x8005, &d);
	free(d.p);
}

static void
h_region(buf *b)
{
	buf d = { 0 };
	/* 100 nested And nodes, then a clip with it */
	u32(&d, 0xDBC01002); u32(&d, 200);
	for (int i = 0; i < 100; i++)
		u32(&d, 1);
	u32(&d, 0x10000003);
	plus(b, 0x4008, 0x0400, &d);
	plus(b, 0x4034, 0x0100, NULL);
	plus(b, 0x4013, 0x8000, &d);
	free(d.p);
}

static void
h_continued(buf *b)
{
	buf d = { 0 };
	u32(&d, 0xFFFFFFFF); u32(&d, 0xDBC01002); u32(&d, 1);
	plus(b, 0x4008, 0x8500, &d);
	d.n = 0;
	u32(&d, 1000); u32(&d, 0xDBC01002); u32(&d, 1);
	plus(b, 0x4008, 0x8501, &d);           /* never completed */
	d.n = 0;
	u32(&d, 0xFFFFFFFF); u32(&d, 2);
	for (int i = 0; i < 4; i++)
		f32(&d, 1);
	f32(&d, 0); f32(&d, 0); f32(&d, 50); f32(&d, 50);
	plus(b, 0x401A, 0x0001, &d);
	free(d.p);
}

static void
h_transform(buf *b)
{
	buf d = { 0 };
	f32(&d, 1e30f); f32(&d, 0); f32(&d, 0); f32(&d, 1e30f); f32(&d, 0); f32(&d, 0);
	plus(b, 0x402A, 0, &d);
	plus_fill_rect(b, 0xFFFF0000, 1, 1, 5, 5);
	d.n = 0;
	f32(&d, 1e6f); f32(&d, 0); f32(&d, 0); f32(&d, 1e6f); f32(&d, 0); f32(&d, 0);
	plus(b, 0x402A, 0, &d);
	plus_fill_rect(b, 0xFFFF0000, 1, 1, 5, 5);
	plus(b, 0x402B, 0, NULL);
	d.n = 0;
	u32(&d, 0x7FC00000);                      /* NaN */
	plus(b, 0x402F, 0, &d);
	plus_fill_rect(b, 0xFFFF0000, 0.0f / 0.0f, 1, 5, 5);
	plus_fill_rect(b, 0xFFFF0000, 1e20f, 1, 5, 5);
	free(d.p);
}

static void
h_saves(buf *b)
{
	buf d = { 0 };
	u32(&d, 1);
	for (int i = 0; i < 300; i++)
		plus(b, 0x4025, 0, &d);
	d.n = 0;
	u32(&d, 12345);
	plus(b, 0x4026, 0, &d);
	plus(b, 0x4029, 0, &d);
	free(d.p);
}

static void
h_images(buf *b)
{
	buf d = { 0 };
	/* a corrupt PNG, and raw pixels larger than their data */
	u32(&d, 0xDBC01002); u32(&d, 1); u32(&d, 0); u32(&d, 0); u32(&d, 0);
	u32(&d, 0); u32(&d, 1);
	put(&d, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10garbage", 31);
	plus(b, 0x4008, 0x0500, &d);
	d.n = 0;
	u32(&d, 0xDBC01002); u32(&d, 1); u32(&d, 1000); u32(&d, 1000); u32(&d, 4000);
	u32(&d, 0x0026200A); u32(&d, 0); u32(&d, 0);
	plus(b, 0x4008, 0x0501, &d);
	for (uint16_t id = 0; id < 3; id++) {
		d.n = 0;
		u32(&d, 0xFFFFFFFF); u32(&d, 2);
		f32(&d, 0); f32(&d, 0); f32(&d, 16); f32(&d, 16);
		u32(&d, 3);
		for (int i = 0; i < 6; i++)
			f32(&d, (float) (i * 10));
		plus(b, 0x401B, id, &d);
	}
	free(d.p);
}

/* GRADIENTFILL: counts past the record, bad indexes, unknown mode; then
 * one red-to-red rectangle that must paint. */
static void
test_gradient_fill(void)
{
	buf b = { 0 };
	mf_report rep;
	int rc;
	cairo_surface_t *s;
	uint32_t huge[] = { 0, 0, 0, 0, 0xFFFFFFFF, 1, 0 };
	uint32_t many[] = { 0, 0, 0, 0, 0, 0x7FFFFFFF, 2 };
	uint32_t mode[] = { 0, 0, 0, 0, 0, 0, 7 };
	/* TRIVERTEX: x, y, then 16-bit R, G, B, A (red: R 0xFF00 in the low
	 * half); two rectangles, the second with an index out of range */
	uint32_t ok[] = { 0, 0, 0, 0, 2, 2, 0,
	                  10, 10, 0xFF00, 0, 60, 60, 0xFF00, 0,
	                  0, 1, 1, 5 };

	emf_begin(&b, 1);
	emr(&b, 118, huge, 7);
	emr(&b, 118, many, 7);
	emr(&b, 118, mode, 7);
	emr(&b, 118, ok, 19);
	emf_end(&b);
	s = play(&b, NULL, &rep, &rc);
	CHECK_INT(rc, 0);
	CHECK(strstr(rep.msg, "GRADIENTFILL mode 7") != NULL);
	CHECK_INT(pixel(s, 30, 30), 0xFF0000);
	CHECK_INT(pixel(s, 80, 80), 0xFFFFFF);
	cairo_surface_destroy(s);
	free(b.p);
}

static void
test_emfplus_hostile(void)
{
	hostile_plus(h_object_id, "out of range");
	hostile_plus(h_record_size, "broken EMF+ record");
	hostile_plus(h_counts, NULL);
	hostile_plus(h_path, "EMF+ path");
	hostile_plus(h_region, "region broken");
	hostile_plus(h_continued, "size limit");
	hostile_plus(h_transform, "out-of-range transform");
	hostile_plus(h_saves, "Save nesting");
	hostile_plus(h_images, "PNG");
}

int
main(void)
{
	PangoFontMap *fm = pango_cairo_font_map_new();

	pango_ctx = pango_font_map_create_context(fm);
	test_sniff();
	test_frames();
	test_paint();
	test_hostile_records();
	test_hostile_bitmaps();
	test_limits();
	test_wmf();
	test_text();
	test_emfplus();
	test_emfplus_hostile();
	test_gradient_fill();
	g_object_unref(pango_ctx);
	g_object_unref(fm);
	return TT_DONE();
}
