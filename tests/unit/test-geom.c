/*
 * Unit tests for the geometry engine: guide operators and built-ins
 * (render/draw-geom.c), the preset table (model/dml-geom.c), custGeom and
 * avLst parsing (load/load-geom.c), arcTo, and every preset evaluating to
 * finite coordinates.
 */
#include "load/load-geom.h"
#include "model/dml-geom.h"
#include "render/draw-geom.h"

#include "tinytest.h"

#include <libxml/parser.h>
#include <stdlib.h>

/* S2P_TESTABLE in render/draw-geom.c */
double draw_geom_op(int op, double x, double y, double z);

#define A_NS "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""

typedef struct bbox {
	double x0, y0, x1, y1;
} bbox;

/* Extents of @p as cairo computes them (curves exact, not control points). */
static bbox
path_bbox(const cairo_path_t *p)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	cairo_t *cr = cairo_create(s);
	bbox b;

	cairo_append_path(cr, p);
	cairo_path_extents(cr, &b.x0, &b.y0, &b.x1, &b.y1);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return b;
}

static bbox
geom_bbox(const dml_geom *g, double w, double h)
{
	draw_geom_out out;
	bbox b = { 1e300, 1e300, -1e300, -1e300 };
	size_t i;

	if (draw_geom_eval(g, NULL, 0, w, h, &out, NULL))
		return b;
	for (i = 0; i < out.n_paths; i++) {
		bbox p = path_bbox(out.paths[i].path);

		if (p.x1 < p.x0)
			continue;
		b.x0 = fmin(b.x0, p.x0);
		b.y0 = fmin(b.y0, p.y0);
		b.x1 = fmax(b.x1, p.x1);
		b.y1 = fmax(b.y1, p.y1);
	}
	draw_geom_out_fini(&out);
	return b;
}

static void
check_bbox(const char *name, double w, double h, double x0, double y0,
           double x1, double y1)
{
	const dml_geom *g = dml_geom_preset(name);
	bbox b;

	CHECK(g != NULL);
	if (!g)
		return;
	b = geom_bbox(g, w, h);
	CHECK_NEAR(b.x0, x0, 0.01);
	CHECK_NEAR(b.y0, y0, 0.01);
	CHECK_NEAR(b.x1, x1, 0.01);
	CHECK_NEAR(b.y1, y1, 0.01);
}

/* Last point of the last element of @p. */
static void
path_end(const cairo_path_t *p, double *x, double *y)
{
	int i, last = -1;

	*x = *y = -1e300;
	for (i = 0; i < p->num_data; i += p->data[i].header.length)
		if (p->data[i].header.length > 1)
			last = i;
	if (last < 0)
		return;
	i = last + p->data[last].header.length - 1;
	*x = p->data[i].point.x;
	*y = p->data[i].point.y;
}

/* Parse the first element of @xml; the caller frees the returned doc. */
static xmlDoc *
parse_xml(const char *xml, xmlNode **root)
{
	xmlDoc *doc = xmlReadMemory(xml, (int) strlen(xml), "test.xml", NULL,
	                            XML_PARSE_NONET);

	*root = doc ? xmlDocGetRootElement(doc) : NULL;
	return doc;
}

/* Parse @xml as a:custGeom into @a; NULL (with @err) on failure. */
static dml_geom *
parse_cust(const char *xml, s2p_arena *a, s2p_error *err)
{
	xmlNode *root;
	xmlDoc *doc = parse_xml(xml, &root);
	dml_geom *g;

	if (!doc)
		return NULL;
	g = load_geom_parse_cust(root, a, err);
	xmlFreeDoc(doc);
	return g;
}

static void
test_ops(void)
{
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_VAL, 5, 0, 0), 5, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MULDIV, 6, 4, 3), 8, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MULDIV, 6, 4, 0), 0, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_ADDSUB, 1, 2, 3), 0, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_ADDSUB, 10, 5, -1), 16, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_ADDDIV, 4, 6, 5), 2, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_ADDDIV, 4, 6, 0), 0, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_IFELSE, 1, 7, 9), 7, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_IFELSE, 0, 7, 9), 9, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_IFELSE, -1, 7, 9), 9, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_ABS, -5, 0, 0), 5, 0);
	/* at2 x y = atan(y / x), in 60000ths of a degree. */
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_AT2, 1, 1, 0), 2700000, 1e-3);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_AT2, 0, 1, 0), 5400000, 1e-3);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_AT2, -1, 0, 0), 10800000, 1e-3);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_AT2, 1, -1, 0), -2700000, 1e-3);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_AT2, 0, 0, 0), 0, 0);
	/* cat2 x y z = x cos(atan(z / y)), sat2 likewise with sin. */
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_CAT2, 10, 3, 4), 6, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_SAT2, 10, 3, 4), 8, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_CAT2, 10, 0, 1), 0, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_SAT2, 10, -1, 0), 0, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_CAT2, 10, -1, 0), -10, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_COS, 10, 0, 0), 10, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_COS, 10, 5400000, 0), 0, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_COS, 10, 10800000, 0), -10, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_SIN, 10, 5400000, 0), 10, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_SIN, 10, 1800000, 0), 5, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_TAN, 10, 2700000, 0), 10, 1e-9);
	CHECK(isfinite(draw_geom_op(DML_GEOM_OP_TAN, 1e300, 5400000, 0)));
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MAX, 3, 7, 0), 7, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MIN, 3, 7, 0), 3, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MOD, 3, 4, 0), 5, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MOD, 1, 2, 2), 3, 1e-9);
	/* pin x y z: y clamped to [x, z], testing y < x first. */
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_PIN, 10, 5, 20), 10, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_PIN, 10, 25, 20), 20, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_PIN, 10, 15, 20), 15, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_PIN, 20, 15, 10), 20, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_SQRT, 16, 0, 0), 4, 1e-9);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_SQRT, -4, 0, 0), 0, 0);
	CHECK_NEAR(draw_geom_op(999, 1, 2, 3), 0, 0);
	CHECK_NEAR(draw_geom_op(DML_GEOM_OP_MULDIV, 1e300, 1e300, 1), 0, 0);
}

/* Every built-in through a:rect@l of a custGeom, at w = 1200, h = 600. */
static void
test_builtins(void)
{
	static const struct { const char *name; double val; } cases[] = {
		{ "w", 1200 }, { "h", 600 }, { "ss", 600 }, { "ls", 1200 },
		{ "l", 0 }, { "t", 0 }, { "r", 1200 }, { "b", 600 },
		{ "hc", 600 }, { "vc", 300 },
		{ "wd2", 600 }, { "wd3", 400 }, { "wd4", 300 }, { "wd5", 240 },
		{ "wd6", 200 }, { "wd8", 150 }, { "wd10", 120 }, { "wd12", 100 },
		{ "wd32", 37.5 },
		{ "hd2", 300 }, { "hd3", 200 }, { "hd4", 150 }, { "hd5", 120 },
		{ "hd6", 100 }, { "hd8", 75 }, { "hd10", 60 }, { "hd12", 50 },
		{ "hd32", 18.75 },
		{ "ssd2", 300 }, { "ssd4", 150 }, { "ssd6", 100 }, { "ssd8", 75 },
		{ "ssd16", 37.5 }, { "ssd32", 18.75 },
		{ "cd2", 10800000 }, { "cd4", 5400000 }, { "cd8", 2700000 },
		{ "3cd4", 16200000 }, { "3cd8", 8100000 }, { "5cd8", 13500000 },
		{ "7cd8", 18900000 },
	};
	size_t i;

	CHECK_INT(dml_geom_builtin_find("wd2"), DML_GEOM_B_WD2);
	CHECK_INT(dml_geom_builtin_find("nope"), -1);
	CHECK_STR(dml_geom_builtin_name(DML_GEOM_B_C3D4), "3cd4");
	for (i = 0; i < S2P_ARRAY_LEN(cases); i++) {
		char xml[512];
		s2p_arena *a = s2p_arena_new();
		s2p_error err = { 0 };
		draw_geom_out out;
		dml_geom *g;

		snprintf(xml, sizeof(xml),
		         "<a:custGeom " A_NS "><a:gdLst><a:gd name=\"g\" fmla=\"val %s\"/>"
		         "</a:gdLst><a:rect l=\"%s\" t=\"g\" r=\"r\" b=\"b\"/></a:custGeom>",
		         cases[i].name, cases[i].name);
		g = parse_cust(xml, a, &err);
		CHECK(g != NULL);
		if (g && draw_geom_eval(g, NULL, 0, 1200, 600, &out, &err) == 0) {
			if (fabs(out.text_l - cases[i].val) > 1e-6 ||
			    fabs(out.text_t - cases[i].val) > 1e-6)
				fprintf(stderr, "built-in %s\n", cases[i].name);
			CHECK_NEAR(out.text_l, cases[i].val, 1e-6);
			CHECK_NEAR(out.text_t, cases[i].val, 1e-6);
			CHECK_INT(out.n_paths, 0);
			draw_geom_out_fini(&out);
		}
		s2p_arena_free(a);
	}
}

static void
test_presets_table(void)
{
	size_t i, n = dml_geom_preset_count();

	CHECK_INT(n, 187);
	for (i = 1; i < n; i++)
		CHECK(strcmp(dml_geom_preset_name(i - 1), dml_geom_preset_name(i)) < 0);
	for (i = 0; i < n; i++)
		CHECK(dml_geom_preset(dml_geom_preset_name(i)) ==
		      &dml_geom_preset_table[i]);
	CHECK(dml_geom_preset_name(n) == NULL);
	CHECK(dml_geom_preset("noSuchShape") == NULL);
	CHECK(dml_geom_preset("RECT") == NULL);
	CHECK(dml_geom_preset(NULL) == NULL);
	CHECK(dml_geom_preset("rect") != NULL);
	/* A preset is never copied. */
	CHECK(dml_geom_clone(dml_geom_preset("star5"), NULL) ==
	      dml_geom_preset("star5"));
}

static void
test_bounds(void)
{
	double x, y;
	draw_geom_out out;

	check_bbox("rect", 1000, 500, 0, 0, 1000, 500);
	check_bbox("ellipse", 1000, 500, 0, 0, 1000, 500);
	check_bbox("roundRect", 1000, 500, 0, 0, 1000, 500);
	check_bbox("triangle", 1000, 500, 0, 0, 1000, 500);
	check_bbox("rightArrow", 1000, 500, 0, 0, 1000, 500);
	check_bbox("chevron", 1000, 500, 0, 0, 1000, 500);
	check_bbox("flowChartDecision", 1000, 500, 0, 0, 1000, 500);

	/* rightArrow: the tip is (w, vc), the path is closed. */
	CHECK(draw_geom_eval(dml_geom_preset("rightArrow"), NULL, 0, 1000, 500,
	                     &out, NULL) == 0);
	CHECK_INT(out.n_paths, 1);
	CHECK(out.paths[0].fill == DRAW_FILL_NORM && out.paths[0].stroke);
	CHECK(out.paths[0].path->data[0].header.type == CAIRO_PATH_MOVE_TO);
	CHECK(out.paths[0].path->data[out.paths[0].path->num_data - 1].header.type ==
	      CAIRO_PATH_CLOSE_PATH);
	{
		int i, tip = 0;
		const cairo_path_t *p = out.paths[0].path;

		for (i = 0; i < p->num_data; i += p->data[i].header.length)
			if (p->data[i].header.length == 2 &&
			    fabs(p->data[i + 1].point.x - 1000) < 1e-9 &&
			    fabs(p->data[i + 1].point.y - 250) < 1e-9)
				tip = 1;
		CHECK(tip);
	}
	draw_geom_out_fini(&out);

	/* triangle's apex is at (adj * w, 0) = (hc, 0) by default. */
	CHECK(draw_geom_eval(dml_geom_preset("triangle"), NULL, 0, 1000, 500,
	                     &out, NULL) == 0);
	CHECK_NEAR(out.paths[0].path->data[1].point.x, 0, 1e-9);
	CHECK_NEAR(out.paths[0].path->data[1].point.y, 500, 1e-9);
	path_end(out.paths[0].path, &x, &y);
	CHECK_NEAR(x, 1000, 1e-9);
	CHECK_NEAR(y, 500, 1e-9);
	draw_geom_out_fini(&out);
}

static void
test_text_rect_and_adj(void)
{
	draw_geom_out out;
	dml_adj adj[2] = { { "adj", 50000 }, { "other", 7 } };
	s2p_arena *a = s2p_arena_new();
	s2p_error err = { 0 };
	dml_adj *parsed;
	size_t n;
	xmlNode *root;
	xmlDoc *doc;

	/* ellipse: a:rect is the inscribed box at 45 degrees. */
	CHECK(draw_geom_eval(dml_geom_preset("ellipse"), NULL, 0, 1000, 500,
	                     &out, NULL) == 0);
	CHECK_NEAR(out.text_l, 500 - 500 * sqrt(0.5), 1e-6);
	CHECK_NEAR(out.text_t, 250 - 250 * sqrt(0.5), 1e-6);
	CHECK_NEAR(out.text_r, 500 + 500 * sqrt(0.5), 1e-6);
	CHECK_NEAR(out.text_b, 250 + 250 * sqrt(0.5), 1e-6);
	draw_geom_out_fini(&out);

	/* rect without a:rect in the spec would still be the whole shape. */
	CHECK(draw_geom_eval(dml_geom_preset("line"), NULL, 0, 1000, 500,
	                     &out, NULL) == 0);
	CHECK_NEAR(out.text_r, 1000, 0);
	CHECK_NEAR(out.text_b, 500, 0);
	draw_geom_out_fini(&out);

	/* roundRect: il = ss * adj / 100000 * 29289 / 100000. */
	CHECK(draw_geom_eval(dml_geom_preset("roundRect"), NULL, 0, 1000, 1000,
	                     &out, NULL) == 0);
	CHECK_NEAR(out.text_l, 1000 * 16667 / 100000.0 * 29289 / 100000.0, 1e-6);
	draw_geom_out_fini(&out);
	CHECK(draw_geom_eval(dml_geom_preset("roundRect"), adj, 2, 1000, 1000,
	                     &out, NULL) == 0);
	CHECK_NEAR(out.text_l, 500 * 29289 / 100000.0, 1e-6);
	draw_geom_out_fini(&out);

	/* Overrides parsed from a:avLst; non-"val" formulas are skipped. */
	doc = parse_xml("<a:avLst " A_NS "><a:gd name=\"adj\" fmla=\"val 50000\"/>"
	                "<a:gd name=\"x\" fmla=\"*/ 1 2 3\"/><a:gd fmla=\"val 1\"/>"
	                "<a:gd name=\"adj2\" fmla=\" val  -12 \"/></a:avLst>", &root);
	CHECK(load_geom_parse_avlst(root, a, &parsed, &n, &err) == 0);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(parsed[0].name, "adj");
		CHECK_INT(parsed[0].val, 50000);
		CHECK_STR(parsed[1].name, "adj2");
		CHECK_INT(parsed[1].val, -12);
	}
	xmlFreeDoc(doc);
	CHECK(load_geom_parse_avlst(NULL, a, &parsed, &n, &err) == 0);
	CHECK(parsed == NULL && n == 0);
	doc = parse_xml("<a:avLst " A_NS "><a:gd name=\"adj\" fmla=\"val 5x\"/>"
	                "</a:avLst>", &root);
	CHECK_INT(load_geom_parse_avlst(root, a, &parsed, &n, &err), S2P_EFORMAT);
	CHECK(parsed == NULL && n == 0);
	xmlFreeDoc(doc);
	s2p_arena_free(a);
}

static void
check_arc_end(const char *arc, double ex, double ey)
{
	char xml[512];
	s2p_arena *a = s2p_arena_new();
	s2p_error err = { 0 };
	draw_geom_out out;
	dml_geom *g;
	double x, y;

	snprintf(xml, sizeof(xml),
	         "<custGeom><pathLst><path><moveTo><pt x=\"400\" y=\"100\"/></moveTo>"
	         "%s</path></pathLst></custGeom>", arc);
	g = parse_cust(xml, a, &err);
	CHECK(g != NULL);
	if (g && draw_geom_eval(g, NULL, 0, 1000, 1000, &out, &err) == 0) {
		path_end(out.paths[0].path, &x, &y);
		CHECK_NEAR(x, ex, 1e-6);
		CHECK_NEAR(y, ey, 1e-6);
		draw_geom_out_fini(&out);
	}
	s2p_arena_free(a);
}

/* Arcs start at (400, 100) on an ellipse centred at (200, 100). */
static void
test_arcs(void)
{
	double d = 1 / sqrt(1 / 40000.0 + 1 / 10000.0);

	/* A quarter turn clockwise on screen (y grows down). */
	check_arc_end("<arcTo wR=\"200\" hR=\"100\" stAng=\"0\" swAng=\"5400000\"/>",
	              200, 200);
	check_arc_end("<arcTo wR=\"200\" hR=\"100\" stAng=\"0\" swAng=\"-5400000\"/>",
	              200, 0);
	check_arc_end("<arcTo wR=\"200\" hR=\"100\" stAng=\"0\" swAng=\"cd2\"/>",
	              0, 100);
	/* Angles are visual: 45 degrees is where the ray y = x meets the ellipse. */
	check_arc_end("<arcTo wR=\"200\" hR=\"100\" stAng=\"0\" swAng=\"2700000\"/>",
	              200 + d, 100 + d);
	/* A full turn and more ends where the remainder ends. */
	check_arc_end("<arcTo wR=\"200\" hR=\"100\" stAng=\"0\" swAng=\"27000000\"/>",
	              200, 200);
	check_arc_end("<arcTo wR=\"200\" hR=\"100\" stAng=\"0\" swAng=\"0\"/>",
	              400, 100);
	check_arc_end("<arcTo wR=\"0\" hR=\"0\" stAng=\"0\" swAng=\"5400000\"/>",
	              400, 100);
	/* The start angle places the centre: from 90 degrees, the centre is above. */
	check_arc_end("<arcTo wR=\"100\" hR=\"100\" stAng=\"5400000\" swAng=\"5400000\"/>",
	              300, 0);
	check_arc_end("<arcTo wR=\"100\" hR=\"100\" stAng=\"5400000\" swAng=\"-10800000\"/>",
	              400, -100);
}

static const char cust_xml[] =
	"<a:custGeom " A_NS ">"
	"<a:avLst><a:gd name=\"adj\" fmla=\"val 25000\"/></a:avLst>"
	"<a:gdLst>"
	"<a:gd name=\"dx\" fmla=\"*/ w adj 100000\"/>"
	"<a:gd name=\"x2\" fmla=\"+- r 0 dx\"/>"
	"<a:gd name=\"fwd\" fmla=\"+- later 5 0\"/>"
	"<a:gd name=\"later\" fmla=\"val 99\"/>"
	"<a:gd name=\"dx\" fmla=\"*/ dx 2 1\"/>"
	"</a:gdLst>"
	"<a:ahLst/><a:cxnLst/>"
	"<a:rect l=\"dx\" t=\"fwd\" r=\"x2\" b=\"unknownName\"/>"
	"<a:pathLst>"
	"<a:path w=\"100\" h=\"50\" fill=\"darkenLess\" stroke=\"0\" extrusionOk=\"1\">"
	"<a:moveTo><a:pt x=\"0\" y=\"0\"/></a:moveTo>"
	"<a:lnTo><a:pt x=\"100\" y=\"50\"/></a:lnTo>"
	"<a:quadBezTo><a:pt x=\"100\" y=\"0\"/><a:pt x=\"0\" y=\"0\"/></a:quadBezTo>"
	"<a:close/></a:path>"
	"<a:path fill=\"none\">"
	"<a:moveTo><a:pt x=\"dx\" y=\"t\"/></a:moveTo>"
	"<a:cubicBezTo><a:pt x=\"1\" y=\"2\"/><a:pt x=\"3\" y=\"4\"/>"
	"<a:pt x=\"x2\" y=\"b\"/></a:cubicBezTo>"
	"</a:path>"
	"</a:pathLst></a:custGeom>";

static void
check_cust_eval(const dml_geom *g)
{
	draw_geom_out out;
	s2p_error err = { 0 };
	const cairo_path_t *p;
	double x, y;

	CHECK(draw_geom_eval(g, NULL, 0, 400, 200, &out, &err) == 0);
	/* dx is redefined after x2: x2 used the first dx (100). */
	CHECK_NEAR(out.text_l, 200, 1e-9);
	CHECK_NEAR(out.text_r, 300, 1e-9);
	CHECK_NEAR(out.text_t, 5, 1e-9);   /* forward reference reads 0 */
	CHECK_NEAR(out.text_b, 0, 1e-9);   /* unknown name reads 0 */
	CHECK_INT(out.n_paths, 2);
	if (out.n_paths != 2)
		goto done;
	CHECK(out.paths[0].fill == DRAW_FILL_DARKEN_LESS);
	CHECK(!out.paths[0].stroke);
	CHECK(out.paths[1].fill == DRAW_FILL_NONE);
	CHECK(out.paths[1].stroke);
	/* Path 0 is in a 100 x 50 space, scaled by 4 x 4. */
	p = out.paths[0].path;
	CHECK_INT(p->num_data, 2 + 2 + 4 + 1);
	CHECK_NEAR(p->data[3].point.x, 400, 1e-9);
	CHECK_NEAR(p->data[3].point.y, 200, 1e-9);
	CHECK(p->data[4].header.type == CAIRO_PATH_CURVE_TO);
	CHECK_NEAR(p->data[5].point.x, 400, 1e-9);
	CHECK_NEAR(p->data[5].point.y, 200 - 200 * 2.0 / 3.0, 1e-9);
	CHECK_NEAR(p->data[6].point.x, 400 * 2.0 / 3.0, 1e-9);
	CHECK_NEAR(p->data[6].point.y, 0, 1e-9);
	CHECK(p->data[8].header.type == CAIRO_PATH_CLOSE_PATH);
	/* Path 1 has no w/h: shape units. */
	p = out.paths[1].path;
	CHECK_NEAR(p->data[1].point.x, 200, 1e-9);
	path_end(p, &x, &y);
	CHECK_NEAR(x, 300, 1e-9);
	CHECK_NEAR(y, 200, 1e-9);
done:
	draw_geom_out_fini(&out);
}

static void
test_cust(void)
{
	s2p_arena *a = s2p_arena_new(), *b = s2p_arena_new();
	s2p_error err = { 0 };
	dml_geom *g = parse_cust(cust_xml, a, &err), *c;

	CHECK(g != NULL);
	if (!g) {
		fprintf(stderr, "custGeom: %s\n", err.msg);
		goto done;
	}
	CHECK(g->name == NULL);
	CHECK_INT(g->n_adj, 1);
	CHECK_INT(g->n_gd, 5);
	CHECK_INT(g->n_path, 2);
	check_cust_eval(g);
	/* A clone lives on after the original arena is gone. */
	c = dml_geom_clone(g, b);
	CHECK(c != NULL && c != g);
	s2p_arena_free(a);
	a = NULL;
	if (c)
		check_cust_eval(c);
done:
	s2p_arena_free(a);
	s2p_arena_free(b);
}

static char *
many(const char *head, const char *item, int n, const char *tail)
{
	size_t len = strlen(head) + strlen(item) * (size_t) n + strlen(tail) + 1;
	char *s = malloc(len), *p;
	int i;

	if (!s)
		return NULL;
	p = s + sprintf(s, "%s", head);
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s", item);
	sprintf(p, "%s", tail);
	return s;
}

static int
cust_rc(const char *xml)
{
	s2p_arena *a = s2p_arena_new();
	s2p_error err = { 0 };
	dml_geom *g = parse_cust(xml, a, &err);
	draw_geom_out out;

	if (g) {
		/* Whatever parsed must evaluate safely. */
		CHECK(draw_geom_eval(g, NULL, 0, 100, 100, &out, &err) == 0);
		draw_geom_out_fini(&out);
	}
	else {
		CHECK(err.code != 0 && err.msg[0]);
	}
	s2p_arena_free(a);
	return g ? 0 : err.code;
}

static void
test_hostile(void)
{
	char *s;

	s = many("<custGeom><gdLst>", "<gd name=\"g\" fmla=\"val 1\"/>", 1025,
	         "</gdLst></custGeom>");
	CHECK_INT(cust_rc(s), S2P_ELIMIT);
	free(s);
	s = many("<custGeom><gdLst>", "<gd name=\"g\" fmla=\"+- g 1 0\"/>", 1024,
	         "</gdLst><rect l=\"g\"/></custGeom>");
	CHECK_INT(cust_rc(s), 0);
	free(s);
	s = many("<custGeom><avLst>", "<gd name=\"a\" fmla=\"val 1\"/>", 1025,
	         "</avLst></custGeom>");
	CHECK_INT(cust_rc(s), S2P_ELIMIT);
	free(s);
	s = many("<custGeom><pathLst>", "<path/>", 257, "</pathLst></custGeom>");
	CHECK_INT(cust_rc(s), S2P_ELIMIT);
	free(s);
	s = many("<custGeom><pathLst><path>", "<close/>", 65537,
	         "</path></pathLst></custGeom>");
	CHECK_INT(cust_rc(s), S2P_ELIMIT);
	free(s);
	s = many("<custGeom><pathLst><path>",
	         "<arcTo wR=\"9\" hR=\"9\" stAng=\"0\" swAng=\"2147483647\"/>", 65536,
	         "</path></pathLst></custGeom>");
	CHECK_INT(cust_rc(s), 0);
	free(s);

	CHECK_INT(cust_rc("<custGeom><pathLst><path><moveTo><pt x=\"12abc\" y=\"0\"/>"
	                  "</moveTo></path></pathLst></custGeom>"), S2P_EFORMAT);
	CHECK_INT(cust_rc("<custGeom><pathLst><path><lnTo><pt x=\"1.5\" y=\"0\"/>"
	                  "</lnTo></path></pathLst></custGeom>"), S2P_EFORMAT);
	CHECK_INT(cust_rc("<custGeom><pathLst><path><lnTo><pt x=\"99999999999999999999\""
	                  " y=\"0\"/></lnTo></path></pathLst></custGeom>"), S2P_EFORMAT);
	CHECK_INT(cust_rc("<custGeom><gdLst><gd name=\"a\" fmla=\"val 1e5\"/></gdLst>"
	                  "</custGeom>"), S2P_EFORMAT);
	CHECK_INT(cust_rc("<custGeom><gdLst><gd name=\"a\" fmla=\"frob 1 2\"/></gdLst>"
	                  "</custGeom>"), S2P_EFORMAT);
	CHECK_INT(cust_rc("<custGeom><pathLst><path w=\"ten\"/></pathLst></custGeom>"),
	          S2P_EFORMAT);
	/* Missing attributes and elements read as 0; nothing crashes. */
	CHECK_INT(cust_rc("<custGeom><gdLst><gd/><gd name=\"x\"/>"
	                  "<gd name=\"y\" fmla=\"*/\"/><gd fmla=\"   \"/></gdLst>"
	                  "<rect/><pathLst><path><moveTo/><lnTo><pt/></lnTo><arcTo/>"
	                  "<quadBezTo><pt x=\"1\"/></quadBezTo><cubicBezTo/>"
	                  "<close/><close/><bogus/></path><path w=\"-5\" h=\"0\">"
	                  "<arcTo wR=\"5\" hR=\"5\" stAng=\"1\" swAng=\"2\"/></path>"
	                  "</pathLst></custGeom>"), 0);
	CHECK_INT(cust_rc("<custGeom/>"), 0);
	CHECK(load_geom_parse_cust(NULL, NULL, NULL) == NULL);
	{
		draw_geom_out out;

		CHECK_INT(draw_geom_eval(NULL, NULL, 0, 1, 1, &out, NULL), S2P_EARG);
		CHECK_INT(out.n_paths, 0);
		draw_geom_out_fini(&out);
		draw_geom_out_fini(NULL);
	}
}

static int
path_finite(const cairo_path_t *p)
{
	int i, j;

	for (i = 0; i < p->num_data; i += p->data[i].header.length) {
		if (p->data[i].header.length < 1)
			return 0;
		for (j = 1; j < p->data[i].header.length; j++)
			if (!isfinite(p->data[i + j].point.x) ||
			    !isfinite(p->data[i + j].point.y))
				return 0;
	}
	return 1;
}

static void
test_all_presets(void)
{
	static const double sizes[][2] = { { 914400, 914400 }, { 1, 0 }, { 0, 0 },
	                                   { 5000000, 20 } };
	size_t i, k, p;

	for (i = 0; i < dml_geom_preset_count(); i++) {
		const dml_geom *g = dml_geom_preset(dml_geom_preset_name(i));

		for (k = 0; k < S2P_ARRAY_LEN(sizes); k++) {
			draw_geom_out out;
			s2p_error err = { 0 };
			int ok = 1;

			if (draw_geom_eval(g, NULL, 0, sizes[k][0], sizes[k][1], &out, &err)) {
				fprintf(stderr, "%s: %s\n", g->name, err.msg);
				CHECK(0);
				continue;
			}
			ok = out.n_paths == g->n_path && out.n_paths > 0;
			for (p = 0; p < out.n_paths; p++)
				ok = ok && path_finite(out.paths[p].path);
			ok = ok && isfinite(out.text_l) && isfinite(out.text_t) &&
			     isfinite(out.text_r) && isfinite(out.text_b);
			if (!ok)
				fprintf(stderr, "%s at %gx%g: not finite\n", g->name,
				        sizes[k][0], sizes[k][1]);
			CHECK(ok);
			draw_geom_out_fini(&out);
		}
	}
	/* The spec's "+- xH 0 dxB 0" reads as xH - dxB: the arrowhead is
	 * symmetric about H, so its two base points straddle the middle arc. */
	{
		bbox b = geom_bbox(dml_geom_preset("circularArrow"), 1000, 1000);

		CHECK(b.x0 >= -1 && b.x1 <= 1001 && b.y0 >= -1 && b.y1 <= 1001);
		CHECK(b.x1 - b.x0 > 900);
	}
}

int
main(void)
{
	test_ops();
	test_builtins();
	test_presets_table();
	test_bounds();
	test_text_rect_and_adj();
	test_arcs();
	test_cust();
	test_hostile();
	test_all_presets();
	xmlCleanupParser();
	return TT_DONE();
}
