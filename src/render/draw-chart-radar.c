/*
 * Radar charts (c:radarChart: standard, marker, filled). The plot is a
 * circle: one spoke per category clockwise from the top (anticlockwise
 * when the category axis runs maxMin), the value axis along the first
 * spoke with its gridlines as polygons through the spokes, category
 * labels outside the rim. Scaling is the value axes' automatic one.
 */
#include "render/draw-chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct radar {
	const dml_chart_group *g;
	const dml_chart_axis *cat, *val;  /* never NULL: stand-ins when missing */
	uint32_t n;                /* spokes */
	const char *const *labels; /* category labels, may be NULL */
	double cx, cy, r;          /* centre and radius, points */
	double min, max, major;    /* value scale */
	dml_rpr cat_rpr, val_rpr;
	const char *val_fmt;
} radar;

static const dml_chart_axis missing_axis = {
	.deleted = 1, .tick_lbl = DML_TICKLBL_NONE, .source_linked = 1,
	.txpr = { .rot_60k = INT32_MIN },
};

static const dml_chart_axis *
group_axis(const dml_chart *c, const dml_chart_group *g, int want_val)
{
	for (uint8_t k = 0; k < g->n_ax; k++)
		for (uint32_t i = 0; i < c->n_axes; i++)
			if (c->axes[i].id == g->ax_id[k] &&
			    (c->axes[i].kind == DML_AXIS_VAL) == want_val)
				return &c->axes[i];
	return &missing_axis;
}

static double
spoke_angle(const radar *rd, double i)
{
	double step = 2 * S2P_PI / rd->n;
	return -S2P_PI / 2 + (rd->cat->reversed ? -i : i) * step;
}

static double
val_radius(const radar *rd, double v)
{
	double t = rd->max > rd->min ? (v - rd->min) / (rd->max - rd->min) : 0;

	if (rd->val->reversed)
		t = 1 - t;
	return fmax(0, t) * rd->r;
}

static void
radar_extent(const chart_draw *cd, radar *rd, double *lo, double *hi)
{
	const dml_chart *c = cd->c;

	*lo = INFINITY;
	*hi = -INFINITY;
	rd->n = 0;
	for (uint32_t gi = 0; gi < c->n_groups; gi++) {
		const dml_chart_group *g = &c->groups[gi];
		if (g->type != DML_CHART_RADAR)
			continue;
		for (uint32_t si = 0; si < g->n_series; si++) {
			const dml_chart_series *s = &g->series[si];
			rd->n = s->n_pts > rd->n ? s->n_pts : rd->n;
			rd->n = s->n_cat > rd->n ? s->n_cat : rd->n;
			if (!rd->labels && s->cat)
				rd->labels = s->cat;
			if (!rd->val_fmt)
				rd->val_fmt = s->val_fmt;
			for (uint32_t i = 0; i < s->n_pts; i++)
				if (isfinite(s->val[i])) {
					*lo = fmin(*lo, s->val[i]);
					*hi = fmax(*hi, s->val[i]);
				}
		}
	}
	if (!isfinite(*lo))
		*lo = *hi = 0;
	/* more spokes than anyone can read: keep the drawing bounded */
	if (rd->n > 1000)
		rd->n = 1000;
}

static void
cat_label(const radar *rd, uint32_t i, char *buf, size_t size)
{
	if (rd->labels && rd->labels[i])
		snprintf(buf, size, "%s", rd->labels[i]);
	else if (rd->labels)
		buf[0] = 0;
	else
		snprintf(buf, size, "%u", i + 1);
}

static const char *
val_format(const radar *rd)
{
	if (rd->val->num_fmt && !rd->val->source_linked)
		return rd->val->num_fmt;
	return rd->val_fmt;
}

/* The largest category label, to leave room for it round the rim. */
static void
cat_label_size(chart_draw *cd, const radar *rd, double *w, double *h)
{
	*w = *h = 0;
	if (rd->cat->deleted || rd->cat->tick_lbl == DML_TICKLBL_NONE)
		return;
	for (uint32_t i = 0; i < rd->n; i++) {
		char buf[256];
		double lw, lh;
		PangoLayout *l;
		cat_label(rd, i, buf, sizeof buf);
		l = chart_layout(cd, &rd->cat_rpr, buf, 0);
		chart_layout_size(l, &lw, &lh);
		g_object_unref(l);
		*w = fmax(*w, lw);
		*h = fmax(*h, lh);
	}
}

static uint32_t
n_rings(const radar *rd)
{
	double n = floor((rd->max - rd->min) / rd->major + 1e-6);
	return n < 0 ? 0 : n > 200 ? 200 : (uint32_t) n;
}

static void
polygon(chart_draw *cd, const radar *rd, double rad)
{
	cairo_new_path(cd->cr);
	for (uint32_t i = 0; i < rd->n; i++) {
		double a = spoke_angle(rd, i);
		if (i == 0)
			cairo_move_to(cd->cr, rd->cx + rad * cos(a), rd->cy + rad * sin(a));
		else
			cairo_line_to(cd->cr, rd->cx + rad * cos(a), rd->cy + rad * sin(a));
	}
	cairo_close_path(cd->cr);
}

static void
draw_web(chart_draw *cd, const radar *rd)
{
	cairo_t *cr = cd->cr;
	dml_line ln;

	if (rd->val->major_grid) {
		ln = chart_sppr_line(&rd->val->major_grid_sppr);
		for (uint32_t k = 1; k <= n_rings(rd); k++) {
			polygon(cd, rd, val_radius(rd, rd->min + k * rd->major));
			chart_stroke_current(cd, &ln, 9525);
		}
		cairo_new_path(cr);
	}
	/* the spokes: the category axis' gridlines, or its line */
	if (rd->cat->major_grid || !rd->cat->deleted) {
		ln = chart_sppr_line(rd->cat->major_grid ? &rd->cat->major_grid_sppr :
		                     &rd->cat->sppr);
		if (ln.fill.kind == DML_FILL_NONE)
			return;
		cairo_new_path(cr);
		for (uint32_t i = 0; i < rd->n; i++) {
			double a = spoke_angle(rd, i);
			cairo_move_to(cr, rd->cx, rd->cy);
			cairo_line_to(cr, rd->cx + rd->r * cos(a), rd->cy + rd->r * sin(a));
		}
		chart_stroke_current(cd, &ln, 9525);
		cairo_new_path(cr);
	}
}

/* The value axis runs up the first spoke, its labels to the left. */
static void
draw_val_axis(chart_draw *cd, const radar *rd)
{
	cairo_t *cr = cd->cr;
	double a = spoke_angle(rd, 0), ux = cos(a), uy = sin(a);
	double fs = rd->val_rpr.sz_100pt / 100.0;
	dml_line ln;

	if (rd->val->deleted)
		return;
	ln = chart_sppr_line(&rd->val->sppr);
	if (ln.fill.kind != DML_FILL_NONE) {
		cairo_new_path(cr);
		cairo_move_to(cr, rd->cx, rd->cy);
		cairo_line_to(cr, rd->cx + rd->r * ux, rd->cy + rd->r * uy);
		if (rd->val->major_tick != DML_TICK_NONE)
			for (uint32_t k = 0; k <= n_rings(rd); k++) {
				double rad = val_radius(rd, rd->min + k * rd->major);
				double x = rd->cx + rad * ux, y = rd->cy + rad * uy;
				/* outward is to the left of the spoke: (uy, -ux) */
				double o = rd->val->major_tick == DML_TICK_IN ? 0 : 4;
				double in = rd->val->major_tick == DML_TICK_OUT ? 0 : 4;
				cairo_move_to(cr, x + uy * o, y - ux * o);
				cairo_line_to(cr, x - uy * in, y + ux * in);
			}
		chart_stroke_current(cd, &ln, 9525);
		cairo_new_path(cr);
	}
	if (rd->val->tick_lbl == DML_TICKLBL_NONE)
		return;
	for (uint32_t k = 0; k <= n_rings(rd); k++) {
		char buf[128];
		double v = rd->min + k * rd->major, rad = val_radius(rd, v);
		double q = pow(10, floor(log10(rd->major)) - 6);
		PangoLayout *l;
		if (q > 0)
			v = round(v / q) * q;
		dml_chart_format_number(v, val_format(rd), buf, sizeof buf);
		l = chart_layout(cd, &rd->val_rpr, buf, 0);
		chart_layout_draw(cd, l, rd->cx + rad * ux + uy * (4 + 0.4 * fs),
		                  rd->cy + rad * uy - ux * (4 + 0.4 * fs), 1, 0.5, 0);
		g_object_unref(l);
	}
}

static void
draw_cat_labels(chart_draw *cd, const radar *rd)
{
	double gap = 0.5 * rd->cat_rpr.sz_100pt / 100.0;

	if (rd->cat->deleted || rd->cat->tick_lbl == DML_TICKLBL_NONE)
		return;
	for (uint32_t i = 0; i < rd->n; i++) {
		char buf[256];
		double a = spoke_angle(rd, i), c = cos(a), s = sin(a);
		PangoLayout *l;
		cat_label(rd, i, buf, sizeof buf);
		if (!buf[0])
			continue;
		l = chart_layout(cd, &rd->cat_rpr, buf, 0);
		/* the label's box sits outside the rim, touching it at the
		 * point facing the centre */
		chart_layout_draw(cd, l, rd->cx + (rd->r + gap) * c,
		                  rd->cy + (rd->r + gap) * s, 0.5 - 0.5 * c,
		                  0.5 - 0.5 * s, 0);
		g_object_unref(l);
	}
}

/* Points of series @si; 0 in valid[] where the value is missing. */
static void
series_points(const chart_draw *cd, const radar *rd, const dml_chart_series *s,
              double *x, double *y, uint8_t *valid)
{
	for (uint32_t i = 0; i < rd->n; i++) {
		double v = i < s->n_pts ? s->val[i] : NAN, a, rad;
		if (isnan(v) && cd->c->disp_blanks_zero && i < s->n_pts)
			v = 0;
		valid[i] = !isnan(v);
		if (!valid[i])
			continue;
		a = spoke_angle(rd, i);
		rad = val_radius(rd, v);
		x[i] = rd->cx + rad * cos(a);
		y[i] = rd->cy + rad * sin(a);
	}
}

static void
draw_series(chart_draw *cd, const radar *rd, const dml_chart_group *g,
            uint32_t si, int pass)
{
	const dml_chart_series *s = &g->series[si];
	cairo_t *cr = cd->cr;
	double *x = s2p_malloc_array(rd->n, sizeof *x);
	double *y = s2p_malloc_array(rd->n, sizeof *y);
	uint8_t *valid = s2p_malloc_array(rd->n, 1);
	dml_fill fill;
	dml_line line;
	int has_line;

	if (!x || !y || !valid)
		goto done;
	series_points(cd, rd, s, x, y, valid);
	chart_series_style(cd, g, si, -1, &fill, &line, &has_line);
	if (pass == 0 && g->radar_style == DML_RADAR_FILLED) {
		/* a filled radar treats missing values as the centre */
		cairo_new_path(cr);
		for (uint32_t i = 0; i < rd->n; i++) {
			double px = valid[i] ? x[i] : rd->cx, py = valid[i] ? y[i] : rd->cy;
			if (i == 0)
				cairo_move_to(cr, px, py);
			else
				cairo_line_to(cr, px, py);
		}
		cairo_close_path(cr);
		chart_fill_current(cd, &fill, rd->cx - rd->r, rd->cy - rd->r, 2 * rd->r,
		                   2 * rd->r);
		if (has_line)
			chart_stroke_current(cd, &line, 9525);
		cairo_new_path(cr);
	}
	else if (pass == 0 && has_line) {
		/* segment by segment round the rim, skipping missing points */
		cairo_new_path(cr);
		for (uint32_t i = 0; i < rd->n; i++) {
			uint32_t j = (i + 1) % rd->n;
			if (!valid[i] || !valid[j] || (rd->n < 3 && j == 0))
				continue;
			cairo_move_to(cr, x[i], y[i]);
			cairo_line_to(cr, x[j], y[j]);
		}
		line.join = line.join ? line.join : 1;
		chart_stroke_current(cd, &line, 28575);
		cairo_new_path(cr);
	}
	else if (pass == 1) {
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
		for (uint32_t i = 0; i < rd->n; i++)
			if (valid[i])
				chart_draw_marker(cd, &m, &mf, &line, x[i], y[i]);
	}
done:
	free(x);
	free(y);
	free(valid);
}

/* Value labels beside the points (the only kind radar labels need). */
static void
draw_point_labels(chart_draw *cd, const radar *rd, const dml_chart_group *g)
{
	for (uint32_t si = 0; si < g->n_series; si++) {
		const dml_chart_series *s = &g->series[si];
		const dml_chart_dlbls *d = s->dlbls.has ? &s->dlbls : &g->dlbls;
		dml_rpr r;
		if (!d->has || d->deleted || !(d->show_val || d->show_cat ||
		    d->show_ser))
			continue;
		r = chart_text_rpr(cd, &d->txpr, 1, 0);
		for (uint32_t i = 0; i < rd->n && i < s->n_pts; i++) {
			char text[300], num[64], cat[256];
			double v = s->val[i], a = spoke_angle(rd, i), rad;
			PangoLayout *l;
			size_t k = 0;
			if (isnan(v))
				continue;
			text[0] = 0;
			cat_label(rd, i, cat, sizeof cat);
			if (d->show_ser && s->name)
				k += (size_t) snprintf(text + k, sizeof text - k, "%s", s->name);
			if (d->show_cat && k < sizeof text)
				k += (size_t) snprintf(text + k, sizeof text - k, "%s%s",
				                       k ? ", " : "", cat);
			if (d->show_val && k < sizeof text) {
				dml_chart_format_number(v, d->num_fmt ? d->num_fmt : s->val_fmt,
				                        num, sizeof num);
				snprintf(text + k, sizeof text - k, "%s%s", k ? ", " : "", num);
			}
			if (!text[0])
				continue;
			rad = val_radius(rd, v) + 4;
			l = chart_layout(cd, &r, text, 0);
			chart_layout_draw(cd, l, rd->cx + rad * cos(a), rd->cy + rad * sin(a),
			                  0.5 - 0.5 * cos(a), 0.5 - 0.5 * sin(a), 0);
			g_object_unref(l);
		}
	}
}

void
chart_radar_draw(chart_draw *cd, chart_rect area, int inner_given)
{
	const dml_chart *c = cd->c;
	radar rd;
	double lo, hi, lw, lh, fs;
	int max_n;

	memset(&rd, 0, sizeof rd);
	for (uint32_t gi = 0; gi < c->n_groups && !rd.g; gi++)
		if (c->groups[gi].type == DML_CHART_RADAR)
			rd.g = &c->groups[gi];
	if (!rd.g)
		return;
	rd.cat = group_axis(c, rd.g, 0);
	rd.val = group_axis(c, rd.g, 1);
	rd.cat_rpr = chart_text_rpr(cd, &rd.cat->txpr, 1, 0);
	rd.val_rpr = chart_text_rpr(cd, &rd.val->txpr, 1, 0);
	radar_extent(cd, &rd, &lo, &hi);
	if (!rd.n)
		return;
	cat_label_size(cd, &rd, &lw, &lh);
	rd.cx = area.x + area.w / 2;
	rd.cy = area.y + area.h / 2;
	if (inner_given)
		rd.r = fmin(area.w, area.h) / 2;
	else {
		double gap = lw > 0 ? 0.5 * rd.cat_rpr.sz_100pt / 100.0 : 0;
		rd.r = fmin(area.w / 2 - lw - gap, area.h / 2 - lh - gap);
	}
	if (rd.r < 1)
		rd.r = 1;
	cd->plot.x = rd.cx - rd.r;
	cd->plot.y = rd.cy - rd.r;
	cd->plot.w = cd->plot.h = 2 * rd.r;
	/* about one ring per 2.5 lines of label text up the radius */
	fs = rd.val_rpr.sz_100pt / 100.0;
	max_n = (int) floor(rd.r / (fs * 2.5));
	max_n = max_n > 8 ? 8 : max_n < 2 ? 2 : max_n;
	dml_chart_axis_auto(lo, hi, rd.val->has_min, rd.val->min, rd.val->has_max,
	                    rd.val->max, rd.val->has_major, rd.val->major, max_n,
	                    &rd.min, &rd.max, &rd.major);
	draw_web(cd, &rd);
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t gi = 0; gi < c->n_groups; gi++) {
			const dml_chart_group *g = &c->groups[gi];
			if (g->type != DML_CHART_RADAR)
				continue;
			for (uint32_t si = 0; si < g->n_series; si++)
				draw_series(cd, &rd, g, si, pass);
		}
	draw_val_axis(cd, &rd);
	draw_cat_labels(cd, &rd);
	for (uint32_t gi = 0; gi < c->n_groups; gi++)
		if (c->groups[gi].type == DML_CHART_RADAR)
			draw_point_labels(cd, &rd, &c->groups[gi]);
}
