/*
 * Shapes: transforms (offset, extent, rotation about the centre, flips;
 * groups map their children's chOff/chExt space into their own box),
 * geometry through the guide evaluator, fills per path, outlines, then
 * text, which turns with the shape but is never mirrored by a flip.
 */
#include "render/draw-imp.h"

#include <math.h>
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

/* preset dash patterns, in multiples of the line width (§20.1.10.48) */
static int
dash_pattern(const char *name, double out[6])
{
	static const struct { const char *name; int n; double d[6]; } dashes[] = {
		{ "dot", 2, { 1, 1 } }, { "dash", 2, { 4, 3 } },
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

static void
stroke_path(draw_ctx *dc, const dml_line *ln, const dml_color *ph)
{
	cairo_t *cr = dc->cr;
	double width = (double) ln->w_emu, d[6];
	int nd;
	dml_rgba c;

	if (ln->fill.kind != DML_FILL_SOLID) {
		if (ln->fill.kind == DML_FILL_GRAD && ln->fill.n_stops) {
			pml_diag_add(dc->diags, dc->part, "gradient outline drawn in its "
			             "first colour");
			c = draw_color(dc, &ln->fill.stops[0].color, ph);
		}
		else
			return;
	}
	else
		c = draw_color(dc, &ln->fill.color, ph);
	cairo_save(cr);
	cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
	if (width <= 0) {
		/* w=0: the thinnest line the device can show */
		double px = 1, py = 0;
		cairo_device_to_user_distance(cr, &px, &py);
		width = hypot(px, py);
	}
	cairo_set_line_width(cr, width);
	cairo_set_line_cap(cr, ln->cap == 2 ? CAIRO_LINE_CAP_ROUND :
	                   ln->cap == 3 ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, ln->join == 2 ? CAIRO_LINE_JOIN_BEVEL :
	                    ln->join == 3 ? CAIRO_LINE_JOIN_MITER :
	                    CAIRO_LINE_JOIN_ROUND);
	nd = dash_pattern(ln->dash, d);
	if (nd) {
		for (int i = 0; i < nd; i++)
			d[i] *= width;
		cairo_set_dash(cr, d, nd, 0);
	}
	cairo_stroke_preserve(cr);
	cairo_restore(cr);
	if (ln->head || ln->tail)
		pml_diag_add(dc->diags, dc->part, "line end arrowheads not drawn yet");
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
	dml_color fill_ph, line_ph;
	dml_fill fill;
	dml_line line;
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
	if (s->kind == DML_SHAPE_PIC) {
		/* the picture fills the geometry; its own fill goes beneath */
		fill = resolve_fill(&dc->rc, s, chain, n, &fill_ph);
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
		fill = resolve_fill(&dc->rc, s, chain, n, &fill_ph);
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
	has_line = resolve_line(&dc->rc, s, chain, n, &line, &line_ph);
	if (has_line)
		for (size_t i = 0; i < out.n_paths; i++) {
			if (!out.paths[i].stroke)
				continue;
			cairo_new_path(cr);
			cairo_append_path(cr, out.paths[i].path);
			stroke_path(dc, &line, &line_ph);
		}
	cairo_new_path(cr);
	if (s->text && s->kind != DML_SHAPE_PIC) {
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

	if (s->hidden)
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
		/* map the box from the parent group's child space */
		gx = *x;
		gx.off_x = (int64_t) llround((double) x->off_x * dc->group.sx + dc->group.dx);
		gx.off_y = (int64_t) llround((double) x->off_y * dc->group.sy + dc->group.dy);
		gx.ext_cx = (int64_t) llround((double) x->ext_cx * dc->group.sx);
		gx.ext_cy = (int64_t) llround((double) x->ext_cy * dc->group.sy);
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
