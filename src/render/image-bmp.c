/*
 * BMP (device-independent bitmap) pictures: the file header here, the
 * bitmap itself through the DIB decoder the metafile player also uses
 * (src/dib/: the one library that reads BMP, gdk-pixbuf, loads its
 * format modules through process-wide state). Handles the OS/2 core
 * header and the Windows info headers (v1 to v5): 1/4/8-bit palettes,
 * 16/32-bit with bit-field masks, 24-bit, RLE8 and RLE4. Sizes are
 * checked before any allocation.
 */
#include "render/image-imp.h"

#include "dib/dib.h"

#include <string.h>

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 |
	       (uint32_t) p[3] << 24;
}

/* The diagnostic for a DIB failure @st; NULL returned for convenience. */
static cairo_surface_t *
bmp_fail(draw_decode *d, dib_status st, const dib_header *h)
{
	switch (st) {
	case DIB_SHORT:
		draw_decode_msg(d, "picture %s: BMP data ends early; left empty", d->part);
		break;
	case DIB_BAD_HEADER:
		draw_decode_msg(d, "picture %s: BMP header of %u bytes not "
		                "supported; left empty", d->part, le32(d->data + 14));
		break;
	case DIB_BAD_DEPTH:
		draw_decode_msg(d, "picture %s: BMP with %u bits per pixel not "
		                "supported; left empty", d->part, h->bpp);
		break;
	case DIB_BAD_COMPRESSION:
		draw_decode_msg(d, "picture %s: BMP compression %u not supported; "
		                "left empty", d->part, h->compression);
		break;
	case DIB_NOMEM:
		draw_decode_msg(d, "picture %s: out of memory for %dx%d pixels",
		                d->part, (int) h->width, (int) h->height);
		break;
	default:
		draw_decode_msg(d, "picture %s: corrupt BMP header", d->part);
		break;
	}
	return NULL;
}

cairo_surface_t *
draw_decode_bmp(draw_decode *d)
{
	uint32_t colors[256];
	cairo_surface_t *s;
	dib_header h;
	dib_status st;
	size_t bits, table;

	/* BITMAPFILEHEADER (14 bytes: 'BM', size, reserved, bits offset),
	 * then a BITMAPINFO */
	if (d->size < 26)
		return bmp_fail(d, DIB_SHORT, NULL);
	bits = le32(d->data + 10);
	st = dib_header_parse(d->data + 14, d->size - 14, DIB_ALPHA_FILE, &h);
	if (st != DIB_OK)
		return bmp_fail(d, st, &h);
	if (h.compression == DIB_JPEG || h.compression == DIB_PNG)
		return bmp_fail(d, DIB_BAD_COMPRESSION, &h);
	if (!draw_decode_pixels_ok(d, (uint64_t) h.width, (uint64_t) h.height))
		return NULL;
	if (h.bpp <= 8) {
		table = 14 + h.table_off;
		if ((d->size - table) / h.entry_size < h.n_colors)
			return bmp_fail(d, DIB_SHORT, &h);
		for (uint32_t i = 0; i < h.n_colors; i++)
			colors[i] = dib_table_color(d->data + table + i * h.entry_size);
	}
	if (bits > d->size)
		return bmp_fail(d, DIB_SHORT, &h);
	st = dib_decode(&h, colors, h.bpp <= 8 ? h.n_colors : 0, d->data + bits,
	                d->size - bits, DIB_ALPHA_FILE, &s);
	if (st == DIB_RLE_SHORT)
		draw_decode_msg(d, "picture %s: BMP RLE data ends early; drawn "
		                "as far as it goes", d->part);
	else if (st != DIB_OK)
		return bmp_fail(d, st, &h);
	return s;
}
