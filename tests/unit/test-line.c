/*
 * Unit tests for outlines (render/draw-line.c): where the strips of each
 * compound type land across a line (thick strip on the left of travel,
 * the outside of a clockwise shape), algn="in" keeping the whole line
 * inside a closed outline, and custom dashes scaled by the width.
 */
#include "render/draw-imp.h"

#include "tinytest.h"

#include <stdlib.h>

enum { SW = 120, SH = 120 };

/* A transparent ARGB canvas (the renderer draws on ARGB too). */
static cairo_surface_t *
canvas(cairo_t **cr)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, SW, SH);
	*cr = cairo_create(s);
	return s;
}

static int
alpha_at(cairo_surface_t *s, int x, int y)
{
	cairo_surface_flush(s);
	return cairo_image_surface_get_data(s)[y * cairo_image_surface_get_stride(s) + 4 * x + 3];
}

static dml_line
line_of(int cmpd, int algn)
{
	dml_line ln;

	memset(&ln, 0, sizeof ln);
	ln.cmpd = (uint8_t) cmpd;
	ln.pen_algn = (uint8_t) algn;
	ln.cap = 1;  /* flat */
	ln.join = 3; /* miter */
	return ln;
}

/* Stroke a horizontal line at y=60 from x=10 to 110, 60 px wide, and
 * return the coverage profile down column 60 (rows 30..89). */
static void
profile(int cmpd, int out[60])
{
	cairo_t *cr;
	cairo_surface_t *s = canvas(&cr);
	dml_line ln = line_of(cmpd, DML_PEN_UNSET);
	dml_rgba white = { 1, 1, 1, 1 };

	cairo_move_to(cr, 10, 60);
	cairo_line_to(cr, 110, 60);
	draw_line_stroke(cr, &ln, white, 60);
	cairo_new_path(cr);
	for (int i = 0; i < 60; i++)
		out[i] = alpha_at(s, 60, 30 + i);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* Rows [a, b) of the profile are all covered (1) or all clear (0). */
static int
rows_are(const int p[60], int a, int b, int on)
{
	for (int i = a; i < b; i++)
		if (on ? p[i] != 255 : p[i] != 0)
			return 0;
	return 1;
}

static void
test_compound_strips(void)
{
	int p[60];

	/* travelling right, the left side is up: row 0 is the left edge */
	profile(DML_LN_CMPD_SNG, p);
	CHECK(rows_are(p, 0, 60, 1));
	profile(DML_LN_CMPD_DBL, p);      /* 1:1:1 */
	CHECK(rows_are(p, 0, 20, 1));
	CHECK(rows_are(p, 20, 40, 0));
	CHECK(rows_are(p, 40, 60, 1));
	profile(DML_LN_CMPD_THICK_THIN, p); /* 2:1:1, thick on the left */
	CHECK(rows_are(p, 0, 30, 1));
	CHECK(rows_are(p, 30, 45, 0));
	CHECK(rows_are(p, 45, 60, 1));
	profile(DML_LN_CMPD_THIN_THICK, p); /* 1:1:2 */
	CHECK(rows_are(p, 0, 15, 1));
	CHECK(rows_are(p, 15, 30, 0));
	CHECK(rows_are(p, 30, 60, 1));
	profile(DML_LN_CMPD_TRI, p);      /* 1:1:2:1:1 */
	CHECK(rows_are(p, 0, 10, 1));
	CHECK(rows_are(p, 10, 20, 0));
	CHECK(rows_are(p, 20, 40, 1));
	CHECK(rows_are(p, 40, 50, 0));
	CHECK(rows_are(p, 50, 60, 1));
}

/* A clockwise square 40..80 with a 10 px line: inside it covers 40..50
 * (and 70..80 from the other side), centred 35..45; thickThin (20 px)
 * puts its thick strip outside. */
static void
test_inside_and_closed_sides(void)
{
	cairo_t *cr;
	cairo_surface_t *s;
	dml_line ln = line_of(DML_LN_CMPD_SNG, DML_PEN_IN);
	cairo_pattern_t *src = cairo_pattern_create_rgba(1, 1, 1, 1);

	s = canvas(&cr);
	cairo_rectangle(cr, 40, 40, 40, 40);
	draw_line_stroke_source(cr, &ln, src, 10, 1);
	cairo_new_path(cr);
	CHECK_INT(alpha_at(s, 38, 60), 0);   /* nothing outside */
	CHECK_INT(alpha_at(s, 40, 60), 255); /* inside, from the edge */
	CHECK_INT(alpha_at(s, 48, 60), 255);
	CHECK_INT(alpha_at(s, 51, 60), 0);
	CHECK_INT(alpha_at(s, 60, 60), 0);
	cairo_destroy(cr);
	cairo_surface_destroy(s);

	/* the same outline of an open shape's path is centred */
	s = canvas(&cr);
	cairo_rectangle(cr, 40, 40, 40, 40);
	draw_line_stroke_source(cr, &ln, src, 10, 0);
	cairo_new_path(cr);
	CHECK_INT(alpha_at(s, 36, 60), 255);
	CHECK_INT(alpha_at(s, 46, 60), 0);
	cairo_destroy(cr);
	cairo_surface_destroy(s);

	/* thickThin, centred on x=40 (left edge, travelling up): thick
	 * 30..40 outside, gap 40..45, thin 45..50 inside */
	ln = line_of(DML_LN_CMPD_THICK_THIN, DML_PEN_CTR);
	s = canvas(&cr);
	cairo_rectangle(cr, 40, 40, 40, 40);
	draw_line_stroke_source(cr, &ln, src, 20, 1);
	cairo_new_path(cr);
	CHECK_INT(alpha_at(s, 31, 60), 255);
	CHECK_INT(alpha_at(s, 38, 60), 255);
	CHECK_INT(alpha_at(s, 42, 60), 0);
	CHECK_INT(alpha_at(s, 47, 60), 255);
	CHECK_INT(alpha_at(s, 52, 60), 0);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	cairo_pattern_destroy(src);
}

/* Open path with a corner: a thinThick line's strips stay on their sides
 * round the bend, the thick one reaching the centre line exactly. */
static void
test_open_corner(void)
{
	cairo_t *cr;
	cairo_surface_t *s = canvas(&cr);
	dml_line ln = line_of(DML_LN_CMPD_THIN_THICK, DML_PEN_UNSET);
	dml_rgba white = { 1, 1, 1, 1 };
	int min_inside = 255;

	/* right along y=40, then down along x=80: left is up, then right */
	cairo_move_to(cr, 10, 40);
	cairo_line_to(cr, 80, 40);
	cairo_line_to(cr, 80, 110);
	draw_line_stroke(cr, &ln, white, 20);
	cairo_new_path(cr);
	/* thin strip 30..35 above the first leg, thick 40..50 below it */
	CHECK_INT(alpha_at(s, 40, 32), 255);
	CHECK_INT(alpha_at(s, 40, 37), 0);
	CHECK_INT(alpha_at(s, 40, 45), 255);
	/* second leg: thin 85..90 to its left (east of travel south is
	 * left), thick 70..80 to its right */
	CHECK_INT(alpha_at(s, 87, 80), 255);
	CHECK_INT(alpha_at(s, 82, 80), 0);
	CHECK_INT(alpha_at(s, 75, 80), 255);
	for (int x = 20; x < 70; x++) {
		int a = alpha_at(s, x, 40);
		min_inside = a < min_inside ? a : min_inside;
		CHECK_INT(alpha_at(s, x, 39), 0);
	}
	CHECK_INT(min_inside, 255);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

static void
test_custom_dash(void)
{
	cairo_t *cr;
	cairo_surface_t *s = canvas(&cr);
	dml_line ln = line_of(DML_LN_CMPD_UNSET, DML_PEN_UNSET);
	dml_rgba white = { 1, 1, 1, 1 };

	/* dash 300 %, space 100 % of a 4 px line: 12 on, 4 off */
	ln.dash = "custom";
	ln.n_cust_dash = 2;
	ln.cust_dash_pct1k[0] = 300000;
	ln.cust_dash_pct1k[1] = 100000;
	cairo_move_to(cr, 0, 60);
	cairo_line_to(cr, 120, 60);
	draw_line_stroke(cr, &ln, white, 4);
	cairo_new_path(cr);
	CHECK_INT(alpha_at(s, 1, 60), 255);
	CHECK_INT(alpha_at(s, 10, 60), 255);
	CHECK_INT(alpha_at(s, 13, 60), 0);
	CHECK_INT(alpha_at(s, 15, 60), 0);
	CHECK_INT(alpha_at(s, 17, 60), 255);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

int
main(void)
{
	test_compound_strips();
	test_inside_and_closed_sides();
	test_open_corner();
	test_custom_dash();
	return TT_DONE();
}
