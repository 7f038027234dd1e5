/*
 * Drawing a graphicFrame's chart into the frame's box (0,0)-(w,h), EMU.
 * The second half declares what draw-chart*.c share: the per-chart
 * drawing state (in points), axes and the helpers for text and paint.
 */
#ifndef S2P_RENDER_DRAW_CHART_H
#define S2P_RENDER_DRAW_CHART_H

#include "model/dml-chart.h"
#include "render/draw-imp.h"

void draw_chart(draw_ctx *dc, const dml_shape *s, double w, double h);

/* ---- internals of draw-chart*.c ---- */

typedef struct chart_rect {
	double x, y, w, h;
} chart_rect;

enum { CHART_AXES_MAX = DML_CHART_MAX_AXES + 2 };

typedef struct chart_axis {
	const dml_chart_axis *ax;   /* never NULL once set up */
	int horizontal;             /* runs along x */
	int is_val;                 /* numeric scale (value axis, scatter) */
	int between;                /* categories: points at the centres */
	int percent;                /* a percent-stacked group uses it */
	int other;                  /* index of the crossing axis */
	double bubble_pct;          /* a bubble group's bubbleScale, 0: none */
	double lo, hi;              /* data extent (value axes) */
	double lo_pos;              /* smallest positive value (log axes) */
	double min, max, major;     /* scale; categories: 0..n_cat; on a
	                               log axis major is in powers of log */
	double log;                 /* logBase of a value axis, 0: linear */
	double cross_val;           /* where this axis crosses the other, on
	                               the other's scale */
	uint32_t n_cat;
	const char *const *labels;  /* category labels, may be NULL */
	const char *fmt;            /* value label format */
	const double *dates;        /* date axis: serial date of each point,
	                               n_dates long; NULL otherwise */
	uint32_t n_dates;
	double date0;               /* the earliest date: slot 0 */
	int unit;                   /* enum dml_time_unit of one slot */
	uint32_t date_step;         /* slots between labels (majorUnit) */
	const char *date_fmt;       /* label format of a date axis */
	dml_rpr rpr;                /* tick label text */
	double lbl_w, lbl_h;        /* largest tick label, points */
	double rot_deg;             /* tick label rotation */
	double wrap_w;              /* wrap width of category labels, 0: none */
	uint32_t skip;              /* draw every skip-th category label */
	double cross;               /* position of the axis line (points) */
	int side;                   /* labels: -1 left/below... see axis.c */
} chart_axis;

typedef struct chart_draw {
	draw_ctx *dc;
	cairo_t *cr;
	const dml_chart *c;
	double w, h;                /* chart box, points */
	dml_rpr base;               /* chart-wide text defaults */
	chart_rect plot;            /* inner plot area */
	chart_axis axes[CHART_AXES_MAX];
	int n_axes;
	int pair[DML_CHART_MAX_GROUPS][2]; /* group -> (category/x, value/y) */
	uint32_t n_series;          /* over all groups, for colours */
} chart_draw;

/* draw-chart.c: text and paint */
dml_rpr chart_text_rpr(const chart_draw *cd, const dml_chart_txpr *t,
                       double size_mult, int bold);
PangoLayout *chart_layout(chart_draw *cd, const dml_rpr *r, const char *text,
                          double wrap_w);
void chart_layout_size(PangoLayout *l, double *w, double *h);
/* Draw @l so that the point (ax, ay) of its box (fractions) lands on
 * (x, y), turned by @rot_deg about that point. */
void chart_layout_draw(chart_draw *cd, PangoLayout *l, double x, double y,
                       double ax, double ay, double rot_deg);
void chart_fill_current(chart_draw *cd, const dml_fill *f, double x, double y,
                        double w, double h);
/* Stroke the current path (kept) with @ln; @dflt_w_emu when it has none. */
void chart_stroke_current(chart_draw *cd, const dml_line *ln, int64_t dflt_w_emu);
/* Fill, outline and whether the outline is visible for point @pt (-1: the
 * series) of series @si in group @g. */
void chart_series_style(const chart_draw *cd, const dml_chart_group *g,
                        uint32_t si, int64_t pt, dml_fill *fill, dml_line *line,
                        int *has_line);
/* Scatter and bubble groups: x is a value axis. */
int chart_group_is_xy(const dml_chart_group *g);
/* The group joins its points with lines (line, scatter with lines, radar
 * other than filled). */
int chart_group_has_lines(const dml_chart_group *g);
/* The marker of series @si (symbol resolved from AUTO). */
dml_chart_marker chart_series_marker(const chart_draw *cd,
                                     const dml_chart_group *g, uint32_t si);
void chart_draw_marker(chart_draw *cd, const dml_chart_marker *m,
                       const dml_fill *dflt_fill, const dml_line *dflt_line,
                       double x, double y);

/* draw-chart-axis.c */
void chart_axes_setup(chart_draw *cd);
/* Scale, measure and reserve room for the axes in @area: sets cd->plot. */
void chart_axes_layout(chart_draw *cd, chart_rect area, int inner_given);
/* The category slot of point @i on category axis @a (its date's place on
 * a date axis, else @i); -1 when the point has no place. */
double chart_cat_slot(const chart_axis *a, uint32_t i);
/* Coordinate of value @v (or category position) along axis @a. */
double chart_axis_pos(const chart_draw *cd, const chart_axis *a, double v);
void chart_axes_draw_grid(chart_draw *cd);
/* The outline of @sp, or the default axis/gridline grey when it has none
 * (a line without a fill takes the grey too). */
dml_line chart_sppr_line(const dml_chart_sppr *sp);
void chart_axes_draw(chart_draw *cd);

/* draw-chart-radar.c: the radar groups in @area (the plot itself when
 * @inner_given, else room is left for the category labels) */
void chart_radar_draw(chart_draw *cd, chart_rect area, int inner_given);

/* draw-chart-plot.c */
void chart_plot_draw(chart_draw *cd);
/* The largest bubble size of a bubble group (0: none drawn). */
double chart_bubble_max_size(const dml_chart_group *g);

#endif
