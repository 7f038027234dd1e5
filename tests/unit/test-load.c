/*
 * Unit tests for load/, model/resolve.c and split/ on the sample decks:
 * slide count, size, hidden flag, shared layouts/masters/themes, the
 * placeholder chain (slide -> layout -> master) for frames and text sizes,
 * broken decks (a missing or malformed slide, no slides, Strict), and
 * single-slide presentations from split_slide outliving the deck.
 */
#include "load/load.h"
#include "model/resolve.h"
#include "split/split.h"

#include "tinytest.h"

#include <libxml/parser.h>
#include <stdlib.h>

static pml_presentation *
load(const char *path, s2p_error *err)
{
	opc_package *pkg;
	pml_presentation *p;

	s2p_error_clear(err);
	pkg = opc_package_open_file(path, NULL, err);
	if (!pkg)
		return NULL;
	p = load_presentation(pkg, err);
	opc_package_close(pkg); /* everything is read: the model stands alone */
	return p;
}

static const dml_shape *
find_shape(const dml_shape *group, const char *name)
{
	for (uint32_t i = 0; i < group->n_children; i++) {
		const dml_shape *c = &group->children[i];
		const dml_shape *r;
		if (c->name && strcmp(c->name, name) == 0)
			return c;
		if (c->kind == DML_SHAPE_GROUP && (r = find_shape(c, name)) != NULL)
			return r;
	}
	return NULL;
}

static const dml_shape *
find_ph(const dml_shape *group, int type)
{
	for (uint32_t i = 0; i < group->n_children; i++)
		if (group->children[i].ph.has && group->children[i].ph.type == type)
			return &group->children[i];
	return NULL;
}

static void
test_placeholders_deck(void)
{
	s2p_error err;
	pml_presentation *p = load("samples/placeholders.pptx", &err);
	const pml_master *master;
	const dml_theme *theme;
	const dml_shape *s, *chain[2];
	const dml_xfrm *x;
	resolve_ctx rc;
	dml_ppr ppr;
	int n, shared = 1, loaded = 1;

	CHECK(p != NULL);
	CHECK_INT(err.code, S2P_OK);
	if (!p)
		return;
	CHECK_INT(p->n_slides, 7);
	CHECK_INT(p->sld_cx, 12192000);
	CHECK_INT(p->sld_cy, 6858000);
	CHECK_INT(p->first_slide_num, 1);
	CHECK(p->path && strstr(p->path, "placeholders.pptx"));
	CHECK_INT(p->default_text_style.lvl[0].def_rpr.sz_100pt, 1800);
	CHECK_INT(p->default_text_style.lvl[1].mar_l, 457200);

	master = p->slides[0].slide && p->slides[0].slide->layout ?
	         p->slides[0].slide->layout->master : NULL;
	CHECK(master != NULL);
	for (uint32_t i = 0; i < p->n_slides; i++) {
		const pml_slide *sl = p->slides[i].slide;
		CHECK_INT(p->slides[i].number, i + 1);
		CHECK_INT(p->slides[i].hidden, 0);
		CHECK_INT(p->slides[i].error.code, S2P_OK);
		if (!sl || !sl->layout || !sl->layout->master) {
			loaded = 0;
			continue;
		}
		if (sl->layout->master != master)
			shared = 0;
	}
	CHECK(loaded);
	CHECK(shared); /* one pml_master for the whole deck */
	if (!loaded || !master)
		goto out;
	CHECK_STR(p->slides[1].part, "/ppt/slides/slide2.xml");
	CHECK_STR(p->slides[1].slide->sheet.part, "/ppt/slides/slide2.xml");
	CHECK_INT(p->slides[0].sld_id, 256);
	/* slides 2 and 3 use the same layout: one parsed object */
	CHECK(p->slides[1].slide->layout == p->slides[2].slide->layout);
	CHECK(p->slides[0].slide->layout != p->slides[1].slide->layout);
	CHECK_STR(p->slides[1].slide->layout->type, "obj");
	CHECK_STR(p->slides[1].slide->layout->sheet.name, "Title and Content");

	/* theme colours (dk1/lt1 are sysClr with lastClr) */
	theme = master->theme;
	CHECK(theme != NULL);
	if (theme) {
		CHECK_INT(theme->scheme[DML_SLOT_DK1], 0x000000);
		CHECK_INT(theme->scheme[DML_SLOT_LT1], 0xFFFFFF);
		CHECK_INT(theme->scheme[DML_SLOT_DK2], 0x44546A);
		CHECK_INT(theme->scheme[DML_SLOT_ACCENT1], 0x4472C4);
		CHECK_INT(theme->scheme[DML_SLOT_FOLHLINK], 0x954F72);
		CHECK_STR(theme->major.latin, "Calibri Light");
		CHECK_STR(theme->minor.latin, "Calibri");
	}
	CHECK(master->sheet.has_clr_map);
	CHECK_INT(master->sheet.clr_map[0], DML_SLOT_LT1);
	CHECK_INT(master->sheet.clr_map[1], DML_SLOT_DK1);
	CHECK_INT(master->title_style.lvl[0].def_rpr.sz_100pt, 4400);
	CHECK_INT(master->body_style.lvl[0].def_rpr.sz_100pt, 2800);

	/* slide 1: ctrTitle without xfrm, positioned by the layout */
	resolve_ctx_init(&rc, p, p->slides[0].slide);
	CHECK(rc.master == master && rc.theme == theme);
	CHECK_INT(rc.colors.scheme[DML_SLOT_ACCENT1], 0x4472C4);
	s = find_ph(&p->slides[0].slide->sheet.tree, DML_PH_CTR_TITLE);
	CHECK(s != NULL);
	if (s) {
		CHECK(!s->xfrm.has);
		n = resolve_ph_chain(&rc, s, RESOLVE_SLIDE, chain);
		CHECK_INT(n, 2);
		if (n == 2) {
			CHECK_INT(chain[0]->ph.type, DML_PH_CTR_TITLE); /* layout */
			CHECK(chain[0] == find_ph(&p->slides[0].slide->layout->sheet.tree,
			                          DML_PH_CTR_TITLE));
			CHECK_INT(chain[1]->ph.type, DML_PH_TITLE);     /* master */
			CHECK(chain[1] == find_ph(&master->sheet.tree, DML_PH_TITLE));
			x = resolve_xfrm(s, chain, n);
			CHECK(x == &chain[0]->xfrm);
			CHECK_INT(x->off_x, 1524000);
			CHECK_INT(x->off_y, 1122363);
			CHECK_INT(x->ext_cx, 9144000);
			CHECK_INT(x->ext_cy, 2387600);
			/* the layout's lstStyle (sz=6000) overrides the master
			 * titleStyle (4400) */
			ppr = resolve_ppr(&rc, s, chain, n, NULL, 0);
			CHECK_INT(ppr.def_rpr.sz_100pt, 6000);
			CHECK_INT(ppr.def_rpr.fill.color.slot, DML_SLOT_ACCENT1);
		}
	}

	/* slide 2: title and body without xfrm on slide or layout: frames
	 * come from the master; body (idx=1, no type) matched by type */
	resolve_ctx_init(&rc, p, p->slides[1].slide);
	s = find_ph(&p->slides[1].slide->sheet.tree, DML_PH_TITLE);
	CHECK(s != NULL);
	if (s) {
		n = resolve_ph_chain(&rc, s, RESOLVE_SLIDE, chain);
		CHECK_INT(n, 2);
		if (n == 2) {
			CHECK(chain[0] == find_ph(&p->slides[1].slide->layout->sheet.tree,
			                          DML_PH_TITLE));
			CHECK(chain[1] == find_ph(&master->sheet.tree, DML_PH_TITLE));
			x = resolve_xfrm(s, chain, n);
			CHECK(x == &chain[1]->xfrm);
			CHECK_INT(x->off_x, 838200);
			CHECK_INT(x->off_y, 365125);
			CHECK_INT(x->ext_cy, 1325563);
		}
		ppr = resolve_ppr(&rc, s, chain, n, NULL, 0);
		CHECK_INT(ppr.def_rpr.sz_100pt, 4400);
		/* titleStyle colour: accent1 lumMod 75% */
		CHECK_INT(ppr.def_rpr.fill.kind, DML_FILL_SOLID);
		CHECK_INT(ppr.def_rpr.fill.color.kind, DML_COLOR_SCHEME);
		CHECK_INT(ppr.def_rpr.fill.color.slot, DML_SLOT_ACCENT1);
		CHECK_INT(ppr.def_rpr.fill.color.n_mods, 1);
		CHECK_INT(ppr.def_rpr.fill.color.mods[0].val, 75000);
		CHECK_STR(resolve_font(&rc, ppr.def_rpr.latin), "Calibri Light");
		CHECK_INT(ppr.ln_spc.val, 90000);
		CHECK_INT(ppr.ln_spc.pts, 0);
	}
	s = find_shape(&p->slides[1].slide->sheet.tree, "Content Placeholder 2");
	CHECK(s != NULL);
	if (s) {
		CHECK(s->ph.has && s->ph.has_idx && s->ph.idx == 1);
		n = resolve_ph_chain(&rc, s, RESOLVE_SLIDE, chain);
		CHECK_INT(n, 2);
		if (n == 2) {
			CHECK(chain[0]->ph.has_idx && chain[0]->ph.idx == 1);
			CHECK_INT(chain[1]->ph.type, DML_PH_BODY);
			x = resolve_xfrm(s, chain, n);
			CHECK_INT(x->off_y, 1825625);
			CHECK_INT(x->ext_cy, 4351338);
		}
		ppr = resolve_ppr(&rc, s, chain, n, NULL, 0);
		CHECK_INT(ppr.def_rpr.sz_100pt, 2800);
		CHECK_INT(ppr.bullet, DML_BU_CHAR);
		CHECK_INT(ppr.mar_l, 228600);
		CHECK_INT(ppr.indent, -228600);
		/* a paragraph's own level picks the matching bodyStyle level */
		CHECK(s->text && s->text->n_paras >= 2 && s->text->paras[1].lvl == 1);
	}
	/* the master decoration bar is no placeholder: no chain */
	s = find_shape(&master->sheet.tree, "Master bar");
	CHECK(s != NULL);
	if (s)
		CHECK_INT(resolve_ph_chain(&rc, s, RESOLVE_MASTER, chain), 0);

	/* slide 6: clrMapOvr swaps the mapping */
	CHECK(p->slides[5].slide->sheet.has_clr_map);
	resolve_ctx_init(&rc, p, p->slides[5].slide);
	CHECK_INT(rc.colors.map[0], DML_SLOT_DK1);
	CHECK_INT(rc.colors.map[1], DML_SLOT_LT1);
	CHECK_INT(rc.colors.map[2], DML_SLOT_DK2);
	CHECK_INT(rc.colors.map[3], DML_SLOT_LT2);
	/* slide 2 keeps the master's */
	resolve_ctx_init(&rc, p, p->slides[1].slide);
	CHECK_INT(rc.colors.map[1], DML_SLOT_DK1);

	/* slide 5: its layout has showMasterSp="0" */
	CHECK_INT(p->slides[4].slide->layout->sheet.show_master_sp, 0);
	CHECK_INT(p->slides[1].slide->layout->sheet.show_master_sp, 1);

	/* slide 7: placeholders with their own xfrm keep it */
	resolve_ctx_init(&rc, p, p->slides[6].slide);
	s = find_ph(&p->slides[6].slide->sheet.tree, DML_PH_TITLE);
	CHECK(s != NULL);
	if (s) {
		CHECK(s->xfrm.has);
		n = resolve_ph_chain(&rc, s, RESOLVE_SLIDE, chain);
		CHECK(n >= 1);
		CHECK(resolve_xfrm(s, chain, n) == &s->xfrm);
	}
out:
	pml_presentation_free(p);
}

typedef struct split_expect {
	int number;
	const pml_layout *layout;
	const pml_master *master;
	int32_t sz_lvl1;
	int64_t cx;
} split_expect;

static void
test_sample_and_split(void)
{
	s2p_error err;
	pml_presentation *p = load("samples/sample.pptx", &err);
	pml_presentation *one[16];
	split_expect want[16];
	uint32_t n_split = 0;
	int ok = 1;

	CHECK(p != NULL);
	if (!p)
		return;
	CHECK_INT(p->n_slides, 6);
	CHECK_INT(p->sld_cx, 12192000);
	CHECK_INT(p->sld_cy, 6858000);
	for (uint32_t i = 0; i < p->n_slides; i++) {
		CHECK(p->slides[i].slide != NULL);
		CHECK_INT(p->slides[i].hidden, i == 5); /* slide 6: show="0" */
	}
	for (uint32_t i = 1; i < p->n_slides; i++)
		if (p->slides[i].slide && p->slides[0].slide &&
		    p->slides[i].slide->layout->master !=
		    p->slides[0].slide->layout->master)
			ok = 0;
	CHECK(ok);

	/* out of range */
	s2p_error_clear(&err);
	CHECK(split_slide(p, p->n_slides, &err) == NULL);
	CHECK(err.code != S2P_OK);

	for (uint32_t i = 0; i < p->n_slides && i < 16; i++) {
		if (!p->slides[i].slide)
			continue;
		s2p_error_clear(&err);
		one[n_split] = split_slide(p, i, &err);
		CHECK(one[n_split] != NULL);
		if (!one[n_split])
			continue;
		want[n_split].number = p->slides[i].number;
		want[n_split].layout = p->slides[i].slide->layout;
		want[n_split].master = p->slides[i].slide->layout->master;
		want[n_split].sz_lvl1 = p->default_text_style.lvl[0].def_rpr.sz_100pt;
		want[n_split].cx = p->sld_cx;
		n_split++;
	}
	CHECK_INT(n_split, 6);
	/* the deck goes; the single-slide presentations must stand alone */
	pml_presentation_free(p);

	for (uint32_t k = 0; k < n_split; k++) {
		pml_presentation *q = one[k];
		const pml_slide *sl;
		resolve_ctx rc;
		const dml_shape *title, *chain[2];
		dml_ppr ppr;
		int n;

		CHECK_INT(q->n_slides, 1);
		CHECK_INT(q->slides[0].number, want[k].number);
		CHECK_INT(q->slides[0].hidden, want[k].number == 6);
		CHECK_INT(q->sld_cx, want[k].cx);
		CHECK_INT(q->sld_cy, 6858000);
		CHECK(q->path && strstr(q->path, "sample.pptx"));
		sl = q->slides[0].slide;
		CHECK(sl != NULL);
		if (!sl)
			continue;
		CHECK(sl->layout == want[k].layout);
		CHECK(sl->layout->master == want[k].master);
		CHECK_INT(q->default_text_style.lvl[0].def_rpr.sz_100pt, want[k].sz_lvl1);
		CHECK_INT(sl->layout->master->theme->scheme[DML_SLOT_ACCENT1], 0x4472C4);
		CHECK(q->default_text_style.lvl[0].def_rpr.latin == NULL ||
		      strcmp(q->default_text_style.lvl[0].def_rpr.latin, "+mn-lt") == 0);
		/* resolving still reaches layout, master and theme */
		resolve_ctx_init(&rc, q, sl);
		title = find_ph(&sl->sheet.tree, DML_PH_TITLE);
		if (!title)
			title = find_ph(&sl->sheet.tree, DML_PH_CTR_TITLE);
		if (title) {
			n = resolve_ph_chain(&rc, title, RESOLVE_SLIDE, chain);
			CHECK(n >= 1);
			ppr = resolve_ppr(&rc, title, chain, n, NULL, 0);
			CHECK(ppr.def_rpr.sz_100pt >= 4400);
			CHECK(resolve_font(&rc, "+mj-lt") != NULL);
		}
	}
	for (uint32_t k = 0; k < n_split; k++)
		pml_presentation_free(one[k]);
}

static void
test_list_style_copy(void)
{
	s2p_arena *src_arena = s2p_arena_new(), *dst_arena = s2p_arena_new();
	dml_list_style *src = s2p_arena_alloc(src_arena, sizeof *src);
	dml_list_style dst;
	dml_grad_stop stops[2];
	int rc;

	memset(stops, 0, sizeof stops);
	stops[1].pos_pct1k = 100000;
	src->lvl[0].bu_char = s2p_arena_strdup(src_arena, "\xE2\x80\xA2");
	src->lvl[0].bu_font = s2p_arena_strdup(src_arena, "Arial");
	src->lvl[0].def_rpr.latin = s2p_arena_strdup(src_arena, "+mn-lt");
	src->lvl[0].def_rpr.sz_100pt = 2400;
	src->lvl[1].def_rpr.fill.kind = DML_FILL_GRAD;
	src->lvl[1].def_rpr.fill.stops = s2p_arena_memdup(src_arena, stops, sizeof stops);
	src->lvl[1].def_rpr.fill.n_stops = 2;
	src->lvl[2].def_rpr.fill.kind = DML_FILL_PATT;
	src->lvl[2].def_rpr.fill.prst = s2p_arena_strdup(src_arena, "pct50");
	src->def.def_rpr.ea = s2p_arena_strdup(src_arena, "+mn-ea");
	{
		dml_effects *fx = s2p_arena_alloc(src_arena, sizeof *fx);
		memset(fx, 0, sizeof *fx);
		fx->outer.has = 1;
		fx->outer.dist_emu = 38100;
		src->lvl[3].def_rpr.effects = fx;
		src->lvl[3].def_rpr.set |= DML_R_EFFECTS;
	}

	rc = dml_list_style_copy(&dst, src, dst_arena);
	CHECK_INT(rc, 0);
	/* every pointer must point into the new arena, never the old one */
	CHECK(dst.lvl[0].bu_char != src->lvl[0].bu_char);
	CHECK_STR(dst.lvl[0].bu_char, "\xE2\x80\xA2");
	CHECK(dst.lvl[0].bu_font != src->lvl[0].bu_font);
	CHECK(dst.lvl[0].def_rpr.latin != src->lvl[0].def_rpr.latin);
	CHECK_INT(dst.lvl[0].def_rpr.sz_100pt, 2400);
	CHECK(dst.lvl[1].def_rpr.fill.stops != src->lvl[1].def_rpr.fill.stops);
	CHECK(dst.def.def_rpr.ea != src->def.def_rpr.ea);
	/* Regression (was a bug): rpr_copy() in src/model/model.c copies the gradient stops but
	 * not fill.prst (pattern preset name), so a split presentation's
	 * default text style points into the freed deck's arena. */
	CHECK(dst.lvl[2].def_rpr.fill.prst != src->lvl[2].def_rpr.fill.prst);
	/* text effects of a list style are copied too */
	CHECK(dst.lvl[3].def_rpr.effects != src->lvl[3].def_rpr.effects);
	s2p_arena_free(src_arena);
	CHECK(dst.lvl[3].def_rpr.effects && dst.lvl[3].def_rpr.effects->outer.dist_emu == 38100);
	CHECK_STR(dst.lvl[0].bu_font, "Arial");
	CHECK_STR(dst.def.def_rpr.ea, "+mn-ea");
	CHECK_INT(dst.lvl[1].def_rpr.fill.stops[1].pos_pct1k, 100000);
	s2p_arena_free(dst_arena);
}

static void
test_broken_decks(void)
{
	static const char *const partial[] = {
		"samples/broken/missing-slide-part.pptx",
		"samples/broken/bad-xml-slide.pptx",
	};
	static const int codes[] = { S2P_EFORMAT, S2P_EXML };
	s2p_error err;
	pml_presentation *p;

	for (int k = 0; k < 2; k++) {
		p = load(partial[k], &err);
		CHECK(p != NULL);
		CHECK_INT(err.code, S2P_OK); /* one bad slide does not fail the deck */
		if (!p)
			continue;
		CHECK_INT(p->n_slides, 3);
		CHECK(p->slides[0].slide != NULL);
		CHECK_INT(p->slides[0].error.code, S2P_OK);
		CHECK(p->slides[1].slide == NULL);
		CHECK_INT(p->slides[1].error.code, codes[k]);
		CHECK_STR(p->slides[1].error.part, "/ppt/slides/slide2.xml");
		CHECK(p->slides[1].error.msg[0] != 0);
		CHECK(p->slides[2].slide != NULL);
		CHECK_INT(p->slides[2].error.code, S2P_OK);
		CHECK_INT(p->slides[2].number, 3);
		/* a failed slide cannot be split; the others can */
		s2p_error_clear(&err);
		CHECK(split_slide(p, 1, &err) == NULL);
		CHECK(err.code != S2P_OK);
		{
			pml_presentation *q = split_slide(p, 2, &err);
			CHECK(q != NULL);
			CHECK(q && q->slides[0].number == 3);
			pml_presentation_free(q);
		}
		pml_presentation_free(p);
	}
	/* the bad XML error carries a line number */
	p = load("samples/broken/bad-xml-slide.pptx", &err);
	CHECK(p && p->slides[1].error.xml_line > 0);
	pml_presentation_free(p);

	p = load("samples/broken/no-slides.pptx", &err);
	CHECK(p == NULL);
	CHECK_INT(err.code, S2P_EFORMAT);
	CHECK(strstr(err.msg, "no slides") != NULL);

	p = load("samples/broken/zip-not-pptx.pptx", &err);
	CHECK(p == NULL);
	CHECK_INT(err.code, S2P_EFORMAT);

	/* a relationship escaping the package, and an external picture:
	 * the slide still loads, nothing is read from outside */
	p = load("samples/broken/rels-escape.pptx", &err);
	CHECK(p != NULL);
	CHECK(p && p->n_slides >= 1 && p->slides[0].slide != NULL);
	pml_presentation_free(p);
	p = load("samples/broken/external-image.pptx", &err);
	CHECK(p != NULL);
	CHECK(p && p->n_slides >= 1 && p->slides[0].slide != NULL);
	pml_presentation_free(p);
}

static void
test_strict(void)
{
	s2p_error err;
	pml_presentation *p = load("samples/broken/strict.pptx", &err);
	const pml_slide *sl;
	const dml_shape *s, *chain[2];
	resolve_ctx rc;
	dml_ppr ppr;
	int n;

	CHECK(p != NULL);
	CHECK_INT(err.code, S2P_OK);
	if (!p)
		return;
	CHECK_INT(p->n_slides, 2);
	CHECK_INT(p->sld_cx, 12192000);
	CHECK(p->slides[0].slide != NULL);
	CHECK(p->slides[1].slide != NULL);
	sl = p->slides[1].slide;
	if (!sl)
		goto out;
	CHECK_INT(sl->layout->master->theme->scheme[DML_SLOT_ACCENT1], 0x4472C4);
	/* "75%" (Strict) reads as 75000 */
	s = find_shape(&sl->sheet.tree, "Rectangle");
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->fill.kind, DML_FILL_SOLID);
		CHECK_INT(s->fill.color.kind, DML_COLOR_SCHEME);
		CHECK_INT(s->fill.color.slot, DML_SLOT_ACCENT1);
		CHECK_INT(s->fill.color.n_mods, 1);
		CHECK_INT(s->fill.color.mods[0].op, DML_CMOD_LUM_MOD);
		CHECK_INT(s->fill.color.mods[0].val, 75000);
		CHECK_INT(s->xfrm.off_x, 838200);
		CHECK_INT(s->ln_ref.idx, 2);
		CHECK_INT(s->ln_ref.color.mods[0].val, 50000);
	}
	s = find_shape(&sl->sheet.tree, "Ellipse");
	CHECK(s && s->has_line && s->line.w_emu == 38100);
	resolve_ctx_init(&rc, p, sl);
	s = find_ph(&sl->sheet.tree, DML_PH_TITLE);
	CHECK(s != NULL);
	if (s) {
		n = resolve_ph_chain(&rc, s, RESOLVE_SLIDE, chain);
		CHECK(n >= 1);
		ppr = resolve_ppr(&rc, s, chain, n, NULL, 0);
		CHECK_INT(ppr.def_rpr.sz_100pt, 4400);
		CHECK(resolve_xfrm(s, chain, n)->has);
	}
out:
	pml_presentation_free(p);
}

/* samples/effects.pptx: run effects are loaded, an empty effectLst is
 * kept (it takes inherited effects off), and preset shadows become the
 * outer shadows of §20.1.10.52. */
static void
test_effects_deck(void)
{
	s2p_error err;
	pml_presentation *p = load("samples/effects.pptx", &err);
	const dml_shape *s;

	CHECK(p != NULL);
	if (!p)
		return;
	CHECK(p->n_slides >= 2);
	s = find_shape(&p->slides[0].slide->sheet.tree, "mixed runs");
	CHECK(s && s->text && s->text->n_paras == 1 && s->text->paras[0].n_runs == 3);
	if (s && s->text && s->text->n_paras == 1 && s->text->paras[0].n_runs == 3) {
		const dml_run *r = s->text->paras[0].runs;
		CHECK(!(r[0].rpr.set & DML_R_EFFECTS));
		CHECK(r[1].rpr.set & DML_R_EFFECTS);
		CHECK(r[1].rpr.effects && r[1].rpr.effects->outer.has &&
		      r[1].rpr.effects->outer.dist_emu == 50800 &&
		      r[1].rpr.effects->outer.dir_60k == 5400000);
		CHECK(r[2].rpr.set & DML_R_EFFECTS);
		CHECK(r[2].rpr.effects && r[2].rpr.effects->has &&
		      !r[2].rpr.effects->outer.has);
	}
	s = find_shape(&p->slides[1].slide->sheet.tree, "shdw11");
	CHECK(s && s->effects.outer.has);
	if (s) {
		const dml_shadow *o = &s->effects.outer;
		CHECK_INT(o->rot_with_shape, 0);
		CHECK_INT(o->algn, DML_RA_B);
		CHECK_INT(o->kx_60k, 2453400);
		CHECK_INT(o->sy_pct1k, 50000);
		CHECK_INT(o->sx_pct1k, 100000);
		CHECK_INT(o->blur_emu, 0);
		CHECK_INT(o->dist_emu, 76200);
		CHECK(!s->effects.outer2.has);
	}
	s = find_shape(&p->slides[1].slide->sheet.tree, "shdw13");
	CHECK(s && s->effects.outer2.has);
	if (s) {
		CHECK_INT(s->effects.outer2.dist_emu, 2 * 76200);
		CHECK_INT(s->effects.outer2.dir_60k, 2700000);
		CHECK_INT(s->effects.outer2.lighten, 1);
		CHECK_INT(s->effects.outer.lighten, 0);
	}
	s = find_shape(&p->slides[1].slide->sheet.tree, "shdw17");
	CHECK(s && s->effects.outer2.has);
	if (s) {
		CHECK_INT(s->effects.outer2.dist_emu, 76200);
		CHECK_INT(s->effects.outer2.dir_60k, 2700000 + 10800000);
	}
	s = find_shape(&p->slides[1].slide->sheet.tree, "shdw16");
	CHECK(s && s->effects.outer.kx_60k == -2453400 && s->effects.outer.sy_pct1k == -50000);
	/* gradFill@flip and tileRect */
	CHECK(p->n_slides >= 4);
	if (p->n_slides >= 4) {
		s = find_shape(&p->slides[3].slide->sheet.tree, "tile r 50%, flip x");
		CHECK(s && s->fill.kind == DML_FILL_GRAD && s->fill.tile_flip == 1 &&
		      s->fill.tile_rect.r == 50000);
		s = find_shape(&p->slides[3].slide->sheet.tree, "tile r/b 50%, 45\xc2\xb0, flip xy");
		CHECK(s && s->fill.tile_flip == 3);
		s = find_shape(&p->slides[3].slide->sheet.tree, "tile r 50%, flip none");
		CHECK(s && s->fill.tile_flip == 0);
	}
	pml_presentation_free(p);
}

int
main(void)
{
	test_placeholders_deck();
	test_sample_and_split();
	test_list_style_copy();
	test_effects_deck();
	test_broken_decks();
	test_strict();
	xmlCleanupParser();
	return TT_DONE();
}
