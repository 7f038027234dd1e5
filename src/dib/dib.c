/*
 * Device-independent bitmaps: the BITMAPINFO header (core and info
 * headers v1 to v5), 1/4/8-bit colour tables, 16/32-bit bit fields,
 * 24-bit, RLE8 and RLE4; and PNG files from memory. See dib.h.
 */
#include "dib/dib.h"

#include <string.h>

typedef struct png_cursor {
	const unsigned char *p;
	size_t left;
} png_cursor;

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

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 |
	       p[3];
}

/* The bit-field masks of @h (BITFIELDS, ALPHABITFIELDS): in a v2+ header
 * (size >= 52), else right after the 40-byte header, which moves the
 * colour table along. */
static dib_status
header_masks(const unsigned char *p, size_t len, uint32_t hs, dib_alpha alpha,
             dib_header *h)
{
	int k = h->compression == DIB_ALPHABITFIELDS ? 4 : 3;
	size_t at = hs >= 52 ? 40 : hs;

	if (h->bpp != 16 && h->bpp != 32)
		return DIB_CORRUPT;
	if (at + 4 * (size_t) k > len)
		return DIB_SHORT;
	for (int i = 0; i < k; i++)
		h->masks[i] = le32(p + at + 4 * (size_t) i);
	if (hs < 52)
		h->table_off += 4 * (size_t) k;
	/* a BMP file's v3+ header has an alpha mask; GDI blits ignore it */
	if (k == 3 && hs >= 56 && alpha == DIB_ALPHA_FILE)
		h->masks[3] = le32(p + 52);
	return DIB_OK;
}

dib_status
dib_header_parse(const unsigned char *p, size_t len, dib_alpha alpha,
                 dib_header *h)
{
	uint32_t hs;
	int32_t ht;
	dib_status st;

	memset(h, 0, sizeof *h);
	if (len < 4)
		return DIB_SHORT;
	hs = le32(p);
	if (hs == 12) {                     /* BITMAPCOREHEADER */
		if (len < 12)
			return DIB_SHORT;
		h->width = (int32_t) le16(p + 4);
		ht = (int32_t) le16(p + 6);
		h->bpp = le16(p + 10);
		h->entry_size = 3;
	}
	else if (hs >= 40 && hs <= 124) {   /* BITMAPINFOHEADER .. V5 */
		if (len < hs)
			return DIB_SHORT;
		h->width = (int32_t) le32(p + 4);
		ht = (int32_t) le32(p + 8);
		h->bpp = le16(p + 14);
		h->compression = le32(p + 16);
		h->n_colors = le32(p + 32);
		h->entry_size = 4;
	}
	else
		return DIB_BAD_HEADER;
	h->table_off = hs;
	h->bottom_up = ht > 0;
	h->height = ht < 0 && ht != INT32_MIN ? -ht : ht;
	/* the bits are a whole JPEG or PNG file, biBitCount often 0 */
	if (h->compression == DIB_JPEG || h->compression == DIB_PNG)
		return DIB_OK;
	if (h->width <= 0 || ht == 0 || ht == INT32_MIN)
		return DIB_CORRUPT;
	switch (h->bpp) {
	case 1: case 4: case 8: case 16: case 24: case 32:
		break;
	default:
		return DIB_BAD_DEPTH;
	}
	switch (h->compression) {
	case DIB_RGB:
		/* 5-5-5 or 8-8-8, the fourth byte of 32 unused */
		if (h->bpp == 16) {
			h->masks[0] = 0x7C00; h->masks[1] = 0x03E0; h->masks[2] = 0x001F;
		}
		else if (h->bpp == 32) {
			h->masks[0] = 0xFF0000; h->masks[1] = 0xFF00; h->masks[2] = 0xFF;
		}
		break;
	case DIB_BITFIELDS: case DIB_ALPHABITFIELDS:
		if ((st = header_masks(p, len, hs, alpha, h)) != DIB_OK)
			return st;
		break;
	case DIB_RLE8: case DIB_RLE4:
		if (h->bpp != (h->compression == DIB_RLE8 ? 8u : 4u))
			return DIB_BAD_COMPRESSION;
		break;
	default:
		return DIB_BAD_COMPRESSION;
	}
	/* AlphaBlend: alpha is the bits no colour mask claims */
	if (alpha == DIB_ALPHA_BLEND && h->bpp == 32 && !h->masks[3])
		h->masks[3] = ~(h->masks[0] | h->masks[1] | h->masks[2]);
	if (h->bpp <= 8) {
		if (h->n_colors == 0 || h->n_colors > 1u << h->bpp)
			h->n_colors = 1u << h->bpp;
		if (h->table_off > len)
			return DIB_SHORT;
	}
	return DIB_OK;
}

uint32_t
dib_table_color(const unsigned char *e)
{
	return (uint32_t) e[2] << 16 | (uint32_t) e[1] << 8 | e[0];
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

/* Colour @idx of the table; past its end black, as GDI draws it. */
static uint32_t
table_pixel(const uint32_t *colors, uint32_t n_colors, unsigned idx)
{
	return 0xFF000000u | (idx < n_colors ? colors[idx] : 0);
}

/* One uncompressed row, not premultiplied: @src holds at least the row's
 * bytes. Returns whether any pixel has a non-zero alpha. */
static int
decode_row(const dib_header *h, const uint32_t *colors, uint32_t n_colors,
           const unsigned char *src, uint32_t *dst)
{
	int any_alpha = 0;

	for (int32_t x = 0; x < h->width; x++) {
		uint32_t v, a;
		switch (h->bpp) {
		case 1: case 4: case 8: {
			size_t bit = (size_t) x * h->bpp;
			unsigned idx = src[bit / 8] >> (8 - h->bpp - bit % 8) &
			               ((1u << h->bpp) - 1);
			dst[x] = table_pixel(colors, n_colors, idx);
			continue;
		}
		case 16: v = le16(src + 2 * (size_t) x); break;
		case 24:
			dst[x] = 0xFF000000u | (uint32_t) src[3 * (size_t) x + 2] << 16 |
			         (uint32_t) src[3 * (size_t) x + 1] << 8 | src[3 * (size_t) x];
			continue;
		default: v = le32(src + 4 * (size_t) x); break;
		}
		a = h->masks[3] ? mask_channel(v, h->masks[3]) : 255;
		any_alpha |= a != 0;
		dst[x] = a << 24 | mask_channel(v, h->masks[0]) << 16 |
		         mask_channel(v, h->masks[1]) << 8 | mask_channel(v, h->masks[2]);
	}
	return any_alpha;
}

/* The surface row of stored row @y. */
static uint32_t *
out_row(const dib_header *h, unsigned char *data, int stride, int32_t y)
{
	int32_t ty = h->bottom_up ? h->height - 1 - y : y;

	return (uint32_t *) (void *) (data + (size_t) ty * (size_t) stride);
}

/* RLE8/RLE4: pixels never written stay transparent. Returns 0, or -1 if
 * the data ends before the end-of-bitmap code. */
static int
decode_rle(const dib_header *h, const uint32_t *colors, uint32_t n_colors,
           const unsigned char *p, size_t n, unsigned char *data, int stride)
{
	int32_t x = 0, y = 0;
	int four = h->compression == DIB_RLE4;
	size_t i = 0;

#define PUT(idx) do { \
	if (x < h->width && y < h->height) \
		out_row(h, data, stride, y)[x] = table_pixel(colors, n_colors, (idx)); \
	x++; \
} while (0)
	while (i + 2 <= n) {
		unsigned count = p[i], val = p[i + 1];
		i += 2;
		if (count) {                         /* encoded run */
			for (unsigned k = 0; k < count && x < h->width; k++)
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
		if (y >= h->height)
			return 0;
	}
#undef PUT
	return -1;
}

/* Premultiply the decoded pixels; @opaque: take every alpha as 255 (a
 * GDI bitmap whose alpha channel was never set). */
static void
premultiply(unsigned char *data, int stride, int32_t w, int32_t ht, int opaque)
{
	for (int32_t y = 0; y < ht; y++) {
		uint32_t *row = (uint32_t *) (void *) (data + (size_t) y * (size_t) stride);
		for (int32_t x = 0; x < w; x++) {
			uint32_t v = row[x], a = opaque ? 255 : v >> 24;
			row[x] = a << 24 | ((v >> 16 & 0xFF) * a + 127) / 255 << 16 |
			         ((v >> 8 & 0xFF) * a + 127) / 255 << 8 |
			         ((v & 0xFF) * a + 127) / 255;
		}
	}
}

dib_status
dib_decode(const dib_header *h, const uint32_t *colors, uint32_t n_colors,
           const unsigned char *bits, size_t bits_len, dib_alpha alpha,
           cairo_surface_t **out)
{
	int rle = h->compression == DIB_RLE8 || h->compression == DIB_RLE4;
	size_t row_bytes, need;
	cairo_surface_t *s;
	unsigned char *data;
	int stride, any_alpha = 0, short_rle = 0;

	*out = NULL;
	if (h->compression == DIB_JPEG || h->compression == DIB_PNG)
		return DIB_BAD_COMPRESSION;
	if (h->width <= 0 || h->height <= 0 || h->width > 65535 || h->height > 65535)
		return DIB_CORRUPT;
	row_bytes = ((size_t) h->width * h->bpp + 31) / 32 * 4;
	need = row_bytes * (size_t) h->height;
	/* the last row's padding may be missing, nothing else */
	if (!rle && bits_len < need - (row_bytes - ((size_t) h->width * h->bpp + 7) / 8))
		return DIB_SHORT;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, h->width, h->height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return DIB_NOMEM;
	}
	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	if (rle)
		short_rle = decode_rle(h, colors, n_colors, bits, bits_len, data,
		                       stride) != 0;
	else
		for (int32_t y = 0; y < h->height; y++)
			any_alpha |= decode_row(h, colors, n_colors,
			                        bits + (size_t) y * row_bytes,
			                        out_row(h, data, stride, y));
	if (!rle && h->bpp > 8 && h->masks[3])
		premultiply(data, stride, h->width, h->height,
		            alpha != DIB_ALPHA_FILE && !any_alpha);
	cairo_surface_mark_dirty(s);
	*out = s;
	return short_rle ? DIB_RLE_SHORT : DIB_OK;
}

int
dib_png_size(const unsigned char *p, size_t n, uint32_t *w, uint32_t *h)
{
	if (n < 24 || memcmp(p + 12, "IHDR", 4) != 0)
		return -1;
	*w = be32(p + 16);
	*h = be32(p + 20);
	return 0;
}

static cairo_status_t
png_read_cb(void *closure, unsigned char *data, unsigned int len)
{
	png_cursor *c = closure;

	if (len > c->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, c->p, len);
	c->p += len;
	c->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

cairo_status_t
dib_png_read(const unsigned char *p, size_t n, cairo_surface_t **out)
{
	png_cursor c = { p, n };
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read_cb, &c);
	cairo_status_t st = cairo_surface_status(s);

	if (st != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		s = NULL;
	}
	*out = s;
	return st;
}
