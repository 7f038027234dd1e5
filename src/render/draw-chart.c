/*
 * Charts: the chart area, title and legend, the layout of the plot area
 * (automatic, or c:manualLayout), and the text and paint helpers the axis
 * and plot files share. Works in points (user space scaled by 12700
 * EMU/pt); reads the immutable model only, so workers may draw at once.
 */
#include "render/draw-chart.h"
#include "render/draw-font.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EMU_PER_PT = 12700 };

/* ---- text ---- */

dml_rpr
chart_text_rpr(const chart_draw *cd, const dml_chart_txpr *t, double size_mult,
               int bold)
{
	dml_rpr r = cd->base;

	if (size_mult != 1 && !(t && t->has && (t->rpr.set & DML_R_SZ)))
		r.sz_100pt = (int32_t) lround(r.sz_100pt * size_mult);
	if (bold)
		r.b = 1;
	if (t && t->has)
		resolve_rpr_overlay(&r, &t->rpr);
	if (r.sz_100pt < 100)
		r.sz_100pt = 100;
	return r;
}

static dml_rgba
rpr_color(const chart_draw *cd, const dml_rpr *r)
{
	dml_rgba c = { 0, 0, 0, 1 };

	if (r->fill.kind == DML_FILL_SOLID)
		return draw_color(cd->dc, &r->fill.color, NULL);
	if (r->fill.kind == DML_FILL_GRAD && r->fill.n_stops)
		return draw_color(cd->dc, &r->fill.stops[0].color, NULL);
	if (r->fill.kind == DML_FILL_NONE)
		c.a = 0;
	return c;
}

static uint16_t
chan16(double v)
{
	v = v < 0 ? 0 : v > 1 ? 1 : v;
	return (uint16_t) (v * 65535.0 + 0.5);
}

/* The font of chart text @text (NULL: notes no substitution). */
static PangoFontDescription *
rpr_font(const chart_draw *cd, const dml_rpr *r, const char *text)
{
	PangoFontDescription *fd = pango_font_description_new();
	char fam[1024];

	draw_font_families(cd->dc, r, text, -1, fam, sizeof fam);
	pango_font_description_set_family(fd, fam);
	pango_font_description_set_absolute_size(fd, draw_font_size_pt(cd->dc,
	                                         r->sz_100pt / 100.0) * PANGO_SCALE);
	pango_font_description_set_weight(fd, r->b ? PANGO_WEIGHT_BOLD :
	                                  PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, r->i ? PANGO_STYLE_ITALIC :
	                                 PANGO_STYLE_NORMAL);
	return fd;
}

static void
add_color_attrs(PangoAttrList *attrs, dml_rgba c, int start, int end)
{
	PangoAttribute *a = pango_attr_foreground_new(chan16(c.r), chan16(c.g),
	                                              chan16(c.b));
	a->start_index = (guint) start;
	a->end_index = (guint) end;
	pango_attr_list_insert(attrs, a);
	if (c.a < 1) {
		a = pango_attr_foreground_alpha_new(chan16(c.a));
		a->start_index = (guint) start;
		a->end_index = (guint) end;
		pango_attr_list_insert(attrs, a);
	}
}

PangoLayout *
chart_layout(chart_draw *cd, const dml_rpr *r, const char *text, double wrap_w)
{
	PangoLayout *l = pango_layout_new(cd->dc->w->pango);
	const char *t = text && g_utf8_validate(text, -1, NULL) ? text : "";
	PangoFontDescription *fd = rpr_font(cd, r, t);
	PangoAttrList *attrs = pango_attr_list_new();

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, t, -1);
	add_color_attrs(attrs, rpr_color(cd, r), 0, (int) strlen(t));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	if (wrap_w > 0) {
		pango_layout_set_width(l, draw_pango_units(wrap_w));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	}
	return l;
}

/* A rich title (c:tx/c:rich): its paragraphs and runs, each run in its
 * own font over @base. */
static PangoLayout *
rich_layout(chart_draw *cd, const dml_text_body *tb, const dml_rpr *base,
            double wrap_w)
{
	PangoLayout *l = pango_layout_new(cd->dc->w->pango);
	PangoAttrList *attrs = pango_attr_list_new();
	GString *s = g_string_new(NULL);
	PangoFontDescription *fd = rpr_font(cd, base, NULL);

	for (uint32_t i = 0; i < tb->n_paras; i++) {
		const dml_para *p = &tb->paras[i];
		dml_rpr pr = *base;
		resolve_rpr_overlay(&pr, &p->ppr.def_rpr);
		if (i)
			g_string_append_c(s, '\n');
		for (uint32_t j = 0; j < p->n_runs; j++) {
			const dml_run *run = &p->runs[j];
			dml_rpr r = pr;
			int start = (int) s->len;
			PangoAttribute *a;
			PangoFontDescription *rfd;
			resolve_rpr_overlay(&r, &run->rpr);
			if (run->kind == DML_RUN_BREAK)
				g_string_append_c(s, '\n');
			else if (run->text && g_utf8_validate(run->text, -1, NULL))
				g_string_append(s, run->text);
			if ((int) s->len == start)
				continue;
			rfd = rpr_font(cd, &r, s->str + start);
			a = pango_attr_font_desc_new(rfd);
			pango_font_description_free(rfd);
			a->start_index = (guint) start;
			a->end_index = (guint) s->len;
			pango_attr_list_insert(attrs, a);
			add_color_attrs(attrs, rpr_color(cd, &r), start, (int) s->len);
		}
	}
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, s->str, (int) s->len);
	pango_layout_set_attributes(l, attrs);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	if (wrap_w > 0) {
		pango_layout_set_width(l, draw_pango_units(wrap_w));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	}
	pango_attr_list_unref(attrs);
	g_string_free(s, TRUE);
	return l;
}

void
chart_layout_size(PangoLayout *l, double *w, double *h)
{
	PangoRectangle logical;

	pango_layout_get_extents(l, NULL, &logical);
	*w = logical.width / (double) PANGO_SCALE;
	*h = logical.height / (double) PANGO_SCALE;
}

void
chart_layout_draw(chart_draw *cd, PangoLayout *l, double x, double y,
                  double ax, double ay, double rot_deg)
{
	cairo_t *cr = cd->cr;
	PangoRectangle logical;
	double w, h;

	pango_layout_get_extents(l, NULL, &logical);
	w = logical.width / (double) PANGO_SCALE;
	h = logical.height / (double) PANGO_SCALE;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	if (rot_deg != 0)
		cairo_rotate(cr, rot_deg * S2P_PI / 180);
	cairo_move_to(cr, -ax * w - logical.x / (double) PANGO_SCALE, -ay * h);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
}

/* ---- paint ---- */

void
chart_fill_current(chart_draw *cd, const dml_fill *f, double x, double y,
                   double w, double h)
{
	cairo_t *cr = cd->cr;

	if (f->kind == DML_FILL_UNSET || f->kind == DML_FILL_NONE)
		return;
	if (f->kind == DML_FILL_SOLID) {
		draw_fill_path(cd->dc, f, NULL, w, h);
		return;
	}
	/* gradients and pictures are laid out on the element's box: the path
	 * is kept in device space, so moving the origin moves only them */
	cairo_save(cr);
	cairo_translate(cr, x, y);
	draw_fill_path(cd->dc, f, NULL, w, h);
	cairo_restore(cr);
}

void
chart_stroke_current(chart_draw *cd, const dml_line *ln, int64_t dflt_w_emu)
{
	double w = (double) (ln->has_w ? ln->w_emu : dflt_w_emu) / EMU_PER_PT;
	dml_rgba c;

	if (ln->fill.kind == DML_FILL_SOLID)
		c = draw_color(cd->dc, &ln->fill.color, NULL);
	else if (ln->fill.kind == DML_FILL_GRAD && ln->fill.n_stops)
		c = draw_color(cd->dc, &ln->fill.stops[0].color, NULL);
	else
		return;
	draw_line_stroke(cd->cr, ln, c, w);
}

static void
sppr_rect(chart_draw *cd, const dml_chart_sppr *sp, chart_rect r,
          const dml_line *dflt_line)
{
	cairo_t *cr = cd->cr;

	cairo_new_path(cr);
	cairo_rectangle(cr, r.x, r.y, r.w, r.h);
	chart_fill_current(cd, &sp->fill, r.x, r.y, r.w, r.h);
	if (sp->has_line)
		chart_stroke_current(cd, &sp->line, 9525);
	else if (dflt_line)
		chart_stroke_current(cd, dflt_line, 9525);
	cairo_new_path(cr);
}

/* ---- series formatting ---- */

static const dml_chart_dpt *
find_dpt(const dml_chart_series *s, int64_t pt)
{
	if (pt < 0)
		return NULL;
	for (uint32_t i = 0; i < s->n_dpts; i++)
		if (s->dpts[i].idx == (uint64_t) pt)
			return &s->dpts[i];
	return NULL;
}

static int
varies_by_point(const dml_chart_group *g)
{
	/* varyColors only acts on a group with a single series, and never on
	 * lines and areas (Office) */
	return g->vary_colors && g->n_series == 1 &&
	       (g->type == DML_CHART_BAR || g->type == DML_CHART_PIE ||
	        g->type == DML_CHART_DOUGHNUT || g->type == DML_CHART_SCATTER ||
	        g->type == DML_CHART_BUBBLE);
}

int
chart_group_is_xy(const dml_chart_group *g)
{
	return g->type == DML_CHART_SCATTER || g->type == DML_CHART_BUBBLE;
}

int
chart_group_has_lines(const dml_chart_group *g)
{
	return g->type == DML_CHART_LINE || (g->type == DML_CHART_SCATTER &&
	       g->scatter_lines) || (g->type == DML_CHART_RADAR &&
	       g->radar_style != DML_RADAR_FILLED);
}

void
chart_series_style(const chart_draw *cd, const dml_chart_group *g, uint32_t si,
                   int64_t pt, dml_fill *fill, dml_line *line, int *has_line)
{
	const dml_chart_series *s = &g->series[si];
	const dml_chart_dpt *d = find_dpt(s, pt);
	int is_line = g->type == DML_CHART_LINE || g->type == DML_CHART_SCATTER ||
	              (g->type == DML_CHART_RADAR && g->radar_style != DML_RADAR_FILLED);
	int pie = g->type == DML_CHART_PIE || g->type == DML_CHART_DOUGHNUT;
	dml_color dflt;
	uint32_t ci = s->idx, n = cd->n_series;

	if (pie || (varies_by_point(g) && pt >= 0)) {
		ci = pt >= 0 ? (uint32_t) pt : 0;
		n = s->n_pts;
	}
	dml_chart_default_color(cd->c->style, ci, n, &dflt);
	memset(fill, 0, sizeof *fill);
	memset(line, 0, sizeof *line);
	*has_line = 0;
	if (d && d->sppr.fill.kind != DML_FILL_UNSET)
		*fill = d->sppr.fill;
	else if (s->sppr.fill.kind != DML_FILL_UNSET && !(pie && pt >= 0 &&
	         varies_by_point(g) && !d && s->sppr.fill.kind == DML_FILL_UNSET))
		*fill = s->sppr.fill;
	else {
		fill->kind = DML_FILL_SOLID;
		fill->color = dflt;
	}
	if (pie && pt >= 0 && g->vary_colors && !d &&
	    (s->sppr.fill.kind == DML_FILL_UNSET)) {
		fill->kind = DML_FILL_SOLID;
		fill->color = dflt;
	}
	if (d && d->sppr.has_line) {
		*line = d->sppr.line;
		*has_line = 1;
	}
	else if (s->sppr.has_line) {
		*line = s->sppr.line;
		*has_line = 1;
	}
	if (is_line) {
		/* lines default to 2.25 pt in the series colour */
		if (!*has_line || line->fill.kind == DML_FILL_UNSET) {
			line->fill.kind = DML_FILL_SOLID;
			line->fill.color = dflt;
		}
		if (!line->has_w) {
			line->has_w = 1;
			line->w_emu = 28575;
		}
		/* a stock chart's series have no lines unless they say so */
		if (g->stock && !(d && d->sppr.has_line) && !(s->sppr.has_line &&
		    s->sppr.line.fill.kind != DML_FILL_UNSET))
			line->fill.kind = DML_FILL_NONE;
		if (!line->cap)
			line->cap = 2;
		*has_line = line->fill.kind != DML_FILL_NONE;
	}
	else if (*has_line && line->fill.kind == DML_FILL_UNSET)
		*has_line = 0;
	else if (*has_line && line->fill.kind == DML_FILL_NONE)
		*has_line = 0;
}

dml_chart_marker
chart_series_marker(const chart_draw *cd, const dml_chart_group *g, uint32_t si)
{
	/* Office's automatic symbols, in series order */
	static const uint8_t autos[] = { DML_MARKER_DIAMOND, DML_MARKER_SQUARE,
		DML_MARKER_TRIANGLE, DML_MARKER_X, DML_MARKER_STAR, DML_MARKER_CIRCLE,
		DML_MARKER_PLUS, DML_MARKER_DOT, DML_MARKER_DASH };
	const dml_chart_series *s = &g->series[si];
	dml_chart_marker m;

	(void) cd;
	memset(&m, 0, sizeof m);
	if (s->has_marker)
		m = s->marker;
	/* stock series, plain and filled radars show no automatic markers */
	if (m.symbol == DML_MARKER_AUTO)
		m.symbol = (g->type == DML_CHART_LINE && !g->show_markers) || g->stock ||
		           (g->type == DML_CHART_RADAR &&
		            g->radar_style != DML_RADAR_MARKER) ?
		           DML_MARKER_NONE : autos[s->idx % S2P_ARRAY_LEN(autos)];
	if (!m.size)
		m.size = 5;
	return m;
}

static void
marker_path(cairo_t *cr, int sym, double x, double y, double r)
{
	switch (sym) {
	case DML_MARKER_CIRCLE:
	case DML_MARKER_DOT:
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, sym == DML_MARKER_DOT ? r / 2 : r, 0, 2 * S2P_PI);
		break;
	case DML_MARKER_DIAMOND:
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r, y);
		cairo_line_to(cr, x, y + r);
		cairo_line_to(cr, x - r, y);
		cairo_close_path(cr);
		break;
	case DML_MARKER_TRIANGLE:
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r, y + r);
		cairo_line_to(cr, x - r, y + r);
		cairo_close_path(cr);
		break;
	case DML_MARKER_DASH:
		cairo_rectangle(cr, x - r, y - r / 4, 2 * r, r / 2);
		break;
	case DML_MARKER_X:
	case DML_MARKER_STAR:
		cairo_move_to(cr, x - r, y - r);
		cairo_line_to(cr, x + r, y + r);
		cairo_move_to(cr, x - r, y + r);
		cairo_line_to(cr, x + r, y - r);
		if (sym == DML_MARKER_STAR) {
			cairo_move_to(cr, x, y - r);
			cairo_line_to(cr, x, y + r);
		}
		break;
	case DML_MARKER_PLUS:
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x, y + r);
		cairo_move_to(cr, x - r, y);
		cairo_line_to(cr, x + r, y);
		break;
	default: /* square */
		cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
		break;
	}
}

void
chart_draw_marker(chart_draw *cd, const dml_chart_marker *m,
                  const dml_fill *dflt_fill, const dml_line *dflt_line,
                  double x, double y)
{
	cairo_t *cr = cd->cr;
	double r = m->size / 2.0;
	int open = m->symbol == DML_MARKER_X || m->symbol == DML_MARKER_STAR ||
	           m->symbol == DML_MARKER_PLUS;
	const dml_fill *f = m->sppr.fill.kind != DML_FILL_UNSET ? &m->sppr.fill :
	                    dflt_fill;
	dml_line ln;

	if (m->symbol == DML_MARKER_NONE || m->symbol == DML_MARKER_AUTO)
		return;
	memset(&ln, 0, sizeof ln);
	if (m->sppr.has_line && m->sppr.line.fill.kind != DML_FILL_UNSET)
		ln = m->sppr.line;
	else {
		ln.fill = dflt_line->fill;
		if (m->sppr.has_line)
			ln.has_w = m->sppr.line.has_w, ln.w_emu = m->sppr.line.w_emu;
	}
	if (!ln.has_w) {
		ln.has_w = 1;
		ln.w_emu = 9525;
	}
	ln.dash = NULL;
	cairo_new_path(cr);
	marker_path(cr, m->symbol, x, y, r);
	if (!open)
		chart_fill_current(cd, f, x - r, y - r, 2 * r, 2 * r);
	chart_stroke_current(cd, &ln, 9525);
	cairo_new_path(cr);
}

/* ---- title ---- */

static uint32_t
total_series(const dml_chart *c)
{
	uint32_t n = 0;
	for (uint32_t g = 0; g < c->n_groups; g++)
		n += c->groups[g].n_series;
	return n;
}

static PangoLayout *
title_layout(chart_draw *cd, const dml_chart_title *t, double mult,
             double wrap_w)
{
	dml_rpr r = chart_text_rpr(cd, &t->txpr, mult, 1);
	const char *text = t->str;

	if (t->rich && t->rich->n_paras)
		return rich_layout(cd, t->rich, &r, wrap_w);
	if (!text && t == &cd->c->title) {
		/* automatic title: the series name when there is one series */
		if (total_series(cd->c) == 1)
			text = cd->c->groups[0].series[0].name;
		if (!text)
			text = total_series(cd->c) == 1 ? NULL : "Chart Title";
	}
	if (!text || !*text)
		return NULL;
	return chart_layout(cd, &r, text, wrap_w);
}

/* ---- legend ---- */

typedef struct legend_entry {
	const dml_chart_group *g;
	uint32_t si;
	int64_t pt;               /* -1: the series */
	const char *text;
	PangoLayout *l;
	double tw, th;
} legend_entry;

enum { LEGEND_MAX = 64 };

static int
legend_deleted(const dml_chart_legend *lg, uint32_t idx)
{
	for (uint32_t i = 0; i < lg->n_deleted; i++)
		if (lg->deleted[i] == idx)
			return 1;
	return 0;
}

static int
legend_entries(chart_draw *cd, const dml_rpr *r, legend_entry *e)
{
	const dml_chart *c = cd->c;
	int n = 0;
	uint32_t k = 0;

	for (uint32_t gi = 0; gi < c->n_groups && n < LEGEND_MAX; gi++) {
		const dml_chart_group *g = &c->groups[gi];
		if (varies_by_point(g) || ((g->type == DML_CHART_PIE ||
		    g->type == DML_CHART_DOUGHNUT) && g->n_series)) {
			/* one entry per category */
			const dml_chart_series *s = &g->series[0];
			for (uint32_t i = 0; i < s->n_pts && n < LEGEND_MAX; i++, k++) {
				char buf[24];
				if (legend_deleted(&c->legend, k))
					continue;
				snprintf(buf, sizeof buf, "%u", i + 1);
				e[n].g = g;
				e[n].si = 0;
				e[n].pt = i;
				e[n].text = i < s->n_cat && s->cat[i] ? s->cat[i] : NULL;
				e[n].l = chart_layout(cd, r, e[n].text ? e[n].text : buf, 0);
				chart_layout_size(e[n].l, &e[n].tw, &e[n].th);
				n++;
			}
			continue;
		}
		for (uint32_t si = 0; si < g->n_series && n < LEGEND_MAX; si++, k++) {
			char buf[32];
			if (legend_deleted(&c->legend, k))
				continue;
			snprintf(buf, sizeof buf, "Series%u", g->series[si].idx + 1);
			e[n].g = g;
			e[n].si = si;
			e[n].pt = -1;
			e[n].text = g->series[si].name;
			e[n].l = chart_layout(cd, r, e[n].text ? e[n].text : buf, 0);
			chart_layout_size(e[n].l, &e[n].tw, &e[n].th);
			n++;
		}
	}
	return n;
}

/* Lines, scatter series and unfilled radars have a line (and marker) as
 * their legend key; everything else a small square. */
static int
line_key(const legend_entry *e)
{
	return e->g->type == DML_CHART_LINE || (e->g->type == DML_CHART_SCATTER &&
	       e->pt < 0) || (e->g->type == DML_CHART_RADAR &&
	       e->g->radar_style != DML_RADAR_FILLED);
}

static void
legend_key(chart_draw *cd, const legend_entry *e, double x, double y, double sz,
           double key_w)
{
	cairo_t *cr = cd->cr;
	dml_fill fill;
	dml_line line;
	int has_line;

	chart_series_style(cd, e->g, e->si, e->pt, &fill, &line, &has_line);
	if (line_key(e)) {
		dml_chart_marker m = chart_series_marker(cd, e->g, e->si);
		int lines = chart_group_has_lines(e->g);
		if (has_line && lines) {
			cairo_new_path(cr);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x + key_w, y);
			line.cap = 1;
			chart_stroke_current(cd, &line, 28575);
			cairo_new_path(cr);
		}
		if (m.size > 7)
			m.size = 7;
		{
			dml_fill mf;
			memset(&mf, 0, sizeof mf);
			mf.kind = DML_FILL_SOLID;
			mf.color = line.fill.color;
			chart_draw_marker(cd, &m, &mf, &line, x + key_w / 2, y);
		}
		return;
	}
	cairo_new_path(cr);
	cairo_rectangle(cr, x + (key_w - sz) / 2, y - sz / 2, sz, sz);
	chart_fill_current(cd, &fill, x + (key_w - sz) / 2, y - sz / 2, sz, sz);
	if (has_line)
		chart_stroke_current(cd, &line, 9525);
	cairo_new_path(cr);
}

/* Lay out (and with @draw, draw) the legend; returns the box it needs
 * inside @area, placed per legendPos. */
static chart_rect
legend_do(chart_draw *cd, chart_rect area, int draw, chart_rect at)
{
	const dml_chart_legend *lg = &cd->c->legend;
	legend_entry e[LEGEND_MAX];
	dml_rpr r = chart_text_rpr(cd, &lg->txpr, 1, 0);
	double size = r.sz_100pt / 100.0, key_sz = size * 0.6;
	int line_keys = 0, n, vertical = lg->pos == DML_LEGEND_R ||
	    lg->pos == DML_LEGEND_L || lg->pos == DML_LEGEND_TR;
	double key_w, pad = size * 0.4, gap = size * 0.3, w = 0, h = 0, row_h = 0;
	chart_rect box = { 0, 0, 0, 0 };

	n = legend_entries(cd, &r, e);
	if (!n)
		return box;
	for (int i = 0; i < n; i++)
		if (line_key(&e[i]))
			line_keys = 1;
	key_w = line_keys ? size * 2.0 : key_sz;
	for (int i = 0; i < n; i++)
		row_h = e[i].th > row_h ? e[i].th : row_h;
	if (vertical) {
		for (int i = 0; i < n; i++) {
			double ew = key_w + gap + e[i].tw;
			w = ew > w ? ew : w;
		}
		w += 2 * pad;
		h = n * row_h + 2 * pad * 0.5;
		if (w > area.w * 0.5)
			w = area.w * 0.5;
	}
	else {
		double x = 0, rows = 1, maxw = area.w * 0.9;
		for (int i = 0; i < n; i++) {
			double ew = key_w + gap + e[i].tw + size * 0.8;
			if (x > 0 && x + ew > maxw) {
				rows++;
				w = x > w ? x : w;
				x = 0;
			}
			x += ew;
		}
		w = (x > w ? x : w) + 2 * pad;
		h = rows * row_h + pad;
	}
	if (h > area.h)
		h = area.h;
	switch (lg->pos) {
	case DML_LEGEND_L:
		box.x = area.x;
		box.y = area.y + (area.h - h) / 2;
		break;
	case DML_LEGEND_T:
		box.x = area.x + (area.w - w) / 2;
		box.y = area.y;
		break;
	case DML_LEGEND_B:
		box.x = area.x + (area.w - w) / 2;
		box.y = area.y + area.h - h;
		break;
	case DML_LEGEND_TR:
		box.x = area.x + area.w - w;
		box.y = area.y;
		break;
	default:
		box.x = area.x + area.w - w;
		box.y = area.y + (area.h - h) / 2;
		break;
	}
	box.w = w;
	box.h = h;
	if (lg->layout.has) {
		box.x = lg->layout.x * cd->w;
		box.y = lg->layout.y * cd->h;
		if (lg->layout.w > 0 && lg->layout.h > 0) {
			box.w = lg->layout.w * cd->w;
			box.h = lg->layout.h * cd->h;
		}
	}
	if (draw) {
		double x, y;
		box = at.w > 0 ? at : box;
		sppr_rect(cd, &lg->sppr, box, NULL);
		cairo_save(cd->cr);
		cairo_rectangle(cd->cr, box.x - 1, box.y - 1, box.w + 2, box.h + 2);
		cairo_clip(cd->cr);
		if (vertical) {
			double content = n * row_h;
			y = box.y + (box.h - content) / 2;
			for (int i = 0; i < n; i++, y += row_h) {
				x = box.x + pad;
				legend_key(cd, &e[i], x, y + row_h / 2, key_sz, key_w);
				chart_layout_draw(cd, e[i].l, x + key_w + gap, y + row_h / 2, 0,
				                  0.5, 0);
			}
		}
		else {
			/* rows centred in the box */
			int i = 0;
			double rows_h = 0, yy;
			int nrows = 0;
			while (i < n) {
				int j = i;
				double rw = 0;
				while (j < n) {
					double ew = key_w + gap + e[j].tw + size * 0.8;
					if (j > i && rw + ew > box.w - 2 * pad + 0.01)
						break;
					rw += ew;
					j++;
				}
				nrows++;
				i = j;
			}
			rows_h = nrows * row_h;
			yy = box.y + (box.h - rows_h) / 2;
			i = 0;
			while (i < n) {
				int j = i;
				double rw = 0;
				while (j < n) {
					double ew = key_w + gap + e[j].tw + size * 0.8;
					if (j > i && rw + ew > box.w - 2 * pad + 0.01)
						break;
					rw += ew;
					j++;
				}
				rw -= size * 0.8;
				x = box.x + (box.w - rw) / 2;
				for (int k = i; k < j; k++) {
					legend_key(cd, &e[k], x, yy + row_h / 2, key_sz, key_w);
					chart_layout_draw(cd, e[k].l, x + key_w + gap, yy + row_h / 2,
					                  0, 0.5, 0);
					x += key_w + gap + e[k].tw + size * 0.8;
				}
				yy += row_h;
				i = j;
			}
		}
		cairo_restore(cd->cr);
	}
	for (int i = 0; i < n; i++)
		g_object_unref(e[i].l);
	return box;
}

/* ---- the whole chart ---- */

static void
base_text(chart_draw *cd)
{
	dml_rpr *r = &cd->base;

	memset(r, 0, sizeof *r);
	/* charts default to 10 pt text in tx1 (§21.2.2.216 txPr absent) */
	r->sz_100pt = 1000;
	r->set = DML_R_SZ | DML_R_FILL;
	r->fill.kind = DML_FILL_SOLID;
	r->fill.color.kind = DML_COLOR_SCHEME;
	r->fill.color.slot = DML_SLOT_TX1;
	if (cd->c->txpr.has)
		resolve_rpr_overlay(r, &cd->c->txpr.rpr);
}

static chart_rect
manual_rect(const chart_draw *cd, const dml_chart_layout *l)
{
	chart_rect r;

	r.x = l->x * cd->w;
	r.y = l->y * cd->h;
	r.w = l->w * cd->w;
	r.h = l->h * cd->h;
	return r;
}

static int
has_radar(const dml_chart *c)
{
	for (uint32_t g = 0; g < c->n_groups; g++)
		if (c->groups[g].type == DML_CHART_RADAR)
			return 1;
	return 0;
}

void
draw_chart(draw_ctx *dc, const dml_shape *s, double w, double h)
{
	const dml_chart *c = s->chart;
	cairo_t *cr = dc->cr;
	chart_draw cd;
	chart_rect area, legend_box = { 0, 0, 0, 0 };
	PangoLayout *title = NULL;
	double pad, tw = 0, th = 0;
	int has_legend;

	if (!c || w <= 0 || h <= 0)
		return;
	memset(&cd, 0, sizeof cd);
	cd.dc = dc;
	cd.cr = cr;
	cd.c = c;
	cd.w = w / EMU_PER_PT;
	cd.h = h / EMU_PER_PT;
	cd.n_series = total_series(c);
	cairo_save(cr);
	cairo_scale(cr, EMU_PER_PT, EMU_PER_PT);
	pango_cairo_update_context(cr, dc->w->pango);
	base_text(&cd);
	{
		chart_rect all = { 0, 0, cd.w, cd.h };
		sppr_rect(&cd, &c->space_sppr, all, NULL);
	}
	cairo_rectangle(cr, 0, 0, cd.w, cd.h);
	cairo_clip(cr);
	/* Office keeps about 7 pt between the chart edge and its contents */
	pad = fmin(7.0, fmin(cd.w, cd.h) * 0.04);
	area.x = pad;
	area.y = pad;
	area.w = cd.w - 2 * pad;
	area.h = cd.h - 2 * pad;
	if (c->title.has) {
		title = title_layout(&cd, &c->title, 1.2, area.w * 0.8);
		if (title) {
			chart_layout_size(title, &tw, &th);
			/* the title is a text box with 3.6 pt insets */
			if (!c->title.overlay) {
				area.y += th + 7.2 + pad;
				area.h -= th + 7.2 + pad;
			}
		}
	}
	has_legend = c->legend.has && area.w > 0 && area.h > 0;
	if (has_legend) {
		chart_rect none = { 0, 0, 0, 0 };
		legend_box = legend_do(&cd, area, 0, none);
		if (!c->legend.overlay && !c->legend.layout.has && legend_box.w > 0) {
			switch (c->legend.pos) {
			case DML_LEGEND_L:
				area.x += legend_box.w + pad;
				area.w -= legend_box.w + pad;
				break;
			case DML_LEGEND_T:
				area.y += legend_box.h + pad * 0.5;
				area.h -= legend_box.h + pad * 0.5;
				break;
			case DML_LEGEND_B:
				area.h -= legend_box.h + pad * 0.5;
				break;
			default:
				area.w -= legend_box.w + pad;
				break;
			}
		}
	}
	if (area.w < 1)
		area.w = 1;
	if (area.h < 1)
		area.h = 1;
	if (has_radar(c)) {
		/* radars have a plot of their own; the loader warned about any
		 * other group beside them */
		chart_radar_draw(&cd, c->plot_layout.has ? manual_rect(&cd,
		                 &c->plot_layout) : area, c->plot_layout.has &&
		                 c->plot_layout.inner);
		goto title;
	}
	chart_axes_setup(&cd);
	if (c->plot_layout.has)
		chart_axes_layout(&cd, manual_rect(&cd, &c->plot_layout),
		                  c->plot_layout.inner);
	else
		chart_axes_layout(&cd, area, 0);
	sppr_rect(&cd, &c->plot_sppr, cd.plot, NULL);
	chart_axes_draw_grid(&cd);
	chart_plot_draw(&cd);
	chart_axes_draw(&cd);
title:
	if (title) {
		chart_layout_draw(&cd, title, cd.w / 2, pad + 3.6, 0.5, 0, 0);
		g_object_unref(title);
	}
	if (has_legend && legend_box.w > 0)
		legend_do(&cd, area, 1, legend_box);
	cairo_restore(cr);
}
