/*
 * Loading a:tbl (§21.1.3) into the model: grid, rows, cells with their
 * tcPr (margins, anchor, fill, borders), the tblPr flags, and the table
 * style the table names, looked up in the deck's tableStyles part and
 * then in PowerPoint's built-in catalogue. Sizes are limited; a table we
 * cannot use is a diagnostic and stays undrawn, never an error.
 */
#include "load/load-table.h"
#include "model/dml-table.h"

#include <string.h>

enum {
	MAX_TBL_ROWS = 1000, MAX_TBL_COLS = 1000, MAX_TBL_CELLS = 10000,
	MAX_TBL_STYLES = 1000
};

static const int64_t MAX_EMU = 51206400;   /* ST_Coordinate32 extent */

static int64_t
clamp_emu(int64_t v)
{
	return v < 0 ? 0 : v > MAX_EMU ? MAX_EMU : v;
}

static uint8_t
cmpd_from(const char *s)
{
	if (s2p_str_eq(s, "dbl")) return DML_CMPD_DBL;
	if (s2p_str_eq(s, "thickThin")) return DML_CMPD_THICK_THIN;
	if (s2p_str_eq(s, "thinThick")) return DML_CMPD_THIN_THICK;
	if (s2p_str_eq(s, "tri")) return DML_CMPD_TRI;
	return DML_CMPD_SNG;
}

/* A cell, table or style fill. A picture in a style would name a
 * relationship of ppt/tableStyles.xml, not of the slide being loaded:
 * those are reported and left out. */
static int
load_tbl_fill(load_part *lp, const xmlNode *el, int in_style,
              dml_tbl_paint *out)
{
	int rc;

	out->set = 1;
	if (in_style && sxml_is(el, "blipFill")) {
		out->fill.kind = DML_FILL_NONE;
		pml_diag_add(lp->diags, lp->part, "picture fill in a table style not "
		             "drawn");
		return 0;
	}
	rc = load_fill_elem(lp, el, &out->fill);
	return rc;
}

/* A border: a:ln (CT_LineProperties) or, in styles, a:lnRef. A line that
 * gives no fill keeps the colour of the style beneath it. */
static int
load_tbl_line(load_part *lp, const xmlNode *el, dml_tbl_line *out)
{
	xmlNode *e;
	const char *cap;
	int64_t w;
	int rc;

	memset(out, 0, sizeof *out);
	if (!el)
		return 0;
	out->set = 1;
	if (sxml_is(el, "lnRef"))
		return load_style_ref(lp, el, &out->ref);
	if (sxml_attr_i64(el, "w", &w) == 1 && w >= 0 && w <= 20116800) {
		out->ln.has_w = 1;
		out->ln.w_emu = w;
	}
	cap = sxml_attr(el, "cap");
	out->ln.cap = s2p_str_eq(cap, "flat") ? 1 : s2p_str_eq(cap, "rnd") ? 2 :
	              s2p_str_eq(cap, "sq") ? 3 : 0;
	out->cmpd = cmpd_from(sxml_attr(el, "cmpd"));
	rc = load_fill(lp, el, &out->ln.fill);
	if (rc)
		return rc;
	if (out->ln.fill.kind == DML_FILL_BLIP) {
		dml_fill_release(&out->ln.fill);
		out->ln.fill.kind = DML_FILL_NONE;
		pml_diag_add(lp->diags, lp->part, "picture-filled table border not drawn");
	}
	if ((e = sxml_child(el, "prstDash")) != NULL)
		out->ln.dash = s2p_arena_strdup(lp->arena, sxml_attr(e, "val"));
	else if (sxml_child(el, "custDash")) {
		out->ln.dash = "custom";
		pml_diag_add(lp->diags, lp->part, "custom dash drawn as dashes");
	}
	if (sxml_child(el, "round"))
		out->ln.join = 1;
	else if (sxml_child(el, "bevel"))
		out->ln.join = 2;
	else if (sxml_child(el, "miter"))
		out->ln.join = 3;
	return 0;
}

/* ---- table styles (§20.1.4.2.26) ---- */

static int
load_part_style(load_part *lp, const xmlNode *el, dml_tbl_part_style *p)
{
	static const char *const bdr[DML_BDR_COUNT] = { "left", "right", "top",
		"bottom", "insideH", "insideV", "tl2br", "tr2bl" };
	xmlNode *tx = sxml_child(el, "tcTxStyle"), *st = sxml_child(el, "tcStyle");
	xmlNode *e;
	int rc;

	p->b = p->i = -1;
	if (tx) {
		const char *b = sxml_attr(tx, "b"), *i = sxml_attr(tx, "i");
		if (s2p_str_eq(b, "on") || s2p_str_eq(b, "off"))
			p->b = s2p_str_eq(b, "on");
		if (s2p_str_eq(i, "on") || s2p_str_eq(i, "off"))
			p->i = s2p_str_eq(i, "on");
		if ((e = sxml_child(tx, "fontRef")) != NULL) {
			const char *idx = sxml_attr(e, "idx");
			p->font = s2p_str_eq(idx, "major") ? 1 : s2p_str_eq(idx, "minor") ? 2 : 0;
		}
		else if ((e = sxml_child(tx, "font")) != NULL) {
			xmlNode *f;
			p->font = 3;
			if ((f = sxml_child(e, "latin")) != NULL)
				p->latin = s2p_arena_strdup(lp->arena, sxml_attr(f, "typeface"));
			if ((f = sxml_child(e, "ea")) != NULL)
				p->ea = s2p_arena_strdup(lp->arena, sxml_attr(f, "typeface"));
			if ((f = sxml_child(e, "cs")) != NULL)
				p->cs = s2p_arena_strdup(lp->arena, sxml_attr(f, "typeface"));
		}
		/* the colour child of tcTxStyle itself; one inside fontRef is
		 * only that reference's colour */
		load_color(lp, tx, &p->color);
	}
	if (!st)
		return 0;
	SXML_EACH(b, sxml_child(st, "tcBdr"))
		for (int k = 0; k < DML_BDR_COUNT; k++)
			if (sxml_is(b, bdr[k])) {
				xmlNode *ln = sxml_child(b, "ln");
				rc = load_tbl_line(lp, ln ? ln : sxml_child(b, "lnRef"), &p->bdr[k]);
				if (rc)
					return rc;
			}
	if ((e = sxml_child(st, "fill")) != NULL && sxml_first(e)) {
		rc = load_tbl_fill(lp, sxml_first(e), 1, &p->fill);
		if (rc)
			return rc;
	}
	else if ((e = sxml_child(st, "fillRef")) != NULL) {
		p->fill.set = 1;
		rc = load_style_ref(lp, e, &p->fill.ref);
		if (rc)
			return rc;
	}
	if (sxml_child(st, "cell3D"))
		pml_diag_add(lp->diags, lp->part, "3-D table cells (cell3D) drawn flat");
	return 0;
}

static int
load_table_style(load_part *lp, const xmlNode *el, dml_table_style *s)
{
	static const char *const parts[DML_TP_COUNT] = { "wholeTbl", "band1H",
		"band2H", "band1V", "band2V", "lastCol", "firstCol", "lastRow",
		"seCell", "swCell", "firstRow", "neCell", "nwCell" };
	xmlNode *bg;
	int rc;

	s->id = s2p_arena_strdup(lp->arena, sxml_attr(el, "styleId"));
	s->name = s2p_arena_strdup(lp->arena, sxml_attr(el, "styleName"));
	for (int k = 0; k < DML_TP_COUNT; k++)
		s->parts[k].b = s->parts[k].i = -1;
	if ((bg = sxml_child(el, "tblBg")) != NULL) {
		xmlNode *f;
		if ((f = sxml_child(bg, "fill")) != NULL && sxml_first(f))
			rc = load_tbl_fill(lp, sxml_first(f), 1, &s->bg);
		else if ((f = sxml_child(bg, "fillRef")) != NULL) {
			s->bg.set = 1;
			rc = load_style_ref(lp, f, &s->bg.ref);
		}
		else
			rc = 0;
		if (rc)
			return rc;
	}
	for (int k = 0; k < DML_TP_COUNT; k++) {
		xmlNode *p = sxml_child(el, parts[k]);
		if (!p)
			continue;
		rc = load_part_style(lp, p, &s->parts[k]);
		if (rc)
			return rc;
	}
	return 0;
}

static int
guid_eq(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	for (; *a && *b; a++, b++) {
		char x = *a >= 'a' && *a <= 'z' ? (char) (*a - 32) : *a;
		char y = *b >= 'a' && *b <= 'z' ? (char) (*b - 32) : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* The deck's definition of @id in ppt/tableStyles.xml, or NULL. */
static const xmlNode *
find_deck_style(load_part *lp, const char *id)
{
	const xmlDoc *doc = lp->ctx->table_styles;
	uint32_t n = 0;

	if (!doc)
		return NULL;
	SXML_EACH(c, xmlDocGetRootElement((xmlDoc *) doc)) {
		if (!sxml_is(c, "tblStyle"))
			continue;
		if (++n > MAX_TBL_STYLES)
			break;
		if (guid_eq(sxml_attr(c, "styleId"), id))
			return c;
	}
	return NULL;
}

/*
 * tableStyleId: the definition PowerPoint wrote into the deck, else the
 * built-in catalogue (python-pptx and other generators write only the
 * GUID). PowerPoint writes its built-in definition when a style is used,
 * so both agree for PowerPoint's own files.
 */
static int
resolve_style(load_part *lp, const xmlNode *tblpr, dml_table *t)
{
	xmlNode *id_el = sxml_child(tblpr, "tableStyleId");
	xmlNode *inl = sxml_child(tblpr, "tableStyle");
	const xmlNode *def;
	dml_table_style *s;
	char *id;

	if (!id_el && !inl)
		return 0;
	s = s2p_arena_alloc(lp->arena, sizeof *s);
	if (!s)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	if (inl) {
		t->style = s;
		return load_table_style(lp, inl, s);
	}
	id = sxml_text(id_el, lp->arena);
	if (!id)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	/* trim the whitespace pretty-printers leave around the GUID */
	while (*id == ' ' || *id == '\n' || *id == '\t' || *id == '\r')
		id++;
	for (size_t n = strlen(id); n && (id[n - 1] == ' ' || id[n - 1] == '\n' ||
	     id[n - 1] == '\t' || id[n - 1] == '\r'); n--)
		id[n - 1] = 0;
	def = find_deck_style(lp, id);
	if (def) {
		t->style = s;
		return load_table_style(lp, def, s);
	}
	if (dml_table_style_builtin(id, s)) {
		t->style = s;
		return 0;
	}
	pml_diag_add(lp->diags, lp->part, "table style %.60s is neither in the "
	             "deck nor built in; table drawn without a style", id);
	return 0;
}

/* ---- cells ---- */

static int
load_tc_pr(load_part *lp, const xmlNode *pr, dml_tbl_cell *x)
{
	static const struct { const char *name; int edge; } edges[] = {
		{ "lnL", DML_EDGE_L }, { "lnR", DML_EDGE_R }, { "lnT", DML_EDGE_T },
		{ "lnB", DML_EDGE_B }, { "lnTlToBr", DML_EDGE_TL2BR },
		{ "lnBlToTr", DML_EDGE_BL2TR } };
	const char *s;
	int64_t v;
	int rc;

	if (!pr)
		return 0;
	if (sxml_attr_i64(pr, "marL", &v) == 1) { x->mar_l = clamp_emu(v); x->mar_set |= DML_MAR_L; }
	if (sxml_attr_i64(pr, "marR", &v) == 1) { x->mar_r = clamp_emu(v); x->mar_set |= DML_MAR_R; }
	if (sxml_attr_i64(pr, "marT", &v) == 1) { x->mar_t = clamp_emu(v); x->mar_set |= DML_MAR_T; }
	if (sxml_attr_i64(pr, "marB", &v) == 1) { x->mar_b = clamp_emu(v); x->mar_set |= DML_MAR_B; }
	if ((s = sxml_attr(pr, "anchor")) != NULL) {
		x->has_anchor = 1;
		x->anchor = s2p_str_eq(s, "ctr") ? DML_ANCHOR_CTR :
		            s2p_str_eq(s, "b") ? DML_ANCHOR_B : DML_ANCHOR_T;
		if (s2p_str_eq(s, "just") || s2p_str_eq(s, "dist"))
			x->anchor = DML_ANCHOR_CTR;
	}
	x->anchor_ctr = (uint8_t) sxml_attr_bool(pr, "anchorCtr", 0);
	if ((s = sxml_attr(pr, "vert")) != NULL && !s2p_str_eq(s, "horz")) {
		/* ST_TextVerticalType, as bodyPr@vert draws it */
		static const char *const kinds[] = { "vert", "vert270", "eaVert",
			"wordArtVert", "wordArtVertRtl", "mongolianVert" };
		x->vert = kinds[0];
		for (size_t k = 0; k < S2P_ARRAY_LEN(kinds); k++)
			if (s2p_str_eq(s, kinds[k]))
				x->vert = kinds[k];
	}
	SXML_EACH(c, pr) {
		int done = 0;
		for (size_t k = 0; k < S2P_ARRAY_LEN(edges); k++)
			if (sxml_is(c, edges[k].name)) {
				dml_tbl_line *ln = s2p_arena_alloc(lp->arena, sizeof *ln);
				if (!ln)
					return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
				rc = load_tbl_line(lp, c, ln);
				if (rc)
					return rc;
				x->edge[edges[k].edge] = ln;
				done = 1;
			}
		if (done)
			continue;
		if (load_is_fill(c)) {
			rc = load_tbl_fill(lp, c, 0, &x->fill);
			if (rc)
				return rc;
		}
		else if (sxml_is(c, "cell3D"))
			pml_diag_add(lp->diags, lp->part, "3-D table cells (cell3D) drawn flat");
	}
	return 0;
}

static int
load_tc(load_part *lp, const xmlNode *tc, dml_tbl_cell *x)
{
	int32_t v;
	int rc;

	if (sxml_attr_i32(tc, "gridSpan", &v) == 1 && v > 1)
		x->grid_span = (uint32_t) (v > MAX_TBL_COLS ? MAX_TBL_COLS : v);
	if (sxml_attr_i32(tc, "rowSpan", &v) == 1 && v > 1)
		x->row_span = (uint32_t) (v > MAX_TBL_ROWS ? MAX_TBL_ROWS : v);
	x->h_merge = (uint8_t) sxml_attr_bool(tc, "hMerge", 0);
	x->v_merge = (uint8_t) sxml_attr_bool(tc, "vMerge", 0);
	rc = load_text_body(lp, sxml_child(tc, "txBody"), &x->text);
	if (rc)
		return rc;
	return load_tc_pr(lp, sxml_child(tc, "tcPr"), x);
}

static uint32_t
count_children(const xmlNode *parent, const char *name, uint32_t cap)
{
	uint32_t n = 0;

	SXML_EACH(c, parent)
		if (sxml_is(c, name) && ++n > cap)
			break;
	return n;
}

static int
load_tbl_pr(load_part *lp, const xmlNode *pr, dml_table *t)
{
	xmlNode *e;

	if (!pr)
		return 0;
	t->first_row = (uint8_t) sxml_attr_bool(pr, "firstRow", 0);
	t->last_row = (uint8_t) sxml_attr_bool(pr, "lastRow", 0);
	t->first_col = (uint8_t) sxml_attr_bool(pr, "firstCol", 0);
	t->last_col = (uint8_t) sxml_attr_bool(pr, "lastCol", 0);
	t->band_row = (uint8_t) sxml_attr_bool(pr, "bandRow", 0);
	t->band_col = (uint8_t) sxml_attr_bool(pr, "bandCol", 0);
	t->rtl = (uint8_t) sxml_attr_bool(pr, "rtl", 0);
	SXML_EACH(c, pr)
		if (load_is_fill(c)) {
			int rc = load_tbl_fill(lp, c, 0, &t->fill);
			if (rc)
				return rc;
			break;
		}
	if (((e = sxml_child(pr, "effectLst")) != NULL && sxml_first(e)) ||
	    sxml_child(pr, "effectDag"))
		pml_diag_add(lp->diags, lp->part, "table effects (shadow, ...) not drawn");
	return resolve_style(lp, pr, t);
}

int
load_table_parse(load_part *lp, const xmlNode *tbl, dml_table **out)
{
	xmlNode *grid = sxml_child(tbl, "tblGrid");
	uint32_t n_cols = count_children(grid, "gridCol", MAX_TBL_COLS);
	uint32_t n_rows = count_children(tbl, "tr", MAX_TBL_ROWS);
	uint32_t r = 0, c, extra = 0, bad;
	dml_table *t;
	int rc;

	*out = NULL;
	if (!n_cols || !n_rows) {
		pml_diag_add(lp->diags, lp->part, "table without grid columns or rows; "
		             "not drawn");
		return 0;
	}
	if (n_cols > MAX_TBL_COLS || n_rows > MAX_TBL_ROWS ||
	    (uint64_t) n_cols * n_rows > MAX_TBL_CELLS) {
		pml_diag_add(lp->diags, lp->part, "table larger than %d x %d (or %d "
		             "cells); not drawn", MAX_TBL_ROWS, MAX_TBL_COLS, MAX_TBL_CELLS);
		return 0;
	}
	t = s2p_arena_alloc(lp->arena, sizeof *t);
	if (!t)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	t->n_rows = n_rows;
	t->n_cols = n_cols;
	t->col_w = s2p_arena_alloc_array(lp->arena, n_cols, sizeof *t->col_w);
	t->row_h = s2p_arena_alloc_array(lp->arena, n_rows, sizeof *t->row_h);
	t->cells = s2p_arena_alloc_array(lp->arena, (size_t) n_rows * n_cols,
	                                 sizeof *t->cells);
	if (!t->col_w || !t->row_h || !t->cells)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	for (size_t i = 0; i < (size_t) n_rows * n_cols; i++)
		t->cells[i].grid_span = t->cells[i].row_span = 1;
	/* the cells own media from here on: hand the table over first so a
	 * failure below still releases them with the shape */
	*out = t;
	c = 0;
	SXML_EACH(g, grid)
		if (sxml_is(g, "gridCol") && c < n_cols) {
			int64_t w = 0;
			sxml_attr_i64(g, "w", &w);
			t->col_w[c++] = clamp_emu(w);
		}
	SXML_EACH(tr, tbl) {
		int64_t h = 0;
		if (!sxml_is(tr, "tr") || r >= n_rows)
			continue;
		sxml_attr_i64(tr, "h", &h);
		t->row_h[r] = clamp_emu(h);
		c = 0;
		SXML_EACH(tc, tr) {
			if (!sxml_is(tc, "tc"))
				continue;
			if (c >= n_cols) {
				extra++;
				continue;
			}
			rc = load_tc(lp, tc, dml_table_cell(t, r, c));
			if (rc)
				return rc;
			c++;
		}
		r++;
	}
	if (extra)
		pml_diag_add(lp->diags, lp->part, "table row with more cells than grid "
		             "columns; extra cells not drawn");
	bad = dml_table_merge(t);
	if (bad)
		pml_diag_add(lp->diags, lp->part, "table with inconsistent merges "
		             "(gridSpan/rowSpan/hMerge/vMerge); drawn as far as they agree");
	return load_tbl_pr(lp, sxml_child(tbl, "tblPr"), t);
}
