/*
 * GIF pictures through giflib's low-level reader (reentrant: all state
 * lives in the GifFileType of one decode). PowerPoint shows an animated
 * GIF's first frame, so only the records up to the first image are read:
 * that frame is placed on its logical screen (transparent elsewhere),
 * with the transparent index of the graphic control extension before it.
 * Sizes are checked before any pixel buffer exists.
 */
#include "render/image-imp.h"

#include <gif_lib.h>
#include <stdlib.h>
#include <string.h>

typedef struct gif_src {
	const unsigned char *p;
	size_t left;
} gif_src;

static int
gif_read(GifFileType *g, GifByteType *buf, int n)
{
	gif_src *src = g->UserData;
	size_t k = n < 0 ? 0 : (size_t) n;

	if (k > src->left)
		k = src->left;
	memcpy(buf, src->p, k);
	src->p += k;
	src->left -= k;
	return (int) k;
}

/* Skip an extension, noting a graphic control block's transparent index
 * (§23 of the GIF89a specification: packed byte bit 0, index in byte 4). */
static int
gif_extension(GifFileType *g, int *transparent)
{
	GifByteType *ext = NULL;
	int code = 0;

	if (DGifGetExtension(g, &code, &ext) == GIF_ERROR)
		return -1;
	if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] >= 4)
		*transparent = (ext[1] & 1) ? ext[4] : -1;
	while (ext)
		if (DGifGetExtensionNext(g, &ext) == GIF_ERROR)
			return -1;
	return 0;
}

/* Read the current image's rows into @surface at its place on the
 * screen; returns the number of rows read (all of them unless the data
 * ends early). */
static int
gif_frame(GifFileType *g, int transparent, cairo_surface_t *surface,
          GifPixelType *line)
{
	static const int start[4] = { 0, 4, 2, 1 }, step[4] = { 8, 8, 4, 2 };
	const GifImageDesc *im = &g->Image;
	const ColorMapObject *map = im->ColorMap ? im->ColorMap : g->SColorMap;
	unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	int sw = cairo_image_surface_get_width(surface);
	int sh = cairo_image_surface_get_height(surface);
	int passes = im->Interlace ? 4 : 1, done = 0;

	for (int pass = 0; pass < passes; pass++) {
		int y0 = im->Interlace ? start[pass] : 0, dy = im->Interlace ? step[pass] : 1;
		for (int y = y0; y < im->Height; y += dy) {
			int ty = im->Top + y;
			if (DGifGetLine(g, line, im->Width) == GIF_ERROR)
				return done;
			done++;
			if (ty < 0 || ty >= sh)
				continue;
			uint32_t *row = (uint32_t *) (void *) (data + (size_t) ty * (size_t) stride);
			for (int x = 0; x < im->Width; x++) {
				int tx = im->Left + x, idx = line[x];
				if (tx < 0 || tx >= sw || idx == transparent)
					continue;
				if (!map || idx >= map->ColorCount)
					continue; /* index outside the palette: left clear */
				const GifColorType *c = &map->Colors[idx];
				row[tx] = 0xFF000000u | (uint32_t) c->Red << 16 |
				          (uint32_t) c->Green << 8 | c->Blue;
			}
		}
	}
	return done;
}

cairo_surface_t *
draw_decode_gif(draw_decode *d)
{
	gif_src src = { d->data, d->size };
	cairo_surface_t *s = NULL;
	GifPixelType *line = NULL;
	GifRecordType type;
	GifFileType *g;
	int err = 0, transparent = -1, w, h, rows;

	g = DGifOpen(&src, gif_read, &err);
	if (!g) {
		draw_decode_msg(d, "picture %s: corrupt GIF (%s)", d->part,
		                GifErrorString(err));
		return NULL;
	}
	for (;;) {
		if (DGifGetRecordType(g, &type) == GIF_ERROR)
			goto corrupt;
		if (type == EXTENSION_RECORD_TYPE) {
			if (gif_extension(g, &transparent))
				goto corrupt;
			continue;
		}
		if (type == IMAGE_DESC_RECORD_TYPE)
			break;
		draw_decode_msg(d, "picture %s: GIF without an image; left empty",
		                d->part);
		goto fail;
	}
	if (DGifGetImageDesc(g) == GIF_ERROR)
		goto corrupt;
	/* the logical screen, or the frame itself if the screen is smaller
	 * (some writers leave the screen size 0) */
	w = g->SWidth, h = g->SHeight;
	if (w < g->Image.Left + g->Image.Width || h < g->Image.Top + g->Image.Height) {
		w = g->Image.Width;
		h = g->Image.Height;
		g->Image.Left = g->Image.Top = 0;
	}
	if (!draw_decode_pixels_ok(d, (uint64_t) w, (uint64_t) h) ||
	    !draw_decode_pixels_ok(d, (uint64_t) g->Image.Width,
	                           (uint64_t) g->Image.Height))
		goto fail;
	line = malloc((size_t) g->Image.Width);
	s = draw_decode_surface(d, w, h);
	if (!line || !s)
		goto fail;
	rows = gif_frame(g, transparent, s, line);
	cairo_surface_mark_dirty(s);
	if (rows < g->Image.Height)
		draw_decode_msg(d, "picture %s: GIF data ends early (%s); drawn as "
		                "far as it goes", d->part, GifErrorString(g->Error));
	free(line);
	DGifCloseFile(g, &err);
	return s;
corrupt:
	draw_decode_msg(d, "picture %s: corrupt GIF (%s)", d->part,
	                GifErrorString(g->Error));
fail:
	free(line);
	if (s)
		cairo_surface_destroy(s);
	DGifCloseFile(g, &err);
	return NULL;
}
