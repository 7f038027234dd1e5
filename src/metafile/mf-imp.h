/*
 * Internals of the metafile player: the device context (GDI's DC state),
 * the object table, and the drawing primitives that the EMF and WMF
 * record readers (mf-emf.c, mf-wmf.c) call with logical coordinates.
 */
#ifndef S2P_METAFILE_MF_IMP_H
#define S2P_METAFILE_MF_IMP_H

#include "metafile/mf.h"

#include <pango/pangocairo.h>

/* Little-endian readers; callers check the bounds first. */
static inline uint16_t
mf_u16(const unsigned char *p)
{
	return (uint16_t) (p[0] | p[1] << 8);
}

static inline int16_t
mf_i16(const unsigned char *p)
{
	return (int16_t) mf_u16(p);
}

static inline uint32_t
mf_u32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 |
	       (uint32_t) p[3] << 24;
}

static inline int32_t
mf_i32(const unsigned char *p)
{
	return (int32_t) mf_u32(p);
}

static inline float
mf_f32(const unsigned char *p)
{
	union { uint32_t u; float f; } v;

	v.u = mf_u32(p);
	return v.f;
}

/* GDI pen styles (low nibble) and flags. */
enum {
	MF_PS_SOLID = 0, MF_PS_DASH, MF_PS_DOT, MF_PS_DASHDOT, MF_PS_DASHDOTDOT,
	MF_PS_NULL, MF_PS_INSIDEFRAME, MF_PS_USERSTYLE, MF_PS_ALTERNATE,
	MF_PS_ENDCAP_SQUARE = 0x100, MF_PS_ENDCAP_FLAT = 0x200,
	MF_PS_JOIN_BEVEL = 0x1000, MF_PS_JOIN_MITER = 0x2000,
	MF_PS_GEOMETRIC = 0x10000
};

/* GDI brush styles. */
enum {
	MF_BS_SOLID = 0, MF_BS_NULL = 1, MF_BS_HATCHED = 2, MF_BS_PATTERN = 3,
	MF_BS_DIBPATTERN = 5, MF_BS_DIBPATTERNPT = 6
};

typedef struct mf_pen {
	uint32_t style;       /* PS_* with cap/join bits */
	double width;         /* logical units; 0 = one pixel */
	uint32_t color;       /* COLORREF: 0x00BBGGRR */
} mf_pen;

typedef struct mf_brush {
	uint32_t style;       /* BS_* */
	uint32_t color;
	uint32_t hatch;
	cairo_surface_t *pattern;  /* BS_PATTERN/DIBPATTERN; a reference */
} mf_brush;

typedef struct mf_font {
	double height;        /* lfHeight: <0 em size, >0 cell height */
	double escapement;    /* tenths of a degree, counter-clockwise */
	int weight, italic, underline, strikeout;
	char face[100];       /* UTF-8 */
	int charset;          /* lfCharSet: the code page of 8-bit text */
} mf_font;

enum mf_obj_kind { MF_OBJ_FREE = 0, MF_OBJ_PEN, MF_OBJ_BRUSH, MF_OBJ_FONT,
                   MF_OBJ_PALETTE, MF_OBJ_OTHER };

typedef struct mf_obj {
	enum mf_obj_kind kind;
	mf_pen pen;
	mf_brush brush;
	mf_font font;
	uint32_t *pal;        /* MF_OBJ_PALETTE: 0x00BBGGRR entries (owned) */
	uint32_t n_pal;
} mf_obj;

/* Map modes (SetMapMode). */
enum { MF_MM_TEXT = 1, MF_MM_LOMETRIC, MF_MM_HIMETRIC, MF_MM_LOENGLISH,
       MF_MM_HIENGLISH, MF_MM_TWIPS, MF_MM_ISOTROPIC, MF_MM_ANISOTROPIC };

/* GDI's device context: what SaveDC saves. */
typedef struct mf_dc {
	mf_pen pen;
	mf_brush brush;           /* pattern: a reference held by this DC */
	mf_font font;
	uint32_t text_color, bk_color;
	int bk_opaque;            /* SetBkMode OPAQUE */
	int winding;              /* SetPolyFillMode WINDING */
	uint32_t text_align;      /* TA_* */
	int map_mode;
	int arc_clockwise;        /* SetArcDirection AD_CLOCKWISE */
	int halftone;             /* SetStretchBltMode HALFTONE */
	double miter;
	double wox, woy, wex, wey;   /* window origin and extent */
	double vox, voy, vex, vey;   /* viewport origin and extent */
	cairo_matrix_t world;     /* EMF world transform */
	double cur_x, cur_y;      /* current position, logical */
	int has_clip;             /* a clip was set since the start */
	uint32_t pal[256];        /* the selected palette's first entries */
	uint32_t n_pal;
} mf_dc;

typedef struct mf_player {
	cairo_t *cr;
	PangoContext *pango;      /* our own, from the caller's font map */
	const mf_limits *lim;
	mf_report *rep;
	cairo_matrix_t base;      /* metafile device units -> cr device */
	double dev_per_mm_x, dev_per_mm_y;  /* for the metric map modes */
	double target_w, target_h;
	mf_dc dc;
	mf_dc *saved;             /* SaveDC stack */
	uint32_t n_saved, cap_saved;
	mf_obj *objs;
	uint32_t n_objs;
	int in_path;              /* between BeginPath and EndPath */
	cairo_path_t *path;       /* the closed bracket, device space */
	uint64_t work;
	int stopped;              /* a limit was hit: play no more */
	/* what is not drawn, for the one diagnostic */
	char unsupported[140];
	uint32_t n_unsupported;
	char notes[140];
} mf_player;

/* mf-play.c: state */
/* @in with every 0 field replaced by its default, in @out. */
const mf_limits *mf_limits_resolve(const mf_limits *in, mf_limits *out);
int mf_player_init(mf_player *pl, cairo_t *cr, PangoContext *pango,
                   const mf_limits *lim, mf_report *rep, uint32_t n_objs);
void mf_player_fini(mf_player *pl);
void mf_dc_defaults(mf_dc *dc);
void mf_unsupported(mf_player *pl, const char *name);
void mf_note(mf_player *pl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Count @n units of work; 0 while within the limit. */
int mf_work(mf_player *pl, uint64_t n);
void mf_report_finish(mf_player *pl);

/* objects */
mf_obj *mf_obj_slot(mf_player *pl, uint32_t i);   /* NULL: out of range */
int mf_obj_first_free(mf_player *pl);            /* WMF: -1 when full */
void mf_obj_clear(mf_obj *o);
void mf_select(mf_player *pl, uint32_t index);
void mf_select_stock(mf_player *pl, uint32_t stock);
void mf_delete(mf_player *pl, uint32_t index);

/* Colours: a COLORREF (0x00BBGGRR, or 0x01 in the top byte: palette
 * index) as cairo's source. */
void mf_set_color(mf_player *pl, uint32_t colorref);
/* Palettes: a new palette object in @o from @n PALETTEENTRY (R, G, B,
 * flags) at @p; selecting one copies its entries into the DC. */
void mf_palette_set(mf_obj *o, const unsigned char *p, uint32_t n);
void mf_palette_entries(mf_player *pl, mf_obj *o, uint32_t start,
                        const unsigned char *p, uint32_t n);

/* DC */
void mf_save_dc(mf_player *pl);
void mf_restore_dc(mf_player *pl, int32_t rel);
void mf_set_map_mode(mf_player *pl, int mode);
/* Fold the caller's CTM into pl->base (device units -> cr device). */
void mf_base_to_device(mf_player *pl);
/* The matrix from logical units to cr's device space. */
void mf_logical_matrix(const mf_player *pl, cairo_matrix_t *m);

/* paths and shapes (logical coordinates) */
void mf_begin_path(mf_player *pl);
void mf_end_path(mf_player *pl);
void mf_abort_path(mf_player *pl);
void mf_close_figure(mf_player *pl);
enum { MF_FILL = 1, MF_STROKE = 2 };
void mf_draw_path(mf_player *pl, int how);   /* FillPath/StrokePath */
void mf_clip_path(mf_player *pl, int mode);
/* Start a shape: a fresh path unless inside a path bracket; sets the
 * logical matrix. */
void mf_shape_begin(mf_player *pl);
/* Finish a shape: fill and/or stroke it (nothing inside a bracket). */
void mf_shape_end(mf_player *pl, int how);
void mf_move_to(mf_player *pl, double x, double y);
void mf_line_to(mf_player *pl, double x, double y);
void mf_rect(mf_player *pl, double l, double t, double r, double b);
void mf_round_rect(mf_player *pl, double l, double t, double r, double b,
                   double cw, double ch);
void mf_ellipse(mf_player *pl, double l, double t, double r, double b);
enum { MF_ARC, MF_ARCTO, MF_CHORD, MF_PIE };
void mf_arc(mf_player *pl, int kind, double l, double t, double r, double b,
            double xs, double ys, double xe, double ye);
void mf_angle_arc(mf_player *pl, double x, double y, double r, double a0,
                  double sweep);

/* clipping, logical rectangles or device rectangles */
void mf_clip_rect(mf_player *pl, double l, double t, double r, double b,
                  int exclude);
enum { MF_RGN_AND = 1, MF_RGN_OR, MF_RGN_XOR, MF_RGN_DIFF, MF_RGN_COPY };
/* @rects: @n device rectangles (l,t,r,b); NULL with @n 0 and COPY resets. */
void mf_clip_region(mf_player *pl, const int32_t *rects, uint32_t n, int mode);
void mf_fill_region(mf_player *pl, const int32_t *rects, uint32_t n,
                    const mf_brush *b);

/* bitmaps: a DIB (BITMAPINFO then bits) */
typedef struct mf_dib {
	const unsigned char *bmi;
	size_t bmi_len;
	const unsigned char *bits;
	size_t bits_len;
	int pal_colors;       /* DIB_PAL_COLORS */
} mf_dib;
/* Decode to a new ARGB32 surface or NULL (noted). @use_alpha: keep the
 * 32-bit alpha channel (AlphaBlend with AC_SRC_ALPHA). */
cairo_surface_t *mf_dib_decode(mf_player *pl, const mf_dib *d, int use_alpha,
                               int *bottom_up);
/* Blit: @img (may be NULL for brush/constant rops) into the logical
 * rectangle, from source rectangle sx,sy,sw,sh of the image. @smooth:
 * interpolate when enlarging (AlphaBlend); otherwise only in HALFTONE
 * stretch mode, as GDI. */
void mf_blit(mf_player *pl, cairo_surface_t *img, uint32_t rop,
             double dx, double dy, double dw, double dh,
             double sx, double sy, double sw, double sh, double alpha,
             int smooth);

/* text: UTF-16 code units, optional advances (logical units) */
#define MF_ETO_OPAQUE 0x2
#define MF_ETO_CLIPPED 0x4
void mf_text(mf_player *pl, double x, double y, const uint16_t *s, uint32_t n,
             const int32_t *dx, int dx_pairs, uint32_t options,
             const double *rect);

/* 8-bit text (WMF TextOut/ExtTextOut, EMF ExtTextOutA) in the DC
 * font's charset to UTF-16: a new array of *@out_n units (caller frees),
 * NULL on failure. *@one_per_byte: each byte gave one unit, so per-byte
 * advances still apply. */
uint16_t *mf_text_8bit(mf_player *pl, const unsigned char *s, size_t n,
                       size_t *out_n, int *one_per_byte);

/* Range checks before anything reaches cairo (24.8 fixed point device
 * coordinates; cairo 1.16's stroker crashes beyond them). */
int mf_matrix_in_range(const cairo_matrix_t *m);
int mf_path_in_range(cairo_t *cr);
/* A PNG file in memory: a new surface, or NULL (noted). */
cairo_surface_t *mf_png_decode(mf_player *pl, const unsigned char *p, size_t n);

/* EMF+ (mf-emfplus.c): the records inside EMR_COMMENTs of dual and
 * EMF+-only files. One interpreter per picture, owned by the EMF reader. */
typedef struct mfp mfp;
/* Check one comment's EMF+ records (@p, @n: after the "EMF+" signature)
 * without drawing: 0 when all drawing records can be played, else -1
 * with the first unplayable record's name in @why. */
int mf_emfplus_check(const unsigned char *p, size_t n, char *why, size_t cap);
/* A new interpreter drawing through @pl with the EMF header's resolution
 * (device units per mm); NULL when out of memory. */
mfp *mf_emfplus_new(mf_player *pl);
void mf_emfplus_free(mfp *m);
/* Play one comment's EMF+ records. Returns 1 when they end with GetDC
 * (the EMF records that follow are drawn until the next EMF+ record). */
int mf_emfplus_play(mfp *m, const unsigned char *p, size_t n);

/* EMF and WMF readers */
int mf_emf_frame(const unsigned char *p, size_t n, double fr[4],
                 mf_report *rep);
int mf_emf_play(mf_player *pl, const unsigned char *p, size_t n,
                double w, double h);
int mf_wmf_frame(const unsigned char *p, size_t n, double fr[4],
                 mf_report *rep);
int mf_wmf_play(mf_player *pl, const unsigned char *p, size_t n,
                double w, double h);

#endif
