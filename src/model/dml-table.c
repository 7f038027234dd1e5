/*
 * tables in the model: release of what they hold.
 */
#include "model/dml-table.h"

void
dml_table_release(dml_table *t)
{
	(void) t;
}
