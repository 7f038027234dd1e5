/*
 * PNG output on libdeflate: 8-bit RGB, no metadata (the bytes depend only
 * on the pixels and the effort), chunks written here (signature, IHDR, one
 * IDAT holding a zlib stream, IEND; CRC32 from libdeflate). Rows the
 * renderer says hold pictures are filtered Up, the others None (flat
 * colour and text compress best unfiltered); without that hint, the
 * smaller sum of |bytes| decides. "small" tries all five filters.
 * Written to "<path>.tmp.<pid>.<tid>" and renamed into place.
 */
#include "output/output.h"

#include <errno.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>
#define HAVE_RGB_SSSE3 1
#endif

struct out_png_encoder {
	int effort;                    /* enum out_png_effort */
	int filter;                    /* enum out_png_filter */
	struct libdeflate_compressor *z;
	unsigned char *raw;            /* filtered scanlines */
	size_t raw_cap;
	unsigned char *png;            /* the file being built */
	size_t png_cap, png_len;
	unsigned char *rows;           /* previous + current RGB row, and
	                                  one candidate per filter */
	size_t rows_cap;
	int ssse3;                     /* the CPU has SSSE3 (row_rgb) */
};

out_png_encoder *
out_png_encoder_new(int effort, s2p_error *err)
{
	out_png_encoder *e = calloc(1, sizeof *e);

	if (!e) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	e->effort = effort == OUT_PNG_SMALL ? OUT_PNG_SMALL : OUT_PNG_FAST;
	e->filter = e->effort == OUT_PNG_SMALL ? OUT_PNG_FILTER_ALL
	                                       : OUT_PNG_FILTER_NONE_UP;
	/* level 1 is libdeflate's fastest; 9 is where its gains flatten */
	e->z = libdeflate_alloc_compressor(e->effort == OUT_PNG_SMALL ? 9 : 1);
	if (!e->z) {
		free(e);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
#ifdef HAVE_RGB_SSSE3
	/* asked once per encoder (one per worker): no shared state */
	e->ssse3 = __builtin_cpu_supports("ssse3") != 0;
#endif
	return e;
}

void
out_png_encoder_free(out_png_encoder *e)
{
	if (!e)
		return;
	libdeflate_free_compressor(e->z);
	free(e->raw);
	free(e->png);
	free(e->rows);
	free(e);
}

void
out_png_encoder_set_filter(out_png_encoder *e, int filter)
{
	e->filter = filter;
}

static int
reserve(unsigned char **p, size_t *cap, size_t want)
{
	unsigned char *n;

	if (*cap >= want)
		return 0;
	n = malloc(want);
	if (!n)
		return -1;
	free(*p);
	*p = n;
	*cap = want;
	return 0;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

/* Frame the @len data bytes already at @p + 8 as chunk @type; returns the
 * chunk's total size. */
static size_t
chunk(unsigned char *p, const char *type, size_t len)
{
	put32(p, (uint32_t) len);
	memcpy(p + 4, type, 4);
	put32(p + 8 + len, libdeflate_crc32(0, p + 4, len + 4));
	return len + 12;
}

#ifdef HAVE_RGB_SSSE3
/* row_rgb with one byte shuffle per four pixels (SSSE3, checked when the
 * encoder is made): a tenth of the instructions of the loop below, which is about a
 * fifth of encoding a text slide. Writes only inside the row. */
__attribute__((target("ssse3"))) static int
row_rgb_ssse3(unsigned char *restrict dst, const uint32_t *restrict px, int w)
{
	/* little-endian 0xAARRGGBB is bytes B G R A: take R G B of each */
	const __m128i pick = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12,
	                                   -1, -1, -1, -1);
	int x = 0;

	/* 16 bytes stored per 4 pixels (12 used): stop 2 pixels early */
	for (; x + 6 <= w; x += 4) {
		__m128i v = _mm_loadu_si128((const __m128i *) (const void *) (px + x));
		_mm_storeu_si128((__m128i *) (void *) (dst + 3 * x), _mm_shuffle_epi8(v, pick));
	}
	return x;
}
#endif

/* cairo pixels are native-endian 0xAARRGGBB; the slide is opaque (drawn
 * over white), so alpha is dropped without unpremultiplying */
static void
row_rgb(unsigned char *restrict dst, const uint32_t *restrict px, int w, int ssse3)
{
	int x = 0;

#ifdef HAVE_RGB_SSSE3
	if (ssse3)
		x = row_rgb_ssse3(dst, px, w);
#else
	(void) ssse3;
#endif
	for (; x < w; x++) {
		uint32_t v = px[x];
		dst[3 * x] = (unsigned char) (v >> 16);
		dst[3 * x + 1] = (unsigned char) (v >> 8);
		dst[3 * x + 2] = (unsigned char) v;
	}
}

/* The usual filter heuristic (libpng's): the smallest sum of the filtered
 * bytes read as signed values. */
static uint64_t
msad(const unsigned char *p, size_t n)
{
	uint64_t s = 0;
	size_t i = 0;

#ifdef __SSE2__
	/* |signed x| = |(x ^ 0x80) - 0x80| unsigned: one psadbw per 16 bytes */
	const __m128i k80 = _mm_set1_epi8((char) 0x80);
	__m128i acc = _mm_setzero_si128();

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *) (const void *) (p + i));
		acc = _mm_add_epi64(acc, _mm_sad_epu8(_mm_xor_si128(v, k80), k80));
	}
	s = (uint64_t) _mm_cvtsi128_si64(acc) +
	    (uint64_t) _mm_cvtsi128_si64(_mm_unpackhi_epi64(acc, acc));
#endif
	for (; i < n; i++)
		s += (unsigned) abs((int) (signed char) p[i]);
	return s;
}

static void
filter_up(unsigned char *restrict out, const unsigned char *restrict cur,
          const unsigned char *restrict prev, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *) (const void *) (cur + i));
		__m128i b = _mm_loadu_si128((const __m128i *) (const void *) (prev + i));
		_mm_storeu_si128((__m128i *) (void *) (out + i), _mm_sub_epi8(a, b));
	}
#endif
	for (; i < n; i++)
		out[i] = (unsigned char) (cur[i] - prev[i]);
}

static void
filter_sub(unsigned char *restrict out, const unsigned char *restrict cur,
           size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char) (cur[i] - (i >= 3 ? cur[i - 3] : 0));
}

static void
filter_avg(unsigned char *restrict out, const unsigned char *restrict cur,
           const unsigned char *restrict prev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char) (cur[i] -
		                          (((i >= 3 ? cur[i - 3] : 0) + prev[i]) >> 1));
}

static void
filter_paeth(unsigned char *restrict out, const unsigned char *restrict cur,
             const unsigned char *restrict prev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int a = i >= 3 ? cur[i - 3] : 0, b = prev[i], c = i >= 3 ? prev[i - 3] : 0;
		int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
		int pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
		out[i] = (unsigned char) (cur[i] - pred);
	}
}

/* Filter one row into @out (type byte first). @prev is all zeros for the
 * first row, as the PNG spec defines it. */
static void
filter_row(const out_png_encoder *e, int raster, unsigned char *out,
           const unsigned char *cur, const unsigned char *prev,
           unsigned char *cand, size_t n)
{
	uint64_t best, s;
	int type = 0;

	switch (raster >= 0 && e->filter == OUT_PNG_FILTER_NONE_UP
	        ? (raster ? OUT_PNG_FILTER_UP : OUT_PNG_FILTER_NONE) : e->filter) {
	case OUT_PNG_FILTER_NONE:
		out[0] = 0;
		memcpy(out + 1, cur, n);
		return;
	case OUT_PNG_FILTER_UP:
		out[0] = 2;
		filter_up(out + 1, cur, prev, n);
		return;
	case OUT_PNG_FILTER_NONE_UP:
		filter_up(out + 1, cur, prev, n);
		if (msad(cur, n) < msad(out + 1, n)) {
			out[0] = 0;
			memcpy(out + 1, cur, n);
		}
		else
			out[0] = 2;
		return;
	default:
		break;
	}
	/* all five: keep the best in @out, try the others in @cand */
	memcpy(out + 1, cur, n);
	best = msad(cur, n);
	for (int t = 1; t <= 4; t++) {
		if (t == 1)
			filter_sub(cand, cur, n);
		else if (t == 2)
			filter_up(cand, cur, prev, n);
		else if (t == 3)
			filter_avg(cand, cur, prev, n);
		else
			filter_paeth(cand, cur, prev, n);
		s = msad(cand, n);
		if (s < best) {
			best = s;
			type = t;
			memcpy(out + 1, cand, n);
		}
	}
	out[0] = (unsigned char) type;
}

int
out_png_encode(out_png_encoder *e, cairo_surface_t *s,
               const unsigned char *raster_rows, int flags,
               const unsigned char **png, size_t *png_len, s2p_error *err)
{
	int w, h, stride;
	unsigned char *data, *raw;
	size_t rowlen, raw_len, zbound, zlen, pos;
	unsigned char *prev, *cur, *cand;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return S2P_FAIL(err, S2P_ECAIRO, "cannot encode: %s",
		                cairo_status_to_string(cairo_surface_status(s)));
	if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
	    (cairo_image_surface_get_format(s) != CAIRO_FORMAT_RGB24 &&
	     cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32))
		return S2P_FAIL(err, S2P_EARG, "cannot encode: not an RGB image surface");
	cairo_surface_flush(s);
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	data = cairo_image_surface_get_data(s);
	if (w < 1 || h < 1 || !data)
		return S2P_FAIL(err, S2P_EARG, "cannot encode an empty image");
	rowlen = (size_t) w * 3;
	if ((size_t) h > (SIZE_MAX / 2) / (rowlen + 1))
		return S2P_FAIL(err, S2P_ELIMIT, "image too large to encode");
	raw_len = (size_t) h * (rowlen + 1);
	zbound = libdeflate_zlib_compress_bound(e->z, raw_len);
	/* the filtered rows may overwrite the surface: raw row y ends at
	 * (y+1)(3w+1) <= (y+1)*stride, where row y+1 starts, and row y itself
	 * is copied to @cur first */
	if (!(flags & OUT_PNG_CONSUME) &&
	    reserve(&e->raw, &e->raw_cap, raw_len))
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	raw = flags & OUT_PNG_CONSUME ? data : e->raw;
	if (reserve(&e->rows, &e->rows_cap, 3 * rowlen) ||
	    reserve(&e->png, &e->png_cap, 8 + 25 + 12 + zbound + 12))
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	prev = e->rows;
	cur = e->rows + rowlen;
	cand = e->rows + 2 * rowlen;
	memset(prev, 0, rowlen);
	for (int y = 0; y < h; y++) {
		unsigned char *t;
		row_rgb(cur, (const uint32_t *) (const void *)
		        (data + (size_t) y * (size_t) stride), w, e->ssse3);
		filter_row(e, raster_rows ? raster_rows[y] != 0 : -1,
		           raw + (size_t) y * (rowlen + 1), cur, prev, cand, rowlen);
		t = prev;
		prev = cur;
		cur = t;
	}
	memcpy(e->png, "\x89PNG\r\n\x1a\n", 8);
	pos = 8;
	put32(e->png + pos + 8, (uint32_t) w);
	put32(e->png + pos + 12, (uint32_t) h);
	/* 8-bit RGB, deflate, adaptive filtering, not interlaced */
	memcpy(e->png + pos + 16, "\x08\x02\x00\x00\x00", 5);
	pos += chunk(e->png + pos, "IHDR", 13);
	zlen = libdeflate_zlib_compress(e->z, raw, raw_len, e->png + pos + 8,
	                                zbound);
	if (zlen == 0 || zlen > 0x7fffffff)
		return S2P_FAIL(err, S2P_ELIMIT, "image too large to encode");
	pos += chunk(e->png + pos, "IDAT", zlen);
	pos += chunk(e->png + pos, "IEND", 0);
	e->png_len = pos;
	*png = e->png;
	*png_len = pos;
	return 0;
}

int
out_png_encoder_write(out_png_encoder *e, cairo_surface_t *s,
                      const unsigned char *raster_rows, int flags,
                      const char *path, s2p_error *err)
{
	char tmp[4096];
	const unsigned char *png;
	size_t len;
	FILE *f;
	int rc, e_no = 0;

	if ((size_t) snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%lx", path, (long) getpid(),
	                      (unsigned long) pthread_self()) >= sizeof tmp)
		return S2P_FAIL(err, S2P_EARG, "output path too long: %s", path);
	rc = out_png_encode(e, s, raster_rows, flags, &png, &len, err);
	if (rc)
		return rc;
	f = fopen(tmp, "wb");
	if (!f)
		return S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", path,
		                strerror(errno));
	if (fwrite(png, 1, len, f) != len || fflush(f) != 0) {
		rc = -1;
		e_no = errno;
	}
	if (fclose(f) != 0 && !rc) {
		rc = -1;
		e_no = errno;
	}
	if (rc) {
		unlink(tmp);
		return S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", path,
		                strerror(e_no));
	}
	if (rename(tmp, path) != 0) {
		e_no = errno;
		unlink(tmp);
		return S2P_FAIL(err, S2P_EIO, "cannot rename into %s: %s", path,
		                strerror(e_no));
	}
	return 0;
}

int
out_png_write(cairo_surface_t *s, const char *path, s2p_error *err)
{
	out_png_encoder *e = out_png_encoder_new(OUT_PNG_FAST, err);
	int rc;

	if (!e)
		return S2P_ENOMEM;
	rc = out_png_encoder_write(e, s, NULL, 0, path, err);
	out_png_encoder_free(e);
	return rc;
}
