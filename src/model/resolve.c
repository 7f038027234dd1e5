/*
 * Inheritance lookups (pure; nothing is written). Placeholders: slide ->
 * layout by idx then type, layout -> master by type ([MS-OI29500]
 * 2.1.1127). Text: presentation defaultTextStyle < master txStyles <
 * master placeholder < layout placeholder < shape lstStyle < pPr < rPr.
 */
#include "model/resolve.h"

#include <stddef.h>
#include <string.h>

void
resolve_ctx_init(resolve_ctx *rc, const pml_presentation *pres,
                 const pml_slide *slide)
{
	memset(rc, 0, sizeof *rc);
	rc->pres = pres;
	rc->slide = slide;
	rc->layout = slide ? slide->layout : NULL;
	rc->master = rc->layout ? rc->layout->master : NULL;
	rc->theme = rc->master ? rc->master->theme : NULL;
	if (rc->theme)
		memcpy(rc->colors.scheme, rc->theme->scheme, sizeof rc->colors.scheme);
	/* the nearest clrMap wins: slide override, layout override, master */
	if (slide && slide->sheet.has_clr_map)
		memcpy(rc->colors.map, slide->sheet.clr_map, 4);
	else if (rc->layout && rc->layout->sheet.has_clr_map)
		memcpy(rc->colors.map, rc->layout->sheet.clr_map, 4);
	else if (rc->master)
		memcpy(rc->colors.map, rc->master->sheet.clr_map, 4);
	else {
		rc->colors.map[0] = DML_SLOT_LT1;
		rc->colors.map[1] = DML_SLOT_DK1;
		rc->colors.map[2] = DML_SLOT_LT2;
		rc->colors.map[3] = DML_SLOT_DK2;
	}
}

/* Master placeholders exist for title, body, dt, ftr, sldNum (and hdr). */
static int
master_type(int type)
{
	switch (type) {
	case DML_PH_TITLE: case DML_PH_CTR_TITLE: return DML_PH_TITLE;
	case DML_PH_DT: case DML_PH_FTR: case DML_PH_SLD_NUM: case DML_PH_HDR:
		return type;
	default: return DML_PH_BODY;
	}
}

static const dml_shape *
find_in(const dml_shape *group, int by_idx, uint32_t idx, int type,
        int normalise)
{
	for (uint32_t i = 0; i < group->n_children; i++) {
		const dml_shape *c = &group->children[i];
		if (!c->ph.has)
			continue;
		if (by_idx) {
			if (c->ph.has_idx && c->ph.idx == idx)
				return c;
		}
		else if (normalise ? master_type(c->ph.type) == type : c->ph.type == type)
			return c;
	}
	return NULL;
}

int
resolve_ph_chain(const resolve_ctx *rc, const dml_shape *s, int level,
                 const dml_shape *out[2])
{
	const dml_shape *lay = NULL, *mas = NULL;
	int n = 0, type;

	if (!s->ph.has)
		return 0;
	type = s->ph.type;
	if (level == RESOLVE_SLIDE && rc->layout) {
		const dml_shape *tree = &rc->layout->sheet.tree;
		if (s->ph.has_idx)
			lay = find_in(tree, 1, s->ph.idx, 0, 0);
		if (!lay)
			lay = find_in(tree, 0, 0, type, 0);
		/* title and ctrTitle stand in for each other */
		if (!lay && (type == DML_PH_TITLE || type == DML_PH_CTR_TITLE))
			lay = find_in(tree, 0, 0, DML_PH_TITLE, 1);
		if (lay)
			type = lay->ph.type;
	}
	if (level != RESOLVE_MASTER && rc->master)
		mas = find_in(&rc->master->sheet.tree, 0, 0, master_type(type), 1);
	if (lay)
		out[n++] = lay;
	if (mas)
		out[n++] = mas;
	return n;
}

const dml_xfrm *
resolve_xfrm(const dml_shape *s, const dml_shape *const *chain, int n)
{
	if (s->xfrm.has)
		return &s->xfrm;
	for (int i = 0; i < n; i++)
		if (chain[i]->xfrm.has)
			return &chain[i]->xfrm;
	return &s->xfrm;
}

const dml_shape *
resolve_geom_owner(const dml_shape *s, const dml_shape *const *chain, int n)
{
	if (s->geom || s->prst)
		return s;
	for (int i = 0; i < n; i++)
		if (chain[i]->geom)
			return chain[i];
	return s;
}

static const dml_shape *
style_owner(const dml_shape *s, const dml_shape *const *chain, int n,
            size_t ref_offset)
{
	const dml_style_ref *r = (const dml_style_ref *) ((const char *) s + ref_offset);

	if (r->has)
		return s;
	for (int i = 0; i < n; i++) {
		r = (const dml_style_ref *) ((const char *) chain[i] + ref_offset);
		if (r->has)
			return chain[i];
	}
	return NULL;
}

dml_fill
resolve_fill(const resolve_ctx *rc, const dml_shape *s,
             const dml_shape *const *chain, int n, dml_color *ph_color)
{
	dml_fill none;
	const dml_shape *o;

	memset(&none, 0, sizeof none);
	none.kind = DML_FILL_NONE;
	memset(ph_color, 0, sizeof *ph_color);
	if (s->fill.kind != DML_FILL_UNSET)
		return s->fill;
	for (int i = 0; i < n; i++)
		if (chain[i]->fill.kind != DML_FILL_UNSET)
			return chain[i]->fill;
	o = style_owner(s, chain, n, offsetof(dml_shape, fill_ref));
	/* fillRef idx 0 means no fill; 1..n index the theme's fillStyleLst */
	if (o && rc->theme && o->fill_ref.idx >= 1 &&
	    o->fill_ref.idx <= rc->theme->n_fill_styles) {
		*ph_color = o->fill_ref.color;
		return rc->theme->fill_styles[o->fill_ref.idx - 1];
	}
	return none;
}

int
resolve_line(const resolve_ctx *rc, const dml_shape *s,
             const dml_shape *const *chain, int n, dml_line *out,
             dml_color *ph_color)
{
	const dml_line *theme_ln = NULL;
	const dml_shape *o;

	memset(out, 0, sizeof *out);
	memset(ph_color, 0, sizeof *ph_color);
	o = style_owner(s, chain, n, offsetof(dml_shape, ln_ref));
	if (o && rc->theme && o->ln_ref.idx >= 1 &&
	    o->ln_ref.idx <= rc->theme->n_line_styles) {
		theme_ln = &rc->theme->line_styles[o->ln_ref.idx - 1];
		*out = *theme_ln;
		*ph_color = o->ln_ref.color;
	}
	/* explicit a:ln of placeholders up the chain, then the shape's own */
	for (int i = n - 1; i >= -1; i--) {
		const dml_shape *src = i < 0 ? s : chain[i];
		const dml_line *l = &src->line;
		if (!src->has_line)
			continue;
		if (l->has_w) {
			out->has_w = 1;
			out->w_emu = l->w_emu;
		}
		if (l->fill.kind != DML_FILL_UNSET) {
			out->fill = l->fill;
			if (src == s || i >= 0)
				memset(ph_color, 0, sizeof *ph_color);
		}
		if (l->dash) {
			out->dash = l->dash;
			out->n_cust_dash = l->n_cust_dash;
			memcpy(out->cust_dash_pct1k, l->cust_dash_pct1k,
			       sizeof out->cust_dash_pct1k);
		}
		if (l->cmpd)
			out->cmpd = l->cmpd;
		if (l->pen_algn)
			out->pen_algn = l->pen_algn;
		if (l->cap)
			out->cap = l->cap;
		if (l->join)
			out->join = l->join;
		if (l->head || l->tail) {
			out->head = l->head;
			out->tail = l->tail;
			out->head_w = l->head_w;
			out->head_len = l->head_len;
			out->tail_w = l->tail_w;
			out->tail_len = l->tail_len;
		}
	}
	if (out->fill.kind == DML_FILL_UNSET || out->fill.kind == DML_FILL_NONE)
		return 0;
	if (!out->has_w) {
		out->has_w = 1;
		out->w_emu = 9525; /* §20.1.2.2.24: default width 0.75 pt */
	}
	return 1;
}

dml_effects
resolve_effects(const resolve_ctx *rc, const dml_shape *s,
                const dml_shape *const *chain, int n, dml_color *ph_color)
{
	dml_effects none;
	const dml_shape *o;

	memset(&none, 0, sizeof none);
	memset(ph_color, 0, sizeof *ph_color);
	if (s->effects.has)
		return s->effects;
	for (int i = 0; i < n; i++)
		if (chain[i]->effects.has)
			return chain[i]->effects;
	o = style_owner(s, chain, n, offsetof(dml_shape, effect_ref));
	/* effectRef idx 0 means no effect; 1..n index effectStyleLst */
	if (o && rc->theme && o->effect_ref.idx >= 1 &&
	    o->effect_ref.idx <= rc->theme->n_effect_styles) {
		*ph_color = o->effect_ref.color;
		return rc->theme->effect_styles[o->effect_ref.idx - 1];
	}
	return none;
}

dml_bpr
resolve_bpr(const dml_shape *s, const dml_shape *const *chain, int n)
{
	dml_bpr b;
	const dml_bpr *src[3];
	int k = 0;

	memset(&b, 0, sizeof b);
	/* §21.1.2.1.1 defaults */
	b.l_ins = b.r_ins = 91440;
	b.t_ins = b.b_ins = 45720;
	b.font_scale_pct1k = 100000;
	b.num_col = 1;
	for (int i = n - 1; i >= 0; i--)
		if (chain[i]->text)
			src[k++] = &chain[i]->text->bpr;
	if (s->text)
		src[k++] = &s->text->bpr;
	for (int i = 0; i < k; i++) {
		const dml_bpr *x = src[i];
		if (x->set & DML_B_LINS) b.l_ins = x->l_ins;
		if (x->set & DML_B_TINS) b.t_ins = x->t_ins;
		if (x->set & DML_B_RINS) b.r_ins = x->r_ins;
		if (x->set & DML_B_BINS) b.b_ins = x->b_ins;
		if (x->set & DML_B_ANCHOR) b.anchor = x->anchor;
		if (x->set & DML_B_ANCHORCTR) b.anchor_ctr = x->anchor_ctr;
		if (x->set & DML_B_WRAP) b.wrap_none = x->wrap_none;
		if (x->set & DML_B_VERT) b.vert = x->vert;
		if (x->set & DML_B_ROT) b.rot_60k = x->rot_60k;
		if (x->set & DML_B_NUMCOL) b.num_col = x->num_col;
		if (x->set & DML_B_SPCCOL) b.spc_col = x->spc_col;
		if (x->set & DML_B_UPRIGHT) b.upright = x->upright;
		if (x->set & DML_B_RTLCOL) b.rtl_col = x->rtl_col;
		if (x->set & DML_B_SPCFIRSTLAST) b.spc_first_last = x->spc_first_last;
		if (x->set & DML_B_AUTOFIT) {
			b.autofit = x->autofit;
			b.has_font_scale = x->has_font_scale;
			b.font_scale_pct1k = x->font_scale_pct1k;
			b.ln_spc_red_pct1k = x->ln_spc_red_pct1k;
		}
	}
	b.set = ~0u;
	return b;
}

void
resolve_rpr_overlay(dml_rpr *d, const dml_rpr *s)
{
	uint32_t m = s->set;

	if (m & DML_R_SZ) d->sz_100pt = s->sz_100pt;
	if (m & DML_R_B) d->b = s->b;
	if (m & DML_R_I) d->i = s->i;
	if (m & DML_R_U) d->u = s->u;
	if (m & DML_R_STRIKE) d->strike = s->strike;
	if (m & DML_R_CAP) d->cap = s->cap;
	if (m & DML_R_BASELINE) d->baseline_pct1k = s->baseline_pct1k;
	if (m & DML_R_SPC) d->spc_100pt = s->spc_100pt;
	if (m & DML_R_KERN) d->kern_100pt = s->kern_100pt;
	if (m & DML_R_FILL) d->fill = s->fill;
	if (m & DML_R_LATIN) d->latin = s->latin;
	if (m & DML_R_EA) d->ea = s->ea;
	if (m & DML_R_CS) d->cs = s->cs;
	if (m & DML_R_SYM) d->sym = s->sym;
	if (m & DML_R_LANG) d->lang = s->lang;
	if (m & DML_R_EFFECTS) d->effects = s->effects;
	if (m & DML_R_HLINK) d->hlink_tx = s->hlink_tx;
	if (m & DML_R_ALTLANG) d->alt_lang = s->alt_lang;
	d->set |= m;
}

void
resolve_ppr_overlay(dml_ppr *d, const dml_ppr *s)
{
	uint32_t m = s->set;

	if (m & DML_P_ALGN) d->algn = s->algn;
	if (m & DML_P_MARL) d->mar_l = s->mar_l;
	if (m & DML_P_INDENT) d->indent = s->indent;
	if (m & DML_P_DEFTAB) d->def_tab = s->def_tab;
	if (m & DML_P_TABS) {
		/* a tab list replaces the inherited one as a whole */
		d->tabs = s->tabs;
		d->n_tabs = s->n_tabs;
	}
	if (m & DML_P_LNSPC) d->ln_spc = s->ln_spc;
	if (m & DML_P_SPCBEF) d->spc_bef = s->spc_bef;
	if (m & DML_P_SPCAFT) d->spc_aft = s->spc_aft;
	if (m & DML_P_RTL) d->rtl = s->rtl;
	if (m & DML_P_HANGPUNCT) d->hanging_punct = s->hanging_punct;
	if (m & DML_P_BULLET) {
		d->bullet = s->bullet;
		d->bu_char = s->bu_char;
		d->bu_scheme = s->bu_scheme;
		d->bu_start_at = s->bu_start_at;
	}
	if (m & DML_P_BUFONT) d->bu_font = s->bu_font;
	if (m & DML_P_BUCLR) {
		d->bu_clr_follow = s->bu_clr_follow;
		d->bu_clr = s->bu_clr;
	}
	if (m & DML_P_BUSZ) {
		d->bu_sz_pts = s->bu_sz_pts;
		d->bu_sz = s->bu_sz;
	}
	d->set |= m;
	resolve_rpr_overlay(&d->def_rpr, &s->def_rpr);
}

static const dml_list_style *
master_list(const resolve_ctx *rc, const dml_shape *s, const dml_shape *const *chain,
            int n)
{
	int type = s->ph.type;

	if (!rc->master)
		return NULL;
	if (!s->ph.has)
		return &rc->master->other_style;
	if (n > 0)
		type = chain[n - 1]->ph.type;
	switch (master_type(type)) {
	case DML_PH_TITLE: return &rc->master->title_style;
	case DML_PH_BODY: return &rc->master->body_style;
	default: return &rc->master->other_style;
	}
}

dml_ppr
resolve_ppr(const resolve_ctx *rc, const dml_shape *s,
            const dml_shape *const *chain, int n, const dml_para *para, int lvl)
{
	dml_ppr p;
	const dml_list_style *ml;

	memset(&p, 0, sizeof p);
	/* defaults before any style: 18 pt, left, black (tx1) */
	p.def_rpr.sz_100pt = 1800;
	p.def_rpr.fill.kind = DML_FILL_SOLID;
	p.def_rpr.fill.color.kind = DML_COLOR_SCHEME;
	p.def_rpr.fill.color.slot = DML_SLOT_TX1;
	if (lvl < 0 || lvl >= DML_LEVELS)
		lvl = 0;
	if (rc->pres) {
		resolve_ppr_overlay(&p, &rc->pres->default_text_style.def);
		resolve_ppr_overlay(&p, &rc->pres->default_text_style.lvl[lvl]);
	}
	ml = master_list(rc, s, chain, n);
	if (ml)
		resolve_ppr_overlay(&p, &ml->lvl[lvl]);
	for (int i = n - 1; i >= 0; i--)
		if (chain[i]->text)
			resolve_ppr_overlay(&p, &chain[i]->text->lst.lvl[lvl]);
	/* a:style fontRef: the theme font and text colour of styled shapes */
	if (s->font_ref.has) {
		if (s->font_ref.idx == 1 || s->font_ref.idx == 2) {
			p.def_rpr.latin = s->font_ref.idx == 1 ? "+mj-lt" : "+mn-lt";
			p.def_rpr.set |= DML_R_LATIN;
		}
		if (s->font_ref.color.kind != DML_COLOR_NONE) {
			p.def_rpr.fill.kind = DML_FILL_SOLID;
			p.def_rpr.fill.color = s->font_ref.color;
			p.def_rpr.set |= DML_R_FILL;
		}
	}
	if (s->text)
		resolve_ppr_overlay(&p, &s->text->lst.lvl[lvl]);
	if (para)
		resolve_ppr_overlay(&p, &para->ppr);
	return p;
}

/* ISO 15924 script of a language tag, for the theme's script fonts. */
static const char *
lang_script(const char *lang)
{
	static const struct { const char *prefix, *script; } map[] = {
		{ "ja", "Jpan" }, { "ko", "Hang" }, { "zh-TW", "Hant" },
		{ "zh-HK", "Hant" }, { "zh-MO", "Hant" }, { "zh", "Hans" },
		{ "ar", "Arab" }, { "fa", "Arab" }, { "ur", "Arab" }, { "ps", "Arab" },
		{ "he", "Hebr" }, { "yi", "Hebr" }, { "th", "Thai" }, { "hi", "Deva" },
		{ "mr", "Deva" }, { "bn", "Beng" }, { "ta", "Taml" }, { "te", "Telu" },
		{ "gu", "Gujr" }, { "kn", "Knda" }, { "ml", "Mlym" }, { "am", "Ethi" },
		{ "km", "Khmr" }, { "lo", "Laoo" }, { "my", "Mymr" }, { "si", "Sinh" },
		{ "ka", "Geor" }, { "hy", "Armn" }, { "bo", "Tibt" }, { "mn", "Mong" },
	};

	if (!lang)
		return NULL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		size_t n = strlen(map[i].prefix);
		if (strncmp(lang, map[i].prefix, n) == 0 &&
		    (lang[n] == 0 || lang[n] == '-'))
			return map[i].script;
	}
	return NULL;
}

const char *
resolve_font_lang(const resolve_ctx *rc, const char *name, const char *lang)
{
	const dml_font_collection *fc;
	const char *face = resolve_font(rc, name), *script;

	if (face && *face)
		return face;
	if (!name || name[0] != '+' || !rc->theme || strlen(name) < 4)
		return face;
	fc = strncmp(name, "+mj-", 4) == 0 ? &rc->theme->major : &rc->theme->minor;
	script = lang_script(lang);
	for (uint32_t i = 0; script && i < fc->n_scripts; i++)
		if (strcmp(fc->scripts[i].script, script) == 0)
			return fc->scripts[i].typeface;
	return face;
}

const char *
resolve_font(const resolve_ctx *rc, const char *name)
{
	const dml_font_collection *fc;

	if (!name || name[0] != '+' || !rc->theme)
		return name;
	if (strncmp(name, "+mj-", 4) == 0)
		fc = &rc->theme->major;
	else if (strncmp(name, "+mn-", 4) == 0)
		fc = &rc->theme->minor;
	else
		return name;
	if (!strcmp(name + 4, "lt"))
		return fc->latin;
	if (!strcmp(name + 4, "ea"))
		return fc->ea;
	if (!strcmp(name + 4, "cs"))
		return fc->cs;
	return fc->latin;
}

dml_fill
resolve_background(const resolve_ctx *rc, dml_color *ph_color)
{
	const pml_sheet *sheets[3];
	dml_fill white;
	int n = 0;

	memset(&white, 0, sizeof white);
	white.kind = DML_FILL_SOLID;
	white.color = dml_color_rgb(0xFFFFFF);
	memset(ph_color, 0, sizeof *ph_color);
	if (rc->slide)
		sheets[n++] = &rc->slide->sheet;
	if (rc->layout)
		sheets[n++] = &rc->layout->sheet;
	if (rc->master)
		sheets[n++] = &rc->master->sheet;
	for (int i = 0; i < n; i++) {
		const pml_sheet *sh = sheets[i];
		uint32_t idx;
		if (!sh->has_bg)
			continue;
		if (!sh->bg_ref.has)
			return sh->bg_fill;
		/* §19.3.1.2 bgRef: 1..999 fillStyleLst, 1001.. bgFillStyleLst */
		idx = sh->bg_ref.idx;
		*ph_color = sh->bg_ref.color;
		if (rc->theme && idx >= 1001 && idx - 1001 < rc->theme->n_bg_fill_styles)
			return rc->theme->bg_fill_styles[idx - 1001];
		if (rc->theme && idx >= 1 && idx <= rc->theme->n_fill_styles)
			return rc->theme->fill_styles[idx - 1];
		/* no such style: the reference colour alone */
		white.color = sh->bg_ref.color;
		return white;
	}
	return white;
}
