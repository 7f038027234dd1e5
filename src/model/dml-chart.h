/*
 * DrawingML charts in the model (a graphicFrame's c:chartSpace, §21.2):
 * the cached values of each series, plot groups, axes, title, legend and
 * their formatting as plain data. Lives in the owning sheet's arena;
 * immutable once loaded. Also the pure pieces the renderer needs and the
 * unit tests check: automatic axis scaling and number formatting.
 */
#ifndef S2P_MODEL_DML_CHART_H
#define S2P_MODEL_DML_CHART_H

#include "model/dml.h"

#include <stddef.h>

enum { DML_CHART_MAX_SERIES = 256, DML_CHART_MAX_POINTS = 100000,
	DML_CHART_MAX_GROUPS = 16, DML_CHART_MAX_AXES = 8 };

enum dml_chart_type {
	DML_CHART_BAR, DML_CHART_LINE, DML_CHART_PIE, DML_CHART_DOUGHNUT,
	DML_CHART_AREA, DML_CHART_SCATTER, DML_CHART_RADAR, DML_CHART_BUBBLE
};

enum dml_radar_style { DML_RADAR_STANDARD, DML_RADAR_MARKER, DML_RADAR_FILLED };

enum dml_chart_grouping {
	DML_GROUP_CLUSTERED, DML_GROUP_STANDARD, DML_GROUP_STACKED,
	DML_GROUP_PERCENT
};

enum dml_marker_symbol {
	DML_MARKER_AUTO, DML_MARKER_NONE, DML_MARKER_CIRCLE, DML_MARKER_DASH,
	DML_MARKER_DIAMOND, DML_MARKER_DOT, DML_MARKER_PICTURE, DML_MARKER_PLUS,
	DML_MARKER_SQUARE, DML_MARKER_STAR, DML_MARKER_TRIANGLE, DML_MARKER_X
};

enum dml_dlbl_pos {
	DML_DLBL_DEFAULT, DML_DLBL_BEST_FIT, DML_DLBL_B, DML_DLBL_CTR,
	DML_DLBL_IN_BASE, DML_DLBL_IN_END, DML_DLBL_L, DML_DLBL_OUT_END,
	DML_DLBL_R, DML_DLBL_T
};

enum dml_time_unit { DML_TIME_AUTO, DML_TIME_DAYS, DML_TIME_MONTHS,
	DML_TIME_YEARS };

enum dml_axis_kind { DML_AXIS_CAT, DML_AXIS_VAL, DML_AXIS_DATE, DML_AXIS_SER };
enum dml_axis_pos { DML_AXPOS_B, DML_AXPOS_L, DML_AXPOS_R, DML_AXPOS_T };
enum dml_tick_mark { DML_TICK_NONE, DML_TICK_IN, DML_TICK_OUT, DML_TICK_CROSS };
enum dml_tick_lbl { DML_TICKLBL_NEXT_TO, DML_TICKLBL_LOW, DML_TICKLBL_HIGH,
	DML_TICKLBL_NONE };
enum dml_crosses { DML_CROSSES_AUTO_ZERO, DML_CROSSES_MIN, DML_CROSSES_MAX,
	DML_CROSSES_AT };
enum dml_legend_pos { DML_LEGEND_R, DML_LEGEND_L, DML_LEGEND_T, DML_LEGEND_B,
	DML_LEGEND_TR };

/* c:spPr: fill and outline (kind UNSET / has_line 0 when not given). */
typedef struct dml_chart_sppr {
	dml_fill fill;
	uint8_t has_line;
	dml_line line;
} dml_chart_sppr;

/* Text formatting: c:txPr's first-paragraph defRPr. */
typedef struct dml_chart_txpr {
	uint8_t has;
	dml_rpr rpr;
	int32_t rot_60k;      /* bodyPr@rot; INT32_MIN when not given */
} dml_chart_txpr;

/* A title: rich text, a referenced string, or automatic. */
typedef struct dml_chart_title {
	uint8_t has;          /* the element is present */
	uint8_t overlay;
	dml_text_body *rich;  /* c:tx/c:rich, NULL otherwise */
	const char *str;      /* c:tx/c:strRef cache or c:v */
	dml_chart_txpr txpr;
	dml_chart_sppr sppr;
} dml_chart_title;

typedef struct dml_chart_dlbls {
	uint8_t has;
	uint8_t show_val, show_pct, show_cat, show_ser, deleted;
	uint8_t pos;          /* enum dml_dlbl_pos */
	const char *num_fmt;  /* NULL: source-linked */
	dml_chart_txpr txpr;
	dml_chart_sppr sppr;
} dml_chart_dlbls;

typedef struct dml_chart_marker {
	uint8_t symbol;       /* enum dml_marker_symbol */
	uint8_t size;         /* points, 2..72; 0 = default */
	dml_chart_sppr sppr;
} dml_chart_marker;

/* c:dPt: formatting of one data point. */
typedef struct dml_chart_dpt {
	uint32_t idx;
	uint8_t has_explosion;
	uint32_t explosion_pct;
	dml_chart_sppr sppr;
	dml_chart_marker marker;
	uint8_t has_marker;
} dml_chart_dpt;

typedef struct dml_chart_series {
	uint32_t idx, order;
	const char *name;     /* c:tx; NULL if none */
	uint32_t n_pts;       /* values; NAN where the cache has no point */
	double *val;
	double *xval;         /* scatter, bubble: c:xVal numbers, or NULL */
	double *bsize;        /* bubble: c:bubbleSize, n_pts long; NULL if none */
	uint32_t n_cat;
	const char **cat;     /* category labels (c:cat or c:xVal strings) */
	double *cat_num;      /* the numbers behind them when the source is
	                         numeric (dates on a date axis), or NULL */
	const char *val_fmt;  /* c:numCache/c:formatCode */
	const char *cat_fmt;
	dml_chart_sppr sppr;
	uint8_t has_marker;
	dml_chart_marker marker;
	uint8_t smooth;
	uint8_t invert_if_negative;
	uint32_t explosion_pct;
	dml_chart_dpt *dpts;
	uint32_t n_dpts;
	dml_chart_dlbls dlbls;
} dml_chart_series;

/* One plot group: barChart, lineChart, ... sharing a pair of axes. */
typedef struct dml_chart_group {
	uint8_t type;         /* enum dml_chart_type */
	uint8_t horizontal;   /* barDir="bar" */
	uint8_t grouping;     /* enum dml_chart_grouping */
	uint8_t vary_colors;
	uint8_t show_markers; /* lineChart c:marker (default 1) */
	uint8_t scatter_lines;/* scatterStyle has lines */
	uint8_t stock;        /* stockChart (drawn as a line group) */
	uint8_t radar_style;  /* enum dml_radar_style */
	uint8_t bubble_area;  /* sizeRepresents="area" (default) or "w" */
	uint8_t show_neg_bubbles;
	int32_t bubble_scale; /* percent, 0..300 (default 100) */
	uint8_t has_hilow;    /* stock: c:hiLowLines */
	dml_chart_sppr hilow_sppr;
	uint8_t has_updown;   /* stock: c:upDownBars */
	int32_t updown_gap;   /* its gapWidth, percent */
	dml_chart_sppr up_sppr, down_sppr;
	uint8_t has_up_sppr, has_down_sppr;
	uint8_t has_overlap;
	int32_t gap_width;    /* percent of a bar, 0..500 (default 150) */
	int32_t overlap;      /* -100..100 */
	int32_t first_slice_ang; /* degrees */
	int32_t hole_size;    /* percent, 10..90 */
	uint32_t ax_id[2];
	uint8_t n_ax;
	dml_chart_series *series;
	uint32_t n_series;
	dml_chart_dlbls dlbls;
} dml_chart_group;

typedef struct dml_chart_axis {
	uint32_t id;
	uint8_t kind;         /* enum dml_axis_kind */
	uint8_t deleted;
	uint8_t pos;          /* enum dml_axis_pos */
	uint8_t reversed;     /* orientation maxMin */
	uint8_t has_min, has_max, has_major;
	double min, max, major;
	double log_base;      /* 0 = linear */
	uint8_t major_grid, minor_grid;
	dml_chart_sppr major_grid_sppr, minor_grid_sppr;
	const char *num_fmt;  /* c:numFmt@formatCode */
	uint8_t source_linked;
	uint8_t major_tick, minor_tick; /* enum dml_tick_mark */
	uint8_t tick_lbl;     /* enum dml_tick_lbl */
	uint8_t crosses;      /* enum dml_crosses */
	double crosses_at;
	uint8_t between;      /* crossBetween="between" (1) or "midCat" (0) */
	uint8_t has_between;
	uint32_t cross_ax;
	uint8_t base_unit;    /* date axes: baseTimeUnit (enum dml_time_unit) */
	uint8_t major_unit;   /* majorTimeUnit; AUTO: the base unit */
	dml_chart_sppr sppr;
	dml_chart_txpr txpr;
	dml_chart_title title;
} dml_chart_axis;

/* c:manualLayout in fractions of the chart; has = 0 for automatic. */
typedef struct dml_chart_layout {
	uint8_t has;
	uint8_t inner;        /* layoutTarget="inner" */
	uint8_t x_edge, y_edge; /* 1: "edge" (absolute), 0: "factor" */
	double x, y, w, h;
} dml_chart_layout;

typedef struct dml_chart_legend {
	uint8_t has;
	uint8_t pos;          /* enum dml_legend_pos */
	uint8_t overlay;
	dml_chart_layout layout;
	uint32_t *deleted;    /* c:legendEntry with c:delete: entry indices */
	uint32_t n_deleted;
	dml_chart_txpr txpr;
	dml_chart_sppr sppr;
} dml_chart_legend;

struct dml_chart {
	const char *part;     /* the chart part, for messages */
	int32_t style;        /* c:style, 2 by default */
	uint8_t rounded;
	uint8_t auto_title_deleted;
	dml_chart_title title;
	dml_chart_layout plot_layout;
	dml_chart_group *groups;
	uint32_t n_groups;
	dml_chart_axis *axes;
	uint32_t n_axes;
	dml_chart_legend legend;
	dml_chart_sppr space_sppr, plot_sppr;
	uint8_t has_space_sppr, has_plot_sppr;
	dml_chart_txpr txpr;
	uint8_t disp_blanks_zero;
};

/* Release the media references the chart holds. NULL is allowed. */
void dml_chart_release(dml_chart *t);

/*
 * Automatic value-axis scaling the way Office chooses it. @lo/@hi are the
 * data extremes (stacked sums already applied), @max_intervals the most
 * major intervals the axis has room for (Office uses about 8 on a chart
 * of ordinary size; fewer on small ones). Explicit bounds and unit
 * (has_min/has_max/has_major) are kept. On return *min < *max and *major
 * > 0 divides the range into at most 200 steps. Pure; thread-safe.
 */
void dml_chart_axis_auto(double lo, double hi, int has_min, double min_in,
                         int has_max, double max_in, int has_major,
                         double major_in, int max_intervals, double *min,
                         double *max, double *major);

/*
 * Automatic scaling of a logarithmic axis (scaling/logBase @base, 2..1000):
 * whole powers of @base round the positive data @lo..@hi (lo <= 0 or no
 * data: 1..base); explicit positive bounds are kept. *major is the step
 * in powers of @base between ticks: 1, or log_base(majorUnit) when an
 * explicit majorUnit above 1 is given (Office stores the factor); at most
 * 200 steps. Pure; thread-safe.
 */
void dml_chart_axis_log(double lo, double hi, int has_min, double min_in,
                        int has_max, double max_in, int has_major,
                        double major_in, double base, double *min, double *max,
                        double *major);

/*
 * Date axes (serial day numbers of the 1900 system): whole @unit steps
 * (days, months, years; AUTO counts days) from the date of @from to the
 * date of @to (negative when earlier), and the serial @k units after
 * @from (the day of the month clamped to the month's length). Pure.
 */
int64_t dml_chart_date_diff(double from, double to, int unit);
double dml_chart_date_add(double from, int64_t k, int unit);

/*
 * Format @v with a spreadsheet number format (General, 0, 0.0, #,##0,
 * 0%, 0.00%, currency literals and [$sym-lcid], "text" and \x literals,
 * positive;negative;zero sections, dates d/m/y). NULL or "General" is
 * Excel's General. Writes a NUL-terminated string into @out (@size > 0).
 * Pure; thread-safe.
 */
void dml_chart_format_number(double v, const char *fmt, char *out, size_t size);

/* 1 if the series colours of c:style @style vary per accent (2, 10, 18,
 * ...); fills @out with the default colour of series / point @i. */
void dml_chart_default_color(int32_t style, uint32_t i, uint32_t n,
                             dml_color *out);

#endif
