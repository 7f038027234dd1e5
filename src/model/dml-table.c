/*
 * Tables in the model: merge resolution over the cell grid, which style
 * parts apply to a cell (tblPr flags, banding over body rows/columns) and
 * the per-property overlay of those parts in PowerPoint's order, built-in
 * styles instantiated from the generated catalogue, and release of media.
 * Pure functions over immutable data; no theme lookups happen here.
 */
#include "model/dml-table.h"
#include "model/table-styles.h"

#include <string.h>

dml_tbl_cell *
dml_table_cell(const dml_table *t, uint32_t r, uint32_t c)
{
	if (!t || r >= t->n_rows || c >= t->n_cols)
		return NULL;
	return &t->cells[(size_t) r * t->n_cols + c];
}

static uint32_t
min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

uint32_t
dml_table_merge(dml_table *t)
{
	uint32_t bad = 0;

	for (uint32_t r = 0; r < t->n_rows; r++)
		for (uint32_t c = 0; c < t->n_cols; c++) {
			dml_tbl_cell *x = dml_table_cell(t, r, c);
			x->covered = 0;
			x->span_r = x->span_c = 1;
			x->anchor_r = r;
			x->anchor_c = c;
		}
	for (uint32_t r = 0; r < t->n_rows; r++)
		for (uint32_t c = 0; c < t->n_cols; c++) {
			dml_tbl_cell *x = dml_table_cell(t, r, c);
			uint32_t sc, sr;

			if (x->covered)
				continue;
			if (x->h_merge || x->v_merge)
				bad++; /* a continuation no anchor reaches */
			sc = min_u32(x->grid_span ? x->grid_span : 1, t->n_cols - c);
			sr = min_u32(x->row_span ? x->row_span : 1, t->n_rows - r);
			/* never take slots an earlier block already owns */
			for (uint32_t k = 1; k < sc; k++)
				if (dml_table_cell(t, r, c + k)->covered) {
					sc = k;
					bad++;
					break;
				}
			for (uint32_t k = 1; k < sr; k++) {
				int taken = 0;
				for (uint32_t j = 0; j < sc && !taken; j++)
					taken = dml_table_cell(t, r + k, c + j)->covered;
				if (taken) {
					sr = k;
					bad++;
					break;
				}
			}
			x->span_r = sr;
			x->span_c = sc;
			for (uint32_t i = 0; i < sr; i++)
				for (uint32_t j = 0; j < sc; j++) {
					dml_tbl_cell *y;
					if (!i && !j)
						continue;
					y = dml_table_cell(t, r + i, c + j);
					y->covered = 1;
					y->anchor_r = r;
					y->anchor_c = c;
				}
		}
	return bad;
}

/* The block of the cell at (r, c): its anchor and last row/column. */
static void
cell_block(const dml_table *t, uint32_t *r, uint32_t *c, uint32_t *lr,
           uint32_t *lc)
{
	const dml_tbl_cell *x = dml_table_cell(t, *r, *c);

	if (x && x->covered) {
		*r = x->anchor_r;
		*c = x->anchor_c;
		x = dml_table_cell(t, *r, *c);
	}
	*lr = *r + (x && x->span_r ? x->span_r : 1) - 1;
	*lc = *c + (x && x->span_c ? x->span_c : 1) - 1;
}

int
dml_table_cell_parts(const dml_table *t, uint32_t r, uint32_t c,
                     uint8_t out[DML_TP_COUNT])
{
	uint32_t lr, lc;
	int n = 0, in_first_row, in_last_row, in_first_col, in_last_col;

	if (!t || r >= t->n_rows || c >= t->n_cols)
		return 0;
	cell_block(t, &r, &c, &lr, &lc);
	in_first_row = t->first_row && r == 0;
	in_last_row = t->last_row && lr == t->n_rows - 1;
	in_first_col = t->first_col && c == 0;
	in_last_col = t->last_col && lc == t->n_cols - 1;
	out[n++] = DML_TP_WHOLE;
	/* banding counts body rows and columns only: the header and total
	 * row (column) are not bands */
	if (t->band_row && !in_first_row && !in_last_row)
		out[n++] = (r - (t->first_row ? 1 : 0)) % 2 ? DML_TP_BAND2H : DML_TP_BAND1H;
	if (t->band_col && !in_first_col && !in_last_col)
		out[n++] = (c - (t->first_col ? 1 : 0)) % 2 ? DML_TP_BAND2V : DML_TP_BAND1V;
	if (in_last_col)
		out[n++] = DML_TP_LAST_COL;
	if (in_first_col)
		out[n++] = DML_TP_FIRST_COL;
	if (in_last_row)
		out[n++] = DML_TP_LAST_ROW;
	if (in_last_row && in_last_col)
		out[n++] = DML_TP_SE_CELL;
	if (in_last_row && in_first_col)
		out[n++] = DML_TP_SW_CELL;
	if (in_first_row)
		out[n++] = DML_TP_FIRST_ROW;
	if (in_first_row && in_last_col)
		out[n++] = DML_TP_NE_CELL;
	if (in_first_row && in_first_col)
		out[n++] = DML_TP_NW_CELL;
	return n;
}

/* The region a part covers around the block (r..lr, c..lc): rows r0..r1,
 * columns c0..c1. Outer borders of a part apply on the region's edges,
 * insideH/insideV between its cells. */
static void
part_region(const dml_table *t, int part, uint32_t r, uint32_t c, uint32_t lr,
            uint32_t lc, uint32_t reg[4])
{
	uint32_t R = t->n_rows - 1, C = t->n_cols - 1;

	reg[0] = 0; reg[1] = R; reg[2] = 0; reg[3] = C;
	switch (part) {
	case DML_TP_BAND1H: case DML_TP_BAND2H:
		reg[0] = r; reg[1] = lr;
		break;
	case DML_TP_BAND1V: case DML_TP_BAND2V:
		reg[2] = c; reg[3] = lc;
		break;
	case DML_TP_FIRST_COL: reg[2] = reg[3] = 0; break;
	case DML_TP_LAST_COL: reg[2] = reg[3] = C; break;
	case DML_TP_FIRST_ROW: reg[0] = reg[1] = 0; break;
	case DML_TP_LAST_ROW: reg[0] = reg[1] = R; break;
	case DML_TP_NW_CELL: case DML_TP_NE_CELL: case DML_TP_SW_CELL:
	case DML_TP_SE_CELL:
		reg[0] = r; reg[1] = lr; reg[2] = c; reg[3] = lc;
		break;
	default:
		break;
	}
}

void
dml_table_cell_style(const dml_table *t, uint32_t r, uint32_t c,
                     dml_tbl_cell_style *out)
{
	uint8_t parts[DML_TP_COUNT];
	uint32_t lr, lc;
	int n;

	memset(out, 0, sizeof *out);
	out->b = out->i = -1;
	out->fill_part = -1;
	for (int k = 0; k < DML_EDGE_COUNT; k++)
		out->edge_part[k] = -1;
	if (!t || !t->style)
		return;
	n = dml_table_cell_parts(t, r, c, parts);
	cell_block(t, &r, &c, &lr, &lc);
	for (int k = 0; k < n; k++) {
		const dml_tbl_part_style *p = &t->style->parts[parts[k]];
		uint32_t reg[4];
		int src[DML_EDGE_COUNT];

		/* a part overrides only what it sets ([MS-OE376] 2.1.1298) */
		if (p->b >= 0)
			out->b = p->b;
		if (p->i >= 0)
			out->i = p->i;
		if (p->font) {
			out->font = p->font;
			out->latin = p->latin;
			out->ea = p->ea;
			out->cs = p->cs;
		}
		if (p->color.kind != DML_COLOR_NONE)
			out->color = &p->color;
		if (p->fill.set) {
			out->fill = &p->fill;
			out->fill_part = (int8_t) parts[k];
		}
		part_region(t, parts[k], r, c, lr, lc, reg);
		src[DML_EDGE_L] = c == reg[2] ? DML_BDR_LEFT : DML_BDR_INSIDE_V;
		src[DML_EDGE_R] = lc == reg[3] ? DML_BDR_RIGHT : DML_BDR_INSIDE_V;
		src[DML_EDGE_T] = r == reg[0] ? DML_BDR_TOP : DML_BDR_INSIDE_H;
		src[DML_EDGE_B] = lr == reg[1] ? DML_BDR_BOTTOM : DML_BDR_INSIDE_H;
		src[DML_EDGE_TL2BR] = DML_BDR_TL2BR;
		src[DML_EDGE_BL2TR] = DML_BDR_TR2BL;
		for (int e = 0; e < DML_EDGE_COUNT; e++)
			if (p->bdr[src[e]].set) {
				out->edge[e] = &p->bdr[src[e]];
				out->edge_part[e] = (int8_t) parts[k];
			}
	}
}

/* ---- the built-in catalogue ---- */

/* GUIDs compare without regard to case */
static int
guid_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'a' && *a <= 'z' ? (char) (*a - 32) : *a;
		char y = *b >= 'a' && *b <= 'z' ? (char) (*b - 32) : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static dml_color
tbs_color(const dml_tbs_color *c, int x, int y)
{
	dml_color o;

	memset(&o, 0, sizeof o);
	o.kind = DML_COLOR_SCHEME;
	if (c->slot == DML_TBS_X || c->slot == DML_TBS_Y) {
		int a = c->slot == DML_TBS_X ? x : y;
		o.slot = (uint8_t) (DML_SLOT_ACCENT1 + (a >= 1 && a <= 6 ? a - 1 : 0));
	}
	else
		o.slot = c->slot < DML_SLOT_COUNT ? c->slot : DML_SLOT_TX1;
	if (c->op != DML_TBS_OP_NONE) {
		o.mods[0].op = c->op == DML_TBS_OP_TINT ? DML_CMOD_TINT :
		               c->op == DML_TBS_OP_SHADE ? DML_CMOD_SHADE :
		               DML_CMOD_ALPHA;
		o.mods[0].val = c->pct * 1000;
		o.n_mods = 1;
	}
	return o;
}

static void
tbs_paint(const dml_tbs_paint *p, int x, int y, dml_tbl_paint *out)
{
	memset(out, 0, sizeof *out);
	out->set = p->kind != DML_TBS_UNSET;
	if (p->kind == DML_TBS_NONE)
		out->fill.kind = DML_FILL_NONE;
	else if (p->kind == DML_TBS_SOLID) {
		out->fill.kind = DML_FILL_SOLID;
		out->fill.color = tbs_color(&p->color, x, y);
	}
	else if (p->kind == DML_TBS_REF) {
		out->ref.has = 1;
		out->ref.idx = p->idx;
		out->ref.color = tbs_color(&p->color, x, y);
	}
}

static void
tbs_line(const dml_tbs_paint *p, int x, int y, dml_tbl_line *out)
{
	memset(out, 0, sizeof *out);
	out->set = p->kind != DML_TBS_UNSET;
	if (p->kind == DML_TBS_NONE)
		out->ln.fill.kind = DML_FILL_NONE;
	else if (p->kind == DML_TBS_SOLID) {
		out->ln.fill.kind = DML_FILL_SOLID;
		out->ln.fill.color = tbs_color(&p->color, x, y);
		out->ln.has_w = 1;
		out->ln.w_emu = p->w_emu;
		out->cmpd = p->idx;
	}
	else if (p->kind == DML_TBS_REF) {
		out->ref.has = 1;
		out->ref.idx = p->idx;
		out->ref.color = tbs_color(&p->color, x, y);
	}
}

int
dml_table_style_builtin(const char *guid, dml_table_style *out)
{
	const dml_tbs_style *st = NULL;
	const dml_tbs_template *tm;

	memset(out, 0, sizeof *out);
	if (!guid)
		return 0;
	for (unsigned i = 0; i < dml_tbs_n_styles; i++)
		if (guid_eq(dml_tbs_styles[i].guid, guid)) {
			st = &dml_tbs_styles[i];
			break;
		}
	if (!st)
		return 0;
	out->id = st->guid;
	out->name = st->name;
	out->builtin = 1;
	for (int k = 0; k < DML_TP_COUNT; k++)
		out->parts[k].b = out->parts[k].i = -1;
	tm = &dml_tbs_templates[st->tmpl];
	for (unsigned i = 0; i < tm->count; i++) {
		const dml_tbs_part *src = &dml_tbs_parts[tm->first + i];
		dml_tbl_part_style *p;

		if (src->part == DML_TP_COUNT) {
			tbs_paint(&src->fill, st->x, st->y, &out->bg);
			continue;
		}
		if (src->part > DML_TP_COUNT)
			continue;
		p = &out->parts[src->part];
		p->b = src->b;
		p->font = src->font;
		if (src->has_color)
			p->color = tbs_color(&src->color, st->x, st->y);
		tbs_paint(&src->fill, st->x, st->y, &p->fill);
		for (int e = 0; e < 6; e++)
			tbs_line(&src->bdr[e], st->x, st->y, &p->bdr[e]);
	}
	return 1;
}

void
dml_table_release(dml_table *t)
{
	if (!t)
		return;
	dml_fill_release(&t->fill.fill);
	for (size_t i = 0; i < (size_t) t->n_rows * t->n_cols; i++) {
		dml_tbl_cell *x = &t->cells[i];
		dml_text_body_release(x->text);
		dml_fill_release(&x->fill.fill);
	}
}
