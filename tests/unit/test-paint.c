/*
 * Unit tests for paint and effects: the three-pass box blur approximates
 * a Gaussian of the asked sigma (measured on the spread of a blurred
 * edge) on one and four channels, PowerPoint's radius-to-sigma rule, and
 * the pattern-fill presets.
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

/* Every value of ST_PresetPatternVal (ECMA-376 §20.1.10.51) has a
 * bitmap, no two are the same, and each has both colours in it. */
static void
test_pattern_presets(void)
{
	static const char *const names[] = {
		"pct5", "pct10", "pct20", "pct25", "pct30", "pct40", "pct50", "pct60",
		"pct70", "pct75", "pct80", "pct90", "horz", "vert", "ltHorz", "ltVert",
		"dkHorz", "dkVert", "narHorz", "narVert", "dashHorz", "dashVert",
		"cross", "dnDiag", "upDiag", "ltDnDiag", "ltUpDiag", "dkDnDiag",
		"dkUpDiag", "wdDnDiag", "wdUpDiag", "dashDnDiag", "dashUpDiag",
		"diagCross", "smCheck", "lgCheck", "smGrid", "lgGrid", "dotGrid",
		"smConfetti", "lgConfetti", "horzBrick", "diagBrick", "solidDmnd",
		"openDmnd", "dotDmnd", "plaid", "sphere", "weave", "divot", "shingle",
		"wave", "trellis", "zigZag",
	};
	const unsigned char *bits[S2P_ARRAY_LEN(names)];
	int dupes = 0;

	CHECK_INT(S2P_ARRAY_LEN(names), 54);
	CHECK_INT(draw_pattern_count(), 54);
	for (size_t i = 0; i < S2P_ARRAY_LEN(names); i++) {
		int ones = 0;
		bits[i] = draw_pattern_bits(names[i]);
		if (!bits[i]) {
			fprintf(stderr, "pattern %s has no bitmap\n", names[i]);
			CHECK(bits[i] != NULL);
			continue;
		}
		for (int r = 0; r < 8; r++)
			for (int b = 0; b < 8; b++)
				ones += bits[i][r] >> b & 1;
		CHECK(ones > 0 && ones < 64);
		for (size_t j = 0; j < i; j++)
			if (bits[j] && memcmp(bits[i], bits[j], 8) == 0) {
				fprintf(stderr, "%s == %s\n", names[i], names[j]);
				dupes++;
			}
	}
	/* lgGrid is the same lattice as cross (PowerPoint shows both alike) */
	CHECK_INT(dupes, 1);
	/* densities rise with the percentage */
	{
		int prev = -1;
		for (int i = 0; i < 12; i++) {
			int ones = 0;
			for (int r = 0; r < 8; r++)
				for (int b = 0; b < 8; b++)
					ones += bits[i][r] >> b & 1;
			CHECK(ones > prev);
			prev = ones;
		}
	}
	/* upward diagonals rise to the right: the top row's pixel is right */
	CHECK_INT(draw_pattern_bits("upDiag")[0], 0x01);
	CHECK_INT(draw_pattern_bits("dnDiag")[0], 0x80);
	CHECK(draw_pattern_bits("nonsense") == NULL);
	CHECK(draw_pattern_bits(NULL) == NULL);
}

int
main(void)
{
	test_pattern_presets();
	test_blur_sigma();
	test_blur_small();
	test_sigma_rule();
	return TT_DONE();
}
