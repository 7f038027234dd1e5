/*
 * Pictures: PNG (through cairo's libpng reader) and JPEG (libjpeg-turbo,
 * DCT-scaled to the drawn size, CMYK/YCCK converted), with the pixel count
 * checked from the header before anything is decoded. Other formats are
 * reported as diagnostics and left empty. Then srcRect cropping and
 * fillRect stretching into the shape's box.
 */
#include "render/draw-imp.h"

#include <jpeglib.h>
#include <tiffio.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct read_cursor {
	const unsigned char *p;
	size_t left;
} read_cursor;

static cairo_status_t
png_read_cb(void *closure, unsigned char *data, unsigned int len)
{
	read_cursor *c = closure;

	if (len > c->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, c->p, len);
	c->p += len;
	c->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

static int
pixels_ok(draw_ctx *dc, const dml_media *m, uint64_t w, uint64_t h)
{
	if (w == 0 || h == 0 || w > 65535 || h > 65535 ||
	    w * h > dc->lim->max_image_pixels) {
		pml_diag_add(dc->diags, dc->part, "picture %s is %llux%llu pixels, "
		             "over the limit of %llu; not drawn", m->part,
		             (unsigned long long) w, (unsigned long long) h,
		             (unsigned long long) dc->lim->max_image_pixels);
		return 0;
	}
	return 1;
}

static cairo_surface_t *
decode_png(draw_ctx *dc, const dml_media *m)
{
	const s2p_blob *b = m->blob;
	read_cursor c = { b->data, b->size };
	cairo_surface_t *s;

	if (b->size < 24 || memcmp(b->data + 12, "IHDR", 4) != 0) {
		pml_diag_add(dc->diags, dc->part, "picture %s: corrupt PNG", m->part);
		return NULL;
	}
	if (!pixels_ok(dc, m, be32(b->data + 16), be32(b->data + 20)))
		return NULL;
	s = cairo_image_surface_create_from_png_stream(png_read_cb, &c);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		pml_diag_add(dc->diags, dc->part, "picture %s: cannot decode PNG (%s)",
		             m->part, cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
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
decode_jpeg(draw_ctx *dc, const dml_media *m, double want_w, double want_h)
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
		pml_diag_add(dc->diags, dc->part, "picture %s: cannot decode JPEG (%s)",
		             m->part, jerr.msg);
		jpeg_destroy_decompress(&cinfo);
		free(row);
		if (s)
			cairo_surface_destroy(s);
		return NULL;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, m->blob->data, (unsigned long) m->blob->size);
	jpeg_save_markers(&cinfo, JPEG_APP0 + 14, 64);
	jpeg_read_header(&cinfo, TRUE);
	if (!pixels_ok(dc, m, cinfo.image_width, cinfo.image_height)) {
		jpeg_destroy_decompress(&cinfo);
		return NULL;
	}
	/* decode at the smallest M/8 scale not below the drawn size */
	cinfo.scale_denom = 8;
	cinfo.scale_num = 8;
	for (unsigned num = 1; num < 8; num++) {
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
decode_tiff(draw_ctx *dc, const dml_media *m)
{
	tiff_mem mem = { m->blob->data, m->blob->size, 0 };
	TIFF *tif;
	uint32_t w = 0, h = 0, *px;
	cairo_surface_t *s;
	unsigned char *data;
	int stride;

	tif = TIFFClientOpen(m->part, "rm", &mem, tiff_read, tiff_write, tiff_seek,
	                     tiff_close, tiff_size, tiff_map, tiff_unmap);
	if (!tif) {
		pml_diag_add(dc->diags, dc->part, "picture %s: corrupt TIFF", m->part);
		return NULL;
	}
	TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
	TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
	if (!pixels_ok(dc, m, w, h)) {
		TIFFClose(tif);
		return NULL;
	}
	px = s2p_malloc_array((size_t) w * h, sizeof *px);
	if (!px || !TIFFReadRGBAImageOriented(tif, w, h, px, ORIENTATION_TOPLEFT, 0)) {
		pml_diag_add(dc->diags, dc->part, "picture %s: cannot decode TIFF",
		             m->part);
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

static const char *
sniff(const s2p_blob *b)
{
	const unsigned char *p = b->data;
	size_t n = b->size;

	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) return "png";
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) return "jpeg";
	if (n >= 6 && memcmp(p, "GIF8", 4) == 0) return "GIF";
	if (n >= 2 && p[0] == 'B' && p[1] == 'M') return "BMP";
	if (n >= 4 && (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0))
		return "TIFF";
	if (n >= 44 && p[0] == 1 && p[1] == 0 && p[2] == 0 && p[3] == 0 &&
	    memcmp(p + 40, " EMF", 4) == 0) return "EMF";
	if (n >= 4 && p[0] == 0xD7 && p[1] == 0xCD && p[2] == 0xC6 && p[3] == 0x9A)
		return "WMF";
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return "WebP";
	if (n >= 2 && p[0] == 'I' && p[1] == 'I' && n >= 4 && p[2] == 0xBC)
		return "JPEG XR";
	for (size_t i = 0; i < n && i < 512; i++)
		if (p[i] == '<')
			return memmem_svg(p + i, n - i) ? "SVG" : "unknown";
	return "unknown";
}

cairo_surface_t *
draw_image_decode(draw_ctx *dc, const dml_media *m)
{
	const char *kind;
	double w = 1, h = 1;

	if (!m->blob) {
		return NULL; /* reported when loading */
	}
	kind = sniff(m->blob);
	if (!strcmp(kind, "png"))
		return decode_png(dc, m);
	if (!strcmp(kind, "TIFF"))
		return decode_tiff(dc, m);
	if (!strcmp(kind, "jpeg")) {
		/* the box was set up as 0,0-1,1 in user space by the caller */
		cairo_user_to_device_distance(dc->cr, &w, &h);
		return decode_jpeg(dc, m, fabs(w), fabs(h));
	}
	pml_diag_add(dc->diags, dc->part, "picture %s: %s images are not "
	             "supported yet; left empty", m->part, kind);
	return NULL;
}

void
draw_picture(draw_ctx *dc, const dml_fill *f, double w, double h)
{
	cairo_t *cr = dc->cr;
	cairo_surface_t *img;
	cairo_pattern_t *pat;
	double iw, ih, sl, st, sr, sb, fl, ft, fr, fb, cw, ch, bx, by, bw, bh;

	if (w <= 0 || h <= 0)
		return;
	/* box of the stretched picture: the shape box less fillRect insets */
	fl = f->stretch.l / 100000.0; ft = f->stretch.t / 100000.0;
	fr = f->stretch.r / 100000.0; fb = f->stretch.b / 100000.0;
	bx = w * fl;
	by = h * ft;
	bw = w * (1 - fl - fr);
	bh = h * (1 - ft - fb);
	if (bw <= 0 || bh <= 0)
		return;
	cairo_save(cr);
	cairo_translate(cr, bx, by);
	cairo_scale(cr, bw, bh);
	img = draw_image_decode(dc, &f->media);
	cairo_restore(cr);
	if (!img)
		return;
	iw = cairo_image_surface_get_width(img);
	ih = cairo_image_surface_get_height(img);
	/* srcRect: insets (may be negative) of the image in 1/1000 % */
	sl = f->src_rect.l / 100000.0; st = f->src_rect.t / 100000.0;
	sr = f->src_rect.r / 100000.0; sb = f->src_rect.b / 100000.0;
	cw = iw * (1 - sl - sr);
	ch = ih * (1 - st - sb);
	if (cw <= 0 || ch <= 0) {
		cairo_surface_destroy(img);
		return;
	}
	cairo_save(cr);
	cairo_rectangle(cr, bx, by, bw, bh);
	cairo_clip(cr);
	cairo_translate(cr, bx, by);
	cairo_scale(cr, bw / cw, bh / ch);
	cairo_translate(cr, -iw * sl, -ih * st);
	pat = cairo_pattern_create_for_surface(img);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_GOOD);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
	cairo_set_source(cr, pat);
	if (f->alpha_pct1k < 100000)
		cairo_paint_with_alpha(cr, f->alpha_pct1k / 100000.0);
	else
		cairo_paint(cr);
	cairo_pattern_destroy(pat);
	cairo_restore(cr);
	cairo_surface_destroy(img);
}
