/*
 * s2p_diff_run(): two versions of a deck compared slide by slide.
 * Pass 1 renders every slide of both decks on one worker pool, to memory,
 * keeping only a hash of the pixels, a 32x32 signature and (with an
 * image directory) a thumbnail file. The main thread then pairs the slides
 * (diff-match.c). Pass 2, again on the pool, renders the pairs whose pixels
 * differ and compares them (diff-pixels.c), writing the side-by-side
 * picture, and writes the added and removed slides. Rendering twice costs
 * little (unchanged slides, the common case, are drawn once) and keeps
 * memory at a few slides per worker. Jobs write only into themselves.
 */
#include "api/api-imp.h"
#include "api/diff-imp.h"
#include "output/output.h"
#include "pool/pool.h"
#include "render/draw.h"
#include "split/split.h"

#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decoded pictures kept beyond those in use, shared by both decks. */
enum { DIFF_IMAGE_CACHE_BYTES = 64 << 20 };

enum { OLD = 0, NEW = 1 };

/* One deck's side of the comparison. */
typedef struct diff_side {
	const char *tag;           /* "old" or "new", in file names */
	s2p_deck *deck;            /* borrowed */
	const char *name;          /* for messages */
	int width, height;         /* render size */
	int n;                     /* slides compared */
	diff_item *items;          /* per compared slide */
	s2p_error *errors;         /* why items[i] did not render */
	char **thumbs;             /* thumbnail file names (NULL: none) */
} diff_side;

typedef struct diff_ctx {
	const s2p_diff_opts *o;
	diff_side side[2];
	draw_image_cache *images;
	draw_fonts *fonts;         /* --font-dir, --font-map: both decks */
	const double *bg;          /* replaced background, or NULL */
} diff_ctx;

/* Pass 1: one slide of one deck. */
typedef struct render_job {
	diff_side *s;
	int i;                     /* index into s->items */
	pml_presentation *pres;    /* owned until the worker is done */
} render_job;

/* Pass 2: a differing pair (both set), or an added/removed slide. */
typedef struct compare_job {
	int item[2];               /* indices into side[OLD/NEW].items, -1 */
	pml_presentation *pres[2]; /* owned until the worker is done */
	const char *image;         /* file name to write (borrowed), or NULL */
	diff_regions regions;
	int written;
	s2p_error error;
	int failed_side;           /* OLD/NEW whose slide failed */
} compare_job;

typedef struct pass {
	diff_ctx *c;
	render_job *render;
	compare_job *compare;
} pass;

void
s2p_diff_opts_default(s2p_diff_opts *o)
{
	memset(o, 0, sizeof *o);
	s2p_render_opts_default(&o->render);
	o->threshold = 0;
	o->tolerance = 32;
	o->thumb_width_px = 320;
}

const char *
s2p_diff_status_name(int status)
{
	switch (status) {
	case S2P_DIFF_UNCHANGED: return "unchanged";
	case S2P_DIFF_CHANGED: return "changed";
	case S2P_DIFF_ADDED: return "added";
	case S2P_DIFF_REMOVED: return "removed";
	case S2P_DIFF_MOVED: return "moved";
	case S2P_DIFF_FAILED: return "failed";
	}
	return "unknown";
}

/* Put "DECK: slide N: " (N > 0) or "DECK: " in front of @e's message, so
 * that every error says which version it comes from. */
static void
name_error(s2p_error *e, const char *deck, int number)
{
	char msg[sizeof e->msg];
	int n;

	if (number > 0)
		n = snprintf(msg, sizeof msg, "%s: slide %d: ", deck, number);
	else
		n = snprintf(msg, sizeof msg, "%s: ", deck);
	if (n < 0 || (size_t) n >= sizeof msg)
		return;
	snprintf(msg + n, sizeof msg - (size_t) n, "%s", e->msg);
	memcpy(e->msg, msg, sizeof msg);
}

/* "DIR/NAME" into @out; 0 or S2P_ELIMIT. */
static int
join_path(const char *dir, const char *name, char *out, size_t size,
          s2p_error *err)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	if (n < 0 || (size_t) n >= size)
		return S2P_FAIL(err, S2P_ELIMIT, "path too long: %s/%s", dir, name);
	return 0;
}

/* "PREFIX-A.png", or "PREFIX-A-B.png" when @b > 0. */
static char *
file_name(const char *prefix, int a, int b)
{
	char buf[64];

	if (b > 0)
		snprintf(buf, sizeof buf, "%s-%d-%d.png", prefix, a, b);
	else
		snprintf(buf, sizeof buf, "%s-%d.png", prefix, a);
	return s2p_strdup(buf);
}

static void *
worker_start(void *user)
{
	pass *p = user;
	draw_worker *w = draw_worker_new(NULL);

	if (w) {
		draw_worker_set_images(w, p->c->images);
		draw_worker_set_fonts(w, p->c->fonts);
	}
	return w;
}

static void
worker_stop(void *user, void *state)
{
	(void) user;
	draw_worker_free(state);
}

/* Render @pres at @s's size onto a new RGB24 surface (white beneath, or
 * the replaced background). NULL with @err filled. */
static cairo_surface_t *
render(diff_ctx *c, draw_worker *w, const diff_side *s,
       const pml_presentation *pres, s2p_error *err)
{
	pml_diag_list diags;
	cairo_surface_t *surf;
	cairo_t *cr;
	int rc;

	memset(&diags, 0, sizeof diags);
	if (!w) {
		S2P_FAIL(err, S2P_EINTERNAL, "cannot set up text rendering");
		return NULL;
	}
	if (!c->bg) {
		surf = draw_slide(w, pres, s->width, s->height, &s->deck->lim, &diags,
		                  err);
		pml_diag_list_fini(&diags);
		return surf;
	}
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, s->width, s->height);
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	rc = draw_slide_to(w, pres, cr, s->width, s->height, c->bg, &s->deck->lim,
	                   &diags, err);
	cairo_destroy(cr);
	pml_diag_list_fini(&diags);
	if (!rc && cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
		rc = S2P_FAIL(err, S2P_ECAIRO, "%s",
		              cairo_status_to_string(cairo_surface_status(surf)));
	if (rc) {
		cairo_surface_destroy(surf);
		return NULL;
	}
	cairo_surface_flush(surf);
	return surf;
}

static diff_image
image_of(cairo_surface_t *surf)
{
	diff_image im;

	im.px = (const uint32_t *) (const void *) cairo_image_surface_get_data(surf);
	im.width = cairo_image_surface_get_width(surf);
	im.height = cairo_image_surface_get_height(surf);
	im.stride_px = cairo_image_surface_get_stride(surf) / 4;
	return im;
}

/* @surf scaled to the thumbnail width, written to DIR/@name. */
static int
write_thumb(diff_ctx *c, cairo_surface_t *surf, const char *name,
            s2p_error *err)
{
	int w = cairo_image_surface_get_width(surf);
	int h = cairo_image_surface_get_height(surf);
	int tw = c->o->thumb_width_px < w ? c->o->thumb_width_px : w;
	int th = (int) floor((double) tw * h / w + 0.5);
	cairo_surface_t *t;
	cairo_t *cr;
	char path[4096];
	int rc = join_path(c->o->image_dir, name, path, sizeof path, err);

	if (rc)
		return rc;
	th = th < 1 ? 1 : th;
	t = cairo_image_surface_create(CAIRO_FORMAT_RGB24, tw, th);
	cr = cairo_create(t);
	cairo_scale(cr, (double) tw / w, (double) th / h);
	cairo_set_source_surface(cr, surf, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_flush(t);
	rc = out_png_write(t, path, err);
	cairo_surface_destroy(t);
	return rc;
}

/* Pass 1 worker: render, hash, signature, thumbnail. */
static void
render_work(void *user, void *state, size_t i)
{
	pass *p = user;
	render_job *job = &p->render[i];
	diff_side *s = job->s;
	diff_item *it = &s->items[job->i];
	s2p_error *err = &s->errors[job->i];
	cairo_surface_t *surf = render(p->c, state, s, job->pres, err);
	diff_image im;

	if (surf) {
		im = image_of(surf);
		diff_pixels_hash(&im, it->hash);
		diff_sig_compute(&im, &it->sig);
		it->rendered = 1;
		if (it->rendered && s->thumbs[job->i] &&
		    write_thumb(p->c, surf, s->thumbs[job->i], err))
			it->rendered = 0;
		cairo_surface_destroy(surf);
	}
	if (!it->rendered)
		s2p_error_set_part(err, job->pres->slides[0].part);
	S2P_CLEAR(pml_presentation_free, job->pres);
}

/* Outline each region on both halves of the side-by-side picture. */
static void
outline_regions(cairo_t *cr, const diff_regions *r, double new_x, int width)
{
	/* thick enough to find at page scale, clear of the changed pixels */
	double lw = width / 320.0 < 3 ? 3 : width / 320.0, pad = 1.5 * lw + 2;

	cairo_set_source_rgb(cr, 0.9, 0.05, 0.05);
	cairo_set_line_width(cr, lw);
	for (int half = 0; half < 2; half++)
		for (int k = 0; k < r->n; k++) {
			const s2p_diff_region *b = &r->boxes[k];
			cairo_rectangle(cr, (half ? new_x : 0) + b->x - pad + lw / 2,
			                b->y - pad + lw / 2, b->width + 2 * pad - lw,
			                b->height + 2 * pad - lw);
			cairo_stroke(cr);
		}
}

/* Old and new side by side, a grey gap between, regions outlined. */
static int
write_side_by_side(diff_ctx *c, cairo_surface_t *a, cairo_surface_t *b,
                   const diff_regions *r, const char *name, s2p_error *err)
{
	int aw = cairo_image_surface_get_width(a), ah = cairo_image_surface_get_height(a);
	int bw = cairo_image_surface_get_width(b), bh = cairo_image_surface_get_height(b);
	int gap = aw / 80 < 8 ? 8 : aw / 80;
	cairo_surface_t *out;
	cairo_t *cr;
	char path[4096];
	int rc = join_path(c->o->image_dir, name, path, sizeof path, err);

	if (rc)
		return rc;
	if ((double) (aw + gap + bw) * (ah > bh ? ah : bh) > 4e8 ||
	    aw + gap + bw > 32767)
		return S2P_FAIL(err, S2P_ELIMIT, "side-by-side picture too large");
	out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, aw + gap + bw,
	                                 ah > bh ? ah : bh);
	cr = cairo_create(out);
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	cairo_paint(cr);
	cairo_set_source_surface(cr, a, 0, 0);
	cairo_paint(cr);
	cairo_set_source_surface(cr, b, aw + gap, 0);
	cairo_paint(cr);
	outline_regions(cr, r, aw + gap, aw);
	cairo_destroy(cr);
	cairo_surface_flush(out);
	rc = out_png_write(out, path, err);
	cairo_surface_destroy(out);
	return rc;
}

static int
counts_as_changed(const diff_ctx *c, const diff_regions *r)
{
	return r->changed_px > 0 && r->fraction >= c->o->threshold;
}

/* Pass 2 worker: compare a pair, or write an added/removed slide. */
static void
compare_work(void *user, void *state, size_t i)
{
	pass *p = user;
	compare_job *job = &p->compare[i];
	cairo_surface_t *surf[2] = { NULL, NULL };
	char path[4096];
	int rc = job->error.code; /* a split that failed on the main thread */

	for (int k = 0; k < 2 && !rc; k++) {
		if (job->item[k] < 0)
			continue;
		surf[k] = render(p->c, state, &p->c->side[k], job->pres[k], &job->error);
		if (!surf[k]) {
			job->failed_side = k;
			s2p_error_set_part(&job->error, job->pres[k]->slides[0].part);
			rc = job->error.code ? job->error.code : S2P_EINTERNAL;
		}
	}
	if (!rc && surf[OLD] && surf[NEW]) {
		diff_image a = image_of(surf[OLD]), b = image_of(surf[NEW]);
		rc = diff_compare(&a, &b, p->c->o->tolerance,
		                  diff_radius_for(a.width > b.width ? a.width : b.width),
		                  &job->regions, &job->error);
		if (!rc && job->image && counts_as_changed(p->c, &job->regions)) {
			rc = write_side_by_side(p->c, surf[OLD], surf[NEW], &job->regions,
			                        job->image, &job->error);
			job->written = !rc;
		}
	}
	else if (!rc && job->image) {
		cairo_surface_t *one = surf[OLD] ? surf[OLD] : surf[NEW];
		rc = join_path(p->c->o->image_dir, job->image, path, sizeof path,
		               &job->error);
		if (!rc)
			rc = out_png_write(one, path, &job->error);
		job->written = !rc;
	}
	if (rc && job->failed_side < 0)
		job->failed_side = job->item[NEW] >= 0 ? NEW : OLD;
	for (int k = 0; k < 2; k++) {
		S2P_CLEAR(cairo_surface_destroy, surf[k]);
		S2P_CLEAR(pml_presentation_free, job->pres[k]);
	}
}

static const char *
thumb_prefix(const char *tag)
{
	return strcmp(tag, "old") == 0 ? "thumb-old" : "thumb-new";
}

/* Which slides of @s's deck take part, their ids and thumbnail names. */
static int
side_init(diff_ctx *c, diff_side *s, const char *tag, s2p_deck *deck,
          s2p_error *err)
{
	const pml_presentation *p = deck_loaded(deck);
	int rc;

	s->tag = tag;
	s->deck = deck;
	s->name = p->path ? p->path : tag;
	rc = s2p_deck_output_size(deck, &c->o->render, &s->width, &s->height, err);
	if (rc) {
		name_error(err, s->name, 0);
		return rc;
	}
	s->items = s2p_calloc_array(p->n_slides, sizeof *s->items);
	s->errors = s2p_calloc_array(p->n_slides, sizeof *s->errors);
	s->thumbs = s2p_calloc_array(p->n_slides, sizeof *s->thumbs);
	if (!s->items || !s->errors || !s->thumbs)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (uint32_t k = 0; k < p->n_slides; k++) {
		const pml_slide_entry *e = &p->slides[k];
		diff_item *it;
		if (e->hidden && !c->o->render.include_hidden)
			continue;
		it = &s->items[s->n];
		it->number = e->number;
		it->sld_id = e->sld_id;
		if (!e->slide)
			s->errors[s->n] = e->error;
		if (c->o->image_dir && e->slide) {
			s->thumbs[s->n] = file_name(thumb_prefix(tag), e->number, 0);
			if (!s->thumbs[s->n])
				return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		}
		s->n++;
	}
	return 0;
}

static void
side_fini(diff_side *s)
{
	for (int i = 0; s->thumbs && i < s->n; i++)
		free(s->thumbs[i]);
	free(s->thumbs);
	free(s->items);
	free(s->errors);
}

static int
threads_of(const s2p_diff_opts *o)
{
	return o->render.threads > 0 ? o->render.threads : pool_cpu_count();
}

/* Pass 1: split every loaded slide of both decks and render them all. */
static int
pass_render(diff_ctx *c, s2p_error *err)
{
	pass p = { c, NULL, NULL };
	size_t n_jobs = 0;
	int rc;

	p.render = s2p_calloc_array((size_t) c->side[OLD].n + (size_t) c->side[NEW].n
	                            + 1, sizeof *p.render);
	if (!p.render)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (int k = 0; k < 2; k++) {
		diff_side *s = &c->side[k];
		for (int i = 0; i < s->n; i++) {
			const pml_presentation *deck = s->deck->pres;
			render_job *job = &p.render[n_jobs];
			if (!deck->slides[s->items[i].number - 1].slide)
				continue;
			job->s = s;
			job->i = i;
			job->pres = split_slide(deck, (uint32_t) s->items[i].number - 1,
			                        &s->errors[i]);
			if (job->pres)
				n_jobs++;
		}
	}
	rc = pool_run(threads_of(c->o), n_jobs, NULL, worker_start, render_work,
	              worker_stop, &p, c->o->render.cancel, err);
	for (size_t j = 0; j < n_jobs; j++)
		if (p.render[j].pres) {
			/* never started: interrupted */
			S2P_CLEAR(pml_presentation_free, p.render[j].pres);
			S2P_FAIL(&p.render[j].s->errors[p.render[j].i], S2P_ECANCELLED,
			         "not rendered (interrupted)");
		}
	free(p.render);
	return rc;
}

/* The result's entry order: new-deck order, each removed slide right after
 * the slide that preceded it in the old deck. */
typedef struct entry_key {
	int after;             /* new number it follows (itself if it has one) */
	int removed;           /* 1: sorts after the slide it follows */
	int old_number;
} entry_key;

typedef struct entry {
	entry_key key;
	int item[2];           /* -1: not in that deck */
	int by;
	int moved;
	int job;               /* pass 2 job, -1 */
} entry;

static int
entry_cmp(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;

	if (a->key.after != b->key.after)
		return a->key.after < b->key.after ? -1 : 1;
	if (a->key.removed != b->key.removed)
		return a->key.removed < b->key.removed ? -1 : 1;
	return (a->key.old_number > b->key.old_number) -
	       (a->key.old_number < b->key.old_number);
}

/* Build the entries from the matching; *@n_out entries. */
static entry *
make_entries(diff_ctx *c, const int *old_to_new, const int *by,
             const int *moved, int *n_out, s2p_error *err)
{
	diff_side *o = &c->side[OLD], *nw = &c->side[NEW];
	int *new_paired = s2p_calloc_array((size_t) nw->n + 1, sizeof *new_paired);
	entry *e = s2p_calloc_array((size_t) o->n + (size_t) nw->n + 1, sizeof *e);
	int n = 0, after = 0;

	if (!new_paired || !e) {
		free(new_paired);
		free(e);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	for (int i = 0; i < o->n; i++) {
		int j = old_to_new[i];
		e[n].item[OLD] = i;
		e[n].item[NEW] = j;
		e[n].by = by[i];
		e[n].moved = moved[i];
		e[n].job = -1;
		e[n].key.old_number = o->items[i].number;
		if (j >= 0) {
			new_paired[j] = 1;
			after = nw->items[j].number;
			e[n].key.after = after;
		}
		else {
			e[n].key.after = after;
			e[n].key.removed = 1;
		}
		n++;
	}
	for (int j = 0; j < nw->n; j++) {
		if (new_paired[j])
			continue;
		e[n].item[OLD] = -1;
		e[n].item[NEW] = j;
		e[n].job = -1;
		e[n].key.after = nw->items[j].number;
		n++;
	}
	free(new_paired);
	qsort(e, (size_t) n, sizeof *e, entry_cmp);
	*n_out = n;
	return e;
}

static int
identical(const diff_ctx *c, const entry *e)
{
	const diff_item *a = &c->side[OLD].items[e->item[OLD]];
	const diff_item *b = &c->side[NEW].items[e->item[NEW]];

	return memcmp(a->hash, b->hash, sizeof a->hash) == 0 &&
	       c->side[OLD].width == c->side[NEW].width &&
	       c->side[OLD].height == c->side[NEW].height;
}

/* 1 if side @k of @e is there and rendered. */
static int
has_rendered(const diff_ctx *c, const entry *e, int k)
{
	return e->item[k] >= 0 && c->side[k].items[e->item[k]].rendered;
}

/* Pass 2's jobs: differing pairs, and added/removed slides (with an image
 * directory), each split on this thread. */
static int
compare_prepare(diff_ctx *c, entry *e, int n, compare_job **jobs_out,
                size_t *n_out, s2p_error *err)
{
	compare_job *jobs = s2p_calloc_array((size_t) n + 1, sizeof *jobs);
	size_t n_jobs = 0;

	*jobs_out = jobs;
	*n_out = 0;
	if (!jobs)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (int k = 0; k < n; k++) {
		int paired = e[k].item[OLD] >= 0 && e[k].item[NEW] >= 0;
		compare_job *job = &jobs[n_jobs];
		if (paired ? !has_rendered(c, &e[k], OLD) || !has_rendered(c, &e[k], NEW)
		           || identical(c, &e[k]) :
		    !has_rendered(c, &e[k], OLD) && !has_rendered(c, &e[k], NEW))
			continue;
		if (!paired && !c->o->image_dir)
			continue;
		job->failed_side = -1;
		for (int s = 0; s < 2; s++) {
			const diff_side *side = &c->side[s];
			job->item[s] = e[k].item[s];
			if (job->item[s] < 0 || job->error.code)
				continue;
			job->pres[s] = split_slide(side->deck->pres,
			                           (uint32_t) side->items[job->item[s]].number - 1,
			                           &job->error);
			if (!job->pres[s])
				job->failed_side = s;
		}
		e[k].job = (int) n_jobs++;
	}
	*n_out = n_jobs;
	return 0;
}

static int
compare_run(diff_ctx *c, compare_job *jobs, size_t n_jobs, s2p_error *err)
{
	pass p = { c, NULL, jobs };
	int rc = pool_run(threads_of(c->o), n_jobs, NULL, worker_start,
	                  compare_work, worker_stop, &p, c->o->render.cancel, err);

	for (size_t j = 0; j < n_jobs; j++)
		for (int s = 0; s < 2; s++)
			if (jobs[j].pres[s]) {
				/* never started: interrupted */
				S2P_CLEAR(pml_presentation_free, jobs[j].pres[s]);
				if (!jobs[j].error.code)
					S2P_FAIL(&jobs[j].error, S2P_ECANCELLED,
					         "not compared (interrupted)");
				if (jobs[j].failed_side < 0)
					jobs[j].failed_side = s;
			}
	return rc;
}

/* The image file names pass 2 writes, set before it runs. */
static int
name_images(diff_ctx *c, entry *e, int n, compare_job *jobs,
            s2p_diff_result *r, s2p_error *err)
{
	for (int k = 0; k < n; k++) {
		s2p_diff_slide *d = &r->slides[k];
		int o = e[k].item[OLD] >= 0 ? c->side[OLD].items[e[k].item[OLD]].number : 0;
		int nn = e[k].item[NEW] >= 0 ? c->side[NEW].items[e[k].item[NEW]].number : 0;
		if (e[k].job < 0 || !c->o->image_dir)
			continue;
		if (o && nn)
			d->image = file_name("changed", o, nn);
		else
			d->image = file_name(o ? "removed" : "added", o ? o : nn, 0);
		if (!d->image)
			return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		jobs[e[k].job].image = d->image;
	}
	return 0;
}

/* Fill slide @d of the result from entry @e (and its pass 2 job). */
static int
fill_slide(diff_ctx *c, const entry *e, compare_job *job, s2p_diff_slide *d,
           s2p_error *err)
{
	int paired = e->item[OLD] >= 0 && e->item[NEW] >= 0;

	if (job && !job->written)
		S2P_CLEAR(free, d->image);
	for (int k = 0; k < 2; k++) {
		const diff_side *s = &c->side[k];
		char **thumb = k == OLD ? &d->old_thumb : &d->new_thumb;
		int *num = k == OLD ? &d->old_number : &d->new_number;
		if (e->item[k] < 0)
			continue;
		*num = s->items[e->item[k]].number;
		if (s->items[e->item[k]].rendered && s->thumbs[e->item[k]]) {
			*thumb = s2p_strdup(s->thumbs[e->item[k]]);
			if (!*thumb)
				return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		}
	}
	d->matched_by = paired ? e->by : S2P_DIFF_MATCH_NONE;
	d->moved = e->moved;
	for (int k = 0; k < 2; k++)
		if (e->item[k] >= 0 && !c->side[k].items[e->item[k]].rendered) {
			d->status = S2P_DIFF_FAILED;
			d->error = c->side[k].errors[e->item[k]];
			name_error(&d->error, c->side[k].name, c->side[k].items[e->item[k]].number);
			return 0;
		}
	if (job && job->error.code) {
		int k = job->failed_side >= 0 ? job->failed_side : NEW;
		d->status = S2P_DIFF_FAILED;
		d->error = job->error;
		name_error(&d->error, c->side[k].name, k == OLD ? d->old_number :
		           d->new_number);
		return 0;
	}
	if (!paired) {
		d->status = e->item[OLD] >= 0 ? S2P_DIFF_REMOVED : S2P_DIFF_ADDED;
		return 0;
	}
	if (!job) {
		d->identical = 1;
		d->status = e->moved ? S2P_DIFF_MOVED : S2P_DIFF_UNCHANGED;
		return 0;
	}
	d->changed_fraction = job->regions.fraction;
	d->regions = job->regions.boxes; /* takes ownership of the boxes */
	d->n_regions = job->regions.n;
	job->regions.boxes = NULL;
	if (counts_as_changed(c, &job->regions))
		d->status = S2P_DIFF_CHANGED;
	else
		d->status = e->moved ? S2P_DIFF_MOVED : S2P_DIFF_UNCHANGED;
	return 0;
}

static void
count(s2p_diff_result *r)
{
	for (int k = 0; k < r->n_slides; k++)
		switch (r->slides[k].status) {
		case S2P_DIFF_UNCHANGED: r->n_unchanged++; break;
		case S2P_DIFF_CHANGED: r->n_changed++; break;
		case S2P_DIFF_ADDED: r->n_added++; break;
		case S2P_DIFF_REMOVED: r->n_removed++; break;
		case S2P_DIFF_MOVED: r->n_moved++; break;
		default: r->n_failed++; break;
		}
}

/* Match, compare and fill @r (after pass 1). */
static int
classify(diff_ctx *c, s2p_diff_result *r, s2p_error *err)
{
	diff_side *o = &c->side[OLD];
	size_t no = (size_t) o->n + 1;
	int *old_to_new = s2p_malloc_array(no, sizeof (int));
	int *by = s2p_malloc_array(no, sizeof (int));
	int *moved = s2p_malloc_array(no, sizeof (int));
	compare_job *jobs = NULL;
	size_t n_jobs = 0;
	entry *e = NULL;
	int n = 0, skipped = 0, rc;

	if (!old_to_new || !by || !moved)
		rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	else
		rc = diff_match(o->items, o->n, c->side[NEW].items, c->side[NEW].n,
		                c->o->ignore_ids, old_to_new, by, &skipped, err);
	if (!rc)
		rc = diff_moved(old_to_new, o->n, moved, err);
	if (!rc && !(e = make_entries(c, old_to_new, by, moved, &n, err)))
		rc = err->code ? err->code : S2P_ENOMEM;
	if (!rc) {
		r->slides = s2p_calloc_array((size_t) n + 1, sizeof *r->slides);
		if (!r->slides)
			rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		else
			r->n_slides = n;
	}
	if (!rc)
		rc = compare_prepare(c, e, n, &jobs, &n_jobs, err);
	/* names before the run: pass 2's workers write those files */
	if (!rc)
		rc = name_images(c, e, n, jobs, r, err);
	if (!rc)
		rc = compare_run(c, jobs, n_jobs, err);
	for (int k = 0; !rc && k < n; k++)
		rc = fill_slide(c, &e[k], e[k].job >= 0 ? &jobs[e[k].job] : NULL,
		                &r->slides[k], err);
	for (size_t j = 0; jobs && j < n_jobs; j++)
		free(jobs[j].regions.boxes);
	free(jobs);
	free(e);
	free(old_to_new);
	free(by);
	free(moved);
	return rc;
}

int
s2p_diff_run(s2p_deck *old_deck, s2p_deck *new_deck, const s2p_diff_opts *o,
             s2p_diff_result *r, s2p_error *err)
{
	diff_ctx c;
	double t0 = s2p_now_ms();
	int rc;

	memset(r, 0, sizeof *r);
	if (!old_deck || !new_deck || !o)
		return S2P_FAIL(err, S2P_EARG, "no deck or options");
	if (o->render.slides)
		return S2P_FAIL(err, S2P_EARG, "a slide selection cannot apply to two "
		                "decks with different numbering");
	if (!(o->threshold >= 0 && o->threshold <= 1) || o->tolerance < 0 ||
	    o->tolerance > 255 || o->thumb_width_px < 1 || o->thumb_width_px > 4096)
		return S2P_FAIL(err, S2P_EARG, "threshold must be in 0..1, tolerance "
		                "in 0..255, thumbnail width in 1..4096");
	memset(&c, 0, sizeof c);
	c.o = o;
	c.bg = o->render.replace_background ? o->render.background_rgba : NULL;
	rc = side_init(&c, &c.side[OLD], "old", old_deck, err);
	if (!rc)
		rc = side_init(&c, &c.side[NEW], "new", new_deck, err);
	if (!rc) {
		/* on this thread, before any worker: the caller's font folders */
		c.fonts = draw_fonts_new(o->render.font_dirs, o->render.n_font_dirs,
		                         o->render.font_substs,
		                         o->render.n_font_substs, err);
		rc = c.fonts ? 0 : err->code ? err->code : S2P_ENOMEM;
	}
	if (!rc) {
		/* NULL cache (no memory): each picture is decoded for each use */
		c.images = draw_image_cache_new(DIFF_IMAGE_CACHE_BYTES, NULL);
		rc = pass_render(&c, err);
	}
	if (!rc)
		rc = classify(&c, r, err);
	S2P_CLEAR(draw_image_cache_free, c.images);
	S2P_CLEAR(draw_fonts_free, c.fonts);
	r->old_count = c.side[OLD].n;
	r->new_count = c.side[NEW].n;
	r->old_width_px = c.side[OLD].width;
	r->old_height_px = c.side[OLD].height;
	r->new_width_px = c.side[NEW].width;
	r->new_height_px = c.side[NEW].height;
	side_fini(&c.side[OLD]);
	side_fini(&c.side[NEW]);
	count(r);
	r->render_wall_ms = s2p_now_ms() - t0;
	return rc;
}

void
s2p_diff_result_fini(s2p_diff_result *r)
{
	if (!r)
		return;
	for (int k = 0; k < r->n_slides; k++) {
		s2p_diff_slide *d = &r->slides[k];
		free(d->regions);
		free(d->image);
		free(d->old_thumb);
		free(d->new_thumb);
	}
	free(r->slides);
	memset(r, 0, sizeof *r);
}
