/*
 * Chart axes: which axes each plot group uses (missing ones stand in as
 * deleted), data extents with stacking, Office's automatic scaling, room
 * for tick labels (wrapped, turned 45° or thinned when crowded), and the
 * drawing of gridlines, axis lines, tick marks, labels and axis titles.
 */
#include "render/draw-chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const dml_chart_axis deleted_axis = {
	.deleted = 1, .tick_lbl = DML_TICKLBL_NONE, .source_linked = 1,
	.txpr = { .rot_60k = INT32_MIN },
};

static int
axis_index(chart_draw *cd, const dml_chart_axis *ax)
{
	for (int i = 0; i < cd->n_axes; i++)
		if (cd->axes[i].ax == ax && ax != &deleted_axis)
			return i;
	if (cd->n_axes == CHART_AXES_MAX)
		return -1;
	memset(&cd->axes[cd->n_axes], 0, sizeof cd->axes[0]);
	cd->axes[cd->n_axes].ax = ax;
	cd->axes[cd->n_axes].lo = INFINITY;
	cd->axes[cd->n_axes].hi = -INFINITY;
	cd->axes[cd->n_axes].lo_pos = INFINITY;
	cd->axes[cd->n_axes].skip = 1;
	return cd->n_axes++;
}

static const dml_chart_axis *
find_axis(const dml_chart *c, uint32_t id, int n_ax)
{
	if (!n_ax)
		return NULL;
	for (uint32_t i = 0; i < c->n_axes; i++)
		if (c->axes[i].id == id)
			return &c->axes[i];
	return NULL;
}

static void
extend(chart_axis *a, double v)
{
	if (!isfinite(v))
		return;
	a->lo = v < a->lo ? v : a->lo;
	a->hi = v > a->hi ? v : a->hi;
	if (v > 0 && !(v >= a->lo_pos))
		a->lo_pos = v;
}

static uint32_t
group_points(const dml_chart_group *g)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < g->n_series; i++) {
		n = g->series[i].n_pts > n ? g->series[i].n_pts : n;
		if (!chart_group_is_xy(g))
			n = g->series[i].n_cat > n ? g->series[i].n_cat : n;
	}
	return n;
}

/* Value extents of a group, stacked as its grouping says. */
static void
group_extent(const dml_chart_group *g, chart_axis *val, chart_axis *x)
{
	uint32_t n = group_points(g);

	if (chart_group_is_xy(g)) {
		for (uint32_t si = 0; si < g->n_series; si++) {
			const dml_chart_series *s = &g->series[si];
			for (uint32_t i = 0; i < s->n_pts; i++) {
				if (isnan(s->val[i]))
					continue;
				extend(val, s->val[i]);
				extend(x, s->xval ? s->xval[i] : i + 1.0);
			}
		}
		return;
	}
	if (g->grouping == DML_GROUP_PERCENT) {
		val->percent = 1;
		for (uint32_t i = 0; i < n; i++)
			for (uint32_t si = 0; si < g->n_series; si++) {
				const dml_chart_series *s = &g->series[si];
				if (i < s->n_pts && !isnan(s->val[i]))
					extend(val, s->val[i] < 0 ? -1 : 1);
			}
		extend(val, 0);
		return;
	}
	if (g->grouping == DML_GROUP_STACKED) {
		for (uint32_t i = 0; i < n; i++) {
			double pos = 0, neg = 0, sum = 0;
			for (uint32_t si = 0; si < g->n_series; si++) {
				const dml_chart_series *s = &g->series[si];
				double v = i < s->n_pts ? s->val[i] : NAN;
				if (isnan(v))
					continue;
				if (g->type == DML_CHART_BAR) {
					if (v >= 0)
						pos += v;
					else
						neg += v;
				}
				else {
					sum += v;
					extend(val, sum);
				}
			}
			if (g->type == DML_CHART_BAR) {
				extend(val, pos);
				extend(val, neg);
			}
		}
		return;
	}
	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		for (uint32_t i = 0; i < s->n_pts; i++)
			extend(val, s->val[i]);
	}
}

/* A date axis (c:dateAx over numeric categories): one slot per base time
 * unit from the earliest date to the latest, each point in the slot of
 * its date; Office leaves empty slots where dates are missing. Falls back
 * to plain categories when the dates are unusable or span too much. */
static void
date_axis_setup(chart_axis *ca, const dml_chart_axis *m, const dml_chart_group *g)
{
	const dml_chart_series *s = NULL;
	double lo = INFINITY, hi = -INFINITY;
	int64_t slots;
	int unit = m->base_unit, first_of_month = 1, first_of_year = 1;

	for (uint32_t si = 0; si < g->n_series && !s; si++)
		if (g->series[si].cat_num && g->series[si].n_cat)
			s = &g->series[si];
	if (!s)
		return;
	for (uint32_t i = 0; i < s->n_cat; i++) {
		double d = s->cat_num[i];
		if (!(d >= 1 && d <= 2958465))
			continue;
		lo = fmin(lo, floor(d));
		hi = fmax(hi, floor(d));
		first_of_month &= dml_chart_date_diff(d - 1, d, DML_TIME_MONTHS) == 1;
		first_of_year &= dml_chart_date_diff(d - 1, d, DML_TIME_YEARS) == 1;
	}
	if (!isfinite(lo))
		return;
	if (unit == DML_TIME_AUTO)
		unit = first_of_year && hi - lo >= 365 ? DML_TIME_YEARS :
		       first_of_month && hi - lo >= 28 ? DML_TIME_MONTHS : DML_TIME_DAYS;
	slots = dml_chart_date_diff(lo, hi, unit) + 1;
	if (slots < 1 || slots > 10000)
		return;
	ca->dates = s->cat_num;
	ca->n_dates = s->n_cat;
	ca->date0 = lo;
	ca->unit = unit;
	ca->n_cat = (uint32_t) slots;
	ca->labels = NULL;
	ca->date_fmt = m->num_fmt && !m->source_linked ? m->num_fmt : s->cat_fmt;
	ca->date_step = 1;
	if (m->has_major) {
		double k = m->major;
		if (m->major_unit == DML_TIME_YEARS && unit == DML_TIME_MONTHS)
			k *= 12;
		else if (m->major_unit == DML_TIME_MONTHS && unit == DML_TIME_YEARS)
			k /= 12;
		ca->date_step = k >= 2 && k <= 10000 ? (uint32_t) lround(k) : 1;
	}
}

double
chart_cat_slot(const chart_axis *a, uint32_t i)
{
	int64_t k;

	if (!a->dates)
		return i < a->n_cat ? (double) i : -1;
	if (i >= a->n_dates || !(a->dates[i] >= 1 && a->dates[i] <= 2958465))
		return -1;
	k = dml_chart_date_diff(a->date0, a->dates[i], a->unit);
	return k >= 0 && k < a->n_cat ? (double) k : -1;
}

void
chart_axes_setup(chart_draw *cd)
{
	const dml_chart *c = cd->c;

	for (uint32_t gi = 0; gi < c->n_groups && gi < DML_CHART_MAX_GROUPS; gi++) {
		const dml_chart_group *g = &c->groups[gi];
		const dml_chart_axis *a0, *a1, *catx, *valy;
		chart_axis *ca, *va;
		int i0, i1;

		cd->pair[gi][0] = cd->pair[gi][1] = -1;
		if (g->type == DML_CHART_PIE || g->type == DML_CHART_DOUGHNUT ||
		    g->type == DML_CHART_RADAR)
			continue;
		a0 = find_axis(c, g->ax_id[0], g->n_ax >= 1);
		a1 = find_axis(c, g->ax_id[1], g->n_ax >= 2);
		if (chart_group_is_xy(g)) {
			/* the horizontal one is x */
			if (a1 && (a1->pos == DML_AXPOS_B || a1->pos == DML_AXPOS_T) &&
			    !(a0 && (a0->pos == DML_AXPOS_B || a0->pos == DML_AXPOS_T))) {
				catx = a1;
				valy = a0;
			}
			else {
				catx = a0;
				valy = a1;
			}
		}
		else if (a0 && a0->kind == DML_AXIS_VAL && !(a1 && a1->kind == DML_AXIS_VAL)) {
			catx = a1;
			valy = a0;
		}
		else {
			catx = a0;
			valy = a1;
		}
		i0 = axis_index(cd, catx ? catx : &deleted_axis);
		i1 = axis_index(cd, valy ? valy : &deleted_axis);
		if (i0 < 0 || i1 < 0)
			continue;
		cd->pair[gi][0] = i0;
		cd->pair[gi][1] = i1;
		ca = &cd->axes[i0];
		va = &cd->axes[i1];
		ca->other = i1;
		va->other = i0;
		va->is_val = 1;
		ca->is_val = chart_group_is_xy(g);
		ca->horizontal = !(g->type == DML_CHART_BAR && g->horizontal);
		va->horizontal = !ca->horizontal;
		group_extent(g, va, ca);
		if (g->type == DML_CHART_BUBBLE && chart_bubble_max_size(g) > 0) {
			ca->bubble_pct = fmax(ca->bubble_pct, g->bubble_scale);
			va->bubble_pct = fmax(va->bubble_pct, g->bubble_scale);
		}
		if (!va->fmt && g->n_series)
			va->fmt = g->series[0].val_fmt;
		if (ca->is_val && !ca->fmt && g->n_series)
			ca->fmt = g->series[0].cat_fmt;
		if (!ca->is_val) {
			uint32_t n = group_points(g);
			ca->n_cat = n > ca->n_cat ? n : ca->n_cat;
			for (uint32_t si = 0; si < g->n_series && !ca->labels; si++)
				if (g->series[si].cat)
					ca->labels = g->series[si].cat;
			/* crossBetween sits on the value axis; areas default to
			 * midCat, bars and lines to between */
			ca->between = valy && valy->has_between ? valy->between :
			              g->type != DML_CHART_AREA;
			if (g->type == DML_CHART_BAR)
				ca->between = 1;
			if (catx && catx->kind == DML_AXIS_DATE && !ca->dates)
				date_axis_setup(ca, catx, g);
		}
	}
}

/* ---- scaling and measuring ---- */

static const char *
axis_fmt(const chart_axis *a)
{
	if (a->ax->num_fmt && !a->ax->source_linked)
		return a->ax->num_fmt;
	if (a->percent)
		return "0%";
	return a->fmt;
}

static double
font_size(const chart_axis *a)
{
	return a->rpr.sz_100pt / 100.0;
}

/* Widen the data extent of an axis of a bubble group so that the largest
 * bubble (radius @r_pt, points) fits inside an axis @len points long. */
static void
bubble_room(chart_axis *a, double r_pt, double len, double *lo, double *hi)
{
	double f = len > 0 ? r_pt / len : 0, span = *hi - *lo, pad;

	if (!(f > 0) || f > 0.4)
		return;
	if (!(span > 0))
		span = fabs(*hi) > 0 ? fabs(*hi) : 1;
	pad = span * f / (1 - 2 * f);
	if (!a->ax->has_min)
		*lo -= pad;
	if (!a->ax->has_max)
		*hi += pad;
}

static void
axis_scale(chart_axis *a, double len, double min_side)
{
	const dml_chart_axis *m = a->ax;
	double fs = font_size(a), lo = a->lo, hi = a->hi;
	int max_n;

	if (!a->is_val) {
		a->min = 0;
		a->max = a->n_cat ? a->n_cat : 1;
		a->major = 1;
		return;
	}
	/* Office puts about 8 major intervals on an ordinary chart, fewer
	 * when the labels would crowd */
	max_n = (int) floor(len / (a->horizontal ? fs * 3.2 : fs * 1.5));
	max_n = max_n > 8 ? 8 : max_n < 2 ? 2 : max_n;
	if (a->percent) {
		double p_lo = a->lo < 0 ? -1 : 0;
		dml_chart_axis_auto(p_lo, 1, 1, m->has_min ? m->min : p_lo, 1,
		                    m->has_max ? m->max : 1, m->has_major, m->major,
		                    max_n + 2, &a->min, &a->max, &a->major);
		return;
	}
	if (m->log_base > 0) {
		a->log = m->log_base;
		dml_chart_axis_log(a->lo_pos, hi, m->has_min, m->min, m->has_max, m->max,
		                   m->has_major, m->major, m->log_base, &a->min, &a->max,
		                   &a->major);
		return;
	}
	if (!isfinite(lo) || !isfinite(hi))
		lo = hi = 0;
	if (a->bubble_pct > 0)
		bubble_room(a, min_side * 0.125 * a->bubble_pct / 100, len, &lo, &hi);
	dml_chart_axis_auto(lo, hi, m->has_min, m->min, m->has_max, m->max, m->has_major,
	                    m->major, max_n, &a->min, &a->max, &a->major);
}

static uint32_t
n_ticks(const chart_axis *a)
{
	double n = a->log > 0 ? floor((log(a->max) - log(a->min)) / log(a->log) /
	                              a->major + 1e-6) :
	           floor((a->max - a->min) / a->major + 1e-6);
	return n < 0 ? 0 : n > 1000 ? 1000 : (uint32_t) n;
}

static double
tick_value(const chart_axis *a, uint32_t i)
{
	double v = a->min + i * a->major;

	if (a->log > 0) {
		/* powers of 10 print exactly when rounded to 15 digits */
		double p = a->min * pow(a->log, i * a->major);
		double q = p > 0 ? pow(10, floor(log10(p)) - 14) : 0;
		return q > 0 ? round(p / q) * q : p;
	}
	/* keep 0.1 + 0.2 from printing as 0.30000000000000004 */
	double q = pow(10, floor(log10(a->major)) - 6);
	return q > 0 ? round(v / q) * q : v;
}

static void
label_text(const chart_axis *a, uint32_t i, char *buf, size_t size)
{
	if (a->is_val)
		dml_chart_format_number(tick_value(a, i), axis_fmt(a), buf, size);
	else if (a->dates)
		dml_chart_format_number(dml_chart_date_add(a->date0, i, a->unit),
		                        a->date_fmt, buf, size);
	else if (a->labels && i < a->n_cat && a->labels[i])
		snprintf(buf, size, "%s", a->labels[i]);
	else if (a->labels)
		buf[0] = 0;
	else
		snprintf(buf, size, "%u", i + 1);
}

static uint32_t
n_labels(const chart_axis *a)
{
	return a->is_val ? n_ticks(a) + 1 : a->n_cat;
}

static int
shows_labels(const chart_axis *a)
{
	return !a->ax->deleted && a->ax->tick_lbl != DML_TICKLBL_NONE;
}

static double
tick_out(const chart_axis *a)
{
	return a->ax->deleted || a->ax->major_tick == DML_TICK_NONE ||
	       a->ax->major_tick == DML_TICK_IN ? 0 : 4;
}

/* Office leaves about 0.7 em between the tick marks and the labels */
static double
label_gap(const chart_axis *a)
{
	return tick_out(a) + 0.7 * font_size(a);
}

static void
axis_measure(chart_draw *cd, chart_axis *a, double len)
{
	uint32_t n = n_labels(a), step = n > 2000 ? n / 2000 : 1;
	double fs = font_size(a), cat_len;

	a->lbl_w = a->lbl_h = 0;
	a->rot_deg = 0;
	a->wrap_w = 0;
	a->skip = 1;
	if (!shows_labels(a))
		return;
	if (a->ax->txpr.has && a->ax->txpr.rot_60k != INT32_MIN &&
	    a->ax->txpr.rot_60k != 0 && a->ax->txpr.rot_60k > -5400000 * 2)
		a->rot_deg = a->ax->txpr.rot_60k / 60000.0;
	for (uint32_t i = 0; i < n; i += step) {
		char buf[256];
		double w, h;
		PangoLayout *l;
		label_text(a, i, buf, sizeof buf);
		l = chart_layout(cd, &a->rpr, buf, 0);
		chart_layout_size(l, &w, &h);
		g_object_unref(l);
		a->lbl_w = w > a->lbl_w ? w : a->lbl_w;
		a->lbl_h = h > a->lbl_h ? h : a->lbl_h;
	}
	if (a->is_val || !n)
		return;
	cat_len = len / (a->between ? n : (n > 1 ? n - 1 : 1));
	/* a date axis labels every majorUnit-th slot only */
	if (a->date_step > 1)
		cat_len *= a->date_step;
	if (!a->horizontal) {
		double need = a->lbl_h;
		a->skip = need > cat_len ? (uint32_t) ceil(need / cat_len) : 1;
		return;
	}
	if (a->rot_deg != 0)
		return;
	if (a->lbl_w <= cat_len * 0.98)
		return;
	if (cat_len >= fs * 2.5) {
		/* wrap at word breaks when every word fits */
		double mw = 0, mh = 0;
		int ok = 1;
		for (uint32_t i = 0; i < n && ok; i += step) {
			char buf[256];
			double w, h;
			PangoLayout *l;
			label_text(a, i, buf, sizeof buf);
			l = chart_layout(cd, &a->rpr, buf, cat_len * 0.98);
			chart_layout_size(l, &w, &h);
			if (pango_layout_is_wrapped(l) && pango_layout_get_line_count(l) > 3)
				ok = 0;
			{
				PangoRectangle ink, logical;
				pango_layout_get_extents(l, &ink, &logical);
				if (logical.width / (double) PANGO_SCALE > cat_len * 1.02 ||
				    ink.width / (double) PANGO_SCALE > cat_len * 1.02)
					ok = 0;
			}
			g_object_unref(l);
			mw = w > mw ? w : mw;
			mh = h > mh ? h : mh;
		}
		if (ok) {
			a->wrap_w = cat_len * 0.98;
			a->lbl_w = mw;
			a->lbl_h = mh;
			return;
		}
	}
	/* turned 45°, thinned out when even that crowds */
	a->rot_deg = -45;
	{
		double line_h = a->lbl_h;
		double need = line_h * 1.42;
		a->skip = need > cat_len ? (uint32_t) ceil(need / cat_len) : 1;
	}
}

/* Extent of the labels across the axis (height for a horizontal axis). */
static double
label_depth(const chart_axis *a)
{
	double r = fabs(a->rot_deg) * S2P_PI / 180;

	if (!shows_labels(a))
		return 0;
	if (a->horizontal)
		return a->lbl_w * sin(r) + a->lbl_h * cos(r);
	return a->lbl_w * cos(r) + a->lbl_h * sin(r);
}

static double
title_depth(chart_draw *cd, const chart_axis *a, PangoLayout **out)
{
	dml_rpr r;
	const char *text;
	double w, h;

	*out = NULL;
	if (!a->ax->title.has || a->ax->deleted)
		return 0;
	r = chart_text_rpr(cd, &a->ax->title.txpr, 1, 1);
	text = a->ax->title.str ? a->ax->title.str : "Axis Title";
	if (a->ax->title.rich && a->ax->title.rich->n_paras) {
		/* plain concatenation of the runs: titles are short */
		GString *s = g_string_new(NULL);
		const dml_text_body *tb = a->ax->title.rich;
		for (uint32_t i = 0; i < tb->n_paras; i++) {
			if (i)
				g_string_append_c(s, '\n');
			if (i == 0 && tb->paras[0].n_runs)
				resolve_rpr_overlay(&r, &tb->paras[0].runs[0].rpr);
			for (uint32_t j = 0; j < tb->paras[i].n_runs; j++)
				if (tb->paras[i].runs[j].text)
					g_string_append(s, tb->paras[i].runs[j].text);
		}
		*out = chart_layout(cd, &r, s->str, 0);
		g_string_free(s, TRUE);
	}
	else
		*out = chart_layout(cd, &r, text, 0);
	chart_layout_size(*out, &w, &h);
	return h + 4;
}

/* The side the labels go: -1 left/bottom, 1 right/top. */
static int
label_side(const chart_axis *a)
{
	if (a->ax->tick_lbl == DML_TICKLBL_HIGH)
		return 1;
	if (a->ax->tick_lbl == DML_TICKLBL_LOW)
		return -1;
	return a->ax->pos == DML_AXPOS_R || a->ax->pos == DML_AXPOS_T ? 1 : -1;
}

static void
scale_all(chart_draw *cd)
{
	for (int i = 0; i < cd->n_axes; i++) {
		chart_axis *a = &cd->axes[i];
		axis_scale(a, a->horizontal ? cd->plot.w : cd->plot.h,
		           fmin(cd->plot.w, cd->plot.h));
	}
}

/* Room for the labels and titles of every axis, measured on the current
 * cd->plot, and the plot inside @area that leaves it. */
static void
plot_from_margins(chart_draw *cd, chart_rect area, int inner_given)
{
	double l = 0, r = 0, t = 0, b = 0;

	scale_all(cd);
	for (int i = 0; i < cd->n_axes; i++) {
		chart_axis *a = &cd->axes[i];
		PangoLayout *tl;
		double d, td;
		axis_measure(cd, a, a->horizontal ? cd->plot.w : cd->plot.h);
		d = label_depth(a);
		if (d > 0)
			d += label_gap(a);
		td = title_depth(cd, a, &tl);
		if (tl)
			g_object_unref(tl);
		d += td;
		if (a->horizontal) {
			if (label_side(a) < 0)
				b = fmax(b, d);
			else
				t = fmax(t, d);
		}
		else if (label_side(a) < 0)
			l = fmax(l, d);
		else
			r = fmax(r, d);
	}
	if (!inner_given) {
		/* labels at the ends of an axis stick out by half their size */
		for (int i = 0; i < cd->n_axes; i++) {
			const chart_axis *a = &cd->axes[i];
			if (!shows_labels(a))
				continue;
			if (!a->horizontal && a->is_val) {
				t = fmax(t, a->lbl_h / 2);
				b = fmax(b, a->lbl_h / 2);
			}
			else if (a->horizontal && (a->is_val || !a->between) &&
			         a->rot_deg == 0) {
				r = fmax(r, a->lbl_w / 2);
				l = fmax(l, a->lbl_w / 2);
			}
		}
		cd->plot.x = area.x + l;
		cd->plot.y = area.y + t;
		cd->plot.w = area.w - l - r;
		cd->plot.h = area.h - t - b;
	}
	else {
		cd->plot = area;
	}
	if (cd->plot.w < 1)
		cd->plot.w = 1;
	if (cd->plot.h < 1)
		cd->plot.h = 1;
}

void
chart_axes_layout(chart_draw *cd, chart_rect area, int inner_given)
{
	cd->plot = area;
	for (int i = 0; i < cd->n_axes; i++) {
		chart_axis *a = &cd->axes[i];
		a->rpr = chart_text_rpr(cd, &a->ax->txpr, 1, 0);
	}
	/* measure on an estimate of the plot, then again on the plot that
	 * gave: labels that had to turn in the estimate may wrap in the real
	 * width, and the room kept for them must be theirs */
	cd->plot.w = area.w * 0.85;
	cd->plot.h = area.h * 0.85;
	for (int pass = 0; pass < (inner_given ? 1 : 2); pass++)
		plot_from_margins(cd, area, inner_given);
	scale_all(cd);
	for (int i = 0; i < cd->n_axes; i++) {
		chart_axis *a = &cd->axes[i];
		axis_measure(cd, a, a->horizontal ? cd->plot.w : cd->plot.h);
	}
	/* where each axis line lies on its crossing axis */
	for (int i = 0; i < cd->n_axes; i++) {
		chart_axis *a = &cd->axes[i];
		const chart_axis *o = &cd->axes[a->other];
		double v;
		a->cross_val = 0;
		if (a->other == i) {
			a->cross = a->horizontal ? cd->plot.y + cd->plot.h : cd->plot.x;
			continue;
		}
		switch (a->ax->crosses) {
		case DML_CROSSES_MIN: v = o->min; break;
		case DML_CROSSES_MAX: v = o->max; break;
		case DML_CROSSES_AT:
			v = o->is_val ? a->ax->crosses_at : a->ax->crosses_at - 1;
			break;
		default:
			v = o->is_val ? (o->min > 0 ? o->min : o->max < 0 ? o->max : 0) :
			    o->min;
			break;
		}
		if (v < o->min)
			v = o->min;
		if (v > o->max)
			v = o->max;
		a->cross_val = v;
		a->cross = !o->is_val ? (o->horizontal ?
		           (o->ax->reversed ? cd->plot.x + cd->plot.w - (v - o->min) /
		            (o->max - o->min) * cd->plot.w : cd->plot.x + (v - o->min) /
		            (o->max - o->min) * cd->plot.w) :
		           (o->ax->reversed ? cd->plot.y + (v - o->min) / (o->max - o->min) *
		            cd->plot.h : cd->plot.y + cd->plot.h - (v - o->min) /
		            (o->max - o->min) * cd->plot.h)) :
		           chart_axis_pos(cd, o, v);
		if (a->ax->crosses == DML_CROSSES_MAX && !o->is_val)
			a->cross = o->horizontal ? (o->ax->reversed ? cd->plot.x :
			           cd->plot.x + cd->plot.w) : (o->ax->reversed ?
			           cd->plot.y + cd->plot.h : cd->plot.y);
	}
}

double
chart_axis_pos(const chart_draw *cd, const chart_axis *a, double v)
{
	double t;

	if (!a->is_val) {
		/* v is a category index: centres (between) or the points */
		uint32_t n = a->n_cat ? a->n_cat : 1;
		t = a->between ? (v + 0.5) / n : (n > 1 ? v / (n - 1) : 0.5);
	}
	else if (a->log > 0)
		/* values at or below zero have no place: they sit at the min */
		t = v > 0 && a->max > a->min ? (log(v) - log(a->min)) /
		    (log(a->max) - log(a->min)) : 0;
	else
		t = a->max > a->min ? (v - a->min) / (a->max - a->min) : 0;
	if (a->ax->reversed)
		t = 1 - t;
	if (a->horizontal)
		return cd->plot.x + t * cd->plot.w;
	return cd->plot.y + cd->plot.h - t * cd->plot.h;
}

/* Position of a category boundary (between) along @a. */
static double
cat_edge(const chart_draw *cd, const chart_axis *a, double k)
{
	uint32_t n = a->n_cat ? a->n_cat : 1;
	double t = a->between ? k / n : (n > 1 ? k / (n - 1) : 0.5);

	if (a->ax->reversed)
		t = 1 - t;
	return a->horizontal ? cd->plot.x + t * cd->plot.w :
	       cd->plot.y + cd->plot.h - t * cd->plot.h;
}

/* ---- drawing ---- */

static dml_line
default_line(void)
{
	/* 2007-style defaults: tx1 at a 75 % tint (0x868686 on black) */
	dml_line ln;

	memset(&ln, 0, sizeof ln);
	ln.has_w = 1;
	ln.w_emu = 9525;
	ln.fill.kind = DML_FILL_SOLID;
	ln.fill.color.kind = DML_COLOR_SCHEME;
	ln.fill.color.slot = DML_SLOT_TX1;
	ln.fill.color.n_mods = 1;
	ln.fill.color.mods[0].op = DML_CMOD_TINT;
	ln.fill.color.mods[0].val = 75000;
	return ln;
}

dml_line
chart_sppr_line(const dml_chart_sppr *sp)
{
	dml_line d = default_line();

	if (!sp->has_line)
		return d;
	if (sp->line.fill.kind == DML_FILL_UNSET) {
		dml_line l = sp->line;
		l.fill = d.fill;
		return l;
	}
	return sp->line;
}

static void
line_across(chart_draw *cd, const chart_axis *a, double pos, const dml_line *ln)
{
	cairo_t *cr = cd->cr;

	cairo_new_path(cr);
	if (a->horizontal) {
		cairo_move_to(cr, pos, cd->plot.y);
		cairo_line_to(cr, pos, cd->plot.y + cd->plot.h);
	}
	else {
		cairo_move_to(cr, cd->plot.x, pos);
		cairo_line_to(cr, cd->plot.x + cd->plot.w, pos);
	}
	chart_stroke_current(cd, ln, 9525);
	cairo_new_path(cr);
}

/* Minor gridlines of a log axis: 2, 3, ... base-1 times each power
 * (whole bases up to 10 only; Office shows none otherwise). */
static void
draw_log_minor_grid(chart_draw *cd, const chart_axis *a)
{
	dml_line ln = chart_sppr_line(&a->ax->minor_grid_sppr);
	uint32_t n = n_ticks(a);

	if (a->log != floor(a->log) || a->log > 10 || a->major != 1)
		return;
	for (uint32_t k = 0; k < n; k++)
		for (int j = 2; j < (int) a->log; j++)
			line_across(cd, a, chart_axis_pos(cd, a, tick_value(a, k) * j), &ln);
}

void
chart_axes_draw_grid(chart_draw *cd)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < cd->n_axes; i++) {
			const chart_axis *a = &cd->axes[i];
			const dml_chart_axis *m = a->ax;
			dml_line ln;
			if (pass == 0 && m->minor_grid && a->is_val && a->log > 0) {
				draw_log_minor_grid(cd, a);
			}
			else if (pass == 0 && m->minor_grid && a->is_val) {
				double minor = a->major / 5;
				uint32_t n = (uint32_t) fmin(5000, floor((a->max - a->min) /
				                                         minor + 1e-6));
				ln = chart_sppr_line(&m->minor_grid_sppr);
				for (uint32_t k = 0; k <= n; k++)
					line_across(cd, a, chart_axis_pos(cd, a, a->min + k * minor),
					            &ln);
			}
			if (pass == 1 && m->major_grid) {
				ln = chart_sppr_line(&m->major_grid_sppr);
				if (a->is_val)
					for (uint32_t k = 0; k <= n_ticks(a); k++)
						line_across(cd, a, chart_axis_pos(cd, a, tick_value(a, k)),
						            &ln);
				else {
					uint32_t n = a->n_cat;
					uint32_t lim = a->between ? n : (n ? n - 1 : 0);
					for (uint32_t k = 0; k <= lim && k <= 10000; k++)
						line_across(cd, a, cat_edge(cd, a, k), &ln);
				}
			}
		}
}

static void
draw_tick(chart_draw *cd, const chart_axis *a, double pos, int mark,
          double len, const dml_line *ln)
{
	cairo_t *cr = cd->cr;
	double out = 0, in = 0;
	int side = label_side(a) < 0 ? 1 : -1; /* +: towards larger y / smaller x */

	if (mark == DML_TICK_NONE)
		return;
	if (mark == DML_TICK_OUT || mark == DML_TICK_CROSS)
		out = len;
	if (mark == DML_TICK_IN || mark == DML_TICK_CROSS)
		in = len;
	cairo_new_path(cr);
	if (a->horizontal) {
		cairo_move_to(cr, pos, a->cross - in * side);
		cairo_line_to(cr, pos, a->cross + out * side);
	}
	else {
		cairo_move_to(cr, a->cross + in * side, pos);
		cairo_line_to(cr, a->cross - out * side, pos);
	}
	chart_stroke_current(cd, ln, 9525);
	cairo_new_path(cr);
}

/* Labels drawn: every skip-th; on a date axis skip counts major units
 * (axis_measure measured the room per major unit). */
static uint32_t
label_step(const chart_axis *a)
{
	uint32_t step = a->skip ? a->skip : 1;

	return a->date_step > 1 && step <= UINT32_MAX / a->date_step ?
	       step * a->date_step : step;
}

static void
draw_labels(chart_draw *cd, const chart_axis *a)
{
	uint32_t n = n_labels(a);
	int side = label_side(a);
	double base, gap = label_gap(a);

	if (!shows_labels(a))
		return;
	/* nextTo: beside the axis line; low/high: at the plot's edge */
	if (a->ax->tick_lbl == DML_TICKLBL_LOW)
		base = a->horizontal ? cd->plot.y + cd->plot.h : cd->plot.x;
	else if (a->ax->tick_lbl == DML_TICKLBL_HIGH)
		base = a->horizontal ? cd->plot.y : cd->plot.x + cd->plot.w;
	else
		base = a->cross;
	for (uint32_t i = 0; i < n; i += label_step(a)) {
		char buf[256];
		PangoLayout *l;
		double pos = a->is_val ? chart_axis_pos(cd, a, tick_value(a, i)) :
		             chart_axis_pos(cd, a, i);
		label_text(a, i, buf, sizeof buf);
		if (!buf[0])
			continue;
		l = chart_layout(cd, &a->rpr, buf, a->wrap_w);
		if (a->horizontal) {
			double y = side < 0 ? base + gap : base - gap;
			if (a->rot_deg != 0)
				chart_layout_draw(cd, l, pos, y, 1, side < 0 ? 0.5 : 0.5,
				                  a->rot_deg);
			else
				chart_layout_draw(cd, l, pos, y, 0.5, side < 0 ? 0 : 1, 0);
		}
		else {
			double x = side < 0 ? base - gap : base + gap;
			chart_layout_draw(cd, l, x, pos, side < 0 ? 1 : 0, 0.5, 0);
		}
		g_object_unref(l);
	}
}

static void
draw_title(chart_draw *cd, const chart_axis *a)
{
	PangoLayout *l;
	double d = label_depth(a), gap = label_gap(a);
	int side = label_side(a);

	title_depth(cd, a, &l);
	if (!l)
		return;
	if (d > 0)
		d += gap;
	if (a->horizontal) {
		double y = side < 0 ? a->cross + d + 2 : a->cross - d - 2;
		chart_layout_draw(cd, l, cd->plot.x + cd->plot.w / 2, y, 0.5,
		                  side < 0 ? 0 : 1, 0);
	}
	else {
		double x = side < 0 ? a->cross - d - 2 : a->cross + d + 2;
		chart_layout_draw(cd, l, x, cd->plot.y + cd->plot.h / 2, 0.5,
		                  side < 0 ? 1 : 0, -90);
	}
	g_object_unref(l);
}

void
chart_axes_draw(chart_draw *cd)
{
	cairo_t *cr = cd->cr;

	for (int i = 0; i < cd->n_axes; i++) {
		const chart_axis *a = &cd->axes[i];
		dml_line ln;
		if (a->ax->deleted)
			continue;
		ln = chart_sppr_line(&a->ax->sppr);
		if (ln.fill.kind != DML_FILL_NONE) {
			cairo_new_path(cr);
			if (a->horizontal) {
				cairo_move_to(cr, cd->plot.x, a->cross);
				cairo_line_to(cr, cd->plot.x + cd->plot.w, a->cross);
			}
			else {
				cairo_move_to(cr, a->cross, cd->plot.y);
				cairo_line_to(cr, a->cross, cd->plot.y + cd->plot.h);
			}
			chart_stroke_current(cd, &ln, 9525);
			cairo_new_path(cr);
			if (a->is_val) {
				for (uint32_t k = 0; k <= n_ticks(a); k++)
					draw_tick(cd, a, chart_axis_pos(cd, a, tick_value(a, k)),
					          a->ax->major_tick, 4, &ln);
			}
			else {
				uint32_t n = a->n_cat;
				uint32_t lim = a->between ? n : (n ? n - 1 : 0);
				for (uint32_t k = 0; k <= lim && k <= 10000; k++)
					draw_tick(cd, a, cat_edge(cd, a, k), a->ax->major_tick, 4,
					          &ln);
			}
		}
		draw_labels(cd, a);
		draw_title(cd, a);
	}
}
