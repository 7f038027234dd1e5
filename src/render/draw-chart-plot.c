/*
 * Chart series: bars and columns (clustered, stacked, percent; gapWidth,
 * overlap), lines and scatter (markers, smoothing as Office's Bezier
 * through the points), areas, pies and doughnuts (firstSliceAng,
 * explosion, holeSize), then the data labels on top. Plot-area clipped.
 */
#include "render/draw-chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double
val_at(const chart_draw *cd, const dml_chart_series *s, uint32_t i)
{
	double v = i < s->n_pts ? s->val[i] : NAN;

	if (isnan(v) && cd->c->disp_blanks_zero && i < s->n_pts)
		v = 0;
	return v;
}

/* Sum of |values| of category @i over the group (percent stacking). */
static double
cat_abs_sum(const chart_draw *cd, const dml_chart_group *g, uint32_t i)
{
	double sum = 0;

	for (uint32_t si = 0; si < g->n_series; si++) {
		double v = val_at(cd, &g->series[si], i);
		if (!isnan(v))
			sum += fabs(v);
	}
	return sum;
}

/* Value of point @i of series @si as plotted, stacking applied; *base
 * receives where it starts. NAN if the point is missing. */
static double
stacked_value(const chart_draw *cd, const dml_chart_group *g, uint32_t si,
              uint32_t i, double *base)
{
	double v = val_at(cd, &g->series[si], i), pos = 0, neg = 0, sum = 0;
	double div = 1;

	*base = 0;
	if (isnan(v))
		return NAN;
	if (g->grouping != DML_GROUP_STACKED && g->grouping != DML_GROUP_PERCENT)
		return v;
	if (g->grouping == DML_GROUP_PERCENT) {
		div = cat_abs_sum(cd, g, i);
		if (!(div > 0))
			div = 1;
	}
	for (uint32_t k = 0; k < si; k++) {
		double w = val_at(cd, &g->series[k], i);
		if (isnan(w))
			continue;
		if (w >= 0)
			pos += w;
		else
			neg += w;
		sum += w;
	}
	if (g->type == DML_CHART_BAR)
		*base = (v >= 0 ? pos : neg) / div;
	else
		*base = sum / div;
	return *base + v / div;
}

static double
base_value(const chart_axis *ca)
{
	/* bars and areas grow from where the category axis crosses the
	 * value axis (zero, the nearer end, or crossesAt) */
	return ca->cross_val;
}

/* ---- data labels ---- */

static const dml_chart_dlbls *
series_dlbls(const dml_chart_group *g, const dml_chart_series *s)
{
	const dml_chart_dlbls *d = s->dlbls.has ? &s->dlbls : &g->dlbls;

	if (!d->has || d->deleted ||
	    !(d->show_val || d->show_pct || d->show_cat || d->show_ser))
		return NULL;
	return d;
}

static void
label_text(const dml_chart_dlbls *d, const dml_chart_series *s, uint32_t i,
           double v, double pct, char *out, size_t size)
{
	char buf[128];
	size_t k = 0;

	out[0] = 0;
	if (d->show_ser && s->name)
		k += (size_t) snprintf(out + k, size - k, "%s", s->name);
	if (d->show_cat && k < size) {
		const char *c = i < s->n_cat && s->cat[i] ? s->cat[i] : NULL;
		char num[24];
		if (!c) {
			snprintf(num, sizeof num, "%u", i + 1);
			c = num;
		}
		k += (size_t) snprintf(out + k, size - k, "%s%s", k ? ", " : "", c);
	}
	if (d->show_val && k < size) {
		dml_chart_format_number(v, d->num_fmt ? d->num_fmt : s->val_fmt, buf,
		                        sizeof buf);
		k += (size_t) snprintf(out + k, size - k, "%s%s", k ? ", " : "", buf);
	}
	if (d->show_pct && !isnan(pct) && k < size) {
		dml_chart_format_number(pct, d->num_fmt && !d->show_val ? d->num_fmt :
		                        "0%", buf, sizeof buf);
		snprintf(out + k, size - k, "%s%s", k ? ", " : "", buf);
	}
}

/* Draw one label: (x, y) is the anchor, (ax, ay) its place on the box. */
static void
put_label(chart_draw *cd, const dml_chart_dlbls *d, const char *text, double x,
          double y, double ax, double ay)
{
	dml_rpr r = chart_text_rpr(cd, &d->txpr, 1, 0);
	PangoLayout *l;

	if (!text[0])
		return;
	l = chart_layout(cd, &r, text, 0);
	if (d->sppr.fill.kind != DML_FILL_UNSET || d->sppr.has_line) {
		double w, h;
		chart_layout_size(l, &w, &h);
		cairo_new_path(cd->cr);
		cairo_rectangle(cd->cr, x - ax * w - 2, y - ay * h, w + 4, h);
		chart_fill_current(cd, &d->sppr.fill, x - ax * w - 2, y - ay * h, w + 4, h);
		if (d->sppr.has_line)
			chart_stroke_current(cd, &d->sppr.line, 9525);
		cairo_new_path(cd->cr);
	}
	chart_layout_draw(cd, l, x, y, ax, ay, 0);
	g_object_unref(l);
}

/* ---- bars ---- */

typedef struct bar_geom {
	double x, y, w, h;    /* the bar */
	double v;
	int neg;
} bar_geom;

static int
bar_rect(const chart_draw *cd, const dml_chart_group *g, const chart_axis *ca,
         const chart_axis *va, uint32_t si, uint32_t i, bar_geom *out)
{
	int stacked = g->grouping == DML_GROUP_STACKED ||
	              g->grouping == DML_GROUP_PERCENT;
	double ov = g->has_overlap ? g->overlap : stacked ? 100 : 0;
	double k = stacked ? 1 : g->n_series, base, end, p0, p1, c0, c1;
	double len = ca->horizontal ? cd->plot.w : cd->plot.h;
	double cat_len = len / (ca->n_cat ? ca->n_cat : 1);
	double bw = cat_len / (k - (k - 1) * ov / 100 + g->gap_width / 100.0);
	double group_w = bw * (k - (k - 1) * ov / 100);
	double centre, off, dir, cat = chart_cat_slot(ca, i);
	uint32_t slot = stacked ? 0 : si;

	if (cat < 0)
		return 0;
	centre = chart_axis_pos(cd, ca, cat);

	end = stacked_value(cd, g, si, i, &base);
	if (isnan(end))
		return 0;
	if (!stacked)
		base = base_value(ca);
	out->v = val_at(cd, &g->series[si], i);
	out->neg = end < base;
	/* series go along the axis direction: the first nearest the start */
	dir = ca->horizontal ? (ca->ax->reversed ? -1 : 1) : (ca->ax->reversed ? 1 : -1);
	off = -group_w / 2 + slot * bw * (1 - ov / 100);
	c0 = centre + dir * off;
	c1 = centre + dir * (off + bw);
	p0 = chart_axis_pos(cd, va, base);
	p1 = chart_axis_pos(cd, va, end);
	if (ca->horizontal) {
		out->x = fmin(c0, c1);
		out->w = fabs(c1 - c0);
		out->y = fmin(p0, p1);
		out->h = fabs(p1 - p0);
	}
	else {
		out->y = fmin(c0, c1);
		out->h = fabs(c1 - c0);
		out->x = fmin(p0, p1);
		out->w = fabs(p1 - p0);
	}
	return 1;
}

static void
draw_bars(chart_draw *cd, const dml_chart_group *g, int gi)
{
	const chart_axis *ca = &cd->axes[cd->pair[gi][0]];
	const chart_axis *va = &cd->axes[cd->pair[gi][1]];
	cairo_t *cr = cd->cr;

	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		for (uint32_t i = 0; i < s->n_pts; i++) {
			bar_geom b;
			dml_fill fill;
			dml_line line;
			int has_line;
			if (!bar_rect(cd, g, ca, va, si, i, &b))
				continue;
			chart_series_style(cd, g, si, i, &fill, &line, &has_line);
			if (b.v < 0 && s->invert_if_negative) {
				memset(&fill, 0, sizeof fill);
				fill.kind = DML_FILL_SOLID;
				fill.color = dml_color_rgb(0xFFFFFF);
			}
			cairo_new_path(cr);
			cairo_rectangle(cr, b.x, b.y, b.w, b.h);
			chart_fill_current(cd, &fill, b.x, b.y, b.w, b.h);
			if (has_line)
				chart_stroke_current(cd, &line, 9525);
			cairo_new_path(cr);
		}
	}
}

static void
bar_labels(chart_draw *cd, const dml_chart_group *g, int gi)
{
	const chart_axis *ca = &cd->axes[cd->pair[gi][0]];
	const chart_axis *va = &cd->axes[cd->pair[gi][1]];
	int stacked = g->grouping != DML_GROUP_CLUSTERED &&
	              g->grouping != DML_GROUP_STANDARD;

	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		const dml_chart_dlbls *d = series_dlbls(g, s);
		uint8_t pos;
		if (!d)
			continue;
		pos = d->pos == DML_DLBL_DEFAULT || d->pos == DML_DLBL_BEST_FIT ?
		      (stacked ? DML_DLBL_CTR : DML_DLBL_OUT_END) : d->pos;
		for (uint32_t i = 0; i < s->n_pts; i++) {
			bar_geom b;
			char text[256];
			double pct = NAN, x, y, ax = 0.5, ay = 0.5;
			int up;
			if (!bar_rect(cd, g, ca, va, si, i, &b))
				continue;
			if (d->show_pct) {
				double sum = cat_abs_sum(cd, g, i);
				pct = sum > 0 ? b.v / sum : NAN;
			}
			label_text(d, s, i, b.v, pct, text, sizeof text);
			/* "up" is the direction the bar grows in */
			up = b.neg ? 0 : 1;
			if (va->ax->reversed)
				up = !up;
			x = b.x + b.w / 2;
			y = b.y + b.h / 2;
			if (pos != DML_DLBL_CTR) {
				int at_end = pos == DML_DLBL_OUT_END || pos == DML_DLBL_IN_END;
				int outside = pos == DML_DLBL_OUT_END;
				if (!ca->horizontal) {
					/* horizontal bars: values run along x */
					int right = up == at_end;
					x = right ? b.x + b.w : b.x;
					x += (outside ? 3 : -3) * (right ? 1 : -1);
					ax = right == outside ? 0 : 1;
				}
				else {
					int top = up == at_end;
					y = top ? b.y : b.y + b.h;
					y += (outside ? -2 : 2) * (top ? 1 : -1);
					ay = top == outside ? 1 : 0;
				}
			}
			put_label(cd, d, text, x, y, ax, ay);
		}
	}
}

/* ---- lines, areas, scatter ---- */

typedef struct pt2 {
	double x, y;
} pt2;

/* Office smooths with a Bezier through the points whose control points
 * lie a sixth of the way to the neighbours (Catmull-Rom). */
static void
path_points(cairo_t *cr, const pt2 *p, uint32_t n, int smooth, int move_first)
{
	if (!n)
		return;
	if (move_first)
		cairo_move_to(cr, p[0].x, p[0].y);
	else
		cairo_line_to(cr, p[0].x, p[0].y);
	for (uint32_t i = 1; i < n; i++) {
		if (!smooth || n < 3) {
			cairo_line_to(cr, p[i].x, p[i].y);
			continue;
		}
		{
			pt2 a = p[i > 1 ? i - 2 : 0], b = p[i - 1], c = p[i];
			pt2 d = p[i + 1 < n ? i + 1 : n - 1];
			cairo_curve_to(cr, b.x + (c.x - a.x) / 6, b.y + (c.y - a.y) / 6,
			               c.x - (d.x - b.x) / 6, c.y - (d.y - b.y) / 6, c.x, c.y);
		}
	}
}

/* Points of series @si; runs of valid points are split at gaps. */
static uint32_t
series_points(const chart_draw *cd, const dml_chart_group *g, int gi,
              uint32_t si, pt2 *p, uint8_t *valid)
{
	const chart_axis *ca = &cd->axes[cd->pair[gi][0]];
	const chart_axis *va = &cd->axes[cd->pair[gi][1]];
	const dml_chart_series *s = &g->series[si];
	uint32_t n = s->n_pts;

	for (uint32_t i = 0; i < n; i++) {
		double base, v = stacked_value(cd, g, si, i, &base), x;
		valid[i] = 0;
		if (isnan(v))
			continue;
		if (chart_group_is_xy(g)) {
			x = s->xval ? s->xval[i] : i + 1.0;
			if (isnan(x))
				continue;
		}
		else {
			x = chart_cat_slot(ca, i);
			if (x < 0)
				continue;
		}
		p[i].x = chart_axis_pos(cd, ca, x);
		p[i].y = chart_axis_pos(cd, va, v);
		if (!ca->horizontal) {
			double t = p[i].x;
			p[i].x = p[i].y;
			p[i].y = t;
		}
		valid[i] = 1;
	}
	return n;
}

static void
draw_series_line(chart_draw *cd, const dml_chart_group *g, int gi, uint32_t si,
                 int pass)
{
	const dml_chart_series *s = &g->series[si];
	cairo_t *cr = cd->cr;
	pt2 *p;
	uint8_t *valid;
	uint32_t n;
	dml_fill fill;
	dml_line line;
	int has_line;

	if (!s->n_pts)
		return;
	p = s2p_malloc_array(s->n_pts, sizeof *p);
	valid = s2p_malloc_array(s->n_pts, 1);
	if (!p || !valid) {
		free(p);
		free(valid);
		return;
	}
	n = series_points(cd, g, gi, si, p, valid);
	chart_series_style(cd, g, si, -1, &fill, &line, &has_line);
	if (pass == 0 && has_line && chart_group_has_lines(g)) {
		uint32_t i = 0;
		while (i < n) {
			uint32_t j;
			if (!valid[i]) {
				i++;
				continue;
			}
			for (j = i; j < n && valid[j]; j++)
				;
			cairo_new_path(cr);
			path_points(cr, p + i, j - i, s->smooth, 1);
			chart_stroke_current(cd, &line, 28575);
			cairo_new_path(cr);
			i = j;
		}
	}
	if (pass == 1) {
		/* markers take the series colour unless they say otherwise */
		dml_chart_marker m = chart_series_marker(cd, g, si);
		dml_fill mf;
		memset(&mf, 0, sizeof mf);
		mf.kind = DML_FILL_SOLID;
		if (line.fill.kind == DML_FILL_SOLID)
			mf.color = line.fill.color;
		else
			dml_chart_default_color(cd->c->style, s->idx, cd->n_series,
			                        &mf.color);
		line.fill = mf;
		for (uint32_t i = 0; i < n; i++)
			if (valid[i])
				chart_draw_marker(cd, &m, &mf, &line, p[i].x, p[i].y);
	}
	free(p);
	free(valid);
}

/* Stock charts: the high-low line of each category runs from its lowest
 * to its highest value over the series; the up-down bars join the first
 * series (open) to the last (close), white where it rose, black where it
 * fell (Office's defaults). */
static void
draw_stock_extras(chart_draw *cd, const dml_chart_group *g, int gi)
{
	const chart_axis *ca = &cd->axes[cd->pair[gi][0]];
	const chart_axis *va = &cd->axes[cd->pair[gi][1]];
	cairo_t *cr = cd->cr;
	uint32_t n = 0;
	double cat_len = (ca->horizontal ? cd->plot.w : cd->plot.h) /
	                 (ca->n_cat ? ca->n_cat : 1);

	for (uint32_t si = 0; si < g->n_series; si++)
		n = g->series[si].n_pts > n ? g->series[si].n_pts : n;
	for (uint32_t i = 0; i < n && g->has_hilow; i++) {
		double lo = INFINITY, hi = -INFINITY, cat = chart_cat_slot(ca, i);
		dml_line ln;
		if (cat < 0)
			continue;
		for (uint32_t si = 0; si < g->n_series; si++) {
			double v = val_at(cd, &g->series[si], i);
			if (!isnan(v)) {
				lo = fmin(lo, v);
				hi = fmax(hi, v);
			}
		}
		if (!(hi > lo))
			continue;
		ln = chart_sppr_line(&g->hilow_sppr);
		cairo_new_path(cr);
		if (ca->horizontal) {
			double x = chart_axis_pos(cd, ca, cat);
			cairo_move_to(cr, x, chart_axis_pos(cd, va, lo));
			cairo_line_to(cr, x, chart_axis_pos(cd, va, hi));
		}
		else {
			double y = chart_axis_pos(cd, ca, cat);
			cairo_move_to(cr, chart_axis_pos(cd, va, lo), y);
			cairo_line_to(cr, chart_axis_pos(cd, va, hi), y);
		}
		chart_stroke_current(cd, &ln, 9525);
		cairo_new_path(cr);
	}
	if (!g->has_updown || g->n_series < 2)
		return;
	for (uint32_t i = 0; i < n; i++) {
		double open = val_at(cd, &g->series[0], i);
		double close = val_at(cd, &g->series[g->n_series - 1], i);
		double bw = cat_len / (1 + g->updown_gap / 100.0), c, p0, p1;
		double cat = chart_cat_slot(ca, i);
		int up = close > open;
		dml_chart_sppr sp;
		if (isnan(open) || isnan(close) || cat < 0)
			continue;
		sp = up ? g->up_sppr : g->down_sppr;
		if (!(up ? g->has_up_sppr : g->has_down_sppr) ||
		    sp.fill.kind == DML_FILL_UNSET) {
			sp.fill.kind = DML_FILL_SOLID;
			sp.fill.color.kind = DML_COLOR_SCHEME;
			sp.fill.color.slot = up ? DML_SLOT_BG1 : DML_SLOT_TX1;
			sp.fill.color.n_mods = 0;
		}
		c = chart_axis_pos(cd, ca, cat);
		p0 = chart_axis_pos(cd, va, open);
		p1 = chart_axis_pos(cd, va, close);
		cairo_new_path(cr);
		if (ca->horizontal)
			cairo_rectangle(cr, c - bw / 2, fmin(p0, p1), bw, fabs(p1 - p0));
		else
			cairo_rectangle(cr, fmin(p0, p1), c - bw / 2, fabs(p1 - p0), bw);
		chart_fill_current(cd, &sp.fill, c - bw / 2, fmin(p0, p1), bw,
		                   fabs(p1 - p0));
		{
			dml_line ln = chart_sppr_line(&sp);
			chart_stroke_current(cd, &ln, 9525);
		}
		cairo_new_path(cr);
	}
}

/* ---- bubbles ---- */

/* Radius in points of a bubble of size @z: the largest bubble of the
 * group is a quarter of the plot's smaller side at bubbleScale 100, the
 * others scale by area or width (sizeRepresents). */
static double
bubble_radius(const chart_draw *cd, const dml_chart_group *g, double z,
              double zmax)
{
	double dmax = fmin(cd->plot.w, cd->plot.h) * 0.25 * g->bubble_scale / 100.0;
	double f;

	if (!(zmax > 0) || isnan(z))
		return 0;
	f = fabs(z) / zmax;
	return dmax / 2 * (g->bubble_area ? sqrt(f) : f);
}

double
chart_bubble_max_size(const dml_chart_group *g)
{
	double zmax = 0;

	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		for (uint32_t i = 0; s->bsize && i < s->n_pts; i++)
			if (!isnan(s->bsize[i]) && (s->bsize[i] > 0 || g->show_neg_bubbles))
				zmax = fmax(zmax, fabs(s->bsize[i]));
	}
	return zmax;
}

static void
draw_bubbles(chart_draw *cd, const dml_chart_group *g, int gi)
{
	cairo_t *cr = cd->cr;
	double zmax = chart_bubble_max_size(g);

	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		pt2 *p;
		uint8_t *valid;
		if (!s->n_pts || !s->bsize)
			continue;
		p = s2p_malloc_array(s->n_pts, sizeof *p);
		valid = s2p_malloc_array(s->n_pts, 1);
		if (!p || !valid) {
			free(p);
			free(valid);
			continue;
		}
		series_points(cd, g, gi, si, p, valid);
		for (uint32_t i = 0; i < s->n_pts; i++) {
			double z = s->bsize[i], r;
			dml_fill fill;
			dml_line line;
			int has_line;
			if (!valid[i] || isnan(z) || (z <= 0 && !g->show_neg_bubbles))
				continue;
			r = bubble_radius(cd, g, z, zmax);
			if (!(r > 0))
				continue;
			chart_series_style(cd, g, si, i, &fill, &line, &has_line);
			cairo_new_path(cr);
			cairo_arc(cr, p[i].x, p[i].y, r, 0, 2 * S2P_PI);
			/* a negative bubble is drawn hollow */
			if (z > 0)
				chart_fill_current(cd, &fill, p[i].x - r, p[i].y - r, 2 * r,
				                   2 * r);
			else if (!has_line && fill.kind == DML_FILL_SOLID) {
				memset(&line, 0, sizeof line);
				line.fill = fill;
				has_line = 1;
			}
			if (has_line)
				chart_stroke_current(cd, &line, 9525);
			cairo_new_path(cr);
		}
		free(p);
		free(valid);
	}
}

static void
draw_lines(chart_draw *cd, const dml_chart_group *g, int gi)
{
	if (g->stock)
		draw_stock_extras(cd, g, gi);
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t si = 0; si < g->n_series; si++)
			draw_series_line(cd, g, gi, si, pass);
}

static void
draw_areas(chart_draw *cd, const dml_chart_group *g, int gi)
{
	const chart_axis *ca = &cd->axes[cd->pair[gi][0]];
	const chart_axis *va = &cd->axes[cd->pair[gi][1]];
	cairo_t *cr = cd->cr;
	int stacked = g->grouping == DML_GROUP_STACKED ||
	              g->grouping == DML_GROUP_PERCENT;

	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		uint32_t n = s->n_pts;
		dml_fill fill;
		dml_line line;
		int has_line, started = 0;
		if (!n)
			continue;
		chart_series_style(cd, g, si, -1, &fill, &line, &has_line);
		cairo_new_path(cr);
		/* top edge forwards, then the base backwards; a missing value
		 * counts as zero in an area */
		for (uint32_t i = 0; i < n; i++) {
			double base, v = stacked_value(cd, g, si, i, &base);
			double x, y, cat = chart_cat_slot(ca, i);
			if (cat < 0)
				continue;
			if (isnan(v))
				v = stacked ? base : 0;
			x = chart_axis_pos(cd, ca, cat);
			y = chart_axis_pos(cd, va, v);
			if (!ca->horizontal) {
				double t = x;
				x = y;
				y = t;
			}
			if (!started)
				cairo_move_to(cr, x, y);
			else
				cairo_line_to(cr, x, y);
			started = 1;
		}
		for (uint32_t k = n; k-- > 0;) {
			double base = base_value(ca), x, y, cat = chart_cat_slot(ca, k);
			if (cat < 0)
				continue;
			if (stacked)
				stacked_value(cd, g, si, k, &base);
			if (stacked && isnan(val_at(cd, s, k))) {
				/* the base of a missing point is the running sum */
				double b2;
				base = 0;
				for (uint32_t q = 0; q < si; q++) {
					double w = val_at(cd, &g->series[q], k);
					if (!isnan(w))
						base += w;
				}
				if (g->grouping == DML_GROUP_PERCENT) {
					b2 = cat_abs_sum(cd, g, k);
					base = b2 > 0 ? base / b2 : 0;
				}
			}
			x = chart_axis_pos(cd, ca, cat);
			y = chart_axis_pos(cd, va, base);
			if (!ca->horizontal) {
				double t = x;
				x = y;
				y = t;
			}
			cairo_line_to(cr, x, y);
		}
		cairo_close_path(cr);
		chart_fill_current(cd, &fill, cd->plot.x, cd->plot.y, cd->plot.w,
		                   cd->plot.h);
		if (has_line)
			chart_stroke_current(cd, &line, 9525);
		cairo_new_path(cr);
	}
}

static void
point_labels(chart_draw *cd, const dml_chart_group *g, int gi)
{
	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		const dml_chart_dlbls *d = series_dlbls(g, s);
		dml_chart_marker m;
		pt2 *p;
		uint8_t *valid;
		uint32_t n;
		double off;
		uint8_t pos;
		if (!d || !s->n_pts)
			continue;
		p = s2p_malloc_array(s->n_pts, sizeof *p);
		valid = s2p_malloc_array(s->n_pts, 1);
		if (!p || !valid) {
			free(p);
			free(valid);
			continue;
		}
		n = series_points(cd, g, gi, si, p, valid);
		m = chart_series_marker(cd, g, si);
		off = (m.symbol == DML_MARKER_NONE ? 0 : m.size / 2.0) + 3;
		pos = d->pos;
		if (pos == DML_DLBL_DEFAULT || pos == DML_DLBL_BEST_FIT)
			pos = g->type == DML_CHART_AREA ? DML_DLBL_CTR : DML_DLBL_R;
		for (uint32_t i = 0; i < n; i++) {
			char text[256];
			double pct = NAN, x = p[i].x, y = p[i].y, ax = 0.5, ay = 0.5;
			if (!valid[i])
				continue;
			if (d->show_pct) {
				double sum = cat_abs_sum(cd, g, i);
				pct = sum > 0 ? val_at(cd, s, i) / sum : NAN;
			}
			label_text(d, s, i, val_at(cd, s, i), pct, text, sizeof text);
			switch (pos) {
			case DML_DLBL_R: x += off; ax = 0; break;
			case DML_DLBL_L: x -= off; ax = 1; break;
			case DML_DLBL_T: y -= off; ay = 1; break;
			case DML_DLBL_B: y += off; ay = 0; break;
			case DML_DLBL_CTR:
				if (g->type == DML_CHART_AREA) {
					/* the middle of the band */
					const chart_axis *va = &cd->axes[cd->pair[gi][1]];
					double base, v = stacked_value(cd, g, si, i, &base);
					if (g->grouping == DML_GROUP_STANDARD ||
					    g->grouping == DML_GROUP_CLUSTERED)
						base = base_value(&cd->axes[cd->pair[gi][0]]);
					y = chart_axis_pos(cd, va, (v + base) / 2);
				}
				break;
			default: break;
			}
			put_label(cd, d, text, x, y, ax, ay);
		}
		free(p);
		free(valid);
	}
}

/* ---- pies and doughnuts ---- */

static double
point_explosion(const dml_chart_series *s, uint32_t i)
{
	for (uint32_t k = 0; k < s->n_dpts; k++)
		if (s->dpts[k].idx == i && s->dpts[k].has_explosion)
			return s->dpts[k].explosion_pct / 100.0;
	return s->explosion_pct / 100.0;
}

static void
draw_pie(chart_draw *cd, const dml_chart_group *g, int labels)
{
	cairo_t *cr = cd->cr;
	int dough = g->type == DML_CHART_DOUGHNUT;
	uint32_t n_rings = dough ? g->n_series : (g->n_series ? 1 : 0);
	double cx = cd->plot.x + cd->plot.w / 2, cy = cd->plot.y + cd->plot.h / 2;
	double R = fmin(cd->plot.w, cd->plot.h) / 2, max_ex = 0, hole;
	int outside = 0;

	for (uint32_t si = 0; si < n_rings; si++) {
		const dml_chart_series *s = &g->series[si];
		const dml_chart_dlbls *d = series_dlbls(g, s);
		for (uint32_t i = 0; i < s->n_pts; i++)
			max_ex = fmax(max_ex, point_explosion(s, i));
		if (d && !dough && d->pos == DML_DLBL_OUT_END)
			outside = 1;
	}
	if (outside)
		R *= 0.8;
	R /= 1 + fmin(max_ex, 4);
	hole = dough ? g->hole_size / 100.0 * R : 0;
	for (uint32_t si = 0; si < n_rings; si++) {
		const dml_chart_series *s = &g->series[si];
		const dml_chart_dlbls *d = series_dlbls(g, s);
		double total = 0, a = (g->first_slice_ang - 90) * S2P_PI / 180;
		double ring = (R - hole) / (n_rings ? n_rings : 1);
		double r0 = dough ? hole + si * ring : 0, r1 = dough ? r0 + ring : R;
		for (uint32_t i = 0; i < s->n_pts; i++)
			if (!isnan(s->val[i]))
				total += fabs(s->val[i]);
		if (!(total > 0))
			continue;
		for (uint32_t i = 0; i < s->n_pts; i++) {
			double v = s->val[i], sweep, ex, mx, my, mid;
			dml_fill fill;
			dml_line line;
			int has_line;
			if (isnan(v) || v == 0)
				continue;
			sweep = fabs(v) / total * 2 * S2P_PI;
			mid = a + sweep / 2;
			ex = dough ? 0 : point_explosion(s, i) * R;
			mx = cx + cos(mid) * ex;
			my = cy + sin(mid) * ex;
			if (!labels) {
				chart_series_style(cd, g, si, i, &fill, &line, &has_line);
				cairo_new_path(cr);
				if (r0 > 0) {
					cairo_arc(cr, mx, my, r1, a, a + sweep);
					cairo_arc_negative(cr, mx, my, r0, a + sweep, a);
				}
				else {
					cairo_move_to(cr, mx, my);
					cairo_arc(cr, mx, my, r1, a, a + sweep);
				}
				cairo_close_path(cr);
				chart_fill_current(cd, &fill, mx - r1, my - r1, 2 * r1, 2 * r1);
				if (has_line)
					chart_stroke_current(cd, &line, 9525);
				cairo_new_path(cr);
			}
			else if (d) {
				char text[256];
				double lr, x, y, ax = 0.5, ay = 0.5;
				uint8_t pos = d->pos;
				label_text(d, s, i, v, fabs(v) / total, text, sizeof text);
				if (dough)
					lr = (r0 + r1) / 2;
				else if (pos == DML_DLBL_OUT_END) {
					lr = r1 + 4;
					ax = cos(mid) >= 0 ? 0 : 1;
					ay = 0.5 - 0.5 * sin(mid);
				}
				else if (pos == DML_DLBL_IN_END)
					lr = r1 * 0.75;
				else if (pos == DML_DLBL_CTR)
					lr = r1 * 0.5;
				else
					lr = r1 * 0.65; /* bestFit: inside when it fits */
				x = mx + cos(mid) * lr;
				y = my + sin(mid) * lr;
				put_label(cd, d, text, x, y, ax, ay);
			}
			a += sweep;
		}
	}
}

void
chart_plot_draw(chart_draw *cd)
{
	const dml_chart *c = cd->c;
	cairo_t *cr = cd->cr;

	cairo_save(cr);
	cairo_rectangle(cr, cd->plot.x - 0.5, cd->plot.y - 0.5, cd->plot.w + 1,
	                cd->plot.h + 1);
	cairo_clip(cr);
	/* areas at the back, then bars, then lines and points */
	for (int order = 0; order < 3; order++)
		for (uint32_t gi = 0; gi < c->n_groups && gi < DML_CHART_MAX_GROUPS; gi++) {
			const dml_chart_group *g = &c->groups[gi];
			int pie = g->type == DML_CHART_PIE || g->type == DML_CHART_DOUGHNUT;
			if (pie) {
				if (order == 1)
					draw_pie(cd, g, 0);
				continue;
			}
			if (cd->pair[gi][0] < 0)
				continue;
			if (order == 0 && g->type == DML_CHART_AREA)
				draw_areas(cd, g, (int) gi);
			else if (order == 1 && g->type == DML_CHART_BAR)
				draw_bars(cd, g, (int) gi);
			else if (order == 1 && g->type == DML_CHART_BUBBLE)
				draw_bubbles(cd, g, (int) gi);
			else if (order == 2 && (g->type == DML_CHART_LINE ||
			                        g->type == DML_CHART_SCATTER))
				draw_lines(cd, g, (int) gi);
		}
	cairo_restore(cr);
	/* labels may stand outside the plot area */
	for (uint32_t gi = 0; gi < c->n_groups && gi < DML_CHART_MAX_GROUPS; gi++) {
		const dml_chart_group *g = &c->groups[gi];
		if (g->type == DML_CHART_PIE || g->type == DML_CHART_DOUGHNUT)
			draw_pie(cd, g, 1);
		else if (cd->pair[gi][0] < 0)
			continue;
		else if (g->type == DML_CHART_BAR)
			bar_labels(cd, g, (int) gi);
		else
			point_labels(cd, g, (int) gi);
	}
}
