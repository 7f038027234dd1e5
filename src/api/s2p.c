/*
 * The public API: open = package -> model on the calling thread, then the
 * package is closed; render = output size, split into single-slide
 * presentations, render them on the worker pool, write PNGs, and report
 * one result per slide in slide order.
 */
#include <slides2png/s2p.h>

#include "load/load.h"
#include "output/output.h"
#include "pool/pool.h"
#include "render/draw.h"
#include "split/split.h"

#include <cairo.h>
#include <jpeglib.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <math.h>
#include <pango/pango.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct s2p_deck {
	pml_presentation *pres;
	s2p_limits lim;
};

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

	if (!pkg)
		return NULL;
	p = load_presentation(pkg, err);
	opc_package_close(pkg); /* nothing reads the package after loading */
	if (!p)
		return NULL;
	deck = calloc(1, sizeof *deck);
	if (!deck) {
		pml_presentation_free(p);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	deck->pres = p;
	if (lim)
		deck->lim = *lim;
	else
		s2p_limits_default(&deck->lim);
	return deck;
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
	return deck->pres->slides[number - 1].hidden;
}

const s2p_error *
s2p_deck_slide_error(const s2p_deck *deck, int number)
{
	const pml_slide_entry *e;

	if (!deck || number < 1 || (uint32_t) number > deck->pres->n_slides)
		return NULL;
	e = &deck->pres->slides[number - 1];
	return e->slide ? NULL : &e->error;
}

const char *
s2p_deck_name(const s2p_deck *deck)
{
	return deck ? deck->pres->path : NULL;
}

void
s2p_render_opts_default(s2p_render_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dpi = 96;
	o->pattern = "slide_<n>.png";
}

int
s2p_deck_output_size(const s2p_deck *deck, const s2p_render_opts *o, int *wp,
                     int *hp, s2p_error *err)
{
	double cx = (double) deck->pres->sld_cx, cy = (double) deck->pres->sld_cy;
	double w, h, dpi = o->dpi > 0 ? o->dpi : 96;

	if (o->width_px < 0 || o->height_px < 0)
		return S2P_FAIL(err, S2P_EARG, "width and height must be positive");
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
} render_job;

typedef struct render_run {
	render_job *jobs;
	const s2p_deck *deck;
	int width, height;
} render_run;

static void *
worker_start(void *user)
{
	(void) user;
	return draw_worker_new(NULL);
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
	surf = draw_slide(state, job->pres, run->width, run->height, &run->deck->lim,
	                  &job->diags, &res->error);
	t1 = s2p_now_ms();
	res->render_ms = t1 - t0;
	if (!surf) {
		res->status = S2P_SLIDE_FAILED;
		s2p_error_set_part(&res->error, job->pres->slides[0].part);
		return;
	}
	if (out_png_write(surf, res->path, &res->error)) {
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

static int
selected(const s2p_render_opts *o, int number)
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

int
s2p_deck_render(s2p_deck *deck, const s2p_render_opts *o, s2p_run_result *out,
                s2p_error *err)
{
	const pml_presentation *p;
	render_run run;
	size_t n_jobs = 0;
	int rc, n_selected = 0;
	double t0;
	char path[4096];

	memset(out, 0, sizeof *out);
	if (!deck || !o)
		return S2P_FAIL(err, S2P_EARG, "no deck or options");
	p = deck->pres;
	rc = s2p_deck_output_size(deck, o, &run.width, &run.height, err);
	if (rc)
		return rc;
	for (uint32_t i = 0; i < p->n_slides; i++)
		if (selected(o, (int) i + 1) && (o->include_hidden || !p->slides[i].hidden))
			n_selected++;
	if (n_selected > 1 && !out_name_has_number(o->pattern ? o->pattern : "<n>"))
		return S2P_FAIL(err, S2P_EARG, "the output pattern needs <n> to render "
		                "%d slides", n_selected);
	out->slides = s2p_calloc_array(p->n_slides, sizeof *out->slides);
	run.jobs = s2p_calloc_array(p->n_slides, sizeof *run.jobs);
	if (!out->slides || !run.jobs) {
		free(run.jobs);
		s2p_run_result_fini(out);
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	}
	out->n_slides = (int) p->n_slides;
	run.deck = deck;
	t0 = s2p_now_ms();
	/* main thread: decide each slide's fate and split the ones to draw */
	for (uint32_t i = 0; i < p->n_slides; i++) {
		const pml_slide_entry *e = &p->slides[i];
		s2p_slide_result *res = &out->slides[i];

		res->number = e->number;
		res->hidden = e->hidden;
		res->width_px = run.width;
		res->height_px = run.height;
		res->status = S2P_SLIDE_SKIPPED;
		if (!selected(o, e->number) || (e->hidden && !o->include_hidden))
			continue;
		if (!e->slide) {
			res->status = S2P_SLIDE_FAILED;
			res->error = e->error;
			continue;
		}
		if (out_name_format(o->pattern ? o->pattern : "slide_<n>.png", e->number,
		                    path, sizeof path, &res->error) ||
		    !(res->path = s2p_strdup(path))) {
			res->status = S2P_SLIDE_FAILED;
			S2P_FAIL(&res->error, S2P_ENOMEM, "out of memory");
			continue;
		}
		run.jobs[n_jobs].pres = split_slide(p, i, &res->error);
		if (!run.jobs[n_jobs].pres) {
			res->status = S2P_SLIDE_FAILED;
			continue;
		}
		run.jobs[n_jobs].res = res;
		n_jobs++;
	}
	out->split_ms = s2p_now_ms() - t0;
	t0 = s2p_now_ms();
	rc = pool_run(o->threads > 0 ? o->threads : pool_cpu_count(), n_jobs, NULL,
	              worker_start, worker_job, worker_stop, &run, o->cancel, err);
	out->render_wall_ms = s2p_now_ms() - t0;
	for (size_t j = 0; j < n_jobs; j++) {
		render_job *job = &run.jobs[j];
		if (job->pres) {
			/* never started (interrupted) */
			pml_presentation_free(job->pres);
			job->res->status = S2P_SLIDE_FAILED;
			S2P_FAIL(&job->res->error, S2P_ECANCELLED, "not rendered "
			         "(interrupted)");
		}
		export_diags(job->res, &job->diags);
		pml_diag_list_fini(&job->diags);
	}
	free(run.jobs);
	for (int i = 0; i < out->n_slides; i++) {
		if (out->slides[i].status == S2P_SLIDE_OK)
			out->n_written++;
		else if (out->slides[i].status == S2P_SLIDE_FAILED)
			out->n_failed++;
	}
	return rc;
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
	memset(r, 0, sizeof *r);
}

const char *
s2p_version(void)
{
	return S2P_VERSION_STRING;
}

const char *
s2p_library_versions(void)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "cairo %s, pango %s, libxml2 %s, libzip %s, "
	         "libpng %s, libjpeg %d", cairo_version_string(),
	         pango_version_string(), LIBXML_DOTTED_VERSION, zip_libzip_version(),
	         png_get_libpng_ver(NULL), JPEG_LIB_VERSION);
	return buf;
}
