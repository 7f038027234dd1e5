/*
 * Parsing a sheet (slide, layout or master): its background and its shape
 * tree (p:sp, p:grpSp, p:pic, p:cxnSp, p:graphicFrame, and the Fallback of
 * mc:AlternateContent). Shape counts and group depth are limited; what we
 * cannot draw yet is kept as a diagnostic, never drawn as something else.
 */
#include "load/load-imp.h"
#include "load/load-chart.h"
#include "load/load-geom.h"
#include "load/load-table.h"

#include <stdio.h>
#include <string.h>

static const struct { const char *name; uint8_t type; } ph_types[] = {
	{ "title", DML_PH_TITLE }, { "ctrTitle", DML_PH_CTR_TITLE },
	{ "subTitle", DML_PH_SUB_TITLE }, { "body", DML_PH_BODY },
	{ "obj", DML_PH_OBJ }, { "dt", DML_PH_DT }, { "ftr", DML_PH_FTR },
	{ "sldNum", DML_PH_SLD_NUM }, { "hdr", DML_PH_HDR }, { "pic", DML_PH_PIC },
	{ "chart", DML_PH_CHART }, { "tbl", DML_PH_TBL },
	{ "clipArt", DML_PH_CLIP_ART }, { "dgm", DML_PH_DGM },
	{ "media", DML_PH_MEDIA }, { "sldImg", DML_PH_SLD_IMG },
};

static void
load_ph(const xmlNode *ph, dml_ph *out)
{
	const char *type;
	int64_t idx;

	memset(out, 0, sizeof *out);
	if (!ph)
		return;
	out->has = 1;
	out->type = DML_PH_OBJ; /* §19.3.1.36: type defaults to obj */
	type = sxml_attr(ph, "type");
	if (type) {
		out->type = DML_PH_OTHER;
		for (size_t i = 0; i < S2P_ARRAY_LEN(ph_types); i++)
			if (!strcmp(type, ph_types[i].name))
				out->type = ph_types[i].type;
	}
	if (sxml_attr_i64(ph, "idx", &idx) == 1 && idx >= 0 && idx <= UINT32_MAX) {
		out->has_idx = 1;
		out->idx = (uint32_t) idx;
	}
}

/* The non-visual part: p:nvSpPr, p:nvPicPr, ... (first child named nv*). */
static void
load_nv(load_part *lp, const xmlNode *shape, dml_shape *s)
{
	xmlNode *nv = sxml_first(shape), *c;
	int64_t id;

	if (!nv || strncmp((const char *) nv->name, "nv", 2) != 0)
		return;
	if ((c = sxml_child(nv, "cNvPr")) != NULL) {
		if (sxml_attr_i64(c, "id", &id) == 1 && id >= 0 && id <= UINT32_MAX)
			s->id = (uint32_t) id;
		s->name = s2p_arena_strdup(lp->arena, sxml_attr(c, "name"));
		s->hidden = (uint8_t) sxml_attr_bool(c, "hidden", 0);
	}
	load_ph(sxml_path(nv, "nvPr", "ph", NULL), &s->ph);
}

static int
load_sppr(load_part *lp, const xmlNode *sppr, dml_shape *s)
{
	xmlNode *e;
	int rc;

	if (!sppr)
		return 0;
	load_xfrm(sxml_child(sppr, "xfrm"), &s->xfrm);
	if ((e = sxml_child(sppr, "prstGeom")) != NULL) {
		const char *prst = sxml_attr(e, "prst");
		size_t n_adj = 0;
		s->prst = s2p_arena_strdup(lp->arena, prst ? prst : "");
		s->geom = dml_geom_preset(prst ? prst : "");
		if (!s->geom)
			pml_diag_add(lp->diags, lp->part, "unknown preset geometry '%s'; "
			             "shape not drawn", s->prst);
		rc = load_geom_parse_avlst(sxml_child(e, "avLst"), lp->arena, &s->adj,
		                           &n_adj, lp->err);
		if (rc)
			return rc;
		s->n_adj = (uint32_t) n_adj;
	}
	else if ((e = sxml_child(sppr, "custGeom")) != NULL) {
		s2p_error gerr;
		s2p_error_clear(&gerr);
		s->prst = "custom";
		s->geom = load_geom_parse_cust(e, lp->arena, &gerr);
		if (!s->geom) {
			if (gerr.code == S2P_ENOMEM)
				return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
			pml_diag_add(lp->diags, lp->part, "custom geometry of '%s' not "
			             "drawn: %s", s->name ? s->name : "", gerr.msg);
		}
	}
	rc = load_fill(lp, sppr, &s->fill);
	if (rc)
		return rc;
	if ((e = sxml_child(sppr, "ln")) != NULL) {
		s->has_line = 1;
		rc = load_line(lp, e, &s->line);
		if (rc)
			return rc;
	}
	if ((e = sxml_child(sppr, "effectLst")) != NULL)
		load_effects(lp, e, &s->effects);
	else if (sxml_child(sppr, "effectDag"))
		pml_diag_add(lp->diags, lp->part, "effect DAG (effectDag) not drawn");
	if (sxml_child(sppr, "scene3d") || sxml_child(sppr, "sp3d"))
		pml_diag_add(lp->diags, lp->part, "3-D properties drawn flat");
	return 0;
}

static int
load_style(load_part *lp, const xmlNode *style, dml_shape *s)
{
	if (!style)
		return 0;
	load_style_ref(lp, sxml_child(style, "lnRef"), &s->ln_ref);
	load_style_ref(lp, sxml_child(style, "fillRef"), &s->fill_ref);
	load_style_ref(lp, sxml_child(style, "effectRef"), &s->effect_ref);
	load_style_ref(lp, sxml_child(style, "fontRef"), &s->font_ref);
	return 0;
}

static int load_tree(load_part *lp, const xmlNode *parent, dml_shape *group,
                     uint32_t depth);
static int load_one(load_part *lp, const xmlNode *el, dml_shape *s,
                    uint32_t depth);

static const char *
frame_kind(const xmlNode *frame)
{
	const char *uri = sxml_attr(sxml_path(frame, "graphic", "graphicData", NULL),
	                            "uri");
	const char *slash;

	if (!uri)
		return "unknown";
	slash = strrchr(uri, '/');
	return slash && slash[1] ? slash + 1 : uri;
}

/*
 * SmartArt: draw the drawing part PowerPoint saved with the diagram
 * (never re-run the layout). The data part's dsp:dataModelExt@relId names
 * a relationship of *this* part that leads to the drawing; its shapes are
 * positioned relative to the frame, so the frame becomes a group.
 */
static int
load_diagram(load_part *lp, const xmlNode *rel_ids, dml_shape *s, uint32_t depth)
{
	const opc_rel *data_rel = opc_rels_find(lp->rels, sxml_attr_rel(rel_ids, "dm"));
	const opc_rel *drawing_rel = NULL;
	s2p_blob *blob = NULL;
	xmlDoc *doc = NULL;
	xmlNode *ext;
	load_part dp;
	s2p_error e;
	int rc = 0;

	s2p_error_clear(&e);
	if (!data_rel || data_rel->external || data_rel->invalid ||
	    opc_package_read(lp->ctx->pkg, data_rel->target, &blob, &e) ||
	    !(doc = opc_xml_parse(blob, data_rel->target, lp->ctx->lim, &e)))
		goto no_drawing;
	/* dgm:dataModel/dgm:extLst/a:ext/dsp:dataModelExt */
	ext = NULL;
	SXML_EACH(x, sxml_child(xmlDocGetRootElement(doc), "extLst")) {
		ext = sxml_child(x, "dataModelExt");
		if (ext)
			break;
	}
	drawing_rel = opc_rels_find(lp->rels, sxml_attr(ext, "relId"));
	xmlFreeDoc(doc);
	doc = NULL;
	s2p_blob_unref(blob);
	blob = NULL;
	if (!drawing_rel || drawing_rel->external || drawing_rel->invalid ||
	    opc_package_read(lp->ctx->pkg, drawing_rel->target, &blob, &e) ||
	    !(doc = opc_xml_parse(blob, drawing_rel->target, lp->ctx->lim, &e)))
		goto no_drawing;
	memset(&dp, 0, sizeof dp);
	dp = *lp;
	dp.part = drawing_rel->target;
	dp.rels = opc_rels_load(lp->ctx->pkg, drawing_rel->target, &e);
	if (!dp.rels)
		goto no_drawing;
	s->kind = DML_SHAPE_GROUP;
	s->xfrm.ch_off_x = s->xfrm.ch_off_y = 0;
	s->xfrm.ch_ext_cx = s->xfrm.ext_cx;
	s->xfrm.ch_ext_cy = s->xfrm.ext_cy;
	rc = load_tree(&dp, sxml_child(xmlDocGetRootElement(doc), "spTree"), s,
	               depth + 1);
	lp->n_shapes = dp.n_shapes;
	opc_rels_free(dp.rels);
	xmlFreeDoc(doc);
	s2p_blob_unref(blob);
	return rc;
no_drawing:
	pml_diag_add(lp->diags, lp->part, "SmartArt without a usable drawing part "
	             "not drawn%s%s", e.msg[0] ? ": " : "", e.msg);
	xmlFreeDoc(doc);
	s2p_blob_unref(blob);
	return e.code == S2P_ENOMEM || e.code == S2P_ELIMIT ?
	       S2P_FAIL(lp->err, e.code, "%s", e.msg) : 0;
}

/* mc:AlternateContent: we implement no optional extension, so take the
 * Fallback (pictures for equations, ink, newer shapes); a Choice only when
 * there is no Fallback. */
static const xmlNode *
alternate_content(const xmlNode *ac)
{
	const xmlNode *fb = sxml_child(ac, "Fallback");
	return fb ? fb : sxml_child(ac, "Choice");
}

/* Attribute @name in any namespace (VML's o:relid). */
static const char *
attr_any_ns(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
		if (strcmp((const char *) a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE && !a->children->next)
			return (const char *) a->children->content;
	return NULL;
}

/* The VML shape whose o:spid (or, without one, whose id) is @spid:
 * PowerPoint names a shape by its o:spid when its id holds the object's
 * name ("Content_x0020_3"). */
static const xmlNode *
vml_find_shape(const xmlNode *n, const char *spid)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		const xmlNode *r;
		const char *o_spid;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (sxml_is(c, "shape")) {
			o_spid = attr_any_ns(c, "spid");
			if (s2p_str_eq(o_spid ? o_spid : sxml_attr(c, "id"), spid))
				return c;
		}
		if ((r = vml_find_shape(c, spid)) != NULL)
			return r;
	}
	return NULL;
}

/*
 * The preview of a PowerPoint 2007-style OLE object: the VML shape named
 * by p:oleObj@spid in the slide's legacy drawing part (its vmlDrawing
 * relationship), whose v:imagedata@o:relid is the picture. NULL if found
 * (into @out), else why not, for the diagnostic (@why, @why_size).
 */
static const char *
load_ole_vml_preview(load_part *lp, const char *spid, dml_fill *out,
                     char *why, size_t why_size)
{
	const opc_rel *rel = opc_rels_find_kind(lp->rels, "vmlDrawing");
	const xmlNode *shape;
	s2p_blob *blob = NULL;
	xmlDoc *doc = NULL;
	load_part vp;
	const char *rid;
	s2p_error e;

	s2p_error_clear(&e);
	if (!spid || !*spid) {
		snprintf(why, why_size, "no p:pic and no spid naming a VML shape");
		goto done;
	}
	if (!rel || rel->external || rel->invalid) {
		snprintf(why, why_size, "no p:pic, and the slide has no VML drawing "
		         "part for its shape %s", spid);
		goto done;
	}
	if (opc_package_read(lp->ctx->pkg, rel->target, &blob, &e) ||
	    !(doc = opc_xml_parse(blob, rel->target, lp->ctx->lim, &e))) {
		snprintf(why, why_size, "VML drawing %s unreadable: %s", rel->target,
		         e.msg);
		goto done;
	}
	shape = vml_find_shape(xmlDocGetRootElement(doc), spid);
	rid = attr_any_ns(sxml_child(shape, "imagedata"), "relid");
	if (!rid) {
		snprintf(why, why_size, "VML drawing %s has %s %s", rel->target,
		         shape ? "no v:imagedata in shape" : "no shape", spid);
		goto done;
	}
	vp = *lp;
	vp.part = rel->target;
	vp.rels = opc_rels_load(lp->ctx->pkg, rel->target, &e);
	if (!vp.rels) {
		snprintf(why, why_size, "relationships of %s unreadable: %s",
		         rel->target, e.msg);
		goto done;
	}
	memset(out, 0, sizeof *out);
	out->kind = DML_FILL_BLIP;
	out->alpha_pct1k = 100000;
	if (load_media(&vp, rid, 0, &out->media) != 0 || !out->media.blob)
		snprintf(why, why_size, "picture %s of VML shape %s not loaded", rid,
		         spid);
	else
		why = NULL;
	opc_rels_free(vp.rels);
done:
	xmlFreeDoc(doc);
	s2p_blob_unref(blob);
	return why;
}

/*
 * An embedded or linked OLE object (p:oleObj, §19.3.1.36): PowerPoint
 * shows its stored preview, never runs the server. The preview is the
 * p:pic inside the oleObj (PowerPoint 2010+: the mc:Fallback one), else
 * the picture of the VML shape it names. The graphic frame keeps its
 * own name, placeholder and box.
 */
static int
load_ole(load_part *lp, const xmlNode *frame, const xmlNode *data,
         dml_shape *s, uint32_t depth)
{
	const xmlNode *ole = sxml_child(data, "oleObj"), *pic;
	const char *prog, *why = NULL;
	char why_buf[512];
	dml_shape keep = *s;
	int rc = 0;

	SXML_EACH(c, data)
		if (!ole && sxml_is(c, "AlternateContent"))
			ole = sxml_child(alternate_content(c), "oleObj");
	prog = sxml_attr(ole, "progId");
	if (!prog || !*prog)
		prog = "unknown program";
	pic = sxml_child(ole, "pic");
	if (pic) {
		rc = load_one(lp, pic, s, depth);
		if (rc)
			return rc;
		s->id = keep.id;
		s->name = keep.name;
		s->hidden = keep.hidden;
		s->ph = keep.ph;
		if (keep.xfrm.has)
			s->xfrm = keep.xfrm;
	}
	else if (ole && !(why = load_ole_vml_preview(lp, sxml_attr(ole, "spid"),
	                                             &s->blip, why_buf,
	                                             sizeof why_buf))) {
		s->kind = DML_SHAPE_PIC;
	}
	else {
		pml_diag_add(lp->diags, lp->part, "OLE object '%s' (%s) has no preview "
		             "picture (%s); not drawn", s->name ? s->name : "", prog,
		             ole ? why : "no p:oleObj");
		return 0;
	}
	(void) frame;
	pml_diag_add(lp->diags, lp->part, "OLE object '%s' (%s) drawn as its "
	             "stored preview picture; the object itself is not rendered",
	             s->name ? s->name : "", prog);
	return 0;
}

/* p:pic of a video or sound (a:videoFile, a:audioFile, a:wavAudioFile,
 * a:quickTimeFile, p14:media): PowerPoint's still view is the picture
 * itself (the poster frame, or the sound icon). */
static void
media_diag(load_part *lp, const xmlNode *pic)
{
	const xmlNode *nvpr = sxml_path(pic, "nvPicPr", "nvPr", NULL);

	if (sxml_child(nvpr, "videoFile") || sxml_child(nvpr, "quickTimeFile"))
		pml_diag_add(lp->diags, lp->part, "video shown as its poster frame; "
		             "the video itself is not rendered");
	else if (sxml_child(nvpr, "audioFile") || sxml_child(nvpr, "wavAudioFile") ||
	         sxml_child(nvpr, "audioCd"))
		pml_diag_add(lp->diags, lp->part, "sound shown as its icon picture");
	else {
		SXML_EACH(x, sxml_child(nvpr, "extLst"))
			if (sxml_child(x, "media")) {
				pml_diag_add(lp->diags, lp->part, "embedded media shown as "
				             "its poster frame; the media is not played");
				break;
			}
	}
}

static int
load_one(load_part *lp, const xmlNode *el, dml_shape *s, uint32_t depth)
{
	const char *name = (const char *) el->name;
	const xmlNode *data;
	int rc = 0;

	load_nv(lp, el, s);
	if (!strcmp(name, "sp") || !strcmp(name, "cxnSp")) {
		s->kind = !strcmp(name, "sp") ? DML_SHAPE_SP : DML_SHAPE_CXN;
		s->use_bg_fill = (uint8_t) sxml_attr_bool(el, "useBgFill", 0);
		rc = load_sppr(lp, sxml_child(el, "spPr"), s);
		if (!rc)
			rc = load_style(lp, sxml_child(el, "style"), s);
		if (!rc)
			rc = load_text_body(lp, sxml_child(el, "txBody"), &s->text);
		/* SmartArt drawing shapes keep their text box apart (dsp:txXfrm) */
		load_xfrm(sxml_child(el, "txXfrm"), &s->tx_xfrm);
	}
	else if (!strcmp(name, "pic")) {
		xmlNode *bf = sxml_child(el, "blipFill");
		s->kind = DML_SHAPE_PIC;
		rc = load_sppr(lp, sxml_child(el, "spPr"), s);
		if (!rc)
			rc = load_style(lp, sxml_child(el, "style"), s);
		if (!rc && bf)
			rc = load_fill_elem(lp, bf, &s->blip);
		if (!rc)
			media_diag(lp, el);
	}
	else if (!strcmp(name, "grpSp")) {
		s->kind = DML_SHAPE_GROUP;
		rc = load_sppr(lp, sxml_child(el, "grpSpPr"), s);
		if (!rc)
			rc = load_tree(lp, el, s, depth + 1);
	}
	else if (!strcmp(name, "graphicFrame")) {
		s->kind = DML_SHAPE_FRAME;
		load_xfrm(sxml_child(el, "xfrm"), &s->xfrm);
		s->frame_kind = s2p_arena_strdup(lp->arena, frame_kind(el));
		data = sxml_path(el, "graphic", "graphicData", NULL);
		if (s2p_str_eq(s->frame_kind, "table") && sxml_child(data, "tbl"))
			rc = load_table_parse(lp, sxml_child(data, "tbl"), &s->table);
		else if (s2p_str_eq(s->frame_kind, "diagram"))
			rc = load_diagram(lp, sxml_child(data, "relIds"), s, depth);
		else if (s2p_str_eq(s->frame_kind, "chart") && sxml_child(data, "chart"))
			rc = load_chart_parse(lp, sxml_attr_rel(sxml_child(data, "chart"), "id"),
			                      &s->chart);
		else if (s2p_str_eq(s->frame_kind, "chartex") && sxml_child(data, "chart"))
			rc = load_chartex_note(lp, sxml_attr_rel(sxml_child(data, "chart"),
			                                         "id"));
		else if (s2p_str_eq(s->frame_kind, "ole"))
			rc = load_ole(lp, el, data, s, depth);
	}
	return rc;
}

static int
is_shape(const xmlNode *n)
{
	return sxml_is(n, "sp") || sxml_is(n, "grpSp") || sxml_is(n, "pic") ||
	       sxml_is(n, "cxnSp") || sxml_is(n, "graphicFrame");
}

static uint32_t
count_shapes(const xmlNode *parent)
{
	uint32_t n = 0;

	SXML_EACH(c, parent) {
		if (is_shape(c))
			n++;
		else if (sxml_is(c, "AlternateContent")) {
			SXML_EACH(cc, alternate_content(c))
				if (is_shape(cc))
					n++;
		}
	}
	return n;
}

static int
load_tree(load_part *lp, const xmlNode *parent, dml_shape *group, uint32_t depth)
{
	const s2p_limits *lim = lp->ctx->lim;
	uint32_t n = count_shapes(parent);
	int rc;

	if (depth > lim->max_group_depth)
		return S2P_FAIL(lp->err, S2P_ELIMIT, "groups nested deeper than %u",
		                lim->max_group_depth);
	if (n > lim->max_shapes || lp->n_shapes > lim->max_shapes - n)
		return S2P_FAIL(lp->err, S2P_ELIMIT, "more than %u shapes",
		                lim->max_shapes);
	lp->n_shapes += n;
	if (!n)
		return 0;
	group->children = s2p_arena_alloc_array(lp->arena, n, sizeof(dml_shape));
	if (!group->children)
		return S2P_FAIL(lp->err, S2P_ENOMEM, "out of memory");
	SXML_EACH(c, parent) {
		const xmlNode *src = c;
		if (sxml_is(c, "AlternateContent")) {
			SXML_EACH(cc, alternate_content(c)) {
				if (!is_shape(cc))
					continue;
				rc = load_one(lp, cc, &group->children[group->n_children++],
				              depth);
				if (rc)
					return rc;
			}
			continue;
		}
		if (!is_shape(src)) {
			if (sxml_is(src, "contentPart"))
				pml_diag_add(lp->diags, lp->part, "ink (contentPart) not drawn");
			continue;
		}
		rc = load_one(lp, src, &group->children[group->n_children++], depth);
		if (rc)
			return rc;
	}
	return 0;
}

void
load_clr_map(const xmlNode *map, uint8_t out[4])
{
	static const char *const keys[4] = { "bg1", "tx1", "bg2", "tx2" };
	static const uint8_t dflt[4] = { DML_SLOT_LT1, DML_SLOT_DK1, DML_SLOT_LT2,
	                                 DML_SLOT_DK2 };

	for (int i = 0; i < 4; i++) {
		int slot = dml_scheme_slot_from_name(sxml_attr(map, keys[i]));
		out[i] = slot >= 0 && slot < DML_SLOT_THEME_COUNT ? (uint8_t) slot :
		         dflt[i];
	}
}

int
load_sheet(load_part *lp, const xmlNode *root, pml_sheet *sh)
{
	xmlNode *csld = sxml_child(root, "cSld"), *bg, *e;
	int rc;

	if (!csld)
		return S2P_FAIL(lp->err, S2P_EFORMAT, "p:cSld is missing");
	sh->name = s2p_arena_strdup(lp->arena, sxml_attr(csld, "name"));
	sh->show_master_sp = (uint8_t) sxml_attr_bool(root, "showMasterSp", 1);
	if ((bg = sxml_child(csld, "bg")) != NULL) {
		if ((e = sxml_child(bg, "bgPr")) != NULL) {
			sh->has_bg = 1;
			rc = load_fill(lp, e, &sh->bg_fill);
			if (rc)
				return rc;
		}
		else if ((e = sxml_child(bg, "bgRef")) != NULL) {
			sh->has_bg = 1;
			load_style_ref(lp, e, &sh->bg_ref);
		}
	}
	if ((e = sxml_child(root, "clrMap")) != NULL) {
		sh->has_clr_map = 1;
		load_clr_map(e, sh->clr_map);
	}
	else if ((e = sxml_path(root, "clrMapOvr", "overrideClrMapping", NULL)) != NULL) {
		sh->has_clr_map = 1;
		load_clr_map(e, sh->clr_map);
	}
	sh->tree.kind = DML_SHAPE_GROUP;
	e = sxml_child(csld, "spTree");
	if (!e)
		return 0;
	return load_tree(lp, e, &sh->tree, 0);
}
