/*
 * Loading a graphicFrame's table into the model.
 */
#ifndef S2P_LOAD_LOAD_TABLE_H
#define S2P_LOAD_LOAD_TABLE_H

#include "load/load-imp.h"

/* Parse a:tbl into *out (in lp's arena). Returns 0 or an error code; an
 * unusable table is reported as a diagnostic and left NULL. */
int load_table_parse(load_part *lp, const xmlNode *tbl, dml_table **out);

#endif
