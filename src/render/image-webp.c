/*
 * WebP pictures through libwebp's advanced decoding API (each decode has
 * its own WebPDecoderConfig: thread-safe), lossy or lossless, with alpha,
 * decoded straight into the cairo surface as premultiplied native-endian
 * ARGB. Animated WebP (which needs the demux library) is a diagnostic.
 */
#include "render/image-imp.h"

#include <webp/decode.h>
#include <string.h>

static int
little_endian(void)
{
	const uint16_t one = 1;
	unsigned char b;

	memcpy(&b, &one, 1);
	return b == 1;
}

cairo_surface_t *
draw_decode_webp(draw_decode *d)
{
	WebPDecoderConfig cfg;
	cairo_surface_t *s;
	VP8StatusCode st;

	if (!WebPInitDecoderConfig(&cfg)) {
		draw_decode_msg(d, "picture %s: libwebp version mismatch", d->part);
		return NULL;
	}
	st = WebPGetFeatures(d->data, d->size, &cfg.input);
	if (st != VP8_STATUS_OK) {
		draw_decode_msg(d, "picture %s: corrupt WebP (status %d)", d->part,
		                (int) st);
		return NULL;
	}
	if (cfg.input.has_animation) {
		draw_decode_msg(d, "picture %s: animated WebP not supported; left "
		                "empty", d->part);
		return NULL;
	}
	if (!draw_decode_pixels_ok(d, (uint64_t) cfg.input.width,
	                           (uint64_t) cfg.input.height))
		return NULL;
	s = draw_decode_surface(d, cfg.input.width, cfg.input.height);
	if (!s)
		return NULL;
	/* cairo's ARGB32 is a native-endian 32-bit word, premultiplied */
	cfg.output.colorspace = little_endian() ? MODE_bgrA : MODE_Argb;
	cfg.output.is_external_memory = 1;
	cfg.output.u.RGBA.rgba = cairo_image_surface_get_data(s);
	cfg.output.u.RGBA.stride = cairo_image_surface_get_stride(s);
	cfg.output.u.RGBA.size = (size_t) cairo_image_surface_get_stride(s) *
	                         (size_t) cfg.input.height;
	st = WebPDecode(d->data, d->size, &cfg);
	WebPFreeDecBuffer(&cfg.output);
	cairo_surface_mark_dirty(s);
	if (st != VP8_STATUS_OK) {
		draw_decode_msg(d, "picture %s: cannot decode WebP (status %d); "
		                "left empty", d->part, (int) st);
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}
