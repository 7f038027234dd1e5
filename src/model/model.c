/*
 * Lifetimes of the model objects: themes, masters, layouts and slides are
 * refcounted (atomic), each owning an arena; a presentation is owned by
 * one caller. Releasing an object drops the media blobs its shapes hold.
 */
#include "model/pml.h"
#include "model/dml-chart.h"
#include "model/dml-table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
dml_fill_release(dml_fill *f)
{
	if (!f)
		return;
	S2P_CLEAR(s2p_blob_unref, f->media.blob);
	S2P_CLEAR(s2p_blob_unref, f->svg.blob);
}

void
dml_text_body_release(dml_text_body *t)
{
	(void) t; /* text holds no media references (see load_rpr) */
}

void
dml_shape_release(dml_shape *s)
{
	if (!s)
		return;
	dml_fill_release(&s->fill);
	dml_fill_release(&s->line.fill);
	dml_fill_release(&s->blip);
	dml_text_body_release(s->text);
	dml_table_release(s->table);
	dml_chart_release(s->chart);
	for (uint32_t i = 0; i < s->n_children; i++)
		dml_shape_release(&s->children[i]);
}

static void
sheet_release(pml_sheet *sh)
{
	dml_fill_release(&sh->bg_fill);
	dml_shape_release(&sh->tree);
	pml_diag_list_fini(&sh->diags);
}

dml_theme *
dml_theme_new(void)
{
	dml_theme *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->arena = s2p_arena_new();
	if (!t->arena) {
		free(t);
		return NULL;
	}
	atomic_init(&t->refs, 1);
	return t;
}

dml_theme *
dml_theme_ref(dml_theme *t)
{
	if (t)
		atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
	return t;
}

void
dml_theme_unref(dml_theme *t)
{
	if (!t || atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) != 1)
		return;
	for (uint32_t i = 0; i < t->n_fill_styles; i++)
		dml_fill_release(&t->fill_styles[i]);
	for (uint32_t i = 0; i < t->n_bg_fill_styles; i++)
		dml_fill_release(&t->bg_fill_styles[i]);
	for (uint32_t i = 0; i < t->n_line_styles; i++)
		dml_fill_release(&t->line_styles[i].fill);
	s2p_arena_free(t->arena);
	free(t);
}

/* The three sheet owners share one lifecycle; the macro keeps them in
 * step (allocate with an arena, ref, unref releasing sheet and parent). */
#define PML_REFCOUNTED(type, release_extra)                                  \
	type *type##_new(void)                                               \
	{                                                                    \
		type *o = calloc(1, sizeof *o);                              \
		if (!o)                                                      \
			return NULL;                                         \
		o->arena = s2p_arena_new();                                  \
		if (!o->arena) {                                             \
			free(o);                                             \
			return NULL;                                         \
		}                                                            \
		atomic_init(&o->refs, 1);                                    \
		o->sheet.show_master_sp = 1;                                 \
		return o;                                                    \
	}                                                                    \
	type *type##_ref(type *o)                                            \
	{                                                                    \
		if (o)                                                       \
			atomic_fetch_add_explicit(&o->refs, 1,               \
			                          memory_order_relaxed);     \
		return o;                                                    \
	}                                                                    \
	void type##_unref(type *o)                                           \
	{                                                                    \
		if (!o || atomic_fetch_sub_explicit(&o->refs, 1,             \
		                                    memory_order_acq_rel) != 1) \
			return;                                              \
		sheet_release(&o->sheet);                                    \
		release_extra;                                               \
		s2p_arena_free(o->arena);                                    \
		free(o);                                                     \
	}

PML_REFCOUNTED(pml_master, dml_theme_unref(o->theme))
PML_REFCOUNTED(pml_layout, pml_master_unref(o->master))
PML_REFCOUNTED(pml_slide, pml_layout_unref(o->layout))

pml_presentation *
pml_presentation_new(void)
{
	pml_presentation *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	p->arena = s2p_arena_new();
	if (!p->arena) {
		free(p);
		return NULL;
	}
	p->first_slide_num = 1;
	return p;
}

void
pml_presentation_free(pml_presentation *p)
{
	if (!p)
		return;
	for (uint32_t i = 0; i < p->n_slides; i++)
		pml_slide_unref(p->slides[i].slide);
	pml_diag_list_fini(&p->diags);
	s2p_arena_free(p->arena);
	free(p);
}

enum { DIAG_CAP = 200 };

void
pml_diag_add(pml_diag_list *l, const char *part, const char *fmt, ...)
{
	pml_diag d;
	va_list ap;

	memset(&d, 0, sizeof d);
	snprintf(d.part, sizeof d.part, "%s", part ? part : "");
	va_start(ap, fmt);
	vsnprintf(d.msg, sizeof d.msg, fmt, ap);
	va_end(ap);
	for (uint32_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].msg, d.msg) && !strcmp(l->items[i].part, d.part))
			return;
	if (l->n == DIAG_CAP) {
		l->dropped++;
		return;
	}
	if (l->n == l->cap) {
		uint32_t ncap = l->cap ? l->cap * 2 : 8;
		pml_diag *n = s2p_realloc_array(l->items, ncap, sizeof *n);
		if (!n) {
			l->dropped++;
			return;
		}
		l->items = n;
		l->cap = ncap;
	}
	l->items[l->n++] = d;
}

void
pml_diag_list_fini(pml_diag_list *l)
{
	if (!l)
		return;
	free(l->items);
	memset(l, 0, sizeof *l);
}

static const char *
copy_str(s2p_arena *a, const char *s, int *ok)
{
	char *d;

	if (!s)
		return NULL;
	d = s2p_arena_strdup(a, s);
	if (!d)
		*ok = 0;
	return d;
}

static void
rpr_copy(dml_rpr *r, s2p_arena *a, int *ok)
{
	r->latin = copy_str(a, r->latin, ok);
	r->ea = copy_str(a, r->ea, ok);
	r->cs = copy_str(a, r->cs, ok);
	r->sym = copy_str(a, r->sym, ok);
	r->lang = copy_str(a, r->lang, ok);
	r->fill.prst = copy_str(a, r->fill.prst, ok);
	r->fill.media.part = copy_str(a, r->fill.media.part, ok);
	if (r->effects) {
		r->effects = s2p_arena_memdup(a, r->effects, sizeof *r->effects);
		if (!r->effects)
			*ok = 0;
	}
	/* text fills in a list style are solid or none in practice; a
	 * gradient keeps its stops by copy, a picture fill is dropped */
	if (r->fill.n_stops) {
		r->fill.stops = s2p_arena_memdup(a, r->fill.stops,
		                                 r->fill.n_stops * sizeof *r->fill.stops);
		if (!r->fill.stops)
			*ok = 0;
	}
	if (r->fill.kind == DML_FILL_BLIP) {
		r->fill.kind = DML_FILL_UNSET;
		r->fill.media.blob = NULL;
		r->fill.svg.blob = NULL;
		r->fill.svg.part = NULL;
		r->fill.fx = NULL;
		r->fill.n_fx = 0;
	}
}

static void
ppr_copy(dml_ppr *p, s2p_arena *a, int *ok)
{
	p->bu_char = copy_str(a, p->bu_char, ok);
	p->bu_scheme = copy_str(a, p->bu_scheme, ok);
	p->bu_font = copy_str(a, p->bu_font, ok);
	if (p->n_tabs) {
		p->tabs = s2p_arena_memdup(a, p->tabs, p->n_tabs * sizeof *p->tabs);
		if (!p->tabs)
			*ok = 0;
	}
	rpr_copy(&p->def_rpr, a, ok);
}

int
dml_list_style_copy(dml_list_style *dst, const dml_list_style *src, s2p_arena *a)
{
	int ok = 1;

	*dst = *src;
	for (int i = 0; i < DML_LEVELS; i++)
		ppr_copy(&dst->lvl[i], a, &ok);
	ppr_copy(&dst->def, a, &ok);
	return ok ? 0 : S2P_ENOMEM;
}
