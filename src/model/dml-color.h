/*
 * DrawingML colours (ECMA-376 §20.1.2.3): the unresolved model colour
 * (an RGB value or a scheme slot, plus transforms in document order) and
 * the maths that resolves it against a colour scheme and clrMap.
 * sysClr, prstClr, hslClr and scrgbClr are turned into RGB by the loader.
 */
#ifndef S2P_MODEL_DML_COLOR_H
#define S2P_MODEL_DML_COLOR_H

#include <stdint.h>

enum dml_color_kind { DML_COLOR_NONE, DML_COLOR_RGB, DML_COLOR_SCHEME };

/* Scheme slots as written in a:schemeClr@val and clrMap attributes. */
enum dml_scheme_slot {
	DML_SLOT_DK1, DML_SLOT_LT1, DML_SLOT_DK2, DML_SLOT_LT2,
	DML_SLOT_ACCENT1, DML_SLOT_ACCENT2, DML_SLOT_ACCENT3,
	DML_SLOT_ACCENT4, DML_SLOT_ACCENT5, DML_SLOT_ACCENT6,
	DML_SLOT_HLINK, DML_SLOT_FOLHLINK,
	DML_SLOT_THEME_COUNT, /* the 12 slots a theme defines */
	/* logical names that go through the clrMap */
	DML_SLOT_BG1 = DML_SLOT_THEME_COUNT, DML_SLOT_TX1, DML_SLOT_BG2, DML_SLOT_TX2,
	DML_SLOT_PHCLR, /* the style reference's colour */
	DML_SLOT_COUNT
};

enum dml_color_op {
	DML_CMOD_ALPHA, DML_CMOD_ALPHA_MOD, DML_CMOD_ALPHA_OFF,
	DML_CMOD_LUM, DML_CMOD_LUM_MOD, DML_CMOD_LUM_OFF,
	DML_CMOD_SAT, DML_CMOD_SAT_MOD, DML_CMOD_SAT_OFF,
	DML_CMOD_HUE, DML_CMOD_HUE_MOD, DML_CMOD_HUE_OFF,
	DML_CMOD_TINT, DML_CMOD_SHADE, DML_CMOD_COMP, DML_CMOD_INV,
	DML_CMOD_GRAY, DML_CMOD_GAMMA, DML_CMOD_INV_GAMMA,
	DML_CMOD_RED, DML_CMOD_RED_MOD, DML_CMOD_RED_OFF,
	DML_CMOD_GREEN, DML_CMOD_GREEN_MOD, DML_CMOD_GREEN_OFF,
	DML_CMOD_BLUE, DML_CMOD_BLUE_MOD, DML_CMOD_BLUE_OFF
};

enum { DML_COLOR_MAX_MODS = 12 };

typedef struct dml_color_mod {
	uint8_t op;      /* enum dml_color_op */
	int32_t val;     /* 1/1000 % (pct1k) or 1/60000° for hue */
} dml_color_mod;

typedef struct dml_color {
	uint8_t kind;    /* enum dml_color_kind */
	uint8_t slot;    /* enum dml_scheme_slot when kind == SCHEME */
	uint8_t n_mods;
	uint32_t rgb;    /* 0xRRGGBB when kind == RGB */
	dml_color_mod mods[DML_COLOR_MAX_MODS];
} dml_color;

/* A resolved colour, channels in 0..1 (sRGB, not premultiplied). */
typedef struct dml_rgba {
	double r, g, b, a;
} dml_rgba;

/* What a scheme colour resolves against: theme slots + clrMap (+ phClr). */
typedef struct dml_color_ctx {
	uint32_t scheme[DML_SLOT_THEME_COUNT];  /* theme colours, 0xRRGGBB */
	uint8_t map[4];       /* bg1, tx1, bg2, tx2 -> theme slot (clrMap) */
	const dml_color *ph;  /* phClr, or NULL */
} dml_color_ctx;

/* Parse a slot name ("accent1", "tx1", "phClr"...). -1 if unknown. */
int dml_scheme_slot_from_name(const char *name);

/* Look up a named preset colour (a:prstClr, §20.1.10.48). 0 if unknown. */
int dml_preset_color(const char *name, uint32_t *rgb);

/* Resolve @c through @ctx and apply its transforms in document order. */
dml_rgba dml_color_resolve(const dml_color *c, const dml_color_ctx *ctx);

/* Apply transforms to an already-resolved colour. */
dml_rgba dml_color_apply_mods(dml_rgba in, const dml_color_mod *mods, int n);

/* HSL <-> RGB (all channels 0..1, hue 0..1). */
void dml_rgb_to_hsl(double r, double g, double b, double *h, double *s, double *l);
void dml_hsl_to_rgb(double h, double s, double l, double *r, double *g, double *b);

static inline dml_color
dml_color_rgb(uint32_t rgb)
{
	dml_color c = { DML_COLOR_RGB, 0, 0, rgb, { { 0, 0 } } };
	return c;
}

#endif
