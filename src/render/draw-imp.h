/*
 * Internals shared by the draw-*.c files: the per-slide drawing context
 * and the functions each file provides.
 */
#ifndef S2P_RENDER_DRAW_IMP_H
#define S2P_RENDER_DRAW_IMP_H

#include "model/resolve.h"
#include "render/draw.h"
#include "render/draw-geom.h"

#include <pango/pangocairo.h>

/* Largest length handed to pango, in points (about 350 m): pango keeps
 * lengths in ints of 1/1024 point, and a text box or indent taken from a
 * hostile file can be far beyond what an int holds. */
#define DRAW_PANGO_MAX_PT 1e6

/* @pt points in pango units, truncated like a cast, clamped to
 * +-DRAW_PANGO_MAX_PT; NaN gives 0. */
static inline int
draw_pango_units(double pt)
{
	if (!(pt > -DRAW_PANGO_MAX_PT))
		pt = pt != pt ? 0 : -DRAW_PANGO_MAX_PT;
	else if (pt > DRAW_PANGO_MAX_PT)
		pt = DRAW_PANGO_MAX_PT;
	return (int) (pt * PANGO_SCALE);
}

struct draw_worker {
	PangoFontMap *font_map;
	PangoContext *pango;
	draw_image_cache *images;   /* shared, borrowed; may be NULL */
	draw_fonts *fonts;          /* the run's, borrowed; may be NULL */
	unsigned char *raster_rows; /* per output row: a picture was drawn */
	int n_rows;                 /* 0: not tracking */
	void *attached;             /* the caller's, see draw_worker_attach() */
	void (*release)(void *);
	unsigned pango_serial;      /* the context's after draw_pango_sync() */
	int pango_target;           /* the surface type it was synced for */
	int pango_synced;           /* 0: sync at the next draw_pango_sync() */
	double deadline_ms;         /* s2p_now_ms() limit of this slide, 0: none */
	double timeout_s;           /* for the message */
	int expired;                /* the deadline passed during this slide */
};

/* How the enclosing group maps its children's boxes: x' = x*sx + dx. */
typedef struct draw_group_map {
	int active;
	double sx, sy, dx, dy;
	uint8_t mirror;        /* the groups above mirror (odd flips) */
} draw_group_map;

/* One slide being drawn. */
typedef struct draw_ctx {
	draw_worker *w;
	cairo_t *cr;
	resolve_ctx rc;
	const s2p_limits *lim;
	pml_diag_list *diags;
	const char *part;      /* part of the sheet being drawn, for messages */
	int level;             /* enum resolve_level of that sheet */
	double px_per_emu;
	draw_group_map group;  /* of the group being drawn */
	/* the effects of a shape with no fill and no outline, which
	 * PowerPoint gives its text instead (set by draw-shape.c around
	 * draw_text), with their phClr; NULL otherwise */
	const dml_effects *text_fx;
	const dml_color *text_fx_ph;
	/* blurred effect masks kept for the next identical shapes (cards in
	 * a grid): owned, freed by draw_fx_cache_free() when the slide ends */
	struct draw_fx_cache *fx_cache;
	s2p_error *err;
} draw_ctx;

/* draw-slide.c: 1 once the slide's deadline (draw_worker_set_deadline())
 * has passed, with S2P_ETIMEOUT recorded; callers then stop drawing.
 * Cheap (a clock read): call it at safe points between pieces of work
 * (shapes, paragraphs, blur passes), never inside cairo calls. */
int draw_expired(draw_ctx *dc);

/* Tell the worker's pango context the current transformation (and
 * target) of dc->cr, as pango_cairo_update_context() does, but only when
 * they changed since the last call: each update makes pango lay every
 * layout of the context out again, kept ones included. */
void draw_pango_sync(draw_ctx *dc);

/* draw-paint.c */
dml_rgba draw_color(const draw_ctx *dc, const dml_color *c, const dml_color *ph);
/* Fill the current path with @fill; @w x @h is the shape box in user
 * space (for gradients and pictures). Keeps the path. */
void draw_fill_path(draw_ctx *dc, const dml_fill *fill, const dml_color *ph,
                    double w, double h);
void draw_background(draw_ctx *dc, double w, double h);
/* The 8 x 8 bitmap of pattern preset @name (8 rows, bit 7 leftmost, 1 =
 * foreground), or NULL if unknown; and how many presets there are. */
const unsigned char *draw_pattern_bits(const char *name);
size_t draw_pattern_count(void);
/* A new cairo source for a solid or gradient @fill over the box @w x @h
 * of the current user space, kept when the transformation changes later
 * (the caller destroys it); NULL for other fills. */
cairo_pattern_t *draw_fill_pattern(draw_ctx *dc, const dml_fill *fill,
                                   const dml_color *ph, double w, double h);

/* draw-image.c: paint the picture fill into the box 0,0,w,h through the
 * current clip (decoded through the worker's image cache). */
void draw_picture(draw_ctx *dc, const dml_fill *blip, double w, double h);

/* draw-font.c: the pango family list for text in @r's faces (theme
 * tokens resolved, installed stand-ins, a missing latin face falling back
 * to the theme's body font), into @out; notes the substitutions for the
 * scripts that occur in @text (@len bytes, -1: to its end; NULL: notes
 * nothing). Only the first family when it has every character of @text
 * (NULL: a space), which draws the same with fewer fontconfig sorts. */
void draw_font_families(draw_ctx *dc, const dml_rpr *r, const char *text,
                        int len, char *out, size_t size);
/* The face @name (a theme token such as +mn-ea, or a family) means in
 * run @r: per script by the run's lang, else its altLang. */
const char *draw_font_face(draw_ctx *dc, const dml_rpr *r, const char *name);
/* The family drawing the Arabic letters of face @face (a family name):
 * its stand-in, or the Arabic face drawn where that has none; into
 * @fam, "" when unknown. */
void draw_font_arabic_family(draw_ctx *dc, const char *face, char *fam,
                             size_t size);
/* The face PowerPoint draws @text (@len bytes, one segment of
 * draw_font_segment) of run @r in: a:cs for complex scripts only, a:ea
 * for East Asian text, else a:latin; NULL when there is none. */
const char *draw_font_line_face(draw_ctx *dc, const dml_rpr *r, const char *text,
                                int len);
/* 1 if the east-asian face of @r is drawn in IPAPGothic standing in for
 * MS PGothic, whose widths differ (draw_font_pgothic_extra). */
int draw_font_pgothic_standin(draw_ctx *dc, const dml_rpr *r);
/* The same for the Latin face of @r (a:latin MS PGothic or +mn-ea). */
int draw_font_pgothic_latin(draw_ctx *dc, const dml_rpr *r);

/* draw-font.c: font size @pt (points) capped to what pango, cairo and
 * FreeType can draw at this slide's scale: an em within DRAW_FONT_MAX_PX
 * device pixels, and less at very large output widths (a 4000 pt title
 * 4000 px wide, a 240 pt one 16 000 px wide failed the whole slide). A
 * capped size is reported once per part. */
#define DRAW_FONT_MAX_PX 12000.0
double draw_font_size_pt(draw_ctx *dc, double pt);

/* draw-metafile.c: whether @b is an EMF or WMF picture, and drawing
 * one into the stretched box bx,by,bw,bh (srcRect and alpha from @f). */
int draw_metafile_sniff(const s2p_blob *b);
void draw_metafile(draw_ctx *dc, const dml_fill *f, double bx, double by,
                   double bw, double bh);

/* draw-text.c: lay out and draw a text body in the box (EMU). */
void draw_text(draw_ctx *dc, const dml_shape *s, const dml_shape *const *chain,
               int n, double x, double y, double w, double h);
/* The height in EMU the text of @s takes in a box @w EMU wide, its top and
 * bottom insets included: what a table row needs. Lays out, draws nothing.
 * With @keep, *@keep gets the laid-out paragraphs when they can be drawn
 * as they are in a box of that width (NULL otherwise): the caller draws
 * them with draw_text_kept_draw() and frees them. */
typedef struct draw_text_kept draw_text_kept;
double draw_text_height(draw_ctx *dc, const dml_shape *s,
                        const dml_shape *const *chain, int n, double w,
                        draw_text_kept **keep);
/* draw_text() of a text body measured with draw_text_height() into @kept
 * (NULL: laid out here): the same drawing, one layout fewer when pango's
 * state and the box width are still those of the measure. */
void draw_text_kept_draw(draw_ctx *dc, const dml_shape *s,
                         const dml_shape *const *chain, int n, double x,
                         double y, double w, double h, draw_text_kept *kept);
void draw_text_kept_free(draw_text_kept *k);

/* draw-shape.c */
void draw_shape_tree(draw_ctx *dc, const dml_shape *group);
/* The dash pattern of a:prstDash @name in line widths: fills @out and
 * returns the count, 0 for solid or unknown. */
int draw_dash_pattern(const char *name, double out[6]);

/* draw-line.c: stroke the current path (kept) with @src at @width user
 * units (<= 0: one device pixel) with @ln's cap, join, dash and compound
 * type; @closed_shape: the outline of a shape, where algn="in" applies
 * to closed paths. */
void draw_line_stroke_source(cairo_t *cr, const dml_line *ln,
                             cairo_pattern_t *src, double width,
                             int closed_shape);
/* The same in the solid colour @c, centred on the path. */
void draw_line_stroke(cairo_t *cr, const dml_line *ln, dml_rgba c, double width);

/* draw-ftface.c: give font pattern @p (prepared for cairo, with FC_FILE)
 * the process's FreeType face for its file (FC_FT_FACE); NULL allowed. */
typedef struct _FcPattern FcPattern;
void draw_ftface_attach(FcPattern *p);

#endif
