/*
 * Loading charts: not implemented yet; frames stay undrawn with a
 * diagnostic.
 */
#include "load/load-chart.h"

int
load_chart_parse(load_part *lp, const char *rid, dml_chart **out)
{
	(void) lp;
	(void) rid;
	*out = NULL;
	return 0;
}
