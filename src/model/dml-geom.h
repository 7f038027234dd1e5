/*
 * model/dml-geom: DrawingML shape geometry (ECMA-376 §20.1.9), shared by
 * the 187 preset shapes (a static const table generated from
 * presetShapeDefinitions.xml) and by a:custGeom (built in an arena by
 * load/load-geom.c). Plain immutable data; render/draw-geom.c evaluates it.
 */
#ifndef S2P_MODEL_DML_GEOM_H
#define S2P_MODEL_DML_GEOM_H

#include "base/base.h"

#include <stddef.h>
#include <stdint.h>

/*
 * An a:gd of a shape's a:avLst (fmla "val N"): overrides the adjust value
 * of the same name. @val is in the adjust's own unit (usually 1/100000 of
 * a size, or 1/60000 degree).
 */
typedef struct dml_adj {
	const char *name;
	int64_t val;
} dml_adj;

/*
 * Value slots. A geometry refers to every value (built-in variable, adjust,
 * guide, literal) by slot index. The slots of one geometry are laid out as
 *   [0, DML_GEOM_N_BUILTIN)          the built-in variables below
 *   [.., + n_adj)                    adjusts (a:avLst), defaults in adj_vals
 *   [.., + n_gd)                     guides (a:gdLst), evaluated in order
 *   [.., + n_const)                  literal integers, in consts
 * A name no one defines resolves to DML_GEOM_B_L, which is always 0.
 */
#define DML_GEOM_BUILTINS(X) \
	X(W, "w") X(H, "h") X(SS, "ss") X(LS, "ls") \
	X(L, "l") X(T, "t") X(R, "r") X(B, "b") X(HC, "hc") X(VC, "vc") \
	X(WD2, "wd2") X(WD3, "wd3") X(WD4, "wd4") X(WD5, "wd5") \
	X(WD6, "wd6") X(WD8, "wd8") X(WD10, "wd10") X(WD12, "wd12") \
	X(WD32, "wd32") \
	X(HD2, "hd2") X(HD3, "hd3") X(HD4, "hd4") X(HD5, "hd5") \
	X(HD6, "hd6") X(HD8, "hd8") X(HD10, "hd10") X(HD12, "hd12") \
	X(HD32, "hd32") \
	X(SSD2, "ssd2") X(SSD4, "ssd4") X(SSD6, "ssd6") X(SSD8, "ssd8") \
	X(SSD16, "ssd16") X(SSD32, "ssd32") \
	X(CD2, "cd2") X(CD3, "cd3") X(CD4, "cd4") X(CD8, "cd8") \
	X(C3D4, "3cd4") X(C3D8, "3cd8") X(C5D8, "5cd8") X(C7D8, "7cd8")

#define DML_GEOM_BUILTIN_ENUM(id, str) DML_GEOM_B_##id,
enum dml_geom_builtin {
	DML_GEOM_BUILTINS(DML_GEOM_BUILTIN_ENUM)
	DML_GEOM_N_BUILTIN
};
#undef DML_GEOM_BUILTIN_ENUM

/* Guide formula operators (ST_GeomGuideFormula, §20.1.10.29). */
enum dml_geom_op {
	DML_GEOM_OP_VAL,     /* val x */
	DML_GEOM_OP_MULDIV,  /* x * y / z */
	DML_GEOM_OP_ADDSUB,  /* x + y - z */
	DML_GEOM_OP_ADDDIV,  /* (x + y) / z */
	DML_GEOM_OP_IFELSE,  /* x > 0 ? y : z */
	DML_GEOM_OP_ABS,
	DML_GEOM_OP_AT2,     /* atan2(y, x) */
	DML_GEOM_OP_CAT2,    /* x * cos(atan2(z, y)) */
	DML_GEOM_OP_COS,     /* x * cos(y) */
	DML_GEOM_OP_MAX,
	DML_GEOM_OP_MIN,
	DML_GEOM_OP_MOD,     /* sqrt(x^2 + y^2 + z^2) */
	DML_GEOM_OP_PIN,     /* clamp y to [x, z] */
	DML_GEOM_OP_SAT2,    /* x * sin(atan2(z, y)) */
	DML_GEOM_OP_SIN,     /* x * sin(y) */
	DML_GEOM_OP_SQRT,
	DML_GEOM_OP_TAN,     /* x * tan(y) */
	DML_GEOM_N_OP
};

/* One a:gd of a:gdLst: @arg are slot indices (unused ones are 0). */
typedef struct dml_geom_gd {
	uint16_t op;         /* enum dml_geom_op */
	uint16_t arg[3];
} dml_geom_gd;

/*
 * Path commands, stored as one letter each. Arguments (slot indices)
 * follow in order: moveTo/lnTo x y; arcTo wR hR stAng swAng; quadBezTo
 * x1 y1 x y; cubicBezTo x1 y1 x2 y2 x y; close none.
 */
enum dml_geom_cmd {
	DML_GEOM_CMD_MOVE_TO = 'M',
	DML_GEOM_CMD_LN_TO = 'L',
	DML_GEOM_CMD_ARC_TO = 'A',
	DML_GEOM_CMD_QUAD_BEZ_TO = 'Q',
	DML_GEOM_CMD_CUBIC_BEZ_TO = 'C',
	DML_GEOM_CMD_CLOSE = 'Z'
};

/* a:path@fill (ST_PathFillMode). */
enum dml_geom_fill {
	DML_GEOM_FILL_NONE,
	DML_GEOM_FILL_NORM,
	DML_GEOM_FILL_LIGHTEN,
	DML_GEOM_FILL_LIGHTEN_LESS,
	DML_GEOM_FILL_DARKEN,
	DML_GEOM_FILL_DARKEN_LESS
};

typedef struct dml_geom_path {
	int64_t w, h;          /* a:path@w/@h; 0 means "the shape's size" */
	uint8_t fill;          /* enum dml_geom_fill */
	uint8_t stroke;        /* a:path@stroke */
	uint32_t n_cmd;
	uint32_t n_arg;
	const char *cmds;      /* n_cmd enum dml_geom_cmd letters */
	const uint32_t *args;  /* n_arg slot indices */
} dml_geom_path;

typedef struct dml_geom dml_geom;
struct dml_geom {
	const char *name;             /* preset name; NULL for a:custGeom */
	const char *const *adj_names; /* n_adj a:avLst names */
	const int64_t *adj_vals;      /* n_adj defaults */
	const dml_geom_gd *gds;       /* n_gd guides */
	const int64_t *consts;        /* n_const literals */
	const dml_geom_path *paths;   /* n_path paths */
	uint32_t n_adj, n_gd, n_const, n_path;
	uint32_t rect[4];             /* a:rect l t r b, slot indices */
};

/* Total slot count of @g (see the layout above). */
static inline size_t
dml_geom_n_slots(const dml_geom *g)
{
	return (size_t) DML_GEOM_N_BUILTIN + g->n_adj + g->n_gd + g->n_const;
}

/**
 * The preset geometry called @name (ST_ShapeType, case-sensitive, e.g.
 * "roundRect"), or NULL if there is none (the caller reports a diagnostic).
 * The result points into a static const table: never copy or free it.
 * Thread-safe.
 */
const dml_geom *dml_geom_preset(const char *name);

/** Number of presets (187), and the name of preset @i (sorted; NULL if out of range). */
size_t dml_geom_preset_count(void);
const char *dml_geom_preset_name(size_t i);

/**
 * Deep-copy @g into arena @a. A preset (g->name != NULL) is not copied:
 * the static table entry itself is returned, cast to non-const, and must
 * never be written. NULL if @g is NULL or allocation fails.
 */
dml_geom *dml_geom_clone(const dml_geom *g, s2p_arena *a);

/** Slot of the built-in variable @name ("wd2", "3cd4"...), or -1. */
int dml_geom_builtin_find(const char *name);

/** Name of built-in slot @i, or NULL. */
const char *dml_geom_builtin_name(int i);

/* Internal: the generated table (model/preset-geom.c), sorted by name. */
extern const dml_geom dml_geom_preset_table[];
extern const size_t dml_geom_preset_table_len;

#endif
