/*
 * Colour resolution: scheme slot -> clrMap -> theme RGB, then the
 * transforms of ECMA-376 §20.1.2.3 in document order. lumMod/lumOff and
 * sat/hue act in HSL; tint and shade act in linear light (PowerPoint's
 * behaviour: accent1 #4472C4 with shade 50% gives #2F528F).
 */
#include "model/dml-color.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

static const char *const slot_names[DML_SLOT_COUNT] = {
	"dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
	"accent5", "accent6", "hlink", "folHlink", "bg1", "tx1", "bg2", "tx2",
	"phClr",
};

int
dml_scheme_slot_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < DML_SLOT_COUNT; i++)
		if (strcmp(name, slot_names[i]) == 0)
			return i;
	return -1;
}

/* The named colours of §20.1.10.48 are the CSS/X11 set; names there use
 * dk/lt/med prefixes as well as dark/light/medium. Sorted for bsearch. */
static const struct { const char *name; uint32_t rgb; } preset_colors[] = {
	{ "aliceblue", 0xF0F8FF }, { "antiquewhite", 0xFAEBD7 },
	{ "aqua", 0x00FFFF }, { "aquamarine", 0x7FFFD4 }, { "azure", 0xF0FFFF },
	{ "beige", 0xF5F5DC }, { "bisque", 0xFFE4C4 }, { "black", 0x000000 },
	{ "blanchedalmond", 0xFFEBCD }, { "blue", 0x0000FF },
	{ "blueviolet", 0x8A2BE2 }, { "brown", 0xA52A2A },
	{ "burlywood", 0xDEB887 }, { "cadetblue", 0x5F9EA0 },
	{ "chartreuse", 0x7FFF00 }, { "chocolate", 0xD2691E },
	{ "coral", 0xFF7F50 }, { "cornflowerblue", 0x6495ED },
	{ "cornsilk", 0xFFF8DC }, { "crimson", 0xDC143C }, { "cyan", 0x00FFFF },
	{ "darkblue", 0x00008B }, { "darkcyan", 0x008B8B },
	{ "darkgoldenrod", 0xB8860B }, { "darkgray", 0xA9A9A9 },
	{ "darkgreen", 0x006400 }, { "darkgrey", 0xA9A9A9 },
	{ "darkkhaki", 0xBDB76B }, { "darkmagenta", 0x8B008B },
	{ "darkolivegreen", 0x556B2F }, { "darkorange", 0xFF8C00 },
	{ "darkorchid", 0x9932CC }, { "darkred", 0x8B0000 },
	{ "darksalmon", 0xE9967A }, { "darkseagreen", 0x8FBC8F },
	{ "darkslateblue", 0x483D8B }, { "darkslategray", 0x2F4F4F },
	{ "darkslategrey", 0x2F4F4F }, { "darkturquoise", 0x00CED1 },
	{ "darkviolet", 0x9400D3 }, { "deeppink", 0xFF1493 },
	{ "deepskyblue", 0x00BFFF }, { "dimgray", 0x696969 },
	{ "dimgrey", 0x696969 }, { "dodgerblue", 0x1E90FF },
	{ "firebrick", 0xB22222 }, { "floralwhite", 0xFFFAF0 },
	{ "forestgreen", 0x228B22 }, { "fuchsia", 0xFF00FF },
	{ "gainsboro", 0xDCDCDC }, { "ghostwhite", 0xF8F8FF },
	{ "gold", 0xFFD700 }, { "goldenrod", 0xDAA520 }, { "gray", 0x808080 },
	{ "green", 0x008000 }, { "greenyellow", 0xADFF2F }, { "grey", 0x808080 },
	{ "honeydew", 0xF0FFF0 }, { "hotpink", 0xFF69B4 },
	{ "indianred", 0xCD5C5C }, { "indigo", 0x4B0082 }, { "ivory", 0xFFFFF0 },
	{ "khaki", 0xF0E68C }, { "lavender", 0xE6E6FA },
	{ "lavenderblush", 0xFFF0F5 }, { "lawngreen", 0x7CFC00 },
	{ "lemonchiffon", 0xFFFACD }, { "lightblue", 0xADD8E6 },
	{ "lightcoral", 0xF08080 }, { "lightcyan", 0xE0FFFF },
	{ "lightgoldenrodyellow", 0xFAFAD2 }, { "lightgray", 0xD3D3D3 },
	{ "lightgreen", 0x90EE90 }, { "lightgrey", 0xD3D3D3 },
	{ "lightpink", 0xFFB6C1 }, { "lightsalmon", 0xFFA07A },
	{ "lightseagreen", 0x20B2AA }, { "lightskyblue", 0x87CEFA },
	{ "lightslategray", 0x778899 }, { "lightslategrey", 0x778899 },
	{ "lightsteelblue", 0xB0C4DE }, { "lightyellow", 0xFFFFE0 },
	{ "lime", 0x00FF00 }, { "limegreen", 0x32CD32 }, { "linen", 0xFAF0E6 },
	{ "magenta", 0xFF00FF }, { "maroon", 0x800000 },
	{ "mediumaquamarine", 0x66CDAA }, { "mediumblue", 0x0000CD },
	{ "mediumorchid", 0xBA55D3 }, { "mediumpurple", 0x9370DB },
	{ "mediumseagreen", 0x3CB371 }, { "mediumslateblue", 0x7B68EE },
	{ "mediumspringgreen", 0x00FA9A }, { "mediumturquoise", 0x48D1CC },
	{ "mediumvioletred", 0xC71585 }, { "midnightblue", 0x191970 },
	{ "mintcream", 0xF5FFFA }, { "mistyrose", 0xFFE4E1 },
	{ "moccasin", 0xFFE4B5 }, { "navajowhite", 0xFFDEAD },
	{ "navy", 0x000080 }, { "oldlace", 0xFDF5E6 }, { "olive", 0x808000 },
	{ "olivedrab", 0x6B8E23 }, { "orange", 0xFFA500 },
	{ "orangered", 0xFF4500 }, { "orchid", 0xDA70D6 },
	{ "palegoldenrod", 0xEEE8AA }, { "palegreen", 0x98FB98 },
	{ "paleturquoise", 0xAFEEEE }, { "palevioletred", 0xDB7093 },
	{ "papayawhip", 0xFFEFD5 }, { "peachpuff", 0xFFDAB9 },
	{ "peru", 0xCD853F }, { "pink", 0xFFC0CB }, { "plum", 0xDDA0DD },
	{ "powderblue", 0xB0E0E6 }, { "purple", 0x800080 }, { "red", 0xFF0000 },
	{ "rosybrown", 0xBC8F8F }, { "royalblue", 0x4169E1 },
	{ "saddlebrown", 0x8B4513 }, { "salmon", 0xFA8072 },
	{ "sandybrown", 0xF4A460 }, { "seagreen", 0x2E8B57 },
	{ "seashell", 0xFFF5EE }, { "sienna", 0xA0522D }, { "silver", 0xC0C0C0 },
	{ "skyblue", 0x87CEEB }, { "slateblue", 0x6A5ACD },
	{ "slategray", 0x708090 }, { "slategrey", 0x708090 },
	{ "snow", 0xFFFAFA }, { "springgreen", 0x00FF7F },
	{ "steelblue", 0x4682B4 }, { "tan", 0xD2B48C }, { "teal", 0x008080 },
	{ "thistle", 0xD8BFD8 }, { "tomato", 0xFF6347 },
	{ "turquoise", 0x40E0D0 }, { "violet", 0xEE82EE }, { "wheat", 0xF5DEB3 },
	{ "white", 0xFFFFFF }, { "whitesmoke", 0xF5F5F5 }, { "yellow", 0xFFFF00 },
	{ "yellowgreen", 0x9ACD32 },
};

int
dml_preset_color(const char *name, uint32_t *rgb)
{
	char key[48];
	size_t k = 0, lo = 0, hi = sizeof preset_colors / sizeof preset_colors[0];
	const char *p = name;

	if (!name)
		return 0;
	/* dkBlue -> darkblue, ltGray -> lightgray, medPurple -> mediumpurple */
	if (strncmp(p, "dk", 2) == 0 && isupper((unsigned char) p[2])) {
		memcpy(key, "dark", 4); k = 4; p += 2;
	}
	else if (strncmp(p, "lt", 2) == 0 && isupper((unsigned char) p[2])) {
		memcpy(key, "light", 5); k = 5; p += 2;
	}
	else if (strncmp(p, "med", 3) == 0 && isupper((unsigned char) p[3])) {
		memcpy(key, "medium", 6); k = 6; p += 3;
	}
	for (; *p && k < sizeof key - 1; p++)
		key[k++] = (char) tolower((unsigned char) *p);
	key[k] = 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(key, preset_colors[mid].name);
		if (c == 0) {
			*rgb = preset_colors[mid].rgb;
			return 1;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

void
dml_rgb_to_hsl(double r, double g, double b, double *h, double *s, double *l)
{
	double mx = fmax(r, fmax(g, b)), mn = fmin(r, fmin(g, b));
	double d = mx - mn;

	*l = (mx + mn) / 2;
	if (d <= 0) {
		*h = 0;
		*s = 0;
		return;
	}
	*s = *l > 0.5 ? d / (2 - mx - mn) : d / (mx + mn);
	if (mx == r)
		*h = (g - b) / d + (g < b ? 6 : 0);
	else if (mx == g)
		*h = (b - r) / d + 2;
	else
		*h = (r - g) / d + 4;
	*h /= 6;
}

static double
hue_to_channel(double p, double q, double t)
{
	if (t < 0)
		t += 1;
	if (t > 1)
		t -= 1;
	if (t < 1.0 / 6)
		return p + (q - p) * 6 * t;
	if (t < 0.5)
		return q;
	if (t < 2.0 / 3)
		return p + (q - p) * (2.0 / 3 - t) * 6;
	return p;
}

void
dml_hsl_to_rgb(double h, double s, double l, double *r, double *g, double *b)
{
	double q, p;

	if (s <= 0) {
		*r = *g = *b = l;
		return;
	}
	q = l < 0.5 ? l * (1 + s) : l + s - l * s;
	p = 2 * l - q;
	*r = hue_to_channel(p, q, h + 1.0 / 3);
	*g = hue_to_channel(p, q, h);
	*b = hue_to_channel(p, q, h - 1.0 / 3);
}

static double
clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

static double
to_linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
to_srgb(double c)
{
	c = clamp01(c);
	return c <= 0.0031308 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055;
}

/* Apply one HSL-space modification to the colour. */
static void
hsl_mod(dml_rgba *c, int op, double v)
{
	double h, s, l;

	dml_rgb_to_hsl(c->r, c->g, c->b, &h, &s, &l);
	switch (op) {
	case DML_CMOD_LUM: l = v; break;
	case DML_CMOD_LUM_MOD: l *= v; break;
	case DML_CMOD_LUM_OFF: l += v; break;
	case DML_CMOD_SAT: s = v; break;
	case DML_CMOD_SAT_MOD: s *= v; break;
	case DML_CMOD_SAT_OFF: s += v; break;
	case DML_CMOD_HUE: h = v; break;
	case DML_CMOD_HUE_MOD: h *= v; break;
	case DML_CMOD_HUE_OFF: h += v; break;
	case DML_CMOD_COMP: h += 0.5; break;
	}
	h = fmod(h, 1.0);
	if (h < 0)
		h += 1;
	dml_hsl_to_rgb(h, clamp01(s), clamp01(l), &c->r, &c->g, &c->b);
}

/* Apply one linear-light modification to the colour. */
static void
linear_mod(dml_rgba *c, int op, double v)
{
	double ch[3] = { to_linear(c->r), to_linear(c->g), to_linear(c->b) };

	for (int i = 0; i < 3; i++) {
		if (op == DML_CMOD_SHADE)
			ch[i] *= v;
		else if (op == DML_CMOD_TINT)
			ch[i] = ch[i] * v + (1 - v);
	}
	switch (op) {
	case DML_CMOD_RED: ch[0] = v; break;
	case DML_CMOD_RED_MOD: ch[0] *= v; break;
	case DML_CMOD_RED_OFF: ch[0] += v; break;
	case DML_CMOD_GREEN: ch[1] = v; break;
	case DML_CMOD_GREEN_MOD: ch[1] *= v; break;
	case DML_CMOD_GREEN_OFF: ch[1] += v; break;
	case DML_CMOD_BLUE: ch[2] = v; break;
	case DML_CMOD_BLUE_MOD: ch[2] *= v; break;
	case DML_CMOD_BLUE_OFF: ch[2] += v; break;
	}
	c->r = to_srgb(ch[0]);
	c->g = to_srgb(ch[1]);
	c->b = to_srgb(ch[2]);
}

dml_rgba
dml_color_apply_mods(dml_rgba c, const dml_color_mod *mods, int n)
{
	for (int i = 0; i < n; i++) {
		int op = mods[i].op;
		/* percentages are in 1/1000 %; hue angles in 1/60000 degree */
		double v = mods[i].val / 100000.0;
		double gray;

		switch (op) {
		case DML_CMOD_ALPHA: c.a = v; break;
		case DML_CMOD_ALPHA_MOD: c.a *= v; break;
		case DML_CMOD_ALPHA_OFF: c.a += v; break;
		case DML_CMOD_HUE:
		case DML_CMOD_HUE_OFF:
			hsl_mod(&c, op, mods[i].val / 60000.0 / 360.0);
			break;
		case DML_CMOD_LUM: case DML_CMOD_LUM_MOD: case DML_CMOD_LUM_OFF:
		case DML_CMOD_SAT: case DML_CMOD_SAT_MOD: case DML_CMOD_SAT_OFF:
		case DML_CMOD_HUE_MOD: case DML_CMOD_COMP:
			hsl_mod(&c, op, v);
			break;
		case DML_CMOD_INV:
			c.r = 1 - c.r; c.g = 1 - c.g; c.b = 1 - c.b;
			break;
		case DML_CMOD_GRAY:
			gray = 0.3 * c.r + 0.59 * c.g + 0.11 * c.b;
			c.r = c.g = c.b = gray;
			break;
		case DML_CMOD_GAMMA:
			c.r = pow(c.r, 1 / 2.3); c.g = pow(c.g, 1 / 2.3);
			c.b = pow(c.b, 1 / 2.3);
			break;
		case DML_CMOD_INV_GAMMA:
			c.r = pow(c.r, 2.3); c.g = pow(c.g, 2.3); c.b = pow(c.b, 2.3);
			break;
		default:
			linear_mod(&c, op, v);
			break;
		}
		c.r = clamp01(c.r); c.g = clamp01(c.g); c.b = clamp01(c.b);
		c.a = clamp01(c.a);
	}
	return c;
}

static dml_rgba
rgba_from_u32(uint32_t rgb)
{
	dml_rgba c = { ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
	               (rgb & 255) / 255.0, 1.0 };
	return c;
}

dml_rgba
dml_color_resolve(const dml_color *c, const dml_color_ctx *ctx)
{
	dml_rgba base = { 0, 0, 0, 1 };
	int slot;

	if (!c || c->kind == DML_COLOR_NONE)
		return base;
	if (c->kind == DML_COLOR_RGB)
		base = rgba_from_u32(c->rgb);
	else {
		slot = c->slot;
		if (slot == DML_SLOT_PHCLR) {
			/* phClr is the style reference's colour; its own transforms
			 * come first, then ours */
			if (ctx && ctx->ph && ctx->ph->slot != DML_SLOT_PHCLR) {
				dml_color_ctx inner = *ctx;
				inner.ph = NULL;
				base = dml_color_resolve(ctx->ph, &inner);
			}
			return dml_color_apply_mods(base, c->mods, c->n_mods);
		}
		if (slot >= DML_SLOT_BG1 && slot <= DML_SLOT_TX2 && ctx)
			slot = ctx->map[slot - DML_SLOT_BG1];
		if (slot < DML_SLOT_THEME_COUNT && ctx)
			base = rgba_from_u32(ctx->scheme[slot]);
	}
	return dml_color_apply_mods(base, c->mods, c->n_mods);
}
