/*
 * --grid: a contact sheet of the rendered slides, in deck order, with the
 * slide number under each thumbnail (failed slides as a marked box). Runs
 * on the main thread after the pool, with its own pango font map. PNG
 * thumbnails come from the written files; other formats are re-rendered
 * at thumbnail size through s2p_deck_render_surface().
 */
#include "cli.h"

#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { GRID_THUMB_W = 320, GRID_MARGIN = 16, GRID_LABEL = 28 };

void
cli_grid_size(int n, int columns, long long cx, long long cy, int *w, int *h,
              int *thumb_w, int *thumb_h)
{
	int cols = n < columns ? n : columns, rows;
	double th = cx > 0 ? floor(GRID_THUMB_W * (double) cy / (double) cx + 0.5) : 1;

	if (cols < 1)
		cols = 1;
	rows = (n + cols - 1) / cols;
	if (rows < 1)
		rows = 1;
	if (th < 1)
		th = 1;
	if (th > 4 * GRID_THUMB_W)
		th = 4 * GRID_THUMB_W;
	*thumb_w = GRID_THUMB_W;
	*thumb_h = (int) th;
	*w = cols * (GRID_MARGIN + GRID_THUMB_W) + GRID_MARGIN;
	*h = rows * (GRID_MARGIN + *thumb_h + GRID_LABEL) + GRID_MARGIN;
}

/* The slide's picture at thumbnail size, or NULL. */
static cairo_surface_t *
thumbnail(s2p_deck *deck, const s2p_slide_result *s, int tw, int th,
          const s2p_render_opts *ro)
{
	cairo_surface_t *img;
	s2p_error err;
	char buf[512];

	if (ro->format == S2P_FORMAT_PNG) {
		img = cairo_image_surface_create_from_png(s->path);
		if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS)
			return img;
		cairo_surface_destroy(img);
	}
	s2p_error_clear(&err);
	img = s2p_deck_render_surface(deck, s->number, tw, th, ro, &err);
	if (!img)
		fprintf(stderr, "slides2png: %s: slide %d: grid: %s\n",
		        s2p_deck_name(deck), s->number,
		        s2p_error_format(&err, buf, sizeof buf));
	return img;
}

static void
draw_label(cairo_t *cr, PangoLayout *layout, const char *text, double cx,
           double y)
{
	int lw, lh;

	pango_layout_set_text(layout, text, -1);
	pango_cairo_update_layout(cr, layout);
	pango_layout_get_pixel_size(layout, &lw, &lh);
	cairo_move_to(cr, floor(cx - lw / 2.0), y + (GRID_LABEL - lh) / 2.0);
	pango_cairo_show_layout(cr, layout);
}

static void
draw_cell(cairo_t *cr, PangoLayout *layout, s2p_deck *deck,
          const s2p_slide_result *s, double x, double y, int tw, int th,
          const s2p_render_opts *ro)
{
	cairo_surface_t *img = NULL;
	char label[64];

	if (s->status == S2P_SLIDE_OK)
		img = thumbnail(deck, s, tw, th, ro);
	cairo_save(cr);
	cairo_rectangle(cr, x, y, tw, th);
	if (img) {
		double sx = tw / (double) cairo_image_surface_get_width(img);
		double sy = th / (double) cairo_image_surface_get_height(img);
		cairo_save(cr);
		cairo_clip(cr);
		cairo_translate(cr, x, y);
		cairo_scale(cr, sx, sy);
		cairo_set_source_surface(cr, img, 0, 0);
		cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
		cairo_paint(cr);
		cairo_restore(cr);
		cairo_surface_destroy(img);
	}
	else {
		/* failed: a pale red box, so the gap is visible */
		cairo_set_source_rgb(cr, 1, 0.88, 0.88);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.8, 0.2, 0.2);
		cairo_set_line_width(cr, 2);
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x + tw, y + th);
		cairo_move_to(cr, x + tw, y);
		cairo_line_to(cr, x, y + th);
		cairo_stroke(cr);
	}
	cairo_rectangle(cr, x - 0.5, y - 0.5, tw + 1, th + 1);
	cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(cr, 1);
	cairo_stroke(cr);
	snprintf(label, sizeof label, "%d%s%s", s->number,
	         s->hidden ? " (hidden)" : "",
	         s->status == S2P_SLIDE_OK ? "" : " failed");
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	draw_label(cr, layout, label, x + tw / 2.0, y + th);
	cairo_restore(cr);
}

int
cli_grid_write(const char *path, int columns, s2p_deck *deck,
               const s2p_run_result *r, const s2p_render_opts *ro)
{
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoFontMap *fm;
	PangoContext *ctx;
	PangoLayout *layout;
	PangoFontDescription *fd;
	cairo_status_t st;
	int64_t cx, cy;
	int n = 0, k = 0, w, h, tw, th, cols;
	char tmp[4096], msg[512];
	s2p_error err;

	for (int i = 0; i < r->n_slides; i++)
		n += r->slides[i].status != S2P_SLIDE_SKIPPED;
	if (n == 0) {
		fprintf(stderr, "slides2png: %s: no slides for the grid %s\n",
		        s2p_deck_name(deck), path);
		return -1;
	}
	s2p_deck_slide_size(deck, &cx, &cy);
	cli_grid_size(n, columns, cx, cy, &w, &h, &tw, &th);
	cols = n < columns ? n : columns;
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 0.94, 0.94, 0.94);
	cairo_paint(cr);
	/* a font map of our own, as the workers have theirs */
	fm = pango_cairo_font_map_new();
	ctx = pango_font_map_create_context(fm);
	layout = pango_layout_new(ctx);
	fd = pango_font_description_from_string("Sans");
	pango_font_description_set_absolute_size(fd, 14 * PANGO_SCALE);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	for (int i = 0; i < r->n_slides; i++) {
		const s2p_slide_result *s = &r->slides[i];
		if (s->status == S2P_SLIDE_SKIPPED)
			continue;
		draw_cell(cr, layout, deck, s,
		          GRID_MARGIN + (k % cols) * (GRID_MARGIN + tw),
		          GRID_MARGIN + (k / cols) * (GRID_MARGIN + th + GRID_LABEL),
		          tw, th, ro);
		k++;
	}
	g_object_unref(layout);
	g_object_unref(ctx);
	g_object_unref(fm);
	st = cairo_status(cr);
	cairo_destroy(cr);
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long) getpid());
	s2p_error_clear(&err);
	if (s2p_make_output_dirs(path, &err)) {
		fprintf(stderr, "slides2png: %s: cannot write the grid %s: %s\n",
		        s2p_deck_name(deck), path,
		        s2p_error_format(&err, msg, sizeof msg));
		cairo_surface_destroy(surf);
		return -1;
	}
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png(surf, tmp);
	cairo_surface_destroy(surf);
	if (st == CAIRO_STATUS_SUCCESS && rename(tmp, path) != 0) {
		fprintf(stderr, "slides2png: %s: cannot write the grid %s: %s\n",
		        s2p_deck_name(deck), path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "slides2png: %s: cannot write the grid %s: %s\n",
		        s2p_deck_name(deck), path, cairo_status_to_string(st));
		unlink(tmp);
		return -1;
	}
	return 0;
}
