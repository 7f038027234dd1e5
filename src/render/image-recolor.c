/*
 * Picture recolouring (the a:blip effects of ECMA-376 §20.1.8): greyscale,
 * duotone, black-and-white threshold, colour change (PowerPoint's "Set
 * Transparent Color") and brightness/contrast. Works on a private copy of
 * the decoded pixels, unpremultiplied per pixel, in document order.
 */
#include "render/image-imp.h"
#include "model/dml.h"

#include <math.h>

/* A colour change matches colours this close to clrFrom on every
 * channel (of 255): pictures that went through JPEG never keep the exact
 * colour the user clicked on. */
enum { CLR_CHANGE_TOLERANCE = 4 };

static double
clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Luma with the Rec. 601 weights PowerPoint's greyscale uses. */
static double
luma(const double px[4])
{
	return 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2];
}

static void
apply(const draw_recolor *op, double px[4])
{
	double y, k;

	switch (op->kind) {
	case DML_BLIP_GRAYSCL:
		y = luma(px);
		px[0] = px[1] = px[2] = y;
		break;
	case DML_BLIP_DUOTONE:
		/* dark pixels take the first colour, light ones the second */
		y = luma(px);
		for (int i = 0; i < 3; i++)
			px[i] = op->c1[i] + (op->c2[i] - op->c1[i]) * y;
		break;
	case DML_BLIP_BILEVEL:
		y = luma(px) >= op->a ? 1 : 0;
		px[0] = px[1] = px[2] = y;
		break;
	case DML_BLIP_CLR_CHANGE: {
		int match = 1;
		for (int i = 0; i < 3; i++)
			if (fabs(px[i] - op->c1[i]) * 255 > CLR_CHANGE_TOLERANCE + 0.5)
				match = 0;
		if (!match || px[3] <= 0)
			break;
		for (int i = 0; i < 3; i++)
			px[i] = op->c2[i];
		if (op->use_alpha)
			px[3] = op->c2[3];
		break;
	}
	case DML_BLIP_LUM:
		/* brightness shifts, then contrast stretches about mid-grey
		 * (contrast 100 % is a hard threshold, -100 % flat grey) */
		k = op->b >= 0 ? 1 / fmax(1 - op->b, 1e-3) : 1 + op->b;
		for (int i = 0; i < 3; i++)
			px[i] = clamp01((clamp01(px[i] + op->a) - 0.5) * k + 0.5);
		break;
	default:
		break;
	}
}

void
draw_image_recolor(unsigned char *data, int w, int h, int stride,
                   const draw_recolor *ops, int n_ops)
{
	for (int y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *) (void *) (data + (size_t) y * (size_t) stride);
		for (int x = 0; x < w; x++) {
			uint32_t p = row[x], a8 = p >> 24, out[4];
			double px[4];
			if (a8 == 0)
				continue; /* nothing to recolour; a colour change
				           * never makes a clear pixel visible */
			px[3] = a8 / 255.0;
			px[0] = (p >> 16 & 0xFF) / (255.0 * px[3]);
			px[1] = (p >> 8 & 0xFF) / (255.0 * px[3]);
			px[2] = (p & 0xFF) / (255.0 * px[3]);
			for (int i = 0; i < 3; i++)
				px[i] = clamp01(px[i]);
			for (int i = 0; i < n_ops; i++)
				apply(&ops[i], px);
			out[3] = (uint32_t) lround(clamp01(px[3]) * 255);
			for (int i = 0; i < 3; i++)
				out[i] = (uint32_t) lround(clamp01(px[i]) * (double) out[3]);
			row[x] = out[3] << 24 | out[0] << 16 | out[1] << 8 | out[2];
		}
	}
}
