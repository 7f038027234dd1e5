/*
 * Text with pango, placed by PowerPoint's line model rather than the
 * font's: single spacing is 1.2 x the largest size on the line, spcPct
 * scales it (extra split over ascent and descent above 100 %, taken off
 * the ascent below), spcPts sets it. Stored autofit (fontScale,
 * lnSpcReduction) is applied as stored; a bare normAutofit shrinks until
 * the text fits. Works in points: user space is scaled by 12700 EMU/pt.
 */
#include "render/draw-imp.h"
#include "render/draw-autonum.h"
#include "render/draw-effect.h"
#include "render/draw-font.h"
#include "render/draw-linebreak.h"
#include "render/draw-vmetrics.h"
#include "render/draw-widths.h"

#include "base/symfont.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EMU_PER_PT = 12700 };

#define RLM "\xe2\x80\x8f" /* U+200F RIGHT-TO-LEFT MARK */

/* A byte range of the paragraph text with its font size, for line
 * heights, and the share above the baseline of the face PowerPoint draws
 * it in (draw_vmetrics_face), or -1: the drawn font's own. */
typedef struct size_span {
	int start, end;
	double size_pt;
	double asc;
} size_span;

/* A byte range of the paragraph text whose glyphs have effects. */
typedef struct fx_span {
	int start, end;
	const dml_effects *e;     /* the run's (or the shape's) */
	const dml_color *ph;      /* their phClr, or NULL */
} fx_span;

typedef struct para_lay {
	PangoLayout *layout;
	double x_pt, width_pt;    /* start margin (from the left, or from the
	                           * right when rtl) and wrap width */
	double box_w;             /* the column's width */
	double spc_bef, spc_aft;  /* points */
	double ln_pct;            /* line spacing as a fraction, or 0 */
	double ln_pts;            /* absolute line pitch, or 0 */
	double empty_size;        /* size of an empty paragraph's line */
	size_span *spans;         /* by run, or by font segment of a run */
	int n_spans, cap_spans;
	fx_span *fx;              /* runs with text effects, n_fx of them */
	int n_fx;
	int algn, wrap_none;
	int rtl;                  /* right to left: x_pt, bullet_x from the right */
	double hang_room;         /* width added for hanging marks (points) */
	/* bullet */
	PangoLayout *bullet;
	double bullet_x;          /* its start, as x_pt */
	double text_x;            /* the first line's start beside it, as x_pt */
} para_lay;

typedef struct text_state {
	draw_ctx *dc;
	const dml_shape *s;
	const dml_shape *const *chain;
	int n;
	double scale, ln_red;     /* autofit */
	int counters[DML_LEVELS], active[DML_LEVELS];
	const char *schemes[DML_LEVELS];
} text_state;

static double
scaled_size(const text_state *ts, int32_t sz_100pt)
{
	double pt = sz_100pt / 100.0 * ts->scale;
	/* PowerPoint paints autofit-scaled sizes at whole points */
	if (ts->scale < 1.0)
		pt = floor(pt + 0.5) < 1 ? 1 : floor(pt + 0.5);
	return pt;
}

/*
 * The size PowerPoint sets text at: its sizes lie on a grid of 1/600 inch
 * (0.12 pt). Its PDF export writes 9.5 pt text as 9.48, 10 as 9.96, 11 as
 * 11.04, 14 as 14.04 and 16 as 15.96, and the lines break as at those
 * sizes: laid out the same way, owasp2017-en scores 0.831 against its
 * render instead of 0.797, owasp2017-gm-hidden 0.778 instead of 0.746.
 */
static double
grid_size(double pt)
{
	return floor(pt * 600.0 / 72.0 + 0.5) * 72.0 / 600.0;
}

/* The font of text @text (@len bytes) in run properties @r. */
static PangoFontDescription *
font_desc(const text_state *ts, const dml_rpr *r, double size_pt,
          const char *text, int len)
{
	PangoFontDescription *fd = pango_font_description_new();
	char fam[1024];

	draw_font_families(ts->dc, r, text, len, fam, sizeof fam);
	pango_font_description_set_family(fd, fam);
	pango_font_description_set_absolute_size(fd, draw_font_size_pt(ts->dc,
	                                         grid_size(size_pt)) * PANGO_SCALE);
	pango_font_description_set_weight(fd, r->b ? PANGO_WEIGHT_BOLD :
	                                  PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, r->i ? PANGO_STYLE_ITALIC :
	                                 PANGO_STYLE_NORMAL);
	return fd;
}

static void
insert_attr(PangoAttrList *l, PangoAttribute *a, int start, int end)
{
	a->start_index = (guint) start;
	a->end_index = (guint) end;
	pango_attr_list_insert(l, a);
}

static uint16_t
chan16(double v)
{
	return (uint16_t) (v * 65535.0 + 0.5);
}

static dml_rgba
run_color(const text_state *ts, const dml_rpr *r)
{
	dml_rgba c = { 0, 0, 0, 1 };

	/* a hyperlink takes the theme's hlink colour, even over the run's
	 * own (owasp2017-en and -ja: links with solidFill tx1 are blue in
	 * PowerPoint's PDF), unless the link says to keep the text's */
	if (r->set & DML_R_HLINK && !r->hlink_tx) {
		dml_color h = { DML_COLOR_SCHEME, DML_SLOT_HLINK, 0, 0, { { 0, 0 } } };
		return draw_color(ts->dc, &h, NULL);
	}
	if (r->fill.kind == DML_FILL_SOLID)
		return draw_color(ts->dc, &r->fill.color, NULL);
	if (r->fill.kind == DML_FILL_GRAD && r->fill.n_stops) {
		pml_diag_add(ts->dc->diags, ts->dc->part, "gradient text drawn in its "
		             "first colour");
		return draw_color(ts->dc, &r->fill.stops[0].color, NULL);
	}
	if (r->fill.kind == DML_FILL_NONE)
		c.a = 0;
	return c;
}

static void
utf8_append(char *out, size_t size, uint32_t cp)
{
	char buf[8];
	int n = g_unichar_to_utf8(cp, buf);
	size_t len = strlen(out);

	if (len + (size_t) n + 1 <= size) {
		memcpy(out + len, buf, (size_t) n);
		out[len + (size_t) n] = 0;
	}
}

static int
strncasecmp_ascii(const char *s, const char *prefix)
{
	return g_ascii_strncasecmp(s, prefix, strlen(prefix));
}

/*
 * 1 if PowerPoint shows the digits 0-9 of run @r as Persian ones. The
 * digits of a Persian (fa) run are drawn in its complex-script face, and
 * the Persian faces of the B series (B Nazanin, B Lotus ...) and the
 * "FaNum" builds of others have Persian glyphs at 0-9: owasp2017-fa draws
 * "10" in a fa-IR run with a:cs B Nazanin as U+06F1 U+06F0, while fa-IR
 * runs in Liberation Sans or the theme's Arial (its "8.0", "2013") and
 * en-US runs keep their digits. The stand-ins have Latin digits there.
 */
static int
persian_digits(text_state *ts, const dml_rpr *r)
{
	const char *lang = r->lang, *cs;

	if (!lang || g_ascii_strncasecmp(lang, "fa", 2) != 0 ||
	    (lang[2] != 0 && lang[2] != '-' && lang[2] != '_'))
		return 0;
	cs = draw_font_face(ts->dc, r, r->cs ? r->cs : "+mn-cs");
	if (!cs)
		return 0;
	return (cs[0] == 'B' && cs[1] == ' ' && g_ascii_isupper(cs[2])) ||
	       strstr(cs, "FaNum") != NULL;
}

/* Append @t with 0-9 as the extended Arabic-Indic digits U+06F0..U+06F9. */
static void
append_persian_digits(GString *text, const char *t)
{
	for (const char *p = t; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			/* U+06F0 + d: 0xDB 0xB0 + d in UTF-8 */
			g_string_append_c(text, (char) 0xDB);
			g_string_append_c(text, (char) (0xB0 + (*p - '0')));
		}
		else
			g_string_append_c(text, *p);
	}
}

/* Character @cp of a text in symbol font @face as the Unicode character
 * its glyph shows. Characters outside the font's 8-bit range are
 * already Unicode and stay; a glyph we know no equivalent of is drawn as
 * a bullet, and reported. */
static uint32_t
symbol_char(text_state *ts, const char *face, uint32_t cp)
{
	uint32_t u;

	if (!(cp >= 0x20 && cp <= 0xFF) && !(cp >= 0xF020 && cp <= 0xF0FF))
		return cp;
	u = s2p_symfont_char(face, cp);
	if (u)
		return u;
	pml_diag_add(ts->dc->diags, ts->dc->part, "%s character 0x%02X has no Unicode "
	             "equivalent known here: drawn as a bullet", face, (unsigned) (cp & 0xFF));
	return 0x2022;
}

/*
 * Append run text @t whose face is a symbol font (a:latin, or a:sym for
 * its U+F0xx characters) to @text, each symbol as the Unicode character
 * its glyph shows. In a symbol a:latin every character is a symbol; a:sym
 * draws only the U+F0xx ones (owasp2017-ja: a "2" in a run with a:sym
 * Wingdings is a plain 2), and their byte ranges in @text go to
 * *@sym_chars (created here) to be drawn in the a:sym face's stand-in.
 */
static void
append_symbols(text_state *ts, GString *text, const char *t, const dml_rpr *r,
               GArray **sym_chars)
{
	int latin_sym = s2p_symfont_is(r->latin);
	const char *face = latin_sym ? r->latin : r->sym;

	for (const char *q = t; *q; q = g_utf8_next_char(q)) {
		char buf[8];
		uint32_t cp = g_utf8_get_char(q);
		int mapped = latin_sym || (cp >= 0xF000 && cp <= 0xF0FF);
		int at = (int) text->len;
		int n = g_unichar_to_utf8(mapped ? symbol_char(ts, face, cp) : cp, buf);

		g_string_append_len(text, buf, n);
		if (mapped && !latin_sym) {
			int range[2] = { at, at + n };
			if (!*sym_chars)
				*sym_chars = g_array_new(FALSE, FALSE, sizeof range);
			g_array_append_val(*sym_chars, range);
		}
	}
}

/* The symbols of an a:sym face @sym at byte ranges @ranges (pairs of
 * ints) are drawn in the face's stand-in, as PowerPoint draws them in
 * the a:sym face and not the run's latin one: their widths then match
 * (Wingdings' circled digits are 0.89 em, DejaVu Sans' 0.85-0.90). */
static void
symbol_families(text_state *ts, PangoAttrList *attrs, const char *sym,
                const GArray *ranges)
{
	char fam[256];
	int kind;

	if (!ts->dc->w->fonts)
		return;
	kind = draw_fonts_resolve(ts->dc->w->fonts, sym, fam, sizeof fam);
	if (kind < 0 || !fam[0])
		return;
	draw_fonts_note(ts->dc->w->fonts, sym, fam, NULL, kind);
	for (guint k = 0; k < ranges->len; k++) {
		const int *range = &g_array_index(ranges, int, 2 * k);
		insert_attr(attrs, pango_attr_family_new(fam), range[0], range[1]);
	}
}

/* The bullet of a paragraph: its layout (or NULL). */
static PangoLayout *
make_bullet(text_state *ts, const dml_ppr *ppr, const dml_rpr *first,
            int lvl, double first_size)
{
	char text[96] = "", num[80];
	PangoLayout *l;
	PangoFontDescription *fd;
	PangoAttrList *attrs;
	dml_rgba c;
	dml_rpr r = *first;
	double size;

	/* counters: a deeper level restarts under each new parent; a plain
	 * paragraph at a level resets it */
	for (int i = lvl + 1; i < DML_LEVELS; i++)
		ts->active[i] = 0;
	if (ppr->bullet != DML_BU_AUTONUM)
		ts->active[lvl] = 0;
	if (ppr->bullet == DML_BU_CHAR && ppr->bu_char) {
		const char *p = ppr->bu_char;
		uint32_t cp = g_utf8_get_char_validated(p, -1);
		if (cp == (uint32_t) -1 || cp == (uint32_t) -2)
			return NULL;
		if (s2p_symfont_is(ppr->bu_font))
			cp = symbol_char(ts, ppr->bu_font, cp);
		utf8_append(text, sizeof text, cp);
	}
	else if (ppr->bullet == DML_BU_AUTONUM) {
		int unknown;
		if (ts->active[lvl] && s2p_str_eq(ts->schemes[lvl], ppr->bu_scheme))
			ts->counters[lvl]++;
		else
			ts->counters[lvl] = ppr->bu_start_at;
		ts->active[lvl] = 1;
		ts->schemes[lvl] = ppr->bu_scheme;
		unknown = draw_autonum_format(ppr->bu_scheme, ts->counters[lvl],
		                              num, sizeof num) < 0;
		if (unknown)
			pml_diag_add(ts->dc->diags, ts->dc->part, "numbering scheme '%s' "
			             "drawn as arabic numbers", ppr->bu_scheme);
		/* a right-to-left paragraph's number reads right to left too
		 * ("1." with its period on the left); its digits are drawn as
		 * the first run's are */
		if (ppr->rtl)
			g_strlcpy(text, RLM, sizeof text);
		if (persian_digits(ts, first)) {
			GString *g = g_string_new(NULL);
			append_persian_digits(g, num);
			g_strlcat(text, g->str, sizeof text);
			g_string_free(g, TRUE);
		}
		else
			g_strlcat(text, num, sizeof text);
	}
	else {
		if (ppr->bullet == DML_BU_BLIP)
			pml_diag_add(ts->dc->diags, ts->dc->part, "picture bullets not drawn");
		return NULL;
	}
	if (ppr->bu_font && ppr->bullet == DML_BU_CHAR &&
	    strncasecmp_ascii(ppr->bu_font, "Wingdings") != 0 &&
	    strncasecmp_ascii(ppr->bu_font, "Symbol") != 0) {
		r.latin = ppr->bu_font;
		r.ea = NULL;
	}
	r.b = ppr->bullet == DML_BU_AUTONUM ? first->b : 0;
	r.i = ppr->bullet == DML_BU_AUTONUM ? first->i : 0;
	size = first_size;
	if (ppr->set & DML_P_BUSZ)
		size = ppr->bu_sz_pts ? scaled_size(ts, ppr->bu_sz) :
		       first_size * ppr->bu_sz / 100000.0;
	if (size < 1)
		size = 1;
	c = run_color(ts, first);
	if ((ppr->set & DML_P_BUCLR) && !ppr->bu_clr_follow)
		c = draw_color(ts->dc, &ppr->bu_clr, NULL);
	l = pango_layout_new(ts->dc->w->pango);
	fd = font_desc(ts, &r, size, text, -1);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	attrs = pango_attr_list_new();
	insert_attr(attrs, pango_attr_foreground_new(chan16(c.r), chan16(c.g),
	                                             chan16(c.b)), 0, (int) strlen(text));
	if (c.a < 1)
		insert_attr(attrs, pango_attr_foreground_alpha_new(chan16(c.a)), 0,
		            (int) strlen(text));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_text(l, text, -1);
	return l;
}

/* The faces of a run whose widths differ from their stand-ins': MS
 * PGothic drawn with IPAPGothic as its Latin face (ASCII) or its
 * east-asian one (the rest), and a Latin face measured in draw-widths.c
 * (or NULL). */
typedef struct run_widths {
	int pgothic_latin, pgothic_ea;
	const draw_width_table *latin;
	const draw_width_table *arabic; /* the cs face's Arabic letters */
} run_widths;

/* How much wider (em) the face PowerPoint uses sets @cp than the face
 * drawn in its place. */
static double
width_extra(const run_widths *rw, uint32_t cp)
{
	double extra = 0;

	if (cp < 0x80 ? rw->pgothic_latin : rw->pgothic_ea)
		extra = draw_font_pgothic_extra(cp);
	if (rw->arabic && g_unichar_get_script(cp) == G_UNICODE_SCRIPT_ARABIC)
		return draw_widths_extra(rw->arabic, cp);
	if (extra == 0 && !(cp < 0x80 && rw->pgothic_latin))
		extra = draw_widths_extra(rw->latin, cp);
	return extra;
}

/*
 * Letter spacing on the characters in @text's bytes @start..@end (a run
 * at @size_pt with its own spacing @spc_pt) that PowerPoint's face sets
 * wider or narrower than the stand-in drawn in its place, so that lines
 * hold what PowerPoint's hold.
 */
static void
spaced_widths(PangoAttrList *attrs, const char *text, int start, int end,
              double size_pt, double spc_pt, const run_widths *rw)
{
	for (const char *p = text + start; p < text + end; p = g_utf8_next_char(p)) {
		double extra = width_extra(rw, g_utf8_get_char(p));
		int at = (int) (p - text);
		if (extra != 0)
			insert_attr(attrs, pango_attr_letter_spacing_new((int) ((extra *
			            size_pt + spc_pt) * PANGO_SCALE)), at,
			            (int) (g_utf8_next_char(p) - text));
	}
}

/* The width table for @r's Latin face when it is drawn with a stand-in
 * that sets other widths, or NULL. */
static const draw_width_table *
latin_widths(draw_ctx *dc, const dml_rpr *r)
{
	char fam[256];
	const char *latin = draw_font_face(dc, r, r->latin ? r->latin : "+mn-lt");

	if (!latin || draw_fonts_resolve(dc->w->fonts, latin, fam, sizeof fam) ==
	    DRAW_FONT_EXACT)
		return NULL;
	return draw_widths_find(latin, fam, r->b, r->i);
}

/* The width table for the Arabic letters of @r's complex-script face
 * when they are drawn with a stand-in that sets other widths, or NULL. */
static const draw_width_table *
arabic_widths(draw_ctx *dc, const dml_rpr *r)
{
	char fam[256];
	const char *cs = draw_font_face(dc, r, r->cs ? r->cs : "+mn-cs");

	if (!cs)
		return NULL;
	draw_font_arabic_family(dc, cs, fam, sizeof fam);
	return draw_widths_find(cs, fam, r->b, r->i);
}

/* 1 if the run's east-asian face has proportional kana and punctuation
 * (the "P" faces and the UI faces of Japanese Windows), which the CJK
 * stand-ins have as their palt feature. */
static int
proportional_ea(const text_state *ts, const dml_rpr *r)
{
	static const char *const names[] = {
		"MS PGothic", "MS PMincho", "MS UI Gothic", "Meiryo UI",
		"Yu Gothic UI",
		"\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82\xb4\xe3\x82\xb7"
		"\xe3\x83\x83\xe3\x82\xaf",                       /* MS PGothic */
		"\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe6\x98\x8e\xe6\x9c\x9d", /* MS PMincho */
	};
	const char *ea = draw_font_face(ts->dc, r, r->ea ? r->ea : "+mn-ea");

	for (size_t i = 0; ea && i < S2P_ARRAY_LEN(names); i++)
		if (g_ascii_strcasecmp(ea, names[i]) == 0)
			return 1;
	return 0;
}

static int
slide_number(const text_state *ts)
{
	const pml_presentation *p = ts->dc->rc.pres;
	return p && p->n_slides ? p->slides[0].number + p->first_slide_num - 1 : 1;
}

enum { TAB_STOPS_MAX = 64 };

/*
 * The paragraph's tab stops for pango. PowerPoint measures a:tab@pos from
 * the text box's left inset edge, not from marL; after the last stop of
 * a:tabLst come default stops at multiples of defTabSz (1 in) from that
 * edge; a hanging first line also stops at marL (@hang_pt, < 0: none).
 * pango measures from the layout's origin, @x_pt from the edge, so stops
 * at or left of it are dropped (the text starts there anyway). Enough
 * default stops are written for the box; pango repeats the last
 * interval beyond them.
 */
static PangoTabArray *
tab_array(text_state *ts, const dml_ppr *ppr, double x_pt, double box_w,
          double hang_pt)
{
	double pos[TAB_STOPS_MAX], def, last = 0;
	int algn[TAB_STOPS_MAX], n = 0, warned = 0;
	PangoTabArray *tabs;

	def = (ppr->set & DML_P_DEFTAB ? ppr->def_tab : 914400) /
	      (double) EMU_PER_PT;
	for (int i = 0; i < ppr->n_tabs && n < TAB_STOPS_MAX; i++) {
		double p = ppr->tabs[i].pos / (double) EMU_PER_PT;
		if (hang_pt > last && hang_pt < p && n < TAB_STOPS_MAX) {
			pos[n] = hang_pt;
			algn[n++] = DML_TAB_L;
			hang_pt = -1;
		}
		if (p <= last && n)
			continue; /* a duplicate position */
		pos[n] = p;
		algn[n++] = ppr->tabs[i].algn;
		last = p;
	}
	if (hang_pt > last && n < TAB_STOPS_MAX) {
		pos[n] = hang_pt;
		algn[n++] = DML_TAB_L;
		last = hang_pt;
	}
	/* defaults after the last stop, two at least so that pango repeats
	 * their interval */
	for (double k = floor(last / def) + 1; n < TAB_STOPS_MAX; k++) {
		pos[n] = k * def;
		algn[n++] = DML_TAB_L;
		if (k * def > box_w + def && k > floor(last / def) + 2)
			break;
	}
	tabs = pango_tab_array_new(0, FALSE);
	for (int i = 0, k = 0; i < n; i++) {
		PangoTabAlign a = PANGO_TAB_LEFT;
		if (pos[i] - x_pt <= 0)
			continue;
#if PANGO_VERSION_CHECK(1, 50, 0)
		a = algn[i] == DML_TAB_R ? PANGO_TAB_RIGHT :
		    algn[i] == DML_TAB_CTR ? PANGO_TAB_CENTER :
		    algn[i] == DML_TAB_DEC ? PANGO_TAB_DECIMAL : PANGO_TAB_LEFT;
#else
		if (algn[i] != DML_TAB_L && !warned++)
			pml_diag_add(ts->dc->diags, ts->dc->part, "right, centred and "
			             "decimal tab stops drawn as left ones (pango < 1.50)");
#endif
		pango_tab_array_resize(tabs, k + 1);
		pango_tab_array_set_tab(tabs, k, a,
		                        draw_pango_units(pos[i] - x_pt));
#if PANGO_VERSION_CHECK(1, 50, 0)
		/* not the locale's: the same output in every locale */
		if (a == PANGO_TAB_DECIMAL)
			pango_tab_array_set_decimal_point(tabs, k, '.');
#endif
		k++;
	}
	(void) ts;
	(void) warned;
	return tabs;
}


enum { HANG_CHARS_MAX = 20000, HANG_LINES_MAX = 4096 };

/* 1 for the East Asian characters whose lines PowerPoint breaks unlike
 * pango (hang_measure). */
static int
grid_char(uint32_t cp)
{
	GUnicodeScript sc = g_unichar_get_script(cp);

	return sc == G_UNICODE_SCRIPT_HAN || sc == G_UNICODE_SCRIPT_HIRAGANA ||
	       sc == G_UNICODE_SCRIPT_KATAKANA || sc == G_UNICODE_SCRIPT_HANGUL ||
	       sc == G_UNICODE_SCRIPT_BOPOMOFO || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* 1 if PowerPoint's breaks of @text can differ from pango's: it has East
 * Asian characters or, when @hanging, a mark that may hang; and if they
 * can be chosen on its unwrapped line: no tab or right-to-left character
 * (whose positions on an unwrapped line say nothing of a wrapped one). */
static int
rebreak_applies(const char *text, int hanging)
{
	int differ = 0;

	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		GUnicodeScript sc = g_unichar_get_script(c);
		if (c == '\t' || sc == G_UNICODE_SCRIPT_ARABIC || sc == G_UNICODE_SCRIPT_HEBREW ||
		    sc == G_UNICODE_SCRIPT_SYRIAC || sc == G_UNICODE_SCRIPT_THAANA)
			return 0;
		differ |= grid_char(c) || (hanging && draw_hanging_char(c));
	}
	return differ;
}

/*
 * PowerPoint draws text at sizes on a grid of 1/600 inch (grid_size: 8 pt
 * as 8.04, 10 as 9.96) but breaks East Asian paragraphs as if at the size
 * the run gives: 7 em of 8 pt kana stay on one line in an owasp2017-ja
 * table cell 56.13 pt wide (7 x 8.04 would not fit). Measured on that
 * deck's 2183 lines (pdftotext lines of its PDF and ours, as
 * scripts/line-agreement.py compares them), breaking with each
 * advance at the size given: 2045 break as PowerPoint's; East Asian
 * characters only at that size 2042; each advance at the grid size and
 * rounded to 1/600 inch (the way PowerPoint positions the glyphs it
 * draws) 1981; at the grid size as pango sets it 1957.
 *
 * The size the run at byte @at is given in over the grid size it is
 * drawn at (1 outside the size spans).
 */
static double
nominal_ratio(const para_lay *pl, int at)
{
	for (int i = 0; i < pl->n_spans; i++)
		if (at >= pl->spans[i].start && at < pl->spans[i].end) {
			double g = grid_size(pl->spans[i].size_pt);
			return g > 0 ? pl->spans[i].size_pt / g : 1;
		}
	return 1;
}

/* Positions and break opportunities of @l's @n characters on one
 * unwrapped line each (between mandatory breaks), in points, each
 * advance at the size @pl's runs give; @off gets each character's byte
 * offset (and the text's length at [n]); 、。 may hang when @hanging. 0,
 * or -1 out of memory. */
static int
hang_measure(const para_lay *pl, PangoLayout *l, int n, draw_break_char *c,
             int *off, int hanging)
{
	double *right = s2p_calloc_array((size_t) n + 1, sizeof *right);
	PangoLayout *u;
	const char *text;
	const PangoLogAttr *la;
	PangoLayoutIter *it;
	int n_attrs, i = 0;

	if (!right)
		return -1;
	u = pango_layout_copy(l);
	text = pango_layout_get_text(u);
	pango_layout_set_width(u, -1);
	for (const char *p = text; i < n; p = g_utf8_next_char(p), i++) {
		off[i] = (int) (p - text);
		c[i].x = -1;
		c[i].hang = (uint8_t) (hanging && draw_hanging_char(g_utf8_get_char(p)));
	}
	off[n] = (int) strlen(text);
	c[n].x = -1;
	la = pango_layout_get_log_attrs_readonly(u, &n_attrs);
	for (i = 0; i <= n && i < n_attrs; i++) {
		c[i].line_break = la[i].is_line_break;
		c[i].char_break = la[i].is_char_break;
		c[i].mandatory = la[i].is_mandatory_break;
		c[i].white = la[i].is_white;
	}
	it = pango_layout_get_iter(u);
	do {
		PangoRectangle log;
		int idx = pango_layout_iter_get_index(it), lo = 0, hi = n;
		/* the character at byte @idx */
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (off[mid] < idx)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= n || off[lo] != idx)
			continue;
		pango_layout_iter_get_cluster_extents(it, NULL, &log);
		c[lo].x = log.x / (double) PANGO_SCALE;
		right[lo] = (log.x + log.width) / (double) PANGO_SCALE;
	} while (pango_layout_iter_next_cluster(it));
	pango_layout_iter_free(it);
	/* inside a cluster, a character without a glyph and the end: at the
	 * right edge of the one before */
	for (i = 0; i <= n; i++)
		if (c[i].x < 0) {
			c[i].x = i > 0 ? right[i - 1] : 0;
			right[i] = c[i].x;
		}
	/* the advances at the runs' sizes, from each line's start (left to
	 * right: no right-to-left text comes here); right[] becomes the
	 * advances */
	for (i = 0; i < n; i++)
		right[i] -= c[i].x;
	i = 0;
	for (const char *p = text; i < n; p = g_utf8_next_char(p), i++)
		if (i + 1 == n || !c[i + 1].mandatory)
			c[i + 1].x = c[i].x + right[i] * nominal_ratio(pl, off[i]);
	free(right);
	g_object_unref(u);
	return 0;
}

/* Shift the size spans for @add bytes inserted at @pos. */
static void
spans_insert(para_lay *pl, int pos, int add)
{
	for (int i = 0; i < pl->n_spans; i++) {
		if (pl->spans[i].start >= pos)
			pl->spans[i].start += add;
		if (pl->spans[i].end > pos)
			pl->spans[i].end += add;
	}
}

/* Add a size span; none when out of memory (the line then takes the
 * paragraph's first size). */
static void
span_add(para_lay *pl, int start, int end, double size_pt, double asc)
{
	if (pl->n_spans == pl->cap_spans) {
		int cap = pl->cap_spans ? 2 * pl->cap_spans : 8;
		size_span *n = s2p_realloc_array(pl->spans, (size_t) cap, sizeof *n);
		if (!n)
			return;
		pl->spans = n;
		pl->cap_spans = cap;
	}
	pl->spans[pl->n_spans++] = (size_span) { start, end, size_pt, asc };
}

/*
 * pango's alignment for a:pPr@algn, which PowerPoint reads as absolute
 * (algn="r" is the right edge in either direction). pango mirrors left
 * and right in a right-to-left paragraph, so those are asked for the
 * other way round. Justified text ends on its start side (pango's
 * last line keeps the alignment), as PowerPoint's does.
 */
static PangoAlignment
para_alignment(int algn, int rtl)
{
	PangoAlignment left = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
	PangoAlignment right = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;

	switch (algn) {
	case DML_ALGN_CTR: return PANGO_ALIGN_CENTER;
	case DML_ALGN_R: return right;
	case DML_ALGN_JUST: case DML_ALGN_DIST: return rtl ? right : left;
	default: return left;
	}
}

/*
 * Line breaks where PowerPoint makes them, which pango cannot: with
 * advances at the sizes the runs give (hang_measure) and, with
 * hangingPunct (@hanging), 、 or 。 hanging past the right edge where
 * pango moves the character before it to the next line. The breaks are
 * chosen here (draw_break_lines) and the paragraph gets a line separator
 * at each and @room points more width, for the marks and for pango's own
 * advances (lines aligned to the centre or right are moved back by it).
 * Even where pango would break at the same places: finding that out
 * would take a wrapped layout of its own, a third of a paragraph's cost.
 */
static void
hang_rebreak(para_lay *pl, double indent, double room, int hanging)
{
	PangoLayout *l = pl->layout;
	const char *text = pango_layout_get_text(l);
	int n = (int) g_utf8_strlen(text, -1), nb, *breaks, *off;
	double w = pl->width_pt;
	draw_break_char *c;

	if (n <= 1 || n > HANG_CHARS_MAX || !rebreak_applies(text, hanging))
		return;
	c = s2p_calloc_array((size_t) n + 1, sizeof *c);
	off = s2p_calloc_array((size_t) n + 1, sizeof *off);
	breaks = s2p_calloc_array(HANG_LINES_MAX, sizeof *breaks);
	if (!c || !off || !breaks || hang_measure(pl, l, n, c, off, hanging))
		goto done;
	/* pango's indent: > 0 shortens the first line, < 0 the others */
	nb = draw_break_lines(c, n, w - (indent > 0 ? indent : 0),
	                      w - (indent < 0 ? -indent : 0), breaks, HANG_LINES_MAX);
	if (nb < 0)
		goto done;
	{
		GString *t = g_string_new(text);
		PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(l));
		/* from the end, so that earlier offsets hold */
		for (int i = nb - 1; i >= 0; i--) {
			int pos = off[breaks[i]];
			if (c[breaks[i]].mandatory)
				continue;
			g_string_insert(t, pos, "\xe2\x80\xa8");
			if (attrs)
				pango_attr_list_update(attrs, pos, 0, 3);
			spans_insert(pl, pos, 3);
		}
		pango_layout_set_text(l, t->str, (int) t->len);
		pango_layout_set_attributes(l, attrs);
		if (attrs)
			pango_attr_list_unref(attrs);
		g_string_free(t, TRUE);
		pl->hang_room = room;
		pango_layout_set_width(l, (int) ((w + room) * PANGO_SCALE));
	}
done:
	free(c);
	free(off);
	free(breaks);
}

/* Note the effects of a run's glyphs: its own (a:rPr/a:effectLst, also
 * inherited from list styles), else those of a shape with no fill and no
 * outline. */
static void
fx_span_add(const text_state *ts, para_lay *pl, const dml_rpr *r, int start,
            int end)
{
	const dml_effects *e = ts->dc->text_fx;
	const dml_color *ph = ts->dc->text_fx_ph;
	fx_span *last = pl->n_fx ? &pl->fx[pl->n_fx - 1] : NULL;

	if (r->set & DML_R_EFFECTS && r->effects) {
		e = r->effects;
		ph = NULL;
	}
	if (!pl->fx || !e ||
	    !(draw_fx_text_any(e) || e->refl.has || e->soft_edge_emu > 0))
		return;
	if (last && last->e == e && last->end == start) {
		last->end = end;
		return;
	}
	pl->fx[pl->n_fx++] = (fx_span) { start, end, e, ph };
}

/* 1 if @para's last line is the empty one after a trailing a:br: no
 * text follows its last line break (empty runs may). */
static int
ends_in_break(const dml_para *para)
{
	for (uint32_t i = para->n_runs; i-- > 0;) {
		const dml_run *run = &para->runs[i];
		if (run->kind == DML_RUN_BREAK)
			return 1;
		if (run->kind != DML_RUN_TEXT || (run->text && run->text[0]))
			return 0;
	}
	return 0;
}

#define LRM "\xe2\x80\x8e" /* U+200E LEFT-TO-RIGHT MARK */

/* 1 if @t (UTF-8) has a right-to-left letter. */
static int
has_rtl_letter(const char *t)
{
	for (const char *p = t; *p; p = g_utf8_next_char(p)) {
		GUnicodeScript sc = g_unichar_get_script(g_utf8_get_char(p));
		if (sc == G_UNICODE_SCRIPT_ARABIC || sc == G_UNICODE_SCRIPT_HEBREW ||
		    sc == G_UNICODE_SCRIPT_SYRIAC || sc == G_UNICODE_SCRIPT_THAANA)
			return 1;
	}
	return 0;
}

/* 1 if a European digit (0-9, or the Persian ones, which Unicode counts
 * as European too) comes in @t before any letter. */
static int
digits_first(const char *t)
{
	for (const char *p = t; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if ((c >= '0' && c <= '9') || (c >= 0x06F0 && c <= 0x06F9))
			return 1;
		if (g_unichar_isalpha(c))
			return 0;
	}
	return 0;
}

/* 1 if @lang is a language written right to left. */
static int
rtl_language(const char *lang)
{
	static const char *const codes[] = { "ar", "fa", "he", "ur", "ps", "yi",
	                                     "sd", "ug", "dv", "syr", "ku" };

	for (size_t i = 0; lang && i < S2P_ARRAY_LEN(codes); i++) {
		size_t n = strlen(codes[i]);
		if (!g_ascii_strncasecmp(lang, codes[i], n) &&
		    (lang[n] == 0 || lang[n] == '-' || lang[n] == '_'))
			return 1;
	}
	return 0;
}

/*
 * PowerPoint resolves the digits at the start of a run in a
 * right-to-left language (lang fa-IR ...) without looking back into the
 * runs before it, as if the run began the paragraph: in a left-to-right
 * paragraph they run left to right after Persian text (owasp2017-fa's
 * table heads: "شیوع", ": ", "۳" shows the 3 on the right, where the
 * Unicode algorithm puts it on the left), and in a right-to-left one they
 * stay a number of their own after Latin text (en-US "Top", fa-IR " 10"
 * shows 10 left of Top). Digits of other runs look back as the algorithm
 * says (en-US "Top 10 – ", en-US "2017" stays one Latin stretch). A mark
 * of the paragraph's direction before such a run makes pango resolve
 * them so.
 */
static void
run_digit_mark(GString *text, const char *t, const char *lang, int rtl,
               int seen_rtl)
{
	if ((rtl || seen_rtl) && rtl_language(lang) && digits_first(t))
		g_string_append(text, rtl ? RLM : LRM);
}

/* Build the pango layout of one paragraph, wrapped at @box_w unless
 * @wrap_none. */
static void
para_build(text_state *ts, const dml_para *para, double box_w, int wrap_none,
           para_lay *pl)
{
	draw_ctx *dc = ts->dc;
	dml_ppr ppr = resolve_ppr(&dc->rc, ts->s, ts->chain, ts->n, para, para->lvl);
	GString *text = g_string_new(NULL);
	PangoAttrList *attrs = pango_attr_list_new();
	PangoTabArray *tabs;
	dml_rpr first;
	double first_size = 0, indent, mar_l;
	int have_first = 0, seen_rtl = 0;
	size_t base;

	memset(pl, 0, sizeof *pl);
	pl->fx = s2p_calloc_array(para->n_runs ? para->n_runs : 1, sizeof *pl->fx);
	first = ppr.def_rpr;
	pl->wrap_none = wrap_none;
	pl->rtl = ppr.rtl;
	/* pango takes a paragraph's direction from its first strong
	 * character: a right-to-left mark makes it PowerPoint's pPr@rtl, even
	 * when the paragraph starts with Latin text or digits */
	if (pl->rtl)
		g_string_append(text, RLM);
	base = text->len;
	for (uint32_t i = 0; i < para->n_runs; i++) {
		const dml_run *run = &para->runs[i];
		dml_rpr r = ppr.def_rpr;
		int start = (int) text->len, end;
		double size;
		char num[16];
		const char *t = run->text ? run->text : "";
		PangoFontDescription *fd;
		GArray *sym_chars = NULL;
		dml_rgba c;

		resolve_rpr_overlay(&r, &run->rpr);
		if (run->kind == DML_RUN_BREAK)
			t = "\xe2\x80\xa8"; /* U+2028: a line break inside the paragraph */
		else if (run->kind == DML_RUN_FIELD && s2p_str_eq(run->fld_type, "slidenum")) {
			snprintf(num, sizeof num, "%d", slide_number(ts));
			t = num;
		}
		if (!g_utf8_validate(t, -1, NULL))
			t = "\xef\xbf\xbd";
		if (i > 0 && run->kind != DML_RUN_BREAK)
			run_digit_mark(text, t, r.lang, pl->rtl, seen_rtl);
		seen_rtl |= has_rtl_letter(t);
		if (s2p_symfont_is(r.sym) || s2p_symfont_is(r.latin))
			append_symbols(ts, text, t, &r, &sym_chars);
		else if (r.cap == 1) {
			char *up = g_utf8_strup(t, -1);
			g_string_append(text, up);
			g_free(up);
		}
		else if (persian_digits(ts, &r))
			append_persian_digits(text, t);
		else
			g_string_append(text, t);
		end = (int) text->len;
		size = scaled_size(ts, r.sz_100pt);
		if (r.baseline_pct1k)
			size *= 2.0 / 3.0;
		if (!have_first && run->kind != DML_RUN_BREAK) {
			first = r;
			first_size = size;
			have_first = 1;
		}
		/* a line break's own size does not set the line height; an
		 * empty run's sets that of an empty line */
		if (end == start) {
			if (run->kind != DML_RUN_BREAK)
				span_add(pl, start, end, scaled_size(ts, r.sz_100pt), -1);
			continue;
		}
		fx_span_add(ts, pl, &r, start, end);
		/* the faces by script: a:cs for Persian words, a:latin for the
		 * Latin ones between them */
		for (int a = start, b; a < end; a = b) {
			b = a + draw_font_segment(text->str + a, end - a);
			fd = font_desc(ts, &r, size, text->str + a, b - a);
			insert_attr(attrs, pango_attr_font_desc_new(fd), a, b);
			pango_font_description_free(fd);
			if (run->kind != DML_RUN_BREAK)
				span_add(pl, a, b, scaled_size(ts, r.sz_100pt),
				         draw_vmetrics_face(draw_font_line_face(dc, &r,
				                            text->str + a, b - a)));
		}
		if (sym_chars) {
			symbol_families(ts, attrs, r.sym, sym_chars);
			g_array_free(sym_chars, TRUE);
		}
		c = run_color(ts, &r);
		insert_attr(attrs, pango_attr_foreground_new(chan16(c.r), chan16(c.g),
		                                             chan16(c.b)), start, end);
		if (c.a < 1)
			insert_attr(attrs, pango_attr_foreground_alpha_new(chan16(c.a)),
			            start, end);
		/* PowerPoint underlines links even with u="none" (owasp2017-ja) */
		if (r.u || r.set & DML_R_HLINK)
			insert_attr(attrs, pango_attr_underline_new(r.u == 2 ?
			            PANGO_UNDERLINE_DOUBLE : PANGO_UNDERLINE_SINGLE), start, end);
		if (r.strike)
			insert_attr(attrs, pango_attr_strikethrough_new(TRUE), start, end);
		if (r.spc_100pt)
			insert_attr(attrs, pango_attr_letter_spacing_new(
			            draw_pango_units(r.spc_100pt / 100.0 * ts->scale)),
			            start, end);
		{
			run_widths rw = { draw_font_pgothic_latin(dc, &r),
			                  draw_font_pgothic_standin(dc, &r),
			                  latin_widths(dc, &r), arabic_widths(dc, &r) };
			if (rw.pgothic_latin || rw.pgothic_ea || rw.latin || rw.arabic)
				spaced_widths(attrs, text->str, start, end, size,
				              r.spc_100pt / 100.0 * ts->scale, &rw);
		}
		if (r.baseline_pct1k)
			insert_attr(attrs, pango_attr_rise_new(draw_pango_units(
			            r.baseline_pct1k / 100000.0 *
			            scaled_size(ts, r.sz_100pt))), start, end);
		if (r.cap == 2)
			insert_attr(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS),
			            start, end);
		/* the language picks CJK glyph forms and fallback fonts */
		if (r.lang)
			insert_attr(attrs, pango_attr_language_new(
			            draw_font_language(dc->w->fonts, r.lang)), start, end);
		/* PowerPoint forms no ligatures ("fi", "ti") by default, and
		 * kerns only from the run's kern size up (none when absent);
		 * the proportional Japanese faces (MS PGothic ...) are drawn
		 * with the stand-in's proportional widths (palt) */
		insert_attr(attrs, pango_attr_font_features_new(
		            r.kern_100pt > 0 && r.sz_100pt >= r.kern_100pt ?
		            (proportional_ea(ts, &r) ? "liga=0, clig=0, palt=1" :
		             "liga=0, clig=0") :
		            (proportional_ea(ts, &r) ? "liga=0, clig=0, kern=0, palt=1" :
		             "liga=0, clig=0, kern=0")), start, end);
	}
	if (!have_first) {
		dml_rpr r = ppr.def_rpr;
		resolve_rpr_overlay(&r, &para->end_rpr);
		first = r;
		first_size = scaled_size(ts, r.sz_100pt);
	}
	/* PowerPoint keeps the empty line after a trailing a:br (it counts
	 * in the height, owasp2017-ja slide 15); pango ends the line at a
	 * final U+2028 with none after it, but starts an empty one after a
	 * final newline. The line is as high as the paragraph's end mark. */
	if (ends_in_break(para)) {
		dml_rpr r = ppr.def_rpr;
		resolve_rpr_overlay(&r, &para->end_rpr);
		g_string_append_c(text, '\n');
		span_add(pl, (int) text->len, (int) text->len,
		         scaled_size(ts, r.sz_100pt), -1);
	}
	pl->empty_size = first_size;
	mar_l = ppr.mar_l / (double) EMU_PER_PT;
	indent = ppr.indent / (double) EMU_PER_PT;
	pl->bullet = text->len > base ? make_bullet(ts, &ppr, &first, para->lvl,
	                                            first_size) : NULL;
	if (text->len == base) {
		for (int i = para->lvl + 1; i < DML_LEVELS; i++)
			ts->active[i] = 0;
	}
	pl->layout = pango_layout_new(dc->w->pango);
	/* a left-to-right paragraph stays one whatever its first letter (the
	 * worker's context is LTR); a right-to-left one gets its direction
	 * from the mark, and pango then mirrors left and right alignment */
	pango_layout_set_auto_dir(pl->layout, pl->rtl);
	pango_layout_set_text(pl->layout, text->str, (int) text->len);
	pango_layout_set_attributes(pl->layout, attrs);
	pango_attr_list_unref(attrs);
	g_string_free(text, TRUE);
	{
		/* a default font for empty lines and fallback */
		PangoFontDescription *fd = font_desc(ts, &first, first_size, NULL, 0);
		pango_layout_set_font_description(pl->layout, fd);
		pango_font_description_free(fd);
	}
	/* first line at marL+indent (the bullet's place when there is one),
	 * the others at marL */
	if (pl->bullet) {
		pl->bullet_x = mar_l + indent;
		pl->x_pt = mar_l;
		pl->text_x = mar_l;
		if (indent > 0) {
			pl->x_pt = mar_l;
			pl->bullet_x = mar_l;
			pl->text_x = mar_l + indent;
			pango_layout_set_indent(pl->layout, draw_pango_units(indent));
		}
	}
	else if (indent < 0) {
		pl->x_pt = mar_l + indent;
		pango_layout_set_indent(pl->layout, draw_pango_units(indent));
	}
	else {
		pl->x_pt = mar_l;
		pango_layout_set_indent(pl->layout, draw_pango_units(indent));
	}
	if (pl->x_pt < 0)
		pl->x_pt = 0;
	pl->box_w = box_w;
	pl->width_pt = box_w - pl->x_pt;
	if (pl->width_pt < 1)
		pl->width_pt = 1;
	pl->algn = ppr.algn;
	if (!pl->wrap_none) {
		pango_layout_set_width(pl->layout, draw_pango_units(pl->width_pt));
		pango_layout_set_wrap(pl->layout, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(pl->layout, para_alignment(ppr.algn, pl->rtl));
	pango_layout_set_justify(pl->layout, ppr.algn == DML_ALGN_JUST ||
	                         ppr.algn == DML_ALGN_DIST);
	tabs = tab_array(ts, &ppr, pl->x_pt, box_w, indent < 0 && !pl->bullet ?
	                 mar_l : -1);
	if (tabs) {
		pango_layout_set_tabs(pl->layout, tabs);
		pango_tab_array_free(tabs);
	}
	/* PowerPoint's breaks; a hanging mark is at most an em of the
	 * paragraph's largest size (justified lines would stretch into the
	 * room: pango breaks them) */
	if (!wrap_none && ppr.algn != DML_ALGN_JUST && ppr.algn != DML_ALGN_DIST) {
		double room = 0;
		for (int i = 0; i < pl->n_spans; i++)
			if (pl->spans[i].size_pt > room)
				room = pl->spans[i].size_pt;
		hang_rebreak(pl, pl->bullet && indent > 0 ? indent :
		             !pl->bullet ? indent : 0, room + 1, ppr.hanging_punct);
	}
	/* spacing; a percentage is of the 1.2 em line of the first run */
	if (ppr.set & DML_P_LNSPC) {
		if (ppr.ln_spc.pts)
			pl->ln_pts = ppr.ln_spc.val / 100.0;
		else
			pl->ln_pct = ppr.ln_spc.val / 100000.0;
	}
	else
		pl->ln_pct = 1.0;
	if (pl->ln_pct > 0) {
		pl->ln_pct -= ts->ln_red;
		if (pl->ln_pct < 0.1)
			pl->ln_pct = 0.1;
	}
	if (ppr.set & DML_P_SPCBEF)
		pl->spc_bef = ppr.spc_bef.pts ? ppr.spc_bef.val / 100.0 :
		              ppr.spc_bef.val / 100000.0 * 1.2 * first_size;
	if (ppr.set & DML_P_SPCAFT)
		pl->spc_aft = ppr.spc_aft.pts ? ppr.spc_aft.val / 100.0 :
		              ppr.spc_aft.val / 100000.0 * 1.2 * first_size;
}

static double
line_size(const para_lay *pl, const PangoLayoutLine *line)
{
	double mx = 0;
	int s = line->start_index, e = line->start_index + line->length;

	for (int i = 0; i < pl->n_spans; i++) {
		const size_span *sp = &pl->spans[i];
		if (sp->end > s && sp->start < e && sp->size_pt > mx)
			mx = sp->size_pt;
		if (sp->start == sp->end && sp->start == s && sp->size_pt > mx && !line->length)
			mx = sp->size_pt;
	}
	return mx > 0 ? mx : pl->empty_size;
}

/*
 * The share of @line above its baseline under PowerPoint's model
 * (draw-vmetrics.c): each run's face gives its share above and below,
 * scaled by the run's size; the line takes the largest of each. The
 * faces are those PowerPoint draws the runs in (from the spans), else
 * the fonts drawn; an empty line takes its paragraph's font.
 */
static double
line_ratio(const para_lay *pl, PangoLayoutLine *line)
{
	double a = 0, d = 0, r;

	for (GSList *l = line->runs; l; l = l->next) {
		const PangoGlyphItem *run = l->data;
		int s = run->item->offset, e = s + run->item->length;
		double own = -2;
		for (int i = 0; i < pl->n_spans; i++) {
			const size_span *sp = &pl->spans[i];
			if (sp->end <= s || sp->start >= e)
				continue;
			r = sp->asc;
			if (r < 0) {
				if (own == -2)
					own = draw_vmetrics_font(run->item->analysis.font);
				r = own;
			}
			if (r < 0)
				continue;
			a = fmax(a, r * sp->size_pt);
			d = fmax(d, (1 - r) * sp->size_pt);
		}
	}
	if (a + d > 0)
		return a / (a + d);
	{
		PangoContext *ctx = pango_layout_get_context(pl->layout);
		const PangoFontDescription *fd = pango_layout_get_font_description(pl->layout);
		PangoFont *f = fd ? pango_context_load_font(ctx, fd) : NULL;
		r = draw_vmetrics_font(f);
		if (f)
			g_object_unref(f);
	}
	return r >= 0 ? r : 0.8;
}

/* Ascent and descent of a line under PowerPoint's model. */
static void
line_metrics(const para_lay *pl, PangoLayoutLine *line, double *asc, double *desc)
{
	double size = line_size(pl, line), ratio, natural;

	ratio = line_ratio(pl, line);
	if (pl->ln_pts > 0) {
		*asc = pl->ln_pts * ratio;
		*desc = pl->ln_pts * (1 - ratio);
		return;
	}
	natural = 1.2 * size;
	*asc = natural * ratio;
	*desc = natural * (1 - ratio);
	if (pl->ln_pct >= 1)
		*asc += (pl->ln_pct - 1) * natural / 2, *desc += (pl->ln_pct - 1) * natural / 2;
	else
		*asc -= (1 - pl->ln_pct) * natural;
}

/* Columns of the text box (bodyPr numCol, spcCol), in points. */
typedef struct text_cols {
	int n;
	double w, gap, h;         /* column width, gap, box height */
	int rtl;                  /* bodyPr@rtlCol: the first column on the right */
	int first_bef;            /* bodyPr@spcFirstLastPara: the first
	                           * paragraph keeps its space before */
	double dx;                /* bodyPr@anchorCtr: the text block's shift */
} text_cols;

/* Where a line of @pl with pango extents @logical starts, from the
 * column's left edge. */
static double
line_x(const para_lay *pl, const PangoRectangle *logical)
{
	/* a right-to-left paragraph's margin is on the right */
	double origin = pl->rtl ? 0 : pl->x_pt;
	double lw = logical->width / (double) PANGO_SCALE;

	if (!pl->wrap_none) {
		double x = origin + logical->x / (double) PANGO_SCALE;
		/* centred and right lines: in the box, not in the room added
		 * for hanging marks */
		if (pl->algn == DML_ALGN_CTR)
			x -= pl->hang_room / 2;
		else if (pl->algn == DML_ALGN_R)
			x -= pl->hang_room;
		return x;
	}
	if (pl->algn == DML_ALGN_CTR)
		return origin + (pl->width_pt - lw) / 2;
	if (pl->algn == DML_ALGN_R || (pl->rtl && pl->algn != DML_ALGN_L))
		return origin + pl->width_pt - lw;
	return origin + logical->x / (double) PANGO_SCALE;
}

/*
 * Where the bullet of @pl starts, from the column's left edge, its first
 * line starting at @x with pango extents @logical. On a line aligned to
 * the paragraph's start side it is at bullet_x (from the right when
 * rtl: the bullet's right edge there). On a line aligned to the other
 * side or centred, PowerPoint keeps it the indent's width before the
 * text, moving with it (owasp2017-fa: bullets of right-aligned Persian
 * lines in left-to-right paragraphs just left of the text).
 */
static double
bullet_x(const para_lay *pl, double x, const PangoRectangle *logical)
{
	PangoRectangle bl;
	double bw, lw = logical->width / (double) PANGO_SCALE, gap;
	int at_start = pl->algn == DML_ALGN_JUST || pl->algn == DML_ALGN_DIST ||
	               pl->algn == (pl->rtl ? DML_ALGN_R : DML_ALGN_L);

	pango_layout_get_extents(pl->bullet, NULL, &bl);
	bw = bl.width / (double) PANGO_SCALE;
	if (at_start || pl->wrap_none)
		return pl->rtl ? pl->box_w - pl->bullet_x - bw : pl->bullet_x;
	/* the text's start is indent's width from the bullet's */
	gap = fabs(pl->text_x - pl->bullet_x);
	return pl->rtl ? x + lw + gap - bw : x - gap;
}

/*
 * bodyPr anchorCtr (§21.1.2.1.1): the text box narrows to the text's own
 * width (its widest line with that paragraph's margin), the paragraphs
 * align inside it, and it is centred across the box @bw wide. Re-sets the
 * paragraphs' widths; returns the shift of the narrowed box.
 */
static double
anchor_ctr_shrink(para_lay *pls, uint32_t n, double bw)
{
	double w = 0;

	for (uint32_t i = 0; i < n && pls[i].layout; i++) {
		PangoLayoutIter *it = pango_layout_get_iter(pls[i].layout);
		do {
			PangoRectangle logical;
			pango_layout_iter_get_line_extents(it, NULL, &logical);
			w = fmax(w, pls[i].x_pt + logical.width / (double) PANGO_SCALE);
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
	}
	if (w <= 0 || w >= bw)
		return 0;
	for (uint32_t i = 0; i < n && pls[i].layout; i++) {
		para_lay *pl = &pls[i];
		pl->box_w = w;
		pl->width_pt = w - pl->x_pt > 1 ? w - pl->x_pt : 1;
		/* a hair wider than the widest line: no line breaks anew */
		if (!pl->wrap_none)
			pango_layout_set_width(pl->layout,
			                       (int) ((pl->width_pt + 0.01) * PANGO_SCALE));
	}
	return (bw - w) / 2;
}

/* What flow_lines does with the lines besides measuring them. */
enum flow_mode {
	FLOW_MEASURE,
	FLOW_DRAW,
	FLOW_FX_PATH   /* the outlines of the glyphs with given effects */
};

static int
fx_same(const dml_effects *a, const dml_effects *b)
{
	return a == b || (a && b && memcmp(a, b, sizeof *a) == 0);
}

/* The effects of the glyphs at byte @index of the paragraph, or NULL. */
static const dml_effects *
fx_at(const para_lay *pl, int index)
{
	for (int i = 0; i < pl->n_fx; i++)
		if (index >= pl->fx[i].start && index < pl->fx[i].end)
			return pl->fx[i].e;
	return NULL;
}

/* Append to the current path the outlines of @line's glyphs whose effects
 * are @want, the line's origin at @x, @y: the whole line (underlines
 * included) when every run has them, else run by run. */
static void
line_fx_path(cairo_t *cr, const para_lay *pl, PangoLayoutLine *line,
             double x, double y, const dml_effects *want)
{
	int all = 1, any = 0;

	for (GSList *l = line->runs; l; l = l->next) {
		const PangoGlyphItem *run = l->data;
		int same = fx_same(fx_at(pl, run->item->offset), want);
		all &= same;
		any |= same;
	}
	if (!any)
		return;
	if (all) {
		cairo_move_to(cr, x, y);
		pango_cairo_layout_line_path(cr, line);
		return;
	}
	for (GSList *l = line->runs; l; l = l->next) {
		const PangoGlyphItem *run = l->data;
		double w = pango_glyph_string_get_width(run->glyphs) / (double) PANGO_SCALE;
		x += run->start_x_offset / (double) PANGO_SCALE;
		if (fx_same(fx_at(pl, run->item->offset), want)) {
			cairo_move_to(cr, x, y - run->y_offset / (double) PANGO_SCALE);
			pango_cairo_glyph_string_path(cr, run->item->analysis.font,
			                              run->glyphs);
		}
		x += w + run->end_x_offset / (double) PANGO_SCALE;
	}
}

/*
 * Lay the paragraphs' lines into the columns, top to bottom and column to
 * column: a line that does not fit below the others starts the next
 * column (the last column takes whatever is left, overflowing). Space
 * before a paragraph is dropped at the top of a column. Draws the lines
 * (FLOW_DRAW) or the outlines of glyphs with effects @want (FLOW_FX_PATH)
 * from @top; returns the height of the tallest column.
 */
static double
flow_lines(draw_ctx *dc, para_lay *pls, uint32_t n, const text_cols *c,
           double top, enum flow_mode draw, const dml_effects *want)
{
	cairo_t *cr = dc->cr;
	double y = 0, tallest = 0;
	int col = 0, col_lines = 0;

	/* paragraphs left unbuilt (a --timeout deadline passed) end the flow */
	for (uint32_t i = 0; i < n && pls[i].layout; i++) {
		para_lay *pl = &pls[i];
		PangoLayoutIter *it = pango_layout_get_iter(pl->layout);
		int first_line = 1;

		do {
			PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
			PangoRectangle logical;
			double a, d, x, bef = first_line ? pl->spc_bef : 0;
			int last = pango_layout_iter_at_last_line(it);

			line_metrics(pl, line, &a, &d);
			if (col_lines && col + 1 < c->n && y + bef + a + d > c->h + 0.01) {
				if (y > tallest)
					tallest = y;
				col++;
				y = 0;
				col_lines = 0;
			}
			/* space before is dropped at the top of a column, but
			 * for the first paragraph's with spcFirstLastPara
			 * (portfolio-ml-fa: PowerPoint keeps its 6 pt) */
			if (!col_lines && !(c->first_bef && i == 0))
				bef = 0;
			y += bef + a;
			if (draw) {
				double cx = (c->rtl ? c->n - 1 - col : col) * (c->w + c->gap) +
				            c->dx;
				pango_layout_iter_get_line_extents(it, NULL, &logical);
				x = line_x(pl, &logical);
				if (draw == FLOW_FX_PATH) {
					if (line->length && pl->n_fx)
						line_fx_path(cr, pl, line, cx + x, top + y, want);
				}
				else if (first_line && pl->bullet) {
					double bx = bullet_x(pl, x, &logical);
					cairo_move_to(cr, cx + bx, top + y);
					pango_cairo_show_layout_line(cr,
					        pango_layout_get_line_readonly(pl->bullet, 0));
				}
				if (draw == FLOW_DRAW && line->length) {
					cairo_move_to(cr, cx + x, top + y);
					pango_cairo_show_layout_line(cr, line);
				}
			}
			y += d + (last ? pl->spc_aft : 0);
			col_lines++;
			first_line = 0;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
	}
	return y > tallest ? y : tallest;
}

static void
paras_free(para_lay *pls, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		if (pls[i].layout)
			g_object_unref(pls[i].layout);
		if (pls[i].bullet)
			g_object_unref(pls[i].bullet);
		free(pls[i].spans);
		free(pls[i].fx);
	}
	memset(pls, 0, n * sizeof *pls);
}

/* Build every paragraph for columns @c; returns the height they take. */
static double
build_all(text_state *ts, const dml_text_body *t, para_lay *pls,
          const text_cols *c, int wrap_none)
{
	memset(ts->active, 0, sizeof ts->active);
	for (uint32_t i = 0; i < t->n_paras && !draw_expired(ts->dc); i++) {
		para_build(ts, &t->paras[i], c->w, wrap_none, &pls[i]);
		if (wrap_none) {
			pls[i].wrap_none = 1;
			pango_layout_set_width(pls[i].layout, -1);
		}
	}
	return flow_lines(ts->dc, pls, t->n_paras, c, 0, FLOW_MEASURE, NULL);
}

static void
text_state_init(text_state *ts, draw_ctx *dc, const dml_shape *s,
                const dml_shape *const *chain, int n, const dml_bpr *b)
{
	memset(ts, 0, sizeof *ts);
	ts->dc = dc;
	ts->s = s;
	ts->chain = chain;
	ts->n = n;
	ts->scale = 1;
	if (b->autofit == DML_AUTOFIT_NORM) {
		ts->scale = b->font_scale_pct1k / 100000.0;
		ts->ln_red = b->ln_spc_red_pct1k / 100000.0;
	}
}

/*
 * Lay out every paragraph in columns @c; returns the text's height (of
 * the tallest column). A bare normAutofit from a generator shrinks the
 * text while it is taller than the box: generators leave the scale to
 * PowerPoint, which shrinks in these steps until the text fits. From
 * PowerPoint itself it means the text fitted at 100 %.
 */
static double
layout_all(text_state *ts, const dml_text_body *t, const dml_bpr *b,
           para_lay *pls, const text_cols *c)
{
	double total = build_all(ts, t, pls, c, b->wrap_none);

	if (b->autofit == DML_AUTOFIT_NORM && !b->has_font_scale && total > c->h &&
	    !(ts->dc->rc.pres && ts->dc->rc.pres->by_powerpoint))
		for (int step = 1; step <= 10 && total > c->h && !draw_expired(ts->dc);
		     step++) {
			paras_free(pls, t->n_paras);
			ts->scale = 1.0 - 0.075 * step;
			ts->ln_red = step >= 2 ? 0.2 : 0.1;
			total = build_all(ts, t, pls, c, b->wrap_none);
		}
	return total;
}

/* Columns of a box @bw x @bh points: they share the width, spcCol apart. */
static void
cols_init(text_cols *c, const dml_bpr *b, double bw, double bh)
{
	c->n = b->num_col > 1 ? b->num_col : 1;
	c->gap = (double) b->spc_col / EMU_PER_PT;
	if (c->n > 1 && c->gap * (c->n - 1) > bw / 2)
		c->gap = bw / 2 / (c->n - 1);
	c->w = (bw - c->gap * (c->n - 1)) / c->n;
	if (c->w < 1)
		c->w = 1;
	c->h = bh;
	c->rtl = b->rtl_col;
	c->first_bef = b->spc_first_last;
	c->dx = 0;
}

/* bodyPr@vert (§20.1.10.83 ST_TextVerticalType) */
enum text_vert { VERT_HORZ, VERT_90, VERT_270, VERT_EA, VERT_WORDART,
	VERT_WORDART_RTL, VERT_MONGOLIAN };

static int
vert_kind(const char *v)
{
	if (!v || s2p_str_eq(v, "horz"))
		return VERT_HORZ;
	if (s2p_str_eq(v, "vert270"))
		return VERT_270;
	if (s2p_str_eq(v, "eaVert"))
		return VERT_EA;
	if (s2p_str_eq(v, "wordArtVert"))
		return VERT_WORDART;
	if (s2p_str_eq(v, "wordArtVertRtl"))
		return VERT_WORDART_RTL;
	if (s2p_str_eq(v, "mongolianVert"))
		return VERT_MONGOLIAN;
	return VERT_90;
}

/*
 * The frame the text is laid out in: vertical text turns the box by 90°
 * (vert, eaVert, wordArtVert: lines top to bottom, stacked right to
 * left) or 270° (vert270: bottom to top, left to right) about its centre,
 * with the insets turning along (they apply to the text's own sides);
 * bodyPr@rot turns it further, and bodyPr@upright undoes the shape's own
 * rotation. After this the box is 0,0 - *fw x *fh (EMU).
 */
static void
text_frame(draw_ctx *dc, const dml_shape *s, const dml_bpr *b, int vert,
           double x, double y, double w, double h, double *fw, double *fh)
{
	double turn = b->rot_60k / 60000.0;

	if (vert == VERT_270)
		turn -= 90;
	else if (vert != VERT_HORZ)
		turn += 90;
	if (b->upright && s->xfrm.rot_60k)
		turn -= s->xfrm.rot_60k / 60000.0;
	*fw = vert == VERT_HORZ ? w : h;
	*fh = vert == VERT_HORZ ? h : w;
	cairo_translate(dc->cr, x + w / 2, y + h / 2);
	if (turn != 0)
		cairo_rotate(dc->cr, turn * S2P_PI / 180.0);
	cairo_translate(dc->cr, -*fw / 2, -*fh / 2);
}

/* The text's effects, one set at a time (the glyphs of every run with
 * equal effects make one outline, blurred once): beneath the text before
 * it is drawn, over it (@over) after. */
static void
text_fx(draw_ctx *dc, para_lay *pls, uint32_t n, const text_cols *c,
        double top, int over)
{
	enum { SETS_MAX = 8 };
	const dml_effects *done[SETS_MAX];
	int n_done = 0;

	for (uint32_t i = 0; i < n && pls[i].layout; i++)
		for (int k = 0; k < pls[i].n_fx; k++) {
			const fx_span *sp = &pls[i].fx[k];
			cairo_path_t *path;
			int seen = 0;

			for (int j = 0; j < n_done; j++)
				seen |= fx_same(done[j], sp->e);
			if (seen)
				continue;
			if (n_done == SETS_MAX || draw_expired(dc)) {
				if (!over)
					pml_diag_add(dc->diags, dc->part, "text with more than "
					             "%d different effects: the others not drawn",
					             SETS_MAX);
				return;
			}
			done[n_done++] = sp->e;
			cairo_new_path(dc->cr);
			flow_lines(dc, pls, n, c, top, FLOW_FX_PATH, sp->e);
			path = cairo_copy_path(dc->cr);
			cairo_new_path(dc->cr);
			if (over)
				draw_fx_text_over(dc, sp->e, sp->ph, path);
			else
				draw_fx_text_under(dc, sp->e, sp->ph, path);
			cairo_path_destroy(path);
		}
}

/* Paragraphs laid out by draw_text_height() and kept for drawing. */
struct draw_text_kept {
	para_lay *pls;
	uint32_t n;
	double bw, total;     /* box width (pt) they were laid out in, height */
	unsigned serial;      /* the pango context's serial at that time */
};

void
draw_text_kept_free(draw_text_kept *k)
{
	if (!k)
		return;
	paras_free(k->pls, k->n);
	free(k->pls);
	free(k);
}

/* 1 if laying out the text of @b in columns @c does not depend on the box
 * height (one column, no shrinking to fit: layout_all()), so a layout
 * measured in a box of any height draws as laid out again would. */
static int
height_free(const draw_ctx *dc, const dml_bpr *b, const text_cols *c)
{
	return c->n == 1 && vert_kind(b->vert) == VERT_HORZ &&
	       !(b->autofit == DML_AUTOFIT_NORM && !b->has_font_scale &&
	         !(dc->rc.pres && dc->rc.pres->by_powerpoint));
}

/* draw_text(), with the paragraphs of @kept when they fit this box and
 * pango's state is still the one they were laid out in. */
static void
text_draw(draw_ctx *dc, const dml_shape *s, const dml_shape *const *chain,
          int n, double x, double y, double w, double h, draw_text_kept *kept)
{
	const dml_text_body *t = s->text;
	cairo_t *cr = dc->cr;
	dml_bpr b = resolve_bpr(s, chain, n);
	PangoContext *pc = dc->w->pango;
	int vert = vert_kind(b.vert);
	text_state ts;
	text_cols cols;
	para_lay *pls;
	double bx, by, bw, bh, fw, fh, total, top;

	if (!t || !t->n_paras)
		return;
	cairo_save(cr);
	text_frame(dc, s, &b, vert, x, y, w, h, &fw, &fh);
	/* the text box: the geometry's text rectangle less the insets */
	bx = (double) b.l_ins / EMU_PER_PT;
	by = (double) b.t_ins / EMU_PER_PT;
	bw = (fw - (double) b.l_ins - (double) b.r_ins) / EMU_PER_PT;
	bh = (fh - (double) b.t_ins - (double) b.b_ins) / EMU_PER_PT;
	if (bw < 1)
		bw = 1;
	cols_init(&cols, &b, bw, bh);
	cairo_scale(cr, EMU_PER_PT, EMU_PER_PT);
	if (vert == VERT_EA || vert == VERT_WORDART || vert == VERT_WORDART_RTL) {
		/* East Asian characters upright in the turned frame (eaVert);
		 * every character upright, stacked (WordArt) */
		pango_context_set_base_gravity(pc, PANGO_GRAVITY_EAST);
		pango_context_set_gravity_hint(pc, vert == VERT_EA ?
		                               PANGO_GRAVITY_HINT_NATURAL :
		                               PANGO_GRAVITY_HINT_STRONG);
	}
	if (vert == VERT_MONGOLIAN)
		pml_diag_add(dc->diags, dc->part, "mongolianVert text drawn as vert "
		             "(lines right to left)");
	draw_pango_sync(dc);
	if (kept && (kept->n != t->n_paras || kept->bw != bw ||
	             !height_free(dc, &b, &cols) ||
	             kept->serial != pango_context_get_serial(pc)))
		kept = NULL;
	if (kept) {
		pls = kept->pls;
		total = kept->total;
	}
	else if ((pls = s2p_calloc_array(t->n_paras, sizeof *pls)) != NULL) {
		text_state_init(&ts, dc, s, chain, n, &b);
		total = layout_all(&ts, t, &b, pls, &cols);
	}
	else
		goto out;
	/* anchorCtr: the text block centred across the box (one column) */
	if (b.anchor_ctr && cols.n == 1)
		cols.dx = anchor_ctr_shrink(pls, t->n_paras, cols.w);
	if (vert == VERT_WORDART && (t->n_paras > 1 ||
	    pango_layout_get_line_count(pls[0].layout) > 1))
		pml_diag_add(dc->diags, dc->part, "wordArtVert text with several "
		             "lines: lines drawn right to left");
	switch (b.anchor) {
	case DML_ANCHOR_CTR: top = by + (bh - total) / 2; break;
	case DML_ANCHOR_B: top = by + bh - total; break;
	default: top = by; break;
	}
	cairo_translate(cr, bx, 0);
	/* after a deadline some paragraphs were never laid out: draw none */
	if (!draw_expired(dc)) {
		text_fx(dc, pls, t->n_paras, &cols, top, 0);
		flow_lines(dc, pls, t->n_paras, &cols, top, FLOW_DRAW, NULL);
		text_fx(dc, pls, t->n_paras, &cols, top, 1);
	}
	if (!kept) {
		paras_free(pls, t->n_paras);
		free(pls);
	}
out:
	if (vert == VERT_EA || vert == VERT_WORDART || vert == VERT_WORDART_RTL) {
		pango_context_set_base_gravity(pc, PANGO_GRAVITY_SOUTH);
		pango_context_set_gravity_hint(pc, PANGO_GRAVITY_HINT_NATURAL);
	}
	cairo_restore(cr);
}

void
draw_text(draw_ctx *dc, const dml_shape *s, const dml_shape *const *chain,
          int n, double x, double y, double w, double h)
{
	text_draw(dc, s, chain, n, x, y, w, h, NULL);
}

void
draw_text_kept_draw(draw_ctx *dc, const dml_shape *s,
                    const dml_shape *const *chain, int n, double x, double y,
                    double w, double h, draw_text_kept *kept)
{
	text_draw(dc, s, chain, n, x, y, w, h, kept);
}

double
draw_text_height(draw_ctx *dc, const dml_shape *s, const dml_shape *const *chain,
                 int n, double w, draw_text_kept **keep)
{
	const dml_text_body *t = s->text;
	dml_bpr b = resolve_bpr(s, chain, n);
	text_state ts;
	text_cols cols;
	para_lay *pls;
	double bw, total;

	if (keep)
		*keep = NULL;
	if (!t || !t->n_paras)
		return 0;
	pls = s2p_calloc_array(t->n_paras, sizeof *pls);
	if (!pls)
		return 0;
	text_state_init(&ts, dc, s, chain, n, &b);
	bw = (w - (double) b.l_ins - (double) b.r_ins) / EMU_PER_PT;
	if (bw < 1)
		bw = 1;
	cols_init(&cols, &b, bw, INFINITY);
	cairo_save(dc->cr);
	cairo_scale(dc->cr, EMU_PER_PT, EMU_PER_PT);
	draw_pango_sync(dc);
	total = layout_all(&ts, t, &b, pls, &cols);
	cairo_restore(dc->cr);
	if (keep && height_free(dc, &b, &cols) && !draw_expired(dc) &&
	    (*keep = calloc(1, sizeof **keep)) != NULL) {
		(*keep)->pls = pls;
		(*keep)->n = t->n_paras;
		(*keep)->bw = bw;
		(*keep)->total = total;
		(*keep)->serial = pango_context_get_serial(dc->w->pango);
	}
	else {
		paras_free(pls, t->n_paras);
		free(pls);
	}
	return total * EMU_PER_PT + (double) b.t_ins + (double) b.b_ins;
}
