/*
 * The DrawingML model: fills, lines, transforms, text and shapes as plain
 * data in OOXML's own integer units (EMU, 1/60000°, 1/1000 %). Built by
 * load/, read by render/; immutable once loaded. Every "has_"/"set" flag
 * tells an explicit value from an inherited one.
 */
#ifndef S2P_MODEL_DML_H
#define S2P_MODEL_DML_H

#include "base/base.h"
#include "model/dml-color.h"
#include "model/dml-geom.h"

#include <stdint.h>

/* ---- fills and lines (§20.1.8) ---- */

/* ST_RectAlignment: where a tile grid or an effect's scaling and skew
 * are anchored. */
enum dml_rect_algn { DML_RA_TL, DML_RA_T, DML_RA_TR, DML_RA_L, DML_RA_CTR,
	DML_RA_R, DML_RA_BL, DML_RA_B, DML_RA_BR };

enum dml_fill_kind {
	DML_FILL_UNSET,  /* not given here: inherit / use the style */
	DML_FILL_NONE, DML_FILL_SOLID, DML_FILL_GRAD, DML_FILL_BLIP,
	DML_FILL_PATT, DML_FILL_GRP
};

typedef struct dml_grad_stop {
	int32_t pos_pct1k;
	dml_color color;
} dml_grad_stop;

enum dml_grad_path { DML_GRAD_LINEAR, DML_GRAD_CIRCLE, DML_GRAD_RECT, DML_GRAD_SHAPE };

typedef struct dml_rect_pct {
	int32_t l, t, r, b;   /* 1/1000 % insets */
} dml_rect_pct;

typedef struct dml_media {
	const char *part;     /* OPC part name, for messages */
	s2p_blob *blob;       /* raw bytes; NULL if missing */
} dml_media;

/* Picture recolouring on a:blip (§20.1.8), applied in document order. */
enum dml_blip_fx_kind {
	DML_BLIP_GRAYSCL,     /* a:grayscl */
	DML_BLIP_DUOTONE,     /* a:duotone: c1 (dark) .. c2 (light) */
	DML_BLIP_BILEVEL,     /* a:biLevel@thresh (a) */
	DML_BLIP_CLR_CHANGE,  /* a:clrChange: c1 -> c2; use_alpha = @useA */
	DML_BLIP_LUM          /* a:lum@bright (a), @contrast (b) */
};

typedef struct dml_blip_fx {
	uint8_t kind;         /* enum dml_blip_fx_kind */
	uint8_t use_alpha;
	int32_t a, b;         /* 1/1000 % */
	dml_color c1, c2;
} dml_blip_fx;

typedef struct dml_fill {
	uint8_t kind;         /* enum dml_fill_kind */
	dml_color color;      /* solid, pattern foreground */
	dml_color bg;         /* pattern background */
	/* gradient */
	dml_grad_stop *stops; /* sorted by position at load */
	uint16_t n_stops;
	uint8_t grad_path;    /* enum dml_grad_path */
	uint8_t lin_scaled;
	uint8_t rot_with_shape;
	int32_t lin_ang_60k;
	dml_rect_pct fill_to; /* path gradients: the focus, in the shape box */
	dml_rect_pct tile_rect; /* gradients: the box the stops span */
	/* picture */
	dml_media media;
	dml_media svg;        /* asvg:svgBlip: drawn instead of @media */
	dml_blip_fx *fx;      /* recolour effects (arena), @n_fx of them */
	uint8_t n_fx;
	dml_rect_pct src_rect;
	dml_rect_pct stretch; /* a:stretch/a:fillRect */
	uint8_t tile;         /* a:tile instead of a:stretch */
	uint8_t tile_flip;    /* bit 0: mirror alternate columns, bit 1: rows
	                         (picture tiles, and gradFill@flip) */
	uint8_t tile_algn;    /* enum dml_rect_algn */
	int64_t tile_tx, tile_ty;        /* EMU */
	int32_t tile_sx, tile_sy;        /* 1/1000 %, of the picture's size */
	int32_t alpha_pct1k;  /* alphaModFix, 100000 if absent */
	/* pattern */
	const char *prst;
} dml_fill;

enum dml_line_end { DML_END_NONE, DML_END_TRIANGLE, DML_END_STEALTH,
	DML_END_DIAMOND, DML_END_OVAL, DML_END_ARROW };

enum dml_ln_compound { DML_LN_CMPD_UNSET, DML_LN_CMPD_SNG, DML_LN_CMPD_DBL,
	DML_LN_CMPD_THICK_THIN, DML_LN_CMPD_THIN_THICK, DML_LN_CMPD_TRI };

enum dml_pen_algn { DML_PEN_UNSET, DML_PEN_CTR, DML_PEN_IN };

#define DML_CUST_DASH_MAX 16  /* a:ds stops kept (dash, space pairs) */

typedef struct dml_line {
	uint8_t has_w;
	int64_t w_emu;
	dml_fill fill;
	const char *dash;     /* prstDash value, "custom" for a:custDash,
	                         NULL = solid/inherit */
	/* a:custDash as dash, space, dash, space... in 1/1000 % of the width */
	int32_t cust_dash_pct1k[2 * DML_CUST_DASH_MAX];
	uint8_t n_cust_dash;  /* values used in cust_dash_pct1k (even) */
	uint8_t cmpd;         /* enum dml_ln_compound */
	uint8_t pen_algn;     /* enum dml_pen_algn */
	uint8_t cap;          /* 0 unset, 1 flat, 2 round, 3 square */
	uint8_t join;         /* 0 unset, 1 round, 2 bevel, 3 miter */
	uint8_t head, tail;   /* enum dml_line_end */
	uint8_t head_w, head_len, tail_w, tail_len; /* 0 sm 1 med 2 lg */
} dml_line;

typedef struct dml_style_ref {
	uint8_t has;
	uint32_t idx;
	dml_color color;
} dml_style_ref;

/* ---- effects (§20.1.8.25 effectLst) ---- */

/* a:outerShdw, a:innerShdw (scale, skew and algn are outer only) and
 * a:prstShdw (the outer shadows it stands for) */
typedef struct dml_shadow {
	uint8_t has;
	uint8_t lighten;              /* the colour + 102/255 per channel (the
	                                 second shadow of a preset) */
	uint8_t rot_with_shape;
	uint8_t algn;                 /* enum dml_rect_algn */
	int64_t blur_emu, dist_emu;
	int32_t dir_60k;
	int32_t sx_pct1k, sy_pct1k;   /* 100000 = unscaled */
	int32_t kx_60k, ky_60k;       /* skew angles, clockwise */
	dml_color color;
} dml_shadow;

typedef struct dml_glow {
	uint8_t has;
	int64_t rad_emu;
	dml_color color;
} dml_glow;

typedef struct dml_reflection {
	uint8_t has;
	uint8_t rot_with_shape;
	uint8_t algn;                 /* enum dml_rect_algn */
	int64_t blur_emu, dist_emu;
	int32_t dir_60k, fade_dir_60k;
	int32_t st_a_pct1k, st_pos_pct1k, end_a_pct1k, end_pos_pct1k;
	int32_t sx_pct1k, sy_pct1k, kx_60k, ky_60k;
} dml_reflection;

typedef struct dml_effects {
	uint8_t has;          /* an a:effectLst was given (even empty) */
	dml_shadow outer;     /* a:outerShdw (or a:prstShdw) */
	dml_shadow outer2;    /* the second shadow of a double a:prstShdw,
	                         drawn beneath the first */
	dml_shadow inner;     /* a:innerShdw */
	dml_glow glow;        /* a:glow */
	int64_t soft_edge_emu;/* a:softEdge@rad; 0 = none */
	dml_reflection refl;  /* a:reflection */
} dml_effects;

/* ---- transforms (§20.1.7.6) ---- */

typedef struct dml_xfrm {
	uint8_t has;
	uint8_t flip_h, flip_v;
	int32_t rot_60k;
	int64_t off_x, off_y, ext_cx, ext_cy;
	int64_t ch_off_x, ch_off_y, ch_ext_cx, ch_ext_cy; /* groups only */
} dml_xfrm;

/* ---- text (§21.1.2) ---- */

enum dml_rpr_bits {
	DML_R_SZ = 1 << 0, DML_R_B = 1 << 1, DML_R_I = 1 << 2, DML_R_U = 1 << 3,
	DML_R_STRIKE = 1 << 4, DML_R_BASELINE = 1 << 5, DML_R_SPC = 1 << 6,
	DML_R_CAP = 1 << 7, DML_R_FILL = 1 << 8, DML_R_LATIN = 1 << 9,
	DML_R_EA = 1 << 10, DML_R_CS = 1 << 11, DML_R_SYM = 1 << 12,
	DML_R_HLINK = 1 << 13, DML_R_KERN = 1 << 14, DML_R_LANG = 1 << 15,
	DML_R_EFFECTS = 1 << 16, DML_R_ALTLANG = 1 << 17
};

typedef struct dml_rpr {
	uint32_t set;         /* enum dml_rpr_bits */
	int32_t sz_100pt;     /* 1/100 pt */
	uint8_t b, i;
	uint8_t u;            /* 0 none, 1 single, 2 double, 3 other styles */
	uint8_t strike;       /* 0 none, 1 single, 2 double */
	uint8_t cap;          /* 0 none, 1 all, 2 small */
	int32_t baseline_pct1k;
	int32_t spc_100pt;
	int32_t kern_100pt;   /* kerning from this size up; 0: none */
	dml_fill fill;
	const char *latin, *ea, *cs, *sym;
	const char *lang;     /* rPr@lang, e.g. "ja-JP" */
	const dml_effects *effects; /* a:effectLst of the run (owner's arena;
	                               an empty one takes inherited ones off) */
	const char *alt_lang; /* rPr@altLang: the east-asian language of a
	                       * Latin run ("ja-JP" beside lang "en-US") */
	uint8_t hlink_tx;     /* with DML_R_HLINK: the link keeps the text's
	                       * colour (ahyp:hlinkClr val="tx"), not hlink */
} dml_rpr;

enum dml_ppr_bits {
	DML_P_ALGN = 1 << 0, DML_P_MARL = 1 << 1, DML_P_INDENT = 1 << 2,
	DML_P_LNSPC = 1 << 3, DML_P_SPCBEF = 1 << 4, DML_P_SPCAFT = 1 << 5,
	DML_P_BULLET = 1 << 6, DML_P_BUFONT = 1 << 7, DML_P_BUCLR = 1 << 8,
	DML_P_BUSZ = 1 << 9, DML_P_RTL = 1 << 10, DML_P_DEFTAB = 1 << 11,
	DML_P_TABS = 1 << 12, DML_P_HANGPUNCT = 1 << 13
};

enum dml_algn { DML_ALGN_L, DML_ALGN_CTR, DML_ALGN_R, DML_ALGN_JUST,
	DML_ALGN_DIST };

enum dml_bullet { DML_BU_NONE, DML_BU_CHAR, DML_BU_AUTONUM, DML_BU_BLIP };

/* a:tab (§21.1.2.2.13): a tab stop from the text box's left inset edge */
enum dml_tab_algn { DML_TAB_L, DML_TAB_R, DML_TAB_CTR, DML_TAB_DEC };
enum { DML_TABS_MAX = 32 };

typedef struct dml_tab {
	int64_t pos;          /* EMU */
	uint8_t algn;         /* enum dml_tab_algn */
} dml_tab;

typedef struct dml_spacing {
	uint8_t pts;          /* 1: val is 1/100 pt, 0: val is 1/1000 % */
	int32_t val;
} dml_spacing;

typedef struct dml_ppr {
	uint32_t set;         /* enum dml_ppr_bits */
	uint8_t algn;
	uint8_t rtl;
	uint8_t hanging_punct; /* hangingPunct: 、。 may hang past the edge */
	int64_t mar_l, indent, def_tab;  /* EMU */
	const dml_tab *tabs;  /* a:tabLst, sorted by position (owner's arena) */
	uint8_t n_tabs;
	dml_spacing ln_spc, spc_bef, spc_aft;
	uint8_t bullet;       /* enum dml_bullet */
	const char *bu_char;  /* UTF-8 */
	const char *bu_scheme;/* buAutoNum@type */
	int32_t bu_start_at;
	const char *bu_font;  /* NULL: follow text */
	uint8_t bu_clr_follow;
	dml_color bu_clr;
	uint8_t bu_sz_pts;    /* 1: bu_sz is 1/100 pt, 0: 1/1000 % of text */
	int32_t bu_sz;
	dml_rpr def_rpr;      /* a:defRPr */
} dml_ppr;

enum { DML_LEVELS = 9 };

typedef struct dml_list_style {
	dml_ppr lvl[DML_LEVELS]; /* a:lvl1pPr .. a:lvl9pPr; .set == 0 if absent */
	dml_ppr def;             /* a:defPPr */
} dml_list_style;

enum dml_run_kind { DML_RUN_TEXT, DML_RUN_BREAK, DML_RUN_FIELD };

typedef struct dml_run {
	uint8_t kind;         /* enum dml_run_kind */
	const char *text;     /* UTF-8; the cached text for fields */
	const char *fld_type; /* a:fld@type, e.g. "slidenum" */
	dml_rpr rpr;
} dml_run;

typedef struct dml_para {
	uint8_t lvl;          /* 0..8 */
	dml_ppr ppr;
	dml_run *runs;
	uint32_t n_runs;
	dml_rpr end_rpr;      /* a:endParaRPr: sizes an empty paragraph */
} dml_para;

enum dml_bpr_bits {
	DML_B_LINS = 1 << 0, DML_B_TINS = 1 << 1, DML_B_RINS = 1 << 2,
	DML_B_BINS = 1 << 3, DML_B_ANCHOR = 1 << 4, DML_B_ANCHORCTR = 1 << 5,
	DML_B_WRAP = 1 << 6, DML_B_AUTOFIT = 1 << 7, DML_B_VERT = 1 << 8,
	DML_B_ROT = 1 << 9, DML_B_NUMCOL = 1 << 10, DML_B_SPCCOL = 1 << 11,
	DML_B_UPRIGHT = 1 << 12, DML_B_RTLCOL = 1 << 13,
	DML_B_SPCFIRSTLAST = 1 << 14
};

enum dml_anchor { DML_ANCHOR_T, DML_ANCHOR_CTR, DML_ANCHOR_B,
	DML_ANCHOR_JUST, DML_ANCHOR_DIST };
enum dml_autofit { DML_AUTOFIT_NONE, DML_AUTOFIT_NORM, DML_AUTOFIT_SHAPE };

typedef struct dml_bpr {
	uint32_t set;         /* enum dml_bpr_bits */
	int64_t l_ins, t_ins, r_ins, b_ins;
	uint8_t anchor, anchor_ctr;
	uint8_t wrap_none;
	uint8_t autofit;      /* enum dml_autofit */
	uint8_t has_font_scale;
	int32_t font_scale_pct1k, ln_spc_red_pct1k;
	const char *vert;     /* NULL or "horz": horizontal */
	int32_t rot_60k;
	int32_t num_col;
	int64_t spc_col;      /* EMU between columns */
	uint8_t upright;      /* bodyPr@upright: text stays upright in a turned
	                         shape */
	uint8_t rtl_col;      /* bodyPr@rtlCol: the first column on the right */
	uint8_t spc_first_last; /* bodyPr@spcFirstLastPara: the first
	                         * paragraph's space before is kept */
} dml_bpr;

typedef struct dml_text_body {
	dml_bpr bpr;
	dml_list_style lst;
	dml_para *paras;
	uint32_t n_paras;
} dml_text_body;

/* ---- shapes (§19.3.1, §20.1.2.2) ---- */

enum dml_shape_kind {
	DML_SHAPE_SP, DML_SHAPE_GROUP, DML_SHAPE_PIC, DML_SHAPE_CXN,
	DML_SHAPE_FRAME, /* graphicFrame: table, chart, diagram, OLE */
	DML_SHAPE_KIND_COUNT
};

enum dml_ph_type {
	DML_PH_NONE, DML_PH_TITLE, DML_PH_CTR_TITLE, DML_PH_SUB_TITLE,
	DML_PH_BODY, DML_PH_OBJ, DML_PH_DT, DML_PH_FTR, DML_PH_SLD_NUM,
	DML_PH_HDR, DML_PH_PIC, DML_PH_CHART, DML_PH_TBL, DML_PH_CLIP_ART,
	DML_PH_DGM, DML_PH_MEDIA, DML_PH_SLD_IMG, DML_PH_OTHER
};

typedef struct dml_ph {
	uint8_t has;
	uint8_t type;         /* enum dml_ph_type; OBJ when absent */
	uint8_t has_idx;
	uint32_t idx;
} dml_ph;

typedef struct dml_shape dml_shape;
typedef struct dml_table dml_table;   /* model/dml-table.h */
typedef struct dml_chart dml_chart;   /* model/dml-chart.h */

struct dml_shape {
	uint8_t kind;         /* enum dml_shape_kind */
	uint8_t hidden;
	uint32_t id;
	const char *name;
	dml_ph ph;
	dml_xfrm xfrm;
	/* geometry: preset (shared const) or custom (in the owner's arena) */
	const dml_geom *geom; /* NULL: none given (inherit or rect) */
	const char *prst;     /* preset name as written, for diagnostics */
	dml_adj *adj;
	uint32_t n_adj;
	dml_fill fill;
	dml_line line;
	uint8_t has_line;
	dml_style_ref ln_ref, fill_ref, effect_ref, font_ref;
	uint8_t use_bg_fill;  /* p:sp@useBgFill: filled with the background */
	dml_effects effects;  /* a:effectLst of spPr */
	dml_text_body *text;  /* NULL if none */
	dml_xfrm tx_xfrm;     /* dsp:txXfrm: text box of SmartArt shapes */
	dml_fill blip;        /* p:pic */
	const char *frame_kind; /* graphicData@uri tail: "table", "chart"... */
	dml_table *table;     /* a:tbl of a graphicFrame, or NULL */
	dml_chart *chart;     /* c:chart of a graphicFrame, or NULL */
	dml_shape *children;  /* groups */
	uint32_t n_children;
};

/* ---- theme (§20.1.6) ---- */

enum { DML_SCRIPT_FONTS_MAX = 48 };

typedef struct dml_script_font {
	const char *script;   /* a:font@script: "Jpan", "Hans", "Arab", ... */
	const char *typeface;
} dml_script_font;

typedef struct dml_font_collection {
	const char *latin, *ea, *cs;
	dml_script_font scripts[DML_SCRIPT_FONTS_MAX];
	uint32_t n_scripts;
} dml_font_collection;

enum { DML_STYLE_LIST_MAX = 8 };

typedef struct dml_theme {
	atomic_int refs;
	s2p_arena *arena;
	const char *name;
	uint32_t scheme[DML_SLOT_THEME_COUNT];
	dml_font_collection major, minor;
	dml_fill fill_styles[DML_STYLE_LIST_MAX];
	uint32_t n_fill_styles;
	dml_line line_styles[DML_STYLE_LIST_MAX];
	uint32_t n_line_styles;
	dml_effects effect_styles[DML_STYLE_LIST_MAX];
	uint32_t n_effect_styles;
	dml_fill bg_fill_styles[DML_STYLE_LIST_MAX];
	uint32_t n_bg_fill_styles;
} dml_theme;

dml_theme *dml_theme_new(void);
dml_theme *dml_theme_ref(dml_theme *t);
void dml_theme_unref(dml_theme *t);

/* Release the media references held by a shape tree or fill. The arena
 * memory itself goes with the owner's arena. */
void dml_fill_release(dml_fill *f);
void dml_shape_release(dml_shape *s);
void dml_text_body_release(dml_text_body *t);

/* Deep copy of a list style into @a (strings and stop arrays copied). */
int dml_list_style_copy(dml_list_style *dst, const dml_list_style *src,
                        s2p_arena *a);

#endif
