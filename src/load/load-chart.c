/*
 * Loading a graphicFrame's chart part (c:chartSpace, ECMA-376 §21.2) into
 * the model from the values cached in the part (numCache, strCache,
 * multiLvlStrCache, numLit, strLit); the embedded workbook is never
 * opened. Series, points and groups are limited; a part that cannot be
 * used gives a diagnostic and no chart, never a made-up one.
 */
#include "load/load-chart.h"
#include "model/dml-chart.h"
#include "model/resolve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct chart_load {
	load_part lp;         /* the chart part: its rels, same arena/diags */
	dml_chart *c;
	uint32_t points_left; /* budget over the whole chart */
	uint32_t series_left;
} chart_load;

/* CT_Boolean: the val attribute defaults to true (§21.2.2.x) */
static int
bool_val(const xmlNode *n, int absent)
{
	return n ? sxml_attr_bool(n, "val", 1) : absent;
}

static const char *
str_val(const xmlNode *n)
{
	return n ? sxml_attr(n, "val") : NULL;
}

static int
i32_val(const xmlNode *n, int32_t lo, int32_t hi, int32_t dflt)
{
	int32_t v;

	if (!n || sxml_attr_i32(n, "val", &v) != 1 || v < lo || v > hi)
		return dflt;
	return v;
}

static int
double_val(const xmlNode *n, double *out)
{
	const char *s = str_val(n);
	char *end;
	double v;

	if (!s)
		return 0;
	v = strtod(s, &end);
	if (end == s || *end || !isfinite(v))
		return 0;
	*out = v;
	return 1;
}

static char *
arena_text(chart_load *cl, const xmlNode *n)
{
	return sxml_text(n, cl->lp.arena);
}

/* Drop picture references from text properties: charts keep only the
 * fills of their own elements (released in dml_chart_release). */
static void
rpr_no_media(dml_rpr *r)
{
	if (r->fill.kind == DML_FILL_BLIP) {
		dml_fill_release(&r->fill);
		memset(&r->fill, 0, sizeof r->fill);
		r->set &= ~(uint32_t) DML_R_FILL;
	}
}

static int
load_sppr(chart_load *cl, const xmlNode *sppr, dml_chart_sppr *out)
{
	xmlNode *ln;
	int rc;

	memset(out, 0, sizeof *out);
	if (!sppr)
		return 0;
	rc = load_fill(&cl->lp, sppr, &out->fill);
	if (rc)
		return rc;
	if ((ln = sxml_child(sppr, "ln")) != NULL) {
		out->has_line = 1;
		rc = load_line(&cl->lp, ln, &out->line);
		if (rc)
			return rc;
	}
	return 0;
}

static int
load_txpr(chart_load *cl, const xmlNode *tx, dml_chart_txpr *out)
{
	dml_text_body *tb = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	out->rot_60k = INT32_MIN;
	if (!tx)
		return 0;
	rc = load_text_body(&cl->lp, tx, &tb);
	if (rc) {
		dml_text_body_release(tb);
		return rc;
	}
	if (!tb)
		return 0;
	out->has = 1;
	if (tb->bpr.set & DML_B_ROT)
		out->rot_60k = tb->bpr.rot_60k;
	if (tb->n_paras) {
		out->rpr = tb->paras[0].ppr.def_rpr;
		/* a run property in the first paragraph applies as well */
		if (tb->paras[0].n_runs)
			resolve_rpr_overlay(&out->rpr, &tb->paras[0].runs[0].rpr);
	}
	rpr_no_media(&out->rpr);
	dml_text_body_release(tb);
	return 0;
}

/* ---- cached data ---- */

/* The ptCount of a cache, bounded; or the highest idx + 1. */
static uint32_t
cache_count(chart_load *cl, const xmlNode *cache)
{
	int32_t n = i32_val(sxml_child(cache, "ptCount"), 0, INT32_MAX, -1);
	uint32_t mx = 0;

	if (n < 0) {
		SXML_EACH(pt, cache) {
			int64_t idx;
			if (sxml_is(pt, "pt") && sxml_attr_i64(pt, "idx", &idx) == 1 &&
			    idx >= 0 && idx < DML_CHART_MAX_POINTS && (uint32_t) idx + 1 > mx)
				mx = (uint32_t) idx + 1;
		}
		n = (int32_t) mx;
	}
	if ((uint32_t) n > cl->points_left) {
		pml_diag_add(cl->lp.diags, cl->lp.part, "chart has more than %d data "
		             "points; the rest are not drawn", DML_CHART_MAX_POINTS);
		n = (int32_t) cl->points_left;
	}
	cl->points_left -= (uint32_t) n;
	return (uint32_t) n;
}

/* numRef/numCache or numLit -> values (NAN where missing). */
static int
load_num(chart_load *cl, const xmlNode *src, double **vals, uint32_t *n,
         const char **fmt)
{
	const xmlNode *cache = sxml_child(src, "numLit");
	uint32_t cnt;

	if (!cache)
		cache = sxml_path(src, "numRef", "numCache", NULL);
	*vals = NULL;
	*n = 0;
	if (!cache)
		return 0;
	if (fmt && sxml_child(cache, "formatCode"))
		*fmt = arena_text(cl, sxml_child(cache, "formatCode"));
	cnt = cache_count(cl, cache);
	if (!cnt)
		return 0;
	*vals = s2p_arena_alloc_array(cl->lp.arena, cnt, sizeof **vals);
	if (!*vals)
		return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
	for (uint32_t i = 0; i < cnt; i++)
		(*vals)[i] = NAN;
	SXML_EACH(pt, cache) {
		int64_t idx;
		char *end;
		const char *t;
		double v;
		if (!sxml_is(pt, "pt") || sxml_attr_i64(pt, "idx", &idx) != 1 ||
		    idx < 0 || idx >= cnt)
			continue;
		t = (const char *) xmlNodeGetContent(sxml_child(pt, "v"));
		if (!t)
			continue;
		v = strtod(t, &end);
		if (end != t && isfinite(v))
			(*vals)[idx] = v;
		xmlFree((void *) t);
	}
	*n = cnt;
	return 0;
}

/* strRef/strCache, strLit or multiLvlStrRef (its first, innermost
 * level) -> labels; a numeric source is formatted with its formatCode. */
static int
load_str(chart_load *cl, const xmlNode *src, const char ***labels, uint32_t *n,
         const char **fmt, double **nums)
{
	const xmlNode *cache = sxml_child(src, "strLit");
	uint32_t cnt;

	*labels = NULL;
	*n = 0;
	if (!cache)
		cache = sxml_path(src, "strRef", "strCache", NULL);
	if (!cache)
		cache = sxml_path(src, "multiLvlStrRef", "multiLvlStrCache", NULL);
	if (!cache && (sxml_child(src, "numRef") || sxml_child(src, "numLit"))) {
		double *v;
		const char *f = NULL;
		int rc = load_num(cl, src, &v, &cnt, &f);
		if (rc || !cnt)
			return rc;
		*labels = s2p_arena_alloc_array(cl->lp.arena, cnt, sizeof **labels);
		if (!*labels)
			return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
		for (uint32_t i = 0; i < cnt; i++) {
			char buf[64];
			if (isnan(v[i]))
				buf[0] = 0;
			else
				dml_chart_format_number(v[i], f, buf, sizeof buf);
			(*labels)[i] = s2p_arena_strdup(cl->lp.arena, buf);
			if (!(*labels)[i])
				return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
		}
		if (fmt)
			*fmt = f;
		if (nums)
			*nums = v;
		*n = cnt;
		return 0;
	}
	if (!cache)
		return 0;
	cnt = cache_count(cl, cache);
	if (sxml_is(cache, "multiLvlStrCache")) {
		/* ptCount is on the cache, the points in c:lvl */
		cache = sxml_child(cache, "lvl");
		if (!cache)
			return 0;
	}
	if (!cnt)
		return 0;
	*labels = s2p_arena_alloc_array(cl->lp.arena, cnt, sizeof **labels);
	if (!*labels)
		return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
	SXML_EACH(pt, cache) {
		int64_t idx;
		if (!sxml_is(pt, "pt") || sxml_attr_i64(pt, "idx", &idx) != 1 ||
		    idx < 0 || idx >= cnt)
			continue;
		(*labels)[idx] = arena_text(cl, sxml_child(pt, "v"));
		if (!(*labels)[idx])
			return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
	}
	*n = cnt;
	return 0;
}

/* c:tx of a series or title: strRef cache, or c:v. */
static const char *
load_tx_str(chart_load *cl, const xmlNode *tx)
{
	const xmlNode *cache = sxml_path(tx, "strRef", "strCache", NULL);
	if (cache) {
		SXML_EACH(pt, cache)
			if (sxml_is(pt, "pt"))
				return arena_text(cl, sxml_child(pt, "v"));
		return NULL;
	}
	if (sxml_child(tx, "v"))
		return arena_text(cl, sxml_child(tx, "v"));
	return NULL;
}

/* ---- titles, labels, markers ---- */

static int
load_title(chart_load *cl, const xmlNode *t, dml_chart_title *out)
{
	const xmlNode *tx;
	int rc;

	memset(out, 0, sizeof *out);
	out->txpr.rot_60k = INT32_MIN;
	if (!t)
		return 0;
	out->has = 1;
	out->overlay = (uint8_t) bool_val(sxml_child(t, "overlay"), 0);
	tx = sxml_child(t, "tx");
	if (tx && sxml_child(tx, "rich")) {
		rc = load_text_body(&cl->lp, sxml_child(tx, "rich"), &out->rich);
		if (rc)
			return rc;
	}
	else if (tx)
		out->str = load_tx_str(cl, tx);
	rc = load_txpr(cl, sxml_child(t, "txPr"), &out->txpr);
	if (!rc)
		rc = load_sppr(cl, sxml_child(t, "spPr"), &out->sppr);
	return rc;
}

static uint8_t
dlbl_pos(const char *s)
{
	static const struct { const char *name; uint8_t pos; } tab[] = {
		{ "bestFit", DML_DLBL_BEST_FIT }, { "b", DML_DLBL_B },
		{ "ctr", DML_DLBL_CTR }, { "inBase", DML_DLBL_IN_BASE },
		{ "inEnd", DML_DLBL_IN_END }, { "l", DML_DLBL_L },
		{ "outEnd", DML_DLBL_OUT_END }, { "r", DML_DLBL_R }, { "t", DML_DLBL_T },
	};
	for (size_t i = 0; i < S2P_ARRAY_LEN(tab); i++)
		if (s2p_str_eq(s, tab[i].name))
			return tab[i].pos;
	return DML_DLBL_DEFAULT;
}

static int
load_dlbls(chart_load *cl, const xmlNode *d, dml_chart_dlbls *out)
{
	const xmlNode *nf;
	int rc;

	memset(out, 0, sizeof *out);
	out->txpr.rot_60k = INT32_MIN;
	if (!d)
		return 0;
	out->has = 1;
	out->deleted = (uint8_t) bool_val(sxml_child(d, "delete"), 0);
	out->show_val = (uint8_t) bool_val(sxml_child(d, "showVal"), 0);
	out->show_pct = (uint8_t) bool_val(sxml_child(d, "showPercent"), 0);
	out->show_cat = (uint8_t) bool_val(sxml_child(d, "showCatName"), 0);
	out->show_ser = (uint8_t) bool_val(sxml_child(d, "showSerName"), 0);
	out->pos = dlbl_pos(str_val(sxml_child(d, "dLblPos")));
	nf = sxml_child(d, "numFmt");
	if (nf && !sxml_attr_bool(nf, "sourceLinked", 0))
		out->num_fmt = s2p_arena_strdup(cl->lp.arena, sxml_attr(nf, "formatCode"));
	if (sxml_child(d, "dLbl"))
		pml_diag_add(cl->lp.diags, cl->lp.part, "chart: per-point data label "
		             "settings drawn like the series' labels");
	rc = load_txpr(cl, sxml_child(d, "txPr"), &out->txpr);
	if (!rc)
		rc = load_sppr(cl, sxml_child(d, "spPr"), &out->sppr);
	return rc;
}

static uint8_t
marker_symbol(const char *s)
{
	static const struct { const char *name; uint8_t sym; } tab[] = {
		{ "none", DML_MARKER_NONE }, { "circle", DML_MARKER_CIRCLE },
		{ "dash", DML_MARKER_DASH }, { "diamond", DML_MARKER_DIAMOND },
		{ "dot", DML_MARKER_DOT }, { "picture", DML_MARKER_PICTURE },
		{ "plus", DML_MARKER_PLUS }, { "square", DML_MARKER_SQUARE },
		{ "star", DML_MARKER_STAR }, { "triangle", DML_MARKER_TRIANGLE },
		{ "x", DML_MARKER_X },
	};
	for (size_t i = 0; i < S2P_ARRAY_LEN(tab); i++)
		if (s2p_str_eq(s, tab[i].name))
			return tab[i].sym;
	return DML_MARKER_AUTO;
}

static int
load_marker(chart_load *cl, const xmlNode *m, dml_chart_marker *out)
{
	memset(out, 0, sizeof *out);
	out->symbol = marker_symbol(str_val(sxml_child(m, "symbol")));
	out->size = (uint8_t) i32_val(sxml_child(m, "size"), 2, 72, 0);
	if (out->symbol == DML_MARKER_PICTURE) {
		pml_diag_add(cl->lp.diags, cl->lp.part, "chart: picture markers "
		             "drawn as squares");
		out->symbol = DML_MARKER_SQUARE;
	}
	return load_sppr(cl, sxml_child(m, "spPr"), &out->sppr);
}

/* ---- series and groups ---- */

/* c:bubbleSize: one size per point (missing ones stay NAN, not drawn). */
static int
load_bubble_sizes(chart_load *cl, const xmlNode *src, dml_chart_series *s)
{
	double *v = NULL;
	uint32_t n = 0;
	int rc;

	if (!s->n_pts)
		return 0;
	rc = load_num(cl, src, &v, &n, NULL);
	if (rc)
		return rc;
	s->bsize = s2p_arena_alloc_array(cl->lp.arena, s->n_pts, sizeof *s->bsize);
	if (!s->bsize)
		return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
	for (uint32_t i = 0; i < s->n_pts; i++)
		s->bsize[i] = i < n ? v[i] : NAN;
	if (!src)
		/* no sizes at all: Office draws every bubble at one size */
		for (uint32_t i = 0; i < s->n_pts; i++)
			s->bsize[i] = 1;
	return 0;
}

static int
load_series(chart_load *cl, const xmlNode *ser, const dml_chart_group *g,
            dml_chart_series *s)
{
	const xmlNode *e;
	uint32_t n_dpt = 0;
	int rc;

	s->idx = (uint32_t) i32_val(sxml_child(ser, "idx"), 0, INT32_MAX, 0);
	s->order = (uint32_t) i32_val(sxml_child(ser, "order"), 0, INT32_MAX,
	                              (int32_t) s->idx);
	if ((e = sxml_child(ser, "tx")) != NULL)
		s->name = load_tx_str(cl, e);
	rc = load_sppr(cl, sxml_child(ser, "spPr"), &s->sppr);
	if (rc)
		return rc;
	if ((e = sxml_child(ser, "marker")) != NULL) {
		s->has_marker = 1;
		rc = load_marker(cl, e, &s->marker);
		if (rc)
			return rc;
	}
	s->smooth = (uint8_t) bool_val(sxml_child(ser, "smooth"), 0);
	s->invert_if_negative = (uint8_t) bool_val(sxml_child(ser, "invertIfNegative"), 0);
	s->explosion_pct = (uint32_t) i32_val(sxml_child(ser, "explosion"), 0, 400, 0);
	SXML_EACH(c, ser)
		if (sxml_is(c, "dPt") && n_dpt < DML_CHART_MAX_POINTS)
			n_dpt++;
	if (n_dpt) {
		s->dpts = s2p_arena_alloc_array(cl->lp.arena, n_dpt, sizeof *s->dpts);
		if (!s->dpts)
			return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
		SXML_EACH(c, ser) {
			dml_chart_dpt *d;
			if (!sxml_is(c, "dPt") || s->n_dpts == n_dpt)
				continue;
			d = &s->dpts[s->n_dpts++];
			d->idx = (uint32_t) i32_val(sxml_child(c, "idx"), 0, INT32_MAX, 0);
			if (sxml_child(c, "explosion")) {
				d->has_explosion = 1;
				d->explosion_pct = (uint32_t) i32_val(sxml_child(c, "explosion"),
				                                      0, 400, 0);
			}
			rc = load_sppr(cl, sxml_child(c, "spPr"), &d->sppr);
			if (!rc && sxml_child(c, "marker")) {
				d->has_marker = 1;
				rc = load_marker(cl, sxml_child(c, "marker"), &d->marker);
			}
			if (rc)
				return rc;
		}
	}
	rc = load_dlbls(cl, sxml_child(ser, "dLbls"), &s->dlbls);
	if (rc)
		return rc;
	if (g->type == DML_CHART_SCATTER || g->type == DML_CHART_BUBBLE) {
		const xmlNode *xv = sxml_child(ser, "xVal");
		uint32_t nx = 0;
		rc = load_num(cl, sxml_child(ser, "yVal"), &s->val, &s->n_pts, &s->val_fmt);
		if (!rc && xv && (sxml_child(xv, "numRef") || sxml_child(xv, "numLit")))
			rc = load_num(cl, xv, &s->xval, &nx, &s->cat_fmt);
		else if (!rc && xv)
			rc = load_str(cl, xv, &s->cat, &s->n_cat, &s->cat_fmt, NULL);
		if (!rc && s->xval && nx < s->n_pts) {
			/* x values missing at the end: those points are not drawn */
			double *xs = s2p_arena_alloc_array(cl->lp.arena, s->n_pts, sizeof *xs);
			if (!xs)
				return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
			for (uint32_t i = 0; i < s->n_pts; i++)
				xs[i] = i < nx ? s->xval[i] : NAN;
			s->xval = xs;
		}
		if (!rc && g->type == DML_CHART_BUBBLE)
			rc = load_bubble_sizes(cl, sxml_child(ser, "bubbleSize"), s);
		return rc;
	}
	rc = load_num(cl, sxml_child(ser, "val"), &s->val, &s->n_pts, &s->val_fmt);
	if (!rc && sxml_child(ser, "cat"))
		rc = load_str(cl, sxml_child(ser, "cat"), &s->cat, &s->n_cat, &s->cat_fmt,
		              &s->cat_num);
	return rc;
}

static int
series_cmp(const void *a, const void *b)
{
	const dml_chart_series *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

static const struct {
	const char *name;
	int type;             /* enum dml_chart_type, or -1: not drawn */
	uint8_t three_d;
	const char *label;
} group_kinds[] = {
	{ "barChart", DML_CHART_BAR, 0, "bar" },
	{ "bar3DChart", DML_CHART_BAR, 1, "3-D bar" },
	{ "lineChart", DML_CHART_LINE, 0, "line" },
	{ "line3DChart", DML_CHART_LINE, 1, "3-D line" },
	{ "pieChart", DML_CHART_PIE, 0, "pie" },
	{ "pie3DChart", DML_CHART_PIE, 1, "3-D pie" },
	{ "ofPieChart", DML_CHART_PIE, 0, "pie-of-pie" },
	{ "doughnutChart", DML_CHART_DOUGHNUT, 0, "doughnut" },
	{ "areaChart", DML_CHART_AREA, 0, "area" },
	{ "area3DChart", DML_CHART_AREA, 1, "3-D area" },
	{ "scatterChart", DML_CHART_SCATTER, 0, "scatter" },
	{ "radarChart", DML_CHART_RADAR, 0, "radar" },
	{ "bubbleChart", DML_CHART_BUBBLE, 0, "bubble" },
	{ "stockChart", DML_CHART_LINE, 0, "stock" },
	{ "surfaceChart", -1, 0, "surface" },
	{ "surface3DChart", -1, 0, "3-D surface" },
};

static int
group_kind(const xmlNode *n)
{
	for (size_t i = 0; i < S2P_ARRAY_LEN(group_kinds); i++)
		if (sxml_is(n, group_kinds[i].name))
			return (int) i;
	return -1;
}

/* What radar, bubble and stock groups add to the common settings. */
static int
load_group_extras(chart_load *cl, const xmlNode *el, dml_chart_group *g)
{
	const xmlNode *e;
	const char *s;
	int rc;

	s = str_val(sxml_child(el, "radarStyle"));
	g->radar_style = s2p_str_eq(s, "filled") ? DML_RADAR_FILLED :
	                 s2p_str_eq(s, "standard") ? DML_RADAR_STANDARD :
	                 DML_RADAR_MARKER;
	g->bubble_scale = i32_val(sxml_child(el, "bubbleScale"), 0, 300, 100);
	g->bubble_area = !s2p_str_eq(str_val(sxml_child(el, "sizeRepresents")), "w");
	g->show_neg_bubbles = (uint8_t) bool_val(sxml_child(el, "showNegBubbles"), 0);
	if (sxml_child(el, "bubble3D") && bool_val(sxml_child(el, "bubble3D"), 0))
		pml_diag_add(cl->lp.diags, cl->lp.part, "3-D bubbles drawn flat");
	g->stock = sxml_is(el, "stockChart");
	if ((e = sxml_child(el, "hiLowLines")) != NULL) {
		g->has_hilow = 1;
		rc = load_sppr(cl, sxml_child(e, "spPr"), &g->hilow_sppr);
		if (rc)
			return rc;
	}
	if ((e = sxml_child(el, "upDownBars")) != NULL) {
		const xmlNode *b;
		g->has_updown = 1;
		g->updown_gap = i32_val(sxml_child(e, "gapWidth"), 0, 500, 150);
		if ((b = sxml_child(e, "upBars")) != NULL) {
			g->has_up_sppr = sxml_child(b, "spPr") != NULL;
			rc = load_sppr(cl, sxml_child(b, "spPr"), &g->up_sppr);
			if (rc)
				return rc;
		}
		if ((b = sxml_child(e, "downBars")) != NULL) {
			g->has_down_sppr = sxml_child(b, "spPr") != NULL;
			rc = load_sppr(cl, sxml_child(b, "spPr"), &g->down_sppr);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int
load_group(chart_load *cl, const xmlNode *el, int kind, dml_chart_group *g)
{
	const char *s;
	uint32_t n = 0;
	int rc;

	g->type = (uint8_t) group_kinds[kind].type;
	if (group_kinds[kind].three_d)
		pml_diag_add(cl->lp.diags, cl->lp.part, "%s chart drawn as 2-D",
		             group_kinds[kind].label);
	if (sxml_is(el, "ofPieChart"))
		pml_diag_add(cl->lp.diags, cl->lp.part, "pie-of-pie chart drawn as "
		             "one pie");
	g->horizontal = s2p_str_eq(str_val(sxml_child(el, "barDir")), "bar");
	rc = load_group_extras(cl, el, g);
	if (rc)
		return rc;
	s = str_val(sxml_child(el, "grouping"));
	g->grouping = s2p_str_eq(s, "stacked") ? DML_GROUP_STACKED :
	              s2p_str_eq(s, "percentStacked") ? DML_GROUP_PERCENT :
	              s2p_str_eq(s, "standard") ? DML_GROUP_STANDARD :
	              DML_GROUP_CLUSTERED;
	/* absent varyColors: Office varies the colours of pies only */
	g->vary_colors = (uint8_t) bool_val(sxml_child(el, "varyColors"),
	                                    g->type == DML_CHART_PIE ||
	                                    g->type == DML_CHART_DOUGHNUT);
	g->show_markers = (uint8_t) bool_val(sxml_child(el, "marker"), 1);
	s = str_val(sxml_child(el, "scatterStyle"));
	g->scatter_lines = !s2p_str_eq(s, "marker") && !s2p_str_eq(s, "none");
	g->gap_width = i32_val(sxml_child(el, "gapWidth"), 0, 500, 150);
	g->has_overlap = sxml_child(el, "overlap") != NULL;
	g->overlap = i32_val(sxml_child(el, "overlap"), -100, 100, 0);
	g->first_slice_ang = i32_val(sxml_child(el, "firstSliceAng"), 0, 360, 0);
	g->hole_size = i32_val(sxml_child(el, "holeSize"), 1, 90, 50);
	SXML_EACH(c, el) {
		if (sxml_is(c, "axId") && g->n_ax < 2)
			g->ax_id[g->n_ax++] = (uint32_t) i32_val(c, INT32_MIN, INT32_MAX, 0);
		else if (sxml_is(c, "ser"))
			n++;
	}
	if (n > cl->series_left) {
		pml_diag_add(cl->lp.diags, cl->lp.part, "chart has more than %d series; "
		             "the rest are not drawn", DML_CHART_MAX_SERIES);
		n = cl->series_left;
	}
	cl->series_left -= n;
	rc = load_dlbls(cl, sxml_child(el, "dLbls"), &g->dlbls);
	if (rc || !n)
		return rc;
	g->series = s2p_arena_alloc_array(cl->lp.arena, n, sizeof *g->series);
	if (!g->series)
		return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
	SXML_EACH(c, el) {
		if (!sxml_is(c, "ser") || g->n_series == n)
			continue;
		rc = load_series(cl, c, g, &g->series[g->n_series]);
		g->n_series++; /* counted even on failure so release sees it */
		if (rc)
			return rc;
	}
	qsort(g->series, g->n_series, sizeof *g->series, series_cmp);
	return 0;
}

/* ---- axes ---- */

static uint8_t
time_unit(const char *s)
{
	return s2p_str_eq(s, "days") ? DML_TIME_DAYS : s2p_str_eq(s, "months") ?
	       DML_TIME_MONTHS : s2p_str_eq(s, "years") ? DML_TIME_YEARS :
	       DML_TIME_AUTO;
}

static int
load_axis(chart_load *cl, const xmlNode *el, dml_chart_axis *ax)
{
	const xmlNode *sc = sxml_child(el, "scaling"), *e;
	const char *s;
	int rc;

	ax->kind = sxml_is(el, "valAx") ? DML_AXIS_VAL : sxml_is(el, "dateAx") ?
	           DML_AXIS_DATE : sxml_is(el, "serAx") ? DML_AXIS_SER : DML_AXIS_CAT;
	ax->id = (uint32_t) i32_val(sxml_child(el, "axId"), INT32_MIN, INT32_MAX, 0);
	ax->cross_ax = (uint32_t) i32_val(sxml_child(el, "crossAx"), INT32_MIN,
	                                  INT32_MAX, 0);
	ax->deleted = (uint8_t) bool_val(sxml_child(el, "delete"), 0);
	s = str_val(sxml_child(el, "axPos"));
	ax->pos = s2p_str_eq(s, "l") ? DML_AXPOS_L : s2p_str_eq(s, "r") ? DML_AXPOS_R :
	          s2p_str_eq(s, "t") ? DML_AXPOS_T : DML_AXPOS_B;
	ax->reversed = s2p_str_eq(str_val(sxml_child(sc, "orientation")), "maxMin");
	ax->has_min = (uint8_t) double_val(sxml_child(sc, "min"), &ax->min);
	ax->has_max = (uint8_t) double_val(sxml_child(sc, "max"), &ax->max);
	if (double_val(sxml_child(sc, "logBase"), &ax->log_base) &&
	    !(ax->log_base >= 2 && ax->log_base <= 1000))
		ax->log_base = 0;
	ax->has_major = (uint8_t) double_val(sxml_child(el, "majorUnit"), &ax->major);
	if (ax->has_major && !(ax->major > 0))
		ax->has_major = 0;
	if ((e = sxml_child(el, "majorGridlines")) != NULL) {
		ax->major_grid = 1;
		rc = load_sppr(cl, sxml_child(e, "spPr"), &ax->major_grid_sppr);
		if (rc)
			return rc;
	}
	if ((e = sxml_child(el, "minorGridlines")) != NULL) {
		ax->minor_grid = 1;
		rc = load_sppr(cl, sxml_child(e, "spPr"), &ax->minor_grid_sppr);
		if (rc)
			return rc;
	}
	if ((e = sxml_child(el, "numFmt")) != NULL) {
		ax->num_fmt = s2p_arena_strdup(cl->lp.arena, sxml_attr(e, "formatCode"));
		ax->source_linked = (uint8_t) sxml_attr_bool(e, "sourceLinked", 0);
	}
	else
		ax->source_linked = 1;
	s = str_val(sxml_child(el, "majorTickMark"));
	ax->major_tick = s2p_str_eq(s, "none") ? DML_TICK_NONE : s2p_str_eq(s, "in") ?
	                 DML_TICK_IN : s2p_str_eq(s, "cross") ? DML_TICK_CROSS :
	                 DML_TICK_OUT;
	s = str_val(sxml_child(el, "minorTickMark"));
	ax->minor_tick = s2p_str_eq(s, "in") ? DML_TICK_IN : s2p_str_eq(s, "out") ?
	                 DML_TICK_OUT : s2p_str_eq(s, "cross") ? DML_TICK_CROSS :
	                 DML_TICK_NONE;
	s = str_val(sxml_child(el, "tickLblPos"));
	ax->tick_lbl = s2p_str_eq(s, "none") ? DML_TICKLBL_NONE : s2p_str_eq(s, "low") ?
	               DML_TICKLBL_LOW : s2p_str_eq(s, "high") ? DML_TICKLBL_HIGH :
	               DML_TICKLBL_NEXT_TO;
	s = str_val(sxml_child(el, "crosses"));
	ax->crosses = s2p_str_eq(s, "min") ? DML_CROSSES_MIN : s2p_str_eq(s, "max") ?
	              DML_CROSSES_MAX : DML_CROSSES_AUTO_ZERO;
	if (double_val(sxml_child(el, "crossesAt"), &ax->crosses_at))
		ax->crosses = DML_CROSSES_AT;
	ax->base_unit = time_unit(str_val(sxml_child(el, "baseTimeUnit")));
	ax->major_unit = time_unit(str_val(sxml_child(el, "majorTimeUnit")));
	if ((e = sxml_child(el, "crossBetween")) != NULL) {
		ax->has_between = 1;
		ax->between = !s2p_str_eq(str_val(e), "midCat");
	}
	rc = load_sppr(cl, sxml_child(el, "spPr"), &ax->sppr);
	if (!rc)
		rc = load_txpr(cl, sxml_child(el, "txPr"), &ax->txpr);
	if (!rc)
		rc = load_title(cl, sxml_child(el, "title"), &ax->title);
	return rc;
}

static void
load_layout(const xmlNode *lay, dml_chart_layout *out)
{
	const xmlNode *m = sxml_child(lay, "manualLayout");

	memset(out, 0, sizeof *out);
	if (!m)
		return;
	out->inner = s2p_str_eq(str_val(sxml_child(m, "layoutTarget")), "inner");
	out->x_edge = s2p_str_eq(str_val(sxml_child(m, "xMode")), "edge");
	out->y_edge = s2p_str_eq(str_val(sxml_child(m, "yMode")), "edge");
	if (double_val(sxml_child(m, "x"), &out->x) &&
	    double_val(sxml_child(m, "y"), &out->y) &&
	    double_val(sxml_child(m, "w"), &out->w) &&
	    double_val(sxml_child(m, "h"), &out->h) &&
	    out->w > 0 && out->h > 0 && out->w <= 1.5 && out->h <= 1.5 &&
	    fabs(out->x) <= 1.5 && fabs(out->y) <= 1.5)
		out->has = 1;
}

static int
load_legend(chart_load *cl, const xmlNode *el, dml_chart_legend *lg)
{
	const char *s;
	uint32_t n = 0;
	int rc;

	lg->txpr.rot_60k = INT32_MIN;
	if (!el)
		return 0;
	lg->has = 1;
	s = str_val(sxml_child(el, "legendPos"));
	lg->pos = s2p_str_eq(s, "l") ? DML_LEGEND_L : s2p_str_eq(s, "t") ? DML_LEGEND_T :
	          s2p_str_eq(s, "b") ? DML_LEGEND_B : s2p_str_eq(s, "tr") ?
	          DML_LEGEND_TR : DML_LEGEND_R;
	lg->overlay = (uint8_t) bool_val(sxml_child(el, "overlay"), 0);
	load_layout(sxml_child(el, "layout"), &lg->layout);
	SXML_EACH(c, el)
		if (sxml_is(c, "legendEntry") && bool_val(sxml_child(c, "delete"), 0) &&
		    n < DML_CHART_MAX_SERIES)
			n++;
	if (n) {
		lg->deleted = s2p_arena_alloc_array(cl->lp.arena, n, sizeof *lg->deleted);
		if (!lg->deleted)
			return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
		SXML_EACH(c, el)
			if (sxml_is(c, "legendEntry") && bool_val(sxml_child(c, "delete"), 0) &&
			    lg->n_deleted < n)
				lg->deleted[lg->n_deleted++] = (uint32_t) i32_val(
				        sxml_child(c, "idx"), 0, INT32_MAX, 0);
	}
	rc = load_txpr(cl, sxml_child(el, "txPr"), &lg->txpr);
	if (!rc)
		rc = load_sppr(cl, sxml_child(el, "spPr"), &lg->sppr);
	return rc;
}

static int
load_plot_area(chart_load *cl, const xmlNode *pa)
{
	dml_chart *c = cl->c;
	uint32_t n_groups = 0, n_axes = 0;
	int rc;

	load_layout(sxml_child(pa, "layout"), &c->plot_layout);
	SXML_EACH(e, pa) {
		int k = group_kind(e);
		if (k >= 0 && group_kinds[k].type >= 0 && n_groups < DML_CHART_MAX_GROUPS)
			n_groups++;
		else if (k >= 0 && group_kinds[k].type < 0)
			pml_diag_add(cl->lp.diags, cl->lp.part, "%s chart not drawn",
			             group_kinds[k].label);
		else if ((sxml_is(e, "catAx") || sxml_is(e, "valAx") ||
		          sxml_is(e, "dateAx") || sxml_is(e, "serAx")) &&
		         n_axes < DML_CHART_MAX_AXES)
			n_axes++;
	}
	if (!n_groups)
		return 0;
	c->groups = s2p_arena_alloc_array(cl->lp.arena, n_groups, sizeof *c->groups);
	if (n_axes)
		c->axes = s2p_arena_alloc_array(cl->lp.arena, n_axes, sizeof *c->axes);
	if (!c->groups || (n_axes && !c->axes))
		return S2P_FAIL(cl->lp.err, S2P_ENOMEM, "out of memory");
	SXML_EACH(e, pa) {
		int k = group_kind(e);
		if (k >= 0 && group_kinds[k].type >= 0 && c->n_groups < n_groups) {
			rc = load_group(cl, e, k, &c->groups[c->n_groups]);
			c->n_groups++;
			if (rc)
				return rc;
		}
		else if ((sxml_is(e, "catAx") || sxml_is(e, "valAx") ||
		          sxml_is(e, "dateAx") || sxml_is(e, "serAx")) &&
		         c->n_axes < n_axes) {
			dml_chart_axis *ax = &c->axes[c->n_axes++];
			ax->txpr.rot_60k = INT32_MIN;
			rc = load_axis(cl, e, ax);
			if (rc)
				return rc;
		}
		else if (sxml_is(e, "spPr")) {
			c->has_plot_sppr = 1;
			rc = load_sppr(cl, e, &c->plot_sppr);
			if (rc)
				return rc;
		}
	}
	{
		uint32_t radars = 0;
		for (uint32_t g = 0; g < c->n_groups; g++)
			radars += c->groups[g].type == DML_CHART_RADAR;
		if (radars && radars < c->n_groups)
			pml_diag_add(cl->lp.diags, cl->lp.part, "radar chart combined with "
			             "other chart types: only the radar is drawn");
	}
	return 0;
}

static int32_t
chart_style(const xmlNode *root)
{
	SXML_EACH(e, root) {
		if (sxml_is(e, "style"))
			return i32_val(e, 1, 48, 2);
		if (sxml_is(e, "AlternateContent")) {
			const xmlNode *fb = sxml_path(e, "Fallback", "style", NULL);
			if (fb)
				return i32_val(fb, 1, 48, 2);
			/* c14:style is 100 + the style */
			fb = sxml_path(e, "Choice", "style", NULL);
			if (fb)
				return i32_val(fb, 101, 148, 102) - 100;
		}
	}
	return 2;
}

static int
load_chart_space(chart_load *cl, const xmlNode *root)
{
	dml_chart *c = cl->c;
	const xmlNode *ch = sxml_child(root, "chart"), *e;
	int rc;

	c->style = chart_style(root);
	c->rounded = (uint8_t) bool_val(sxml_child(root, "roundedCorners"), 0);
	if ((e = sxml_child(root, "spPr")) != NULL) {
		c->has_space_sppr = 1;
		rc = load_sppr(cl, e, &c->space_sppr);
		if (rc)
			return rc;
	}
	rc = load_txpr(cl, sxml_child(root, "txPr"), &c->txpr);
	if (rc || !ch)
		return rc;
	rc = load_title(cl, sxml_child(ch, "title"), &c->title);
	if (rc)
		return rc;
	c->auto_title_deleted = (uint8_t) bool_val(sxml_child(ch, "autoTitleDeleted"), 0);
	c->disp_blanks_zero = s2p_str_eq(str_val(sxml_child(ch, "dispBlanksAs")), "zero");
	if ((e = sxml_child(ch, "plotArea")) != NULL) {
		rc = load_plot_area(cl, e);
		if (rc)
			return rc;
	}
	return load_legend(cl, sxml_child(ch, "legend"), &c->legend);
}

/* Read and parse the part relationship @rid points at into *doc; a part
 * that cannot be used is a diagnostic (*doc NULL, 0 returned). */
static int
open_chart_part(load_part *lp, const char *rid, const char *what,
                const opc_rel **out_rel, xmlDoc **doc)
{
	const opc_rel *rel = opc_rels_find(lp->rels, rid);
	s2p_blob *blob = NULL;
	s2p_error e;

	*doc = NULL;
	*out_rel = rel;
	if (!rel || rel->external || rel->invalid) {
		pml_diag_add(lp->diags, lp->part, "%s relationship '%s' %s; chart "
		             "not drawn", what, rid ? rid : "", !rel ? "not found" :
		             rel->external ? "is external" : "points outside the package");
		return 0;
	}
	s2p_error_clear(&e);
	if (opc_package_read(lp->ctx->pkg, rel->target, &blob, &e)) {
		if (e.code == S2P_ENOMEM)
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
		pml_diag_add(lp->diags, lp->part, "%s %s cannot be read (%s); not "
		             "drawn", what, rel->target, e.msg);
		return 0;
	}
	*doc = opc_xml_parse(blob, rel->target, lp->ctx->lim, &e);
	s2p_blob_unref(blob);
	if (!*doc) {
		if (e.code == S2P_ENOMEM)
			return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
		pml_diag_add(lp->diags, lp->part, "%s %s is not valid XML (%s); not "
		             "drawn", what, rel->target, e.msg);
	}
	return 0;
}

int
load_chartex_note(load_part *lp, const char *rid)
{
	const opc_rel *rel;
	const xmlNode *root, *series;
	const char *layout = NULL;
	xmlDoc *doc;
	int rc = open_chart_part(lp, rid, "chartEx", &rel, &doc);

	if (rc || !doc)
		return rc;
	root = xmlDocGetRootElement(doc);
	/* cx:chartSpace/cx:chart/cx:plotArea/cx:plotAreaRegion/cx:series */
	series = sxml_path(root, "chart", "plotArea", "plotAreaRegion", "series",
	                   NULL);
	if (series)
		layout = sxml_attr(series, "layoutId");
	if (!layout || strlen(layout) > 40)
		layout = "";
	pml_diag_add(lp->diags, lp->part, "chartEx chart%s%s (%s) not drawn: the "
	             "file has no fallback picture for it", *layout ? " " : "",
	             layout, rel->target);
	xmlFreeDoc(doc);
	return 0;
}

int
load_chart_parse(load_part *lp, const char *rid, dml_chart **out)
{
	const opc_rel *rel;
	chart_load cl;
	xmlDoc *doc;
	xmlNode *root;
	s2p_error e;
	int rc;

	*out = NULL;
	rc = open_chart_part(lp, rid, "chart", &rel, &doc);
	if (rc || !doc)
		return rc;
	root = xmlDocGetRootElement(doc);
	if (!sxml_is(root, "chartSpace")) {
		pml_diag_add(lp->diags, lp->part, "chart %s has no c:chartSpace; not "
		             "drawn", rel->target);
		xmlFreeDoc(doc);
		return 0;
	}
	memset(&cl, 0, sizeof cl);
	cl.lp = *lp;
	cl.lp.part = s2p_arena_strdup(lp->arena, rel->target);
	s2p_error_clear(&e);
	cl.lp.rels = opc_rels_load(lp->ctx->pkg, rel->target, &e);
	cl.points_left = DML_CHART_MAX_POINTS;
	cl.series_left = DML_CHART_MAX_SERIES;
	cl.c = s2p_arena_alloc(lp->arena, sizeof *cl.c);
	if (!cl.c || !cl.lp.part) {
		opc_rels_free(cl.lp.rels);
		xmlFreeDoc(doc);
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	}
	cl.c->part = cl.lp.part;
	rc = load_chart_space(&cl, root);
	opc_rels_free(cl.lp.rels);
	xmlFreeDoc(doc);
	if (rc) {
		dml_chart_release(cl.c);
		return rc;
	}
	if (!cl.c->n_groups) {
		pml_diag_add(lp->diags, cl.lp.part, "chart has no plot type we draw; "
		             "not drawn");
		dml_chart_release(cl.c);
		return 0;
	}
	*out = cl.c;
	return 0;
}
