/*
 * BMP (device-independent bitmap) pictures, decoded here: the format is
 * small, and the one library that reads it (gdk-pixbuf) loads its format
 * modules through process-wide state. Handles the OS/2 core header and
 * the Windows info headers (v1 to v5): 1/4/8-bit palettes, 16/32-bit
 * with bit-field masks, 24-bit, RLE8 and RLE4. Every offset and row is
 * checked against the data; sizes are checked before any allocation.
 */
#include "render/image-imp.h"

#include <stdlib.h>
#include <string.h>

enum { BI_RGB = 0, BI_RLE8 = 1, BI_RLE4 = 2, BI_BITFIELDS = 3,
       BI_ALPHABITFIELDS = 6 };

typedef struct bmp_info {
	int32_t w, h;             /* h < 0: rows stored top-down */
	unsigned bpp, compression;
	uint32_t masks[4];        /* r, g, b, a; a == 0: opaque */
	uint32_t palette[256];    /* 0xAARRGGBB */
	unsigned n_palette;
	size_t bits;              /* offset of the pixel data */
} bmp_info;

static uint32_t
le16(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 |
	       (uint32_t) p[3] << 24;
}

/* Scale the field of @v selected by @mask to 0..255 (masks may be any
 * contiguous run of 1 to 32 bits). */
static uint32_t
mask_channel(uint32_t v, uint32_t mask)
{
	unsigned shift = 0, bits = 0;
	uint64_t x, max;

	if (!mask)
		return 0;
	while (!(mask >> shift & 1))
		shift++;
	while (shift + bits < 32 && (mask >> (shift + bits) & 1))
		bits++;
	x = (v & mask) >> shift;
	max = (1ull << bits) - 1;
	return (uint32_t) ((x * 255 + max / 2) / max);
}

/* Parse the headers and palette into @bi; 0 or -1 with d->msg set. */
static int
bmp_header(draw_decode *d, bmp_info *bi)
{
	const unsigned char *p = d->data;
	size_t n = d->size, hs, pal_at, pal_size;
	unsigned want_pal;

	memset(bi, 0, sizeof *bi);
	if (n < 26)
		goto short_data;
	bi->bits = le32(p + 10);
	hs = le32(p + 14);
	if (hs == 12) {                         /* BITMAPCOREHEADER */
		bi->w = (int32_t) le16(p + 18);
		bi->h = (int32_t) le16(p + 20);
		bi->bpp = le16(p + 24);
		pal_size = 3;
	}
	else if (hs >= 40 && hs <= 124 && n >= 14 + 40) {
		bi->w = (int32_t) le32(p + 18);
		bi->h = (int32_t) le32(p + 22);
		bi->bpp = le16(p + 28);
		bi->compression = le32(p + 30);
		bi->n_palette = le32(p + 46);
		pal_size = 4;
		if (hs >= 52 && n >= 14 + 52)   /* v2+: masks inside the header */
			for (int i = 0; i < 3; i++)
				bi->masks[i] = le32(p + 54 + 4 * i);
		if (hs >= 56 && n >= 14 + 56)
			bi->masks[3] = le32(p + 66);
		if (hs == 40 && (bi->compression == BI_BITFIELDS ||
		                 bi->compression == BI_ALPHABITFIELDS)) {
			/* v1: the masks follow the header */
			int k = bi->compression == BI_ALPHABITFIELDS ? 4 : 3;
			if (n < 14 + 40 + (size_t) k * 4)
				goto short_data;
			for (int i = 0; i < k; i++)
				bi->masks[i] = le32(p + 54 + 4 * i);
			hs += (size_t) k * 4;
		}
	}
	else {
		draw_decode_msg(d, "picture %s: BMP header of %zu bytes not "
		                "supported; left empty", d->part, hs);
		return -1;
	}
	if (bi->w <= 0 || bi->h == 0 || bi->h == INT32_MIN) {
		draw_decode_msg(d, "picture %s: corrupt BMP (size %dx%d)", d->part,
		                (int) bi->w, (int) bi->h);
		return -1;
	}
	if (!draw_decode_pixels_ok(d, (uint64_t) bi->w,
	                           (uint64_t) (bi->h < 0 ? -(int64_t) bi->h : bi->h)))
		return -1;
	switch (bi->bpp) {
	case 1: case 4: case 8: case 16: case 24: case 32:
		break;
	default:
		draw_decode_msg(d, "picture %s: BMP with %u bits per pixel not "
		                "supported; left empty", d->part, bi->bpp);
		return -1;
	}
	if (bi->compression == BI_BITFIELDS || bi->compression == BI_ALPHABITFIELDS) {
		if (bi->bpp != 16 && bi->bpp != 32)
			goto corrupt;
		if (bi->compression == BI_BITFIELDS && hs < 56)
			bi->masks[3] = 0;
	}
	else if (bi->compression == BI_RGB) {
		/* BI_RGB: 5-5-5 or 8-8-8, the fourth byte of 32 unused */
		if (bi->bpp == 16) {
			bi->masks[0] = 0x7C00; bi->masks[1] = 0x03E0; bi->masks[2] = 0x001F;
		}
		else {
			bi->masks[0] = 0xFF0000; bi->masks[1] = 0xFF00; bi->masks[2] = 0xFF;
		}
		bi->masks[3] = 0;
	}
	else if (!(bi->compression == BI_RLE8 && bi->bpp == 8) &&
	         !(bi->compression == BI_RLE4 && bi->bpp == 4)) {
		draw_decode_msg(d, "picture %s: BMP compression %u not supported; "
		                "left empty", d->part, bi->compression);
		return -1;
	}
	if (bi->bpp > 8)
		return 0;
	want_pal = 1u << bi->bpp;
	if (bi->n_palette == 0 || bi->n_palette > want_pal)
		bi->n_palette = want_pal;
	pal_at = 14 + hs;
	if (pal_at > n || (n - pal_at) / pal_size < bi->n_palette)
		goto short_data;
	for (unsigned i = 0; i < bi->n_palette; i++) {
		const unsigned char *e = p + pal_at + i * pal_size;
		bi->palette[i] = 0xFF000000u | (uint32_t) e[2] << 16 |
		                 (uint32_t) e[1] << 8 | e[0];
	}
	return 0;
short_data:
	draw_decode_msg(d, "picture %s: BMP data ends early; left empty", d->part);
	return -1;
corrupt:
	draw_decode_msg(d, "picture %s: corrupt BMP header", d->part);
	return -1;
}

static uint32_t
premultiply(uint32_t r, uint32_t g, uint32_t b, uint32_t a)
{
	return a << 24 | (r * a + 127) / 255 << 16 | (g * a + 127) / 255 << 8 |
	       (b * a + 127) / 255;
}

/* One uncompressed row: @src holds at least the row's bytes. */
static void
bmp_row(const bmp_info *bi, const unsigned char *src, uint32_t *dst)
{
	for (int32_t x = 0; x < bi->w; x++) {
		uint32_t v, a;
		switch (bi->bpp) {
		case 1: case 4: case 8: {
			size_t bit = (size_t) x * bi->bpp;
			unsigned idx = src[bit / 8] >> (8 - bi->bpp - bit % 8) &
			               ((1u << bi->bpp) - 1);
			/* an index past the palette is black, as GDI draws it */
			dst[x] = idx < bi->n_palette ? bi->palette[idx] : 0xFF000000u;
			continue;
		}
		case 16: v = le16(src + 2 * x); break;
		case 24:
			dst[x] = 0xFF000000u | (uint32_t) src[3 * x + 2] << 16 |
			         (uint32_t) src[3 * x + 1] << 8 | src[3 * x];
			continue;
		default: v = le32(src + 4 * x); break;
		}
		a = bi->masks[3] ? mask_channel(v, bi->masks[3]) : 255;
		dst[x] = premultiply(mask_channel(v, bi->masks[0]),
		                     mask_channel(v, bi->masks[1]),
		                     mask_channel(v, bi->masks[2]), a);
	}
}

/* The surface row of stored row @y: rows are stored bottom-up unless
 * the height is negative. */
static uint32_t *
out_row(const bmp_info *bi, unsigned char *data, int stride, int32_t y)
{
	int32_t h = bi->h < 0 ? -bi->h : bi->h;
	int32_t ty = bi->h < 0 ? y : h - 1 - y;

	return (uint32_t *) (void *) (data + (size_t) ty * (size_t) stride);
}

/* RLE8/RLE4 (stored bottom-up): pixels never written stay transparent.
 * Returns 0, or -1 if the data ends before the end-of-bitmap code. */
static int
bmp_rle(const bmp_info *bi, const unsigned char *p, size_t n,
        unsigned char *data, int stride)
{
	int32_t h = bi->h < 0 ? -bi->h : bi->h, x = 0, y = 0;
	int four = bi->compression == BI_RLE4;
	size_t i = 0;

#define PUT(idx) do { \
	if (x < bi->w && y < h) \
		out_row(bi, data, stride, y)[x] = (idx) < bi->n_palette ? \
			bi->palette[(idx)] : 0xFF000000u; \
	x++; \
} while (0)
	while (i + 2 <= n) {
		unsigned count = p[i], val = p[i + 1];
		i += 2;
		if (count) {                         /* encoded run */
			for (unsigned k = 0; k < count && x < bi->w; k++)
				PUT(four ? (k & 1 ? val & 15 : val >> 4) : val);
			continue;
		}
		if (val == 0) {                      /* end of line */
			x = 0;
			y++;
		}
		else if (val == 1)                   /* end of bitmap */
			return 0;
		else if (val == 2) {                 /* delta */
			if (i + 2 > n)
				return -1;
			x += p[i];
			y += p[i + 1];
			i += 2;
		}
		else {                               /* absolute run of val pixels */
			size_t bytes = four ? (val + 1) / 2 : val;
			if (i + bytes > n)
				return -1;
			for (unsigned k = 0; k < val; k++)
				PUT(four ? (k & 1 ? p[i + k / 2] & 15 : p[i + k / 2] >> 4) :
				    p[i + k]);
			i += bytes + (bytes & 1);        /* runs are word-aligned */
		}
		if (y >= h)
			return 0;
	}
#undef PUT
	return -1;
}

cairo_surface_t *
draw_decode_bmp(draw_decode *d)
{
	bmp_info bi;
	cairo_surface_t *s;
	unsigned char *data;
	int32_t h;
	size_t row_bytes, need;
	int stride;

	if (bmp_header(d, &bi))
		return NULL;
	h = bi.h < 0 ? -bi.h : bi.h;
	if (bi.bits > d->size) {
		draw_decode_msg(d, "picture %s: BMP data ends early; left empty", d->part);
		return NULL;
	}
	row_bytes = ((size_t) bi.w * bi.bpp + 31) / 32 * 4;
	need = row_bytes * (size_t) h;
	if (bi.compression != BI_RLE8 && bi.compression != BI_RLE4 &&
	    d->size - bi.bits < need - (row_bytes - ((size_t) bi.w * bi.bpp + 7) / 8)) {
		/* the last row's padding may be missing, nothing else */
		draw_decode_msg(d, "picture %s: BMP data ends early; left empty", d->part);
		return NULL;
	}
	s = draw_decode_surface(d, bi.w, h);
	if (!s)
		return NULL;
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	if (bi.compression == BI_RLE8 || bi.compression == BI_RLE4) {
		if (bmp_rle(&bi, d->data + bi.bits, d->size - bi.bits, data, stride))
			draw_decode_msg(d, "picture %s: BMP RLE data ends early; drawn "
			                "as far as it goes", d->part);
	}
	else
		for (int32_t fy = 0; fy < h; fy++)
			bmp_row(&bi, d->data + bi.bits + (size_t) fy * row_bytes,
			        out_row(&bi, data, stride, fy));
	cairo_surface_mark_dirty(s);
	return s;
}
