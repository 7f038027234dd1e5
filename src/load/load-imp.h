/*
 * Loader internals: the per-deck context (package, limits, caches of
 * themes, masters, layouts and media, so each part is parsed and each
 * media part read exactly once) and the per-part state every parse
 * function receives.
 */
#ifndef S2P_LOAD_LOAD_IMP_H
#define S2P_LOAD_LOAD_IMP_H

#include "model/pml.h"
#include "opc/opc.h"
#include "xml/sxml.h"

typedef struct load_cache_entry {
	char *part;
	void *obj;            /* dml_theme*, pml_master*, pml_layout*, s2p_blob* */
	s2p_error error;      /* remembered failure, so it is not retried */
} load_cache_entry;

typedef struct load_cache {
	load_cache_entry *items;
	size_t n, cap;
} load_cache;

typedef struct load_ctx {
	opc_package *pkg;
	const s2p_limits *lim;
	load_cache themes, masters, layouts, media;
	xmlDoc *table_styles; /* ppt/tableStyles.xml while slides load, or NULL */
} load_ctx;

/* State while parsing one part into one owner's arena. */
typedef struct load_part {
	load_ctx *ctx;
	const char *part;
	opc_rels *rels;
	s2p_arena *arena;
	pml_diag_list *diags;
	uint32_t n_shapes;
	s2p_error *err;
} load_part;

/* load-dml.c */
int load_color(load_part *lp, const xmlNode *parent, dml_color *out);
void load_color_elem(load_part *lp, const xmlNode *el, dml_color *out);
int load_is_fill(const xmlNode *n);
int load_fill(load_part *lp, const xmlNode *parent, dml_fill *out);
int load_fill_elem(load_part *lp, const xmlNode *el, dml_fill *out);
int load_line(load_part *lp, const xmlNode *ln, dml_line *out);
void load_xfrm(const xmlNode *xfrm, dml_xfrm *out);
int load_style_ref(load_part *lp, const xmlNode *ref, dml_style_ref *out);
int load_media(load_part *lp, const char *rid, int external, dml_media *out);
int load_text_body(load_part *lp, const xmlNode *tx_body, dml_text_body **out);
int load_list_style(load_part *lp, const xmlNode *lst, dml_list_style *out);
int load_bpr(load_part *lp, const xmlNode *bpr, dml_bpr *out);
void load_effects(load_part *lp, const xmlNode *effect_lst, dml_effects *out);

/* load-shape.c */
int load_sheet(load_part *lp, const xmlNode *root, pml_sheet *sheet);
void load_clr_map(const xmlNode *map, uint8_t out[4]);

/* load-theme.c */
int load_theme_parse(load_part *lp, const xmlNode *root, dml_theme *theme);

/* load-presentation.c: cache helpers */
void *load_cache_get(load_cache *c, const char *part, s2p_error *err, int *found);
int load_cache_put(load_cache *c, const char *part, void *obj,
                   const s2p_error *failure);

#endif
