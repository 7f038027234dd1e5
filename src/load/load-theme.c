/*
 * Parsing a theme part (a:theme): the colour scheme, the major and minor
 * fonts and the format scheme's fill, line and background-fill style
 * lists that a:style references and p:bgRef index into (§20.1.6).
 */
#include "load/load-imp.h"

#include <string.h>

static void
load_font(load_part *lp, const xmlNode *font, dml_font_collection *out)
{
	xmlNode *e;

	if ((e = sxml_child(font, "latin")) != NULL)
		out->latin = s2p_arena_strdup(lp->arena, sxml_attr(e, "typeface"));
	if ((e = sxml_child(font, "ea")) != NULL)
		out->ea = s2p_arena_strdup(lp->arena, sxml_attr(e, "typeface"));
	if ((e = sxml_child(font, "cs")) != NULL)
		out->cs = s2p_arena_strdup(lp->arena, sxml_attr(e, "typeface"));
	/* a:font script="Jpan" typeface="...": the face PowerPoint uses for a
	 * script when ea/cs are empty */
	SXML_EACH(c, font) {
		const char *script = sxml_attr(c, "script"), *face = sxml_attr(c, "typeface");
		if (!sxml_is(c, "font") || !script || !face || !*face ||
		    out->n_scripts == DML_SCRIPT_FONTS_MAX)
			continue;
		out->scripts[out->n_scripts].script = s2p_arena_strdup(lp->arena, script);
		out->scripts[out->n_scripts++].typeface = s2p_arena_strdup(lp->arena, face);
	}
}

static int
load_fill_list(load_part *lp, const xmlNode *lst, dml_fill *out, uint32_t *n)
{
	int rc;

	*n = 0;
	SXML_EACH(c, lst) {
		if (!load_is_fill(c) || *n == DML_STYLE_LIST_MAX)
			continue;
		rc = load_fill_elem(lp, c, &out[(*n)++]);
		if (rc)
			return rc;
	}
	return 0;
}

int
load_theme_parse(load_part *lp, const xmlNode *root, dml_theme *t)
{
	static const char *const slots[DML_SLOT_THEME_COUNT] = { "dk1", "lt1",
		"dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
		"accent6", "hlink", "folHlink" };
	/* Office's default palette, for a theme that omits a slot */
	static const uint32_t dflt[DML_SLOT_THEME_COUNT] = { 0x000000, 0xFFFFFF,
		0x44546A, 0xE7E6E6, 0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000,
		0x5B9BD5, 0x70AD47, 0x0563C1, 0x954F72 };
	xmlNode *elems = sxml_child(root, "themeElements"), *e, *fmt;
	int rc;

	t->name = s2p_arena_strdup(lp->arena, sxml_attr(root, "name"));
	memcpy(t->scheme, dflt, sizeof dflt);
	if ((e = sxml_child(elems, "clrScheme")) != NULL) {
		for (int i = 0; i < DML_SLOT_THEME_COUNT; i++) {
			dml_color c;
			if (load_color(lp, sxml_child(e, slots[i]), &c) &&
			    c.kind == DML_COLOR_RGB)
				t->scheme[i] = c.rgb;
		}
	}
	if ((e = sxml_child(elems, "fontScheme")) != NULL) {
		load_font(lp, sxml_child(e, "majorFont"), &t->major);
		load_font(lp, sxml_child(e, "minorFont"), &t->minor);
	}
	if ((fmt = sxml_child(elems, "fmtScheme")) != NULL) {
		rc = load_fill_list(lp, sxml_child(fmt, "fillStyleLst"), t->fill_styles,
		                    &t->n_fill_styles);
		if (!rc)
			rc = load_fill_list(lp, sxml_child(fmt, "bgFillStyleLst"),
			                    t->bg_fill_styles, &t->n_bg_fill_styles);
		if (rc)
			return rc;
		SXML_EACH(c, sxml_child(fmt, "effectStyleLst")) {
			if (!sxml_is(c, "effectStyle") ||
			    t->n_effect_styles == DML_STYLE_LIST_MAX)
				continue;
			load_effects(lp, sxml_child(c, "effectLst"),
			             &t->effect_styles[t->n_effect_styles++]);
		}
		SXML_EACH(c, sxml_child(fmt, "lnStyleLst")) {
			if (!sxml_is(c, "ln") || t->n_line_styles == DML_STYLE_LIST_MAX)
				continue;
			rc = load_line(lp, c, &t->line_styles[t->n_line_styles++]);
			if (rc)
				return rc;
		}
	}
	return 0;
}
