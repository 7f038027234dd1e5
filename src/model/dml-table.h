/*
 * DrawingML tables in the model (a:tbl of a graphicFrame, §21.1.3) and
 * table styles (§20.1.4.2.26 tblStyle): the grid, the cells as a full
 * n_rows x n_cols array with merges resolved, the tblPr flags and the
 * style the table refers to. Lives in the owning sheet's arena; immutable
 * once loaded. Theme references (fillRef/lnRef) stay unresolved until
 * drawing, where the slide's theme is known.
 */
#ifndef S2P_MODEL_DML_TABLE_H
#define S2P_MODEL_DML_TABLE_H

#include "model/dml.h"

/* Style parts in PowerPoint's order of application ([MS-OE376] 2.1.1298):
 * a later part overrides what an earlier one set. */
enum dml_tbl_part {
	DML_TP_WHOLE, DML_TP_BAND1H, DML_TP_BAND2H, DML_TP_BAND1V, DML_TP_BAND2V,
	DML_TP_LAST_COL, DML_TP_FIRST_COL, DML_TP_LAST_ROW, DML_TP_SE_CELL,
	DML_TP_SW_CELL, DML_TP_FIRST_ROW, DML_TP_NE_CELL, DML_TP_NW_CELL,
	DML_TP_COUNT
};

/* Borders of a style part (a:tcBdr children). */
enum dml_tbl_bdr {
	DML_BDR_LEFT, DML_BDR_RIGHT, DML_BDR_TOP, DML_BDR_BOTTOM,
	DML_BDR_INSIDE_H, DML_BDR_INSIDE_V, DML_BDR_TL2BR, DML_BDR_TR2BL,
	DML_BDR_COUNT
};

/* A cell's own edges (a:tcPr lnL, lnR, lnT, lnB, lnTlToBr, lnBlToTr). */
enum dml_tbl_edge {
	DML_EDGE_L, DML_EDGE_R, DML_EDGE_T, DML_EDGE_B, DML_EDGE_TL2BR,
	DML_EDGE_BL2TR, DML_EDGE_COUNT
};

/* ST_CompoundLine */
enum dml_cmpd { DML_CMPD_SNG, DML_CMPD_DBL, DML_CMPD_THICK_THIN,
	DML_CMPD_THIN_THICK, DML_CMPD_TRI };

/* A border: an explicit a:ln (fill NONE: no line) or an a:lnRef. */
typedef struct dml_tbl_line {
	uint8_t set;          /* given at this level */
	uint8_t cmpd;         /* enum dml_cmpd */
	dml_line ln;
	dml_style_ref ref;    /* ref.has: a:lnRef into the theme's lines */
} dml_tbl_line;

/* A fill: explicit (kind NONE: no fill) or an a:fillRef. */
typedef struct dml_tbl_paint {
	uint8_t set;
	dml_fill fill;
	dml_style_ref ref;    /* ref.has: a:fillRef into the theme's fills */
} dml_tbl_paint;

/* One part of a table style (CT_TablePartStyle). */
typedef struct dml_tbl_part_style {
	int8_t b, i;          /* tcTxStyle b/i: -1 unset, 0 off, 1 on */
	uint8_t font;         /* 0 unset, 1 major, 2 minor, 3 latin/ea/cs */
	const char *latin, *ea, *cs;
	dml_color color;      /* text colour; kind NONE if unset */
	dml_tbl_paint fill;
	dml_tbl_line bdr[DML_BDR_COUNT];
} dml_tbl_part_style;

typedef struct dml_table_style {
	const char *id;       /* styleId, a braced GUID */
	const char *name;
	uint8_t builtin;      /* from PowerPoint's catalogue, not the file */
	dml_tbl_paint bg;     /* tblBg */
	dml_tbl_part_style parts[DML_TP_COUNT];
} dml_table_style;

enum { DML_MAR_L = 1, DML_MAR_R = 2, DML_MAR_T = 4, DML_MAR_B = 8 };

typedef struct dml_tbl_cell {
	dml_text_body *text;  /* a:txBody, or NULL */
	/* as written */
	uint32_t grid_span, row_span; /* >= 1 */
	uint8_t h_merge, v_merge;
	/* resolved by dml_table_merge(): an anchor covers span_r x span_c
	 * slots; a covered slot names its anchor */
	uint8_t covered;
	uint32_t span_r, span_c;
	uint32_t anchor_r, anchor_c;
	/* a:tcPr */
	uint8_t mar_set;      /* DML_MAR_* */
	int64_t mar_l, mar_r, mar_t, mar_b;
	uint8_t has_anchor, anchor, anchor_ctr; /* enum dml_anchor */
	const char *vert;     /* tcPr@vert (static string), NULL: horizontal */
	dml_tbl_paint fill;   /* set == 0: from the style */
	const dml_tbl_line *edge[DML_EDGE_COUNT]; /* NULL: from the style */
} dml_tbl_cell;

struct dml_table {
	uint32_t n_rows, n_cols;
	int64_t *col_w;       /* a:gridCol@w, n_cols */
	int64_t *row_h;       /* a:tr@h, n_rows (rows grow to fit text) */
	dml_tbl_cell *cells;  /* n_rows * n_cols, row-major */
	/* a:tblPr flags (§21.1.3.15) */
	uint8_t first_row, last_row, first_col, last_col, band_row, band_col;
	uint8_t rtl;
	dml_tbl_paint fill;   /* a:tblPr's own fill, behind every cell */
	const dml_table_style *style; /* NULL: no style */
};

/* The cell at (r, c); NULL when out of range. */
dml_tbl_cell *dml_table_cell(const dml_table *t, uint32_t r, uint32_t c);

/* Resolve merges: gridSpan/rowSpan define each anchor's block (clamped to
 * the grid; a block never overlaps an earlier one), every slot inside is
 * marked covered; hMerge/vMerge slots that no anchor reaches stay cells of
 * their own. Returns how many slots were inconsistent (for diagnostics). */
uint32_t dml_table_merge(dml_table *t);

/* The style parts that apply to the cell anchored at (r, c), given the
 * tblPr flags, in order of application (the last one wins). Returns the
 * count (<= DML_TP_COUNT). */
int dml_table_cell_parts(const dml_table *t, uint32_t r, uint32_t c,
                         uint8_t out[DML_TP_COUNT]);

/* What the table style gives one cell: text properties and fill from the
 * parts that apply, and its edges, each taken from the part's outer or
 * inside border depending on where the cell sits in that part's region.
 * Pointers are borrowed from the table's style (NULL: nothing set);
 * fill_part and edge_part[k] name the part that set them, or -1. */
typedef struct dml_tbl_cell_style {
	int8_t b, i;          /* -1 unset */
	uint8_t font;         /* as in dml_tbl_part_style */
	const char *latin, *ea, *cs;
	const dml_color *color;
	const dml_tbl_paint *fill;
	int8_t fill_part;
	const dml_tbl_line *edge[DML_EDGE_COUNT];
	int8_t edge_part[DML_EDGE_COUNT];
} dml_tbl_cell_style;

void dml_table_cell_style(const dml_table *t, uint32_t r, uint32_t c,
                          dml_tbl_cell_style *out);

/* Fill @out with PowerPoint's built-in style @guid (case-insensitive,
 * braces required). Returns 1 if it is in the catalogue, 0 if not.
 * Needs no arena: the result holds only static strings. */
int dml_table_style_builtin(const char *guid, dml_table_style *out);

/* Release the media references the table holds. NULL is allowed. */
void dml_table_release(dml_table *t);

#endif
