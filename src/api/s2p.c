/*
 * The public API: open = package -> model on the calling thread, then the
 * package is closed; render = output size, split into single-slide
 * presentations, render them on the worker pool, write the files (PNG;
 * JPEG, PDF, SVG and replaced backgrounds through the "output variants"
 * below), and report one result per slide in slide order.
 */
#include <slides2png/s2p.h>

#include "api/api-imp.h"
#include "load/load.h"
#include "output/output.h"
#include "pool/pool.h"
#include "render/draw.h"
#include "split/split.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <gif_lib.h>
#include <jpeglib.h>
#include <libdeflate.h>
#include <tiffvers.h>
#include <webp/decode.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <math.h>
#include <pango/pango.h>
#include <png.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

void
s2p_limits_default(s2p_limits *lim)
{
	memset(lim, 0, sizeof *lim);
	lim->max_file_bytes = 2ull << 30;        /* 2 GiB */
	lim->max_zip_entries = 100000;
	lim->max_part_bytes = 256ull << 20;      /* 256 MiB */
	lim->max_total_bytes = 4ull << 30;       /* 4 GiB */
	lim->max_inflate_ratio = 1000;           /* parts over 1 MiB */
	lim->max_xml_depth = 256;
	lim->max_xml_nodes = 5000000;
	lim->max_shapes = 100000;
	lim->max_group_depth = 64;
	lim->max_image_pixels = 100000000;       /* 100 Mpx */
	lim->max_output_pixels = 200000000;      /* 200 Mpx */
}

static s2p_deck *
deck_from_package(opc_package *pkg, const s2p_limits *lim, s2p_error *err)
{
	s2p_deck *deck;
	pml_presentation *p;
	load_session *ls;

	if (!pkg)
		return NULL;
	/* the presentation part now; the slides when first needed (the
	 * package holds the file's bytes: the file itself is closed) */
	ls = load_begin(pkg, &p, err);
	if (!ls) {
		opc_package_close(pkg);
		return NULL;
	}
	deck = calloc(1, sizeof *deck);
	if (!deck) {
		load_end(ls);
		opc_package_close(pkg);
		pml_presentation_free(p);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	deck->pres = p;
	deck->pkg = pkg;
	deck->ls = ls;
	if (lim)
		deck->lim = *lim;
	else
		s2p_limits_default(&deck->lim);
	return deck;
}

void
deck_load_upto(s2p_deck *deck, uint32_t n)
{
	if (n > deck->pres->n_slides)
		n = deck->pres->n_slides;
	while (deck->ls && deck->n_loaded < n)
		load_slide_entry(deck->ls, deck->pres, deck->n_loaded++);
	if (deck->ls && deck->n_loaded == deck->pres->n_slides) {
		/* nothing reads the package after the last slide */
		S2P_CLEAR(load_end, deck->ls);
		S2P_CLEAR(opc_package_close, deck->pkg);
	}
}

const pml_presentation *
deck_loaded(const s2p_deck *deck)
{
	s2p_deck *d = (s2p_deck *) deck; /* parsed late, logically const */

	deck_load_upto(d, d->pres->n_slides);
	return d->pres;
}

static void
global_init(void)
{
	xmlInitParser();
	draw_global_init();
}

s2p_deck *
s2p_deck_open(const char *path, const s2p_limits *lim, s2p_error *err)
{
	if (!path)
		return S2P_FAIL(err, S2P_EARG, "no input file"), NULL;
	global_init();
	return deck_from_package(opc_package_open_file(path, lim, err), lim, err);
}

s2p_deck *
s2p_deck_open_memory(const void *data, size_t size, const char *name,
                     const s2p_limits *lim, s2p_error *err)
{
	if (!data && size)
		return S2P_FAIL(err, S2P_EARG, "no input data"), NULL;
	global_init();
	return deck_from_package(opc_package_open_memory(data, size, name, lim, err),
	                         lim, err);
}

void
s2p_deck_close(s2p_deck *deck)
{
	if (!deck)
		return;
	load_end(deck->ls);
	opc_package_close(deck->pkg);
	pml_presentation_free(deck->pres);
	free(deck);
}

int
s2p_deck_slide_count(const s2p_deck *deck)
{
	return deck ? (int) deck->pres->n_slides : 0;
}

void
s2p_deck_slide_size(const s2p_deck *deck, int64_t *cx, int64_t *cy)
{
	*cx = deck->pres->sld_cx;
	*cy = deck->pres->sld_cy;
}

int
s2p_deck_slide_hidden(const s2p_deck *deck, int number)
{
	if (!deck || number < 1 || (uint32_t) number > deck->pres->n_slides)
		return -1;
	return deck_loaded(deck)->slides[number - 1].hidden;
}

const s2p_error *
s2p_deck_slide_error(const s2p_deck *deck, int number)
{
	const pml_slide_entry *e;

	if (!deck || number < 1 || (uint32_t) number > deck->pres->n_slides)
		return NULL;
	e = &deck_loaded(deck)->slides[number - 1];
	return e->slide ? NULL : &e->error;
}

const char *
s2p_deck_name(const s2p_deck *deck)
{
	return deck ? deck->pres->path : NULL;
}

/* The first title or centred-title placeholder in @group, depth first. */
static const dml_shape *
find_title(const dml_shape *group, int depth)
{
	for (uint32_t i = 0; i < group->n_children && depth < 64; i++) {
		const dml_shape *c = &group->children[i], *t;
		if (c->ph.has && (c->ph.type == DML_PH_TITLE ||
		                  c->ph.type == DML_PH_CTR_TITLE) && c->text)
			return c;
		t = find_title(c, depth + 1);
		if (t)
			return t;
	}
	return NULL;
}

/* Append @s to @b (NULL-safe), turning tabs and line ends into spaces. */
static int
title_append(s2p_buf *b, const char *s, s2p_error *err)
{
	for (; s && *s; s++) {
		char c = *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' ? ' ' : *s;
		int rc = s2p_buf_append(b, &c, 1, err);
		if (rc)
			return rc;
	}
	return 0;
}

/* The title placeholder's text: runs concatenated, paragraphs and line
 * breaks as one space, trimmed. */
static char *
title_text(const pml_slide *slide, s2p_error *err)
{
	const dml_shape *t = find_title(&slide->sheet.tree, 0);
	s2p_buf b;
	char *res;
	size_t start = 0;
	int rc = 0;

	s2p_buf_init(&b, 1 << 20);
	for (uint32_t i = 0; t && i < t->text->n_paras && !rc; i++) {
		const dml_para *pa = &t->text->paras[i];
		if (i > 0)
			rc = title_append(&b, " ", err);
		for (uint32_t k = 0; k < pa->n_runs && !rc; k++)
			rc = title_append(&b, pa->runs[k].kind == DML_RUN_BREAK ? " " :
			                  pa->runs[k].text, err);
	}
	if (rc) {
		s2p_buf_fini(&b);
		return NULL;
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.len--;
	while (start < b.len && b.data[start] == ' ')
		start++;
	res = malloc(b.len - start + 1);
	if (res) {
		if (b.len > start)
			memcpy(res, b.data + start, b.len - start);
		res[b.len - start] = 0;
	}
	else
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	s2p_buf_fini(&b);
	return res;
}

int
s2p_deck_slide_info(const s2p_deck *deck, int number, s2p_slide_info *info,
                    s2p_error *err)
{
	const pml_slide_entry *e;
	const pml_layout *l;

	memset(info, 0, sizeof *info);
	if (!deck || number < 1 || (uint32_t) number > deck->pres->n_slides)
		return S2P_FAIL(err, S2P_EARG, "no slide %d", number);
	e = &deck_loaded(deck)->slides[number - 1];
	info->number = e->number;
	info->hidden = e->hidden;
	info->part = e->part ? e->part : "";
	info->layout_name = "";
	info->layout_type = "";
	info->loaded = e->slide != NULL;
	if (e->slide && e->slide->layout) {
		l = e->slide->layout;
		info->layout_name = l->sheet.name ? l->sheet.name : "";
		info->layout_type = l->type ? l->type : "";
	}
	info->title = e->slide ? title_text(e->slide, err) : s2p_strdup("");
	if (!info->title)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	return 0;
}

void
s2p_slide_info_fini(s2p_slide_info *info)
{
	if (!info)
		return;
	free(info->title);
	info->title = NULL;
}

void *
s2p_deck_render_surface(s2p_deck *deck, int number, int width_px,
                        int height_px, const s2p_render_opts *o,
                        s2p_error *err)
{
	const pml_slide_entry *e;
	pml_presentation *one;
	pml_diag_list diags;
	draw_worker *dw;
	draw_fonts *fonts;
	cairo_surface_t *surf;
	cairo_t *cr;
	const double *bg = o && o->replace_background ? o->background_rgba : NULL;
	int rc;

	if (!deck || number < 1 || (uint32_t) number > deck->pres->n_slides)
		return S2P_FAIL(err, S2P_EARG, "no slide %d", number), NULL;
	if (width_px < 1 || height_px < 1 || width_px > 32767 || height_px > 32767 ||
	    (double) width_px * height_px > (double) deck->lim.max_output_pixels)
		return S2P_FAIL(err, S2P_ELIMIT, "a %dx%d surface is over the limits",
		                width_px, height_px), NULL;
	e = &deck_loaded(deck)->slides[number - 1];
	if (!e->slide) {
		if (err && !err->code)
			*err = e->error;
		return NULL;
	}
	fonts = o ? draw_fonts_new(o->font_dirs, o->n_font_dirs, o->font_substs,
	                           o->n_font_substs, err) :
	        draw_fonts_new(NULL, 0, NULL, 0, err);
	if (!fonts)
		return NULL;
	one = split_slide(deck->pres, (uint32_t) number - 1, err);
	if (!one) {
		draw_fonts_free(fonts);
		return NULL;
	}
	dw = draw_worker_new(err);
	if (!dw) {
		pml_presentation_free(one);
		draw_fonts_free(fonts);
		return NULL;
	}
	draw_worker_set_fonts(dw, fonts);
	memset(&diags, 0, sizeof diags);
	if (o && o->timeout_s > 0)
		draw_worker_set_deadline(dw, s2p_now_ms() + o->timeout_s * 1000,
		                         o->timeout_s);
	surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_px, height_px);
	cr = cairo_create(surf);
	rc = draw_slide_to(dw, one, cr, width_px, height_px, bg, &deck->lim, &diags,
	                   err);
	cairo_destroy(cr);
	pml_diag_list_fini(&diags);
	draw_worker_free(dw);
	draw_fonts_free(fonts);
	pml_presentation_free(one);
	if (rc) {
		cairo_surface_destroy(surf);
		return NULL;
	}
	cairo_surface_flush(surf);
	return surf;
}

void
s2p_render_opts_default(s2p_render_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dpi = 96;
	o->pattern = NULL; /* "slide_<n>." and the format's extension */
	o->quality = 90;
}

int
s2p_deck_output_size(const s2p_deck *deck, const s2p_render_opts *o, int *wp,
                     int *hp, s2p_error *err)
{
	double cx = (double) deck->pres->sld_cx, cy = (double) deck->pres->sld_cy;
	double w, h, dpi = o->dpi > 0 ? o->dpi : 96;

	if (o->width_px < 0 || o->height_px < 0)
		return S2P_FAIL(err, S2P_EARG, "width and height must be positive");
	if (o->scale < 0 || o->scale > 100)
		return S2P_FAIL(err, S2P_EARG, "scale must be in 0..100");
	if (o->scale > 0)
		dpi = 96 * o->scale;
	if (o->width_px && o->height_px) {
		/* both given: fit inside, keeping the aspect ratio */
		double s = fmin(o->width_px / cx, o->height_px / cy);
		w = cx * s;
		h = cy * s;
	}
	else if (o->width_px) {
		w = o->width_px;
		h = w * cy / cx;
	}
	else if (o->height_px) {
		h = o->height_px;
		w = h * cx / cy;
	}
	else {
		w = cx / 914400.0 * dpi;
		h = cy / 914400.0 * dpi;
	}
	w = floor(w + 0.5);
	h = floor(h + 0.5);
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	if (w > 32767 || h > 32767 || w * h > (double) deck->lim.max_output_pixels)
		return S2P_FAIL(err, S2P_ELIMIT, "output of %.0fx%.0f pixels exceeds "
		                "the limit (32767 per side, %llu in all)", w, h,
		                (unsigned long long) deck->lim.max_output_pixels);
	*wp = (int) w;
	*hp = (int) h;
	return 0;
}

typedef struct render_job {
	pml_presentation *pres;   /* owned by the job until the worker is done */
	s2p_slide_result *res;
	pml_diag_list diags;
	int expire_now;           /* test hook: deadline at the start (below) */
} render_job;

typedef struct render_run {
	render_job *jobs;
	const s2p_deck *deck;
	int width, height;
	draw_image_cache *images;  /* decoded pictures, shared by the workers */
	draw_fonts *fonts;         /* the run's fonts and substitution notes */
	double timeout_s;          /* per slide, 0: none */
} render_run;

/*
 * The slide's deadline, counted from when its worker took it (--timeout).
 * For tests only, the environment variable S2P_TEST_EXPIRE_SLIDE=N puts
 * slide N's deadline at its start, so that it times out at its first
 * check whatever the machine's load (read once, on the calling thread).
 */
static void
arm_deadline(const render_run *run, void *state, const render_job *job,
             double start_ms)
{
	double t = run->timeout_s;

	draw_worker_set_deadline(state, t > 0 ? start_ms +
	                         (job->expire_now ? 0 : t * 1000) : 0, t);
}

static int
test_expired_slide(void)
{
	const char *s = getenv("S2P_TEST_EXPIRE_SLIDE");

	return s ? atoi(s) : 0;
}

/* Decoded pictures kept beyond those in use: bounded, whatever the deck. */
enum { IMAGE_CACHE_BYTES = 64 << 20 };

/* A rough drawing cost for @s and its children: shapes, text, pictures by
 * their encoded size (decoding dominates), tables, charts, shadows. */
static double
shape_cost(const dml_shape *s, int depth)
{
	double c = 1;

	if (s->text)
		c += 2.0 * s->text->n_paras;
	if (s->blip.media.blob)
		c += 4 + (double) s->blip.media.blob->size / 16384;
	if (s->fill.media.blob)
		c += 4 + (double) s->fill.media.blob->size / 16384;
	if (s->table || s->chart)
		c += 40;
	if (s->effects.outer.has || s->effects.inner.has || s->effects.glow.has ||
	    s->effects.soft_edge_emu || s->effects.refl.has)
		c += 10;
	for (uint32_t i = 0; i < s->n_children && depth < 64; i++)
		c += shape_cost(&s->children[i], depth + 1);
	return c;
}

static double
slide_cost(const pml_slide *sl)
{
	const pml_layout *l = sl->layout;
	double c = shape_cost(&sl->sheet.tree, 0);

	if (sl->sheet.has_bg && sl->sheet.bg_fill.media.blob)
		c += 4 + (double) sl->sheet.bg_fill.media.blob->size / 16384;
	if (sl->sheet.show_master_sp && l) {
		c += shape_cost(&l->sheet.tree, 0);
		if (l->sheet.show_master_sp && l->master)
			c += shape_cost(&l->master->sheet.tree, 0);
	}
	return c;
}

typedef struct job_rank {
	double cost;
	size_t job;
} job_rank;

static int
rank_cmp(const void *a, const void *b)
{
	const job_rank *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost > y->cost ? -1 : 1;
	return x->job < y->job ? -1 : x->job > y->job;
}

/* Largest first, so the last jobs are small and no worker idles long at
 * the end. Only the order of work changes: each job writes its own file
 * and results are reported in slide order. NULL: slide order. */
static size_t *
job_order(const render_run *run, size_t n_jobs)
{
	job_rank *r;
	size_t *order;

	if (n_jobs < 2)
		return NULL;
	r = s2p_malloc_array(n_jobs, sizeof *r);
	order = s2p_malloc_array(n_jobs, sizeof *order);
	if (!r || !order) {
		free(r);
		free(order);
		return NULL;
	}
	for (size_t j = 0; j < n_jobs; j++) {
		r[j].cost = slide_cost(run->jobs[j].pres->slides[0].slide);
		r[j].job = j;
	}
	qsort(r, n_jobs, sizeof *r, rank_cmp);
	for (size_t j = 0; j < n_jobs; j++)
		order[j] = r[j].job;
	free(r);
	return order;
}

static void
release_encoder(void *enc)
{
	out_png_encoder_free(enc);
}

/* Per worker, on its thread: font map and pango context (with the run's
 * fonts), the shared picture cache, and a PNG encoder reused from slide
 * to slide. */
static void *
worker_start(void *user)
{
	render_run *run = user;
	draw_worker *w = draw_worker_new(NULL);
	out_png_encoder *enc;

	if (!w)
		return NULL;
	draw_worker_set_fonts(w, run->fonts);
	draw_worker_set_images(w, run->images);
	enc = out_png_encoder_new(OUT_PNG_FAST, NULL);
	if (enc)
		draw_worker_attach(w, enc, release_encoder);
	return w;
}

static void
worker_stop(void *user, void *state)
{
	(void) user;
	draw_worker_free(state);
}

static void
worker_job(void *user, void *state, size_t i)
{
	render_run *run = user;
	render_job *job = &run->jobs[i];
	s2p_slide_result *res = job->res;
	cairo_surface_t *surf;
	double t0 = s2p_now_ms(), t1;

	if (!state) {
		S2P_FAIL(&res->error, S2P_EINTERNAL, "cannot set up text rendering");
		res->status = S2P_SLIDE_FAILED;
		return;
	}
	arm_deadline(run, state, job, t0);
	/* which rows get pictures: the PNG filter choice (bytes, not pixels) */
	draw_worker_begin_rows(state, run->height);
	surf = draw_slide(state, job->pres, run->width, run->height, &run->deck->lim,
	                  &job->diags, &res->error);
	t1 = s2p_now_ms();
	res->render_ms = t1 - t0;
	if (!surf) {
		res->status = S2P_SLIDE_FAILED;
		s2p_error_set_part(&res->error, job->pres->slides[0].part);
		return;
	}
	if (draw_worker_attached(state) ?
	    out_png_encoder_write(draw_worker_attached(state), surf,
	                          draw_worker_raster_rows(state, run->height),
	                          OUT_PNG_CONSUME, res->path, &res->error) :
	    out_png_write(surf, res->path, &res->error)) {
		res->status = S2P_SLIDE_FAILED;
		res->write_failed = 1;
	}
	else
		res->status = S2P_SLIDE_OK;
	res->encode_ms = s2p_now_ms() - t1;
	cairo_surface_destroy(surf);
	/* the single-slide presentation is the job's: release it here */
	S2P_CLEAR(pml_presentation_free, job->pres);
}

int
s2p_render_opts_selects(const s2p_render_opts *o, int number)
{
	if (!o->slides)
		return 1;
	for (int i = 0; i < o->n_slides; i++)
		if (o->slides[i] == number)
			return 1;
	return 0;
}

/* Copy the job's diagnostics into the public result. */
static void
export_diags(s2p_slide_result *res, const pml_diag_list *d)
{
	size_t n = d->n + (d->dropped ? 1 : 0);
	char buf[64];

	if (!n)
		return;
	res->diags = s2p_calloc_array(n, sizeof *res->diags);
	if (!res->diags)
		return;
	for (uint32_t i = 0; i < d->n; i++) {
		res->diags[i].part = s2p_strdup(d->items[i].part);
		res->diags[i].msg = s2p_strdup(d->items[i].msg);
	}
	if (d->dropped) {
		snprintf(buf, sizeof buf, "%u more diagnostics not shown", d->dropped);
		res->diags[d->n].part = s2p_strdup("");
		res->diags[d->n].msg = s2p_strdup(buf);
	}
	res->n_diags = (int) n;
}

/*
 * Output variants: everything but plain PNG over the slide's own
 * background (JPEG, PDF, SVG, --background), and the progress callback.
 * variant_job() wraps worker_job() for plain PNG, so the default path stays
 * in one place; the other formats draw with draw_slide_to() onto their own
 * surface. A multi-page PDF is drawn into one recording surface per slide
 * on the workers and replayed into the file, in slide order, on the
 * calling thread after the join.
 */
typedef struct variant_run {
	render_run *run;
	const s2p_render_opts *o;
	size_t n_jobs;
	int own_output;            /* draw and write here, not in worker_job() */
	int alpha;                 /* translucent background: RGBA PNG */
	const double *bg;          /* NULL: the slides' own backgrounds */
	cairo_surface_t **pages;   /* multi-page PDF: one recording per job */
	pthread_mutex_t lock;      /* serialises the progress callback */
	int done;
} variant_run;

static const char *
format_ext(int format)
{
	switch (format) {
	case S2P_FORMAT_JPEG: return "jpg";
	case S2P_FORMAT_PDF: return "pdf";
	case S2P_FORMAT_SVG: return "svg";
	}
	return "png";
}

/* Draw job @i onto a new image surface and write it as PNG or JPEG. */
static int
variant_raster(variant_run *v, void *state, render_job *job, s2p_error *err)
{
	s2p_slide_result *res = job->res;
	cairo_surface_t *surf;
	cairo_t *cr;
	double t1;
	int rc;

	surf = cairo_image_surface_create(v->alpha ? CAIRO_FORMAT_ARGB32 :
	                                  CAIRO_FORMAT_RGB24, v->run->width,
	                                  v->run->height);
	cr = cairo_create(surf);
	rc = draw_slide_to(state, job->pres, cr, v->run->width, v->run->height,
	                   v->bg, &v->run->deck->lim, &job->diags, err);
	cairo_destroy(cr);
	t1 = s2p_now_ms();
	res->render_ms = t1 - res->render_ms;
	if (!rc) {
		if (v->o->format == S2P_FORMAT_JPEG)
			rc = out_jpeg_write(surf, v->o->quality ? v->o->quality : 90,
			                    res->path, err);
		else if (v->alpha)
			rc = out_png_rgba_write(surf, res->path, err);
		else
			rc = out_png_write(surf, res->path, err);
		if (rc)
			res->write_failed = 1;
		res->encode_ms = s2p_now_ms() - t1;
	}
	cairo_surface_destroy(surf);
	return rc;
}

/* Draw job @i into an SVG or single-page PDF file, or a recording surface
 * for the multi-page PDF. Vector units: 1 px = 0.75 pt. */
static int
variant_vector(variant_run *v, void *state, render_job *job, size_t i,
               s2p_error *err)
{
	s2p_slide_result *res = job->res;
	double w = v->run->width, h = v->run->height, t1;
	cairo_surface_t *surf;
	cairo_rectangle_t box = { 0, 0, 0, 0 };
	cairo_t *cr;
	char tmp[4096];
	int rc;

	if (v->pages) {
		box.width = w * 0.75;
		box.height = h * 0.75;
		surf = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
	}
	else {
		rc = out_tmp_name(res->path, tmp, sizeof tmp, err);
		if (rc)
			return rc;
		if (v->o->format == S2P_FORMAT_SVG) {
			surf = cairo_svg_surface_create(tmp, w, h);
			cairo_svg_surface_set_document_unit(surf, CAIRO_SVG_UNIT_PX);
		}
		else {
			surf = cairo_pdf_surface_create(tmp, w * 0.75, h * 0.75);
			/* no creation date: the same bytes for the same deck */
			cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
			                               "");
		}
	}
	if (v->o->format == S2P_FORMAT_PDF) {
		w *= 0.75;
		h *= 0.75;
	}
	cr = cairo_create(surf);
	rc = draw_slide_to(state, job->pres, cr, w, h, v->bg, &v->run->deck->lim,
	                   &job->diags, err);
	cairo_destroy(cr);
	t1 = s2p_now_ms();
	res->render_ms = t1 - res->render_ms;
	if (v->pages) {
		if (rc)
			cairo_surface_destroy(surf);
		else
			v->pages[i] = surf; /* the page is written after the join */
		return rc;
	}
	cairo_surface_finish(surf);
	if (!rc && cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		rc = S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", res->path,
		              cairo_status_to_string(cairo_surface_status(surf)));
		res->write_failed = 1;
	}
	cairo_surface_destroy(surf);
	if (rc)
		unlink(tmp);
	else if (out_tmp_commit(tmp, res->path, err)) {
		rc = err->code;
		res->write_failed = 1;
	}
	res->encode_ms = s2p_now_ms() - t1;
	return rc;
}

static void *
variant_start(void *user)
{
	return worker_start(((variant_run *) user)->run);
}

static void
variant_job(void *user, void *state, size_t i)
{
	variant_run *v = user;
	render_job *job = &v->run->jobs[i];
	s2p_slide_result *res = job->res;
	int rc;

	if (!v->own_output)
		worker_job(v->run, state, i);
	else if (!state) {
		S2P_FAIL(&res->error, S2P_EINTERNAL, "cannot set up text rendering");
		res->status = S2P_SLIDE_FAILED;
	}
	else {
		res->render_ms = s2p_now_ms(); /* the start; a duration after */
		arm_deadline(v->run, state, job, res->render_ms);
		if (v->o->format == S2P_FORMAT_PNG || v->o->format == S2P_FORMAT_JPEG)
			rc = variant_raster(v, state, job, &res->error);
		else
			rc = variant_vector(v, state, job, i, &res->error);
		if (rc) {
			res->status = S2P_SLIDE_FAILED;
			s2p_error_set_part(&res->error, job->pres->slides[0].part);
		}
		else
			res->status = S2P_SLIDE_OK;
		S2P_CLEAR(pml_presentation_free, job->pres);
	}
	if (v->o->progress) {
		pthread_mutex_lock(&v->lock);
		v->done++;
		v->o->progress(v->o->progress_user, v->done, (int) v->n_jobs);
		pthread_mutex_unlock(&v->lock);
	}
}

/* Replay the recorded pages into one PDF, in slide order (main thread). */
static void
variant_write_pdf(variant_run *v, size_t n_jobs)
{
	cairo_surface_t *pdf = NULL;
	const char *path = NULL;
	s2p_error err;
	char tmp[4096];
	double t0 = s2p_now_ms();
	int n_pages = 0;

	s2p_error_clear(&err);
	for (size_t j = 0; j < n_jobs; j++) {
		cairo_t *cr;

		if (!v->pages[j])
			continue;
		if (!pdf) {
			path = v->run->jobs[j].res->path;
			if (out_tmp_name(path, tmp, sizeof tmp, &err))
				break;
			pdf = cairo_pdf_surface_create(tmp, v->run->width * 0.75,
			                               v->run->height * 0.75);
			cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
			                               "");
		}
		cr = cairo_create(pdf);
		cairo_set_source_surface(cr, v->pages[j], 0, 0);
		cairo_paint(cr);
		cairo_show_page(cr);
		cairo_destroy(cr);
		n_pages++;
	}
	if (pdf) {
		cairo_surface_finish(pdf);
		if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
			S2P_FAIL(&err, S2P_EIO, "cannot write %s: %s", path,
			         cairo_status_to_string(cairo_surface_status(pdf)));
			unlink(tmp);
		}
		else
			out_tmp_commit(tmp, path, &err);
		cairo_surface_destroy(pdf);
	}
	for (size_t j = 0; j < n_jobs; j++) {
		s2p_slide_result *res = v->run->jobs[j].res;

		if (!v->pages[j])
			continue;
		S2P_CLEAR(cairo_surface_destroy, v->pages[j]);
		res->encode_ms = (s2p_now_ms() - t0) / n_pages;
		if (err.code) {
			res->status = S2P_SLIDE_FAILED;
			res->error = err;
			res->write_failed = 1;
		}
	}
}

/* The deck's file name without folder and extension, for "<name>". */
static void
deck_stem(const s2p_deck *deck, char *out, size_t size)
{
	const char *path = deck->pres->path ? deck->pres->path : "deck";
	const char *base = strrchr(path, '/'), *dot;
	size_t n;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t) (dot - base) : strlen(base);
	if (n >= size)
		n = size - 1;
	memcpy(out, base, n);
	out[n] = 0;
}

/* Where outputs go: the pattern, the deck's name, the size, and the last
 * folder made (one folder check per distinct folder, not per slide). */
typedef struct out_names {
	const char *pattern, *name;
	int width, height;
	char made[4096];
} out_names;

/*
 * Main thread, before slide @i is split: decide its fate (status OK for
 * one to draw until a worker sets the outcome, SKIPPED or FAILED
 * otherwise), name its output file and create the folders the name needs.
 * A folder that cannot be created fails the whole run with one error
 * rather than one per slide.
 */
static int
name_output(const pml_presentation *p, uint32_t i, const s2p_render_opts *o,
            out_names *nm, s2p_run_result *out, s2p_error *err)
{
	const pml_slide_entry *e = &p->slides[i];
	s2p_slide_result *res = &out->slides[i];
	char path[4096];
	size_t dir_len;

	res->number = e->number;
	res->hidden = e->hidden;
	res->width_px = nm->width;
	res->height_px = nm->height;
	res->status = S2P_SLIDE_SKIPPED;
	if (!s2p_render_opts_selects(o, e->number) || (e->hidden && !o->include_hidden))
		return 0;
	res->status = S2P_SLIDE_FAILED;
	if (!e->slide) {
		res->error = e->error;
		return 0;
	}
	if (out_name_expand(nm->pattern, nm->name, e->number, path, sizeof path,
	                    &res->error))
		return 0;
	if (!(res->path = s2p_strdup(path))) {
		S2P_FAIL(&res->error, S2P_ENOMEM, "out of memory");
		return 0;
	}
	dir_len = strrchr(path, '/') ? (size_t) (strrchr(path, '/') - path) : 0;
	if (dir_len != strlen(nm->made) || strncmp(path, nm->made, dir_len) != 0) {
		if (out_make_parent_dirs(path, err))
			return err->code;
		memcpy(nm->made, path, dir_len);
		nm->made[dir_len] = 0;
	}
	res->status = S2P_SLIDE_OK;
	return 0;
}

/* name_output() for every slide, before any split. */
static int
name_outputs(const pml_presentation *p, const s2p_render_opts *o,
             out_names *nm, s2p_run_result *out, s2p_error *err)
{
	for (uint32_t i = 0; i < p->n_slides; i++)
		if (name_output(p, i, o, nm, out, err))
			return err->code;
	return 0;
}

/* The options that do not depend on the deck. */
static int
check_render_opts(const s2p_render_opts *o, s2p_error *err)
{
	if (o->format < S2P_FORMAT_PNG || o->format > S2P_FORMAT_SVG)
		return S2P_FAIL(err, S2P_EARG, "unknown output format %d", o->format);
	if (o->quality < 0 || o->quality > 100)
		return S2P_FAIL(err, S2P_EARG, "JPEG quality must be in 1..100");
	if (!(o->timeout_s >= 0 && o->timeout_s <= 1e9))
		return S2P_FAIL(err, S2P_EARG, "the timeout must be 0 (none) or a "
		                "positive number of seconds");
	if (o->format == S2P_FORMAT_JPEG && o->replace_background &&
	    o->background_rgba[3] < 1)
		return S2P_FAIL(err, S2P_EARG, "JPEG has no transparency; give an "
		                "opaque background colour");
	return 0;
}

/* Main thread: slide @i as job @j (a single-slide presentation of its
 * own); 0 if it cannot be split (it fails alone). */
static int
split_job(const pml_presentation *p, uint32_t i, render_run *run, size_t j,
          s2p_run_result *out, int expire)
{
	s2p_slide_result *res = &out->slides[i];

	run->jobs[j].pres = split_slide(p, i, &res->error);
	if (!run->jobs[j].pres) {
		res->status = S2P_SLIDE_FAILED;
		return 0;
	}
	run->jobs[j].res = res;
	run->jobs[j].expire_now = res->number == expire;
	return 1;
}

/* Main thread: one job per slide to draw, in slide order; returns how
 * many. */
static size_t
split_jobs(const pml_presentation *p, render_run *run, s2p_run_result *out)
{
	int expire = test_expired_slide();
	size_t n_jobs = 0;

	for (uint32_t i = 0; i < p->n_slides; i++)
		if (out->slides[i].status == S2P_SLIDE_OK &&
		    split_job(p, i, run, n_jobs, out, expire))
			n_jobs++;
	return n_jobs;
}

/* After the pool: jobs never started fail as interrupted; every job's
 * diagnostics go to its result. */
static void
finish_jobs(render_run *run, size_t n_jobs)
{
	for (size_t j = 0; j < n_jobs; j++) {
		render_job *job = &run->jobs[j];
		if (job->pres) {
			pml_presentation_free(job->pres);
			job->res->status = S2P_SLIDE_FAILED;
			S2P_FAIL(&job->res->error, S2P_ECANCELLED, "not rendered "
			         "(interrupted)");
		}
		export_diags(job->res, &job->diags);
		pml_diag_list_fini(&job->diags);
	}
}

/* Draw and write @n_jobs jobs on the workers; the slides' results are
 * filled in either way, the return is the pool's. */
static int
run_jobs(variant_run *v, const s2p_render_opts *o, size_t n_jobs,
         s2p_error *err)
{
	render_run *run = v->run;
	int threads = o->threads > 0 ? o->threads : pool_cpu_count();
	size_t *order;
	int rc;

	v->n_jobs = n_jobs;
	pthread_mutex_init(&v->lock, NULL);
	/* NULL cache (no memory): each picture is decoded for each use */
	run->images = draw_image_cache_new(IMAGE_CACHE_BYTES, NULL);
	order = job_order(run, n_jobs);
	if (v->own_output || o->progress)
		rc = pool_run(threads, n_jobs, order, variant_start, variant_job,
		              worker_stop, v, o->cancel, err);
	else
		rc = pool_run(threads, n_jobs, order, worker_start, worker_job,
		              worker_stop, run, o->cancel, err);
	free(order);
	S2P_CLEAR(draw_image_cache_free, run->images);
	pthread_mutex_destroy(&v->lock);
	if (v->pages)
		variant_write_pdf(v, n_jobs);
	finish_jobs(run, n_jobs);
	return rc;
}

/*
 * Streaming: parse each slide, decide its fate, name and split it and hand
 * it to the workers, while they draw the ones before (parsing is ~10 % of
 * the work on text-heavy decks; this way it is no longer a serial step
 * before the first slide draws). The workers take the costliest waiting
 * slide first. Returns the pool's error or a folder that could not be
 * made; the slides' results are filled in either way.
 */
static int
stream_jobs(s2p_deck *deck, variant_run *v, const s2p_render_opts *o,
            out_names *nm, s2p_run_result *out, s2p_error *err)
{
	render_run *run = v->run;
	const pml_presentation *p = deck->pres;
	int threads = o->threads > 0 ? o->threads : pool_cpu_count();
	int expire = test_expired_slide(), rc = 0, custom = v->own_output;
	size_t n_jobs = 0;
	pool_feed *feed;
	double t0;

	if ((uint32_t) threads > p->n_slides)
		threads = (int) p->n_slides;
	pthread_mutex_init(&v->lock, NULL);
	run->images = draw_image_cache_new(IMAGE_CACHE_BYTES, NULL);
	feed = pool_feed_start(threads, custom ? variant_start : worker_start,
	                       custom ? variant_job : worker_job, worker_stop,
	                       custom ? (void *) v : (void *) run, o->cancel, err);
	for (uint32_t i = 0; feed && i < p->n_slides; i++) {
		s2p_slide_result *res = &out->slides[i];

		deck_load_upto(deck, i + 1);
		rc = name_output(p, i, o, nm, out, err);
		if (rc)
			break;
		if (res->status != S2P_SLIDE_OK)
			continue;
		if (s2p_flag_get(o->cancel)) {
			res->status = S2P_SLIDE_FAILED;
			S2P_FAIL(&res->error, S2P_ECANCELLED, "not rendered (interrupted)");
			continue;
		}
		t0 = s2p_now_ms();
		if (!split_job(p, i, run, n_jobs, out, expire))
			continue;
		out->split_ms += s2p_now_ms() - t0;
		if (pool_feed_add(feed, n_jobs,
		                  slide_cost(run->jobs[n_jobs].pres->slides[0].slide))) {
			S2P_CLEAR(pml_presentation_free, run->jobs[n_jobs].pres);
			res->status = S2P_SLIDE_FAILED;
			S2P_FAIL(&res->error, S2P_ENOMEM, "out of memory");
			continue;
		}
		n_jobs++;
	}
	if (!feed)
		rc = err && err->code ? err->code : S2P_EINTERNAL;
	pool_feed_finish(feed);
	S2P_CLEAR(draw_image_cache_free, run->images);
	pthread_mutex_destroy(&v->lock);
	/* slides never decided (a folder failed, or no pool) are skipped */
	finish_jobs(run, n_jobs);
	return rc;
}

int
s2p_deck_render(s2p_deck *deck, const s2p_render_opts *o, s2p_run_result *out,
                s2p_error *err)
{
	const pml_presentation *p;
	render_run run;
	variant_run v;
	out_names nm;
	size_t n_jobs;
	int rc, n_selected = 0, keep_out = 0, stream;
	double t0;
	char stem[256], def_pattern[32];

	memset(out, 0, sizeof *out);
	memset(&run, 0, sizeof run);
	memset(&v, 0, sizeof v);
	memset(&nm, 0, sizeof nm);
	if (!deck || !o)
		return S2P_FAIL(err, S2P_EARG, "no deck or options");
	rc = s2p_deck_output_size(deck, o, &run.width, &run.height, err);
	if (!rc)
		rc = check_render_opts(o, err);
	if (rc)
		return rc;
	snprintf(def_pattern, sizeof def_pattern, "slide_<n>.%s",
	         format_ext(o->format));
	nm.pattern = o->pattern ? o->pattern : def_pattern;
	deck_stem(deck, stem, sizeof stem);
	nm.name = o->name ? o->name : stem;
	nm.width = run.width;
	nm.height = run.height;
	/* slides parse while the first ones draw, unless the run needs to
	 * know every slide first: how many are shown (a pattern without <n>,
	 * one PDF for the deck) or a progress total */
	stream = deck->ls && !o->progress && out_name_has_number(nm.pattern);
	p = stream ? deck->pres : deck_loaded(deck);
	v.run = &run;
	v.o = o;
	v.own_output = o->format != S2P_FORMAT_PNG || o->replace_background;
	v.alpha = o->replace_background && o->background_rgba[3] < 1;
	v.bg = o->replace_background ? o->background_rgba : NULL;
	run.deck = deck;
	run.timeout_s = o->timeout_s;
	for (uint32_t i = 0; !stream && i < p->n_slides; i++)
		if (s2p_render_opts_selects(o, (int) i + 1) && (o->include_hidden || !p->slides[i].hidden))
			n_selected++;
	/* from here on, every way out is through "done", which frees what
	 * was made: the pages, the jobs, the fonts, and the results unless
	 * the slides were drawn */
	if (o->format == S2P_FORMAT_PDF && !out_name_has_number(nm.pattern)) {
		v.pages = s2p_calloc_array((size_t) p->n_slides, sizeof *v.pages);
		if (!v.pages) {
			rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory");
			goto done;
		}
	}
	else if (n_selected > 1 && !out_name_has_number(nm.pattern)) {
		rc = S2P_FAIL(err, S2P_EARG, "the output pattern needs <n> to render "
		              "%d slides", n_selected);
		goto done;
	}
	/* fonts on this thread, before any worker: --font-dir, --font-map */
	run.fonts = draw_fonts_new(o->font_dirs, o->n_font_dirs, o->font_substs,
	                           o->n_font_substs, err);
	if (!run.fonts) {
		rc = err && err->code ? err->code : S2P_ENOMEM;
		goto done;
	}
	out->slides = s2p_calloc_array(p->n_slides, sizeof *out->slides);
	run.jobs = s2p_calloc_array(p->n_slides, sizeof *run.jobs);
	if (!out->slides || !run.jobs) {
		rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		goto done;
	}
	out->n_slides = (int) p->n_slides;
	if (stream) {
		t0 = s2p_now_ms();
		rc = stream_jobs(deck, &v, o, &nm, out, err);
		out->render_wall_ms = s2p_now_ms() - t0;
		/* a folder that cannot be made fails the run, as below (the
		 * slides handed out before it have been written) */
		if (rc)
			goto done;
	}
	else {
		t0 = s2p_now_ms();
		rc = name_outputs(p, o, &nm, out, err);
		if (rc)
			goto done;
		n_jobs = split_jobs(p, &run, out);
		out->split_ms = s2p_now_ms() - t0;
		t0 = s2p_now_ms();
		rc = run_jobs(&v, o, n_jobs, err);
		out->render_wall_ms = s2p_now_ms() - t0;
	}
	keep_out = 1;
	/* once per deck, whichever workers drew which slides */
	draw_fonts_report(run.fonts, &out->fonts, &out->n_fonts);
	for (int i = 0; i < out->n_slides; i++) {
		if (out->slides[i].status == S2P_SLIDE_OK)
			out->n_written++;
		else if (out->slides[i].status == S2P_SLIDE_FAILED)
			out->n_failed++;
	}
done:
	free(v.pages);
	free(run.jobs);
	draw_fonts_free(run.fonts);
	if (!keep_out)
		s2p_run_result_fini(out);
	return rc;
}

int
s2p_make_output_dirs(const char *path, s2p_error *err)
{
	return path ? out_make_parent_dirs(path, err) :
	       S2P_FAIL(err, S2P_EARG, "no path");
}

void
s2p_run_result_fini(s2p_run_result *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->n_slides; i++) {
		s2p_slide_result *s = &r->slides[i];
		free(s->path);
		for (int k = 0; k < s->n_diags; k++) {
			free((char *) s->diags[k].part);
			free((char *) s->diags[k].msg);
		}
		free(s->diags);
	}
	free(r->slides);
	for (int i = 0; i < r->n_fonts; i++) {
		free(r->fonts[i].requested);
		free(r->fonts[i].used);
	}
	free(r->fonts);
	memset(r, 0, sizeof *r);
}

const char *
s2p_font_kind_name(int kind)
{
	switch (kind) {
	case S2P_FONT_METRIC: return "metric-compatible";
	case S2P_FONT_STANDIN: return "stand-in";
	case S2P_FONT_MAPPED: return "mapped";
	case S2P_FONT_FALLBACK: return "fallback";
	case S2P_FONT_SYMBOL: return "symbol";
	}
	return "unknown";
}

const char *
s2p_version(void)
{
	return S2P_VERSION_STRING;
}

const char *
s2p_library_versions(void)
{
	static char buf[512];
	int webp = WebPGetDecoderVersion();
	unsigned rsvg[3];
	char rsvg_s[40];

	/* the run-time versions where the library reports one, else the
	 * version built against; librsvg is loaded on first use */
	if (draw_svg_version(rsvg) == 0)
		snprintf(rsvg_s, sizeof rsvg_s, "%u.%u.%u", rsvg[0], rsvg[1], rsvg[2]);
	else
		snprintf(rsvg_s, sizeof rsvg_s, "not available");
	snprintf(buf, sizeof buf, "cairo %s, pango %s, libxml2 %s, libzip %s, "
	         "libpng %s, libjpeg %d, libtiff %d.%d.%d, giflib %d.%d.%d, "
	         "libwebp %d.%d.%d, librsvg %s, libdeflate %s",
	         cairo_version_string(), pango_version_string(),
	         LIBXML_DOTTED_VERSION, zip_libzip_version(),
	         png_get_libpng_ver(NULL), JPEG_LIB_VERSION,
	         TIFFLIB_MAJOR_VERSION, TIFFLIB_MINOR_VERSION, TIFFLIB_MICRO_VERSION,
	         GIFLIB_MAJOR, GIFLIB_MINOR, GIFLIB_RELEASE,
	         (webp >> 16) & 0xff, (webp >> 8) & 0xff, webp & 0xff,
	         rsvg_s,
	         LIBDEFLATE_VERSION_STRING);
	return buf;
}
