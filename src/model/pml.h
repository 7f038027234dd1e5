/*
 * The PresentationML model: presentation, slides, layouts, masters.
 * Masters, layouts, slides and themes are refcounted and immutable after
 * loading, each in its own arena, so the splitter can hand one slide and
 * what it depends on to a worker by taking references, with nothing
 * mutable shared between workers.
 */
#ifndef S2P_MODEL_PML_H
#define S2P_MODEL_PML_H

#include "model/dml.h"

/* A diagnostic: something not drawn, or drawn approximately. */
typedef struct pml_diag {
	char part[96];
	char msg[160];
} pml_diag;

typedef struct pml_diag_list {
	pml_diag *items;
	uint32_t n, cap;
	uint32_t dropped;    /* beyond the cap, counted only */
} pml_diag_list;

/* Append a diagnostic unless an identical one is already listed. */
void pml_diag_add(pml_diag_list *l, const char *part, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void pml_diag_list_fini(pml_diag_list *l);

/* What slides, layouts and masters share: a background and a shape tree. */
typedef struct pml_sheet {
	const char *part;       /* "/ppt/slides/slide1.xml" */
	const char *name;       /* cSld@name */
	uint8_t has_bg;
	dml_fill bg_fill;       /* p:bg/p:bgPr */
	dml_style_ref bg_ref;   /* p:bg/p:bgRef */
	dml_shape tree;         /* p:spTree as a group */
	uint8_t show_master_sp; /* slides and layouts; default 1 */
	uint8_t has_clr_map;    /* master clrMap, or slide/layout override */
	uint8_t clr_map[4];     /* bg1, tx1, bg2, tx2 -> theme slot */
	pml_diag_list diags;    /* found while loading this part */
} pml_sheet;

typedef struct pml_master {
	atomic_int refs;
	s2p_arena *arena;
	pml_sheet sheet;
	dml_list_style title_style, body_style, other_style;
	dml_theme *theme;       /* a reference */
} pml_master;

typedef struct pml_layout {
	atomic_int refs;
	s2p_arena *arena;
	pml_sheet sheet;
	const char *type;       /* sldLayout@type */
	pml_master *master;     /* a reference */
} pml_layout;

typedef struct pml_slide {
	atomic_int refs;
	s2p_arena *arena;
	pml_sheet sheet;
	pml_layout *layout;     /* a reference */
} pml_slide;

typedef struct pml_slide_entry {
	int number;             /* 1-based position in sldIdLst */
	uint8_t hidden;         /* p:sld@show = 0/false */
	uint32_t sld_id;        /* p:sldId@id */
	const char *part;
	pml_slide *slide;       /* NULL when the slide failed to load */
	s2p_error error;        /* why it failed */
} pml_slide_entry;

typedef struct pml_presentation {
	s2p_arena *arena;
	const char *path;       /* the deck's file name, for messages */
	int64_t sld_cx, sld_cy; /* EMU */
	int32_t first_slide_num;
	uint8_t by_powerpoint;  /* docProps/app.xml names PowerPoint: stored
	                           autofit values are final */
	dml_list_style default_text_style;
	pml_slide_entry *slides;
	uint32_t n_slides;
	pml_diag_list diags;    /* deck-level: unsupported parts, ... */
} pml_presentation;

pml_master *pml_master_new(void);
pml_master *pml_master_ref(pml_master *m);
void pml_master_unref(pml_master *m);
pml_layout *pml_layout_new(void);
pml_layout *pml_layout_ref(pml_layout *l);
void pml_layout_unref(pml_layout *l);
pml_slide *pml_slide_new(void);
pml_slide *pml_slide_ref(pml_slide *s);
void pml_slide_unref(pml_slide *s);

pml_presentation *pml_presentation_new(void);
void pml_presentation_free(pml_presentation *p);

#endif
