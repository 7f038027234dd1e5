/*
 * Pictures: PNG (cairo's libpng reader), JPEG (libjpeg-turbo, DCT-scaled
 * to the drawn size, CMYK/YCCK converted) and TIFF (libtiff), pixel count
 * checked from the header first; other formats become diagnostics. Decoded
 * pixels go through a run-wide cache (decoded once per media part and
 * drawn size, box-filtered down so cairo never scales below 0.75x, then
 * read-only); then srcRect cropping and fillRect stretching.
 */
#include "render/draw-imp.h"
#include "render/image-imp.h"

#include "dib/dib.h"

#include <jpeglib.h>
#include <tiffio.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
draw_decode_msg(draw_decode *d, const char *fmt, ...)
{
	va_list ap;

	if (d->msg[0])
		return;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
}

int
draw_decode_pixels_ok(draw_decode *d, uint64_t w, uint64_t h)
{
	if (w == 0 || h == 0 || w > 65535 || h > 65535 || w * h > d->max_pixels) {
		draw_decode_msg(d, "picture %s is %llux%llu pixels, over the limit of "
		                "%llu; not drawn", d->part, (unsigned long long) w,
		                (unsigned long long) h,
		                (unsigned long long) d->max_pixels);
		return 0;
	}
	return 1;
}

cairo_surface_t *
draw_decode_surface(draw_decode *d, int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		draw_decode_msg(d, "picture %s: out of memory for %dx%d pixels",
		                d->part, w, h);
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	return s;
}

static cairo_surface_t *
decode_png(draw_decode *d)
{
	cairo_surface_t *s;
	cairo_status_t st;
	uint32_t w, h;

	if (dib_png_size(d->data, d->size, &w, &h) != 0) {
		draw_decode_msg(d, "picture %s: corrupt PNG", d->part);
		return NULL;
	}
	if (!draw_decode_pixels_ok(d, w, h))
		return NULL;
	st = dib_png_read(d->data, d->size, &s);
	if (st != CAIRO_STATUS_SUCCESS) {
		draw_decode_msg(d, "picture %s: cannot decode PNG (%s)", d->part,
		                cairo_status_to_string(st));
		return NULL;
	}
	return s;
}

typedef struct jpeg_err {
	struct jpeg_error_mgr mgr;
	jmp_buf jmp;
	char msg[JMSG_LENGTH_MAX];
} jpeg_err;

static void
on_jpeg_error(j_common_ptr cinfo)
{
	jpeg_err *e = (jpeg_err *) cinfo->err;

	e->mgr.format_message(cinfo, e->msg);
	longjmp(e->jmp, 1);
}

static void
on_jpeg_message(j_common_ptr cinfo, int level)
{
	(void) cinfo;
	(void) level; /* warnings about corrupt data: decode what we can */
}

/* Decode with libjpeg; libjpeg reports errors only through longjmp, so
 * this function owns the setjmp and every resource it must release. */
static cairo_surface_t *
decode_jpeg(draw_decode *d, double want_w, double want_h)
{
	struct jpeg_decompress_struct cinfo;
	jpeg_err jerr;
	cairo_surface_t *volatile s = NULL;
	JSAMPLE *volatile row = NULL;
	unsigned char *data;
	int stride, cmyk, inverted;

	memset(&cinfo, 0, sizeof cinfo);
	cinfo.err = jpeg_std_error(&jerr.mgr);
	jerr.mgr.error_exit = on_jpeg_error;
	jerr.mgr.emit_message = on_jpeg_message;
	jerr.msg[0] = 0;
	if (setjmp(jerr.jmp)) {
		draw_decode_msg(d, "picture %s: cannot decode JPEG (%s)", d->part,
		                jerr.msg);
		jpeg_destroy_decompress(&cinfo);
		free(row);
		if (s)
			cairo_surface_destroy(s);
		return NULL;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, d->data, (unsigned long) d->size);
	jpeg_save_markers(&cinfo, JPEG_APP0 + 14, 64);
	jpeg_read_header(&cinfo, TRUE);
	if (!draw_decode_pixels_ok(d, cinfo.image_width, cinfo.image_height)) {
		jpeg_destroy_decompress(&cinfo);
		return NULL;
	}
	/* decode at the smallest M/8 scale not below the drawn size; no
	 * drawn size (vector output, or too large to say) is full size */
	cinfo.scale_denom = 8;
	cinfo.scale_num = 8;
	for (unsigned num = 1; num < 8 && want_w > 0 && want_h > 0; num++) {
		if (cinfo.image_width * num / 8.0 >= want_w &&
		    cinfo.image_height * num / 8.0 >= want_h) {
			cinfo.scale_num = num;
			break;
		}
	}
	cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
	inverted = cmyk && cinfo.saw_Adobe_marker;
	cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
	jpeg_start_decompress(&cinfo);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int) cinfo.output_width,
	                               (int) cinfo.output_height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		jpeg_destroy_decompress(&cinfo);
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	if (cmyk)
		row = malloc((size_t) cinfo.output_width * 4);
	while (cinfo.output_scanline < cinfo.output_height) {
		unsigned char *dst = data + (size_t) cinfo.output_scanline * (size_t) stride;
		JSAMPROW rp = cmyk ? row : dst;
		if (cmyk && !row)
			break;
		jpeg_read_scanlines(&cinfo, &rp, 1);
		if (cmyk) {
			/* naive CMYK -> RGB; Adobe files store inverted values */
			for (JDIMENSION x = 0; x < cinfo.output_width; x++) {
				int C = row[4 * x], M = row[4 * x + 1], Y = row[4 * x + 2],
				    K = row[4 * x + 3];
				if (!inverted) {
					C = 255 - C; M = 255 - M; Y = 255 - Y; K = 255 - K;
				}
				uint32_t r = (uint32_t) (C * K / 255), g = (uint32_t) (M * K / 255),
				         bl = (uint32_t) (Y * K / 255);
				((uint32_t *) dst)[x] = 0xFF000000u | r << 16 | g << 8 | bl;
			}
		}
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	free(row);
	cairo_surface_mark_dirty(s);
	return s;
}

static int
memmem_svg(const unsigned char *p, size_t n)
{
	size_t lim = n < 4096 ? n : 4096;

	for (size_t i = 0; i + 4 <= lim; i++)
		if (memcmp(p + i, "<svg", 4) == 0)
			return 1;
	return 0;
}

/* libtiff reads through these callbacks from the blob in memory. */
typedef struct tiff_mem {
	const unsigned char *data;
	toff_t size, pos;
} tiff_mem;

static tmsize_t
tiff_read(thandle_t h, void *buf, tmsize_t n)
{
	tiff_mem *m = h;
	toff_t left = m->pos < m->size ? m->size - m->pos : 0;

	if (n < 0)
		return -1;
	if ((toff_t) n > left)
		n = (tmsize_t) left;
	memcpy(buf, m->data + m->pos, (size_t) n);
	m->pos += (toff_t) n;
	return n;
}

static tmsize_t
tiff_write(thandle_t h, void *buf, tmsize_t n)
{
	(void) h; (void) buf; (void) n;
	return -1;
}

static toff_t
tiff_seek(thandle_t h, toff_t off, int whence)
{
	tiff_mem *m = h;
	toff_t base = whence == SEEK_CUR ? m->pos : whence == SEEK_END ? m->size : 0;

	m->pos = base + off;
	return m->pos;
}

static int
tiff_close(thandle_t h)
{
	(void) h;
	return 0;
}

static toff_t
tiff_size(thandle_t h)
{
	return ((tiff_mem *) h)->size;
}

static int
tiff_map(thandle_t h, void **base, toff_t *size)
{
	(void) h; (void) base; (void) size;
	return 0;
}

static void
tiff_unmap(thandle_t h, void *base, toff_t size)
{
	(void) h; (void) base; (void) size;
}

/* TIFF through libtiff's RGBA interface (first directory). */
static cairo_surface_t *
decode_tiff(draw_decode *d)
{
	tiff_mem mem = { d->data, d->size, 0 };
	TIFF *tif;
	uint32_t w = 0, h = 0, *px;
	cairo_surface_t *s;
	unsigned char *data;
	int stride;

	tif = TIFFClientOpen(d->part, "rm", &mem, tiff_read, tiff_write, tiff_seek,
	                     tiff_close, tiff_size, tiff_map, tiff_unmap);
	if (!tif) {
		draw_decode_msg(d, "picture %s: corrupt TIFF", d->part);
		return NULL;
	}
	TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
	TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
	if (!draw_decode_pixels_ok(d, w, h)) {
		TIFFClose(tif);
		return NULL;
	}
	px = s2p_malloc_array((size_t) w * h, sizeof *px);
	if (!px || !TIFFReadRGBAImageOriented(tif, w, h, px, ORIENTATION_TOPLEFT, 0)) {
		draw_decode_msg(d, "picture %s: cannot decode TIFF", d->part);
		free(px);
		TIFFClose(tif);
		return NULL;
	}
	TIFFClose(tif);
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int) w, (int) h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		free(px);
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (uint32_t y = 0; y < h; y++) {
		uint32_t *dst = (uint32_t *) (data + (size_t) y * (size_t) stride);
		for (uint32_t x = 0; x < w; x++) {
			/* libtiff's RGBA is unassociated A,B,G,R; cairo wants
			 * premultiplied native ARGB */
			uint32_t p = px[(size_t) y * w + x], a = TIFFGetA(p);
			uint32_t r = TIFFGetR(p) * a / 255, g = TIFFGetG(p) * a / 255,
			         b = TIFFGetB(p) * a / 255;
			dst[x] = a << 24 | r << 16 | g << 8 | b;
		}
	}
	free(px);
	cairo_surface_mark_dirty(s);
	return s;
}

/* Signature tests: @p holds the first @n bytes of the part. */
static int
is_png(const unsigned char *p, size_t n)
{
	return n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static int
is_jpeg(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
}

static int
is_gif(const unsigned char *p, size_t n)
{
	return n >= 6 && memcmp(p, "GIF8", 4) == 0;
}

static int
is_bmp(const unsigned char *p, size_t n)
{
	return n >= 2 && p[0] == 'B' && p[1] == 'M';
}

static int
is_tiff(const unsigned char *p, size_t n)
{
	return n >= 4 && (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0);
}

static int
is_emf(const unsigned char *p, size_t n)
{
	return n >= 44 && p[0] == 1 && p[1] == 0 && p[2] == 0 && p[3] == 0 &&
	       memcmp(p + 40, " EMF", 4) == 0;
}

static int
is_wmf(const unsigned char *p, size_t n)
{
	/* placeable header key, or a bare header (type 1/2, 9-word size) */
	return (n >= 4 && p[0] == 0xD7 && p[1] == 0xCD && p[2] == 0xC6 &&
	        p[3] == 0x9A) ||
	       (n >= 18 && (p[0] == 1 || p[0] == 2) && p[1] == 0 && p[2] == 9 &&
	        p[3] == 0 && p[4] == 0 && (p[5] == 1 || p[5] == 3));
}

static int
is_webp(const unsigned char *p, size_t n)
{
	return n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0;
}

static int
is_jxr(const unsigned char *p, size_t n)
{
	return n >= 4 && p[0] == 'I' && p[1] == 'I' && p[2] == 0xBC;
}

/* An XML document whose first element is <svg ...> (after an optional
 * BOM, declaration, comments or DOCTYPE). */
static int
is_svg(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n && i < 512; i++)
		if (p[i] == '<')
			return memmem_svg(p + i, n - i);
	return 0;
}

static cairo_surface_t *
dec_png(draw_decode *d, int want_w, int want_h)
{
	(void) want_w; (void) want_h;
	return decode_png(d);
}

static cairo_surface_t *
dec_jpeg(draw_decode *d, int want_w, int want_h)
{
	return decode_jpeg(d, want_w, want_h);
}

static cairo_surface_t *
dec_tiff(draw_decode *d, int want_w, int want_h)
{
	(void) want_w; (void) want_h;
	return decode_tiff(d);
}

static cairo_surface_t *
dec_gif(draw_decode *d, int want_w, int want_h)
{
	(void) want_w; (void) want_h;
	return draw_decode_gif(d);
}

static cairo_surface_t *
dec_bmp(draw_decode *d, int want_w, int want_h)
{
	(void) want_w; (void) want_h;
	return draw_decode_bmp(d);
}

static cairo_surface_t *
dec_webp(draw_decode *d, int want_w, int want_h)
{
	(void) want_w; (void) want_h;
	return draw_decode_webp(d);
}

/*
 * The formats we recognise, tried in order. A decoder gets the drawn
 * size (0 x 0 = natural size) so that scalable formats (JPEG's DCT
 * scaling, vector formats) can produce that size directly; a NULL
 * decoder means "recognised, cannot be decoded" (a diagnostic, the
 * picture area left empty). To add a format, add a row.
 */
typedef cairo_surface_t *(*image_decode_fn)(draw_decode *d, int want_w,
                                            int want_h);

static const struct image_format {
	const char *name;
	int (*match)(const unsigned char *p, size_t n);
	image_decode_fn decode;
} image_formats[] = {
	{ "PNG", is_png, dec_png },
	{ "JPEG", is_jpeg, dec_jpeg },
	{ "GIF", is_gif, dec_gif },
	{ "BMP", is_bmp, dec_bmp },
	{ "TIFF", is_tiff, dec_tiff },
	{ "WebP", is_webp, dec_webp },
	{ "SVG", is_svg, draw_decode_svg },
	{ "EMF", is_emf, NULL },
	{ "WMF", is_wmf, NULL },
	{ "JPEG XR", is_jxr, NULL },
};

/* Decode @d at no less than @want_w x @want_h pixels where the format
 * can decode smaller (JPEG) or at any size (SVG); NULL with d->msg set
 * on failure. */
static cairo_surface_t *
decode_any(draw_decode *d, int want_w, int want_h)
{
	for (size_t i = 0; i < S2P_ARRAY_LEN(image_formats); i++) {
		const struct image_format *f = &image_formats[i];
		if (!f->match(d->data, d->size))
			continue;
		if (f->decode)
			return f->decode(d, want_w, want_h);
		draw_decode_msg(d, "picture %s: %s images cannot be decoded "
		                "(not supported); left empty", d->part, f->name);
		return NULL;
	}
	draw_decode_msg(d, "picture %s: unknown image format; left empty",
	                d->part);
	return NULL;
}

/* Area-averaging weights for resampling @n source pixels to @m (m <= n):
 * output i covers source [i*n/m, (i+1)*n/m); each source pixel weighs its
 * overlap, in 1/256, summing to exactly 256 per output pixel. */
typedef struct box_taps {
	int *first, *count;
	uint16_t *w;          /* count[i] weights per output, @stride apart */
	int stride;
} box_taps;

static int
box_taps_init(box_taps *t, int n, int m)
{
	t->stride = n / m + 2;
	t->first = s2p_malloc_array((size_t) m, sizeof *t->first);
	t->count = s2p_malloc_array((size_t) m, sizeof *t->count);
	t->w = s2p_calloc_array((size_t) m * (size_t) t->stride, sizeof *t->w);
	if (!t->first || !t->count || !t->w)
		return -1;
	for (int i = 0; i < m; i++) {
		/* in units of 1/m source pixels */
		uint64_t a = (uint64_t) i * (uint64_t) n, b = a + (uint64_t) n;
		int s0 = (int) (a / (uint64_t) m), k = 0;
		uint64_t done = 0;
		unsigned given = 0;
		t->first[i] = s0;
		for (int s = s0; (uint64_t) s * (uint64_t) m < b && s < n; s++, k++) {
			uint64_t lo = (uint64_t) s * (uint64_t) m, hi = lo + (uint64_t) m;
			uint64_t ov = (hi < b ? hi : b) - (lo > a ? lo : a);
			unsigned cum;
			done += ov;
			cum = (unsigned) (done * 256 / (uint64_t) n);
			t->w[(size_t) i * (size_t) t->stride + (size_t) k] =
				(uint16_t) (cum - given);
			given = cum;
		}
		t->count[i] = k;
	}
	return 0;
}

static void
box_taps_fini(box_taps *t)
{
	free(t->first);
	free(t->count);
	free(t->w);
}

/* Two 16-bit lanes of a 32-bit word into two 32-bit lanes. */
static uint64_t
spread(uint32_t v)
{
	return (uint64_t) (v & 0xFFFFu) | (uint64_t) (v >> 16) << 32;
}

/* Horizontal pass of box_downscale over one source row: @tw outputs, each
 * as red|blue and alpha|green lanes (each <= 255*256) in @hrow. */
static void
box_row(const unsigned char *src_row, const box_taps *tx, int tw,
        uint32_t *hrow)
{
	const uint32_t *row = (const uint32_t *) (const void *) src_row;

	for (int x = 0; x < tw; x++) {
		const uint16_t *wx = tx->w + (size_t) x * (size_t) tx->stride;
		const uint32_t *p = row + tx->first[x];
		uint32_t rb = 0, ag = 0;
		for (int j = 0; j < tx->count[x]; j++) {
			rb += (p[j] & 0x00FF00FFu) * wx[j];
			ag += (p[j] >> 8 & 0x00FF00FFu) * wx[j];
		}
		hrow[2 * x] = rb;
		hrow[2 * x + 1] = ag;
	}
}

/* Box-filter (area-average) the premultiplied image @src down to @tw x @th
 * (each no larger than the source), as a new surface of the same format.
 * Integer arithmetic, channel pairs in lanes (weights of 1/256 keep a
 * weighted byte sum inside 16 bits): the same pixels on every machine. */
static cairo_surface_t *
box_downscale(cairo_surface_t *src, int tw, int th)
{
	int sw = cairo_image_surface_get_width(src);
	int sh = cairo_image_surface_get_height(src);
	int ss = cairo_image_surface_get_stride(src), ds;
	cairo_format_t fmt = cairo_image_surface_get_format(src);
	const unsigned char *sd = cairo_image_surface_get_data(src);
	cairo_surface_t *dst = NULL;
	unsigned char *dd;
	uint32_t *hrow = NULL;
	uint64_t *acc = NULL;
	box_taps tx, ty;
	int hrow_y = -1;      /* the source row @hrow holds */

	memset(&tx, 0, sizeof tx);
	memset(&ty, 0, sizeof ty);
	hrow = s2p_malloc_array((size_t) tw * 2, sizeof *hrow);
	acc = s2p_malloc_array((size_t) tw * 2, sizeof *acc);
	if (!hrow || !acc || box_taps_init(&tx, sw, tw) || box_taps_init(&ty, sh, th))
		goto done;
	dst = cairo_image_surface_create(fmt, tw, th);
	if (cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS)
		goto done;
	cairo_surface_flush(dst);
	dd = cairo_image_surface_get_data(dst);
	ds = cairo_image_surface_get_stride(dst);
	for (int y = 0; y < th; y++) {
		uint32_t *out = (uint32_t *) (void *) (dd + (size_t) y * (size_t) ds);
		memset(acc, 0, (size_t) tw * 2 * sizeof *acc);
		for (int k = 0; k < ty.count[y]; k++) {
			int sy = ty.first[y] + k;
			uint64_t wy = ty.w[(size_t) y * (size_t) ty.stride + (size_t) k];
			/* a source row straddling two output rows is filtered once */
			if (sy != hrow_y) {
				box_row(sd + (size_t) sy * (size_t) ss, &tx, tw, hrow);
				hrow_y = sy;
			}
			/* vertical: 32-bit lanes, each <= 255*256*256 */
			for (int x = 0; x < 2 * tw; x++)
				acc[x] += spread(hrow[x]) * wy;
		}
		for (int x = 0; x < tw; x++) {
			uint64_t rb = acc[2 * x] + (1ull << 15 | 1ull << 47);
			uint64_t ag = acc[2 * x + 1] + (1ull << 15 | 1ull << 47);
			uint32_t r = (uint32_t) (rb >> 48) & 0xff, b = (uint32_t) (rb >> 16) & 0xff;
			uint32_t a = (uint32_t) (ag >> 48) & 0xff, g = (uint32_t) (ag >> 16) & 0xff;
			if (fmt == CAIRO_FORMAT_RGB24)
				a = 0xff;
			out[x] = a << 24 | r << 16 | g << 8 | b;
		}
	}
	cairo_surface_mark_dirty(dst);
done:
	box_taps_fini(&tx);
	box_taps_fini(&ty);
	free(hrow);
	free(acc);
	if (dst && cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(dst);
		dst = NULL;
	}
	return dst;
}

/* Halve @src in both directions (2x2 box; an odd last row or column is
 * averaged with itself), four channels at once in two 16-bit lanes. */
static cairo_surface_t *
box_halve(cairo_surface_t *src)
{
	int sw = cairo_image_surface_get_width(src);
	int sh = cairo_image_surface_get_height(src);
	int ss = cairo_image_surface_get_stride(src), ds;
	int tw = (sw + 1) / 2, th = (sh + 1) / 2;
	cairo_format_t fmt = cairo_image_surface_get_format(src);
	const unsigned char *sd = cairo_image_surface_get_data(src);
	cairo_surface_t *dst = cairo_image_surface_create(fmt, tw, th);
	unsigned char *dd;

	if (cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(dst);
		return NULL;
	}
	cairo_surface_flush(dst);
	dd = cairo_image_surface_get_data(dst);
	ds = cairo_image_surface_get_stride(dst);
	for (int y = 0; y < th; y++) {
		const uint32_t *r0 = (const uint32_t *) (const void *)
			(sd + (size_t) (2 * y) * (size_t) ss);
		const uint32_t *r1 = (const uint32_t *) (const void *)
			(sd + (size_t) (2 * y + 1 < sh ? 2 * y + 1 : 2 * y) * (size_t) ss);
		uint32_t *out = (uint32_t *) (void *) (dd + (size_t) y * (size_t) ds);
		for (int x = 0; x < tw; x++) {
			int x0 = 2 * x, x1 = 2 * x + 1 < sw ? 2 * x + 1 : 2 * x;
			uint32_t a = r0[x0], b = r0[x1], c = r1[x0], d = r1[x1];
			uint32_t lo = (a & 0x00FF00FFu) + (b & 0x00FF00FFu) +
			              (c & 0x00FF00FFu) + (d & 0x00FF00FFu) + 0x00020002u;
			uint32_t hi = (a >> 8 & 0x00FF00FFu) + (b >> 8 & 0x00FF00FFu) +
			              (c >> 8 & 0x00FF00FFu) + (d >> 8 & 0x00FF00FFu) +
			              0x00020002u;
			out[x] = (lo >> 2 & 0x00FF00FFu) | (hi << 6 & 0xFF00FF00u);
		}
	}
	cairo_surface_mark_dirty(dst);
	return dst;
}

/*
 * Decode for drawing at @want_w x @want_h (the whole picture, in device
 * pixels; 0 = natural size). cairo's GOOD filter turns into a slow
 * convolution below 0.75x (clipped at 1/16), so pictures drawn smaller
 * are reduced here, once: halved while that stays above 1.25x the drawn
 * size, then box-filtered to 1.25x (a little over the drawn size, so
 * cairo's bilinear step at 0.8x keeps edges sharp). No --timeout checks
 * in here: the result is shared by every slide drawing the picture, and
 * one slide's deadline must not spoil it for the others; the work is
 * bounded by max_image_pixels.
 */
static cairo_surface_t *
decode_sized(draw_decode *d, int want_w, int want_h)
{
	cairo_surface_t *s = decode_any(d, want_w, want_h), *t;
	int w, h, tw, th;

	if (!s || want_w <= 0 || want_h <= 0)
		return s;
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	if (want_w >= w * 0.75 && want_h >= h * 0.75)
		return s;
	tw = (int) ceil(want_w / 0.8);
	th = (int) ceil(want_h / 0.8);
	while (w / 2 >= tw && h / 2 >= th) {
		t = box_halve(s);
		if (!t)
			return s; /* out of memory: cairo can still draw it */
		cairo_surface_destroy(s);
		s = t;
		w = cairo_image_surface_get_width(s);
		h = cairo_image_surface_get_height(s);
	}
	if (want_w >= w * 0.75 && want_h >= h * 0.75)
		return s;
	t = box_downscale(s, tw < w ? tw : w, th < h ? th : h);
	if (!t)
		return s;
	cairo_surface_destroy(s);
	return t;
}

cairo_surface_t *
draw_image_decode(const dml_media *m, int want_w, int want_h,
                  uint64_t max_pixels, char *msg, size_t msg_size)
{
	draw_decode d;
	cairo_surface_t *s;

	if (msg && msg_size)
		msg[0] = 0;
	if (!m->blob)
		return NULL;
	memset(&d, 0, sizeof d);
	d.part = m->part;
	d.data = m->blob->data;
	d.size = m->blob->size;
	d.max_pixels = max_pixels;
	s = decode_sized(&d, want_w, want_h);
	if (msg && msg_size)
		snprintf(msg, msg_size, "%s", d.msg);
	return s;
}

/* One decoded picture at one drawn size. Fields below @users are written
 * once, by the decoding worker before it marks the entry READY under the
 * lock, and only read afterwards. */
typedef struct image_entry {
	struct image_entry *next;
	const s2p_blob *blob;
	int want_w, want_h;
	int state;                 /* IMG_BUSY, IMG_READY */
	int own;                   /* private to one use, not in the cache */
	int users;                 /* workers drawing it now */
	uint64_t last_use;
	cairo_surface_t *owner;    /* holds the pixels; never drawn from */
	unsigned char *pixels;     /* NULL: failed, see msg */
	cairo_format_t format;
	int width, height, stride;
	size_t bytes;
	char msg[160];             /* diagnostic for every slide using it */
} image_entry;

enum { IMG_BUSY, IMG_READY };

struct draw_image_cache {
	pthread_mutex_t lock;
	pthread_cond_t ready;
	image_entry *entries;
	size_t bytes, budget;
	uint64_t tick;
};

draw_image_cache *
draw_image_cache_new(size_t budget_bytes, s2p_error *err)
{
	draw_image_cache *c = calloc(1, sizeof *c);

	if (!c) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	if (pthread_mutex_init(&c->lock, NULL) != 0) {
		free(c);
		S2P_FAIL(err, S2P_EINTERNAL, "cannot create a mutex");
		return NULL;
	}
	if (pthread_cond_init(&c->ready, NULL) != 0) {
		pthread_mutex_destroy(&c->lock);
		free(c);
		S2P_FAIL(err, S2P_EINTERNAL, "cannot create a condition variable");
		return NULL;
	}
	c->budget = budget_bytes;
	return c;
}

static void
entry_free(image_entry *e)
{
	if (e->owner)
		cairo_surface_destroy(e->owner);
	free(e);
}

void
draw_image_cache_free(draw_image_cache *c)
{
	if (!c)
		return;
	while (c->entries) {
		image_entry *e = c->entries;
		c->entries = e->next;
		entry_free(e);
	}
	pthread_cond_destroy(&c->ready);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

/* Drop least recently used pictures nobody holds while over budget. Only
 * pixels count; failed entries stay (small) so they are not retried. */
static void
cache_trim(draw_image_cache *c)
{
	while (c->bytes > c->budget) {
		image_entry **victim = NULL, *e;
		for (image_entry **pp = &c->entries; *pp; pp = &(*pp)->next) {
			e = *pp;
			if (e->state == IMG_READY && e->users == 0 && e->pixels &&
			    (!victim || e->last_use < (*victim)->last_use))
				victim = pp;
		}
		if (!victim)
			return;
		e = *victim;
		*victim = e->next;
		c->bytes -= e->bytes;
		entry_free(e);
	}
}

/* Fill @e from a decoded surface (or failure). */
static void
entry_set(image_entry *e, cairo_surface_t *s, const draw_decode *d)
{
	memcpy(e->msg, d->msg, sizeof e->msg);
	if (!s)
		return;
	cairo_surface_flush(s);
	e->owner = s;
	e->pixels = cairo_image_surface_get_data(s);
	e->format = cairo_image_surface_get_format(s);
	e->width = cairo_image_surface_get_width(s);
	e->height = cairo_image_surface_get_height(s);
	e->stride = cairo_image_surface_get_stride(s);
	e->bytes = (size_t) e->stride * (size_t) e->height;
}

/*
 * The picture @m at drawn size @want_w x @want_h, decoded by this worker
 * or another: returns an entry held until image_release(). With no cache,
 * or @shared 0, a private entry.
 */
static image_entry *
image_acquire(draw_ctx *dc, const dml_media *m, int want_w, int want_h,
              int shared)
{
	draw_image_cache *c = dc->w && shared ? dc->w->images : NULL;
	image_entry *e;
	draw_decode d;
	cairo_surface_t *s;

	memset(&d, 0, sizeof d);
	d.part = m->part;
	d.data = m->blob->data;
	d.size = m->blob->size;
	d.max_pixels = dc->lim->max_image_pixels;
	if (!c) {
		e = calloc(1, sizeof *e);
		if (!e)
			return NULL;
		entry_set(e, decode_sized(&d, want_w, want_h), &d);
		e->state = IMG_READY;
		e->own = 1;
		return e;
	}
	pthread_mutex_lock(&c->lock);
	for (e = c->entries; e; e = e->next)
		if (e->blob == m->blob && e->want_w == want_w && e->want_h == want_h)
			break;
	if (e) {
		e->users++;
		while (e->state != IMG_READY)
			pthread_cond_wait(&c->ready, &c->lock);
		e->last_use = ++c->tick;
		pthread_mutex_unlock(&c->lock);
		return e;
	}
	e = calloc(1, sizeof *e);
	if (!e) {
		pthread_mutex_unlock(&c->lock);
		return NULL;
	}
	e->blob = m->blob;
	e->want_w = want_w;
	e->want_h = want_h;
	e->state = IMG_BUSY;
	e->users = 1;
	e->next = c->entries;
	c->entries = e;
	pthread_mutex_unlock(&c->lock);
	/* decode outside the lock: other workers go on with other pictures */
	s = decode_sized(&d, want_w, want_h);
	pthread_mutex_lock(&c->lock);
	entry_set(e, s, &d);
	e->state = IMG_READY;
	e->last_use = ++c->tick;
	c->bytes += e->bytes;
	pthread_cond_broadcast(&c->ready);
	pthread_mutex_unlock(&c->lock);
	return e;
}

static void
image_release(draw_ctx *dc, image_entry *e)
{
	draw_image_cache *c = dc->w ? dc->w->images : NULL;

	if (e->own || !c) {
		entry_free(e);
		return;
	}
	pthread_mutex_lock(&c->lock);
	e->users--;
	cache_trim(c);
	pthread_mutex_unlock(&c->lock);
}

/* Length of the device-space image of user vector (@x, @y). */
static double
device_len(cairo_t *cr, double x, double y)
{
	cairo_user_to_device_distance(cr, &x, &y);
	return hypot(x, y);
}

/* The whole picture's size in device pixels when drawn, as a cache key:
 * 0 x 0 (natural size) when the target is not a raster (PDF, SVG and
 * recordings keep the full picture). */
static void
drawn_size(draw_ctx *dc, double bw, double bh, double cw_frac, double ch_frac,
           int *want_w, int *want_h)
{
	double dw, dh;

	*want_w = *want_h = 0;
	if (cairo_surface_get_type(cairo_get_target(dc->cr)) !=
	    CAIRO_SURFACE_TYPE_IMAGE)
		return;
	dw = device_len(dc->cr, bw, 0) / cw_frac;
	dh = device_len(dc->cr, 0, bh) / ch_frac;
	if (!(dw < 65536 && dh < 65536))
		return;
	/* a hair below an integer counts as that integer: no cache miss (or
	 * different pixels) from rounding noise */
	*want_w = (int) ceil(dw - 1e-3);
	*want_h = (int) ceil(dh - 1e-3);
	if (*want_w < 1)
		*want_w = 1;
	if (*want_h < 1)
		*want_h = 1;
}

/* Remember the output rows the picture covers (the PNG writer's filter
 * choice): the clip's device extents. */
static void
mark_rows(draw_ctx *dc)
{
	cairo_surface_t *target = cairo_get_target(dc->cr);
	const unsigned char *rows;
	unsigned char *r;
	double x1, y1, x2, y2;
	int h, a, b;

	if (!dc->w || cairo_surface_get_type(target) != CAIRO_SURFACE_TYPE_IMAGE)
		return;
	h = cairo_image_surface_get_height(target);
	rows = draw_worker_raster_rows(dc->w, h);
	if (!rows)
		return;
	cairo_save(dc->cr);
	cairo_identity_matrix(dc->cr);
	cairo_clip_extents(dc->cr, &x1, &y1, &x2, &y2);
	cairo_restore(dc->cr);
	a = y1 < 0 ? 0 : y1 > h ? h : (int) floor(y1);
	b = y2 < 0 ? 0 : y2 > h ? h : (int) ceil(y2);
	r = dc->w->raster_rows;
	if (b > a)
		memset(r + a, 1, (size_t) (b - a));
}

/* The tile of a:tile: the (cropped) picture, with mirrored copies beside
 * and below it when flip asks for alternate tiles to be mirrored. */
static cairo_surface_t *
tile_surface(cairo_surface_t *img, double cx, double cy, int cw, int ch,
             int flip)
{
	int nx = flip & 1 ? 2 : 1, ny = flip & 2 ? 2 : 1;
	cairo_surface_t *t = cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
	                                                cw * nx, ch * ny);
	cairo_t *c = cairo_create(t);

	for (int j = 0; j < ny; j++)
		for (int i = 0; i < nx; i++) {
			cairo_save(c);
			cairo_translate(c, i ? 2.0 * cw : 0, j ? 2.0 * ch : 0);
			cairo_scale(c, i ? -1 : 1, j ? -1 : 1);
			cairo_rectangle(c, 0, 0, cw, ch);
			cairo_clip(c);
			cairo_set_source_surface(c, img, -cx, -cy);
			cairo_paint(c);
			cairo_restore(c);
		}
	cairo_destroy(c);
	return t;
}

static image_entry *picture_acquire(draw_ctx *dc, const dml_fill *f,
                                    int want_w, int want_h, int shared);
static cairo_surface_t *recolored_copy(draw_ctx *dc, const dml_fill *f,
                                       cairo_surface_t *src, int w, int h);

/*
 * a:tile (§20.1.8.58): the picture at its own size (96 dpi, PowerPoint's
 * default for pictures without a resolution) scaled by sx/sy, repeated
 * from the algn corner of the box moved by tx/ty; flip mirrors every
 * other column (x), row (y) or both. srcRect crops the picture first.
 */
static void
draw_picture_tile(draw_ctx *dc, const dml_fill *f, double w, double h)
{
	cairo_t *cr = dc->cr;
	cairo_surface_t *img, *tile, *tinted;
	cairo_pattern_t *pat;
	cairo_matrix_t m;
	image_entry *e;
	double sl, st, sr, sb, tw, th, ax, ay;
	int cw, ch, raster;

	raster = cairo_surface_get_type(cairo_get_target(cr)) ==
	         CAIRO_SURFACE_TYPE_IMAGE;
	e = picture_acquire(dc, f, 0, 0, raster);
	if (!e)
		return;
	sl = f->src_rect.l / 100000.0; st = f->src_rect.t / 100000.0;
	sr = f->src_rect.r / 100000.0; sb = f->src_rect.b / 100000.0;
	cw = (int) lround(e->width * (1 - sl - sr));
	ch = (int) lround(e->height * (1 - st - sb));
	tw = cw * 9525.0 * fabs(f->tile_sx / 100000.0);
	th = ch * 9525.0 * fabs(f->tile_sy / 100000.0);
	/* a tile below a device pixel would cost millions of repeats */
	if (cw < 1 || ch < 1 || (double) cw * ch > 16e6 ||
	    tw * dc->px_per_emu < 0.5 || th * dc->px_per_emu < 0.5) {
		image_release(dc, e);
		return;
	}
	img = raster ? cairo_image_surface_create_for_data(e->pixels, e->format,
	                                                   e->width, e->height,
	                                                   e->stride)
	             : cairo_surface_reference(e->owner);
	if (f->n_fx && (tinted = recolored_copy(dc, f, img, e->width, e->height))) {
		if (raster)
			cairo_surface_finish(img);
		cairo_surface_destroy(img);
		img = tinted;
		raster = 0; /* a private surface now: nothing to finish */
	}
	tile = tile_surface(img, e->width * sl, e->height * st, cw, ch, f->tile_flip);
	if (raster)
		cairo_surface_finish(img);
	cairo_surface_destroy(img);
	image_release(dc, e);
	ax = f->tile_algn % 3 == 0 ? 0 : f->tile_algn % 3 == 1 ? (w - tw) / 2 : w - tw;
	ay = f->tile_algn / 3 == 0 ? 0 : f->tile_algn / 3 == 1 ? (h - th) / 2 : h - th;
	ax += (double) f->tile_tx;
	ay += (double) f->tile_ty;
	pat = cairo_pattern_create_for_surface(tile);
	cairo_surface_destroy(tile);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_GOOD);
	/* user (EMU) -> tile pixels */
	cairo_matrix_init_scale(&m, cw / tw, ch / th);
	cairo_matrix_translate(&m, -ax, -ay);
	cairo_pattern_set_matrix(pat, &m);
	mark_rows(dc);
	cairo_save(cr);
	cairo_set_source(cr, pat);
	if (f->alpha_pct1k < 100000)
		cairo_paint_with_alpha(cr, f->alpha_pct1k / 100000.0);
	else
		cairo_paint(cr);
	cairo_restore(cr);
	cairo_pattern_destroy(pat);
}

/* The picture to draw for @f: its SVG if it has one that renders, else
 * the bitmap (the SVG's PNG fallback). Reports each failure once per
 * slide. NULL if there is nothing to draw. */
static image_entry *
picture_acquire(draw_ctx *dc, const dml_fill *f, int want_w, int want_h,
                int shared)
{
	image_entry *e;

	if (f->svg.blob) {
		e = image_acquire(dc, &f->svg, want_w, want_h, shared);
		if (e && e->pixels)
			return e;
		pml_diag_add(dc->diags, dc->part, "SVG picture %s not drawn (%s); "
		             "drawing its fallback picture %s", f->svg.part,
		             e && e->msg[0] ? e->msg : "out of memory",
		             f->media.part ? f->media.part : "(none)");
		if (e)
			image_release(dc, e);
		if (!f->media.blob)
			return NULL;
	}
	e = image_acquire(dc, &f->media, want_w, want_h, shared);
	if (e && e->msg[0])
		pml_diag_add(dc->diags, dc->part, "%s", e->msg);
	if (e && !e->pixels) {
		image_release(dc, e);
		return NULL;
	}
	return e;
}

/* A private, recoloured copy of @src (a.blip's effects); NULL if out of
 * memory (the picture is then drawn without them). */
static cairo_surface_t *
recolored_copy(draw_ctx *dc, const dml_fill *f, cairo_surface_t *src,
               int w, int h)
{
	draw_recolor ops[32];
	int n = 0;
	cairo_surface_t *dst = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	cairo_t *cr;

	if (cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(dst);
		return NULL;
	}
	cr = cairo_create(dst);
	cairo_set_source_surface(cr, src, 0, 0);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_destroy(cr);
	for (int i = 0; i < f->n_fx && n < (int) S2P_ARRAY_LEN(ops); i++) {
		const dml_blip_fx *fx = &f->fx[i];
		draw_recolor *op = &ops[n++];
		dml_rgba c1 = draw_color(dc, &fx->c1, NULL);
		dml_rgba c2 = draw_color(dc, &fx->c2, NULL);
		op->kind = fx->kind;
		op->use_alpha = fx->use_alpha;
		op->a = fx->a / 100000.0;
		op->b = fx->b / 100000.0;
		op->c1[0] = c1.r; op->c1[1] = c1.g; op->c1[2] = c1.b; op->c1[3] = c1.a;
		op->c2[0] = c2.r; op->c2[1] = c2.g; op->c2[2] = c2.b; op->c2[3] = c2.a;
	}
	cairo_surface_flush(dst);
	draw_image_recolor(cairo_image_surface_get_data(dst), w, h,
	                   cairo_image_surface_get_stride(dst), ops, n);
	cairo_surface_mark_dirty(dst);
	return dst;
}

/* The SVG @f shows: its svgBlip, or the picture itself when that is an
 * SVG (image/svg+xml referenced directly); NULL for other pictures. */
static const dml_media *
picture_svg(const dml_fill *f)
{
	if (f->svg.blob)
		return &f->svg;
	if (f->media.blob && is_svg(f->media.blob->data, f->media.blob->size))
		return &f->media;
	return NULL;
}

/*
 * Vector targets (PDF, SVG): @f's SVG drawn as paths into the box
 * @bx, @by, @bw x @bh, cropped by srcRect like the raster path. 1 if
 * drawn; 0 to take the raster path instead: not an SVG, an SVG librsvg
 * cannot read (the raster path reports it and draws the fallback
 * picture), recolour effects, which work on pixels (duotone, grey
 * scale, colour change... have no vector equivalent for arbitrary SVG
 * content), so a recoloured SVG is rasterised at natural size as before,
 * or a translucent SVG on an SVG target (its alpha needs a group, which
 * cairo 1.16's SVG surface leaks; LeakSanitizer shows it).
 */
static int
draw_picture_svg_vector(draw_ctx *dc, const dml_fill *f, double bx,
                        double by, double bw, double bh)
{
	cairo_t *cr = dc->cr;
	const dml_media *m = picture_svg(f);
	double sl = f->src_rect.l / 100000.0, st = f->src_rect.t / 100000.0;
	double sr = f->src_rect.r / 100000.0, sb = f->src_rect.b / 100000.0;
	double fw = bw / (1 - sl - sr), fh = bh / (1 - st - sb);
	draw_decode d;
	int rc;

	if (!m || f->n_fx)
		return 0;
	if (f->alpha_pct1k < 100000 &&
	    cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_SVG)
		return 0;
	memset(&d, 0, sizeof d);
	d.part = m->part;
	d.data = m->blob->data;
	d.size = m->blob->size;
	d.max_pixels = dc->lim->max_image_pixels;
	cairo_save(cr);
	cairo_rectangle(cr, bx, by, bw, bh);
	cairo_clip(cr);
	/* srcRect insets crop the whole picture, which the box shows part of */
	cairo_translate(cr, bx - sl * fw, by - st * fh);
	rc = draw_svg_vector(&d, cr, fw, fh, f->alpha_pct1k / 100000.0);
	cairo_restore(cr);
	return rc == 0;
}

void
draw_picture(draw_ctx *dc, const dml_fill *f, double w, double h)
{
	cairo_t *cr = dc->cr;
	cairo_surface_t *img, *tinted = NULL;
	cairo_pattern_t *pat;
	image_entry *e;
	double iw, ih, sl, st, sr, sb, fl, ft, fr, fb, cw, ch, bx, by, bw, bh;
	int want_w, want_h, raster;

	if (w <= 0 || h <= 0 || (!f->media.blob && !f->svg.blob))
		return; /* a missing blob was reported when loading */
	if (f->tile) {
		draw_picture_tile(dc, f, w, h);
		return;
	}
	/* box of the stretched picture: the shape box less fillRect insets */
	fl = f->stretch.l / 100000.0; ft = f->stretch.t / 100000.0;
	fr = f->stretch.r / 100000.0; fb = f->stretch.b / 100000.0;
	bx = w * fl;
	by = h * ft;
	bw = w * (1 - fl - fr);
	bh = h * (1 - ft - fb);
	if (bw <= 0 || bh <= 0)
		return;
	/* srcRect: insets (may be negative) of the image in 1/1000 % */
	sl = f->src_rect.l / 100000.0; st = f->src_rect.t / 100000.0;
	sr = f->src_rect.r / 100000.0; sb = f->src_rect.b / 100000.0;
	if (1 - sl - sr <= 0 || 1 - st - sb <= 0)
		return;
	if (!f->svg.blob && f->media.blob && draw_metafile_sniff(f->media.blob)) {
		draw_metafile(dc, f, bx, by, bw, bh);   /* vectors, not pixels */
		return;
	}
	raster = cairo_surface_get_type(cairo_get_target(cr)) ==
	         CAIRO_SURFACE_TYPE_IMAGE;
	if (!raster && draw_picture_svg_vector(dc, f, bx, by, bw, bh))
		return;
	/* vector targets (PDF, SVG, recordings) keep a reference to the
	 * picture past this call: give them a private copy at full size */
	drawn_size(dc, bw, bh, 1 - sl - sr, 1 - st - sb, &want_w, &want_h);
	e = picture_acquire(dc, f, want_w, want_h, raster);
	if (!e)
		return;
	/* this worker's own surface over the shared, read-only pixels */
	img = raster ? cairo_image_surface_create_for_data(e->pixels, e->format,
	                                                   e->width, e->height,
	                                                   e->stride)
	             : cairo_surface_reference(e->owner);
	iw = e->width;
	ih = e->height;
	if (f->n_fx)
		tinted = recolored_copy(dc, f, img, e->width, e->height);
	cw = iw * (1 - sl - sr);
	ch = ih * (1 - st - sb);
	cairo_save(cr);
	cairo_rectangle(cr, bx, by, bw, bh);
	cairo_clip(cr);
	mark_rows(dc);
	cairo_translate(cr, bx, by);
	cairo_scale(cr, bw / cw, bh / ch);
	cairo_translate(cr, -iw * sl, -ih * st);
	/* negative srcRect insets leave the box larger than the picture:
	 * the margin stays empty (the pattern pads only inside it) */
	cairo_rectangle(cr, 0, 0, iw, ih);
	cairo_clip(cr);
	pat = cairo_pattern_create_for_surface(tinted ? tinted : img);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_GOOD);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
	cairo_set_source(cr, pat);
	if (f->alpha_pct1k < 100000)
		cairo_paint_with_alpha(cr, f->alpha_pct1k / 100000.0);
	else
		cairo_paint(cr);
	cairo_pattern_destroy(pat);
	cairo_restore(cr);
	/* nothing may keep the wrapper past this point: the pixels go back */
	if (raster)
		cairo_surface_finish(img);
	cairo_surface_destroy(img);
	if (tinted)
		cairo_surface_destroy(tinted);
	image_release(dc, e);
}
