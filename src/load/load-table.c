/*
 * Loading tables: not implemented yet; frames stay undrawn with a
 * diagnostic.
 */
#include "load/load-table.h"

int
load_table_parse(load_part *lp, const xmlNode *tbl, dml_table **out)
{
	(void) lp;
	(void) tbl;
	*out = NULL;
	return 0;
}
