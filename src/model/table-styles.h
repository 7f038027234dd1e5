/*
 * PowerPoint's built-in table styles in a compact form: templates of style
 * parts whose colours are theme slots or the placeholders X/Y (the style's
 * accents), and the catalogue of GUIDs that instantiate them. The data is
 * generated (table-styles.c, scripts/gen-table-styles.py); dml-table.c
 * turns an entry into a dml_table_style.
 */
#ifndef S2P_MODEL_TABLE_STYLES_H
#define S2P_MODEL_TABLE_STYLES_H

#include <stdint.h>

#include "model/dml-color.h"

enum { DML_TBS_X = 0xF0, DML_TBS_Y = 0xF1 };   /* accent placeholders */
enum { DML_TBS_OP_NONE, DML_TBS_OP_TINT, DML_TBS_OP_SHADE, DML_TBS_OP_ALPHA };
enum { DML_TBS_UNSET, DML_TBS_NONE, DML_TBS_SOLID, DML_TBS_REF };

typedef struct dml_tbs_color {
	uint8_t slot;         /* enum dml_scheme_slot, DML_TBS_X or DML_TBS_Y */
	uint8_t op;           /* DML_TBS_OP_* */
	uint8_t pct;          /* the transform's value in whole percent */
} dml_tbs_color;

/* A fill or a line: unset, none, solid colour (lines: of width w_emu and
 * compound type idx, enum dml_cmpd), or a reference (fillRef/lnRef idx)
 * to the theme's style lists. */
typedef struct dml_tbs_paint {
	uint8_t kind;         /* DML_TBS_UNSET .. DML_TBS_REF */
	uint8_t idx;
	uint32_t w_emu;
	dml_tbs_color color;
} dml_tbs_paint;

typedef struct dml_tbs_part {
	uint8_t part;         /* enum dml_tbl_part; DML_TP_COUNT is tblBg */
	int8_t b;             /* -1 unset, 0 off, 1 on */
	uint8_t font;         /* 0 unset, 1 major, 2 minor */
	uint8_t has_color;
	dml_tbs_color color;  /* text */
	dml_tbs_paint fill;
	dml_tbs_paint bdr[6]; /* left right top bottom insideH insideV */
} dml_tbs_part;

typedef struct dml_tbs_template {
	uint16_t first, count; /* into dml_tbs_parts */
} dml_tbs_template;

typedef struct dml_tbs_style {
	const char *guid;     /* braced, upper case */
	const char *name;     /* English catalogue name */
	uint8_t tmpl;
	uint8_t x, y;         /* accent numbers 1..6 for X and Y, 0 if unused */
} dml_tbs_style;

extern const dml_tbs_part dml_tbs_parts[];
extern const dml_tbs_template dml_tbs_templates[];
extern const dml_tbs_style dml_tbs_styles[];
extern const unsigned dml_tbs_n_styles;

#endif
