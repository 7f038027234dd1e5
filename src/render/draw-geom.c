/*
 * render/draw-geom: the DrawingML shape-guide evaluator (ECMA-376 §20.1.9).
 * Fills a slot array (built-ins, adjusts, guides in order, literals) in
 * doubles, then turns each a:path into a hand-built cairo_path_t scaled to
 * the shape. Every value is forced finite, so nothing NaN reaches cairo.
 * No globals: safe to call from many worker threads at once.
 */
#include "render/draw-geom.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* All paths of one shape hold at most this many cairo_path_data_t (64 MiB). */
enum { DRAW_GEOM_MAX_DATA = 4 * 1024 * 1024 };

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Angles in guides are in 60000ths of a degree. */
#define ANG_TO_RAD (M_PI / 10800000.0)
#define RAD_TO_ANG (10800000.0 / M_PI)

static double
finite_or_zero(double v)
{
	return isfinite(v) ? v : 0.0;
}

static double
safe_div(double num, double den)
{
	if (den == 0.0)
		return 0.0;
	return num / den;
}

S2P_TESTABLE double draw_geom_op(int op, double x, double y, double z);

/* One guide formula (ST_GeomGuideFormula, §20.1.10.29). */
S2P_TESTABLE double
draw_geom_op(int op, double x, double y, double z)
{
	double v;

	switch (op) {
	case DML_GEOM_OP_VAL:    v = x; break;
	case DML_GEOM_OP_MULDIV: v = safe_div(x * y, z); break;
	case DML_GEOM_OP_ADDSUB: v = x + y - z; break;
	case DML_GEOM_OP_ADDDIV: v = safe_div(x + y, z); break;
	case DML_GEOM_OP_IFELSE: v = x > 0 ? y : z; break;
	case DML_GEOM_OP_ABS:    v = fabs(x); break;
	case DML_GEOM_OP_AT2:    v = atan2(y, x) * RAD_TO_ANG; break;
	case DML_GEOM_OP_CAT2:   v = x * cos(atan2(z, y)); break;
	case DML_GEOM_OP_COS:    v = x * cos(y * ANG_TO_RAD); break;
	case DML_GEOM_OP_MAX:    v = x > y ? x : y; break;
	case DML_GEOM_OP_MIN:    v = x < y ? x : y; break;
	case DML_GEOM_OP_MOD:    v = sqrt(x * x + y * y + z * z); break;
	case DML_GEOM_OP_PIN:    v = y < x ? x : y > z ? z : y; break;
	case DML_GEOM_OP_SAT2:   v = x * sin(atan2(z, y)); break;
	case DML_GEOM_OP_SIN:    v = x * sin(y * ANG_TO_RAD); break;
	case DML_GEOM_OP_SQRT:   v = x > 0 ? sqrt(x) : 0.0; break;
	case DML_GEOM_OP_TAN:    v = x * tan(y * ANG_TO_RAD); break;
	default:                 v = 0.0; break;
	}
	return finite_or_zero(v);
}

static void
set_builtins(double *v, double w, double h)
{
	double ss = w < h ? w : h;

	v[DML_GEOM_B_W] = w;
	v[DML_GEOM_B_H] = h;
	v[DML_GEOM_B_SS] = ss;
	v[DML_GEOM_B_LS] = w < h ? h : w;
	v[DML_GEOM_B_L] = 0;
	v[DML_GEOM_B_T] = 0;
	v[DML_GEOM_B_R] = w;
	v[DML_GEOM_B_B] = h;
	v[DML_GEOM_B_HC] = w / 2;
	v[DML_GEOM_B_VC] = h / 2;
	v[DML_GEOM_B_WD2] = w / 2;
	v[DML_GEOM_B_WD3] = w / 3;
	v[DML_GEOM_B_WD4] = w / 4;
	v[DML_GEOM_B_WD5] = w / 5;
	v[DML_GEOM_B_WD6] = w / 6;
	v[DML_GEOM_B_WD8] = w / 8;
	v[DML_GEOM_B_WD10] = w / 10;
	v[DML_GEOM_B_WD12] = w / 12;
	v[DML_GEOM_B_WD32] = w / 32;
	v[DML_GEOM_B_HD2] = h / 2;
	v[DML_GEOM_B_HD3] = h / 3;
	v[DML_GEOM_B_HD4] = h / 4;
	v[DML_GEOM_B_HD5] = h / 5;
	v[DML_GEOM_B_HD6] = h / 6;
	v[DML_GEOM_B_HD8] = h / 8;
	v[DML_GEOM_B_HD10] = h / 10;
	v[DML_GEOM_B_HD12] = h / 12;
	v[DML_GEOM_B_HD32] = h / 32;
	v[DML_GEOM_B_SSD2] = ss / 2;
	v[DML_GEOM_B_SSD4] = ss / 4;
	v[DML_GEOM_B_SSD6] = ss / 6;
	v[DML_GEOM_B_SSD8] = ss / 8;
	v[DML_GEOM_B_SSD16] = ss / 16;
	v[DML_GEOM_B_SSD32] = ss / 32;
	v[DML_GEOM_B_CD2] = 10800000;
	v[DML_GEOM_B_CD3] = 7200000;
	v[DML_GEOM_B_CD4] = 5400000;
	v[DML_GEOM_B_CD8] = 2700000;
	v[DML_GEOM_B_C3D4] = 16200000;
	v[DML_GEOM_B_C3D8] = 8100000;
	v[DML_GEOM_B_C5D8] = 13500000;
	v[DML_GEOM_B_C7D8] = 18900000;
}

/* The slot array: everything a path or a:rect of @g can refer to. */
static double *
eval_slots(const dml_geom *g, const dml_adj *adj, size_t n_adj,
           double w, double h, size_t *n_out)
{
	size_t n = dml_geom_n_slots(g), i, j;
	size_t gd0 = DML_GEOM_N_BUILTIN + g->n_adj;
	size_t c0 = gd0 + g->n_gd;
	double *v = s2p_calloc_array(n, sizeof(double));

	if (!v)
		return NULL;
	set_builtins(v, finite_or_zero(w), finite_or_zero(h));
	for (i = 0; i < g->n_adj; i++) {
		v[DML_GEOM_N_BUILTIN + i] = (double) g->adj_vals[i];
		/* A shape's a:prstGeom/a:avLst replaces defaults by name. */
		for (j = 0; adj && j < n_adj; j++)
			if (s2p_str_eq(adj[j].name, g->adj_names[i]))
				v[DML_GEOM_N_BUILTIN + i] = (double) adj[j].val;
	}
	for (i = 0; i < g->n_const; i++)
		v[c0 + i] = (double) g->consts[i];
	/* Guides run in document order; a guide sees only earlier values. */
	for (i = 0; i < g->n_gd; i++) {
		const dml_geom_gd *gd = &g->gds[i];
		double a[3];

		for (j = 0; j < 3; j++)
			a[j] = gd->arg[j] < n ? v[gd->arg[j]] : 0.0;
		v[gd0 + i] = draw_geom_op(gd->op, a[0], a[1], a[2]);
	}
	*n_out = n;
	return v;
}

typedef struct path_build {
	cairo_path_data_t *data;
	size_t n, cap;
	size_t max;               /* what is left of DRAW_GEOM_MAX_DATA */
	double sx, sy;            /* path units to shape units */
	double cx, cy;            /* current point, path units */
	double mx, my;            /* start of the sub-path */
	int has_cur;
	s2p_error *err;
} path_build;

/* Append one element; @pts are (x, y) pairs in path units. */
static int
pb_push(path_build *pb, cairo_path_data_type_t type, const double *pts,
        int n_pts)
{
	size_t need = 1 + (size_t) n_pts;
	int i;

	if (pb->n + need > pb->max)
		return S2P_FAIL(pb->err, S2P_ELIMIT,
		                "shape paths longer than %d elements in all",
		                DRAW_GEOM_MAX_DATA);
	if (pb->n + need > pb->cap) {
		size_t cap = pb->cap ? pb->cap * 2 : 64;
		cairo_path_data_t *d;

		while (cap < pb->n + need)
			cap *= 2;
		if (cap > pb->max)
			cap = pb->max;
		d = s2p_realloc_array(pb->data, cap, sizeof(*d));
		if (!d)
			return S2P_FAIL(pb->err, S2P_ENOMEM, "out of memory for a shape path");
		pb->data = d;
		pb->cap = cap;
	}
	pb->data[pb->n].header.type = type;
	pb->data[pb->n].header.length = (int) need;
	for (i = 0; i < n_pts; i++) {
		cairo_path_data_t *d = &pb->data[pb->n + 1 + (size_t) i];

		d->point.x = finite_or_zero(pts[2 * i] * pb->sx);
		d->point.y = finite_or_zero(pts[2 * i + 1] * pb->sy);
	}
	pb->n += need;
	if (n_pts) {
		pb->cx = pts[2 * n_pts - 2];
		pb->cy = pts[2 * n_pts - 1];
		pb->has_cur = 1;
	}
	return 0;
}

/* Drawing commands other than moveTo start at (0, 0) if nothing came first. */
static int
pb_need_cur(path_build *pb)
{
	double zero[2] = { 0, 0 };

	if (pb->has_cur)
		return 0;
	pb->mx = pb->my = 0;
	return pb_push(pb, CAIRO_PATH_MOVE_TO, zero, 1);
}

/*
 * arcTo's angles are "visual": the ray at @ang from the ellipse's centre
 * meets the ellipse at parametric angle t with tan t = (wR/hR) tan ang.
 * The result stays in the same turn and quadrant as @ang, so the sweep
 * keeps its sign and whole turns.
 */
static double
ellipse_param(double ang, double wr, double hr)
{
	double t = atan2(wr * sin(ang), hr * cos(ang));

	return t + 2 * M_PI * round((ang - t) / (2 * M_PI));
}

/*
 * a:arcTo (§20.1.9.3): the arc starts at the current point, which lies on
 * the ellipse (radii wR, hR) at stAng; it sweeps swAng (positive is
 * clockwise on screen, since y grows down). Emitted as cubic Béziers of at
 * most 90° each.
 */
static int
pb_arc(path_build *pb, double wr, double hr, double st_60k, double sw_60k)
{
	double t1, t2, dt, cx, cy, seg;
	int n, i, rc;

	rc = pb_need_cur(pb);
	if (rc)
		return rc;
	if (wr == 0 && hr == 0)
		return 0;
	t1 = ellipse_param(st_60k * ANG_TO_RAD, wr, hr);
	t2 = ellipse_param((st_60k + sw_60k) * ANG_TO_RAD, wr, hr);
	dt = t2 - t1;
	/* Beyond a full turn only the end point matters: keep it, bound the work. */
	if (fabs(dt) > 2 * M_PI)
		dt = copysign(2 * M_PI + fmod(fabs(dt), 2 * M_PI), dt);
	if (!isfinite(dt) || dt == 0)
		return 0;
	cx = pb->cx - wr * cos(t1);
	cy = pb->cy - hr * sin(t1);
	n = (int) ceil(fabs(dt) / (M_PI / 2) - 1e-9);
	if (n < 1)
		n = 1;
	seg = dt / n;
	for (i = 0; i < n; i++) {
		double a = t1 + seg * i, b = a + seg;
		double k = 4.0 / 3.0 * tan(seg / 4);
		double p[6];

		p[0] = cx + wr * cos(a) - k * wr * sin(a);
		p[1] = cy + hr * sin(a) + k * hr * cos(a);
		p[2] = cx + wr * cos(b) + k * wr * sin(b);
		p[3] = cy + hr * sin(b) - k * hr * cos(b);
		p[4] = cx + wr * cos(b);
		p[5] = cy + hr * sin(b);
		rc = pb_push(pb, CAIRO_PATH_CURVE_TO, p, 3);
		if (rc)
			return rc;
	}
	return 0;
}

static double
slot(const double *v, size_t n, uint32_t i)
{
	return i < n ? v[i] : 0.0;
}

/* Number of slot arguments each command letter takes. */
static int
cmd_n_args(char c)
{
	switch (c) {
	case DML_GEOM_CMD_MOVE_TO:
	case DML_GEOM_CMD_LN_TO:        return 2;
	case DML_GEOM_CMD_ARC_TO:
	case DML_GEOM_CMD_QUAD_BEZ_TO:  return 4;
	case DML_GEOM_CMD_CUBIC_BEZ_TO: return 6;
	default:                        return 0;
	}
}

static int
build_cmd(path_build *pb, char c, const double *a)
{
	double p[6];
	int rc;

	switch (c) {
	case DML_GEOM_CMD_MOVE_TO:
		pb->mx = a[0];
		pb->my = a[1];
		return pb_push(pb, CAIRO_PATH_MOVE_TO, a, 1);
	case DML_GEOM_CMD_LN_TO:
		rc = pb_need_cur(pb);
		return rc ? rc : pb_push(pb, CAIRO_PATH_LINE_TO, a, 1);
	case DML_GEOM_CMD_ARC_TO:
		return pb_arc(pb, a[0], a[1], a[2], a[3]);
	case DML_GEOM_CMD_QUAD_BEZ_TO:
		rc = pb_need_cur(pb);
		if (rc)
			return rc;
		/* cairo has no quadratic curves: raise the degree. */
		p[0] = pb->cx + 2.0 / 3.0 * (a[0] - pb->cx);
		p[1] = pb->cy + 2.0 / 3.0 * (a[1] - pb->cy);
		p[2] = a[2] + 2.0 / 3.0 * (a[0] - a[2]);
		p[3] = a[3] + 2.0 / 3.0 * (a[1] - a[3]);
		p[4] = a[2];
		p[5] = a[3];
		return pb_push(pb, CAIRO_PATH_CURVE_TO, p, 3);
	case DML_GEOM_CMD_CUBIC_BEZ_TO:
		rc = pb_need_cur(pb);
		return rc ? rc : pb_push(pb, CAIRO_PATH_CURVE_TO, a, 3);
	case DML_GEOM_CMD_CLOSE:
		if (!pb->has_cur)
			return 0;
		rc = pb_push(pb, CAIRO_PATH_CLOSE_PATH, NULL, 0);
		pb->cx = pb->mx;
		pb->cy = pb->my;
		return rc;
	default:
		return 0;
	}
}

static enum draw_fill_mode
fill_mode(uint8_t f)
{
	switch (f) {
	case DML_GEOM_FILL_NONE:         return DRAW_FILL_NONE;
	case DML_GEOM_FILL_LIGHTEN:      return DRAW_FILL_LIGHTEN;
	case DML_GEOM_FILL_LIGHTEN_LESS: return DRAW_FILL_LIGHTEN_LESS;
	case DML_GEOM_FILL_DARKEN:       return DRAW_FILL_DARKEN;
	case DML_GEOM_FILL_DARKEN_LESS:  return DRAW_FILL_DARKEN_LESS;
	default:                         return DRAW_FILL_NORM;
	}
}

static int
build_path(const dml_geom_path *gp, const double *v, size_t n_v, double w,
           double h, size_t *budget, draw_geom_path *out, s2p_error *err)
{
	path_build pb;
	cairo_path_t *cp;
	uint32_t i, ai = 0;
	int rc = 0;

	memset(&pb, 0, sizeof(pb));
	pb.err = err;
	pb.max = *budget;
	/* a:path@w/@h give the path its own coordinate space. */
	pb.sx = gp->w > 0 ? w / (double) gp->w : 1.0;
	pb.sy = gp->h > 0 ? h / (double) gp->h : 1.0;
	for (i = 0; i < gp->n_cmd && !rc; i++) {
		double a[6] = { 0, 0, 0, 0, 0, 0 };
		int k, na = cmd_n_args(gp->cmds[i]);

		for (k = 0; k < na; k++, ai++)
			if (ai < gp->n_arg)
				a[k] = slot(v, n_v, gp->args[ai]);
		rc = build_cmd(&pb, gp->cmds[i], a);
	}
	if (!rc && !pb.data) {
		pb.data = malloc(sizeof(*pb.data));
		if (!pb.data)
			rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory for a shape path");
	}
	cp = rc ? NULL : malloc(sizeof(*cp));
	if (!cp) {
		free(pb.data);
		return rc ? rc : S2P_FAIL(err, S2P_ENOMEM, "out of memory for a shape path");
	}
	cp->status = CAIRO_STATUS_SUCCESS;
	cp->data = pb.data;
	cp->num_data = (int) pb.n;
	*budget -= pb.n;
	out->path = cp;
	out->fill = fill_mode(gp->fill);
	out->stroke = gp->stroke != 0;
	return 0;
}

int
draw_geom_eval(const dml_geom *g, const dml_adj *adj, size_t n_adj,
               double w, double h, draw_geom_out *out, s2p_error *err)
{
	double *v;
	size_t n_v, i, budget = DRAW_GEOM_MAX_DATA;
	int rc = 0;

	if (!out)
		return S2P_FAIL(err, S2P_EARG, "draw_geom_eval: no output");
	memset(out, 0, sizeof(*out));
	if (!g)
		return S2P_FAIL(err, S2P_EARG, "draw_geom_eval: no geometry");
	w = finite_or_zero(w);
	h = finite_or_zero(h);
	v = eval_slots(g, adj, n_adj, w, h, &n_v);
	if (!v)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory evaluating a geometry");
	out->text_l = slot(v, n_v, g->rect[0]);
	out->text_t = slot(v, n_v, g->rect[1]);
	out->text_r = slot(v, n_v, g->rect[2]);
	out->text_b = slot(v, n_v, g->rect[3]);
	if (g->n_path) {
		out->paths = s2p_calloc_array(g->n_path, sizeof(*out->paths));
		if (!out->paths) {
			free(v);
			return S2P_FAIL(err, S2P_ENOMEM, "out of memory evaluating a geometry");
		}
	}
	for (i = 0; i < g->n_path && !rc; i++) {
		rc = build_path(&g->paths[i], v, n_v, w, h, &budget,
		                &out->paths[i], err);
		if (!rc)
			out->n_paths = i + 1;
	}
	free(v);
	if (rc)
		draw_geom_out_fini(out);
	return rc;
}

void
draw_geom_out_fini(draw_geom_out *out)
{
	size_t i;

	if (!out)
		return;
	for (i = 0; i < out->n_paths; i++) {
		if (out->paths[i].path) {
			free(out->paths[i].path->data);
			free(out->paths[i].path);
		}
	}
	free(out->paths);
	memset(out, 0, sizeof(*out));
}
