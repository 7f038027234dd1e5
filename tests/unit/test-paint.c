/*
 * Unit tests for paint and effects: the three-pass box blur approximates
 * a Gaussian of the asked sigma (measured on the spread of a blurred
 * edge) on one and four channels, and PowerPoint's radius-to-sigma rule.
 */
#include "render/draw-effect.h"

#include "tinytest.h"

#include <stdlib.h>

/* Blur a horizontal edge (top half 255, bottom half 0) and return the
 * standard deviation of the edge's derivative down the middle column. */
static double
edge_sigma(double sigma, int n_chan, int chan)
{
	enum { W = 160, H = 320 };
	int stride = W * n_chan;
	unsigned char *p = calloc((size_t) stride * H, 1);
	double sum = 0, mean = 0, var = 0;

	for (int y = 0; y < H / 2; y++)
		memset(p + (size_t) y * (size_t) stride, 255, (size_t) stride);
	CHECK_INT(draw_fx_blur(p, W, H, stride, n_chan, sigma), 0);
	for (int y = 60; y < H - 60; y++) {
		double d = p[(size_t) y * (size_t) stride + (W / 2) * n_chan + chan] -
		           p[(size_t) (y + 1) * (size_t) stride + (W / 2) * n_chan + chan];
		sum += d;
		mean += d * (y + 0.5);
	}
	mean /= sum;
	for (int y = 60; y < H - 60; y++) {
		double d = p[(size_t) y * (size_t) stride + (W / 2) * n_chan + chan] -
		           p[(size_t) (y + 1) * (size_t) stride + (W / 2) * n_chan + chan];
		var += d * (y + 0.5 - mean) * (y + 0.5 - mean);
	}
	/* the edge keeps its height and its place */
	CHECK_NEAR(sum, 255, 3);
	CHECK_NEAR(mean, H / 2, 0.6);
	free(p);
	return sqrt(var / sum);
}

static void
test_blur_sigma(void)
{
	static const double sigmas[] = { 1.0, 2.5, 4.0, 6.3, 11.0 };

	for (size_t i = 0; i < S2P_ARRAY_LEN(sigmas); i++) {
		double s = edge_sigma(sigmas[i], 1, 0);
		/* box passes mix two widths: within 10 % of the asked sigma */
		CHECK_NEAR(s, sigmas[i], 0.1 * sigmas[i] + 0.15);
	}
	/* every channel of an ARGB buffer is blurred the same way */
	CHECK_NEAR(edge_sigma(4.0, 4, 0), 4.0, 0.5);
	CHECK_NEAR(edge_sigma(4.0, 4, 3), 4.0, 0.5);
}

static void
test_blur_small(void)
{
	unsigned char px[9] = { 0, 0, 0, 0, 255, 0, 0, 0, 0 };

	/* below a quarter pixel nothing moves */
	CHECK_INT(draw_fx_blur(px, 3, 3, 3, 1, 0.2), 0);
	CHECK_INT(px[4], 255);
	CHECK_INT(px[0], 0);
	/* a one-pixel buffer is fine */
	CHECK_INT(draw_fx_blur(px, 1, 1, 1, 1, 5), 0);
}

static void
test_sigma_rule(void)
{
	/* blurRad 9 pt at 96 dpi (12 px) measured as sigma ~4 px */
	CHECK_NEAR(draw_fx_sigma(12), 4, 1e-9);
	CHECK_NEAR(draw_fx_sigma(0), 0, 1e-9);
	CHECK_NEAR(draw_fx_sigma(-3), 0, 1e-9);
}

int
main(void)
{
	test_blur_sigma();
	test_blur_small();
	test_sigma_rule();
	return TT_DONE();
}
