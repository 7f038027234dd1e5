/*
 * Building a single-slide presentation: copy the deck-level values, deep
 * copy the default text style into the new arena, and take a reference on
 * the slide (which holds its layout, master and theme).
 */
#include "split/split.h"

#include <string.h>

pml_presentation *
split_slide(const pml_presentation *deck, uint32_t index, s2p_error *err)
{
	const pml_slide_entry *src;
	pml_presentation *p;

	if (index >= deck->n_slides || !deck->slides[index].slide) {
		S2P_FAIL(err, S2P_EINTERNAL, "split of a slide that did not load");
		return NULL;
	}
	src = &deck->slides[index];
	p = pml_presentation_new();
	if (!p)
		goto nomem;
	p->sld_cx = deck->sld_cx;
	p->sld_cy = deck->sld_cy;
	p->first_slide_num = deck->first_slide_num;
	p->by_powerpoint = deck->by_powerpoint;
	p->path = s2p_arena_strdup(p->arena, deck->path);
	p->slides = s2p_arena_alloc(p->arena, sizeof *p->slides);
	if (!p->path || !p->slides ||
	    dml_list_style_copy(&p->default_text_style, &deck->default_text_style,
	                        p->arena))
		goto nomem;
	p->n_slides = 1;
	p->slides[0].number = src->number;
	p->slides[0].hidden = src->hidden;
	p->slides[0].sld_id = src->sld_id;
	p->slides[0].part = s2p_arena_strdup(p->arena, src->part);
	p->slides[0].slide = pml_slide_ref(src->slide);
	return p;
nomem:
	pml_presentation_free(p);
	S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	return NULL;
}
