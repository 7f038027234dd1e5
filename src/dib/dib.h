/*
 * Device-independent bitmaps and PNG from memory, shared by the picture
 * decoders (render/image-bmp.c: BMP files) and the metafile player
 * (metafile/: DIBs inside EMF/WMF records, BI_PNG bitmaps). Depends only
 * on cairo, so both modules can use it. Decodes into ARGB32 cairo image
 * surfaces (premultiplied, rows top-down); every offset and row is
 * checked against the data, and the header is parsed first so that the
 * caller checks its own size limits before anything is allocated. Pure
 * functions: safe on any thread.
 */
#ifndef S2P_DIB_DIB_H
#define S2P_DIB_DIB_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

/* biCompression values */
enum {
	DIB_RGB = 0, DIB_RLE8 = 1, DIB_RLE4 = 2, DIB_BITFIELDS = 3,
	DIB_JPEG = 4, DIB_PNG = 5, DIB_ALPHABITFIELDS = 6
};

typedef enum dib_status {
	DIB_OK = 0,
	DIB_SHORT,            /* the data ends early */
	DIB_BAD_HEADER,       /* header size not 12 or 40..124 */
	DIB_CORRUPT,          /* size, depth and compression do not fit */
	DIB_BAD_DEPTH,        /* bits per pixel not 1, 4, 8, 16, 24 or 32 */
	DIB_BAD_COMPRESSION,  /* JPEG, PNG (see dib_png_read) or unknown */
	DIB_NOMEM,
	DIB_RLE_SHORT         /* RLE ended before its end code: a surface
	                       * drawn as far as the data goes */
} dib_status;

/* Where alpha comes from: the callers' rules differ. */
typedef enum dib_alpha {
	/* BMP files: the header's alpha mask (BITFIELDS with a v3+ header,
	 * ALPHABITFIELDS); an all-zero alpha channel stays transparent */
	DIB_ALPHA_FILE,
	/* GDI blits (StretchDIBits...): opaque, except ALPHABITFIELDS; an
	 * all-zero alpha channel is opaque (GDI never set it) */
	DIB_ALPHA_GDI,
	/* AlphaBlend with AC_SRC_ALPHA: 32-bit pixels carry alpha in the
	 * bits no colour mask claims; all zero is opaque */
	DIB_ALPHA_BLEND
} dib_alpha;

typedef struct dib_header {
	int32_t width, height;   /* both > 0 */
	int bottom_up;           /* rows stored bottom-up (positive biHeight) */
	unsigned bpp, compression;
	uint32_t masks[4];       /* r, g, b, a (a = 0: no alpha) */
	uint32_t n_colors;       /* bpp <= 8: colour table length (biClrUsed,
	                          * or 1 << bpp), not checked against the data */
	size_t table_off;        /* colour table offset in the BITMAPINFO */
	unsigned entry_size;     /* 3 (core header, RGBTRIPLE) or 4 (RGBQUAD) */
} dib_header;

/* Parse the BITMAPINFO (header, bit-field masks, colour table) at @bmi,
 * @len bytes, with alpha rule @alpha. DIB_OK, or why not. */
dib_status dib_header_parse(const unsigned char *bmi, size_t len,
                            dib_alpha alpha, dib_header *out);

/* A colour table entry of @bmi (RGBQUAD or RGBTRIPLE) as 0x00RRGGBB. */
uint32_t dib_table_color(const unsigned char *entry);

/* Decode @bits (@bits_len bytes; the last row may lack its padding) of
 * @h into a new surface (*@out, the caller's), top row first. @colors:
 * @n_colors entries 0x00RRGGBB for bpp <= 8 (an index past them is
 * black, as GDI draws it). DIB_OK or DIB_RLE_SHORT with *@out set;
 * otherwise *@out is NULL. */
dib_status dib_decode(const dib_header *h, const uint32_t *colors,
                      uint32_t n_colors, const unsigned char *bits,
                      size_t bits_len, dib_alpha alpha,
                      cairo_surface_t **out);

/* A PNG file's size from its IHDR: 0, or -1 if @p is not a PNG long
 * enough to have one. */
int dib_png_size(const unsigned char *p, size_t n, uint32_t *w, uint32_t *h);

/* A PNG file in memory through cairo's libpng reader: CAIRO_STATUS_SUCCESS
 * with *@out set, or the error (*@out NULL). Check dib_png_size() against
 * the limits first. */
cairo_status_t dib_png_read(const unsigned char *p, size_t n,
                            cairo_surface_t **out);

#endif
