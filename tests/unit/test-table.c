/*
 * Unit tests for tables: merge resolution (consistent blocks, hostile
 * spans, continuations without an anchor), which style parts apply to a
 * cell and which one wins (header in a banded table, corners, column
 * bands after a first column), edges from outer vs inside borders, the
 * built-in catalogue, and loading samples/tables.pptx.
 */
#include "load/load.h"
#include "model/dml-table.h"
#include "model/table-styles.h"

#include "tinytest.h"

#include <libxml/parser.h>
#include <stdlib.h>

static const char *MEDIUM2_ACCENT1 = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}";
static const char *MEDIUM3_ACCENT1 = "{6E25E649-3F16-4E02-A733-19D2CDBF48F0}";
static const char *DARK2_ACCENT3_4 = "{91EBBBCC-DAD2-459C-BE2E-F6DE35CF9A28}";

/* A table of @rows x @cols empty cells (spans 1) on the heap. */
static dml_table *
table_new(uint32_t rows, uint32_t cols)
{
	dml_table *t = calloc(1, sizeof *t);

	t->n_rows = rows;
	t->n_cols = cols;
	t->cells = calloc((size_t) rows * cols, sizeof *t->cells);
	for (size_t i = 0; i < (size_t) rows * cols; i++)
		t->cells[i].grid_span = t->cells[i].row_span = 1;
	return t;
}

static void
table_free(dml_table *t)
{
	free(t->cells);
	free(t);
}

static void
test_merges(void)
{
	dml_table *t = table_new(3, 4);
	dml_tbl_cell *a, *x;

	/* row 0: a 2x2 block at (0,1); row 2: gridSpan 3 at (2,0) */
	a = dml_table_cell(t, 0, 1);
	a->grid_span = 2;
	a->row_span = 2;
	dml_table_cell(t, 0, 2)->h_merge = 1;
	dml_table_cell(t, 1, 1)->v_merge = 1;
	dml_table_cell(t, 1, 2)->h_merge = dml_table_cell(t, 1, 2)->v_merge = 1;
	dml_table_cell(t, 2, 0)->grid_span = 3;
	dml_table_cell(t, 2, 1)->h_merge = 1;
	dml_table_cell(t, 2, 2)->h_merge = 1;
	CHECK_INT(dml_table_merge(t), 0);
	CHECK_INT(a->covered, 0);
	CHECK_INT(a->span_r, 2);
	CHECK_INT(a->span_c, 2);
	x = dml_table_cell(t, 1, 2);
	CHECK_INT(x->covered, 1);
	CHECK_INT(x->anchor_r, 0);
	CHECK_INT(x->anchor_c, 1);
	CHECK_INT(dml_table_cell(t, 2, 0)->span_c, 3);
	CHECK_INT(dml_table_cell(t, 2, 2)->anchor_c, 0);
	CHECK_INT(dml_table_cell(t, 2, 3)->covered, 0);
	CHECK_INT(dml_table_cell(t, 1, 0)->covered, 0);
	CHECK(dml_table_cell(t, 3, 0) == NULL);
	CHECK(dml_table_cell(t, 0, 4) == NULL);
	table_free(t);

	/* hostile: spans past the grid are clamped, a continuation without
	 * an anchor stays a cell, a block never takes an earlier block's
	 * slots */
	t = table_new(3, 3);
	dml_table_cell(t, 0, 0)->h_merge = 1;          /* no anchor */
	dml_table_cell(t, 0, 1)->grid_span = 9;        /* past the grid */
	dml_table_cell(t, 1, 0)->row_span = 100;       /* past the end */
	dml_table_cell(t, 1, 0)->grid_span = 2;
	dml_table_cell(t, 2, 2)->grid_span = 0;        /* treated as 1 */
	CHECK(dml_table_merge(t) >= 1);
	CHECK_INT(dml_table_cell(t, 0, 0)->covered, 0);
	CHECK_INT(dml_table_cell(t, 0, 0)->span_c, 1);
	CHECK_INT(dml_table_cell(t, 0, 1)->span_c, 2);
	CHECK_INT(dml_table_cell(t, 1, 0)->span_r, 2);
	CHECK_INT(dml_table_cell(t, 1, 0)->span_c, 2);
	CHECK_INT(dml_table_cell(t, 2, 1)->anchor_r, 1);
	CHECK_INT(dml_table_cell(t, 2, 2)->covered, 0);
	table_free(t);

	t = table_new(2, 2);
	dml_table_cell(t, 0, 1)->row_span = 2;         /* takes (1,1) */
	dml_table_cell(t, 1, 0)->grid_span = 2;        /* cannot take (1,1) */
	CHECK(dml_table_merge(t) >= 1);
	CHECK_INT(dml_table_cell(t, 1, 0)->span_c, 1);
	CHECK_INT(dml_table_cell(t, 1, 1)->anchor_c, 1);
	CHECK_INT(dml_table_cell(t, 1, 1)->anchor_r, 0);
	table_free(t);
}

static int
has_part(const uint8_t *parts, int n, int part)
{
	for (int i = 0; i < n; i++)
		if (parts[i] == part)
			return i + 1;
	return 0;
}

static void
test_parts(void)
{
	dml_table *t = table_new(5, 4);
	uint8_t p[DML_TP_COUNT];
	int n;

	CHECK_INT(dml_table_merge(t), 0);
	/* no flags: only wholeTbl */
	n = dml_table_cell_parts(t, 0, 0, p);
	CHECK_INT(n, 1);
	CHECK_INT(p[0], DML_TP_WHOLE);
	/* header + banded rows: the header is not a band, the first body row
	 * is band1H, the next band2H */
	t->first_row = t->band_row = 1;
	n = dml_table_cell_parts(t, 0, 2, p);
	CHECK_INT(n, 2);
	CHECK_INT(p[1], DML_TP_FIRST_ROW);
	n = dml_table_cell_parts(t, 1, 2, p);
	CHECK_INT(n, 2);
	CHECK_INT(p[1], DML_TP_BAND1H);
	n = dml_table_cell_parts(t, 2, 2, p);
	CHECK_INT(p[1], DML_TP_BAND2H);
	/* without the header flag row 0 is the first band */
	t->first_row = 0;
	n = dml_table_cell_parts(t, 0, 2, p);
	CHECK_INT(p[1], DML_TP_BAND1H);
	/* every flag: the corner wins over both of its lines, the header
	 * over the first column, and column bands come after row bands */
	t->first_row = t->last_row = t->first_col = t->last_col = t->band_col = 1;
	n = dml_table_cell_parts(t, 0, 0, p);
	CHECK_INT(p[n - 1], DML_TP_NW_CELL);
	CHECK(has_part(p, n, DML_TP_FIRST_COL) < has_part(p, n, DML_TP_FIRST_ROW));
	CHECK(!has_part(p, n, DML_TP_BAND1H) && !has_part(p, n, DML_TP_BAND1V));
	n = dml_table_cell_parts(t, 4, 3, p);
	CHECK(has_part(p, n, DML_TP_SE_CELL) > has_part(p, n, DML_TP_LAST_ROW));
	CHECK(has_part(p, n, DML_TP_LAST_ROW) > has_part(p, n, DML_TP_LAST_COL));
	n = dml_table_cell_parts(t, 4, 0, p);
	CHECK(has_part(p, n, DML_TP_SW_CELL));
	n = dml_table_cell_parts(t, 0, 3, p);
	CHECK_INT(p[n - 1], DML_TP_NE_CELL);
	/* body cell: band1H then band1V (column 1 is the first body column) */
	n = dml_table_cell_parts(t, 1, 1, p);
	CHECK_INT(n, 3);
	CHECK_INT(p[1], DML_TP_BAND1H);
	CHECK_INT(p[2], DML_TP_BAND1V);
	n = dml_table_cell_parts(t, 1, 2, p);
	CHECK_INT(p[2], DML_TP_BAND2V);
	/* out of range */
	CHECK_INT(dml_table_cell_parts(t, 5, 0, p), 0);
	table_free(t);
}

static void
test_builtin(void)
{
	dml_table_style st;

	CHECK_INT(dml_tbs_n_styles, 74);
	CHECK_INT(dml_table_style_builtin(MEDIUM2_ACCENT1, &st), 1);
	CHECK_STR(st.name, "Medium Style 2 - Accent 1");
	CHECK_INT(st.builtin, 1);
	/* GUIDs match without regard to case */
	CHECK_INT(dml_table_style_builtin("{5c22544a-7ee6-4342-b048-85bdc9fd1c3a}", &st), 1);
	CHECK_INT(dml_table_style_builtin("{00000000-0000-0000-0000-000000000000}", &st), 0);
	CHECK_INT(dml_table_style_builtin("5C22544A-7EE6-4342-B048-85BDC9FD1C3A", &st), 0);
	CHECK_INT(dml_table_style_builtin(NULL, &st), 0);
	/* every catalogue entry instantiates */
	for (unsigned i = 0; i < dml_tbs_n_styles; i++) {
		CHECK_INT(dml_table_style_builtin(dml_tbs_styles[i].guid, &st), 1);
		CHECK(st.parts[DML_TP_WHOLE].font != 0);
	}
	/* Medium Style 2: wholeTbl is accent1 tint 20 %, header solid accent1
	 * with bold lt1 text and a 3 pt lt1 line below */
	dml_table_style_builtin(MEDIUM2_ACCENT1, &st);
	CHECK_INT(st.parts[DML_TP_WHOLE].fill.fill.kind, DML_FILL_SOLID);
	CHECK_INT(st.parts[DML_TP_WHOLE].fill.fill.color.slot, DML_SLOT_ACCENT1);
	CHECK_INT(st.parts[DML_TP_WHOLE].fill.fill.color.n_mods, 1);
	CHECK_INT(st.parts[DML_TP_WHOLE].fill.fill.color.mods[0].op, DML_CMOD_TINT);
	CHECK_INT(st.parts[DML_TP_WHOLE].fill.fill.color.mods[0].val, 20000);
	CHECK_INT(st.parts[DML_TP_FIRST_ROW].b, 1);
	CHECK_INT(st.parts[DML_TP_FIRST_ROW].color.slot, DML_SLOT_LT1);
	CHECK_INT(st.parts[DML_TP_FIRST_ROW].bdr[DML_BDR_BOTTOM].ln.w_emu, 38100);
	CHECK_INT(st.parts[DML_TP_BAND2H].fill.set, 0);
	/* Dark Style 2 - Accent 3/Accent 4: body in the first accent, header
	 * in the second */
	CHECK_INT(dml_table_style_builtin(DARK2_ACCENT3_4, &st), 1);
	CHECK_INT(st.parts[DML_TP_WHOLE].fill.fill.color.slot, DML_SLOT_ACCENT3);
	CHECK_INT(st.parts[DML_TP_FIRST_ROW].fill.fill.color.slot, DML_SLOT_ACCENT4);
}

static void
test_cell_style(void)
{
	dml_table_style st;
	dml_table *t = table_new(4, 3);
	dml_tbl_cell_style cs;

	dml_table_style_builtin(MEDIUM2_ACCENT1, &st);
	t->style = &st;
	t->first_row = t->band_row = 1;
	CHECK_INT(dml_table_merge(t), 0);
	/* a header cell in a banded table: firstRow wins (fill, bold, colour) */
	dml_table_cell_style(t, 0, 1, &cs);
	CHECK_INT(cs.fill_part, DML_TP_FIRST_ROW);
	CHECK(cs.fill && cs.fill->fill.color.slot == DML_SLOT_ACCENT1 &&
	      cs.fill->fill.color.n_mods == 0);
	CHECK_INT(cs.b, 1);
	CHECK(cs.color && cs.color->slot == DML_SLOT_LT1);
	CHECK_INT(cs.font, 2); /* fontRef minor, from wholeTbl */
	/* its bottom edge is the header's 3 pt line, its left edge the
	 * whole table's inside vertical line */
	CHECK_INT(cs.edge_part[DML_EDGE_B], DML_TP_FIRST_ROW);
	CHECK_INT(cs.edge[DML_EDGE_B]->ln.w_emu, 38100);
	CHECK_INT(cs.edge_part[DML_EDGE_L], DML_TP_WHOLE);
	CHECK(cs.edge[DML_EDGE_L] == &st.parts[DML_TP_WHOLE].bdr[DML_BDR_INSIDE_V]);
	/* first body row: band1H's tint 40 %; second: band2H sets no fill, so
	 * wholeTbl's tint 20 % stays */
	dml_table_cell_style(t, 1, 1, &cs);
	CHECK_INT(cs.fill_part, DML_TP_BAND1H);
	CHECK_INT(cs.fill->fill.color.mods[0].val, 40000);
	CHECK_INT(cs.b, -1);
	CHECK(cs.color && cs.color->slot == DML_SLOT_DK1);
	dml_table_cell_style(t, 2, 1, &cs);
	CHECK_INT(cs.fill_part, DML_TP_WHOLE);
	/* outer edges come from left/right/top/bottom, inner ones from
	 * insideH/insideV */
	dml_table_cell_style(t, 3, 0, &cs);
	CHECK(cs.edge[DML_EDGE_L] == &st.parts[DML_TP_WHOLE].bdr[DML_BDR_LEFT]);
	CHECK(cs.edge[DML_EDGE_B] == &st.parts[DML_TP_WHOLE].bdr[DML_BDR_BOTTOM]);
	CHECK(cs.edge[DML_EDGE_T] == &st.parts[DML_TP_WHOLE].bdr[DML_BDR_INSIDE_H]);
	CHECK(cs.edge[DML_EDGE_R] == &st.parts[DML_TP_WHOLE].bdr[DML_BDR_INSIDE_V]);
	CHECK(cs.edge[DML_EDGE_TL2BR] == NULL);

	/* Medium Style 3, total row + first column: lastRow's fill beats
	 * firstCol's, and swCell puts the text back to dk1 */
	CHECK_INT(dml_table_style_builtin(MEDIUM3_ACCENT1, &st), 1);
	t->first_row = t->band_row = 0;
	t->last_row = t->first_col = 1;
	dml_table_cell_style(t, 3, 0, &cs);
	CHECK_INT(cs.fill_part, DML_TP_LAST_ROW);
	CHECK(cs.color && cs.color->slot == DML_SLOT_DK1);
	CHECK_INT(cs.b, 1);
	dml_table_cell_style(t, 1, 0, &cs);
	CHECK_INT(cs.fill_part, DML_TP_FIRST_COL);
	CHECK(cs.color && cs.color->slot == DML_SLOT_LT1);

	/* no style: nothing set */
	t->style = NULL;
	dml_table_cell_style(t, 1, 1, &cs);
	CHECK(cs.fill == NULL && cs.color == NULL && cs.b == -1);
	table_free(t);
}

static const dml_shape *
find_frame(const dml_shape *group, const char *name)
{
	for (uint32_t i = 0; i < group->n_children; i++) {
		const dml_shape *c = &group->children[i], *r;
		if (c->kind == DML_SHAPE_FRAME && c->name && !strcmp(c->name, name))
			return c;
		if (c->kind == DML_SHAPE_GROUP && (r = find_frame(c, name)) != NULL)
			return r;
	}
	return NULL;
}

static const dml_table *
slide_table(const pml_presentation *p, uint32_t slide, const char *name)
{
	const dml_shape *s;

	if (!p || slide >= p->n_slides || !p->slides[slide].slide)
		return NULL;
	s = find_frame(&p->slides[slide].slide->sheet.tree, name);
	return s ? s->table : NULL;
}

static void
test_sample_deck(void)
{
	s2p_error err;
	opc_package *pkg;
	pml_presentation *p = NULL;
	const dml_table *t;

	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/tables.pptx", NULL, &err);
	CHECK(pkg != NULL);
	if (pkg) {
		p = load_presentation(pkg, &err);
		opc_package_close(pkg);
	}
	CHECK(p != NULL);
	if (!p)
		return;
	/* slide 1: the 5 x 5 merge table */
	t = slide_table(p, 0, "Merges");
	CHECK(t != NULL);
	if (t) {
		CHECK_INT(t->n_rows, 5);
		CHECK_INT(t->n_cols, 5);
		CHECK_INT(dml_table_cell(t, 1, 2)->span_r, 2);
		CHECK_INT(dml_table_cell(t, 1, 2)->span_c, 2);
		CHECK_INT(dml_table_cell(t, 2, 3)->covered, 1);
		CHECK_INT(dml_table_cell(t, 4, 0)->span_c, 4);
		CHECK_INT(dml_table_cell(t, 4, 4)->anchor_r, 3);
		CHECK(t->style && t->style->builtin);
	}
	/* slide 10: a style from tableStyles.xml, an unknown GUID */
	t = slide_table(p, 9, "Deck style");
	CHECK(t && t->style && !t->style->builtin);
	if (t && t->style) {
		CHECK_STR(t->style->name, "Custom Orange");
		CHECK_INT(t->style->parts[DML_TP_FIRST_ROW].b, 1);
		CHECK_INT(t->style->parts[DML_TP_FIRST_ROW].i, 1);
		CHECK_INT(t->style->parts[DML_TP_WHOLE].font, 2);
		CHECK_INT(t->style->parts[DML_TP_WHOLE].color.rgb, 0x843C0C);
		CHECK_INT(t->style->parts[DML_TP_FIRST_ROW].bdr[DML_BDR_BOTTOM].ln.w_emu,
		          38100);
	}
	t = slide_table(p, 9, "Unknown style");
	CHECK(t && !t->style);
	t = slide_table(p, 9, "No style");
	CHECK(t && !t->style && t->first_row && t->band_row);
	/* slide 2: direct borders */
	t = slide_table(p, 1, "Borders");
	CHECK(t != NULL);
	if (t) {
		const dml_tbl_cell *x = dml_table_cell(t, 2, 0);
		CHECK(x->edge[DML_EDGE_L] && x->edge[DML_EDGE_L]->cmpd == DML_CMPD_DBL);
		CHECK(x->edge[DML_EDGE_L] && x->edge[DML_EDGE_L]->ln.w_emu == 76200);
		x = dml_table_cell(t, 3, 0);
		CHECK(x->edge[DML_EDGE_TL2BR] != NULL);
		CHECK(x->edge[DML_EDGE_BL2TR] == NULL);
	}
	/* slide 11: the rtl flag, margins */
	t = slide_table(p, 10, "RTL");
	CHECK(t && t->rtl);
	t = slide_table(p, 10, "Layout");
	CHECK(t != NULL);
	if (t) {
		const dml_tbl_cell *x = dml_table_cell(t, 2, 0);
		CHECK_INT(x->mar_set & (DML_MAR_L | DML_MAR_T), DML_MAR_L | DML_MAR_T);
		CHECK_INT(x->mar_l, 0);
		CHECK_STR(dml_table_cell(t, 4, 1)->vert, "vert");
		CHECK(dml_table_cell(t, 4, 0)->vert == NULL);
		CHECK_INT(t->row_h[0], 127000);
	}
	pml_presentation_free(p);
}

int
main(void)
{
	test_merges();
	test_parts();
	test_builtin();
	test_cell_style();
	test_sample_deck();
	xmlCleanupParser();
	return TT_DONE();
}
