/*
 * load/load-geom: a:custGeom and a:avLst (ECMA-376 §20.1.9) from libxml2
 * trees into the dml_geom model.
 */
#ifndef S2P_LOAD_LOAD_GEOM_H
#define S2P_LOAD_LOAD_GEOM_H

#include "base/base.h"
#include "model/dml-geom.h"

#include <libxml/tree.h>
#include <stddef.h>

/* Limits against hostile input; exceeding one fails with S2P_ELIMIT. */
enum {
	LOAD_GEOM_MAX_ADJ = 1024,    /* a:gd in one a:avLst */
	LOAD_GEOM_MAX_GD = 1024,     /* a:gd in one a:gdLst */
	LOAD_GEOM_MAX_PATH = 256,    /* a:path in one a:pathLst */
	LOAD_GEOM_MAX_CMD = 65536    /* commands in one a:path */
};

/**
 * Parse the a:custGeom element @cust_geom (borrowed; elements are matched
 * by local name, so Transitional and Strict both work) into a geometry
 * allocated in @a. Guide references resolve to the latest earlier guide of
 * that name, then an adjust, then a built-in; unknown names read as 0.
 * Returns NULL with @err set: S2P_EFORMAT for a malformed number or an
 * unknown formula operator, S2P_ELIMIT past a LOAD_GEOM_MAX_*, S2P_ENOMEM.
 * Missing attributes read as 0. Main thread only (uses @a).
 */
dml_geom *load_geom_parse_cust(xmlNode *cust_geom, s2p_arena *a,
                               s2p_error *err);

/**
 * Parse an a:avLst of a:prstGeom (@av_lst may be NULL) into *@out, an
 * array of *@n_out adjust overrides allocated in @a (NULL when empty).
 * Entries whose formula is not "val N" are skipped. Returns 0, or
 * S2P_EFORMAT (malformed number), S2P_ELIMIT (over LOAD_GEOM_MAX_ADJ) or
 * S2P_ENOMEM with @err set, leaving *@out NULL and *@n_out 0.
 */
int load_geom_parse_avlst(xmlNode *av_lst, s2p_arena *a, dml_adj **out,
                          size_t *n_out, s2p_error *err);

#endif
