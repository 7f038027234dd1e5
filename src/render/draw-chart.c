/*
 * Drawing charts: not implemented yet, reported as a diagnostic.
 */
#include "render/draw-chart.h"

void
draw_chart(draw_ctx *dc, const dml_shape *s, double w, double h)
{
	(void) w;
	(void) h;
	(void) s;
	pml_diag_add(dc->diags, dc->part, "chart not drawn yet");
}
