/*
 * Parsing DrawingML properties into the model: colours with their
 * transforms, fills, lines, transforms, style references and text bodies
 * (bodyPr, lstStyle, paragraphs and runs). Unknown or invalid values fall
 * back to "unset" so inheritance decides, and never abort the slide.
 */
#include "load/load-imp.h"
#include "load/load-geom.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; uint8_t op; } color_ops[] = {
	{ "alpha", DML_CMOD_ALPHA }, { "alphaMod", DML_CMOD_ALPHA_MOD },
	{ "alphaOff", DML_CMOD_ALPHA_OFF }, { "lum", DML_CMOD_LUM },
	{ "lumMod", DML_CMOD_LUM_MOD }, { "lumOff", DML_CMOD_LUM_OFF },
	{ "sat", DML_CMOD_SAT }, { "satMod", DML_CMOD_SAT_MOD },
	{ "satOff", DML_CMOD_SAT_OFF }, { "hue", DML_CMOD_HUE },
	{ "hueMod", DML_CMOD_HUE_MOD }, { "hueOff", DML_CMOD_HUE_OFF },
	{ "tint", DML_CMOD_TINT }, { "shade", DML_CMOD_SHADE },
	{ "comp", DML_CMOD_COMP }, { "inv", DML_CMOD_INV },
	{ "gray", DML_CMOD_GRAY }, { "gamma", DML_CMOD_GAMMA },
	{ "invGamma", DML_CMOD_INV_GAMMA }, { "red", DML_CMOD_RED },
	{ "redMod", DML_CMOD_RED_MOD }, { "redOff", DML_CMOD_RED_OFF },
	{ "green", DML_CMOD_GREEN }, { "greenMod", DML_CMOD_GREEN_MOD },
	{ "greenOff", DML_CMOD_GREEN_OFF }, { "blue", DML_CMOD_BLUE },
	{ "blueMod", DML_CMOD_BLUE_MOD }, { "blueOff", DML_CMOD_BLUE_OFF },
};

static int
parse_hex_rgb(const char *s, uint32_t *out)
{
	uint32_t v = 0;

	if (!s || strlen(s) != 6)
		return 0;
	for (int i = 0; i < 6; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (uint32_t) (c - '0');
		else if (c >= 'a' && c <= 'f') v |= (uint32_t) (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (uint32_t) (c - 'A' + 10);
		else return 0;
	}
	*out = v;
	return 1;
}

static uint32_t
pack_rgb(double r, double g, double b)
{
	int ir = (int) (r * 255 + 0.5), ig = (int) (g * 255 + 0.5),
	    ib = (int) (b * 255 + 0.5);
	ir = ir < 0 ? 0 : ir > 255 ? 255 : ir;
	ig = ig < 0 ? 0 : ig > 255 ? 255 : ig;
	ib = ib < 0 ? 0 : ib > 255 ? 255 : ib;
	return (uint32_t) (ir << 16 | ig << 8 | ib);
}

static double
lin_to_srgb(double c)
{
	c = c < 0 ? 0 : c > 1 ? 1 : c;
	return c <= 0.0031308 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055;
}

/* One colour element (srgbClr, schemeClr, ...), §20.1.2.3. */
void
load_color_elem(load_part *lp, const xmlNode *el, dml_color *out)
{
	const char *name = (const char *) el->name;
	int32_t a = 0, b = 0, c = 0;
	int slot;

	memset(out, 0, sizeof *out);
	if (!strcmp(name, "srgbClr")) {
		if (parse_hex_rgb(sxml_attr(el, "val"), &out->rgb))
			out->kind = DML_COLOR_RGB;
	}
	else if (!strcmp(name, "schemeClr")) {
		slot = dml_scheme_slot_from_name(sxml_attr(el, "val"));
		if (slot >= 0) {
			out->kind = DML_COLOR_SCHEME;
			out->slot = (uint8_t) slot;
		}
	}
	else if (!strcmp(name, "sysClr")) {
		/* lastClr is what the system colour was when saved */
		if (parse_hex_rgb(sxml_attr(el, "lastClr"), &out->rgb))
			out->kind = DML_COLOR_RGB;
		else if (s2p_str_eq(sxml_attr(el, "val"), "window")) {
			out->kind = DML_COLOR_RGB;
			out->rgb = 0xFFFFFF;
		}
		else {
			out->kind = DML_COLOR_RGB;
			out->rgb = 0x000000;
		}
	}
	else if (!strcmp(name, "prstClr")) {
		if (dml_preset_color(sxml_attr(el, "val"), &out->rgb))
			out->kind = DML_COLOR_RGB;
		else if (lp)
			pml_diag_add(lp->diags, lp->part, "unknown preset colour '%s'",
			             sxml_attr(el, "val") ? sxml_attr(el, "val") : "");
	}
	else if (!strcmp(name, "hslClr")) {
		double r, g, bl;
		sxml_attr_i32(el, "hue", &a);
		sxml_attr_pct(el, "sat", &b);
		sxml_attr_pct(el, "lum", &c);
		dml_hsl_to_rgb(fmod(a / 60000.0 / 360.0, 1.0), b / 100000.0,
		               c / 100000.0, &r, &g, &bl);
		out->kind = DML_COLOR_RGB;
		out->rgb = pack_rgb(r, g, bl);
	}
	else if (!strcmp(name, "scrgbClr")) {
		/* scRGB components are linear */
		sxml_attr_pct(el, "r", &a);
		sxml_attr_pct(el, "g", &b);
		sxml_attr_pct(el, "b", &c);
		out->kind = DML_COLOR_RGB;
		out->rgb = pack_rgb(lin_to_srgb(a / 100000.0), lin_to_srgb(b / 100000.0),
		                    lin_to_srgb(c / 100000.0));
	}
	else
		return;
	SXML_EACH(m, el) {
		for (size_t i = 0; i < S2P_ARRAY_LEN(color_ops); i++) {
			int32_t v = 0;
			if (strcmp((const char *) m->name, color_ops[i].name))
				continue;
			if (out->n_mods == DML_COLOR_MAX_MODS)
				break;
			if (sxml_attr_pct(m, "val", &v) < 0)
				break;
			out->mods[out->n_mods].op = color_ops[i].op;
			out->mods[out->n_mods++].val = v;
			break;
		}
	}
}

static int
is_color(const xmlNode *n)
{
	static const char *const names[] = { "srgbClr", "schemeClr", "sysClr",
		"prstClr", "hslClr", "scrgbClr" };
	for (size_t i = 0; i < S2P_ARRAY_LEN(names); i++)
		if (sxml_is(n, names[i]))
			return 1;
	return 0;
}

/* The colour child of @parent; returns 1 if one was found. */
int
load_color(load_part *lp, const xmlNode *parent, dml_color *out)
{
	memset(out, 0, sizeof *out);
	SXML_EACH(c, parent)
		if (is_color(c)) {
			load_color_elem(lp, c, out);
			return out->kind != DML_COLOR_NONE;
		}
	return 0;
}

int
load_is_fill(const xmlNode *n)
{
	static const char *const names[] = { "noFill", "solidFill", "gradFill",
		"blipFill", "pattFill", "grpFill" };
	for (size_t i = 0; i < S2P_ARRAY_LEN(names); i++)
		if (sxml_is(n, names[i]))
			return 1;
	return 0;
}

static void
load_rect_pct(const xmlNode *n, dml_rect_pct *r)
{
	memset(r, 0, sizeof *r);
	if (!n)
		return;
	sxml_attr_pct(n, "l", &r->l);
	sxml_attr_pct(n, "t", &r->t);
	sxml_attr_pct(n, "r", &r->r);
	sxml_attr_pct(n, "b", &r->b);
}

static int
stop_cmp(const void *a, const void *b)
{
	const dml_grad_stop *x = a, *y = b;
	return (x->pos_pct1k > y->pos_pct1k) - (x->pos_pct1k < y->pos_pct1k);
}

enum { MAX_GRAD_STOPS = 64 };

static int
load_grad(load_part *lp, const xmlNode *el, dml_fill *out)
{
	xmlNode *gs_lst = sxml_child(el, "gsLst"), *lin, *path;
	uint32_t n = 0;

	SXML_EACH(gs, gs_lst)
		if (sxml_is(gs, "gs") && n < MAX_GRAD_STOPS)
			n++;
	out->kind = DML_FILL_GRAD;
	out->rot_with_shape = (uint8_t) sxml_attr_bool(el, "rotWithShape", 1);
	{
		/* gradFill@flip: how the tile rectangle is mirrored when tiled */
		const char *flip = sxml_attr(el, "flip");
		out->tile_flip = (uint8_t) ((s2p_str_eq(flip, "x") || s2p_str_eq(flip, "xy")) |
		                 (s2p_str_eq(flip, "y") || s2p_str_eq(flip, "xy")) << 1);
	}
	if (n) {
		out->stops = s2p_arena_alloc_array(lp->arena, n, sizeof *out->stops);
		if (!out->stops)
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	}
	SXML_EACH(gs, gs_lst) {
		dml_grad_stop *s;
		if (!sxml_is(gs, "gs") || out->n_stops == n)
			continue;
		s = &out->stops[out->n_stops++];
		sxml_attr_pct(gs, "pos", &s->pos_pct1k);
		load_color(lp, gs, &s->color);
	}
	/* stops may be stored out of order; keep document order for ties */
	if (out->n_stops > 1)
		qsort(out->stops, out->n_stops, sizeof *out->stops, stop_cmp);
	lin = sxml_child(el, "lin");
	path = sxml_child(el, "path");
	if (path) {
		const char *p = sxml_attr(path, "path");
		out->grad_path = s2p_str_eq(p, "circle") ? DML_GRAD_CIRCLE :
		                 s2p_str_eq(p, "rect") ? DML_GRAD_RECT : DML_GRAD_SHAPE;
		load_rect_pct(sxml_child(path, "fillToRect"), &out->fill_to);
	}
	else {
		out->grad_path = DML_GRAD_LINEAR;
		if (lin) {
			sxml_attr_i32(lin, "ang", &out->lin_ang_60k);
			out->lin_scaled = (uint8_t) sxml_attr_bool(lin, "scaled", 0);
		}
	}
	load_rect_pct(sxml_child(el, "tileRect"), &out->tile_rect);
	return 0;
}

int
load_media(load_part *lp, const char *rid, int external, dml_media *out)
{
	const opc_rel *rel = opc_rels_find(lp->rels, rid);
	int found = 0;
	s2p_blob *blob;
	s2p_error e;

	memset(out, 0, sizeof *out);
	if (!rel) {
		pml_diag_add(lp->diags, lp->part, "picture relationship '%s' not found",
		             rid ? rid : "");
		return 0;
	}
	if (rel->external || external) {
		pml_diag_add(lp->diags, lp->part, "linked (external) picture %s is "
		             "not fetched; left empty", rel->target);
		return 0;
	}
	if (rel->invalid) {
		pml_diag_add(lp->diags, lp->part, "picture target '%s' points outside "
		             "the package; ignored", rel->target);
		return 0;
	}
	out->part = s2p_arena_strdup(lp->arena, rel->target);
	s2p_error_clear(&e);
	blob = load_cache_get(&lp->ctx->media, rel->target, &e, &found);
	if (!found) {
		if (opc_package_read(lp->ctx->pkg, rel->target, &blob, &e))
			blob = NULL;
		if (load_cache_put(&lp->ctx->media, rel->target, blob, blob ? NULL : &e)) {
			s2p_blob_unref(blob);
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
		}
	}
	if (!blob) {
		pml_diag_add(lp->diags, lp->part, "picture %s cannot be read: %s",
		             rel->target, e.msg);
		return 0;
	}
	out->blob = s2p_blob_ref(blob);
	return 0;
}

static uint8_t rect_algn(const char *s, uint8_t dflt);

/* The @n-th (0-based) colour child of @el; 0 if there is none. */
static int
load_nth_color(load_part *lp, const xmlNode *el, int n, dml_color *out)
{
	memset(out, 0, sizeof *out);
	SXML_EACH(c, el)
		if (is_color(c) && n-- == 0) {
			load_color_elem(lp, c, out);
			return out->kind != DML_COLOR_NONE;
		}
	return 0;
}

/* One recolour effect child of a:blip into @fx; 0 if it is not one we
 * draw (the caller reports it). */
static int
load_blip_effect(load_part *lp, const xmlNode *e, dml_blip_fx *fx)
{
	memset(fx, 0, sizeof *fx);
	if (sxml_is(e, "grayscl"))
		fx->kind = DML_BLIP_GRAYSCL;
	else if (sxml_is(e, "duotone")) {
		fx->kind = DML_BLIP_DUOTONE;
		if (!load_nth_color(lp, e, 0, &fx->c1) || !load_nth_color(lp, e, 1, &fx->c2))
			return 0;
	}
	else if (sxml_is(e, "biLevel")) {
		fx->kind = DML_BLIP_BILEVEL;
		fx->a = 50000;
		sxml_attr_pct(e, "thresh", &fx->a);
	}
	else if (sxml_is(e, "clrChange")) {
		fx->kind = DML_BLIP_CLR_CHANGE;
		fx->use_alpha = (uint8_t) sxml_attr_bool(e, "useA", 1);
		if (!load_color(lp, sxml_child(e, "clrFrom"), &fx->c1) ||
		    !load_color(lp, sxml_child(e, "clrTo"), &fx->c2))
			return 0;
	}
	else if (sxml_is(e, "lum")) {
		fx->kind = DML_BLIP_LUM;
		sxml_attr_pct(e, "bright", &fx->a);
		sxml_attr_pct(e, "contrast", &fx->b);
		if (fx->a == 0 && fx->b == 0)
			return -1; /* no change: nothing to do, nothing to report */
	}
	else
		return 0;
	return 1;
}

/* The a:blip's children: alphaModFix, recolour effects (kept in document
 * order, in the arena), the asvg:svgBlip extension. */
static int
load_blip(load_part *lp, const xmlNode *blip, dml_fill *out)
{
	uint32_t n = 0;
	const char *rid;

	SXML_EACH(e, blip)
		n++;
	if (n > 255)
		n = 255;
	if (n) {
		out->fx = s2p_arena_alloc_array(lp->arena, n, sizeof *out->fx);
		if (!out->fx)
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	}
	SXML_EACH(e, blip) {
		int r;
		if (sxml_is(e, "alphaModFix")) {
			sxml_attr_pct(e, "amt", &out->alpha_pct1k);
			continue;
		}
		if (sxml_is(e, "extLst")) {
			/* Office 2016 SVG pictures: the a:blip is their PNG
			 * fallback. (a14:imgProps artistic effects need nothing:
			 * PowerPoint saves the picture with them applied and keeps
			 * the original in a14:imgLayer.) */
			SXML_EACH(x, e) {
				const xmlNode *svg = sxml_child(x, "svgBlip");
				if (!svg || !s2p_str_eq(sxml_attr(x, "uri"),
				                        "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"))
					continue;
				if ((rid = sxml_attr_rel(svg, "embed")) != NULL) {
					int rc = load_media(lp, rid, 0, &out->svg);
					if (rc)
						return rc;
				}
				else if ((rid = sxml_attr_rel(svg, "link")) != NULL)
					pml_diag_add(lp->diags, lp->part, "linked (external) SVG "
					             "picture is not fetched; its PNG fallback is "
					             "drawn");
			}
			continue;
		}
		if (out->n_fx >= n)
			break;
		r = load_blip_effect(lp, e, &out->fx[out->n_fx]);
		if (r > 0)
			out->n_fx++;
		else if (r == 0)
			pml_diag_add(lp->diags, lp->part, "picture effect a:%s not applied",
			             (const char *) e->name);
	}
	return 0;
}

static int
load_blip_fill(load_part *lp, const xmlNode *el, dml_fill *out)
{
	xmlNode *blip = sxml_child(el, "blip");
	xmlNode *stretch = sxml_child(el, "stretch"), *tile;
	const char *rid;
	int rc;

	out->kind = DML_FILL_BLIP;
	out->alpha_pct1k = 100000;
	load_rect_pct(sxml_child(el, "srcRect"), &out->src_rect);
	if (stretch)
		load_rect_pct(sxml_child(stretch, "fillRect"), &out->stretch);
	if ((tile = sxml_child(el, "tile")) != NULL) {
		const char *flip = sxml_attr(tile, "flip");
		out->tile = 1;
		out->tile_sx = out->tile_sy = 100000;
		sxml_attr_i64(tile, "tx", &out->tile_tx);
		sxml_attr_i64(tile, "ty", &out->tile_ty);
		out->tile_tx = out->tile_tx < -51206400000LL ? -51206400000LL :
		               out->tile_tx > 51206400000LL ? 51206400000LL : out->tile_tx;
		out->tile_ty = out->tile_ty < -51206400000LL ? -51206400000LL :
		               out->tile_ty > 51206400000LL ? 51206400000LL : out->tile_ty;
		sxml_attr_pct(tile, "sx", &out->tile_sx);
		sxml_attr_pct(tile, "sy", &out->tile_sy);
		out->tile_flip = (uint8_t) ((s2p_str_eq(flip, "x") || s2p_str_eq(flip, "xy")) |
		                 (s2p_str_eq(flip, "y") || s2p_str_eq(flip, "xy")) << 1);
		out->tile_algn = rect_algn(sxml_attr(tile, "algn"), DML_RA_TL);
	}
	if (!blip)
		return 0;
	rc = load_blip(lp, blip, out);
	if (rc)
		return rc;
	rid = sxml_attr_rel(blip, "embed");
	if (rid)
		rc = load_media(lp, rid, 0, &out->media);
	else if ((rid = sxml_attr_rel(blip, "link")) != NULL)
		rc = load_media(lp, rid, 1, &out->media);
	else
		rc = 0;
	return rc;
}

int
load_fill_elem(load_part *lp, const xmlNode *el, dml_fill *out)
{
	memset(out, 0, sizeof *out);
	if (sxml_is(el, "noFill"))
		out->kind = DML_FILL_NONE;
	else if (sxml_is(el, "solidFill")) {
		out->kind = DML_FILL_SOLID;
		if (!load_color(lp, el, &out->color))
			out->kind = DML_FILL_NONE; /* solidFill without colour */
	}
	else if (sxml_is(el, "gradFill"))
		return load_grad(lp, el, out);
	else if (sxml_is(el, "blipFill"))
		return load_blip_fill(lp, el, out);
	else if (sxml_is(el, "pattFill")) {
		out->kind = DML_FILL_PATT;
		out->prst = s2p_arena_strdup(lp->arena, sxml_attr(el, "prst"));
		load_color(lp, sxml_child(el, "fgClr"), &out->color);
		load_color(lp, sxml_child(el, "bgClr"), &out->bg);
	}
	else if (sxml_is(el, "grpFill"))
		out->kind = DML_FILL_GRP;
	return 0;
}

/* The fill child of @parent (spPr, bgPr, rPr, ...), if any. */
int
load_fill(load_part *lp, const xmlNode *parent, dml_fill *out)
{
	memset(out, 0, sizeof *out);
	SXML_EACH(c, parent)
		if (load_is_fill(c))
			return load_fill_elem(lp, c, out);
	return 0;
}

static uint8_t
line_end_type(const char *s)
{
	if (s2p_str_eq(s, "triangle")) return DML_END_TRIANGLE;
	if (s2p_str_eq(s, "stealth")) return DML_END_STEALTH;
	if (s2p_str_eq(s, "diamond")) return DML_END_DIAMOND;
	if (s2p_str_eq(s, "oval")) return DML_END_OVAL;
	if (s2p_str_eq(s, "arrow")) return DML_END_ARROW;
	return DML_END_NONE;
}

static uint8_t
line_end_size(const char *s)
{
	return s2p_str_eq(s, "sm") ? 0 : s2p_str_eq(s, "lg") ? 2 : 1;
}

static uint8_t
line_compound(const char *s)
{
	if (s2p_str_eq(s, "sng")) return DML_LN_CMPD_SNG;
	if (s2p_str_eq(s, "dbl")) return DML_LN_CMPD_DBL;
	if (s2p_str_eq(s, "thickThin")) return DML_LN_CMPD_THICK_THIN;
	if (s2p_str_eq(s, "thinThick")) return DML_LN_CMPD_THIN_THICK;
	if (s2p_str_eq(s, "tri")) return DML_LN_CMPD_TRI;
	return DML_LN_CMPD_UNSET;
}

/* a:custDash: a:ds d/sp pairs in 1/1000 % of the line width
 * (§20.1.8.21). Stops past DML_CUST_DASH_MAX are dropped with a note;
 * a pattern with no length at all draws solid. */
static void
load_cust_dash(load_part *lp, const xmlNode *cd, dml_line *out)
{
	int64_t total = 0;
	uint32_t n = 0, dropped = 0;

	SXML_EACH(ds, cd) {
		int32_t d = 0, sp = 0;
		if (!sxml_is(ds, "ds"))
			continue;
		if (n >= DML_CUST_DASH_MAX) {
			dropped++;
			continue;
		}
		if (sxml_attr_pct(ds, "d", &d) != 1 || d < 0)
			d = 0;
		if (sxml_attr_pct(ds, "sp", &sp) != 1 || sp < 0)
			sp = 0;
		out->cust_dash_pct1k[2 * n] = d;
		out->cust_dash_pct1k[2 * n + 1] = sp;
		total += (int64_t) d + sp;
		n++;
	}
	if (dropped)
		pml_diag_add(lp->diags, lp->part, "custom dash: %u stops past the "
		             "first %d ignored", dropped, DML_CUST_DASH_MAX);
	if (n == 0 || total <= 0) {
		out->dash = NULL;
		return;
	}
	out->dash = "custom";
	out->n_cust_dash = (uint8_t) (2 * n);
}

int
load_line(load_part *lp, const xmlNode *ln, dml_line *out)
{
	const char *cap;
	xmlNode *e;
	int rc;

	memset(out, 0, sizeof *out);
	if (!ln)
		return 0;
	if (sxml_attr_i64(ln, "w", &out->w_emu) == 1 && out->w_emu >= 0 &&
	    out->w_emu <= 20116800)
		out->has_w = 1;
	cap = sxml_attr(ln, "cap");
	out->cap = s2p_str_eq(cap, "flat") ? 1 : s2p_str_eq(cap, "rnd") ? 2 :
	           s2p_str_eq(cap, "sq") ? 3 : 0;
	rc = load_fill(lp, ln, &out->fill);
	if (rc)
		return rc;
	if ((e = sxml_child(ln, "prstDash")) != NULL)
		out->dash = s2p_arena_strdup(lp->arena, sxml_attr(e, "val"));
	else if ((e = sxml_child(ln, "custDash")) != NULL)
		load_cust_dash(lp, e, out);
	if (sxml_child(ln, "round"))
		out->join = 1;
	else if (sxml_child(ln, "bevel"))
		out->join = 2;
	else if (sxml_child(ln, "miter"))
		out->join = 3;
	if ((e = sxml_child(ln, "headEnd")) != NULL) {
		out->head = line_end_type(sxml_attr(e, "type"));
		out->head_w = line_end_size(sxml_attr(e, "w"));
		out->head_len = line_end_size(sxml_attr(e, "len"));
	}
	if ((e = sxml_child(ln, "tailEnd")) != NULL) {
		out->tail = line_end_type(sxml_attr(e, "type"));
		out->tail_w = line_end_size(sxml_attr(e, "w"));
		out->tail_len = line_end_size(sxml_attr(e, "len"));
	}
	out->cmpd = line_compound(sxml_attr(ln, "cmpd"));
	out->pen_algn = s2p_str_eq(sxml_attr(ln, "algn"), "in") ? DML_PEN_IN :
	                s2p_str_eq(sxml_attr(ln, "algn"), "ctr") ? DML_PEN_CTR :
	                DML_PEN_UNSET;
	return 0;
}

/* Clamp EMU coordinates to what the format allows (ST_Coordinate). */
static int64_t
clamp_coord(int64_t v)
{
	const int64_t m = 51206400000LL;
	return v < -m ? -m : v > m ? m : v;
}

void
load_xfrm(const xmlNode *xfrm, dml_xfrm *out)
{
	xmlNode *e;

	memset(out, 0, sizeof *out);
	if (!xfrm)
		return;
	out->has = 1;
	sxml_attr_i32(xfrm, "rot", &out->rot_60k);
	out->flip_h = (uint8_t) sxml_attr_bool(xfrm, "flipH", 0);
	out->flip_v = (uint8_t) sxml_attr_bool(xfrm, "flipV", 0);
	if ((e = sxml_child(xfrm, "off")) != NULL) {
		sxml_attr_i64(e, "x", &out->off_x);
		sxml_attr_i64(e, "y", &out->off_y);
	}
	if ((e = sxml_child(xfrm, "ext")) != NULL) {
		sxml_attr_i64(e, "cx", &out->ext_cx);
		sxml_attr_i64(e, "cy", &out->ext_cy);
	}
	if ((e = sxml_child(xfrm, "chOff")) != NULL) {
		sxml_attr_i64(e, "x", &out->ch_off_x);
		sxml_attr_i64(e, "y", &out->ch_off_y);
	}
	if ((e = sxml_child(xfrm, "chExt")) != NULL) {
		sxml_attr_i64(e, "cx", &out->ch_ext_cx);
		sxml_attr_i64(e, "cy", &out->ch_ext_cy);
	}
	out->off_x = clamp_coord(out->off_x);
	out->off_y = clamp_coord(out->off_y);
	out->ext_cx = out->ext_cx < 0 ? 0 : clamp_coord(out->ext_cx);
	out->ext_cy = out->ext_cy < 0 ? 0 : clamp_coord(out->ext_cy);
	out->ch_off_x = clamp_coord(out->ch_off_x);
	out->ch_off_y = clamp_coord(out->ch_off_y);
	out->ch_ext_cx = out->ch_ext_cx < 0 ? 0 : clamp_coord(out->ch_ext_cx);
	out->ch_ext_cy = out->ch_ext_cy < 0 ? 0 : clamp_coord(out->ch_ext_cy);
}

int
load_style_ref(load_part *lp, const xmlNode *ref, dml_style_ref *out)
{
	const char *idx;
	int64_t v;

	memset(out, 0, sizeof *out);
	if (!ref)
		return 0;
	idx = sxml_attr(ref, "idx");
	out->has = 1;
	if (s2p_str_eq(idx, "major"))
		out->idx = 1;
	else if (s2p_str_eq(idx, "minor"))
		out->idx = 2;
	else if (sxml_parse_i64(idx, &v) && v >= 0 && v < 100000)
		out->idx = (uint32_t) v;
	load_color(lp, ref, &out->color);
	return 0;
}

static uint8_t
rect_algn(const char *s, uint8_t dflt)
{
	static const char *const names[] = { "tl", "t", "tr", "l", "ctr", "r",
		"bl", "b", "br" };
	for (size_t i = 0; i < S2P_ARRAY_LEN(names); i++)
		if (s2p_str_eq(s, names[i]))
			return (uint8_t) i;
	return dflt;
}

/* A length attribute of an effect: absent, negative or invalid is 0, and
 * anything beyond @max (EMU) is clamped so blurs stay bounded. */
static int64_t
effect_len(const xmlNode *n, const char *name, int64_t max)
{
	int64_t v;

	if (sxml_attr_i64(n, name, &v) != 1 || v < 0)
		return 0;
	return v > max ? max : v;
}

/* Skew angles are limited to (-90°, 90°) by ST_FixedAngle. */
static int32_t
effect_skew(const xmlNode *n, const char *name)
{
	int32_t v = 0;

	sxml_attr_i32(n, name, &v);
	return v < -5400000 + 60000 ? -5400000 + 60000 :
	       v > 5400000 - 60000 ? 5400000 - 60000 : v;
}

/* Scale factors of effects: -1000 %..1000 % keeps the result bounded. */
static int32_t
effect_scale(const xmlNode *n, const char *name)
{
	int32_t v = 100000;

	sxml_attr_pct(n, name, &v);
	return v < -1000000 ? -1000000 : v > 1000000 ? 1000000 : v;
}

static void
load_shadow(load_part *lp, const xmlNode *c, int outer, dml_shadow *sh)
{
	memset(sh, 0, sizeof *sh);
	sh->has = 1;
	/* outerShdw@algn defaults to b (the spec); innerShdw has none */
	sh->algn = rect_algn(sxml_attr(c, "algn"), DML_RA_B);
	sh->rot_with_shape = (uint8_t) sxml_attr_bool(c, "rotWithShape", 1);
	sh->blur_emu = effect_len(c, "blurRad", 12700 * 400);
	sh->dist_emu = effect_len(c, "dist", 12700 * 2000);
	sxml_attr_i32(c, "dir", &sh->dir_60k);
	sh->sx_pct1k = sh->sy_pct1k = 100000;
	if (outer) {
		sh->sx_pct1k = effect_scale(c, "sx");
		sh->sy_pct1k = effect_scale(c, "sy");
		sh->kx_60k = effect_skew(c, "kx");
		sh->ky_60k = effect_skew(c, "ky");
	}
	if (!load_color(lp, c, &sh->color))
		sh->color = dml_color_rgb(0);
}

/* a:prstShdw (§20.1.8.49): an outer shadow with dist, dir and colour of
 * its own, never turning with the shape, and the scale, skew and
 * anchor its preset gives (§20.1.10.52 ST_PresetShadowVal); shdw13, 17
 * and 18 add a second, lighter shadow. */
static void
load_preset_shadow(load_part *lp, const xmlNode *c, dml_effects *out)
{
	const char *prst = sxml_attr(c, "prst");
	dml_shadow *sh = &out->outer;
	int n = 0;

	if (prst && strncmp(prst, "shdw", 4) == 0 && prst[4] >= '1' && prst[4] <= '9' &&
	    (!prst[5] || (prst[5] >= '0' && prst[5] <= '9' && !prst[6])))
		n = atoi(prst + 4);
	if (n < 1 || n > 20) {
		pml_diag_add(lp->diags, lp->part, "unknown preset shadow a:prstShdw "
		             "'%s' not drawn", prst ? prst : "");
		return;
	}
	memset(sh, 0, sizeof *sh);
	memset(&out->outer2, 0, sizeof out->outer2);
	sh->has = 1;
	sh->algn = DML_RA_B;
	sh->blur_emu = 0;
	sh->dist_emu = effect_len(c, "dist", 12700 * 2000);
	sxml_attr_i32(c, "dir", &sh->dir_60k);
	sh->sx_pct1k = sh->sy_pct1k = 100000;
	if (!load_color(lp, c, &sh->color))
		sh->color = dml_color_rgb(0);
	switch (n) {
	case 10: /* top left large drop shadow */
		sh->algn = DML_RA_BR;
		sh->sx_pct1k = sh->sy_pct1k = 125000;
		break;
	case 11: case 12: case 15: case 16: /* long perspective, back/front */
		sh->kx_60k = n == 11 || n == 15 ? 2453400 : -2453400; /* 40.89° */
		sh->sy_pct1k = n <= 12 ? 50000 : -50000;
		break;
	case 19: /* back centre perspective */
		sh->sy_pct1k = 50000;
		break;
	case 13: case 17: case 18: /* double: a lighter second shadow */
		out->outer2 = *sh;
		out->outer2.lighten = 1;
		if (n == 13)
			out->outer2.dist_emu = 2 * sh->dist_emu;
		else
			out->outer2.dir_60k = (sh->dir_60k + 10800000) % 21600000;
		break;
	case 1: case 2: case 14:
		break; /* a plain drop shadow */
	default:
		/* shdw3-9 and shdw20: their scale and skew are not known to
		 * us (the spec's table was not at hand): the plain offset */
		pml_diag_add(lp->diags, lp->part, "preset shadow a:prstShdw '%s' drawn "
		             "as a plain drop shadow (its perspective not drawn)", prst);
		break;
	}
}

static void
load_reflection(const xmlNode *c, dml_reflection *r)
{
	memset(r, 0, sizeof *r);
	r->has = 1;
	r->blur_emu = effect_len(c, "blurRad", 12700 * 400);
	r->dist_emu = effect_len(c, "dist", 12700 * 2000);
	sxml_attr_i32(c, "dir", &r->dir_60k);
	/* defaults of CT_ReflectionEffect */
	r->st_a_pct1k = 100000;
	r->end_pos_pct1k = 100000;
	r->fade_dir_60k = 5400000;
	sxml_attr_pct(c, "stA", &r->st_a_pct1k);
	sxml_attr_pct(c, "stPos", &r->st_pos_pct1k);
	sxml_attr_pct(c, "endA", &r->end_a_pct1k);
	sxml_attr_pct(c, "endPos", &r->end_pos_pct1k);
	sxml_attr_i32(c, "fadeDir", &r->fade_dir_60k);
	r->sx_pct1k = effect_scale(c, "sx");
	r->sy_pct1k = effect_scale(c, "sy");
	r->kx_60k = effect_skew(c, "kx");
	r->ky_60k = effect_skew(c, "ky");
	r->algn = rect_algn(sxml_attr(c, "algn"), DML_RA_B);
	r->rot_with_shape = (uint8_t) sxml_attr_bool(c, "rotWithShape", 1);
}

/* a:effectLst: shadows, glow, soft edge and reflection are drawn; the
 * others are reported. */
void
load_effects(load_part *lp, const xmlNode *lst, dml_effects *out)
{
	memset(out, 0, sizeof *out);
	if (!lst)
		return;
	out->has = 1;
	SXML_EACH(c, lst) {
		if (sxml_is(c, "outerShdw")) {
			load_shadow(lp, c, 1, &out->outer);
			memset(&out->outer2, 0, sizeof out->outer2);
		}
		else if (sxml_is(c, "innerShdw"))
			load_shadow(lp, c, 0, &out->inner);
		else if (sxml_is(c, "glow")) {
			out->glow.has = 1;
			out->glow.rad_emu = effect_len(c, "rad", 12700 * 400);
			if (!load_color(lp, c, &out->glow.color))
				out->glow.color = dml_color_rgb(0);
		}
		else if (sxml_is(c, "softEdge"))
			out->soft_edge_emu = effect_len(c, "rad", 12700 * 400);
		else if (sxml_is(c, "reflection"))
			load_reflection(c, &out->refl);
		else if (sxml_is(c, "prstShdw"))
			load_preset_shadow(lp, c, out);
		else
			pml_diag_add(lp->diags, lp->part, "effect a:%s not drawn",
			             (const char *) c->name);
	}
}

/* ---- text ---- */

static int
load_spacing(const xmlNode *n, dml_spacing *out)
{
	xmlNode *e;

	if (!n)
		return 0;
	if ((e = sxml_child(n, "spcPct")) != NULL) {
		out->pts = 0;
		return sxml_attr_pct(e, "val", &out->val) == 1;
	}
	if ((e = sxml_child(n, "spcPts")) != NULL) {
		out->pts = 1;
		return sxml_attr_i32(e, "val", &out->val) == 1;
	}
	return 0;
}

static const char *
typeface(load_part *lp, const xmlNode *n)
{
	const char *t = sxml_attr(n, "typeface");
	return t && *t ? s2p_arena_strdup(lp->arena, t) : NULL;
}

/* 1 if a:hlinkClick @h carries Office 2019's hyperlink-colour extension
 * with val="tx": the link is drawn in the text's colour. */
static int
hlink_keeps_text_color(const xmlNode *h)
{
	const xmlNode *lst = sxml_child(h, "extLst");

	SXML_EACH(ext, lst) {
		const xmlNode *c = sxml_child(ext, "hlinkClr");
		if (sxml_is(ext, "ext") && c && s2p_str_eq(sxml_attr(c, "val"), "tx"))
			return 1;
	}
	return 0;
}

static int
load_rpr(load_part *lp, const xmlNode *n, dml_rpr *r)
{
	int32_t v;
	const char *s;
	xmlNode *e;
	int rc;

	memset(r, 0, sizeof *r);
	if (!n)
		return 0;
	if (sxml_attr_i32(n, "sz", &v) == 1 && v >= 100 && v <= 400000) {
		r->sz_100pt = v;
		r->set |= DML_R_SZ;
	}
	if (sxml_attr(n, "b")) {
		r->b = (uint8_t) sxml_attr_bool(n, "b", 0);
		r->set |= DML_R_B;
	}
	if (sxml_attr(n, "i")) {
		r->i = (uint8_t) sxml_attr_bool(n, "i", 0);
		r->set |= DML_R_I;
	}
	if ((s = sxml_attr(n, "u")) != NULL) {
		r->u = s2p_str_eq(s, "none") ? 0 : s2p_str_eq(s, "sng") ? 1 :
		       s2p_str_eq(s, "dbl") ? 2 : 3;
		r->set |= DML_R_U;
	}
	if ((s = sxml_attr(n, "strike")) != NULL) {
		r->strike = s2p_str_eq(s, "sngStrike") ? 1 :
		            s2p_str_eq(s, "dblStrike") ? 2 : 0;
		r->set |= DML_R_STRIKE;
	}
	if ((s = sxml_attr(n, "cap")) != NULL) {
		r->cap = s2p_str_eq(s, "all") ? 1 : s2p_str_eq(s, "small") ? 2 : 0;
		r->set |= DML_R_CAP;
	}
	if (sxml_attr_pct(n, "baseline", &r->baseline_pct1k) == 1)
		r->set |= DML_R_BASELINE;
	if (sxml_attr_i32(n, "spc", &r->spc_100pt) == 1)
		r->set |= DML_R_SPC;
	if (sxml_attr_i32(n, "kern", &r->kern_100pt) == 1 && r->kern_100pt >= 0)
		r->set |= DML_R_KERN;
	if ((s = sxml_attr(n, "lang")) != NULL && *s) {
		r->lang = s2p_arena_strdup(lp->arena, s);
		r->set |= DML_R_LANG;
	}
	if ((s = sxml_attr(n, "altLang")) != NULL && *s) {
		r->alt_lang = s2p_arena_strdup(lp->arena, s);
		r->set |= DML_R_ALTLANG;
	}
	SXML_EACH(c, n) {
		if (sxml_is(c, "blipFill")) {
			/* picture-filled text: not drawn, and no media held (run
			 * properties live in list styles that hold no references) */
			pml_diag_add(lp->diags, lp->part, "picture-filled text drawn in "
			             "the inherited colour");
		}
		else if (load_is_fill(c)) {
			rc = load_fill_elem(lp, c, &r->fill);
			if (rc)
				return rc;
			r->set |= DML_R_FILL;
		}
		else if (sxml_is(c, "latin") && (r->latin = typeface(lp, c)))
			r->set |= DML_R_LATIN;
		else if (sxml_is(c, "ea") && (r->ea = typeface(lp, c)))
			r->set |= DML_R_EA;
		else if (sxml_is(c, "cs") && (r->cs = typeface(lp, c)))
			r->set |= DML_R_CS;
		else if (sxml_is(c, "sym") && (r->sym = typeface(lp, c)))
			r->set |= DML_R_SYM;
		else if (sxml_is(c, "hlinkClick")) {
			r->set |= DML_R_HLINK;
			r->hlink_tx = hlink_keeps_text_color(c);
		}
		else if (sxml_is(c, "effectLst")) {
			dml_effects *fx = s2p_arena_alloc(lp->arena, sizeof *fx);
			if (!fx)
				return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
			load_effects(lp, c, fx);
			r->effects = fx;
			r->set |= DML_R_EFFECTS;
		}
		else if (sxml_is(c, "highlight"))
			pml_diag_add(lp->diags, lp->part, "text highlight not drawn");
	}
	(void) e;
	return 0;
}

static uint8_t
algn_from(const char *s)
{
	if (s2p_str_eq(s, "ctr")) return DML_ALGN_CTR;
	if (s2p_str_eq(s, "r")) return DML_ALGN_R;
	if (s2p_str_eq(s, "just") || s2p_str_eq(s, "justLow")) return DML_ALGN_JUST;
	if (s2p_str_eq(s, "dist") || s2p_str_eq(s, "thaiDist")) return DML_ALGN_DIST;
	return DML_ALGN_L;
}

static int
tab_cmp(const void *a, const void *b)
{
	const dml_tab *x = a, *y = b;

	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* a:tabLst: up to DML_TABS_MAX stops, sorted (an empty list clears the
 * inherited one). */
static int
load_tabs(load_part *lp, const xmlNode *lst, dml_ppr *p)
{
	dml_tab tabs[DML_TABS_MAX], *t;
	uint8_t n = 0;
	int64_t v;

	SXML_EACH(c, lst) {
		const char *a;
		if (!sxml_is(c, "tab") || sxml_attr_i64(c, "pos", &v) != 1 || v < 0 ||
		    v > 51206400)
			continue;
		if (n == DML_TABS_MAX) {
			pml_diag_add(lp->diags, lp->part, "more than %d tab stops: the "
			             "others ignored", DML_TABS_MAX);
			break;
		}
		a = sxml_attr(c, "algn");
		tabs[n].pos = v;
		tabs[n++].algn = s2p_str_eq(a, "r") ? DML_TAB_R :
		                 s2p_str_eq(a, "ctr") ? DML_TAB_CTR :
		                 s2p_str_eq(a, "dec") ? DML_TAB_DEC : DML_TAB_L;
	}
	qsort(tabs, n, sizeof *tabs, tab_cmp);
	t = n ? s2p_arena_memdup(lp->arena, tabs, n * sizeof *tabs) : NULL;
	if (n && !t)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	p->tabs = t;
	p->n_tabs = n;
	p->set |= DML_P_TABS;
	return 0;
}

static int
load_ppr(load_part *lp, const xmlNode *n, dml_ppr *p)
{
	int64_t v;
	int32_t v32;
	const char *s;

	memset(p, 0, sizeof *p);
	if (!n)
		return 0;
	if ((s = sxml_attr(n, "algn")) != NULL) {
		p->algn = algn_from(s);
		p->set |= DML_P_ALGN;
	}
	if (sxml_attr_i64(n, "marL", &v) == 1 && v >= 0 && v <= 51206400) {
		p->mar_l = v;
		p->set |= DML_P_MARL;
	}
	if (sxml_attr_i64(n, "indent", &v) == 1 && v >= -51206400 && v <= 51206400) {
		p->indent = v;
		p->set |= DML_P_INDENT;
	}
	if (sxml_attr_i64(n, "defTabSz", &v) == 1 && v > 0 && v <= 51206400) {
		p->def_tab = v;
		p->set |= DML_P_DEFTAB;
	}
	if (sxml_attr(n, "rtl")) {
		p->rtl = (uint8_t) sxml_attr_bool(n, "rtl", 0);
		p->set |= DML_P_RTL;
	}
	if (sxml_attr(n, "hangingPunct")) {
		p->hanging_punct = (uint8_t) sxml_attr_bool(n, "hangingPunct", 0);
		p->set |= DML_P_HANGPUNCT;
	}
	SXML_EACH(c, n) {
		const char *name = (const char *) c->name;
		if (!strcmp(name, "lnSpc") && load_spacing(c, &p->ln_spc))
			p->set |= DML_P_LNSPC;
		else if (!strcmp(name, "spcBef") && load_spacing(c, &p->spc_bef))
			p->set |= DML_P_SPCBEF;
		else if (!strcmp(name, "spcAft") && load_spacing(c, &p->spc_aft))
			p->set |= DML_P_SPCAFT;
		else if (!strcmp(name, "buClrTx")) {
			p->bu_clr_follow = 1;
			p->set |= DML_P_BUCLR;
		}
		else if (!strcmp(name, "buClr") && load_color(lp, c, &p->bu_clr))
			p->set |= DML_P_BUCLR;
		else if (!strcmp(name, "buSzTx")) {
			p->bu_sz_pts = 0;
			p->bu_sz = 100000;
			p->set |= DML_P_BUSZ;
		}
		else if (!strcmp(name, "buSzPct") && sxml_attr_pct(c, "val", &v32) == 1) {
			p->bu_sz_pts = 0;
			p->bu_sz = v32;
			p->set |= DML_P_BUSZ;
		}
		else if (!strcmp(name, "buSzPts") && sxml_attr_i32(c, "val", &v32) == 1) {
			p->bu_sz_pts = 1;
			p->bu_sz = v32;
			p->set |= DML_P_BUSZ;
		}
		else if (!strcmp(name, "buFontTx")) {
			p->bu_font = NULL;
			p->set |= DML_P_BUFONT;
		}
		else if (!strcmp(name, "buFont")) {
			p->bu_font = typeface(lp, c);
			p->set |= DML_P_BUFONT;
		}
		else if (!strcmp(name, "buNone")) {
			p->bullet = DML_BU_NONE;
			p->set |= DML_P_BULLET;
		}
		else if (!strcmp(name, "buChar")) {
			p->bullet = DML_BU_CHAR;
			p->bu_char = s2p_arena_strdup(lp->arena, sxml_attr(c, "char") ?
			                              sxml_attr(c, "char") : "\xe2\x80\xa2");
			p->set |= DML_P_BULLET;
		}
		else if (!strcmp(name, "buAutoNum")) {
			p->bullet = DML_BU_AUTONUM;
			p->bu_scheme = s2p_arena_strdup(lp->arena, sxml_attr(c, "type"));
			p->bu_start_at = 1;
			if (sxml_attr_i32(c, "startAt", &v32) == 1 && v32 >= 1 &&
			    v32 <= 32767)
				p->bu_start_at = v32;
			p->set |= DML_P_BULLET;
		}
		else if (!strcmp(name, "buBlip")) {
			p->bullet = DML_BU_BLIP;
			p->set |= DML_P_BULLET;
		}
		else if (!strcmp(name, "defRPr")) {
			int rc = load_rpr(lp, c, &p->def_rpr);
			if (rc)
				return rc;
		}
		else if (!strcmp(name, "tabLst")) {
			int rc = load_tabs(lp, c, p);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int
load_list_style(load_part *lp, const xmlNode *lst, dml_list_style *out)
{
	static const char *const names[DML_LEVELS] = { "lvl1pPr", "lvl2pPr",
		"lvl3pPr", "lvl4pPr", "lvl5pPr", "lvl6pPr", "lvl7pPr", "lvl8pPr",
		"lvl9pPr" };
	int rc;

	memset(out, 0, sizeof *out);
	SXML_EACH(c, lst) {
		if (sxml_is(c, "defPPr")) {
			rc = load_ppr(lp, c, &out->def);
			if (rc)
				return rc;
			continue;
		}
		for (int i = 0; i < DML_LEVELS; i++)
			if (sxml_is(c, names[i])) {
				rc = load_ppr(lp, c, &out->lvl[i]);
				if (rc)
					return rc;
				/* mark presence even when only defRPr is given */
				out->lvl[i].set |= 1u << 31;
			}
	}
	return 0;
}

static int64_t
clamp_inset(int64_t v)
{
	return v < 0 ? 0 : v > 51206400 ? 51206400 : v;
}

int
load_bpr(load_part *lp, const xmlNode *n, dml_bpr *b)
{
	const char *s;
	int32_t v;
	xmlNode *af;

	memset(b, 0, sizeof *b);
	if (!n)
		return 0;
	if (sxml_attr_i64(n, "lIns", &b->l_ins) == 1) b->set |= DML_B_LINS;
	if (sxml_attr_i64(n, "tIns", &b->t_ins) == 1) b->set |= DML_B_TINS;
	if (sxml_attr_i64(n, "rIns", &b->r_ins) == 1) b->set |= DML_B_RINS;
	if (sxml_attr_i64(n, "bIns", &b->b_ins) == 1) b->set |= DML_B_BINS;
	b->l_ins = clamp_inset(b->l_ins);
	b->t_ins = clamp_inset(b->t_ins);
	b->r_ins = clamp_inset(b->r_ins);
	b->b_ins = clamp_inset(b->b_ins);
	if ((s = sxml_attr(n, "anchor")) != NULL) {
		b->anchor = s2p_str_eq(s, "ctr") ? DML_ANCHOR_CTR :
		            s2p_str_eq(s, "b") ? DML_ANCHOR_B :
		            s2p_str_eq(s, "just") ? DML_ANCHOR_JUST :
		            s2p_str_eq(s, "dist") ? DML_ANCHOR_DIST : DML_ANCHOR_T;
		b->set |= DML_B_ANCHOR;
	}
	if (sxml_attr(n, "anchorCtr")) {
		b->anchor_ctr = (uint8_t) sxml_attr_bool(n, "anchorCtr", 0);
		b->set |= DML_B_ANCHORCTR;
	}
	if ((s = sxml_attr(n, "wrap")) != NULL) {
		b->wrap_none = s2p_str_eq(s, "none");
		b->set |= DML_B_WRAP;
	}
	if ((s = sxml_attr(n, "vert")) != NULL) {
		b->vert = s2p_arena_strdup(lp->arena, s);
		b->set |= DML_B_VERT;
	}
	if (sxml_attr_i32(n, "rot", &b->rot_60k) == 1)
		b->set |= DML_B_ROT;
	/* §21.1.2.1.1: numCol 1..16 */
	if (sxml_attr_i32(n, "numCol", &v) == 1 && v >= 1 && v <= 16) {
		b->num_col = v;
		b->set |= DML_B_NUMCOL;
	}
	if (sxml_attr_i64(n, "spcCol", &b->spc_col) == 1) {
		b->spc_col = clamp_inset(b->spc_col);
		b->set |= DML_B_SPCCOL;
	}
	if (sxml_attr(n, "upright")) {
		b->upright = (uint8_t) sxml_attr_bool(n, "upright", 0);
		b->set |= DML_B_UPRIGHT;
	}
	if (sxml_attr(n, "rtlCol")) {
		b->rtl_col = (uint8_t) sxml_attr_bool(n, "rtlCol", 0);
		b->set |= DML_B_RTLCOL;
	}
	if (sxml_attr(n, "spcFirstLastPara")) {
		b->spc_first_last = (uint8_t) sxml_attr_bool(n, "spcFirstLastPara", 0);
		b->set |= DML_B_SPCFIRSTLAST;
	}
	if ((af = sxml_child(n, "normAutofit")) != NULL) {
		b->autofit = DML_AUTOFIT_NORM;
		b->font_scale_pct1k = 100000;
		if (sxml_attr_pct(af, "fontScale", &v) == 1 && v > 0 && v <= 100000) {
			b->font_scale_pct1k = v;
			b->has_font_scale = 1;
		}
		if (sxml_attr_pct(af, "lnSpcReduction", &v) == 1 && v >= 0 && v <= 100000)
			b->ln_spc_red_pct1k = v;
		b->set |= DML_B_AUTOFIT;
	}
	else if (sxml_child(n, "spAutoFit")) {
		b->autofit = DML_AUTOFIT_SHAPE;
		b->set |= DML_B_AUTOFIT;
	}
	else if (sxml_child(n, "noAutofit")) {
		b->autofit = DML_AUTOFIT_NONE;
		b->set |= DML_B_AUTOFIT;
	}
	if (sxml_child(n, "prstTxWarp") &&
	    !s2p_str_eq(sxml_attr(sxml_child(n, "prstTxWarp"), "prst"), "textNoShape"))
		pml_diag_add(lp->diags, lp->part, "WordArt text warp not applied");
	return 0;
}

enum { MAX_PARAS = 100000, MAX_RUNS = 100000 };

static int
load_para(load_part *lp, const xmlNode *p, dml_para *out)
{
	uint32_t n = 0;
	int32_t lvl = 0;
	xmlNode *ppr = sxml_child(p, "pPr");
	int rc;

	rc = load_ppr(lp, ppr, &out->ppr);
	if (rc)
		return rc;
	if (ppr && sxml_attr_i32(ppr, "lvl", &lvl) == 1 && lvl >= 0 && lvl < DML_LEVELS)
		out->lvl = (uint8_t) lvl;
	SXML_EACH(c, p)
		if (sxml_is(c, "r") || sxml_is(c, "br") || sxml_is(c, "fld"))
			n++;
	if (n > MAX_RUNS)
		return S2P_FAIL(lp->err, S2P_ELIMIT, "paragraph has %u runs (limit %d)",
		                n, MAX_RUNS);
	if (n) {
		out->runs = s2p_arena_alloc_array(lp->arena, n, sizeof *out->runs);
		if (!out->runs)
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	}
	SXML_EACH(c, p) {
		dml_run *r;
		if (sxml_is(c, "endParaRPr")) {
			rc = load_rpr(lp, c, &out->end_rpr);
			if (rc)
				return rc;
			continue;
		}
		if (!sxml_is(c, "r") && !sxml_is(c, "br") && !sxml_is(c, "fld"))
			continue;
		r = &out->runs[out->n_runs++];
		r->kind = sxml_is(c, "br") ? DML_RUN_BREAK :
		          sxml_is(c, "fld") ? DML_RUN_FIELD : DML_RUN_TEXT;
		rc = load_rpr(lp, sxml_child(c, "rPr"), &r->rpr);
		if (rc)
			return rc;
		if (r->kind != DML_RUN_BREAK) {
			r->text = sxml_text(sxml_child(c, "t"), lp->arena);
			if (!r->text)
				return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
		}
		if (r->kind == DML_RUN_FIELD)
			r->fld_type = s2p_arena_strdup(lp->arena, sxml_attr(c, "type"));
	}
	return 0;
}

int
load_text_body(load_part *lp, const xmlNode *tx, dml_text_body **out)
{
	dml_text_body *t;
	uint32_t n = 0;
	int rc;

	*out = NULL;
	if (!tx)
		return 0;
	t = s2p_arena_alloc(lp->arena, sizeof *t);
	if (!t)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	rc = load_bpr(lp, sxml_child(tx, "bodyPr"), &t->bpr);
	if (!rc)
		rc = load_list_style(lp, sxml_child(tx, "lstStyle"), &t->lst);
	if (rc)
		return rc;
	SXML_EACH(c, tx)
		if (sxml_is(c, "p"))
			n++;
	if (n > MAX_PARAS)
		return S2P_FAIL(lp->err, S2P_ELIMIT, "text has %u paragraphs (limit %d)",
		                n, MAX_PARAS);
	if (n) {
		t->paras = s2p_arena_alloc_array(lp->arena, n, sizeof *t->paras);
		if (!t->paras)
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	}
	SXML_EACH(c, tx) {
		if (!sxml_is(c, "p"))
			continue;
		rc = load_para(lp, c, &t->paras[t->n_paras]);
		t->n_paras++; /* counted even on failure so release sees its runs */
		if (rc)
			return rc;
	}
	*out = t;
	return 0;
}
