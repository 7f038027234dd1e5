/*
 * Shapes: transforms (offset, extent, rotation about the centre, flips;
 * groups map their children's chOff/chExt space into their own box),
 * geometry through the guide evaluator, fills per path, outlines, then
 * text, which turns with the shape but is never mirrored by a flip.
 */
#include "render/draw-chart.h"
#include "render/draw-effect.h"
#include "render/draw-imp.h"
#include "render/draw-table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
apply_xfrm(cairo_t *cr, const dml_xfrm *x)
{
	double w = (double) x->ext_cx, h = (double) x->ext_cy;

	cairo_translate(cr, (double) x->off_x + w / 2, (double) x->off_y + h / 2);
	if (x->rot_60k)
		cairo_rotate(cr, x->rot_60k / 60000.0 * S2P_PI / 180.0);
	cairo_scale(cr, x->flip_h ? -1 : 1, x->flip_v ? -1 : 1);
	cairo_translate(cr, -w / 2, -h / 2);
}

/* Preset dash patterns, in multiples of the line width (§20.1.10.48). */
int
draw_dash_pattern(const char *name, double out[6])
{
	static const struct { const char *name; int n; double d[6]; } dashes[] = {
		{ "dot", 2, { 1, 3 } }, { "dash", 2, { 4, 3 } },
		{ "lgDash", 2, { 8, 3 } }, { "dashDot", 4, { 4, 3, 1, 3 } },
		{ "lgDashDot", 4, { 8, 3, 1, 3 } },
		{ "lgDashDotDot", 6, { 8, 3, 1, 3, 1, 3 } },
		{ "sysDash", 2, { 3, 1 } }, { "sysDot", 2, { 1, 1 } },
		{ "sysDashDot", 4, { 3, 1, 1, 1 } },
		{ "sysDashDotDot", 6, { 3, 1, 1, 1, 1, 1 } },
		{ "custom", 2, { 4, 3 } },
	};
	for (size_t i = 0; i < S2P_ARRAY_LEN(dashes); i++)
		if (s2p_str_eq(name, dashes[i].name)) {
			memcpy(out, dashes[i].d, sizeof dashes[i].d);
			return dashes[i].n;
		}
	return 0;
}

/* The line's source: its colour, or its gradient over the shape's box
 * (at least a line width across, so that the gradient of a straight
 * line along its thin side still has a direction). NULL: not drawn. */
static cairo_pattern_t *
line_source(draw_ctx *dc, const dml_line *ln, const dml_color *ph, double w,
            double h)
{
	double width = ln->w_emu > 0 ? (double) ln->w_emu : 0;
	double bw = fmax(w, width), bh = fmax(h, width);
	cairo_pattern_t *pat;

	if (ln->fill.kind == DML_FILL_PATT || ln->fill.kind == DML_FILL_BLIP) {
		pml_diag_add(dc->diags, dc->part, "%s line fill not drawn",
		             ln->fill.kind == DML_FILL_PATT ? "pattern" : "picture");
		return NULL;
	}
	/* the pattern takes the transformation current when it is made */
	cairo_save(dc->cr);
	cairo_translate(dc->cr, -(bw - w) / 2, -(bh - h) / 2);
	pat = draw_fill_pattern(dc, &ln->fill, ph, bw, bh);
	cairo_restore(dc->cr);
	return pat;
}

static void
stroke_path(draw_ctx *dc, const dml_line *ln, cairo_pattern_t *src)
{
	draw_line_stroke_source(dc->cr, ln, src, (double) ln->w_emu, 1);
}

/* An arrowhead at @tip pointing along (ux, uy) (unit vector, from the line
 * towards the tip), §20.1.10.33 ST_LineEndType; sizes sm/med/lg are 2, 3
 * and 5 line widths. */
static void
draw_line_end(cairo_t *cr, int type, int w_size, int len_size, double tx,
              double ty, double ux, double uy, double width)
{
	static const double mult[3] = { 2, 3, 5 };
	double hw = mult[w_size > 2 ? 2 : w_size] * width / 2;
	double len = mult[len_size > 2 ? 2 : len_size] * width;
	double px = -uy, py = ux; /* perpendicular */
	double bx = tx - ux * len, by = ty - uy * len;

	cairo_new_path(cr);
	switch (type) {
	case DML_END_TRIANGLE:
		cairo_move_to(cr, tx, ty);
		cairo_line_to(cr, bx + px * hw, by + py * hw);
		cairo_line_to(cr, bx - px * hw, by - py * hw);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case DML_END_STEALTH:
		cairo_move_to(cr, tx, ty);
		cairo_line_to(cr, bx + px * hw, by + py * hw);
		cairo_line_to(cr, tx - ux * len * 0.5, ty - uy * len * 0.5);
		cairo_line_to(cr, bx - px * hw, by - py * hw);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case DML_END_DIAMOND:
		cairo_move_to(cr, tx + ux * len / 2, ty + uy * len / 2);
		cairo_line_to(cr, tx + px * hw, ty + py * hw);
		cairo_line_to(cr, tx - ux * len / 2, ty - uy * len / 2);
		cairo_line_to(cr, tx - px * hw, ty - py * hw);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case DML_END_OVAL:
		cairo_save(cr);
		cairo_translate(cr, tx, ty);
		cairo_rotate(cr, atan2(uy, ux));
		cairo_scale(cr, len / 2, hw);
		cairo_arc(cr, 0, 0, 1, 0, 2 * S2P_PI);
		cairo_restore(cr);
		cairo_fill(cr);
		break;
	case DML_END_ARROW:
		cairo_move_to(cr, bx + px * hw, by + py * hw);
		cairo_line_to(cr, tx, ty);
		cairo_line_to(cr, bx - px * hw, by - py * hw);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
		cairo_stroke(cr);
		break;
	}
}

/* How far the line is pulled back from the tip so its end hides under
 * the head, in head lengths. */
static double
line_end_inset(int type)
{
	return type == DML_END_TRIANGLE ? 1.0 : type == DML_END_STEALTH ? 0.5 : 0;
}

/*
 * Stroke an open path with arrowheads: find the end points and their
 * directions, shorten the path under the heads, stroke, then draw them.
 */
static void
stroke_with_ends(draw_ctx *dc, const cairo_path_t *path, const dml_line *ln,
                 cairo_pattern_t *src)
{
	static const double mult[3] = { 2, 3, 5 };
	cairo_t *cr = dc->cr;
	cairo_path_t copy = *path;
	cairo_path_data_t *d;
	int first = -1, last = -1, prev_of_last = -1, next_of_first = -1;
	double width = ln->w_emu > 0 ? (double) ln->w_emu : 9525;
	double hx = 0, hy = 0, hux = 0, huy = 0, tx = 0, ty = 0, tux = 0, tuy = 0;

	d = s2p_malloc_array((size_t) path->num_data, sizeof *d);
	if (!d)
		return;
	memcpy(d, path->data, (size_t) path->num_data * sizeof *d);
	copy.data = d;
	/* point indices: the first point of the path, the one after it, the
	 * last point and the one before it (control points count) */
	for (int i = 0; i < path->num_data; i += d[i].header.length) {
		for (int k = 1; k < d[i].header.length; k++) {
			int idx = i + k;
			if (first < 0)
				first = idx;
			else if (next_of_first < 0)
				next_of_first = idx;
			prev_of_last = last;
			last = idx;
		}
	}
	if (first < 0 || next_of_first < 0 || prev_of_last < 0) {
		free(d);
		return;
	}
	hx = d[first].point.x;
	hy = d[first].point.y;
	hux = hx - d[next_of_first].point.x;
	huy = hy - d[next_of_first].point.y;
	tx = d[last].point.x;
	ty = d[last].point.y;
	tux = tx - d[prev_of_last].point.x;
	tuy = ty - d[prev_of_last].point.y;
	{
		double hl = hypot(hux, huy), tl = hypot(tux, tuy);
		if (hl > 0) { hux /= hl; huy /= hl; }
		if (tl > 0) { tux /= tl; tuy /= tl; }
	}
	if (ln->head) {
		double in = line_end_inset(ln->head) * mult[ln->head_len > 2 ? 2 : ln->head_len] * width;
		d[first].point.x -= hux * in;
		d[first].point.y -= huy * in;
	}
	if (ln->tail) {
		double in = line_end_inset(ln->tail) * mult[ln->tail_len > 2 ? 2 : ln->tail_len] * width;
		d[last].point.x -= tux * in;
		d[last].point.y -= tuy * in;
	}
	cairo_new_path(cr);
	cairo_append_path(cr, &copy);
	stroke_path(dc, ln, src);
	cairo_new_path(cr);
	free(d);
	cairo_save(cr);
	cairo_set_source(cr, src);
	cairo_set_line_width(cr, width);
	if (ln->head)
		draw_line_end(cr, ln->head, ln->head_w, ln->head_len, hx, hy, hux, huy,
		              width);
	if (ln->tail)
		draw_line_end(cr, ln->tail, ln->tail_w, ln->tail_len, tx, ty, tux, tuy,
		              width);
	cairo_restore(cr);
}

/* Does the path have no close_path (an open line that may carry ends)? */
static int
path_is_open(const cairo_path_t *p)
{
	for (int i = 0; i < p->num_data; i += p->data[i].header.length)
		if (p->data[i].header.type == CAIRO_PATH_CLOSE_PATH)
			return 0;
	return p->num_data > 0;
}

/* lighten/darken path fills (§20.1.9.15 ST_PathFillMode) */
static void
shade_path(cairo_t *cr, enum draw_fill_mode mode)
{
	double a;

	switch (mode) {
	case DRAW_FILL_DARKEN: a = 0.4; cairo_set_source_rgba(cr, 0, 0, 0, a); break;
	case DRAW_FILL_DARKEN_LESS: a = 0.2; cairo_set_source_rgba(cr, 0, 0, 0, a); break;
	case DRAW_FILL_LIGHTEN: a = 0.4; cairo_set_source_rgba(cr, 1, 1, 1, a); break;
	case DRAW_FILL_LIGHTEN_LESS: a = 0.2; cairo_set_source_rgba(cr, 1, 1, 1, a); break;
	default: return;
	}
	cairo_fill_preserve(cr);
}

static int
text_is_empty(const dml_text_body *t)
{
	if (!t)
		return 1;
	for (uint32_t i = 0; i < t->n_paras; i++)
		for (uint32_t j = 0; j < t->paras[i].n_runs; j++) {
			const dml_run *r = &t->paras[i].runs[j];
			if (r->kind == DML_RUN_FIELD || (r->text && r->text[0]))
				return 0;
		}
	return 1;
}

/* Geometry, fill, outline and text of a p:sp, p:cxnSp or p:pic. */
/* @in mapped from the parent group's child space (if any) to its frame */
static void
map_to_group(const draw_ctx *dc, const dml_xfrm *in, dml_xfrm *out)
{
	*out = *in;
	if (!dc->group.active)
		return;
	out->off_x = (int64_t) llround((double) in->off_x * dc->group.sx + dc->group.dx);
	out->off_y = (int64_t) llround((double) in->off_y * dc->group.sy + dc->group.dy);
	out->ext_cx = (int64_t) llround((double) in->ext_cx * dc->group.sx);
	out->ext_cy = (int64_t) llround((double) in->ext_cy * dc->group.sy);
}

/*
 * SmartArt drawing shapes keep their text box apart (dsp:txXfrm): a box in
 * the drawing's space, turned by the shape's rotation plus its own (a shape
 * turned by 90° usually turns its text back by -90°), never flipped. @x is
 * the shape's box in the parent frame, whose transform is undone first.
 */
static void
draw_smartart_text(draw_ctx *dc, const dml_shape *s,
                   const dml_shape *const *chain, int n, const dml_xfrm *x)
{
	cairo_t *cr = dc->cr;
	double w = (double) x->ext_cx, h = (double) x->ext_cy;
	dml_xfrm t;

	map_to_group(dc, &s->tx_xfrm, &t);
	t.rot_60k = x->rot_60k + s->tx_xfrm.rot_60k;
	t.flip_h = t.flip_v = 0;
	cairo_save(cr);
	/* back to the parent frame: apply_xfrm(x) inverted */
	cairo_translate(cr, w / 2, h / 2);
	cairo_scale(cr, x->flip_h ? -1 : 1, x->flip_v ? -1 : 1);
	if (x->rot_60k)
		cairo_rotate(cr, -x->rot_60k / 60000.0 * S2P_PI / 180.0);
	cairo_translate(cr, -((double) x->off_x + w / 2), -((double) x->off_y + h / 2));
	apply_xfrm(cr, &t);
	if (dc->group.mirror) {
		/* a mirrored parent group never mirrors text */
		cairo_translate(cr, (double) t.ext_cx / 2, 0);
		cairo_scale(cr, -1, 1);
		cairo_translate(cr, -(double) t.ext_cx / 2, 0);
	}
	draw_text(dc, s, chain, n, 0, 0, (double) t.ext_cx, (double) t.ext_cy);
	cairo_restore(cr);
}

static void
draw_geometric(draw_ctx *dc, const dml_shape *s, const dml_shape *const *chain,
               int n, const dml_xfrm *x)
{
	cairo_t *cr = dc->cr;
	const dml_shape *go = resolve_geom_owner(s, chain, n);
	const dml_geom *g = go->geom;
	double w = (double) x->ext_cx, h = (double) x->ext_cy;
	draw_geom_out out;
	s2p_error gerr;
	dml_color fill_ph, line_ph, fx_ph;
	dml_effects effects;
	draw_fx fx;
	dml_fill fill;
	dml_line line;
	cairo_pattern_t *line_src;
	int has_line;

	memset(&out, 0, sizeof out);
	if (!g) {
		if (go->prst)
			return; /* unknown preset: reported when loading, not faked */
		g = dml_geom_preset("rect");
	}
	s2p_error_clear(&gerr);
	if (draw_geom_eval(g, go->adj, go->n_adj, w, h, &out, &gerr)) {
		pml_diag_add(dc->diags, dc->part, "geometry of '%s' not drawn: %s",
		             s->name ? s->name : "", gerr.msg);
		draw_geom_out_fini(&out);
		return;
	}
	fill = resolve_fill(&dc->rc, s, chain, n, &fill_ph);
	if (s->use_bg_fill)
		fill = resolve_background(&dc->rc, &fill_ph);
	has_line = resolve_line(&dc->rc, s, chain, n, &line, &line_ph);
	effects = resolve_effects(&dc->rc, s, chain, n, &fx_ph);
	memset(&fx, 0, sizeof fx);
	fx.fx = &effects;
	fx.ph = &fx_ph;
	fx.geom = &out;
	fx.filled = s->kind == DML_SHAPE_PIC ||
	            (fill.kind != DML_FILL_NONE && fill.kind != DML_FILL_UNSET);
	fx.line_w = has_line ? (double) line.w_emu : 0;
	fx.w = w;
	fx.h = h;
	fx.text = s->text && s->kind != DML_SHAPE_PIC;
	draw_fx_begin(dc, &fx);
	if (s->kind == DML_SHAPE_PIC) {
		/* the picture fills the geometry; its own fill goes beneath */
		for (size_t i = 0; i < out.n_paths; i++) {
			cairo_new_path(cr);
			cairo_append_path(cr, out.paths[i].path);
			if (fill.kind != DML_FILL_UNSET && fill.kind != DML_FILL_NONE)
				draw_fill_path(dc, &fill, &fill_ph, w, h);
			cairo_save(cr);
			cairo_clip(cr);
			draw_picture(dc, &s->blip, w, h);
			cairo_restore(cr);
		}
	}
	else {
		/* fill every path first, then stroke: some presets list the
		 * stroked path before the filled one */
		for (size_t i = 0; i < out.n_paths; i++) {
			if (out.paths[i].fill == DRAW_FILL_NONE)
				continue;
			cairo_new_path(cr);
			cairo_append_path(cr, out.paths[i].path);
			draw_fill_path(dc, &fill, &fill_ph, w, h);
			if (fill.kind != DML_FILL_NONE && fill.kind != DML_FILL_UNSET)
				shade_path(cr, out.paths[i].fill);
		}
	}
	draw_fx_inner(dc, &fx);
	line_src = has_line ? line_source(dc, &line, &line_ph, w, h) : NULL;
	for (size_t i = 0; line_src && i < out.n_paths; i++) {
		if (!out.paths[i].stroke)
			continue;
		if ((line.head || line.tail) && path_is_open(out.paths[i].path)) {
			stroke_with_ends(dc, out.paths[i].path, &line, line_src);
			continue;
		}
		cairo_new_path(cr);
		cairo_append_path(cr, out.paths[i].path);
		stroke_path(dc, &line, line_src);
	}
	if (line_src)
		cairo_pattern_destroy(line_src);
	cairo_new_path(cr);
	draw_fx_body_end(dc, &fx);
	/* PowerPoint gives the effects of a shape with no fill and no
	 * outline to its text: the shadow falls from the glyphs */
	if (!fx.filled && fx.line_w <= 0 && draw_fx_text_any(&effects)) {
		dc->text_fx = &effects;
		dc->text_fx_ph = &fx_ph;
	}
	if (s->text && s->kind != DML_SHAPE_PIC && s->tx_xfrm.has)
		draw_smartart_text(dc, s, chain, n, x);
	else if (s->text && s->kind != DML_SHAPE_PIC) {
		cairo_save(cr);
		if ((x->flip_h != x->flip_v) != dc->group.mirror) {
			/* text is never mirrored: flipH alone leaves it upright, and
			 * flipV (with or without flipH) turns it by 180° */
			cairo_translate(cr, w / 2, h / 2);
			cairo_scale(cr, -1, 1);
			cairo_translate(cr, -w / 2, -h / 2);
		}
		draw_text(dc, s, chain, n, out.text_l, out.text_t,
		          out.text_r - out.text_l, out.text_b - out.text_t);
		cairo_restore(cr);
	}
	dc->text_fx = NULL;
	dc->text_fx_ph = NULL;
	draw_fx_end(dc, &fx);
	draw_geom_out_fini(&out);
}

static void
draw_shape(draw_ctx *dc, const dml_shape *s)
{
	cairo_t *cr = dc->cr;
	const dml_shape *chain[2];
	const dml_xfrm *x;
	dml_xfrm gx;
	int n;

	if (s->hidden || draw_expired(dc))
		return;
	/* placeholders on layouts and masters are prompts, never drawn on a
	 * slide; an empty placeholder on the slide is not drawn either */
	if (s->ph.has && dc->level != RESOLVE_SLIDE)
		return;
	if (s->ph.has && s->kind == DML_SHAPE_SP && text_is_empty(s->text))
		return;
	n = resolve_ph_chain(&dc->rc, s, dc->level, chain);
	x = resolve_xfrm(s, chain, n);
	if (dc->group.active) {
		map_to_group(dc, x, &gx);
		x = &gx;
	}
	cairo_save(cr);
	switch (s->kind) {
	case DML_SHAPE_GROUP: {
		/* rotation and flips turn the children with the group; the
		 * chOff/chExt scaling moves and resizes their boxes (never their
		 * line widths or text sizes) */
		draw_group_map saved = dc->group;
		apply_xfrm(cr, x);
		dc->group.sx = x->ch_ext_cx > 0 ? (double) x->ext_cx / (double) x->ch_ext_cx : 1;
		dc->group.sy = x->ch_ext_cy > 0 ? (double) x->ext_cy / (double) x->ch_ext_cy : 1;
		dc->group.dx = (double) -x->ch_off_x * dc->group.sx;
		dc->group.dy = (double) -x->ch_off_y * dc->group.sy;
		dc->group.active = 1;
		dc->group.mirror ^= (uint8_t) (x->flip_h != x->flip_v);
		draw_shape_tree(dc, s);
		dc->group = saved;
		break;
	}
	case DML_SHAPE_SP:
	case DML_SHAPE_CXN:
	case DML_SHAPE_PIC:
		apply_xfrm(cr, x);
		draw_geometric(dc, s, chain, n, x);
		break;
	case DML_SHAPE_FRAME:
		apply_xfrm(cr, x);
		if (s->table)
			draw_table(dc, s, (double) x->ext_cx, (double) x->ext_cy);
		else if (s->chart)
			draw_chart(dc, s, (double) x->ext_cx, (double) x->ext_cy);
		else if (!s2p_str_eq(s->frame_kind, "ole")) /* reported by the loader */
			pml_diag_add(dc->diags, dc->part, "%s (graphicFrame) not drawn yet",
			             s->frame_kind ? s->frame_kind : "graphic frame");
		break;
	default:
		break;
	}
	cairo_restore(cr);
}

void
draw_shape_tree(draw_ctx *dc, const dml_shape *group)
{
	for (uint32_t i = 0; i < group->n_children; i++)
		draw_shape(dc, &group->children[i]);
}
