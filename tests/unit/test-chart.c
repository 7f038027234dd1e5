/*
 * Unit tests for model/dml-chart.c: automatic value-axis scaling against
 * what Excel and PowerPoint show for typical data (zero baseline, 5 %
 * headroom, 1-2-5 major units, the top-sixth rule, explicit bounds), and
 * the spreadsheet number formats charts use for tick and data labels.
 */
#include "model/dml-chart.h"

#include "tinytest.h"

static void
check_auto(double lo, double hi, double want_min, double want_max,
           double want_major, int line)
{
	double mn, mx, mj;

	dml_chart_axis_auto(lo, hi, 0, 0, 0, 0, 0, 0, 8, &mn, &mx, &mj);
	if (fabs(mn - want_min) > 1e-9 || fabs(mx - want_max) > 1e-9 ||
	    fabs(mj - want_major) > 1e-9) {
		tt_failed++;
		fprintf(stderr, "line %d: data %g..%g -> %g..%g by %g, expected "
		        "%g..%g by %g\n", line, lo, hi, mn, mx, mj, want_min,
		        want_max, want_major);
	}
	else
		tt_passed++;
}

static void
test_axis_auto(void)
{
	double mn, mx, mj;

	check_auto(0, 47, 0, 50, 10, __LINE__);
	check_auto(1.2, 8.2, 0, 10, 2, __LINE__);     /* bar-chart audit deck */
	check_auto(12, 47, 0, 50, 10, __LINE__);
	check_auto(0, 100, 0, 120, 20, __LINE__);     /* 5 % headroom */
	check_auto(3, 31, 0, 35, 5, __LINE__);
	check_auto(0.1, 0.9, 0, 1, 0.2, __LINE__);
	check_auto(1200, 15050, 0, 16000, 2000, __LINE__);
	check_auto(-4500, 15250, -10000, 20000, 5000, __LINE__);
	check_auto(-30, -5, -35, 0, 5, __LINE__);
	/* all values in the top sixth: the axis does not start at zero */
	dml_chart_axis_auto(90, 100, 0, 0, 0, 0, 0, 0, 8, &mn, &mx, &mj);
	CHECK(mn > 0 && mn <= 85 && mx >= 100 && mx <= 105);
	check_auto(0, 0, 0, 1, 0.2, __LINE__);        /* no data */
	check_auto(5, 5, 0, 6, 1, __LINE__);          /* one value */
	/* explicit bounds keep; the unit fits them (canopy deck: 60..72) */
	dml_chart_axis_auto(63.1, 69.1, 1, 60, 1, 72, 0, 0, 7, &mn, &mx, &mj);
	CHECK_NEAR(mn, 60, 1e-9);
	CHECK_NEAR(mx, 72, 1e-9);
	CHECK_NEAR(mj, 2, 1e-9);
	dml_chart_axis_auto(0.5, 9.5, 1, 0, 1, 10, 1, 2, 8, &mn, &mx, &mj);
	CHECK_NEAR(mj, 2, 1e-9);
	/* explicit min above the data: still a usable range */
	dml_chart_axis_auto(1, 5, 1, 10, 0, 0, 0, 0, 8, &mn, &mx, &mj);
	CHECK(mx > mn && mj > 0);
	/* hostile: huge ranges, a tiny explicit unit, NaN */
	dml_chart_axis_auto(-1e300, 1e300, 0, 0, 0, 0, 0, 0, 8, &mn, &mx, &mj);
	CHECK(mx > mn && mj > 0 && (mx - mn) / mj <= 200.5);
	dml_chart_axis_auto(0, 1e9, 0, 0, 0, 0, 1, 1e-9, 8, &mn, &mx, &mj);
	CHECK((mx - mn) / mj <= 200.5);
	dml_chart_axis_auto(NAN, NAN, 0, 0, 0, 0, 0, 0, 8, &mn, &mx, &mj);
	CHECK(mx > mn && mj > 0);
}

static void
check_fmt(double v, const char *fmt, const char *want, int line)
{
	char buf[64];

	dml_chart_format_number(v, fmt, buf, sizeof buf);
	if (strcmp(buf, want)) {
		tt_failed++;
		fprintf(stderr, "line %d: %g with \"%s\" -> \"%s\", expected \"%s\"\n",
		        line, v, fmt ? fmt : "(null)", buf, want);
	}
	else
		tt_passed++;
}

static void
test_format(void)
{
	char small[4];

	check_fmt(8.200000000000001, "General", "8.2", __LINE__);
	check_fmt(68.2, NULL, "68.2", __LINE__);
	check_fmt(0, "General", "0", __LINE__);
	check_fmt(-3.5, "General", "-3.5", __LINE__);
	check_fmt(1.0 / 3, "General", "0.333333333", __LINE__);
	check_fmt(123456789012.0, "General", "1.23457E+11", __LINE__);
	check_fmt(0.00001234, "General", "1.234E-05", __LINE__);
	check_fmt(2.5, "0", "3", __LINE__);
	check_fmt(4, "0.0", "4.0", __LINE__);
	check_fmt(3.14159, "0.00", "3.14", __LINE__);
	check_fmt(1234567.891, "#,##0", "1,234,568", __LINE__);
	check_fmt(1234.5, "#,##0.00", "1,234.50", __LINE__);
	check_fmt(-1234.5, "#,##0", "-1,235", __LINE__);
	check_fmt(0.256, "0%", "26%", __LINE__);
	check_fmt(0.2567, "0.0%", "25.7%", __LINE__);
	check_fmt(1, "0%", "100%", __LINE__);
	check_fmt(12000, "\"$\"#,##0", "$12,000", __LINE__);
	check_fmt(-4500, "\"$\"#,##0", "-$4,500", __LINE__);
	check_fmt(-4500, "\"$\"#,##0;-\"$\"#,##0", "-$4,500", __LINE__);
	check_fmt(-4500, "#,##0;(#,##0)", "(4,500)", __LINE__);
	check_fmt(0, "#,##0;(#,##0);\"-\"", "-", __LINE__);
	check_fmt(1500.5, "[$\xe2\x82\xac-407]#,##0.00", "\xe2\x82\xac" "1,500.50", __LINE__);
	check_fmt(1500, "$#,##0", "$1,500", __LINE__);
	check_fmt(25, "0 \"m\"", "25 m", __LINE__);
	check_fmt(3, "0\\x", "3x", __LINE__);
	check_fmt(2500000, "#,##0,,\"M\"", "3M", __LINE__);
	check_fmt(2500, "0.0,\"k\"", "2.5k", __LINE__);
	check_fmt(12345, "0.00E+00", "1.23E+04", __LINE__);
	check_fmt(0.5, "#.##", ".5", __LINE__);
	check_fmt(7, "[Red]0", "7", __LINE__);
	check_fmt(-7, "0;[Red]-0", "-7", __LINE__);
	/* dates: serial 45292 is 2024-01-01 (a Monday) */
	check_fmt(45292, "yyyy-mm-dd", "2024-01-01", __LINE__);
	check_fmt(45292, "m/d/yyyy", "1/1/2024", __LINE__);
	check_fmt(45323, "mmm yy", "Feb 24", __LINE__);
	check_fmt(45292, "dddd", "Monday", __LINE__);
	check_fmt(45292.75, "h:mm", "18:00", __LINE__);
	check_fmt(45292.75, "h:mm AM/PM", "6:00 PM", __LINE__);
	check_fmt(59, "yyyy-mm-dd", "1900-02-28", __LINE__);
	check_fmt(61, "yyyy-mm-dd", "1900-03-01", __LINE__);
	/* accounting, text placeholder, conditions, fractions, elapsed time */
	check_fmt(1234, "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", " 1,234 ",
	          __LINE__);
	check_fmt(0, "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", " - ", __LINE__);
	check_fmt(12, "@", "12", __LINE__);
	check_fmt(1500, "[>=1000]#,##0,\"K\";0", "2K", __LINE__);
	check_fmt(500, "[>=1000]#,##0,\"K\";0", "500", __LINE__);
	check_fmt(5, "[Red][<10]0.0;0", "5.0", __LINE__);
	check_fmt(0.75, "# ?/?", "3/4", __LINE__);
	check_fmt(1.5, "# ?\?/?\?", "1 1/2", __LINE__);
	check_fmt(-2.25, "# ?/?", "-2 1/4", __LINE__);
	check_fmt(0.3, "?/4", "1/4", __LINE__);
	check_fmt(3, "# ?/?", "3", __LINE__);
	check_fmt(1.5, "[h]:mm", "36:00", __LINE__);
	check_fmt(45292, "[$-409]mmm-yy;@", "Jan-24", __LINE__);
	/* text sections and a tiny buffer never overflow */
	check_fmt(5, "\"n/a\"", "n/a", __LINE__);
	dml_chart_format_number(123456.789, "#,##0.00", small, sizeof small);
	CHECK_INT(strlen(small), 3);
	dml_chart_format_number(1e308, "0.000000000000000000000000000000", small,
	                        sizeof small);
	CHECK_INT(strlen(small), 3);
}

static void
test_default_colors(void)
{
	dml_color c;

	dml_chart_default_color(2, 0, 3, &c);
	CHECK_INT(c.kind, DML_COLOR_SCHEME);
	CHECK_INT(c.slot, DML_SLOT_ACCENT1);
	CHECK_INT(c.n_mods, 0);
	dml_chart_default_color(2, 5, 9, &c);
	CHECK_INT(c.slot, DML_SLOT_ACCENT6);
	/* the seventh series: accent1 darker (lumMod 60 %) */
	dml_chart_default_color(2, 6, 9, &c);
	CHECK_INT(c.slot, DML_SLOT_ACCENT1);
	CHECK_INT(c.n_mods, 1);
	CHECK_INT(c.mods[0].op, DML_CMOD_LUM_MOD);
	CHECK_INT(c.mods[0].val, 60000);
	/* then lighter: lumMod 80 % lumOff 20 % */
	dml_chart_default_color(2, 12, 18, &c);
	CHECK_INT(c.n_mods, 2);
	CHECK_INT(c.mods[1].val, 20000);
	/* a monochrome style: one accent for all series */
	dml_chart_default_color(3, 0, 3, &c);
	CHECK_INT(c.slot, DML_SLOT_ACCENT1);
	dml_chart_default_color(4, 2, 3, &c);
	CHECK_INT(c.slot, DML_SLOT_ACCENT2);
}

static void
test_axis_log(void)
{
	double mn, mx, mj;

	/* whole decades round the data */
	dml_chart_axis_log(3, 900000, 0, 0, 0, 0, 0, 0, 10, &mn, &mx, &mj);
	CHECK_NEAR(mn, 1, 1e-12);
	CHECK_NEAR(mx, 1e6, 1e-6);
	CHECK_NEAR(mj, 1, 1e-12);
	dml_chart_axis_log(0.02, 0.5, 0, 0, 0, 0, 0, 0, 10, &mn, &mx, &mj);
	CHECK_NEAR(mn, 0.01, 1e-12);
	CHECK_NEAR(mx, 1, 1e-12);
	/* exact powers stay: 10..1000 is not widened */
	dml_chart_axis_log(10, 1000, 0, 0, 0, 0, 0, 0, 10, &mn, &mx, &mj);
	CHECK_NEAR(mn, 10, 1e-9);
	CHECK_NEAR(mx, 1000, 1e-9);
	/* base 2, explicit min and a major unit of 4 (two powers of 2) */
	dml_chart_axis_log(3, 100, 1, 2, 0, 0, 1, 4, 2, &mn, &mx, &mj);
	CHECK_NEAR(mn, 2, 1e-12);
	CHECK_NEAR(mx, 128, 1e-9);
	CHECK_NEAR(mj, 2, 1e-12);
	/* no positive data, a bad explicit min: 1..base */
	dml_chart_axis_log(-5, -1, 1, -3, 0, 0, 0, 0, 10, &mn, &mx, &mj);
	CHECK_NEAR(mn, 1, 1e-12);
	CHECK_NEAR(mx, 10, 1e-12);
	/* hostile: the whole double range stays within 200 steps */
	dml_chart_axis_log(1e-300, 1e300, 0, 0, 0, 0, 0, 0, 2, &mn, &mx, &mj);
	CHECK(mx > mn && mj > 0 && (log(mx) - log(mn)) / log(2) / mj <= 200.5);
}

int
main(void)
{
	test_axis_auto();
	test_axis_log();
	test_format();
	test_default_colors();
	return TT_DONE();
}
