/*
 * Drawing a:tbl into its frame (user space: EMU, origin at the frame's
 * top-left). Columns come from the grid; rows grow to fit their text the
 * way PowerPoint grows them. Fills, then text through draw_text with the
 * cell's margins and the style's text properties, then borders: every
 * shared edge is stroked once, chosen between the two cells that meet
 * there (direct tcPr formatting over the style, later parts over earlier).
 */
#include "render/draw-table.h"
#include "model/dml-table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { EMU_PER_PT = 12700 };
static const int64_t DEF_MAR_LR = 91440, DEF_MAR_TB = 45720;

/* The grid of one table being drawn: boundaries in EMU, logical order. */
typedef struct tbl_grid {
	const dml_table *t;
	double *x;            /* n_cols + 1 */
	double *y;            /* n_rows + 1 */
	double width;
	draw_text_kept **kept; /* per cell: its text as measured, or NULL */
} tbl_grid;

/* A border resolved to what is stroked. */
typedef struct tbl_stroke {
	int visible;
	dml_rgba c;
	double w;             /* EMU */
	const char *dash;
	uint8_t cmpd;
} tbl_stroke;

/* ---- cells, styles and text ---- */

static const dml_tbl_cell *
anchor_of(const dml_table *t, uint32_t r, uint32_t c)
{
	const dml_tbl_cell *x = dml_table_cell(t, r, c);
	return x->covered ? dml_table_cell(t, x->anchor_r, x->anchor_c) : x;
}

static int64_t
margin(const dml_tbl_cell *x, int bit, int64_t v, int64_t dflt)
{
	return x->mar_set & bit ? v : dflt;
}

/* The text of a cell as a shape draw_text understands: tcPr margins and
 * anchor as the body's insets; the style's text properties beneath the
 * cell's own list style (b, i, typefaces) or as its font reference (theme
 * font, colour), which resolve_ppr puts above the master's otherStyle. */
static void
cell_shape(const dml_tbl_cell *x, const dml_tbl_cell_style *st,
           dml_text_body *body, dml_shape *sh)
{
	memset(sh, 0, sizeof *sh);
	*body = *x->text;
	sh->kind = DML_SHAPE_SP;
	sh->text = body;
	memset(&body->bpr, 0, sizeof body->bpr);
	body->bpr.l_ins = margin(x, DML_MAR_L, x->mar_l, DEF_MAR_LR);
	body->bpr.r_ins = margin(x, DML_MAR_R, x->mar_r, DEF_MAR_LR);
	body->bpr.t_ins = margin(x, DML_MAR_T, x->mar_t, DEF_MAR_TB);
	body->bpr.b_ins = margin(x, DML_MAR_B, x->mar_b, DEF_MAR_TB);
	body->bpr.anchor = x->has_anchor ? x->anchor : DML_ANCHOR_T;
	body->bpr.anchor_ctr = x->anchor_ctr;
	body->bpr.autofit = DML_AUTOFIT_NONE;
	body->bpr.set = DML_B_LINS | DML_B_RINS | DML_B_TINS | DML_B_BINS |
	                DML_B_ANCHOR | DML_B_ANCHORCTR | DML_B_AUTOFIT;
	if (x->vert) {
		/* tcPr@vert: the text turns inside the cell, margins along */
		body->bpr.vert = x->vert;
		body->bpr.set |= DML_B_VERT;
	}
	for (int k = 0; k < DML_LEVELS; k++) {
		dml_ppr p;
		memset(&p, 0, sizeof p);
		if (st->b >= 0) {
			p.def_rpr.b = (uint8_t) st->b;
			p.def_rpr.set |= DML_R_B;
		}
		if (st->i >= 0) {
			p.def_rpr.i = (uint8_t) st->i;
			p.def_rpr.set |= DML_R_I;
		}
		if (st->font == 3) {
			if (st->latin && *st->latin) {
				p.def_rpr.latin = st->latin;
				p.def_rpr.set |= DML_R_LATIN;
			}
			if (st->ea && *st->ea) {
				p.def_rpr.ea = st->ea;
				p.def_rpr.set |= DML_R_EA;
			}
			if (st->cs && *st->cs) {
				p.def_rpr.cs = st->cs;
				p.def_rpr.set |= DML_R_CS;
			}
		}
		resolve_ppr_overlay(&p, &x->text->lst.lvl[k]);
		p.set |= x->text->lst.lvl[k].set;
		body->lst.lvl[k] = p;
	}
	if (st->font == 1 || st->font == 2 || st->color) {
		sh->font_ref.has = 1;
		sh->font_ref.idx = st->font == 1 || st->font == 2 ? st->font : 0;
		if (st->color)
			sh->font_ref.color = *st->color;
	}
}

static int
para_has_text(const dml_para *p)
{
	for (uint32_t j = 0; j < p->n_runs; j++) {
		const dml_run *r = &p->runs[j];
		if (r->kind == DML_RUN_FIELD)
			return 1;
		if (r->kind == DML_RUN_TEXT && r->text)
			for (const char *s = r->text; *s; s++)
				if (*s != ' ' && *s != '\t')
					return 1;
	}
	return 0;
}

/*
 * Height of the text of a cell @w wide in EMU (the cell's own left and right
 * margins apply, top and bottom ones are excluded), as the text layout
 * measures it. Empty paragraphs are measured as one "X" in their
 * end-of-paragraph properties, which gives the same line.
 */
static double
text_height(draw_ctx *dc, const dml_tbl_cell *x, const dml_tbl_cell_style *st,
            double w, draw_text_kept **keep)
{
	dml_text_body body, src;
	dml_para *paras = NULL, empty;
	dml_run *runs = NULL;
	dml_shape sh;
	dml_tbl_cell tmp = *x;
	double h = 0;
	int stand_in = 0;

	/* vertical text runs along the row: it wraps at the row's height and
	 * does not grow it */
	if (x->vert)
		return 0;
	memset(&src, 0, sizeof src);
	memset(&empty, 0, sizeof empty);
	if (x->text)
		src = *x->text;
	if (!src.n_paras) {
		src.paras = &empty;
		src.n_paras = 1;
	}
	paras = s2p_malloc_array(src.n_paras, sizeof *paras);
	runs = s2p_calloc_array(src.n_paras, sizeof *runs);
	if (!paras || !runs)
		goto out;
	for (uint32_t i = 0; i < src.n_paras; i++) {
		paras[i] = src.paras[i];
		if (para_has_text(&paras[i]))
			continue;
		stand_in = 1;
		runs[i].kind = DML_RUN_TEXT;
		runs[i].text = "X";
		runs[i].rpr = paras[i].end_rpr;
		paras[i].runs = &runs[i];
		paras[i].n_runs = 1;
	}
	src.paras = paras;
	tmp.text = &src;
	cell_shape(&tmp, st, &body, &sh);
	body.bpr.t_ins = body.bpr.b_ins = 0;
	/* the layout is drawn later as it is when it is the cell's own text
	 * (no stand-in "X") */
	h = draw_text_height(dc, &sh, NULL, 0, w,
	                     x->text && x->text->n_paras && !stand_in ? keep : NULL);
out:
	free(paras);
	free(runs);
	return h > 0 ? h : 0;
}

/* ---- layout ---- */

/* Rows take their written height, or more when their text needs it; a
 * cell spanning rows grows the last of them. */
static int
grid_layout(draw_ctx *dc, tbl_grid *g)
{
	const dml_table *t = g->t;
	double *need;

	g->x = s2p_calloc_array(t->n_cols + 1, sizeof *g->x);
	g->y = s2p_calloc_array(t->n_rows + 1, sizeof *g->y);
	need = s2p_calloc_array(t->n_rows, sizeof *need);
	if (!g->x || !g->y || !need) {
		free(need);
		return -1;
	}
	for (uint32_t c = 0; c < t->n_cols; c++)
		g->x[c + 1] = g->x[c] + (double) t->col_w[c];
	g->width = g->x[t->n_cols];
	for (uint32_t r = 0; r < t->n_rows; r++)
		need[r] = (double) t->row_h[r];
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t r = 0; r < t->n_rows; r++)
			for (uint32_t c = 0; c < t->n_cols; c++) {
				const dml_tbl_cell *x = dml_table_cell(t, r, c);
				dml_tbl_cell_style st;
				double w, h, have = 0;
				if (x->covered || (pass == 0) != (x->span_r == 1))
					continue;
				dml_table_cell_style(t, r, c, &st);
				/* the cell's width: draw_text takes the margins off */
				w = g->x[c + x->span_c] - g->x[c];
				h = text_height(dc, x, &st, w > 0 ? w : 1,
				                g->kept ? &g->kept[(size_t) r * t->n_cols + c] :
				                NULL) +
				    (double) margin(x, DML_MAR_T, x->mar_t, DEF_MAR_TB) +
				    (double) margin(x, DML_MAR_B, x->mar_b, DEF_MAR_TB);
				for (uint32_t k = 0; k < x->span_r; k++)
					have += need[r + k];
				if (h > have)
					need[r + x->span_r - 1] += h - have;
			}
	for (uint32_t r = 0; r < t->n_rows; r++)
		g->y[r + 1] = g->y[r] + need[r];
	free(need);
	return 0;
}

/* Left and right of logical columns c..lc on the page: an rtl table runs
 * from the right (§21.1.3.15 rtl), so its first column is drawn last. */
static void
col_span(const tbl_grid *g, uint32_t c, uint32_t lc, double *x0, double *x1)
{
	if (g->t->rtl) {
		*x0 = g->width - g->x[lc + 1];
		*x1 = g->width - g->x[c];
	}
	else {
		*x0 = g->x[c];
		*x1 = g->x[lc + 1];
	}
}

/* ---- paint ---- */

static const dml_fill *
theme_fill(const draw_ctx *dc, uint32_t idx)
{
	const dml_theme *th = dc->rc.theme;

	if (!th || !idx)
		return NULL;
	if (idx >= 1001 && idx - 1001 < th->n_bg_fill_styles)
		return &th->bg_fill_styles[idx - 1001];
	if (idx <= th->n_fill_styles)
		return &th->fill_styles[idx - 1];
	return NULL;
}

/* Fill the box (x, y, w, h) with a cell, table or background paint. */
static void
paint_box(draw_ctx *dc, const dml_tbl_paint *p, double x, double y, double w,
          double h)
{
	cairo_t *cr = dc->cr;
	const dml_fill *f;
	const dml_color *ph = NULL;
	double s;

	if (!p || !p->set || w <= 0 || h <= 0)
		return;
	f = &p->fill;
	if (p->ref.has) {
		f = theme_fill(dc, p->ref.idx);
		ph = &p->ref.color;
		if (!f)
			return;
	}
	if (f->kind == DML_FILL_NONE || f->kind == DML_FILL_UNSET)
		return;
	/* work in units of the box's larger side: cairo (pixman) loses
	 * gradients whose pattern space sits millions of EMU from the origin */
	s = w > h ? w : h;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, s, s);
	cairo_new_path(cr);
	cairo_rectangle(cr, 0, 0, w / s, h / s);
	draw_fill_path(dc, f, ph, w / s, h / s);
	cairo_new_path(cr);
	cairo_restore(cr);
}

/* What a border strokes. A cell's line without a fill of its own keeps
 * the colour of the style's line beneath (@under, may be NULL). */
static tbl_stroke
stroke_of(const draw_ctx *dc, const dml_tbl_line *l, const dml_tbl_line *under)
{
	tbl_stroke s;
	const dml_line *ln;
	const dml_color *ph = NULL;
	dml_line tmp;

	memset(&s, 0, sizeof s);
	if (!l || !l->set)
		return s;
	ln = &l->ln;
	if (l->ref.has) {
		const dml_theme *th = dc->rc.theme;
		if (!th || !l->ref.idx || l->ref.idx > th->n_line_styles)
			return s;
		ln = &th->line_styles[l->ref.idx - 1];
		ph = &l->ref.color;
	}
	else if (ln->fill.kind == DML_FILL_UNSET && under && under != l) {
		tbl_stroke u = stroke_of(dc, under, NULL);
		if (!u.visible)
			return s;
		tmp = *ln;
		s = u;
		if (tmp.has_w)
			s.w = (double) tmp.w_emu;
		if (tmp.dash)
			s.dash = tmp.dash;
		s.cmpd = l->cmpd;
		return s;
	}
	if (ln->fill.kind == DML_FILL_SOLID)
		s.c = draw_color(dc, &ln->fill.color, ph);
	else if (ln->fill.kind == DML_FILL_GRAD && ln->fill.n_stops)
		s.c = draw_color(dc, &ln->fill.stops[0].color, ph);
	else
		return s;
	s.visible = s.c.a > 0;
	/* a:ln without w in a table: PowerPoint's 1 pt */
	s.w = ln->has_w ? (double) ln->w_emu : 12700;
	s.dash = s2p_str_eq(ln->dash, "solid") ? NULL : ln->dash;
	s.cmpd = l->ref.has ? DML_CMPD_SNG : l->cmpd;
	return s;
}

static int
stroke_eq(const tbl_stroke *a, const tbl_stroke *b)
{
	if (a->visible != b->visible)
		return 0;
	if (!a->visible)
		return 1;
	return a->w == b->w && a->cmpd == b->cmpd && s2p_str_eq(a->dash, b->dash) &&
	       a->c.r == b->c.r && a->c.g == b->c.g && a->c.b == b->c.b &&
	       a->c.a == b->c.a;
}

/* The edge @e of the block anchored at (r, c): its own tcPr line, else
 * the style's. *rank orders the candidates of a shared edge: direct
 * formatting first, then the later style part. */
static tbl_stroke
cell_edge(const draw_ctx *dc, const dml_table *t, uint32_t r, uint32_t c, int e,
          int *rank)
{
	const dml_tbl_cell *x = anchor_of(t, r, c);
	dml_tbl_cell_style st;

	dml_table_cell_style(t, r, c, &st);
	if (x->edge[e] && x->edge[e]->set) {
		*rank = 100;
		return stroke_of(dc, x->edge[e], st.edge[e]);
	}
	*rank = st.edge_part[e];
	return stroke_of(dc, st.edge[e], NULL);
}

/* Choose between the two cells' views of a shared edge. */
static tbl_stroke
pick(tbl_stroke a, int ra, tbl_stroke b, int rb)
{
	if (ra != rb)
		return ra > rb ? a : b;
	if (a.visible != b.visible)
		return a.visible ? a : b;
	return b.w > a.w ? b : a;
}

/* Stroke (x0,y0)-(x1,y1). Compound lines (§20.1.10.15 ST_CompoundLine)
 * split the width into bands across the line: first band on the left of
 * the direction of travel (above a left-to-right line). */
static void
stroke_line(draw_ctx *dc, const tbl_stroke *s, double x0, double y0, double x1,
            double y1)
{
	static const struct { int n; double band[3][2]; } cmpd[] = {
		{ 1, { { -0.5, 0.5 } } },                                 /* sng */
		{ 2, { { -0.5, -1.0 / 6 }, { 1.0 / 6, 0.5 } } },          /* dbl */
		{ 2, { { -0.5, 0 }, { 1.0 / 4, 0.5 } } },                 /* thickThin */
		{ 2, { { -0.5, -1.0 / 4 }, { 0, 0.5 } } },                /* thinThick */
		{ 3, { { -0.5, -0.3 }, { -0.1, 0.1 }, { 0.3, 0.5 } } },  /* tri */
	};
	cairo_t *cr = dc->cr;
	double len = hypot(x1 - x0, y1 - y0), nx, ny, d[6], w = s->w;
	int nd, k = s->cmpd < S2P_ARRAY_LEN(cmpd) ? s->cmpd : 0;

	if (!s->visible || len <= 0)
		return;
	if (w <= 0) {
		/* w=0: the thinnest line the device shows */
		double px = 1, py = 0;
		cairo_device_to_user_distance(cr, &px, &py);
		w = hypot(px, py);
	}
	/* the normal pointing to the left of travel is (dy, -dx) */
	nx = (y1 - y0) / len;
	ny = -(x1 - x0) / len;
	cairo_save(cr);
	cairo_set_source_rgba(cr, s->c.r, s->c.g, s->c.b, s->c.a);
	nd = draw_dash_pattern(s->dash, d);
	for (int b = 0; b < cmpd[k].n; b++) {
		double lo = cmpd[k].band[b][0], hi = cmpd[k].band[b][1];
		double off = -(lo + hi) / 2 * w, bw = (hi - lo) * w;
		cairo_set_line_width(cr, bw);
		if (nd) {
			double dd[6];
			for (int i = 0; i < nd; i++)
				dd[i] = d[i] * w;
			cairo_set_dash(cr, dd, nd, 0);
			cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		}
		else
			/* square ends close the corners where borders meet */
			cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
		cairo_new_path(cr);
		cairo_move_to(cr, x0 + nx * off, y0 + ny * off);
		cairo_line_to(cr, x1 + nx * off, y1 + ny * off);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

/* Horizontal grid line i (0..n_rows): per column, the bottom of the block
 * above against the top of the block below; equal neighbours are joined
 * so dashes run on. */
static void
draw_hline(draw_ctx *dc, const tbl_grid *g, uint32_t i)
{
	const dml_table *t = g->t;
	tbl_stroke run, cur;
	double run_x0 = 0, run_x1 = 0;
	int have = 0;

	memset(&run, 0, sizeof run);
	for (uint32_t k = 0; k < t->n_cols; k++) {
		uint32_t c = t->rtl ? t->n_cols - 1 - k : k;
		const dml_tbl_cell *up = i > 0 ? anchor_of(t, i - 1, c) : NULL;
		const dml_tbl_cell *dn = i < t->n_rows ? anchor_of(t, i, c) : NULL;
		double x0, x1;
		int ra = -1, rb = -1;
		tbl_stroke a, b;

		memset(&cur, 0, sizeof cur);
		if (!(up && dn && up == dn)) {
			memset(&a, 0, sizeof a);
			memset(&b, 0, sizeof b);
			if (up)
				a = cell_edge(dc, t, i - 1, c, DML_EDGE_B, &ra);
			if (dn)
				b = cell_edge(dc, t, i, c, DML_EDGE_T, &rb);
			cur = pick(a, ra, b, rb);
		}
		col_span(g, c, c, &x0, &x1);
		if (have && stroke_eq(&run, &cur) && fabs(x0 - run_x1) < 1e-6) {
			run_x1 = x1;
			continue;
		}
		if (have)
			stroke_line(dc, &run, run_x0, g->y[i], run_x1, g->y[i]);
		run = cur;
		run_x0 = x0;
		run_x1 = x1;
		have = 1;
	}
	if (have)
		stroke_line(dc, &run, run_x0, g->y[i], run_x1, g->y[i]);
}

/* Vertical grid line between logical columns i-1 and i (0..n_cols). */
static void
draw_vline(draw_ctx *dc, const tbl_grid *g, uint32_t i)
{
	const dml_table *t = g->t;
	tbl_stroke run, cur;
	double run_y0 = 0, run_y1 = 0, x;
	int have = 0;

	memset(&run, 0, sizeof run);
	x = t->rtl ? g->width - g->x[i] : g->x[i];
	for (uint32_t r = 0; r < t->n_rows; r++) {
		const dml_tbl_cell *lf = i > 0 ? anchor_of(t, r, i - 1) : NULL;
		const dml_tbl_cell *rt = i < t->n_cols ? anchor_of(t, r, i) : NULL;
		int ra = -1, rb = -1;
		tbl_stroke a, b;

		memset(&cur, 0, sizeof cur);
		if (!(lf && rt && lf == rt)) {
			memset(&a, 0, sizeof a);
			memset(&b, 0, sizeof b);
			if (lf)
				a = cell_edge(dc, t, r, i - 1, DML_EDGE_R, &ra);
			if (rt)
				b = cell_edge(dc, t, r, i, DML_EDGE_L, &rb);
			cur = pick(a, ra, b, rb);
		}
		if (have && stroke_eq(&run, &cur)) {
			run_y1 = g->y[r + 1];
			continue;
		}
		if (have)
			stroke_line(dc, &run, x, run_y0, x, run_y1);
		run = cur;
		run_y0 = g->y[r];
		run_y1 = g->y[r + 1];
		have = 1;
	}
	if (have)
		stroke_line(dc, &run, x, run_y0, x, run_y1);
}

/* ---- the table ---- */

/* Fills (@text 0) or text (@text 1) of every cell. Text is never
 * mirrored: under an odd number of flips it is turned back about the
 * cell's centre, as for shapes. */
static void
draw_cells(draw_ctx *dc, const tbl_grid *g, int text, int mirror)
{
	const dml_table *t = g->t;

	for (uint32_t r = 0; r < t->n_rows; r++)
		for (uint32_t c = 0; c < t->n_cols; c++) {
			const dml_tbl_cell *x = dml_table_cell(t, r, c);
			dml_tbl_cell_style st;
			double x0, x1, y0 = g->y[r], y1 = g->y[r + x->span_r];

			if (x->covered)
				continue;
			dml_table_cell_style(t, r, c, &st);
			col_span(g, c, c + x->span_c - 1, &x0, &x1);
			if (!text) {
				/* direct formatting wins over the style */
				paint_box(dc, x->fill.set ? &x->fill : st.fill, x0, y0,
				          x1 - x0, y1 - y0);
				continue;
			}
			if (x->text && x->text->n_paras) {
				dml_text_body body;
				dml_shape sh;
				cell_shape(x, &st, &body, &sh);
				cairo_save(dc->cr);
				if (mirror) {
					cairo_translate(dc->cr, (x0 + x1) / 2, 0);
					cairo_scale(dc->cr, -1, 1);
					cairo_translate(dc->cr, -(x0 + x1) / 2, 0);
				}
				draw_text_kept_draw(dc, &sh, NULL, 0, x0, y0, x1 - x0, y1 - y0,
				                    g->kept ? g->kept[(size_t) r * t->n_cols + c] :
				                    NULL);
				cairo_restore(dc->cr);
			}
		}
}

static void
draw_diagonals(draw_ctx *dc, const tbl_grid *g)
{
	const dml_table *t = g->t;

	for (uint32_t r = 0; r < t->n_rows; r++)
		for (uint32_t c = 0; c < t->n_cols; c++) {
			const dml_tbl_cell *x = dml_table_cell(t, r, c);
			double x0, x1, y0 = g->y[r], y1 = g->y[r + x->span_r];
			tbl_stroke s;
			int rank;

			if (x->covered)
				continue;
			col_span(g, c, c + x->span_c - 1, &x0, &x1);
			s = cell_edge(dc, t, r, c, DML_EDGE_TL2BR, &rank);
			stroke_line(dc, &s, x0, y0, x1, y1);
			s = cell_edge(dc, t, r, c, DML_EDGE_BL2TR, &rank);
			stroke_line(dc, &s, x0, y1, x1, y0);
		}
}

static void
grid_free(tbl_grid *g)
{
	for (size_t i = 0; g->kept && i < (size_t) g->t->n_rows * g->t->n_cols; i++)
		draw_text_kept_free(g->kept[i]);
	free(g->kept);
	free(g->x);
	free(g->y);
}

void
draw_table(draw_ctx *dc, const dml_shape *s, double w, double h)
{
	const dml_table *t = s->table;
	tbl_grid g;
	double th;

	(void) w;
	(void) h;
	if (!t || !t->n_rows || !t->n_cols)
		return;
	memset(&g, 0, sizeof g);
	g.t = t;
	/* NULL (no memory): each cell's text is laid out again to draw it */
	g.kept = s2p_calloc_array((size_t) t->n_rows * t->n_cols, sizeof *g.kept);
	if (grid_layout(dc, &g)) {
		grid_free(&g);
		pml_diag_add(dc->diags, dc->part, "table not drawn: out of memory");
		return;
	}
	th = g.y[t->n_rows];
	/* tblBg (style) and the table's own fill lie under every cell */
	if (t->style)
		paint_box(dc, &t->style->bg, 0, 0, g.width, th);
	paint_box(dc, &t->fill, 0, 0, g.width, th);
	draw_cells(dc, &g, 0, 0);
	draw_cells(dc, &g, 1, (s->xfrm.flip_h != s->xfrm.flip_v) != dc->group.mirror);
	draw_diagonals(dc, &g);
	for (uint32_t i = 0; i <= t->n_rows; i++)
		draw_hline(dc, &g, i);
	for (uint32_t i = 0; i <= t->n_cols; i++)
		draw_vline(dc, &g, i);
	grid_free(&g);
}
