/*
 * Unit tests for model/dml-color.c: scheme colours through the clrMap and
 * phClr, the ECMA-376 §20.1.2.3 transforms checked against values
 * PowerPoint produces (shade, lumMod, lumMod+lumOff on the Office accent1),
 * tint in linear light, alpha, preset colour names, slot names and the
 * HSL conversions.
 */
#include "model/dml-color.h"

#include "tinytest.h"

#define CH 1.0 / 255 + 1e-9 /* one 8-bit step, per channel */

static dml_color_ctx
office_ctx(void)
{
	/* the Office 2013-2022 theme; dk1/lt1 made distinct from pure
	 * black/white so a wrong slot cannot match by accident */
	static const uint32_t office[DML_SLOT_THEME_COUNT] = {
		0x010203, 0xFEFDFC, 0x44546A, 0xE7E6E6, 0x4472C4, 0xED7D31,
		0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47, 0x0563C1, 0x954F72 };
	dml_color_ctx ctx;

	memset(&ctx, 0, sizeof ctx);
	memcpy(ctx.scheme, office, sizeof office);
	ctx.map[0] = DML_SLOT_LT1; /* bg1 */
	ctx.map[1] = DML_SLOT_DK1; /* tx1 */
	ctx.map[2] = DML_SLOT_LT2; /* bg2 */
	ctx.map[3] = DML_SLOT_DK2; /* tx2 */
	return ctx;
}

static dml_color
scheme(int slot)
{
	dml_color c;

	memset(&c, 0, sizeof c);
	c.kind = DML_COLOR_SCHEME;
	c.slot = (uint8_t) slot;
	return c;
}

static void
add_mod(dml_color *c, int op, int32_t val)
{
	c->mods[c->n_mods].op = (uint8_t) op;
	c->mods[c->n_mods].val = val;
	c->n_mods++;
}

static void
check_rgb(dml_rgba got, uint32_t want, const char *what)
{
	double r = ((want >> 16) & 255) / 255.0, g = ((want >> 8) & 255) / 255.0,
	       b = (want & 255) / 255.0;

	if (fabs(got.r - r) > CH || fabs(got.g - g) > CH || fabs(got.b - b) > CH)
		fprintf(stderr, "  %s: got #%02X%02X%02X, want #%06X\n", what,
		        (unsigned) (got.r * 255 + 0.5), (unsigned) (got.g * 255 + 0.5),
		        (unsigned) (got.b * 255 + 0.5), (unsigned) want);
	CHECK_NEAR(got.r, r, CH);
	CHECK_NEAR(got.g, g, CH);
	CHECK_NEAR(got.b, b, CH);
}

static double
srgb_to_linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
hue_deg(dml_rgba c)
{
	double h, s, l;

	dml_rgb_to_hsl(c.r, c.g, c.b, &h, &s, &l);
	return h * 360;
}

static void
test_powerpoint_values(void)
{
	dml_color_ctx ctx = office_ctx();
	dml_color c;
	dml_rgba in, out;

	/* no transforms: the theme value itself */
	c = scheme(DML_SLOT_ACCENT1);
	check_rgb(dml_color_resolve(&c, &ctx), 0x4472C4, "accent1");
	CHECK_NEAR(dml_color_resolve(&c, &ctx).a, 1.0, 1e-12);

	/* "Blue, Accent 1, Darker 50%" is written as shade 50000 */
	add_mod(&c, DML_CMOD_SHADE, 50000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x2F528F, "accent1 shade 50%");

	/* "Darker 25%": lumMod 75000 */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_LUM_MOD, 75000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x2F5597, "accent1 lumMod 75%");

	/* "Lighter 40%": lumMod 60000 lumOff 40000 */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_LUM_MOD, 60000);
	add_mod(&c, DML_CMOD_LUM_OFF, 40000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x8FAADC, "accent1 lighter 40%");

	/* "Lighter 60%": lumMod 40000 lumOff 60000 */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_LUM_MOD, 40000);
	add_mod(&c, DML_CMOD_LUM_OFF, 60000);
	check_rgb(dml_color_resolve(&c, &ctx), 0xB4C7E7, "accent1 lighter 60%");

	/* "White, Background 1, Darker 50%": lumMod 50000 of white gives
	 * #7F7F7F in PowerPoint; 127.5 may round either way */
	c = dml_color_rgb(0xFFFFFF);
	add_mod(&c, DML_CMOD_LUM_MOD, 50000);
	out = dml_color_resolve(&c, &ctx);
	CHECK_NEAR(out.r * 255, 127.5, 0.5 + 1e-9);
	CHECK_NEAR(out.g, out.r, 1e-12);
	CHECK_NEAR(out.b, out.r, 1e-12);

	/* the order of transforms matters (document order): lumOff then
	 * lumMod differs from lumMod then lumOff */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_LUM_OFF, 40000);
	add_mod(&c, DML_CMOD_LUM_MOD, 60000);
	out = dml_color_resolve(&c, &ctx);
	CHECK(fabs(out.b - 0xDC / 255.0) > 2.0 / 255);

	/* tint 40000 acts in linear light: 1 - out = 0.4 * (1 - in) per
	 * channel there. PowerPoint's own numbers for tint are not pinned
	 * here; check the definition, that it lightens every channel, and
	 * that the hue stays close (blue stays blue). */
	c = scheme(DML_SLOT_ACCENT1);
	in = dml_color_resolve(&c, &ctx);
	add_mod(&c, DML_CMOD_TINT, 40000);
	out = dml_color_resolve(&c, &ctx);
	CHECK_NEAR(1 - srgb_to_linear(out.r), 0.4 * (1 - srgb_to_linear(in.r)), 1e-6);
	CHECK_NEAR(1 - srgb_to_linear(out.g), 0.4 * (1 - srgb_to_linear(in.g)), 1e-6);
	CHECK_NEAR(1 - srgb_to_linear(out.b), 0.4 * (1 - srgb_to_linear(in.b)), 1e-6);
	CHECK(out.r > in.r && out.g > in.g && out.b > in.b);
	CHECK(out.r < out.g && out.g < out.b); /* channel order kept */
	CHECK_NEAR(hue_deg(out), hue_deg(in), 10);
	/* shade in linear light likewise: out = 0.5 * in */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_SHADE, 50000);
	out = dml_color_resolve(&c, &ctx);
	CHECK_NEAR(srgb_to_linear(out.g), 0.5 * srgb_to_linear(in.g), 1e-6);
	/* tint and shade of 100% change nothing */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_TINT, 100000);
	add_mod(&c, DML_CMOD_SHADE, 100000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x4472C4, "tint/shade 100%");
	/* tint 0 is white, shade 0 black */
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_TINT, 0);
	check_rgb(dml_color_resolve(&c, &ctx), 0xFFFFFF, "tint 0");
	c = scheme(DML_SLOT_ACCENT1);
	add_mod(&c, DML_CMOD_SHADE, 0);
	check_rgb(dml_color_resolve(&c, &ctx), 0x000000, "shade 0");
}

static void
test_other_mods(void)
{
	dml_color_ctx ctx = office_ctx();
	dml_color c;
	dml_rgba out;

	c = dml_color_rgb(0x4472C4);
	add_mod(&c, DML_CMOD_ALPHA, 50000);
	out = dml_color_resolve(&c, &ctx);
	CHECK_NEAR(out.a, 0.5, 1e-9);
	check_rgb(out, 0x4472C4, "alpha keeps the colour");
	add_mod(&c, DML_CMOD_ALPHA_MOD, 50000);
	CHECK_NEAR(dml_color_resolve(&c, &ctx).a, 0.25, 1e-9);
	add_mod(&c, DML_CMOD_ALPHA_OFF, 10000);
	CHECK_NEAR(dml_color_resolve(&c, &ctx).a, 0.35, 1e-9);
	add_mod(&c, DML_CMOD_ALPHA_OFF, 200000);
	CHECK_NEAR(dml_color_resolve(&c, &ctx).a, 1.0, 1e-9); /* clamped */

	/* hueOff is in 1/60000 degree: red + 120 degrees is green */
	c = dml_color_rgb(0xFF0000);
	add_mod(&c, DML_CMOD_HUE_OFF, 120 * 60000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x00FF00, "hueOff 120");
	c = dml_color_rgb(0xFF0000);
	add_mod(&c, DML_CMOD_HUE, 240 * 60000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x0000FF, "hue 240");
	c = dml_color_rgb(0xFF0000);
	add_mod(&c, DML_CMOD_HUE_OFF, -120 * 60000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x0000FF, "hueOff -120");
	c = dml_color_rgb(0xFF0000);
	add_mod(&c, DML_CMOD_COMP, 0);
	check_rgb(dml_color_resolve(&c, &ctx), 0x00FFFF, "comp");
	c = dml_color_rgb(0x4472C4);
	add_mod(&c, DML_CMOD_INV, 0);
	check_rgb(dml_color_resolve(&c, &ctx), 0xBB8D3B, "inv");
	c = dml_color_rgb(0x4472C4);
	add_mod(&c, DML_CMOD_SAT, 0);
	out = dml_color_resolve(&c, &ctx);
	CHECK_NEAR(out.r, out.g, 1e-9);
	CHECK_NEAR(out.g, out.b, 1e-9);
	CHECK_NEAR(out.r, (0x44 + 0xC4) / 2.0 / 255, 1e-9); /* lightness kept */
	c = dml_color_rgb(0x4472C4);
	add_mod(&c, DML_CMOD_LUM_OFF, 200000);
	check_rgb(dml_color_resolve(&c, &ctx), 0xFFFFFF, "lumOff clamps");
	c = dml_color_rgb(0x808080);
	add_mod(&c, DML_CMOD_GRAY, 0);
	check_rgb(dml_color_resolve(&c, &ctx), 0x808080, "gray of gray");
	/* redMod 0 removes red and nothing else */
	c = dml_color_rgb(0x4472C4);
	add_mod(&c, DML_CMOD_RED_MOD, 0);
	check_rgb(dml_color_resolve(&c, &ctx), 0x0072C4, "redMod 0");
	/* dml_color_apply_mods with no mods is the identity */
	out = dml_color_apply_mods((dml_rgba) { 0.1, 0.2, 0.3, 0.4 }, NULL, 0);
	CHECK_NEAR(out.r, 0.1, 1e-12);
	CHECK_NEAR(out.a, 0.4, 1e-12);
}

static void
test_clr_map(void)
{
	dml_color_ctx ctx = office_ctx();
	dml_color c, ph;

	c = scheme(DML_SLOT_TX1);
	check_rgb(dml_color_resolve(&c, &ctx), 0x010203, "tx1 -> dk1");
	c = scheme(DML_SLOT_BG1);
	check_rgb(dml_color_resolve(&c, &ctx), 0xFEFDFC, "bg1 -> lt1");
	c = scheme(DML_SLOT_TX2);
	check_rgb(dml_color_resolve(&c, &ctx), 0x44546A, "tx2 -> dk2");
	c = scheme(DML_SLOT_BG2);
	check_rgb(dml_color_resolve(&c, &ctx), 0xE7E6E6, "bg2 -> lt2");
	/* a clrMapOvr that swaps them (placeholders.pptx slide 6) */
	ctx.map[0] = DML_SLOT_DK1;
	ctx.map[1] = DML_SLOT_LT1;
	ctx.map[2] = DML_SLOT_DK2;
	ctx.map[3] = DML_SLOT_LT2;
	c = scheme(DML_SLOT_TX1);
	check_rgb(dml_color_resolve(&c, &ctx), 0xFEFDFC, "override tx1 -> lt1");
	c = scheme(DML_SLOT_BG2);
	add_mod(&c, DML_CMOD_LUM_MOD, 75000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x333F4F, "override bg2 -> dk2, lumMod");
	/* theme slots themselves never go through the map */
	c = scheme(DML_SLOT_DK1);
	check_rgb(dml_color_resolve(&c, &ctx), 0x010203, "dk1 direct");
	c = scheme(DML_SLOT_ACCENT6);
	check_rgb(dml_color_resolve(&c, &ctx), 0x70AD47, "accent6 direct");
	c = scheme(DML_SLOT_FOLHLINK);
	check_rgb(dml_color_resolve(&c, &ctx), 0x954F72, "folHlink");

	/* phClr: the style reference's colour (with its own transforms)
	 * first, then the phClr's transforms */
	ctx = office_ctx();
	ph = scheme(DML_SLOT_ACCENT1);
	add_mod(&ph, DML_CMOD_LUM_MOD, 60000);
	ctx.ph = &ph;
	c = scheme(DML_SLOT_PHCLR);
	add_mod(&c, DML_CMOD_LUM_OFF, 40000);
	check_rgb(dml_color_resolve(&c, &ctx), 0x8FAADC, "phClr accent1 60/40");
	/* accent1 lumMod 60%: #264478 (HSL 218, 52 %, 31 %) */
	c = scheme(DML_SLOT_PHCLR);
	check_rgb(dml_color_resolve(&c, &ctx), 0x264478, "phClr = ref colour");
	/* phClr via the clrMap inside the reference colour */
	ph = scheme(DML_SLOT_TX1);
	check_rgb(dml_color_resolve(&c, &ctx), 0x010203, "phClr -> tx1 -> dk1");
	/* without a reference, or a reference that is itself phClr: black,
	 * and no endless recursion */
	ctx.ph = NULL;
	check_rgb(dml_color_resolve(&c, &ctx), 0x000000, "phClr, no ref");
	ph = scheme(DML_SLOT_PHCLR);
	ctx.ph = &ph;
	check_rgb(dml_color_resolve(&c, &ctx), 0x000000, "phClr -> phClr");

	/* RGB ignores the context; NONE and NULL are opaque black */
	c = dml_color_rgb(0x123456);
	check_rgb(dml_color_resolve(&c, NULL), 0x123456, "rgb without ctx");
	memset(&c, 0, sizeof c);
	check_rgb(dml_color_resolve(&c, &ctx), 0x000000, "none");
	CHECK_NEAR(dml_color_resolve(NULL, &ctx).a, 1.0, 1e-12);
}

static void
test_names(void)
{
	uint32_t rgb = 0xDEAD;

	CHECK_INT(dml_preset_color("dkBlue", &rgb), 1);
	CHECK_INT(rgb, 0x00008B);
	CHECK_INT(dml_preset_color("ltGray", &rgb), 1);
	CHECK_INT(rgb, 0xD3D3D3);
	CHECK_INT(dml_preset_color("medPurple", &rgb), 1);
	CHECK_INT(rgb, 0x9370DB);
	CHECK_INT(dml_preset_color("ltGoldenrodYellow", &rgb), 1);
	CHECK_INT(rgb, 0xFAFAD2);
	CHECK_INT(dml_preset_color("medSeaGreen", &rgb), 1);
	CHECK_INT(rgb, 0x3CB371);
	CHECK_INT(dml_preset_color("red", &rgb), 1);
	CHECK_INT(rgb, 0xFF0000);
	CHECK_INT(dml_preset_color("cornflowerBlue", &rgb), 1);
	CHECK_INT(rgb, 0x6495ED);
	CHECK_INT(dml_preset_color("aliceBlue", &rgb), 1); /* first entry */
	CHECK_INT(rgb, 0xF0F8FF);
	CHECK_INT(dml_preset_color("yellowGreen", &rgb), 1); /* last entry */
	CHECK_INT(rgb, 0x9ACD32);
	rgb = 0xDEAD;
	CHECK_INT(dml_preset_color("unknown", &rgb), 0);
	CHECK_INT(dml_preset_color("", &rgb), 0);
	CHECK_INT(dml_preset_color(NULL, &rgb), 0);
	CHECK_INT(dml_preset_color("dk", &rgb), 0);
	CHECK_INT(dml_preset_color("redredredredredredredredredredredredredredredredred",
	                           &rgb), 0);
	CHECK_INT(rgb, 0xDEAD);

	CHECK_INT(dml_scheme_slot_from_name("dk1"), DML_SLOT_DK1);
	CHECK_INT(dml_scheme_slot_from_name("lt2"), DML_SLOT_LT2);
	CHECK_INT(dml_scheme_slot_from_name("accent1"), DML_SLOT_ACCENT1);
	CHECK_INT(dml_scheme_slot_from_name("accent6"), DML_SLOT_ACCENT6);
	CHECK_INT(dml_scheme_slot_from_name("hlink"), DML_SLOT_HLINK);
	CHECK_INT(dml_scheme_slot_from_name("folHlink"), DML_SLOT_FOLHLINK);
	CHECK_INT(dml_scheme_slot_from_name("bg1"), DML_SLOT_BG1);
	CHECK_INT(dml_scheme_slot_from_name("tx1"), DML_SLOT_TX1);
	CHECK_INT(dml_scheme_slot_from_name("bg2"), DML_SLOT_BG2);
	CHECK_INT(dml_scheme_slot_from_name("tx2"), DML_SLOT_TX2);
	CHECK_INT(dml_scheme_slot_from_name("phClr"), DML_SLOT_PHCLR);
	CHECK_INT(dml_scheme_slot_from_name("Accent1"), -1);
	CHECK_INT(dml_scheme_slot_from_name("accent7"), -1);
	CHECK_INT(dml_scheme_slot_from_name(""), -1);
	CHECK_INT(dml_scheme_slot_from_name(NULL), -1);
}

static void
test_hsl(void)
{
	static const uint32_t colours[] = {
		0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x70AD47, 0x954F72,
		0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x010203,
		0xFF00FF, 0x123456 };
	double h, s, l, r, g, b;
	int ok = 1;

	for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++) {
		double r0 = ((colours[i] >> 16) & 255) / 255.0;
		double g0 = ((colours[i] >> 8) & 255) / 255.0;
		double b0 = (colours[i] & 255) / 255.0;
		dml_rgb_to_hsl(r0, g0, b0, &h, &s, &l);
		if (h < 0 || h >= 1 || s < 0 || s > 1 || l < 0 || l > 1)
			ok = 0;
		dml_hsl_to_rgb(h, s, l, &r, &g, &b);
		if (fabs(r - r0) > 1e-9 || fabs(g - g0) > 1e-9 || fabs(b - b0) > 1e-9) {
			fprintf(stderr, "  HSL round trip of #%06X failed\n",
			        (unsigned) colours[i]);
			ok = 0;
		}
	}
	CHECK(ok);
	/* known values */
	dml_rgb_to_hsl(1, 0, 0, &h, &s, &l);
	CHECK_NEAR(h, 0, 1e-12);
	CHECK_NEAR(s, 1, 1e-12);
	CHECK_NEAR(l, 0.5, 1e-12);
	dml_rgb_to_hsl(0, 0, 1, &h, &s, &l);
	CHECK_NEAR(h, 2.0 / 3, 1e-12);
	dml_rgb_to_hsl(0.5, 0.5, 0.5, &h, &s, &l);
	CHECK_NEAR(s, 0, 1e-12);
	CHECK_NEAR(l, 0.5, 1e-12);
	/* #4472C4 is about 218 degrees, 52 % saturation, 52 % lightness */
	dml_rgb_to_hsl(0x44 / 255.0, 0x72 / 255.0, 0xC4 / 255.0, &h, &s, &l);
	CHECK_NEAR(h * 360, 218.4, 0.1);
	CHECK_NEAR(s, 0.520, 0.001);
	CHECK_NEAR(l, 0.518, 0.001);
	dml_hsl_to_rgb(1.0 / 3, 1, 0.25, &r, &g, &b);
	CHECK_NEAR(r, 0, 1e-12);
	CHECK_NEAR(g, 0.5, 1e-12);
	CHECK_NEAR(b, 0, 1e-12);
}

int
main(void)
{
	test_powerpoint_values();
	test_other_mods();
	test_clr_map();
	test_names();
	test_hsl();
	return TT_DONE();
}
