/*
 * charts in the model: release of what they hold.
 */
#include "model/dml-chart.h"

void
dml_chart_release(dml_chart *t)
{
	(void) t;
}
