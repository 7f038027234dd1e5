/*
 * Loading a deck: find the main part through the package relationships,
 * parse presentation.xml (load_begin), then each slide with its layout,
 * master and theme (load_slide_entry, in slide order, all at once or one
 * by one while the first ones render). Layouts, masters, themes and media
 * are cached by part name for the whole session, so each is parsed once
 * and shared (refcounted) by the slides using it. A broken slide is
 * recorded and skipped; the rest of the deck loads.
 */
#include "load/load.h"
#include "load/load-imp.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SLIDES = 100000 };

void *
load_cache_get(load_cache *c, const char *part, s2p_error *err, int *found)
{
	*found = 0;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->items[i].part, part) == 0) {
			*found = 1;
			if (!c->items[i].obj && err)
				*err = c->items[i].error;
			return c->items[i].obj;
		}
	return NULL;
}

int
load_cache_put(load_cache *c, const char *part, void *obj,
               const s2p_error *failure)
{
	load_cache_entry *e;

	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 16;
		e = s2p_realloc_array(c->items, ncap, sizeof *e);
		if (!e)
			return S2P_ENOMEM;
		c->items = e;
		c->cap = ncap;
	}
	e = &c->items[c->n];
	memset(e, 0, sizeof *e);
	e->part = s2p_strdup(part);
	if (!e->part)
		return S2P_ENOMEM;
	e->obj = obj;
	if (failure)
		e->error = *failure;
	c->n++;
	return 0;
}

static void
cache_fini(load_cache *c, void (*unref)(void *))
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->items[i].obj)
			unref(c->items[i].obj);
		free(c->items[i].part);
	}
	free(c->items);
	memset(c, 0, sizeof *c);
}

static void unref_theme(void *p) { dml_theme_unref(p); }
static void unref_master(void *p) { pml_master_unref(p); }
static void unref_layout(void *p) { pml_layout_unref(p); }
static void unref_blob(void *p) { s2p_blob_unref(p); }

/* Read, parse and check the root element of a part. */
static xmlDoc *
read_xml(load_ctx *ctx, const char *part, const char *root_name, s2p_error *err)
{
	s2p_blob *blob = NULL;
	xmlDoc *doc;

	if (opc_package_read(ctx->pkg, part, &blob, err)) {
		s2p_error_set_part(err, part);
		return NULL;
	}
	doc = opc_xml_parse(blob, part, ctx->lim, err);
	s2p_blob_unref(blob);
	if (!doc)
		return NULL;
	if (!sxml_is(xmlDocGetRootElement(doc), root_name)) {
		S2P_FAIL(err, S2P_EFORMAT, "expected a <%s> root element, found <%s>",
		         root_name, (const char *) xmlDocGetRootElement(doc)->name);
		s2p_error_set_part(err, part);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static dml_theme *
get_theme(load_ctx *ctx, const char *part, s2p_error *err)
{
	dml_theme *t;
	xmlDoc *doc;
	load_part lp;
	pml_diag_list diags = { 0 };
	int found, rc;

	t = load_cache_get(&ctx->themes, part, err, &found);
	if (found)
		return t;
	doc = read_xml(ctx, part, "theme", err);
	t = doc ? dml_theme_new() : NULL;
	if (doc && !t)
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	if (t) {
		memset(&lp, 0, sizeof lp);
		lp.ctx = ctx;
		lp.part = part;
		lp.arena = t->arena;
		lp.diags = &diags;
		lp.err = err;
		lp.rels = opc_rels_load(ctx->pkg, part, err);
		rc = lp.rels ? load_theme_parse(&lp, xmlDocGetRootElement(doc), t) : 1;
		opc_rels_free(lp.rels);
		if (rc) {
			s2p_error_set_part(err, part);
			S2P_CLEAR(dml_theme_unref, t);
		}
	}
	pml_diag_list_fini(&diags);
	xmlFreeDoc(doc);
	if (load_cache_put(&ctx->themes, part, t, t ? NULL : err)) {
		dml_theme_unref(t);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	return t;
}

/* Shared by masters, layouts and slides: parse the part's sheet. */
static int
parse_sheet(load_ctx *ctx, const char *part, const xmlNode *root,
            s2p_arena *arena, pml_sheet *sheet, opc_rels **rels_out,
            s2p_error *err)
{
	load_part lp;
	int rc;

	memset(&lp, 0, sizeof lp);
	lp.ctx = ctx;
	lp.part = part;
	lp.arena = arena;
	lp.diags = &sheet->diags;
	lp.err = err;
	sheet->part = s2p_arena_strdup(arena, part);
	lp.rels = opc_rels_load(ctx->pkg, part, err);
	if (!lp.rels)
		return err->code;
	rc = load_sheet(&lp, root, sheet);
	if (rc) {
		s2p_error_set_part(err, part);
		opc_rels_free(lp.rels);
		return rc;
	}
	*rels_out = lp.rels;
	return 0;
}

static int
parse_master_styles(load_ctx *ctx, pml_master *m, const xmlNode *root,
                    s2p_error *err)
{
	xmlNode *tx = sxml_child(root, "txStyles");
	load_part lp;
	int rc;

	memset(&lp, 0, sizeof lp);
	lp.ctx = ctx;
	lp.part = m->sheet.part;
	lp.arena = m->arena;
	lp.diags = &m->sheet.diags;
	lp.err = err;
	rc = load_list_style(&lp, sxml_child(tx, "titleStyle"), &m->title_style);
	if (!rc)
		rc = load_list_style(&lp, sxml_child(tx, "bodyStyle"), &m->body_style);
	if (!rc)
		rc = load_list_style(&lp, sxml_child(tx, "otherStyle"), &m->other_style);
	return rc;
}

static pml_master *
get_master(load_ctx *ctx, const char *part, s2p_error *err)
{
	pml_master *m;
	xmlDoc *doc;
	opc_rels *rels = NULL;
	const opc_rel *rel;
	int found;

	m = load_cache_get(&ctx->masters, part, err, &found);
	if (found)
		return m;
	doc = read_xml(ctx, part, "sldMaster", err);
	m = doc ? pml_master_new() : NULL;
	if (doc && !m)
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	if (m && (parse_sheet(ctx, part, xmlDocGetRootElement(doc), m->arena,
	                      &m->sheet, &rels, err) ||
	          parse_master_styles(ctx, m, xmlDocGetRootElement(doc), err)))
		S2P_CLEAR(pml_master_unref, m);
	if (m && !m->sheet.has_clr_map) {
		/* clrMap is required on a master; use the usual mapping */
		load_clr_map(NULL, m->sheet.clr_map);
		m->sheet.has_clr_map = 1;
	}
	if (m) {
		rel = opc_rels_find_kind(rels, "theme");
		if (rel && !rel->external && !rel->invalid)
			m->theme = dml_theme_ref(get_theme(ctx, rel->target, err));
		if (!m->theme) {
			/* a master without a usable theme still renders with Office's
			 * default palette; say so */
			s2p_error_clear(err);
			m->theme = dml_theme_new();
			pml_diag_add(&m->sheet.diags, part, "theme missing or unreadable; "
			             "using default colours");
			if (!m->theme) {
				S2P_FAIL(err, S2P_ENOMEM, "out of memory");
				S2P_CLEAR(pml_master_unref, m);
			}
			else {
				static const uint32_t dflt[DML_SLOT_THEME_COUNT] = {
					0x000000, 0xFFFFFF, 0x44546A, 0xE7E6E6, 0x4472C4,
					0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47,
					0x0563C1, 0x954F72 };
				memcpy(m->theme->scheme, dflt, sizeof dflt);
			}
		}
	}
	opc_rels_free(rels);
	xmlFreeDoc(doc);
	if (load_cache_put(&ctx->masters, part, m, m ? NULL : err)) {
		pml_master_unref(m);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	return m;
}

static pml_layout *
get_layout(load_ctx *ctx, const char *part, s2p_error *err)
{
	pml_layout *l;
	xmlDoc *doc;
	opc_rels *rels = NULL;
	const opc_rel *rel;
	int found;

	l = load_cache_get(&ctx->layouts, part, err, &found);
	if (found)
		return l;
	doc = read_xml(ctx, part, "sldLayout", err);
	l = doc ? pml_layout_new() : NULL;
	if (doc && !l)
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	if (l && parse_sheet(ctx, part, xmlDocGetRootElement(doc), l->arena,
	                     &l->sheet, &rels, err))
		S2P_CLEAR(pml_layout_unref, l);
	if (l) {
		l->type = s2p_arena_strdup(l->arena,
		                           sxml_attr(xmlDocGetRootElement(doc), "type"));
		rel = opc_rels_find_kind(rels, "slideMaster");
		if (!rel || rel->external || rel->invalid) {
			S2P_FAIL(err, S2P_EFORMAT, "layout has no slide master relationship");
			s2p_error_set_part(err, part);
		}
		else
			l->master = pml_master_ref(get_master(ctx, rel->target, err));
		if (!l->master)
			S2P_CLEAR(pml_layout_unref, l);
	}
	opc_rels_free(rels);
	xmlFreeDoc(doc);
	if (load_cache_put(&ctx->layouts, part, l, l ? NULL : err)) {
		pml_layout_unref(l);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	return l;
}

static void
load_slide(load_ctx *ctx, pml_slide_entry *e)
{
	xmlDoc *doc;
	pml_slide *s;
	opc_rels *rels = NULL;
	const opc_rel *rel;
	s2p_error *err = &e->error;

	doc = read_xml(ctx, e->part, "sld", err);
	if (!doc)
		return;
	s = pml_slide_new();
	if (!s) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		xmlFreeDoc(doc);
		return;
	}
	/* §19.3.1.38: show="0" hides the slide */
	e->hidden = !sxml_attr_bool(xmlDocGetRootElement(doc), "show", 1);
	if (parse_sheet(ctx, e->part, xmlDocGetRootElement(doc), s->arena, &s->sheet,
	                &rels, err))
		goto fail;
	rel = opc_rels_find_kind(rels, "slideLayout");
	if (!rel || rel->external || rel->invalid) {
		S2P_FAIL(err, S2P_EFORMAT, "slide has no layout relationship");
		s2p_error_set_part(err, e->part);
		goto fail;
	}
	s->layout = pml_layout_ref(get_layout(ctx, rel->target, err));
	if (!s->layout)
		goto fail;
	opc_rels_free(rels);
	xmlFreeDoc(doc);
	e->slide = s;
	return;
fail:
	opc_rels_free(rels);
	pml_slide_unref(s);
	xmlFreeDoc(doc);
}

static int
has_bytes(const s2p_blob *b, const char *needle)
{
	size_t m = strlen(needle);

	for (size_t i = 0; i + m <= b->size; i++)
		if (memcmp(b->data + i, needle, m) == 0)
			return 1;
	return 0;
}

/* Explain what the package is when it is not a presentation. */
static int
not_a_presentation(opc_package *pkg, s2p_error *err)
{
	s2p_blob *b = NULL;

	if (opc_package_has(pkg, "/mimetype") &&
	    !opc_package_read(pkg, "/mimetype", &b, NULL)) {
		int odp = has_bytes(b, "opendocument.presentation");
		s2p_blob_unref(b);
		if (odp)
			return S2P_FAIL(err, S2P_EUNSUPPORTED, "an OpenDocument presentation "
			                "(.odp), not a .pptx; only .pptx/.ppsx/.potx/.pptm "
			                "are supported");
		return S2P_FAIL(err, S2P_EFORMAT, "an OpenDocument file, not a "
		                "PowerPoint presentation");
	}
	if (opc_package_has(pkg, "/word/document.xml"))
		return S2P_FAIL(err, S2P_EFORMAT, "a Word document, not a presentation");
	if (opc_package_has(pkg, "/xl/workbook.xml"))
		return S2P_FAIL(err, S2P_EFORMAT, "an Excel workbook, not a presentation");
	return S2P_FAIL(err, S2P_EFORMAT, "a ZIP file without a PowerPoint "
	                "presentation in it");
}

/* The table styles part, kept parsed while the slides load: tables look
 * their tableStyleId up in it. Unreadable is a diagnostic, not an error. */
static void
load_table_styles(load_ctx *ctx, pml_presentation *p, const opc_rels *rels)
{
	const opc_rel *rel = opc_rels_find_kind(rels, "tableStyles");
	s2p_error e;

	if (!rel || rel->external || rel->invalid)
		return;
	s2p_error_clear(&e);
	ctx->table_styles = read_xml(ctx, rel->target, "tblStyleLst", &e);
	if (!ctx->table_styles)
		pml_diag_add(&p->diags, rel->target, "table styles not read: %s", e.msg);
}

static int
parse_presentation(load_ctx *ctx, pml_presentation *p, const char *main_part,
                   s2p_error *err)
{
	xmlDoc *doc = read_xml(ctx, main_part, "presentation", err);
	xmlNode *root, *e;
	opc_rels *rels;
	load_part lp;
	uint32_t n = 0;
	int64_t cx = 0, cy = 0;
	int32_t first;
	int rc;

	if (!doc)
		return err->code;
	root = xmlDocGetRootElement(doc);
	rels = opc_rels_load(ctx->pkg, main_part, err);
	if (!rels) {
		xmlFreeDoc(doc);
		return err->code;
	}
	/* §19.2.1.39: slide size 914400..51206400 EMU; 4:3 when absent */
	p->sld_cx = 9144000;
	p->sld_cy = 6858000;
	if ((e = sxml_child(root, "sldSz")) != NULL &&
	    sxml_attr_i64(e, "cx", &cx) == 1 && sxml_attr_i64(e, "cy", &cy) == 1) {
		if (cx < 914400 || cx > 51206400 || cy < 914400 || cy > 51206400)
			pml_diag_add(&p->diags, main_part, "slide size %lldx%lld EMU out "
			             "of range; clamped", (long long) cx, (long long) cy);
		p->sld_cx = cx < 914400 ? 914400 : cx > 51206400 ? 51206400 : cx;
		p->sld_cy = cy < 914400 ? 914400 : cy > 51206400 ? 51206400 : cy;
	}
	if (sxml_attr_i32(root, "firstSlideNum", &first) == 1 && first >= 0 &&
	    first <= 9999)
		p->first_slide_num = first;
	memset(&lp, 0, sizeof lp);
	lp.ctx = ctx;
	lp.part = main_part;
	lp.arena = p->arena;
	lp.diags = &p->diags;
	lp.err = err;
	lp.rels = rels;
	rc = load_list_style(&lp, sxml_child(root, "defaultTextStyle"),
	                     &p->default_text_style);
	if (rc)
		goto out;
	load_table_styles(ctx, p, rels);
	e = sxml_child(root, "sldIdLst");
	SXML_EACH(c, e)
		if (sxml_is(c, "sldId"))
			n++;
	if (n > MAX_SLIDES) {
		rc = S2P_FAIL(err, S2P_ELIMIT, "%u slides (limit %d)", n, MAX_SLIDES);
		goto out;
	}
	if (n == 0) {
		rc = S2P_FAIL(err, S2P_EFORMAT, "the presentation has no slides");
		goto out;
	}
	p->slides = s2p_arena_alloc_array(p->arena, n, sizeof *p->slides);
	if (!p->slides) {
		rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		goto out;
	}
	SXML_EACH(c, e) {
		pml_slide_entry *se;
		const opc_rel *rel;
		int64_t id = 0;

		if (!sxml_is(c, "sldId"))
			continue;
		se = &p->slides[p->n_slides++];
		se->number = (int) p->n_slides;
		if (sxml_attr_i64(c, "id", &id) == 1 && id >= 0 && id <= UINT32_MAX)
			se->sld_id = (uint32_t) id;
		rel = opc_rels_find(rels, sxml_attr_rel(c, "id"));
		if (!rel || rel->external || rel->invalid || !opc_rel_is_kind(rel, "slide")) {
			S2P_FAIL(&se->error, S2P_EFORMAT, "p:sldId has no valid slide "
			         "relationship");
			s2p_error_set_part(&se->error, main_part);
			se->error.xml_line = sxml_line(c);
			continue;
		}
		se->part = s2p_arena_strdup(p->arena, rel->target);
		if (!se->part)
			S2P_FAIL(&se->error, S2P_ENOMEM, "out of memory");
	}
out:
	opc_rels_free(rels);
	xmlFreeDoc(doc);
	return rc;
}

/*
 * Was the deck last saved by PowerPoint (docProps/app.xml Application)?
 * PowerPoint writes the autofit scale it computed; a bare normAutofit from
 * it means 100 %, while from a generator it means "shrink on open".
 */
static int
saved_by_powerpoint(load_ctx *ctx, const opc_rels *root_rels)
{
	const opc_rel *rel = opc_rels_find_kind(root_rels, "extended-properties");
	s2p_blob *blob = NULL;
	xmlDoc *doc;
	int yes = 0;

	if (!rel || rel->external || rel->invalid ||
	    opc_package_read(ctx->pkg, rel->target, &blob, NULL))
		return 0;
	doc = opc_xml_parse(blob, rel->target, ctx->lim, NULL);
	s2p_blob_unref(blob);
	if (!doc)
		return 0;
	SXML_EACH(c, xmlDocGetRootElement(doc))
		if (sxml_is(c, "Application") && c->children &&
		    c->children->type == XML_TEXT_NODE &&
		    strstr((const char *) c->children->content, "PowerPoint"))
			yes = 1;
	xmlFreeDoc(doc);
	return yes;
}

struct load_session {
	load_ctx ctx;
};

load_session *
load_begin(opc_package *pkg, pml_presentation **out, s2p_error *err)
{
	load_session *s;
	load_ctx *ctx;
	opc_rels *root_rels;
	const opc_rel *main_rel;
	pml_presentation *p = NULL;
	char main_part[512];
	const char *ct;
	int by_powerpoint;

	*out = NULL;
	s = calloc(1, sizeof *s);
	if (!s) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	ctx = &s->ctx;
	ctx->pkg = pkg;
	ctx->lim = opc_package_limits(pkg);
	root_rels = opc_rels_load(pkg, "/", err);
	if (!root_rels)
		goto fail;
	main_rel = opc_rels_find_kind(root_rels, "officeDocument");
	if (!main_rel || main_rel->external || main_rel->invalid) {
		opc_rels_free(root_rels);
		not_a_presentation(pkg, err);
		goto fail;
	}
	snprintf(main_part, sizeof main_part, "%s", main_rel->target);
	by_powerpoint = saved_by_powerpoint(ctx, root_rels);
	opc_rels_free(root_rels);
	ct = opc_package_content_type(pkg, main_part);
	/* .pptx, .pptm, .ppsx, .potx...: presentationml or ms-powerpoint
	 * types; the root element check below catches the rest */
	if (ct && (strstr(ct, "wordprocessingml") || strstr(ct, "spreadsheetml"))) {
		not_a_presentation(pkg, err);
		goto fail;
	}
	p = pml_presentation_new();
	if (!p) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		goto fail;
	}
	p->path = s2p_arena_strdup(p->arena, opc_package_name(pkg));
	p->by_powerpoint = (uint8_t) by_powerpoint;
	if (parse_presentation(ctx, p, main_part, err))
		goto fail;
	*out = p;
	return s;
fail:
	pml_presentation_free(p);
	load_end(s);
	return NULL;
}

void
load_slide_entry(load_session *s, pml_presentation *p, uint32_t index)
{
	pml_slide_entry *e;

	if (!s || index >= p->n_slides)
		return;
	e = &p->slides[index];
	/* entries without a part already carry their error */
	if (e->part && !e->slide && !e->error.code)
		load_slide(&s->ctx, e);
}

void
load_end(load_session *s)
{
	if (!s)
		return;
	S2P_CLEAR(xmlFreeDoc, s->ctx.table_styles);
	cache_fini(&s->ctx.themes, unref_theme);
	cache_fini(&s->ctx.masters, unref_master);
	cache_fini(&s->ctx.layouts, unref_layout);
	cache_fini(&s->ctx.media, unref_blob);
	free(s);
}

pml_presentation *
load_presentation(opc_package *pkg, s2p_error *err)
{
	pml_presentation *p;
	load_session *s = load_begin(pkg, &p, err);

	if (!s)
		return NULL;
	for (uint32_t i = 0; i < p->n_slides; i++)
		load_slide_entry(s, p, i);
	load_end(s);
	return p;
}
